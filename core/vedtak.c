/* Building the decision document from a case. Computed attributes (weekly hours per phase,
 * days without programme between phases, programme months, the 3-month deadline) are written
 * by the builder so the rule sets can stay plain XPath 1.0 with no date arithmetic. */
#include "vedtak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpathInternals.h>

#include "../forms/forms.h"
#include "figures.h"
#include "fnr.h"
#include "i18n.h"
#include "leave.h"
#include "paths.h"
#include "vedtak_kind.h"
#include "xmlsafe.h"

typedef struct {
    xmlDocPtr doc;
    xmlNsPtr ns;
    sv_err *e;
    int failed;
} bld;

/* Text must be UTF-8 without control characters (other than tab and line breaks): XML 1.0
 * cannot carry them, and replacing them would change what the adviser wrote. */
static int text_ok(bld *b, const char *s, const char *what)
{
    if (b->failed) return 0;
    if (!xmlCheckUTF8(BAD_CAST s)) {
        sv_err_set(b->e, SV_EINVAL, what, _("%s: teksten er ikke gyldig UTF-8"), what);
        b->failed = 1;
        return 0;
    }
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
            sv_err_set(b->e, SV_EINVAL, what, _("%s: teksten inneholder et kontrolltegn (kode %u); fjern det og prøv igjen"),
                       what, *p);
            b->failed = 1;
            return 0;
        }
    return 1;
}

static xmlNodePtr el(bld *b, xmlNodePtr parent, const char *name, const char *txt, const char *what)
{
    if (txt && !text_ok(b, txt, what)) return parent;
    return xmlNewTextChild(parent, b->ns, BAD_CAST name, txt ? BAD_CAST txt : NULL);
}

/* Adds a text element only when the text is not empty. */
static void opt(bld *b, xmlNodePtr parent, const char *name, const char *txt, const char *what)
{
    if (txt && *txt) el(b, parent, name, txt, what);
}

static void at(bld *b, xmlNodePtr n, const char *name, const char *val, const char *what)
{
    if (val && text_ok(b, val, what)) xmlNewProp(n, BAD_CAST name, BAD_CAST val);
}

static void at_date(bld *b, xmlNodePtr n, const char *name, sv_date d)
{
    char t[11];
    if (d == SV_NODATE) return;
    sv_date_iso(d, t);
    at(b, n, name, t, name);
}

static void at_int(bld *b, xmlNodePtr n, const char *name, long v)
{
    char t[24];
    snprintf(t, sizeof t, "%ld", v);
    at(b, n, name, t, name);
}

static void at_hours(bld *b, xmlNodePtr n, const char *name, int tenths)
{
    char t[24];
    snprintf(t, sizeof t, "%d.%d", tenths / 10, tenths % 10);
    at(b, n, name, t, name);
}

static void at_bool(bld *b, xmlNodePtr n, const char *name, int v)
{
    at(b, n, name, v ? "true" : "false", name);
}

static void part(bld *b, xmlNodePtr root, const sv_case *c, sv_date on)
{
    xmlNodePtr p = el(b, root, "part", NULL, NULL);
    sv_date birth = SV_NODATE, ref = c->has_plan && c->plan.start_on != SV_NODATE ? c->plan.start_on : on;
    sv_err ignore;
    if (sv_fnr_check(c->p.fnr, &birth, NULL, &ignore) != SV_OK) birth = SV_NODATE;
    int age = sv_fig_age(birth, ref);
    if (age >= 0) at_int(b, p, "alder", age);
    at_date(b, p, "oppholdstillatelse", c->p.permit_on);
    at_date(b, p, "bosatt", c->p.settled_on);
    at_date(b, p, "krav", c->p.requested_on);
    at_date(b, p, "planfrist", sv_fig_plan_due(c->p.permit_on, c->p.settled_on, c->p.requested_on));
    el(b, p, "navn", c->p.name, "Navn");
    el(b, p, "fodselsnummer", c->p.fnr, "Fødselsnummer");
    opt(b, p, "skolegang", c->p.schooling, "Skolegang");
    opt(b, p, "sprak", c->p.languages, "Språk");
    if (c->p.street[0] && c->p.postcode[0] && c->p.place[0]) {
        xmlNodePtr a = el(b, p, "adresse", NULL, NULL);
        at(b, a, "gate", c->p.street, "Postadresse");
        at(b, a, "postnummer", c->p.postcode, "Postnummer");
        at(b, a, "poststed", c->p.place, "Poststed");
    }
}

