/* Appeals against a decision (forvaltningsloven kapittel VI): the appeal as received (which
 * decision, the day, the participant's grounds), whether it came late (§ 29: three weeks from
 * the notification, the deadline of core/notice.c) and if so whether it is nevertheless
 * considered (§ 31), the municipality's own review (§ 33 andre ledd: upheld, or changed by a
 * new decision), the day it was sent to Statsforvalteren, and the outcome there (upheld,
 * changed, repealed and sent back). One row per appeal, filled in step by step; every step is
 * audited (triggers of SV_MIGRATION_APPEAL) and needs the appeal rights of core/roles.c. */
#ifndef SV_APPEAL_H
#define SV_APPEAL_H

#include <stdint.h>

#include "date.h"
#include "store.h"

/* The expected forwarding deadline of § 33: the case is prepared and sent "uten ugrunnet
 * opphold"; an appeal not settled within one month needs a provisional answer (fvl § 11 a
 * tredje ledd), so a month from the day it was received, counted by date.c (month ends, then
 * the next working day). SV_NODATE for SV_NODATE. */
#define SV_APPEAL_FORWARD_MONTHS 1
sv_date sv_appeal_forward_due(sv_date received);

typedef struct sv_appeal {
    int64_t id, decision_id, participant_id, municipality_id;
    sv_date received_on;
    char grounds[2001];
    int late;                 /* received after the § 29 deadline */
    int late_considered;      /* -1 not answered, 0 not considered (avvist), 1 considered (§ 31) */
    char late_reason[501];
    char review[14];          /* "", opprettholdt, endret (§ 33) */
    sv_date reviewed_on;
    int64_t new_decision_id;  /* the decision that changed it (review endret) */
    sv_date sent_on;          /* to Statsforvalteren */
    char outcome[14];         /* "", opprettholdt, endret, opphevet */
    sv_date outcome_on;
    char outcome_note[501];
    char decision_kind[14];
    sv_date decided_on, notified_on;
    sv_date appeal_deadline;  /* § 29, from notice.c */
    sv_date forward_due;      /* § 33, sv_appeal_forward_due */
    char created_by[33];
} sv_appeal;

/* Registers an appeal against decision_id, received on `received`, in municipality muni (the
 * user's). Refused (naming the field) when the decision does not exist or belongs to another
 * municipality, when the day is before the decision or after today, without grounds. */
int sv_appeal_add(sv_store *st, int64_t muni, int64_t decision_id, sv_date received, const char *grounds,
                  sv_appeal *out, sv_err *e);
/* § 31: the answer to whether a late appeal is nevertheless considered, with its reason. */
int sv_appeal_late(sv_store *st, int64_t id, int considered, const char *reason, sv_err *e);
/* § 33: the municipality's review. result "opprettholdt" or "endret" (then new_decision is a
 * later decision of the same participant). */
int sv_appeal_review(sv_store *st, int64_t id, const char *result, sv_date on, int64_t new_decision, sv_err *e);
/* Sent to Statsforvalteren on `on` (after an upheld review). */
int sv_appeal_send(sv_store *st, int64_t id, sv_date on, sv_err *e);
/* The outcome at Statsforvalteren: opprettholdt, endret or opphevet; once. */
int sv_appeal_outcome(sv_store *st, int64_t id, const char *result, sv_date on, const char *note, sv_err *e);

int sv_appeal_load(sv_store *st, int64_t id, sv_appeal *out, sv_err *e);
/* Each appeal of a municipality (0: every one the user may see) or of one participant (pid),
 * in order of receipt. cb returns non-zero to stop. */
typedef int (*sv_appeal_cb)(const sv_appeal *a, void *ctx);
int sv_appeal_each(sv_store *st, int64_t muni, int64_t pid, sv_appeal_cb cb, void *ctx, sv_err *e);
/* Where the appeal stands, in the user's language ("sendt til Statsforvalteren"). */
const char *sv_appeal_state(const sv_appeal *a);
/* Label of a review or outcome code ("opprettholdt" -> "opprettholdt"). */
const char *sv_appeal_result_label(const char *code);

/* The table (migration 26 in core/schema.c); its triggers are core/guard.c's. */
extern const char SV_MIGRATION_APPEAL[];
/* The schema from which the appeal table exists (migration 26), and an appeal row as the
 * audit log keeps it (R is NEW or OLD in core/guard.c's triggers). */
#define SV_APPEAL_SCHEMA 26
#define SV_APPEAL_JSON(R)                                                                                          \
    "json_object('decision_id', " R ".decision_id, 'participant_id', " R ".participant_id, 'received_on', " R   \
    ".received_on, 'grounds', " R ".grounds, 'late', " R ".late, 'late_considered', " R ".late_considered,"      \
    " 'late_reason', " R ".late_reason, 'review', " R ".review, 'reviewed_on', " R ".reviewed_on,"              \
    " 'new_decision_id', " R ".new_decision_id, 'sent_on', " R ".sent_on, 'outcome', " R ".outcome,"            \
    " 'outcome_on', " R ".outcome_on, 'outcome_note', " R ".outcome_note, 'version', " R ".version)"

#endif
