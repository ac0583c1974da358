/* Online backup and restore (see backup.h). The copy goes to a temporary file beside the
 * destination, is checked, and only then linked into place, so a failed or interrupted backup
 * never leaves a file that looks like a good one; one left by a killed backup is removed by the
 * next backup into that directory. */
#include "backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain.h"
#include "schema.h"
#include "i18n.h"

int sv_has_idnumber_run(const char *s)
{
    int run = 0;
    for (; *s; s++) {
        run = *s >= '0' && *s <= '9' ? run + 1 : 0;
        if (run >= 11) return 1;
    }
    return 0;
}

/* Norwegian message for a failure on the backup file (not the live database). */
static int file_err(sqlite3 *db, int rc, const char *what, sv_err *e)
{
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return sv_err_set(e, SV_EIO, NULL, _("%s: disken er full. Frigjør plass og prøv igjen."), what);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return sv_err_set(e, SV_EINVAL, NULL, _("%s: filen er skadet eller er ikke en stegvis-database."), what);
    case SQLITE_CANTOPEN:
        return sv_err_set(e, SV_EIO, NULL, _("%s: filen kan ikke åpnes (finnes den, og har du tilgang?)"), what);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return sv_err_set(e, SV_EDB, NULL, _("%s: databasen var opptatt for lenge; prøv igjen."), what);
    default:
        return sv_err_set(e, SV_EIO, NULL, "%s: %s", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    }
}

static int first_break(const sv_chain_break *b, void *ctx)
{
    char *msg = ctx;
    if (!msg[0]) {
        if (b->row) snprintf(msg, 300, "%s nr. %lld: %s", b->table, (long long)b->row, b->problem);
        else snprintf(msg, 300, "%s %s: %s", b->table, b->name, b->problem);
    }
    return 0;
}

/* The whole verification of the protected history (as `stegvis verify`): a copy whose chain,
 * decisions or protective triggers were changed is not a backup to restore. Copies from before
 * the chain existed have none to check. */
static int check_chain(sqlite3 *db, sv_backup_info *info, const char *what, sv_err *e)
{
    if (info->schema < SV_CHAIN_SCHEMA) return SV_OK;
    char first[300] = "";
    sv_chain_register(db);
    int n = sv_chain_verify(db, 1, first_break, first, e);
    if (n < 0) return e->code;
    sv_chain_head(db, info->head);
    if (n > 0)
        return sv_err_set(e, SV_EINVAL, NULL, 
                          _n("%s: %d brudd i den beskyttede historikken (først: %s). Kontroller "
                             "filen med «stegvis --db FIL verify»; ingenting er endret.",
                             "%s: %d brudd i den beskyttede historikken (først: %s). Kontroller "
                             "filen med «stegvis --db FIL verify»; ingenting er endret.", n), what, n, first);
    return SV_OK;
}

static int read_info(sqlite3 *db, sv_backup_info *info, const char *what, sv_err *e)
{
    sqlite3_stmt *s = NULL;
    int ok = 0, rc;
    rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL);
    if (rc != SQLITE_OK) return file_err(db, rc, what, e);
    rc = sqlite3_step(s);
    ok = rc == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(s, 0), "ok");
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return file_err(db, rc, what, e);
    if (!ok) return sv_err_set(e, SV_EINVAL, NULL, _("%s: filen er skadet (integritetskontrollen feilet)."), what);
    memset(info, 0, sizeof *info);
    info->schema = sv_schema_version(db);
    rc = sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sqlite_schema WHERE name = 'audit'),"
                                " (SELECT page_count * page_size FROM pragma_page_count, pragma_page_size),"
                                " (SELECT page_count FROM pragma_page_count)", -1, &s, NULL);
    if (rc != SQLITE_OK) return file_err(db, rc, what, e);
    int stegvis = 0;
    if (sqlite3_step(s) == SQLITE_ROW) {
        stegvis = sqlite3_column_int(s, 0);
        info->bytes = sqlite3_column_int64(s, 1);
        info->pages = sqlite3_column_int(s, 2);
    }
    sqlite3_finalize(s);
    if (!stegvis || info->schema < 1)
        return sv_err_set(e, SV_EINVAL, NULL, _("%s: filen er ikke en stegvis-database."), what);
    if (info->schema > SV_SCHEMA_LATEST)
        return sv_err_set(e, SV_EINVAL, NULL, _("%s: laget av en nyere versjon av stegvis (skjema %d; denne "
                          "kjenner til og med %d). Oppgrader stegvis først."), what, info->schema, SV_SCHEMA_LATEST);
    if (sqlite3_prepare_v2(db, "SELECT ifnull(max(at), '') FROM audit", -1, &s, NULL) == SQLITE_OK) {
        if (sqlite3_step(s) == SQLITE_ROW)
            snprintf(info->backup_at, sizeof info->backup_at, "%s", sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
    }
    return check_chain(db, info, what, e);
}

