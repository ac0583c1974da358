/* Runs the checklist. Each case is loaded once; its last decision is read back from the store
 * exactly as issued and checked by the rule set of its law, then the history checks are added
 * under the control question they belong to (K1 deadline and notification, K4, K5). */
#include "checklist.h"

#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "absence.h"
#include "case.h"
#include "checklist_scan.h"
#include "decision.h"
#include "rules.h"
#include "split.h"
#include "vedtak.h"
#include "verdict.h"
#include "verdict_current.h"
#include "i18n.h"

/* History checks: id, control question, and the law's question text comes from the rule set. */
static const struct { const char *id, *control; } HISTORY[] = {
    {"H-PLANFRIST", "K1"}, {"H-UNDERRETNING", "K1"}, {"H-VURDERING", "K4"}, {"H-ENDRET", "K5"},
    {"H-LIVSHENDELSE", "K4"}, {"H-FRAVAER-TREKK", "K5"}};
enum { H_DEADLINE, H_NOTIFIED, H_REVIEW, H_CHANGED, H_EVENT, H_ABSENCE, H_N };

static sv_check_item *item(sv_checklist *cl, const sv_ruleset *rs, const char *control)
{
    int l = cl->last_item;
    if (l < cl->nitems && !strcmp(cl->items[l].control, control) && !strcmp(cl->items[l].law, rs->law)) return &cl->items[l];
    for (int i = 0; i < cl->nitems; i++)
        if (!strcmp(cl->items[i].law, rs->law) && !strcmp(cl->items[i].control, control)) return &cl->items[cl->last_item = i];
    cl->last_item = cl->nitems;
    cl->items = sv_xrealloc(cl->items, sizeof *cl->items * (size_t)(cl->nitems + 1));
    sv_check_item *it = &cl->items[cl->nitems++];
    memset(it, 0, sizeof *it);
    snprintf(it->law, sizeof it->law, "%s", rs->law);
    snprintf(it->control, sizeof it->control, "%s", control);
    const char *q = sv_ruleset_question(rs, control, sv_i18n_ui() == SV_NN);
    if (q) snprintf(it->question, sizeof it->question, "%s", q);
    return it;
}

static void count_rule(sv_check_item *it, const char *id)
{
    for (int i = 0; i < it->nrules; i++)
        if (!strcmp(it->rules[i].id, id)) {
            it->rules[i].violations++;
            return;
        }
    it->rules = sv_xrealloc(it->rules, sizeof *it->rules * (size_t)(it->nrules + 1));
    snprintf(it->rules[it->nrules].id, sizeof it->rules[0].id, "%s", id);
    it->rules[it->nrules++].violations = 1;
}

static int check_case_view(sv_store *st, sv_checklist *cl, const sv_case *c, char *const *verdicts, sv_date today,
                           sv_err *e);

/* Per case and control question: applied / violated / remark, merged over its rules. */
typedef struct {
    sv_check_item *it;
    int applied, violated, remark;
} mark;

static mark *mark_for(mark *m, int *n, sv_check_item *it)
{
    for (int i = 0; i < *n; i++)
        if (m[i].it == it) return &m[i];
    m[*n] = (mark){it, 0, 0, 0};
    return &m[(*n)++];
}

/* The case as it stood on day: decisions and reviews recorded for later days, and an
 * evaluation held later, are not part of it. view borrows c's arrays; free only view_reviews. */
static void as_of_view(const sv_case *c, sv_date day, sv_case *view, sv_review **view_reviews)
{
    *view = *c;
    view->ndecisions = 0;
    while (view->ndecisions < c->ndecisions && c->decisions[view->ndecisions].decided_on <= day) view->ndecisions++;
    *view_reviews = sv_xcalloc((size_t)c->nreviews + 1, sizeof **view_reviews);
    view->reviews = *view_reviews;
    view->nreviews = 0;
    for (int i = 0; i < c->nreviews; i++)
        if (c->reviews[i].held_on != SV_NODATE && c->reviews[i].held_on <= day) view->reviews[view->nreviews++] = c->reviews[i];
    view->has_evaluation = c->has_evaluation && c->evaluation.evaluated_on != SV_NODATE && c->evaluation.evaluated_on <= day;
    view->nabsences = 0;
    while (view->nabsences < c->nabsences && c->absences[view->nabsences].from_on != SV_NODATE &&
           c->absences[view->nabsences].from_on <= day)
        view->nabsences++;
}

