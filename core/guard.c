/* The protective triggers (see guard.h). Audit triggers are generated from the entity
 * descriptions of forms/, so a new entity registered there is audited, versioned and guarded
 * against REPLACE automatically. */
#include "guard.h"

#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"
#include "advnotice.h"
#include "appeal.h"
#include "chain.h"

/* json_object('col', NEW.col, ...) for every column of the entity. From schema
 * SV_MASK_SCHEMA an identity number is kept only masked with a keyed hash (chain.h). */
static int g_schema;
static void json_of(sv_buf *b, const sv_entity *ent, const char *row)
{
    sv_buf_printf(b, "json_object('id', %s.id", row);
    if (ent->parent_col) sv_buf_printf(b, ", '%s', %s.%s", ent->parent_col, row, ent->parent_col);
    for (int i = 0; i < ent->nfields; i++) {
        if (ent->fields[i].type == SV_F_FNR && g_schema >= SV_MASK_SCHEMA)
            sv_buf_printf(b, ", '%s', " SV_FNR_MASK("%s.%s"), ent->fields[i].col, row, ent->fields[i].col);
        else
            sv_buf_printf(b, ", '%s', %s.%s", ent->fields[i].col, row, ent->fields[i].col);
    }
    sv_buf_printf(b, ", 'version', %s.version)", row);
}

typedef struct emit {
    sv_guard_cb cb;
    void *ctx;
    int stop;
    sv_buf sql;
} emit;

static void put(emit *em, const char *name)
{
    if (!em->stop) em->stop = em->cb(name, em->sql.s, em->ctx);
    em->sql.len = 0;
    em->sql.s[0] = '\0';
}

/* The columns a row's owner writes (everything but derived columns such as plan.rev and the
 * participant's list state, which triggers keep current). */
static void owned_cols(sv_buf *b, const sv_entity *ent)
{
    if (ent->parent_col) sv_buf_printf(b, "%s, ", ent->parent_col);
    for (int i = 0; i < ent->nfields; i++) sv_buf_printf(b, "%s, ", ent->fields[i].col);
    if (ent == &SV_ENT_PARTICIPANT) sv_buf_add(b, "search_key, ");
    sv_buf_add(b, "version, updated_by, updated_at");
}

/* Columns that are unique besides id: a REPLACE on them would delete another row silently. */
static const char *unique_col(const sv_entity *ent)
{
    if (ent == &SV_ENT_PARTICIPANT) return "fnr";
    if (ent == &SV_ENT_MUNICIPALITY) return "number";
    if (ent == &SV_ENT_NIR_REG) return "item";
    if (ent->one_per_parent) return ent->parent_col;
    return NULL;
}

