/* The NIR worklist: items derived in SQL from the recorded facts, one branch per kind of item,
 * matched against what has been registered. Dates are ISO text in the store, so ordering by
 * the event date is ordering by the deadline (event + 2 months is monotonic); the deadline
 * itself is computed by sv_date_add_months, the program's one month arithmetic. */
#include "nir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "model.h"
#include "i18n.h"

/* Migration: the months with hours absent are read through their own index; the migration
 * also writes the triggers and items of absence by the hour and of leave (sv_nir_schema_sql_for
 * runs at the end of every migration). */
const char SV_MIGRATION_NIR_HOURS[] =
    "CREATE INDEX IF NOT EXISTS absence_hour_absent ON absence_hour(participant_id, on_day) WHERE hours > 0;";

/* Migration: the items of appeals and their outcomes, and the offer without refusals; nothing
 * to create (the appeal table has no index on purpose, core/appeal.c): the triggers and the
 * items are written by sv_nir_schema_sql_for at the end of the migration, like every one. */
const char SV_MIGRATION_NIR_APPEAL[] = "";
/* Migration 32: only a decision that sets the plan again resumes a stopped programme; the
 * items are derived again at its end. */
const char SV_MIGRATION_NIR_RESUME[] = "";

/* Kinds of items: code, label, and how to find the participant of the row the fact lives on. */
static const char SQL_DECISION[] = "SELECT participant_id FROM decision WHERE id = ?";
static const char SQL_PLAN[] = "SELECT participant_id FROM plan WHERE id = ?";
static const char SQL_ASSESSMENT[] = "SELECT participant_id FROM assessment WHERE id = ?";
static const char SQL_PM[] = "SELECT pl.participant_id FROM plan_measure pm JOIN phase ph ON ph.id = pm.phase_id"
                             " JOIN plan pl ON pl.id = ph.plan_id WHERE pm.id = ?";
static const char SQL_ABSENCE[] = "SELECT participant_id FROM absence WHERE id = ?";
static const char SQL_EVALUATION[] = "SELECT participant_id FROM evaluation WHERE id = ?";
static const char SQL_ABSENCE_HOUR[] = "SELECT participant_id FROM absence_hour WHERE id = ?";
static const char SQL_LEAVE[] = "SELECT participant_id FROM leave WHERE id = ?";
static const char SQL_APPEAL[] = "SELECT participant_id FROM appeal WHERE id = ?";

static const struct {
    const char *kind, *label, *owner_sql;
} KINDS[] = {
    {"tilbud", N_("Tilbud og tildeling"), SQL_DECISION},
    {"start", N_("Programstart"), SQL_PLAN},
    {"stans", N_("Stans i programmet"), SQL_DECISION},
    {"gjenopptak", N_("Gjenopptak etter stans"), SQL_DECISION},
    {"sluttmaal", N_("Sluttmål"), SQL_PLAN},
    {"kartlegging", N_("Kartlegging gjennomført"), SQL_ASSESSMENT},
    {"karriere", N_("Karriereveiledning gjennomført"), SQL_ASSESSMENT},
    {"tiltak", N_("Element i programmet (varighet og omfang)"), SQL_PM},
    {"foreldre", N_("Foreldreveiledning fullført"), SQL_PM},
    {"livsmestring", N_("Livsmestring i et nytt land fullført"), SQL_PM},
    {"fravaer", N_("Permisjon og fravær"), SQL_ABSENCE},
    {"timefravaer", N_("Fravær per time i måneden"), SQL_ABSENCE_HOUR},
    {"permisjon", N_("Innvilget permisjon"), SQL_LEAVE},
    {"klage", N_("Klage på vedtak"), SQL_APPEAL},
    {"klageutfall", N_("Utfall av klage"), SQL_APPEAL},
    {"slutt", N_("Avslutning og årsak"), SQL_EVALUATION},
};
#define NKINDS ((int)(sizeof KINDS / sizeof KINDS[0]))

/* One SELECT per kind, each giving (pid, muni, kind, ref, fact, ev). @F is replaced by the
 * participant filter. The fact is what NIR is told and what a registration is compared with:
 * codes and ISO dates only, so it does not depend on the screen language. Items of the plan
 * exist once a decision has fixed it. */
#define DECIDED " AND EXISTS(SELECT 1 FROM decision WHERE participant_id = p.id)"
#define PM_JOIN " FROM participant p JOIN plan pl ON pl.participant_id = p.id JOIN phase ph ON ph.plan_id = pl.id" \
                " JOIN plan_measure pm ON pm.phase_id = ph.id JOIN measure m ON m.id = pm.measure_id"
