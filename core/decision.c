/* Stores and reads issued decisions. The table's triggers refuse UPDATE and DELETE. */
#include "decision.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "../forms/forms.h"
#include "i18n.h"
#include "verdict.h"

/* The notification in force: the latest one recorded after the decision (core/notice.c), else
 * what the decision stated when it was issued. */
#define COLS "id, participant_id, uuid, kind, decided_on, decided_by, plan_rev, law, " \
             "ifnull((SELECT n.notified_on FROM notification n WHERE n.decision_id = decision.id ORDER BY n.id DESC LIMIT 1)," \
             " ifnull(notified_on,'')), ifnull((SELECT n.method FROM notification n WHERE n.decision_id = decision.id" \
             " ORDER BY n.id DESC LIMIT 1), ifnull(notify_method,'')), ifnull(reason,''), created_at"

/* The first day of the period a stop or a leave decides, from its document (<stans fra>,
 * <permisjon fra>): SV_NODATE for other kinds and documents without it. */
static sv_date period_from(const char *kind, const char *xml)
{
    if (!sv_decision_per_period(kind) || !xml) return SV_NODATE;
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "vedtak.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    sv_date from = SV_NODATE;
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, BAD_CAST kind)) continue;
        xmlChar *v = xmlGetProp(n, BAD_CAST "fra");
        if (!v || sv_date_parse((const char *)v, &from)) from = SV_NODATE;
        xmlFree(v);
        break;
    }
    xmlFreeDoc(doc);
    return from;
}

static void read_decision(sqlite3_stmt *s, sv_decision *d)
{
    memset(d, 0, sizeof *d);
    d->id = sqlite3_column_int64(s, 0);
    d->participant_id = sqlite3_column_int64(s, 1);
    snprintf(d->uuid, sizeof d->uuid, "%s", sqlite3_column_text(s, 2));
    snprintf(d->kind, sizeof d->kind, "%s", sqlite3_column_text(s, 3));
    if (sv_date_parse((const char *)sqlite3_column_text(s, 4), &d->decided_on)) d->decided_on = SV_NODATE;
    snprintf(d->decided_by, sizeof d->decided_by, "%s", sqlite3_column_text(s, 5));
    d->plan_rev = sqlite3_column_int(s, 6);
    snprintf(d->law, sizeof d->law, "%s", sqlite3_column_text(s, 7));
    if (sv_date_parse((const char *)sqlite3_column_text(s, 8), &d->notified_on)) d->notified_on = SV_NODATE;
    snprintf(d->notify_method, sizeof d->notify_method, "%s", sqlite3_column_text(s, 9));
    snprintf(d->reason, sizeof d->reason, "%s", sqlite3_column_text(s, 10));
    snprintf(d->created_at, sizeof d->created_at, "%s", sqlite3_column_text(s, 11));
}

