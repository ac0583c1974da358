/* Absence by the hour (integreringsloven § 17; introduksjonsloven § 10 with its regulation):
 * per participant and day, hours absent in a measure or in the whole day, with a reason from
 * the law's list, approved or not. A row is checked against the day's planned hours, derived
 * from the plan's phases and measures (sv_fig_day_hours), and against the programme period; a
 * day inside granted leave (core/leave.h) has no planned hours and takes no rows.
 *
 * How the two kinds of absence record relate: the date-range records (table absence) are
 * leave and longer periods, and the life events that call for a review; the hourly rows are
 * the day's register. For the monthly figures a day with hourly rows counts those rows; a day
 * without any that a range covers counts the day's planned hours with the range's reason and
 * approval. One definition (absence_month.c), so a week of illness entered as a range and a
 * teacher's register of the same days are never counted twice. */
#ifndef SV_ABSENCE_H
#define SV_ABSENCE_H

#include <stdint.h>

#include "figures.h"
#include "model.h"
#include "roles.h"
#include "store.h"

/* The rule numbers and sections of templates/fravaer.txt. */
typedef struct sv_abs_rules {
    int welfare_days;          /* welfare leave with benefit, days per calendar year */
    int decision_share;        /* percent of a payment period's planned hours */
    char decision_cite[200];   /* the section that makes such a cut a decision */
    char decision_kinds[80];   /* decision kinds that settle a period, space-separated */
} sv_abs_rules;
/* Loaded once; NULL with e set (naming the file and line) when it is missing or broken. */
const sv_abs_rules *sv_abs_rules_get(sv_err *e);
/* The section a reason rests on ("" when the template names none). */
const char *sv_abs_reason_cite(const char *reason);

/* Which operation a write of the row needs (roles.c): a course of adult education needs
 * SV_OP_ABSENCE_COURSE, a work placement or NAV measure SV_OP_ABSENCE_WORK, the whole day or
 * any other measure SV_OP_ABSENCE. A role with SV_OP_ABSENCE may do all three (sv_abs_authorize). */
sv_op sv_abs_write_op(sv_store *st, const sv_absence_hour *a);
int sv_abs_authorize(sv_store *st, const sv_absence_hour *a, int64_t muni, sv_err *e);
/* The checks of a row against the plan, run by the store before a save: the day inside the
 * programme period, the measure in the plan that day, the hours within the measure's and the
 * day's planned hours (with the day's other rows), one row per day and measure. SV_OK, or
 * SV_EINVAL naming the field. */
int sv_abs_check(sv_store *st, const sv_absence_hour *a, sv_err *e);
/* The planned hours (hundredths) of a participant's day, in one measure (measure_id) or in all
 * (0). */
int sv_abs_day_planned(sv_store *st, int64_t participant_id, sv_date day, int64_t measure_id, int *planned,
                       sv_err *e);
/* The row of participant, day and measure (0: the whole day), if any: SV_OK and *a filled,
 * SV_ENOTFOUND (a blank row for that day) or an error. */
int sv_abs_find(sv_store *st, int64_t participant_id, sv_date day, int64_t measure_id, sv_absence_hour *a,
                sv_err *e);
/* Saves rows in one transaction: all or nothing (the first refusal is in e, with the row's
 * index in *failed, else -1). */
int sv_abs_save_all(sv_store *st, sv_absence_hour *rows, int n, int *failed, sv_err *e);

/* The class day (tui/absclass.c): the measures the current user may record absence in (a
 * teacher's courses, NAV's placements, all for an adviser), and the participants whose plan has
 * the measure on a day, each with the day's row in it (recorded, or a blank row: present). */
typedef struct sv_abs_course {
    int64_t id;
    char name[121];
    char provider[20];
} sv_abs_course;
int sv_abs_courses(sv_store *st, int64_t municipality_id, sv_abs_course **out, int *n, sv_err *e);   /* caller frees */
typedef struct sv_abs_class_row {
    char name[121];
    int planned;              /* hundredths planned in the measure that day */
    int recorded;             /* 1 when row is stored */
    sv_absence_hour row;
} sv_abs_class_row;
int sv_abs_class_load(sv_store *st, int64_t measure_id, sv_date day, sv_abs_class_row **out, int *n, sv_err *e);
/* The reason of a key on the class-day screen (s b v f p h a), NULL for another key; and
 * whether absence for a reason is approved unless said otherwise (only "annet" is not). */
