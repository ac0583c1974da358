/* A participant's whole case loaded at once: what the decision document, the rule check, the
 * case screen and `show` all need. Also the derived facts (status, step, deadlines). */
#ifndef SV_CASE_H
#define SV_CASE_H

#include "contract.h"
#include "figures.h"
#include "model.h"
#include "store.h"

typedef struct sv_case_measure {
    sv_plan_measure pm;
    sv_measure measure;      /* the catalogue entry it points at */
    sv_need need;            /* the training need it answers (blank if none) */
} sv_case_measure;

typedef struct sv_case_phase {
    sv_phase phase;
    sv_case_measure *measures;
    int nmeasures;
} sv_case_phase;

typedef struct sv_case {
    sv_municipality muni;
    sv_participant p;
    int has_assessment;
    sv_assessment assessment;
    sv_need *needs;
    int nneeds;
    int has_plan;
    sv_plan plan;
    sv_case_phase *phases;
    int nphases;
    sv_followup *followups;
    int nfollowups;
    sv_review *reviews;
    int nreviews;
    sv_absence *absences;
    int nabsences;
    int has_evaluation;
    sv_evaluation evaluation;
    sv_decision *decisions;  /* oldest first, xml not loaded */
    int ndecisions;
    sv_unit *units;
    int nunits;
    sv_date nir_next;        /* earliest deadline of the open NIR items (core/nir.c); whole load only */
    int has_contract;        /* the integration contract of the plan's current version; whole load only */
    sv_contract contract;
    struct sv_leave *leaves; /* the leave decisions in date order; whole load only */
    int nleaves;
    sv_period *leave_periods; /* the granted ones as the figures take them */
    int nleave_periods;
} sv_case;

/* Loads everything about one participant. Free with sv_case_free. Reading needs no role beyond
 * a registered user who may see the municipality. */
int sv_case_load(sv_store *st, int64_t participant_id, sv_case *c, sv_err *e);
/* whole = 0 loads only the participant, plan, evaluation, reviews and decisions: what
 * sv_case_derive and the checklist read (the whole case was a third of a checklist run). */
int sv_case_load_parts(sv_store *st, int64_t participant_id, int whole, sv_case *c, sv_err *e);
void sv_case_free(sv_case *c);

typedef enum { SV_PS_NONE, SV_PS_DRAFT, SV_PS_DECIDED, SV_PS_CHANGED } sv_plan_status;
const char *sv_plan_status_label(sv_plan_status s);


typedef struct sv_deadlines {
    sv_plan_status status;
    int step;                /* current step 5, 6 or 7 */
    sv_date plan_due;        /* settlement + 3 months, while no decision */
    sv_date review_due;      /* last decision/review + SV_REVIEW_MONTHS, while running */
    sv_date nir_due;         /* the earliest open NIR item's deadline (event + 2 months, core/nir.c) */
    sv_date programme_end;
    sv_date next;            /* the earliest of the open deadlines */
    const char *next_label;
} sv_deadlines;

void sv_case_derive(const sv_case *c, sv_date today, sv_deadlines *d);
/* Weekly hours (tenths) of a phase: the sum of its measures. */
int sv_phase_hours(const sv_case_phase *ph);
/* Programme length in whole months (start to planned end) without the granted leave that
 * interrupts it (sv_fig_programme_months), -1 without a plan. */
int sv_case_months(const sv_case *c);
const sv_decision *sv_case_last_decision(const sv_case *c);

/* Plan edits as the law means them (introduksjonsloven § 6, integreringsloven § 15): a change to
 * the measures, phases, hours, goals or duration is significant and needs a new decision; a
 * correction of wording (spelling, a clearer sentence) in the goal description, the
 * justification or the extension reason, marked as such by the user, is audited like every save
 * but keeps the plan's content revision, so the decision still stands. The mark applies to the
 * next plan save only. */
void sv_plan_mark_correction(void);
/* 1 when saving p moves the plan's content revision on, 0 for a marked correction of wording. */
int sv_plan_rev_step(sv_store *st, const sv_plan *p);

/* What changed in the plan, its phases and measures since the last decision was recorded,
 * from the audit log: one call per change with when, who, what and which fields. */
typedef int (*sv_change_cb)(const char *at, const char *login, const char *what, const char *action,
                            const char *fields, void *ctx);
int sv_case_changes_since_decision(sv_store *st, const sv_case *c, sv_change_cb cb, void *ctx, sv_err *e);

/* Order across records, checked when one is saved: a final evaluation cannot come before the
 * programme started. SV_OK, or SV_EINVAL naming the field. */
int sv_case_check_order(sv_store *st, const sv_entity *ent, const void *obj, sv_err *e);

#endif
