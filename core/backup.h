/* Backups and restores through SQLite's online backup API: a consistent copy taken while
 * colleagues keep working (WAL readers never block writers), written 0600 whatever the umask,
 * checked before it is put in place, and noted in the audit log once it is. Restore copies a
 * checked backup back into the live file under the write lock, so a colleague's open program
 * simply waits and then sees the restored data. */
#ifndef SV_BACKUP_H
#define SV_BACKUP_H

#include "store.h"

typedef struct sv_backup_info {
    int pages;
    long long bytes;
    int schema;
    char backup_at[20];   /* the last event in the copy's own audit log (when it was current) */
    char head[65];        /* the head of its hash chain (core/chain.h); "" before the chain */
} sv_backup_info;

/* Writes a copy of the open database to dest (which must not exist). Administrators only; the
 * backup is recorded in the audit log. A file name holding eleven digits in a row is refused,
 * since identity numbers must never appear in file names. */
int sv_backup(sv_store *st, const char *dest, sv_backup_info *info, sv_err *e);
/* The same without the audit row, for a copy that is handed on elsewhere (the shared server's
 * private copy, copied to the administrator's file); the caller then records the backup that
 * exists with sv_backup_note. */
int sv_backup_unrecorded(sv_store *st, const char *dest, sv_backup_info *info, sv_err *e);
int sv_backup_note(sv_store *st, const char *file, sv_err *e);

/* Checks that path is a whole stegvis database this version can read: integrity_check ok, a
 * schema no newer than ours, and the full verification of its hash chain, decisions and
 * protective triggers (as `stegvis verify`). Opens it read-only; changes nothing. */
int sv_backup_verify(const char *path, sv_backup_info *info, sv_err *e);

/* Replaces the contents of the open database with the checked backup src. Administrators only;
 * the restore is recorded in the restored database's audit log. */
int sv_restore(sv_store *st, const char *src, sv_backup_info *info, sv_err *e);

/* 1 if s holds eleven or more digits in a row (possibly an identity number). */
int sv_has_idnumber_run(const char *s);

#endif
