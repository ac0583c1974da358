/* backup, restore and audit: the commands of the reliability promises. Messages name the file
 * but never an identity number; the audit history is masked by core/audit_view.c. */
#include <dirent.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include "../core/audit_view.h"
#include "../core/backup.h"
#include "cli.h"
#include "../core/i18n.h"
#include "../core/priv.h"

/* The shared database's program works on a private copy beside the database: a backup is
 * written there and then copied to the administrator's file with their own rights (their file,
 * not the service account's); a restore first copies the administrator's file in, read with
 * their rights. tmp gets that private path. */
static int private_copy_path(const sv_cli *c, char *tmp, size_t size)
{
    const char *slash = strrchr(c->db_path, '/');
    int dn = slash ? (int)(slash - c->db_path) : 1;
    return snprintf(tmp, size, "%.*s/.stegvis-copy-%ld.db", dn, slash ? c->db_path : ".", (long)getpid()) >= (int)size ? -1 : 0;
}

/* Private copies left beside the shared database by a backup or restore that was killed
 * (their process is gone) are removed: each is a whole copy of the database. */
static void sweep_private_copies(const sv_cli *c)
{
    char dir[4200];
    const char *slash = strrchr(c->db_path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - c->db_path) : 1, slash ? c->db_path : ".");
    if (!dir[0]) snprintf(dir, sizeof dir, "/");
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *de;
    while ((de = readdir(d))) {
        long pid = 0;
        int end = 0;
        if (sscanf(de->d_name, ".stegvis-copy-%ld.db%n", &pid, &end) != 1 || pid <= 0 || pid == (long)getpid()) continue;
        if (de->d_name[end] && strcmp(de->d_name + end, "-journal")) continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue;   /* still running */
        unlinkat(dirfd(d), de->d_name, 0);
    }
    closedir(d);
}

/* Ctrl-C or a hang-up while a private copy exists waits until it is removed. */
static void hold_signals(sigset_t *was)
{
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigaddset(&block, SIGQUIT);
    sigprocmask(SIG_BLOCK, &block, was);
}

int cmd_backup(sv_cli *c, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') return cli_usage(_("bruk: stegvis backup FIL"));
    sv_err e;
    sv_backup_info info;
    sv_err_clear(&e);
    char tmp[4200];
    if (sv_priv_elevated()) {
        if (sv_has_idnumber_run(argv[1]))
            return cli_usage(_("Sikkerhetskopi: filnavnet kan ikke inneholde 11 siffer på rad"));
        if (private_copy_path(c, tmp, sizeof tmp)) return cli_usage(_("Filnavnet er for langt: %s"), c->db_path);
        sweep_private_copies(c);
        sigset_t was;
        hold_signals(&was);
        unlink(tmp);
        int rc = sv_backup_unrecorded(c->st, tmp, &info, &e);
        if (rc == SV_OK && sv_priv_copy(tmp, argv[1], 1) != 0)
            rc = sv_err_set(&e, SV_EIO, "file", _("Sikkerhetskopi: kan ikke skrive %s: %s"), argv[1], strerror(errno));
        unlink(tmp);
        /* the audit row names the administrator's file, once it exists */
        if (rc == SV_OK) rc = sv_backup_note(c->st, argv[1], &e);
        sigprocmask(SIG_SETMASK, &was, NULL);
        if (rc) return cli_fail(&e);
    } else if (sv_backup(c->st, argv[1], &info, &e)) {
        return cli_fail(&e);
    }
    printf(_("Sikkerhetskopi %s er lagret (%lld kB, skjema %d, kontrollert).\n"), argv[1], info.bytes / 1024,
           info.schema);
    printf(_("Kjedehode: %s (noter den utenfor databasen: en senere endring av historikken kan bevises mot den)\n"),
           info.head[0] ? info.head : "-");
    printf(_("Gjenopprett med: stegvis --db %s restore %s\n"), c->db_path, argv[1]);
    return 0;
}

/* Restores from file (checked first; without --yes only checked); messages name shown. */
static int restore(sv_cli *c, const char *file, const char *shown, int yes)
{
    sv_err e;
    sv_backup_info info;
    sv_err_clear(&e);
    if (!yes) {
        if (sv_backup_verify(file, &info, &e)) return cli_fail(&e);
        printf(_("Sikkerhetskopien %s er hel (skjema %d%s%s).\n"), shown, info.schema,
               info.backup_at[0] ? ", tatt " : "", info.backup_at);
        if (info.head[0]) printf(_("Kjedehode: %s\n"), info.head);
        printf(_("Gjenoppretting erstatter alt i %s med innholdet i kopien. Kjør på nytt med --yes.\n"), c->db_path);
        return 1;
    }
    if (sv_restore(c->st, file, &info, &e)) return cli_fail(&e);
    printf(_("Databasen %s er gjenopprettet fra %s%s%s.\n"), c->db_path, shown,
           info.backup_at[0] ? " tatt " : "", info.backup_at);
    return 0;
}

