/* Database schema and its numbered migrations (PRAGMA user_version). */
#ifndef SV_SCHEMA_H
#define SV_SCHEMA_H

#include <sqlite3.h>

#include "util.h"

#define SV_SCHEMA_LATEST 34

int sv_schema_version(sqlite3 *db);   /* -1 if the file is not a database */
int sv_schema_has_table(sqlite3 *db, const char *name);
/* Migrates up to target (SV_SCHEMA_LATEST normally; tests pass lower numbers to build old
 * versions). Refuses a database newer than this program, leaving it untouched. */
int sv_schema_migrate(sqlite3 *db, int target, sv_err *e);

/* The CREATE TABLE text of table as the migrations up to schema create it (into out). */
int sv_schema_shipped_table(int schema, const char *table, sv_buf *out);

#endif
