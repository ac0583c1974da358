/* Working the figures of a decision document out again from its primary facts (derive.h). */
#include "derive.h"
#include "vedtak_kind.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "figures.h"
#include "paths.h"
#include "fnr.h"
#include "i18n.h"
#include "leave.h"
#include "rules.h"

typedef struct {
    xmlDocPtr doc;
    xmlNodePtr root;
    xmlNsPtr ans;        /* the a: namespace, declared on the root */
    xmlNodePtr derived;  /* a:avledet */
    int findings;
} dctx;

static int is_el(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && !xmlStrcmp(n->ns->href, BAD_CAST SV_VEDTAK_NS) &&
           !xmlStrcmp(n->name, BAD_CAST name);
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr k = n ? n->children : NULL; k; k = k->next)
        if (is_el(k, name)) return k;
    return NULL;
}

static sv_date date_attr(xmlNodePtr n, const char *name)
{
    sv_date d = SV_NODATE;
    xmlChar *v = n ? xmlGetProp(n, BAD_CAST name) : NULL;
    if (!v || sv_date_parse((const char *)v, &d) || strchr((const char *)v, '.')) d = SV_NODATE;
    xmlFree(v);
    return d;
}

static char *text_of(xmlNodePtr n)
{
    xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
    char *s = sv_xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* --- reading values as their XSD types allow ------------------------------------------ */

static const char *const BOOLEANS[] = {"behov", "brukt", "egenstudier", "informert", "planendret", NULL};

static int is_boolean_attr(xmlAttrPtr a)
{
    xmlNodePtr el = a->parent;
    for (int i = 0; BOOLEANS[i]; i++)
        if (!xmlStrcmp(a->name, BAD_CAST BOOLEANS[i])) {
            /* tiltak/@behov is a reference, not a boolean */
            return !(is_el(el, "tiltak") && !strcmp(BOOLEANS[i], "behov"));
        }
    return 0;
}

/* "2026-01-31Z", "2026-01-31+01:00": an xs:date with a time zone, reduced to its day. */
static int date_with_zone(const char *v, size_t len)
{
    if (len < 11) return 0;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? v[i] != '-' : !isdigit((unsigned char)v[i])) return 0;
    const char *z = v + 10;
    if (!strcmp(z, "Z")) return 1;
    return (z[0] == '+' || z[0] == '-') && isdigit((unsigned char)z[1]) && isdigit((unsigned char)z[2]) && z[3] == ':' &&
           isdigit((unsigned char)z[4]) && isdigit((unsigned char)z[5]) && !z[6];
}

static void normalize(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            xmlChar *raw = xmlNodeGetContent((xmlNodePtr)a);
            if (!raw) continue;
            const char *s = (const char *)raw;
            while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
            size_t len = strlen(s);
            while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r')) len--;
            char v[64];
            if (len < sizeof v && (is_boolean_attr(a) || date_with_zone(s, len) || len != strlen((const char *)raw))) {
                memcpy(v, s, len);
                v[len] = '\0';
                if (is_boolean_attr(a)) {
                    if (!strcmp(v, "1")) strcpy(v, "true");
                    else if (!strcmp(v, "0")) strcpy(v, "false");
                } else if (date_with_zone(v, len)) {
                    v[10] = '\0';
                }
                if (strcmp(v, (const char *)raw)) xmlSetProp(n, a->name, BAD_CAST v);
            }
            xmlFree(raw);
        }
        normalize(n->children);
    }
}

/* --- figures ---------------------------------------------------------------------------- */

static void finding(dctx *d, const char *field, const char *declared, const char *derived)
{
    xmlNodePtr f = xmlNewChild(d->root, d->ans, BAD_CAST "avvik", NULL);
    xmlNewProp(f, BAD_CAST "felt", BAD_CAST field);
    xmlNewProp(f, BAD_CAST "oppgitt", BAD_CAST declared);
    xmlNewProp(f, BAD_CAST "avledet", BAD_CAST derived);
    d->findings++;
}

