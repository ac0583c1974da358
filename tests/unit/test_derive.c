/* Derive, never trust (issue 12): one month arithmetic for C, SQL and documents; every rule's
 * fixtures give the same verdict with the document's own figures removed or falsified; the
 * spellings the schema allows; substance of a justification; "as of" a day; one decision per
 * plan version and kind, also on a database that already holds duplicates. */
#include <libxml/parser.h>
#include <sqlite3.h>

#include "../../core/case.h"
#include "../../core/checklist.h"
#include "../../core/decision.h"
#include "../../core/demo.h"
#include "../../core/derive.h"
#include "../../core/fnr.h"
#include "../../core/rules.h"
#include "../../core/schema.h"
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
    sv_clock_set(SV_NODATE);
    sv_rules_cleanup();
    sv_vedtak_cleanup();
}

static sv_date ymd(int y, int m, int d) { return sv_date_from_ymd(y, m, d); }

static void fnr_born(char out[12], int y, int m, int d, int seq)
{
    for (int ind = seq;; ind++) {
        char d9[10];
        int k1, k2;
        snprintf(d9, sizeof d9, "%02u%02u%02u%03u", (unsigned)d % 100u, (unsigned)m % 100u, (unsigned)y % 100u,
                 (unsigned)ind % 500u);
        if (sv_fnr_check_digits(d9, &k1, &k2) == 0) {
            snprintf(out, 12, "%s%d%d", d9, k1, k2);
            return;
        }
    }
}

static char *one_text(sv_store *st, const char *sql, int64_t id)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    sqlite3_bind_int64(s, 1, id);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    const unsigned char *t = sqlite3_column_text(s, 0);
    char *out = sv_xstrdup(t ? (const char *)t : "");
    sqlite3_finalize(s);
    return out;
}

START_TEST(test_month_end_gives_one_deadline_everywhere)
{
    /* 30.11 + 3 months is the last day of February (domstolloven § 148), never 02.03 */
    char t[11];
    sv_date_iso(sv_date_add_months(ymd(2025, 11, 30), 3), t);
    ck_assert_str_eq(t, "2026-02-28");
    sv_date_iso(sv_date_add_months(ymd(2023, 11, 30), 3), t);
    ck_assert_str_eq(t, "2024-02-29");
    sv_date_iso(sv_date_add_months(ymd(2026, 1, 31), 1), t);
    ck_assert_str_eq(t, "2026-02-28");

    /* the appeal deadline: three weeks, then past weekends and public holidays (domstolloven § 149):
     * 12.03.2026 + 21 days is Maundy Thursday; Good Friday, the weekend and Easter Monday follow */
    sv_date_iso(sv_date_appeal_deadline(ymd(2026, 3, 12), 3), t);
    ck_assert_str_eq(t, "2026-04-07");
    sv_date_iso(sv_date_appeal_deadline(ymd(2026, 4, 26), 3), t);   /* 17.05.2026 is a Sunday */
    ck_assert_str_eq(t, "2026-05-18");
    sv_date_iso(sv_date_appeal_deadline(ymd(2026, 3, 2), 3), t);    /* a plain Monday */
    ck_assert_str_eq(t, "2026-03-23");
    ck_assert_int_eq(sv_date_appeal_deadline(SV_NODATE, 3), SV_NODATE);

    char path[512];
    int64_t muni;
    sv_store *st = tl_open(path, sizeof path, &muni);
    char *sql = one_text(st, "SELECT sv_add_months('2025-11-30', ?)", 3);
    ck_assert_str_eq(sql, "2026-02-28");
    free(sql);
    struct { sv_date permit, settled, requested; const char *want; } cases[] = {
        {ymd(2025, 6, 1), ymd(2025, 11, 30), SV_NODATE, "2026-02-28"},
        /* introduksjonsloven § 6: from the later request to take part */
        {ymd(2020, 3, 1), ymd(2020, 11, 30), ymd(2021, 1, 31), "2021-04-30"},
        /* integreringsloven counts from settlement */
        {ymd(2021, 3, 1), ymd(2021, 11, 30), ymd(2022, 1, 31), "2022-02-28"},
    };
    for (int i = 0; i < 3; i++) {
        sv_participant p;
        sv_err e;
        sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
        p.m.parent = muni;
        fnr_born(p.fnr, 1990, 1, 1, 100 + 40 * i);
        snprintf(p.name, sizeof p.name, "Deltaker %d", i);
        p.permit_on = cases[i].permit;
        p.settled_on = cases[i].settled;
        p.requested_on = cases[i].requested;
        strcpy(p.right_duty, "rett_plikt");
        strcpy(p.schooling, "grunnskole");
        ck_assert_msg(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e) == SV_OK, "%s", e.msg);
        /* the list's stored state (a trigger in SQL) */
        char *stored = one_text(st, "SELECT plan_due FROM participant WHERE id = ?", p.m.id);
        ck_assert_str_eq(stored, cases[i].want);
        free(stored);
        /* the case screen and show (C) */
        sv_case c;
        ck_assert_int_eq(sv_case_load(st, p.m.id, &c, &e), SV_OK);
        sv_deadlines d;
        sv_case_derive(&c, sv_today(), &d);
        sv_date_iso(d.plan_due, t);
        ck_assert_str_eq(t, cases[i].want);
        /* the document */
        const sv_ruleset *rs = sv_rules_for(sv_law_code(sv_participant_law(&c.p)), sv_today(), &e);
        ck_assert_ptr_nonnull(rs);
        sv_vedtak_in in = {.kind = "plan", .decided_on = sv_today(), .notified_on = SV_NODATE};
        xmlDocPtr doc = sv_vedtak_build(&c, &in, rs, &e);
        ck_assert_msg(doc != NULL, "%s", e.msg);
        char *x = sv_vedtak_xpath(doc, "string(/v:vedtak/v:part/@planfrist)");
        ck_assert_str_eq(x, cases[i].want);
        free(x);
        xmlFreeDoc(doc);
        sv_case_free(&c);
    }
    sv_store_close(st);
    tl_unlink_db(path);
}
END_TEST

