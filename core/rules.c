/* Loading rule sets from templates/rules/ and evaluating them with libxml2's XPath engine.
 * Expressions are compiled once at load, so a broken rule is reported when the file is read,
 * and checking thousands of documents does not re-parse them. */
#include "rules.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xpathInternals.h>

#include "derive.h"
#include "paths.h"
#include "i18n.h"
#include "xmlsafe.h"

const char *const SV_APPEAL_PARTS[6] = {"klagerett", "klagefrist", "hvor", "hvordan", "klageinstans", "innsyn"};

static int is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && !xmlStrcmp(n->ns->href, BAD_CAST SV_RULES_NS) &&
           !xmlStrcmp(n->name, BAD_CAST name);
}

static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v) return NULL;
    char *s = sv_xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

/* Element text with surrounding white space removed. */
static char *text(xmlNodePtr n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *s = v ? (const char *)v : "";
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' || s[len - 1] == '\r')) len--;
    char *out = sv_xmalloc(len + 1);
    memcpy(out, s, len);
    out[len] = '\0';
    xmlFree(v);
    return out;
}

/* 1 when the element (or an ancestor) says xml:lang="nn". */
static int nynorsk(xmlNodePtr n)
{
    xmlChar *l = xmlNodeGetLang(n);
    int nn = l && !xmlStrncmp(l, BAD_CAST "nn", 2);
    xmlFree(l);
    return nn;
}

static int parse_date_attr(xmlNodePtr n, const char *name, sv_date *d)
{
    char *v = attr(n, name);
    *d = SV_NODATE;
    int rc = v && *v ? sv_date_parse(v, d) : 0;
    free(v);
    return rc;
}

static void quiet(void *ctx, const xmlError *err)
{
    (void)ctx;
    (void)err;
}

static xmlXPathCompExprPtr compile(const char *expr, const char *path, const char *rule, sv_err *e)
{
    /* libxml2 would print its own message on stderr; ours names the file and the rule */
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)quiet);
    xmlXPathCompExprPtr c = xmlXPathCompile(BAD_CAST expr);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!c) sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: regel %s har et ugyldig XPath-uttrykk: %s"), path, rule, expr);
    return c;
}

static int load_rule(sv_ruleset *rs, xmlNodePtr n, sv_err *e)
{
    rs->rules = sv_xrealloc(rs->rules, sizeof *rs->rules * (size_t)(rs->nrules + 1));
    sv_rule *r = &rs->rules[rs->nrules++];
    memset(r, 0, sizeof *r);
    r->id = attr(n, "id");
    r->control = attr(n, "kontroll");
    r->field = attr(n, "felt");
    char *sev = attr(n, "alvor");
    const char *id = r->id ? r->id : "(uten id)";
    if (!r->id || !r->control || !sev || (strcmp(sev, "brudd") && strcmp(sev, "merknad"))) {
        free(sev);
        return sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: regel %s mangler id, kontroll eller alvor (brudd|merknad)"),
                          rs->path, id);
    }
    r->severity = !strcmp(sev, "brudd") ? SV_SEV_VIOLATION : SV_SEV_REMARK;
    free(sev);
    char *late = attr(n, "forsinkelse");
    r->late_ok = late && !strcmp(late, "tillatt");
    free(late);
    char *after = attr(n, "oppfylles");
    r->after_ok = after && !strcmp(after, "etter");
    free(after);
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (is(k, "hjemmel")) r->ref = text(k);
        else if (is(k, "melding")) {
            /* the nynorsk form (xml:lang="nn") replaces the bokmål one on nynorsk screens */
            int nn = nynorsk(k);
            if (!nn && !r->message) r->message = text(k);
            else if (nn && sv_i18n_ui() == SV_NN && !r->message_nn) r->message_nn = text(k);
        }
        else if (is(k, "gjelder")) {
            r->applies = text(k);
            if (!(r->comp_applies = compile(r->applies, rs->path, id, e))) return e->code;
        } else if (is(k, "test")) {
            r->tests = sv_xrealloc(r->tests, sizeof *r->tests * (size_t)(r->ntests + 1));
            sv_rule_test *t = &r->tests[r->ntests++];
            memset(t, 0, sizeof *t);
            t->expr = text(k);
            t->evidence = attr(k, "bevis");
            if (!(t->comp = compile(t->expr, rs->path, id, e))) return e->code;
            if (t->evidence && !(t->comp_ev = compile(t->evidence, rs->path, id, e))) return e->code;
        }
    }
    if (!r->ref || !r->message || !r->ntests)
        return sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: regel %s mangler hjemmel, melding eller test"), rs->path, id);
    if (r->message_nn) {
        free(r->message);
        r->message = r->message_nn;
        r->message_nn = NULL;
    }
    r->question = sv_ruleset_question(rs, r->control, sv_i18n_ui() == SV_NN);
    if (!r->question)
        return sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: regel %s viser til kontrollspørsmål %s som ikke finnes"),
                          rs->path, id, r->control);
    for (int i = 0; i < rs->nrules - 1; i++)
        if (!strcmp(rs->rules[i].id, r->id))
            return sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: regel-id %s finnes to ganger"), rs->path, id);
    return SV_OK;
}

