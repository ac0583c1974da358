/* The decision kinds (issue 15 item 3): the kind's own facts are refused before anything is
 * built (naming the field), a temporary stop is at most three months counted as core/date.c
 * counts months (month ends clamp), and each kind's rule in both rule sets judges the kind's
 * element as the builder writes it. */
#include <libxml/parser.h>

#include "../../core/advnotice.h"
#include "../../core/rules.h"
#include "../../forms/forms.h"
#include "../../core/vedtak.h"
#include "../../core/vedtak_kind.h"
#include "../../core/verdict.h"
#include "testlib.h"

static sv_date D(int y, int m, int d) { return sv_date_from_ymd(y, m, d); }

static sv_vedtak_in kind_in(const char *kind)
{
    sv_vedtak_in in = {.kind = kind, .decided_on = D(2026, 3, 2), .notified_on = SV_NODATE, .period_from = SV_NODATE,
                       .period_to = SV_NODATE};
    return in;
}

static const char *refused(const sv_vedtak_in *in)
{
    static sv_err e;
    sv_err_clear(&e);
    if (sv_vedtak_kind_check(in, &e) == SV_OK) return "";
    ck_assert_int_eq(e.code, SV_EINVAL);
    return e.field;
}

START_TEST(test_kind_facts_refused_naming_the_field)
{
    sv_vedtak_in in = kind_in("pause");
    ck_assert_str_eq(refused(&in), "kind");
    in = kind_in("stans");
    ck_assert_str_eq(refused(&in), "stop_kind");
    in.stop_kind = "kort";
    ck_assert_str_eq(refused(&in), "stop_kind");
    in.stop_kind = "varig";
    ck_assert_str_eq(refused(&in), "period_from");
    in.period_from = D(2026, 3, 2);
    ck_assert_str_eq(refused(&in), "");
    in.period_to = D(2026, 4, 1);
    ck_assert_str_eq(refused(&in), "period_to");   /* a permanent stop has no end */
    in.stop_kind = "midlertidig";
    ck_assert_str_eq(refused(&in), "");
    in.period_to = D(2026, 3, 1);
    ck_assert_str_eq(refused(&in), "period_to");   /* before its start */
    in = kind_in("plan");
    in.stop_kind = "varig";
    ck_assert_str_eq(refused(&in), "stop_kind");   /* only a stop has a stop type */
    in = kind_in("permisjon");
    ck_assert_str_eq(refused(&in), "period_from");
    in.period_from = D(2026, 5, 1);
    ck_assert_str_eq(refused(&in), "period_to");
    in.period_to = D(2026, 5, 31);
    ck_assert_str_eq(refused(&in), "");
    in = kind_in("avslutning");
    ck_assert_str_eq(refused(&in), "end_reason");
    in.end_reason = "stans";                        /* a permanent stop is a stop decision */
    ck_assert_str_eq(refused(&in), "end_reason");
    in.end_reason = "arbeid";
    ck_assert_str_eq(refused(&in), "period_from");
    in.period_from = D(2026, 6, 30);
    ck_assert_str_eq(refused(&in), "");
    in = kind_in("endring");
    in.end_reason = "arbeid";
    ck_assert_str_eq(refused(&in), "end_reason");
    in = kind_in("avslag");
    ck_assert_str_eq(refused(&in), "");
}
END_TEST

