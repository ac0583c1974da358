/* The decision kinds' own facts: checked, written and derived again (see vedtak_kind.h). */
#include "vedtak_kind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "i18n.h"
#include "leave.h"

static int is(const sv_vedtak_in *in, const char *kind)
{
    return in->kind && !strcmp(in->kind, kind);
}

static int given(const char *s)
{
    return s && *s;
}

int sv_stop_period_ok(sv_date from, sv_date to)
{
    return from != SV_NODATE && to != SV_NODATE && to >= from && to < sv_date_add_months(from, SV_STOP_MAX_MONTHS);
}

int sv_vedtak_kind_check(const sv_vedtak_in *in, sv_err *e)
{
    if (!in->kind || !sv_code_valid(SV_CODES_DECISION_KIND, in->kind))
        return sv_err_set(e, SV_EINVAL, "kind",
                          _("Vedtakstype: «%s» er ikke gyldig (plan, endring, forlengelse, stans, avslag, permisjon, avslutning, trekk)"),
                          in->kind ? in->kind : "");
    int stop = is(in, "stans"), leave = is(in, "permisjon"), end = is(in, "avslutning"), cut = is(in, "trekk");
    if (given(in->stop_kind) && !stop)
        return sv_err_set(e, SV_EINVAL, "stop_kind", _("Stanstype: gjelder bare vedtak om stans (--kind stans)"));
    if (given(in->end_reason) && !end)
        return sv_err_set(e, SV_EINVAL, "end_reason", _("Avslutningsgrunn: gjelder bare vedtak om avslutning (--kind avslutning)"));
    if (!stop && !leave && !end && !cut) return SV_OK;
    sv_date from = in->period_from, to = in->period_to;
    if (cut) {
        /* the payment period is the calendar month (templates/fravaer.txt) */
        int y, m, d;
        if (from == SV_NODATE)
            return sv_err_set(e, SV_EINVAL, "period_from", _("Trekk for: oppgi første dag i utbetalingsperioden (måneden), dd.mm.åååå"));
        sv_date_to_ymd(from, &y, &m, &d);
        if (d != 1)
            return sv_err_set(e, SV_EINVAL, "period_from", _("Trekk for: utbetalingsperioden er kalendermåneden; oppgi den første "
                              "dagen i måneden (01.%02d.%d)"), m, y);
        if (to != SV_NODATE && to != sv_date_add_months(from, 1) - 1)
            return sv_err_set(e, SV_EINVAL, "period_to", _("Til-dato: et trekk gjelder hele utbetalingsperioden (måneden); "
                              "utelat til-datoen"));
        return SV_OK;
    }
    if (stop) {
        if (!given(in->stop_kind))
            return sv_err_set(e, SV_EINVAL, "stop_kind", _("Stanstype: må fylles ut ved vedtak om stans (midlertidig eller varig)"));
        if (!sv_code_valid(SV_CODES_STOP_KIND, in->stop_kind))
            return sv_err_set(e, SV_EINVAL, "stop_kind", _("Stanstype: «%s» er ikke gyldig (midlertidig, varig)"), in->stop_kind);
        if (from == SV_NODATE) return sv_err_set(e, SV_EINVAL, "period_from", _("Stans fra: må fylles ut (dd.mm.åååå)"));
        if (!strcmp(in->stop_kind, "varig")) {
            if (to != SV_NODATE)
                return sv_err_set(e, SV_EINVAL, "period_to", _("Stans til: gjelder bare midlertidig stans; en varig stans har ingen sluttdato"));
            return SV_OK;
        }
        if (to == SV_NODATE) return sv_err_set(e, SV_EINVAL, "period_to", _("Stans til: må fylles ut ved midlertidig stans (dd.mm.åååå)"));
        if (to < from) return sv_err_set(e, SV_EINVAL, "period_to", _("Stans til: kan ikke være før «Stans fra»"));
        char limit[11];
        sv_date_nor(sv_date_add_months(from, SV_STOP_MAX_MONTHS), limit);
        if (!sv_stop_period_ok(from, to))
            return sv_err_set(e, SV_EINVAL, "period_to",
                              _("Stans til: en midlertidig stans varer høyst tre måneder (integreringsloven § 18); "
                                "velg en dato før %s eller varig stans"),
                              limit);
        return SV_OK;
    }
    if (leave) {
        if (from == SV_NODATE) return sv_err_set(e, SV_EINVAL, "period_from", _("Permisjon fra: må fylles ut (dd.mm.åååå)"));
        if (to == SV_NODATE) return sv_err_set(e, SV_EINVAL, "period_to", _("Permisjon til: må fylles ut (dd.mm.åååå)"));
        if (to < from) return sv_err_set(e, SV_EINVAL, "period_to", _("Permisjon til: kan ikke være før «Permisjon fra»"));
        return SV_OK;
    }
    if (!given(in->end_reason))
        return sv_err_set(e, SV_EINVAL, "end_reason", _("Avslutningsgrunn: må fylles ut (maal_naadd, arbeid, utdanning, tid_brukt, flyttet, annet)"));
    if (!sv_code_valid(SV_CODES_END_REASON, in->end_reason) || !strcmp(in->end_reason, "stans"))
        return sv_err_set(e, SV_EINVAL, "end_reason",
                          _("Avslutningsgrunn: «%s» er ikke gyldig (maal_naadd, arbeid, utdanning, tid_brukt, flyttet, annet; "
                            "en varig stans er et vedtak om stans)"), in->end_reason);
    if (from == SV_NODATE) return sv_err_set(e, SV_EINVAL, "period_from", _("Siste programdag: må fylles ut (dd.mm.åååå)"));
    if (to != SV_NODATE) return sv_err_set(e, SV_EINVAL, "period_to", _("Til-dato: gjelder ikke vedtak om avslutning"));
    return SV_OK;
}

