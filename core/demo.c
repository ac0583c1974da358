/* Demo generator. Every row goes through sv_row_save, so demo data obeys the same validation
 * as typed data. Dates are relative to the day of generation; everything else follows the
 * seed. About one case in five carries a deliberate fault for the supervision checklist. */
#include "demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "case.h"
#include "decision.h"
#include "demo_absence.h"
#include "demo_data.h"
#include "contract.h"
#include "demo_leave.h"
#include "fnr.h"
#include "model.h"
#include "vedtak.h"

typedef struct {
    unsigned long long s;
} rng;

static unsigned long long next(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}
static int pick(rng *r, int n) { return (int)(next(r) % (unsigned long long)n); }
static int chance(rng *r, int percent) { return pick(r, 100) < percent; }

typedef struct {
    sv_store *st;
    rng r;
    sv_err *e;
    int64_t muni;
    int64_t measure_ids[DEMO_N(MEASURES)];
    int decisions;         /* issued by demo_issue_decision */
    sv_date today;
    int absence_days;      /* sv_demo_opts */
    long absence_rows;
} gen;

#define SAVE(g, ent, obj) do { if (sv_row_save((g)->st, &(ent), (obj), (g)->e)) return (g)->e->code; } while (0)

static int make_municipality(gen *g, int idx, int *created)
{
    sv_municipality m;
    sv_entity_blank(&SV_ENT_MUNICIPALITY, &m);
    if (idx < DEMO_N(MUNIS)) {
        snprintf(m.number, sizeof m.number, "%s", MUNIS[idx].number);
        snprintf(m.name, sizeof m.name, "%s", MUNIS[idx].name);
    } else {
        snprintf(m.number, sizeof m.number, "%04u", (9000u + (unsigned)idx) % 10000u);
        snprintf(m.name, sizeof m.name, "Demokommune %d (DEMO)", idx + 1);
    }
    strcpy(m.malform, idx % 4 == 3 ? "nn" : "nb");
    m.demo = 1;
    sqlite3_stmt *s = sv_store_prepare(g->st, "SELECT id FROM municipality WHERE number = ?", g->e);
    if (!s) return g->e->code;
    sqlite3_bind_text(s, 1, m.number, -1, SQLITE_STATIC);
    int64_t have = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    *created = !have;
    if (have) {
        g->muni = have;
        return SV_OK;
    }
    SAVE(g, SV_ENT_MUNICIPALITY, &m);
    /* demo is not a form field: mark the row so every screen can say DEMO */
    s = sv_store_prepare(g->st, "UPDATE municipality SET demo = 1 WHERE id = ?", g->e);
    if (!s) return g->e->code;
    sqlite3_bind_int64(s, 1, m.m.id);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return sv_store_dberr(g->st, rc, g->e);
    g->muni = m.m.id;
    return SV_OK;
}

/* The demo municipality's postcode and place (the list's, or one made from its number). */
static void demo_postcode(const gen *g, char code[5], char place[61])
{
    int k = (int)(g->muni - 1);
    if (k >= 0 && k < DEMO_N(POSTCODES)) {
        snprintf(code, 5, "%s", POSTCODES[k][0]);
        snprintf(place, 61, "%s", POSTCODES[k][1]);
    } else {
        snprintf(code, 5, "%04u", 1000u + (unsigned)(g->muni % 8000));
        snprintf(place, 61, "DEMOKOMMUNE %d", (int)g->muni);
    }
}

