/* Decisions end to end in the core: a sound case builds a valid document that passes the rules;
 * a violation blocks issuing and names the field; remarks need confirmation; a change after the
 * decision needs a new one; the letter, the archive message and the checklist. */
#include <libxml/parser.h>

#include "../../core/arkiv.h"
#include "../../core/case.h"
#include "../../core/checklist.h"
#include "../../core/decision.h"
#include "../../core/fnr.h"
#include "../../core/issue.h"
#include "../../core/letter.h"
#include "../../core/vedtak.h"
#include "../../core/verdict.h"
#include "testlib.h"

#include "../../core/contract.h"

static sv_store *st;
static char path[512];
static int64_t muni;
static int64_t m_norsk, m_samf, m_livs, m_praksis;

static void teardown(void)
{
    sv_store_close(st);
    tl_unlink_db(path);
    sv_rules_cleanup();
    sv_vedtak_cleanup();
    sv_arkiv_cleanup();
}

static int64_t measure(const char *kind, const char *name, const char *provider, const char *orientation)
{
    sv_measure m;
    sv_err e;
    sv_entity_blank(&SV_ENT_MEASURE, &m);
    m.m.parent = muni;
    strcpy(m.kind, kind);
    strcpy(m.name, name);
    strcpy(m.provider, provider);
    strcpy(m.orientation, orientation);
    strcpy(m.status, "eksisterende");
    m.hours = 100;
    snprintf(m.description, sizeof m.description, "%s", "Tiltak i kommunens katalog.");
    ck_assert_msg(sv_row_save(st, &SV_ENT_MEASURE, &m, &e) == SV_OK, "%s", e.msg);
    return m.m.id;
}

static void setup(void)
{
    st = tl_open(path, sizeof path, &muni);
    sv_unit u;
    sv_err e;
    sv_entity_blank(&SV_ENT_UNIT, &u);
    u.m.parent = muni;
    strcpy(u.kind, "flyktningtjeneste");
    strcpy(u.name, "Flyktningtjenesten");
    ck_assert_msg(sv_row_save(st, &SV_ENT_UNIT, &u, &e) == SV_OK, "%s", e.msg);
    m_norsk = measure("norsk", "Norskopplæring", "voksenopplaering", "utdanning");
    m_samf = measure("samfunnskunnskap", "Samfunnskunnskap 75 timer", "voksenopplaering", "utdanning");
    m_livs = measure("livsmestring", "Livsmestring i et nytt land", "flyktningtjeneste", "begge");
    m_praksis = measure("arbeidspraksis", "Arbeidspraksis med veileder", "nav", "arbeid");
}

static int64_t save(const sv_entity *ent, void *obj)
{
    sv_err e;
    ck_assert_msg(sv_row_save(st, ent, obj, &e) == SV_OK, "%s: %s", ent->table, e.msg);
    return ((sv_meta *)obj)->id;
}

static void add_pm(int64_t phase, int64_t m, int64_t need, int hours)
{
    sv_plan_measure pm;
    sv_entity_blank(&SV_ENT_PLAN_MEASURE, &pm);
    pm.m.parent = phase;
    pm.measure_id = m;
    pm.need_id = need;
    pm.hours = hours;
    save(&SV_ENT_PLAN_MEASURE, &pm);
}

/* A sound case under the law of the permit date: assessed, consulted with interpreter, two
 * full-time phases without a gap, every measure tied to a need, 24 months. */
