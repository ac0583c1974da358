/* verify: the whole check of the protected history (core/chain.c), with a report of every
 * break; exit 0 only when all holds. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../core/chain.h"
#include "../core/priv.h"
#include "cli.h"
#include "../core/i18n.h"

/* Text from the file is shown with control characters as '?': a forged trigger or row must
 * not be able to drive the terminal. */
static void put_clean(FILE *f, const char *s)
{
    for (; *s; s++) fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, f);
}

static int report(const sv_chain_break *b, void *ctx)
{
    FILE *f = ctx;
    fputs(_("BRUDD "), f);
    if (b->row) fprintf(f, "%s nr. %lld: ", b->table, (long long)b->row);
    else fprintf(f, "%s %s: ", b->table, b->name);
    fprintf(f, "%s\n", b->problem);
    fputs(_("  forventet: "), f);
    put_clean(f, b->expected);
    fputs(_("\n  funnet:    "), f);
    put_clean(f, b->found[0] ? b->found : "-");
    fputc('\n', f);
    return 0;
}

int cmd_verify(sv_cli *c, int argc, char **argv)
{
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
        else return cli_usage(_("bruk: stegvis verify [--out FIL]"));
    }
    sv_err e;
    sv_err_clear(&e);
    FILE *f = stdout;
    if (out) {
        /* A report of the breaks is for an administrator; it is written 0600 and never over a file. */
        if (sv_store_authorize(c->st, SV_OP_ADMIN, 0, &e)) return cli_fail(&e);
        int fd = sv_priv_user_open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);   /* the user's file */
        if (fd < 0 || !(f = fdopen(fd, "w"))) {
            fprintf(stderr, _("stegvis: kan ikke opprette rapporten %s: %s\n"), out, strerror(errno));
            if (fd >= 0) close(fd);
            return 1;
        }
    }
    sqlite3 *db = sv_store_db(c->st);
    int n = sv_chain_verify(db, 1, report, f, &e);
    char head[65];
    sv_chain_head(db, head);
    if (n >= 0) {
        fprintf(f, _("Kjedehode: %s\n"), head[0] ? head : "-");
        if (n == 0) fprintf(f, _("Alt holder: kjeden, hvert vedtak og alle beskyttende triggere er som levert.\n"));
        else fprintf(f, _n("%d brudd funnet. Databasen er åpnet skrivebeskyttet til den er gjenopprettet fra en hel sikkerhetskopi.\n",
                           "%d brudd funnet. Databasen er åpnet skrivebeskyttet til den er gjenopprettet fra en hel sikkerhetskopi.\n", n), n);
    }
    if (out) {
        if (fclose(f) != 0) {
            fprintf(stderr, _("stegvis: kunne ikke skrive %s\n"), out);
            return 1;
        }
        if (n >= 0) printf(_n("Rapporten er skrevet til %s (%d brudd).\n", "Rapporten er skrevet til %s (%d brudd).\n", n), out, n);
    }
    if (n < 0) return cli_fail(&e);
    return n == 0 ? 0 : 1;
}
