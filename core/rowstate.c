/* Every audited row against its history (see chain.h, sv_chain_check_rows). */
#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"
#include "appeal.h"
#include "chain.h"
#include "guard.h"
#include "i18n.h"
#include "schema.h"

/* The rows of one table that differ from what their last audit row says they became, or have
 * no audit row, or whose last audit row is their deletion: (id, problem code, logged, now). A
 * key absent from an older audit row is a column a later migration added, which must then
 * still be empty; a key the audit row has must have the same value and JSON type now, unless
 * the record no longer has that field at all. */
static void differing_sql(sv_buf *q, const char *table, const char *json)
{
    sv_buf_printf(q,
                  "SELECT x.id, CASE WHEN a.id IS NULL THEN 1 WHEN a.action = 'delete' THEN 2 ELSE 3 END, a.new, x.cur"
                  " FROM (SELECT r.id AS id, %s AS cur FROM %s r) x"
                  " LEFT JOIN audit a ON a.id = (SELECT max(id) FROM audit WHERE tbl = '%s' AND row_id = x.id)"
                  /* in this order: the same text is as logged; a log entry that is no JSON (changed
                   * itself, which the chain names) differs */
                  " WHERE CASE WHEN a.id IS NULL OR a.action = 'delete' THEN 1 WHEN a.new IS x.cur THEN 0"
                  " WHEN NOT json_valid(a.new) THEN 1"
                  " ELSE EXISTS(SELECT 1 FROM json_each(a.new) o WHERE json_type(x.cur, '$.\"' || o.key || '\"') IS NOT NULL"
                  "   AND (o.type IS NOT json_type(x.cur, '$.\"' || o.key || '\"')"
                  "   OR o.value IS NOT json_extract(x.cur, '$.\"' || o.key || '\"')))"
                  " OR EXISTS(SELECT 1 FROM json_each(x.cur) c WHERE c.type <> 'null'"
                  "   AND json_type(a.new, '$.\"' || c.key || '\"') IS NULL) END"
                  " ORDER BY x.id",
                  json, table, table);
}

static int check_table(sqlite3 *db, const char *table, const char *json, sv_chain_report report, void *ctx)
{
    /* by the code the query gives: 1, 2 or 3 */
    static const char *const problem[] = {
        "", N_("raden har ingen historikk (lagt til utenom programmet)"),
        N_("raden er slettet i historikken, men finnes (lagt tilbake utenom programmet)"),
        N_("raden er endret utenom programmet (stemmer ikke med historikken)")};
    sv_buf q;
    sv_buf_init(&q);
    differing_sql(&q, table, json);
    sqlite3_stmt *s;
    int n = 0, rc;
    if (sqlite3_prepare_v2(db, q.s, -1, &s, NULL) != SQLITE_OK) {
        sv_buf_free(&q);
        return -1;
    }
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int code = sqlite3_column_int(s, 1);
        const char *was = (const char *)sqlite3_column_text(s, 2), *is = (const char *)sqlite3_column_text(s, 3);
        sv_chain_break b = {table, sqlite3_column_int64(s, 0), "", _(problem[code]),
                            was ? was : "", is ? is : ""};
        n++;
        if (report) report(&b, ctx);
    }
    sqlite3_finalize(s);
    sv_buf_free(&q);
    return rc == SQLITE_DONE ? n : -1;
}

int sv_chain_check_rows(sqlite3 *db, sv_chain_report report, void *ctx)
{
    int schema = sv_schema_version(db), n = 0, k;
    sv_buf json;
    sv_buf_init(&json);
    /* the forms' records, then the NIR registrations (schema 6) written only by core/nir.c */
    for (int i = 0; SV_ENTITIES[i]; i++) {
        const sv_entity *ent = SV_ENTITIES[i];
        if (!sv_schema_has_table(db, ent->table)) continue;
        json.len = 0;
        sv_guard_row_json(&json, schema, ent, "r");
        if ((k = check_table(db, ent->table, json.s, report, ctx)) < 0) goto fail;
        n += k;
    }
    if (schema >= 6 && sv_schema_has_table(db, SV_ENT_NIR_REG.table)) {
        json.len = 0;
        sv_guard_row_json(&json, schema, &SV_ENT_NIR_REG, "r");
        if ((k = check_table(db, SV_ENT_NIR_REG.table, json.s, report, ctx)) < 0) goto fail;
        n += k;
    }
    if (schema >= SV_APPEAL_SCHEMA) {
        if ((k = check_table(db, "appeal", SV_APPEAL_JSON("r"), report, ctx)) < 0) goto fail;
        n += k;
    }
    sv_buf_free(&json);
    return n;
fail:
    sv_buf_free(&json);
    return -1;
}
