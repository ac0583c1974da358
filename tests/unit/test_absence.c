/* Absence by the hour (core/absence.c, absence_month.c): the monthly figures of a fixture month
 * against figures computed by hand, the refusals (hours above the day's or the measure's planned
 * hours, a day outside the programme, a weekend, a second row for a day and measure), a class
 * day saved all or nothing, who may record what, and when unapproved absence calls for a
 * decision. */
#include "testlib.h"

#include "../../core/absence.h"
#include "../../core/figures.h"
#include "../../core/leave.h"

static sv_store *st;
static char path[512];
static int64_t muni, pid, m_norsk, m_work, need;

static sv_date D(int y, int m, int d) { return sv_date_from_ymd(y, m, d); }

static int64_t measure(const char *kind, const char *name, const char *provider, int nav)
{
    sv_measure m;
    sv_err e;
    sv_entity_blank(&SV_ENT_MEASURE, &m);
    m.m.parent = muni;
    strcpy(m.kind, kind);
    strcpy(m.name, name);
    strcpy(m.provider, provider);
    strcpy(m.orientation, nav ? "arbeid" : "utdanning");
    strcpy(m.status, "eksisterende");
    m.hours = 100;
    m.nav = nav;
    ck_assert_msg(sv_row_save(st, &SV_ENT_MEASURE, &m, &e) == SV_OK, "%s", e.msg);
    return m.m.id;
}

static int64_t phase(int64_t plan, sv_date from, sv_date to, int norsk, int work)
{
    sv_phase ph;
    sv_err e;
    sv_entity_blank(&SV_ENT_PHASE, &ph);
    ph.m.parent = plan;
    strcpy(ph.name, "Fase");
    ph.start_on = from;
    ph.end_on = to;
    ck_assert_msg(sv_row_save(st, &SV_ENT_PHASE, &ph, &e) == SV_OK, "%s", e.msg);
    int64_t ms[2] = {m_norsk, m_work};
    int hours[2] = {norsk, work};
    for (int i = 0; i < 2; i++) {
        sv_plan_measure pm;
        sv_entity_blank(&SV_ENT_PLAN_MEASURE, &pm);
        pm.m.parent = ph.m.id;
        pm.measure_id = ms[i];
        pm.hours = hours[i];
        pm.need_id = need;
        ck_assert_msg(sv_row_save(st, &SV_ENT_PLAN_MEASURE, &pm, &e) == SV_OK, "%s", e.msg);
    }
    return ph.m.id;
}

static void setup(void)
{
    st = tl_open(path, sizeof path, &muni);
    m_norsk = measure("norsk", "Norskopplæring", "voksenopplaering", 0);
    m_work = measure("arbeidspraksis", "Arbeidspraksis", "nav", 1);
    sv_participant p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = muni;
    strcpy(p.fnr, "01019010399");
    strcpy(p.name, "Åse Løvås");
    p.permit_on = D(2025, 10, 1);
    p.settled_on = D(2025, 11, 1);
    strcpy(p.right_duty, "rett_plikt");
    strcpy(p.schooling, "grunnskole");
    ck_assert_msg(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e) == SV_OK, "%s", e.msg);
    pid = p.m.id;
    sv_need nd;
    sv_entity_blank(&SV_ENT_NEED, &nd);
    nd.m.parent = pid;
    strcpy(nd.area, "norsk");
    strcpy(nd.description, "Norsk til B1");
    ck_assert_msg(sv_row_save(st, &SV_ENT_NEED, &nd, &e) == SV_OK, "%s", e.msg);
    need = nd.m.id;
    sv_plan pl;
    sv_entity_blank(&SV_ENT_PLAN, &pl);
    pl.m.parent = pid;
    pl.start_on = D(2026, 1, 1);
    pl.planned_end = D(2026, 12, 31);
    strcpy(pl.final_goal, "arbeid");
    strcpy(pl.final_goal_text, "Fast jobb som butikkmedarbeider i Bergen");
    strcpy(pl.norwegian_goal, "B1");
    pl.consulted_on = D(2025, 12, 15);
    strcpy(pl.justification, "Deltakeren har ni års skolegang og erfaring fra butikk; norsk og praksis gir en vei til jobb.");
    ck_assert_msg(sv_row_save(st, &SV_ENT_PLAN, &pl, &e) == SV_OK, "%s", e.msg);
    /* 37.5 hours a week until 15 March (20 in the course, 17.5 at work), then 30 (10 + 20) */
    phase(pl.m.id, D(2026, 1, 1), D(2026, 3, 15), 200, 175);
    phase(pl.m.id, D(2026, 3, 16), D(2026, 12, 31), 100, 200);
}