enum { G_DECISION = 1, G_PLAN = 2, G_ASSESSMENT = 4, G_ABSENCE = 8, G_EVALUATION = 16, G_ABSENCE_HOUR = 32,
       G_LEAVE = 64, G_APPEAL = 128, G_ALL = 255 };
/* The schema the tables of the later branches came with (core/schema.c): the items are derived
 * at every migration, also for the older targets the tests build. */
#define SCHEMA_ABSENCE_HOUR 22
#define SCHEMA_LEAVE 23
#define SCHEMA_APPEAL 26
static int g_schema = 1 << 30;   /* the schema the SQL is written for (sv_nir_schema_sql_for) */
static const struct {
    int schema;            /* the first schema whose tables it reads (0: every one) */
    int groups;            /* the facts it comes from: which triggers derive it again */
    const char *kinds;     /* the kinds it gives, as an SQL list */
    const char *sql;
} BRANCHES[] = {
    /* the first decision that offers the programme: a refusal (avslag) is no offer */
    {0, G_DECISION, "'tilbud'",
    "SELECT p.id AS pid, p.municipality_id AS muni, 'tilbud' AS kind, d.id AS ref, 'vedtak ' || d.decided_on AS fact,"
    " d.decided_on AS ev FROM participant p JOIN decision d ON d.id = (SELECT id FROM decision"
    " WHERE participant_id = p.id AND kind <> 'avslag' ORDER BY decided_on, id LIMIT 1) WHERE @F"},
    {0, G_PLAN | G_DECISION, "'start'",
    "SELECT p.id, p.municipality_id, 'start', pl.id, pl.start_on, pl.start_on FROM participant p"
    " JOIN plan pl ON pl.participant_id = p.id WHERE @F AND pl.start_on IS NOT NULL" DECIDED},
    {0, G_DECISION, "'stans'",
    "SELECT p.id, p.municipality_id, 'stans', d.id, 'stans ' || d.decided_on, d.decided_on FROM participant p"
    " JOIN decision d ON d.participant_id = p.id WHERE @F AND d.kind = 'stans'"},
    /* a decision that sets the plan again, right after a stop (a refusal, a leave, a cut or an
     * ending after a stop is no resumption) */
    {0, G_DECISION, "'gjenopptak'",
    "SELECT p.id, p.municipality_id, 'gjenopptak', d.id, 'gjenopptatt ' || d.decided_on, d.decided_on FROM participant p"
    " JOIN decision d ON d.participant_id = p.id WHERE @F AND d.kind IN ('plan', 'endring', 'forlengelse') AND (SELECT x.kind FROM decision x"
    " WHERE x.participant_id = p.id AND (x.decided_on < d.decided_on OR (x.decided_on = d.decided_on AND x.id < d.id))"
    " ORDER BY x.decided_on DESC, x.id DESC LIMIT 1) = 'stans'"},
    /* the goal in force since the latest decision that set the plan */
    {0, G_PLAN | G_DECISION, "'sluttmaal'",
    "SELECT p.id, p.municipality_id, 'sluttmaal', pl.id, pl.final_goal, (SELECT max(decided_on) FROM decision"
    " WHERE participant_id = p.id AND kind <> 'stans') FROM participant p JOIN plan pl ON pl.participant_id = p.id"
    " WHERE @F AND ifnull(pl.final_goal, '') <> ''"},
    {0, G_ASSESSMENT, "'kartlegging'",
    "SELECT p.id, p.municipality_id, 'kartlegging', a.id, a.assessed_on, a.assessed_on FROM participant p"
    " JOIN assessment a ON a.participant_id = p.id WHERE @F AND a.assessed_on IS NOT NULL"},
    {0, G_ASSESSMENT, "'karriere'",
    "SELECT p.id, p.municipality_id, 'karriere', a.id, a.career_on, a.career_on FROM participant p"
    " JOIN assessment a ON a.participant_id = p.id WHERE @F AND a.career_on IS NOT NULL"},
    {0, G_PLAN | G_DECISION, "'tiltak'",
    "SELECT p.id, p.municipality_id, 'tiltak', pm.id, m.kind || ' ' || ph.start_on || '/' || ph.end_on || ' '"
    " || printf('%.1f', pm.hours / 10.0) || ' t/uke', ph.start_on" PM_JOIN " WHERE @F" DECIDED},
    {0, G_PLAN | G_DECISION, "'foreldre', 'livsmestring'",
    "SELECT p.id, p.municipality_id, m.kind, pm.id, 'fullført ' || ph.end_on, ph.end_on" PM_JOIN
    " WHERE @F AND m.kind IN ('foreldre', 'livsmestring')" DECIDED},
    {0, G_ABSENCE, "'fravaer'",
    "SELECT p.id, p.municipality_id, 'fravaer', a.id, a.kind || ' ' || a.reason || ' ' || a.from_on || '/' || a.to_on"
    " || CASE WHEN a.approved THEN ' godkjent' ELSE '' END, a.from_on FROM participant p"
    " JOIN absence a ON a.participant_id = p.id WHERE @F"},
    /* absence by the hour (integreringsloven § 17): one item per participant and month with hours
     * absent, the month's approved and unapproved hours as its fact, its event the month's last
     * day (when the month's register is complete); the row it is named by is the month's first */
    {SCHEMA_ABSENCE_HOUR, G_ABSENCE_HOUR, "'timefravaer'",
    "SELECT p.id, p.municipality_id, 'timefravaer', min(h.id), substr(h.on_day, 1, 7) || ' godkjent '"
    " || printf('%.1f', total(CASE WHEN h.approved THEN h.hours END) / 10.0) || ' t ugodkjent '"
    " || printf('%.1f', total(CASE WHEN h.approved THEN 0 ELSE h.hours END) / 10.0) || ' t',"
    " date(min(h.on_day), 'start of month', '+1 month', '-1 day') FROM participant p"
    " JOIN absence_hour h ON h.participant_id = p.id WHERE @F AND h.hours > 0 GROUP BY p.id, substr(h.on_day, 1, 7)"},
    /* granted leave (introduksjonsloven § 10 / integreringsloven § 17 with their regulations):
     * its kind and period, from its first day */
    {SCHEMA_LEAVE, G_LEAVE, "'permisjon'",
    "SELECT p.id, p.municipality_id, 'permisjon', l.id, l.kind || ' ' || l.from_on || '/' || l.to_on, l.from_on"
    " FROM participant p JOIN leave l ON l.participant_id = p.id WHERE @F AND l.granted"},
    /* an appeal against a decision (forvaltningsloven § 28), from the day it was received: the
     * decision by its date */
    {SCHEMA_APPEAL, G_APPEAL, "'klage'",
    "SELECT p.id, p.municipality_id, 'klage', a.id, 'klage vedtak ' || d.decided_on || ' mottatt ' || a.received_on,"
    " a.received_on FROM participant p JOIN appeal a ON a.participant_id = p.id JOIN decision d ON d.id = a.decision_id"
    " WHERE @F"},
    /* its outcome: the municipality's own review (§ 33 andre ledd) and, once it has come,
     * Statsforvalteren's; from the latest of them, so the outcome at Statsforvalteren changes
     * the fact and reopens an item registered with the review alone */
    {SCHEMA_APPEAL, G_APPEAL, "'klageutfall'",
    "SELECT p.id, p.municipality_id, 'klageutfall', a.id, trim(ifnull('kommunen ' || a.review || ' ' || a.reviewed_on, '')"
    " || ifnull(' statsforvalteren ' || a.outcome || ' ' || a.outcome_on, '')), ifnull(a.outcome_on, a.reviewed_on)"
    " FROM participant p JOIN appeal a ON a.participant_id = p.id"
    " WHERE @F AND (a.review IS NOT NULL OR a.outcome IS NOT NULL)"},
    {0, G_EVALUATION, "'slutt'",
    "SELECT p.id, p.municipality_id, 'slutt', ev.id, ev.end_reason, ev.evaluated_on FROM participant p"
    " JOIN evaluation ev ON ev.participant_id = p.id WHERE @F AND ev.evaluated_on IS NOT NULL"},
};
#define NBRANCHES ((int)(sizeof BRANCHES / sizeof BRANCHES[0]))

