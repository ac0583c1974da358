/* Leave (permisjon) from the introduction programme as a decision: its kind from the law's list
 * (templates/permisjon.txt: birth leave for the mother and for the father or co-parent,
 * pregnancy, welfare leave, care leave after a birth or adoption, long illness, other), its
 * period counted as the law counts that kind (working days or calendar days), granted or
 * refused, and the day it was decided. Granted leave without introduction benefit prolongs
 * the programme by its calendar days; granted leave of any kind covers a gap between the
 * phases, so the year-round rule (integreringsloven § 14 a, introduksjonsloven § 4) does not
 * count it (the figures are in figures.c, used by the decision builder and by the check of a
 * document alike).
 *
 * The leave records stand beside the date-range absences (table absence, kind "permisjon"),
 * which stay as they were: those are the life events and the monthly figures' ranges; a leave
 * record is the decision on an application. */
#ifndef SV_LEAVE_H
#define SV_LEAVE_H

#include <stddef.h>
#include <stdint.h>

#include "figures.h"
#include "model.h"
#include "store.h"

typedef struct sv_leave {
    sv_meta m;              /* parent: participant */
    char kind[16];          /* a code of templates/permisjon.txt */
    sv_date from_on;
    sv_date to_on;
    int granted;            /* 1 granted (innvilget), 0 refused */
    sv_date decided_on;     /* the day of the decision */
    char reason[1001];      /* the reasons given */
    char note[201];
} sv_leave;

/* One kind of leave as templates/permisjon.txt gives it. */
typedef struct sv_leave_kind {
    char code[16];
    int workdays;           /* 1: counted in working days, 0: calendar days */
    int max;                /* the longest period in the counting unit; 0: none */
    int max_months;         /* or in months (the last day: sv_date_add_months less a day) */
    int per_year;           /* max is the sum granted in a calendar year */
    int prolongs;           /* granted leave prolongs the programme by its calendar days */
    char cite[240];
} sv_leave_kind;

/* The kinds (loaded once): NULL with e set naming the file and line. */
const sv_leave_kind *sv_leave_kinds(int *n, sv_err *e);
const sv_leave_kind *sv_leave_kind_get(const char *code);
/* The days of a period as its kind counts them. */
int sv_leave_days(const sv_leave_kind *k, sv_date from, sv_date to);
/* The unit of a kind for n days: "virkedag(er)" or "kalenderdag(er)" (translated, the form
 * for n). */
const char *sv_leave_unit(const sv_leave_kind *k, int n);

/* The checks before a save (run by the store): the kind known, the period inside the programme
 * period, not over another leave of the participant, within the kind's longest period (for a
 * kind per calendar year with the other granted leave of that kind in the year), the decision
 * not in the future. SV_OK, or SV_EINVAL naming the field. */
int sv_leave_check(sv_store *st, const sv_leave *l, sv_err *e);

/* A participant's leave records in date order (caller frees). */
int sv_leave_load(sv_store *st, int64_t participant_id, sv_leave **out, int *n, sv_err *e);
/* The granted periods of a participant as figures.c takes them, and the prolonging flag of
 * each (caller frees). */
int sv_leave_granted(sv_store *st, int64_t participant_id, sv_period **out, int *n, sv_err *e);
/* The granted ones of n leave records as periods into out (room for n): how many. */
int sv_leave_periods(const sv_leave *v, int n, sv_period *out);

/* One leave decision as a line: kind, period, days in the kind's unit, granted or refused and
 * when (what `leave list`, `show` and the case screen show). */
void sv_leave_line(const sv_leave *l, char *buf, size_t size);
/* The programme's months and the days leave without benefit prolongs it, as a line; empty
 * without a programme period. */
int sv_leave_effect_line(sv_store *st, int64_t participant_id, char *buf, size_t size, sv_err *e);

/* The migration that creates the leave table (schema.c's MIGRATIONS). */
extern const char SV_MIGRATION_LEAVE[];

#endif