int sv_backup_verify(const char *path, sv_backup_info *info, sv_err *e)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return sv_err_set(e, SV_ENOTFOUND, NULL, _("Sikkerhetskopien %s finnes ikke."), path);
    if (!S_ISREG(sb.st_mode)) return sv_err_set(e, SV_EINVAL, NULL, _("%s er ikke en vanlig fil."), path);
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK) rc = read_info(db, info, "Sikkerhetskopien", e);
    else rc = file_err(db, rc, "Sikkerhetskopien", e);
    sqlite3_close(db);
    return rc;
}

/* Removes temporary copies left in dir by backups that were killed: their lock is free. */
#define TMP_MARK ".stegvis-tmp-"
static void sweep_stale(const char *dir)
{
    DIR *dh = opendir(dir);
    if (!dh) return;
    struct dirent *de;
    while ((de = readdir(dh))) {
        const char *m = strstr(de->d_name, TMP_MARK);
        if (de->d_name[0] != '.' || !m || strlen(m) != sizeof TMP_MARK - 1 + 6) continue;
        int fd = openat(dirfd(dh), de->d_name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) continue;
        struct stat sb;
        if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == geteuid() && flock(fd, LOCK_EX | LOCK_NB) == 0) {
            char jr[NAME_MAX + 16];
            unlinkat(dirfd(dh), de->d_name, 0);
            snprintf(jr, sizeof jr, "%s-journal", de->d_name);
            unlinkat(dirfd(dh), jr, 0);
        }
        close(fd);
    }
    closedir(dh);
}

static int audit_note(sv_store *st, const char *action, const char *file, sv_err *e)
{
    if (sv_store_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT INTO audit(login, tbl, action, new) "
                                           "VALUES(sv_user(), 'backup', ?, json_object('file', ?))", e);
    if (!s) goto fail;
    sqlite3_bind_text(s, 1, action, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, file, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        sv_store_dberr(st, rc, e);
        goto fail;
    }
    return sv_store_commit(st, e);
fail:
    sv_store_rollback(st);
    return e->code;
}

/* Copies the whole of from into to in one step: in WAL mode this reads one consistent
 * snapshot while colleagues go on writing, where a stepwise copy would restart on each write. */
static int copy_db(sqlite3 *to, sqlite3 *from, const char *what, sv_err *e)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) return file_err(to, sqlite3_errcode(to), what, e);
    int rc;
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    return rc == SQLITE_DONE ? SV_OK : file_err(to, rc, what, e);
}

