/* The integration contract (core/contract.c, integreringsloven § 16): saved for the plan's current
 * version (a new one from a form gets it), refused naming the field for a participant under
 * introduksjonsloven, without a plan, with empty contents, signed before the plan was made or
 * after today, for another version or twice for one; written by advisers, read by the supervisor;
 * audited; a new plan version leaves the old contract in place. */
#include "testlib.h"

#include "../../core/contract.h"

static sv_store *st;
static char path[512];
static int64_t muni, pid_new, pid_old;

static sv_date D(int y, int m, int d) { return sv_date_from_ymd(y, m, d); }

static int64_t participant(const char *fnr, const char *name, sv_date permit)
{
    sv_participant p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = muni;
    strcpy(p.fnr, fnr);
    strcpy(p.name, name);
    p.permit_on = permit;
    p.settled_on = permit + 30;
    strcpy(p.right_duty, "rett_plikt");
    strcpy(p.schooling, "grunnskole");
    ck_assert_msg(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e) == SV_OK, "%s", e.msg);
    sv_plan pl;
    sv_entity_blank(&SV_ENT_PLAN, &pl);
    pl.m.parent = p.m.id;
    pl.start_on = D(2026, 1, 1);
    pl.planned_end = D(2026, 12, 31);
    strcpy(pl.final_goal, "arbeid");
    strcpy(pl.final_goal_text, "Fast jobb som butikkmedarbeider i Bergen");
    strcpy(pl.norwegian_goal, "B1");
    pl.consulted_on = D(2025, 12, 15);
    strcpy(pl.justification, "Deltakeren har ni års skolegang og erfaring fra butikk; norsk og praksis gir en vei til jobb.");
    ck_assert_msg(sv_row_save(st, &SV_ENT_PLAN, &pl, &e) == SV_OK, "%s", e.msg);
    return p.m.id;
}

static void setup(void)
{
    st = tl_open(path, sizeof path, &muni);
    pid_new = participant("01019010399", "Åse Løvås", D(2025, 10, 1));
    pid_old = participant("02019010085", "Ola Nordmann", D(2019, 6, 1));
}

static void teardown(void)
{
    sv_store_close(st);
    tl_unlink_db(path);
}

static sv_contract contract(int64_t pid, sv_date signed_on)
{
    sv_contract k;
    sv_entity_blank(&SV_ENT_CONTRACT, &k);
    k.m.parent = pid;
    strcpy(k.participant_commits, "Delta i norskopplæring og praksis, melde fravær");
    strcpy(k.municipality_commits, "Norskkurs 20 timer i uka og oppfølging hver måned");
    k.signed_participant = k.signed_municipality = signed_on;
    return k;
}

static int count(const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

START_TEST(test_saved_for_the_current_plan_version_and_audited)
{
    sv_err e;
    sv_contract k = contract(pid_new, D(2025, 12, 16)), got;
    ck_assert_msg(sv_row_save(st, &SV_ENT_CONTRACT, &k, &e) == SV_OK, "%s", e.msg);
    int rev;
    ck_assert_int_eq(sv_contract_current(st, pid_new, &got, &rev, &e), SV_OK);
    ck_assert_int_eq(got.plan_rev, rev);
    ck_assert_int_gt(rev, 0);
    ck_assert_int_eq(got.signed_participant, D(2025, 12, 16));
    ck_assert_str_eq(got.municipality_commits, k.municipality_commits);
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE tbl = 'contract'"), 1);
    char line[300];
    ck_assert_int_eq(sv_contract_case_line(st, pid_new, line, sizeof line, &e), SV_OK);
    ck_assert_ptr_nonnull(strstr(line, "signert av deltakeren 16.12.2025"));
    /* a second contract for the same version is refused */
    sv_contract twice = contract(pid_new, D(2025, 12, 17));
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_CONTRACT, &twice, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "plan_rev");
    /* a new plan version: the old contract stays, the new version has none */
    sv_plan pl;
    ck_assert_int_eq(sv_row_load_child(st, &SV_ENT_PLAN, pid_new, &pl, &e), SV_OK);
    strcpy(pl.norwegian_goal, "B2");
    ck_assert_msg(sv_row_save(st, &SV_ENT_PLAN, &pl, &e) == SV_OK, "%s", e.msg);
    int rev2;
    ck_assert_int_eq(sv_contract_current(st, pid_new, &got, &rev2, &e), SV_ENOTFOUND);
    ck_assert_int_gt(rev2, rev);
    ck_assert_int_eq(sv_contract_for_rev(st, pid_new, rev, &got, &e), SV_OK);
    ck_assert_int_eq(sv_contract_case_line(st, pid_new, line, sizeof line, &e), SV_OK);
    ck_assert_ptr_nonnull(strstr(line, "ingen for planversjon"));
    /* the old version's contract may be corrected but not moved to another version */
    got.signed_municipality = D(2025, 12, 20);
    ck_assert_msg(sv_row_save(st, &SV_ENT_CONTRACT, &got, &e) == SV_OK, "%s", e.msg);
    got.plan_rev = rev2;
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_CONTRACT, &got, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "plan_rev");
}
END_TEST