/* "SELECT pid, muni, kind, ref, fact, ev" of every branch of the schema, for the participants
 * of filter, in which @G stands for the branch's groups. The first, empty SELECT names the
 * columns. */
static void branches_sql(sv_buf *b, const char *filter)
{
    sv_buf_add(b, "SELECT * FROM (SELECT NULL AS pid, NULL AS muni, NULL AS kind, NULL AS ref, NULL AS fact,"
                  " NULL AS ev WHERE 0");
    for (int i = 0; i < NBRANCHES; i++) {
        if (BRANCHES[i].schema > g_schema) continue;
        sv_buf_add(b, " UNION ALL ");
        for (const char *s = BRANCHES[i].sql; *s;) {
            const char *at = strstr(s, "@F");
            if (!at) { sv_buf_add(b, s); break; }
            sv_buf_addn(b, s, (size_t)(at - s));
            sv_buf_add(b, "(");
            for (const char *f = filter; *f;) {
                const char *g = strstr(f, "@G");
                if (!g) { sv_buf_add(b, f); break; }
                sv_buf_addn(b, f, (size_t)(g - f));
                sv_buf_printf(b, "%d", BRANCHES[i].groups);
                f = g + 2;
            }
            sv_buf_add(b, ")");
            s = at + 2;
        }
    }
    sv_buf_add(b, ") x WHERE x.ev IS NOT NULL");
}

