/* The notification of a decision (forvaltningsloven § 27), recorded when it happens: an issued
 * decision is immutable, so the day the participant was told, and how, is kept in its own
 * append-only record. A later record corrects an earlier one (both stay). The appeal deadline
 * runs from the notification (§ 29) and is computed by the one date arithmetic (date.h). */
#ifndef SV_NOTICE_H
#define SV_NOTICE_H

#include "model.h"
#include "store.h"

typedef struct sv_notice {
    int64_t id;               /* 0: the notification stated when the decision was issued */
    int64_t decision_id;
    sv_date notified_on;      /* SV_NODATE: not notified */
    char method[14];          /* digitalt, post, personlig */
    char note[501];
    char recorded_at[20];
    char recorded_by[33];
    sv_date appeal_deadline;  /* notified_on + the law's appeal weeks, to the next working day */
} sv_notice;

/* Records that decision_id was notified on `on` by method. Needs SV_OP_DECIDE in the
 * participant's municipality; the day cannot be before the decision nor after today. */
int sv_notice_record(sv_store *st, int64_t decision_id, sv_date on, const char *method, const char *note,
                     sv_notice *out, sv_err *e);
/* The notification in force for a decision: its latest record, else what the decision stated. */
int sv_notice_current(sv_store *st, int64_t decision_id, sv_notice *out, sv_err *e);

#endif