static void teardown(void)
{
    sv_store_close(st);
    tl_unlink_db(path);
}

static sv_absence_hour row(sv_date day, int64_t measure, int tenths, const char *reason, int approved)
{
    sv_absence_hour a;
    sv_entity_blank(&SV_ENT_ABSENCE_HOUR, &a);
    a.m.parent = pid;
    a.on_day = day;
    a.measure_id = measure;
    a.hours = tenths;
    if (reason) strcpy(a.reason, reason);
    a.approved = approved;
    return a;
}

static int save(sv_date day, int64_t measure, int tenths, const char *reason, int approved, sv_err *e)
{
    sv_absence_hour a = row(day, measure, tenths, reason, approved);
    return sv_row_save(st, &SV_ENT_ABSENCE_HOUR, &a, e);
}

static void range(const char *kind, const char *reason, sv_date from, sv_date to, int approved)
{
    sv_absence a;
    sv_err e;
    sv_entity_blank(&SV_ENT_ABSENCE, &a);
    a.m.parent = pid;
    strcpy(a.kind, kind);
    strcpy(a.reason, reason);
    a.from_on = from;
    a.to_on = to;
    a.approved = approved;
    ck_assert_msg(sv_row_save(st, &SV_ENT_ABSENCE, &a, &e) == SV_OK, "%s", e.msg);
}

/* The fixture month, March 2026: 22 working days (1 March is a Sunday; Easter is in April),
 * 2-13 March at 7.5 hours (10 days, 75 h), 16-31 March at 6 hours (12 days, 72 h): 147 h. */
static void fixture_month(void)
{
    sv_err e;
    ck_assert_msg(save(D(2026, 1, 12), 0, 75, "velferd", 1, &e) == SV_OK, "%s", e.msg);       /* welfare day 1 */
    ck_assert_msg(save(D(2026, 3, 3), m_norsk, 40, "sykdom", 1, &e) == SV_OK, "%s", e.msg);   /* 4 h approved */
    ck_assert_msg(save(D(2026, 3, 4), 0, 75, "annet", 0, &e) == SV_OK, "%s", e.msg);          /* 7.5 h unapproved */
    ck_assert_msg(save(D(2026, 3, 5), 0, 75, "velferd", 1, &e) == SV_OK, "%s", e.msg);        /* 7.5 h, welfare day 2 */
    ck_assert_msg(save(D(2026, 3, 17), m_work, 30, "annet", 0, &e) == SV_OK, "%s", e.msg);    /* 3 h unapproved */
    ck_assert_msg(save(D(2026, 3, 18), m_norsk, 0, NULL, 0, &e) == SV_OK, "%s", e.msg);       /* present */
    ck_assert_msg(save(D(2026, 3, 26), m_norsk, 0, NULL, 0, &e) == SV_OK, "%s", e.msg);       /* present */
    /* a welfare leave of two days (2 x 6 h approved, welfare days 3 and 4) and an unapproved
     * absence of two days, of which the second has an hourly row: only 25 March counts (6 h) */
    range("permisjon", "velferd", D(2026, 3, 23), D(2026, 3, 24), 1);
    range("fravaer", "ugyldig", D(2026, 3, 25), D(2026, 3, 26), 0);
}

START_TEST(test_day_hours_are_a_fifth_of_the_week_on_working_days)
{
    ck_assert_int_eq(sv_fig_day_hours(375, D(2026, 3, 2)), 750);   /* Monday */
    ck_assert_int_eq(sv_fig_day_hours(375, D(2026, 3, 7)), 0);     /* Saturday */
    ck_assert_int_eq(sv_fig_day_hours(375, D(2026, 5, 1)), 0);     /* 1 May */
    ck_assert_int_eq(sv_fig_day_hours(375, D(2026, 4, 2)), 0);     /* Maundy Thursday */
    ck_assert_int_eq(sv_fig_day_hours(125, D(2026, 3, 3)), 250);
}
END_TEST