static int64_t sound_case(int seq, sv_date permit, sv_date settled, int months)
{
    sv_participant p;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = muni;
    char d9[10];
    int k1, k2;
    for (int ind = 100 + seq;; ind += 7) {
        int v = ind % 500;
        memcpy(d9, "150388", 6);
        d9[6] = (char)('0' + v / 100);
        d9[7] = (char)('0' + v / 10 % 10);
        d9[8] = (char)('0' + v % 10);
        d9[9] = '\0';
        if (sv_fnr_check_digits(d9, &k1, &k2) == 0) break;
    }
    memcpy(p.fnr, d9, 9);
    p.fnr[9] = (char)('0' + k1 % 10);
    p.fnr[10] = (char)('0' + k2 % 10);
    p.fnr[11] = '\0';
    snprintf(p.name, sizeof p.name, "Amina Haile %d", seq);
    strcpy(p.sex, "K");
    p.permit_on = permit;
    p.settled_on = settled;
    strcpy(p.right_duty, "rett_plikt");
    strcpy(p.schooling, "grunnskole");
    strcpy(p.languages, "tigrinja");
    p.interpreter = 1;
    strcpy(p.interpreter_lang, "tigrinja");
    int64_t pid = save(&SV_ENT_PARTICIPANT, &p);
    sv_assessment a;
    sv_entity_blank(&SV_ENT_ASSESSMENT, &a);
    a.m.parent = pid;
    a.assessed_on = settled + 10;
    strcpy(a.education, "Seks års skolegang.");
    strcpy(a.work_experience, "Servering, tre år.");
    strcpy(a.language_level, "A0");
    a.career_on = settled + 12;
    strcpy(a.career_advice, "Arbeidsrettet løp mot helse og omsorg.");
    save(&SV_ENT_ASSESSMENT, &a);
    int64_t needs[3];
    static const char *const nd[][2] = {{"norsk", "Norsk til B1"}, {"arbeid", "Praksis i helse og omsorg"},
                                        {"samfunn", "Kunnskap om samfunnet"}};
    for (int i = 0; i < 3; i++) {
        sv_need n;
        sv_entity_blank(&SV_ENT_NEED, &n);
        n.m.parent = pid;
        strcpy(n.area, nd[i][0]);
        strcpy(n.description, nd[i][1]);
        needs[i] = save(&SV_ENT_NEED, &n);
    }
    sv_plan pl;
    sv_entity_blank(&SV_ENT_PLAN, &pl);
    pl.m.parent = pid;
    pl.start_on = settled + 30;
    pl.planned_end = sv_date_add_months(pl.start_on, months) - 1;
    strcpy(pl.final_goal, "arbeid");
    strcpy(pl.final_goal_text, "Fast jobb som assistent på sykehjem i kommunen");
    strcpy(pl.norwegian_goal, "B1");
    pl.social_hours = 75;
    pl.consulted_on = pl.start_on - 5;
    pl.interpreter_used = 1;
    strcpy(pl.justification, "Deltakeren har seks års skolegang og erfaring fra servering. Sykehjemmet i kommunen trenger "
                             "assistenter (steg 1). Norsk til B1 og praksis der gir en realistisk vei til fast jobb; "
                             "deltakeren ønsker dette selv.");
    save(&SV_ENT_PLAN, &pl);
    sv_date mid = sv_date_add_months(pl.start_on, 12);
    sv_phase ph;
    sv_entity_blank(&SV_ENT_PHASE, &ph);
    ph.m.parent = pl.m.id;
    strcpy(ph.name, "Norsk og samfunnskunnskap");
    ph.start_on = pl.start_on;
    ph.end_on = mid - 1;
    int64_t f1 = save(&SV_ENT_PHASE, &ph);
    add_pm(f1, m_norsk, needs[0], 200);
    add_pm(f1, m_samf, needs[2], 30);
    add_pm(f1, m_livs, needs[2], 20);
    add_pm(f1, m_praksis, needs[1], 125);
    sv_entity_blank(&SV_ENT_PHASE, &ph);
    ph.m.parent = pl.m.id;
    strcpy(ph.name, "Arbeidspraksis");
    ph.start_on = mid;
    ph.end_on = pl.planned_end;
    int64_t f2 = save(&SV_ENT_PHASE, &ph);
    add_pm(f2, m_norsk, needs[0], 100);
    add_pm(f2, m_praksis, needs[1], 275);
    /* the integration contract of the plan (integreringsloven § 16), signed at the consultation */
    sv_err e;
    if (permit >= sv_date_from_ymd(2021, 1, 1) && pl.consulted_on <= sv_today())
        ck_assert_msg(sv_contract_demo(st, pid, pl.consulted_on, &e) == SV_OK, "%s", e.msg);
    return pid;
}

