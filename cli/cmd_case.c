/* Case commands: participant add, add, edit, list. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/case.h"
#include "../core/fnr.h"
#include "../core/overview.h"
#include "../forms/forms.h"
#include "cli.h"
#include "../core/i18n.h"

/* "participant_id" -> "participant" */
static void parent_opt(const sv_entity *ent, char *buf, size_t size)
{
    snprintf(buf, size, "%s", ent->parent_col ? ent->parent_col : "");
    char *u = strstr(buf, "_id");
    if (u) *u = '\0';
}

static int add_row(sv_cli *c, const sv_entity *ent, int argc, char **argv)
{
    char popt[32];
    parent_opt(ent, popt, sizeof popt);
    const char *extra[] = {popt, NULL};
    const char *pval[1] = {NULL};
    void *obj = sv_xmalloc(ent->size);
    sv_entity_blank(ent, obj);
    sv_err e;
    sv_err_clear(&e);
    int rc = cli_fields(ent, obj, argc, argv, extra, pval, &e);
    if (rc) {
        free(obj);
        return rc == 2 ? 2 : cli_fail(&e);
    }
    sv_meta *m = obj;
    if (ent->parent_col && !strcmp(ent->parent_col, "municipality_id")) {
        m->parent = cli_municipality(c, pval[0], &e);
        if (!m->parent) {
            free(obj);
            return cli_fail(&e);
        }
    } else if (ent->parent_col) {
        m->parent = cli_id(pval[0]);
        if (!m->parent) {
            free(obj);
            return cli_usage(_("%s: oppgi --%s ID (løpenummeret den hører til)"), ent->label, popt);
        }
    }
    if (ent == &SV_ENT_PARTICIPANT && !((sv_participant *)obj)->adviser[0])
        snprintf(((sv_participant *)obj)->adviser, 33, "%s", sv_login());
    rc = sv_row_save(c->st, ent, obj, &e);
    if (rc == SV_OK) printf(_("%s nr. %lld er lagret.\n"), _(ent->label), (long long)m->id);
    free(obj);
    return rc ? cli_fail(&e) : 0;
}

int cmd_participant(sv_cli *c, int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "add") != 0)
        return cli_usage(_("bruk: stegvis participant add --fnr NR --name NAVN ... (se «stegvis fields participant»)"));
    return add_row(c, &SV_ENT_PARTICIPANT, argc - 2, argv + 2);
}

int cmd_add(sv_cli *c, int argc, char **argv)
{
    if (argc < 2) return cli_usage(_("bruk: stegvis add TYPE ... (typer: se «stegvis fields»)"));
    const sv_entity *ent = sv_entity_by_table(argv[1]);
    if (!ent || ent == &SV_ENT_MUNICIPALITY) return cli_usage(_("ukjent type «%s» (se «stegvis fields»)"), argv[1]);
    return add_row(c, ent, argc - 2, argv + 2);
}

int cmd_edit(sv_cli *c, int argc, char **argv)
{
    if (argc < 3) return cli_usage(_("bruk: stegvis edit TYPE ID [--if-version N] [--correction ja] --FELT VERDI ..."));
    const sv_entity *ent = sv_entity_by_table(argv[1]);
    if (!ent) return cli_usage(_("ukjent type «%s» (se «stegvis fields»)"), argv[1]);
    int64_t id = cli_id(argv[2]);
    if (!id) return cli_usage(_("«%s» er ikke et løpenummer"), argv[2]);
    void *obj = sv_xmalloc(ent->size);
    sv_err e;
    sv_err_clear(&e);
    const char *extra[] = {"if_version", "correction", NULL};
    const char *ver[2] = {NULL, NULL};
    int rc = sv_row_load(c->st, ent, id, obj, &e);
    if (rc == SV_OK) {
        rc = cli_fields(ent, obj, argc - 3, argv + 3, extra, ver, &e);
        if (rc == 2) {
            free(obj);
            return 2;
        }
    }
    if (rc == SV_OK && ver[0]) {
        int v = atoi(ver[0]);
        if (v <= 0) {
            free(obj);
            return cli_usage(_("--if-version må være et positivt tall"));
        }
        ((sv_meta *)obj)->version = v;
    }
    /* --correction ja: a correction of wording in the plan, which keeps its decision (core/case.c) */
    if (rc == SV_OK && ver[1]) {
        if (ent != &SV_ENT_PLAN || (strcmp(ver[1], "ja") && strcmp(ver[1], "nei"))) {
            free(obj);
            return cli_usage(_("--correction: ja eller nei, og bare for plan (en retting av ordlyden som ikke endrer planen)"));
        }
        if (!strcmp(ver[1], "ja")) sv_plan_mark_correction();
    }
    int rev = ent == &SV_ENT_PLAN ? ((sv_plan *)obj)->rev : 0;
    if (rc == SV_OK) rc = sv_row_save(c->st, ent, obj, &e);
    if (rc == SV_OK) printf(_("%s nr. %lld er endret (versjon %d).\n"), _(ent->label), (long long)id, ((sv_meta *)obj)->version);
    if (rc == SV_OK && ent == &SV_ENT_PLAN && ver[1] && !strcmp(ver[1], "ja")) {
        sv_plan now;
        if (sv_row_load(c->st, &SV_ENT_PLAN, id, &now, &e) == SV_OK)
            printf(now.rev == rev ? _("Retting av ordlyden: planens innhold er det samme, vedtaket gjelder fortsatt.\n")
                                  : _("Endringen er vesentlig (tiltak, faser, timer, mål eller varighet) og krever nytt vedtak.\n"));
    }
    free(obj);
    return rc ? cli_fail(&e) : 0;
}