static xmlDocPtr read_fixture(const char *name)
{
    char path[4300];
    sv_err e;
    snprintf(path, sizeof path, "%s/%s", fixtures, name);
    xmlDocPtr doc = sv_vedtak_read_file(path, &e);
    ck_assert_msg(doc != NULL, "%s: %s", name, e.msg);
    return doc;
}

/* The outcome of one rule, and of K1-TALL, on a copy of doc. */
static sv_outcome verdict(xmlDocPtr doc, const char *rule, sv_outcome *tall)
{
    xmlDocPtr copy = xmlCopyDoc(doc, 1);
    sv_verdict v;
    sv_err e;
    ck_assert_msg(sv_vedtak_check(copy, SV_NODATE, &v, &e) == SV_OK, "%s", e.msg);
    sv_outcome o = SV_R_NA;
    *tall = SV_R_NA;
    for (int i = 0; i < v.rs->nrules; i++) {
        if (!strcmp(v.results[i].rule->id, rule)) o = v.results[i].outcome;
        if (strstr(v.results[i].rule->id, "-K1-TALL")) *tall = v.results[i].outcome;
    }
    sv_verdict_free(&v);
    xmlFreeDoc(copy);
    return o;
}

/* The figures a document states about itself (vedtak.xsd calls them computed). */
static const struct { const char *el, *attr; } COMPUTED[] = {
    {"part", "alder"}, {"part", "planfrist"}, {"plan", "maneder"}, {"plan", "norm"}, {"fase", "timer"},
    {"fase", "arbeidstimer"}, {"fase", "opphold"}, {"historikk", "maneder-siden-vurdering"}, {"underretning", "informert"}};
enum { NCOMPUTED = sizeof COMPUTED / sizeof COMPUTED[0] };

static int computed(xmlNodePtr n, const xmlChar *attr)
{
    for (int i = 0; i < NCOMPUTED; i++)
        if (!xmlStrcmp(n->name, BAD_CAST COMPUTED[i].el) && !xmlStrcmp(attr, BAD_CAST COMPUTED[i].attr)) return 1;
    return 0;
}

static void collect(xmlNodePtr n, xmlAttrPtr *out, int *k)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        for (xmlAttrPtr a = n->properties; a; a = a->next)
            if (computed(n, a->name) && *k < 256) out[(*k)++] = a;
        collect(n->children, out, k);
    }
}