/* The derivation is written once, in the trigger on nir_touch: every trigger on a table the
 * facts live on only inserts (participant, groups) there, and the derivation brings the items of
 * those groups up to date for that participant and removes the row again, so nir_touch is empty
 * between statements. Each trigger used to carry the whole derivation twice: 34 copies, 68 KB of
 * the schema's SQL that SQLite parses at every open (7 ms of a letter's 50, and of every screen's
 * start); now it is parsed once.
 * For the participant NEW.pid, the items of the groups NEW.groups: drops the ones whose fact is
 * gone, adds new ones and rewrites only those whose fact, date or state changed, so saving an
 * unrelated field writes nothing here. A branch outside NEW.groups has a condition that is false
 * before its first row is read. */
static void derive_sql(sv_buf *b)
{
    sv_buf_add(b, "DELETE FROM nir_item WHERE participant_id = NEW.pid AND (0");
    for (int i = 0; i < NBRANCHES; i++)
        if (BRANCHES[i].schema <= g_schema)
            sv_buf_printf(b, " OR (NEW.groups & %d AND kind IN (%s))", BRANCHES[i].groups, BRANCHES[i].kinds);
    sv_buf_add(b, ") AND item NOT IN (SELECT x.kind || ':' || x.ref FROM (");
    branches_sql(b, "p.id = NEW.pid AND NEW.groups & @G");
    sv_buf_add(b, ") x);");
    sv_buf_add(b, "INSERT INTO nir_item(item, participant_id, municipality_id, kind, ref, fact, ev, open)"
                  " SELECT x.kind || ':' || x.ref, x.pid, x.muni, x.kind, x.ref, ifnull(x.fact, ''), x.ev,"
                  " NOT EXISTS(SELECT 1 FROM nir_registration r WHERE r.item = x.kind || ':' || x.ref"
                  " AND r.fact = ifnull(x.fact, '')) FROM (");
    branches_sql(b, "p.id = NEW.pid AND NEW.groups & @G");
    sv_buf_add(b, ") x WHERE 1 ON CONFLICT(item) DO UPDATE SET participant_id = excluded.participant_id,"
                  " municipality_id = excluded.municipality_id, fact = excluded.fact, ev = excluded.ev,"
                  " open = excluded.open WHERE nir_item.fact IS NOT excluded.fact OR nir_item.ev IS NOT excluded.ev"
                  " OR nir_item.open IS NOT excluded.open OR nir_item.participant_id IS NOT excluded.participant_id"
                  " OR nir_item.municipality_id IS NOT excluded.municipality_id;"
                  "DELETE FROM nir_touch WHERE rowid = NEW.rowid;");
}

/* A trigger that has the items of groups derived again for the participants that pids (a
 * SELECT of one column) gives. */
static void touch(sv_buf *b, const char *name, const char *event, const char *when, int groups, const char *pids)
{
    sv_buf_printf(b, "DROP TRIGGER IF EXISTS %s; CREATE TRIGGER %s AFTER %s%s%s BEGIN INSERT INTO nir_touch(pid, groups)"
                     " SELECT DISTINCT pid, %d FROM (%s) WHERE pid IS NOT NULL; END;", name, name, event, when ? " WHEN " : "",
                  when ? when : "", groups, pids);
}

#define PM_OF_MEASURE "SELECT pl.participant_id AS pid FROM plan_measure pm JOIN phase ph ON ph.id = pm.phase_id" \
                      " JOIN plan pl ON pl.id = ph.plan_id WHERE pm.measure_id = NEW.id"

