/* Opening the database, the current user, transactions, cached statements, users, drafts. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain.h"
#include "priv.h"
#include "schema.h"
#include "i18n.h"

#define CACHE 96

struct sv_store {
    sqlite3 *db;
    char *path;
    sv_user user;
    int has_user;
    int unbound;            /* registered in a role of one municipality, but bound to none */
    int depth;              /* transaction nesting */
    int broken;             /* the cheap integrity check failed at open: read-only */
    struct { const char *sql; sqlite3_stmt *st; } cache[CACHE];
    int ncache;
    struct { const void *key; void *p; void (*release)(void *); } memo[4];
};

sqlite3 *sv_store_db(sv_store *st) { return st->db; }
const char *sv_store_path(const sv_store *st) { return st->path; }
const sv_user *sv_store_user(const sv_store *st) { return st->has_user ? &st->user : NULL; }
int sv_store_schema_version(sv_store *st) { return sv_schema_version(st->db); }

static int mkdirs(const char *dir)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s", dir) >= (int)sizeof tmp) return -1;
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(tmp, 0700) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    return mkdir(tmp, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

int sv_default_db_path(char *buf, size_t size, sv_err *e)
{
#ifdef SV_STATEDIR
    /* The server build (make install-server): the shared database, whatever the environment. */
    if (sv_priv_elevated() || !sv_env("STEGVIS_DB")) {
        if (snprintf(buf, size, "%s/stegvis.db", SV_STATEDIR) >= (int)size)
            return sv_err_set(e, SV_EINVAL, NULL, _("Databasestien er for lang"));
        return SV_OK;
    }
#endif
    /* Without a shared database, the elevated program has nothing to guard: it becomes the
     * user's own program and uses their personal database. */
    if (sv_priv_elevated() && sv_priv_drop() != 0)
        return sv_err_set(e, SV_EIO, NULL, _("Kan ikke gi fra seg rettighetene"));
    const char *env = sv_env("STEGVIS_DB");
    if (env && *env) {
        if (snprintf(buf, size, "%s", env) >= (int)size)
            return sv_err_set(e, SV_EINVAL, NULL, _("STEGVIS_DB: stien er for lang"));
        return SV_OK;
    }
    char dir[4096];
    const char *xdg = sv_env("XDG_DATA_HOME"), *home = sv_env("HOME");
    if (xdg && *xdg) snprintf(dir, sizeof dir, "%s/stegvis", xdg);
    else if (home && *home) snprintf(dir, sizeof dir, "%s/.local/share/stegvis", home);
    else return sv_err_set(e, SV_EINVAL, NULL, _("Finner ikke hjemmekatalogen: sett STEGVIS_DB eller bruk --db"));
    if (mkdirs(dir) != 0)
        return sv_err_set(e, SV_EIO, NULL, _("Kan ikke opprette katalogen %s: %s"), dir, strerror(errno));
    if (snprintf(buf, size, "%s/stegvis.db", dir) >= (int)size)
        return sv_err_set(e, SV_EINVAL, NULL, _("Databasestien er for lang"));
    return SV_OK;
}

/* sv_user(): the login recorded by the audit triggers. */
static void fn_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sv_store *st = sqlite3_user_data(ctx);
    sqlite3_result_text(ctx, st->has_user ? st->user.login : sv_login(), -1, SQLITE_TRANSIENT);
}

