/* `check`: decision documents (also from other systems) against the rule set of their law, one
 * line per rule and document; `checklist`: the supervisor's report over the stored cases. */
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/xmlwriter.h>

#include "../core/checklist.h"
#include "../core/results_pdf.h"
#include "../core/vedtak.h"
#include "../core/verdict.h"
#include "cli.h"
#include "../core/i18n.h"

typedef struct {
    int docs, failed, violations, remarks, bad_docs;
    xmlTextWriterPtr xw;       /* --format xml */
    sv_date as_of;             /* evidence after this day is not evidence */
} check_run;

static void xml_doc_error(check_run *r, const char *path, const char *msg)
{
    xmlTextWriterStartElement(r->xw, BAD_CAST "dokument");
    xmlTextWriterWriteAttribute(r->xw, BAD_CAST "fil", BAD_CAST path);
    xmlTextWriterWriteAttribute(r->xw, BAD_CAST "status", BAD_CAST "feil");
    xmlTextWriterWriteElement(r->xw, BAD_CAST "feil", BAD_CAST msg);
    xmlTextWriterEndElement(r->xw);
}

static void check_file(check_run *r, const char *path)
{
    sv_err e;
    sv_err_clear(&e);
    r->docs++;
    xmlDocPtr doc = sv_vedtak_read_file(path, &e);
    sv_verdict vd = {0};
    if (!doc || sv_vedtak_check(doc, r->as_of, &vd, &e)) {
        r->failed++;
        if (r->xw) xml_doc_error(r, path, e.msg);
        else printf(_("%s\tfeil\t%s\n"), path, e.msg);
        xmlFreeDoc(doc);
        return;
    }
    const sv_ruleset *rs = vd.rs;
    sv_rule_result *res = vd.results;
    int v = vd.violations;
    if (r->xw) {
        xmlTextWriterStartElement(r->xw, BAD_CAST "dokument");
        xmlTextWriterWriteAttribute(r->xw, BAD_CAST "fil", BAD_CAST path);
        xmlTextWriterWriteAttribute(r->xw, BAD_CAST "lov", BAD_CAST rs->law);
        xmlTextWriterWriteAttribute(r->xw, BAD_CAST "regelsett", BAD_CAST rs->version);
        xmlTextWriterWriteAttribute(r->xw, BAD_CAST "status", BAD_CAST(v ? "brudd" : "ok"));
    }
    int remarks = 0;
    for (int i = 0; i < rs->nrules; i++) {
        const sv_rule_result *x = &res[i];
        if (x->outcome == SV_R_REMARK) remarks++;
        if (r->xw) {
            xmlTextWriterStartElement(r->xw, BAD_CAST "regel");
            xmlTextWriterWriteAttribute(r->xw, BAD_CAST "id", BAD_CAST x->rule->id);
            xmlTextWriterWriteAttribute(r->xw, BAD_CAST "kontroll", BAD_CAST x->rule->control);
            xmlTextWriterWriteAttribute(r->xw, BAD_CAST "resultat", BAD_CAST sv_outcome_label(x->outcome));
            if (x->outcome == SV_R_VIOLATION || x->outcome == SV_R_REMARK) {
                xmlTextWriterWriteElement(r->xw, BAD_CAST "bevis", BAD_CAST x->evidence);
                xmlTextWriterWriteElement(r->xw, BAD_CAST "melding", BAD_CAST x->rule->message);
            }
            xmlTextWriterEndElement(r->xw);
        } else if (x->outcome == SV_R_VIOLATION || x->outcome == SV_R_REMARK) {
            printf("%s\t%s\t%s\t%s\t%s — %s\n", path, x->rule->id, sv_outcome_label(x->outcome), x->rule->control,
                   x->evidence, x->rule->message);
        } else {
            printf("%s\t%s\t%s\t%s\n", path, x->rule->id, sv_outcome_label(x->outcome), x->rule->control);
        }
    }
    if (r->xw) xmlTextWriterEndElement(r->xw);
    r->violations += v;
    r->remarks += remarks;
    if (v) r->bad_docs++;
    sv_verdict_free(&vd);
    xmlFreeDoc(doc);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder: its *.xml files in name order (not recursive: arkivmelding/ beside them is not
 * decisions). */
static void check_dir(check_run *r, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        r->docs++;
        r->failed++;
        printf(_("%s\tfeil\tmappen kan ikke leses\n"), dir);
        return;
    }
    char **names = NULL;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".xml")) continue;
        names = sv_xrealloc(names, sizeof *names * (size_t)(n + 1));
        size_t sz = strlen(dir) + l + 2;
        names[n] = sv_xmalloc(sz);
        snprintf(names[n++], sz, "%s/%s", dir, de->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, by_name);
    for (int i = 0; i < n; i++) {
        check_file(r, names[i]);
        free(names[i]);
    }
    free(names);
}