/* Declared and derived agree: the same date, the same number, or the same text. */
static int same(const char *declared, const char *derived)
{
    sv_date a, b;
    if (!sv_date_parse(declared, &a) && !sv_date_parse(derived, &b) && a != SV_NODATE) return a == b;
    char *end1, *end2;
    double x = strtod(declared, &end1), y = strtod(derived, &end2);
    if (end1 != declared && !*end1 && end2 != derived && !*end2) return x - y < 0.05 && y - x < 0.05;
    return !strcmp(declared, derived);
}

/* Sets n/@attr to the derived value (NULL: it cannot be derived from the document, so the
 * attribute goes), with a finding when the document declared something else. */
static void figure(dctx *d, xmlNodePtr n, const char *attr, const char *path, const char *derived)
{
    xmlChar *old = xmlGetProp(n, BAD_CAST attr);
    if (old && (!derived || !same((const char *)old, derived)))
        finding(d, path, (const char *)old, derived ? derived : _("kan ikke utledes av dokumentet"));
    xmlFree(old);
    if (derived) xmlSetProp(n, BAD_CAST attr, BAD_CAST derived);
    else xmlUnsetProp(n, BAD_CAST attr);
}

static const char *fmt_int(char *buf, long v, int ok)
{
    if (!ok) return NULL;
    snprintf(buf, 24, "%ld", v);
    return buf;
}

static const char *fmt_date(char *buf, sv_date t)
{
    if (t == SV_NODATE) return NULL;
    sv_date_iso(t, buf);
    return buf;
}

static const char *fmt_hours(char *buf, int tenths)
{
    snprintf(buf, 24, "%d.%d", tenths / 10, tenths % 10);
    return buf;
}

static int tenths(xmlNodePtr n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST attr);
    double h = v ? strtod((const char *)v, NULL) : 0;
    xmlFree(v);
    return (int)(h * 10 + (h >= 0 ? 0.5 : -0.5));
}

static void derive_part(dctx *d, sv_date on)
{
    xmlNodePtr part = child(d->root, "part"), plan = child(d->root, "plan");
    if (!part) return;
    char buf[24];
    sv_date permit = date_attr(part, "oppholdstillatelse");
    /* the law follows from the permit date (integreringsloven § 51) */
    xmlNodePtr lov = child(d->root, "lov");
    if (lov && permit != SV_NODATE) {
        const char *law = sv_law_code(sv_fig_law(permit));
        xmlChar *declared = xmlGetProp(lov, BAD_CAST "navn");
        if (declared && strcmp((const char *)declared, law)) {
            finding(d, "lov", (const char *)declared, law);
            xmlSetProp(lov, BAD_CAST "navn", BAD_CAST law);
        }
        xmlFree(declared);
    }
    figure(d, part, "planfrist", "part/@planfrist",
           fmt_date(buf, sv_fig_plan_due(permit, date_attr(part, "bosatt"), date_attr(part, "krav"))));
    char *fnr = text_of(child(part, "fodselsnummer"));
    sv_date birth = SV_NODATE, ref = plan && date_attr(plan, "start") != SV_NODATE ? date_attr(plan, "start") : on;
    sv_err ignore;
    if (sv_fnr_check(fnr, &birth, NULL, &ignore) != SV_OK) birth = SV_NODATE;
    free(fnr);
    int age = sv_fig_age(birth, ref);
    figure(d, part, "alder", "part/@alder", fmt_int(buf, age, age >= 0));
}

static int work_oriented(xmlNodePtr t)
{
    xmlChar *o = xmlGetProp(t, BAD_CAST "orientering");
    int w = o && (!xmlStrcmp(o, BAD_CAST "arbeid") || !xmlStrcmp(o, BAD_CAST "begge"));
    xmlFree(o);
    return w;
}

/* The granted leave the plan states (<plan><permisjon>), as periods; whether a period
 * interrupts the programme follows from its kind (templates/permisjon.txt), not from what the
 * document says of it. Caller frees. */