int sv_store_dberr(sv_store *st, int rc, sv_err *e)
{
    int prim = rc & 0xff;
    const char *detail = st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
    /* A full disk often surfaces as an I/O error (growing the -shm or -wal file), not as
     * SQLITE_FULL; the system error tells them apart. */
    int sys = st && st->db ? sqlite3_system_errno(st->db) : 0;
    if ((prim == SQLITE_IOERR || prim == SQLITE_CANTOPEN) && (sys == ENOSPC || sys == EDQUOT)) prim = SQLITE_FULL;
    switch (prim) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return sv_err_set(e, SV_EDB, NULL, _("Databasen er opptatt (en kollega lagrer akkurat nå). Prøv igjen om litt; ingenting er endret."));
    case SQLITE_FULL:
        return sv_err_set(e, SV_EDB, NULL, _("Disken er full: endringen ble ikke lagret. Frigjør plass og prøv igjen."));
    case SQLITE_READONLY:
        return sv_err_set(e, SV_EDB, NULL, _("Databasen er skrivebeskyttet: endringen ble ikke lagret. Sjekk filrettighetene."));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return sv_err_set(e, SV_EDB, NULL, _("Databasefilen er skadet eller er ikke en stegvis-database. Gjenopprett fra sikkerhetskopi."));
    case SQLITE_CANTOPEN:
        return sv_err_set(e, SV_EDB, NULL, _("Kan ikke åpne databasefilen (finnes katalogen, og har du tilgang?)"));
    case SQLITE_IOERR:
        return sv_err_set(e, SV_EDB, NULL, _("Lese- eller skrivefeil mot databasefilen; ingenting er endret."));
    case SQLITE_CONSTRAINT:
        return sv_err_set(e, SV_EINVAL, NULL, _("Lagringen bryter en regel i databasen: %s"), detail);
    default:
        return sv_err_set(e, SV_EDB, NULL, _("Databasefeil: %s"), detail);
    }
}

/* The id of the database's only municipality, or 0 if it has none or several. */
static int64_t only_municipality(sv_store *st)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT min(id), count(*) FROM municipality", NULL);
    int64_t id = 0;
    if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 1) == 1) id = sqlite3_column_int64(s, 0);
    if (s) sqlite3_reset(s);
    return id;
}

static int load_user(sv_store *st, sv_err *e)
{
    st->has_user = st->unbound = 0;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT login, display_name, role, "
                                           "ifnull(municipality_id, 0), ifnull(title, '') FROM users WHERE login = ?", e);
    if (!s) return e->code;
    sqlite3_bind_text(s, 1, sv_login(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        snprintf(st->user.login, sizeof st->user.login, "%s", sqlite3_column_text(s, 0));
        snprintf(st->user.display_name, sizeof st->user.display_name, "%s", sqlite3_column_text(s, 1));
        snprintf(st->user.role, sizeof st->user.role, "%s", sqlite3_column_text(s, 2));
        st->user.municipality_id = sqlite3_column_int64(s, 3);
        snprintf(st->user.title, sizeof st->user.title, "%s", sqlite3_column_text(s, 4));
        st->has_user = 1;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    /* A role of one municipality registered without one (by an older version) works in the
     * database's only municipality; with several it gets nothing, never all of them. */
    if (st->has_user && !st->user.municipality_id && !sv_role_all_municipalities(st->user.role) &&
        !(st->user.municipality_id = only_municipality(st)))
        st->has_user = 0, st->unbound = 1;
    return SV_OK;
}

int sv_store_reload_user(sv_store *st, sv_err *e) { return load_user(st, e); }

/* The database, its -wal and -shm, and (for the shared database) its directory must be the
 * owner's alone: whoever else can read them reads every case, whoever can write them bypasses
 * every role. A -wal or -shm left wider than the database is narrowed to its mode. */
static int check_modes(const char *path, const struct stat *sb, sv_err *e)
{
    /* One's own personal database is narrowed to 0600 (it is one's own to fix); the shared
     * one is refused, since a wider mode there means someone changed the installation. */
    if ((sb->st_mode & 077) && (sv_priv_elevated() || sb->st_uid != geteuid() || chmod(path, 0600) != 0))
        return sv_err_set(e, SV_EDENIED, NULL, _("Databasefilen %s kan leses eller endres av andre enn eieren "
                          "(modus %04o). Rett det med: chmod 600 %s"), path, (unsigned)(sb->st_mode & 07777), path);
    char side[4200];
    for (int i = 0; i < 2; i++) {
        struct stat ss;
        snprintf(side, sizeof side, "%s%s", path, i ? "-shm" : "-wal");
        if (lstat(side, &ss) == 0 && S_ISREG(ss.st_mode) && (ss.st_mode & 077) && chmod(side, sb->st_mode & 0777) != 0)
            return sv_err_set(e, SV_EDENIED, NULL, _("%s kan leses av andre (modus %04o). Rett det med: chmod 600 %s"),
                              side, (unsigned)(ss.st_mode & 07777), side);
    }
    if (!sv_priv_elevated()) return SV_OK;
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir) slash[1] = '\0';
    else if (slash) *slash = '\0';
    else snprintf(dir, sizeof dir, ".");
    struct stat ds;
    if (stat(dir, &ds) != 0 || ds.st_uid != geteuid() || (ds.st_mode & 077))
        return sv_err_set(e, SV_EDENIED, NULL, _("Katalogen %s til den felles databasen skal bare tilhøre tjenestekontoen "
                          "(modus 0700). Rett det med: chown tjenestekontoen %s; chmod 700 %s"), dir, dir, dir);
    if (sb->st_uid != geteuid())
        return sv_err_set(e, SV_EDENIED, NULL, _("Databasefilen %s tilhører ikke tjenestekontoen. Rett det med "
                          "chown (samme eier som katalogen)."), path);
    return SV_OK;
}