static void entity_triggers(emit *em, const sv_entity *ent)
{
    const char *t = ent->table;
    char name[64];
    sv_buf_printf(&em->sql, "CREATE TRIGGER %s_audit_i AFTER INSERT ON %s BEGIN INSERT INTO audit"
                            "(login, tbl, row_id, action, new) VALUES(sv_user(), '%s', NEW.id, 'insert', ", t, t, t);
    json_of(&em->sql, ent, "NEW");
    sv_buf_add(&em->sql, "); END");
    snprintf(name, sizeof name, "%s_audit_i", t);
    put(em, name);
    sv_buf_printf(&em->sql, "CREATE TRIGGER %s_audit_u AFTER UPDATE ON %s WHEN OLD.version IS NOT NEW.version"
                            " BEGIN INSERT INTO audit(login, tbl, row_id, action, old, new) VALUES(sv_user(), '%s',"
                            " NEW.id, 'update', ", t, t, t);
    json_of(&em->sql, ent, "OLD");
    sv_buf_add(&em->sql, ", ");
    json_of(&em->sql, ent, "NEW");
    sv_buf_add(&em->sql, "); END");
    snprintf(name, sizeof name, "%s_audit_u", t);
    put(em, name);
    sv_buf_printf(&em->sql, "CREATE TRIGGER %s_audit_d AFTER DELETE ON %s BEGIN INSERT INTO audit"
                            "(login, tbl, row_id, action, old) VALUES(sv_user(), '%s', OLD.id, 'delete', ", t, t, t);
    json_of(&em->sql, ent, "OLD");
    sv_buf_add(&em->sql, "); END");
    snprintf(name, sizeof name, "%s_audit_d", t);
    put(em, name);
    /* Every change of what the owner wrote is a new version, and so an audit row. */
    sv_buf_printf(&em->sql, "CREATE TRIGGER %s_version BEFORE UPDATE OF ", t);
    owned_cols(&em->sql, ent);
    sv_buf_printf(&em->sql, " ON %s WHEN NEW.version IS NOT OLD.version + 1 BEGIN"
                            " SELECT RAISE(ABORT, 'en endring uten ny versjon er ikke tillatt'); END", t);
    snprintf(name, sizeof name, "%s_version", t);
    put(em, name);
    /* REPLACE deletes the row it replaces without any DELETE trigger; BEFORE INSERT runs first. */
    const char *u = unique_col(ent);
    sv_buf_printf(&em->sql, "CREATE TRIGGER %s_no_replace BEFORE INSERT ON %s WHEN EXISTS(SELECT 1 FROM %s"
                            " WHERE id = NEW.id)", t, t, t);
    if (u) sv_buf_printf(&em->sql, " OR EXISTS(SELECT 1 FROM %s WHERE %s = NEW.%s)", t, u, u);
    sv_buf_add(&em->sql, " BEGIN SELECT RAISE(ABORT, 'raden finnes allerede (erstatning er ikke tillatt)'); END");
    snprintf(name, sizeof name, "%s_no_replace", t);
    put(em, name);
    if (u) {
        sv_buf_printf(&em->sql, "CREATE TRIGGER %s_no_replace_u BEFORE UPDATE OF id, %s ON %s WHEN"
                                " EXISTS(SELECT 1 FROM %s WHERE (id = NEW.id OR %s = NEW.%s) AND id IS NOT OLD.id)"
                                " BEGIN SELECT RAISE(ABORT, 'raden finnes allerede (erstatning er ikke tillatt)'); END",
                      t, u, t, t, u, u);
    } else {
        sv_buf_printf(&em->sql, "CREATE TRIGGER %s_no_replace_u BEFORE UPDATE OF id ON %s WHEN"
                                " NEW.id IS NOT OLD.id"
                                " BEGIN SELECT RAISE(ABORT, 'raden finnes allerede (erstatning er ikke tillatt)'); END",
                      t, t);
    }
    snprintf(name, sizeof name, "%s_no_replace_u", t);
    put(em, name);
}

static const struct { const char *name, *sql; } FIXED[] = {
    {"audit_no_update", "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
                        " SELECT RAISE(ABORT, 'revisjonsloggen kan ikke endres'); END"},
    {"audit_no_delete", "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
                        " SELECT RAISE(ABORT, 'revisjonsloggen kan ikke slettes'); END"},
    {"decision_no_update", "CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision BEGIN"
                           " SELECT RAISE(ABORT, 'et fattet vedtak kan ikke endres'); END"},
    {"decision_no_delete", "CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision BEGIN"
                           " SELECT RAISE(ABORT, 'et fattet vedtak kan ikke slettes'); END"},
    {"decision_no_replace", "CREATE TRIGGER decision_no_replace BEFORE INSERT ON decision WHEN"
                            " EXISTS(SELECT 1 FROM decision WHERE id = NEW.id OR uuid = NEW.uuid) BEGIN"
                            " SELECT RAISE(ABORT, 'et fattet vedtak kan ikke erstattes'); END"},
    {"decision_audit_i", "CREATE TRIGGER decision_audit_i AFTER INSERT ON decision BEGIN INSERT INTO audit"
                         "(login, tbl, row_id, action, new) VALUES(sv_user(), 'decision', NEW.id, 'insert',"
                         " json_object('participant_id', NEW.participant_id, 'uuid', NEW.uuid, 'kind', NEW.kind,"
                         " 'decided_on', NEW.decided_on, 'plan_rev', NEW.plan_rev)); END"},
    {"users_audit_i", "CREATE TRIGGER users_audit_i AFTER INSERT ON users BEGIN INSERT INTO audit"
                      "(login, tbl, row_id, action, new) VALUES(sv_user(), 'users', NULL, 'insert',"
                      " json_object('login', NEW.login, 'role', NEW.role, 'municipality_id', NEW.municipality_id)); END"},
    {"users_audit_u", "CREATE TRIGGER users_audit_u AFTER UPDATE ON users BEGIN INSERT INTO audit"
                      "(login, tbl, row_id, action, old, new) VALUES(sv_user(), 'users', NULL, 'update',"
                      " json_object('login', OLD.login, 'role', OLD.role), json_object('login', NEW.login, 'role', NEW.role)); END"},
    {"users_audit_d", "CREATE TRIGGER users_audit_d AFTER DELETE ON users BEGIN INSERT INTO audit"
                      "(login, tbl, row_id, action, old) VALUES(sv_user(), 'users', NULL, 'delete',"
                      " json_object('login', OLD.login, 'role', OLD.role)); END"},
};

