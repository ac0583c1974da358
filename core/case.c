/* Loading a whole case, and the facts derived from it: plan status, current step, deadlines. */
#include "case.h"

#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "decision.h"
#include "i18n.h"
#include "nir.h"

typedef struct {
    void **arr;
    int *n;
    size_t size;
} grow;

static int push(const void *obj, void *ctx)
{
    grow *g = ctx;
    *g->arr = sv_xrealloc(*g->arr, g->size * (size_t)(*g->n + 1));
    memcpy((char *)*g->arr + g->size * (size_t)*g->n, obj, g->size);
    (*g->n)++;
    return 0;
}

static int push_decision(const sv_decision *d, void *ctx)
{
    return push(d, ctx);
}

static int load_list(sv_store *st, const sv_entity *ent, int64_t parent, void *arrp, int *n, sv_err *e)
{
    grow g = {arrp, n, ent->size};
    return sv_row_each(st, ent, parent, push, &g, e);
}

static int load_opt(sv_store *st, const sv_entity *ent, int64_t parent, void *obj, int *has, sv_err *e)
{
    sv_err tmp;
    int rc = sv_row_load_child(st, ent, parent, obj, &tmp);
    *has = rc == SV_OK;
    if (rc == SV_OK || rc == SV_ENOTFOUND) return SV_OK;
    *e = tmp;
    return rc;
}

int sv_case_load_parts(sv_store *st, int64_t pid, int whole, sv_case *c, sv_err *e)
{
    memset(c, 0, sizeof *c);
    c->nir_next = SV_NODATE;
    if (sv_row_load(st, &SV_ENT_PARTICIPANT, pid, &c->p, e)) return e->code;
    if (sv_store_authorize(st, SV_OP_READ, c->p.m.parent, e)) return e->code;
    if (!whole) {   /* what sv_case_derive and the checklist's history checks read */
        if (load_opt(st, &SV_ENT_PLAN, pid, &c->plan, &c->has_plan, e) ||
            load_opt(st, &SV_ENT_EVALUATION, pid, &c->evaluation, &c->has_evaluation, e) ||
            load_list(st, &SV_ENT_REVIEW, pid, &c->reviews, &c->nreviews, e))
            goto fail;
        goto decisions;
    }
    if (sv_row_load(st, &SV_ENT_MUNICIPALITY, c->p.m.parent, &c->muni, e)) goto fail;
    if (load_list(st, &SV_ENT_UNIT, c->muni.m.id, &c->units, &c->nunits, e)) goto fail;
    if (load_opt(st, &SV_ENT_ASSESSMENT, pid, &c->assessment, &c->has_assessment, e)) goto fail;
    if (load_list(st, &SV_ENT_NEED, pid, &c->needs, &c->nneeds, e)) goto fail;
    if (load_opt(st, &SV_ENT_PLAN, pid, &c->plan, &c->has_plan, e)) goto fail;
    if (c->has_plan) {
        sv_phase *ph = NULL;
        int n = 0;
        if (load_list(st, &SV_ENT_PHASE, c->plan.m.id, &ph, &n, e)) { free(ph); goto fail; }
        c->phases = sv_xcalloc((size_t)(n ? n : 1), sizeof *c->phases);
        c->nphases = n;
        for (int i = 0; i < n; i++) {
            sv_case_phase *cp = &c->phases[i];
            cp->phase = ph[i];
            sv_plan_measure *pm = NULL;
            int k = 0;
            if (load_list(st, &SV_ENT_PLAN_MEASURE, ph[i].m.id, &pm, &k, e)) { free(pm); free(ph); goto fail; }
            cp->measures = sv_xcalloc((size_t)(k ? k : 1), sizeof *cp->measures);
            cp->nmeasures = k;
            for (int j = 0; j < k; j++) {
                sv_case_measure *cm = &cp->measures[j];
                sv_err ignore;
                cm->pm = pm[j];
                sv_entity_blank(&SV_ENT_MEASURE, &cm->measure);
                sv_entity_blank(&SV_ENT_NEED, &cm->need);
                if (pm[j].measure_id) sv_row_load(st, &SV_ENT_MEASURE, pm[j].measure_id, &cm->measure, &ignore);
                if (pm[j].need_id) sv_row_load(st, &SV_ENT_NEED, pm[j].need_id, &cm->need, &ignore);
            }
            free(pm);
        }
        free(ph);
    }
    if (load_list(st, &SV_ENT_FOLLOWUP, pid, &c->followups, &c->nfollowups, e)) goto fail;
    if (load_list(st, &SV_ENT_REVIEW, pid, &c->reviews, &c->nreviews, e)) goto fail;
    if (load_list(st, &SV_ENT_ABSENCE, pid, &c->absences, &c->nabsences, e)) goto fail;
    if (load_opt(st, &SV_ENT_EVALUATION, pid, &c->evaluation, &c->has_evaluation, e)) goto fail;
    c->nir_next = sv_nir_next_due(st, pid, sv_today());
decisions:;
    grow g = {(void **)&c->decisions, &c->ndecisions, sizeof(sv_decision)};
    if (sv_decision_each(st, pid, push_decision, &g, e)) goto fail;
    return SV_OK;
fail:
    sv_case_free(c);
    return e->code;
}

