/* The participant certificate (certificate.h), laid out with the letter's page flow and texts. */
#include "certificate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "case.h"
#include "fnr.h"
#include "i18n.h"
#include "letter.h"
#include "letter_src.h"
#include "pdf_flow.h"

#define V(...) ((const char *const[]){__VA_ARGS__, NULL})

static int is_norwegian(const sv_measure *m)
{
    return !strcmp(m->kind, "norsk") || !strcmp(m->kind, "arbeidsnorsk");
}

static long weeks_hours(const sv_case_phase *ph, int tenths)
{
    if (ph->phase.start_on == SV_NODATE || ph->phase.end_on == SV_NODATE || ph->phase.end_on < ph->phase.start_on) return 0;
    long days = (long)(ph->phase.end_on - ph->phase.start_on) + 1;
    return (days * tenths + 35) / 70;   /* tenths per week * weeks, rounded to whole hours */
}

long sv_certificate_norwegian_hours(const sv_case *c)
{
    long h = 0;
    for (int i = 0; i < c->nphases; i++)
        for (int j = 0; j < c->phases[i].nmeasures; j++)
            if (is_norwegian(&c->phases[i].measures[j].measure)) h += weeks_hours(&c->phases[i], c->phases[i].measures[j].pm.hours);
    return h;
}

static int has_kind(const sv_case *c, const char *kind)
{
    for (int i = 0; i < c->nphases; i++)
        for (int j = 0; j < c->phases[i].nmeasures; j++)
            if (!strcmp(c->phases[i].measures[j].measure.kind, kind)) return 1;
    return 0;
}

typedef struct {
    sv_letter_texts t;
    sv_buf b;
} ctx;

static const char *txt(ctx *x, const char *key, const char *const *vars)
{
    x->b.len = 0;
    x->b.s[0] = '\0';
    sv_letter_say(&x->t, key, vars, &x->b);
    return x->b.s;
}

static char *dup(ctx *x, const char *key, const char *const *vars)
{
    return sv_xstrdup(txt(x, key, vars));
}

static void elements(ctx *x, sv_flow *f, const sv_case *c, sv_lang l)
{
    static const double widths[] = {210, 130, 137};
    char *hdr[3] = {dup(x, "bevis.tabell.element", NULL), dup(x, "bevis.tabell.periode", NULL),
                    dup(x, "bevis.tabell.omfang", NULL)};
    sv_flow_table(f, 3, widths, (const char *const *)hdr);
    char n[24], from[11], to[11], period[32];
    sv_date_nor(c->plan.start_on, from);
    sv_date_nor(c->evaluation.evaluated_on != SV_NODATE ? c->evaluation.evaluated_on : c->plan.planned_end, to);
    snprintf(period, sizeof period, "%s–%s", from, to);
    snprintf(n, sizeof n, "%ld", sv_certificate_norwegian_hours(c));
    char *a = dup(x, "bevis.norsk", NULL), *b = dup(x, "bevis.timer", V("timer", n));
    sv_flow_row(f, (const char *const[]){a, period, b});
    free(a);
    free(b);
    snprintf(n, sizeof n, "%d", c->plan.social_hours);
    a = dup(x, "bevis.samfunn", NULL);
    b = dup(x, "bevis.timer", V("timer", n));
    sv_flow_row(f, (const char *const[]){a, period, b});
    free(a);
    free(b);
    for (int i = 0; i < c->nphases; i++) {
        const sv_case_phase *ph = &c->phases[i];
        sv_date_nor(ph->phase.start_on, from);
        sv_date_nor(ph->phase.end_on, to);
        snprintf(period, sizeof period, "%s–%s", from, to);
        for (int j = 0; j < ph->nmeasures; j++) {
            const sv_measure *m = &ph->measures[j].measure;
            if (is_norwegian(m) || !strcmp(m->kind, "samfunnskunnskap") || !strcmp(m->kind, "livsmestring") ||
                !strcmp(m->kind, "foreldre"))
                continue;
            if (strcmp(m->orientation, "arbeid") && strcmp(m->orientation, "utdanning") && strcmp(m->orientation, "begge"))
                continue;
            char hrs[24], name[300];
            int t = ph->measures[j].pm.hours;
            if (t % 10) snprintf(hrs, sizeof hrs, "%d,%d", t / 10, t % 10);
            else snprintf(hrs, sizeof hrs, "%d", t / 10);
            snprintf(name, sizeof name, "%s (%s)", m->name, sv_tr(l, sv_code_label(SV_CODES_MEASURE_KIND, m->kind)));
            b = dup(x, "bevis.uketimer", V("timer", hrs));
            sv_flow_row(f, (const char *const[]){name, period, b});
            free(b);
        }
    }
    static const char *const kinds[][2] = {{"livsmestring", "bevis.livsmestring"}, {"foreldre", "bevis.foreldre"}};
    for (int k = 0; k < 2; k++) {
        a = dup(x, kinds[k][1], NULL);
        b = dup(x, has_kind(c, kinds[k][0]) ? "bevis.gjennomfort" : "bevis.ikke_del", NULL);
        sv_flow_row(f, (const char *const[]){a, "", b});
        free(a);
        free(b);
    }
    for (int i = 0; i < 3; i++) free(hdr[i]);
}