/* The chain's own triggers: each audit row and decision is linked as it is written, and the
 * chain itself can only grow. */
static const struct { const char *name, *sql; } CHAIN[] = {
    {"chain_audit", "CREATE TRIGGER chain_audit AFTER INSERT ON audit BEGIN INSERT INTO chain(kind, row_id, link)"
                    " VALUES('audit', NEW.id, sv_chain_link((SELECT link FROM chain ORDER BY seq DESC LIMIT 1),"
                    " 'audit', " SV_CHAIN_AUDIT_COLS("NEW.") ")); END"},
    {"chain_decision", "CREATE TRIGGER chain_decision AFTER INSERT ON decision BEGIN INSERT INTO chain(kind, row_id,"
                       " link) VALUES('decision', NEW.id, sv_chain_link((SELECT link FROM chain ORDER BY seq DESC"
                       " LIMIT 1), 'decision', " SV_CHAIN_DECISION_COLS("NEW.") ")); END"},
    {"chain_no_update", "CREATE TRIGGER chain_no_update BEFORE UPDATE ON chain BEGIN"
                        " SELECT RAISE(ABORT, 'kjeden over historikken kan ikke endres'); END"},
    {"chain_no_delete", "CREATE TRIGGER chain_no_delete BEFORE DELETE ON chain BEGIN"
                        " SELECT RAISE(ABORT, 'kjeden over historikken kan ikke endres'); END"},
};

/* The notifications recorded after a decision, from SV_CHAIN_NOTICE_SCHEMA: append-only
 * (as migration 12 made them) and chained like the decisions. */
static const struct { const char *name, *sql; } NOTICE[] = {
    {"notification_no_update", "CREATE TRIGGER notification_no_update BEFORE UPDATE ON notification BEGIN"
                               "  SELECT RAISE(ABORT, 'en registrert underretning kan ikke endres; registrer en ny'); END"},
    {"notification_no_delete", "CREATE TRIGGER notification_no_delete BEFORE DELETE ON notification BEGIN"
                               "  SELECT RAISE(ABORT, 'en registrert underretning kan ikke slettes'); END"},
    {"notification_no_replace", "CREATE TRIGGER notification_no_replace BEFORE INSERT ON notification WHEN"
                                " EXISTS(SELECT 1 FROM notification WHERE id = NEW.id) BEGIN"
                                " SELECT RAISE(ABORT, 'en registrert underretning kan ikke erstattes'); END"},
    {"chain_notification", "CREATE TRIGGER chain_notification AFTER INSERT ON notification BEGIN INSERT INTO"
                           " chain(kind, row_id, link) VALUES('notification', NEW.id, sv_chain_link((SELECT link"
                           " FROM chain ORDER BY seq DESC LIMIT 1), 'notification', " SV_CHAIN_NOTICE_COLS("NEW.")
                           ")); END"},
};

/* The verdict beside each decision, from SV_CHAIN_VERDICT_SCHEMA: immutable (as migration 11
 * made it), never replaced, and chained. */
static const struct { const char *name, *sql; } VERDICT[] = {
    {"decision_verdict_no_update", "CREATE TRIGGER decision_verdict_no_update BEFORE UPDATE ON decision_verdict BEGIN"
                                   "  SELECT RAISE(ABORT, 'et vedtaks regelkontroll kan ikke endres'); END"},
    {"decision_verdict_no_delete", "CREATE TRIGGER decision_verdict_no_delete BEFORE DELETE ON decision_verdict BEGIN"
                                   "  SELECT RAISE(ABORT, 'et vedtaks regelkontroll kan ikke slettes'); END"},
    {"decision_verdict_no_replace", "CREATE TRIGGER decision_verdict_no_replace BEFORE INSERT ON decision_verdict WHEN"
                                    " EXISTS(SELECT 1 FROM decision_verdict WHERE decision_id = NEW.decision_id) BEGIN"
                                    " SELECT RAISE(ABORT, 'et vedtaks regelkontroll kan ikke erstattes'); END"},
    {"chain_verdict", "CREATE TRIGGER chain_verdict AFTER INSERT ON decision_verdict BEGIN INSERT INTO chain(kind,"
                      " row_id, link) VALUES('decision_verdict', NEW.decision_id, sv_chain_link((SELECT link FROM chain ORDER BY"
                      " seq DESC LIMIT 1), 'decision_verdict', " SV_CHAIN_VERDICT_COLS("NEW.") ")); END"},
};