#define PID_NEW "SELECT NEW.participant_id AS pid"
#define PID_OLD "SELECT OLD.participant_id AS pid"

void sv_nir_schema_sql(sv_buf *b) { sv_nir_schema_sql_for(b, 1 << 30); }

void sv_nir_schema_sql_for(sv_buf *b, int schema)
{
    g_schema = schema;
    static const struct { const char *table; int groups; const char *when_new, *when_old; int schema; const char *when_upd; } SOURCES[] = {
        /* the plan's items exist once it is decided: before that, saving it derives nothing */
        {"plan", G_PLAN, "EXISTS(SELECT 1 FROM decision WHERE participant_id = NEW.participant_id)",
         "EXISTS(SELECT 1 FROM nir_item WHERE participant_id = OLD.participant_id)"},
        {"assessment", G_ASSESSMENT, NULL, NULL},
        {"absence", G_ABSENCE, NULL, NULL},
        {"evaluation", G_EVALUATION, NULL, NULL},
        /* a day attended (no hours absent) is no item: only rows with hours derive again */
        {"absence_hour", G_ABSENCE_HOUR, "NEW.hours > 0", "OLD.hours > 0", SCHEMA_ABSENCE_HOUR,
         "OLD.hours > 0 OR NEW.hours > 0"},
        {"leave", G_LEAVE, NULL, NULL, SCHEMA_LEAVE},
        /* appeals are never deleted (appeal_no_delete), the trigger is there for symmetry */
        {"appeal", G_APPEAL, NULL, NULL, SCHEMA_APPEAL}};
    char name[64], ev[64];
    sv_buf_add(b, "CREATE TABLE IF NOT EXISTS nir_touch(pid INTEGER NOT NULL, groups INTEGER NOT NULL);"
                  "DROP TRIGGER IF EXISTS nir_touch_i; CREATE TRIGGER nir_touch_i AFTER INSERT ON nir_touch BEGIN ");
    derive_sql(b);
    sv_buf_add(b, " END;");
    touch(b, "nir_decision_i", "INSERT ON decision", NULL, G_ALL, PID_NEW);
    for (size_t i = 0; i < sizeof SOURCES / sizeof SOURCES[0]; i++) {
        const char *t = SOURCES[i].table;
        int g = SOURCES[i].groups;
        if (SOURCES[i].schema > schema) continue;
        snprintf(name, sizeof name, "nir_%s_i", t);
        snprintf(ev, sizeof ev, "INSERT ON %s", t);
        touch(b, name, ev, SOURCES[i].when_new, g, PID_NEW);
        snprintf(name, sizeof name, "nir_%s_u", t);
        snprintf(ev, sizeof ev, "UPDATE ON %s", t);
        touch(b, name, ev, SOURCES[i].when_upd, g, PID_OLD " UNION " PID_NEW);
        snprintf(name, sizeof name, "nir_%s_d", t);
        snprintf(ev, sizeof ev, "DELETE ON %s", t);
        touch(b, name, ev, SOURCES[i].when_old, g, PID_OLD);
    }
    touch(b, "nir_measure_u", "UPDATE OF kind ON measure", "OLD.kind IS NOT NEW.kind", G_PLAN, PM_OF_MEASURE);
    sv_buf_add(b, "DROP TRIGGER IF EXISTS nir_participant_u; CREATE TRIGGER nir_participant_u"
                  " AFTER UPDATE OF municipality_id ON participant BEGIN UPDATE nir_item"
                  " SET municipality_id = NEW.municipality_id WHERE participant_id = NEW.id; END;"
                  "DROP TRIGGER IF EXISTS nir_participant_d; CREATE TRIGGER nir_participant_d"
                  " AFTER DELETE ON participant BEGIN DELETE FROM nir_item WHERE participant_id = OLD.id; END;"
                  /* a registration closes its item while the fact is the one registered */
                  "DROP TRIGGER IF EXISTS nir_reg_i; CREATE TRIGGER nir_reg_i AFTER INSERT ON nir_registration"
                  " BEGIN UPDATE nir_item SET open = fact IS NOT NEW.fact WHERE item = NEW.item; END;"
                  "DROP TRIGGER IF EXISTS nir_reg_u; CREATE TRIGGER nir_reg_u AFTER UPDATE ON nir_registration"
                  " BEGIN UPDATE nir_item SET open = 1 WHERE item = OLD.item;"
                  " UPDATE nir_item SET open = fact IS NOT NEW.fact WHERE item = NEW.item; END;"
                  "DROP TRIGGER IF EXISTS nir_reg_d; CREATE TRIGGER nir_reg_d AFTER DELETE ON nir_registration"
                  " BEGIN UPDATE nir_item SET open = 1 WHERE item = OLD.item; END;");
    /* Derived again from the facts at every migration, so a changed definition of the items
     * applies to every case at once. */
    sv_buf_add(b, "DELETE FROM nir_item; INSERT INTO nir_item(item, participant_id, municipality_id, kind, ref, fact,"
                  " ev, open) SELECT x.kind || ':' || x.ref, x.pid, x.muni, x.kind, x.ref, ifnull(x.fact, ''), x.ev,"
                  " NOT EXISTS(SELECT 1 FROM nir_registration r WHERE r.item = x.kind || ':' || x.ref"
                  " AND r.fact = ifnull(x.fact, '')) FROM (");
    branches_sql(b, "1");
    sv_buf_add(b, ") x;");
}

