/* `results`: what the programme achieved per municipality and year of ending, against the 70 %
 * target; `--csv` for spreadsheets; `--due` the participants whose one-year status is due. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/cell.h"
#include "../core/fnr.h"
#include "../core/results.h"
#include "../core/results_pdf.h"
#include "cli.h"
#include "../core/i18n.h"

#define RESULTS_USAGE N_("bruk: stegvis results [--municipality NR] [--year ÅR] [--csv]\n" \
                         "       stegvis results --pdf FIL [--municipality NR] [--year ÅR]\n" \
                         "       stegvis results --due [--municipality NR]")

static void pct(char *buf, size_t size, int share)
{
    if (share < 0) snprintf(buf, size, "-");
    else snprintf(buf, size, "%d %%", share);
}

static void csv_row(const sv_res_section *s, const sv_res_cell *c)
{
    char n[16], lack[16], year[16], a[16] = "", b[16] = "";
    snprintf(year, sizeof year, "%d", s->year);
    int se = sv_res_share_end(c), s1 = sv_res_share_1y(c);
    if (se >= 0) snprintf(a, sizeof a, "%d", se);
    if (s1 >= 0) snprintf(b, sizeof b, "%d", s1);
    const char *cells[] = {s->number, s->name, year, s->preliminary ? "ja" : "nei", sv_res_dim_label(c->dim),
                           sv_res_value_label(c), sv_res_count(c, n), a, b, c->hidden ? "" : sv_res_lacking(c, lack)};
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        if (i) fputc(',', stdout);
        sv_cell_write(stdout, cells[i], ',');
    }
    printf(",%d\n", SV_RESULTS_TARGET);
}

static void text_row(const sv_res_cell *c, int indent)
{
    char n[16], lack[16], a[16], b[16], label[80];
    pct(a, sizeof a, sv_res_share_end(c));
    pct(b, sizeof b, sv_res_share_1y(c));
    sv_utf8_pad(label, sizeof label, sv_res_value_label(c), 34 - indent);
    int s1 = sv_res_share_1y(c);
    printf("%*s%s %9s %12s %12s%s %10s\n", indent, "", label, sv_res_count(c, n), a, b,
           s1 >= 0 && s1 < SV_RESULTS_TARGET ? "!" : " ", sv_res_lacking(c, lack));
}

static int on_due(const sv_res_due *d, void *ctx)
{
    int csv = *(int *)ctx;
    char fnr[12], ended[11], due[11], name[64];
    sv_fnr_mask(d->fnr, fnr);
    if (csv) {
        sv_date_iso(d->ended_on, ended);
        sv_date_iso(d->due_on, due);
        printf("%lld,", (long long)d->participant_id);
        sv_cell_write(stdout, fnr, ',');
        fputc(',', stdout);
        sv_cell_write(stdout, d->name, ',');
        printf(",%s,%s\n", ended, due);
        return 0;
    }
    sv_date_nor(d->ended_on, ended);
    sv_date_nor(d->due_on, due);
    sv_utf8_pad(name, sizeof name, d->name, 28);
    printf("%6lld %s %s %s %s\n", (long long)d->participant_id, fnr, name, ended, due);
    return 0;
}

int cmd_results(sv_cli *c, int argc, char **argv)
{
    const char *muni_arg = NULL, *pdf = NULL;
    int year = 0, csv = 0, due = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--tsv")) continue;
        if (!strcmp(a, "--csv")) { csv = 1; continue; }
        if (!strcmp(a, "--due")) { due = 1; continue; }
        if (!strcmp(a, "--municipality") || !strcmp(a, "--year") || !strcmp(a, "--pdf")) {
            if (!v) return cli_usage(_("%s mangler verdi\n%s"), a, _(RESULTS_USAGE));
            i++;
            if (!strcmp(a, "--municipality")) muni_arg = v;
            else if (!strcmp(a, "--pdf")) pdf = v;
            else {
                char *end;
                long y = strtol(v, &end, 10);
                if (*end || end == v || y < 1990 || y > 2200) {
                    fprintf(stderr, _("stegvis: År: «%s» er ikke et årstall (som 2025)\n"), v);
                    return 1;
                }
                year = (int)y;
            }
            continue;
        }
        return cli_usage(_("ukjent valg «%s»\n%s"), a, _(RESULTS_USAGE));
    }
    sv_err e;
    sv_err_clear(&e);
    int64_t muni = 0;
    if (muni_arg && !(muni = cli_municipality(c, muni_arg, &e))) return cli_fail(&e);
    sv_date today = sv_today();
    if (due) {
        if (year) return cli_usage("%s", _(RESULTS_USAGE));
        if (csv) printf("deltaker,fodselsnummer,navn,avsluttet,ettarsstatus_frist\n");
        else printf(_("Ettårsstatus som skal registreres (ett år etter avslutning):\n"));
        return sv_results_due_each(c->st, muni, today, on_due, &csv, &e) ? cli_fail(&e) : 0;
    }
    if (pdf && (csv || due)) return cli_usage("%s", _(RESULTS_USAGE));
    if (pdf && !muni && !(muni = cli_municipality(c, NULL, &e))) return cli_fail(&e);
    sv_results r;
    if (sv_results_run(c->st, muni, year, today, &r, &e)) return cli_fail(&e);
    if (pdf) {
        /* one page: the year asked for, else the latest with ended participants */
        int rc = 0;
        if (!r.nsections) {
            fprintf(stderr, _("stegvis: Ingen deltakere har avsluttet programmet%s; det er ingenting å lage PDF av.\n"),
                    year ? _(" det året") : "");
            rc = 1;
        } else if (sv_results_pdf(&r.sections[r.nsections - 1], today, pdf, &e)) {
            rc = cli_fail(&e);
        } else {
            printf(_("Resultatene for %s, avsluttet i %d, er skrevet til %s.\n"), r.sections[r.nsections - 1].name,
                   r.sections[r.nsections - 1].year, pdf);
        }
        sv_results_free(&r);
        return rc;
    }
    if (csv)
        printf("kommunenummer,kommune,ar,forelopig,inndeling,verdi,avsluttet,andel_arbeid_utdanning_ved_slutt,"
               "andel_arbeid_utdanning_etter_ett_ar,mangler_ettarsstatus,mal_prosent\n");
    if (!r.nsections && !csv) {
        if (year) printf(_("Ingen deltakere avsluttet programmet i %d%s%s.\n"), year, muni_arg ? _(" i kommune ") : "",
                         muni_arg ? muni_arg : "");
        else printf(_("Ingen deltakere har avsluttet programmet%s%s ennå, så det er ingen resultater å vise.\n"),
                    muni_arg ? _(" i kommune ") : "", muni_arg ? muni_arg : "");
    }
    for (int i = 0; i < r.nsections; i++) {
        const sv_res_section *s = &r.sections[i];
        if (csv) {
            for (int k = 0; k < s->ncells; k++)
                if (s->cells[k].n > 0 || s->cells[k].dim != SV_DIM_MEASURE) csv_row(s, &s->cells[k]);
            continue;
        }
        printf(_("\n%s (%s), avsluttet i %d%s\n"), s->name, s->number, s->year,
               s->preliminary ? _(" (foreløpig: året er ikke omme)") : "");
        printf("%-34s %9s %12s %12s  %10s\n", "", _("Avsluttet"), _("Ved slutt"), _("Etter ett år"), _("Mangler"));
        sv_res_dim dim = SV_DIM_TOTAL;
        for (int k = 0; k < s->ncells; k++) {
            const sv_res_cell *cl = &s->cells[k];
            if (cl->dim == SV_DIM_MEASURE && cl->n == 0) continue;
            if (cl->dim != dim) {
                dim = cl->dim;
                printf("%s\n", sv_res_dim_label(dim));
            }
            text_row(cl, cl->dim == SV_DIM_TOTAL ? 0 : 2);
        }
    }
    if (r.nsections && !csv)
        printf(_("\nAndel i arbeid eller utdanning; mål: %d %% ett år etter (! = under målet). «<%d»: for få til å vises; «:»: skjult så et lite tall ikke kan regnes ut av summen.\n"
                 "Mangler: ett år har gått, men statusen er ikke registrert (se «stegvis results --due»).\n"),
               SV_RESULTS_TARGET, SV_RESULTS_MIN);
    sv_results_free(&r);
    return 0;
}
