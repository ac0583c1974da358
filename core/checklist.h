/* The supervisor's checklist: the rules run over every stored case's last decision, plus what
 * only the case history shows (reviews overdue, plan changed after its decision, participant
 * not notified, no plan three months after settlement), reported per control question. */
#ifndef SV_CHECKLIST_H
#define SV_CHECKLIST_H

#include <stdint.h>

#include "date.h"
#include "store.h"

typedef struct sv_check_rule {
    char id[40];               /* rule id, or H-... for a history check */
    int violations;
} sv_check_rule;

/* What became of an appeal (core/appeal.c), as of the checklist's day: one class each. */
enum { SV_CA_PENDING, SV_CA_CHANGED_MUNI, SV_CA_UPHELD, SV_CA_CHANGED, SV_CA_REPEALED, SV_CA_REJECTED, SV_CA__COUNT };

typedef struct sv_check_item {
    char law[20];
    char control[8];
    char question[300];
    int checked;               /* cases where the question applied */
    int violations;            /* cases with at least one violation under it */
    int remarks;
    int64_t *cases;            /* participant ids with a violation */
    int ncases;
    sv_check_rule *rules;
    int nrules;
    int appeals;               /* appeals against decisions about this question (checklist_appeal.c) */
    int appeal_class[SV_CA__COUNT];
} sv_check_item;

typedef struct sv_check_print {
    unsigned long long hash;
    int64_t case_id;
    char law[20];
} sv_check_print;

typedef struct sv_checklist {
    sv_check_item *items;      /* ordered by law, then control id */
    int nitems;
    int cases;                 /* participants examined */
    int decisions;             /* decisions checked */
    int appeals;               /* appeals received by the day, each counted once here */
    const int *recorded;       /* while running: the current case's recorded notifications */
    struct sv_check_print *prints;   /* while running: fingerprints of decided justifications */
    int nprints;
    int last_item;             /* while running: the item found last (rules of a control come together) */
} sv_checklist;

/* Runs the checklist for a municipality (0: every municipality the user may see) as of today.
 * Needs SV_OP_CHECK. Free with sv_checklist_free. */
int sv_checklist_run(sv_store *st, int64_t municipality_id, sv_date today, sv_checklist *out, sv_err *e);
void sv_checklist_free(sv_checklist *cl);

/* Counts the appeals received by today under the control questions their decision was about:
 * those its stored verdict found a violation or remark under, else by its kind (a plan: K1;
 * a later decision: K5), with what became of each (forvaltningsloven §§ 31-34). Run by
 * sv_checklist_run in its snapshot. */
int sv_checklist_appeals(sv_store *st, int64_t municipality_id, sv_date today, sv_checklist *cl, sv_err *e);
int sv_check_appeal_class(const char *review, const char *outcome, int late, int late_considered);
const char *sv_check_appeal_label(int cls);   /* "opphevet av Statsforvalteren" */

#endif
