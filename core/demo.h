/* Realistic synthetic data: a municipality's steps 1-4 and participants at every stage, with
 * Norwegian names, valid synthetic identity numbers and the distributions of DOMAIN.md
 * ("Numbers for sizing"). Some cases carry deliberate faults for the checklist to find.
 * The same seed gives the same data. */
#ifndef SV_DEMO_H
#define SV_DEMO_H

#include "store.h"

typedef struct sv_demo_opts {
    int participants;      /* in all, spread over the municipalities */
    int municipalities;
    unsigned long seed;
    int absence_days;      /* 0: a few absence days; N: a register of every programme day of the last N days */
} sv_demo_opts;

typedef struct sv_demo_result {
    int participants, municipalities, decisions;
    long absence_rows;
} sv_demo_result;

/* On a database with no users, registers the current login as administrator first. */
int sv_demo(sv_store *st, const sv_demo_opts *o, sv_demo_result *r, sv_err *e);


/* For the first run on a new default database: when it holds no municipality, fills it with
 * the demo municipality (300 participants) and says so through *filled. */
int sv_demo_if_empty(sv_store *st, int *filled, sv_err *e);
#endif