static void facts(bld *b, xmlNodePtr root, const sv_case *c)
{
    xmlNodePtr f = el(b, root, "fakta", NULL, NULL);
    if (c->has_assessment) {
        const sv_assessment *a = &c->assessment;
        xmlNodePtr k = el(b, f, "kartlegging", NULL, NULL);
        at_date(b, k, "dato", a->assessed_on);
        opt(b, k, "utdanning", a->education, "Utdanning");
        opt(b, k, "arbeidserfaring", a->work_experience, "Arbeidserfaring");
        opt(b, k, "norskniva", a->language_level, "Norsknivå");
        opt(b, k, "kompetanse", a->competence, "Annen kompetanse");
        if (a->career_on != SV_NODATE || a->career_advice[0]) {
            xmlNodePtr kv = el(b, k, "karriereveiledning", a->career_advice, "Anbefaling fra karriereveiledning");
            at_date(b, kv, "dato", a->career_on);
        }
    }
    for (int i = 0; i < c->nneeds; i++) {
        char id[32];
        snprintf(id, sizeof id, "b%lld", (long long)c->needs[i].m.id);
        xmlNodePtr n = el(b, f, "behov", c->needs[i].description, "Opplæringsbehov");
        at(b, n, "id", id, "behov");
        at(b, n, "omrade", c->needs[i].area, "Område");
    }
    if (c->has_plan && c->plan.consulted_on != SV_NODATE) at_date(b, el(b, f, "samrad", NULL, NULL), "dato", c->plan.consulted_on);
    xmlNodePtr t = el(b, f, "tolk", NULL, NULL);
    at_bool(b, t, "behov", c->p.interpreter);
    at_bool(b, t, "brukt", c->has_plan && c->plan.interpreter_used);
    if (c->p.interpreter_lang[0]) at(b, t, "sprak", c->p.interpreter_lang, "Tolkespråk");
}

static int work_oriented(const sv_measure *m)
{
    return !strcmp(m->orientation, "arbeid") || !strcmp(m->orientation, "begge");
}

/* The integration contract of the plan's version (integreringsloven § 16), when there is one. */
static void contract(bld *b, xmlNodePtr root, const sv_case *c)
{
    if (!c->has_contract) return;
    const sv_contract *k = &c->contract;
    xmlNodePtr n = el(b, root, "kontrakt", NULL, NULL);
    at_int(b, n, "planversjon", k->plan_rev);
    at_date(b, n, "signert-deltaker", k->signed_participant);
    at_date(b, n, "signert-kommune", k->signed_municipality);
    el(b, n, "deltaker", k->participant_commits, "Deltakeren forplikter seg til");
    el(b, n, "kommune", k->municipality_commits, "Kommunen forplikter seg til");
}

/* The granted leave (core/leave.c): the gaps it covers and the months it takes out of the
 * programme follow from it, so the check derives them again from these periods. */
static void leave(bld *b, xmlNodePtr p, const sv_case *c)
{
    for (int i = 0; i < c->nleaves; i++) {
        const sv_leave *l = &c->leaves[i];
        if (!l->granted) continue;
        const sv_leave_kind *k = sv_leave_kind_get(l->kind);
        xmlNodePtr n = el(b, p, "permisjon", NULL, NULL);
        at(b, n, "type", l->kind, "Permisjonstype");
        at_date(b, n, "fra", l->from_on);
        at_date(b, n, "til", l->to_on);
        at_bool(b, n, "forlenger", k && k->prolongs);
        at_date(b, n, "vedtatt", l->decided_on);
    }
}