static sv_period *leave_periods(dctx *d, xmlNodePtr plan, int *n)
{
    int cap = 0, k = 0;
    for (xmlNodePtr l = plan->children; l; l = l->next) cap += is_el(l, "permisjon");
    sv_period *p = sv_xmalloc(sizeof *p * (size_t)(cap ? cap : 1));
    char path[64];
    for (xmlNodePtr l = plan->children; l; l = l->next) {
        if (!is_el(l, "permisjon")) continue;
        xmlChar *type = xmlGetProp(l, BAD_CAST "type");
        const sv_leave_kind *kind = type ? sv_leave_kind_get((const char *)type) : NULL;
        xmlFree(type);
        p[k].from = date_attr(l, "fra");
        p[k].to = date_attr(l, "til");
        p[k].prolongs = kind && kind->prolongs;
        k++;
        snprintf(path, sizeof path, "plan/permisjon[%d]/@forlenger", k);
        figure(d, l, "forlenger", path, kind ? (p[k - 1].prolongs ? "true" : "false") : NULL);
    }
    *n = k;
    return p;
}

static void derive_plan(dctx *d)
{
    xmlNodePtr plan = child(d->root, "plan");
    if (!plan) return;
    char buf[24], path[64];
    sv_date start = date_attr(plan, "start"), end = date_attr(plan, "slutt");
    int nleave;
    sv_period *leave = leave_periods(d, plan, &nleave);
    int months = sv_fig_programme_months(start, end, leave, nleave);
    figure(d, plan, "maneder", "plan/@maneder", fmt_int(buf, months, months >= 0));
    xmlChar *ss = xmlGetProp(plan, BAD_CAST "egenstudier");
    int selfstudy = ss && !xmlStrcmp(ss, BAD_CAST "true");
    xmlFree(ss);
    figure(d, plan, "norm", "plan/@norm", fmt_hours(buf, sv_fig_norm(selfstudy)));
    sv_date prev_end = start != SV_NODATE ? start - 1 : SV_NODATE;
    int nr = 0;
    for (xmlNodePtr f = plan->children; f; f = f->next) {
        if (!is_el(f, "fase")) continue;
        nr++;
        int hours = 0, work = 0;
        for (xmlNodePtr t = f->children; t; t = t->next) {
            if (!is_el(t, "tiltak")) continue;
            int h = tenths(t, "timer");
            hours += h;
            if (work_oriented(t)) work += h;
        }
        snprintf(path, sizeof path, "plan/fase[%d]/@timer", nr);
        figure(d, f, "timer", path, fmt_hours(buf, hours));
        snprintf(path, sizeof path, "plan/fase[%d]/@arbeidstimer", nr);
        figure(d, f, "arbeidstimer", path, fmt_hours(buf, work));
        sv_date from = date_attr(f, "fra"), to = date_attr(f, "til");
        snprintf(path, sizeof path, "plan/fase[%d]/@opphold", nr);
        int known = prev_end != SV_NODATE && from != SV_NODATE;
        figure(d, f, "opphold", path, fmt_int(buf, known ? sv_fig_gap(prev_end, from, leave, nleave) : 0, known));
        if (to != SV_NODATE) prev_end = to;
    }
    free(leave);
}

/* History: what happened after the decision is not its history, and neither is anything
 * after the as-of date; the months since the last decision or review follow from the rest. */
static void derive_history(dctx *d, sv_date on)
{
    xmlNodePtr h = child(d->root, "historikk");
    if (!h) return;
    sv_date last = SV_NODATE;
    for (xmlNodePtr n = h->children, next; n; n = next) {
        next = n->next;
        if (!is_el(n, "vedtak") && !is_el(n, "vurdering")) continue;
        sv_date t = date_attr(n, "dato");
        if (t == SV_NODATE || t > on) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
            continue;
        }
        if (last == SV_NODATE || t > last) last = t;
    }
    char buf[24];
    int m = sv_fig_months_since(last, on);
    figure(d, h, "maneder-siden-vurdering", "historikk/@maneder-siden-vurdering", fmt_int(buf, m, m >= 0));
}

static void derive_notice(dctx *d, sv_date as_of)
{
    xmlNodePtr u = child(d->root, "underretning");
    if (!u) return;
    sv_date on = date_attr(u, "dato");
    if (on != SV_NODATE && as_of != SV_NODATE && on > as_of) {
        xmlUnsetProp(u, BAD_CAST "dato");   /* not yet notified as of that day */
        on = SV_NODATE;
    }
    xmlChar *m = xmlGetProp(u, BAD_CAST "metode");
    int method = m && *m;
    xmlFree(m);
    figure(d, u, "informert", "underretning/@informert", on != SV_NODATE && method ? "true" : "false");
}

