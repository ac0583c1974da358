/* What each role may do: one table, consulted by the store for every write, so the screens and
 * the command line obey the same rules. */
#ifndef SV_ROLES_H
#define SV_ROLES_H

typedef enum {
    SV_OP_READ,            /* see cases and the municipality's steps 1-4 */
    SV_OP_EDIT_MUNICIPAL,  /* steps 1-4: labour demand, catalogue, agreements, units */
    SV_OP_EDIT_CASE,       /* participant, assessment, plan, phases, reviews, absence */
    SV_OP_EDIT_WORK,       /* work-related measures in a plan, follow-ups, evaluation/handover */
    SV_OP_DECIDE,          /* issue an enkeltvedtak */
    SV_OP_CHECK,           /* run the rule check and the supervisor's checklist */
    SV_OP_ADMIN,           /* users, municipalities, demo data */
    SV_OP_ABSENCE,         /* record absence by the hour in any measure or the whole day */
    SV_OP_ABSENCE_COURSE,  /* record absence in the courses of adult education */
    SV_OP_ABSENCE_WORK,    /* record absence in work placements and NAV measures */
    SV_OP_APPEAL,          /* register and handle appeals (forvaltningsloven §§ 28-34) */
    SV_OP_APPEAL_READ,     /* see appeals and the participant's grounds */
    SV_OP__COUNT
} sv_op;

/* 1 if role may perform op, else 0. Unknown roles may do nothing. */
int sv_role_may(const char *role, sv_op op);
/* Norwegian description of op for refusal messages ("endre planen"). */
const char *sv_op_label(sv_op op);
/* One line in Norwegian saying what the role may do, for the screens' status line. */
const char *sv_role_summary(const char *role);
/* 1 if the role sees every municipality when the user has none set (administrator, supervisor). */
int sv_role_all_municipalities(const char *role);

#endif
