/* Writing the letter. Every part of the decision document has a paragraph: facts, plan with
 * phases and measures, reasons, appeal information, notification and the case history. */
#include "letter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "date.h"
#include "paths.h"
#include "rules.h"
#include "vedtak_kind.h"
#include "i18n.h"

typedef sv_letter_texts texts;

void sv_letter_texts_free(sv_letter_texts *t)
{
    for (int i = 0; i < t->n; i++) {
        free(t->keys[i]);
        free(t->vals[i]);
    }
    free(t->keys);
    free(t->vals);
    memset(t, 0, sizeof *t);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t l = strlen(s);
    while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\n' || s[l - 1] == '\r')) s[--l] = '\0';
    return s;
}

int sv_letter_texts_load(const char *malform, sv_letter_texts *t, sv_err *e)
{
    memset(t, 0, sizeof *t);
    char rel[32], path[4096];
    snprintf(rel, sizeof rel, "letters/%s.txt", malform && !strcmp(malform, "nn") ? "nn" : "nb");
    if (sv_template_path(rel, path, sizeof path)) return sv_err_set(e, SV_EIO, NULL, _("Stien til brevtekstene er for lang"));
    FILE *f = fopen(path, "r");
    if (!f) return sv_err_set(e, SV_EIO, NULL, _("Finner ikke brevtekstene %s"), path);
    char line[2048];
    while (fgets(line, sizeof line, f)) {
        char *s = trim(line), *eq = strstr(s, " = ");
        if (!*s || *s == '#' || !eq) continue;
        *eq = '\0';
        t->keys = sv_xrealloc(t->keys, sizeof *t->keys * (size_t)(t->n + 1));
        t->vals = sv_xrealloc(t->vals, sizeof *t->vals * (size_t)(t->n + 1));
        t->keys[t->n] = sv_xstrdup(trim(s));
        /* "\n" in the file stands for a line break */
        char *v = sv_xstrdup(eq + 3), *w = v;
        for (const char *r = eq + 3; *r; r++) {
            if (r[0] == '\\' && r[1] == 'n') {
                *w++ = '\n';
                r++;
            } else {
                *w++ = *r;
            }
        }
        *w = '\0';
        t->vals[t->n++] = v;
    }
    fclose(f);
    return SV_OK;
}

void sv_letter_say(sv_letter_texts *t, const char *key, const char *const *vars, sv_buf *out)
{
    const char *tmpl = NULL;
    for (int i = 0; i < t->n; i++)
        if (!strcmp(t->keys[i], key)) tmpl = t->vals[i];
    if (!tmpl) {
        if (!t->missing) t->missing = key;
        return;
    }
    for (const char *p = tmpl; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        int done = 0;
        for (int i = 0; close && vars && vars[i]; i += 2) {
            size_t l = strlen(vars[i]);
            if ((size_t)(close - p - 1) == l && !strncmp(p + 1, vars[i], l)) {
                sv_buf_add(out, vars[i + 1] ? vars[i + 1] : "");
                p = close + 1;
                done = 1;
                break;
            }
        }
        if (!done) sv_buf_addn(out, p++, 1);
    }
}

int sv_letter_texts_check(const sv_letter_texts *t, sv_err *e)
{
    if (!t->missing) return SV_OK;
    return sv_err_set(e, SV_EIO, NULL, _("Brevtekstene mangler teksten «%s» (templates/letters/)"), t->missing);
}

void sv_letter_appeal_body(const char *text, sv_date on, sv_buf *out)
{
    static const char *const now[] = {"Statsforvalteren", "Statsforvaltaren"};
    if (on == SV_NODATE || on >= sv_date_from_ymd(2021, 1, 1)) {
        sv_buf_add(out, text);
        return;
    }
    for (const char *p = text; *p;) {
        int hit = 0;
        for (int i = 0; i < 2 && !hit; i++)
            if (!strncmp(p, now[i], strlen(now[i]))) {
                sv_buf_add(out, "Fylkesmannen");
                p += strlen(now[i]);
                hit = 1;
            }
        if (!hit) sv_buf_addn(out, p++, 1);
    }
}

