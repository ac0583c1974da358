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

/* Step, plan status and the deadlines are stored on participant by the triggers of schema
 * migration 3 (the expressions of sv_case_derive), so every sort order below is an index
 * scan and OFFSET skips index entries without touching the rows it skips. */
static const char COLS[] =
    "SELECT p.id, p.municipality_id, p.name, p.fnr, p.settled_on, p.step, p.status, p.next_on,"
    " CASE p.next_on WHEN p.plan_due THEN 'Plan skal vedtas' WHEN p.review_due THEN 'Planen skal vurderes'"
    " WHEN p.prog_end THEN 'Programmet slutter' ELSE '' END,"
    " p.plan_due < date('now', 'localtime') FROM participant p";

/* The deadline labels the query returns, for the translators (shown through _()). */
const char *const SV_OVERVIEW_LABELS[] = {N_("Plan skal vedtas"), N_("Planen skal vurderes"),
                                          N_("Programmet slutter"), NULL};

typedef struct {
    sv_buf sql;
    int nbind;
    char pat[300];             /* the search term as bound: a LIKE pattern or an FTS phrase */
    int64_t num[4];
    int is_num[4];
} query;

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* "%term%" with LIKE's wildcards escaped and the term folded like search_key. */
static void like_pattern(const char *fold, char *out, size_t size)
{
    size_t n = 0;
    out[n++] = '%';
    for (const char *p = fold; *p && n + 3 < size; p++) {
        if (*p == '%' || *p == '_' || *p == '\\') out[n++] = '\\';
        out[n++] = *p;
    }
    out[n++] = '%';
    out[n] = '\0';
}

/* The term as one FTS5 phrase ("" inside doubled): with the trigram tokenizer a phrase
 * matches exactly the keys that contain it, as LIKE '%term%' does. */
static void fts_phrase(const char *fold, char *out, size_t size)
{
    size_t n = 0;
    out[n++] = '"';
    for (const char *p = fold; *p && n + 3 < size; p++) {
        if (*p == '"') out[n++] = '"';
        out[n++] = *p;
    }
    out[n++] = '"';
    out[n] = '\0';
}

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
        char fold[sizeof f->search];
        sv_utf8_fold(fold, sizeof fold, f->search);
        /* Trigrams need three characters; shorter terms scan the keys, which is quick
         * because a term that short matches so many that a page fills at once. */
        if (utf8_chars(fold) >= 3) {
            sv_buf_add(&q->sql, " AND p.id IN (SELECT rowid FROM participant_search"
                                " WHERE participant_search MATCH ?)");
            fts_phrase(fold, q->pat, sizeof q->pat);
        } else {
            sv_buf_add(&q->sql, " AND p.search_key LIKE ? ESCAPE '\\'");
            like_pattern(fold, q->pat, sizeof q->pat);
        }
        q->nbind++;
    }
}

static void derived_where(query *q, const sv_filter *f)
{
    if (f->status >= 0) sv_buf_printf(&q->sql, " AND p.status = %d", f->status);
    if (f->step) sv_buf_printf(&q->sql, " AND p.step = %d", f->step);
    if (f->overdue) sv_buf_add(&q->sql, " AND p.next_on < date('now', 'localtime')");
    if (f->warnings) sv_buf_add(&q->sql, " AND (p.status = 3 OR p.next_on < date('now', 'localtime'))");
}

static sqlite3_stmt *prepare(sv_store *st, query *q, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, q->sql.s, e);
    sv_buf_free(&q->sql);
    if (!s) return NULL;
    for (int i = 0; i < q->nbind; i++) {
        if (q->is_num[i]) {
            sqlite3_bind_int64(s, i + 1, q->num[i]);
        } else {
            sqlite3_bind_text(s, i + 1, q->pat, -1, SQLITE_TRANSIENT);
        }
    }
    return s;
}

long sv_overview_count(sv_store *st, const sv_filter *f, sv_err *e)
{
    query q = {0};
    sv_buf_init(&q.sql);
    sv_buf_add(&q.sql, "SELECT count(*) FROM participant p");
    where(&q, st, f);
    derived_where(&q, f);
    sqlite3_stmt *s = prepare(st, &q, e);
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
    sv_buf_add(&q.sql, COLS);
    where(&q, st, f);
    derived_where(&q, f);
    /* Ties go by id ascending in both directions, as the indexes of migration 3 are built. */
    static const char *const order[] = {"p.search_key", "p.next_on IS NULL, p.next_on", "p.settled_on",
                                        "p.status"};
    sv_buf_printf(&q.sql, " ORDER BY %s%s, p.id LIMIT ? OFFSET ?", order[f->sort],
                  f->descending ? " DESC" : "");
    int nb = q.nbind;
    sqlite3_stmt *s = prepare(st, &q, e);
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