static void falsify(xmlAttrPtr a)
{
    xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
    char t[64];
    if (!xmlStrcmp(v, BAD_CAST "true")) strcpy(t, "false");
    else if (!xmlStrcmp(v, BAD_CAST "false")) strcpy(t, "true");
    else if (strlen((const char *)v) == 10 && v[4] == '-') snprintf(t, sizeof t, "%d%s", atoi((const char *)v) + 1, (const char *)v + 4);
    else if (strchr((const char *)v, '.')) snprintf(t, sizeof t, "%.1f", atof((const char *)v) + 7.5);
    else snprintf(t, sizeof t, "%d", atoi((const char *)v) + 7);
    xmlSetProp(a->parent, a->name, BAD_CAST t);
    xmlFree(v);
}

START_TEST(test_every_fixture_same_verdict_with_figures_removed_or_falsified)
{
    sv_ruleset *const *sets;
    int n, checked = 0, falsified = 0;
    sv_err e;
    ck_assert_int_eq(sv_rules_all(&sets, &n, &e), SV_OK);
    for (int s = 0; s < n; s++)
        for (int r = 0; r < sets[s]->nrules; r++) {
            const char *id = sets[s]->rules[r].id;
            int is_tall = strstr(id, "-K1-TALL") != NULL;
            for (int f = 0; f < 2; f++) {
                char name[80];
                snprintf(name, sizeof name, "%s-%s.xml", id, f ? "fail" : "ok");
                xmlDocPtr doc = read_fixture(name);
                sv_outcome tall, want = verdict(doc, id, &tall);
                /* every computed attribute removed: the same verdict, and nothing to correct */
                xmlDocPtr bare = xmlCopyDoc(doc, 1);
                xmlAttrPtr attrs[256];
                int k = 0;
                collect(xmlDocGetRootElement(bare), attrs, &k);
                for (int i = 0; i < k; i++) xmlRemoveProp(attrs[i]);
                ck_assert_msg(verdict(bare, id, &tall) == (is_tall ? SV_R_PASS : want), "%s without its figures", name);
                ck_assert_msg(tall == SV_R_PASS, "%s: nothing declared, nothing wrong", name);
                xmlFreeDoc(bare);
                /* each one falsified in turn: the same verdict, and the false figure is a finding */
                k = 0;
                collect(xmlDocGetRootElement(doc), attrs, &k);
                for (int i = 0; i < k; i++) {
                    xmlDocPtr bad = xmlCopyDoc(doc, 1);
                    xmlAttrPtr b[256];
                    int kb = 0;
                    collect(xmlDocGetRootElement(bad), b, &kb);
                    ck_assert_int_eq(kb, k);
                    char what[120];
                    snprintf(what, sizeof what, "%s with %s/@%s falsified", name, (const char *)b[i]->parent->name,
                             (const char *)b[i]->name);
                    falsify(b[i]);
                    sv_outcome o = verdict(bad, id, &tall);
                    if (!is_tall) ck_assert_msg(o == want, "%s: %s instead of %s", what, sv_outcome_label(o), sv_outcome_label(want));
                    ck_assert_msg(tall == SV_R_VIOLATION, "%s: no finding", what);
                    xmlFreeDoc(bad);
                    falsified++;
                }
                xmlFreeDoc(doc);
                checked++;
            }
        }
    ck_assert_int_ge(checked, 100);
    ck_assert_int_ge(falsified, 1000);
}
END_TEST

/* Replaces every occurrence of from by to in s (a new string). */
static char *replace_all(const char *s, const char *from, const char *to)
{
    sv_buf b;
    sv_buf_init(&b);
    const char *p = s, *q;
    while ((q = strstr(p, from))) {
        sv_buf_addn(&b, p, (size_t)(q - p));
        sv_buf_add(&b, to);
        p = q + strlen(from);
    }
    sv_buf_add(&b, p);
    return b.s;
}

