/* Internals of the case screen shared by casescr.c (drawing, keys) and casesteps.c (what
 * each step lists and what it still lacks). */
#ifndef SV_TUI_CASESCR_H
#define SV_TUI_CASESCR_H

#include "../core/case.h"
#include "tui.h"

/* Row kinds; those above IT_HEAD can be selected. */
enum { IT_WARN, IT_TEXT, IT_HEAD, IT_ROW, IT_ADD, IT_MUNI, IT_DECISION };

typedef struct case_item {
    int kind;
    const sv_entity *ent;   /* IT_ROW, IT_ADD */
    const void *obj;        /* IT_ROW: points into the loaded case */
    int64_t parent;         /* IT_ADD: the parent of the new row */
    int indent;
    char text[240];
} case_item;

typedef struct case_screen {
    tui_screen base;
    char title[160];
    int64_t pid;
    sv_case c;
    sv_deadlines d;
    int step;               /* the step shown */
    int done[8];
    char missing[8][300];   /* what each step still lacks, "" when complete */
    int muni_counts[5];     /* demand, measures, new/adjusted measures, agreements */
    case_item *items;
    int nitems, capitems, cur, top;
    int info, show_fnr;
} case_screen;

void case_add_item(case_screen *cs, int kind, const sv_entity *ent, const void *obj, int64_t parent, int indent,
               const char *text);
void case_progress(case_screen *cs);
void case_build_municipal(case_screen *cs);
void case_build_step5(case_screen *cs);
void case_build_step6(case_screen *cs);
void case_build_step7(case_screen *cs);

#endif
