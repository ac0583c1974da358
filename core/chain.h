/* The hash chain over the history: every audit row and every issued decision is linked into
 * one append-only chain, link = SHA-256(previous link, the row's canonical content), computed
 * inside SQLite by sv_chain_link() from triggers (core/guard.c), so plain SQL on the file
 * cannot add a row without breaking the chain or the triggers. The head (the last link) is
 * printed by backup and stored with every export, so a later change made by someone with full
 * access to the file is provable from outside it. */
#ifndef SV_CHAIN_H
#define SV_CHAIN_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* The schema version from which the chain exists. */
#define SV_CHAIN_SCHEMA 7

/* The columns hashed, in order, for each kind of chained row (shared by the triggers and the
 * verification, so both hash exactly the same). */
#define SV_CHAIN_AUDIT_COLS(r) r "id, " r "at, " r "login, " r "tbl, " r "row_id, " r "action, " r "old, " r "new"
#define SV_CHAIN_DECISION_COLS(r) \
    r "id, " r "participant_id, " r "uuid, " r "kind, " r "decided_on, " r "decided_by, " r "plan_rev, " \
    r "law, " r "notified_on, " r "notify_method, " r "reason, " r "xml, " r "created_at"

/* From this schema the notifications recorded after a decision (core/notice.c: the day the
 * appeal deadline runs from) are chained too, and guarded like the decisions. */
#define SV_CHAIN_NOTICE_SCHEMA 19
#define SV_CHAIN_NOTICE_COLS(r) \
    r "id, " r "decision_id, " r "notified_on, " r "method, " r "note, " r "recorded_at, " r "recorded_by"

/* From this schema the verdict kept beside each decision (core/verdict.c: what the checklist
 * reads instead of checking the document again) is chained and guarded too; row_id is the
 * decision's id. */
#define SV_CHAIN_VERDICT_SCHEMA 20
#define SV_CHAIN_VERDICT_COLS(r) r "decision_id, " r "verdict"

/* From this schema the advance notices (core/advnotice.c: the notice before a decision to the
 * participant's disadvantage, its answer or the exception that lets the decision be made at
 * once) are chained too, append-only as they always were. */
#define SV_CHAIN_ADVNOTICE_SCHEMA 33
#define SV_CHAIN_ADVNOTICE_COLS(r)                                                                              \
    r "id, " r "participant_id, " r "kind, " r "sent_on, " r "answer_by, " r "content, " r "exception, " r      \
    "exception_reason, " r "ref, " r "answered_on, " r "answer, " r "recorded_at, " r "recorded_by"

/* The SHA-256 of n bytes at p as 64 lowercase hex digits. */
void sv_sha256_hex(const void *p, size_t n, char out[65]);

/* Identity numbers in the audit log (from schema SV_MASK_SCHEMA): the first six digits, five
 * stars and the first 8 hex digits of HMAC-SHA-256 under a random per-database key (meta
 * 'fnr_key'), so a change of the number shows without the number being kept. sql is the SQL
 * expression of the number. */
#define SV_MASK_SCHEMA 17
#define SV_FNR_MASKED_SIZE 32
/* The masked form of the n bytes at f under key (kn bytes, at least 16): 0, or -1 when there
 * is no key or no HMAC. A form already masked comes back as it is. */
int sv_fnr_mask_keyed(const char *f, size_t n, const void *key, size_t kn, char out[SV_FNR_MASKED_SIZE]);
#define SV_FNR_MASK(sql) "sv_fnr_mask(" sql ", (SELECT value FROM meta WHERE key = 'fnr_key'))"

/* Registers sv_chain_link(prev, kind, values...) and sv_fnr_mask(fnr, key) on db. */
int sv_chain_register(sqlite3 *db);

/* The head of the chain (64 hex digits), or "" when the chain is empty or absent. */
void sv_chain_head(sqlite3 *db, char head[65]);

/* Links every audit row and decision not yet in the chain (the migration that introduces it). */
int sv_chain_build(sqlite3 *db, sv_err *e);

typedef struct sv_chain_break {
    const char *table;      /* "audit", "decision", "chain", "trigger", "table" */
    int64_t row;            /* row id (0 for a trigger or table) */
    const char *name;       /* trigger or table name, or "" */
    const char *problem;    /* Norwegian: what is wrong */
    const char *expected;
    const char *found;
} sv_chain_break;
typedef int (*sv_chain_report)(const sv_chain_break *b, void *ctx);

/* Checks the protective triggers and tables against the shipped definitions and the chain
 * against the rows. full = 0: the cheap part run at every open (triggers, tables, the head
 * consistent with the last rows); full = 1: also every link and every row re-hashed. Calls
 * report (may be NULL) for each break. Returns the number of breaks, or -1 (e set). */
int sv_chain_verify(sqlite3 *db, int full, sv_chain_report report, void *ctx, sv_err *e);

/* Part of the full check (core/rowstate.c): every row of an audited record (the forms'
 * entities, NIR registrations, appeals) must be as its last audit row says it became. A
 * change made with the triggers dropped and put back again leaves the log and the chain whole,
 * but not this. Returns the number of rows that differ (each reported), or -1. */
int sv_chain_check_rows(sqlite3 *db, sv_chain_report report, void *ctx);

#endif