START_TEST(test_schema_spellings_of_booleans_and_dates_are_read_as_such)
{
    static const char *const bases[] = {"base-introduksjonsloven.xml", "base-integreringsloven.xml"};
    for (int i = 0; i < 2; i++) {
        char path[4300];
        snprintf(path, sizeof path, "%s/%s", fixtures, bases[i]);
        FILE *f = fopen(path, "rb");
        ck_assert_ptr_nonnull(f);
        char buf[65536];
        size_t len = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[len] = '\0';
        char *a = replace_all(buf, "\"true\"", "\" 1\"");
        char *b = replace_all(a, "\"false\"", "\"0 \"");
        /* every date with a time zone: 2022-09-07 becomes 2022-09-07Z or ...+01:00 */
        char *c = replace_all(b, "-07\"", "-07+01:00\"");
        char *d = replace_all(c, "-08\"", "-08Z\"");
        char *z = replace_all(d, "-10\"", "-10Z\"");
        sv_err e;
        xmlDocPtr doc = sv_vedtak_parse(z, strlen(z), bases[i], &e);
        ck_assert_msg(doc != NULL, "%s", e.msg);
        sv_verdict v;
        ck_assert_int_eq(sv_vedtak_check(doc, SV_NODATE, &v, &e), SV_OK);
        for (int r = 0; r < v.rs->nrules; r++)
            ck_assert_msg(v.results[r].outcome == SV_R_PASS || v.results[r].outcome == SV_R_NA, "%s: %s %s", bases[i],
                          v.results[r].rule->id, v.results[r].evidence);
        ck_assert_int_eq(v.findings, 0);
        sv_verdict_free(&v);
        xmlFreeDoc(doc);
        free(a);
        free(b);
        free(c);
        free(d);
        free(z);
    }
}
END_TEST

START_TEST(test_justification_substance_and_reference)
{
    const char *padded = "Planen er god for deltakeren. Planen er god for deltakeren. Planen er god for deltakeren. "
                         "Planen er god for deltakeren. Planen er god for deltakeren. Planen er god.";
    ck_assert_int_gt((int)strlen(padded), 100);
    ck_assert_int_lt(sv_text_substance(padded), 20);
    ck_assert_msg(sv_text_filler_sorted(), "FILLER in core/derive.c must stay in strcmp order");
    /* filler at both ends of the table and in the middle counts for nothing; repeats once */
    ck_assert_int_eq(sv_text_substance("at å nå og være"), 0);
    ck_assert_int_eq(sv_text_substance("Sveising sveising og SVEISING, truckførerbevis"), 8 + 1 + 16); /* ø is two bytes */
    const char *real = "Hun har tolv års skolegang og fem års arbeidserfaring som hjelpepleier. Norsk til B1 og "
                       "praksis på sykehjemmet gir en realistisk vei til fagbrev; hun ønsker selv dette løpet.";
    ck_assert_int_ge(sv_text_substance(real), 100);
    const char *facts[] = {"Grunnskole og hjelpepleier fra hjemlandet.", "Hjelpepleier i fem år."};
    ck_assert(sv_text_refers_to_assessment(real, facts, 2));
    ck_assert(sv_text_refers_to_assessment("Programmet passer, som hjelpepleier videre.", facts, 2));
    ck_assert(!sv_text_refers_to_assessment("Kommunen har valgt et program som passer godt for mange.", facts, 2));
}
END_TEST

static sv_outcome rule_as_of(const char *file, const char *rule, sv_date as_of, int *checkable)
{
    xmlDocPtr doc = read_fixture(file);
    sv_verdict v;
    sv_err e;
    *checkable = sv_vedtak_check(doc, as_of, &v, &e) == SV_OK;
    sv_outcome o = SV_R_NA;
    for (int i = 0; *checkable && i < v.rs->nrules; i++)
        if (!strcmp(v.results[i].rule->id, rule)) o = v.results[i].outcome;
    if (*checkable) sv_verdict_free(&v);
    xmlFreeDoc(doc);
    return o;
}

START_TEST(test_later_evidence_is_not_evidence)
{
    int ok;
    /* decided 07.09.2022, notified 08.09.2022 */
    ck_assert_int_eq(rule_as_of("base-integreringsloven.xml", "IN-K1-UNDERRETNING", ymd(2022, 9, 8), &ok), SV_R_PASS);
    ck_assert(ok);
    ck_assert_int_eq(rule_as_of("base-integreringsloven.xml", "IN-K1-UNDERRETNING", ymd(2022, 9, 7), &ok), SV_R_VIOLATION);
    ck_assert(ok);
    rule_as_of("base-integreringsloven.xml", "IN-K1-UNDERRETNING", ymd(2022, 9, 6), &ok);
    ck_assert(!ok);
}
END_TEST