/* The advance notices (core/advnotice.c), from SV_ADVNOTICE_SCHEMA: append-only and audited;
 * from SV_CHAIN_ADVNOTICE_SCHEMA chained like the notifications (ADVNOTICE_CHAIN). */
static const struct { const char *name, *sql; } ADVNOTICE[] = {
    {"advance_notice_no_update", "CREATE TRIGGER advance_notice_no_update BEFORE UPDATE ON advance_notice BEGIN"
                                 "  SELECT RAISE(ABORT, 'et registrert forhåndsvarsel kan ikke endres; registrer et nytt'); END"},
    {"advance_notice_no_delete", "CREATE TRIGGER advance_notice_no_delete BEFORE DELETE ON advance_notice BEGIN"
                                 "  SELECT RAISE(ABORT, 'et registrert forhåndsvarsel kan ikke slettes'); END"},
    {"advance_notice_no_replace", "CREATE TRIGGER advance_notice_no_replace BEFORE INSERT ON advance_notice WHEN"
                                  " EXISTS(SELECT 1 FROM advance_notice WHERE id = NEW.id) BEGIN"
                                  " SELECT RAISE(ABORT, 'et registrert forhåndsvarsel kan ikke erstattes'); END"},
    {"advance_notice_audit", "CREATE TRIGGER advance_notice_audit AFTER INSERT ON advance_notice BEGIN"
                             "  INSERT INTO audit(login, tbl, row_id, action, old, new) VALUES(NEW.recorded_by,"
                             "  'advance_notice', NEW.id, 'insert', NULL, json_object('participant_id', NEW.participant_id,"
                             "  'kind', NEW.kind, 'sent_on', NEW.sent_on, 'answer_by', NEW.answer_by, 'content', NEW.content,"
                             "  'exception', NEW.exception, 'exception_reason', NEW.exception_reason, 'ref', NEW.ref,"
                             "  'answered_on', NEW.answered_on, 'answer', NEW.answer)); END"},
};
static const struct { const char *name, *sql; } ADVNOTICE_CHAIN[] = {
    {"chain_advance_notice", "CREATE TRIGGER chain_advance_notice AFTER INSERT ON advance_notice BEGIN INSERT INTO"
                             " chain(kind, row_id, link) VALUES('advance_notice', NEW.id, sv_chain_link((SELECT link"
                             " FROM chain ORDER BY seq DESC LIMIT 1), 'advance_notice', " SV_CHAIN_ADVNOTICE_COLS("NEW.")
                             ")); END"},
};

/* The appeals (core/appeal.c), from SV_APPEAL_SCHEMA: every step audited and a new version,
 * never deleted; what was received and an outcome stay as recorded. */
static const struct { const char *name, *sql; } APPEAL[] = {
    {"appeal_audit_i", "CREATE TRIGGER appeal_audit_i AFTER INSERT ON appeal BEGIN INSERT INTO audit(login, tbl,"
                       " row_id, action, new) VALUES(sv_user(), 'appeal', NEW.id, 'insert', " SV_APPEAL_JSON("NEW") "); END"},
    {"appeal_audit_u", "CREATE TRIGGER appeal_audit_u AFTER UPDATE ON appeal BEGIN INSERT INTO audit(login, tbl,"
                       " row_id, action, old, new) VALUES(sv_user(), 'appeal', NEW.id, 'update', " SV_APPEAL_JSON("OLD")
                       ", " SV_APPEAL_JSON("NEW") "); END"},
    {"appeal_version", "CREATE TRIGGER appeal_version BEFORE UPDATE ON appeal WHEN NEW.version IS NOT OLD.version + 1"
                       " BEGIN SELECT RAISE(ABORT, 'en endring uten ny versjon er ikke tillatt'); END"},
    {"appeal_no_delete", "CREATE TRIGGER appeal_no_delete BEFORE DELETE ON appeal BEGIN"
                         " SELECT RAISE(ABORT, 'en registrert klage kan ikke slettes'); END"},
    {"appeal_no_replace", "CREATE TRIGGER appeal_no_replace BEFORE INSERT ON appeal WHEN"
                          " EXISTS(SELECT 1 FROM appeal WHERE id = NEW.id) BEGIN"
                          " SELECT RAISE(ABORT, 'en registrert klage kan ikke erstattes'); END"},
    {"appeal_received_fixed", "CREATE TRIGGER appeal_received_fixed BEFORE UPDATE OF id, decision_id, participant_id,"
                              " received_on, grounds, late ON appeal WHEN NEW.id IS NOT OLD.id OR NEW.decision_id IS NOT"
                              " OLD.decision_id OR NEW.participant_id IS NOT OLD.participant_id OR NEW.received_on IS NOT"
                              " OLD.received_on OR NEW.grounds IS NOT OLD.grounds OR NEW.late IS NOT OLD.late BEGIN"
                              " SELECT RAISE(ABORT, 'en mottatt klage kan ikke endres'); END"},
    {"appeal_one_outcome", "CREATE TRIGGER appeal_one_outcome BEFORE UPDATE OF outcome ON appeal WHEN OLD.outcome IS"
                           " NOT NULL BEGIN SELECT RAISE(ABORT, 'klagen har allerede et utfall'); END"},
};