static int parse_status(const char *s)
{
    static const char *const names[] = {"ingen", "utkast", "vedtatt", "endret"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, names[i])) return i;
    return -2;
}

int cmd_list(sv_cli *c, int argc, char **argv)
{
    sv_filter f;
    sv_filter_init(&f);
    long limit = -1; /* not given: 50 on screen, everything in --tsv */
    int show_fnr = 0;
    sv_err e;
    sv_err_clear(&e);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--tsv")) continue;
        if (!strcmp(a, "--overdue")) { f.overdue = 1; continue; }
        if (!strcmp(a, "--warnings")) { f.warnings = 1; continue; }
        if (!strcmp(a, "--show-fnr")) { show_fnr = 1; continue; }
        if (!v) return cli_usage(_("%s mangler verdi"), a);
        i++;
        if (!strcmp(a, "--municipality")) {
            f.municipality_id = cli_municipality(c, v, &e);
            if (!f.municipality_id) return cli_fail(&e);
        } else if (!strcmp(a, "--adviser")) {
            if (sv_strcpy(f.adviser, sizeof f.adviser, v)) return cli_usage(_("--adviser: for langt brukernavn"));
        } else if (!strcmp(a, "--search")) {
            if (sv_strcpy(f.search, sizeof f.search, v)) return cli_usage(_("--search: for lang tekst"));
        } else if (!strcmp(a, "--status")) {
            if ((f.status = parse_status(v)) == -2) return cli_usage(_("--status: velg ingen, utkast, vedtatt eller endret"));
        } else if (!strcmp(a, "--step")) {
            f.step = atoi(v);
            if (f.step < 5 || f.step > 7) return cli_usage(_("--step: velg 5, 6 eller 7"));
        } else if (!strcmp(a, "--sort")) {
            if (!strcmp(v, "navn")) f.sort = SV_SORT_NAME;
            else if (!strcmp(v, "frist")) f.sort = SV_SORT_DEADLINE;
            else if (!strcmp(v, "bosatt")) f.sort = SV_SORT_SETTLED;
            else if (!strcmp(v, "status")) f.sort = SV_SORT_STATUS;
            else return cli_usage(_("--sort: velg navn, frist, bosatt eller status"));
        } else if (!strcmp(a, "--limit")) {
            char *end;
            limit = strtol(v, &end, 10);
            if (*end || limit < 0) return cli_usage(_("--limit: oppgi et tall (0 = alle)"));
        } else {
            return cli_usage(_("ukjent valg «%s» for list"), a);
        }
    }
    if (limit < 0) limit = c->tsv ? 0 : 50;
    long total = sv_overview_count(c->st, &f, &e);
    if (total < 0) return cli_fail(&e);
    enum { PAGE = 500 };
    sv_overview_row *rows = sv_xcalloc(PAGE, sizeof *rows);
    long shown = 0;
    while (limit == 0 || shown < limit) {
        int want = limit == 0 || limit - shown > PAGE ? PAGE : (int)(limit - shown);
        int n = sv_overview_page(c->st, &f, (int)shown, want, rows, &e);
        if (n < 0) {
            free(rows);
            return cli_fail(&e);
        }
        if (shown == 0 && !c->tsv)
            {
                char h[5][80];
                printf("%-6s %s %s %s %s %-10s %s\n", "Nr", sv_utf8_pad(h[0], 80, _("Fødselsnr"), 11),
                       sv_utf8_pad(h[1], 80, _("Navn"), 30), sv_utf8_pad(h[2], 80, _("Steg"), 4),
                       sv_utf8_pad(h[3], 80, _("Plan"), 20), _("Frist"), _("Merknad"));
            }
        else if (shown == 0)
            printf(_("id\tfnr\tname\tstep\tstatus\tnext\tnext_label\twarnings\n"));
        for (int i = 0; i < n; i++) {
            sv_overview_row *r = &rows[i];
            char fnr[12], next[11], warn[160] = "";
            if (show_fnr) snprintf(fnr, sizeof fnr, "%s", r->fnr);
            else sv_fnr_mask(r->fnr, fnr);
            sv_date_nor(r->next, next);
            if (r->warn_late_plan) strcat(warn, _("plan for sent "));
            else if (r->warn_overdue) strcat(warn, _("frist passert "));
            if (r->warn_changed) strcat(warn, _("endret uten vedtak"));
            if (c->tsv)
                printf("%" PRId64 "\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r->id, fnr, r->name, r->step,
                       sv_plan_status_label(r->status), next, _(r->next_label), warn);
            else
            {
                char name[200], st[120];
                printf("%-6" PRId64 " %-11s %s %-4d %s %-10s %s\n", r->id, fnr, sv_utf8_pad(name, sizeof name, r->name, 30),
                       r->step, sv_utf8_pad(st, sizeof st, sv_plan_status_label(r->status), 20), next, warn);
            }
        }
        shown += n;
        if (n < want) break;
    }
    free(rows);
    if (!c->tsv) printf(_n("%ld av %ld deltaker vist.\n", "%ld av %ld deltakere vist.\n", total), shown, total);
    if (shown < total)
        fprintf(stderr, _n("stegvis: listen er avkortet: %ld av %ld deltaker vist (--limit 0 viser alle)\n",
                           "stegvis: listen er avkortet: %ld av %ld deltakere vist (--limit 0 viser alle)\n", total),
                shown, total);
    return 0;
}
