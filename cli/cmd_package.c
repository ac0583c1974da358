/* `export ID --package DIR` and `export --all --package DIR`: an archive package per decision
 * (core/package.h). A decision that cannot be packed (no postal address, a document that fails
 * its hash or schema) is named on standard error and the others are still written; the exit
 * status is then 1. Over many decisions the second half is packed by a child process. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/arkiv.h"
#include "../core/chain.h"
#include "../core/i18n.h"
#include "../core/package.h"
#include "../core/pdf_doc.h"
#include "../core/priv.h"
#include "../core/split.h"
#include "../core/vedtak.h"
#include "cli.h"

#define PACKAGE_USAGE "bruk: stegvis export ID --package MAPPE | stegvis export --all --package MAPPE"

typedef struct {
    int64_t pid, did;
} pair;

/* Packs pairs [from, to); returns how many were written, *failed how many were not. */
static int pack_range(sv_store *st, const pair *p, int from, int to, const char *dir, const char *head, int *failed)
{
    int written = 0;
    for (int i = from; i < to; i++) {
        sv_err e;
        sv_err_clear(&e);
        char name[128];
        if (sv_package_decision(st, p[i].pid, p[i].did, dir, head, name, sizeof name, &e) == SV_OK) {
            written++;
        } else {
            (*failed)++;
            fprintf(stderr, _("stegvis: vedtak nr. %" PRId64 " (deltaker %" PRId64 ") er ikke pakket: %s\n"), p[i].did,
                    p[i].pid, e.msg);
        }
    }
    return written;
}

static int list_decisions(sv_cli *c, int64_t pid, pair **out, int *n, sv_err *e)
{
    const sv_user *u = sv_store_user(c->st);
    int64_t own = u && !sv_role_all_municipalities(u->role) ? u->municipality_id : 0;
    sqlite3_stmt *s = sv_store_prepare(c->st, "SELECT d.participant_id, d.id FROM decision d JOIN participant p "
                                              "ON p.id = d.participant_id WHERE (?1 = 0 OR d.participant_id = ?1) "
                                              "AND (?2 = 0 OR p.municipality_id = ?2) ORDER BY d.participant_id, d.id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_int64(s, 2, own);
    *out = NULL;
    *n = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        *out = sv_xrealloc(*out, sizeof **out * (size_t)(*n + 1));
        (*out)[*n].pid = sqlite3_column_int64(s, 0);
        (*out)[*n].did = sqlite3_column_int64(s, 1);
        (*n)++;
    }
    sqlite3_reset(s);
    if (pid && !*n)
        return sv_err_set(e, SV_ENOTFOUND, NULL, _("Deltaker nr. %lld har ikke noe fattet vedtak (eller finnes ikke)"),
                          (long long)pid);
    return SV_OK;
}

int cmd_export_package(sv_cli *c, int argc, char **argv)
{
    int64_t id = 0;
    int all = 0;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--package") && i + 1 < argc) dir = argv[++i];
        else if (!strncmp(argv[i], "--package=", 10)) dir = argv[i] + 10;
        else if (!strcmp(argv[i], "--all")) all = 1;
        else if (!strcmp(argv[i], "--tsv")) continue;
        else if (!id && (id = cli_id(argv[i]))) continue;
        else return cli_usage("%s", _(PACKAGE_USAGE));
    }
    if (!dir || !dir[0] || (!id) == (!all)) return cli_usage("%s", _(PACKAGE_USAGE));
    sv_err e;
    sv_err_clear(&e);
    sv_priv_user_begin();
    int made = mkdir(dir, 0700) == 0 || errno == EEXIST, err = errno;
    sv_priv_user_end();
    if (!made) {
        sv_err_set(&e, SV_EIO, "package", _("Kan ikke lage mappen %s: %s"), dir, strerror(err));
        return cli_fail(&e);
    }
    if (sv_store_read_begin(c->st, &e)) return cli_fail(&e);
    char head[65];
    sv_chain_head(sv_store_db(c->st), head);
    pair *p = NULL;
    int n = 0;
    if (list_decisions(c, id, &p, &n, &e)) {
        sv_store_read_end(c->st);
        return cli_fail(&e);
    }
    sv_split sp;
    int where = sv_split_begin(n, 1000, &sp), failed = 0;
    if (where == 0) {
        sv_store *mine = NULL;
        sv_err ce;
        sv_err_clear(&ce);
        int count = 0, bad = 0, r = sv_store_open(c->db_path, 0, &mine, &ce);
        if (r == SV_OK) {
            r = sv_store_read_begin(mine, &ce);
            count = pack_range(mine, p, sp.half, n, dir, head, &bad);
            sv_store_read_end(mine);
            sv_store_close(mine);
        }
        int wfail = sv_write_all(sp.fd, &count, sizeof count) || sv_write_all(sp.fd, &bad, sizeof bad);
        sv_split_exit(&sp, wfail || r);
    }
    int written = pack_range(c->st, p, 0, where > 0 ? sp.half : n, dir, head, &failed);
    if (where > 0) {
        int count = 0, bad = 0;
        int lost = sv_read_all(sp.fd, &count, sizeof count) || sv_read_all(sp.fd, &bad, sizeof bad);
        if (sv_split_wait(&sp) || lost) {
            fprintf(stderr, "%s\n", _("stegvis: en delprosess feilet; ikke alle vedtak er pakket"));
            failed++;
        }
        written += count;
        failed += bad;
    }
    sv_store_read_end(c->st);
    free(p);
    sv_arkiv_cleanup();
    sv_vedtak_cleanup();
    sv_pdf_cleanup();
    printf(_n("Arkivpakker: %d vedtak i %s (vedtaksbrev i PDF/A-2b, vedtaket i XML og arkivmelding per mappe).\n",
              "Arkivpakker: %d vedtak i %s (vedtaksbrev i PDF/A-2b, vedtaket i XML og arkivmelding per mappe).\n", written),
           written, dir);
    if (failed) fprintf(stderr, _n("stegvis: %d vedtak ble ikke pakket (se over).\n", "stegvis: %d vedtak ble ikke pakket (se over).\n", failed),
                        failed);
    return failed ? 1 : 0;
}