/* Steps 1-4 of a municipality: units, labour demand, catalogue, agreements. */
static int make_steps_1_4(gen *g)
{
    static const char *const units[][2] = {{"flyktningtjeneste", "Flyktningtjenesten"},
                                           {"voksenopplaering", "Voksenopplæringen"}, {"nav", "NAV"}};
    for (int i = 0; i < 3; i++) {
        sv_unit u;
        sv_entity_blank(&SV_ENT_UNIT, &u);
        u.m.parent = g->muni;
        strcpy(u.kind, units[i][0]);
        snprintf(u.name, sizeof u.name, "%s", units[i][1]);
        snprintf(u.street, sizeof u.street, "Postboks %d", 100 + 10 * i);
        demo_postcode(g, u.postcode, u.place);
        SAVE(g, SV_ENT_UNIT, &u);
    }
    for (int i = 0; i < DEMO_N(DEMANDS); i++) {
        sv_demand d;
        sv_entity_blank(&SV_ENT_DEMAND, &d);
        d.m.parent = g->muni;
        snprintf(d.sector, sizeof d.sector, "%s", DEMANDS[i].sector);
        snprintf(d.occupation, sizeof d.occupation, "%s", DEMANDS[i].occupation);
        snprintf(d.employer, sizeof d.employer, "%s", DEMANDS[i].employer);
        snprintf(d.requirements, sizeof d.requirements, "%s", DEMANDS[i].req);
        snprintf(d.source, sizeof d.source, "%s", i % 2 ? "NAV bedriftsundersøkelse" : "Møte med arbeidsgiver");
        d.jobs = DEMANDS[i].jobs + pick(&g->r, 5);
        d.noted_on = g->today - 30 - pick(&g->r, 300);
        SAVE(g, SV_ENT_DEMAND, &d);
    }
    for (int i = 0; i < DEMO_N(MEASURES); i++) {
        sv_measure m;
        sv_entity_blank(&SV_ENT_MEASURE, &m);
        m.m.parent = g->muni;
        snprintf(m.name, sizeof m.name, "%s", MEASURES[i].name);
        snprintf(m.kind, sizeof m.kind, "%s", MEASURES[i].kind);
        snprintf(m.provider, sizeof m.provider, "%s", MEASURES[i].provider);
        snprintf(m.orientation, sizeof m.orientation, "%s", MEASURES[i].orientation);
        snprintf(m.description, sizeof m.description, "%s", MEASURES[i].desc);
        m.hours = MEASURES[i].hours;
        m.nav = MEASURES[i].nav;
        strcpy(m.status, i < 9 ? "eksisterende" : i < 12 ? "justert" : "ny");
        SAVE(g, SV_ENT_MEASURE, &m);
        g->measure_ids[i] = m.m.id;
    }
    for (int i = 0; i < DEMO_N(EMPLOYERS) + 2; i++) {
        sv_agreement a;
        sv_entity_blank(&SV_ENT_AGREEMENT, &a);
        a.m.parent = g->muni;
        int school = i >= DEMO_N(EMPLOYERS);
        snprintf(a.partner, sizeof a.partner, "%s", school ? (i % 2 ? "Fjordvik videregående skole" : "Fagskolen Vest")
                                                           : EMPLOYERS[i]);
        strcpy(a.partner_kind, school ? "skole" : "arbeidsgiver");
        snprintf(a.contact, sizeof a.contact, "Kontaktperson %d, tlf. 55 00 %02d %02d", i + 1, 10 + i, 20 + i);
        a.valid_from = g->today - 400 + i * 20;
        a.valid_to = sv_date_add_months(a.valid_from, 24);
        snprintf(a.content, sizeof a.content, "%s",
                 school ? "Plasser i kombinasjonsløp og voksenrett; felles oppfølging hver måned."
                        : "To praksisplasser per halvår, fast kontaktperson, mulighet for ansettelse.");
        SAVE(g, SV_ENT_AGREEMENT, &a);
    }
    return SV_OK;
}

/* A synthetic identity number not yet in the database: a real birth date, an individual
 * number in the right century range, valid check digits; D-number for some. */
static int make_fnr(gen *g, sv_date birth, int dnum, char out[12])
{
    int y, m, d;
    sv_date_to_ymd(birth, &y, &m, &d);
    for (int tries = 0; tries < 2000; tries++) {
        int ind = y >= 2000 ? 500 + pick(&g->r, 500) : pick(&g->r, 500);
        char d9[10];
        snprintf(d9, sizeof d9, "%02u%02u%02u%03u", (unsigned)(d + (dnum ? 40 : 0)) % 100u, (unsigned)m % 100u,
                 (unsigned)y % 100u, (unsigned)ind % 1000u);
        int k1, k2;
        if (sv_fnr_check_digits(d9, &k1, &k2)) continue;
        snprintf(out, 12, "%s%d%d", d9, k1, k2);
        sqlite3_stmt *s = sv_store_prepare(g->st, "SELECT 1 FROM participant WHERE fnr = ?", g->e);
        if (!s) return g->e->code;
        sqlite3_bind_text(s, 1, out, -1, SQLITE_STATIC);
        int taken = sqlite3_step(s) == SQLITE_ROW;
        sqlite3_reset(s);
        if (!taken) return SV_OK;
    }
    return sv_err_set(g->e, SV_EINVAL, "fnr", "Demo: fant ikke ledig fødselsnummer");
}