static void derived_attr(dctx *d, const char *name, const char *value)
{
    if (!d->derived) d->derived = xmlNewChild(d->root, d->ans, BAD_CAST "avledet", NULL);
    xmlSetProp(d->derived, BAD_CAST name, BAD_CAST value);
}

/* The real time of recording against the decision date: backdating shows. */
static void derive_recorded(dctx *d, sv_date on)
{
    xmlChar *r = xmlGetProp(d->root, BAD_CAST "registrert");
    if (!r) return;
    char day[11];
    snprintf(day, sizeof day, "%s", (const char *)r);
    xmlFree(r);
    sv_date t;
    if (sv_date_parse(day, &t) || t == SV_NODATE) return;
    char buf[24];
    derived_attr(d, "registrert-dager", fmt_int(buf, t - on, 1));
}

static void derive_justification(dctx *d)
{
    xmlNodePtr b = child(d->root, "begrunnelse"), f = child(d->root, "fakta");
    char *text = text_of(child(b, "hensyn"));
    const char *facts[64];
    char *own[64];
    int n = 0;
    xmlNodePtr k = child(f, "kartlegging");
    const char *parts[] = {"utdanning", "arbeidserfaring", "kompetanse"};
    for (int i = 0; i < 3 && n < 64; i++) {
        own[n] = text_of(child(k, parts[i]));
        facts[n] = own[n];
        n++;
    }
    xmlNodePtr kv = child(k, "karriereveiledning");
    if (kv && n < 64) {
        own[n] = text_of(kv);
        facts[n] = own[n];
        n++;
    }
    for (xmlNodePtr x = f ? f->children : NULL; x && n < 64; x = x->next)
        if (is_el(x, "behov")) {
            own[n] = text_of(x);
            facts[n] = own[n];
            n++;
        }
    char buf[24];
    derived_attr(d, "hensyn-substans", fmt_int(buf, sv_text_substance(text), 1));
    xmlNodePtr plan = child(d->root, "plan");
    if (plan) {
        char *goal = text_of(child(plan, "sluttmal"));
        derived_attr(d, "sluttmal-konkret", sv_text_is_stand_in(goal) ? "false" : "true");
        free(goal);
    }
    derived_attr(d, "hensyn-kartlegging", sv_text_refers_to_assessment(text, facts, n) ? "true" : "false");
    for (int i = 0; i < n; i++) free(own[i]);
    free(text);
}

int sv_vedtak_derive(xmlDocPtr doc, const sv_derive_opts *o, sv_err *e)
{
    dctx d = {.doc = doc, .root = xmlDocGetRootElement(doc)};
    if (!d.root) return sv_err_set(e, SV_EINVAL, "xml", _("Dokumentet er tomt")), -1;
    normalize(d.root);
    sv_date on = date_attr(d.root, "dato"), as_of = o ? o->as_of : SV_NODATE;
    if (on == SV_NODATE) return sv_err_set(e, SV_EINVAL, "dato", _("Vedtaket har ingen gyldig vedtaksdato")), -1;
    if (as_of != SV_NODATE && on > as_of) {
        char a[11], b[11];
        sv_date_nor(on, a);
        sv_date_nor(as_of, b);
        return sv_err_set(e, SV_EINVAL, "dato", _("Vedtaket er datert %s, etter kontrolldatoen %s; det kan ikke kontrolleres per den dagen"),
                          a, b), -1;
    }
    /* findings from an earlier pass are the program's own, never the document's */
    for (xmlNodePtr n = d.root->children, next; n; n = next) {
        next = n->next;
        if (n->type == XML_ELEMENT_NODE && n->ns && !xmlStrcmp(n->ns->href, BAD_CAST SV_DERIVED_NS)) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
    }
    d.ans = xmlSearchNsByHref(doc, d.root, BAD_CAST SV_DERIVED_NS);
    if (!d.ans) d.ans = xmlNewNs(d.root, BAD_CAST SV_DERIVED_NS, BAD_CAST "a");
    derive_part(&d, on);
    derive_plan(&d);
    derive_history(&d, on);
    derive_notice(&d, as_of);
    derive_recorded(&d, on);
    derive_justification(&d);
    sv_vedtak_derive_kind(d.root, d.ans, &d.derived);   /* stop and leave periods (core/vedtak_kind.c) */
    return d.findings;
}

