/* The decision letter as PDF/A-2b (pdf_letter.h): every sentence from templates/letters in the
 * municipality's målform, every value from the stored decision document, codes as labels and
 * hours the Norwegian way. The content follows forvaltningsloven §§ 24, 25 and 27: the rules
 * the decision rests on, the facts (the assessment with education, work experience and career
 * guidance), the plan, the reasons, the appeal (right, deadline, where, how, the appeal body as
 * it was called on the decision's date, access to the documents) and who decided it. */
#include "pdf_letter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "i18n.h"
#include "letter.h"
#include "pdf_flow.h"
#include "rules.h"
#include "vedtak_kind.h"

#define LEFT 62.0
#define RIGHT 56.0
#define TOP 56.0
#define BOTTOM 60.0

typedef struct {
    sv_letter_texts t;
    sv_xpool p;
    sv_flow *f;
    sv_lang lang;
    sv_buf b;
} ctx;

/* Text key with vars into the scratch buffer; returns it. */
static const char *txt(ctx *c, const char *key, const char *const *vars)
{
    c->b.len = 0;
    c->b.s[0] = '\0';
    sv_letter_say(&c->t, key, vars, &c->b);
    return c->b.s;
}

static void para(ctx *c, const char *key, const char *const *vars)
{
    sv_flow_para(c->f, SV_FLOW_BODY, 0, txt(c, key, vars));
}

static const char *label(ctx *c, const sv_code *codes, const char *code)
{
    return code[0] ? sv_tr(c->lang, sv_code_label(codes, code)) : "";
}

static const char *hours(ctx *c, const char *stored)
{
    char buf[24];
    return sv_xpool_keep(&c->p, xmlStrdup(BAD_CAST sv_letter_hours(stored, buf, sizeof buf)));
}

#define V(...) ((const char *const[]){__VA_ARGS__, NULL})

static void head(ctx *c, const sv_letter_src *s, xmlNodePtr root)
{
    sv_xpool *p = &c->p;
    xmlNodePtr muni = sv_xml_child(root, "kommune");
    const char *kommune = sv_xprop(p, muni, "navn");
    sv_buf from, right, to;
    sv_buf_init(&from);
    sv_buf_init(&right);
    sv_buf_init(&to);
    sv_buf_printf(&from, "%s\n%s\n%s\n%s %s", kommune, s->unit.name, s->unit.street, s->unit.postcode, s->unit.place);
    sv_buf_add(&right, txt(c, "pdf.dato", V("dato", sv_xdate(p, sv_xprop(p, root, "dato")))));
    sv_buf_add(&right, "\n");
    sv_buf_add(&right, txt(c, "pdf.ref", V("ref", s->reference)));
    sv_buf_add(&right, "\n");
    sv_buf_add(&right, txt(c, "pdf.saksbehandler", V("navn", s->signer)));
    sv_flow_columns(c->f, from.s, 250, right.s, SV_FLOW_SMALL);
    sv_flow_space(c->f, 30);
    sv_buf_printf(&to, "%s\n%s\n%s %s", s->to.name, s->to.street, s->to.postcode, s->to.place);
    sv_flow_columns(c->f, to.s, 300, NULL, SV_FLOW_BODY);
    sv_flow_space(c->f, 30);
    sv_buf_free(&from);
    sv_buf_free(&right);
    sv_buf_free(&to);
}

