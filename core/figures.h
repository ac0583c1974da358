/* Every figure a rule needs, computed in one place from the primary facts: the database
 * (sv_case_derive, the list state triggers through SQL functions), the decision builder and the
 * check of a document written by another system all call these functions, so a figure can
 * never be worked out two ways. */
#ifndef SV_FIGURES_H
#define SV_FIGURES_H

#include "date.h"
#include "model.h"

/* Review interval used for "review due" (the law says "at regular intervals"). */
#define SV_REVIEW_MONTHS 6
/* A decision recorded more than this many days after its decision date is a finding. */
#define SV_BACKDATE_DAYS 1

/* The law that governs a case: integreringsloven for a residence permit from 1.1.2021
 * (integreringsloven § 51 first paragraph), introduksjonsloven before. */
sv_law sv_fig_law(sv_date permit_on);
/* The plan deadline: three months after settlement; under introduksjonsloven § 6 first
 * paragraph, after the request to take part (krav om deltakelse) when that came later.
 * SV_NODATE without a settlement date. */
sv_date sv_fig_plan_due(sv_date permit_on, sv_date settled_on, sv_date requested_on);
/* Whole months of the programme from start to planned end (both days included); -1 if either
 * is missing or the end is before the start. */
int sv_fig_months(sv_date start, sv_date end);
/* A period of granted leave (core/leave.c from the database, core/derive.c from a decision's
 * <permisjon>): its days, and whether it prolongs the programme (leave without introduction
 * benefit interrupts the programme; see templates/permisjon.txt). */
typedef struct sv_period {
    sv_date from, to;
    int prolongs;
} sv_period;
/* Days without programme between the end of the previous phase and the start of this one
 * (for the first phase: since the day before the programme start) that none of the granted
 * leave periods covers: a gap that leave covers is no break of the year-round rule
 * (integreringsloven § 14 a, introduksjonsloven § 4). Negative when the phases overlap. */
int sv_fig_gap(sv_date prev_end, sv_date start, const sv_period *p, int n);
/* Whole months from the last decision or review to on; -1 if last is missing. */
int sv_fig_months_since(sv_date last, sv_date on);
/* When the next regular review is due after one held (or decided) on base. */
sv_date sv_fig_review_due(sv_date base);
/* Age in whole years on ref; -1 if unknown. */
int sv_fig_age(sv_date birth, sv_date ref);
/* A recorded life event that calls for a review of the plan (introduksjonsloven § 6 fourth
 * paragraph, integreringsloven § 15: "ved vesentlig endring i deltakerens livssituasjon"): a
 * birth or a move (recorded as leave for moving), or leave or own illness of two weeks or
 * more, from the absence records. */
int sv_fig_life_event(const char *kind, const char *reason, sv_date from, sv_date to);
/* The review it calls for is due within a month of the event (the law sets no number; this is
 * the municipality's practice the program holds it to). */
#define SV_EVENT_REVIEW_MONTHS 1
sv_date sv_fig_event_review_due(sv_date from);

/* Planned hours of one day, in hundredths of an hour, from the weekly hours of the measures
 * that run that day (tenths, as a plan measure holds them): a fifth of the week on a working
 * day (Monday to Friday and not a public holiday, sv_date_is_holiday), none on other days. The
 * one definition the absence records are checked against and the monthly figures sum. */
int sv_fig_day_hours(int weekly_tenths, sv_date day);
/* 1 for Monday to Friday when the day is not a public holiday. */
int sv_fig_workday(sv_date day);

/* The index of the period that covers day d, or -1 when none does. A day of granted leave is
 * a day off the programme: no planned hours (sv_abs_plan_day), so neither attended nor absent. */
int sv_fig_covering(const sv_period *p, int n, sv_date d);
/* Days from a to b (both included) that none of the periods covers: a gap between phases
 * that granted leave covers is no break of the year-round rule (integreringsloven § 14 a,
 * introduksjonsloven § 4). 0 when b < a. */
int sv_fig_uncovered(sv_date a, sv_date b, const sv_period *p, int n);
/* Calendar days of the prolonging periods that lie inside start..end (periods do not overlap;
 * core/leave.c refuses that). */
int sv_fig_prolong_days(const sv_period *p, int n, sv_date start, sv_date end);
/* The programme's own months (sv_fig_months) with the prolonging leave inside it taken out:
 * what the length rules of integreringsloven §§ 13-14 and introduksjonsloven § 5 measure. -1 as
 * sv_fig_months. */
int sv_fig_programme_months(sv_date start, sv_date end, const sv_period *p, int n);

/* The weekly norm in tenths of an hour: 37.5, or 30 with substantial self-study. */
int sv_fig_norm(int selfstudy);

struct sqlite3;
/* Registers sv_add_months, sv_plan_due and sv_review_due as deterministic SQL functions. */
int sv_figures_sql_register(struct sqlite3 *db);

#endif
