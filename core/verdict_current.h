/* Verdicts under the rule sets in force now. The verdict kept beside each decision as it was
 * issued (decision_verdict) is part of the protected history and never changes; when the rules
 * change (a new version of a rule set, a corrected rule), it names another rule set and the
 * checklist would have to read and check every document again, on every run: at national scale
 * a minute and a half instead of seconds. verdict_current keeps, for such decisions, the verdict
 * of the same document under the rule set in force now. It is derived data, never evidence:
 * made from the stored document with the same code as at issue, outside the chain, replaced
 * whenever the rules change again, and a missing or stale row only makes the checklist slower. */
#ifndef SV_VERDICT_CURRENT_H
#define SV_VERDICT_CURRENT_H

#include "store.h"

/* The migration's SQL (core/schema.c). */
extern const char SV_MIGRATION_VERDICT_CURRENT[];

/* Checks again, and stores in verdict_current, every decision of municipality muni (0: all)
 * whose verdicts were made by another rule set than the one in force for it; in short write
 * transactions, so colleagues' saves wait only a moment. Stops quietly when the database cannot
 * be written (read-only, busy): the checklist then checks those documents itself. The number
 * stored, -1 (e set) when the decisions cannot be read. Not a change of any fact: not audited,
 * and allowed to every user who may run the checklist. */
int sv_verdict_refresh(sv_store *st, int64_t muni, sv_err *e);

#endif
