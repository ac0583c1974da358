/* The derived figures (see figures.h), and their SQL forms for the list state triggers. */
#include "figures.h"

#include <stddef.h>
#include <string.h>

#include <sqlite3.h>

sv_law sv_fig_law(sv_date permit_on)
{
    if (permit_on != SV_NODATE && permit_on >= sv_date_from_ymd(2021, 1, 1)) return SV_LAW_INTEGRERING;
    return SV_LAW_INTRO;
}

sv_date sv_fig_plan_due(sv_date permit_on, sv_date settled_on, sv_date requested_on)
{
    if (settled_on == SV_NODATE) return SV_NODATE;
    sv_date from = settled_on;
    if (sv_fig_law(permit_on) == SV_LAW_INTRO && requested_on != SV_NODATE && requested_on > from) from = requested_on;
    return sv_date_add_months(from, 3);
}

int sv_fig_months(sv_date start, sv_date end)
{
    if (start == SV_NODATE || end == SV_NODATE || end < start) return -1;
    return sv_date_months_between(start, end + 1);
}

int sv_fig_gap(sv_date prev_end, sv_date start, const sv_period *p, int n)
{
    int days = start - prev_end - 1;
    return days > 0 ? sv_fig_uncovered(prev_end + 1, start - 1, p, n) : days;
}

int sv_fig_months_since(sv_date last, sv_date on)
{
    if (last == SV_NODATE || on == SV_NODATE || on < last) return -1;
    return sv_date_months_between(last, on);
}

sv_date sv_fig_review_due(sv_date base)
{
    return base == SV_NODATE ? SV_NODATE : sv_date_add_months(base, SV_REVIEW_MONTHS);
}

int sv_fig_age(sv_date birth, sv_date ref)
{
    if (birth == SV_NODATE || ref == SV_NODATE || ref < birth) return -1;
    return sv_date_months_between(birth, ref) / 12;
}

int sv_fig_life_event(const char *kind, const char *reason, sv_date from, sv_date to)
{
    if (from == SV_NODATE || !reason) return 0;
    /* A birth and a move change the life situation whatever the length of the leave. */
    if (!strcmp(reason, "fodsel") || !strcmp(reason, "flytting")) return 1;
    int long_enough = to != SV_NODATE && to - from + 1 >= 14;
    return long_enough && ((kind && !strcmp(kind, "permisjon")) || !strcmp(reason, "sykdom"));
}

sv_date sv_fig_event_review_due(sv_date from)
{
    return from == SV_NODATE ? SV_NODATE : sv_date_add_months(from, SV_EVENT_REVIEW_MONTHS);
}

int sv_fig_workday(sv_date day)
{
    return sv_date_is_workday(day);
}

int sv_fig_day_hours(int weekly_tenths, sv_date day)
{
    /* a fifth of the week, in hundredths: tenths * 10 / 5, exact for every weekly figure */
    return weekly_tenths > 0 && sv_fig_workday(day) ? weekly_tenths * 2 : 0;
}

int sv_fig_covering(const sv_period *p, int n, sv_date d)
{
    for (int i = 0; i < n; i++)
        if (p[i].from != SV_NODATE && p[i].to != SV_NODATE && d >= p[i].from && d <= p[i].to) return i;
    return -1;
}

int sv_fig_uncovered(sv_date a, sv_date b, const sv_period *p, int n)
{
    if (a == SV_NODATE || b == SV_NODATE || b < a) return 0;
    int days = 0;
    for (sv_date t = a; t <= b; t++) days += sv_fig_covering(p, n, t) < 0;
    return days;
}

int sv_fig_prolong_days(const sv_period *p, int n, sv_date start, sv_date end)
{
    if (start == SV_NODATE || end == SV_NODATE) return 0;
    int days = 0;
    for (int i = 0; i < n; i++) {
        if (!p[i].prolongs || p[i].from == SV_NODATE || p[i].to == SV_NODATE) continue;
        sv_date a = p[i].from > start ? p[i].from : start, b = p[i].to < end ? p[i].to : end;
        if (b >= a) days += b - a + 1;
    }
    return days;
}

int sv_fig_programme_months(sv_date start, sv_date end, const sv_period *p, int n)
{
    if (start == SV_NODATE || end == SV_NODATE || end < start) return -1;
    return sv_fig_months(start, end - sv_fig_prolong_days(p, n, start, end));
}

int sv_fig_norm(int selfstudy)
{
    return selfstudy ? 300 : 375;
}

static sv_date arg_date(sqlite3_value *v)
{
    const unsigned char *s = sqlite3_value_text(v);
    sv_date d;
    if (!s || sv_date_parse((const char *)s, &d)) return SV_NODATE;
    return d;
}

static void result_date(sqlite3_context *ctx, sv_date d)
{
    char out[11];
    if (d == SV_NODATE) {
        sqlite3_result_null(ctx);
        return;
    }
    sv_date_iso(d, out);
    sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

static void fn_plan_due(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    result_date(ctx, sv_fig_plan_due(arg_date(argv[0]), arg_date(argv[1]), arg_date(argv[2])));
}

static void fn_review_due(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    result_date(ctx, sv_fig_review_due(arg_date(argv[0])));
}

static void fn_life_event(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_result_int(ctx, sv_fig_life_event((const char *)sqlite3_value_text(argv[0]), (const char *)sqlite3_value_text(argv[1]),
                                              arg_date(argv[2]), arg_date(argv[3])));
}

static void fn_event_review_due(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    result_date(ctx, sv_fig_event_review_due(arg_date(argv[0])));
}

int sv_figures_sql_register(sqlite3 *db)
{
    int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    int rc = sv_date_sql_register(db);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "sv_plan_due", 3, f, NULL, fn_plan_due, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "sv_review_due", 1, f, NULL, fn_review_due, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "sv_life_event", 4, f, NULL, fn_life_event, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "sv_event_review_due", 1, f, NULL, fn_event_review_due, NULL, NULL);
    return rc;
}