static void facts(ctx *c, xmlNodePtr root)
{
    sv_xpool *p = &c->p;
    xmlNodePtr f = sv_xml_child(root, "fakta"), k = sv_xml_child(f, "kartlegging");
    sv_flow_heading(c->f, txt(c, "del.fakta", NULL));
    if (k) {
        para(c, "kartlegging", V("kdato", sv_xdate(p, sv_xprop(p, k, "dato")), "niva",
                                 label(c, SV_CODES_LEVEL, sv_xcontent(p, sv_xml_child(k, "norskniva")))));
        static const char *const parts[][2] = {{"utdanning", "pdf.utdanning"}, {"arbeidserfaring", "pdf.arbeidserfaring"},
                                               {"kompetanse", "pdf.kompetanse"}};
        for (int i = 0; i < 3; i++)
            if (sv_xml_child(k, parts[i][0])) para(c, parts[i][1], V("tekst", sv_xcontent(p, sv_xml_child(k, parts[i][0]))));
        xmlNodePtr kv = sv_xml_child(k, "karriereveiledning");
        if (kv) para(c, "pdf.karriere", V("kvdato", sv_xdate(p, sv_xprop(p, kv, "dato")), "tekst", sv_xcontent(p, kv)));
        else para(c, "pdf.ingen_karriere", NULL);
    } else {
        para(c, "ingen_kartlegging", NULL);
    }
    if (sv_xml_child(f, "behov")) para(c, "behov", NULL);
    for (xmlNodePtr b = sv_xml_child(f, "behov"); b; b = sv_xml_next(b, "behov")) {
        char line[300];
        snprintf(line, sizeof line, "• %s", sv_xcontent(p, b));
        sv_flow_para(c->f, SV_FLOW_BODY, 12, line);
    }
    if (sv_xml_child(f, "samrad")) para(c, "samrad", V("sdato", sv_xdate(p, sv_xprop(p, sv_xml_child(f, "samrad"), "dato"))));
    xmlNodePtr tolk = sv_xml_child(f, "tolk");
    if (tolk && !strcmp(sv_xprop(p, tolk, "brukt"), "true")) para(c, "tolk", V("sprak", sv_xprop(p, tolk, "sprak")));
}

static const char *behov_text(sv_xpool *p, xmlNodePtr facts, const char *id)
{
    for (xmlNodePtr b = sv_xml_child(facts, "behov"); b; b = sv_xml_next(b, "behov"))
        if (!strcmp(sv_xprop(p, b, "id"), id)) return sv_xcontent(p, b);
    return "";
}

