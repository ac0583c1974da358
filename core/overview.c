/* The participant list query. One SQL text per filter shape, values always bound. */
#include "overview.h"

#include <stdio.h>
#include <stdlib.h>
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

/* What the list has answered since the data last changed. Search as you type asks the same
 * questions again and again: every keystroke counts and reads a page, the page asks the
 * trigram index for the number of matches that the count has just asked for, and every
 * backspace returns to a term whose count and first page were read a moment ago. The answers
 * are kept per store, keyed by everything the query depends on (the filter as the user's
 * rights narrow it, offset and length), and all dropped as soon as anything may have
 * changed them: a write through this connection (sqlite3_total_changes64), a commit by any
 * other connection or process (PRAGMA data_version) or a new day (the overdue marks). */
#define MEMO_PAGES 48
#define MEMO_COUNTS 96

/* The matches of one term across all municipalities, in name order: what the next,
 * longer term is looked for in. Every key that contains the longer term contains the shorter
 * one, so typing on narrows the list with strstr over a few thousand keys instead of asking
 * the trigram index and reading and sorting every match's row again (the FTS5 phrase of the
 * trigram tokenizer matches exactly the keys that contain it, so strstr over the folded keys
 * answers the same). A list is read as FTS_DRIVE reads a page, every match's row, so only
 * terms with at most MATCH_MAX matches are listed; more go through the index as before. */
#define MEMO_LISTS 2
#define MATCH_MAX 6000   /* up to this many fts_plan reads every match's row anyway (FTS_DRIVE) */

typedef struct match_list {
    char fold[128];
    long n;
    int64_t *id;
    char **key;    /* into keys */
    char *keys;
} match_list;

static void list_free(match_list *l)
{
    if (!l) return;
    free(l->id);
    free(l->key);
    free(l->keys);
    free(l);
}

typedef struct {
    char key[400];
    long value;   /* a count, or the number of rows of a page */
    sv_overview_row *rows;
} memo_entry;

typedef struct {
    long long changes, version;
    sv_date today;
    memo_entry page[MEMO_PAGES], count[MEMO_COUNTS], fts[MEMO_COUNTS];
    int next_page, next_count, next_fts;
    struct match_list *lists[MEMO_LISTS];
    int next_list;
} list_memo;

static const char memo_tag = 0;

static void memo_clear(list_memo *m)
{
    for (int i = 0; i < MEMO_PAGES; i++) free(m->page[i].rows);
    for (int i = 0; i < MEMO_LISTS; i++) list_free(m->lists[i]);
    memset(m->lists, 0, sizeof m->lists);
    m->next_list = 0;
    memset(m->page, 0, sizeof m->page);
    memset(m->count, 0, sizeof m->count);
    memset(m->fts, 0, sizeof m->fts);
    m->next_page = m->next_count = m->next_fts = 0;
}

static void memo_free(void *p)
{
    if (!p) return;
    memo_clear(p);
    free(p);
}

/* The store's memo, emptied first when the data may have changed; NULL when there is none
 * (the answers are then simply read each time). */
static list_memo *memo_get(sv_store *st)
{
    sqlite3 *db = sv_store_db(st);
    list_memo *m = sv_store_memo(st, &memo_tag);
    if (!m) {
        m = sv_xcalloc(1, sizeof *m);
        m->version = -1;
        if (sv_store_set_memo(st, &memo_tag, m, memo_free) != 0) {
            free(m);
            return NULL;
        }
    }
    sv_err e;
    sqlite3_stmt *s = sv_store_prepare(st, "PRAGMA data_version", &e);
    if (!s) return NULL;
    long long version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_reset(s);
    long long changes = sqlite3_total_changes64(db);
    sv_date today = sv_today();
    if (version < 0) return NULL;
    if (version != m->version || changes != m->changes || today != m->today) {
        memo_clear(m);
        m->version = version;
        m->changes = changes;
        m->today = today;
    }
    return m;
}

/* The memo again after a read, when the data it saw are still those the memo was taken for:
 * an answer read while someone else committed is not kept. */
static list_memo *memo_again(sv_store *st, const list_memo *before, long long version, long long changes)
{
    list_memo *m = before ? memo_get(st) : NULL;
    return m && m->version == version && m->changes == changes ? m : NULL;
}

static memo_entry *memo_find(memo_entry *tab, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (tab[i].key[0] && !strcmp(tab[i].key, key)) return &tab[i];
    return NULL;
}

/* The slot for a new answer: the oldest one goes. */
static memo_entry *memo_slot(memo_entry *tab, int n, int *next, const char *key)
{
    memo_entry *me = &tab[*next];
    *next = (*next + 1) % n;
    free(me->rows);
    memset(me, 0, sizeof *me);
    snprintf(me->key, sizeof me->key, "%s", key);
    return me;
}

static int64_t effective_muni(const sv_store *st, const sv_filter *f);

