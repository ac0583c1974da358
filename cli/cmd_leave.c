/* `leave`: leave (permisjon) as a decision (core/leave.c). add records a granted or refused
 * leave, list shows a participant's leave with the days counted as the law counts each kind and
 * the effect on the programme's end, kinds the kinds with their counting and section. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/leave.h"
#include "../forms/forms.h"
#include "cli.h"
#include "../core/i18n.h"

#define LEAVE_USAGE N_("bruk: stegvis leave add --participant ID --kind TYPE --from DATO --to DATO --granted ja|nei\n" \
                       "           --decided DATO [--reason TEKST] [--note TEKST]\n" \
                       "       stegvis leave list --participant ID\n" \
                       "       stegvis leave kinds")

typedef struct {
    const char *participant, *kind, *from, *to, *granted, *decided, *reason, *note;
} opts;

static int parse(int argc, char **argv, opts *o)
{
    memset(o, 0, sizeof *o);
    static const char *const names[] = {"--participant", "--kind", "--from", "--to", "--granted", "--decided", "--reason", "--note"};
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        const char **slot[] = {&o->participant, &o->kind, &o->from, &o->to, &o->granted, &o->decided, &o->reason, &o->note};
        int k = -1;
        for (int n = 0; n < (int)(sizeof names / sizeof names[0]); n++)
            if (!strcmp(a, names[n])) k = n;
        if (k < 0) return cli_usage(_("ukjent valg «%s»\n%s"), a, _(LEAVE_USAGE));
        if (!v) return cli_usage(_("%s mangler verdi\n%s"), a, _(LEAVE_USAGE));
        *slot[k] = v;
        i++;
    }
    return 0;
}

static int field(sv_leave *l, const char *col, const char *text, sv_err *e)
{
    return text ? sv_field_parse(sv_entity_field(&SV_ENT_LEAVE, col), l, text, e) : SV_OK;
}

static int participant_id(const char *arg, int64_t *pid)
{
    *pid = arg ? cli_id(arg) : 0;
    if (*pid) return 0;
    fprintf(stderr, _("stegvis: Deltaker: oppgi deltakerens nummer med --participant ID (som i «stegvis list»)\n"));
    return 1;
}

/* The programme's end and months with the granted leave (the figures of core/figures.c). */
static int effect(sv_cli *c, int64_t pid, sv_err *e)
{
    char line[400];
    if (sv_leave_effect_line(c->st, pid, line, sizeof line, e)) return e->code;
    if (line[0]) printf("%s\n", line);
    return SV_OK;
}

static int add(sv_cli *c, const opts *o)
{
    int64_t pid;
    if (participant_id(o->participant, &pid)) return 1;
    if (!o->kind) return cli_usage(_("--kind mangler\n%s"), _(LEAVE_USAGE));
    if (!o->from || !o->to) return cli_usage(_("--from og --to må oppgis\n%s"), _(LEAVE_USAGE));
    if (!o->granted) return cli_usage(_("--granted mangler (ja eller nei)\n%s"), _(LEAVE_USAGE));
    if (!o->decided) return cli_usage(_("--decided mangler (vedtaksdatoen)\n%s"), _(LEAVE_USAGE));
    sv_err e;
    sv_err_clear(&e);
    sv_leave l;
    sv_entity_blank(&SV_ENT_LEAVE, &l);
    l.m.parent = pid;
    if (field(&l, "kind", o->kind, &e) || field(&l, "from_on", o->from, &e) || field(&l, "to_on", o->to, &e) ||
        field(&l, "granted", o->granted, &e) || field(&l, "decided_on", o->decided, &e) || field(&l, "reason", o->reason, &e) ||
        field(&l, "note", o->note, &e))
        return cli_fail(&e);
    if (sv_row_save(c->st, &SV_ENT_LEAVE, &l, &e)) return cli_fail(&e);
    const sv_leave_kind *k = sv_leave_kind_get(l.kind);
    char a[11], b[11];
    sv_date_nor(l.from_on, a);
    sv_date_nor(l.to_on, b);
    printf(l.granted ? _("Permisjon nr. %lld (%s, %s–%s, %d %s) er innvilget og lagret.\n")
                     : _("Permisjon nr. %lld (%s, %s–%s, %d %s) er avslått og lagret.\n"),
           (long long)l.m.id, sv_code_label(SV_CODES_LEAVE_KIND, l.kind), a, b, sv_leave_days(k, l.from_on, l.to_on),
           sv_leave_unit(k, sv_leave_days(k, l.from_on, l.to_on)));
    if (l.granted && k && k->prolongs) {
        int n = l.to_on - l.from_on + 1;
        printf(_n("Permisjonen er uten introduksjonsstønad og forlenger programmet med %d kalenderdag (%s).\n",
                  "Permisjonen er uten introduksjonsstønad og forlenger programmet med %d kalenderdager (%s).\n", n), n, k->cite);
    }
    return effect(c, pid, &e) ? cli_fail(&e) : 0;
}

static int list(sv_cli *c, const opts *o)
{
    int64_t pid;
    if (participant_id(o->participant, &pid)) return 1;
    sv_err e;
    sv_err_clear(&e);
    sv_leave *v;
    int n;
    if (sv_leave_load(c->st, pid, &v, &n, &e)) return cli_fail(&e);
    for (int i = 0; i < n; i++) {
        char line[400];
        sv_leave_line(&v[i], line, sizeof line);
        printf("%6lld  %s\n", (long long)v[i].m.id, line);
    }
    if (!n) printf(_("Ingen permisjon er registrert for deltakeren.\n"));
    free(v);
    return effect(c, pid, &e) ? cli_fail(&e) : 0;
}

static int kinds(void)
{
    sv_err e;
    int n;
    const sv_leave_kind *k = sv_leave_kinds(&n, &e);
    if (!k) return cli_fail(&e);
    for (int i = 0; i < n; i++) {
        char max[40];
        if (k[i].max_months) snprintf(max, sizeof max, _n("høyst %d måned", "høyst %d måneder", k[i].max_months), k[i].max_months);
        else if (k[i].max) snprintf(max, sizeof max, k[i].per_year ? _("høyst %d i året") : _("høyst %d"), k[i].max);
        else snprintf(max, sizeof max, "%s", _("ingen grense"));
        printf("%-12s %-32s %-13s %-18s %s  %s\n", k[i].code, sv_code_label(SV_CODES_LEAVE_KIND, k[i].code),
               sv_leave_unit(&k[i], 2), max, k[i].prolongs ? _("forlenger programmet") : _("i programtiden"), k[i].cite);
    }
    return 0;
}

int cmd_leave(sv_cli *c, int argc, char **argv)
{
    if (argc < 2) return cli_usage("%s", _(LEAVE_USAGE));
    opts o;
    int rc = parse(argc, argv, &o);
    if (rc) return rc;
    if (!strcmp(argv[1], "add")) return add(c, &o);
    if (!strcmp(argv[1], "list")) return list(c, &o);
    if (!strcmp(argv[1], "kinds")) return kinds();
    return cli_usage(_("ukjent underkommando «%s»\n%s"), argv[1], _(LEAVE_USAGE));
}