static int load_appeal(sv_ruleset *rs, xmlNodePtr n)
{
    char **parts = nynorsk(n) ? rs->appeal_nn : rs->appeal;
    char *w = attr(n, "uker");
    if (parts == rs->appeal) rs->appeal_weeks = w ? atoi(w) : 0;
    free(w);
    for (xmlNodePtr k = n->children; k; k = k->next)
        for (int i = 0; i < 6; i++)
            if (is(k, SV_APPEAL_PARTS[i]) && !parts[i]) parts[i] = text(k);
    return parts == rs->appeal_nn || rs->appeal_weeks > 0 ? 0 : -1;
}

static int add_ref(sv_legal_ref **refs, int *n, xmlNodePtr node)
{
    *refs = sv_xrealloc(*refs, sizeof **refs * (size_t)(*n + 1));
    (*refs)[*n].ref = attr(node, "paragraf");
    (*refs)[*n].text = text(node);
    (*refs)[*n].kind = attr(node, "vedtakstype");
    return (*refs)[(*n)++].ref ? 0 : -1;
}

int sv_ruleset_refs(const sv_ruleset *rs, int nn, const sv_legal_ref **refs)
{
    *refs = nn && rs->nrefs_nn ? rs->refs_nn : rs->refs;
    return nn && rs->nrefs_nn ? rs->nrefs_nn : rs->nrefs;
}

const char *sv_ruleset_appeal(const sv_ruleset *rs, int nn, int part)
{
    return nn && rs->appeal_nn[part] ? rs->appeal_nn[part] : rs->appeal[part];
}

const char *sv_ruleset_question(const sv_ruleset *rs, const char *id, int nn)
{
    for (int i = 0; i < rs->ncontrols; i++)
        if (!strcmp(rs->controls[i].id, id))
            return nn && rs->controls[i].question_nn ? rs->controls[i].question_nn : rs->controls[i].question;
    return NULL;
}