int sv_guard_each(int schema, sv_guard_cb cb, void *ctx)
{
    emit em = {cb, ctx, 0, {0}};
    g_schema = schema;
    sv_buf_init(&em.sql);
    for (size_t i = 0; i < sizeof FIXED / sizeof FIXED[0] && !em.stop; i++)
        em.stop = cb(FIXED[i].name, FIXED[i].sql, ctx);
    for (int i = 0; SV_ENTITIES[i] && !em.stop; i++) entity_triggers(&em, SV_ENTITIES[i]);
    /* NIR registrations (schema 6) are written only by core/nir.c, guarded the same way. */
    if (schema >= 6 && !em.stop) entity_triggers(&em, &SV_ENT_NIR_REG);
    for (size_t i = 0; schema >= SV_CHAIN_SCHEMA && i < sizeof CHAIN / sizeof CHAIN[0] && !em.stop; i++)
        em.stop = cb(CHAIN[i].name, CHAIN[i].sql, ctx);
    for (size_t i = 0; schema >= SV_CHAIN_NOTICE_SCHEMA && i < sizeof NOTICE / sizeof NOTICE[0] && !em.stop; i++)
        em.stop = cb(NOTICE[i].name, NOTICE[i].sql, ctx);
    for (size_t i = 0; schema >= SV_CHAIN_VERDICT_SCHEMA && i < sizeof VERDICT / sizeof VERDICT[0] && !em.stop; i++)
        em.stop = cb(VERDICT[i].name, VERDICT[i].sql, ctx);
    for (size_t i = 0; schema >= SV_ADVNOTICE_SCHEMA && i < sizeof ADVNOTICE / sizeof ADVNOTICE[0] && !em.stop; i++)
        em.stop = cb(ADVNOTICE[i].name, ADVNOTICE[i].sql, ctx);
    if (schema >= SV_CHAIN_ADVNOTICE_SCHEMA && !em.stop)
        em.stop = cb(ADVNOTICE_CHAIN[0].name, ADVNOTICE_CHAIN[0].sql, ctx);
    for (size_t i = 0; schema >= SV_APPEAL_SCHEMA && i < sizeof APPEAL / sizeof APPEAL[0] && !em.stop; i++)
        em.stop = cb(APPEAL[i].name, APPEAL[i].sql, ctx);
    sv_buf_free(&em.sql);
    return em.stop;
}

static int add_sql(const char *name, const char *sql, void *ctx)
{
    sv_buf_printf(ctx, "DROP TRIGGER IF EXISTS %s; %s;", name, sql);
    return 0;
}

void sv_guard_sql(int schema, sv_buf *b) { sv_guard_each(schema, add_sql, b); }

void sv_guard_row_json(sv_buf *b, int schema, const sv_entity *ent, const char *row)
{
    g_schema = schema;
    json_of(b, ent, row);
}

void sv_guard_entity_sql(sv_buf *b, const sv_entity *ent)
{
    emit em = {add_sql, b, 0, {0}};
    g_schema = SV_MASK_SCHEMA;
    sv_buf_init(&em.sql);
    entity_triggers(&em, ent);
    sv_buf_free(&em.sql);
}
