/* Leave (core/leave.c, the working days of core/date.c, the leave figures of core/figures.c):
 * each kind's period counted as templates/permisjon.txt says the law counts it, across
 * weekends, month and year ends and the moving holidays; the gap a granted leave covers; the
 * programme's months with leave without benefit taken out. */
#include "testlib.h"

#include "../../core/date.h"
#include "../../core/figures.h"
#include "../../core/leave.h"

static sv_date D(int y, int m, int d) { return sv_date_from_ymd(y, m, d); }

static const sv_leave_kind *K(const char *code)
{
    const sv_leave_kind *k = sv_leave_kind_get(code);
    ck_assert_msg(k != NULL, "kind %s missing from templates/permisjon.txt", code);
    return k;
}

START_TEST(test_kinds_load_with_their_counting)
{
    sv_err e;
    int n = 0;
    ck_assert_msg(sv_leave_kinds(&n, &e) != NULL, "%s", e.msg);
    ck_assert_int_ge(n, 7);
    ck_assert_int_eq(K("fodsel_mor")->workdays, 1);
    ck_assert_int_eq(K("fodsel_mor")->max, 20);
    ck_assert_int_eq(K("fodsel_far")->max, 7);
    ck_assert_int_eq(K("svangerskap")->max, 10);
    ck_assert_int_eq(K("velferd")->per_year, 1);
    ck_assert_int_eq(K("velferd")->prolongs, 0);
    ck_assert_int_eq(K("omsorg")->workdays, 0);
    ck_assert_int_eq(K("omsorg")->max_months, 10);
    ck_assert_int_eq(K("omsorg")->prolongs, 1);
    ck_assert_int_eq(K("sykdom")->max_months, 12);
    ck_assert(strstr(K("fodsel_mor")->cite, "§ 12") != NULL);
    /* every kind of the file has a label in the form's code list, and the other way round */
    const sv_leave_kind *all = sv_leave_kinds(&n, &e);
    for (int i = 0; i < n; i++) ck_assert_msg(sv_code_valid(SV_CODES_LEAVE_KIND, all[i].code), "%s", all[i].code);
    for (const sv_code *c = SV_CODES_LEAVE_KIND; c->code; c++) ck_assert_msg(sv_leave_kind_get(c->code) != NULL, "%s", c->code);
}
END_TEST

START_TEST(test_working_days_across_weekends_and_holidays)
{
    /* a week Monday to Sunday: five */
    ck_assert_int_eq(sv_date_workdays(D(2026, 3, 2), D(2026, 3, 8)), 5);
    /* a weekend alone: none; one day: one */
    ck_assert_int_eq(sv_date_workdays(D(2026, 3, 7), D(2026, 3, 8)), 0);
    ck_assert_int_eq(sv_date_workdays(D(2026, 3, 9), D(2026, 3, 9)), 1);
    ck_assert_int_eq(sv_date_workdays(D(2026, 3, 9), D(2026, 3, 8)), 0);
    /* Easter 2026: Maundy Thursday 2.4, Good Friday 3.4, Easter Monday 6.4 */
    ck_assert_int_eq(sv_date_workdays(D(2026, 3, 30), D(2026, 4, 10)), 7);
    /* May 2026: 1 May (Friday), Ascension 14 May, Whit Monday 25 May; 17 May is a Sunday */
    ck_assert_int_eq(sv_date_workdays(D(2026, 5, 1), D(2026, 5, 31)), 18);
    /* over the year end: 24.12.2026 (Thursday) to 4.1.2027: 24, 28-31 December, 4 January */
    ck_assert_int_eq(sv_date_workdays(D(2026, 12, 24), D(2027, 1, 4)), 6);
    /* a leap-year February (1.2.2028 is a Tuesday): four weeks and Tuesday the 29th */
    ck_assert_int_eq(sv_date_workdays(D(2028, 2, 1), D(2028, 2, 29)), 21);
    /* whole years agree with a day-by-day count */
    int n = 0;
    for (sv_date t = D(2025, 1, 1); t <= D(2027, 12, 31); t++) n += sv_date_is_workday(t);
    ck_assert_int_eq(sv_date_workdays(D(2025, 1, 1), D(2027, 12, 31)), n);
    /* the n-th working day */
    ck_assert_int_eq(sv_date_add_workdays(D(2026, 3, 2), 20), D(2026, 3, 27));
    ck_assert_int_eq(sv_date_add_workdays(D(2026, 4, 2), 1), D(2026, 4, 7));   /* from a holiday */
    ck_assert_int_eq(sv_date_add_workdays(D(2026, 5, 4), 20), D(2026, 6, 2));
}
END_TEST

