/* `start`: what `make run` and a plain `stegvis` do. On a new, empty database it first adds the
 * demo municipality, so a newcomer has cases to look at. */
#include <stdio.h>

#include "../core/demo.h"
#include "cli.h"
#include "../core/i18n.h"

/* Weak: the screens (tui/app.c) provide the real start; this plain-text one serves builds
 * without them. */
__attribute__((weak)) int cmd_start(sv_cli *c, int argc, char **argv)
{
    sv_err e;
    int filled;
    sv_err_clear(&e);
    if (sv_demo_if_empty(c->st, &filled, &e)) return cli_fail(&e);
    if (filled)
        printf(_("Ny database %s: fylt med demokommunen Fjordvik (DEMO) og 300 oppdiktede deltakere.\n\n"), c->db_path);
    char *list_argv[] = {argv[0], (char *)"--limit", (char *)"20", NULL};
    (void)argc;
    return cmd_list(c, 3, list_argv);
}
