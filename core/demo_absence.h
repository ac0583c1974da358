/* Absence by the hour in the demo data (core/demo.c): a few days through the store's checks for
 * every demo, and, for the benchmarks, a register of every programme day back to a given number
 * of days (about a million rows for 5,000 participants and a year). */
#ifndef SV_DEMO_ABSENCE_H
#define SV_DEMO_ABSENCE_H

#include <stdint.h>

#include "date.h"
#include "store.h"

/* days 0: two days in the last three weeks for about one participant in four, saved through
 * sv_row_save. days > 0: every programme day of the last `days` days, one row per measure that
 * runs that day, inserted directly (audited and chained by the triggers) inside the caller's
 * transaction. *rng is the caller's generator state. Returns the rows written, -1 on error. */
long sv_demo_absence(sv_store *st, int64_t participant_id, sv_date today, int days, unsigned long long *rng,
                     sv_err *e);

#endif