/* --as-of DATO: the day a report is judged as of; not after today. */
static int as_of_arg(const char *v, sv_date *out)
{
    sv_err e;
    sv_err_clear(&e);
    if (sv_date_parse(v, out) || *out == SV_NODATE)
        return sv_err_set(&e, SV_EINVAL, "as_of", _("--as-of: «%s» er ikke en gyldig dato (dd.mm.åååå)"), v), cli_fail(&e), 2;
    if (*out > sv_today())
        return sv_err_set(&e, SV_EINVAL, "as_of", _("--as-of: %s er fram i tid; en kontroll kan bare gjelde i dag eller før"), v),
               cli_fail(&e), 2;
    return 0;
}

static const char *check_usage(void)
{
    return _("bruk: stegvis check FIL|MAPPE ... [--format xml] [--as-of DATO]");
}

int cmd_check(sv_cli *c, int argc, char **argv)
{
    (void)c;
    int xml = 0, npaths = 0;
    sv_date as_of = sv_today();
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--as-of") || !strncmp(argv[i], "--as-of=", 8)) {
            const char *v = argv[i][7] == '=' ? argv[i] + 8 : i + 1 < argc ? argv[++i] : "";
            if (as_of_arg(v, &as_of)) return 2;
        } else if (!strcmp(argv[i], "--format") || !strncmp(argv[i], "--format=", 9)) {
            const char *v = argv[i][8] == '=' ? argv[i] + 9 : i + 1 < argc ? argv[++i] : "";
            if (strcmp(v, "xml") && strcmp(v, "text")) return cli_usage(_("--format: «%s» er ikke gyldig (text eller xml)"), v);
            xml = !strcmp(v, "xml");
        } else if (!strcmp(argv[i], "--tsv")) {
            continue;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage(_("ukjent valg «%s»\n%s"), argv[i], check_usage());
        } else {
            npaths++;
        }
    }
    if (!npaths) return cli_usage("%s", check_usage());
    sv_err e;
    sv_err_clear(&e);
    sv_ruleset *const *sets;
    int nsets;
    if (sv_rules_all(&sets, &nsets, &e)) return cli_fail(&e);
    check_run r = {0};
    r.as_of = as_of;
    xmlBufferPtr buf = NULL;
    if (xml) {
        buf = xmlBufferCreate();
        r.xw = xmlNewTextWriterMemory(buf, 0);
        xmlTextWriterSetIndent(r.xw, 1);
        xmlTextWriterStartDocument(r.xw, NULL, "UTF-8", NULL);
        xmlTextWriterStartElement(r.xw, BAD_CAST "kontrollrapport");
        xmlTextWriterWriteAttribute(r.xw, BAD_CAST "xmlns", BAD_CAST "urn:stegvis:kontroll:1");
    }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--format") || !strcmp(argv[i], "--as-of")) {
            i++;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1]) continue;
        struct stat sb;
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) check_dir(&r, argv[i]);
        else check_file(&r, argv[i]);
    }
    if (xml) {
        xmlTextWriterStartElement(r.xw, BAD_CAST "sammendrag");
        xmlTextWriterWriteFormatAttribute(r.xw, BAD_CAST "dokumenter", "%d", r.docs);
        xmlTextWriterWriteFormatAttribute(r.xw, BAD_CAST "med-brudd", "%d", r.bad_docs);
        xmlTextWriterWriteFormatAttribute(r.xw, BAD_CAST "brudd", "%d", r.violations);
        xmlTextWriterWriteFormatAttribute(r.xw, BAD_CAST "merknader", "%d", r.remarks);
        xmlTextWriterWriteFormatAttribute(r.xw, BAD_CAST "feil", "%d", r.failed);
        xmlTextWriterEndDocument(r.xw);
        xmlFreeTextWriter(r.xw);
        fputs((const char *)xmlBufferContent(buf), stdout);
        xmlBufferFree(buf);
    } else {
        char nd[64], nb[64], nv[64], nr[64], nf[64];
        snprintf(nd, sizeof nd, _n("%d dokument", "%d dokumenter", r.docs), r.docs);
        snprintf(nb, sizeof nb, _n("%d med brudd", "%d med brudd", r.bad_docs), r.bad_docs);
        snprintf(nv, sizeof nv, _n("%d brudd i alt", "%d brudd i alt", r.violations), r.violations);
        snprintf(nr, sizeof nr, _n("%d merknad", "%d merknader", r.remarks), r.remarks);
        snprintf(nf, sizeof nf, _n("%d kunne ikke kontrolleres", "%d kunne ikke kontrolleres", r.failed), r.failed);
        printf(_("Sammendrag: %s, %s (%s), %s, %s.\n"), nd, nb, nv, nr, nf);
    }
    sv_vedtak_cleanup();
    sv_rules_cleanup();
    /* 0 sound, 1 a rule broken, 2 usage, 3 a document could not be checked (it says nothing
     * about the law, so a pipeline must not take it as sound) */
    return r.failed ? 3 : r.violations ? 1 : 0;
}