START_TEST(test_checklist_as_of_a_day_is_the_same_tomorrow)
{
    sv_clock_set(ymd(2026, 6, 15));
    char path[512];
    int64_t muni;
    sv_store *st = tl_open(path, sizeof path, &muni);
    sv_demo_opts o = {.participants = 150, .municipalities = 1, .seed = 11};
    sv_demo_result r;
    sv_err e;
    ck_assert_msg(sv_demo(st, &o, &r, &e) == SV_OK, "%s", e.msg);
    sv_checklist a, b, now;
    sv_date as_of = ymd(2025, 6, 30);
    ck_assert_int_eq(sv_checklist_run(st, 0, as_of, &a, &e), SV_OK);
    sv_clock_set(ymd(2026, 6, 16));
    ck_assert_int_eq(sv_checklist_run(st, 0, as_of, &b, &e), SV_OK);
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &now, &e), SV_OK);
    ck_assert_int_eq(a.nitems, b.nitems);
    ck_assert_int_eq(a.cases, b.cases);
    ck_assert_int_eq(a.decisions, b.decisions);
    int differs = 0;
    for (int i = 0; i < a.nitems; i++) {
        ck_assert_str_eq(a.items[i].control, b.items[i].control);
        ck_assert_int_eq(a.items[i].checked, b.items[i].checked);
        ck_assert_int_eq(a.items[i].violations, b.items[i].violations);
        ck_assert_int_eq(a.items[i].ncases, b.items[i].ncases);
        for (int k = 0; k < a.items[i].ncases; k++) ck_assert(a.items[i].cases[k] == b.items[i].cases[k]);
        for (int k = 0; k < now.nitems; k++)
            if (!strcmp(now.items[k].law, a.items[i].law) && !strcmp(now.items[k].control, a.items[i].control))
                differs |= now.items[k].checked != a.items[i].checked || now.items[k].violations != a.items[i].violations;
    }
    /* a year earlier the demo's later decisions and reviews did not exist yet */
    ck_assert(differs);
    ck_assert_int_lt(a.decisions, now.decisions);
    sv_checklist_free(&a);
    sv_checklist_free(&b);
    sv_checklist_free(&now);
    sv_store_close(st);
    tl_unlink_db(path);
}
END_TEST

/* The n-th element called name under parent (1-based), or NULL. */
static xmlNodePtr nth(xmlNodePtr parent, const char *name, int n)
{
    for (xmlNodePtr k = parent ? parent->children : NULL; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && !xmlStrcmp(k->name, BAD_CAST name) && --n == 0) return k;
    return NULL;
}

static sv_outcome outcome(xmlDocPtr doc, const char *rule)
{
    sv_outcome tall;
    return verdict(doc, rule, &tall);
}

