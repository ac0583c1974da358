/* The domain model of DOMAIN.md as C types: the municipality's steps 1-4 (labour demand,
 * catalogue of measures, agreements) and each participant's steps 5-7 (assessment, plan,
 * follow-up, evaluation) with the decisions that fix the plan. Text fields are fixed arrays
 * whose sizes are the limits the forms enforce (never silently truncated). */
#ifndef SV_MODEL_H
#define SV_MODEL_H

#include <stdint.h>

#include "date.h"

/* Columns every editable row carries: the optimistic-lock version and who saved it last. */
typedef struct sv_meta {
    int64_t id;
    int64_t parent;        /* municipality, participant, plan or phase id, per entity */
    int version;
    char updated_by[33];
    char updated_at[20];
} sv_meta;

typedef struct sv_municipality {
    sv_meta m;
    char number[5];        /* kommunenummer, 4 digits */
    char name[81];
    char malform[3];       /* "nb" or "nn" */
    int demo;              /* 1 for the demo municipality */
} sv_municipality;

typedef struct sv_unit {
    sv_meta m;
    char kind[20];         /* flyktningtjeneste, voksenopplaering, nav */
    char name[81];
    char street[121];      /* postal address (schema 21): street or PO box */
    char postcode[5];      /* four digits */
    char place[61];        /* poststed */
} sv_unit;

typedef struct sv_demand {          /* step 1 */
    sv_meta m;
    char sector[81];
    char occupation[81];
    char employer[121];
    int jobs;
    char requirements[1001];
    char source[201];
    sv_date noted_on;
} sv_demand;

typedef struct sv_measure {         /* steps 2-3: the catalogue */
    sv_meta m;
    char name[121];
    char kind[24];         /* code list MEASURE_KINDS */
    char provider[20];     /* unit kind */
    int hours;             /* tenths of an hour per week */
    char orientation[12];  /* arbeid, utdanning, begge */
    int nav;               /* 1 if a NAV measure */
    char status[14];       /* eksisterende, justert, ny */
    char description[2001];
} sv_measure;

typedef struct sv_agreement {       /* step 4 */
    sv_meta m;
    char partner[121];
    char partner_kind[14]; /* arbeidsgiver, skole */
    char contact[121];
    sv_date valid_from;
    sv_date valid_to;
    char content[2001];
} sv_agreement;

typedef struct sv_participant {
    sv_meta m;             /* parent: municipality */
    char fnr[12];
    char name[121];
    char sex[2];           /* M, K */
    char languages[201];
    int interpreter;       /* needs an interpreter */
    char interpreter_lang[81];
    sv_date permit_on;     /* residence permit granted: decides the law */
    sv_date settled_on;
    char right_duty[16];   /* rett_plikt, rett, plikt, kan_tilbys */
    char schooling[16];    /* ingen, grunnskole, vgs, hoyere */
    char adviser[33];      /* login of the responsible adviser */
    sv_date requested_on;  /* request to take part (krav om deltakelse), introduksjonsloven § 6 */
    char street[121];      /* postal address (schema 21), where letters go */
    char postcode[5];      /* four digits */
    char place[61];        /* poststed */
} sv_participant;

typedef struct sv_assessment {      /* step 5: kartlegging */
    sv_meta m;             /* parent: participant */
    sv_date assessed_on;
    char education[1001];
    char work_experience[1001];
    char language_level[4];
    char competence[1001];
    sv_date career_on;
    char career_advice[1001];
} sv_assessment;

typedef struct sv_need {            /* a training need found by the assessment */
    sv_meta m;             /* parent: participant */
    char area[14];         /* norsk, arbeid, utdanning, samfunn, helse, annet */
    char description[201];
} sv_need;

