/* What the case screen lists for each step, and what each step still lacks before it is
 * complete, read from the loaded case (sv_case) and the municipality's steps 1-4. */
#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"
#include "casescr.h"
#include "../core/absence.h"
#include "../core/leave.h"

typedef struct {
    int n, changed;
} counter;

static int count_row(const void *obj, void *ctx)
{
    (void)obj;
    ((counter *)ctx)->n++;
    return 0;
}

static int count_measure(const void *obj, void *ctx)
{
    const sv_measure *m = obj;
    counter *c = ctx;
    c->n++;
    if (strcmp(m->status, "eksisterende") != 0) c->changed++;
    return 0;
}

static void add_missing(char *buf, size_t size, const char *what)
{
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s%s", n ? ", " : "", what);
}

void case_progress(case_screen *cs)
{
    const sv_case *c = &cs->c;
    int64_t muni = c->p.m.parent;
    sv_err e;
    sv_err_clear(&e);
    counter d = {0}, m = {0}, a = {0};
    sv_row_each(TUI.st, &SV_ENT_DEMAND, muni, count_row, &d, &e);
    sv_row_each(TUI.st, &SV_ENT_MEASURE, muni, count_measure, &m, &e);
    sv_row_each(TUI.st, &SV_ENT_AGREEMENT, muni, count_row, &a, &e);
    cs->muni_counts[1] = d.n;
    cs->muni_counts[2] = m.n;
    cs->muni_counts[3] = m.changed;
    cs->muni_counts[4] = a.n;
    memset(cs->missing, 0, sizeof cs->missing);
    for (int s = 1; s <= 4; s++) {
        cs->done[s] = cs->muni_counts[s] > 0;
        static const char *const what[] = {"", N_("arbeidskraftbehov"), N_("tiltak i katalogen"),
                                            N_("nye eller justerte tiltak"), N_("samarbeidsavtaler")};
        if (!cs->done[s]) add_missing(cs->missing[s], sizeof cs->missing[s], _(what[s]));
    }
    char *m5 = cs->missing[5];
    size_t z = sizeof cs->missing[5];
    if (!c->has_assessment) add_missing(m5, z, _("kartlegging"));
    if (!c->nneeds) add_missing(m5, z, _("opplæringsbehov"));
    if (!c->has_plan) add_missing(m5, z, _("plan"));
    else if (!c->nphases) add_missing(m5, z, _("tidsfaser"));
    else {
        int empty = 0;
        for (int i = 0; i < c->nphases; i++) empty += c->phases[i].nmeasures == 0;
        if (empty) add_missing(m5, z, _("tiltak i alle faser"));
    }
    if (!c->ndecisions) add_missing(m5, z, _("vedtak"));
    else if (cs->d.status == SV_PS_CHANGED) add_missing(m5, z, _("nytt vedtak etter endring av planen"));
    cs->done[5] = c->ndecisions > 0 && cs->d.status != SV_PS_CHANGED;
    if (!c->nfollowups) add_missing(cs->missing[6], sizeof cs->missing[6], _("oppfølging"));
    if (!c->nreviews) add_missing(cs->missing[6], sizeof cs->missing[6], _("vurdering av planen"));
    if (cs->d.review_due != SV_NODATE && cs->d.review_due < sv_today()) {
        char t[11], msg[64];
        sv_date_nor(cs->d.review_due, t);
        snprintf(msg, sizeof msg, _("vurdering forfalt %s"), t);
        add_missing(cs->missing[6], sizeof cs->missing[6], msg);
    }
    cs->done[6] = c->has_evaluation || (c->nfollowups && c->nreviews);
    if (!c->has_evaluation) add_missing(cs->missing[7], sizeof cs->missing[7], _("sluttevaluering"));
    else if (c->evaluation.handover_on == SV_NODATE)
        add_missing(cs->missing[7], sizeof cs->missing[7], _("overføring til NAV"));
    cs->done[7] = c->has_evaluation && c->evaluation.handover_on != SV_NODATE;
}

/* The label of a code field's value, translated: rows show labels, never stored codes. */
static const char *lab(const sv_entity *ent, const char *col, const char *code)
{
    const sv_field *f = sv_entity_field(ent, col);
    return f && f->codes && code[0] ? _(sv_code_label(f->codes, code)) : code;
}