/* Reading: ?1 municipality or participant id (0: every one), ?2 adviser ("" any), ?3 today
 * (ISO), ?4 limit (-1 all), ?5 offset. The partial indexes on open items give them in
 * deadline order without a sort. */
#define READ_COLS "SELECT i.participant_id, i.kind, i.ref, i.fact, i.ev, i.open AND r.id IS NOT NULL," \
                  " r.registered_on, ifnull(r.updated_by, ''), p.fnr, p.name, ifnull(p.adviser, '')" \
                  " FROM nir_item i JOIN participant p ON p.id = i.participant_id" \
                  " LEFT JOIN nir_registration r ON r.item = i.item WHERE i.ev <= ?3 AND (?2 = '' OR p.adviser = ?2)"
#define READ_ORDER " ORDER BY i.ev, i.participant_id, i.kind, i.ref LIMIT ?4 OFFSET ?5"
typedef enum { BY_ALL, BY_MUNI, BY_PARTICIPANT, NMODES } mode;
static const char *const READ_SQL[2][NMODES] = {
    {READ_COLS " AND i.open AND ?1 = 0" READ_ORDER,
     READ_COLS " AND i.open AND i.municipality_id = ?1" READ_ORDER,
     READ_COLS " AND i.open AND i.participant_id = ?1" READ_ORDER},
    {READ_COLS " AND ?1 = 0" READ_ORDER,
     READ_COLS " AND i.municipality_id = ?1" READ_ORDER,
     READ_COLS " AND i.participant_id = ?1" READ_ORDER}};
static const char *const COUNT_SQL[NMODES] = {
    "SELECT count(*), ifnull(sum(i.ev < ?4), 0) FROM nir_item i WHERE i.open AND i.ev <= ?3 AND ?1 = 0"
    " AND (?2 = '' OR EXISTS(SELECT 1 FROM participant p WHERE p.id = i.participant_id AND p.adviser = ?2))",
    "SELECT count(*), ifnull(sum(i.ev < ?4), 0) FROM nir_item i WHERE i.open AND i.ev <= ?3 AND i.municipality_id = ?1"
    " AND (?2 = '' OR EXISTS(SELECT 1 FROM participant p WHERE p.id = i.participant_id AND p.adviser = ?2))",
    "SELECT count(*), ifnull(sum(i.ev < ?4), 0) FROM nir_item i WHERE i.open AND i.ev <= ?3 AND i.participant_id = ?1"
    " AND ?2 = ?2"};

sv_date sv_nir_due(sv_date event)
{
    return event == SV_NODATE ? SV_NODATE : sv_date_add_months(event, SV_NIR_MONTHS);
}

void sv_nir_filter_init(sv_nir_filter *f)
{
    memset(f, 0, sizeof *f);
}

static int kind_index(const char *kind)
{
    for (int i = 0; i < NKINDS; i++)
        if (!strcmp(KINDS[i].kind, kind)) return i;
    return -1;
}

const char *sv_nir_kind_label(const char *kind)
{
    int k = kind_index(kind);
    return k < 0 ? kind : _(KINDS[k].label);
}

static sv_date col_date(sqlite3_stmt *s, int col)
{
    sv_date d = SV_NODATE;
    const char *t = (const char *)sqlite3_column_text(s, col);
    if (t && sv_date_parse(t, &d) != 0) d = SV_NODATE;
    return d;
}