/* --- the substance of a text -------------------------------------------------------------- */

/* Words that carry no reasons of their own, in strcmp (byte) order for bsearch; the checklist
 * looks at every justification of the country, so this is on its hot path. */
static const char *const FILLER[] = {
    "at", "av", "bla", "blabla", "ble", "bli", "blir", "bra", "da", "de", "deltakar", "deltakaren", "deltaker",
    "deltakeren", "den", "denne", "der", "det", "dette", "disse", "ei", "eller", "en", "er", "et", "etc", "fin",
    "fint", "for", "fra", "god", "gode", "godt", "han", "har", "her", "hun", "i", "ikke", "ikkje", "inn", "kan",
    "kommunen", "med", "men", "no", "nå", "og", "også", "ok", "om", "opp", "osv", "plan", "planen", "programmet",
    "på", "seg", "sin", "sine", "sitt", "skal", "som", "så", "til", "ut", "vere", "vert", "vil", "være", "å"};
enum { NFILLER = sizeof FILLER / sizeof FILLER[0] };

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_filler(const char *w)
{
    return bsearch(&w, FILLER, NFILLER, sizeof *FILLER, by_str) != NULL;
}

int sv_text_filler_sorted(void)
{
    for (int i = 1; i < NFILLER; i++)
        if (strcmp(FILLER[i - 1], FILLER[i]) >= 0) return 0;
    return 1;
}

/* Splits text into lowercase words (ASCII letters folded; other UTF-8 bytes kept) and calls
 * cb for each. */
typedef void (*word_cb)(const char *w, size_t len, void *ctx);

static void words(const char *s, word_cb cb, void *ctx)
{
    char w[128];
    size_t n = 0;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        int letter = isalnum(c) || c >= 0x80;
        if (letter && n < sizeof w - 1) {
            w[n++] = (char)tolower(c);
            continue;
        }
        if (letter) continue;
        if (n) {
            w[n] = '\0';
            cb(w, n, ctx);
            n = 0;
        }
        if (!c) break;
    }
}

/* The distinct words of a text that carry content (no filler), sorted. One arena for the words and one array of pointers, both
 * sized by the text, instead of an allocation per word. */
typedef struct {
    char *arena;
    size_t used;
    char **w;
    int n;
} wordset;

/* 1 when w is one of the words of name (lowercased, words separated by anything else). */
static int in_name(const char *name, const char *w, size_t len)
{
    for (const char *p = name; p && (p = strstr(p, w)); p += len) {
        unsigned char a = p > name ? (unsigned char)p[-1] : ' ', b = (unsigned char)p[len];
        if (!(isalnum(a) || a >= 0x80) && !(isalnum(b) || b >= 0x80)) return 1;
    }
    return 0;
}

static void add_word(const char *w, size_t len, void *ctx)
{
    wordset *s = ctx;
    if (is_filler(w)) return;
    char *dst = s->arena + s->used;
    memcpy(dst, w, len + 1);
    s->used += len + 1;
    s->w[s->n++] = dst;
}

static void wordset_fill(wordset *s, const char *text)
{
    size_t len = strlen(text);
    /* every word is at least one byte followed by a separator (or the end) */
    s->arena = sv_xmalloc(len + 1);
    s->w = sv_xmalloc(sizeof *s->w * (len / 2 + 1));
    s->used = 0;
    s->n = 0;
    words(text, add_word, s);
    qsort(s->w, (size_t)s->n, sizeof *s->w, by_str);
    int k = 0;
    for (int i = 0; i < s->n; i++)
        if (!k || strcmp(s->w[i], s->w[k - 1])) s->w[k++] = s->w[i];
    s->n = k;
}

static void wordset_free(wordset *s)
{
    free(s->arena);
    free(s->w);
}

static int wordset_substance(const wordset *s)
{
    int chars = 0;
    for (int i = 0; i < s->n; i++) chars += (int)strlen(s->w[i]) + 1;
    return chars > 0 ? chars - 1 : 0;
}

int sv_text_substance(const char *text)
{
    wordset s;
    wordset_fill(&s, text ? text : "");
    int n = wordset_substance(&s);
    wordset_free(&s);
    return n;
}