static int kind_element(xmlNodePtr root, xmlNsPtr ns, const sv_vedtak_in *in);

static void at_date(xmlNodePtr n, const char *name, sv_date d)
{
    char t[11];
    if (d == SV_NODATE) return;
    sv_date_iso(d, t);
    xmlNewProp(n, BAD_CAST name, BAD_CAST t);
}

/* The advance notice (forvaltningsloven § 16) the decision rests on, or the exception. */
static void advance_xml(xmlNodePtr root, xmlNsPtr ns, const sv_advnotice *a)
{
    xmlNodePtr n = xmlNewChild(root, ns, BAD_CAST "forhandsvarsel", NULL);
    if (a->exception[0]) {
        xmlNewProp(n, BAD_CAST "unntak", BAD_CAST a->exception);
        xmlNewTextChild(n, ns, BAD_CAST "unntaksgrunn", BAD_CAST a->exception_reason);
        return;
    }
    at_date(n, "sendt", a->sent_on);
    at_date(n, "svarfrist", a->answer_by);
    xmlNewTextChild(n, ns, BAD_CAST "innhold", BAD_CAST a->content);
    if (a->answered_on != SV_NODATE) at_date(xmlNewTextChild(n, ns, BAD_CAST "svar", BAD_CAST a->answer), "dato", a->answered_on);
}

int sv_vedtak_kind_xml(xmlNodePtr root, xmlNsPtr ns, const sv_vedtak_in *in, sv_err *e)
{
    if (sv_vedtak_kind_check(in, e)) return 1;
    if (is(in, "trekk") && in->cut_unapproved <= 0) {
        int y, m, d;
        sv_date_to_ymd(in->period_from, &y, &m, &d);
        return sv_err_set(e, SV_EINVAL, "period_from", _("Trekk for: deltakeren har ikke ugodkjent fravær i %02d.%d; det er "
                          "ikke noe å trekke"), m, y), 1;
    }
    if (in->advance && in->advance->id) {
        if (!xmlCheckUTF8(BAD_CAST in->advance->content) || !xmlCheckUTF8(BAD_CAST in->advance->answer) ||
            !xmlCheckUTF8(BAD_CAST in->advance->exception_reason))
            return sv_err_set(e, SV_EINVAL, "advance_notice", _("Forhåndsvarsel: teksten er ikke gyldig UTF-8")), 1;
    }
    int rc = kind_element(root, ns, in);
    if (in->advance && in->advance->id) advance_xml(root, ns, in->advance);
    return rc;
}

