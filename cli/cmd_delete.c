/* delete TYPE ID: removes one saved row, judged by core on the row as stored (role and
 * municipality), exactly as the screens' delete key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/model.h"
#include "../forms/forms.h"
#include "cli.h"
#include "../core/i18n.h"

int cmd_delete(sv_cli *c, int argc, char **argv)
{
    if (argc < 3) return cli_usage(_("bruk: stegvis delete TYPE ID [--if-version N]"));
    const sv_entity *ent = sv_entity_by_table(argv[1]);
    if (!ent) return cli_usage(_("ukjent type «%s» (se «stegvis fields»)"), argv[1]);
    int64_t id = cli_id(argv[2]);
    if (!id) return cli_usage(_("«%s» er ikke et løpenummer"), argv[2]);
    int version = 0;
    for (int i = 3; i < argc; i++) {
        if (!strcmp(argv[i], "--if-version") && i + 1 < argc && atoi(argv[i + 1]) > 0) version = atoi(argv[++i]);
        else return cli_usage(_("ukjent valg «%s» for delete"), argv[i]);
    }
    sv_err e;
    sv_err_clear(&e);
    void *obj = sv_xmalloc(ent->size);
    int rc = sv_row_load(c->st, ent, id, obj, &e);
    if (rc == SV_OK) rc = sv_row_delete(c->st, ent, id, version ? version : ((sv_meta *)obj)->version, &e);
    free(obj);
    if (rc) return cli_fail(&e);
    printf(_("%s nr. %lld er slettet.\n"), _(ent->label), (long long)id);
    return 0;
}