void case_build_municipal(case_screen *cs)
{
    static const char *const what[] = {"", N_("Arbeidskraftbehov registrert"), N_("Tiltak i katalogen"),
                                       N_("Nye eller justerte tiltak"), N_("Samarbeidsavtaler")};
    char t[240];
    int s = cs->step;
    snprintf(t, sizeof t, _("Kommunens steg %d gjelder alle deltakere. Planen henter tiltak herfra."), s);
    case_add_item(cs, IT_TEXT, NULL, NULL, 0, 0, t);
    snprintf(t, sizeof t, "%s: %d", _(what[s]), cs->muni_counts[s]);
    case_add_item(cs, cs->muni_counts[s] ? IT_TEXT : IT_WARN, NULL, NULL, 0, 0, t);
    snprintf(t, sizeof t, _("Åpne kommunens steg %d (%s)"), s,
             s == 1 ? _("arbeidskraftbehov") : s == 4 ? _("avtaler") : _("katalogen"));
    case_add_item(cs, IT_MUNI, NULL, NULL, 0, 0, t);
    cs->cur = 2;
    if (s != 2 && s != 3) return;
    /* What this participant's plan takes from the catalogue. */
    const sv_case *c = &cs->c;
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Tiltak fra katalogen i denne planen"));
    int n = 0;
    for (int i = 0; i < c->nphases; i++)
        for (int k = 0; k < c->phases[i].nmeasures; k++, n++) {
            const sv_measure *m = &c->phases[i].measures[k].measure;
            snprintf(t, sizeof t, _("%.100s (%.20s) i fasen %.60s"), m->name,
                     sv_code_label(sv_entity_field(&SV_ENT_MEASURE, "status")->codes, m->status), c->phases[i].phase.name);
            case_add_item(cs, IT_TEXT, NULL, NULL, 0, 1, t);
        }
    if (!n) case_add_item(cs, IT_TEXT, NULL, NULL, 0, 1, _("ingen ennå"));
}

static void fmt_date(sv_date d, char *t)
{
    sv_date_nor(d, t);
    if (!t[0]) strcpy(t, "?");
}