static int build(sv_store *st, const sv_case *c, unsigned char **out, size_t *len, sv_err *e)
{
    ctx x;
    memset(&x, 0, sizeof x);
    if (sv_letter_texts_load(c->muni.malform, &x.t, e)) return e->code;
    sv_buf_init(&x.b);
    sv_lang l = sv_lang_from_code(c->muni.malform);
    sv_postal unit;
    memset(&unit, 0, sizeof unit);
    if (sv_letter_unit(st, c->muni.m.id, &unit, e)) {
        sv_letter_texts_free(&x.t);
        sv_buf_free(&x.b);
        return e->code;
    }
    const sv_user *u = sv_store_user(st);
    sv_date today = sv_today();
    char day[11], ref[48];
    sv_date_nor(today, day);
    snprintf(ref, sizeof ref, "%s/%lld", c->muni.number, (long long)c->p.m.id);
    char *title = dup(&x, "bevis.tittel", NULL);
    sv_pdf_meta m = {title, c->muni.name, NULL, c->muni.malform, today};
    sv_pdf *pdf = sv_pdf_new(&m);
    sv_flow *f = sv_flow_new(pdf, 62, 56, 56, 60, txt(&x, "pdf.side", V("ref", ref)));
    sv_buf head, right;
    sv_buf_init(&head);
    sv_buf_init(&right);
    sv_buf_printf(&head, "%s\n%s\n%s\n%s %s", c->muni.name, unit.name, unit.street, unit.postcode, unit.place);
    sv_buf_add(&right, txt(&x, "pdf.dato", V("dato", day)));
    sv_buf_add(&right, "\n");
    sv_buf_add(&right, txt(&x, "pdf.ref", V("ref", ref)));
    sv_flow_columns(f, head.s, 300, right.s, SV_FLOW_SMALL);
    sv_flow_space(f, 36);
    sv_flow_para(f, SV_FLOW_TITLE, 0, title);
    sv_flow_para(f, SV_FLOW_BODY, 0,
                 txt(&x, sv_participant_law(&c->p) == SV_LAW_INTRO ? "bevis.hjemmel.intro" : "bevis.hjemmel", NULL));
    sv_flow_space(f, 8);
    sv_date birth = SV_NODATE;
    sv_err ignore;
    char born[11] = "";
    if (sv_fnr_check(c->p.fnr, &birth, NULL, &ignore) == SV_OK) sv_date_nor(birth, born);
    char from[11], to[11];
    sv_date_nor(c->plan.start_on, from);
    sv_date_nor(c->evaluation.evaluated_on, to);
    sv_flow_para(f, SV_FLOW_BOLD, 0, txt(&x, "bevis.deltaker", V("navn", c->p.name, "fodt", born)));
    sv_flow_para(f, SV_FLOW_BODY, 0, txt(&x, "bevis.periode", V("fra", from, "til", to, "kommune", c->muni.name)));
    sv_flow_heading(f, txt(&x, "bevis.del.innhold", NULL));
    elements(&x, f, c, l);
    sv_flow_space(f, 6);
    sv_flow_heading(f, txt(&x, "bevis.del.resultat", NULL));
    char *goal = sv_xstrdup(c->plan.final_goal[0] ? sv_tr(l, sv_code_label(SV_CODES_FINAL_GOAL, c->plan.final_goal)) : "-");
    sv_flow_para(f, SV_FLOW_BODY, 0, txt(&x, "bevis.sluttmal", V("type", goal, "tekst", c->plan.final_goal_text)));
    free(goal);
    char *why = sv_xstrdup(sv_tr(l, sv_code_label(SV_CODES_END_REASON, c->evaluation.end_reason)));
    char *res = sv_xstrdup(c->evaluation.outcome[0] ? sv_tr(l, sv_code_label(SV_CODES_OUTCOME, c->evaluation.outcome)) : "-");
    sv_flow_para(f, SV_FLOW_BODY, 0, txt(&x, "bevis.avsluttet", V("dato", to, "grunn", why, "resultat", res)));
    free(why);
    free(res);
    sv_flow_space(f, 18);
    sv_buf sig;
    sv_buf_init(&sig);
    sv_buf_printf(&sig, "%s\n\n%s", txt(&x, "bevis.utstedt", V("kommune", c->muni.name, "dato", day)),
                  u ? u->display_name : "");
    if (u && u->title[0]) sv_buf_printf(&sig, "\n%s", u->title);
    sv_buf_printf(&sig, "\n%s, %s", unit.name, c->muni.name);
    sv_flow_columns(f, sig.s, 300, NULL, SV_FLOW_BODY);
    int rc = sv_flow_finish(f, e);
    if (rc == SV_OK && sv_letter_texts_check(&x.t, e)) rc = e->code;
    if (rc == SV_OK) rc = sv_pdf_finish(pdf, out, len, e);
    sv_pdf_free(pdf);
    sv_buf_free(&sig);
    sv_buf_free(&head);
    sv_buf_free(&right);
    free(title);
    sv_buf_free(&x.b);
    sv_letter_texts_free(&x.t);
    return rc;
}

int sv_certificate_pdf(sv_store *st, int64_t participant_id, unsigned char **out, size_t *len, sv_err *e)
{
    sv_case c;
    if (sv_case_load(st, participant_id, &c, e)) return e->code;
    int rc;
    if (!c.has_evaluation || c.evaluation.evaluated_on == SV_NODATE || !c.evaluation.end_reason[0] || !c.has_plan)
        rc = sv_err_set(e, SV_EINVAL, "evaluation",
                        _("Deltaker nr. %lld har ikke avsluttet programmet: deltakerbevis gis først når programmet er "
                          "fullført eller avsluttet, med sluttevaluering og avslutningsgrunn i steg 7 (integreringsloven § 18 a)"),
                        (long long)participant_id);
    else rc = build(st, &c, out, len, e);
    sv_case_free(&c);
    return rc;
}

int sv_certificate_write(sv_store *st, int64_t participant_id, const char *path, sv_err *e)
{
    unsigned char *b = NULL;
    size_t len = 0;
    int rc = sv_certificate_pdf(st, participant_id, &b, &len, e);
    if (rc == SV_OK) rc = sv_pdf_write_bytes(b, len, path, e);
    free(b);
    return rc;
}