static int check_case(sv_store *st, sv_checklist *cl, const sv_case *whole, char *const *verdicts, const int *recorded,
                      sv_date today, sv_err *e)
{
    sv_case view;
    sv_review *view_reviews;
    as_of_view(whole, today, &view, &view_reviews);
    cl->recorded = recorded;
    int rc = check_case_view(st, cl, &view, verdicts, today, e);
    free(view_reviews);
    return rc;
}

/* The verdict on one issued decision as of today: the one stored beside it when it belongs to
 * the rule set in force for it and the day is not before its notification (the only evidence
 * in a stored document that the as-of day can take away); otherwise the document is read back
 * exactly as issued and checked again. *res is allocated; the caller frees it. */
static int decision_verdict(sv_store *st, const sv_decision *d, const char *stored, int recorded, sv_date today,
                            const sv_ruleset **rs, sv_rule_result **res, sv_err *e)
{
    sv_err ignore;
    const sv_ruleset *mine = sv_rules_for(d->law, d->decided_on, &ignore);
    if (mine && stored && !recorded && (d->notified_on == SV_NODATE || d->notified_on <= today)) {
        *res = sv_xcalloc((size_t)mine->nrules + 1, sizeof **res);
        if (sv_verdict_decode(mine, stored, *res) == 0) {
            *rs = mine;
            return SV_OK;
        }
        free(*res);
    }
    *res = NULL;
    char *xml = sv_decision_xml(st, d->id, e);
    if (!xml) return e->code;
    char name[64];
    snprintf(name, sizeof name, "vedtak nr. %lld", (long long)d->id);
    xmlDocPtr doc = sv_vedtak_parse_stored(xml, strlen(xml), name, e);
    free(xml);
    if (!doc) return e->code;
    /* the notification recorded after the decision is evidence of it */
    if (recorded) sv_vedtak_set_notice(doc, d->notified_on, d->notify_method);
    sv_verdict vd;
    int rc = sv_vedtak_check(doc, today, &vd, e);
    xmlFreeDoc(doc);
    if (rc) return rc;
    *rs = vd.rs;
    *res = vd.results;
    return SV_OK;
}

