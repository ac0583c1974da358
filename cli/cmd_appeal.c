/* `appeal`: appeals against a decision (core/appeal.c). add registers one as received; list
 * shows them with the deadlines of forvaltningsloven §§ 29 and 33; late answers § 31 for an
 * appeal that came after the deadline; review records the municipality's own review (§ 33),
 * send the day it went to Statsforvalteren, outcome the result there. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/appeal.h"
#include "../core/i18n.h"
#include "cli.h"

#define APPEAL_USAGE N_("bruk: stegvis appeal add --decision VEDTAK-ID --received DATO --grounds TEKST [--municipality NR]\n" \
                        "       stegvis appeal list [--participant ID] [--municipality NR] [--tsv]\n" \
                        "       stegvis appeal late KLAGE-ID --considered ja|nei --reason TEKST\n" \
                        "       stegvis appeal review KLAGE-ID --result opprettholdt|endret --on DATO [--new-decision VEDTAK-ID]\n" \
                        "       stegvis appeal send KLAGE-ID --on DATO\n" \
                        "       stegvis appeal outcome KLAGE-ID --result opprettholdt|endret|opphevet --on DATO [--note TEKST]")

typedef struct {
    const char *decision, *received, *grounds, *muni, *participant, *considered, *reason, *result, *on, *new_decision,
        *note, *id;
    int tsv, count;
} opts;

static int parse(int argc, char **argv, opts *o)
{
    static const struct option LONG[] = {
        {"decision", required_argument, NULL, 'd'}, {"received", required_argument, NULL, 'r'},
        {"grounds", required_argument, NULL, 'g'}, {"municipality", required_argument, NULL, 'm'},
        {"participant", required_argument, NULL, 'p'}, {"considered", required_argument, NULL, 'c'},
        {"reason", required_argument, NULL, 'R'}, {"result", required_argument, NULL, 'x'},
        {"on", required_argument, NULL, 'o'}, {"new-decision", required_argument, NULL, 'n'},
        {"note", required_argument, NULL, 'N'}, {"tsv", no_argument, NULL, 't'}, {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    optind = 0;
    opterr = 0;
    int r;
    /* argv[0] is "appeal", argv[1] the subcommand: getopt starts after it */
    while ((r = getopt_long(argc - 1, argv + 1, "-:", LONG, NULL)) != -1) {
        switch (r) {
        case 'd': o->decision = optarg; break;
        case 'r': o->received = optarg; break;
        case 'g': o->grounds = optarg; break;
        case 'm': o->muni = optarg; break;
        case 'p': o->participant = optarg; break;
        case 'c': o->considered = optarg; break;
        case 'R': o->reason = optarg; break;
        case 'x': o->result = optarg; break;
        case 'o': o->on = optarg; break;
        case 'n': o->new_decision = optarg; break;
        case 'N': o->note = optarg; break;
        case 't': o->tsv = 1; break;
        case 1:
            if (o->id) return cli_usage(_("uventet argument «%s»\n%s"), optarg, _(APPEAL_USAGE));
            o->id = optarg;
            break;
        case ':': return cli_usage(_("%s mangler verdi\n%s"), argv[optind], _(APPEAL_USAGE));
        default: return cli_usage(_("ukjent valg «%s»\n%s"), argv[optind], _(APPEAL_USAGE));
        }
    }
    return 0;
}

static int date_arg(const char *text, const char *label, sv_date *out)
{
    if (!text || sv_date_parse(text, out) || *out == SV_NODATE) {
        fprintf(stderr, _("stegvis: %s: «%s» er ikke en dato (skriv dd.mm.åååå)\n"), label, text ? text : "");
        return 1;
    }
    return 0;
}

static int id_arg(const char *text, const char *label, int64_t *out)
{
    *out = text ? cli_id(text) : 0;
    if (*out) return 0;
    fprintf(stderr, _("stegvis: %s: oppgi nummeret (et positivt heltall), fikk «%s»\n"), label, text ? text : "");
    return 1;
}