int sv_store_open(const char *path, int create, sv_store **out, sv_err *e)
{
    *out = NULL;
    struct stat sb;
    int exists = stat(path, &sb) == 0;
    if (!exists && !create)
        return sv_err_set(e, SV_ENOTFOUND, NULL, _("Databasen %s finnes ikke. Opprett den med «stegvis init» eller «stegvis demo»."), path);
    /* Whoever creates a database is its administrator: the shared one only root may create. */
    if (!exists && sv_priv_elevated() && getuid() != 0)
        return sv_err_set(e, SV_EDENIED, NULL, _("Den felles databasen %s finnes ikke ennå. Den opprettes av root: "
                          "sudo stegvis init --number KOMMUNENR --name NAVN"), path);
    if (exists && !S_ISDIR(sb.st_mode) && check_modes(path, &sb, e) != SV_OK) return e->code;
    if (!exists) {
        /* Create the file ourselves so it is 0600 whatever the umask; SQLite gives the
         * -wal and -shm files the same mode. */
        int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            return sv_err_set(e, SV_EIO, NULL, _("Kan ikke opprette databasen %s: %s"), path, strerror(errno));
        if (fd >= 0) {
            fchmod(fd, 0600);
            close(fd);
        }
    } else if (S_ISDIR(sb.st_mode)) {
        return sv_err_set(e, SV_EINVAL, NULL, _("%s er en katalog, ikke en databasefil"), path);
    }
    sv_store *st = sv_xcalloc(1, sizeof *st);
    st->path = sv_xstrdup(path);
    int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
    if (rc != SQLITE_OK) {
        sv_store_dberr(st, rc, e);
        sv_store_close(st);
        return e->code;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, 5000);
    sqlite3_create_function(st->db, "sv_user", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, st, fn_user, NULL, NULL);
    sv_chain_register(st->db);
    char *msg = NULL;
    rc = sqlite3_exec(st->db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
                              /* FULL: in WAL mode every commit syncs the WAL, so a
                               * save the user is told is stored survives a power cut. */
                              "PRAGMA synchronous = FULL;"
                              /* 16 MB of pages (default 2 MB): the list's sort and search
                               * indexes at 200,000 participants stay in memory between
                               * keystrokes instead of being read again each time. */
                              "PRAGMA cache_size = -16384;", NULL, NULL, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_READONLY) {
        sv_store_dberr(st, rc, e);
        sv_store_close(st);
        return e->code;
    }
    /* A real read catches a damaged or foreign file before anything is written. */
    rc = sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sv_store_dberr(st, rc, e);
        sv_store_close(st);
        return e->code;
    }
    if (sv_schema_migrate(st->db, SV_SCHEMA_LATEST, e) != SV_OK || load_user(st, e) != SV_OK) {
        sv_store_close(st);
        return e->code;
    }
    sv_store_recheck(st);
    *out = st;
    return SV_OK;
}