/* Everything an answer depends on besides the data and the day. */
static void memo_key(const sv_store *st, const sv_filter *f, const char *what, long offset, long limit, char *key,
                     size_t size)
{
    snprintf(key, size, "%s|%lld|%lld|%d|%d|%d|%d|%d|%d|%ld|%ld|%s|%s", what, (long long)effective_muni(st, f),
             (long long)f->municipality_id, f->status, f->step, f->overdue, f->warnings, (int)f->sort, f->descending,
             offset, limit, f->adviser, f->search);
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
    list_memo *m = memo_get(st);
    memo_entry *me = m ? memo_find(m->fts, MEMO_COUNTS, phrase) : NULL;
    if (me) return me->value;
    long long version = m ? m->version : 0, changes = m ? m->changes : 0;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT count(*) FROM participant_search"
                                           " WHERE participant_search MATCH ?", e);
    if (!s) return -1;
    sqlite3_bind_text(s, 1, phrase, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    long n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    if (rc != SQLITE_ROW) sv_store_dberr(st, rc, e);
    sqlite3_reset(s);
    if (n >= 0 && (m = memo_again(st, m, version, changes))) memo_slot(m->fts, MEMO_COUNTS, &m->next_fts, phrase)->value = n;
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

static long count_now(sv_store *st, const sv_filter *f, sv_err *e);
static int listable(const sv_store *st, const sv_filter *f, char fold[128]);
static match_list *match_list_for(sv_store *st, list_memo *m, const char *fold);

long sv_overview_count(sv_store *st, const sv_filter *f, sv_err *e)
{
    if (sv_store_authorize(st, SV_OP_READ, f->municipality_id, e)) return -1;
    char key[400];
    memo_key(st, f, "count", 0, 0, key, sizeof key);
    list_memo *m = memo_get(st);
    memo_entry *me = m ? memo_find(m->count, MEMO_COUNTS, key) : NULL;
    if (me) return me->value;
    long long version = m ? m->version : 0, changes = m ? m->changes : 0;
    long n = count_now(st, f, e);
    if (n >= 0 && (m = memo_again(st, m, version, changes))) memo_slot(m->count, MEMO_COUNTS, &m->next_count, key)->value = n;
    return n;
}

static long count_now(sv_store *st, const sv_filter *f, sv_err *e)
{
    char fold[128];
    list_memo *m;
    match_list *l;
    if (listable(st, f, fold) && (m = memo_get(st)) && (l = match_list_for(st, m, fold))) return l->n;
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

static int page_now(sv_store *st, const sv_filter *f, int offset, int limit, sv_overview_row *rows, sv_err *e);

/* One row of COLS. */
static void read_row(sqlite3_stmt *s, const char *today, sv_overview_row *r)
{
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

/* A match list for fold: the memo's own, one narrowed from the list of a term fold contains,
 * or read from the index when the term has at most MATCH_MAX matches. NULL when there is
 * none to be had (no memo, too many matches, an error: the caller then asks SQL as before). */
static match_list *match_list_for(sv_store *st, list_memo *m, const char *fold)
{
    match_list *from = NULL;
    for (int i = 0; i < MEMO_LISTS; i++) {
        match_list *l = m->lists[i];
        if (!l) continue;
        if (!strcmp(l->fold, fold)) return l;
        if (strstr(fold, l->fold) && (!from || l->n < from->n)) from = l;
    }
    match_list *l = sv_xcalloc(1, sizeof *l);
    snprintf(l->fold, sizeof l->fold, "%s", fold);
    if (from) {
        size_t bytes = 0;
        for (long i = 0; i < from->n; i++)
            if (strstr(from->key[i], fold)) bytes += strlen(from->key[i]) + 1, l->n++;
        l->id = sv_xcalloc((size_t)l->n + 1, sizeof *l->id);
        l->key = sv_xcalloc((size_t)l->n + 1, sizeof *l->key);
        l->keys = sv_xcalloc(bytes + 1, 1);
        char *at = l->keys;
        long k = 0;
        for (long i = 0; i < from->n; i++) {
            if (!strstr(from->key[i], fold)) continue;
            size_t len = strlen(from->key[i]) + 1;
            memcpy(at, from->key[i], len);
            l->id[k] = from->id[i];
            l->key[k++] = at;
            at += len;
        }
    } else {
        sv_err e;
        long long version = m->version, changes = m->changes;
        long matches = fts_count(st, fold, &e);
        if (matches < 0 || matches > MATCH_MAX) {
            free(l);
            return NULL;
        }
        char phrase[300];
        fts_phrase(fold, phrase, sizeof phrase);
        /* ORDER BY the name order's own terms, as order_by() writes them */
        sqlite3_stmt *s = sv_store_prepare(st, "SELECT p.id, p.search_key FROM participant p WHERE p.id IN"
                                               " (SELECT rowid FROM participant_search WHERE participant_search MATCH ?)"
                                               " ORDER BY p.search_key, p.id", &e);
        if (!s) {
            free(l);
            return NULL;
        }
        sqlite3_bind_text(s, 1, phrase, -1, SQLITE_TRANSIENT);
        size_t cap = (size_t)matches + 1, bytes = 0, bcap = cap * 32;
        l->id = sv_xcalloc(cap, sizeof *l->id);
        size_t *off = sv_xcalloc(cap, sizeof *off);
        l->keys = sv_xcalloc(bcap, 1);
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            const char *key = (const char *)sqlite3_column_text(s, 1);
            size_t len = strlen(key ? key : "") + 1;
            if ((size_t)l->n + 1 >= cap) {
                cap *= 2;
                l->id = sv_xrealloc(l->id, cap * sizeof *l->id);
                off = sv_xrealloc(off, cap * sizeof *off);
            }
            while (bytes + len > bcap) bcap *= 2, l->keys = sv_xrealloc(l->keys, bcap);
            memcpy(l->keys + bytes, key ? key : "", len);
            l->id[l->n] = sqlite3_column_int64(s, 0);
            off[l->n++] = bytes;
            bytes += len;
        }
        sqlite3_reset(s);
        if (rc != SQLITE_DONE) {
            free(off);
            list_free(l);
            return NULL;
        }
        l->key = sv_xcalloc((size_t)l->n + 1, sizeof *l->key);
        for (long i = 0; i < l->n; i++) l->key[i] = l->keys + off[i];
        free(off);
        /* a list read while someone else committed is not kept (nor used: SQL answers) */
        if (!memo_again(st, m, version, changes)) {
            list_free(l);
            return NULL;
        }
    }
    list_free(m->lists[m->next_list]);
    m->lists[m->next_list] = l;
    m->next_list = (m->next_list + 1) % MEMO_LISTS;
    return l;
}

/* Whether the filter is one a match list answers: a term of three characters or more across
 * all municipalities, in name order, with nothing else narrowing the rows. */
static int listable(const sv_store *st, const sv_filter *f, char fold[128])
{
    if (f->sort != SV_SORT_NAME || derived(f) || effective_muni(st, f)) return 0;
    return search_kind(st, f, fold) == SEARCH_FTS_DRIVE;
}

/* The page from a match list: its ids in order (reversed for a descending list, ties still
 * by id ascending, as order_by() sorts them), each row read by its id. */
static int page_from_list(sv_store *st, const sv_filter *f, const match_list *l, int offset, int limit,
                          sv_overview_row *rows, sv_err *e)
{
    char sql[sizeof COLS + 32];
    snprintf(sql, sizeof sql, "%s WHERE p.id = ?", COLS);
    sqlite3_stmt *s = sv_store_prepare(st, sql, e);
    if (!s) return -1;
    char today[11];
    sv_date_iso(sv_today(), today);
    int n = 0;
    for (long i = offset; i < l->n && n < limit; i++) {
        long k = i;
        if (f->descending) {
            /* descending by key, ascending by id within one key */
            long j = l->n - 1 - i, lo = j;
            while (lo > 0 && !strcmp(l->key[lo - 1], l->key[j])) lo--;
            long hi = j;
            while (hi + 1 < l->n && !strcmp(l->key[hi + 1], l->key[j])) hi++;
            k = lo + (hi - j);
        }
        sqlite3_bind_int64(s, 1, l->id[k]);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) read_row(s, today, &rows[n++]);
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            sv_store_dberr(st, rc, e);
            return -1;
        }
    }
    return n;
}

