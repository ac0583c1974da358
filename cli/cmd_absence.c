/* `absence`: absence by the hour (core/absence.c). record writes one participant's day (a new
 * row, or the day's row in that measure changed), list shows a participant's rows and month,
 * report the month of every participant of a municipality, --csv for the payroll system (hours
 * only, no amounts; cells that a spreadsheet cannot take for a formula). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/absence.h"
#include "../core/cell.h"
#include "../core/fnr.h"
#include "../forms/forms.h"
#include "cli.h"
#include "../core/i18n.h"

#define ABSENCE_USAGE N_("bruk: stegvis absence record --participant ID --date DATO --hours TIMER [--reason ÅRSAK]\n" \
                         "           [--measure NR] [--approved ja|nei] [--note TEKST]\n" \
                         "       stegvis absence list --participant ID [--month ÅÅÅÅ-MM]\n" \
                         "       stegvis absence report --month ÅÅÅÅ-MM [--municipality NR] [--unit ENHET] [--csv]\n" \
                         "           [--out FIL] [--show-fnr]")

/* The options of one subcommand: name and value, in the order given. */
typedef struct {
    const char *participant, *date, *hours, *reason, *measure, *approved, *note, *month, *muni, *unit, *out;
    int csv, show_fnr;
} opts;

static int parse(int argc, char **argv, opts *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--csv")) { o->csv = 1; continue; }
        if (!strcmp(a, "--show-fnr")) { o->show_fnr = 1; continue; }
        if (!strcmp(a, "--tsv")) continue;
        static const char *const names[] = {"--participant", "--date", "--hours", "--reason", "--measure", "--approved",
                                            "--note", "--month", "--municipality", "--unit", "--out"};
        const char **slot[] = {&o->participant, &o->date, &o->hours, &o->reason, &o->measure, &o->approved,
                               &o->note, &o->month, &o->muni, &o->unit, &o->out};
        int k = -1;
        for (int n = 0; n < (int)(sizeof names / sizeof names[0]); n++)
            if (!strcmp(a, names[n])) k = n;
        if (k < 0) return cli_usage(_("ukjent valg «%s»\n%s"), a, _(ABSENCE_USAGE));
        if (!v) return cli_usage(_("%s mangler verdi\n%s"), a, _(ABSENCE_USAGE));
        *slot[k] = v;
        i++;
    }
    return 0;
}

static int field(sv_absence_hour *a, const char *col, const char *text, sv_err *e)
{
    return text ? sv_field_parse(sv_entity_field(&SV_ENT_ABSENCE_HOUR, col), a, text, e) : SV_OK;
}

static int participant_id(const char *arg, int64_t *pid)
{
    *pid = arg ? cli_id(arg) : 0;
    if (*pid) return 0;
    fprintf(stderr, _("stegvis: Deltaker: oppgi deltakerens nummer med --participant ID (som i «stegvis list»)\n"));
    return 1;
}

static int record(sv_cli *c, const opts *o)
{
    int64_t pid;
    if (participant_id(o->participant, &pid)) return 1;
    sv_err e;
    sv_err_clear(&e);
    sv_absence_hour a;
    sv_entity_blank(&SV_ENT_ABSENCE_HOUR, &a);
    if (!o->date) return cli_usage(_("--date mangler\n%s"), _(ABSENCE_USAGE));
    if (!o->hours) return cli_usage(_("--hours mangler\n%s"), _(ABSENCE_USAGE));
    if (field(&a, "on_day", o->date, &e) || field(&a, "measure_id", o->measure, &e)) return cli_fail(&e);
    int rc = sv_abs_find(c->st, pid, a.on_day, a.measure_id, &a, &e);
    if (rc != SV_OK && rc != SV_ENOTFOUND) return cli_fail(&e);
    int existed = rc == SV_OK;
    /* a day recorded anew: what was said about it before does not carry over unless given */
    if (existed && !o->reason) a.reason[0] = '\0';
    if (existed && !o->approved) a.approved = 0;
    if (field(&a, "hours", o->hours, &e) || field(&a, "reason", o->reason, &e) ||
        field(&a, "approved", o->approved, &e) || field(&a, "note", o->note, &e))
        return cli_fail(&e);
    if (sv_row_save(c->st, &SV_ENT_ABSENCE_HOUR, &a, &e)) return cli_fail(&e);
    char day[11];
    sv_date_nor(a.on_day, day);
    printf(existed ? _("Fravær per dag nr. %lld (%s) er endret.\n") : _("Fravær per dag nr. %lld (%s) er lagret.\n"),
           (long long)a.m.id, day);
    return 0;
}

static void hours(int h, char *buf, size_t size) { sv_abs_hours_text(h, buf, size, ','); }

