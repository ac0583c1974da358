/* `contract`: the integration contract (integreringsloven § 16, core/contract.c). set writes the
 * contract of the participant's current plan version (a new one, or that version's contract
 * changed); show prints it and the contracts of earlier plan versions. */
#include <stdio.h>
#include <string.h>

#include "../core/contract.h"
#include "../forms/forms.h"
#include "cli.h"
#include "../core/i18n.h"

#define CONTRACT_USAGE N_("bruk: stegvis contract set ID --participant-commits TEKST --municipality-commits TEKST\n" \
                          "           --signed DATO [--signed-participant DATO] [--signed-municipality DATO]\n" \
                          "       stegvis contract show ID")

typedef struct {
    const char *pc, *mc, *both, *sp, *sm;
} opts;

static int parse(int argc, char **argv, opts *o)
{
    memset(o, 0, sizeof *o);
    static const char *const names[] = {"--participant-commits", "--municipality-commits", "--signed",
                                        "--signed-participant", "--signed-municipality"};
    const char **slot[] = {&o->pc, &o->mc, &o->both, &o->sp, &o->sm};
    for (int i = 3; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int k = -1;
        for (int n = 0; n < (int)(sizeof names / sizeof names[0]); n++)
            if (!strcmp(a, names[n])) k = n;
        if (k < 0) return cli_usage(_("ukjent valg «%s»\n%s"), a, _(CONTRACT_USAGE));
        if (!v) return cli_usage(_("%s mangler verdi\n%s"), a, _(CONTRACT_USAGE));
        *slot[k] = v;
        i++;
    }
    return 0;
}

static int field(sv_contract *k, const char *col, const char *text, sv_err *e)
{
    return text ? sv_field_parse(sv_entity_field(&SV_ENT_CONTRACT, col), k, text, e) : SV_OK;
}

static int set(sv_cli *c, int64_t pid, const opts *o)
{
    sv_err e;
    sv_err_clear(&e);
    sv_contract k;
    int rev;
    int rc = sv_contract_current(c->st, pid, &k, &rev, &e);
    if (rc != SV_OK && rc != SV_ENOTFOUND) return cli_fail(&e);
    int existed = rc == SV_OK;
    if (!existed && !o->both && (!o->sp || !o->sm))
        return cli_usage(_("--signed mangler (eller både --signed-participant og --signed-municipality)\n%s"),
                         _(CONTRACT_USAGE));
    if (field(&k, "participant_commits", o->pc, &e) || field(&k, "municipality_commits", o->mc, &e) ||
        field(&k, "signed_participant", o->both, &e) || field(&k, "signed_municipality", o->both, &e) ||
        field(&k, "signed_participant", o->sp, &e) || field(&k, "signed_municipality", o->sm, &e))
        return cli_fail(&e);
    if (sv_row_save(c->st, &SV_ENT_CONTRACT, &k, &e)) return cli_fail(&e);
    printf(existed ? _("Integreringskontrakt nr. %lld for planversjon %d er endret.\n")
                   : _("Integreringskontrakt nr. %lld for planversjon %d er lagret.\n"),
           (long long)k.m.id, k.plan_rev);
    return 0;
}

typedef struct {
    int current, n;
} show_ctx;

static int show_row(const void *obj, void *ctx)
{
    const sv_contract *k = obj;
    show_ctx *s = ctx;
    char a[11], b[11];
    sv_date_nor(k->signed_participant, a);
    sv_date_nor(k->signed_municipality, b);
    printf(k->plan_rev == s->current ? _("Integreringskontrakt nr. %lld, planversjon %d (gjeldende)\n")
                                     : _("Integreringskontrakt nr. %lld, planversjon %d (tidligere plan)\n"),
           (long long)k->m.id, k->plan_rev);
    printf(_("  Signert av deltaker: %s\n  Signert av kommunen: %s\n"), a, b);
    printf(_("  Deltakeren forplikter seg til: %s\n"), k->participant_commits);
    printf(_("  Kommunen forplikter seg til: %s\n"), k->municipality_commits);
    s->n++;
    return 0;
}

static int show(sv_cli *c, int64_t pid)
{
    sv_err e;
    sv_err_clear(&e);
    char line[300];
    if (sv_contract_case_line(c->st, pid, line, sizeof line, &e)) return cli_fail(&e);
    sv_contract k;
    show_ctx s = {-1, 0};
    int rc = sv_contract_current(c->st, pid, &k, &s.current, &e);
    if (rc != SV_OK && rc != SV_ENOTFOUND) return cli_fail(&e);
    if (sv_row_each(c->st, &SV_ENT_CONTRACT, pid, show_row, &s, &e)) return cli_fail(&e);
    if (line[0] && rc == SV_ENOTFOUND) printf("%s\n", line);
    else if (!s.n) printf(_("Ingen integreringskontrakt er ført for deltakeren.\n"));
    return 0;
}

int cmd_contract(sv_cli *c, int argc, char **argv)
{
    if (argc < 3) return cli_usage("%s", _(CONTRACT_USAGE));
    int64_t pid = cli_id(argv[2]);
    if (!pid) {
        fprintf(stderr, _("stegvis: Deltaker: «%s» er ikke et deltakernummer (som i «stegvis list»)\n"), argv[2]);
        return 1;
    }
    if (!strcmp(argv[1], "set")) {
        opts o;
        if (parse(argc, argv, &o)) return 2;
        return set(c, pid, &o);
    }
    if (!strcmp(argv[1], "show")) {
        if (argc > 3) return cli_usage(_("ukjent valg «%s»\n%s"), argv[3], _(CONTRACT_USAGE));
        return show(c, pid);
    }
    return cli_usage(_("ukjent underkommando «%s»\n%s"), argv[1], _(CONTRACT_USAGE));
}
