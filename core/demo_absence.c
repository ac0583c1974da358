/* The demo's absence by the hour (demo_absence.h). Reasons and shares as a municipality sees
 * them: mostly attended days, own and children's illness, some welfare leave, short unapproved
 * absences, and a few participants who stay away so much that a cut is a decision. */
#include "demo_absence.h"

#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"
#include "absence.h"
#include "figures.h"

static unsigned pick(unsigned long long *r, unsigned n)
{
    *r ^= *r >> 12;
    *r ^= *r << 25;
    *r ^= *r >> 27;
    return (unsigned)((*r * 2685821657736338717ULL) >> 33) % n;
}

/* The distinct measures that run on day d. */
static int running(const sv_abs_plan *p, sv_date d, int64_t *out, int max)
{
    int n = 0;
    for (int i = 0; i < p->npm && n < max; i++) {
        const sv_abs_pm *x = &p->pm[i];
        if (x->from == SV_NODATE || d < x->from || (x->to != SV_NODATE && d > x->to) || !x->measure) continue;
        int seen = 0;
        for (int k = 0; k < n; k++) seen |= out[k] == x->measure;
        if (!seen) out[n++] = x->measure;
    }
    return n;
}

static long few(sv_store *st, const sv_abs_plan *p, int64_t pid, sv_date today, unsigned long long *rng, sv_err *e)
{
    if (pick(rng, 4)) return 0;
    long rows = 0;
    for (int k = 0; k < 2; k++) {
        sv_date d = today - 1 - (sv_date)pick(rng, 21);
        int64_t m[4];
        if (!sv_abs_plan_day(p, d, 0, NULL) || !running(p, d, m, 4)) continue;
        sv_absence_hour a;
        if (sv_abs_find(st, pid, d, m[0], &a, e) == SV_OK) continue;
        int planned = sv_abs_plan_day(p, d, m[0], NULL) / 10;
        int ill = pick(rng, 2);
        a.hours = planned < 20 ? planned : 20;
        if (!a.hours) continue;
        strcpy(a.reason, ill ? "sykdom" : "annet");
        a.approved = ill;
        if (sv_row_save(st, &SV_ENT_ABSENCE_HOUR, &a, e)) return -1;
        rows++;
    }
    return rows;
}

long sv_demo_absence(sv_store *st, int64_t pid, sv_date today, int days, unsigned long long *rng, sv_err *e)
{
    sv_abs_plan p;
    int rc = sv_abs_plan_load(st, pid, &p, e);
    if (rc == SV_ENOTFOUND) return 0;
    if (rc) return -1;
    long rows = 0;
    if (!days) {
        rows = few(st, &p, pid, today, rng, e);
        sv_abs_plan_free(&p);
        return rows;
    }
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT INTO absence_hour(participant_id, on_day, measure_id, hours, reason,"
                                           " approved, version, updated_by, updated_at) VALUES(?, ?, ?, ?, ?, ?, 1, ?, ?)", e);
    if (!s) {
        sv_abs_plan_free(&p);
        return -1;
    }
    char now[20];
    sv_now(now);
    int truant = pick(rng, 50) == 0, welfare = 0, wyear = 0;
    sv_date from = today - days, to = today - 1;
    if (p.start != SV_NODATE && from < p.start) from = p.start;
    if (p.end != SV_NODATE && to > p.end) to = p.end;
    for (sv_date d = from; p.start != SV_NODATE && d <= to; d++) {
        if (!sv_abs_plan_day(&p, d, 0, NULL)) continue;
        int y, mo, dd;
        sv_date_to_ymd(d, &y, &mo, &dd);
        if (y != wyear) welfare = 0, wyear = y;
        unsigned r = pick(rng, 100);
        const char *reason = NULL;
        int approved = 1, whole = 1;
        if (truant && r < 55) reason = "annet", approved = 0;
        else if (r < 5) reason = "sykdom";
        else if (r < 7) reason = "barns_sykdom";
        else if (r < 8 && welfare < 10) reason = "velferd", welfare++;
        else if (r < 11) reason = "annet", approved = 0, whole = 0;
        int64_t m[4];
        int n = running(&p, d, m, 4);
        char iso[11];
        sv_date_iso(d, iso);
        for (int k = 0; k < n; k++) {
            int planned = sv_abs_plan_day(&p, d, m[k], NULL) / 10;
            int h = !reason ? 0 : whole ? planned : k == 0 ? (planned < 15 ? planned : 10 + 5 * (int)pick(rng, 2)) : 0;
            sqlite3_bind_int64(s, 1, pid);
            sqlite3_bind_text(s, 2, iso, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(s, 3, m[k]);
            sqlite3_bind_int(s, 4, h);
            if (h) sqlite3_bind_text(s, 5, reason, -1, SQLITE_STATIC);
            else sqlite3_bind_null(s, 5);
            sqlite3_bind_int(s, 6, h ? approved : 0);
            sqlite3_bind_text(s, 7, sv_login(), -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 8, now, -1, SQLITE_STATIC);
            int st_rc = sqlite3_step(s);
            sqlite3_reset(s);
            if (st_rc != SQLITE_DONE) {
                sv_store_dberr(st, st_rc, e);
                sv_abs_plan_free(&p);
                return -1;
            }
            rows++;
        }
    }
    sv_abs_plan_free(&p);
    return rows;
}