START_TEST(test_temporary_stop_three_months_on_month_ends)
{
    /* 30.11 + 3 months is 28.02 (domstolloven § 148 as core/date.c counts): the stop may last
     * to 27.02, not to 28.02 */
    ck_assert(sv_stop_period_ok(D(2025, 11, 30), D(2026, 2, 27)));
    ck_assert(!sv_stop_period_ok(D(2025, 11, 30), D(2026, 2, 28)));
    /* a leap year: 30.11.2027 + 3 months is 29.02.2028 */
    ck_assert(sv_stop_period_ok(D(2027, 11, 30), D(2028, 2, 28)));
    ck_assert(!sv_stop_period_ok(D(2027, 11, 30), D(2028, 2, 29)));
    /* 31.01 + 3 months is 30.04 */
    ck_assert(sv_stop_period_ok(D(2026, 1, 31), D(2026, 4, 29)));
    ck_assert(!sv_stop_period_ok(D(2026, 1, 31), D(2026, 4, 30)));
    /* the first of a month: to the last day of the third month */
    ck_assert(sv_stop_period_ok(D(2026, 2, 1), D(2026, 4, 30)));
    ck_assert(!sv_stop_period_ok(D(2026, 2, 1), D(2026, 5, 1)));
    /* one day, and an end before the start */
    ck_assert(sv_stop_period_ok(D(2026, 2, 1), D(2026, 2, 1)));
    ck_assert(!sv_stop_period_ok(D(2026, 2, 2), D(2026, 2, 1)));
    ck_assert(!sv_stop_period_ok(D(2026, 2, 2), SV_NODATE));
    sv_vedtak_in in = kind_in("stans");
    in.stop_kind = "midlertidig";
    in.period_from = D(2025, 11, 30);
    in.period_to = D(2026, 2, 28);
    sv_err e;
    ck_assert_int_eq(sv_vedtak_kind_check(&in, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "period_to");
    ck_assert_msg(strstr(e.msg, "høyst tre måneder") && strstr(e.msg, "28.02.2026"), "%s", e.msg);
}
END_TEST

static char fixtures[4096];

static void setup(void)
{
    const char *t = getenv("STEGVIS_TEMPLATES");
    snprintf(fixtures, sizeof fixtures, "%s/../tests/fixtures/vedtak", t && *t ? t : "templates");
}

static void teardown(void)
{
    sv_rules_cleanup();
    sv_vedtak_cleanup();
}

/* The outcome of rule_id on fixture file after the edit (attribute attr of element el set to
 * value; value NULL removes it). */
static sv_outcome judge(const char *file, const char *el, const char *attr, const char *value, const char *rule_id)
{
    char path[4300];
    sv_err e;
    snprintf(path, sizeof path, "%s/%s", fixtures, file);
    xmlDocPtr doc = sv_vedtak_read_file(path, &e);
    ck_assert_msg(doc != NULL, "%s: %s", file, e.msg);
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; el && n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST el)) {
            if (value) xmlSetProp(n, BAD_CAST attr, BAD_CAST value);
            else xmlUnsetProp(n, BAD_CAST attr);
        }
    sv_verdict v;
    ck_assert_msg(sv_vedtak_check(doc, SV_NODATE, &v, &e) == SV_OK, "%s: %s", file, e.msg);
    xmlFreeDoc(doc);
    sv_outcome o = SV_R_NA;
    for (int i = 0; i < v.rs->nrules; i++)
        if (!strcmp(v.results[i].rule->id, rule_id)) o = v.results[i].outcome;
    sv_verdict_free(&v);
    return o;
}

START_TEST(test_each_kind_rule_in_both_laws)
{
    const char *laws[] = {"IN", "IL"};
    for (int l = 0; l < 2; l++) {
        char f[64], r[64];
#define FILE_RULE(rule, suffix) (snprintf(f, sizeof f, "%s-%s-%s.xml", laws[l], rule, suffix), \
                                 snprintf(r, sizeof r, "%s-%s", laws[l], rule))
        FILE_RULE("K5-STANS", "ok");
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_PASS);
        /* a permanent stop with an end, a temporary one without, an unknown type: each broken */
        ck_assert_int_eq(judge(f, "stans", "type", "varig", r), SV_R_VIOLATION);
        ck_assert_int_eq(judge(f, "stans", "til", NULL, r), SV_R_VIOLATION);
        ck_assert_int_eq(judge(f, "stans", "fra", NULL, r), SV_R_VIOLATION);
        FILE_RULE("K5-STANS", "fail");
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_VIOLATION);
        ck_assert_int_eq(judge(f, "stans", "til", NULL, r), SV_R_VIOLATION);
        FILE_RULE("K5-PERMISJON", "ok");
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_PASS);
        ck_assert_int_eq(judge(f, "permisjon", "til", NULL, r), SV_R_VIOLATION);
        FILE_RULE("K5-AVSLUTNING", "ok");
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_PASS);
        ck_assert_int_eq(judge(f, "avslutning", "grunn", "stans", r), SV_R_VIOLATION);
        ck_assert_int_eq(judge(f, "avslutning", "dato", NULL, r), SV_R_VIOLATION);
        FILE_RULE("K1-AVSLAG", "ok");
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_PASS);
        /* a refusal is not judged as a plan: no plan, no assessment of a plan */
        snprintf(r, sizeof r, "%s-K1-PLAN", laws[l]);
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_NA);
        snprintf(r, sizeof r, "%s-K1-BEGRUNNELSE", laws[l]);
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_NA);
        /* and a stop is not judged as a refusal, nor the other way round */
        FILE_RULE("K5-STANS", "ok");
        snprintf(r, sizeof r, "%s-K1-AVSLAG", laws[l]);
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_NA);
        FILE_RULE("K5-FORLENGELSE", "fail");
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_VIOLATION);
        /* the advance notice: run out, answered before its deadline, or an exception */
        FILE_RULE("K5-VARSEL", "ok");
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_PASS);
        FILE_RULE("K5-VARSEL", "fail");   /* decided on the deadline itself */
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_VIOLATION);
        ck_assert_int_eq(judge(f, "forhandsvarsel", "unntak", "b", r), SV_R_VIOLATION);   /* an exception needs its reason */
        FILE_RULE("K5-VARSEL-SVAR", "ok");
        snprintf(r, sizeof r, "%s-K5-VARSEL", laws[l]);
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_PASS);
        FILE_RULE("K5-VARSEL-SVAR", "fail");
        snprintf(r, sizeof r, "%s-K5-VARSEL", laws[l]);
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_VIOLATION);
        FILE_RULE("K5-VARSEL-UNNTAK", "ok");
        snprintf(r, sizeof r, "%s-K5-VARSEL", laws[l]);
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_PASS);
        ck_assert_int_eq(judge(f, "forhandsvarsel", "unntak", NULL, r), SV_R_VIOLATION);   /* then it is a notice without dates */
        FILE_RULE("K5-VARSEL-UNNTAK", "fail");   /* a stop without any notice */
        snprintf(r, sizeof r, "%s-K5-VARSEL", laws[l]);
        ck_assert_int_eq(judge(f, NULL, NULL, NULL, r), SV_R_VIOLATION);