START_TEST(test_content_a_supervisor_would_accept)
{
    xmlDocPtr doc = read_fixture("base-integreringsloven.xml");
    xmlNodePtr root = xmlDocGetRootElement(doc), plan = nth(root, "plan", 1);
    ck_assert_int_eq(outcome(doc, "IN-K3-FASER"), SV_R_PASS);
    /* one undivided phase is no "time phases" unless it says why */
    xmlDocPtr one = xmlCopyDoc(doc, 1);
    xmlNodePtr p1 = nth(xmlDocGetRootElement(one), "plan", 1);
    for (int i = 0; i < 2; i++) {
        xmlNodePtr f = nth(p1, "fase", 2);
        xmlUnlinkNode(f);
        xmlFreeNode(f);
    }
    ck_assert_int_eq(outcome(one, "IN-K3-FASER"), SV_R_VIOLATION);
    xmlNewTextChild(nth(p1, "fase", 1), p1->ns, BAD_CAST "grunn",
                    BAD_CAST "Kort løp på seks måneder mot fagbrev; deltakeren har utdanningen fra før.");
    ck_assert_int_eq(outcome(one, "IN-K3-FASER"), SV_R_PASS);
    xmlFreeDoc(one);
    /* self-study lowers the norm only for a phase that gives its reason */
    xmlDocPtr self = xmlCopyDoc(doc, 1);
    xmlNodePtr ps = nth(xmlDocGetRootElement(self), "plan", 1), f2 = nth(ps, "fase", 2);
    xmlSetProp(ps, BAD_CAST "egenstudier", BAD_CAST "true");
    xmlSetProp(nth(f2, "tiltak", 3), BAD_CAST "timer", BAD_CAST "9.0");
    ck_assert_int_eq(outcome(self, "IN-K6-FULLTID"), SV_R_VIOLATION);
    xmlNewTextChild(f2, ps->ns, BAD_CAST "grunn", BAD_CAST "Bransjenorsk krever lesing og oppgaver hjemme, 7,5 timer i uka.");
    ck_assert_int_eq(outcome(self, "IN-K6-FULLTID"), SV_R_PASS);
    xmlFreeDoc(self);
    /* a stand-in goal is no goal */
    xmlNodeSetContent(nth(plan, "sluttmal", 1), BAD_CAST "Arbeid eller utdanning.");
    ck_assert_int_eq(outcome(doc, "IN-K3-SLUTTMAL"), SV_R_VIOLATION);
    ck_assert(sv_text_is_stand_in("  kommer senere "));
    ck_assert(sv_text_is_stand_in("Jobb"));
    ck_assert(!sv_text_is_stand_in("Fast jobb som bilmekaniker i Bergen"));
    /* a justification padded with repeats, or one that never names the assessment */
    xmlNodePtr h = nth(nth(root, "begrunnelse", 1), "hensyn", 1);
    xmlNodeSetContent(h, BAD_CAST "Planen er god for deltakeren og planen er god. Planen er god for deltakeren og planen er god. "
                                  "Planen er god for deltakeren og planen er god.");
    ck_assert_int_eq(outcome(doc, "IN-K1-BEGRUNNELSE"), SV_R_VIOLATION);
    xmlNodeSetContent(h, BAD_CAST "Kommunen har mange ledige stillinger i næringsmiddel; praksis hos Fjordvik Fisk AS og norsk "
                                  "til B1 gir en realistisk vei inn i en fast stilling der innen to år fra nå.");
    ck_assert_int_eq(outcome(doc, "IN-K1-BEGRUNNELSE"), SV_R_VIOLATION);
    xmlNodeSetContent(h, BAD_CAST "Med erfaring fra bygg og transport og kort skolegang er praksis hos Fjordvik Fisk AS og norsk "
                                  "til B1 en realistisk vei inn i en fast stilling der innen to år fra nå.");
    ck_assert_int_eq(outcome(doc, "IN-K1-BEGRUNNELSE"), SV_R_PASS);
    xmlFreeDoc(doc);
}
END_TEST

static void same_checklist(const sv_checklist *a, const sv_checklist *b)
{
    ck_assert_int_eq(a->nitems, b->nitems);
    ck_assert_int_eq(a->cases, b->cases);
    ck_assert_int_eq(a->decisions, b->decisions);
    for (int i = 0; i < a->nitems; i++) {
        ck_assert_str_eq(a->items[i].law, b->items[i].law);
        ck_assert_str_eq(a->items[i].control, b->items[i].control);
        ck_assert_int_eq(a->items[i].checked, b->items[i].checked);
        ck_assert_int_eq(a->items[i].violations, b->items[i].violations);
        ck_assert_int_eq(a->items[i].remarks, b->items[i].remarks);
        ck_assert_int_eq(a->items[i].ncases, b->items[i].ncases);
        for (int k = 0; k < a->items[i].ncases; k++) ck_assert(a->items[i].cases[k] == b->items[i].cases[k]);
    }
}

/* The verdicts stored beside the decisions give the checklist the reading of the documents
 * themselves: the same report with every stored verdict taken away. */