int cmd_restore(sv_cli *c, int argc, char **argv)
{
    int yes = 0;
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--yes")) yes = 1;
        else if (!file && argv[i][0] != '-') file = argv[i];
        else return cli_usage(_("bruk: stegvis restore FIL [--yes]"));
    }
    if (!file) return cli_usage(_("bruk: stegvis restore FIL [--yes]"));
    if (!sv_priv_elevated()) return restore(c, file, file, yes);
    char tmp[4200];
    if (private_copy_path(c, tmp, sizeof tmp)) return cli_usage(_("Filnavnet er for langt: %s"), c->db_path);
    sweep_private_copies(c);
    sigset_t was;
    hold_signals(&was);
    unlink(tmp);
    if (sv_priv_copy(file, tmp, 0) != 0) {
        sv_err e;
        sv_err_set(&e, SV_EIO, "file", _("Sikkerhetskopien %s kan ikke leses: %s"), file, strerror(errno));
        unlink(tmp);
        sigprocmask(SIG_SETMASK, &was, NULL);
        return cli_fail(&e);
    }
    int rc = restore(c, tmp, file, yes);
    unlink(tmp);
    sigprocmask(SIG_SETMASK, &was, NULL);
    return rc;
}

static int print_entry(const sv_audit_entry *a, void *ctx)
{
    const sv_cli *c = ctx;
    static const char *const act[][2] = {{"insert", "opprettet"}, {"update", "endret"}, {"delete", "slettet"},
                                         {"refused", "nektet"}, {"backup", "tatt"}, {"restore", "gjenopprettet"}};
    const char *verb = a->action;
    for (size_t i = 0; i < sizeof act / sizeof act[0]; i++)
        if (!strcmp(act[i][0], a->action)) verb = act[i][1];
    if (c->tsv) {
        printf("%" PRId64 "\t%s\t%s\t%s\t%" PRId64 "\t%s\t%s\n", a->id, a->at, a->login, a->tbl, a->row_id,
               a->action, a->detail);
        return 0;
    }
    char who[80];
    printf("%s  %s  %s", a->at, sv_utf8_pad(who, sizeof who, a->login, 12), a->what);
    if (a->row_id) printf(" nr. %" PRId64, a->row_id);
    printf(" %s", verb);
    if (a->detail[0]) printf(": %s", a->detail);
    putchar('\n');
    return 0;
}

/* Prints at most limit entries of the recent log and counts the one past it, so a cut list
 * can say so. */
typedef struct {
    sv_cli *c;
    long limit, seen;
} recent_ctx;

static int print_recent(const sv_audit_entry *a, void *ctx)
{
    recent_ctx *r = ctx;
    if (r->limit > 0 && ++r->seen > r->limit) return 0;
    return print_entry(a, r->c);
}

int cmd_audit(sv_cli *c, int argc, char **argv)
{
    int64_t id = 0;
    long limit = -1; /* not given: 50 on screen, everything in --tsv */
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--tsv")) continue;
        if (!strcmp(argv[i], "--limit") && i + 1 < argc) {
            char *end;
            limit = strtol(argv[++i], &end, 10);
            if (*end || limit < 0 || limit > 1000000) return cli_usage(_("--limit: oppgi et tall (0 = alle)"));
        } else if (!id && (id = cli_id(argv[i]))) {
            continue;
        } else {
            return cli_usage(_("bruk: stegvis audit [DELTAKER-ID] [--limit N]"));
        }
    }
    sv_err e;
    sv_err_clear(&e);
    if (c->tsv) printf(_("id\tat\tlogin\ttable\trow\taction\tdetail\n"));
    if (limit < 0) limit = c->tsv ? 0 : 50;
    recent_ctx r = {c, limit, 0};
    int rc = id ? sv_audit_case(c->st, id, print_entry, c, &e)
                : sv_audit_recent(c->st, limit ? (int)limit + 1 : 0, print_recent, &r, &e);
    if (!rc && limit && r.seen > limit)
        fprintf(stderr, _n("stegvis: historikken er avkortet til den siste %ld hendelsen (--limit 0 viser alle)\n",
                           "stegvis: historikken er avkortet til de siste %ld hendelsene (--limit 0 viser alle)\n", limit),
                limit);
    return rc ? cli_fail(&e) : 0;
}
