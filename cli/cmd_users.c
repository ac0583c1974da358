/* `stegvis user list`: the registered users with role and municipality (--tsv for scripts). */
#include <stdio.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/userlist.h"
#include "../forms/forms.h"
#include "cli.h"

typedef struct {
    const sv_cli *c;
    int n;
} list_ctx;

static void header(const sv_cli *c)
{
    if (c->tsv) printf("login\tname\trole\tmunicipality\n");
    else printf("%-16s %-28s %-22s %s\n", _("Brukernavn"), _("Navn"), _("Rolle"), _("Kommune"));
}

static int print_row(const sv_user_row *r, void *ctx)
{
    list_ctx *x = ctx;
    const sv_cli *c = x->c;
    if (!x->n++) header(c);
    const char *muni = r->municipality[0] ? r->municipality : _("alle kommuner");
    if (c->tsv) printf("%s\t%s\t%s\t%s\n", r->u.login, r->u.display_name, r->u.role, r->municipality);
    else printf("%-16s %-28s %-22s %s\n", r->u.login, r->u.display_name, sv_code_label(SV_CODES_ROLE, r->u.role), muni);
    return 0;
}

int cmd_user_list(sv_cli *c, int argc, char **argv)
{
    if (argc > 1) return cli_usage(_("ukjent valg «%s» for user list (bare --tsv)"), argv[1]);
    sv_err e;
    sv_err_clear(&e);
    list_ctx x = {c, 0};
    if (sv_user_each(c->st, print_row, &x, &e) != SV_OK) return cli_fail(&e);
    if (!x.n) header(c);
    return 0;
}
