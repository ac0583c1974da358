/* `catalog export` and `catalog import`: the catalogue of measures (steps 2-3) shared between
 * municipalities as a file. The format and the all-or-nothing import are core/catalog.c's. */
#include <stdio.h>
#include <string.h>

#include "../core/catalog.h"
#include "../core/i18n.h"
#include "cli.h"

static int usage(void)
{
    return cli_usage(_("bruk: stegvis catalog export [--municipality NR] [--out FIL] | "
                       "catalog import FIL [--municipality NR]"));
}

int cmd_catalog(sv_cli *c, int argc, char **argv)
{
    if (argc < 2) return usage();
    int export = !strcmp(argv[1], "export");
    if (!export && strcmp(argv[1], "import") != 0) return usage();
    const char *muni_arg = NULL, *out = NULL, *file = NULL;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--tsv")) continue;
        if (!strcmp(argv[i], "--municipality") && i + 1 < argc) muni_arg = argv[++i];
        else if (!strncmp(argv[i], "--municipality=", 15)) muni_arg = argv[i] + 15;
        else if (export && !strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
        else if (export && !strncmp(argv[i], "--out=", 6)) out = argv[i] + 6;
        else if (!export && !file && argv[i][0] != '-') file = argv[i];
        else return usage();
    }
    if (!export && !file) return usage();
    sv_err e;
    sv_err_clear(&e);
    int64_t muni = cli_municipality(c, muni_arg, &e);
    if (!muni) return cli_fail(&e);
    if (export) {
        int n = out ? sv_catalog_export_file(c->st, muni, out, &e) : sv_catalog_export(c->st, muni, stdout, &e);
        if (n < 0) return cli_fail(&e);
        if (out) printf(_n("%d tiltak eksportert til %s.\n", "%d tiltak eksportert til %s.\n", n), n, out);
        return 0;
    }
    sv_catalog_report r;
    if (sv_catalog_import_file(c->st, muni, file, &r, &e)) return cli_fail(&e);
    printf(_n("%d tiltak importert fra %s.\n", "%d tiltak importert fra %s.\n", r.added), r.added, file);
    if (r.skipped)
        printf(_n("%d fantes fra før med samme navn og er beholdt uendret (f.eks. «%s»).\n",
                  "%d fantes fra før med samme navn og er beholdt uendret (f.eks. «%s»).\n", r.skipped), r.skipped,
               r.first_skipped);
    return 0;
}
