/* The monthly absence figures (absence.h): planned hours, attended, approved and unapproved
 * absence, the unapproved share, the welfare leave left, and whether the unapproved absence of a
 * payment period calls for a decision. Hourly rows count on their days; a date-range absence
 * counts the planned hours of its days that have no hourly row. A day of granted leave (the
 * participant's leave loaded once with the plan, sv_abs_plan_load) has no planned hours and
 * counts no row: it is neither attended nor absent. */
#include "absence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "figures.h"
#include "i18n.h"

static sv_date col_date(sqlite3_stmt *s, int c)
{
    const char *t = (const char *)sqlite3_column_text(s, c);
    sv_date d = SV_NODATE;
    if (t && sv_date_parse(t, &d)) d = SV_NODATE;
    return d;
}

static sv_date month_end(int y, int m)
{
    return (m == 12 ? sv_date_from_ymd(y + 1, 1, 1) : sv_date_from_ymd(y, m + 1, 1)) - 1;
}

typedef struct {
    sv_store *st;
    const sv_abs_rules *rules;
    const char *unit;
} mctx;

static int one(mctx *x, int64_t pid, int y, int mo, sv_abs_month *out, sv_err *e)
{
    sv_store *st = x->st;
    sv_date a = sv_date_from_ymd(y, mo, 1), b = month_end(y, mo), jan1 = sv_date_from_ymd(y, 1, 1);
    char ia[11], ib[11], ij[11];
    sv_date_iso(a, ia);
    sv_date_iso(b, ib);
    sv_date_iso(jan1, ij);
    out->participant_id = pid;
    out->year = y;
    out->month = mo;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT name, fnr FROM participant WHERE id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, pid);
    if (sqlite3_step(s) == SQLITE_ROW) {
        snprintf(out->name, sizeof out->name, "%s", (const char *)sqlite3_column_text(s, 0));
        snprintf(out->fnr, sizeof out->fnr, "%s", (const char *)sqlite3_column_text(s, 1));
    }
    sqlite3_reset(s);

    sv_abs_plan p;
    int rc = sv_abs_plan_load(st, pid, &p, e);
    if (rc && rc != SV_ENOTFOUND) return rc;
    int planned_day[31] = {0}, has_row[31] = {0};
    unsigned char welfare[366] = {0};
    for (sv_date d = a; rc == SV_OK && d <= b; d++) {
        planned_day[d - a] = sv_abs_plan_day(&p, d, 0, x->unit);
        out->planned += planned_day[d - a];
    }
    /* the hourly rows of the month (in the unit's measures when a unit is asked for) */
    s = sv_store_prepare(st, "SELECT h.on_day, h.hours, h.approved, h.reason = 'velferd', ifnull(m.provider, '')"
                             " FROM absence_hour h LEFT JOIN measure m ON m.id = h.measure_id"
                             " WHERE h.participant_id = ? AND h.on_day BETWEEN ? AND ?", e);
    if (!s) goto fail;
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_text(s, 2, ia, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, ib, -1, SQLITE_TRANSIENT);
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (x->unit && strcmp((const char *)sqlite3_column_text(s, 4), x->unit)) continue;
        sv_date d = col_date(s, 0);
        if (d == SV_NODATE || d < a || d > b || sv_fig_covering(p.leave, p.nleave, d) >= 0) continue;
        has_row[d - a] = 1;
        int h = sqlite3_column_int(s, 1) * 10;
        if (sqlite3_column_int(s, 2)) out->approved += h;
        else out->unapproved += h;
    }
    sqlite3_reset(s);
    if (r != SQLITE_DONE) {
        sv_store_dberr(st, r, e);
        goto fail;
    }
    /* welfare leave in the year so far: approved hourly rows ... */
    s = sv_store_prepare(st, "SELECT on_day FROM absence_hour WHERE participant_id = ? AND reason = 'velferd'"
                             " AND hours > 0 AND approved AND on_day BETWEEN ? AND ?", e);
    if (!s) goto fail;
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_text(s, 2, ij, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, ib, -1, SQLITE_TRANSIENT);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        sv_date d = col_date(s, 0);
        if (d != SV_NODATE && d >= jan1 && d <= b && sv_fig_covering(p.leave, p.nleave, d) < 0) welfare[d - jan1] = 1;
    }
    sqlite3_reset(s);
    if (r != SQLITE_DONE) {
        sv_store_dberr(st, r, e);
        goto fail;
    }
    /* ... and the date ranges: their planned days without an hourly row in the month, their
     * welfare days in the year */
    s = sv_store_prepare(st, "SELECT from_on, ifnull(to_on, from_on), approved, reason = 'velferd' FROM absence"
                             " WHERE participant_id = ? AND from_on <= ? AND ifnull(to_on, from_on) >= ?", e);
    if (!s) goto fail;
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_text(s, 2, ib, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, ij, -1, SQLITE_TRANSIENT);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        sv_date from = col_date(s, 0), to = col_date(s, 1);
        int approved = sqlite3_column_int(s, 2), is_welfare = sqlite3_column_int(s, 3);
        if (from == SV_NODATE || to == SV_NODATE) continue;
        for (sv_date d = from < a ? a : from; d <= to && d <= b; d++) {
            if (has_row[d - a] || !planned_day[d - a]) continue;
            has_row[d - a] = 1;   /* one range per day */
            if (approved) out->approved += planned_day[d - a];
            else out->unapproved += planned_day[d - a];
        }
        for (sv_date d = from < jan1 ? jan1 : from; approved && is_welfare && d <= to && d <= b; d++)
            if (sv_abs_plan_day(&p, d, 0, NULL)) welfare[d - jan1] = 1;
    }
    sqlite3_reset(s);
    if (r != SQLITE_DONE) {
        sv_store_dberr(st, r, e);
        goto fail;
    }
    sv_abs_plan_free(&p);
    for (int i = 0; i <= b - jan1; i++) out->welfare_used += welfare[i];
    out->welfare_left = x->rules->welfare_days > out->welfare_used ? x->rules->welfare_days - out->welfare_used : 0;
    out->attended = out->planned - out->approved - out->unapproved;
    if (out->attended < 0) out->attended = 0;
    out->share = out->planned > 0 ? (int)((long long)out->unapproved * 1000 / out->planned) : -1;
    out->decision_due = out->planned > 0 && (long long)out->unapproved * 100 >= (long long)x->rules->decision_share * out->planned;
    return SV_OK;