START_TEST(test_month_matches_hand_computed_figures)
{
    fixture_month();
    sv_abs_month m;
    sv_err e;
    ck_assert_msg(sv_abs_month_one(st, pid, 2026, 3, &m, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(m.planned, 14700);
    ck_assert_int_eq(m.approved, 400 + 750 + 1200);      /* 23.5 h */
    ck_assert_int_eq(m.unapproved, 750 + 300 + 600);     /* 16.5 h */
    ck_assert_int_eq(m.attended, 14700 - 2350 - 1650);   /* 107 h */
    ck_assert_int_eq(m.share, 112);                      /* 16.5 / 147 = 11.2 % */
    ck_assert_int_eq(m.welfare_used, 4);
    ck_assert_int_eq(m.welfare_left, 8);
    ck_assert_int_eq(m.decision_due, 0);
}
END_TEST

/* Granted leave is days off the programme: the fixture month with birth leave 9-13 March
 * (Monday to Friday at 7.5 h: 37.5 h fewer planned), an hourly row recorded on 11 March before
 * the leave was granted (not counted), and an unapproved range 12-16 March of which only Monday
 * 16 March (6 h) counts. A new row inside the leave is refused naming the date field. */
START_TEST(test_granted_leave_is_off_the_programme)
{
    fixture_month();
    sv_err e;
    ck_assert_msg(save(D(2026, 3, 11), 0, 20, "sykdom", 1, &e) == SV_OK, "%s", e.msg);
    range("fravaer", "ugyldig", D(2026, 3, 12), D(2026, 3, 16), 0);
    sv_leave l;
    sv_entity_blank(&SV_ENT_LEAVE, &l);
    l.m.parent = pid;
    strcpy(l.kind, "fodsel_mor");
    l.from_on = D(2026, 3, 9);
    l.to_on = D(2026, 3, 13);
    l.granted = 1;
    l.decided_on = D(2026, 3, 1);
    ck_assert_msg(sv_row_save(st, &SV_ENT_LEAVE, &l, &e) == SV_OK, "%s", e.msg);
    /* a refused application takes no days off */
    sv_leave r = l;
    r.m.id = 0;
    r.m.version = 0;
    r.from_on = r.to_on = D(2026, 3, 20);
    r.granted = 0;
    ck_assert_msg(sv_row_save(st, &SV_ENT_LEAVE, &r, &e) == SV_OK, "%s", e.msg);
    int planned;
    ck_assert_int_eq(sv_abs_day_planned(st, pid, D(2026, 3, 10), 0, &planned, &e), SV_OK);
    ck_assert_int_eq(planned, 0);
    ck_assert_int_eq(sv_abs_day_planned(st, pid, D(2026, 3, 20), 0, &planned, &e), SV_OK);
    ck_assert_int_eq(planned, 600);
    sv_abs_month m;
    ck_assert_msg(sv_abs_month_one(st, pid, 2026, 3, &m, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(m.planned, 14700 - 5 * 750);           /* 109.5 h */
    ck_assert_int_eq(m.approved, 400 + 750 + 1200);        /* 11 March not counted */
    ck_assert_int_eq(m.unapproved, 750 + 300 + 600 + 600); /* 16 March of the new range */
    ck_assert_int_eq(m.attended, 10950 - 2350 - 2250);
    ck_assert_int_eq(m.share, 205);                        /* 22.5 / 109.5 = 20.5 % */
    ck_assert_int_eq(m.welfare_used, 4);
    /* the other months are as they were: February has 20 working days at 7.5 h */
    ck_assert_msg(sv_abs_month_one(st, pid, 2026, 2, &m, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(m.planned, 15000);
    ck_assert_int_eq(save(D(2026, 3, 10), m_norsk, 10, "sykdom", 1, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "on_day");
    ck_assert_msg(strstr(e.msg, "innvilget permisjon denne dagen (Fødsel (mor) 09.03.2026–13.03.2026)"), "%s", e.msg);
    ck_assert_int_eq(save(D(2026, 3, 16), 0, 10, "sykdom", 1, &e), SV_OK);   /* the day after is a programme day */
}
END_TEST

static int collect(const sv_abs_month *r, void *ctx)
{
    *(sv_abs_month *)ctx = *r;
    return 0;
}

START_TEST(test_unit_report_counts_only_the_units_measures)
{
    fixture_month();
    sv_abs_month m;
    sv_err e;
    memset(&m, 0, sizeof m);
    ck_assert_msg(sv_abs_month_each(st, muni, 2026, 3, "voksenopplaering", collect, &m, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(m.participant_id, pid);
    ck_assert_int_eq(m.planned, 6400);
    ck_assert_int_eq(m.approved, 400 + 400);   /* 3 March, and 23-24 March at 2 h */
    ck_assert_int_eq(m.unapproved, 200);       /* 25 March at 2 h */
    ck_assert_int_eq(m.attended, 5400);
}
END_TEST

START_TEST(test_refusals_name_the_field_and_change_nothing)
{
    sv_err e;
    ck_assert_int_eq(save(D(2026, 3, 3), m_norsk, 50, "sykdom", 1, &e), SV_EINVAL);   /* course day is 4 h */
    ck_assert_str_eq(e.field, "hours");
    ck_assert_int_eq(save(D(2026, 3, 3), 0, 80, "sykdom", 1, &e), SV_EINVAL);         /* day is 7.5 h */
    ck_assert_str_eq(e.field, "hours");
    ck_assert_int_eq(save(D(2025, 12, 31), 0, 10, "sykdom", 1, &e), SV_EINVAL);       /* before the start */
    ck_assert_str_eq(e.field, "on_day");
    ck_assert_ptr_nonnull(strstr(e.msg, "programperioden"));
    ck_assert_int_eq(save(D(2027, 1, 4), 0, 10, "sykdom", 1, &e), SV_EINVAL);         /* after the end */
    ck_assert_str_eq(e.field, "on_day");
    ck_assert_int_eq(save(D(2026, 3, 7), 0, 10, "sykdom", 1, &e), SV_EINVAL);         /* a Saturday */
    ck_assert_str_eq(e.field, "on_day");
    ck_assert_int_eq(save(D(2026, 3, 3), 0, 10, NULL, 0, &e), SV_EINVAL);             /* no reason */
    ck_assert_str_eq(e.field, "reason");
    ck_assert_int_eq(save(D(2026, 3, 3), m_work, 30, "annet", 0, &e), SV_OK);
    ck_assert_int_eq(save(D(2026, 3, 3), m_work, 10, "annet", 0, &e), SV_EINVAL);     /* second row */
    ck_assert_str_eq(e.field, "on_day");
    ck_assert_int_eq(save(D(2026, 3, 3), 0, 50, "annet", 0, &e), SV_EINVAL);          /* 3 + 5 > 7.5 */
    ck_assert_str_eq(e.field, "hours");
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), "SELECT count(*) FROM absence_hour", -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(s, 0), 1);
    sqlite3_finalize(s);
}
END_TEST

START_TEST(test_class_day_is_saved_all_or_nothing)
{
    sv_absence_hour rows[3] = {row(D(2026, 3, 9), m_norsk, 0, NULL, 0), row(D(2026, 3, 10), m_norsk, 20, "sykdom", 1),
                               row(D(2026, 3, 11), m_norsk, 90, "sykdom", 1)};
    int failed;
    sv_err e;
    ck_assert_int_eq(sv_abs_save_all(st, rows, 3, &failed, &e), SV_EINVAL);
    ck_assert_int_eq(failed, 2);
    ck_assert_int_eq(rows[0].m.id, 0);
    sv_absence_hour a;
    ck_assert_int_eq(sv_abs_find(st, pid, D(2026, 3, 9), m_norsk, &a, &e), SV_ENOTFOUND);
    rows[2].hours = 40;
    ck_assert_msg(sv_abs_save_all(st, rows, 3, &failed, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(sv_abs_find(st, pid, D(2026, 3, 11), m_norsk, &a, &e), SV_OK);
    ck_assert_int_eq(a.hours, 40);
}
END_TEST

START_TEST(test_teacher_records_courses_nav_placements_supervisor_reads)
{
    sv_err e;
    sv_user u = {0};
    strcpy(u.login, "laerer");
    strcpy(u.role, "teacher");
    u.municipality_id = muni;
    ck_assert_msg(sv_user_add(st, &u, &e) == SV_OK, "%s", e.msg);
    strcpy(u.login, "veileder");
    strcpy(u.role, "nav");
    ck_assert_msg(sv_user_add(st, &u, &e) == SV_OK, "%s", e.msg);
    strcpy(u.login, "tilsyn");
    strcpy(u.role, "supervisor");
    u.municipality_id = 0;
    ck_assert_msg(sv_user_add(st, &u, &e) == SV_OK, "%s", e.msg);
    sv_store_close(st);
    sv_test_set_login("laerer");
    ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
    ck_assert_msg(save(D(2026, 3, 3), m_norsk, 20, "sykdom", 1, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(save(D(2026, 3, 3), m_work, 20, "sykdom", 1, &e), SV_EDENIED);
    ck_assert_int_eq(save(D(2026, 3, 4), 0, 20, "sykdom", 1, &e), SV_EDENIED);
    sv_store_close(st);
    sv_test_set_login("veileder");
    ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
    ck_assert_msg(save(D(2026, 3, 3), m_work, 20, "sykdom", 1, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(save(D(2026, 3, 5), m_norsk, 20, "sykdom", 1, &e), SV_EDENIED);
    sv_store_close(st);
    sv_test_set_login("tilsyn");
    ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(save(D(2026, 3, 6), m_norsk, 20, "sykdom", 1, &e), SV_EDENIED);
    sv_abs_month m;
    ck_assert_msg(sv_abs_month_one(st, pid, 2026, 3, &m, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(m.approved, 400);
    sv_test_set_login(NULL);
}
END_TEST

START_TEST(test_unapproved_half_of_a_payment_period_calls_for_a_decision)
{
    sv_err e;
    sv_abs_month m;
    ck_assert_int_eq(sv_abs_decision_due(st, pid, D(2026, 7, 15), &m, &e), 0);
    /* all of June unapproved, then half of a July working day less than half the month */
    range("fravaer", "ugyldig", D(2026, 6, 1), D(2026, 6, 30), 0);
    ck_assert_int_eq(sv_abs_decision_due(st, pid, D(2026, 7, 15), &m, &e), 1);
    ck_assert_int_eq(m.month, 6);
    ck_assert_int_eq(m.share, 1000);
    ck_assert_int_eq(m.decision_due, 1);
    /* exactly the threshold: 11 of 22 working days of September unapproved */
    range("fravaer", "ugyldig", D(2026, 9, 1), D(2026, 9, 15), 0);
    ck_assert_msg(sv_abs_month_one(st, pid, 2026, 9, &m, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(m.planned, 22 * 600);
    ck_assert_int_eq(m.unapproved, 11 * 600);
    ck_assert_int_eq(m.decision_due, 1);
    ck_assert_int_eq(sv_abs_decision_due(st, pid, D(2026, 10, 1), &m, &e), 1);
    ck_assert_int_eq(m.month, 9);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("absence");
    TCase *tc = tcase_create("absence");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_day_hours_are_a_fifth_of_the_week_on_working_days);
    tcase_add_test(tc, test_month_matches_hand_computed_figures);
    tcase_add_test(tc, test_granted_leave_is_off_the_programme);
    tcase_add_test(tc, test_unit_report_counts_only_the_units_measures);
    tcase_add_test(tc, test_refusals_name_the_field_and_change_nothing);
    tcase_add_test(tc, test_class_day_is_saved_all_or_nothing);
    tcase_add_test(tc, test_teacher_records_courses_nav_placements_supervisor_reads);
    tcase_add_test(tc, test_unapproved_half_of_a_payment_period_calls_for_a_decision);
    suite_add_tcase(s, tc);
    return s;
}

TL_MAIN(suite)
