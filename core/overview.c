/* The participant list query. One SQL text per filter shape, values always bound. */
#include "overview.h"

#include <stdio.h>
#include <string.h>

#include "case.h"
#include "i18n.h"

void sv_filter_init(sv_filter *f)
{
    memset(f, 0, sizeof *f);
    f->status = -1;
}

/* Derived columns, as sv_case_derive computes them for one case. */
static const char INNER[] =
    "SELECT p.id AS id, p.municipality_id AS muni, p.name AS name, p.fnr AS fnr,"
    " p.search_key AS skey, p.settled_on AS settled,"
    " CASE WHEN ev.id IS NOT NULL THEN 7 WHEN d.id IS NOT NULL THEN 6 ELSE 5 END AS step,"
    " CASE WHEN pl.id IS NULL THEN 0 WHEN d.id IS NULL THEN 1 WHEN d.plan_rev = pl.rev THEN 2 ELSE 3 END AS status,"
    " CASE WHEN ev.id IS NULL AND d.id IS NULL THEN date(p.settled_on, '+3 months') END AS plan_due,"
    " CASE WHEN ev.id IS NULL AND d.id IS NOT NULL THEN date(max(d.decided_on,"
    "   ifnull((SELECT max(held_on) FROM review r WHERE r.participant_id = p.id), '')), '+6 months') END AS review_due,"
    " CASE WHEN ev.id IS NULL THEN pl.planned_end END AS prog_end"
    " FROM participant p"
    " LEFT JOIN plan pl ON pl.participant_id = p.id"
    " LEFT JOIN evaluation ev ON ev.participant_id = p.id"
    " LEFT JOIN decision d ON d.id = (SELECT id FROM decision WHERE participant_id = p.id"
    "   ORDER BY decided_on DESC, id DESC LIMIT 1)";

/* The deadline labels the query returns, for the translators (shown through _()). */
const char *const SV_OVERVIEW_LABELS[] = {N_("Plan skal vedtas"), N_("Planen skal vurderes"),
                                          N_("Programmet slutter"), NULL};

static const char NEXT[] =
    "nullif(min(ifnull(plan_due, '9999'), ifnull(review_due, '9999'), ifnull(prog_end, '9999')), '9999')";

typedef struct {
    sv_buf sql;
    int nbind;
    const char *text[4];
    int64_t num[4];
    int is_num[4];
} query;

static void where(query *q, const sv_store *st, const sv_filter *f)
{
    const sv_user *u = sv_store_user(st);
    int64_t muni = f->municipality_id;
    if (u && u->municipality_id) muni = u->municipality_id;   /* never more than one's own */
    sv_buf_add(&q->sql, " WHERE 1");
    if (muni) {
        sv_buf_add(&q->sql, " AND p.municipality_id = ?");
        q->is_num[q->nbind] = 1;
        q->num[q->nbind++] = muni;
    }
    if (f->search[0]) {
        sv_buf_add(&q->sql, " AND p.search_key LIKE ? ESCAPE '\\'");
        q->text[q->nbind++] = f->search;
    }
}

static void outer_where(query *q, const sv_filter *f)
{
    sv_buf_add(&q->sql, " WHERE 1");
    if (f->status >= 0) sv_buf_printf(&q->sql, " AND status = %d", f->status);
    if (f->step) sv_buf_printf(&q->sql, " AND step = %d", f->step);
    if (f->overdue) sv_buf_printf(&q->sql, " AND %s < date('now', 'localtime')", NEXT);
    if (f->warnings)
        sv_buf_printf(&q->sql, " AND (status = 3 OR %s < date('now', 'localtime'))", NEXT);
}

/* "%term%" with LIKE's wildcards escaped and the term folded like search_key. */
static void like_pattern(const char *term, char *out, size_t size)
{
    char fold[128];
    sv_utf8_fold(fold, sizeof fold, term);
    size_t n = 0;
    out[n++] = '%';
    for (const char *p = fold; *p && n + 3 < size; p++) {
        if (*p == '%' || *p == '_' || *p == '\\') out[n++] = '\\';
        out[n++] = *p;
    }
    out[n++] = '%';
    out[n] = '\0';
}

