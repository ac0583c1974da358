/* `nir`: the NIR worklist. Open items, overdue first; registering one; exporting the open
 * items as a tab-separated file for the office or the NIR vendor's transfer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/cell.h"
#include "../core/fnr.h"
#include "../core/nir.h"
#include "cli.h"
#include "../core/i18n.h"

#define NIR_USAGE N_("bruk: stegvis nir [--municipality NR] [--adviser LOGIN] [--all] [--limit N] [--tsv]\n" \
                     "       stegvis nir --register PUNKT [--on DATO]\n" \
                     "       stegvis nir --export FIL [--municipality NR] [--adviser LOGIN]")

typedef struct {
    FILE *out;
    int tsv, export;
    long limit, shown, total, overdue;
    sv_date today;
} list_ctx;

static void tsv_row(FILE *f, const sv_nir_item *it)
{
    char fnr[12], ev[11], due[11];
    sv_fnr_mask(it->fnr, fnr);
    sv_date_iso(it->event_on, ev);
    sv_date_iso(it->due_on, due);
    fprintf(f, "%lld\t", (long long)it->participant_id);
    sv_cell_write(f, fnr, '\t');
    fputc('\t', f);
    sv_cell_write(f, it->item, '\t');
    fputc('\t', f);
    sv_cell_write(f, it->fact, '\t');
    fprintf(f, "\t%s\t%s\n", ev, due);
}

static int on_item(const sv_nir_item *it, void *ctx)
{
    list_ctx *l = ctx;
    l->total++;
    int open = it->registered_on == SV_NODATE || it->reopened;
    if (open && it->due_on < l->today) l->overdue++;
    if (l->export) {
        tsv_row(l->out, it);
        return 0;
    }
    if (l->limit && l->shown >= l->limit) return 0;
    l->shown++;
    if (l->tsv) {
        tsv_row(l->out, it);
        return 0;
    }
    char fnr[12], ev[11], due[11], reg[11] = "";
    sv_fnr_mask(it->fnr, fnr);
    sv_date_nor(it->event_on, ev);
    sv_date_nor(it->due_on, due);
    if (it->registered_on != SV_NODATE) sv_date_nor(it->registered_on, reg);
    const char *mark = it->registered_on != SV_NODATE && !it->reopened ? _("registrert")
                       : it->due_on < l->today ? _("FORFALT") : "";
    char name[64];
    sv_utf8_pad(name, sizeof name, it->name, 22);
    fprintf(l->out, "%-10s %-10s %6lld %s %s %-18s %s: %s%s%s%s%s\n", due, ev, (long long)it->participant_id, fnr,
            name, it->item, sv_nir_kind_label(it->kind), it->fact, mark[0] ? "  " : "", mark,
            reg[0] ? " " : "", reg);
    if (it->reopened) fprintf(l->out, _("           (opplysningen er endret siden den ble registrert %s av %s)\n"),
                              reg, it->registered_by);
    return 0;
}

int cmd_nir(sv_cli *c, int argc, char **argv)
{
    const char *muni_arg = NULL, *reg = NULL, *on_arg = NULL, *export = NULL;
    sv_nir_filter f;
    sv_nir_filter_init(&f);
    long limit = 100;
    int limit_given = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--tsv")) continue;
        if (!strcmp(a, "--all")) { f.all = 1; continue; }
        if (!strcmp(a, "--municipality") || !strcmp(a, "--adviser") || !strcmp(a, "--register") ||
            !strcmp(a, "--on") || !strcmp(a, "--export") || !strcmp(a, "--limit")) {
            if (!v) return cli_usage(_("%s mangler verdi\n%s"), a, _(NIR_USAGE));
            i++;
            if (!strcmp(a, "--municipality")) muni_arg = v;
            else if (!strcmp(a, "--adviser")) {
                if (sv_strcpy(f.adviser, sizeof f.adviser, v)) return cli_usage(_("--adviser: brukernavnet er for langt"));
            } else if (!strcmp(a, "--register")) reg = v;
            else if (!strcmp(a, "--on")) on_arg = v;
            else if (!strcmp(a, "--export")) export = v;
            else {
                char *end;
                limit = strtol(v, &end, 10);
                limit_given = 1;
                if (*end || end == v || limit < 0) return cli_usage(_("--limit: «%s» er ikke et tall (0 = alle)"), v);
            }
            continue;
        }
        return cli_usage(_("ukjent valg «%s»\n%s"), a, _(NIR_USAGE));
    }
    sv_err e;
    sv_err_clear(&e);
    sv_date today = sv_today();
    if (on_arg && !reg) return cli_usage(_("--on hører til --register\n%s"), _(NIR_USAGE));
    if (reg) {
        if (export || muni_arg || f.adviser[0]) return cli_usage("%s", _(NIR_USAGE));
        sv_date on = SV_NODATE;
        if (on_arg && (sv_date_parse(on_arg, &on) || on == SV_NODATE)) {
            fprintf(stderr, _("stegvis: Registrert i NIR: «%s» er ikke en dato (dd.mm.åååå)\n"), on_arg);
            return 1;
        }
        if (sv_nir_register(c->st, reg, on, today, &e)) return cli_fail(&e);
        char d[11];
        sv_date_nor(on == SV_NODATE ? today : on, d);
        printf(_("NIR-punkt %s er registrert %s.\n"), reg, d);
        return 0;
    }
    if (muni_arg && !(f.municipality_id = cli_municipality(c, muni_arg, &e))) return cli_fail(&e);
    if (c->tsv && !limit_given) limit = 0;   /* --tsv lists are complete unless --limit says otherwise */
    list_ctx l = {stdout, c->tsv, export != NULL, limit, 0, 0, 0, today};
    char *tmp = NULL;
    if (export) {
        if (f.all) return cli_usage(_("--export skriver bare åpne punkter (uten --all)"));
        l.out = sv_private_open(export, &tmp, &e);
        if (!l.out) return cli_fail(&e);
        fputs("deltaker\tfodselsnummer\tpunkt\topplysning\thendelse\tfrist\n", l.out);
    }
    long open = 0, overdue = 0;
    /* the count and the items from one snapshot */
    int rc = sv_store_read_begin(c->st, &e), began = rc == SV_OK;
    if (rc == SV_OK && !export && !f.all) {
        f.limit = limit;
        rc = sv_nir_count(c->st, &f, today, &open, &overdue, &e);
    }
    if (rc == SV_OK) rc = sv_nir_each(c->st, &f, today, on_item, &l, &e);
    if (began) sv_store_read_end(c->st);
    if (!export && !f.all) {
        l.total = open;
        l.overdue = overdue;
    }
    if (export) {
        if (rc) {
            sv_private_discard(l.out, tmp);
            return cli_fail(&e);
        }
        if (sv_private_close(l.out, tmp, export, &e)) return cli_fail(&e);
        char no[64];
        snprintf(no, sizeof no, _n("%ld forfalt", "%ld forfalt", l.overdue), l.overdue);
        printf(_n("%ld åpent NIR-punkt skrevet til %s (%s).\n", "%ld åpne NIR-punkter skrevet til %s (%s).\n", l.total),
               l.total, export, no);
        return 0;
    }
    if (rc) return cli_fail(&e);
    if (c->tsv && l.shown < l.total)
        fprintf(stderr, _n("stegvis: listen er avkortet: %ld av %ld punkt vist (--limit 0 viser alle)\n",
                           "stegvis: listen er avkortet: %ld av %ld punkter vist (--limit 0 viser alle)\n", l.total),
                l.shown, l.total);
    if (!c->tsv) {
        char d[11];
        sv_date_nor(today, d);
        char no[64], nt[64];
        snprintf(no, sizeof no, _n("%ld forfalt", "%ld forfalt", l.overdue), l.overdue);
        snprintf(nt, sizeof nt, _n("%ld åpent punkt", "%ld åpne punkter", l.total), l.total);
        if (f.all) printf(_n("NIR per %s: %ld punkt i alt.\n", "NIR per %s: %ld punkter i alt.\n", l.total), d, l.total);
        else printf(_("NIR per %s: %s, %s (frist: to måneder etter hendelsen).\n"), d, nt, no);
        if (l.shown < l.total)
            printf(_n("Viser det første %ld; --limit 0 viser alle, --export FIL skriver dem til fil.\n",
                      "Viser de %ld første; --limit 0 viser alle, --export FIL skriver dem til fil.\n", l.shown), l.shown);
    }
    return 0;
}
