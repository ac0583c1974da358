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
    const char *text[4];       /* other text values; NULL: the search pattern */
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

/* How the search term narrows the rows. A municipality's rows are few, so its part of the
 * (municipality, key) index is scanned with LIKE. Across all municipalities a term of three
 * characters or more goes through the trigram index: when it matches few rows those rows are
 * fetched and sorted (FTS_DRIVE); when it matches many, the sort order's index is walked and
 * each entry checked against the matches (FTS_FILTER, the "+" keeps SQLite from driving by
 * rowid), which fills a page after a few entries. Trigrams need three characters, so
 * shorter terms scan the keys with LIKE; they match so many that a page fills at once. */
typedef enum { SEARCH_NONE, SEARCH_LIKE, SEARCH_SHORT, SEARCH_FTS_DRIVE, SEARCH_FTS_FILTER } search_mode;

static int64_t effective_muni(const sv_store *st, const sv_filter *f)
{
    const sv_user *u = sv_store_user(st);
    return u && u->municipality_id ? u->municipality_id : f->municipality_id;   /* never more than one's own */
}

static search_mode search_kind(const sv_store *st, const sv_filter *f, char fold[128])
{
    if (!f->search[0]) return SEARCH_NONE;
    sv_utf8_fold(fold, 128, f->search);
    if (effective_muni(st, f)) return SEARCH_LIKE;
    return utf8_chars(fold) < 3 ? SEARCH_SHORT : SEARCH_FTS_DRIVE;
}

static void where(query *q, const sv_store *st, const sv_filter *f, search_mode mode)
{
    int64_t muni = effective_muni(st, f);
    sv_buf_add(&q->sql, " WHERE 1");
    if (muni) {
        sv_buf_add(&q->sql, " AND p.municipality_id = ?");
        q->is_num[q->nbind] = 1;
        q->num[q->nbind++] = muni;
    }
    if (f->adviser[0]) {
        sv_buf_add(&q->sql, " AND p.adviser = ?");
        q->text[q->nbind++] = f->adviser;
    }
    if (mode == SEARCH_NONE) return;
    char fold[128];
    search_kind(st, f, fold);
    if (mode == SEARCH_LIKE || mode == SEARCH_SHORT) {
        sv_buf_add(&q->sql, " AND p.search_key LIKE ? ESCAPE '\\'");
        like_pattern(fold, q->pat, sizeof q->pat);
    } else {
        sv_buf_printf(&q->sql, " AND %sp.id IN (SELECT rowid FROM participant_search"
                               " WHERE participant_search MATCH ?)", mode == SEARCH_FTS_FILTER ? "+" : "");
        fts_phrase(fold, q->pat, sizeof q->pat);
    }
    q->nbind++;
}

/* Matches of a term in the trigram index alone (no participant row read); -1 on error. */
static long fts_count(sv_store *st, const char *fold, sv_err *e)
{
    char phrase[300];
    fts_phrase(fold, phrase, sizeof phrase);
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT count(*) FROM participant_search"
                                           " WHERE participant_search MATCH ?", e);
    if (!s) return -1;
    sqlite3_bind_text(s, 1, phrase, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    long n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    if (rc != SQLITE_ROW) sv_store_dberr(st, rc, e);
    sqlite3_reset(s);
    return n;
}

/* Keys containing a term of one or two characters, from search_gram (migration 4). */
static long gram_count(sv_store *st, const char *fold, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT ifnull((SELECT n FROM search_gram WHERE gram = ?), 0)", e);
    if (!s) return -1;
    sqlite3_bind_text(s, 1, fold, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    long n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    if (rc != SQLITE_ROW) sv_store_dberr(st, rc, e);
    sqlite3_reset(s);
    return n;
}

static int derived(const sv_filter *f)
{
    return f->status >= 0 || f->step || f->overdue || f->warnings || f->adviser[0];
}

/* FTS_DRIVE reads each match's row; FTS_FILTER reads index entries until `want` rows have
 * matched, about want * all / matches of them if matches were spread evenly. They are not
 * (a first name's matches sit together in name order), so a few thousand rows are always
 * read directly: that stays near 10 ms even when the matches lie at the end of the order. */
static search_mode fts_plan(sv_store *st, long matches, long want, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT ifnull(max(rowid), 0) FROM participant", e);
    if (!s) return SEARCH_FTS_DRIVE;
    long all = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (matches <= 0) return SEARCH_FTS_DRIVE;
    return matches <= 6000 || matches * 16 < want * (all / matches) ? SEARCH_FTS_DRIVE : SEARCH_FTS_FILTER;
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
        } else if (q->text[i]) {
            sqlite3_bind_text(s, i + 1, q->text[i], -1, SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_text(s, i + 1, q->pat, -1, SQLITE_TRANSIENT);
        }
    }
    return s;
}