static sv_date today_minus(int days) { return sv_today() - days; }

static sv_vedtak_in decision_in(const sv_case *c, const char *kind)
{
    /* decided today: a decision dated earlier than it is recorded is a finding (backdating) */
    (void)c;
    sv_vedtak_in in = {.kind = kind, .decided_on = sv_today(), .notified_on = sv_today(),
                       .notify_method = "personlig", .reason = ""};
    return in;
}

static int64_t integration_case(int seq)
{
    return sound_case(seq, today_minus(80), today_minus(40), 24);
}

START_TEST(test_sound_case_builds_valid_document_that_passes)
{
    int64_t pid = integration_case(1);
    sv_case c;
    sv_err e;
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    const sv_ruleset *rs = sv_rules_for("integreringsloven", sv_today(), &e);
    ck_assert_ptr_nonnull(rs);
    sv_vedtak_in in = decision_in(&c, "plan");
    xmlDocPtr doc = sv_vedtak_build(&c, &in, rs, &e);
    ck_assert_msg(doc != NULL, "%s", e.msg);
    sv_verdict v;
    ck_assert_int_eq(sv_vedtak_check(doc, SV_NODATE, &v, &e), SV_OK);
    ck_assert_int_eq(v.violations, 0);
    ck_assert_int_eq(v.findings, 0);
    for (int i = 0; i < v.rs->nrules; i++)
        ck_assert_msg(v.results[i].outcome == SV_R_PASS || v.results[i].outcome == SV_R_NA, "%s: %s", v.results[i].rule->id,
                      v.results[i].evidence);
    sv_verdict_free(&v);
    char *hours = sv_vedtak_xpath(doc, "string(/v:vedtak/v:plan/v:fase[1]/@timer)");
    char *months = sv_vedtak_xpath(doc, "string(/v:vedtak/v:plan/@maneder)");
    ck_assert_str_eq(hours, "37.5");
    ck_assert_str_eq(months, "24");
    free(hours);
    free(months);
    char *xml = sv_vedtak_serialize(doc);
    xmlDocPtr again = sv_vedtak_parse(xml, strlen(xml), "igjen", &e);
    ck_assert_msg(again != NULL, "%s", e.msg);
    xmlFreeDoc(again);
    free(xml);
    xmlFreeDoc(doc);
    sv_case_free(&c);
}
END_TEST

static int64_t decisions(void)
{
    sqlite3_stmt *s;
    sqlite3_prepare_v2(sv_store_db(st), "SELECT count(*) FROM decision", -1, &s, NULL);
    sqlite3_step(s);
    int64_t n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

START_TEST(test_violation_blocks_decision_and_names_field)
{
    int64_t pid = integration_case(2);
    sv_case c;
    sv_err e;
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    strcpy(c.plan.justification, "Planen er tilpasset deltakeren.");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PLAN, &c.plan, &e), SV_OK);
    /* the changed plan is a new version: its contract is signed again, so one fault remains */
    ck_assert_msg(sv_contract_demo(st, pid, c.plan.consulted_on, &e) == SV_OK, "%s", e.msg);
    sv_vedtak_in in = decision_in(&c, "plan");
    sv_issue r;
    ck_assert_int_eq(sv_issue_decision(st, pid, &in, 1, &r, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "plan.justification");
    ck_assert_msg(strstr(e.msg, "IN-K1-BEGRUNNELSE") != NULL, "%s", e.msg);
    ck_assert_int_eq(r.violations, 1);
    ck_assert_int_eq(decisions(), 0);
    sv_issue_free(&r);
    sv_case_free(&c);
}
END_TEST