static void text(char *dst, size_t size, sqlite3_stmt *s, int col)
{
    const char *t = (const char *)sqlite3_column_text(s, col);
    snprintf(dst, size, "%s", t ? t : "");
}

static int64_t owner_municipality(sv_store *st, int64_t pid)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT municipality_id FROM participant WHERE id = ?", NULL);
    int64_t m = 0;
    if (!s) return 0;
    sqlite3_bind_int64(s, 1, pid);
    if (sqlite3_step(s) == SQLITE_ROW) m = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return m;
}

/* Runs the query without authorizing: the callers have. */
static int run(sv_store *st, mode m, int64_t key, const char *adviser, int open_only, sv_date today,
               long offset, long limit, sv_nir_cb cb, void *ctx, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, READ_SQL[!open_only][m], e);
    if (!s) return e->code;
    char iso[11];
    sv_date_iso(today, iso);
    sqlite3_bind_int64(s, 1, key);
    sqlite3_bind_text(s, 2, adviser ? adviser : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, iso, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 4, limit > 0 ? limit : -1);
    sqlite3_bind_int64(s, 5, offset > 0 ? offset : 0);
    int rc;
    sv_nir_item it;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        memset(&it, 0, sizeof it);
        it.participant_id = sqlite3_column_int64(s, 0);
        text(it.kind, sizeof it.kind, s, 1);
        snprintf(it.item, sizeof it.item, "%s:%lld", it.kind, (long long)sqlite3_column_int64(s, 2));
        text(it.fact, sizeof it.fact, s, 3);
        it.event_on = col_date(s, 4);
        it.due_on = sv_nir_due(it.event_on);
        it.reopened = sqlite3_column_int(s, 5);
        it.registered_on = col_date(s, 6);
        text(it.registered_by, sizeof it.registered_by, s, 7);
        text(it.fnr, sizeof it.fnr, s, 8);
        text(it.name, sizeof it.name, s, 9);
        text(it.adviser, sizeof it.adviser, s, 10);
        if (it.event_on == SV_NODATE) continue;   /* a malformed stored date is not an event */
        if (cb(&it, ctx)) { rc = SQLITE_DONE; break; }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}

/* Authorizes the read and picks the query: a user bound to one municipality never sees more. */
static int scope(sv_store *st, const sv_nir_filter *f, mode *m, int64_t *key, sv_err *e)
{
    const sv_user *u = sv_store_user(st);
    int64_t muni = f->municipality_id;
    if (f->participant_id) {
        muni = owner_municipality(st, f->participant_id);
        if (!muni) return sv_err_set(e, SV_ENOTFOUND, NULL, _("Deltaker nr. %lld finnes ikke"), (long long)f->participant_id);
    }
    if (sv_store_authorize(st, SV_OP_READ, muni, e)) return e->code;
    if (u && u->municipality_id && !f->participant_id) muni = u->municipality_id;
    *m = f->participant_id ? BY_PARTICIPANT : muni ? BY_MUNI : BY_ALL;
    *key = f->participant_id ? f->participant_id : muni;
    return SV_OK;
}

int sv_nir_each(sv_store *st, const sv_nir_filter *f, sv_date today, sv_nir_cb cb, void *ctx, sv_err *e)
{
    mode m;
    int64_t key;
    if (scope(st, f, &m, &key, e)) return e->code;
    if (sv_store_read_begin(st, e)) return e->code;
    int rc = run(st, m, key, f->adviser, !f->all, today, f->offset, f->limit, cb, ctx, e);
    sv_store_read_end(st);
    return rc;
}

/* The first event day whose deadline has not passed by today. */
static sv_date overdue_before(sv_date today)
{
    sv_date t = sv_date_add_months(today, -SV_NIR_MONTHS);
    while (sv_nir_due(t - 1) >= today) t--;
    while (sv_nir_due(t) < today) t++;
    return t;
}