static void plan(bld *b, xmlNodePtr root, const sv_case *c)
{
    if (!c->has_plan) return;
    const sv_plan *pl = &c->plan;
    xmlNodePtr p = el(b, root, "plan", NULL, NULL);
    at_date(b, p, "start", pl->start_on);
    at_date(b, p, "slutt", pl->planned_end);
    int months = sv_case_months(c);
    if (months >= 0) at_int(b, p, "maneder", months);
    at_bool(b, p, "egenstudier", pl->selfstudy);
    at_hours(b, p, "norm", sv_fig_norm(pl->selfstudy));
    at_int(b, p, "revisjon", pl->rev);
    if (pl->final_goal[0]) at(b, el(b, p, "sluttmal", pl->final_goal_text, "Sluttmål beskrevet"), "type", pl->final_goal, "Sluttmål");
    opt(b, p, "norskmal", pl->norwegian_goal, "Norskmål");
    if (pl->social_hours > 0) at_int(b, el(b, p, "samfunnskunnskap", NULL, NULL), "timer", pl->social_hours);
    sv_date prev_end = pl->start_on != SV_NODATE ? pl->start_on - 1 : SV_NODATE;
    for (int i = 0; i < c->nphases; i++) {
        const sv_case_phase *ph = &c->phases[i];
        xmlNodePtr f = el(b, p, "fase", NULL, NULL);
        at_int(b, f, "nr", i + 1);
        at(b, f, "navn", ph->phase.name, "Fase");
        at_date(b, f, "fra", ph->phase.start_on);
        at_date(b, f, "til", ph->phase.end_on);
        int work = 0;
        for (int j = 0; j < ph->nmeasures; j++)
            if (work_oriented(&ph->measures[j].measure)) work += ph->measures[j].pm.hours;
        at_hours(b, f, "timer", sv_phase_hours(ph));
        at_hours(b, f, "arbeidstimer", work);
        if (prev_end != SV_NODATE && ph->phase.start_on != SV_NODATE)
            at_int(b, f, "opphold", sv_fig_gap(prev_end, ph->phase.start_on, c->leave_periods, c->nleave_periods));
        if (ph->phase.end_on != SV_NODATE) prev_end = ph->phase.end_on;
        for (int j = 0; j < ph->nmeasures; j++) {
            const sv_case_measure *cm = &ph->measures[j];
            xmlNodePtr t = el(b, f, "tiltak", NULL, NULL);
            at(b, t, "type", cm->measure.kind[0] ? cm->measure.kind : "annet", "Tiltakstype");
            at(b, t, "tilbyder", cm->measure.provider[0] ? cm->measure.provider : "ukjent", "Tilbyder");
            if (cm->measure.orientation[0]) at(b, t, "orientering", cm->measure.orientation, "Retning");
            at_hours(b, t, "timer", cm->pm.hours);
            at_date(b, t, "fra", ph->phase.start_on);
            at_date(b, t, "til", ph->phase.end_on);
            if (cm->pm.need_id && cm->need.m.id) {
                char id[32];
                snprintf(id, sizeof id, "b%lld", (long long)cm->pm.need_id);
                at(b, t, "behov", id, "Opplæringsbehov");
            }
            el(b, t, "navn", cm->measure.name[0] ? cm->measure.name : "(tiltaket finnes ikke i katalogen)", "Tiltak");
            if (cm->need.m.id) opt(b, t, "behov", cm->need.description, "Opplæringsbehov");
        }
        opt(b, f, "grunn", ph->phase.reason, "Begrunnelse for fasen");
    }
    leave(b, p, c);
    opt(b, p, "forlengelse", pl->extension_reason, "Begrunnelse for forlengelse");
}

/* The facts paragraph of the reasons, composed from the case so it always matches it, in the
 * municipality's målform since the document goes to the participant. */