static int sync_path(const char *path, int dir)
{
    int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

static int backup(sv_store *st, const char *dest, int record, sv_backup_info *info, sv_err *e);

int sv_backup(sv_store *st, const char *dest, sv_backup_info *info, sv_err *e) { return backup(st, dest, 1, info, e); }

int sv_backup_unrecorded(sv_store *st, const char *dest, sv_backup_info *info, sv_err *e)
{
    return backup(st, dest, 0, info, e);
}

int sv_backup_note(sv_store *st, const char *file, sv_err *e)
{
    if (sv_store_authorize_all(st, SV_OP_ADMIN, e)) return e->code;
    return audit_note(st, "backup", file, e);
}

static int backup(sv_store *st, const char *dest, int record, sv_backup_info *info, sv_err *e)
{
    if (sv_store_authorize_all(st, SV_OP_ADMIN, e)) return e->code;
    if (!dest || !*dest) return sv_err_set(e, SV_EINVAL, "file", _("Sikkerhetskopi: oppgi et filnavn"));
    if (sv_has_idnumber_run(dest))
        return sv_err_set(e, SV_EINVAL, "file", _("Sikkerhetskopi: filnavnet kan ikke inneholde 11 siffer på rad "
                          "(fødselsnumre skal aldri stå i filnavn)"));
    struct stat sb;
    if (lstat(dest, &sb) == 0)
        return sv_err_set(e, SV_EINVAL, "file", _("Sikkerhetskopi: %s finnes allerede. Velg et nytt filnavn "
                          "(en sikkerhetskopi skriver aldri over en fil)."), dest);
    /* The copy is built under a hidden temporary name beside dest, locked while it is built:
     * a copy left by a killed backup is found by the next backup into that directory (its
     * lock is gone) and removed. */
    char *d = sv_xstrdup(dest);
    const char *dir = dirname(d);
    const char *slash = strrchr(dest, '/');
    const char *base = slash ? slash + 1 : dest;
    if (!*base) {
        free(d);
        return sv_err_set(e, SV_EINVAL, "file", _("Sikkerhetskopi: oppgi et filnavn, ikke en katalog"));
    }
    if (strlen(base) + sizeof "." TMP_MARK "XXXXXX-journal" > NAME_MAX + 1 ||
        strlen(dir) + strlen(base) + sizeof "/." TMP_MARK "XXXXXX-journal" > PATH_MAX) {
        free(d);
        return sv_err_set(e, SV_EINVAL, "file", 
                          _n("Sikkerhetskopi: filnavnet er for langt (den midlertidige kopien "
                             "trenger %zu tegn til). Velg et kortere navn.",
                             "Sikkerhetskopi: filnavnet er for langt (den midlertidige kopien "
                             "trenger %zu tegn til). Velg et kortere navn.", sizeof "." TMP_MARK "XXXXXX-journal"),
                          sizeof "." TMP_MARK "XXXXXX-journal");
    }
    sweep_stale(dir);
    size_t tn = strlen(dir) + strlen(base) + sizeof "/." TMP_MARK "XXXXXX";
    char *tmp = sv_xmalloc(tn);
    snprintf(tmp, tn, "%s/.%s" TMP_MARK "XXXXXX", dir, base);
    /* Ctrl-C or a hang-up while the copy is built waits until it is removed or in place. */
    sigset_t block, was;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigaddset(&block, SIGQUIT);
    sigprocmask(SIG_BLOCK, &block, &was);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        sv_err_set(e, SV_EIO, "file", _("Sikkerhetskopi: kan ikke opprette %s: %s"), dest, strerror(errno));
        sigprocmask(SIG_SETMASK, &was, NULL);
        free(tmp);
        free(d);
        return e->code;
    }
    fchmod(fd, 0600);
    flock(fd, LOCK_EX);
    sqlite3 *db = NULL;
    int src = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL);
    int rc = src == SQLITE_OK ? copy_db(db, sv_store_db(st), "Sikkerhetskopi", e) : file_err(db, src, "Sikkerhetskopi", e);
    /* A single self-contained file: no -wal beside it to forget when copying it away. */
    if (rc == SV_OK) {
        int jr = sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
        if (jr != SQLITE_OK) rc = file_err(db, jr, "Sikkerhetskopi", e);
    }
    if (rc == SV_OK) rc = read_info(db, info, "Sikkerhetskopi", e);
    sqlite3_close(db);
    if (rc == SV_OK && sync_path(tmp, 0) != 0)
        rc = sv_err_set(e, SV_EIO, "file", _("Sikkerhetskopi: kunne ikke skrive filen ferdig: %s"), strerror(errno));
    /* link() refuses to replace a file that appeared meanwhile; rename() is the fallback for
     * file systems without hard links. */
    if (rc == SV_OK && link(tmp, dest) != 0) {
        if (errno == EEXIST)
            rc = sv_err_set(e, SV_EINVAL, "file", _("Sikkerhetskopi: %s ble opprettet av noen andre underveis."), dest);
        else if (rename(tmp, dest) != 0)
            rc = sv_err_set(e, SV_EIO, "file", _("Sikkerhetskopi: kan ikke lagre %s: %s"), dest, strerror(errno));
    }
    unlink(tmp);
    char jr[PATH_MAX + 16];
    snprintf(jr, sizeof jr, "%s-journal", tmp);
    unlink(jr);
    close(fd);
    if (rc == SV_OK) sync_path(dir, 1);
    sigprocmask(SIG_SETMASK, &was, NULL);
    free(tmp);
    free(d);
    /* Recorded only for a backup that exists. */
    if (rc == SV_OK && record) rc = audit_note(st, "backup", dest, e);
    return rc;
}

int sv_restore(sv_store *st, const char *src, sv_backup_info *info, sv_err *e)
{
    if (sv_store_authorize_all(st, SV_OP_ADMIN, e)) return e->code;
    if (sv_backup_verify(src, info, e)) return e->code;
    sqlite3 *from = NULL;
    int rc = sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK) {
        file_err(from, rc, "Sikkerhetskopien", e);
        sqlite3_close(from);
        return e->code;
    }
    rc = sv_store_authorize_source(st, from, e);
    int gen = sv_store_generation(st);
    /* The live file may be the broken one being replaced: the checked copy goes in regardless. */
    if (rc == SV_OK) sqlite3_exec(sv_store_db(st), "PRAGMA query_only = OFF", NULL, NULL, NULL);
    if (rc == SV_OK) rc = copy_db(sv_store_db(st), from, "Gjenoppretting", e);
    sqlite3_close(from);
    if (rc) {
        sv_store_recheck(st);
        return rc;
    }
    /* The restored file may be older than the schema we run: bring it up to date, and note the
     * restore in its own audit log so the gap in history is explained. */
    if (sv_schema_migrate(sv_store_db(st), SV_SCHEMA_LATEST, e)) return e->code;
    if (sv_store_reload_user(st, e)) return e->code;
    /* A new generation above both the replaced database's and the copy's: every row version
     * handed out before the restore is now stale (store.h). */
    int was = sv_store_generation(st);
    sqlite3_stmt *s = sv_store_prepare(st, "UPDATE meta SET value = ? WHERE key = 'generation'", e);
    if (!s) return e->code;
    sqlite3_bind_int(s, 1, (gen > was ? gen : was) + 1);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    sv_store_recheck(st);
    return audit_note(st, "restore", src, e);
}