static int kind_element(xmlNodePtr root, xmlNsPtr ns, const sv_vedtak_in *in)
{
    xmlNodePtr n = NULL;
    if (is(in, "stans")) {
        n = xmlNewChild(root, ns, BAD_CAST "stans", NULL);
        xmlNewProp(n, BAD_CAST "type", BAD_CAST in->stop_kind);
    } else if (is(in, "permisjon")) {
        n = xmlNewChild(root, ns, BAD_CAST "permisjon", NULL);
        if (in->leave_kind[0]) xmlNewProp(n, BAD_CAST "type", BAD_CAST in->leave_kind);
    }
    else if (is(in, "trekk")) {
        char h[24];
        n = xmlNewChild(root, ns, BAD_CAST "trekk", NULL);
        at_date(n, "fra", in->period_from);
        at_date(n, "til", sv_date_add_months(in->period_from, 1) - 1);
        snprintf(h, sizeof h, "%d.%02d", in->cut_planned / 100, in->cut_planned % 100);
        xmlNewProp(n, BAD_CAST "planlagt", BAD_CAST h);
        snprintf(h, sizeof h, "%d.%02d", in->cut_unapproved / 100, in->cut_unapproved % 100);
        xmlNewProp(n, BAD_CAST "ugodkjent", BAD_CAST h);
        return 0;
    } else if (is(in, "avslutning")) {
        n = xmlNewChild(root, ns, BAD_CAST "avslutning", NULL);
        xmlNewProp(n, BAD_CAST "grunn", BAD_CAST in->end_reason);
        at_date(n, "dato", in->period_from);
        return 0;
    }
    if (!n) return 0;
    at_date(n, "fra", in->period_from);
    at_date(n, "til", in->period_to);
    return 0;
}

static sv_date date_prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = n ? xmlGetProp(n, BAD_CAST name) : NULL;
    sv_date d = SV_NODATE;
    if (!v || sv_date_parse((const char *)v, &d)) d = SV_NODATE;
    xmlFree(v);
    return d;
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !xmlStrcmp(c->name, BAD_CAST name) && c->ns &&
            !xmlStrcmp(c->ns->href, BAD_CAST SV_VEDTAK_NS))
            return c;
    return NULL;
}

static void derived(xmlNodePtr root, xmlNsPtr ans, xmlNodePtr *d, const char *name, const char *value)
{
    if (!*d) *d = xmlNewChild(root, ans, BAD_CAST "avledet", NULL);
    xmlSetProp(*d, BAD_CAST name, BAD_CAST value);
}

/* Whether the notice period had run on the decision day (advnotice.c's one definition). */
static void derive_advance(xmlNodePtr root, xmlNsPtr ans, xmlNodePtr *d)
{
    xmlNodePtr f = child(root, "forhandsvarsel");
    if (!f) return;
    xmlChar *ex = xmlGetProp(f, BAD_CAST "unntak");
    sv_advnotice n = {.id = 1, .sent_on = date_prop(f, "sendt"), .answer_by = date_prop(f, "svarfrist"),
                      .answered_on = date_prop(child(f, "svar"), "dato")};
    if (ex) snprintf(n.exception, sizeof n.exception, "%s", (const char *)ex);
    xmlFree(ex);
    char end[11];
    sv_date_iso(sv_advnotice_period_end(n.answer_by), end);
    if (end[0]) derived(root, ans, d, "varsel-frist", end);
    derived(root, ans, d, "varsel-utlopt", sv_advnotice_period_run(&n, date_prop(root, "dato")) ? "true" : "false");
}

void sv_vedtak_derive_kind(xmlNodePtr root, xmlNsPtr ans, xmlNodePtr *d)
{
    derive_advance(root, ans, d);
    xmlNodePtr s = child(root, "stans"), p = child(root, "permisjon");
    if (s) {
        sv_date from = date_prop(s, "fra"), to = date_prop(s, "til");
        xmlChar *type = xmlGetProp(s, BAD_CAST "type");
        int ok = type && !xmlStrcmp(type, BAD_CAST "varig") ? to == SV_NODATE && from != SV_NODATE : sv_stop_period_ok(from, to);
        xmlFree(type);
        derived(root, ans, d, "stans-periode", ok ? "true" : "false");
    }
    if (p) {
        sv_date from = date_prop(p, "fra"), to = date_prop(p, "til");
        derived(root, ans, d, "permisjon-periode", from != SV_NODATE && to != SV_NODATE && to >= from ? "true" : "false");
    }
}

/* Hours as the document writes them ("7.50") as the letter says them ("7,5"). */
static void hours_of(xmlNodePtr n, const char *name, char out[16])
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    snprintf(out, 16, "%s", v ? (const char *)v : "");
    xmlFree(v);
    char *dot = strchr(out, '.');
    if (!dot) return;
    *dot = ',';
    size_t k = strlen(out);
    while (k > 0 && out[k - 1] == '0') out[--k] = 0;
    if (k > 0 && out[k - 1] == ',') out[--k] = 0;
}

