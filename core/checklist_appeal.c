/* The checklist's count of appeals per control question (checklist.h): an appeal counts under
 * the control questions its decision was about, and under one outcome. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "i18n.h"
#include "rules.h"
#include "verdict.h"

int sv_check_appeal_class(const char *review, const char *outcome, int late, int late_considered)
{
    if (outcome && !strcmp(outcome, "opprettholdt")) return SV_CA_UPHELD;
    if (outcome && !strcmp(outcome, "endret")) return SV_CA_CHANGED;
    if (outcome && !strcmp(outcome, "opphevet")) return SV_CA_REPEALED;
    if (review && !strcmp(review, "endret")) return SV_CA_CHANGED_MUNI;
    if (late && late_considered == 0) return SV_CA_REJECTED;
    return SV_CA_PENDING;
}

const char *sv_check_appeal_label(int cls)
{
    static const char *const L[SV_CA__COUNT] = {N_("til behandling"), N_("endret av kommunen"),
                                                N_("opprettholdt av Statsforvalteren"), N_("endret av Statsforvalteren"),
                                                N_("opphevet av Statsforvalteren"), N_("for sen, ikke behandlet")};
    return cls >= 0 && cls < SV_CA__COUNT ? _(L[cls]) : "";
}

static sv_check_item *find(sv_checklist *cl, const char *law, const char *control)
{
    for (int i = 0; i < cl->nitems; i++)
        if (!strcmp(cl->items[i].law, law) && !strcmp(cl->items[i].control, control)) return &cl->items[i];
    return NULL;
}

/* The control questions the appealed decision was about: those its stored verdict found a
 * violation or a remark under; when it found none, the one its kind answers to (a plan: K1,
 * the plan fixed by enkeltvedtak; every later decision: K5, a change fixed by enkeltvedtak). */
static int controls_of(const char *law, sv_date decided_on, const char *kind, const char *verdict,
                       const char **out, int max)
{
    sv_err ignore;
    int n = 0;
    const sv_ruleset *rs = sv_rules_for(law, decided_on, &ignore);
    if (rs && verdict) {
        sv_rule_result *res = sv_xcalloc((size_t)rs->nrules + 1, sizeof *res);
        if (sv_verdict_decode(rs, verdict, res) == 0) {
            for (int i = 0; i < rs->nrules; i++) {
                if (res[i].outcome != SV_R_VIOLATION && res[i].outcome != SV_R_REMARK) continue;
                const char *c = res[i].rule ? res[i].rule->control : NULL;
                int seen = 0;
                for (int k = 0; k < n && c; k++) seen |= !strcmp(out[k], c);
                if (c && !seen && n < max) out[n++] = c;
            }
        }
        free(res);
    }
    if (!n) out[n++] = !strcmp(kind, "plan") ? "K1" : "K5";
    return n;
}

int sv_checklist_appeals(sv_store *st, int64_t muni, sv_date today, sv_checklist *cl, sv_err *e)
{
    const sv_user *u = sv_store_user(st);
    char day[11];
    sv_date_iso(today, day);
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT d.law, d.decided_on, d.kind, v.verdict, CASE WHEN a.reviewed_on <= ?3 THEN a.review END,"
                                       " CASE WHEN a.outcome_on <= ?3 THEN a.outcome END, a.late,"
                                       " ifnull(a.late_considered, -1) FROM appeal a JOIN decision d ON d.id = a.decision_id"
                                       " JOIN participant p ON p.id = a.participant_id"
                                       " LEFT JOIN decision_verdict v ON v.decision_id = d.id"
                                       " WHERE (?1 = 0 OR p.municipality_id = ?1) AND (?2 = 0 OR p.municipality_id = ?2)"
                                       " AND a.received_on <= ?3 ORDER BY a.id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, muni);
    sqlite3_bind_int64(s, 2, u ? u->municipality_id : 0);
    sqlite3_bind_text(s, 3, day, -1, SQLITE_TRANSIENT);   /* the steps taken by the checklist's day */
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *law = (const char *)sqlite3_column_text(s, 0), *kind = (const char *)sqlite3_column_text(s, 2);
        sv_date on = SV_NODATE;
        if (sv_date_parse((const char *)sqlite3_column_text(s, 1), &on)) continue;
        int cls = sv_check_appeal_class((const char *)sqlite3_column_text(s, 4), (const char *)sqlite3_column_text(s, 5),
                                        sqlite3_column_int(s, 6), sqlite3_column_int(s, 7));
        const char *controls[16];
        int n = controls_of(law ? law : "", on, kind ? kind : "", (const char *)sqlite3_column_text(s, 3), controls, 16);
        for (int k = 0; k < n; k++) {
            sv_check_item *it = find(cl, law ? law : "", controls[k]);
            if (!it) continue;
            it->appeals++;
            it->appeal_class[cls]++;
        }
        cl->appeals++;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}