void sv_store_recheck(sv_store *st)
{
    sv_err e;
    st->broken = sv_chain_verify(st->db, 0, NULL, NULL, &e) != 0;
    /* Nothing is written to a database whose protection is broken, not even an audit row:
     * no command repairs it silently. */
    sqlite3_exec(st->db, st->broken ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF", NULL, NULL, NULL);
}

const char *sv_store_broken(const sv_store *st)
{
    return st->broken ? _("Databasen har brudd i den beskyttede historikken (kjeden, et vedtak eller en beskyttende "
                          "trigger) og er åpnet skrivebeskyttet. Kjør «stegvis verify» for en rapport, og gjenopprett "
                          "fra en hel sikkerhetskopi.")
                      : NULL;
}

void *sv_store_memo(sv_store *st, const void *key)
{
    for (size_t i = 0; i < sizeof st->memo / sizeof st->memo[0]; i++)
        if (st->memo[i].key == key) return st->memo[i].p;
    return NULL;
}

int sv_store_set_memo(sv_store *st, const void *key, void *p, void (*release)(void *))
{
    size_t n = sizeof st->memo / sizeof st->memo[0], free_at = n;
    for (size_t i = 0; i < n; i++) {
        if (st->memo[i].key == key) {
            if (st->memo[i].release) st->memo[i].release(st->memo[i].p);
            free_at = i;
            break;
        }
        if (!st->memo[i].key && free_at == n) free_at = i;
    }
    if (free_at == n) return -1;
    st->memo[free_at].key = key;
    st->memo[free_at].p = p;
    st->memo[free_at].release = release;
    return 0;
}

void sv_store_close(sv_store *st)
{
    if (!st) return;
    for (size_t i = 0; i < sizeof st->memo / sizeof st->memo[0]; i++)
        if (st->memo[i].key && st->memo[i].release) st->memo[i].release(st->memo[i].p);
    for (int i = 0; i < st->ncache; i++) {
        sqlite3_finalize(st->cache[i].st);
        free((void *)st->cache[i].sql);
    }
    if (st->db) sqlite3_close(st->db);
    free(st->path);
    free(st);
}

sqlite3_stmt *sv_store_prepare(sv_store *st, const char *sql, sv_err *e)
{
    for (int i = 0; i < st->ncache; i++) {
        if (st->cache[i].sql == sql || strcmp(st->cache[i].sql, sql) == 0) {
            sqlite3_reset(st->cache[i].st);
            sqlite3_clear_bindings(st->cache[i].st);
            return st->cache[i].st;
        }
    }
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL);
    if (rc != SQLITE_OK) {
        sv_store_dberr(st, rc, e);
        return NULL;
    }
    if (st->ncache == CACHE) {        /* evict the oldest */
        sqlite3_finalize(st->cache[0].st);
        free((void *)st->cache[0].sql);
        memmove(st->cache, st->cache + 1, sizeof st->cache[0] * (CACHE - 1));
        st->ncache--;
    }
    st->cache[st->ncache].sql = sv_xstrdup(sql);
    st->cache[st->ncache].st = s;
    st->ncache++;
    return s;
}

int sv_store_generation(sv_store *st)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT " SV_GENERATION, NULL);
    int g = 0;
    if (s && sqlite3_step(s) == SQLITE_ROW) g = sqlite3_column_int(s, 0);
    if (s) sqlite3_reset(s);
    return g;
}

int sv_store_begin(sv_store *st, sv_err *e)
{
    if (st->broken) return sv_err_set(e, SV_EDB, NULL, "%s", sv_store_broken(st));
    if (st->depth++ > 0) return SV_OK;
    int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        st->depth = 0;
        return sv_store_dberr(st, rc, e);
    }
    return SV_OK;
}

int sv_store_commit(sv_store *st, sv_err *e)
{
    if (st->depth == 0 || --st->depth > 0) return SV_OK;
    int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sv_store_dberr(st, rc, e);
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return e->code;
    }
    return SV_OK;
}

