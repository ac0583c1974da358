/* The decision kinds' own facts: checked, written and derived again (see vedtak_kind.h). */
#include "vedtak_kind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "i18n.h"

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
                          _("Vedtakstype: «%s» er ikke gyldig (plan, endring, forlengelse, stans, avslag, permisjon, avslutning)"),
                          in->kind ? in->kind : "");
    int stop = is(in, "stans"), leave = is(in, "permisjon"), end = is(in, "avslutning");
    if (given(in->stop_kind) && !stop)
        return sv_err_set(e, SV_EINVAL, "stop_kind", _("Stanstype: gjelder bare vedtak om stans (--kind stans)"));
    if (given(in->end_reason) && !end)
        return sv_err_set(e, SV_EINVAL, "end_reason", _("Avslutningsgrunn: gjelder bare vedtak om avslutning (--kind avslutning)"));
    if (!stop && !leave && !end) return SV_OK;
    sv_date from = in->period_from, to = in->period_to;
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

static void at_date(xmlNodePtr n, const char *name, sv_date d)
{
    char t[11];
    if (d == SV_NODATE) return;
    sv_date_iso(d, t);
    xmlNewProp(n, BAD_CAST name, BAD_CAST t);
}

int sv_vedtak_kind_xml(xmlNodePtr root, xmlNsPtr ns, const sv_vedtak_in *in, sv_err *e)
{
    if (sv_vedtak_kind_check(in, e)) return 1;
    xmlNodePtr n = NULL;
    if (is(in, "stans")) {
        n = xmlNewChild(root, ns, BAD_CAST "stans", NULL);
        xmlNewProp(n, BAD_CAST "type", BAD_CAST in->stop_kind);
    } else if (is(in, "permisjon"))
        n = xmlNewChild(root, ns, BAD_CAST "permisjon", NULL);
    else if (is(in, "avslutning")) {
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

void sv_vedtak_derive_kind(xmlNodePtr root, xmlNsPtr ans, xmlNodePtr *d)
{
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

int sv_kind_letter_line(xmlNodePtr root, sv_lang l, const char **key, sv_kind_letter *b)
{
    xmlChar *type = xmlGetProp(root, BAD_CAST "type");
    char kind[16];
    snprintf(kind, sizeof kind, "%s", type ? (const char *)type : "");
    xmlFree(type);
    memset(b, 0, sizeof *b);
    xmlNodePtr n = child(root, !strcmp(kind, "stans") ? "stans" : !strcmp(kind, "permisjon") ? "permisjon" : "avslutning");
    sv_date_nor(date_prop(n, "fra"), b->from);
    sv_date_nor(date_prop(n, "til"), b->to);
    sv_date_nor(date_prop(n, "dato"), b->day);
    const char **v = b->vars;
    v[0] = "fra", v[1] = b->from, v[2] = "til", v[3] = b->to, v[4] = "dato", v[5] = b->day;
    if (!strcmp(kind, "avslag")) *key = "vedtak.avslag";
    else if (!strcmp(kind, "permisjon") && n) *key = "vedtak.permisjon";
    else if (!strcmp(kind, "stans") && n) {
        xmlChar *st = xmlGetProp(n, BAD_CAST "type");
        *key = st && !xmlStrcmp(st, BAD_CAST "varig") ? "vedtak.stans.varig" : "vedtak.stans.midlertidig";
        xmlFree(st);
    } else if (!strcmp(kind, "avslutning") && n) {
        *key = "vedtak.avslutning";
        xmlChar *g = xmlGetProp(n, BAD_CAST "grunn");
        v[6] = "grunn";
        v[7] = sv_tr(l, sv_code_label(SV_CODES_END_REASON, g ? (const char *)g : ""));
        xmlFree(g);
    } else return 0;
    return 1;
}