int sv_nir_count(sv_store *st, const sv_nir_filter *f, sv_date today, long *open, long *overdue, sv_err *e)
{
    mode m;
    int64_t key;
    *open = *overdue = 0;
    if (scope(st, f, &m, &key, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, COUNT_SQL[m], e);
    if (!s) return e->code;
    char iso[11], before[11];
    sv_date_iso(today, iso);
    sv_date_iso(overdue_before(today), before);
    sqlite3_bind_int64(s, 1, key);
    sqlite3_bind_text(s, 2, f->adviser, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, iso, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, before, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *open = (long)sqlite3_column_int64(s, 0);
        *overdue = (long)sqlite3_column_int64(s, 1);
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? SV_OK : sv_store_dberr(st, rc, e);
}

static int first_due(const sv_nir_item *it, void *ctx)
{
    *(sv_date *)ctx = it->due_on;
    return 1;
}

sv_date sv_nir_next_due(sv_store *st, int64_t pid, sv_date today)
{
    sv_date due = SV_NODATE;
    sv_err e;
    run(st, BY_PARTICIPANT, pid, "", 1, today, 0, 1, first_due, &due, &e);
    return due;
}

typedef struct {
    const char *item;
    sv_nir_item found;
    int hit;
} find_ctx;

static int find_item(const sv_nir_item *it, void *ctx)
{
    find_ctx *fc = ctx;
    if (strcmp(it->item, fc->item)) return 0;
    fc->found = *it;
    fc->hit = 1;
    return 1;
}

int sv_nir_register(sv_store *st, const char *item, sv_date on, sv_date today, sv_err *e)
{
    char kind[16];
    long long ref = 0;
    const char *colon = strchr(item, ':');
    int k = -1;
    if (colon && (size_t)(colon - item) < sizeof kind) {
        memcpy(kind, item, (size_t)(colon - item));
        kind[colon - item] = '\0';
        k = kind_index(kind);
        char *end;
        ref = strtoll(colon + 1, &end, 10);
        if (*end || end == colon + 1 || ref <= 0) k = -1;
    }
    if (k < 0)
        return sv_err_set(e, SV_EINVAL, "item", _("NIR-punkt: «%s» er ikke et punkt (skriv det slik arbeidslisten viser "
                                                  "det, f.eks. «start:12»)"), item);
    if (on == SV_NODATE) on = today;
    sqlite3_stmt *s = sv_store_prepare(st, KINDS[k].owner_sql, e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, ref);
    int64_t pid = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    int64_t muni = pid ? owner_municipality(st, pid) : 0;
    /* Who may register: the role that edits cases, the same op sv_row_save checks below. */
    if (sv_store_authorize(st, SV_OP_EDIT_CASE, muni, e)) return e->code;
    if (sv_store_begin(st, e)) return e->code;   /* the checks and the save see the same facts */
    find_ctx fc = {item, {0}, 0};
    if (pid && run(st, BY_PARTICIPANT, pid, "", 0, today, 0, 0, find_item, &fc, e)) goto fail;
    char d1[11], d2[11];
    if (!fc.hit) {
        sv_err_set(e, SV_ENOTFOUND, "item", _("NIR-punkt: «%s» finnes ikke, eller hendelsen har ikke skjedd ennå"), item);
        goto fail;
    }
    if (on < fc.found.event_on) {
        sv_date_nor(on, d1);
        sv_date_nor(fc.found.event_on, d2);
        sv_err_set(e, SV_EINVAL, "on", _("Registrert i NIR: %s er før hendelsen (%s); et punkt kan ikke registreres før det har skjedd"),
                   d1, d2);
        goto fail;
    }
    if (on > today) {
        sv_date_nor(on, d1);
        sv_err_set(e, SV_EINVAL, "on", _("Registrert i NIR: %s er fram i tid; oppgi dagen det ble registrert"), d1);
        goto fail;
    }
    if (fc.found.registered_on != SV_NODATE && !fc.found.reopened) {
        sv_date_nor(fc.found.registered_on, d1);
        sv_err_set(e, SV_EINVAL, "item", _("NIR-punkt: «%s» er allerede registrert %s av %s; det registreres ikke to ganger"),
                   item, d1, fc.found.registered_by);
        goto fail;
    }
    sv_nir_reg r;
    sv_entity_blank(&SV_ENT_NIR_REG, &r);
    s = sv_store_prepare(st, "SELECT id FROM nir_registration WHERE item = ?", e);
    if (!s) goto fail;
    sqlite3_bind_text(s, 1, item, -1, SQLITE_STATIC);
    int64_t have = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (have && sv_row_load(st, &SV_ENT_NIR_REG, have, &r, e)) goto fail;   /* reopened: register the new fact */
    r.m.parent = pid;
    snprintf(r.item, sizeof r.item, "%s", fc.found.item);
    snprintf(r.fact, sizeof r.fact, "%s", fc.found.fact);
    r.registered_on = on;
    if (sv_row_save(st, &SV_ENT_NIR_REG, &r, e)) goto fail;
    return sv_store_commit(st, e);
fail:
    sv_store_rollback(st);
    return e->code;
}
