/* Issuing a decision: build the document, run the law's rules, and store it only when no rule
 * is broken (and remarks were confirmed). Shared by `stegvis decide` and the case screen. */
#ifndef SV_ISSUE_H
#define SV_ISSUE_H

#include "rules.h"
#include "store.h"
#include "vedtak.h"

/* A reason for a late decision must say something: at least this many characters of substance
 * (sv_text_substance). */
#define SV_LATE_REASON_MIN 20

typedef struct sv_issue {
    const sv_ruleset *rs;
    sv_rule_result *results;   /* rs->nrules entries */
    int violations, remarks;
    int late;                  /* issued after its deadline, with the reason in the document */
    sv_decision d;             /* filled when stored (d.id != 0) */
} sv_issue;

/* Issues a decision for participant pid. Returns SV_OK when stored. When a rule is violated
 * (or a remark is not confirmed) nothing is stored, SV_EINVAL is returned and e names the field
 * of the first violated rule; r->results says everything. Free r with sv_issue_free. */
int sv_issue_decision(sv_store *st, int64_t pid, const sv_vedtak_in *in, int confirm, sv_issue *r, sv_err *e);
void sv_issue_free(sv_issue *r);

/* The violations that stop a decision, among the results res of rule set rs: all but those
 * met only after it (after_ok) and, with a late reason of substance, the deadline rules
 * (late_ok). Returns their number; *first (if asked) the first of them or NULL; *late 1 when
 * a deadline rule is broken but covered by the reason. The decision screen counts with it. */
int sv_issue_blocking(const sv_ruleset *rs, const sv_rule_result *res, const char *late_reason,
                      const sv_rule_result **first, int *late);
/* The advance notice in force (core/advnotice.c) for a decision in of participant pid, when its
 * kind needs one: out->id is 0 when there is none (the rule check then finds the stop without
 * notice). A notice sent after the decision date is refused (e names the field sent_on). The
 * decision screen's preview uses it too, so both judge the same document. */
int sv_issue_advance(sv_store *st, int64_t pid, const sv_vedtak_in *in, sv_advnotice *out, sv_err *e);
/* The facts of a decision's kind that come from the register rather than from the user: for a
 * cut in the benefit (trekk) the payment period's planned hours and unapproved absence
 * (core/absence_month.c, the figures the case screen and the monthly report show). */
int sv_issue_kind_facts(sv_store *st, int64_t pid, sv_vedtak_in *in, sv_err *e);
/* 1 when late_reason says enough to stand as the reason for a late decision. */
int sv_issue_late_reason_given(const char *late_reason);

#endif