START_TEST(test_each_kind_counts_as_the_law_counts_it)
{
    /* the mother's 20 days are working days: four weeks from Monday 2 March 2026 */
    ck_assert_int_eq(sv_leave_days(K("fodsel_mor"), D(2026, 3, 2), D(2026, 3, 27)), 20);
    /* the same 26 days as calendar days for care leave */
    ck_assert_int_eq(sv_leave_days(K("omsorg"), D(2026, 3, 2), D(2026, 3, 27)), 26);
    /* the father's 7 over Easter: 30.3-8.4.2026 is 5 working days and 10 calendar days */
    ck_assert_int_eq(sv_leave_days(K("fodsel_far"), D(2026, 3, 30), D(2026, 4, 8)), 5);
    ck_assert_int_eq(sv_leave_days(K("sykdom"), D(2026, 3, 30), D(2026, 4, 8)), 10);
    /* welfare leave over a month end: Friday 30 January to Tuesday 3 February 2026 */
    ck_assert_int_eq(sv_leave_days(K("velferd"), D(2026, 1, 30), D(2026, 2, 3)), 3);
    /* pregnancy leave over Christmas: 23-28 December 2026 is the 23rd, the 24th (not a public
     * holiday) and Monday the 28th */
    ck_assert_int_eq(sv_leave_days(K("svangerskap"), D(2026, 12, 23), D(2026, 12, 28)), 3);
    /* calendar days over a leap day */
    ck_assert_int_eq(sv_leave_days(K("annet"), D(2028, 2, 28), D(2028, 3, 1)), 3);
    ck_assert_int_eq(sv_leave_days(K("annet"), D(2028, 3, 1), D(2028, 2, 28)), 0);
}
END_TEST

START_TEST(test_granted_leave_covers_a_gap_and_prolongs)
{
    sv_period p[] = {{D(2026, 6, 1), D(2026, 8, 31), 1}, {D(2026, 3, 2), D(2026, 3, 27), 0}};
    /* a gap of June to August between two phases: covered */
    ck_assert_int_eq(sv_fig_uncovered(D(2026, 6, 1), D(2026, 8, 31), p, 2), 0);
    /* one day more on each side is not */
    ck_assert_int_eq(sv_fig_uncovered(D(2026, 5, 31), D(2026, 9, 1), p, 2), 2);
    ck_assert_int_eq(sv_fig_uncovered(D(2026, 5, 31), D(2026, 9, 1), NULL, 0), 94);
    ck_assert_int_eq(sv_fig_uncovered(D(2026, 9, 2), D(2026, 9, 1), p, 2), 0);
    /* the gap before a phase (the figure the decision states): the phase before ended 31 May,
     * this one starts 2 September; the days between are June to August, all covered */
    ck_assert_int_eq(sv_fig_gap(D(2026, 5, 31), D(2026, 9, 2), p, 2), 1);
    ck_assert_int_eq(sv_fig_gap(D(2026, 5, 31), D(2026, 9, 1), p, 2), 0);
    ck_assert_int_eq(sv_fig_gap(D(2026, 5, 31), D(2026, 9, 1), NULL, 0), 92);
    /* phases that follow each other, or overlap, are as before */
    ck_assert_int_eq(sv_fig_gap(D(2026, 5, 31), D(2026, 6, 1), p, 2), 0);
    ck_assert_int_eq(sv_fig_gap(D(2026, 5, 31), D(2026, 5, 30), p, 2), -2);
    /* only leave without benefit prolongs: 92 days inside the programme */
    ck_assert_int_eq(sv_fig_prolong_days(p, 2, D(2026, 1, 1), D(2026, 12, 31)), 92);
    ck_assert_int_eq(sv_fig_prolong_days(p, 2, D(2026, 7, 1), D(2026, 12, 31)), 62);
    /* a year's programme with 92 days of care leave is 9 months of programme time */
    ck_assert_int_eq(sv_fig_months(D(2026, 1, 1), D(2026, 12, 31)), 12);
    ck_assert_int_eq(sv_fig_programme_months(D(2026, 1, 1), D(2026, 12, 31), p, 2), 9);
    /* a 24-month programme prolonged by the leave (end moved 92 days on) is still 24 months */
    ck_assert_int_eq(sv_fig_programme_months(D(2026, 1, 1), D(2027, 12, 31) + 92, p, 2), 24);
    ck_assert_int_eq(sv_fig_programme_months(D(2026, 1, 1), SV_NODATE, p, 2), -1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("leave");
    TCase *tc = tcase_create("leave");
    tcase_add_test(tc, test_kinds_load_with_their_counting);
    tcase_add_test(tc, test_working_days_across_weekends_and_holidays);
    tcase_add_test(tc, test_each_kind_counts_as_the_law_counts_it);
    tcase_add_test(tc, test_granted_leave_covers_a_gap_and_prolongs);
    suite_add_tcase(s, tc);
    return s;
}

TL_MAIN(suite)
