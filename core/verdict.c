/* One verdict for a document (verdict.h). */
#include "verdict.h"

#include <stdlib.h>
#include <string.h>

#include "vedtak.h"

#include <stdio.h>

#include <sqlite3.h>

#include "i18n.h"

int sv_vedtak_check(xmlDocPtr doc, sv_date as_of, sv_verdict *v, sv_err *e)
{
    memset(v, 0, sizeof *v);
    sv_derive_opts o = {.as_of = as_of};
    int f = sv_vedtak_derive(doc, &o, e);
    if (f < 0) return e->code;
    v->findings = f;
    if (!(v->rs = sv_vedtak_ruleset(doc, e))) return e->code;
    v->results = sv_xcalloc((size_t)v->rs->nrules, sizeof *v->results);
    int n = sv_rules_eval(v->rs, doc, v->results, e);
    if (n < 0) {
        sv_verdict_free(v);
        return e->code;
    }
    v->violations = n;
    for (int i = 0; i < v->rs->nrules; i++)
        if (v->results[i].outcome == SV_R_REMARK) v->remarks++;
    return SV_OK;
}

void sv_verdict_free(sv_verdict *v)
{
    free(v->results);
    v->results = NULL;
}

char *sv_verdict_encode(const sv_verdict *v)
{
    size_t dl = strlen(v->rs->digest);
    char *out = sv_xmalloc(dl + 2 + (size_t)v->rs->nrules);
    memcpy(out, v->rs->digest, dl);
    out[dl] = '|';
    for (int i = 0; i < v->rs->nrules; i++) {
        sv_outcome o = v->results[i].outcome;
        out[dl + 1 + (size_t)i] = o == SV_R_PASS ? 'p' : o == SV_R_NA ? 'n' : o == SV_R_REMARK ? 'r' : 'v';
    }
    out[dl + 1 + (size_t)v->rs->nrules] = '\0';
    return out;
}

int sv_verdict_decode(const sv_ruleset *rs, const char *text, sv_rule_result *res)
{
    size_t dl = strlen(rs->digest);
    if (!text || strncmp(text, rs->digest, dl) || text[dl] != '|' || strlen(text + dl + 1) != (size_t)rs->nrules) return -1;
    const char *o = text + dl + 1;
    for (int i = 0; i < rs->nrules; i++) {
        res[i].rule = &rs->rules[i];
        res[i].evidence[0] = '\0';
        switch (o[i]) {
        case 'p': res[i].outcome = SV_R_PASS; break;
        case 'n': res[i].outcome = SV_R_NA; break;
        case 'r': res[i].outcome = SV_R_REMARK; break;
        case 'v': res[i].outcome = SV_R_VIOLATION; break;
        default: return -1;
        }
    }
    return 0;
}

char *sv_verdict_of_xml(const char *xml, size_t len, sv_err *e)
{
    xmlDocPtr doc = sv_vedtak_parse_stored(xml, len, "vedtak", e);
    if (!doc) return NULL;
    sv_verdict v;
    char *out = NULL;
    if (sv_vedtak_check(doc, SV_NODATE, &v, e) == SV_OK) {
        out = sv_verdict_encode(&v);
        sv_verdict_free(&v);
    }
    xmlFreeDoc(doc);
    return out;
}

int sv_verdict_store(sqlite3 *db, long long id, const char *xml)
{
    sv_err e;
    char *v = sv_verdict_of_xml(xml, strlen(xml), &e);
    if (!v) return SQLITE_OK;
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db, "INSERT INTO decision_verdict(decision_id, verdict) VALUES(?, ?)", -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_text(s, 2, v, -1, SQLITE_STATIC);
        rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        sqlite3_finalize(s);
    }
    free(v);
    return rc;
}

int sv_verdict_fill(sqlite3 *db, sv_err *e)
{
    sv_ruleset *const *sets;
    int nsets, n = 0;
    sv_err ignore;
    if (sv_rules_all(&sets, &nsets, &ignore)) return 0;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, "SELECT d.id, d.xml FROM decision d WHERE NOT EXISTS(SELECT 1 FROM decision_verdict v"
                               " WHERE v.decision_id = d.id) ORDER BY d.id", -1, &s, NULL) != SQLITE_OK)
        return sv_err_set(e, SV_EDB, NULL, _("Kunne ikke oppgradere databasen: %s"), sqlite3_errmsg(db)), -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *xml = (const char *)sqlite3_column_text(s, 1);
        if (!xml) continue;
        if (sv_verdict_store(db, sqlite3_column_int64(s, 0), xml) != SQLITE_OK) {
            sv_err_set(e, SV_EDB, NULL, _("Kunne ikke oppgradere databasen: %s"), sqlite3_errmsg(db));
            sqlite3_finalize(s);
            return -1;
        }
        n++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return sv_err_set(e, SV_EDB, NULL, _("Kunne ikke oppgradere databasen: %s"), sqlite3_errmsg(db)), -1;
    return n;
}