static int check_case_view(sv_store *st, sv_checklist *cl, const sv_case *c, char *const *verdicts, sv_date today,
                           sv_err *e)
{
    const char *law = sv_law_code(sv_participant_law(&c->p));
    const sv_decision *last = sv_case_last_decision(c);
    const sv_ruleset *rs = sv_rules_for(last ? last->law : law, last ? last->decided_on : today, e);
    if (!rs) return e->code;
    mark marks[64];
    int nm = 0;
    /* Make sure every control question of the law has a row even when nothing applies. */
    for (int i = 0; i < rs->ncontrols; i++) item(cl, rs, rs->controls[i].id);
    /* Every decision on record that day, not only the last: a breach in an earlier decision
     * stays a breach for its period. */
    for (int k = 0; k < c->ndecisions; k++) {
        const sv_ruleset *drs = NULL;
        sv_rule_result *res = NULL;
        if (decision_verdict(st, &c->decisions[k], verdicts ? verdicts[k] : NULL, cl->recorded ? cl->recorded[k] : 0, today,
                             &drs, &res, e))
            return e->code;
        if (k == c->ndecisions - 1) rs = drs;
        cl->decisions++;
        for (int i = 0; i < drs->nrules && nm < 64; i++) {
            if (res[i].outcome == SV_R_NA) continue;
            sv_check_item *it = item(cl, drs, res[i].rule->control);
            mark *m = mark_for(marks, &nm, it);
            m->applied = 1;
            if (res[i].outcome == SV_R_VIOLATION) {
                m->violated = 1;
                count_rule(it, res[i].rule->id);   /* per decision that breaks it */
            } else if (res[i].outcome == SV_R_REMARK) {
                m->remark = 1;
            }
        }
        free(res);
    }
    /* The justification, for finding the same one given to several participants (K2). */
    if (c->ndecisions && c->has_plan) {
        unsigned long long h = sv_text_fingerprint(c->plan.justification, c->p.name);
        if (h) {
            cl->prints = sv_xrealloc(cl->prints, sizeof *cl->prints * (size_t)(cl->nprints + 1));
            sv_check_print *pr = &cl->prints[cl->nprints++];
            pr->hash = h;
            pr->case_id = c->p.m.id;
            snprintf(pr->law, sizeof pr->law, "%s", rs->law);
        }
    }
    /* History: what no single document shows. */
    sv_deadlines d;
    sv_case_derive(c, today, &d);
    int hist[H_N][2] = {{0}};   /* applies, violated */
    if (!last && c->p.settled_on != SV_NODATE && !c->has_evaluation) {
        hist[H_DEADLINE][0] = 1;
        hist[H_DEADLINE][1] = sv_fig_plan_due(c->p.permit_on, c->p.settled_on, c->p.requested_on) < today;
    }
    if (last) {
        hist[H_NOTIFIED][0] = 1;
        hist[H_NOTIFIED][1] = last->notified_on == SV_NODATE || last->notified_on > today || !last->notify_method[0];
        hist[H_CHANGED][0] = c->has_plan;
        hist[H_CHANGED][1] = d.status == SV_PS_CHANGED;
        /* only a programme running on the day is due for review */
        int running = c->has_plan && c->plan.start_on != SV_NODATE && c->plan.start_on <= today &&
                      (c->plan.planned_end == SV_NODATE || c->plan.planned_end >= today);
        if (!c->has_evaluation && running) {
            hist[H_REVIEW][0] = 1;
            hist[H_REVIEW][1] = d.review_due != SV_NODATE && d.review_due < today;
            /* unapproved absence of half a payment period or more is a cut that must be decided
             * (core/absence.c, templates/fravaer.txt) */
            sv_abs_month due;
            sv_err ae;
            hist[H_ABSENCE][0] = 1;
            hist[H_ABSENCE][1] = sv_abs_maybe_due(st, c->p.m.id, today) &&
                                 sv_abs_decision_due(st, c->p.m.id, today, &due, &ae) == 1;
        }
    }
    /* Every life event on record while the programme ran calls for a review within a month;
     * one that did not get it stays a breach, whatever came later. */
    for (int i = 0; last && i < c->nabsences; i++) {
        const sv_absence *a = &c->absences[i];
        if (!sv_fig_life_event(a->kind, a->reason, a->from_on, a->to_on)) continue;
        if (!c->has_plan || c->plan.start_on == SV_NODATE || a->from_on < c->plan.start_on ||
            (c->plan.planned_end != SV_NODATE && a->from_on > c->plan.planned_end) || c->decisions[0].decided_on > a->from_on)
            continue;
        sv_date due = sv_fig_event_review_due(a->from_on);
        if (due >= today) continue;
        int reviewed = 0;
        for (int k = 0; k < c->nreviews && !reviewed; k++)
            reviewed = c->reviews[k].held_on >= a->from_on && c->reviews[k].held_on <= due;
        hist[H_EVENT][0] = 1;
        hist[H_EVENT][1] |= !reviewed;
    }
    for (int h = 0; h < H_N && nm < 64; h++) {
        if (!hist[h][0]) continue;
        sv_check_item *it = item(cl, rs, HISTORY[h].control);
        mark *m = mark_for(marks, &nm, it);
        m->applied = 1;
        if (hist[h][1]) {
            m->violated = 1;
            count_rule(it, HISTORY[h].id);
        }
    }
    for (int i = 0; i < nm; i++) {
        sv_check_item *it = marks[i].it;
        if (!marks[i].applied) continue;
        it->checked++;
        if (marks[i].remark && !marks[i].violated) it->remarks++;
        if (!marks[i].violated) continue;
        it->violations++;
        it->cases = sv_xrealloc(it->cases, sizeof *it->cases * (size_t)(it->ncases + 1));
        it->cases[it->ncases++] = c->p.m.id;
    }
    return SV_OK;
}

static int by_control(const void *a, const void *b)
{
    const sv_check_item *x = a, *y = b;
    int c = strcmp(x->law, y->law);
    return c ? c : strcmp(x->control, y->control);
}

typedef struct {
    sv_store *st;
    sv_checklist *out;
    sv_date today;
} range_ctx;

static int scanned(sv_scan_case *sc, void *ctx, sv_err *e)
{
    range_ctx *r = ctx;
    int rc = check_case(r->st, r->out, &sc->c, sc->verdicts, sc->recorded, r->today, e);
    if (rc == SV_OK) r->out->cases++;
    return rc;
}

/* Checks the cases ids[from..to) of municipality muni (0: all) into out. */
static int check_range(sv_store *st, int64_t muni, const int64_t *ids, int from, int to, sv_date today,
                       sv_checklist *out, sv_err *e)
{
    if (from >= to) return SV_OK;
    range_ctx r = {st, out, today};
    return sv_checklist_scan(st, muni, ids[from], ids[to - 1], scanned, &r, e);
}