static sqlite3_stmt *prepare(sv_store *st, query *q, const sv_filter *f, sv_err *e)
{
    char pat[300];
    sqlite3_stmt *s = sv_store_prepare(st, q->sql.s, e);
    sv_buf_free(&q->sql);
    if (!s) return NULL;
    for (int i = 0; i < q->nbind; i++) {
        if (q->is_num[i]) {
            sqlite3_bind_int64(s, i + 1, q->num[i]);
        } else {
            like_pattern(f->search, pat, sizeof pat);
            sqlite3_bind_text(s, i + 1, pat, -1, SQLITE_TRANSIENT);
        }
    }
    return s;
}

static int simple(const sv_filter *f)
{
    return f->status < 0 && !f->step && !f->overdue && !f->warnings;
}

long sv_overview_count(sv_store *st, const sv_filter *f, sv_err *e)
{
    query q = {0};
    sv_buf_init(&q.sql);
    if (simple(f)) {
        sv_buf_add(&q.sql, "SELECT count(*) FROM participant p");
        where(&q, st, f);
    } else {
        sv_buf_printf(&q.sql, "SELECT count(*) FROM (%s", INNER);
        where(&q, st, f);
        sv_buf_add(&q.sql, ")");
        outer_where(&q, f);
    }
    sqlite3_stmt *s = prepare(st, &q, f, e);
    if (!s) return -1;
    long n = -1;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) n = (long)sqlite3_column_int64(s, 0);
    else sv_store_dberr(st, rc, e);
    sqlite3_reset(s);
    return n;
}

int sv_overview_page(sv_store *st, const sv_filter *f, int offset, int limit, sv_overview_row *rows,
                     sv_err *e)
{
    if (!sv_store_user(st)) {
        sv_store_unregistered_msg(st, e);
        return -1;
    }
    query q = {0};
    sv_buf_init(&q.sql);
    sv_buf_printf(&q.sql, "SELECT id, muni, name, fnr, settled, step, status, %s AS next,"
                          " CASE %s WHEN plan_due THEN 'Plan skal vedtas' WHEN review_due THEN 'Planen skal vurderes'"
                          " WHEN prog_end THEN 'Programmet slutter' ELSE '' END,"
                          " plan_due < date('now', 'localtime') FROM (%s", NEXT, NEXT, INNER);
    where(&q, st, f);
    sv_buf_add(&q.sql, ")");
    outer_where(&q, f);
    static const char *const order[] = {"skey", "next IS NULL, next", "settled", "status"};
    sv_buf_printf(&q.sql, " ORDER BY %s%s, id LIMIT ? OFFSET ?", order[f->sort],
                  f->descending ? " DESC" : "");
    int nb = q.nbind;
    sqlite3_stmt *s = prepare(st, &q, f, e);
    if (!s) return -1;
    sqlite3_bind_int(s, nb + 1, limit);
    sqlite3_bind_int(s, nb + 2, offset);
    int n = 0, rc;
    char today[11];
    sv_date_iso(sv_today(), today);
    while (n < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        sv_overview_row *r = &rows[n++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(s, 0);
        r->municipality_id = sqlite3_column_int64(s, 1);
        snprintf(r->name, sizeof r->name, "%s", sqlite3_column_text(s, 2));
        snprintf(r->fnr, sizeof r->fnr, "%s", sqlite3_column_text(s, 3));
        const char *t = (const char *)sqlite3_column_text(s, 4);
        if (!t || sv_date_parse(t, &r->settled_on)) r->settled_on = SV_NODATE;
        r->step = sqlite3_column_int(s, 5);
        r->status = sqlite3_column_int(s, 6);
        t = (const char *)sqlite3_column_text(s, 7);
        if (!t || sv_date_parse(t, &r->next)) r->next = SV_NODATE;
        snprintf(r->next_label, sizeof r->next_label, "%s", sqlite3_column_text(s, 8));
        r->warn_overdue = t && strcmp(t, today) < 0;
        r->warn_changed = r->status == SV_PS_CHANGED;
        r->warn_late_plan = sqlite3_column_int(s, 9);
    }
    if (n < limit && rc != SQLITE_DONE) {
        sv_store_dberr(st, rc, e);
        sqlite3_reset(s);
        return -1;
    }
    sqlite3_reset(s);
    return n;
}