START_TEST(test_stored_verdicts_give_the_report_the_documents_give)
{
    char path[512];
    int64_t muni;
    sv_store *st = tl_open(path, sizeof path, &muni);
    sv_demo_opts o = {.participants = 200, .municipalities = 2, .seed = 4};
    sv_demo_result r;
    sv_err e;
    ck_assert_msg(sv_demo(st, &o, &r, &e) == SV_OK, "%s", e.msg);
    char *n = one_text(st, "SELECT count(*) = (SELECT count(*) FROM decision) FROM decision_verdict WHERE ? > 0", 1);
    ck_assert_str_eq(n, "1");
    free(n);
    sv_checklist a, b, c;
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &a, &e), SV_OK);
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today() - 200, &c, &e), SV_OK);
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "DROP TRIGGER decision_verdict_no_delete; DELETE FROM decision_verdict",
                                  NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &b, &e), SV_OK);
    same_checklist(&a, &b);
    sv_checklist_free(&b);
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today() - 200, &b, &e), SV_OK);
    same_checklist(&c, &b);
    sv_checklist_free(&a);
    sv_checklist_free(&b);
    sv_checklist_free(&c);
    sv_store_close(st);
    tl_unlink_db(path);
}
END_TEST

/* The same justification given to two participants is flagged under K2 for both, whatever
 * their names; a third, written for its own case, is not. */
START_TEST(test_same_justification_across_participants_is_flagged)
{
    char path[512];
    int64_t muni;
    sv_store *st = tl_open(path, sizeof path, &muni);
    sv_demo_opts o = {.participants = 80, .municipalities = 1, .seed = 6};
    sv_demo_result r;
    sv_err e;
    ck_assert_msg(sv_demo(st, &o, &r, &e) == SV_OK, "%s", e.msg);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), "SELECT DISTINCT participant_id FROM decision ORDER BY participant_id",
                                        -1, &s, NULL), SQLITE_OK);
    int64_t ids[3];
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
        ids[i] = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    sv_checklist before;
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &before, &e), SV_OK);
    for (int i = 0; i < 2; i++) {
        sv_case c;
        ck_assert_int_eq(sv_case_load(st, ids[i], &c, &e), SV_OK);
        snprintf(c.plan.justification, sizeof c.plan.justification,
                 "%s har grunnskole og erfaring fra bygg. Norsk til B1 og praksis hos Fjordvik Fisk AS gir en realistisk "
                 "vei til fast jobb innen to år; %s ønsker selv dette løpet.", c.p.name, c.p.name);
        ck_assert_msg(sv_row_save(st, &SV_ENT_PLAN, &c.plan, &e) == SV_OK, "%s", e.msg);
        sv_case_free(&c);
    }
    sv_checklist cl;
    ck_assert_int_eq(sv_checklist_run(st, 0, sv_today(), &cl, &e), SV_OK);
    int found = 0;
    for (int i = 0; i < cl.nitems; i++) {
        if (strcmp(cl.items[i].control, "K2")) continue;
        int rule = 0, a = 0, b = 0, third = 0;
        for (int k = 0; k < cl.items[i].nrules; k++)
            if (!strcmp(cl.items[i].rules[k].id, "H-LIK-BEGRUNNELSE")) rule = cl.items[i].rules[k].violations;
        for (int k = 0; k < cl.items[i].ncases; k++) {
            a |= cl.items[i].cases[k] == ids[0];
            b |= cl.items[i].cases[k] == ids[1];
            third |= cl.items[i].cases[k] == ids[2];
        }
        for (int k = 1; k < cl.items[i].ncases; k++) ck_assert(cl.items[i].cases[k - 1] < cl.items[i].cases[k]);
        if (rule) {
            found = 1;
            ck_assert_int_eq(rule, 2);
            ck_assert(a && b);
            int was = 0;
            for (int k = 0; k < before.nitems; k++)
                if (!strcmp(before.items[k].law, cl.items[i].law) && !strcmp(before.items[k].control, "K2"))
                    for (int m = 0; m < before.items[k].ncases; m++) was |= before.items[k].cases[m] == ids[2];
            ck_assert_int_eq(third, was);
        }
    }
    ck_assert(found);
    sv_checklist_free(&before);
    sv_checklist_free(&cl);
    sv_store_close(st);
    tl_unlink_db(path);
}
END_TEST