static void facts_text(const sv_case *c, sv_buf *out)
{
    sv_lang l = sv_lang_from_code(c->muni.malform);
    char d[11];
    if (c->p.settled_on != SV_NODATE) {
        sv_date_nor(c->p.settled_on, d);
        sv_buf_printf(out, sv_tr(l, "%s ble bosatt i %s %s. "), c->p.name, c->muni.name, d);
    }
    if (c->has_assessment && c->assessment.assessed_on != SV_NODATE) {
        sv_date_nor(c->assessment.assessed_on, d);
        sv_buf_printf(out, sv_tr(l, "Kompetansen ble kartlagt %s: norsknivå %s. "), d,
                      c->assessment.language_level[0] ? c->assessment.language_level : sv_tr(l, "ikke oppgitt"));
    }
    if (c->nneeds) {
        sv_buf_add(out, sv_tr(l, "Opplæringsbehov: "));
        for (int i = 0; i < c->nneeds; i++) sv_buf_printf(out, "%s%s", i ? "; " : "", c->needs[i].description);
        sv_buf_add(out, ". ");
    }
    if (c->has_plan && c->plan.consulted_on != SV_NODATE) {
        sv_date_nor(c->plan.consulted_on, d);
        sv_buf_printf(out, sv_tr(l, "Planen ble utarbeidet i samråd med deltakeren %s"), d);
        if (c->plan.interpreter_used && c->p.interpreter_lang[0]) sv_buf_printf(out, sv_tr(l, " med tolk på %s"), c->p.interpreter_lang);
        sv_buf_add(out, ".");
    }
}

static void replace_muni(const char *tmpl, const char *muni, sv_buf *out)
{
    const char *p = tmpl, *q;
    while ((q = strstr(p, "{kommune}"))) {
        sv_buf_addn(out, p, (size_t)(q - p));
        sv_buf_add(out, muni);
        p = q + 9;
    }
    sv_buf_add(out, p);
}

static void reasons(bld *b, xmlNodePtr root, const sv_case *c, const sv_vedtak_in *in, const sv_ruleset *rs)
{
    xmlNodePtr r = el(b, root, "begrunnelse", NULL, NULL);
    const sv_legal_ref *refs;
    int nrefs = sv_ruleset_refs(rs, sv_lang_from_code(c->muni.malform) == SV_NN, &refs);
    for (int i = 0; i < nrefs; i++)
        if (!refs[i].kind || !strcmp(refs[i].kind, in->kind))   /* the kind's own legal basis */
            at(b, el(b, r, "regel", refs[i].text, "regel"), "hjemmel", refs[i].ref, "hjemmel");
    sv_buf f;
    sv_buf_init(&f);
    facts_text(c, &f);
    opt(b, r, "fakta", f.s, "Fakta");
    sv_buf_free(&f);
    if (c->has_plan && strcmp(in->kind, "avslag")) opt(b, r, "hensyn", c->plan.justification, "Begrunnelse");
    opt(b, r, "grunn", in->reason, "Grunn for vedtaket");
    opt(b, r, "forsinkelse", in->late_reason, "Grunn for forsinkelse");
}

static void appeal(bld *b, xmlNodePtr root, const sv_case *c, const sv_ruleset *rs)
{
    xmlNodePtr k = el(b, root, "klage", NULL, NULL);
    for (int i = 0; i < 6; i++) {
        sv_buf t;
        sv_buf_init(&t);
        replace_muni(sv_ruleset_appeal(rs, sv_lang_from_code(c->muni.malform) == SV_NN, i), c->muni.name, &t);
        xmlNodePtr n = el(b, k, SV_APPEAL_PARTS[i], t.s ? t.s : "", SV_APPEAL_PARTS[i]);
        if (i == 1) at_int(b, n, "uker", rs->appeal_weeks);
        sv_buf_free(&t);
    }
}

