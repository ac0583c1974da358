/* Safe parsing of outside XML (see xmlsafe.h). The parser options leave out XML_PARSE_NOENT,
 * XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR and XML_PARSE_HUGE on purpose. */
#include "xmlsafe.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"
#include "i18n.h"
#include "paths.h"

static int too_deep(xmlNodePtr n, int depth)
{
    if (depth > SV_XML_MAX_DEPTH) return 1;
    for (xmlNodePtr k = n ? n->children : NULL; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && too_deep(k, depth + 1)) return 1;
    return 0;
}

xmlDocPtr sv_xml_parse_safe(const char *buf, size_t len, const char *name, char *why, size_t size)
{
    if (len > SV_XML_MAX_BYTES) {
        snprintf(why, size, _("%s: filen er for stor (over %zu MB)"), name, SV_XML_MAX_BYTES >> 20);
        return NULL;
    }
    xmlDocPtr doc = xmlReadMemory(buf, (int)len, name, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                      XML_PARSE_NOBLANKS | XML_PARSE_COMPACT);
    if (!doc) {
        const xmlError *err = xmlGetLastError();
        char m[200];
        snprintf(m, sizeof m, "%s", err && err->message ? err->message : "ukjent feil");
        m[strcspn(m, "\n")] = '\0';
        snprintf(why, size, _("%s: ikke velformet XML (linje %d: %s)"), name, err ? err->line : 0, m);
        return NULL;
    }
    if (doc->intSubset || doc->extSubset) {
        snprintf(why, size, _("%s: dokumentet har en DOCTYPE-erklæring (DTD og entiteter godtas ikke av sikkerhetshensyn)"), name);
        xmlFreeDoc(doc);
        return NULL;
    }
    if (too_deep(xmlDocGetRootElement(doc), 1)) {
        snprintf(why, size, 
             _n("%s: dokumentet er nøstet dypere enn %d nivå", "%s: dokumentet er nøstet dypere enn %d nivåer", SV_XML_MAX_DEPTH),
             name, SV_XML_MAX_DEPTH);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

char *sv_xml_slurp(const char *path, size_t *len, char *why, size_t size)
{
    FILE *f = fopen(path, "rb");
    struct stat sb;
    if (!f) {
        snprintf(why, size, _("%s: kan ikke åpnes"), path);
        return NULL;
    }
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode) || (size_t)sb.st_size > SV_XML_MAX_BYTES) {
        snprintf(why, size, _("%s: ikke en vanlig fil, eller større enn %zu MB"), path, SV_XML_MAX_BYTES >> 20);
        fclose(f);
        return NULL;
    }
    sv_buf b;
    sv_buf_init(&b);
    char chunk[65536];
    size_t n;
    /* Read at most one byte past the limit: a file that grows meanwhile is still refused. */
    while (b.len <= SV_XML_MAX_BYTES && (n = fread(chunk, 1, sizeof chunk, f)) > 0) sv_buf_addn(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(why, size, _("%s: kunne ikke leses"), path);
        sv_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.s;
}

xmlDocPtr sv_xml_read_file_safe(const char *path, char *why, size_t size)
{
    size_t len;
    char *buf = sv_xml_slurp(path, &len, why, size);
    if (!buf) return NULL;
    xmlDocPtr doc = sv_xml_parse_safe(buf, len, path, why, size);
    free(buf);
    return doc;
}

xmlSchemaPtr sv_xml_schema(const char *rel, xmlSchemaPtr *cache, sv_err *e)
{
    if (*cache) return *cache;
    char path[4096];
    if (sv_template_path(rel, path, sizeof path)) {
        sv_err_set(e, SV_EIO, NULL, _("Stien til %s er for lang"), rel);
        return NULL;
    }
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
    xmlSchemaSetParserStructuredErrors(pc, NULL, NULL);
    *cache = pc ? xmlSchemaParse(pc) : NULL;
    xmlSchemaFreeParserCtxt(pc);
    if (!*cache) sv_err_set(e, SV_EIO, NULL, _("Skjemaet %s kan ikke leses"), path);
    return *cache;
}