static void print_month(const sv_abs_month *m)
{
    char p[16], at[16], ap[16], un[16];
    hours(m->planned, p, sizeof p);
    hours(m->attended, at, sizeof at);
    hours(m->approved, ap, sizeof ap);
    hours(m->unapproved, un, sizeof un);
    printf(_("%02d.%d: planlagt %s t, til stede %s t, godkjent fravær %s t, ugodkjent fravær %s t"), m->month, m->year, p,
           at, ap, un);
    if (m->share >= 0) printf(_(" (%d,%d %% ugodkjent)"), m->share / 10, m->share % 10);
    printf(_n(", velferdspermisjon igjen i år: %d dag\n", ", velferdspermisjon igjen i år: %d dager\n", m->welfare_left),
           m->welfare_left);
}

typedef struct {
    int n;
} list_ctx;

static int list_row(const void *obj, void *ctx)
{
    const sv_absence_hour *a = obj;
    list_ctx *l = ctx;
    char day[11], h[16];
    sv_date_nor(a->on_day, day);
    hours(a->hours * 10, h, sizeof h);
    printf("%6lld  %s  %-6s %5s t  %-22s %s\n", (long long)a->m.id, day,
           a->measure_id ? "" : _("dagen"), h, a->reason[0] ? sv_code_label(SV_CODES_ABSENCE_HOUR_REASON, a->reason) : _("til stede"),
           a->hours ? (a->approved ? _("godkjent") : _("ugodkjent")) : "");
    if (a->measure_id) printf(_("        tiltak nr. %lld\n"), (long long)a->measure_id);
    l->n++;
    return 0;
}

static int list(sv_cli *c, const opts *o)
{
    int64_t pid;
    if (participant_id(o->participant, &pid)) return 1;
    sv_err e;
    sv_err_clear(&e);
    int y = 0, m = 0;
    if (o->month && sv_abs_parse_month(o->month, &y, &m)) {
        fprintf(stderr, _("stegvis: Måned: «%s» er ikke en måned (skriv ÅÅÅÅ-MM, som 2026-11)\n"), o->month);
        return 1;
    }
    if (!o->month) {
        int d;
        sv_date_to_ymd(sv_today(), &y, &m, &d);
    }
    sv_abs_month row;
    if (sv_abs_month_one(c->st, pid, y, m, &row, &e)) return cli_fail(&e);
    list_ctx l = {0};
    if (sv_row_each(c->st, &SV_ENT_ABSENCE_HOUR, pid, list_row, &l, &e)) return cli_fail(&e);
    if (!l.n) printf(_("Ingen fravær per dag er ført for deltakeren.\n"));
    print_month(&row);
    sv_abs_month due;
    int d = sv_abs_decision_due(c->st, pid, sv_today(), &due, &e);
    if (d < 0) return cli_fail(&e);
    if (d) {
        const sv_abs_rules *r = sv_abs_rules_get(&e);
        printf(_("Vedtak må fattes: ugodkjent fravær %02d.%d er %d,%d %% av de planlagte timene, et trekk på %d %% eller "
                 "mer av én utbetaling (%s)\n"), due.month, due.year, due.share / 10, due.share % 10,
               r ? r->decision_share : 50, r ? r->decision_cite : "");
    }
    return 0;
}

typedef struct {
    FILE *f;
    int csv, show_fnr;
    sv_abs_month sum;
    int n, due;
} report_ctx;

static int report_row(const sv_abs_month *m, void *ctx)
{
    report_ctx *r = ctx;
    char fnr[12], p[16], at[16], ap[16], un[16], share[16] = "";
    if (r->show_fnr) snprintf(fnr, sizeof fnr, "%s", m->fnr);
    else sv_fnr_mask(m->fnr, fnr);
    if (m->share >= 0) snprintf(share, sizeof share, "%d.%d", m->share / 10, m->share % 10);
    r->n++;
    r->due += m->decision_due;
    r->sum.planned += m->planned;
    r->sum.attended += m->attended;
    r->sum.approved += m->approved;
    r->sum.unapproved += m->unapproved;
    if (r->csv) {
        sv_abs_hours_text(m->planned, p, sizeof p, '.');
        sv_abs_hours_text(m->attended, at, sizeof at, '.');
        sv_abs_hours_text(m->approved, ap, sizeof ap, '.');
        sv_abs_hours_text(m->unapproved, un, sizeof un, '.');
        char id[24], month[8], left[8];
        snprintf(id, sizeof id, "%lld", (long long)m->participant_id);
        snprintf(month, sizeof month, "%04d-%02d", m->year, m->month);
        snprintf(left, sizeof left, "%d", m->welfare_left);
        const char *cells[] = {id, fnr, m->name, month, p, at, ap, un, share, left, m->decision_due ? "ja" : "nei"};
        for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
            if (i) fputc(',', r->f);
            sv_cell_write(r->f, cells[i], ',');
        }
        fputc('\n', r->f);
        return 0;
    }
    hours(m->planned, p, sizeof p);
    hours(m->attended, at, sizeof at);
    hours(m->approved, ap, sizeof ap);
    hours(m->unapproved, un, sizeof un);
    char name[64];
    sv_utf8_pad(name, sizeof name, m->name, 26);
    if (m->share >= 0) snprintf(share, sizeof share, "%d,%d %%", m->share / 10, m->share % 10);
    fprintf(r->f, "%6lld %s %s %8s %8s %8s %8s %8s %4d %s\n", (long long)m->participant_id, fnr, name, p, at, ap, un,
            share, m->welfare_left, m->decision_due ? _("VEDTAK") : "");
    return 0;
}