static void history(bld *b, xmlNodePtr root, const sv_case *c, const sv_vedtak_in *in, const char *uuid)
{
    xmlNodePtr h = el(b, root, "historikk", NULL, NULL);
    sv_date last = SV_NODATE;
    for (int i = 0; i < c->ndecisions; i++) {
        const sv_decision *d = &c->decisions[i];
        if (!strcmp(d->uuid, uuid) || d->decided_on > in->decided_on) continue;
        xmlNodePtr n = el(b, h, "vedtak", d->reason, "Vedtakets grunn");
        at(b, n, "id", d->uuid, "id");
        at(b, n, "type", d->kind, "type");
        at_date(b, n, "dato", d->decided_on);
        if (last == SV_NODATE || d->decided_on > last) last = d->decided_on;
    }
    for (int i = 0; i < c->nreviews; i++) {
        const sv_review *r = &c->reviews[i];
        if (r->held_on == SV_NODATE || r->held_on > in->decided_on) continue;
        xmlNodePtr n = el(b, h, "vurdering", r->outcome, "Resultat av vurdering");
        at_date(b, n, "dato", r->held_on);
        at(b, n, "grunn", r->reason, "Grunn");
        at_bool(b, n, "planendret", r->plan_changed);
        if (last == SV_NODATE || r->held_on > last) last = r->held_on;
    }
    int since = sv_fig_months_since(last, in->decided_on);
    if (since >= 0) at_int(b, h, "maneder-siden-vurdering", since);
}

xmlDocPtr sv_vedtak_build(const sv_case *c, const sv_vedtak_in *in, const sv_ruleset *rs, sv_err *e)
{
    if (sv_vedtak_kind_check(in, e)) return NULL;
    if (in->decided_on == SV_NODATE) {
        sv_err_set(e, SV_EINVAL, "decided_on", _("Vedtaksdato: må fylles ut"));
        return NULL;
    }
    bld b = {.doc = xmlNewDoc(BAD_CAST "1.0"), .e = e};
    xmlNodePtr root = xmlNewDocNode(b.doc, NULL, BAD_CAST "vedtak", NULL);
    xmlDocSetRootElement(b.doc, root);
    b.ns = xmlNewNs(root, BAD_CAST SV_VEDTAK_NS, NULL);
    xmlSetNs(root, b.ns);
    char uuid[37];
    if (in->uuid && in->uuid[0]) snprintf(uuid, sizeof uuid, "%s", in->uuid);
    else sv_uuid(uuid);
    at(&b, root, "versjon", "1", "versjon");
    at(&b, root, "id", uuid, "id");
    at(&b, root, "type", in->kind, "Vedtakstype");
    at_date(&b, root, "dato", in->decided_on);
    /* the real time of recording beside the decision date, so backdating shows */
    char now[20];
    if (in->recorded_at && in->recorded_at[0]) snprintf(now, sizeof now, "%s", in->recorded_at);
    else sv_now(now);
    if (strlen(now) == 19) now[10] = 'T';
    at(&b, root, "registrert", now, "registrert");
    xmlNodePtr lov = el(&b, root, "lov", NULL, NULL);
    at(&b, lov, "navn", rs->law, "lov");
    at(&b, lov, "versjon", rs->version, "lov");
    xmlNodePtr k = el(&b, root, "kommune", NULL, NULL);
    at(&b, k, "nummer", c->muni.number, "Kommunenummer");
    at(&b, k, "navn", c->muni.name, "Kommune");
    at(&b, k, "malform", c->muni.malform[0] ? c->muni.malform : "nb", "Målform");
    for (int i = 0; i < c->nunits; i++) {
        const sv_unit *u = &c->units[i];
        xmlNodePtr n = el(&b, k, "enhet", u->name, "Enhet");
        at(&b, n, "type", u->kind, "Enhet");
        if (u->street[0] && u->postcode[0] && u->place[0]) {
            at(&b, n, "gate", u->street, "Postadresse");
            at(&b, n, "postnummer", u->postcode, "Postnummer");
            at(&b, n, "poststed", u->place, "Poststed");
        }
    }
    xmlNodePtr sb = el(&b, root, "saksbehandler", in->decided_by && in->decided_by[0] ? in->decided_by : sv_login(), "Saksbehandler");
    if (in->signer_name && in->signer_name[0]) at(&b, sb, "navn", in->signer_name, "Navn");
    if (in->signer_title && in->signer_title[0]) at(&b, sb, "tittel", in->signer_title, "Tittel");
    part(&b, root, c, in->decided_on);
    facts(&b, root, c);
    if (strcmp(in->kind, "avslag")) plan(&b, root, c);   /* a refusal fixes no plan */
    if (strcmp(in->kind, "avslag")) contract(&b, root, c);   /* nor has a contract (integreringsloven § 16) */
    b.failed |= sv_vedtak_kind_xml(root, b.ns, in, e);
    reasons(&b, root, c, in, rs);
    appeal(&b, root, c, rs);
    xmlNodePtr u = el(&b, root, "underretning", NULL, NULL);
    at_date(&b, u, "dato", in->notified_on);
    if (in->notify_method && in->notify_method[0]) at(&b, u, "metode", in->notify_method, "Underretning");
    at_bool(&b, u, "informert", in->notified_on != SV_NODATE && in->notify_method && in->notify_method[0]);
    history(&b, root, c, in, uuid);
    if (b.failed || sv_vedtak_validate(b.doc, e)) {
        xmlFreeDoc(b.doc);
        return NULL;
    }
    return b.doc;
}

