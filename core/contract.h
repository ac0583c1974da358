/* The integration contract (integreringskontrakt, integreringsloven § 16): what the participant
 * commits to and what the municipality commits to, the dates each of them signed it, tied to the
 * version (content revision) of the integration plan it was made for. Only participants under
 * integreringsloven have one; introduksjonsloven knows no such contract.
 *
 * One row per participant and plan version: a changed plan asks for the contract to be made
 * (signed) again for the new version, and the contract of the old version stays with it. */
#ifndef SV_CONTRACT_H
#define SV_CONTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "store.h"

typedef struct sv_contract {
    sv_meta m;                      /* parent: participant */
    int plan_rev;                   /* the plan's content revision it belongs to */
    char participant_commits[2001]; /* what the participant commits to */
    char municipality_commits[2001];/* what the municipality commits to */
    sv_date signed_participant;     /* the day the participant signed */
    sv_date signed_municipality;    /* the day the municipality signed */
} sv_contract;

/* Migration (core/schema.c): the table and its index. */
extern const char SV_MIGRATION_CONTRACT[];

/* The checks against the case, run by the store before every save (core/case.c): the
 * participant under integreringsloven, a plan, a new contract for the plan's current version (a
 * stored one keeps its version) and only one per version, signed on or after the day the plan was made (samråd) and not after
 * today. SV_OK, or SV_EINVAL naming the field. */
int sv_contract_check(sv_store *st, const sv_contract *k, sv_err *e);

/* Before a save (core/store_row.c): a contract without a plan version (0, as a new one from a
 * form) gets the plan's current one. */
void sv_contract_prepare(sv_store *st, sv_contract *k);

/* The contract of a participant's plan version: SV_OK and *k filled, SV_ENOTFOUND (k blank with
 * parent and plan_rev set) or an error. */
int sv_contract_for_rev(sv_store *st, int64_t participant_id, int plan_rev, sv_contract *k, sv_err *e);
/* The same for the plan's current version (*plan_rev set to it). SV_ENOTFOUND also when there is
 * no plan (*plan_rev then -1). */
int sv_contract_current(sv_store *st, int64_t participant_id, sv_contract *k, int *plan_rev, sv_err *e);

/* For the demo (core/demo.c): the contract of the plan's current version, with the usual
 * commitments, signed by both on signed_on. SV_OK or the store's refusal. */
int sv_contract_demo(sv_store *st, int64_t participant_id, sv_date signed_on, sv_err *e);

/* One line for the case (show, the case screen): the contract of the current plan version and
 * its signatures, that one is missing, or "" for a participant under introduksjonsloven or
 * without a plan. SV_OK or an error. */
int sv_contract_case_line(sv_store *st, int64_t participant_id, char *buf, size_t size, sv_err *e);

#endif