#undef FILE_RULE
    }
}
END_TEST

static sv_advnotice sent(sv_date on, sv_date by)
{
    sv_advnotice n = {.id = 1, .sent_on = on, .answer_by = by, .answered_on = SV_NODATE};
    return n;
}

START_TEST(test_notice_period_on_weekends_holidays_and_month_ends)
{
    /* a deadline on a Saturday runs to Monday: a decision on Monday is too early, Tuesday not */
    sv_advnotice n = sent(D(2026, 2, 20), D(2026, 2, 28));   /* Saturday 28.02.2026 */
    ck_assert_int_eq(sv_advnotice_period_end(n.answer_by), D(2026, 3, 2));
    ck_assert(!sv_advnotice_period_run(&n, D(2026, 2, 28)));
    ck_assert(!sv_advnotice_period_run(&n, D(2026, 3, 2)));
    ck_assert(sv_advnotice_period_run(&n, D(2026, 3, 3)));
    /* a Sunday at a month's end: 31.05.2026 runs to Monday 01.06 */
    n = sent(D(2026, 5, 15), D(2026, 5, 31));
    ck_assert_int_eq(sv_advnotice_period_end(n.answer_by), D(2026, 6, 1));
    ck_assert(!sv_advnotice_period_run(&n, D(2026, 6, 1)));
    ck_assert(sv_advnotice_period_run(&n, D(2026, 6, 2)));
    /* Easter: Maundy Thursday 02.04.2026 runs to Tuesday 07.04 (Good Friday, the weekend, Easter Monday) */
    n = sent(D(2026, 3, 20), D(2026, 4, 2));
    ck_assert_int_eq(sv_advnotice_period_end(n.answer_by), D(2026, 4, 7));
    ck_assert(!sv_advnotice_period_run(&n, D(2026, 4, 7)));
    ck_assert(sv_advnotice_period_run(&n, D(2026, 4, 8)));
    /* the year's end: Thursday 31.12.2026 is a working day; New Year's Day 01.01.2027 is not */
    n = sent(D(2026, 12, 15), D(2026, 12, 31));
    ck_assert_int_eq(sv_advnotice_period_end(n.answer_by), D(2026, 12, 31));
    ck_assert(sv_advnotice_period_run(&n, D(2027, 1, 1)));
    n = sent(D(2026, 12, 15), D(2027, 1, 1));
    ck_assert_int_eq(sv_advnotice_period_end(n.answer_by), D(2027, 1, 4));
    /* an ordinary working day: the day after the deadline */
    n = sent(D(2026, 3, 2), D(2026, 3, 16));
    ck_assert(!sv_advnotice_period_run(&n, D(2026, 3, 16)));
    ck_assert(sv_advnotice_period_run(&n, D(2026, 3, 17)));
    /* answered before the deadline: from the day of the answer */
    n.answered_on = D(2026, 3, 9);
    ck_assert(!sv_advnotice_period_run(&n, D(2026, 3, 8)));
    ck_assert(sv_advnotice_period_run(&n, D(2026, 3, 9)));
    /* an exception: no period; nothing recorded: never */
    sv_advnotice x = {.id = 2, .exception = "a", .sent_on = SV_NODATE, .answer_by = SV_NODATE, .answered_on = SV_NODATE};
    ck_assert(sv_advnotice_period_run(&x, D(2026, 3, 2)));
    ck_assert(!sv_advnotice_period_run(NULL, D(2026, 3, 2)));
    sv_advnotice none = {0};
    ck_assert(!sv_advnotice_period_run(&none, D(2026, 3, 2)));
}
END_TEST

