/* Reading every case the checklist examines in one ordered pass per table (checklist_scan.c). */
#ifndef SV_CHECKLIST_SCAN_H
#define SV_CHECKLIST_SCAN_H

#include "case.h"

typedef struct sv_scan_case {
    sv_case c;             /* participant dates and name, plan (rev, dates, justification),
                            * evaluation date, reviews (dates only), every decision */
    char **verdicts;       /* per decision: its stored verdict (verdict.h) or NULL */
    int *recorded;         /* per decision: notified_on/notify_method come from a notification
                            * recorded after it (core/notice.c), not from the document */
    /* the scan's own buffers */
    sv_decision *decisions;
    sv_date *reviews;
    sv_review *review_rows;
    int nrev_cap;
    sv_absence *absences;
    int nabs_cap;
} sv_scan_case;

typedef int (*sv_scan_cb)(sv_scan_case *sc, void *ctx, sv_err *e);

/* Calls cb for every participant of municipality muni (0: all) with id in [lo, hi], in id
 * order. The case is valid only during the call. */
int sv_checklist_scan(sv_store *st, int64_t muni, int64_t lo, int64_t hi, sv_scan_cb cb, void *ctx, sv_err *e);

#endif
