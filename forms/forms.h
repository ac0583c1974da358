/* The fields of every step as data: label, kind, required, limits, code list and help. The
 * screens draw their forms from these, the command line turns them into options, and the store
 * maps them to columns. */
#ifndef SV_FORMS_H
#define SV_FORMS_H

#include "../core/entity.h"

extern const sv_entity SV_ENT_MUNICIPALITY;
extern const sv_entity SV_ENT_UNIT;
extern const sv_entity SV_ENT_DEMAND;        /* step 1 */
extern const sv_entity SV_ENT_MEASURE;       /* steps 2-3 */
extern const sv_entity SV_ENT_AGREEMENT;     /* step 4 */
extern const sv_entity SV_ENT_PARTICIPANT;
extern const sv_entity SV_ENT_ASSESSMENT;    /* step 5 */
extern const sv_entity SV_ENT_NEED;
extern const sv_entity SV_ENT_PLAN;
extern const sv_entity SV_ENT_PHASE;
extern const sv_entity SV_ENT_PLAN_MEASURE;
extern const sv_entity SV_ENT_FOLLOWUP;      /* step 6 */
extern const sv_entity SV_ENT_REVIEW;
extern const sv_entity SV_ENT_ABSENCE;
extern const sv_entity SV_ENT_EVALUATION;    /* step 7 */
extern const sv_entity SV_ENT_ABSENCE_HOUR;  /* step 6: absence by the hour (core/absence.c) */
extern const sv_code SV_CODES_ABSENCE_HOUR_REASON[];
extern const sv_entity SV_ENT_LEAVE;         /* step 6: leave as a decision (core/leave.c) */
extern const sv_code SV_CODES_LEAVE_KIND[];
extern const sv_entity SV_ENT_CONTRACT;      /* step 5: integration contract (core/contract.c) */
/* Registrations in NIR: written only through core/nir.c (which refuses a registration before
 * the event or a second one), so it is not among SV_ENTITIES that `add`/`edit` offer; its
 * audit triggers are generated like every other entity's. */
extern const sv_entity SV_ENT_NIR_REG;

/* Every entity above, NULL-terminated, in the order of the steps. */
extern const sv_entity *const SV_ENTITIES[];
const sv_entity *sv_entity_by_table(const char *table);

/* Code lists used outside a single field. */
extern const sv_code SV_CODES_ROLE[];
extern const sv_code SV_CODES_DECISION_KIND[];
extern const sv_code SV_CODES_STOP_KIND[];
extern const sv_code SV_CODES_NOTIFY[];
extern const sv_code SV_CODES_MEASURE_KIND[];
/* For letters and certificates, which print labels instead of codes. */
extern const sv_code *const SV_CODES_UNIT_KIND;
extern const sv_code *const SV_CODES_FINAL_GOAL;
extern const sv_code *const SV_CODES_REVIEW_REASON;
extern const sv_code *const SV_CODES_OUTCOME;
extern const sv_code *const SV_CODES_END_REASON;
extern const sv_code *const SV_CODES_LEVEL;

/* Sets every field of obj to its empty value (dates SV_NODATE, text "", numbers 0). */
void sv_entity_blank(const sv_entity *ent, void *obj);

#endif