int sv_ruleset_load(const char *path, sv_ruleset **out, sv_err *e)
{
    *out = NULL;
    char why[SV_ERR_MAX];
    size_t len;
    char *buf = sv_xml_slurp(path, &len, why, sizeof why);
    xmlDocPtr doc = buf ? sv_xml_parse_safe(buf, len, path, why, sizeof why) : NULL;
    /* FNV-1a over the file's bytes, as read for parsing */
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; doc && i < len; i++) h = (h ^ (unsigned char)buf[i]) * 1099511628211ULL;
    free(buf);
    if (!doc) return sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen kan ikke brukes: %s"), why);
    sv_ruleset *rs = sv_xcalloc(1, sizeof *rs);
    rs->path = sv_xstrdup(path);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    int rc = SV_OK;
    if (!root || !is(root, "regelsett")) {
        rc = sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: rotelementet skal være regelsett i %s"), path, SV_RULES_NS);
        goto done;
    }
    rs->law = attr(root, "lov");
    rs->version = attr(root, "versjon");
    snprintf(rs->digest, sizeof rs->digest, "%.40s:%016llx", rs->version ? rs->version : "", h);
    if (!rs->law || !rs->version || parse_date_attr(root, "fra", &rs->from) || rs->from == SV_NODATE ||
        parse_date_attr(root, "til", &rs->to)) {
        rc = sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: regelsett trenger lov, versjon og fra (åååå-mm-dd)"), path);
        goto done;
    }
    /* Control questions first, so rules anywhere in the file can refer to them. */
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (!is(n, "kontroll") || nynorsk(n)) continue;
        rs->controls = sv_xrealloc(rs->controls, sizeof *rs->controls * (size_t)(rs->ncontrols + 1));
        sv_control *c = &rs->controls[rs->ncontrols++];
        c->id = attr(n, "id");
        c->question = text(n);
        c->question_nn = NULL;
        if (!c->id) {
            rc = sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: kontroll uten id"), path);
            goto done;
        }
    }
    for (xmlNodePtr n = root->children; n && rc == SV_OK; n = n->next) {
        if (is(n, "kontroll") && nynorsk(n)) {
            char *id = attr(n, "id");
            for (int i = 0; id && i < rs->ncontrols; i++)
                if (!strcmp(rs->controls[i].id, id) && !rs->controls[i].question_nn) rs->controls[i].question_nn = text(n);
            free(id);
        } else if (is(n, "regel")) rc = load_rule(rs, n, e);
        else if (is(n, "vedtakshjemmel")) {
            if (nynorsk(n) ? add_ref(&rs->refs_nn, &rs->nrefs_nn, n) : add_ref(&rs->refs, &rs->nrefs, n))
                rc = sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: vedtakshjemmel uten paragraf"), path);
        } else if (is(n, "klage") && load_appeal(rs, n))
            rc = sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: klage trenger uker (klagefristen)"), path);
    }
    for (int i = 0; i < 6 && rc == SV_OK; i++)
        if (!rs->appeal[i])
            rc = sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s: klage mangler %s"), path, SV_APPEAL_PARTS[i]);
    if (rc == SV_OK && !rs->nrules) rc = sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s har ingen regler"), path);
done:
    xmlFreeDoc(doc);
    if (rc) sv_ruleset_free(rs);
    else *out = rs;
    return rc;
}

void sv_ruleset_free(sv_ruleset *rs)
{
    if (!rs) return;
    for (int i = 0; i < rs->nrules; i++) {
        sv_rule *r = &rs->rules[i];
        for (int j = 0; j < r->ntests; j++) {
            free(r->tests[j].expr);
            free(r->tests[j].evidence);
            xmlXPathFreeCompExpr(r->tests[j].comp);
            xmlXPathFreeCompExpr(r->tests[j].comp_ev);
        }
        free(r->tests);
        free(r->id);
        free(r->control);
        free(r->ref);
        free(r->field);
        free(r->message);
        free(r->message_nn);
        free(r->applies);
        xmlXPathFreeCompExpr(r->comp_applies);
    }
    for (int i = 0; i < rs->ncontrols; i++) {
        free(rs->controls[i].id);
        free(rs->controls[i].question);
        free(rs->controls[i].question_nn);
    }
    for (int i = 0; i < rs->nrefs; i++) {
        free(rs->refs[i].ref);
        free(rs->refs[i].text);
        free(rs->refs[i].kind);
    }
    for (int i = 0; i < rs->nrefs_nn; i++) {
        free(rs->refs_nn[i].ref);
        free(rs->refs_nn[i].text);
        free(rs->refs_nn[i].kind);
    }
    free(rs->refs_nn);
    for (int i = 0; i < 6; i++) {
        free(rs->appeal[i]);
        free(rs->appeal_nn[i]);
    }
    free(rs->controls);
    free(rs->refs);
    free(rs->rules);
    free(rs->law);
    free(rs->version);
    free(rs->path);
    free(rs);
}

/* The rule files, listed once and each loaded when it is first needed: a letter needs the set
 * of its own law and date (its appeal weeks), and loading every law's set took a tenth of the
 * letter's time. A file's law and first day are read from its root element alone, with
 * libxml2's streaming reader, to choose it; the set is then loaded and checked as a whole. */