typedef struct sv_plan {            /* step 5: the individual plan / integreringsplan */
    sv_meta m;             /* parent: participant */
    sv_date start_on;
    sv_date planned_end;
    char final_goal[14];   /* arbeid, vgs, hoyere, annet */
    char final_goal_text[501];
    char norwegian_goal[4];
    int social_hours;      /* samfunnskunnskap, whole hours */
    sv_date consulted_on;
    int interpreter_used;
    int selfstudy;         /* substantial self-study: norm 30 h instead of 37.5 */
    char justification[4001];
    char extension_reason[2001];
    int rev;               /* content revision, bumped by every change to plan/phases/measures */
} sv_plan;

typedef struct sv_phase {
    sv_meta m;             /* parent: plan */
    char name[81];
    sv_date start_on;
    sv_date end_on;
    char reason[1001];     /* why only one phase, or why fewer hours than 37.5 (self-study) */
} sv_phase;

typedef struct sv_plan_measure {
    sv_meta m;             /* parent: phase */
    int64_t measure_id;    /* from the catalogue */
    int64_t need_id;       /* the training need it answers */
    int hours;             /* tenths of an hour per week */
} sv_plan_measure;

typedef struct sv_followup {        /* step 6 */
    sv_meta m;
    sv_date held_on;
    char with_whom[14];    /* deltaker, arbeidsgiver, skole, nav */
    char notes[4001];
    sv_date next_on;
} sv_followup;

typedef struct sv_review {          /* step 6: regular or on a change in life */
    sv_meta m;
    sv_date held_on;
    char reason[10];       /* jevnlig, endring */
    char outcome[2001];
    int plan_changed;
} sv_review;

typedef struct sv_absence {
    sv_meta m;
    char kind[12];         /* permisjon, fravaer */
    char reason[16];
    sv_date from_on;
    sv_date to_on;
    int approved;
    char note[501];
} sv_absence;

/* Absence by the hour (core/absence.c): one participant's day, in one measure (a course at
 * adult education, a work placement) or in the whole day. hours 0 records the day as attended. */
typedef struct sv_absence_hour {
    sv_meta m;             /* parent: participant */
    sv_date on_day;
    int64_t measure_id;    /* the catalogue measure (course, placement); 0: the day as a whole */
    int hours;             /* tenths of an hour absent; 0: present */
    char reason[16];       /* the law's list (templates/fravaer.txt) */
    int approved;
    char note[201];
} sv_absence_hour;

typedef struct sv_evaluation {      /* step 7 */
    sv_meta m;
    sv_date evaluated_on;
    char outcome[12];      /* arbeid, utdanning, begge, annet */
    char end_reason[16];
    sv_date handover_on;   /* handed over to NAV */
    char handover_note[2001];
    char status_1y[12];
    sv_date status_1y_on;
} sv_evaluation;

/* A registration in NIR of one item of the NIR worklist (core/nir.c derives the items from
 * the facts): the item, the fact as it stood when registered, when, and (m.updated_by) who. */
typedef struct sv_nir_reg {
    sv_meta m;             /* parent: participant */
    char item[40];         /* "tiltak:245": item kind and the id of the row the fact lives on */
    char fact[256];
    sv_date registered_on;
} sv_nir_reg;

/* An issued decision. Immutable: the store refuses UPDATE and DELETE. */
typedef struct sv_decision {
    int64_t id;
    int64_t participant_id;
    char uuid[37];
    char kind[14];         /* plan, endring, forlengelse, stans */
    sv_date decided_on;
    char decided_by[33];
    int plan_rev;          /* the plan content revision it fixed */
    char law[20];          /* introduksjonsloven, integreringsloven */
    sv_date notified_on;
    char notify_method[14];/* digitalt, post, personlig */
    char reason[2001];     /* why this decision (change, extension, stop) */
    char created_at[20];
} sv_decision;

/* Law profile, derived from the residence permit date (integreringsloven § 51). */
typedef enum { SV_LAW_INTRO = 0, SV_LAW_INTEGRERING = 1 } sv_law;
sv_law sv_participant_law(const sv_participant *p);
const char *sv_law_code(sv_law l);     /* "introduksjonsloven" / "integreringsloven" */

#endif