/* A worker's result travels to the parent as a flat stream: counts, then per item its fixed
 * fields, its case ids and its rule counts. */
static int send_list(int fd, const sv_checklist *cl)
{
    int head[4] = {cl->nitems, cl->cases, cl->decisions, cl->nprints};
    if (sv_write_all(fd, head, sizeof head)) return -1;
    if (sv_write_all(fd, cl->prints, sizeof *cl->prints * (size_t)cl->nprints)) return -1;
    for (int i = 0; i < cl->nitems; i++) {
        const sv_check_item *it = &cl->items[i];
        if (sv_write_all(fd, it, sizeof *it) ||
            sv_write_all(fd, it->cases, sizeof *it->cases * (size_t)it->ncases) ||
            sv_write_all(fd, it->rules, sizeof *it->rules * (size_t)it->nrules))
            return -1;
    }
    return 0;
}

/* Adds a worker's stream to out; case ids stay in order because workers take consecutive
 * ranges and are merged in range order. */
static int merge_list(int fd, sv_checklist *out)
{
    int head[4];
    if (sv_read_all(fd, head, sizeof head)) return -1;
    out->cases += head[1];
    out->decisions += head[2];
    out->prints = sv_xrealloc(out->prints, sizeof *out->prints * (size_t)(out->nprints + head[3] + 1));
    if (sv_read_all(fd, out->prints + out->nprints, sizeof *out->prints * (size_t)head[3])) return -1;
    out->nprints += head[3];
    for (int i = 0; i < head[0]; i++) {
        sv_check_item in;
        if (sv_read_all(fd, &in, sizeof in)) return -1;
        int64_t *cases = sv_xcalloc((size_t)in.ncases + 1, sizeof *cases);
        sv_check_rule *rules = sv_xcalloc((size_t)in.nrules + 1, sizeof *rules);
        if (sv_read_all(fd, cases, sizeof *cases * (size_t)in.ncases) ||
            sv_read_all(fd, rules, sizeof *rules * (size_t)in.nrules)) {
            free(cases);
            free(rules);
            return -1;
        }
        sv_check_item *it = NULL;
        for (int k = 0; k < out->nitems && !it; k++)
            if (!strcmp(out->items[k].law, in.law) && !strcmp(out->items[k].control, in.control)) it = &out->items[k];
        if (!it) {
            out->items = sv_xrealloc(out->items, sizeof *out->items * (size_t)(out->nitems + 1));
            it = &out->items[out->nitems++];
            *it = in;
            it->cases = NULL;
            it->ncases = 0;
            it->rules = NULL;
            it->nrules = 0;
            it->checked = it->violations = it->remarks = 0;
        }
        it->checked += in.checked;
        it->violations += in.violations;
        it->remarks += in.remarks;
        it->cases = sv_xrealloc(it->cases, sizeof *it->cases * (size_t)(it->ncases + in.ncases + 1));
        memcpy(it->cases + it->ncases, cases, sizeof *cases * (size_t)in.ncases);
        it->ncases += in.ncases;
        for (int r = 0; r < in.nrules; r++) {
            for (int j = 0; j < rules[r].violations; j++) count_rule(it, rules[r].id);
        }
        free(cases);
        free(rules);
    }
    return 0;
}

/* With many cases and more than one core, the second half runs in a child process with its own
 * connection to the database and its result is merged in. The parent keeps the first half. */
static int check_parallel(sv_store *st, int64_t muni, const int64_t *ids, int n, sv_date today, sv_checklist *out,
                          sv_err *e)
{
    sv_split sp;
    /* reading stored verdicts is cheap: a second process pays off only for very many cases */
    const char *min = getenv("STEGVIS_SPLIT_MIN");   /* tests make small runs split */
    int where = sv_split_begin(n, min && atoi(min) > 0 ? atoi(min) : 20000, &sp);
    if (where < 0) return check_range(st, muni, ids, 0, n, today, out, e);
    if (where == 0) {
        sv_store *mine = NULL;
        sv_err ce;
        sv_checklist part = {0};
        int ok = sv_store_open(sv_store_path(st), 0, &mine, &ce) == SV_OK && sv_store_read_begin(mine, &ce) == SV_OK &&
                 check_range(mine, muni, ids, sp.half, n, today, &part, &ce) == SV_OK && send_list(sp.fd, &part) == 0;
        sv_split_exit(&sp, !ok);
    }
    int rc = check_range(st, muni, ids, 0, sp.half, today, out, e);
    int merged = rc == SV_OK ? merge_list(sp.fd, out) : -1;
    int child = sv_split_wait(&sp);
    if (rc) return rc;
    if (merged || child)
        return sv_err_set(e, SV_EDB, NULL, _("Sjekklisten kunne ikke fullføres for alle saker (en delprosess feilet); prøv igjen."));
    return SV_OK;
}