/* The record: refusals name the field, nothing is stored; the answer and the exception are
 * records of their own; a supervisor reads and cannot record; no row can be changed or deleted;
 * every record is in the audit log. */
START_TEST(test_notice_record_refusals_roles_and_audit)
{
    char path[512];
    int64_t muni;
    sv_store *st = tl_open(path, sizeof path, &muni);
    sv_err e;
    sv_participant p;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = muni;
    strcpy(p.fnr, "01019010399");
    strcpy(p.name, "Åse Løvås");
    strcpy(p.sex, "K");
    strcpy(p.right_duty, "rett_plikt");
    strcpy(p.schooling, "grunnskole");
    p.permit_on = D(2025, 1, 10);
    p.settled_on = D(2025, 3, 1);
    ck_assert_msg(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e) == SV_OK, "%s", e.msg);
    int64_t pid = p.m.id;
    const char *text = "Kommunen vurderer å stanse programmet fordi du ikke har møtt på seks uker.";
    sv_advnotice n;
    sv_date today = sv_today();
    ck_assert_int_eq(sv_advnotice_send(st, pid, "plan", today - 10, today - 1, text, &n, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "kind");
    ck_assert_int_eq(sv_advnotice_send(st, pid, "stans", today + 1, today + 10, text, &n, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "sent_on");
    ck_assert_int_eq(sv_advnotice_send(st, pid, "stans", today - 10, today - 10, text, &n, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "answer_by");
    ck_assert_int_eq(sv_advnotice_send(st, pid, "stans", today - 10, today - 1, "Stans.", &n, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "content");
    ck_assert_int_eq(sv_advnotice_except(st, pid, "stans", "d", "Deltakeren har selv bedt om stans.", &n, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "exception");
    ck_assert_int_eq(sv_advnotice_except(st, pid, "stans", "a", "Haster.", &n, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "exception_reason");
    sqlite3 *db = sv_store_db(st);
    sqlite3_stmt *q;
    ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM advance_notice", -1, &q, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(q, 0), 0);
    sqlite3_finalize(q);
    ck_assert_int_eq(sv_advnotice_current(st, pid, "stans", &n, &e), SV_OK);
    ck_assert_int_eq(n.id, 0);

    ck_assert_msg(sv_advnotice_send(st, pid, "stans", today - 20, today - 6, text, &n, &e) == SV_OK, "%s", e.msg);
    int64_t id = n.id;
    ck_assert_int_eq(n.answered_on, SV_NODATE);
    ck_assert_int_eq(sv_advnotice_answer(st, id, today - 21, "Jeg var syk.", &n, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "answered_on");
    ck_assert_int_eq(sv_advnotice_answer(st, id, today - 8, "", &n, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "answer");
    ck_assert_msg(sv_advnotice_answer(st, id, today - 8, "Jeg var syk, men leverte ikke legeerklæring.", &n, &e) == SV_OK, "%s",
                  e.msg);
    ck_assert_int_eq(n.id, id);
    ck_assert_int_eq(n.answered_on, today - 8);
    ck_assert_str_eq(n.answer, "Jeg var syk, men leverte ikke legeerklæring.");
    /* append-only, even with plain SQL */
    ck_assert_int_ne(sqlite3_exec(db, "UPDATE advance_notice SET sent_on = '2020-01-01'", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_ne(sqlite3_exec(db, "DELETE FROM advance_notice", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE tbl = 'advance_notice' AND action = 'insert'", -1, &q,
                                        NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(q, 0), 2);   /* the notice and the answer */
    sqlite3_finalize(q);
    sv_store_close(st);
    tl_unlink_db(path);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("kinds");
    TCase *t = tcase_create("kinds");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 60);
    tcase_add_test(t, test_kind_facts_refused_naming_the_field);
    tcase_add_test(t, test_temporary_stop_three_months_on_month_ends);
    tcase_add_test(t, test_each_kind_rule_in_both_laws);
    tcase_add_test(t, test_notice_period_on_weekends_holidays_and_month_ends);
    tcase_add_test(t, test_notice_record_refusals_roles_and_audit);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