const char *sv_letter_hours(const char *stored, char *buf, size_t size)
{
    snprintf(buf, size, "%s", stored ? stored : "");
    char *dot = strchr(buf, '.');
    if (!dot) return buf;
    if (!strcmp(dot, ".0") || !strcmp(dot, ".00")) *dot = '\0';
    else *dot = ',';
    return buf;
}

typedef struct {
    texts *t;
    sv_buf *out;
    sv_lang lang;   /* the municipality's målform, for labels */
    char num[4][32];   /* hours as the letter writes them (sv_letter_hours), one per field of a line */
} writer;

/* A code of the document as the label the letter shows, in the letter's målform. */
static const char *code_label(const writer *w, const sv_code *codes, const char *code)
{
    return code && code[0] ? sv_tr(w->lang, sv_code_label(codes, code)) : "";
}

/* Appends text key with {name} replaced from vars (name, value pairs, NULL-terminated). */
static void say(writer *w, const char *key, const char *const *vars)
{
    size_t before = w->out->len;
    sv_letter_say(w->t, key, vars, w->out);
    if (w->out->len != before || !w->t->missing) sv_buf_add(w->out, "\n");
}

xmlNodePtr sv_xml_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr k = n ? n->children : NULL; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && !xmlStrcmp(k->name, BAD_CAST name)) return k;
    return NULL;
}

xmlNodePtr sv_xml_next(xmlNodePtr k, const char *name)
{
    for (k = k ? k->next : NULL; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && !xmlStrcmp(k->name, BAD_CAST name)) return k;
    return NULL;
}

const char *sv_xpool_keep(sv_xpool *p, xmlChar *s)
{
    if (!s) return "";
    p->v = sv_xrealloc(p->v, sizeof *p->v * (size_t)(p->n + 1));
    p->v[p->n++] = (char *)s;
    return (const char *)s;
}

const char *sv_xprop(sv_xpool *p, xmlNodePtr n, const char *name)
{
    return n ? sv_xpool_keep(p, xmlGetProp(n, BAD_CAST name)) : "";
}

const char *sv_xcontent(sv_xpool *p, xmlNodePtr n)
{
    return n ? sv_xpool_keep(p, xmlNodeGetContent(n)) : "";
}

const char *sv_xdate(sv_xpool *p, const char *iso)
{
    sv_date d;
    if (!iso[0] || sv_date_parse(iso, &d) || d == SV_NODATE) return iso;
    char buf[11];
    sv_date_nor(d, buf);
    return sv_xpool_keep(p, xmlStrdup(BAD_CAST buf));
}

void sv_xpool_free(sv_xpool *p)
{
    for (int i = 0; i < p->n; i++) xmlFree(p->v[i]);
    free(p->v);
    p->v = NULL;
    p->n = 0;
}

#define child sv_xml_child
#define next_named sv_xml_next
typedef sv_xpool pool;
#define keep sv_xpool_keep
#define prop sv_xprop
#define content sv_xcontent
#define date sv_xdate
#define release sv_xpool_free

static const char *behov_text(pool *p, xmlNodePtr facts, const char *id)
{
    for (xmlNodePtr b = child(facts, "behov"); b; b = next_named(b, "behov"))
        if (!strcmp(prop(p, b, "id"), id)) return content(p, b);
    return "-";
}

