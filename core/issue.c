/* The rule gate in front of sv_decision_insert. The document stored is byte for byte the one
 * the rules were run on, so a later check of the export gives the same answer. */
#include "issue.h"

#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "absence.h"
#include "decision.h"
#include "i18n.h"
#include "leave.h"
#include "verdict.h"

int sv_issue_blocking(const sv_ruleset *rs, const sv_rule_result *res, const char *late_reason,
                      const sv_rule_result **first, int *late)
{
    /* Late is recorded, not forbidden: a deadline breach with its reason in the decision does
     * not stop it; a rule met only after the decision (the notification) does not either;
     * everything else does. */
    int late_given = sv_issue_late_reason_given(late_reason), n = 0;
    if (first) *first = NULL;
    if (late) *late = 0;
    for (int i = 0; i < rs->nrules; i++) {
        if (res[i].outcome != SV_R_VIOLATION || res[i].rule->after_ok) continue;
        if (res[i].rule->late_ok && late_given) {
            if (late) *late = 1;
            continue;
        }
        if (first && !*first) *first = &res[i];
        n++;
    }
    return n;
}

int sv_issue_late_reason_given(const char *late_reason)
{
    return late_reason && sv_text_substance(late_reason) >= SV_LATE_REASON_MIN;
}

int sv_issue_advance(sv_store *st, int64_t pid, const sv_vedtak_in *in, sv_advnotice *out, sv_err *e)
{
    memset(out, 0, sizeof *out);
    if (!sv_advnotice_needed(in->kind)) return SV_OK;
    if (sv_advnotice_current(st, pid, in->kind, out, e)) return e->code;
    if (out->id && !out->exception[0] && out->sent_on > in->decided_on) {
        char a[11], b[11];
        sv_date_nor(out->sent_on, a);
        sv_date_nor(in->decided_on, b);
        return sv_err_set(e, SV_EINVAL, "sent_on",
                          _("Forhåndsvarsel: sendt %s, etter vedtaksdatoen %s; varselet må sendes før vedtaket "
                            "(forvaltningsloven § 16)"), a, b);
    }
    return SV_OK;
}

int sv_issue_kind_facts(sv_store *st, int64_t pid, sv_vedtak_in *in, sv_err *e)
{
    in->cut_planned = in->cut_unapproved = 0;
    in->leave_kind[0] = '\0';
    if (in->kind && !strcmp(in->kind, "permisjon") && in->period_from != SV_NODATE) {
        /* the leave record the decision is made on: its kind says how its days are counted */
        sv_leave *v;
        int n;
        if (sv_leave_load(st, pid, &v, &n, e)) return e->code;
        for (int i = 0; i < n; i++)
            if (v[i].granted && v[i].from_on == in->period_from && v[i].to_on == in->period_to)
                snprintf(in->leave_kind, sizeof in->leave_kind, "%s", v[i].kind);
        free(v);
        return SV_OK;
    }
    if (!in->kind || strcmp(in->kind, "trekk") || in->period_from == SV_NODATE) return SV_OK;
    int y, m, d;
    sv_date_to_ymd(in->period_from, &y, &m, &d);
    sv_abs_month row;
    if (sv_abs_month_one(st, pid, y, m, &row, e)) return e->code;
    in->cut_planned = row.planned;
    in->cut_unapproved = row.unapproved;
    return SV_OK;
}

