/* Issued decisions (enkeltvedtak) in the store: immutable rows holding the exact XML document
 * that was issued. Building and checking the document lives in vedtak.h and rules.h. */
#ifndef SV_DECISION_H
#define SV_DECISION_H

#include "model.h"
#include "store.h"

/* Stores an issued decision with its XML. Requires SV_OP_DECIDE in the participant's
 * municipality. Fills d->id and d->created_at. */
int sv_decision_insert(sv_store *st, sv_decision *d, const char *xml, sv_err *e);
/* SV_ECONFLICT (e names the existing decision) when the participant already has a decision of
 * d->kind for d->plan_rev, else SV_OK. A stop and a leave are decisions on a period, so a plan
 * version may have several: for those kinds the twin is the one whose period starts on `from`
 * (the <stans fra> or <permisjon fra> of its document). */
int sv_decision_exists(sv_store *st, const sv_decision *d, sv_date from, sv_err *e);
/* 1 for the kinds decided per period (stans, permisjon). */
int sv_decision_per_period(const char *kind);
int sv_decision_load(sv_store *st, int64_t id, sv_decision *d, sv_err *e);
/* The stored XML of a decision; caller frees. NULL (e set) if none. */
char *sv_decision_xml(sv_store *st, int64_t id, sv_err *e);
/* Decisions of a participant, oldest first. */
typedef int (*sv_decision_cb)(const sv_decision *d, void *ctx);
int sv_decision_each(sv_store *st, int64_t participant_id, sv_decision_cb cb, void *ctx, sv_err *e);

#endif