typedef struct {
    char *path, *law;
    sv_date from;
    int known;             /* law and from known, from the root element or the loaded set */
    sv_ruleset *set;
} rfile;
static rfile *g_files;
static int g_nfiles = -1;
static sv_ruleset **g_sets;   /* every set, once sv_rules_all has loaded them all */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The law and first day of a rule file from its root element's attributes, or 0 (the file is
 * then loaded whole, which reports what is wrong with it). No DTD is loaded, nothing fetched. */
static int read_header(rfile *f)
{
    xmlTextReaderPtr r = xmlReaderForFile(f->path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r) return 0;
    int ok = 0;
    while (xmlTextReaderRead(r) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) continue;
        xmlChar *law = xmlTextReaderGetAttribute(r, BAD_CAST "lov"), *from = xmlTextReaderGetAttribute(r, BAD_CAST "fra");
        const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
        if (law && from && ns && !xmlStrcmp(ns, BAD_CAST SV_RULES_NS) &&
            !xmlStrcmp(xmlTextReaderConstLocalName(r), BAD_CAST "regelsett") &&
            sv_date_parse((const char *)from, &f->from) == 0 && f->from != SV_NODATE) {
            f->law = sv_xstrdup((const char *)law);
            ok = 1;
        }
        xmlFree(law);
        xmlFree(from);
        break;
    }
    xmlFreeTextReader(r);
    return ok;
}

static int list_files(sv_err *e)
{
    if (g_nfiles >= 0) return SV_OK;
    char dir[4096];
    if (sv_template_path("rules", dir, sizeof dir))
        return sv_err_set(e, SV_EIO, "rules", _("Stien til regelfilene er for lang"));
    DIR *d = opendir(dir);
    if (!d) return sv_err_set(e, SV_EIO, "rules", _("Finner ikke regelfilene i %s"), dir);
    char **names = NULL;
    int nn = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".xml")) continue;
        names = sv_xrealloc(names, sizeof *names * (size_t)(nn + 1));
        names[nn++] = sv_xstrdup(de->d_name);
    }
    closedir(d);
    if (!nn) return sv_err_set(e, SV_EIO, "rules", _("Ingen regelfiler i %s"), dir);
    qsort(names, (size_t)nn, sizeof *names, by_name);
    g_files = sv_xcalloc((size_t)nn, sizeof *g_files);
    for (int i = 0; i < nn; i++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        g_files[i].path = sv_xstrdup(path);
        g_files[i].known = read_header(&g_files[i]);
        free(names[i]);
    }
    free(names);
    g_nfiles = nn;
    return SV_OK;
}

static int load_file(rfile *f, sv_err *e)
{
    if (f->set) return SV_OK;
    int rc = sv_ruleset_load(f->path, &f->set, e);
    if (rc == SV_OK && f->known && (strcmp(f->law, f->set->law) || f->from != f->set->from))
        rc = sv_err_set(e, SV_EINVAL, "rules", _("Regelfilen %s ble endret mens den ble lest"), f->path);
    if (rc) {
        sv_ruleset_free(f->set);
        f->set = NULL;
    } else if (!f->known) {
        f->law = sv_xstrdup(f->set->law);
        f->from = f->set->from;
        f->known = 1;
    }
    return rc;
}

int sv_rules_all(sv_ruleset *const **sets, int *n, sv_err *e)
{
    if (!g_sets) {
        int rc = list_files(e);
        for (int i = 0; rc == SV_OK && i < g_nfiles; i++) rc = load_file(&g_files[i], e);
        /* the sets loaded stay: sv_rules_for may have handed them out */
        if (rc) return rc;
        g_sets = sv_xcalloc((size_t)g_nfiles, sizeof *g_sets);
        for (int i = 0; i < g_nfiles; i++) g_sets[i] = g_files[i].set;
    }
    *sets = g_sets;
    *n = g_nfiles;
    return SV_OK;
}

void sv_rules_cleanup(void)
{
    for (int i = 0; i < g_nfiles; i++) {
        sv_ruleset_free(g_files[i].set);
        free(g_files[i].path);
        free(g_files[i].law);
    }
    free(g_files);
    free(g_sets);
    g_files = NULL;
    g_sets = NULL;
    g_nfiles = -1;
}