int sv_issue_decision(sv_store *st, int64_t pid, const sv_vedtak_in *in, int confirm, sv_issue *r, sv_err *e)
{
    memset(r, 0, sizeof *r);
    if (sv_vedtak_kind_check(in, e)) return e->code;   /* the kind and its own facts, before anything is read */
    if (in->notify_method && in->notify_method[0] && !sv_code_valid(SV_CODES_NOTIFY, in->notify_method))
        return sv_err_set(e, SV_EINVAL, "notify_method", _("Underretning: «%s» er ikke gyldig (digitalt, post, personlig)"),
                          in->notify_method);
    if (in->notified_on != SV_NODATE && in->notified_on < in->decided_on)
        return sv_err_set(e, SV_EINVAL, "notified_on", _("Underrettet dato: kan ikke være før vedtaksdatoen"));
    sv_case c;
    if (sv_case_load(st, pid, &c, e)) return e->code;
    int rc = SV_OK;
    xmlDocPtr doc = NULL;
    char *xml = NULL;
    if (sv_store_authorize(st, SV_OP_DECIDE, c.p.m.parent, e)) {
        rc = e->code;
        goto done;
    }
    int refusal = in->kind && !strcmp(in->kind, "avslag");   /* a refusal of the programme has no plan */
    if (!c.has_plan && !refusal) {
        rc = sv_err_set(e, SV_EINVAL, "plan", _("Deltakeren har ingen plan ennå; registrer plan, faser og tiltak før vedtaket (steg 5)"));
        goto done;
    }
    sv_decision twin = {.participant_id = pid, .plan_rev = c.has_plan ? c.plan.rev : 0};
    snprintf(twin.kind, sizeof twin.kind, "%s", in->kind ? in->kind : "");
    if (sv_decision_exists(st, &twin, in->period_from, e)) {
        rc = e->code;
        goto done;
    }
    sv_advnotice adv;
    if (sv_issue_advance(st, pid, in, &adv, e)) {
        rc = e->code;
        goto done;
    }
    const char *law = sv_law_code(sv_participant_law(&c.p));
    /* the letter is signed with the decider's full name and title (fvl. § 25) */
    sv_vedtak_in signed_in = *in;
    signed_in.advance = adv.id ? &adv : NULL;
    if (sv_issue_kind_facts(st, pid, &signed_in, e)) {
        rc = e->code;
        goto done;
    }
    const sv_user *me = sv_store_user(st);
    if (!signed_in.signer_name && me && (!in->decided_by || !in->decided_by[0] || !strcmp(in->decided_by, me->login))) {
        signed_in.signer_name = me->display_name;
        signed_in.signer_title = me->title;
    }
    if (!(r->rs = sv_rules_for(law, in->decided_on, e)) || !(doc = sv_vedtak_build(&c, &signed_in, r->rs, e))) {
        rc = e->code;
        goto done;
    }
    /* The stored bytes are the document as built; the rules run on it after the same
     * derivation `check` applies to an export, which finds nothing to correct in it. */
    xml = sv_vedtak_serialize(doc);
    sv_verdict vd;
    if (sv_vedtak_check(doc, SV_NODATE, &vd, e)) {
        rc = e->code;
        goto done;
    }
    r->rs = vd.rs;
    r->results = vd.results;
    r->violations = vd.violations;
    r->remarks = vd.remarks;
    int v = vd.violations;
    const sv_rule_result *first = NULL;
    int late = 0;
    sv_issue_blocking(r->rs, r->results, in->late_reason, &first, &late);
    if (first && first->rule->late_ok && in->late_reason && in->late_reason[0]) {
        rc = sv_err_set(e, SV_EINVAL, "late_reason",
                        _n("Grunn for forsinkelse: skriv hvorfor vedtaket kommer etter fristen (minst %d tegn innhold)",
                           "Grunn for forsinkelse: skriv hvorfor vedtaket kommer etter fristen (minst %d tegn innhold)",
                           SV_LATE_REASON_MIN), SV_LATE_REASON_MIN);
        goto done;
    }
    if (first) {
        rc = sv_err_set(e, SV_EINVAL, first->rule->field,
                        _n("Vedtaket kan ikke fattes: %d brudd. Første: %s %s", "Vedtaket kan ikke fattes: %d brudd. Første: %s %s", v), v,
                        first->rule->id, first->rule->message);
        goto done;
    }
    r->late = late;
    if (r->remarks && !confirm) {
        rc = sv_err_set(e, SV_EINVAL, "",
                        _n("Vedtaket har %d merknad; les den og bekreft for å fatte vedtaket",
                           "Vedtaket har %d merknader; les dem og bekreft for å fatte vedtaket", r->remarks),
                        r->remarks);
        goto done;
    }
    char *uuid = sv_vedtak_xpath(doc, "string(/v:vedtak/@id)");
    sv_decision *d = &r->d;
    memset(d, 0, sizeof *d);
    d->participant_id = pid;
    snprintf(d->uuid, sizeof d->uuid, "%s", uuid);
    free(uuid);
    snprintf(d->kind, sizeof d->kind, "%s", in->kind);
    d->decided_on = in->decided_on;
    snprintf(d->decided_by, sizeof d->decided_by, "%s", in->decided_by && in->decided_by[0] ? in->decided_by : sv_login());
    d->plan_rev = c.has_plan ? c.plan.rev : 0;
    snprintf(d->law, sizeof d->law, "%s", law);
    d->notified_on = in->notified_on;
    snprintf(d->notify_method, sizeof d->notify_method, "%s", in->notify_method ? in->notify_method : "");
    if (in->reason && sv_strcpy(d->reason, sizeof d->reason, in->reason)) {
        rc = sv_err_set(e, SV_EINVAL, "reason", 
                     _n("Grunn for vedtaket: teksten er for lang (høyst %zu tegn)",
                        "Grunn for vedtaket: teksten er for lang (høyst %zu tegn)", sizeof d->reason - 1), sizeof d->reason - 1);
        goto done;
    }
    rc = sv_decision_insert(st, d, xml, e);
done:
    free(xml);
    xmlFreeDoc(doc);
    sv_case_free(&c);
    return rc;
}

void sv_issue_free(sv_issue *r)
{
    free(r->results);
    r->results = NULL;
}