const char *sv_abs_reason_key(int ch);
int sv_abs_reason_approved(const char *reason);

/* A participant's month. Hours in hundredths. */
typedef struct sv_abs_month {
    int64_t participant_id;
    char name[121];
    char fnr[12];
    int year, month;
    int planned;        /* planned hours of the working days in the programme */
    int attended;       /* planned less absence */
    int approved;       /* approved absence */
    int unapproved;
    int share;          /* unapproved absence in tenths of a percent of planned; -1 without planned hours */
    int welfare_used;   /* days of approved welfare leave in the calendar year up to the month's end */
    int welfare_left;
    int decision_due;   /* the unapproved share reaches the level where a cut is a decision */
} sv_abs_month;

int sv_abs_month_one(sv_store *st, int64_t participant_id, int year, int month, sv_abs_month *out, sv_err *e);
/* Every participant of the municipality whose plan runs in the month, in name order. unit: a
 * unit kind (voksenopplaering, nav, flyktningtjeneste) to count only that unit's measures and
 * the rows recorded in them, or NULL for all. cb returns non-zero to stop. */
typedef int (*sv_abs_month_cb)(const sv_abs_month *row, void *ctx);
int sv_abs_month_each(sv_store *st, int64_t municipality_id, int year, int month, const char *unit,
                      sv_abs_month_cb cb, void *ctx, sv_err *e);
/* The latest payment period (month) up to today's month in which the unapproved absence calls
 * for a decision and no decision of the kinds in the template was made on or after the period's
 * first day: 1 and *row filled, 0 when none, -1 on error. */
int sv_abs_decision_due(sv_store *st, int64_t participant_id, sv_date today, sv_abs_month *row, sv_err *e);

/* The plan as the absence figures read it (absence.c, absence_month.c). */
typedef struct sv_abs_pm {
    sv_date from, to;          /* the phase's days */
    int64_t measure;           /* catalogue measure */
    int hours;                 /* weekly tenths */
    char provider[20];         /* unit kind of the measure */
} sv_abs_pm;
typedef struct sv_abs_plan {
    sv_date start, end;        /* the programme period */
    sv_abs_pm *pm;
    int npm;
    sv_period *leave;          /* the granted leave (core/leave.c, granted = 1): days off the programme */
    char (*leave_kind)[16];    /* the kind of each */
    int nleave;
} sv_abs_plan;
/* The plan and the participant's granted leave, read once (a monthly report loads each
 * participant's once). SV_ENOTFOUND when the participant has no plan. Free with
 * sv_abs_plan_free. */
int sv_abs_plan_load(sv_store *st, int64_t participant_id, sv_abs_plan *p, sv_err *e);
void sv_abs_plan_free(sv_abs_plan *p);
/* Planned hundredths of day d in the programme: in one measure (0: all), of one unit (NULL: all).
 * None on a day of granted leave: such a day is neither attended nor absent. */
int sv_abs_plan_day(const sv_abs_plan *p, sv_date d, int64_t measure, const char *unit);

/* 1 when the participant has unapproved absence (hourly rows or a range) in the twelve months
 * up to today: the cheap test the checklist makes before sv_abs_decision_due. The set is read
 * once per store and day. */
int sv_abs_maybe_due(sv_store *st, int64_t participant_id, sv_date today);

/* For the case (show, the case screen): this month's figures in one line ("" without a plan),
 * and the line that says a decision is due ("" when none is). SV_OK or an error. */
int sv_abs_case_lines(sv_store *st, int64_t participant_id, sv_date today, char *month_line, size_t msize,
                      char *due_line, size_t dsize, sv_err *e);

/* "2026-11" or "11.2026" into year and month; 0, or -1 when malformed. */
int sv_abs_parse_month(const char *s, int *year, int *month);
/* Hundredths as "7,50" (sep ',') or "7.50". */
void sv_abs_hours_text(int hundredths, char *buf, size_t size, char sep);

#endif