static xmlSchemaPtr g_schema;

static xmlSchemaPtr schema(sv_err *e)
{
    return sv_xml_schema("vedtak.xsd", &g_schema, e);
}

void sv_vedtak_cleanup(void)
{
    xmlSchemaFree(g_schema);
    g_schema = NULL;
}

/* "/vedtak/plan/fase[2]": element names without the namespace, which xmlGetNodePath would
 * print as "*" for a default namespace. */
static void node_path(xmlNodePtr n, char *buf, size_t size)
{
    xmlNodePtr chain[64];
    int depth = 0;
    for (; n && n->type == XML_ELEMENT_NODE && depth < 64; n = n->parent) chain[depth++] = n;
    sv_buf b;
    sv_buf_init(&b);
    while (depth-- > 0) {
        xmlNodePtr e = chain[depth];
        int idx = 1, many = 0;
        for (xmlNodePtr s = e->prev; s; s = s->prev)
            if (s->type == XML_ELEMENT_NODE && !xmlStrcmp(s->name, e->name)) idx++;
        for (xmlNodePtr s = e->next; s && !many; s = s->next)
            if (s->type == XML_ELEMENT_NODE && !xmlStrcmp(s->name, e->name)) many = 1;
        sv_buf_printf(&b, "/%s", (const char *)e->name);
        if (idx > 1 || many) sv_buf_printf(&b, "[%d]", idx);
    }
    snprintf(buf, size, "%s", b.s ? b.s : "/");
    sv_buf_free(&b);
}

typedef struct {
    int seen;
    sv_err *e;
} first_error;

/* Keeps the first schema error: the element it concerns and libxml2's reason. */
static void on_error(void *ctx, const xmlError *err)
{
    first_error *fe = ctx;
    if (fe->seen++) return;
    char where[300] = "dokumentet";
    if (err->node) {
        node_path((xmlNodePtr)err->node, where, sizeof where);
    } else if (err->line > 0) {
        snprintf(where, sizeof where, "linje %d", err->line);
    }
    char msg[300];
    snprintf(msg, sizeof msg, "%s", err->message ? err->message : "ukjent feil");
    size_t l = strlen(msg);
    while (l && (msg[l - 1] == '\n' || msg[l - 1] == ' ')) msg[--l] = '\0';
    sv_err_set(fe->e, SV_EINVAL, "xml", _("Vedtaksdokumentet følger ikke skjemaet: element %s: %s"), where, msg);
}

int sv_vedtak_validate(xmlDocPtr doc, sv_err *e)
{
    xmlSchemaPtr s = schema(e);
    if (!s) return e->code;
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s);
    first_error fe = {0, e};
    xmlSchemaSetValidStructuredErrors(vc, (xmlStructuredErrorFunc)on_error, &fe);
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    if (rc == 0) return SV_OK;
    if (!fe.seen) sv_err_set(e, SV_EINVAL, "xml", _("Vedtaksdokumentet følger ikke skjemaet"));
    return SV_EINVAL;
}

