/* The protective triggers: audit of every write, refusal of changes to the audit log and to
 * issued decisions, refusal of writes without a version bump and of REPLACE, and the links of
 * the hash chain (core/chain.c). They are generated here, in one place: the migration installs
 * them and `stegvis verify` (and every open) compares what the database holds to them. */
#ifndef SV_GUARD_H
#define SV_GUARD_H

#include "util.h"

/* Calls cb with the name and exact CREATE TRIGGER text of every protective trigger of schema
 * version schema, in the order they are created. cb returns non-zero to stop; that value is returned. */
typedef int (*sv_guard_cb)(const char *name, const char *sql, void *ctx);
int sv_guard_each(int schema, sv_guard_cb cb, void *ctx);

/* Appends "DROP TRIGGER IF EXISTS name; CREATE TRIGGER ...;" for every protective trigger. */
void sv_guard_sql(int schema, sv_buf *b);

/* The same triggers for one entity that is not among SV_ENTITIES (NIR registrations, which
 * only core/nir.c writes); the migration that creates its table installs them. */
struct sv_entity;
void sv_guard_entity_sql(sv_buf *b, const struct sv_entity *ent);

/* Appends the json_object() expression of a row of ent as its audit triggers record it under
 * schema (row: NEW, OLD or a table alias), so core/rowstate.c compares with exactly that. */
void sv_guard_row_json(sv_buf *b, int schema, const struct sv_entity *ent, const char *row);

#endif