static void plan(ctx *c, xmlNodePtr root)
{
    sv_xpool *p = &c->p;
    xmlNodePtr pl = sv_xml_child(root, "plan"), facts = sv_xml_child(root, "fakta");
    if (!pl) return;
    sv_flow_heading(c->f, txt(c, "del.plan", NULL));
    para(c, "periode", V("start", sv_xdate(p, sv_xprop(p, pl, "start")), "slutt", sv_xdate(p, sv_xprop(p, pl, "slutt")),
                         "maneder", sv_xprop(p, pl, "maneder")));
    xmlNodePtr g = sv_xml_child(pl, "sluttmal");
    if (g) para(c, "pdf.sluttmal", V("type", label(c, SV_CODES_FINAL_GOAL, sv_xprop(p, g, "type")), "tekst", sv_xcontent(p, g)));
    if (sv_xml_child(pl, "norskmal")) para(c, "norskmal", V("norskmal", sv_xcontent(p, sv_xml_child(pl, "norskmal"))));
    if (sv_xml_child(pl, "samfunnskunnskap"))
        para(c, "samfunnskunnskap", V("timer", sv_xprop(p, sv_xml_child(pl, "samfunnskunnskap"), "timer")));
    para(c, "pdf.norm", V("timer", hours(c, sv_xprop(p, pl, "norm"))));
    static const double widths[] = {92, 74, 146, 50, 115};
    const char *hdr[5];
    static const char *const hk[] = {"pdf.tabell.fase", "pdf.tabell.periode", "pdf.tabell.tiltak", "pdf.tabell.timer",
                                     "pdf.tabell.tilbyder"};
    for (int i = 0; i < 5; i++) hdr[i] = sv_xpool_keep(p, xmlStrdup(BAD_CAST txt(c, hk[i], NULL)));
    sv_flow_space(c->f, 4);
    sv_flow_table(c->f, 5, widths, hdr);
    for (xmlNodePtr f = sv_xml_child(pl, "fase"); f; f = sv_xml_next(f, "fase")) {
        const char *phase = sv_xpool_keep(p, xmlStrdup(BAD_CAST txt(c, "pdf.fase", V("nr", sv_xprop(p, f, "nr"), "fasenavn",
                                                                                   sv_xprop(p, f, "navn")))));
        char period[40];
        snprintf(period, sizeof period, "%s–%s", sv_xdate(p, sv_xprop(p, f, "fra")), sv_xdate(p, sv_xprop(p, f, "til")));
        int first = 1;
        for (xmlNodePtr t = sv_xml_child(f, "tiltak"); t; t = sv_xml_next(t, "tiltak")) {
            const char *need = behov_text(p, facts, sv_xprop(p, t, "behov"));
            char measure[600];
            if (need[0]) snprintf(measure, sizeof measure, "%s\n%s", sv_xcontent(p, sv_xml_child(t, "navn")),
                                  txt(c, "pdf.behov", V("behov", need)));
            else snprintf(measure, sizeof measure, "%s", sv_xcontent(p, sv_xml_child(t, "navn")));
            const char *prov = sv_xprop(p, t, "tilbyder");
            sv_flow_row(c->f, (const char *const[]){first ? phase : "", first ? period : "", measure,
                                                    hours(c, sv_xprop(p, t, "timer")),
                                                    !strcmp(prov, "ukjent") ? "" : label(c, SV_CODES_UNIT_KIND, prov)});
            first = 0;
        }
        const char *sum = sv_xpool_keep(p, xmlStrdup(BAD_CAST txt(c, "pdf.tabell.sum", NULL)));
        sv_flow_row(c->f, (const char *const[]){first ? phase : "", first ? period : "", sum, hours(c, sv_xprop(p, f, "timer")),
                                                ""});
    }
    sv_flow_space(c->f, 6);
    for (xmlNodePtr f = sv_xml_child(pl, "fase"); f; f = sv_xml_next(f, "fase"))
        if (sv_xml_child(f, "grunn"))
            para(c, "pdf.fasegrunn", V("nr", sv_xprop(p, f, "nr"), "tekst", sv_xcontent(p, sv_xml_child(f, "grunn"))));
    for (xmlNodePtr l = sv_xml_child(pl, "permisjon"); l; l = sv_xml_next(l, "permisjon"))
        para(c, strcmp(sv_xprop(p, l, "forlenger"), "true") ? "plan.permisjon" : "plan.permisjon.forlenger",
             V("type", label(c, SV_CODES_LEAVE_KIND, sv_xprop(p, l, "type")), "fra", sv_xdate(p, sv_xprop(p, l, "fra")), "til",
               sv_xdate(p, sv_xprop(p, l, "til"))));
    if (sv_xml_child(pl, "forlengelse")) para(c, "forlengelse", V("tekst", sv_xcontent(p, sv_xml_child(pl, "forlengelse"))));
}

/* What a stop, a leave, an ending or a refusal decides (core/vedtak_kind.c). */
static void kind_part(ctx *c, xmlNodePtr root)
{
    const char *key;
    sv_kind_letter kl;
    if (!sv_kind_letter_line(root, c->lang, &key, &kl)) return;
    sv_flow_heading(c->f, txt(c, "del.vedtak", NULL));
    para(c, key, kl.vars);
    for (int i = 0; i < 2 && sv_kind_letter_notice(root, i, &key, &kl); i++) {
        para(c, key, kl.vars);
        sv_kind_letter_free(&kl);
    }
}

/* The integration contract of the plan (integreringsloven § 16), when the decision carries it. */
static void contract(ctx *c, xmlNodePtr root)
{
    sv_xpool *p = &c->p;
    xmlNodePtr k = sv_xml_child(root, "kontrakt");
    if (!k) return;
    sv_flow_heading(c->f, txt(c, "del.kontrakt", NULL));
    para(c, "kontrakt", V("ddato", sv_xdate(p, sv_xprop(p, k, "signert-deltaker")), "kdato",
                          sv_xdate(p, sv_xprop(p, k, "signert-kommune"))));
    para(c, "kontrakt.deltaker", V("tekst", sv_xcontent(p, sv_xml_child(k, "deltaker"))));
    para(c, "kontrakt.kommune", V("tekst", sv_xcontent(p, sv_xml_child(k, "kommune"))));
}