static int add_measure(gen *g, int64_t phase, int idx, int64_t need, int hours)
{
    sv_plan_measure pm;
    sv_entity_blank(&SV_ENT_PLAN_MEASURE, &pm);
    pm.m.parent = phase;
    pm.measure_id = g->measure_ids[idx];
    pm.need_id = need;
    pm.hours = hours;
    SAVE(g, SV_ENT_PLAN_MEASURE, &pm);
    return SV_OK;
}

/* Decisions (issue 3): the plan's enkeltvedtak, built with the decision builder and stored
 * without the rule gate, so deliberate faults stay in the history the checklist must find.
 * Faults that a single document cannot show are made here: fault 1 on a decided plan means the
 * plan was changed afterwards without a new decision; fault 5 where no interpreter was needed
 * means the participant was never notified. Sound cases are decided and notified in time. */
static int demo_issue_decision(gen *g, int64_t pid, sv_date on, int fault)
{
    sv_case c;
    if (sv_case_load(g->st, pid, &c, g->e)) return g->e->code;
    int rc = SV_OK;
    int notified = !(fault == 5 && !c.p.interpreter);
    /* the demo writes history: each decision recorded on its own day */
    char recorded[20];
    sv_date_iso(on, recorded);
    snprintf(recorded + 10, sizeof recorded - 10, " 12:00:00");
    sv_vedtak_in in = {.kind = "plan", .decided_on = on, .notified_on = notified ? on + 1 : SV_NODATE,
                       .notify_method = notified ? (c.p.interpreter ? "personlig" : "digitalt") : "", .reason = "",
                       .recorded_at = recorded};
    const sv_user *me = sv_store_user(g->st);
    if (me) {
        in.signer_name = me->display_name;
        in.signer_title = me->title[0] ? me->title : "Programrådgiver";
    }
    const sv_ruleset *rs = sv_rules_for(sv_law_code(sv_participant_law(&c.p)), on, g->e);
    xmlDocPtr doc = rs ? sv_vedtak_build(&c, &in, rs, g->e) : NULL;
    if (!doc) {
        rc = g->e->code;
        goto done;
    }
    char *xml = sv_vedtak_serialize(doc);
    char *uuid = sv_vedtak_xpath(doc, "string(/v:vedtak/@id)");
    xmlFreeDoc(doc);
    sv_decision d;
    memset(&d, 0, sizeof d);
    d.participant_id = pid;
    snprintf(d.uuid, sizeof d.uuid, "%s", uuid);
    strcpy(d.kind, "plan");
    d.decided_on = on;
    d.plan_rev = c.plan.rev;
    snprintf(d.law, sizeof d.law, "%s", rs->law);
    d.notified_on = in.notified_on;
    snprintf(d.notify_method, sizeof d.notify_method, "%s", in.notify_method);
    rc = sv_decision_insert(g->st, &d, xml, g->e);
    free(xml);
    free(uuid);
    if (rc == SV_OK) g->decisions++;
    if (rc == SV_OK && fault == 1) {
        snprintf(c.plan.final_goal_text, sizeof c.plan.final_goal_text, "%s", "Fast ansettelse i renhold etter bransjekurs");
        rc = sv_row_save(g->st, &SV_ENT_PLAN, &c.plan, g->e);
    }
done:
    sv_case_free(&c);
    return rc;
}

