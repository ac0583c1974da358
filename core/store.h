/* The SQLite store: opening (created 0600, migrated, WAL, busy timeout), the current user,
 * transactions, and generic row access driven by the entity descriptions of forms/. Every
 * statement is prepared with bound parameters; every write runs in a transaction; every
 * editable row carries a version so a save based on an old version is refused, not lost. */
#ifndef SV_STORE_H
#define SV_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "entity.h"
#include "roles.h"
#include "util.h"

#define SV_SCHEMA_VERSION 34   /* SV_SCHEMA_LATEST (core/schema.h) */

typedef struct sv_store sv_store;

typedef struct sv_user {
    char login[33];
    char display_name[81];     /* full name, as it signs letters */
    char title[81];            /* title under the signature (schema 21), or "" */
    char role[16];
    int64_t municipality_id;   /* 0: all municipalities (administrator, supervisor) */
} sv_user;

/* Default path: $STEGVIS_DB, else $XDG_DATA_HOME/stegvis/stegvis.db, else
 * ~/.local/share/stegvis/stegvis.db. Creates the directory (0700). */
int sv_default_db_path(char *buf, size_t size, sv_err *e);

/* Opens (creating when create != 0) and migrates the database. The current user is looked up
 * from sv_login(); sv_store_user() is NULL when that login is not registered. */
int sv_store_open(const char *path, int create, sv_store **out, sv_err *e);
void sv_store_close(sv_store *st);
/* Non-NULL (a message naming `stegvis verify`) when the check run at open found the protected
 * history broken (core/chain.c): the store is then read-only and every write is refused. */
const char *sv_store_broken(const sv_store *st);
/* Runs that check again (after a restore). */
void sv_store_recheck(sv_store *st);
sqlite3 *sv_store_db(sv_store *st);
const char *sv_store_path(const sv_store *st);
/* A value a module keeps with one open store (one connection: the checklist's second process opens its own),
 * found by the address of the module's own key and released with the store. set replaces and
 * releases an earlier value under the key; -1 when every slot is taken. */
void *sv_store_memo(sv_store *st, const void *key);
int sv_store_set_memo(sv_store *st, const void *key, void *p, void (*release)(void *));
int sv_store_schema_version(sv_store *st);

const sv_user *sv_store_user(const sv_store *st);
/* Re-reads the current user (after `user add` or `init`). */
int sv_store_reload_user(sv_store *st, sv_err *e);
/* Refuses with SV_EDENIED (and audits the refusal) unless the current user may do op in the
 * municipality (0: no particular municipality). */
int sv_store_authorize(sv_store *st, sv_op op, int64_t municipality_id, sv_err *e);
/* The operation a save of obj (a row of ent) needs, as sv_row_save judges it: the screens ask
 * before the user types, so a form the user may not save is shown read-only from the start. */
sv_op sv_row_write_op(sv_store *st, const sv_entity *ent, const void *obj);
/* For sv_store_authorize: a municipality not yet in the database, outside the rights of every
 * user bound to one. */
#define SV_MUNI_NEW ((int64_t)-1)
/* As sv_store_authorize, for an operation on the whole database (backup, restore, the whole
 * audit log, demo data): the user must have rights over every municipality it holds. */
int sv_store_authorize_all(sv_store *st, sv_op op, sv_err *e);
/* For a restore from the database from: a user bound to one municipality may bring in only a
 * database that holds no other municipality. */
int sv_store_authorize_source(sv_store *st, sqlite3 *from, sv_err *e);
/* Message for a login that is not registered: ask an administrator (names none). */
void sv_store_unregistered_msg(sv_store *st, sv_err *e);
/* login with control characters, non-ASCII bytes and backslashes as \xNN, for the log and
 * for messages. */
void sv_login_escaped(char *buf, size_t size, const char *login);

/* Transactions. begin is BEGIN IMMEDIATE: the write lock is taken at once, waiting for a
 * colleague's write to finish (busy timeout) instead of failing later. Nested calls count. */
int sv_store_begin(sv_store *st, sv_err *e);
int sv_store_commit(sv_store *st, sv_err *e);
void sv_store_rollback(sv_store *st);

/* A read snapshot around a long run of reads (checklist, export of every decision): in WAL
 * mode each statement outside a transaction takes and drops a read lock (two fcntl calls and
 * a stat), which cost more than the reads themselves. Inside a transaction it does nothing;
 * writes made meanwhile (audit of a refusal) join it and are committed by read_end. */
int sv_store_read_begin(sv_store *st, sv_err *e);
void sv_store_read_end(sv_store *st);

/* A cached prepared statement for sql (reset and cleared of bindings). NULL on error (e set). */
sqlite3_stmt *sv_store_prepare(sv_store *st, const char *sql, sv_err *e);
/* Translates a SQLite failure into a Norwegian message (locked, full, read-only, corrupt). */
int sv_store_dberr(sv_store *st, int rc, sv_err *e);

/* Restore generations: a restore starts a new generation (core/backup.c), and the version a
 * row is loaded with (sv_meta.version, the token shown as "versjon" and taken by
 * --if-version) is generation * SV_GENERATION_STEP + the stored version, so a save or delete
 * prepared before a restore never matches a row after it. */
#define SV_GENERATION_STEP 1000000
#define SV_GENERATION "ifnull((SELECT value FROM meta WHERE key = 'generation'), 0)"
#define SV_VERSION_TOKEN "version + 1000000 * " SV_GENERATION
int sv_store_generation(sv_store *st);

/* Users. */
int sv_user_add(sv_store *st, const sv_user *u, sv_err *e);
int sv_user_count(sv_store *st);
/* Binds every user of a one-municipality role registered without one to the database's only
 * municipality (run inside the transaction that adds a second). */
int sv_users_bind_unbound(sv_store *st, sv_err *e);

/* Generic rows. obj is a struct of the entity's type whose first member is sv_meta. */
int sv_row_load(sv_store *st, const sv_entity *ent, int64_t id, void *obj, sv_err *e);
/* For one-per-parent entities (assessment, plan, evaluation). SV_ENOTFOUND when none. */
int sv_row_load_child(sv_store *st, const sv_entity *ent, int64_t parent, void *obj, sv_err *e);
/* Validates, authorizes and saves: inserts when m.id == 0 (filling id, version), else updates
 * if m.version is still the stored one (SV_ECONFLICT otherwise, naming who saved and when).
 * On any failure the database is unchanged and obj keeps the user's input. */
int sv_row_save(sv_store *st, const sv_entity *ent, void *obj, sv_err *e);
int sv_row_delete(sv_store *st, const sv_entity *ent, int64_t id, int version, sv_err *e);
/* Calls cb for each child of parent (ordered by the first date field, then id). cb returns
 * non-zero to stop. Rows are read one at a time into a scratch struct. */
typedef int (*sv_row_cb)(const void *obj, void *ctx);
int sv_row_each(sv_store *st, const sv_entity *ent, int64_t parent, sv_row_cb cb, void *ctx,
                sv_err *e);
/* The municipality a row of ent with the given parent belongs to; 0 if unknown. */
int64_t sv_row_municipality(sv_store *st, const sv_entity *ent, int64_t parent);

/* Drafts: what a user typed but has not saved, kept per user and key until saved. Identity
 * numbers in them are stored only masked (draftmask.h). */
int sv_draft_put(sv_store *st, const char *key, const char *value, sv_err *e);
char *sv_draft_get(sv_store *st, const char *key);   /* caller frees; NULL if none */
int sv_draft_drop(sv_store *st, const char *key, sv_err *e);

#endif