int sv_case_load(sv_store *st, int64_t pid, sv_case *c, sv_err *e)
{
    return sv_case_load_parts(st, pid, 1, c, e);
}

void sv_case_free(sv_case *c)
{
    for (int i = 0; i < c->nphases; i++) free(c->phases[i].measures);
    free(c->phases);
    free(c->needs);
    free(c->followups);
    free(c->reviews);
    free(c->absences);
    free(c->decisions);
    free(c->units);
    memset(c, 0, sizeof *c);
}

const char *sv_plan_status_label(sv_plan_status s)
{
    switch (s) {
    case SV_PS_NONE: return _("Ingen plan");
    case SV_PS_DRAFT: return _("Utkast");
    case SV_PS_DECIDED: return _("Vedtatt");
    case SV_PS_CHANGED: return _("Endret etter vedtak");
    }
    return "?";
}

int sv_phase_hours(const sv_case_phase *ph)
{
    int h = 0;
    for (int i = 0; i < ph->nmeasures; i++) h += ph->measures[i].pm.hours;
    return h;
}

int sv_case_months(const sv_case *c)
{
    if (!c->has_plan || c->plan.start_on == SV_NODATE || c->plan.planned_end == SV_NODATE) return -1;
    return sv_date_months_between(c->plan.start_on, c->plan.planned_end + 1);
}

const sv_decision *sv_case_last_decision(const sv_case *c)
{
    return c->ndecisions ? &c->decisions[c->ndecisions - 1] : NULL;
}

static void consider(sv_deadlines *d, sv_date when, const char *label)
{
    if (when == SV_NODATE) return;
    if (d->next == SV_NODATE || when < d->next) {
        d->next = when;
        d->next_label = label;
    }
}

void sv_case_derive(const sv_case *c, sv_date today, sv_deadlines *d)
{
    (void)today;
    memset(d, 0, sizeof *d);
    d->plan_due = d->review_due = d->programme_end = d->next = SV_NODATE;
    d->next_label = "";
    const sv_decision *last = sv_case_last_decision(c);
    if (!c->has_plan) d->status = SV_PS_NONE;
    else if (!last) d->status = SV_PS_DRAFT;
    else d->status = last->plan_rev == c->plan.rev ? SV_PS_DECIDED : SV_PS_CHANGED;
    d->step = c->has_evaluation ? 7 : last ? 6 : 5;
    /* NIR: each event has its own deadline, open until registered (also after the ending,
     * whose reason must reach NIR too). */
    d->nir_due = c->nir_next;
    consider(d, d->nir_due, _("Registrering i NIR"));
    if (c->has_evaluation) return;
    if (!last && c->p.settled_on != SV_NODATE) {
        d->plan_due = sv_date_add_months(c->p.settled_on, 3);
        consider(d, d->plan_due, _("Plan skal vedtas"));
    }
    if (last) {
        sv_date base = last->decided_on;
        for (int i = 0; i < c->nreviews; i++)
            if (c->reviews[i].held_on > base) base = c->reviews[i].held_on;
        d->review_due = sv_date_add_months(base, SV_REVIEW_MONTHS);
        consider(d, d->review_due, _("Planen skal vurderes"));
        if (d->status == SV_PS_CHANGED) consider(d, today, _("Nytt vedtak etter endring"));
    }
    if (c->has_plan && c->plan.planned_end != SV_NODATE) {
        d->programme_end = c->plan.planned_end;
        consider(d, d->programme_end, _("Programmet slutter"));
    }
}
