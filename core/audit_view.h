/* Reading the audit log back: a participant's case history (every change to the participant,
 * the plan and everything under it, and each decision) and the latest entries overall. Values
 * are formatted here, with identity numbers masked, so every front shows the same safe text. */
#ifndef SV_AUDIT_VIEW_H
#define SV_AUDIT_VIEW_H

#include <stdint.h>

#include "store.h"

typedef struct sv_audit_entry {
    int64_t id;
    char at[20];
    char login[33];
    char tbl[24];
    int64_t row_id;
    char action[12];          /* insert, update, delete, refused, backup, restore */
    const char *what;         /* Norwegian name of the table ("Plan") */
    const char *detail;       /* changed fields as «old» → «new», masked; valid during the call */
} sv_audit_entry;

typedef int (*sv_audit_cb)(const sv_audit_entry *a, void *ctx);

/* The history of participant id, oldest first. Needs read access to its municipality. */
int sv_audit_case(sv_store *st, int64_t participant_id, sv_audit_cb cb, void *ctx, sv_err *e);
/* The newest limit entries of the whole log, newest first. Administrators and supervisors. */
int sv_audit_recent(sv_store *st, int limit, sv_audit_cb cb, void *ctx, sv_err *e);

/* Copies s into dst masking the last five digits of any run of eleven digits. */
void sv_mask_idnumbers(char *dst, size_t size, const char *s);

#endif
