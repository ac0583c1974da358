/* The participant list, read a page at a time so it stays instant with 200,000 participants.
 * Status, step and the next deadline are computed in SQL for the rows shown only. */
#ifndef SV_OVERVIEW_H
#define SV_OVERVIEW_H

#include <stdint.h>

#include "date.h"
#include "store.h"

typedef enum { SV_SORT_NAME, SV_SORT_DEADLINE, SV_SORT_SETTLED, SV_SORT_STATUS } sv_sort;

typedef struct sv_filter {
    int64_t municipality_id;   /* 0: all the user may see */
    char search[128];          /* name (any part, case-insensitive incl. æøå) or fnr prefix */
    int status;                /* -1 any, else sv_plan_status */
    int step;                  /* 0 any, else 5, 6, 7 */
    int overdue;               /* only cases with a deadline before today */
    int warnings;              /* only cases with a warning */
    char adviser[33];          /* only this adviser's participants ("": everyone's) */
    sv_sort sort;
    int descending;
} sv_filter;

typedef struct sv_overview_row {
    int64_t id;
    int64_t municipality_id;
    char name[121];
    char fnr[12];
    int step;
    int status;                /* sv_plan_status */
    sv_date settled_on;
    sv_date next;              /* next deadline */
    char next_label[40];
    int warn_overdue;          /* a deadline has passed */
    int warn_changed;          /* plan changed after its last decision */
    int warn_late_plan;        /* no decision 3 months after settlement */
} sv_overview_row;

void sv_filter_init(sv_filter *f);
/* Reads up to limit rows from offset into rows; returns the number read or -1 (e set). */
int sv_overview_page(sv_store *st, const sv_filter *f, int offset, int limit, sv_overview_row *rows,
                     sv_err *e);
/* Number of rows that match (for the scroll bar and "x av y"). -1 on error. */
long sv_overview_count(sv_store *st, const sv_filter *f, sv_err *e);

#endif