/* Words that name the assessment's parts. */
static const char *const ASSESSMENT_WORDS[] = {
    "utdanning", "utdanninga", "skolegang", "skulegang", "arbeidserfaring", "arbeidsrøynsle", "yrkeserfaring",
    "erfaring", "erfaringa", "kartlegging", "kartlegginga", "kartleggingen", "behov", "behovet", "opplæringsbehov",
    "ønsker", "ønskjer", "ønske", "ønsket", "kompetanse", "kompetansen", "karriereveiledning", "karriererettleiing",
    "bakgrunn", "bakgrunnen", NULL};

typedef struct {
    const char *const *facts;
    int nfacts;
    int hit;
} refer;

static void fact_word(const char *w, size_t len, void *ctx)
{
    refer *r = ctx;
    if (r->hit) return;
    for (int i = 0; ASSESSMENT_WORDS[i]; i++)
        if (!strcmp(ASSESSMENT_WORDS[i], w)) {
            r->hit = 1;
            return;
        }
    if (len < 6 || is_filler(w)) return;
    /* a substantial word of the participant's own facts (education, work, needs) */
    for (int i = 0; i < r->nfacts; i++) {
        const char *f = r->facts[i];
        for (const char *p = f; *p; p++) {
            if (strncasecmp(p, w, len)) continue;
            unsigned char before = p > f ? (unsigned char)p[-1] : ' ';
            if (isalnum(before) || before >= 0x80) continue;
            r->hit = 1;
            return;
        }
    }
}

int sv_text_refers_to_assessment(const char *text, const char *const *facts, int nfacts)
{
    refer r = {facts, nfacts, 0};
    words(text ? text : "", fact_word, &r);
    return r.hit;
}

/* The stand-in goal texts, read once from templates/plassholdere.txt. */
static char **g_stand_in;
static int g_nstand_in = -1;

static void load_stand_ins(void)
{
    g_nstand_in = 0;
    char path[4096];
    if (sv_template_path("plassholdere.txt", path, sizeof path)) return;
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (!n || line[0] == '#') continue;
        g_stand_in = sv_xrealloc(g_stand_in, sizeof *g_stand_in * (size_t)(g_nstand_in + 1));
        g_stand_in[g_nstand_in++] = sv_xstrdup(line);
    }
    fclose(f);
}

typedef struct {
    int content;
} goal_words;

static void goal_word(const char *w, size_t len, void *ctx)
{
    (void)len;
    goal_words *g = ctx;
    if (!is_filler(w)) g->content++;
}

int sv_text_is_stand_in(const char *text)
{
    if (g_nstand_in < 0) load_stand_ins();
    const char *s = text ? text : "";
    while (*s && (isspace((unsigned char)*s) || strchr(".,:;!\"'«»()", *s))) s++;
    size_t n = strlen(s);
    while (n && (isspace((unsigned char)s[n - 1]) || strchr(".,:;!\"'«»()", s[n - 1]))) n--;
    for (int i = 0; i < g_nstand_in; i++)
        if (strlen(g_stand_in[i]) == n && !strncasecmp(g_stand_in[i], s, n)) return 1;
    goal_words g = {0};
    words(text ? text : "", goal_word, &g);
    return g.content < 2;
}

static void lower_word(const char *w, size_t len, void *ctx)
{
    sv_buf *b = ctx;
    sv_buf_addn(b, w, len);
    sv_buf_add(b, " ");
}

unsigned long long sv_text_fingerprint(const char *text, const char *name)
{
    wordset s;
    wordset_fill(&s, text ? text : "");
    unsigned long long h = 0;
    if (wordset_substance(&s) >= 40) {
        sv_buf lname;
        sv_buf_init(&lname);
        words(name ? name : "", lower_word, &lname);
        h = 1469598103934665603ULL;
        for (int i = 0; i < s.n; i++) {
            /* the participant's own name is not what makes a text someone else's */
            if (lname.s && in_name(lname.s, s.w[i], strlen(s.w[i]))) continue;
            for (const char *p = s.w[i]; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
            h = (h ^ ' ') * 1099511628211ULL;
        }
        sv_buf_free(&lname);
        if (!h) h = 1;
    }
    wordset_free(&s);
    return h;
}