/* Stage of a case: 0 new, 1 assessed, 2 planned (draft), 3 running, 4 ended. */
static int make_participant(gen *g, int stage, int fault)
{
    sv_participant p;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = g->muni;
    int man = chance(&g->r, 67);
    int age = chance(&g->r, 72) ? 18 + pick(&g->r, 18) : 36 + pick(&g->r, 25);
    int days_settled = stage == 0 ? pick(&g->r, 40) : stage == 1 ? 20 + pick(&g->r, 60)
                       : stage == 2 ? 30 + pick(&g->r, fault == 1 ? 200 : 50)
                       : stage == 3 ? 90 + pick(&g->r, 600) : 800 + pick(&g->r, 1500);
    p.settled_on = g->today - days_settled;
    p.permit_on = p.settled_on - 30 - pick(&g->r, 120);
    sv_date birth = p.settled_on - age * 365 - pick(&g->r, 365);
    if (make_fnr(g, birth, chance(&g->r, 30), p.fnr)) return g->e->code;
    snprintf(p.name, sizeof p.name, "%s %s", man ? FIRST_M[pick(&g->r, DEMO_N(FIRST_M))] : FIRST_K[pick(&g->r, DEMO_N(FIRST_K))],
             LAST[pick(&g->r, DEMO_N(LAST))]);
    int lang = pick(&g->r, DEMO_N(LANGS));
    snprintf(p.languages, sizeof p.languages, "%s", LANGS[lang]);
    p.interpreter = chance(&g->r, 60);
    if (p.interpreter) snprintf(p.interpreter_lang, sizeof p.interpreter_lang, "%s", LANG_ONE[lang]);
    static const char *const schooling[] = {"ingen", "grunnskole", "grunnskole", "grunnskole", "vgs", "hoyere"};
    strcpy(p.schooling, schooling[pick(&g->r, 6)]);
    strcpy(p.right_duty, chance(&g->r, 85) ? "rett_plikt" : "rett");
    snprintf(p.adviser, sizeof p.adviser, "%s", sv_login());
    /* an address from the identity number, so the random draws (and every other field of the
     * demo) stay as they were */
    unsigned h = 0;
    for (const char *c = p.fnr; *c; c++) h = h * 31u + (unsigned char)*c;
    snprintf(p.street, sizeof p.street, "%s %u", STREETS[h % DEMO_N(STREETS)], 1 + h / 7u % 60u);
    demo_postcode(g, p.postcode, p.place);
    SAVE(g, SV_ENT_PARTICIPANT, &p);
    if (stage == 0) return SV_OK;

    sv_assessment a;
    sv_entity_blank(&SV_ENT_ASSESSMENT, &a);
    a.m.parent = p.m.id;
    a.assessed_on = p.settled_on + 10 + pick(&g->r, 10);
    snprintf(a.education, sizeof a.education, "%s", !strcmp(p.schooling, "ingen") ? "Under fire års skolegang."
             : !strcmp(p.schooling, "hoyere") ? "Bachelor fra hjemlandet, ikke godkjent i Norge." : "Grunnskole fra hjemlandet.");
    snprintf(a.work_experience, sizeof a.work_experience, "%s", man ? "Bygg og transport, fem år." : "Omsorg for barn og eldre i familien, salg på marked.");
    strcpy(a.language_level, chance(&g->r, 70) ? "A0" : "A1");
    snprintf(a.competence, sizeof a.competence, "Snakker %s.", p.languages);
    if (sv_participant_law(&p) == SV_LAW_INTEGRERING) {
        a.career_on = a.assessed_on + 7 <= g->today ? a.assessed_on + 7 : g->today;   /* not in the future */
        snprintf(a.career_advice, sizeof a.career_advice, "Arbeidsrettet løp mot %s.", man ? "industri eller transport" : "helse og omsorg");
    }
    SAVE(g, SV_ENT_ASSESSMENT, &a);
    int64_t needs[3];
    static const char *const need_text[][2] = {{"norsk", "Norsk muntlig og skriftlig til nivå B1"},
                                               {"arbeid", "Arbeidserfaring fra norsk arbeidsliv i aktuell bransje"},
                                               {"samfunn", "Kunnskap om samfunn, rettigheter og plikter"}};
    for (int i = 0; i < 3; i++) {
        sv_need n;
        sv_entity_blank(&SV_ENT_NEED, &n);
        n.m.parent = p.m.id;
        strcpy(n.area, need_text[i][0]);
        snprintf(n.description, sizeof n.description, "%s", need_text[i][1]);
        SAVE(g, SV_ENT_NEED, &n);
        needs[i] = n.m.id;
    }
    if (stage == 1) return SV_OK;

    sv_plan pl;
    sv_entity_blank(&SV_ENT_PLAN, &pl);
    pl.m.parent = p.m.id;
    pl.start_on = a.assessed_on + 14;
    strcpy(pl.final_goal, man ? "arbeid" : chance(&g->r, 50) ? "arbeid" : "vgs");
    /* Length as the law allows it (integreringsloven §§ 13-14: 3-6 months with upper secondary
     * or higher; up to 3 years under 25 or aiming at upper secondary; else 2 years; the old law
     * 2 years). Fault 4 goes past the limit without a justified extension. */
    int integ = sv_participant_law(&p) == SV_LAW_INTEGRERING;
    int high = integ && (!strcmp(p.schooling, "vgs") || !strcmp(p.schooling, "hoyere"));
    int long_ok = integ && !high && (age < 25 || !strcmp(pl.final_goal, "vgs"));
    int months = high ? (fault == 4 ? 10 : 6) : fault == 4 ? (long_ok ? 40 : 30) : 24;
    pl.planned_end = sv_date_add_months(pl.start_on, months) - 1;
    snprintf(pl.final_goal_text, sizeof pl.final_goal_text, "%s", !strcmp(pl.final_goal, "arbeid")
             ? "Fast ansettelse som operatør i næringsmiddelindustrien" : "Fullført helsefagarbeider (vg2) som praksiskandidat");
    strcpy(pl.norwegian_goal, "B1");
    pl.social_hours = 75;
    pl.consulted_on = pl.start_on - 5;
    pl.interpreter_used = p.interpreter && fault != 5;
    /* Written from the participant's own assessment, as a supervisor expects: no two alike. */
    char consulted[11];
    sv_date_nor(pl.consulted_on, consulted);
    const char *first = strchr(p.name, ' ') ? p.name : "Deltakeren";
    int first_len = strchr(p.name, ' ') ? (int)(strchr(p.name, ' ') - p.name) : (int)strlen(first);
    if (fault == 3) snprintf(pl.justification, sizeof pl.justification, "%s", "Planen er tilpasset deltakeren.");
    else
        snprintf(pl.justification, sizeof pl.justification,
                 "%.*s har denne skolegangen: %s Arbeidserfaring: %s, i alt %d år. Snakker %s. %s trenger folk "
                 "(arbeidskraftbehov, steg 1). Norsk til B1 og %d uker praksis hos %s gir en realistisk vei mot målet: %s. "
                 "%s ønsker selv dette løpet (samråd %s).",
                 first_len, first, a.education, a.work_experience, 1 + pick(&g->r, 20), p.languages,
                 EMPLOYERS[pick(&g->r, DEMO_N(EMPLOYERS))], 8 + pick(&g->r, 40), EMPLOYERS[pick(&g->r, DEMO_N(EMPLOYERS))],
                 pl.final_goal_text, man ? "Han" : "Hun", consulted);
    SAVE(g, SV_ENT_PLAN, &pl);
    /* Three phases covering the programme; fault 2 leaves a gap, fault 6 under-full weeks. */
    sv_date bounds[4] = {pl.start_on, sv_date_add_months(pl.start_on, high ? 2 : 6),
                         sv_date_add_months(pl.start_on, high ? 4 : 14), pl.planned_end + 1};
    static const char *const phase_names[] = {"Norsk og samfunnskunnskap", "Språkpraksis og bransjenorsk", "Arbeidspraksis mot jobb"};
    for (int i = 0; i < 3; i++) {
        sv_phase ph;
        sv_entity_blank(&SV_ENT_PHASE, &ph);
        ph.m.parent = pl.m.id;
        snprintf(ph.name, sizeof ph.name, "%s", phase_names[i]);
        ph.start_on = bounds[i] + (fault == 2 && i == 2 ? 21 : 0);
        ph.end_on = bounds[i + 1] - 1;
        SAVE(g, SV_ENT_PHASE, &ph);
        int norsk = i == 0 ? 200 : i == 1 ? 150 : 75;
        if (add_measure(g, ph.m.id, 0, needs[0], norsk)) return g->e->code;
        if (i == 0 && add_measure(g, ph.m.id, 1, needs[2], 30)) return g->e->code;
        if (i == 0 && add_measure(g, ph.m.id, 2, needs[2], 20)) return g->e->code;
        int rest = 375 - norsk - (i == 0 ? 50 : 0) - (fault == 6 ? 100 : 0);
        int work = i == 0 ? 4 : i == 1 ? 4 : 5;
        if (i == 1 && add_measure(g, ph.m.id, 3, needs[0], 60)) return g->e->code;
        if (i == 1) rest -= 60;
        if (add_measure(g, ph.m.id, work, needs[1], rest)) return g->e->code;
    }
    if (stage == 2) return SV_OK;
    /* the integration contract, signed the day after the plan was made (integreringsloven § 16) */
    if (sv_participant_law(&p) == SV_LAW_INTEGRERING && pl.consulted_on + 1 <= g->today &&
        sv_contract_demo(g->st, p.m.id, pl.consulted_on + 1, g->e))
        return g->e->code;
    if (demo_issue_decision(g, p.m.id, pl.start_on - 3, fault)) return g->e->code;

    /* Follow-ups every two months, reviews every six (fault 7: reviews stopped). */
    /* nothing that has happened lies after today */
    sv_date end = stage == 4 && pl.planned_end < g->today ? pl.planned_end : g->today;
    for (sv_date t = sv_date_add_months(pl.start_on, 2); t < end; t = sv_date_add_months(t, 2)) {
        sv_followup f;
        sv_entity_blank(&SV_ENT_FOLLOWUP, &f);
        f.m.parent = p.m.id;
        f.held_on = t;
        static const char *const whom[] = {"deltaker", "arbeidsgiver", "skole", "nav"};
        strcpy(f.with_whom, whom[pick(&g->r, 4)]);
        snprintf(f.notes, sizeof f.notes, "Oppmøte %d %%. Progresjon i norsk som planlagt. Avtalt neste steg.", 80 + pick(&g->r, 21));
        f.next_on = sv_date_add_months(t, 2);
        SAVE(g, SV_ENT_FOLLOWUP, &f);
    }
    for (sv_date t = sv_date_add_months(pl.start_on, 6); t < end - (fault == 7 ? 400 : 0); t = sv_date_add_months(t, 6)) {
        sv_review rv;
        sv_entity_blank(&SV_ENT_REVIEW, &rv);
        rv.m.parent = p.m.id;
        rv.held_on = t;
        strcpy(rv.reason, "jevnlig");
        snprintf(rv.outcome, sizeof rv.outcome, "%s", "Planen fungerer; ingen vesentlige endringer.");
        SAVE(g, SV_ENT_REVIEW, &rv);
    }
    /* a generator of its own, so the rest of the demo stays what the seed made it before */
    unsigned long long ar = (g->r.s ^ 0xD1B54A32D192ED03ULL) * (unsigned long long)(p.m.id + 1) | 1;
    long rows = sv_demo_absence(g->st, p.m.id, g->today, g->absence_days, &ar, g->e);
    if (rows < 0) return g->e->code;
    g->absence_rows += rows;
    if (chance(&g->r, man ? 8 : 20)) {
        sv_absence ab;
        sv_entity_blank(&SV_ENT_ABSENCE, &ab);
        ab.m.parent = p.m.id;
        strcpy(ab.kind, "permisjon");
        strcpy(ab.reason, man ? "velferd" : "fodsel");
        ab.from_on = pl.start_on + 120;
        ab.to_on = ab.from_on + (man ? 5 : 27);
        ab.approved = 1;
        SAVE(g, SV_ENT_ABSENCE, &ab);
        /* the decision on the leave, as the law gives it (core/demo_leave.c) */
        if (sv_demo_leave(g->st, p.m.id, ab.reason, ab.from_on, pl.start_on, pl.planned_end, g->today, g->e) < 0)
            return g->e->code;
        /* a birth or a long leave is a change in life: the plan is reviewed within a month
         * (fault 7: reviews stopped) */
        if (fault != 7 && ab.from_on + 14 <= g->today && sv_fig_life_event(ab.kind, ab.reason, ab.from_on, ab.to_on)) {
            sv_review rv;
            sv_entity_blank(&SV_ENT_REVIEW, &rv);
            rv.m.parent = p.m.id;
            rv.held_on = ab.from_on + 14;
            strcpy(rv.reason, "endring");
            snprintf(rv.outcome, sizeof rv.outcome, "%s", "Planen tilpasset permisjonen; fasene forskyves.");
            SAVE(g, SV_ENT_REVIEW, &rv);
        }
    }
    if (stage == 4) {
        sv_evaluation ev;
        sv_entity_blank(&SV_ENT_EVALUATION, &ev);
        ev.m.parent = p.m.id;
        ev.evaluated_on = pl.planned_end < g->today ? pl.planned_end : g->today;
        static const char *const outcome[] = {"arbeid", "arbeid", "utdanning", "begge", "annet"};
        strcpy(ev.outcome, outcome[pick(&g->r, 5)]);
        strcpy(ev.end_reason, !strcmp(ev.outcome, "annet") ? "tid_brukt" : !strcmp(ev.outcome, "utdanning") ? "utdanning" : "arbeid");
        ev.handover_on = ev.evaluated_on + 7 <= g->today ? ev.evaluated_on + 7 : SV_NODATE;
        snprintf(ev.handover_note, sizeof ev.handover_note, "%s", "Overført til NAV-veileder med samtykke.");
        if (ev.evaluated_on + 365 < g->today) {
            static const char *const st1[] = {"arbeid", "arbeid", "utdanning", "annet", "begge"};
            strcpy(ev.status_1y, st1[pick(&g->r, 5)]);
            ev.status_1y_on = ev.evaluated_on + 365;
        }
        SAVE(g, SV_ENT_EVALUATION, &ev);
    }
    return SV_OK;
}