void case_build_step5(case_screen *cs)
{
    const sv_case *c = &cs->c;
    char t[240], a[11], b[11];
    for (int m = 1; m <= 4; m++)
        if (!cs->done[m]) {
            snprintf(t, sizeof t, _("Kommunens steg %d er ikke ferdig (mangler %s): planen har mindre å velge fra."), m,
                     cs->missing[m]);
            case_add_item(cs, IT_WARN, NULL, NULL, 0, 0, t);
        }
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Deltaker og kartlegging"));
    fmt_date(c->p.settled_on, a);
    snprintf(t, sizeof t, _("Deltaker: %s, bosatt %s, %s"), c->p.name, a, sv_code_label(sv_entity_field(&SV_ENT_PARTICIPANT, "schooling")->codes, c->p.schooling));
    case_add_item(cs, IT_ROW, &SV_ENT_PARTICIPANT, &c->p, c->p.m.parent, 1, t);
    if (c->has_assessment) {
        fmt_date(c->assessment.assessed_on, a);
        snprintf(t, sizeof t, _("Kartlegging %s, norsknivå %s"), a, c->assessment.language_level);
        case_add_item(cs, IT_ROW, &SV_ENT_ASSESSMENT, &c->assessment, cs->pid, 1, t);
    } else {
        case_add_item(cs, IT_ADD, &SV_ENT_ASSESSMENT, NULL, cs->pid, 1, _("+ Registrer kartlegging"));
    }
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Opplæringsbehov"));
    for (int i = 0; i < c->nneeds; i++) {
        snprintf(t, sizeof t, "%s: %s", lab(&SV_ENT_NEED, "area", c->needs[i].area), c->needs[i].description);
        case_add_item(cs, IT_ROW, &SV_ENT_NEED, &c->needs[i], cs->pid, 1, t);
    }
    case_add_item(cs, IT_ADD, &SV_ENT_NEED, NULL, cs->pid, 1, _("+ Nytt opplæringsbehov"));
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Plan, tidsfaser og tiltak"));
    if (!c->has_plan) {
        case_add_item(cs, IT_ADD, &SV_ENT_PLAN, NULL, cs->pid, 1, _("+ Lag plan"));
    } else {
        fmt_date(c->plan.start_on, a);
        fmt_date(c->plan.planned_end, b);
        snprintf(t, sizeof t, _("Plan %s–%s, sluttmål %s, norskmål %s"), a, b, lab(&SV_ENT_PLAN, "final_goal", c->plan.final_goal), c->plan.norwegian_goal);
        case_add_item(cs, IT_ROW, &SV_ENT_PLAN, &c->plan, cs->pid, 1, t);
        for (int i = 0; i < c->nphases; i++) {
            const sv_case_phase *ph = &c->phases[i];
            int h = sv_phase_hours(ph);
            fmt_date(ph->phase.start_on, a);
            fmt_date(ph->phase.end_on, b);
            snprintf(t, sizeof t, _("Fase: %s %s–%s (%d,%d t/uke)"), ph->phase.name, a, b, h / 10, h % 10);
            case_add_item(cs, IT_ROW, &SV_ENT_PHASE, &ph->phase, c->plan.m.id, 2, t);
            for (int k = 0; k < ph->nmeasures; k++) {
                const sv_case_measure *cm = &ph->measures[k];
                snprintf(t, sizeof t, _("%.100s, %d,%d t/uke · behov: %.100s"), cm->measure.name, cm->pm.hours / 10,
                         cm->pm.hours % 10, cm->need.description[0] ? cm->need.description : _("ikke knyttet"));
                case_add_item(cs, IT_ROW, &SV_ENT_PLAN_MEASURE, &cm->pm, ph->phase.m.id, 3, t);
            }
            case_add_item(cs, IT_ADD, &SV_ENT_PLAN_MEASURE, NULL, ph->phase.m.id, 3, _("+ Tiltak i fasen"));
        }
        case_add_item(cs, IT_ADD, &SV_ENT_PHASE, NULL, c->plan.m.id, 2, _("+ Ny tidsfase"));
        /* the integration contract of the plan's version (integreringsloven § 16, core/contract.c) */
        if (sv_participant_law(&c->p) == SV_LAW_INTEGRERING) {
            if (c->has_contract) {
                fmt_date(c->contract.signed_participant, a);
                fmt_date(c->contract.signed_municipality, b);
                snprintf(t, sizeof t, _("Integreringskontrakt v. %d: deltakeren signerte %s, kommunen %s"),
                         c->contract.plan_rev, a, b);
                case_add_item(cs, IT_ROW, &SV_ENT_CONTRACT, &c->contract, cs->pid, 1, t);
            } else {
                case_add_item(cs, IT_ADD, &SV_ENT_CONTRACT, NULL, cs->pid, 1,
                              _("+ Integreringskontrakt for denne planversjonen (integreringsloven § 16)"));
            }
        }
    }
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Vedtak"));
    const sv_decision *last = sv_case_last_decision(c);
    if (last) {
        fmt_date(last->decided_on, a);
        snprintf(t, sizeof t, 
                 _n("%d vedtak, siste %s (%s). Plan: %s. Enter: vedtaksbildet",
                    "%d vedtak, siste %s (%s). Plan: %s. Enter: vedtaksbildet", c->ndecisions), c->ndecisions, a,
                 sv_code_label(SV_CODES_DECISION_KIND, last->kind), sv_plan_status_label(cs->d.status));
    } else {
        snprintf(t, sizeof t, "%s", _("Ingen vedtak ennå. Enter: forhåndsvis, kontroller og fatt vedtak"));
    }
    case_add_item(cs, IT_DECISION, NULL, NULL, 0, 1, t);
}

