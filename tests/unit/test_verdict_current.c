/* Verdicts under the rules in force now (core/verdict_current.h): after a change of the rules,
 * the checklist makes each decision's verdict once, keeps it, reads it on the next runs, and
 * gives the report the documents give. */
#include <sqlite3.h>

#include "../../core/checklist.h"
#include "../../core/demo.h"
#include "../../core/rules.h"
#include "../../core/vedtak.h"
#include "../../core/verdict_current.h"
#include "testlib.h"

static void teardown(void)
{
    sv_rules_cleanup();
    sv_vedtak_cleanup();
}

static long long one_int(sv_store *st, const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static void run_sql(sv_store *st, const char *sql)
{
    char *err = NULL;
    ck_assert_msg(sqlite3_exec(sv_store_db(st), sql, NULL, NULL, &err) == SQLITE_OK, "%s", err ? err : "");
}

static int total_violations(const sv_checklist *c)
{
    int n = 0;
    for (int i = 0; i < c->nitems; i++) n += c->items[i].violations;
    return n;
}

static void same_checklist(const sv_checklist *a, const sv_checklist *b)
{
    ck_assert_int_eq(a->nitems, b->nitems);
    ck_assert_int_eq(a->cases, b->cases);
    ck_assert_int_eq(a->decisions, b->decisions);
    for (int i = 0; i < a->nitems; i++) {
        ck_assert_str_eq(a->items[i].control, b->items[i].control);
        ck_assert_int_eq(a->items[i].checked, b->items[i].checked);
        ck_assert_int_eq(a->items[i].violations, b->items[i].violations);
        ck_assert_int_eq(a->items[i].remarks, b->items[i].remarks);
        ck_assert_int_eq(a->items[i].ncases, b->items[i].ncases);
    }
}

/* The verdicts as issued are made to name an earlier version of the rules, as after an upgrade
 * that changed a rule set. */
static void rules_changed_since_issue(sv_store *st)
{
    run_sql(st, "DROP TRIGGER decision_verdict_no_update;"
                "UPDATE decision_verdict SET verdict = 'an earlier version:0000000000000000' || substr(verdict, instr(verdict, '|'))");
}

START_TEST(test_changed_rules_are_judged_once_and_kept)
{
    char path[512];
    int64_t muni;
    sv_store *st = tl_open(path, sizeof path, &muni);
    sv_demo_opts o = {.participants = 150, .municipalities = 2, .seed = 9};
    sv_demo_result r;
    sv_err e;
    ck_assert_msg(sv_demo(st, &o, &r, &e) == SV_OK, "%s", e.msg);
    long long decisions = one_int(st, "SELECT count(*) FROM decision");
    ck_assert_int_gt(decisions, 20);

    sv_checklist a, b, c;
    ck_assert_msg(sv_checklist_run(st, 0, sv_today(), &a, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(one_int(st, "SELECT count(*) FROM verdict_current"), 0);   /* nothing to make: the rules are the issue's */

    rules_changed_since_issue(st);
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &b, &e), SV_OK);
    same_checklist(&a, &b);
    ck_assert_int_eq(one_int(st, "SELECT count(*) FROM verdict_current"), decisions);
    /* made by the rules in force: the same letters as at issue, under today's digest */
    ck_assert_int_eq(one_int(st, "SELECT count(*) FROM verdict_current c JOIN decision_verdict v USING(decision_id)"
                                 " WHERE substr(c.verdict, instr(c.verdict, '|')) = substr(v.verdict, instr(v.verdict, '|'))"
                                 " AND c.verdict <> v.verdict"), decisions);

    /* the next run writes nothing and reads what was kept */
    long long before = sqlite3_total_changes64(sv_store_db(st));
    sv_checklist_free(&b);
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &b, &e), SV_OK);
    same_checklist(&a, &b);
    ck_assert(sqlite3_total_changes64(sv_store_db(st)) == before);

    /* read, not merely written: kept verdicts that say every rule is broken make the report say so */
    run_sql(st, "UPDATE verdict_current SET verdict = substr(verdict, 1, instr(verdict, '|'))"
                " || replace(substr(verdict, instr(verdict, '|') + 1), 'p', 'v')");
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &c, &e), SV_OK);
    ck_assert_int_gt(total_violations(&c), total_violations(&a));
    sv_checklist_free(&c);

    /* a kept verdict of yet another version is made again */
    run_sql(st, "UPDATE verdict_current SET verdict = 'another version:1111111111111111' || substr(verdict, instr(verdict, '|'))");
    ck_assert_int_eq(sv_verdict_refresh(st, 0, &e), decisions);
    ck_assert_int_eq(sv_verdict_refresh(st, 0, &e), 0);
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &c, &e), SV_OK);
    same_checklist(&a, &c);

    sv_checklist_free(&a);
    sv_checklist_free(&b);
    sv_checklist_free(&c);
    sv_store_close(st);
    tl_unlink_db(path);
}
END_TEST

/* A database that cannot be written keeps its old verdicts: the checklist reads the documents
 * and gives the same report, and says nothing of the refresh it could not make. */
START_TEST(test_read_only_database_still_gives_the_report)
{
    char path[512];
    int64_t muni;
    sv_store *st = tl_open(path, sizeof path, &muni);
    sv_demo_opts o = {.participants = 60, .municipalities = 1, .seed = 3};
    sv_demo_result r;
    sv_err e;
    ck_assert_msg(sv_demo(st, &o, &r, &e) == SV_OK, "%s", e.msg);
    sv_checklist a, b;
    ck_assert_msg(sv_checklist_run(st, 0, sv_today(), &a, &e) == SV_OK, "%s", e.msg);
    rules_changed_since_issue(st);
    run_sql(st, "PRAGMA query_only = 1");
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &b, &e), SV_OK);
    same_checklist(&a, &b);
    run_sql(st, "PRAGMA query_only = 0");
    ck_assert_int_eq(one_int(st, "SELECT count(*) FROM verdict_current"), 0);
    sv_checklist_free(&a);
    sv_checklist_free(&b);
    sv_store_close(st);
    tl_unlink_db(path);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("verdict_current");
    TCase *t = tcase_create("verdict_current");
    tcase_add_checked_fixture(t, NULL, teardown);
    tcase_set_timeout(t, 120);
    tcase_add_test(t, test_changed_rules_are_judged_once_and_kept);
    tcase_add_test(t, test_read_only_database_still_gives_the_report);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
