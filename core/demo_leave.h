/* Leave decisions for the demo (core/demo.c): drawn from the date-range leave the demo already
 * makes, so the rest of the demo stays what its seed made it. */
#ifndef SV_DEMO_LEAVE_H
#define SV_DEMO_LEAVE_H

#include "leave.h"

/* For a participant with leave from..to for reason ("fodsel" or "velferd"): the leave decision
 * the law gives for it (the mother's 20 working days of birth leave, and for one in three
 * mothers care leave without benefit after it, which prolongs the programme; welfare leave for
 * others), decided a week before and only when that day has come; inside the programme period
 * start..end. Returns the rows saved, or -1 with e set. */
int sv_demo_leave(sv_store *st, int64_t participant_id, const char *reason, sv_date from, sv_date start, sv_date end,
                  sv_date today, sv_err *e);

#endif
