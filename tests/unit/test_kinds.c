/* The decision kinds (issue 15 item 3): the kind's own facts are refused before anything is
 * built (naming the field), a temporary stop is at most three months counted as core/date.c
 * counts months (month ends clamp), and each kind's rule in both rule sets judges the kind's
 * element as the builder writes it. */
#include <libxml/parser.h>

#include "../../core/rules.h"
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
#undef FILE_RULE
    }
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
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