void case_build_step6(case_screen *cs)
{
    const sv_case *c = &cs->c;
    char t[240], a[11];
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Oppfølging"));
    for (int i = 0; i < c->nfollowups; i++) {
        const sv_followup *f = &c->followups[i];
        fmt_date(f->held_on, a);
        snprintf(t, sizeof t, _("%s med %s: %.150s"), a, lab(&SV_ENT_FOLLOWUP, "with_whom", f->with_whom), f->notes);
        case_add_item(cs, IT_ROW, &SV_ENT_FOLLOWUP, f, cs->pid, 1, t);
    }
    case_add_item(cs, IT_ADD, &SV_ENT_FOLLOWUP, NULL, cs->pid, 1, _("+ Ny oppfølging"));
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Vurderinger av planen"));
    for (int i = 0; i < c->nreviews; i++) {
        const sv_review *r = &c->reviews[i];
        fmt_date(r->held_on, a);
        snprintf(t, sizeof t, "%s %s%s: %.150s", a, lab(&SV_ENT_REVIEW, "reason", r->reason), r->plan_changed ? _(" (planen endres)") : "", r->outcome);
        case_add_item(cs, IT_ROW, &SV_ENT_REVIEW, r, cs->pid, 1, t);
    }
    case_add_item(cs, IT_ADD, &SV_ENT_REVIEW, NULL, cs->pid, 1, _("+ Ny vurdering"));
    /* leave decisions (core/leave.c): one line each, and what granted leave does to the programme */
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Permisjonsvedtak"));
    for (int i = 0; i < c->nleaves; i++) {
        sv_leave_line(&c->leaves[i], t, sizeof t);
        case_add_item(cs, IT_ROW, &SV_ENT_LEAVE, &c->leaves[i], cs->pid, 1, t);
    }
    if (c->nleaves) {
        sv_err e;
        if (sv_leave_effect_line(TUI.st, cs->pid, t, sizeof t, &e) == SV_OK && t[0]) {
            /* the programme's months, then what leave prolongs it by: two rows fit the panel */
            char *rest = strstr(t, "; ");
            if (rest) *rest = '\0';
            case_add_item(cs, IT_TEXT, NULL, NULL, 0, 1, t);
            if (rest) case_add_item(cs, IT_TEXT, NULL, NULL, 0, 2, rest + 2);
        }
    }
    case_add_item(cs, IT_ADD, &SV_ENT_LEAVE, NULL, cs->pid, 1, _("+ Ny permisjonssøknad (vedtak)"));
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Permisjon og fravær"));
    for (int i = 0; i < c->nabsences; i++) {
        const sv_absence *ab = &c->absences[i];
        char b[11];
        fmt_date(ab->from_on, a);
        fmt_date(ab->to_on, b);
        snprintf(t, sizeof t, "%s %s–%s (%s)%s", lab(&SV_ENT_ABSENCE, "kind", ab->kind), a, b, lab(&SV_ENT_ABSENCE, "reason", ab->reason), ab->approved ? _(", godkjent") : "");
        case_add_item(cs, IT_ROW, &SV_ENT_ABSENCE, ab, cs->pid, 1, t);
    }
    case_add_item(cs, IT_ADD, &SV_ENT_ABSENCE, NULL, cs->pid, 1, _("+ Ny permisjon eller nytt fravær"));
    {
        /* absence by the hour: this month, and a decision due on unapproved absence (core/absence.c) */
        char month[300], due[400];
        sv_err e;
        if (sv_abs_case_lines(TUI.st, cs->pid, sv_today(), month, sizeof month, due, sizeof due, &e) == SV_OK) {
            if (month[0]) case_add_item(cs, IT_TEXT, NULL, NULL, 0, 1, month);
            if (due[0]) case_add_item(cs, IT_WARN, NULL, NULL, 0, 1, due);
        }
    }
    if (cs->d.status == SV_PS_CHANGED)
        case_add_item(cs, IT_DECISION, NULL, NULL, 0, 0, _("Planen er endret etter vedtaket: fatt nytt vedtak (Enter)"));
}

void case_build_step7(case_screen *cs)
{
    const sv_case *c = &cs->c;
    char t[240], a[11];
    case_add_item(cs, IT_HEAD, NULL, NULL, 0, 0, _("Sluttevaluering og overføring"));
    if (c->has_evaluation) {
        fmt_date(c->evaluation.evaluated_on, a);
        snprintf(t, sizeof t, _("Sluttevaluert %s: %s (%s)"), a, lab(&SV_ENT_EVALUATION, "outcome", c->evaluation.outcome), lab(&SV_ENT_EVALUATION, "end_reason", c->evaluation.end_reason));
        case_add_item(cs, IT_ROW, &SV_ENT_EVALUATION, &c->evaluation, cs->pid, 1, t);
    } else {
        case_add_item(cs, IT_ADD, &SV_ENT_EVALUATION, NULL, cs->pid, 1, _("+ Registrer sluttevaluering"));
    }
}