int sv_store_read_begin(sv_store *st, sv_err *e)
{
    if (st->depth++ > 0) return SV_OK;
    int rc = sqlite3_exec(st->db, "BEGIN DEFERRED", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        st->depth = 0;
        return sv_store_dberr(st, rc, e);
    }
    return SV_OK;
}

void sv_store_read_end(sv_store *st)
{
    sv_err e;
    sv_store_commit(st, &e);   /* a snapshot that wrote nothing cannot fail to commit */
}

void sv_store_rollback(sv_store *st)
{
    if (st->depth == 0) return;
    st->depth = 0;
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void sv_login_escaped(char *buf, size_t size, const char *login)
{
    size_t n = 0;
    if (!size) return;
    for (const unsigned char *p = (const unsigned char *)login; *p && n + 5 < size; p++) {
        if (*p < 0x20 || *p >= 0x7f || *p == '\\') n += (size_t)snprintf(buf + n, size - n, "\\x%02x", *p);
        else buf[n++] = (char)*p;
    }
    buf[n] = '\0';
}

/* A refused call is recorded with the caller's login. A registered user's refusals are each
 * recorded (they are colleagues trying something); an unregistered login gets at most one row
 * a day, so nobody who merely can start the program can fill the log, and its login is stored
 * with control characters escaped. */
static void audit_refusal(sv_store *st, sv_op op)
{
    char login[4 * 64 + 1];
    sv_login_escaped(login, sizeof login, sv_login());
    if (!st->has_user) {
        sqlite3_stmt *q = sv_store_prepare(st, "SELECT 1 FROM audit WHERE tbl = 'access' AND row_id IS NULL "
                                               "AND login = ? AND at >= date('now','localtime')", NULL);
        if (!q) return;
        sqlite3_bind_text(q, 1, login, -1, SQLITE_TRANSIENT);
        int seen = sqlite3_step(q) == SQLITE_ROW;
        sqlite3_reset(q);
        if (seen) return;
    }
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT INTO audit(login, tbl, action, new) "
                                           "VALUES(?, 'access', 'refused', ?)", NULL);
    if (!s) return;
    sqlite3_bind_text(s, 1, login, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, sv_op_label(op), -1, SQLITE_STATIC);
    sqlite3_step(s);
    sqlite3_reset(s);
}

void sv_store_unregistered_msg(sv_store *st, sv_err *e)
{
    char login[4 * 64 + 1];
    sv_login_escaped(login, sizeof login, sv_login());
    if (st->unbound) {
        sv_err_set(e, SV_EDENIED, NULL,
                   _("Brukeren «%s» er registrert uten kommune, men rollen gjelder én kommune og databasen har "
                     "flere. Be en administrator i kommunen din om å registrere deg på nytt "
                     "(stegvis user add LOGIN ROLLE --municipality KOMMUNENR)."), login);
        return;
    }
    sv_err_set(e, SV_EDENIED, NULL,
               _("Brukeren «%s» er ikke registrert i denne databasen. Be en administrator i kommunen din "
                 "om å registrere deg (stegvis user add LOGIN ROLLE --municipality KOMMUNENR)."), login);
}

int sv_store_authorize(sv_store *st, sv_op op, int64_t municipality_id, sv_err *e)
{
    if (!st->has_user) {
        sv_store_unregistered_msg(st, e);
        audit_refusal(st, op);
        return SV_EDENIED;
    }
    if (!sv_role_may(st->user.role, op)) {
        audit_refusal(st, op);
        return sv_err_set(e, SV_EDENIED, NULL, _("Du (%s, %s) har ikke lov til å %s."), st->user.login,
                          sv_role_summary(st->user.role), sv_op_label(op));
    }
    if (municipality_id && st->user.municipality_id && municipality_id != st->user.municipality_id) {
        audit_refusal(st, op);
        return sv_err_set(e, SV_EDENIED, NULL, _("Du har bare tilgang til saker i din egen kommune."));
    }
    return SV_OK;
}