static void plan_part(writer *w, pool *p, xmlNodePtr plan, xmlNodePtr facts)
{
    say(w, "del.plan", NULL);
    const char *v1[] = {"start", date(p, prop(p, plan, "start")), "slutt", date(p, prop(p, plan, "slutt")), "maneder",
                        prop(p, plan, "maneder"), NULL};
    say(w, "periode", v1);
    xmlNodePtr goal = child(plan, "sluttmal");   /* the kind of final goal as its label, then the goal */
    if (goal) say(w, "pdf.sluttmal", (const char *[]){"type", code_label(w, SV_CODES_FINAL_GOAL, prop(p, goal, "type")), "tekst",
                                                      content(p, goal), NULL});
    if (child(plan, "norskmal")) say(w, "norskmal", (const char *[]){"norskmal", content(p, child(plan, "norskmal")), NULL});
    if (child(plan, "samfunnskunnskap"))
        say(w, "samfunnskunnskap", (const char *[]){"timer", sv_letter_hours(prop(p, child(plan, "samfunnskunnskap"), "timer"),
                                                                              w->num[2], sizeof w->num[2]), NULL});
    for (xmlNodePtr f = child(plan, "fase"); f; f = next_named(f, "fase")) {
        const char *vf[] = {"nr", prop(p, f, "nr"), "fasenavn", prop(p, f, "navn"), "fra", date(p, prop(p, f, "fra")), "til",
                            date(p, prop(p, f, "til")), "timer",
                            sv_letter_hours(prop(p, f, "timer"), w->num[0], sizeof w->num[0]), NULL};
        say(w, "fase", vf);
        for (xmlNodePtr t = child(f, "tiltak"); t; t = next_named(t, "tiltak")) {
            const char *prov = prop(p, t, "tilbyder");
            const char *vt[] = {"tiltak", content(p, child(t, "navn")), "timer",
                                sv_letter_hours(prop(p, t, "timer"), w->num[1], sizeof w->num[1]), "tilbyder",
                                strcmp(prov, "ukjent") ? code_label(w, SV_CODES_UNIT_KIND, prov) : "-", "behov",
                                behov_text(p, facts, prop(p, t, "behov")), NULL};
            say(w, "tiltak", vt);
        }
    }
    for (xmlNodePtr l = child(plan, "permisjon"); l; l = next_named(l, "permisjon"))
        say(w, strcmp(prop(p, l, "forlenger"), "true") ? "plan.permisjon" : "plan.permisjon.forlenger",
            (const char *[]){"type", code_label(w, SV_CODES_LEAVE_KIND, prop(p, l, "type")), "fra", date(p, prop(p, l, "fra")), "til",
                             date(p, prop(p, l, "til")), NULL});
    if (child(plan, "forlengelse")) say(w, "forlengelse", (const char *[]){"tekst", content(p, child(plan, "forlengelse")), NULL});
    sv_buf_add(w->out, "\n");
}

/* The deciding unit among the municipality's units in the document: one with a postal address,
 * the refugee service first (as sv_letter_unit chooses it in the database). */
static xmlNodePtr deciding_unit(pool *p, xmlNodePtr muni)
{
    xmlNodePtr best = NULL;
    int best_score = -1;
    for (xmlNodePtr u = child(muni, "enhet"); u; u = next_named(u, "enhet")) {
        int score = (prop(p, u, "gate")[0] ? 2 : 0) + !strcmp(prop(p, u, "type"), "flyktningtjeneste");
        if (score > best_score) best = u, best_score = score;
    }
    return best;
}

/* The integration contract of the plan (integreringsloven § 16), when the decision carries it. */
static void contract_part(writer *w, pool *p, xmlNodePtr k)
{
    say(w, "del.kontrakt", NULL);
    say(w, "kontrakt", (const char *[]){"ddato", date(p, prop(p, k, "signert-deltaker")), "kdato",
                                        date(p, prop(p, k, "signert-kommune")), NULL});
    say(w, "kontrakt.deltaker", (const char *[]){"tekst", content(p, child(k, "deltaker")), NULL});
    say(w, "kontrakt.kommune", (const char *[]){"tekst", content(p, child(k, "kommune")), NULL});
    sv_buf_add(w->out, "\n");
}

