/* `forewarn`: the advance notice before a decision to the participant's disadvantage
 * (forvaltningsloven § 16; core/advnotice.c). send records a notice with its answer deadline,
 * answer the participant's answer, except an exception of § 16 third paragraph, list shows a
 * participant's notices. Nothing recorded is changed; a new record is added. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/advnotice.h"
#include "../core/i18n.h"
#include "cli.h"

#define FOREWARN_USAGE N_("bruk: stegvis forewarn send --participant ID --kind stans|trekk --sent DATO --answer-by DATO --text TEKST\n" \
                          "       stegvis forewarn answer VARSEL-NR --answered DATO --text TEKST\n"                             \
                          "       stegvis forewarn except --participant ID --kind stans|trekk --exception a|b|c --reason TEKST\n"     \
                          "       stegvis forewarn list --participant ID")

typedef struct {
    const char *participant, *kind, *sent, *by, *text, *answered, *exception, *reason;
    int64_t id;
} opts;

static int parse(int argc, char **argv, opts *o)
{
    memset(o, 0, sizeof *o);
    static const char *const names[] = {"--participant", "--kind", "--sent", "--answer-by", "--text", "--answered", "--exception",
                                        "--reason"};
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        const char **slot[] = {&o->participant, &o->kind, &o->sent, &o->by, &o->text, &o->answered, &o->exception, &o->reason};
        int k = -1;
        for (int n = 0; n < (int)(sizeof names / sizeof names[0]); n++)
            if (!strcmp(a, names[n])) k = n;
        if (k < 0 && !o->id && (o->id = cli_id(a))) continue;
        if (k < 0) return cli_usage(_("ukjent valg «%s»\n%s"), a, _(FOREWARN_USAGE));
        if (!v) return cli_usage(_("%s mangler verdi\n%s"), a, _(FOREWARN_USAGE));
        *slot[k] = v;
        i++;
    }
    return 0;
}

static int date_opt(const char *opt, const char *field, const char *text, sv_date *out, sv_err *e)
{
    *out = SV_NODATE;
    if (!text) return SV_OK;
    if (sv_date_parse(text, out) || *out == SV_NODATE)
        return sv_err_set(e, SV_EINVAL, field, _("%s: «%s» er ikke en gyldig dato (dd.mm.åååå)"), opt, text);
    return SV_OK;
}

static void show(const sv_advnotice *n)
{
    char line[4200];
    sv_advnotice_line(n, line, sizeof line);
    printf(_("Forhåndsvarsel nr. %" PRId64 " (%s): %s\n"), n->id, n->kind, line);
}

static int list_one(const sv_advnotice *n, void *ctx)
{
    (*(int *)ctx)++;
    show(n);
    return 0;
}

static int participant(const opts *o, int64_t *pid)
{
    *pid = o->participant ? cli_id(o->participant) : 0;
    if (*pid) return 0;
    fprintf(stderr, _("stegvis: Deltaker: oppgi deltakerens nummer med --participant ID (som i «stegvis list»)\n"));
    return 1;
}

int cmd_forewarn(sv_cli *c, int argc, char **argv)
{
    if (argc < 2) return cli_usage("%s", _(FOREWARN_USAGE));
    const char *sub = argv[1];
    opts o;
    int rc = parse(argc, argv, &o);
    if (rc) return rc;
    sv_err e;
    sv_err_clear(&e);
    sv_advnotice n;
    int64_t pid;
    if (!strcmp(sub, "send")) {
        if (participant(&o, &pid)) return 2;
        sv_date sent, by;
        if (date_opt("--sent", "sent_on", o.sent, &sent, &e) || date_opt("--answer-by", "answer_by", o.by, &by, &e) ||
            sv_advnotice_send(c->st, pid, o.kind ? o.kind : "stans", sent, by, o.text, &n, &e))
            return cli_fail(&e);
        show(&n);
        return 0;
    }
    if (!strcmp(sub, "except")) {
        if (participant(&o, &pid)) return 2;
        if (sv_advnotice_except(c->st, pid, o.kind ? o.kind : "stans", o.exception, o.reason, &n, &e)) return cli_fail(&e);
        show(&n);
        return 0;
    }
    if (!strcmp(sub, "answer")) {
        if (!o.id) return cli_usage("%s", _(FOREWARN_USAGE));
        sv_date on;
        if (date_opt("--answered", "answered_on", o.answered, &on, &e) || sv_advnotice_answer(c->st, o.id, on, o.text, &n, &e))
            return cli_fail(&e);
        show(&n);
        return 0;
    }
    if (!strcmp(sub, "list")) {
        if (participant(&o, &pid)) return 2;
        int count = 0;
        if (sv_advnotice_each(c->st, pid, list_one, &count, &e)) return cli_fail(&e);
        if (!count) printf(_("Ingen forhåndsvarsel er registrert for deltaker nr. %" PRId64 ".\n"), pid);
        return 0;
    }
    return cli_usage(_("ukjent underkommando «%s»\n%s"), sub, _(FOREWARN_USAGE));
}