int sv_decision_insert(sv_store *st, sv_decision *d, const char *xml, sv_err *e)
{
    int64_t muni = sv_row_municipality(st, &SV_ENT_NEED, d->participant_id);
    if (!muni) return sv_err_set(e, SV_ENOTFOUND, NULL, _("Deltakeren finnes ikke"));
    if (sv_store_authorize(st, SV_OP_DECIDE, muni, e)) return e->code;
    if (!sv_code_valid(SV_CODES_DECISION_KIND, d->kind))
        return sv_err_set(e, SV_EINVAL, "kind", _("Vedtakstype: «%s» er ikke gyldig"), d->kind);
    if (d->decided_on == SV_NODATE)
        return sv_err_set(e, SV_EINVAL, "decided_on", _("Vedtaksdato: må fylles ut"));
    if (!d->uuid[0]) sv_uuid(d->uuid);
    char on[11], notified[11], now[20];
    sv_date_iso(d->decided_on, on);
    sv_date_iso(d->notified_on, notified);
    sv_now(now);
    if (sv_store_begin(st, e)) return e->code;
    /* One decision per plan version and kind, or for a stop or a leave per period (the
     * database's unique index decision_one says the first too; the write lock this transaction
     * holds keeps a colleague's decision of the same moment out). */
    if (sv_decision_exists(st, d, period_from(d->kind, xml), e)) goto fail;
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT INTO decision(participant_id, uuid, kind, decided_on, "
                                           "decided_by, plan_rev, law, notified_on, notify_method, reason, xml, created_at) "
                                           "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
    if (!s) goto fail;
    sqlite3_bind_int64(s, 1, d->participant_id);
    sqlite3_bind_text(s, 2, d->uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, d->kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, on, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, d->decided_by[0] ? d->decided_by : sv_login(), -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 6, d->plan_rev);
    sqlite3_bind_text(s, 7, d->law, -1, SQLITE_STATIC);
    if (notified[0]) sqlite3_bind_text(s, 8, notified, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 9, d->notify_method, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 10, d->reason, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 11, xml, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 12, now, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        if ((rc & 0xff) != SQLITE_CONSTRAINT || !sv_decision_exists(st, d, period_from(d->kind, xml), e)) sv_store_dberr(st, rc, e);
        goto fail;
    }
    d->id = sqlite3_last_insert_rowid(sv_store_db(st));
    /* its verdict beside it, in the same transaction, for the checklist */
    if ((rc = sv_verdict_store(sv_store_db(st), d->id, xml)) != SQLITE_OK) {
        sv_store_dberr(st, rc, e);
        goto fail;
    }
    snprintf(d->created_at, sizeof d->created_at, "%s", now);
    if (!d->decided_by[0]) snprintf(d->decided_by, sizeof d->decided_by, "%s", sv_login());
    return sv_store_commit(st, e);
fail:
    sv_store_rollback(st);
    return e->code;
}

int sv_decision_per_period(const char *kind)
{
    return kind && (!strcmp(kind, "stans") || !strcmp(kind, "permisjon") || !strcmp(kind, "trekk"));
}

int sv_decision_exists(sv_store *st, const sv_decision *d, sv_date from, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id, decided_on, xml FROM decision WHERE participant_id = ? AND plan_rev = ? "
                                           "AND kind = ? ORDER BY id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, d->participant_id);
    sqlite3_bind_int(s, 2, d->plan_rev);
    sqlite3_bind_text(s, 3, d->kind, -1, SQLITE_STATIC);
    int rc = SV_OK, per_period = sv_decision_per_period(d->kind);
    while (rc == SV_OK && sqlite3_step(s) == SQLITE_ROW) {
        if (per_period && period_from(d->kind, (const char *)sqlite3_column_text(s, 2)) != from) continue;
        sv_date on = SV_NODATE;
        if (sv_date_parse((const char *)sqlite3_column_text(s, 1), &on)) on = SV_NODATE;
        char t[11], f[11];
        sv_date_nor(on, t);
        sv_date_nor(from, f);
        if (per_period)
            rc = sv_err_set(e, SV_ECONFLICT, "period_from",
                            _("Det finnes allerede et vedtak av typen %s for perioden fra %s (vedtak nr. %lld, fattet %s)."),
                            sv_code_label(SV_CODES_DECISION_KIND, d->kind), f, (long long)sqlite3_column_int64(s, 0), t);
        else
            rc = sv_err_set(e, SV_ECONFLICT, "kind",
                            _("Planversjon %d har allerede et vedtak av typen %s (vedtak nr. %lld, fattet %s). Et vedtak gjelder én "
                              "planversjon; endre planen først hvis noe skal fastsettes på nytt."),
                            d->plan_rev, sv_code_label(SV_CODES_DECISION_KIND, d->kind), (long long)sqlite3_column_int64(s, 0), t);
    }
    sqlite3_reset(s);
    return rc;
}

int sv_decision_load(sv_store *st, int64_t id, sv_decision *d, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT " COLS " FROM decision WHERE id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) read_decision(s, d);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW) return SV_OK;
    if (rc == SQLITE_DONE) return sv_err_set(e, SV_ENOTFOUND, NULL, _("Vedtak nr. %lld finnes ikke"), (long long)id);
    return sv_store_dberr(st, rc, e);
}

char *sv_decision_xml(sv_store *st, int64_t id, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT xml FROM decision WHERE id = ?", e);
    char *x = NULL;
    if (!s) return NULL;
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) == SQLITE_ROW) x = sv_xstrdup((const char *)sqlite3_column_text(s, 0));
    else sv_err_set(e, SV_ENOTFOUND, NULL, _("Vedtak nr. %lld finnes ikke"), (long long)id);
    sqlite3_reset(s);
    return x;
}

int sv_decision_each(sv_store *st, int64_t participant_id, sv_decision_cb cb, void *ctx, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT " COLS " FROM decision WHERE participant_id = ? "
                                           "ORDER BY decided_on, id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, participant_id);
    int rc;
    sv_decision d;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_decision(s, &d);
        if (cb(&d, ctx)) { rc = SQLITE_DONE; break; }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}