static void reasons(ctx *c, xmlNodePtr root)
{
    sv_xpool *p = &c->p;
    xmlNodePtr r = sv_xml_child(root, "begrunnelse");
    sv_flow_heading(c->f, txt(c, "del.begrunnelse", NULL));
    para(c, "regler", NULL);
    for (xmlNodePtr g = sv_xml_child(r, "regel"); g; g = sv_xml_next(g, "regel")) {
        sv_buf line;
        sv_buf_init(&line);
        sv_buf_printf(&line, "• %s: %s", sv_xprop(p, g, "hjemmel"), sv_xcontent(p, g));
        sv_flow_para(c->f, SV_FLOW_BODY, 12, line.s);
        sv_buf_free(&line);
    }
    if (sv_xml_child(r, "fakta")) sv_flow_para(c->f, SV_FLOW_BODY, 0, sv_xcontent(p, sv_xml_child(r, "fakta")));
    if (sv_xml_child(r, "hensyn")) {
        sv_flow_para(c->f, SV_FLOW_BOLD, 0, txt(c, "vurdering", NULL));
        sv_flow_para(c->f, SV_FLOW_BODY, 0, sv_xcontent(p, sv_xml_child(r, "hensyn")));
    }
    if (sv_xml_child(r, "grunn")) {
        sv_flow_para(c->f, SV_FLOW_BOLD, 0, txt(c, "grunn", NULL));
        sv_flow_para(c->f, SV_FLOW_BODY, 0, sv_xcontent(p, sv_xml_child(r, "grunn")));
    }
    if (sv_xml_child(r, "forsinkelse")) para(c, "pdf.forsinkelse", V("tekst", sv_xcontent(p, sv_xml_child(r, "forsinkelse"))));
}

static void appeal(ctx *c, const sv_letter_src *s, xmlNodePtr root)
{
    sv_xpool *p = &c->p;
    xmlNodePtr k = sv_xml_child(root, "klage");
    sv_flow_heading(c->f, txt(c, "del.klage", NULL));
    sv_date on = SV_NODATE;
    sv_date_parse(sv_xprop(p, root, "dato"), &on);
    const char *kommune = sv_xprop(p, sv_xml_child(root, "kommune"), "navn");
    for (int i = 0; i < 6; i++) {
        xmlNodePtr part = sv_xml_child(k, SV_APPEAL_PARTS[i]);
        sv_buf t;
        sv_buf_init(&t);
        if (part) sv_letter_appeal_body(sv_xcontent(p, part), on, &t);
        else sv_letter_appeal_body(txt(c, SV_APPEAL_PARTS[i], V("uker", "3", "kommune", kommune)), on, &t);
        sv_flow_para(c->f, SV_FLOW_BODY, 0, t.s);
        sv_buf_free(&t);
    }
    if (s->appeal_deadline != SV_NODATE) {
        char d[11];
        sv_date_nor(s->appeal_deadline, d);
        para(c, "pdf.klagefrist_dato", V("kdato", d));
    }
    para(c, "pdf.klage_adresse", V("enhet", s->unit.name, "gate", s->unit.street, "postnummer", s->unit.postcode, "poststed",
                                   s->unit.place));
}

static void notice_and_history(ctx *c, xmlNodePtr root)
{
    sv_xpool *p = &c->p;
    xmlNodePtr u = sv_xml_child(root, "underretning");
    sv_flow_heading(c->f, txt(c, "del.underretning", NULL));
    if (u && !strcmp(sv_xprop(p, u, "informert"), "true"))
        para(c, "underrettet", V("udato", sv_xdate(p, sv_xprop(p, u, "dato")), "metode",
                                 label(c, SV_CODES_NOTIFY, sv_xprop(p, u, "metode"))));
    else para(c, "ikke_underrettet", NULL);
    xmlNodePtr h = sv_xml_child(root, "historikk");
    sv_flow_heading(c->f, txt(c, "del.historikk", NULL));
    int any = 0;
    for (xmlNodePtr x = h ? h->children : NULL; x; x = x->next) {
        if (x->type != XML_ELEMENT_NODE) continue;
        any = 1;
        if (!xmlStrcmp(x->name, BAD_CAST "vedtak"))
            para(c, "tidligere_vedtak", V("hdato", sv_xdate(p, sv_xprop(p, x, "dato")), "htype",
                                          label(c, SV_CODES_DECISION_KIND, sv_xprop(p, x, "type")), "tekst", sv_xcontent(p, x)));
        else
            para(c, "tidligere_vurdering", V("hdato", sv_xdate(p, sv_xprop(p, x, "dato")), "grunn",
                                             label(c, SV_CODES_REVIEW_REASON, sv_xprop(p, x, "grunn")), "tekst",
                                             sv_xcontent(p, x)));
    }
    if (!any) para(c, "ingen_historikk", NULL);
}