/* Beyond this offset a page may be read from the far end of the list. */
#define REVERSE_FROM 2000

/* ORDER BY for the filter's sort. Ties go by id ascending in both directions, as the
 * indexes of migration 3 are built; reversed flips every term, which SQLite reads by walking
 * the same index backwards. */
static void order_by(sv_buf *b, const sv_filter *f, int reversed)
{
    const char *dir = f->descending != reversed ? " DESC" : "";
    const char *asc = reversed ? " DESC" : "";
    switch (f->sort) {
    case SV_SORT_DEADLINE: sv_buf_printf(b, " ORDER BY p.next_on IS NULL%s, p.next_on%s", asc, dir); break;
    case SV_SORT_SETTLED: sv_buf_printf(b, " ORDER BY p.settled_on%s", dir); break;
    case SV_SORT_STATUS: sv_buf_printf(b, " ORDER BY p.status%s", dir); break;
    default: sv_buf_printf(b, " ORDER BY p.search_key%s", dir); break;
    }
    sv_buf_printf(b, ", p.id%s", asc);
}

long sv_overview_count(sv_store *st, const sv_filter *f, sv_err *e)
{
    if (sv_store_authorize(st, SV_OP_READ, f->municipality_id, e)) return -1;
    char fold[128];
    search_mode mode = search_kind(st, f, fold);
    if (mode == SEARCH_SHORT && !derived(f)) return gram_count(st, fold, e);
    if (mode == SEARCH_FTS_DRIVE) {
        long matches = fts_count(st, fold, e);
        if (matches < 0 || !derived(f)) return matches;
        mode = fts_plan(st, matches, matches, e);
    }
    query q = {0};
    sv_buf_init(&q.sql);
    sv_buf_add(&q.sql, "SELECT count(*) FROM participant p");
    where(&q, st, f, mode);
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
    /* Asking for another municipality than one's own is refused, never answered with one's own. */
    if (sv_store_authorize(st, SV_OP_READ, f->municipality_id, e)) return -1;
    char fold[128];
    search_mode mode = search_kind(st, f, fold);
    if (mode == SEARCH_SHORT) {
        /* a short term nobody's key contains would otherwise scan every key for nothing */
        long matches = gram_count(st, fold, e);
        if (matches <= 0) return matches < 0 ? -1 : 0;
    }
    if (mode == SEARCH_FTS_DRIVE) {
        long matches = fts_count(st, fold, e);
        if (matches < 0) return -1;
        mode = fts_plan(st, matches, (long)offset + limit, e);
    }
    query q = {0};
    sv_buf_init(&q.sql);
    sv_buf_add(&q.sql, COLS);
    where(&q, st, f, mode);
    derived_where(&q, f);
    /* Deep in a long list OFFSET walks far (the last page of 200,000 skips 199,960 index
     * entries); from the far end the same rows are a short walk in the opposite order. */
    int reversed = 0;
    long skip = offset, take = limit;
    if (offset > REVERSE_FROM) {
        long total = sv_overview_count(st, f, e);
        if (total < 0) {
            sv_buf_free(&q.sql);
            return -1;
        }
        if (offset >= total) {
            sv_buf_free(&q.sql);
            return 0;
        }
        if (offset > total / 2) {
            reversed = 1;
            take = offset + limit > total ? total - offset : limit;
            skip = total - offset - take;
        }
    }
    order_by(&q.sql, f, reversed);
    sv_buf_add(&q.sql, " LIMIT ? OFFSET ?");
    int nb = q.nbind;
    sqlite3_stmt *s = prepare(st, &q, e);
    if (!s) return -1;
    sqlite3_bind_int64(s, nb + 1, take);
    sqlite3_bind_int64(s, nb + 2, skip);
    int n = 0, rc = SQLITE_DONE;
    char today[11];
    sv_date_iso(sv_today(), today);
    while (n < take && (rc = sqlite3_step(s)) == SQLITE_ROW) {
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
    if (n < take && rc != SQLITE_DONE) {
        sv_store_dberr(st, rc, e);
        sqlite3_reset(s);
        return -1;
    }
    sqlite3_reset(s);
    for (int i = 0; reversed && i < n / 2; i++) {
        sv_overview_row t = rows[i];
        rows[i] = rows[n - 1 - i];
        rows[n - 1 - i] = t;
    }
    return n;
}