START_TEST(test_remark_needs_confirmation)
{
    int64_t pid = integration_case(3);
    sv_case c;
    sv_err e;
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    c.assessment.career_on = SV_NODATE;
    c.assessment.career_advice[0] = '\0';
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_ASSESSMENT, &c.assessment, &e), SV_OK);
    sv_vedtak_in in = decision_in(&c, "plan");
    sv_issue r;
    ck_assert_int_eq(sv_issue_decision(st, pid, &in, 0, &r, &e), SV_EINVAL);
    ck_assert_int_eq(r.violations, 0);
    ck_assert_int_eq(r.remarks, 1);
    ck_assert_int_eq(decisions(), 0);
    sv_issue_free(&r);
    ck_assert_msg(sv_issue_decision(st, pid, &in, 1, &r, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(decisions(), 1);
    ck_assert_int_eq(r.d.plan_rev, c.plan.rev);
    sv_issue_free(&r);
    sv_case_free(&c);
}
END_TEST

START_TEST(test_change_after_decision_needs_new_decision_with_reason)
{
    int64_t pid = integration_case(4);
    sv_case c;
    sv_err e;
    sv_issue r;
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    sv_vedtak_in in = decision_in(&c, "plan");
    ck_assert_msg(sv_issue_decision(st, pid, &in, 1, &r, &e) == SV_OK, "%s", e.msg);
    sv_issue_free(&r);
    sv_phase ph = c.phases[1].phase;
    strcpy(ph.name, "Arbeidspraksis på sykehjem");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PHASE, &ph, &e), SV_OK);
    sv_case_free(&c);
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    sv_deadlines d;
    sv_case_derive(&c, sv_today(), &d);
    ck_assert_int_eq(d.status, SV_PS_CHANGED);

    sv_checklist cl;
    ck_assert_int_eq(sv_checklist_run(st, muni, sv_today(), &cl, &e), SV_OK);
    int found = 0;
    for (int i = 0; i < cl.nitems; i++)
        if (!strcmp(cl.items[i].control, "K5"))
            for (int k = 0; k < cl.items[i].ncases; k++) found |= cl.items[i].cases[k] == pid;
    ck_assert_msg(found, "checklist K5 should list case %lld", (long long)pid);
    sv_checklist_free(&cl);

    in.decided_on = sv_today();
    in.notified_on = sv_today();
    ck_assert_int_eq(sv_issue_decision(st, pid, &in, 1, &r, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "kind");
    sv_issue_free(&r);
    in.kind = "endring";
    ck_assert_int_eq(sv_issue_decision(st, pid, &in, 1, &r, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "reason");
    sv_issue_free(&r);
    in.reason = "Fase 2 flyttes til sykehjemmet etter ønske fra deltakeren.";
    ck_assert_msg(sv_issue_decision(st, pid, &in, 1, &r, &e) == SV_OK, "%s", e.msg);
    sv_issue_free(&r);
    sv_case_free(&c);
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    sv_case_derive(&c, sv_today(), &d);
    ck_assert_int_eq(d.status, SV_PS_DECIDED);
    char *xml = sv_decision_xml(st, c.decisions[1].id, &e);
    xmlDocPtr doc = sv_vedtak_parse(xml, strlen(xml), "vedtak 2", &e);
    ck_assert_ptr_nonnull(doc);
    char *n = sv_vedtak_xpath(doc, "count(/v:vedtak/v:historikk/v:vedtak)");
    ck_assert_str_eq(n, "1");
    free(n);
    xmlFreeDoc(doc);
    free(xml);
    sv_case_free(&c);
}
END_TEST

START_TEST(test_control_character_is_refused_naming_field)
{
    int64_t pid = integration_case(5);
    sv_case c;
    sv_err e;
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    c.plan.justification[10] = '\x01';
    const sv_ruleset *rs = sv_rules_for("integreringsloven", sv_today(), &e);
    sv_vedtak_in in = decision_in(&c, "plan");
    ck_assert_ptr_null(sv_vedtak_build(&c, &in, rs, &e));
    ck_assert_str_eq(e.field, "Begrunnelse");
    ck_assert_msg(strstr(e.msg, "kontrolltegn") != NULL, "%s", e.msg);
    in.kind = "annet";
    ck_assert_ptr_null(sv_vedtak_build(&c, &in, rs, &e));
    ck_assert_str_eq(e.field, "kind");
    sv_case_free(&c);
}
END_TEST

static xmlDocPtr issued(int64_t pid)
{
    sv_case c;
    sv_err e;
    sv_issue r;
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    sv_vedtak_in in = decision_in(&c, "plan");
    ck_assert_msg(sv_issue_decision(st, pid, &in, 1, &r, &e) == SV_OK, "%s", e.msg);
    char *xml = sv_decision_xml(st, r.d.id, &e);
    xmlDocPtr doc = sv_vedtak_parse(xml, strlen(xml), "vedtak", &e);
    ck_assert_msg(doc != NULL, "%s", e.msg);
    free(xml);
    sv_issue_free(&r);
    sv_case_free(&c);
    return doc;
}

START_TEST(test_letter_follows_malform_and_has_every_part)
{
    xmlDocPtr doc = issued(integration_case(6));
    sv_err e;
    char *nb = sv_letter_build(doc, &e);
    ck_assert_msg(nb != NULL, "%s", e.msg);
    static const char *const parts[] = {"Amina Haile 6", "Fase 1: Norsk og samfunnskunnskap", "Norskopplæring",
                                        "Kunnskap om samfunnet", "integreringsloven § 15", "Sykehjemmet i kommunen",
                                        "3 uker", "Statsforvalteren", "§§ 18 og 19", "(Overlevert personlig med tolk ved behov)",
                                        "første vedtaket"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) ck_assert_msg(strstr(nb, parts[i]) != NULL, "missing %s", parts[i]);
    ck_assert_msg(!strstr(nb, "(personlig)"), "a code instead of its label: %s", nb);   /* § 25: labels, not codes */
    free(nb);
    xmlNodePtr k = xmlDocGetRootElement(doc)->children;
    while (k && (k->type != XML_ELEMENT_NODE || xmlStrcmp(k->name, BAD_CAST "kommune"))) k = k->next;
    xmlSetProp(k, BAD_CAST "malform", BAD_CAST "nn");
    char *nn = sv_letter_build(doc, &e);
    ck_assert_ptr_nonnull(nn);
    ck_assert_msg(strstr(nn, "3 veker") && strstr(nn, "Statsforvaltaren"), "%s", nn);
    free(nn);
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_arkivmelding_is_valid_noark5)
{
    xmlDocPtr doc = issued(integration_case(7));
    sv_err e;
    char *am = sv_arkiv_build(doc, "vedtak-7.xml", "abc", 3, "00ff", &e);
    ck_assert_msg(am != NULL, "%s", e.msg);
    /* sjekksum: SHA-256 of the referenced file's bytes ("abc" here, FIPS 180-2 test vector) */
    ck_assert_ptr_nonnull(strstr(am, "<sjekksum>ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad</sjekksum>"));
    ck_assert_ptr_nonnull(strstr(am, "<sjekksumAlgoritme>SHA-256</sjekksumAlgoritme>"));
    ck_assert_ptr_nonnull(strstr(am, "<filstoerrelse>3</filstoerrelse>"));
    ck_assert_ptr_nonnull(strstr(am, ">00ff</stegvis:kjedehode>"));
    ck_assert_ptr_nonnull(strstr(am, "<journalposttype>Utgående dokument</journalposttype>"));
    ck_assert_ptr_nonnull(strstr(am, "<referanseDokumentfil>vedtak-7.xml</referanseDokumentfil>"));
    ck_assert_ptr_nonnull(strstr(am, "xsi:type=\"saksmappe\""));
    free(am);
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_checklist_finds_late_plan_and_unnotified_decision)
{
    int64_t late = sound_case(8, today_minus(200), today_minus(150), 24);
    int64_t quiet = integration_case(9);
    sv_case c;
    sv_err e;
    ck_assert_int_eq(sv_case_load(st, quiet, &c, &e), SV_OK);
    const sv_ruleset *rs = sv_rules_for("integreringsloven", sv_today(), &e);
    sv_vedtak_in in = decision_in(&c, "plan");
    in.notified_on = SV_NODATE;
    in.notify_method = "";
    xmlDocPtr doc = sv_vedtak_build(&c, &in, rs, &e);
    ck_assert_ptr_nonnull(doc);
    char *xml = sv_vedtak_serialize(doc);
    sv_decision d = {0};
    d.participant_id = quiet;
    strcpy(d.kind, "plan");
    d.decided_on = in.decided_on;
    d.notified_on = SV_NODATE;
    d.plan_rev = c.plan.rev;
    strcpy(d.law, "integreringsloven");
    ck_assert_int_eq(sv_decision_insert(st, &d, xml, &e), SV_OK);
    free(xml);
    xmlFreeDoc(doc);
    sv_case_free(&c);
    sv_checklist cl;
    ck_assert_int_eq(sv_checklist_run(st, muni, sv_today(), &cl, &e), SV_OK);
    ck_assert_int_eq(cl.cases, 2);
    int got_late = 0, got_quiet = 0;
    for (int i = 0; i < cl.nitems; i++) {
        if (strcmp(cl.items[i].control, "K1")) continue;
        ck_assert_int_eq(cl.items[i].checked, 2);
        for (int k = 0; k < cl.items[i].ncases; k++) {
            got_late |= cl.items[i].cases[k] == late;
            got_quiet |= cl.items[i].cases[k] == quiet;
        }
    }
    ck_assert(got_late && got_quiet);
    sv_checklist_free(&cl);
}
END_TEST

START_TEST(test_introduksjonsloven_length_limit)
{
    int64_t pid = sound_case(10, sv_date_from_ymd(2019, 3, 1), sv_date_from_ymd(2019, 5, 1), 30);
    sv_case c;
    sv_err e;
    sv_issue r;
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    sv_vedtak_in in = decision_in(&c, "plan");
    in.decided_on = c.plan.start_on - 2;   /* a 2019 case, decided (and backdated: a remark) in time */
    in.notified_on = c.plan.start_on - 1;
    ck_assert_int_eq(sv_issue_decision(st, pid, &in, 1, &r, &e), SV_EINVAL);
    ck_assert_str_eq(r.rs->law, "introduksjonsloven");
    ck_assert_str_eq(e.field, "plan.planned_end");
    ck_assert_msg(strstr(e.msg, "IL-K7-LENGDE") != NULL, "%s", e.msg);
    sv_issue_free(&r);
    strcpy(c.plan.extension_reason, "Deltakeren trenger et halvt år til for å fullføre fagprøven.");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PLAN, &c.plan, &e), SV_OK);
    ck_assert_msg(sv_issue_decision(st, pid, &in, 1, &r, &e) == SV_OK, "%s", e.msg);
    sv_issue_free(&r);
    sv_case_free(&c);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("vedtak");
    TCase *t = tcase_create("vedtak");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 60);
    tcase_add_test(t, test_sound_case_builds_valid_document_that_passes);
    tcase_add_test(t, test_violation_blocks_decision_and_names_field);
    tcase_add_test(t, test_remark_needs_confirmation);
    tcase_add_test(t, test_change_after_decision_needs_new_decision_with_reason);
    tcase_add_test(t, test_control_character_is_refused_naming_field);
    tcase_add_test(t, test_letter_follows_malform_and_has_every_part);
    tcase_add_test(t, test_arkivmelding_is_valid_noark5);
    tcase_add_test(t, test_checklist_finds_late_plan_and_unnotified_decision);
    tcase_add_test(t, test_introduksjonsloven_length_limit);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
