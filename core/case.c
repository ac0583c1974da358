/* Loading a whole case, and the facts derived from it: plan status, current step, deadlines. */
#include "case.h"

#include "absence.h"
#include "contract.h"

#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "decision.h"
#include "i18n.h"
#include "leave.h"
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
    if (c->has_plan) {
        int rc = sv_contract_for_rev(st, pid, c->plan.rev, &c->contract, e);
        c->has_contract = rc == SV_OK;
        if (rc != SV_OK && rc != SV_ENOTFOUND) goto fail;
    }
    if (load_list(st, &SV_ENT_FOLLOWUP, pid, &c->followups, &c->nfollowups, e)) goto fail;
    if (load_list(st, &SV_ENT_REVIEW, pid, &c->reviews, &c->nreviews, e)) goto fail;
    if (load_list(st, &SV_ENT_ABSENCE, pid, &c->absences, &c->nabsences, e)) goto fail;
    if (sv_leave_load(st, pid, &c->leaves, &c->nleaves, e)) goto fail;
    c->leave_periods = sv_xmalloc(sizeof *c->leave_periods * (size_t)(c->nleaves ? c->nleaves : 1));
    c->nleave_periods = sv_leave_periods(c->leaves, c->nleaves, c->leave_periods);
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
    free(c->leaves);
    free(c->leave_periods);
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
    if (!c->has_plan) return -1;
    return sv_fig_programme_months(c->plan.start_on, c->plan.planned_end, c->leave_periods, c->nleave_periods);
}

int sv_case_check_order(sv_store *st, const sv_entity *ent, const void *obj, sv_err *e)
{
    if (ent == &SV_ENT_ABSENCE_HOUR) return sv_abs_check(st, obj, e);
    if (ent == &SV_ENT_LEAVE) return sv_leave_check(st, obj, e);
    if (ent == &SV_ENT_CONTRACT) return sv_contract_check(st, obj, e);
    if (ent != &SV_ENT_EVALUATION) return SV_OK;
    const sv_evaluation *ev = obj;
    if (ev->evaluated_on == SV_NODATE) return SV_OK;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT start_on FROM plan WHERE participant_id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, ev->m.parent);
    sv_date start = SV_NODATE;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) &&
        sv_date_parse((const char *)sqlite3_column_text(s, 0), &start))
        start = SV_NODATE;
    sqlite3_reset(s);
    if (start != SV_NODATE && ev->evaluated_on < start) {
        char t[11];
        sv_date_nor(start, t);
        return sv_err_set(e, SV_EINVAL, "evaluated_on", _("Sluttevaluert: kan ikke være før programmet startet (%s)"), t);
    }
    return SV_OK;
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
        d->plan_due = sv_fig_plan_due(c->p.permit_on, c->p.settled_on, c->p.requested_on);
        consider(d, d->plan_due, _("Plan skal vedtas"));
    }
    if (last) {
        sv_date base = last->decided_on;
        for (int i = 0; i < c->nreviews; i++)
            if (c->reviews[i].held_on > base) base = c->reviews[i].held_on;
        d->review_due = sv_fig_review_due(base);
        /* a life event no review has followed calls for one within a month (figures.h) */
        for (int i = 0; i < c->nabsences; i++) {
            const sv_absence *a = &c->absences[i];
            if (!sv_fig_life_event(a->kind, a->reason, a->from_on, a->to_on)) continue;
            int reviewed = 0;
            for (int k = 0; k < c->nreviews && !reviewed; k++) reviewed = c->reviews[k].held_on >= a->from_on;
            sv_date due = sv_fig_event_review_due(a->from_on);
            if (!reviewed && due < d->review_due) d->review_due = due;
        }
        consider(d, d->review_due, _("Planen skal vurderes"));
        if (d->status == SV_PS_CHANGED) consider(d, today, _("Nytt vedtak etter endring"));
    }
    if (c->has_plan && c->plan.planned_end != SV_NODATE) {
        d->programme_end = c->plan.planned_end;
        consider(d, d->programme_end, _("Programmet slutter"));
    }
}

static int g_correction;

void sv_plan_mark_correction(void) { g_correction = 1; }

/* Fields whose wording may be corrected without changing what was decided. */
static int wording(const char *col)
{
    return !strcmp(col, "final_goal_text") || !strcmp(col, "justification") || !strcmp(col, "extension_reason");
}

int sv_plan_rev_step(sv_store *st, const sv_plan *p)
{
    int correction = g_correction;
    g_correction = 0;
    if (!correction || !p->m.id) return 1;
    sv_plan old;
    sv_err e;
    if (sv_row_load(st, &SV_ENT_PLAN, p->m.id, &old, &e)) return 1;
    for (int i = 0; i < SV_ENT_PLAN.nfields; i++) {
        const sv_field *f = &SV_ENT_PLAN.fields[i];
        char a[4200], b[4200];
        sv_field_format(f, &old, a, sizeof a, 1);
        sv_field_format(f, p, b, sizeof b, 1);
        if (strcmp(a, b) && !wording(f->col)) return 1;   /* significant, whatever the mark says */
    }
    return 0;
}

int sv_case_changes_since_decision(sv_store *st, const sv_case *c, sv_change_cb cb, void *ctx, sv_err *e)
{
    const sv_decision *last = sv_case_last_decision(c);
    if (!last || !c->has_plan) return SV_OK;
    sqlite3_stmt *s = sv_store_prepare(st,
        "SELECT a.at, a.login, a.tbl, a.action, ifnull((SELECT group_concat(n.key, ', ') FROM json_each(ifnull(a.new, a.old)) n"
        "  WHERE n.key NOT IN ('id', 'version', 'plan_id', 'phase_id', 'participant_id')"
        "  AND (a.old IS NULL OR a.new IS NULL OR json_extract(a.old, '$.' || n.key) IS NOT json_extract(a.new, '$.' || n.key))), '')"
        " FROM audit a WHERE a.id > ifnull((SELECT max(x.id) FROM audit x WHERE x.tbl = 'decision' AND x.row_id = ?3),"
        "  (SELECT ifnull(max(y.id), 0) FROM audit y WHERE y.at <= ?2)) AND ((a.tbl = 'plan' AND a.row_id = ?1)"
        "  OR (a.tbl = 'phase' AND json_extract(ifnull(a.new, a.old), '$.plan_id') = ?1)"
        "  OR (a.tbl = 'plan_measure' AND json_extract(ifnull(a.new, a.old), '$.phase_id') IN"
        "   (SELECT id FROM phase WHERE plan_id = ?1)))"
        " ORDER BY a.id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, c->plan.m.id);
    sqlite3_bind_text(s, 2, last->created_at, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, last->id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(s, 2);
        const char *what = !strcmp(t, "plan") ? _("plan") : !strcmp(t, "phase") ? _("tidsfase") : _("tiltak i fase");
        if (cb((const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1), what,
               (const char *)sqlite3_column_text(s, 3), (const char *)sqlite3_column_text(s, 4), ctx))
            break;
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}
