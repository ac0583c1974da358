/* The rule sets: every rule has a fixture that passes it and one that breaks it, the sound base
 * documents pass everything, broken rule files and broken documents are reported clearly. */
#include <libxml/parser.h>

#include "../../core/rules.h"
#include "../../core/vedtak.h"
#include "../../core/verdict.h"
#include "testlib.h"

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

static sv_outcome outcome_of(const char *file, const char *rule_id)
{
    char path[4300];
    sv_err e;
    snprintf(path, sizeof path, "%s/%s", fixtures, file);
    xmlDocPtr doc = sv_vedtak_read_file(path, &e);
    ck_assert_msg(doc != NULL, "%s: %s", file, e.msg);
    sv_verdict v;
    ck_assert_msg(sv_vedtak_check(doc, SV_NODATE, &v, &e) == SV_OK, "%s: %s", file, e.msg);
    xmlFreeDoc(doc);
    for (int i = 0; i < v.rs->nrules; i++)
        if (!strcmp(v.results[i].rule->id, rule_id)) {
            sv_outcome o = v.results[i].outcome;
            sv_verdict_free(&v);
            return o;
        }
    sv_verdict_free(&v);
    ck_abort_msg("rule %s not in the rule set of %s", rule_id, file);
    return SV_R_NA;
}