/* 1 if the database holds a municipality other than muni. */
static int other_municipality(sv_store *st, int64_t muni)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT EXISTS(SELECT 1 FROM municipality WHERE id != ?)", NULL);
    int other = 1;
    if (!s) return 1;
    sqlite3_bind_int64(s, 1, muni);
    if (sqlite3_step(s) == SQLITE_ROW) other = sqlite3_column_int(s, 0);
    sqlite3_reset(s);
    return other;
}

int sv_store_authorize_all(sv_store *st, sv_op op, sv_err *e)
{
    if (sv_store_authorize(st, op, 0, e)) return e->code;
    if (!st->user.municipality_id || !other_municipality(st, st->user.municipality_id)) return SV_OK;
    audit_refusal(st, op);
    return sv_err_set(e, SV_EDENIED, NULL, _("Du har bare rettigheter i din egen kommune, og dette gjelder hele "
                      "databasen med flere kommuner. Be en administrator for alle kommunene."));
}

int sv_store_authorize_source(sv_store *st, sqlite3 *from, sv_err *e)
{
    if (!st->has_user || !st->user.municipality_id) return SV_OK;
    /* The user's municipality by number, since ids differ between databases. */
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT number FROM municipality WHERE id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, st->user.municipality_id);
    char number[16] = "";
    if (sqlite3_step(s) == SQLITE_ROW) snprintf(number, sizeof number, "%s", sqlite3_column_text(s, 0));
    sqlite3_reset(s);
    sqlite3_stmt *q = NULL;
    int other = 1;
    if (sqlite3_prepare_v2(from, "SELECT EXISTS(SELECT 1 FROM municipality WHERE number != ?)", -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, number, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW) other = sqlite3_column_int(q, 0);
    }
    sqlite3_finalize(q);
    if (!other) return SV_OK;
    audit_refusal(st, SV_OP_ADMIN);
    return sv_err_set(e, SV_EDENIED, NULL, _("Sikkerhetskopien har data fra andre kommuner enn din egen; bare en "
                      "administrator for alle kommunene kan gjenopprette den."));
}

/* A municipality-bound administrator manages the users of that municipality only: it cannot
 * create a user bound to none (who would see every municipality) nor change a user of another. */
static int may_manage_user(sv_store *st, const sv_user *u, sv_err *e)
{
    int64_t own = st->user.municipality_id;
    if (!own) return SV_OK;
    int64_t stored = own;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT ifnull(municipality_id, 0) FROM users WHERE login = ?", e);
    if (!s) return e->code;
    sqlite3_bind_text(s, 1, u->login, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) stored = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    if (u->municipality_id == own && stored == own) return SV_OK;
    audit_refusal(st, SV_OP_ADMIN);
    if (!u->municipality_id)
        return sv_err_set(e, SV_EDENIED, "municipality", _("Du kan bare registrere brukere i din egen kommune "
                          "(--municipality), ikke brukere for alle kommuner."));
    return sv_err_set(e, SV_EDENIED, "municipality", _("Du kan bare registrere og endre brukere i din egen kommune."));
}

/* Before a second municipality is added: users of a one-municipality role registered without
 * one are bound to the first, so they keep what they had and never get the new one. */
int sv_users_bind_unbound(sv_store *st, sv_err *e)
{
    int64_t only = only_municipality(st);
    if (!only) return SV_OK;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT login, role FROM users WHERE municipality_id IS NULL", e);
    sqlite3_stmt *u = sv_store_prepare(st, "UPDATE users SET municipality_id = ? WHERE login = ?", e);
    if (!s || !u) return e->code;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (sv_role_all_municipalities((const char *)sqlite3_column_text(s, 1))) continue;
        sqlite3_bind_int64(u, 1, only);
        sqlite3_bind_text(u, 2, (const char *)sqlite3_column_text(s, 0), -1, SQLITE_TRANSIENT);
        int ru = sqlite3_step(u);
        sqlite3_reset(u);
        if (ru != SQLITE_DONE) {
            sqlite3_reset(s);
            return sv_store_dberr(st, ru, e);
        }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}