const sv_ruleset *sv_rules_for(const char *law, sv_date on, sv_err *e)
{
    if (list_files(e)) return NULL;
    /* a file whose header could not be read is loaded whole: its error is the answer */
    for (int i = 0; i < g_nfiles; i++)
        if (!g_files[i].known && load_file(&g_files[i], e)) return NULL;
    rfile *best = NULL;
    for (int i = 0; i < g_nfiles; i++) {
        rfile *f = &g_files[i];
        if (strcmp(f->law, law) || (on != SV_NODATE && f->from > on)) continue;
        if (!best || f->from > best->from) best = f;
    }
    if (!best) {
        sv_err_set(e, SV_ENOTFOUND, "rules", _("Ingen regelsett for %s gjelder på vedtaksdatoen"), law);
        return NULL;
    }
    return load_file(best, e) ? NULL : best->set;
}

const char *sv_outcome_label(sv_outcome o)
{
    switch (o) {
    case SV_R_PASS: return "ok";
    case SV_R_NA: return "ikke aktuell";
    case SV_R_REMARK: return "merknad";
    case SV_R_VIOLATION: return "brudd";
    }
    return "?";
}

static int eval_bool(xmlXPathCompExprPtr c, xmlXPathContextPtr ctx, const char *expr, const char *id, sv_err *e)
{
    xmlXPathObjectPtr o = xmlXPathCompiledEval(c, ctx);
    if (!o) {
        sv_err_set(e, SV_EINVAL, "rules", _("Regel %s: uttrykket kunne ikke evalueres: %s"), id, expr);
        return -1;
    }
    int v = xmlXPathCastToBoolean(o);
    xmlXPathFreeObject(o);
    return v;
}

static void evidence(const sv_rule_test *t, xmlXPathContextPtr ctx, char *out, size_t size)
{
    if (t->comp_ev) {
        xmlXPathObjectPtr o = xmlXPathCompiledEval(t->comp_ev, ctx);
        xmlChar *s = o ? xmlXPathCastToString(o) : NULL;
        if (s && *s) snprintf(out, size, "%s", (const char *)s);
        else snprintf(out, size, "mangler");
        xmlFree(s);
        xmlXPathFreeObject(o);
    } else {
        snprintf(out, size, "ikke oppfylt: %s", t->expr);
    }
}

int sv_rules_eval(const sv_ruleset *rs, xmlDocPtr doc, sv_rule_result *res, sv_err *e)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    if (!ctx) return sv_err_set(e, SV_EIO, NULL, _("Tom for minne")), -1;
    xmlXPathRegisterNs(ctx, BAD_CAST "v", BAD_CAST SV_VEDTAK_NS);
    xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST SV_DERIVED_NS);
    ctx->node = xmlDocGetRootElement(doc);
    int violations = 0;
    for (int i = 0; i < rs->nrules; i++) {
        const sv_rule *r = &rs->rules[i];
        sv_rule_result *x = &res[i];
        x->rule = r;
        x->outcome = SV_R_PASS;
        x->evidence[0] = '\0';
        if (r->comp_applies) {
            ctx->node = xmlDocGetRootElement(doc);
            int a = eval_bool(r->comp_applies, ctx, r->applies, r->id, e);
            if (a < 0) goto fail;
            if (!a) {
                x->outcome = SV_R_NA;
                continue;
            }
        }
        for (int j = 0; j < r->ntests; j++) {
            ctx->node = xmlDocGetRootElement(doc);
            int v = eval_bool(r->tests[j].comp, ctx, r->tests[j].expr, r->id, e);
            if (v < 0) goto fail;
            if (v) continue;
            ctx->node = xmlDocGetRootElement(doc);
            evidence(&r->tests[j], ctx, x->evidence, sizeof x->evidence);
            x->outcome = r->severity == SV_SEV_VIOLATION ? SV_R_VIOLATION : SV_R_REMARK;
            if (x->outcome == SV_R_VIOLATION) violations++;
            break;
        }
    }
    xmlXPathFreeContext(ctx);
    return violations;
fail:
    xmlXPathFreeContext(ctx);
    return -1;
}