int cmd_checklist(sv_cli *c, int argc, char **argv)
{
    const char *muni_arg = NULL, *pdf = NULL;
    sv_date as_of = sv_today();
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--as-of") || !strncmp(argv[i], "--as-of=", 8)) {
            const char *v = argv[i][7] == '=' ? argv[i] + 8 : i + 1 < argc ? argv[++i] : "";
            if (as_of_arg(v, &as_of)) return 2;
        } else if (!strcmp(argv[i], "--municipality") && i + 1 < argc) muni_arg = argv[++i];
        else if (!strcmp(argv[i], "--pdf") && i + 1 < argc) pdf = argv[++i];
        else if (!strncmp(argv[i], "--municipality=", 15)) muni_arg = argv[i] + 15;
        else if (!strcmp(argv[i], "--tsv")) continue;
        else return cli_usage(_("bruk: stegvis checklist [--municipality KOMMUNENR] [--as-of DATO] [--pdf FIL]"));
    }
    sv_err e;
    sv_err_clear(&e);
    int64_t muni = 0;
    if (muni_arg && !(muni = cli_municipality(c, muni_arg, &e))) return cli_fail(&e);
    sv_checklist cl;
    if (sv_checklist_run(c->st, muni, as_of, &cl, &e)) {
        sv_vedtak_cleanup();
        sv_rules_cleanup();
        return cli_fail(&e);
    }
    if (pdf) {   /* the same report as one page with charts (core/results_pdf.c) */
        char scope[120];
        if (muni_arg) snprintf(scope, sizeof scope, _("kommune %s"), muni_arg);
        else snprintf(scope, sizeof scope, "%s", _("alle kommuner du har tilgang til"));
        int rc = sv_checklist_pdf(&cl, scope, as_of, pdf, &e), found = 0;
        if (rc == SV_OK) printf(_("Sjekklisten er skrevet til %s.\n"), pdf);
        for (int i = 0; i < cl.nitems; i++) found |= cl.items[i].violations > 0;
        sv_checklist_free(&cl);
        sv_vedtak_cleanup();
        sv_rules_cleanup();
        return rc ? cli_fail(&e) : found ? 1 : 0;   /* as without --pdf: 1 when a violation is found */
    }
    char today[11];
    sv_date_nor(as_of, today);
    if (!c->tsv) {
        char ns[64], nd[64];
        snprintf(ns, sizeof ns, _n("%d sak", "%d saker", cl.cases), cl.cases);
        snprintf(nd, sizeof nd, _n("%d vedtak kontrollert", "%d vedtak kontrollert", cl.decisions), cl.decisions);
        printf(_("Tilsynssjekkliste %s: %s, %s%s%s\n"), today, ns, nd, muni_arg ? ", kommune " : "", muni_arg ? muni_arg : "");
        if (cl.appeals)
            printf(_n("%d klage mottatt, talt under kontrollspørsmålene vedtaket gjaldt (forvaltningsloven §§ 28-34)\n",
                      "%d klager mottatt, talt under kontrollspørsmålene vedtakene gjaldt (forvaltningsloven §§ 28-34)\n",
                      cl.appeals), cl.appeals);
    }
    const char *law = "";
    int any = 0;
    for (int i = 0; i < cl.nitems; i++) {
        const sv_check_item *it = &cl.items[i];
        any |= it->violations > 0;
        if (c->tsv) {
            printf("%s\t%s\t%d\t%d\t", it->law, it->control, it->checked, it->violations);
            for (int k = 0; k < it->ncases; k++) printf("%s%" PRId64, k ? "," : "", it->cases[k]);
            printf("\n");
            if (it->appeals) {   /* a row of its own: klage, law, control, appeals, then per class */
                printf("klage\t%s\t%s\t%d", it->law, it->control, it->appeals);
                for (int k = 0; k < SV_CA__COUNT; k++) printf("\t%d", it->appeal_class[k]);
                printf("\n");
            }
            continue;
        }
        if (strcmp(law, it->law)) printf("\n%s\n", law = it->law);
        char nc[64], nv[64];
        snprintf(nc, sizeof nc, _n("%d sak kontrollert", "%d saker kontrollert", it->checked), it->checked);
        snprintf(nv, sizeof nv, _n("%d med brudd", "%d med brudd", it->violations), it->violations);
        printf(_("  %s %s\n     %s, %s (%s)"), it->control, it->question, nc, nv, it->violations ? "NEI" : "JA");
        if (it->remarks) printf(_n(", %d med merknad", ", %d med merknad", it->remarks), it->remarks);
        printf("\n");
        for (int k = 0; k < it->nrules; k++) printf("       %-22s %d\n", it->rules[k].id, it->rules[k].violations);
        if (it->appeals) {
            printf(_n("     %d klage:", "     %d klager:", it->appeals), it->appeals);
            for (int k = 0, first = 1; k < SV_CA__COUNT; k++)
                if (it->appeal_class[k]) {
                    printf("%s %d %s", first ? "" : ",", it->appeal_class[k], sv_check_appeal_label(k));
                    first = 0;
                }
            printf("\n");
        }
        if (it->ncases) {
            printf(_("     Saker:"));
            for (int k = 0; k < it->ncases && k < 40; k++) printf(" %" PRId64, it->cases[k]);
            if (it->ncases > 40) {
                printf(_n(" ... (%d til; se --tsv)", " ... (%d til; se --tsv)", it->ncases - 40), it->ncases - 40);
                fprintf(stderr, _n("stegvis: %s: sakslisten er avkortet til 40 av %d (--tsv viser alle)\n",
                                   "stegvis: %s: sakslisten er avkortet til 40 av %d (--tsv viser alle)\n", it->ncases),
                        it->control, it->ncases);
            }
            printf("\n");
        }
    }
    sv_checklist_free(&cl);
    sv_vedtak_cleanup();
    sv_rules_cleanup();
    return any ? 1 : 0;
}