char *sv_letter_build(xmlDocPtr doc, sv_err *e)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    pool p = {NULL, 0};
    xmlNodePtr muni = child(root, "kommune"), party = child(root, "part"), facts = child(root, "fakta");
    texts t;
    if (sv_letter_texts_load(prop(&p, muni, "malform"), &t, e)) {
        release(&p);
        return NULL;
    }
    sv_buf out;
    sv_buf_init(&out);
    writer w = {&t, &out, sv_lang_from_code(prop(&p, muni, "malform")), {{0}}};
    const char *kommune = prop(&p, muni, "navn");
    char key[40];
    snprintf(key, sizeof key, "tittel.%s", prop(&p, root, "type"));
    say(&w, key, NULL);
    sv_buf_add(&out, "\n");
    say(&w, "hode", (const char *[]){"kommune", kommune, "dato", date(&p, prop(&p, root, "dato")), "navn",
                                     content(&p, child(party, "navn")), "id", prop(&p, root, "id"), NULL});
    sv_buf_add(&out, "\n");
    say(&w, "innledning", (const char *[]){"lov", prop(&p, child(root, "lov"), "navn"), "lovversjon",
                                           prop(&p, child(root, "lov"), "versjon"), NULL});
    sv_buf_add(&out, "\n");

    say(&w, "del.fakta", NULL);
    xmlNodePtr k = child(facts, "kartlegging");
    if (k) say(&w, "kartlegging", (const char *[]){"kdato", date(&p, prop(&p, k, "dato")), "niva", code_label(&w, SV_CODES_LEVEL, content(&p, child(k, "norskniva"))), NULL});
    else say(&w, "ingen_kartlegging", NULL);
    if (k) {   /* what the assessment found, as the PDF letter says it (the same texts) */
        static const char *const parts[][2] = {{"utdanning", "pdf.utdanning"}, {"arbeidserfaring", "pdf.arbeidserfaring"},
                                               {"kompetanse", "pdf.kompetanse"}};
        for (int i = 0; i < 3; i++)
            if (child(k, parts[i][0])) say(&w, parts[i][1], (const char *[]){"tekst", content(&p, child(k, parts[i][0])), NULL});
        xmlNodePtr kv = child(k, "karriereveiledning");
        if (kv) say(&w, "pdf.karriere", (const char *[]){"kvdato", date(&p, prop(&p, kv, "dato")), "tekst", content(&p, kv), NULL});
        else say(&w, "pdf.ingen_karriere", NULL);
    }
    if (child(facts, "behov")) say(&w, "behov", NULL);
    for (xmlNodePtr b = child(facts, "behov"); b; b = next_named(b, "behov")) {
        sv_buf_add(&out, "- ");
        sv_buf_add(&out, content(&p, b));
        sv_buf_add(&out, "\n");
    }
    if (child(facts, "samrad")) say(&w, "samrad", (const char *[]){"sdato", date(&p, prop(&p, child(facts, "samrad"), "dato")), NULL});
    xmlNodePtr tolk = child(facts, "tolk");
    if (tolk && !strcmp(prop(&p, tolk, "brukt"), "true")) say(&w, "tolk", (const char *[]){"sprak", prop(&p, tolk, "sprak"), NULL});
    sv_buf_add(&out, "\n");

    if (child(root, "plan")) plan_part(&w, &p, child(root, "plan"), facts);
    const char *kkey;
    sv_kind_letter kline;
    if (sv_kind_letter_line(root, sv_lang_from_code(prop(&p, muni, "malform")), &kkey, &kline)) {
        say(&w, "del.vedtak", NULL);
        say(&w, kkey, kline.vars);
        for (int i = 0; i < 2 && sv_kind_letter_notice(root, i, &kkey, &kline); i++) {
            say(&w, kkey, kline.vars);
            sv_kind_letter_free(&kline);
        }
        sv_buf_add(&out, "\n");
    }
    if (child(root, "kontrakt")) contract_part(&w, &p, child(root, "kontrakt"));

    xmlNodePtr r = child(root, "begrunnelse");
    say(&w, "del.begrunnelse", NULL);
    say(&w, "regler", NULL);
    for (xmlNodePtr g = child(r, "regel"); g; g = next_named(g, "regel")) {
        sv_buf_printf(&out, "- %s: ", prop(&p, g, "hjemmel"));
        sv_buf_add(&out, content(&p, g));
        sv_buf_add(&out, "\n");
    }
    if (child(r, "fakta")) sv_buf_printf(&out, "%s\n", content(&p, child(r, "fakta")));
    if (child(r, "hensyn")) {
        say(&w, "vurdering", NULL);
        sv_buf_printf(&out, "%s\n", content(&p, child(r, "hensyn")));
    }
    if (child(r, "grunn")) {
        say(&w, "grunn", NULL);
        sv_buf_printf(&out, "%s\n", content(&p, child(r, "grunn")));
    }
    if (child(r, "forsinkelse")) say(&w, "pdf.forsinkelse", (const char *[]){"tekst", content(&p, child(r, "forsinkelse")), NULL});
    sv_buf_add(&out, "\n");

    xmlNodePtr kl = child(root, "klage");
    say(&w, "del.klage", NULL);
    const char *weeks = kl ? prop(&p, child(kl, "klagefrist"), "uker") : "3";
    sv_date decided;
    if (sv_date_parse(prop(&p, root, "dato"), &decided)) decided = SV_NODATE;
    for (int i = 0; i < 6; i++) {   /* the appeal body by the decision's date (Fylkesmannen before 2021) */
        sv_buf part;
        sv_buf_init(&part);
        writer pw = w;
        pw.out = &part;
        say(&pw, SV_APPEAL_PARTS[i], (const char *[]){"uker", weeks[0] ? weeks : "3", "kommune", kommune, NULL});
        if (part.s) sv_letter_appeal_body(part.s, decided, &out);
        sv_buf_free(&part);
    }
    /* the day the appeal deadline runs out, from the notification in force (one recorded after
     * the decision is set into the document by core/letter_src.c): forvaltningsloven § 29 */
    xmlNodePtr un = child(root, "underretning");
    sv_date notified;
    if (un && !strcmp(prop(&p, un, "informert"), "true") && !sv_date_parse(prop(&p, un, "dato"), &notified) &&
        notified != SV_NODATE) {
        char d[11];
        sv_date_nor(sv_date_appeal_deadline(notified, weeks[0] ? atoi(weeks) : 3), d);
        say(&w, "pdf.klagefrist_dato", (const char *[]){"kdato", d, NULL});
    }
    xmlNodePtr unit = deciding_unit(&p, muni);
    if (unit && prop(&p, unit, "gate")[0])
        say(&w, "pdf.klage_adresse", (const char *[]){"enhet", content(&p, unit), "gate", prop(&p, unit, "gate"), "postnummer",
                                                      prop(&p, unit, "postnummer"), "poststed", prop(&p, unit, "poststed"), NULL});
    sv_buf_add(&out, "\n");

    xmlNodePtr u = child(root, "underretning");
    say(&w, "del.underretning", NULL);
    if (u && !strcmp(prop(&p, u, "informert"), "true"))
        say(&w, "underrettet", (const char *[]){"udato", date(&p, prop(&p, u, "dato")), "metode",
                                                   code_label(&w, SV_CODES_NOTIFY, prop(&p, u, "metode")), NULL});
    else say(&w, "ikke_underrettet", NULL);
    sv_buf_add(&out, "\n");

    xmlNodePtr h = child(root, "historikk");
    say(&w, "del.historikk", NULL);
    int any = 0;
    for (xmlNodePtr x = h ? h->children : NULL; x; x = x->next) {
        if (x->type != XML_ELEMENT_NODE) continue;
        any = 1;
        if (!xmlStrcmp(x->name, BAD_CAST "vedtak"))
            say(&w, "tidligere_vedtak", (const char *[]){"hdato", date(&p, prop(&p, x, "dato")), "htype",
                                                         code_label(&w, SV_CODES_DECISION_KIND, prop(&p, x, "type")), "tekst",
                                                         content(&p, x), NULL});
        else
            say(&w, "tidligere_vurdering", (const char *[]){"hdato", date(&p, prop(&p, x, "dato")), "grunn",
                                                            code_label(&w, SV_CODES_REVIEW_REASON, prop(&p, x, "grunn")),
                                                            "tekst", content(&p, x), NULL});
    }
    if (!any) say(&w, "ingen_historikk", NULL);
    sv_buf_add(&out, "\n");
    /* signed with the adviser's name and title as the document states them (the login only in a
     * document from before names were kept), from the deciding unit */
    xmlNodePtr sb = child(root, "saksbehandler");
    sv_buf who, from;
    sv_buf_init(&who);
    sv_buf_init(&from);
    sv_buf_add(&who, prop(&p, sb, "navn")[0] ? prop(&p, sb, "navn") : content(&p, sb));
    if (prop(&p, sb, "tittel")[0]) sv_buf_printf(&who, "\n%s", prop(&p, sb, "tittel"));
    if (unit) sv_buf_printf(&from, "%s, ", content(&p, unit));
    sv_buf_add(&from, kommune);
    say(&w, "hilsen", (const char *[]){"saksbehandler", who.s ? who.s : "", "kommune", from.s ? from.s : "", NULL});
    sv_buf_free(&who);
    sv_buf_free(&from);
    release(&p);
    char *res = out.s ? out.s : sv_xstrdup("");
    if (sv_letter_texts_check(&t, e)) {
        free(res);
        res = NULL;
    }
    sv_letter_texts_free(&t);
    return res;
}