int sv_letter_pdf(const sv_letter_src *s, unsigned char **out, size_t *len, sv_err *e)
{
    ctx c;
    memset(&c, 0, sizeof c);
    xmlNodePtr root = xmlDocGetRootElement(s->doc);
    const char *malform = sv_xprop(&c.p, sv_xml_child(root, "kommune"), "malform");
    if (sv_letter_texts_load(malform, &c.t, e)) {
        sv_xpool_free(&c.p);
        return e->code;
    }
    c.lang = sv_lang_from_code(malform);
    sv_buf_init(&c.b);
    char key[40];
    snprintf(key, sizeof key, "tittel.%s", sv_xprop(&c.p, root, "type"));
    const char *title = sv_xpool_keep(&c.p, xmlStrdup(BAD_CAST txt(&c, key, NULL)));
    const char *kommune = sv_xprop(&c.p, sv_xml_child(root, "kommune"), "navn");
    sv_pdf_meta m = {title, kommune, txt(&c, "pdf.emne", V("ref", s->reference)), malform, s->decided_on};
    sv_pdf *pdf = sv_pdf_new(&m);
    c.f = sv_flow_new(pdf, LEFT, TOP, RIGHT, BOTTOM, txt(&c, "pdf.side", V("ref", s->reference)));
    head(&c, s, root);
    sv_flow_para(c.f, SV_FLOW_TITLE, 0, title);
    sv_flow_space(c.f, 4);
    xmlNodePtr lov = sv_xml_child(root, "lov");
    para(&c, "innledning", V("lov", sv_xprop(&c.p, lov, "navn"), "lovversjon", sv_xprop(&c.p, lov, "versjon")));
    facts(&c, root);
    plan(&c, root);
    kind_part(&c, root);
    contract(&c, root);
    reasons(&c, root);
    appeal(&c, s, root);
    notice_and_history(&c, root);
    sv_flow_space(c.f, 14);
    sv_buf sig;
    sv_buf_init(&sig);
    sv_buf_printf(&sig, "%s\n\n%s", txt(&c, "pdf.hilsen", NULL), s->signer);
    if (s->title[0]) sv_buf_printf(&sig, "\n%s", s->title);
    sv_buf_printf(&sig, "\n%s, %s", s->unit.name, kommune);
    sv_flow_columns(c.f, sig.s, 300, NULL, SV_FLOW_BODY);
    sv_buf_free(&sig);
    sv_flow_space(c.f, 10);
    sv_flow_para(c.f, SV_FLOW_SMALL, 0, txt(&c, "pdf.elektronisk", V("id", sv_xprop(&c.p, root, "id"))));
    int rc = sv_flow_finish(c.f, e);
    if (rc == SV_OK && sv_letter_texts_check(&c.t, e)) rc = e->code;
    if (rc == SV_OK) rc = sv_pdf_finish(pdf, out, len, e);
    sv_pdf_free(pdf);
    sv_buf_free(&c.b);
    sv_xpool_free(&c.p);
    sv_letter_texts_free(&c.t);
    return rc;
}

int sv_letter_pdf_write(const sv_letter_src *s, const char *path, sv_err *e)
{
    unsigned char *b = NULL;
    size_t len = 0;
    int rc = sv_letter_pdf(s, &b, &len, e);
    if (rc == SV_OK) rc = sv_pdf_write_bytes(b, len, path, e);
    free(b);
    return rc;
}
