/* The appeal deadlines (forvaltningsloven §§ 29 and 33) by the one date arithmetic of
 * core/date.c: month ends, weekends and public holidays; and the store's refusals. */
#include <check.h>

#include "../../core/appeal.h"
#include "../../core/checklist.h"
#include "testlib.h"

static sv_date ymd(int y, int m, int d) { return sv_date_from_ymd(y, m, d); }

START_TEST(test_appeal_deadline_29)
{
    /* three weeks: Wednesday 05.11.2025 -> Wednesday 26.11.2025 */
    ck_assert_int_eq(sv_date_appeal_deadline(ymd(2025, 11, 5), 3), ymd(2025, 11, 26));
    /* ends Saturday 19.04.2025, Easter: Sunday, Monday 21.04 holiday -> Tuesday 22.04 */
    ck_assert_int_eq(sv_date_appeal_deadline(ymd(2025, 3, 29), 3), ymd(2025, 4, 22));
    /* ends Sunday 07.12.2025 -> Monday 08.12 */
    ck_assert_int_eq(sv_date_appeal_deadline(ymd(2025, 11, 16), 3), ymd(2025, 12, 8));
    /* across the year: Friday 05.12.2025 -> Friday 26.12.2025 (Boxing Day) -> Monday 29.12 */
    ck_assert_int_eq(sv_date_appeal_deadline(ymd(2025, 12, 5), 3), ymd(2025, 12, 29));
    /* 17 May 2026 is a Sunday; 26.04.2026 + 3 weeks = Sunday 17.05 -> Monday 18.05 */
    ck_assert_int_eq(sv_date_appeal_deadline(ymd(2026, 4, 26), 3), ymd(2026, 5, 18));
    /* Ascension Thursday 14.05.2026 -> Friday 15.05 */
    ck_assert_int_eq(sv_date_appeal_deadline(ymd(2026, 4, 23), 3), ymd(2026, 5, 15));
    ck_assert_int_eq(sv_date_appeal_deadline(SV_NODATE, 3), SV_NODATE);
}
END_TEST

START_TEST(test_forward_due_33)
{
    /* month ends: 31.01 -> 28.02 (Saturday in 2026) -> Monday 02.03.2026 */
    ck_assert_int_eq(sv_appeal_forward_due(ymd(2026, 1, 31)), ymd(2026, 3, 2));
    /* leap year: 31.01.2028 -> Tuesday 29.02.2028 */
    ck_assert_int_eq(sv_appeal_forward_due(ymd(2028, 1, 31)), ymd(2028, 2, 29));
    /* 30.11.2026 -> 30.12.2026, a Wednesday */
    ck_assert_int_eq(sv_appeal_forward_due(ymd(2026, 11, 30)), ymd(2026, 12, 30));
    /* 25.11.2026 -> Friday 25.12 Christmas Day, Saturday, Sunday -> Monday 28.12 */
    ck_assert_int_eq(sv_appeal_forward_due(ymd(2026, 11, 25)), ymd(2026, 12, 28));
    /* 01.04.2026 -> Friday 01.05 (1 May) -> Monday 04.05 */
    ck_assert_int_eq(sv_appeal_forward_due(ymd(2026, 4, 1)), ymd(2026, 5, 4));
    /* Whit Monday 25.05.2026 -> Tuesday 26.05 */
    ck_assert_int_eq(sv_appeal_forward_due(ymd(2026, 4, 25)), ymd(2026, 5, 26));
    /* 22.04.2025 -> Thursday 22.05.2025, a working day */
    ck_assert_int_eq(sv_appeal_forward_due(ymd(2025, 4, 22)), ymd(2025, 5, 22));
    ck_assert_int_eq(sv_appeal_forward_due(SV_NODATE), SV_NODATE);
}
END_TEST

/* What became of an appeal, for the checklist: Statsforvalteren's outcome first, then the
 * municipality's change, then a late appeal not considered; else it is pending. */
START_TEST(test_checklist_class)
{
    ck_assert_int_eq(sv_check_appeal_class("opprettholdt", "opphevet", 0, -1), SV_CA_REPEALED);
    ck_assert_int_eq(sv_check_appeal_class("opprettholdt", "opprettholdt", 0, -1), SV_CA_UPHELD);
    ck_assert_int_eq(sv_check_appeal_class("opprettholdt", "endret", 1, 1), SV_CA_CHANGED);
    ck_assert_int_eq(sv_check_appeal_class("endret", NULL, 0, -1), SV_CA_CHANGED_MUNI);
    ck_assert_int_eq(sv_check_appeal_class(NULL, NULL, 1, 0), SV_CA_REJECTED);
    ck_assert_int_eq(sv_check_appeal_class(NULL, NULL, 1, -1), SV_CA_PENDING);
    ck_assert_int_eq(sv_check_appeal_class("opprettholdt", NULL, 0, -1), SV_CA_PENDING);
}
END_TEST

static sv_store *st;
static char path[512];
static int64_t muni;

static void setup(void) { st = tl_open(path, sizeof path, &muni); }
static void teardown(void)
{
    sv_store_close(st);
    tl_unlink_db(path);
}

START_TEST(test_refusals_name_the_field)
{
    sv_err e;
    sv_appeal a;
    ck_assert_int_eq(sv_appeal_add(st, muni, 42, ymd(2025, 4, 1), "grunner", &a, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "decision");
    ck_assert_int_eq(sv_appeal_review(st, 1, "opprettholdt", ymd(2025, 4, 1), 0, &e), SV_ENOTFOUND);
    ck_assert_int_eq(sv_appeal_outcome(st, 1, "opprettholdt", ymd(2025, 4, 1), "", &e), SV_ENOTFOUND);
    int n = 0;
    ck_assert_int_eq(sv_appeal_each(st, 0, 0, NULL, &n, &e), SV_OK);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("appeal");
    TCase *t = tcase_create("deadlines");
    tcase_add_test(t, test_appeal_deadline_29);
    tcase_add_test(t, test_forward_due_33);
    tcase_add_test(t, test_checklist_class);
    suite_add_tcase(s, t);
    TCase *r = tcase_create("store");
    tcase_add_checked_fixture(r, setup, teardown);
    tcase_add_test(r, test_refusals_name_the_field);
    suite_add_tcase(s, r);
    return s;
}

TL_MAIN(suite)