START_TEST(test_one_decision_per_plan_version_and_kind_also_after_duplicates)
{
    char p2[512];
    sqlite3 *db;
    sv_err e;
    tl_tmp_path(p2, sizeof p2);
    ck_assert_int_eq(sqlite3_open(p2, &db), SQLITE_OK);
    sqlite3_create_function(db, "sv_user", 0, SQLITE_UTF8, NULL, NULL, NULL, NULL);
    ck_assert_msg(sv_schema_migrate(db, 6, &e) == SV_OK, "%s", e.msg);
    char fnr[12];
    fnr_born(fnr, 1990, 1, 1, 100);
    char sql[2048];
    snprintf(sql, sizeof sql,
             "INSERT INTO municipality(number, name) VALUES('4601', 'Bergen');"
             "INSERT INTO participant(municipality_id, fnr, name, settled_on) VALUES(1, '%s', 'Kari', '2025-01-10');"
             "INSERT INTO decision(participant_id, uuid, kind, decided_on, decided_by, plan_rev, law, xml, created_at)"
             " VALUES(1, 'a', 'endring', '2025-03-01', 'x', 4, 'integreringsloven', '<v/>', '2025-03-01'),"
             " (1, 'b', 'endring', '2025-03-01', 'x', 4, 'integreringsloven', '<v/>', '2025-03-01'),"
             " (1, 'c', 'endring', '2025-03-02', 'x', 4, 'integreringsloven', '<v/>', '2025-03-02');",
             fnr);
    ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    sv_store *st;
    ck_assert_msg(sv_store_open(p2, 0, &st, &e) == SV_OK, "%s", e.msg);
    sv_user u = {0};
    snprintf(u.login, sizeof u.login, "%s", sv_login());
    strcpy(u.role, "administrator");
    ck_assert_msg(sv_user_add(st, &u, &e) == SV_OK, "%s", e.msg);
    sv_store_close(st);
    ck_assert_int_eq(sv_store_open(p2, 0, &st, &e), SV_OK);
    char *n = one_text(st, "SELECT count(*) FROM decision WHERE participant_id = ?", 1);
    ck_assert_str_eq(n, "3");   /* what was issued stays */
    free(n);
    sv_decision d = {.participant_id = 1, .plan_rev = 4, .decided_on = sv_today()};
    strcpy(d.kind, "endring");
    strcpy(d.law, "integreringsloven");
    ck_assert_int_eq(sv_decision_insert(st, &d, "<v/>", &e), SV_ECONFLICT);
    ck_assert_msg(strstr(e.msg, "Planversjon 4") && strstr(e.msg, "vedtak nr. 1"), "%s", e.msg);
    /* the database refuses it too, whoever writes */
    ck_assert_int_ne(sqlite3_exec(sv_store_db(st),
                                  "INSERT INTO decision(participant_id, uuid, kind, decided_on, decided_by, plan_rev, law, xml,"
                                  " created_at) VALUES(1, 'd', 'endring', '2025-03-03', 'x', 4, 'integreringsloven', '<v/>', 'x')",
                                  NULL, NULL, NULL), SQLITE_OK);
    /* another kind or plan version is another decision */
    strcpy(d.kind, "forlengelse");
    ck_assert_msg(sv_decision_insert(st, &d, "<v/>", &e) == SV_OK, "%s", e.msg);
    sv_store_close(st);
    tl_unlink_db(p2);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("derive");
    TCase *t = tcase_create("derive");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 120);
    tcase_add_test(t, test_month_end_gives_one_deadline_everywhere);
    tcase_add_test(t, test_every_fixture_same_verdict_with_figures_removed_or_falsified);
    tcase_add_test(t, test_schema_spellings_of_booleans_and_dates_are_read_as_such);
    tcase_add_test(t, test_justification_substance_and_reference);
    tcase_add_test(t, test_later_evidence_is_not_evidence);
    tcase_add_test(t, test_checklist_as_of_a_day_is_the_same_tomorrow);
    tcase_add_test(t, test_one_decision_per_plan_version_and_kind_also_after_duplicates);
    tcase_add_test(t, test_stored_verdicts_give_the_report_the_documents_give);
    tcase_add_test(t, test_content_a_supervisor_would_accept);
    tcase_add_test(t, test_same_justification_across_participants_is_flagged);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