fail:
    sv_abs_plan_free(&p);
    return e->code;
}

static int authorize_read(sv_store *st, int64_t pid, sv_err *e)
{
    return sv_store_authorize(st, SV_OP_READ, sv_row_municipality(st, &SV_ENT_ABSENCE_HOUR, pid), e);
}

int sv_abs_month_one(sv_store *st, int64_t pid, int year, int month, sv_abs_month *out, sv_err *e)
{
    memset(out, 0, sizeof *out);
    mctx x = {st, sv_abs_rules_get(e), NULL};
    if (!x.rules) return e->code;
    if (authorize_read(st, pid, e)) return e->code;
    return one(&x, pid, year, month, out, e);
}

int sv_abs_month_each(sv_store *st, int64_t muni, int year, int month, const char *unit, sv_abs_month_cb cb, void *ctx,
                      sv_err *e)
{
    mctx x = {st, sv_abs_rules_get(e), unit};
    if (!x.rules) return e->code;
    if (sv_store_authorize(st, SV_OP_READ, muni, e)) return e->code;
    char ia[11], ib[11];
    sv_date_iso(sv_date_from_ymd(year, month, 1), ia);
    sv_date_iso(month_end(year, month), ib);
    if (sv_store_read_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT p.id FROM participant p JOIN plan pl ON pl.participant_id = p.id"
                                           " WHERE p.municipality_id = ? AND pl.start_on <= ? AND ifnull(pl.planned_end, ?) >= ?"
                                           " ORDER BY p.search_key, p.id", e);
    int64_t *ids = NULL;
    int n = 0, cap = 0, rc = SV_OK;
    if (!s) {
        rc = e->code;
        goto done;
    }
    sqlite3_bind_int64(s, 1, muni);
    sqlite3_bind_text(s, 2, ib, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, ia, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, ia, -1, SQLITE_TRANSIENT);
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            ids = sv_xrealloc(ids, sizeof *ids * (size_t)cap);
        }
        ids[n++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_reset(s);
    if (r != SQLITE_DONE) {
        rc = sv_store_dberr(st, r, e);
        goto done;
    }
    for (int i = 0; i < n; i++) {
        sv_abs_month row;
        memset(&row, 0, sizeof row);
        if ((rc = one(&x, ids[i], year, month, &row, e))) break;
        if (cb(&row, ctx)) break;
    }
done:
    free(ids);
    sv_store_read_end(st);
    return rc;
}

/* 1 when a decision of the template's kinds was made on or after day. */
static int settled(sv_store *st, const sv_abs_rules *rules, int64_t pid, sv_date day, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT kind FROM decision WHERE participant_id = ? AND decided_on >= ?", e);
    if (!s) return -1;
    char iso[11];
    sv_date_iso(day, iso);
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_text(s, 2, iso, -1, SQLITE_TRANSIENT);
    int found = 0;
    while (!found && sqlite3_step(s) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(s, 0);
        size_t len = strlen(k);
        for (const char *p = rules->decision_kinds; k && len && (p = strstr(p, k)); p += len)
            if ((p == rules->decision_kinds || p[-1] == ' ') && (p[len] == ' ' || !p[len])) {
                found = 1;
                break;
            }
    }
    sqlite3_reset(s);
    return found;
}

