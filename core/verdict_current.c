/* Verdicts under the rule sets in force now (verdict_current.h). */
#include "verdict_current.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "decision.h"
#include "rules.h"
#include "util.h"
#include "verdict.h"

const char SV_MIGRATION_VERDICT_CURRENT[] =
    "CREATE TABLE IF NOT EXISTS verdict_current(decision_id INTEGER PRIMARY KEY REFERENCES decision(id),"
    "  verdict TEXT NOT NULL);";

/* Decisions written in one write transaction: short enough that a colleague's save waits a
 * fraction of a second (the busy timeout covers it), long enough that the commit's sync does not
 * dominate. */
#define BATCH 200

/* 1 when the encoded verdict v was made by the rule set rs (its digest, then "|"). */
static int made_by(const char *v, const sv_ruleset *rs)
{
    size_t dl = strlen(rs->digest);
    return v && !strncmp(v, rs->digest, dl) && v[dl] == '|';
}

/* The ids of decisions in muni (0: all) whose verdict as issued and current verdict were both
 * made by another rule set than the one in force for them now. */
static int stale(sv_store *st, int64_t muni, int64_t **out, int *n, sv_err *e)
{
    *n = 0;
    *out = NULL;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT d.id, d.law, d.decided_on, v.verdict, c.verdict FROM decision d"
                                           " JOIN participant p ON p.id = d.participant_id"
                                           " LEFT JOIN decision_verdict v ON v.decision_id = d.id"
                                           " LEFT JOIN verdict_current c ON c.decision_id = d.id"
                                           " WHERE ?1 = 0 OR p.municipality_id = ?1 ORDER BY d.id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, muni);
    int64_t *ids = NULL;
    int cap = 0, rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sv_date on;
        sv_err ignore;
        const char *law = (const char *)sqlite3_column_text(s, 1);
        if (!law || sv_date_parse((const char *)sqlite3_column_text(s, 2), &on)) continue;
        const sv_ruleset *rs = sv_rules_for(law, on, &ignore);
        if (!rs) continue;
        const char *issued = (const char *)sqlite3_column_text(s, 3), *now = (const char *)sqlite3_column_text(s, 4);
        /* current when the one the checklist reads (the current one if any) is the rule set's */
        if (now ? made_by(now, rs) : made_by(issued, rs)) continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            ids = sv_xrealloc(ids, sizeof *ids * (size_t)cap);
        }
        ids[(*n)++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        free(ids);
        *n = 0;
        return sv_store_dberr(st, rc, e);
    }
    *out = ids;
    return SV_OK;
}

/* Checks and stores ids[0..n) in one transaction; the number stored, -1 when the database
 * cannot be written now (busy, read-only: then nothing of the batch is kept). */
static int batch(sv_store *st, const int64_t *ids, int n)
{
    sv_err e;
    if (sv_store_begin(st, &e)) return -1;
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT OR REPLACE INTO verdict_current(decision_id, verdict) VALUES(?, ?)", &e);
    if (!s) goto fail;
    int stored = 0;
    for (int i = 0; i < n; i++) {
        char *xml = sv_decision_xml(st, ids[i], &e);
        if (!xml) continue;   /* a document that cannot be read: the checklist reports it */
        char *v = sv_verdict_of_xml(xml, strlen(xml), &e);
        free(xml);
        if (!v) continue;     /* one that cannot be checked has no verdict (as at issue) */
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, ids[i]);
        sqlite3_bind_text(s, 2, v, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(s);
        free(v);
        if (rc != SQLITE_DONE) goto fail;
        stored++;
    }
    sqlite3_reset(s);
    if (sv_store_commit(st, &e)) return -1;
    return stored;
fail:
    sv_store_rollback(st);
    return -1;
}

int sv_verdict_refresh(sv_store *st, int64_t muni, sv_err *e)
{
    sv_ruleset *const *sets;
    int nsets, n;
    sv_err ignore;
    if (sv_rules_all(&sets, &nsets, &ignore)) return 0;   /* without rule sets nothing is judged */
    int64_t *ids;
    if (stale(st, muni, &ids, &n, e)) return -1;
    int done = 0;
    for (int i = 0; i < n; i += BATCH) {
        int k = batch(st, ids + i, n - i < BATCH ? n - i : BATCH);
        if (k < 0) break;   /* not writable now: the checklist checks the rest from the documents */
        done += k;
    }
    free(ids);
    return done;
}