static int print_one(const sv_appeal *a, void *ctx)
{
    opts *o = ctx;
    o->count++;
    char rec[11], dl[11], fw[11], rv[11], sent[11], out[11];
    sv_date_nor(a->received_on, rec);
    sv_date_nor(a->appeal_deadline, dl);
    sv_date_nor(a->forward_due, fw);
    sv_date_nor(a->reviewed_on, rv);
    sv_date_nor(a->sent_on, sent);
    sv_date_nor(a->outcome_on, out);
    if (o->tsv) {
        printf("%lld\t%lld\t%lld\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)a->id,
               (long long)a->decision_id, (long long)a->participant_id, rec, dl, fw, a->late,
               a->late_considered < 0 ? "" : a->late_considered ? "ja" : "nei", a->review, rv, sent, a->outcome, out,
               sv_appeal_state(a));
        return 0;
    }
    int overdue = sv_today() > a->forward_due;
    printf(_("Klage nr. %lld over vedtak nr. %lld (%s) for deltaker %lld, mottatt %s: %s\n"), (long long)a->id,
           (long long)a->decision_id, a->decision_kind, (long long)a->participant_id, rec, sv_appeal_state(a));
    if (a->appeal_deadline != SV_NODATE)
        printf(_("  Klagefrist %s (forvaltningsloven § 29: tre uker fra underretningen)%s\n"), dl,
               a->late ? _(": klagen kom for sent") : "");
    else
        printf(_("  Klagefrist: vedtaket er ikke underrettet, fristen har ikke begynt å løpe (forvaltningsloven § 29)\n"));
    if (a->late && a->late_considered < 0)
        printf(_("  Sen klage: skal den likevel tas under behandling? (forvaltningsloven § 31; stegvis appeal late %lld)\n"),
               (long long)a->id);
    else if (a->late)
        printf(_("  Sen klage %s under behandling (forvaltningsloven § 31): %s\n"),
               a->late_considered ? _("tatt") : _("ikke tatt"), a->late_reason);
    if (!a->review[0] && !(a->late && a->late_considered == 0))
        printf(_("  Forventet oversendelse til Statsforvalteren senest %s (forvaltningsloven § 33: uten ugrunnet "
                 "opphold; foreløpig svar etter én måned, § 11 a)%s\n"), fw, overdue ? _(" - FORFALT") : "");
    if (a->review[0]) {
        printf(_("  Kommunens vurdering %s: %s"), rv, sv_appeal_result_label(a->review));
        if (a->new_decision_id) printf(_(", nytt vedtak nr. %lld"), (long long)a->new_decision_id);
        printf(" (forvaltningsloven § 33)\n");
    }
    if (!strcmp(a->review, "opprettholdt") && a->sent_on == SV_NODATE)
        printf(_("  Skal sendes til Statsforvalteren senest %s (forvaltningsloven § 33)%s\n"), fw,
               overdue ? _(" - FORFALT") : "");
    if (a->sent_on != SV_NODATE) printf(_("  Sendt til Statsforvalteren %s\n"), sent);
    if (a->outcome[0])
        printf(_("  Utfall hos Statsforvalteren %s: %s%s%s\n"), out, sv_appeal_result_label(a->outcome),
               a->outcome_note[0] ? " - " : "", a->outcome_note);
    printf(_("  Klagegrunner: %s\n"), a->grounds);
    return 0;
}

static int add(sv_cli *c, const opts *o)
{
    int64_t decision;
    sv_date rec;
    if (id_arg(o->decision, _("Vedtak (--decision)"), &decision) ||
        date_arg(o->received, _("Mottatt dato (--received)"), &rec))
        return 1;
    sv_err e;
    sv_err_clear(&e);
    int64_t muni = 0;
    if (o->muni && !(muni = cli_municipality(c, o->muni, &e))) return cli_fail(&e);
    if (!muni) {
        const sv_user *u = sv_store_user(c->st);
        muni = u ? u->municipality_id : 0;
    }
    sv_appeal a;
    if (sv_appeal_add(c->st, muni, decision, rec, o->grounds, &a, &e)) return cli_fail(&e);
    printf(_("Klage nr. %lld er lagret.\n"), (long long)a.id);
    opts plain = {0};
    return print_one(&a, &plain);
}

static int show_after(sv_cli *c, int64_t id, const char *done)
{
    sv_err e;
    sv_appeal a;
    if (sv_appeal_load(c->st, id, &a, &e)) return cli_fail(&e);
    printf("%s\n", done);
    opts plain = {0};
    return print_one(&a, &plain);
}

int cmd_appeal(sv_cli *c, int argc, char **argv)
{
    if (argc < 2) return cli_usage("%s", _(APPEAL_USAGE));
    const char *sub = argv[1];
    opts o;
    int rc = parse(argc, argv, &o);
    if (rc) return rc;
    sv_err e;
    sv_err_clear(&e);
    if (!strcmp(sub, "add")) return add(c, &o);
    if (!strcmp(sub, "list")) {
        int64_t muni = 0, pid = 0;
        if (o.muni && !(muni = cli_municipality(c, o.muni, &e))) return cli_fail(&e);
        if (o.participant && id_arg(o.participant, _("Deltaker (--participant)"), &pid)) return 1;
        if (sv_appeal_each(c->st, muni, pid, print_one, &o, &e)) return cli_fail(&e);
        if (!o.tsv && !o.count) printf(_("Ingen klager er registrert.\n"));
        return 0;
    }
    if (strcmp(sub, "late") && strcmp(sub, "review") && strcmp(sub, "send") && strcmp(sub, "outcome"))
        return cli_usage(_("ukjent underkommando «%s»\n%s"), sub, _(APPEAL_USAGE));
    int64_t id;
    if (id_arg(o.id, _("Klage"), &id)) return 1;
    if (!strcmp(sub, "late")) {
        int considered = -1;
        if (o.considered && !strcmp(o.considered, "ja")) considered = 1;
        if (o.considered && !strcmp(o.considered, "nei")) considered = 0;
        if (sv_appeal_late(c->st, id, considered, o.reason, &e)) return cli_fail(&e);
        return show_after(c, id, _("Svaret om den sene klagen er lagret."));
    }
    sv_date on;
    if (date_arg(o.on, _("Dato (--on)"), &on)) return 1;
    if (!strcmp(sub, "review")) {
        int64_t nd = 0;
        if (o.new_decision && id_arg(o.new_decision, _("Nytt vedtak (--new-decision)"), &nd)) return 1;
        if (sv_appeal_review(c->st, id, o.result, on, nd, &e)) return cli_fail(&e);
        return show_after(c, id, _("Kommunens vurdering er lagret."));
    }
    if (!strcmp(sub, "send")) {
        if (sv_appeal_send(c->st, id, on, &e)) return cli_fail(&e);
        return show_after(c, id, _("Oversendelsen til Statsforvalteren er lagret."));
    }
    if (sv_appeal_outcome(c->st, id, o.result, on, o.note, &e)) return cli_fail(&e);
    return show_after(c, id, _("Utfallet er lagret."));
}