START_TEST(test_every_rule_has_passing_and_failing_fixture)
{
    sv_ruleset *const *sets;
    int n;
    sv_err e;
    ck_assert_msg(sv_rules_all(&sets, &n, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(n, 2);
    int rules = 0;
    for (int s = 0; s < n; s++) {
        for (int i = 0; i < sets[s]->nrules; i++) {
            const sv_rule *r = &sets[s]->rules[i];
            char ok[80], fail[80];
            snprintf(ok, sizeof ok, "%s-ok.xml", r->id);
            snprintf(fail, sizeof fail, "%s-fail.xml", r->id);
            ck_assert_msg(outcome_of(ok, r->id) == SV_R_PASS, "%s should pass %s", ok, r->id);
            sv_outcome want = r->severity == SV_SEV_VIOLATION ? SV_R_VIOLATION : SV_R_REMARK;
            ck_assert_msg(outcome_of(fail, r->id) == want, "%s should break %s", fail, r->id);
            rules++;
        }
    }
    ck_assert_int_ge(rules, 40);
}
END_TEST

START_TEST(test_sound_base_documents_pass_every_rule)
{
    static const char *const bases[] = {"base-introduksjonsloven.xml", "base-integreringsloven.xml"};
    for (int b = 0; b < 2; b++) {
        char path[4300];
        sv_err e;
        snprintf(path, sizeof path, "%s/%s", fixtures, bases[b]);
        xmlDocPtr doc = sv_vedtak_read_file(path, &e);
        ck_assert_msg(doc != NULL, "%s", e.msg);
        sv_verdict v;
        ck_assert_int_eq(sv_vedtak_check(doc, SV_NODATE, &v, &e), SV_OK);
        ck_assert_int_eq(v.violations, 0);
        ck_assert_int_eq(v.findings, 0);
        for (int i = 0; i < v.rs->nrules; i++)
            ck_assert_msg(v.results[i].outcome == SV_R_PASS || v.results[i].outcome == SV_R_NA, "%s: %s %s", bases[b],
                          v.results[i].rule->id, v.results[i].evidence);
        sv_verdict_free(&v);
        xmlFreeDoc(doc);
    }
}
END_TEST

START_TEST(test_violation_gives_evidence_value)
{
    char path[4300];
    sv_err e;
    snprintf(path, sizeof path, "%s/IN-K6-FULLTID-fail.xml", fixtures);
    xmlDocPtr doc = sv_vedtak_read_file(path, &e);
    ck_assert_ptr_nonnull(doc);
    sv_verdict v;
    ck_assert_int_eq(sv_vedtak_check(doc, SV_NODATE, &v, &e), SV_OK);
    ck_assert_int_ge(v.violations, 1);
    const sv_ruleset *rs = v.rs;
    const sv_rule_result *res = v.results;
    int found = 0;
    for (int i = 0; i < rs->nrules; i++)
        if (!strcmp(res[i].rule->id, "IN-K6-FULLTID")) {
            found = 1;
            ck_assert_msg(strstr(res[i].evidence, "fase 2: 27.5 timer") != NULL, "%s", res[i].evidence);
            ck_assert_str_eq(res[i].rule->field, "plan_measure.hours");
        }
    ck_assert(found);
    sv_verdict_free(&v);
    xmlFreeDoc(doc);
}
END_TEST

static int load_text(const char *xml, sv_err *e)
{
    char path[600];
    tl_tmp_path(path, sizeof path);
    FILE *f = fopen(path, "w");
    fputs(xml, f);
    fclose(f);
    sv_ruleset *rs = NULL;
    int rc = sv_ruleset_load(path, &rs, e);
    sv_ruleset_free(rs);
    unlink(path);
    return rc;
}

#define HEAD "<regelsett xmlns='urn:stegvis:regler:1' lov='integreringsloven' versjon='x' fra='2021-01-01'>" \
             "<kontroll id='K1'>Spørsmål?</kontroll><klage uker='3'><klagerett>a</klagerett><klagefrist>b</klagefrist>" \
             "<hvor>c</hvor><hvordan>d</hvordan><klageinstans>e</klageinstans><innsyn>f</innsyn></klage>"

START_TEST(test_broken_rule_file_names_rule_and_problem)
{
    sv_err e;
    ck_assert_int_eq(load_text(HEAD "<regel id='R1' kontroll='K1' alvor='brudd'><hjemmel>h</hjemmel>"
                                    "<test>count(v:plan</test><melding>m</melding></regel></regelsett>", &e), SV_EINVAL);
    ck_assert_msg(strstr(e.msg, "R1") && strstr(e.msg, "ugyldig XPath"), "%s", e.msg);
    ck_assert_int_eq(load_text(HEAD "<regel id='R2' kontroll='K9' alvor='brudd'><hjemmel>h</hjemmel>"
                                    "<test>true()</test><melding>m</melding></regel></regelsett>", &e), SV_EINVAL);
    ck_assert_msg(strstr(e.msg, "K9") != NULL, "%s", e.msg);
    ck_assert_int_eq(load_text(HEAD "<regel id='R3' kontroll='K1' alvor='kanskje'><hjemmel>h</hjemmel>"
                                    "<test>true()</test><melding>m</melding></regel></regelsett>", &e), SV_EINVAL);
    ck_assert_msg(strstr(e.msg, "alvor") != NULL, "%s", e.msg);
    ck_assert_int_eq(load_text(HEAD "<regel id='R4' kontroll='K1' alvor='merknad'><hjemmel>h</hjemmel>"
                                    "<melding>m</melding></regel></regelsett>", &e), SV_EINVAL);
    ck_assert_msg(strstr(e.msg, "R4") && strstr(e.msg, "test"), "%s", e.msg);
    ck_assert_int_eq(load_text("<regelsett", &e), SV_EINVAL);
    ck_assert_int_eq(load_text(HEAD "<regel id='R5' kontroll='K1' alvor='merknad'><hjemmel>h</hjemmel>"
                                    "<test>true()</test><melding>m</melding></regel></regelsett>", &e), SV_OK);
}
END_TEST

static const char *parse_error(const char *xml)
{
    static sv_err e;
    xmlDocPtr doc = sv_vedtak_parse(xml, strlen(xml), "test.xml", &e);
    ck_assert_ptr_null(doc);
    return e.msg;
}

START_TEST(test_bad_documents_get_clear_messages)
{
    const char *m = parse_error("<vedtak xmlns='urn:stegvis:vedtak:1'>");
    ck_assert_msg(strstr(m, "test.xml") && strstr(m, "velformet"), "%s", m);
    m = parse_error("<vedtak xmlns='urn:annet'/>");
    ck_assert_msg(strstr(m, "ikke et vedtaksdokument"), "%s", m);
    m = parse_error("<vedtak xmlns='urn:stegvis:vedtak:1' versjon='1' id='x' type='plan' dato='2026-01-01'/>");
    ck_assert_msg(strstr(m, "skjemaet") && strstr(m, "/vedtak"), "%s", m);
}
END_TEST

START_TEST(test_rule_set_chosen_by_law)
{
    sv_err e;
    const sv_ruleset *a = sv_rules_for("introduksjonsloven", sv_date_from_ymd(2019, 5, 1), &e);
    const sv_ruleset *b = sv_rules_for("integreringsloven", sv_date_from_ymd(2026, 5, 1), &e);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_str_eq(a->law, "introduksjonsloven");
    ck_assert_str_eq(b->law, "integreringsloven");
    ck_assert_ptr_null(sv_rules_for("integreringsloven", sv_date_from_ymd(2019, 5, 1), &e));
    ck_assert_ptr_null(sv_rules_for("ukjentloven", SV_NODATE, &e));
}
END_TEST

/* A rule set is loaded when its law is asked for, not every law's (the letter needs one): a
 * broken file of another law does not stop it, sv_rules_all still reports that file, and the
 * set already handed out stays valid. */
START_TEST(test_rule_sets_loaded_when_asked_for)
{
    /* the templates directory is found once per process: without a fork per test (make
     * valgrind) an earlier test has fixed it */
    const char *fork = getenv("CK_FORK");
    if (fork && !strcmp(fork, "no")) return;
    char dir[] = "/tmp/sv-rules-XXXXXX", rules[600], cmd[1400], broken[700];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(rules, sizeof rules, "%s/rules", dir);
    const char *t = getenv("STEGVIS_TEMPLATES");
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp %s/rules/integreringsloven.xml %s/", rules, t && *t ? t : "templates", rules);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(broken, sizeof broken, "%s/zz.xml", rules);
    FILE *f = fopen(broken, "w");
    ck_assert_ptr_nonnull(f);
    fputs("<?xml version=\"1.0\"?>\n<regelsett xmlns=\"urn:stegvis:regler:1\" lov=\"introduksjonsloven\""
          " versjon=\"x\" fra=\"2030-01-01\"><regel id=\"K1\"", f);   /* not well-formed */
    fclose(f);
    setenv("STEGVIS_TEMPLATES", dir, 1);
    sv_err e;
    sv_err_clear(&e);
    const sv_ruleset *b = sv_rules_for("integreringsloven", sv_date_from_ymd(2026, 5, 1), &e);
    ck_assert_msg(b != NULL, "%s", e.msg);
    ck_assert_ptr_null(sv_rules_for("introduksjonsloven", sv_date_from_ymd(2031, 1, 1), &e));
    ck_assert_msg(strstr(e.msg, "zz.xml"), "%s", e.msg);
    sv_ruleset *const *sets;
    int n;
    sv_err_clear(&e);
    ck_assert_int_ne(sv_rules_all(&sets, &n, &e), SV_OK);
    ck_assert_msg(strstr(e.msg, "zz.xml"), "%s", e.msg);
    ck_assert_str_eq(b->law, "integreringsloven");
    ck_assert_ptr_eq(sv_rules_for("integreringsloven", sv_date_from_ymd(2026, 6, 1), &e), b);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("rules");
    TCase *t = tcase_create("rules");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 60);
    tcase_add_test(t, test_every_rule_has_passing_and_failing_fixture);
    tcase_add_test(t, test_sound_base_documents_pass_every_rule);
    tcase_add_test(t, test_violation_gives_evidence_value);
    tcase_add_test(t, test_broken_rule_file_names_rule_and_problem);
    tcase_add_test(t, test_bad_documents_get_clear_messages);
    tcase_add_test(t, test_rule_set_chosen_by_law);
    tcase_add_test(t, test_rule_sets_loaded_when_asked_for);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