static int report(sv_cli *c, const opts *o)
{
    sv_err e;
    sv_err_clear(&e);
    int y, m;
    if (!o->month) return cli_usage(_("--month mangler\n%s"), _(ABSENCE_USAGE));
    if (sv_abs_parse_month(o->month, &y, &m)) {
        fprintf(stderr, _("stegvis: Måned: «%s» er ikke en måned (skriv ÅÅÅÅ-MM, som 2026-11)\n"), o->month);
        return 1;
    }
    static const char *const units[] = {"voksenopplaering", "nav", "flyktningtjeneste", NULL};
    int unit_ok = !o->unit;
    for (int i = 0; units[i] && o->unit; i++) unit_ok |= !strcmp(units[i], o->unit);
    if (!unit_ok) {
        fprintf(stderr, _("stegvis: Enhet: «%s» finnes ikke (velg voksenopplaering, nav eller flyktningtjeneste)\n"), o->unit);
        return 1;
    }
    int64_t muni = cli_municipality(c, o->muni, &e);
    if (!muni || sv_store_authorize(c->st, SV_OP_READ, muni, &e)) return cli_fail(&e);
    report_ctx r = {stdout, o->csv, o->show_fnr, {0}, 0, 0};
    char *tmp = NULL;
    if (o->out && !(r.f = sv_private_open(o->out, &tmp, &e))) return cli_fail(&e);
    if (r.csv)
        fputs("deltaker,fodselsnummer,navn,maaned,planlagte_timer,timer_til_stede,godkjent_fravaer_timer,"
              "ugodkjent_fravaer_timer,andel_ugodkjent_prosent,velferdsdager_igjen,vedtak_om_trekk\n", r.f);
    else
        fprintf(r.f, _("Fravær %02d.%d (timer)%s%s\n%6s %-11s %-26s %8s %8s %8s %8s %8s %4s\n"), m, y,
                o->unit ? _(", enhet ") : "", o->unit ? o->unit : "", _("Nr"), _("Fnr"), _("Navn"), _("Planlagt"),
                _("Til stede"), _("Godkjent"), _("Ugodkj."), _("Andel"), _("Velf"));
    if (sv_abs_month_each(c->st, muni, y, m, o->unit, report_row, &r, &e)) {
        if (tmp) sv_private_discard(r.f, tmp);
        return cli_fail(&e);
    }
    if (!r.csv) {
        char p[16], at[16], ap[16], un[16];
        hours(r.sum.planned, p, sizeof p);
        hours(r.sum.attended, at, sizeof at);
        hours(r.sum.approved, ap, sizeof ap);
        hours(r.sum.unapproved, un, sizeof un);
        fprintf(r.f, _n("%d deltaker: planlagt %s t, til stede %s t, godkjent fravær %s t, ugodkjent fravær %s t; "
                        "vedtak om trekk må vurderes for %d\n",
                        "%d deltakere: planlagt %s t, til stede %s t, godkjent fravær %s t, ugodkjent fravær %s t; "
                        "vedtak om trekk må vurderes for %d\n", r.n), r.n, p, at, ap, un, r.due);
    }
    if (tmp) {
        if (sv_private_close(r.f, tmp, o->out, &e)) return cli_fail(&e);
        printf(_n("Fraværet for %02d.%d (%d deltaker) er skrevet til %s.\n",
                  "Fraværet for %02d.%d (%d deltakere) er skrevet til %s.\n", r.n), m, y, r.n, o->out);
    }
    return 0;
}

int cmd_absence(sv_cli *c, int argc, char **argv)
{
    if (argc < 2) return cli_usage("%s", _(ABSENCE_USAGE));
    opts o;
    int rc = parse(argc, argv, &o);
    if (rc) return rc;
    if (!strcmp(argv[1], "record")) return record(c, &o);
    if (!strcmp(argv[1], "list")) return list(c, &o);
    if (!strcmp(argv[1], "report")) return report(c, &o);
    return cli_usage(_("ukjent underkommando «%s»\n%s"), argv[1], _(ABSENCE_USAGE));
}