int sv_user_add(sv_store *st, const sv_user *given, sv_err *e)
{
    extern const sv_code SV_CODES_ROLE[];
    sv_user bound = *given;
    const sv_user *u = &bound;
    if (!sv_code_valid(SV_CODES_ROLE, u->role))
        return sv_err_set(e, SV_EINVAL, "role", _("Rolle: «%s» finnes ikke (velg administrator, adviser, nav, supervisor eller teacher)"), u->role);
    if (!u->login[0] || strspn(u->login, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != strlen(u->login))
        return sv_err_set(e, SV_EINVAL, "login", _("Brukernavn: bare bokstaver a-z, siffer, punktum, bindestrek og understrek"));
    /* the name and title go into letters and signatures: text as a field takes it (core/entity.c) */
    if (sv_text_controls_check("display_name", _("Navn"), u->display_name, 0, e) ||
        sv_text_controls_check("title", _("Tittel"), u->title, 0, e))
        return e->code;
    /* A role of one municipality is bound to one: the only one, or the one the caller names. */
    if (!u->municipality_id && !sv_role_all_municipalities(u->role) && !(bound.municipality_id = only_municipality(st)))
        return sv_err_set(e, SV_EINVAL, "municipality", _("Kommune: rollen %s gjelder én kommune, og databasen har "
                          "flere; oppgi hvilken med --municipality KOMMUNENR."), sv_code_label(SV_CODES_ROLE, u->role));
    /* The first user of a database is its administrator; after that only an administrator adds. */
    if (sv_user_count(st) > 0 && (sv_store_authorize(st, SV_OP_ADMIN, 0, e) != SV_OK || may_manage_user(st, u, e) != SV_OK))
        return e->code;
    if (sv_store_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT INTO users(login, display_name, role, municipality_id, "
                                           "created_at, created_by, title) VALUES(?, ?, ?, ?, datetime('now','localtime'), ?, ?) "
                                           "ON CONFLICT(login) DO UPDATE SET display_name = excluded.display_name, "
                                           "role = excluded.role, municipality_id = excluded.municipality_id, "
                                           "title = coalesce(excluded.title, users.title)", e);
    if (!s) goto fail;
    sqlite3_bind_text(s, 1, u->login, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, u->display_name[0] ? u->display_name : u->login, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, u->role, -1, SQLITE_STATIC);
    if (u->municipality_id) sqlite3_bind_int64(s, 4, u->municipality_id);
    else sqlite3_bind_null(s, 4);
    sqlite3_bind_text(s, 5, sv_login(), -1, SQLITE_STATIC);
    if (u->title[0]) sqlite3_bind_text(s, 6, u->title, -1, SQLITE_STATIC);   /* none given: kept */
    else sqlite3_bind_null(s, 6);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        sv_store_dberr(st, rc, e);
        goto fail;
    }
    if (sv_store_commit(st, e)) return e->code;
    return load_user(st, e);
fail:
    sv_store_rollback(st);
    return e->code;
}

int sv_user_count(sv_store *st)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT count(*) FROM users", NULL);
    int n = 0;
    if (s && sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int(s, 0);
    if (s) sqlite3_reset(s);
    return n;
}

int sv_draft_put(sv_store *st, const char *key, const char *value, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT INTO draft(login, key, value, saved_at) "
                                           "VALUES(?, ?, sv_draft_mask(?2, ?3, (SELECT value FROM meta WHERE key = 'fnr_key')), "
                                           "datetime('now','localtime')) ON CONFLICT(login, key) "
                                           "DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at", e);
    if (!s) return e->code;
    sqlite3_bind_text(s, 1, sv_login(), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}

char *sv_draft_get(sv_store *st, const char *key)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT value FROM draft WHERE login = ? AND key = ?", NULL);
    char *v = NULL;
    if (!s) return NULL;
    sqlite3_bind_text(s, 1, sv_login(), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) v = sv_xstrdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_reset(s);
    return v;
}

int sv_draft_drop(sv_store *st, const char *key, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "DELETE FROM draft WHERE login = ? AND key = ?", e);
    if (!s) return e->code;
    sqlite3_bind_text(s, 1, sv_login(), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}