int sv_abs_decision_due(sv_store *st, int64_t pid, sv_date today, sv_abs_month *row, sv_err *e)
{
    mctx x = {st, sv_abs_rules_get(e), NULL};
    if (!x.rules) return -1;
    sv_abs_plan p;
    int rc = sv_abs_plan_load(st, pid, &p, e);
    if (rc == SV_ENOTFOUND) return 0;
    if (rc) return -1;
    sv_date start = p.start;
    sv_abs_plan_free(&p);
    if (start == SV_NODATE || start > today) return 0;
    int y, m, d, sy, sm;
    sv_date_to_ymd(today, &y, &m, &d);
    sv_date_to_ymd(start, &sy, &sm, &d);
    /* the last twelve payment periods, latest first */
    for (int i = 0; i < 12 && (y > sy || (y == sy && m >= sm)); i++) {
        memset(row, 0, sizeof *row);
        if (one(&x, pid, y, m, row, e)) return -1;
        if (row->decision_due) {
            int s = settled(st, x.rules, pid, sv_date_from_ymd(y, m, 1), e);
            if (s < 0) return -1;
            if (!s) return 1;
        }
        if (--m == 0) {
            m = 12;
            y--;
        }
    }
    return 0;
}

int sv_abs_case_lines(sv_store *st, int64_t pid, sv_date today, char *month_line, size_t msize, char *due_line,
                      size_t dsize, sv_err *e)
{
    month_line[0] = due_line[0] = '\0';
    int y, m, d;
    sv_date_to_ymd(today, &y, &m, &d);
    sv_abs_month row;
    if (sv_abs_month_one(st, pid, y, m, &row, e)) return e->code;
    if (row.planned > 0) {
        char p[16], ap[16], un[16];
        sv_abs_hours_text(row.planned, p, sizeof p, ',');
        sv_abs_hours_text(row.approved, ap, sizeof ap, ',');
        sv_abs_hours_text(row.unapproved, un, sizeof un, ',');
        snprintf(month_line, msize, _n("Fravær %02d.%d: planlagt %s t, godkjent %s t, ugodkjent %s t (%d,%d %%); "
                 "velferdspermisjon igjen i år: %d dag", "Fravær %02d.%d: planlagt %s t, godkjent %s t, ugodkjent %s t (%d,%d %%); "
                 "velferdspermisjon igjen i år: %d dager", row.welfare_left), m, y, p, ap, un, row.share / 10, row.share % 10, row.welfare_left);
    }
    int due = sv_abs_decision_due(st, pid, today, &row, e);
    if (due < 0) return e->code;
    if (due) {
        const sv_abs_rules *r = sv_abs_rules_get(e);
        snprintf(due_line, dsize, _("Vedtak om trekk må fattes: ugodkjent fravær %02d.%d er %d,%d %% av de planlagte "
                 "timene, et trekk på %d %% eller mer av én utbetaling (%s)"), row.month, row.year, row.share / 10,
                 row.share % 10, r ? r->decision_share : 50, r ? r->decision_cite : "");
    }
    return SV_OK;
}

static int by_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

struct due_set { sv_date today; long long changes; int64_t *ids; int n; };

static void due_set_free(void *p)
{
    struct due_set *d = p;
    if (d) free(d->ids);
    free(d);
}

static const char due_key = 0;

int sv_abs_maybe_due(sv_store *st, int64_t pid, sv_date today)
{
    /* one set per open store (the checklist's second process opens its own), day and state of the data the
     * store itself has written */
    struct due_set *d = sv_store_memo(st, &due_key);
    long long changes = sqlite3_total_changes64(sv_store_db(st));
    if (!d || d->today != today || d->changes != changes) {
        sv_err e;
        sqlite3_stmt *s = sv_store_prepare(st, "SELECT participant_id FROM absence_hour WHERE hours > 0 AND NOT approved"
                                               " AND on_day BETWEEN ?1 AND ?2 UNION SELECT participant_id FROM absence"
                                               " WHERE NOT ifnull(approved, 0) AND from_on <= ?2 AND ifnull(to_on, from_on) >= ?1", &e);
        if (!s) return 1;   /* unknown: let the full test decide */
        d = sv_xcalloc(1, sizeof *d);
        d->today = today;
        d->changes = changes;
        char a[11], b[11];
        int y, m, dd;
        sv_date_to_ymd(today, &y, &m, &dd);
        sv_date_iso(sv_date_from_ymd(m == 12 ? y : y - 1, m == 12 ? 1 : m + 1, 1), a);
        sv_date_iso(month_end(y, m), b);
        sqlite3_bind_text(s, 1, a, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, b, -1, SQLITE_TRANSIENT);
        int cap = 0;
        while (sqlite3_step(s) == SQLITE_ROW) {
            if (d->n == cap) {
                cap = cap ? cap * 2 : 64;
                d->ids = sv_xrealloc(d->ids, sizeof *d->ids * (size_t)cap);
            }
            d->ids[d->n++] = sqlite3_column_int64(s, 0);
        }
        sqlite3_reset(s);
        if (d->n) qsort(d->ids, (size_t)d->n, sizeof *d->ids, by_id);
        if (sv_store_set_memo(st, &due_key, d, due_set_free) != 0) {
            int hit = d->n && bsearch(&pid, d->ids, (size_t)d->n, sizeof *d->ids, by_id) != NULL;
            due_set_free(d);
            return hit;
        }
    }
    return d->n && bsearch(&pid, d->ids, (size_t)d->n, sizeof *d->ids, by_id) != NULL;
}