int sv_overview_page(sv_store *st, const sv_filter *f, int offset, int limit, sv_overview_row *rows,
                     sv_err *e)
{
    /* Asking for another municipality than one's own is refused, never answered with one's own. */
    if (sv_store_authorize(st, SV_OP_READ, f->municipality_id, e)) return -1;
    if (limit <= 0) return page_now(st, f, offset, limit, rows, e);
    char key[400];
    memo_key(st, f, "page", offset, limit, key, sizeof key);
    list_memo *m = memo_get(st);
    memo_entry *me = m ? memo_find(m->page, MEMO_PAGES, key) : NULL;
    if (me) {
        if (me->value > 0) memcpy(rows, me->rows, sizeof *rows * (size_t)me->value);
        return (int)me->value;
    }
    long long version = m ? m->version : 0, changes = m ? m->changes : 0;
    int n = page_now(st, f, offset, limit, rows, e);
    if (n >= 0 && (m = memo_again(st, m, version, changes))) {
        me = memo_slot(m->page, MEMO_PAGES, &m->next_page, key);
        me->value = n;
        if (n > 0) {
            me->rows = sv_xcalloc((size_t)n, sizeof *rows);
            memcpy(me->rows, rows, sizeof *rows * (size_t)n);
        }
    }
    return n;
}

static int page_now(sv_store *st, const sv_filter *f, int offset, int limit, sv_overview_row *rows, sv_err *e)
{
    char fold[128];
    list_memo *m;
    match_list *l;
    if (limit > 0 && listable(st, f, fold) && (m = memo_get(st)) && (l = match_list_for(st, m, fold)))
        return page_from_list(st, f, l, offset, limit, rows, e);
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
    while (n < take && (rc = sqlite3_step(s)) == SQLITE_ROW) read_row(s, today, &rows[n++]);
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
