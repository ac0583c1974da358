/* What the programme achieved: per municipality and year of ending, the participants who
 * ended, by ending reason, final goal, schooling and the kinds of measure in their plan, with
 * the share in work or education at the end and one year after, against the national target
 * of 70 %. Counts small enough to identify a person are hidden ("<5"), also where the total
 * would give a hidden count away by subtraction. Read in one snapshot. */
#ifndef SV_RESULTS_H
#define SV_RESULTS_H

#include <stdint.h>

#include "date.h"
#include "store.h"

#define SV_RESULTS_TARGET 70      /* per cent in work or education one year after */
#define SV_RESULTS_MIN 5          /* smaller counts are shown as "<5" */

typedef enum { SV_DIM_TOTAL, SV_DIM_REASON, SV_DIM_GOAL, SV_DIM_SCHOOLING, SV_DIM_MEASURE, SV_DIM__COUNT } sv_res_dim;

typedef struct sv_res_cell {
    sv_res_dim dim;
    char key[24];             /* code of the ending reason, goal, schooling or measure kind */
    int n;                    /* participants who ended */
    int work_end;             /* in work or education at the end */
    int known_1y;             /* with the status one year after recorded */
    int work_1y;              /* of those, in work or education */
    int lacking_1y;           /* one year has passed, status not recorded */
    int hidden;               /* 1: fewer than 5, shown "<5"; 2: hidden with it, shown ":", so the
                                 total minus the others does not give the small one away */
} sv_res_cell;

typedef struct sv_res_section {
    int64_t municipality_id;
    char number[5];
    char name[81];
    int year;                 /* year of ending */
    int preliminary;          /* the year has not ended yet */
    sv_res_cell *cells;       /* cells[0] is the total, then each dimension in code order */
    int ncells;
} sv_res_section;

typedef struct sv_results {
    sv_res_section *sections; /* by municipality number, then year */
    int nsections;
    sv_date today;
} sv_results;

/* Builds the report for one municipality (0: every municipality the user may see) and one
 * year (0: every year). Needs SV_OP_READ. Free with sv_results_free. */
int sv_results_run(sv_store *st, int64_t municipality_id, int year, sv_date today, sv_results *out, sv_err *e);
void sv_results_free(sv_results *r);

/* Label of a dimension and of a cell's value, in the user's language. */
const char *sv_res_dim_label(sv_res_dim d);
const char *sv_res_value_label(const sv_res_cell *c);
/* The count as shown: the number, "<5" when small, ":" when hidden to protect a small one. */
const char *sv_res_count(const sv_res_cell *c, char buf[16]);
/* A share in per cent (0-100) or -1 when it is not shown (hidden cell, or fewer than
 * SV_RESULTS_MIN in the denominator). */
int sv_res_share_end(const sv_res_cell *c);
int sv_res_share_1y(const sv_res_cell *c);
/* The number lacking the one-year status as shown ("0", "12", "<5"). */
const char *sv_res_lacking(const sv_res_cell *c, char buf[16]);

/* Participants whose status one year after the end is due (a year has passed) and not
 * recorded, earliest first. */
typedef struct sv_res_due {
    int64_t participant_id;
    char fnr[12];
    char name[121];
    char adviser[33];
    sv_date ended_on;
    sv_date due_on;
} sv_res_due;
typedef int (*sv_res_due_cb)(const sv_res_due *d, void *ctx);
int sv_results_due_each(sv_store *st, int64_t municipality_id, sv_date today, sv_res_due_cb cb, void *ctx, sv_err *e);

#endif