int sv_demo(sv_store *st, const sv_demo_opts *o, sv_demo_result *r, sv_err *e)
{
    memset(r, 0, sizeof *r);
    if (sv_user_count(st) == 0) {
        sv_user u = {0};
        snprintf(u.login, sizeof u.login, "%s", sv_login());
        strcpy(u.role, "administrator");
        if (sv_user_add(st, &u, e)) return e->code;
    }
    if (sv_store_authorize_all(st, SV_OP_ADMIN, e)) return e->code;
    gen g = {.st = st, .e = e, .today = sv_today(), .absence_days = o->absence_days};
    g.r.s = 0x9E3779B97F4A7C15ULL ^ (o->seed * 0xBF58476D1CE4E5B9ULL);
    if (!g.r.s) g.r.s = 1;
    for (int mi = 0; mi < o->municipalities; mi++) {
        int count = o->participants / o->municipalities + (mi < o->participants % o->municipalities);
        if (sv_store_begin(st, e)) return e->code;
        int created = 0;
        if (make_municipality(&g, mi, &created) || (created && make_steps_1_4(&g))) goto fail;
        if (!created) {
            sqlite3_stmt *s = sv_store_prepare(st, "SELECT id FROM measure WHERE municipality_id = ? ORDER BY id", e);
            if (!s) goto fail;
            sqlite3_bind_int64(s, 1, g.muni);
            for (int i = 0; i < DEMO_N(MEASURES) && sqlite3_step(s) == SQLITE_ROW; i++)
                g.measure_ids[i] = sqlite3_column_int64(s, 0);
            sqlite3_reset(s);
        }
        if (sv_store_commit(st, e)) return e->code;
        r->municipalities++;
        for (int i = 0; i < count; i++) {
            if (i % 250 == 0 && sv_store_begin(st, e)) return e->code;
            int roll = pick(&g.r, 100);
            int stage = roll < 8 ? 0 : roll < 16 ? 1 : roll < 28 ? 2 : roll < 78 ? 3 : 4;
            int fault = chance(&g.r, 20) ? 1 + pick(&g.r, 7) : 0;
            if (make_participant(&g, stage, fault)) goto fail;
            r->participants++;
            if ((i % 250 == 249 || i == count - 1) && sv_store_commit(st, e)) return e->code;
        }
    }
    r->decisions = g.decisions;
    r->absence_rows = g.absence_rows;
    return SV_OK;
fail:
    sv_store_rollback(st);
    return e->code;
}

int sv_demo_if_empty(sv_store *st, int *filled, sv_err *e)
{
    *filled = 0;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT count(*) FROM municipality", e);
    if (!s) return e->code;
    int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
    sqlite3_reset(s);
    if (n != 0) return SV_OK;
    sv_demo_opts o = {.participants = 300, .municipalities = 1, .seed = 1};
    sv_demo_result r;
    if (sv_demo(st, &o, &r, e)) return e->code;
    *filled = 1;
    return SV_OK;
}