int sv_kind_letter_line(xmlNodePtr root, sv_lang l, const char **key, sv_kind_letter *b)
{
    xmlChar *type = xmlGetProp(root, BAD_CAST "type");
    char kind[16];
    snprintf(kind, sizeof kind, "%s", type ? (const char *)type : "");
    xmlFree(type);
    memset(b, 0, sizeof *b);
    xmlNodePtr n = child(root, !strcmp(kind, "stans") || !strcmp(kind, "permisjon") || !strcmp(kind, "trekk") ? kind : "avslutning");
    sv_date_nor(date_prop(n, "fra"), b->from);
    sv_date_nor(date_prop(n, "til"), b->to);
    sv_date_nor(date_prop(n, "dato"), b->day);
    const char **v = b->vars;
    v[0] = "fra", v[1] = b->from, v[2] = "til", v[3] = b->to, v[4] = "dato", v[5] = b->day;
    if (!strcmp(kind, "avslag")) *key = "vedtak.avslag";
    else if (!strcmp(kind, "permisjon") && n) {
        /* with the leave record's kind: its days as the law counts them (core/leave.c) */
        xmlChar *t = xmlGetProp(n, BAD_CAST "type");
        const sv_leave_kind *k = t ? sv_leave_kind_get((const char *)t) : NULL;
        *key = "vedtak.permisjon";
        if (k) {
            *key = k->workdays ? "vedtak.permisjon.virkedager"
                   : k->prolongs ? "vedtak.permisjon.kalenderdager.forlenger" : "vedtak.permisjon.kalenderdager";
            snprintf(b->hours[0], sizeof b->hours[0], "%d", sv_leave_days(k, date_prop(n, "fra"), date_prop(n, "til")));
            v[6] = "type", v[7] = sv_tr(l, sv_code_label(SV_CODES_LEAVE_KIND, k->code)), v[8] = "dager", v[9] = b->hours[0];
        }
        xmlFree(t);
    }
    else if (!strcmp(kind, "stans") && n) {
        xmlChar *st = xmlGetProp(n, BAD_CAST "type");
        *key = st && !xmlStrcmp(st, BAD_CAST "varig") ? "vedtak.stans.varig" : "vedtak.stans.midlertidig";
        xmlFree(st);
    } else if (!strcmp(kind, "trekk") && n) {
        *key = "vedtak.trekk";
        hours_of(n, "planlagt", b->hours[0]);
        hours_of(n, "ugodkjent", b->hours[1]);
        v[6] = "planlagt", v[7] = b->hours[0], v[8] = "ugodkjent", v[9] = b->hours[1];
    } else if (!strcmp(kind, "avslutning") && n) {
        *key = "vedtak.avslutning";
        xmlChar *g = xmlGetProp(n, BAD_CAST "grunn");
        v[6] = "grunn";
        v[7] = sv_tr(l, sv_code_label(SV_CODES_END_REASON, g ? (const char *)g : ""));
        xmlFree(g);
    } else return 0;
    return 1;
}

static const char *content_of(xmlNodePtr n, sv_kind_letter *b, int slot)
{
    xmlFree(b->own[slot]);
    b->own[slot] = n ? xmlNodeGetContent(n) : NULL;
    return b->own[slot] ? (const char *)b->own[slot] : "";
}

int sv_kind_letter_notice(xmlNodePtr root, int i, const char **key, sv_kind_letter *b)
{
    xmlNodePtr f = child(root, "forhandsvarsel");
    memset(b, 0, sizeof *b);
    if (!f) return 0;
    xmlChar *ex = xmlGetProp(f, BAD_CAST "unntak");
    const char **v = b->vars;
    int line = 0;
    if (ex) {
        snprintf(b->day, sizeof b->day, "%s", (const char *)ex);
        xmlFree(ex);
        if (i != 0) return 0;
        v[0] = "bokstav", v[1] = b->day, v[2] = "grunn", v[3] = content_of(child(f, "unntaksgrunn"), b, 0);
        *key = "varsel.unntak";
        line = 1;
    } else if (i == 0) {
        sv_date_nor(date_prop(f, "sendt"), b->from);
        sv_date_nor(date_prop(f, "svarfrist"), b->to);
        v[0] = "sendt", v[1] = b->from, v[2] = "frist", v[3] = b->to;
        *key = "varsel.sendt";
        line = 1;
    } else if (i == 1 && child(f, "svar")) {
        sv_date_nor(date_prop(child(f, "svar"), "dato"), b->day);
        v[0] = "svardato", v[1] = b->day, v[2] = "svar", v[3] = content_of(child(f, "svar"), b, 0);
        *key = "varsel.svar";
        line = 1;
    }
    return line;
}

void sv_kind_letter_free(sv_kind_letter *b)
{
    for (int i = 0; i < 3; i++) xmlFree(b->own[i]);
    memset(b->own, 0, sizeof b->own);
}