/* Safe parse and the root check; schema validation is the caller's choice. */
static xmlDocPtr parse_doc(const char *buf, size_t len, const char *name, sv_err *e)
{
    if (len > (size_t)64 * 1024 * 1024) {
        sv_err_set(e, SV_EINVAL, "xml", _("%s: filen er for stor til å være et vedtak"), name);
        return NULL;
    }
    char why[SV_ERR_MAX];
    xmlDocPtr doc = sv_xml_parse_safe(buf, len, name, why, sizeof why);
    if (!doc) {
        sv_err_set(e, SV_EINVAL, "xml", "%s", why);
        return NULL;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !root->ns || xmlStrcmp(root->ns->href, BAD_CAST SV_VEDTAK_NS) || xmlStrcmp(root->name, BAD_CAST "vedtak")) {
        sv_err_set(e, SV_EINVAL, "xml", _("%s: ikke et vedtaksdokument (rotelementet skal være vedtak i %s)"), name, SV_VEDTAK_NS);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

xmlDocPtr sv_vedtak_parse_stored(const char *buf, size_t len, const char *name, sv_err *e)
{
    return parse_doc(buf, len, name, e);
}

xmlDocPtr sv_vedtak_parse(const char *buf, size_t len, const char *name, sv_err *e)
{
    xmlDocPtr doc = parse_doc(buf, len, name, e);
    if (!doc) return NULL;
    if (sv_vedtak_validate(doc, e)) {
        char m[SV_ERR_MAX];
        snprintf(m, sizeof m, "%s", e->msg);
        sv_err_set(e, SV_EINVAL, "xml", "%s: %s", name, m);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

xmlDocPtr sv_vedtak_read_file(const char *path, sv_err *e)
{
    /* Size and file type are checked before reading, so /dev/zero or a huge file is refused. */
    char why[SV_ERR_MAX];
    size_t len;
    char *buf = sv_xml_slurp(path, &len, why, sizeof why);
    if (!buf) {
        sv_err_set(e, SV_EIO, "xml", "%s", why);
        return NULL;
    }
    xmlDocPtr doc = sv_vedtak_parse(buf, len, path, e);
    free(buf);
    return doc;
}

char *sv_vedtak_serialize(xmlDocPtr doc)
{
    xmlChar *mem = NULL;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
    char *s = sv_xmalloc((size_t)size + 1);
    memcpy(s, mem ? (const char *)mem : "", (size_t)size);
    s[size] = '\0';
    xmlFree(mem);
    return s;
}

char *sv_vedtak_xpath(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "v", BAD_CAST SV_VEDTAK_NS);
    ctx->node = xmlDocGetRootElement(doc);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlChar *s = o ? xmlXPathCastToString(o) : NULL;
    char *out = sv_xstrdup(s ? (const char *)s : "");
    xmlFree(s);
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    return out;
}

void sv_vedtak_set_notice(xmlDocPtr doc, sv_date on, const char *method)
{
    xmlNodePtr root = xmlDocGetRootElement(doc), u = NULL, hist = NULL;
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (!xmlStrcmp(n->name, BAD_CAST "underretning")) u = n;
        if (!xmlStrcmp(n->name, BAD_CAST "historikk")) hist = n;
    }
    if (!root || !hist) return;
    if (!u) u = xmlAddPrevSibling(hist, xmlNewDocNode(doc, root->ns, BAD_CAST "underretning", NULL));
    char t[11];
    sv_date_iso(on, t);
    if (on != SV_NODATE) xmlSetProp(u, BAD_CAST "dato", BAD_CAST t);
    else xmlUnsetProp(u, BAD_CAST "dato");
    xmlSetProp(u, BAD_CAST "metode", BAD_CAST(method ? method : ""));
    xmlSetProp(u, BAD_CAST "informert", BAD_CAST(on != SV_NODATE && method && method[0] ? "true" : "false"));
}

const sv_ruleset *sv_vedtak_ruleset(xmlDocPtr doc, sv_err *e)
{
    char *law = sv_vedtak_xpath(doc, "string(/v:vedtak/v:lov/@navn)");
    char *date = sv_vedtak_xpath(doc, "string(/v:vedtak/@dato)");
    sv_date on = SV_NODATE;
    if (sv_date_parse(date, &on)) on = SV_NODATE;
    const sv_ruleset *rs = sv_rules_for(law, on, e);
    free(law);
    free(date);
    return rs;
}