START_TEST(test_refusals_name_the_field_and_change_nothing)
{
    sv_err e;
    int audit = count("SELECT count(*) FROM audit");
    sv_contract k = contract(pid_old, D(2025, 12, 16));
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_CONTRACT, &k, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "participant_id");
    ck_assert_ptr_nonnull(strstr(e.msg, "introduksjonsloven"));
    k = contract(pid_new, D(2025, 12, 14));
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_CONTRACT, &k, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "signed_participant");
    k = contract(pid_new, D(2025, 12, 16));
    k.signed_municipality = sv_today() + 1;
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_CONTRACT, &k, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "signed_municipality");
    k = contract(pid_new, D(2025, 12, 16));
    strcpy(k.participant_commits, " \n ");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_CONTRACT, &k, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "participant_commits");
    k = contract(pid_new, D(2025, 12, 16));
    k.municipality_commits[0] = '\0';
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_CONTRACT, &k, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "municipality_commits");
    k = contract(pid_new, D(2025, 12, 16));
    k.plan_rev = 999;
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_CONTRACT, &k, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "plan_rev");
    ck_assert_int_eq(count("SELECT count(*) FROM contract"), 0);
    ck_assert_int_eq(count("SELECT count(*) FROM audit"), audit);
}
END_TEST

START_TEST(test_adviser_writes_supervisor_and_nav_read)
{
    sv_err e;
    sv_user u = {0};
    strcpy(u.login, "tilsyn");
    strcpy(u.display_name, "Tilsyn");
    strcpy(u.role, "supervisor");
    ck_assert_msg(sv_user_add(st, &u, &e) == SV_OK, "%s", e.msg);
    strcpy(u.login, "veileder");
    strcpy(u.role, "nav");
    u.municipality_id = muni;
    ck_assert_msg(sv_user_add(st, &u, &e) == SV_OK, "%s", e.msg);
    strcpy(u.login, "radgiver");
    strcpy(u.role, "adviser");
    ck_assert_msg(sv_user_add(st, &u, &e) == SV_OK, "%s", e.msg);
    static const char *const who[] = {"tilsyn", "veileder", "radgiver"};
    static const int want[] = {SV_EDENIED, SV_EDENIED, SV_OK};
    for (int i = 0; i < 3; i++) {
        sv_store_close(st);
        sv_test_set_login(who[i]);
        ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
        sv_contract k = contract(pid_new, D(2025, 12, 16)), got;
        ck_assert_int_eq(sv_row_save(st, &SV_ENT_CONTRACT, &k, &e), want[i]);
        int rev;
        ck_assert_int_eq(sv_contract_current(st, pid_new, &got, &rev, &e), want[i] == SV_OK ? SV_OK : SV_ENOTFOUND);
    }
    sv_test_set_login(NULL);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("contract");
    TCase *tc = tcase_create("contract");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_saved_for_the_current_plan_version_and_audited);
    tcase_add_test(tc, test_refusals_name_the_field_and_change_nothing);
    tcase_add_test(tc, test_adviser_writes_supervisor_and_nav_read);
    suite_add_tcase(s, tc);
    return s;
}

TL_MAIN(suite)