static int by_print(const void *a, const void *b)
{
    const sv_check_print *x = a, *y = b;
    if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
    return x->case_id < y->case_id ? -1 : x->case_id > y->case_id;
}

/* Marks case id under item it (ids kept in ascending order); 0 if it was marked already. */
static int mark_case(sv_check_item *it, int64_t id)
{
    int lo = 0, hi = it->ncases;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (it->cases[mid] < id) lo = mid + 1;
        else hi = mid;
    }
    if (lo < it->ncases && it->cases[lo] == id) return 0;
    it->cases = sv_xrealloc(it->cases, sizeof *it->cases * (size_t)(it->ncases + 1));
    memmove(it->cases + lo + 1, it->cases + lo, sizeof *it->cases * (size_t)(it->ncases - lo));
    it->cases[lo] = id;
    it->ncases++;
    return 1;
}

/* The same (or all but the same) justification given to several participants is not an
 * individually adapted plan (K2): every case in such a group is marked. */
static void same_justifications(sv_checklist *cl)
{
    qsort(cl->prints, (size_t)cl->nprints, sizeof *cl->prints, by_print);
    for (int i = 0; i < cl->nprints;) {
        int j = i + 1;
        while (j < cl->nprints && cl->prints[j].hash == cl->prints[i].hash) j++;
        for (int k = i; j - i > 1 && k < j; k++) {
            sv_check_item *it = NULL;
            for (int x = 0; x < cl->nitems && !it; x++)
                if (!strcmp(cl->items[x].law, cl->prints[k].law) && !strcmp(cl->items[x].control, "K2")) it = &cl->items[x];
            if (!it) continue;
            count_rule(it, "H-LIK-BEGRUNNELSE");
            if (mark_case(it, cl->prints[k].case_id)) it->violations++;
        }
        i = j;
    }
    free(cl->prints);
    cl->prints = NULL;
    cl->nprints = 0;
}

int sv_checklist_run(sv_store *st, int64_t muni, sv_date today, sv_checklist *out, sv_err *e)
{
    memset(out, 0, sizeof *out);
    if (sv_store_authorize(st, SV_OP_CHECK, muni, e)) return e->code;
    const sv_user *u = sv_store_user(st);
    int64_t own = u ? u->municipality_id : 0;   /* a user bound to one municipality sees only it */
    if (!muni) muni = own;
    /* after a change of the rules, the verdicts under the rules in force now are made once and
     * kept, instead of every document being checked again on every run */
    sv_err ignore;
    sv_verdict_refresh(st, muni, &ignore);
    if (sv_store_read_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id FROM participant WHERE ?1 = 0 OR municipality_id = ?1 ORDER BY id", e);
    if (!s) {
        sv_store_read_end(st);
        return e->code;
    }
    sqlite3_bind_int64(s, 1, muni);
    int64_t *ids = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        ids = sv_xrealloc(ids, sizeof *ids * (size_t)(n + 1));
        ids[n++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        free(ids);
        sv_store_dberr(st, rc, e);
        sv_store_read_end(st);
        return e->code;
    }
    if (check_parallel(st, muni, ids, n, today, out, e)) goto fail;
    if (sv_checklist_appeals(st, muni, today, out, e)) goto fail;
    free(ids);
    sv_store_read_end(st);
    same_justifications(out);
    qsort(out->items, (size_t)out->nitems, sizeof *out->items, by_control);
    return SV_OK;
fail:
    free(ids);
    sv_store_read_end(st);
    sv_checklist_free(out);
    return e->code;
}

void sv_checklist_free(sv_checklist *cl)
{
    for (int i = 0; i < cl->nitems; i++) {
        free(cl->items[i].cases);
        free(cl->items[i].rules);
    }
    free(cl->items);
    free(cl->prints);
    memset(cl, 0, sizeof *cl);
}
