/* Building the arkivmelding. Values come from the decision document itself (not the database),
 * so an exported decision and its archive message can never disagree. The title names the
 * decision kind but not the person: case documents are exempt from public access
 * (offentleglova § 13), so the name is only in the screened fields. */
#include "arkiv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlschemas.h>

#include "../forms/forms.h"
#include "chain.h"
#include "paths.h"
#include "vedtak.h"
#include "i18n.h"
#include "xmlsafe.h"

#define AM_NS "http://www.arkivverket.no/standarder/noark5/arkivmelding"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

static xmlSchemaPtr g_schema;

static xmlSchemaPtr schema(sv_err *e)
{
    return sv_xml_schema("arkivmelding/arkivmelding.xsd", &g_schema, e);
}

void sv_arkiv_cleanup(void)
{
    xmlSchemaFree(g_schema);
    g_schema = NULL;
}

typedef struct {
    xmlNsPtr ns;
    xmlNsPtr xsi;
} am;

static xmlNodePtr el(am *a, xmlNodePtr parent, const char *name, const char *txt)
{
    return xmlNewTextChild(parent, a->ns, BAD_CAST name, txt ? BAD_CAST txt : NULL);
}

static void typed(am *a, xmlNodePtr n, const char *type)
{
    xmlNewNsProp(n, a->xsi, BAD_CAST "type", BAD_CAST type);
}

static void first_error(void *ctx, const xmlError *err)
{
    sv_err *e = ctx;
    if (e->code) return;
    char where[300] = "arkivmeldingen";
    if (err->node) {
        xmlChar *p = xmlGetNodePath((xmlNodePtr)err->node);
        if (p) snprintf(where, sizeof where, "%s", (const char *)p);
        xmlFree(p);
    }
    char msg[300];
    snprintf(msg, sizeof msg, "%s", err->message ? err->message : "ukjent feil");
    msg[strcspn(msg, "\n")] = '\0';
    sv_err_set(e, SV_EINVAL, "arkivmelding", _("Arkivmeldingen følger ikke Noark 5-skjemaet: element %s: %s"), where, msg);
}

/* A systemID that stays the same for the same decision and role (archive packages are
 * identical when exported again): the SHA-256 of both, in the form of a UUID. */
static void stable_id(const char *decision, const char *role, char out[37])
{
    char in[128], h[65];
    snprintf(in, sizeof in, "%s:%s", decision, role);
    sv_sha256_hex(in, strlen(in), h);
    snprintf(out, 37, "%.8s-%.4s-5%.3s-a%.3s-%.12s", h, h + 8, h + 12, h + 15, h + 18);
}

char *sv_arkiv_build(xmlDocPtr v, const char *file, const char *content, size_t len, const char *chain_head,
                     sv_err *e)
{
    sv_arkiv_file f = {file, content, len, "Produksjonsformat", NULL, 0};
    return sv_arkiv_build_files(v, &f, 1, chain_head, 0, e);
}

char *sv_arkiv_build_files(xmlDocPtr v, const sv_arkiv_file *files, int nfiles, const char *chain_head, int stable,
                           sv_err *e)
{
    xmlSchemaPtr s = schema(e);
    if (!s) return NULL;
    char *id = sv_vedtak_xpath(v, "string(/v:vedtak/@id)");
    char *kind = sv_vedtak_xpath(v, "string(/v:vedtak/@type)");
    char *date = sv_vedtak_xpath(v, "string(/v:vedtak/@dato)");
    char *muni = sv_vedtak_xpath(v, "string(/v:vedtak/v:kommune/@navn)");
    char *unit = sv_vedtak_xpath(v, "string((/v:vedtak/v:kommune/v:enhet[@type='flyktningtjeneste'] | /v:vedtak/v:kommune/v:enhet)[1])");
    char *handler = sv_vedtak_xpath(v, "string(/v:vedtak/v:saksbehandler)");
    char *party = sv_vedtak_xpath(v, "string(/v:vedtak/v:part/v:navn)");
    char *law = sv_vedtak_xpath(v, "string(/v:vedtak/v:lov/@navn)");
    char when[32], now[20], folder[37], post[37], msgid[37], title[300], ptitle[200], count[16];
    snprintf(when, sizeof when, "%sT00:00:00", date);
    sv_now(now);
    now[10] = 'T';
    if (stable) {
        stable_id(id, "mappe", folder);
        stable_id(id, "journalpost", post);
    } else {
        sv_uuid(folder);
        sv_uuid(post);
    }
    sv_uuid(msgid);
    snprintf(count, sizeof count, "%d", nfiles);
    snprintf(title, sizeof title, "%s – %s (%s)", sv_code_label(SV_CODES_DECISION_KIND, kind), party, law);
    snprintf(ptitle, sizeof ptitle, "%s etter %s", sv_code_label(SV_CODES_DECISION_KIND, kind), law);
    const char *by = handler[0] ? handler : "stegvis";

    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "arkivmelding", NULL);
    xmlDocSetRootElement(doc, root);
    am a = {xmlNewNs(root, BAD_CAST AM_NS, NULL), xmlNewNs(root, BAD_CAST XSI_NS, BAD_CAST "xsi")};
    xmlSetNs(root, a.ns);
    el(&a, root, "system", "stegvis");
    el(&a, root, "meldingId", msgid);
    el(&a, root, "tidspunkt", now);
    el(&a, root, "antallFiler", count);
    xmlNodePtr m = el(&a, root, "mappe", NULL);
    typed(&a, m, "saksmappe");
    el(&a, m, "systemID", folder);
    el(&a, m, "tittel", title);
    el(&a, m, "offentligTittel", "Introduksjonsprogram – deltakersak");
    el(&a, m, "opprettetDato", when);
    el(&a, m, "opprettetAv", by);
    xmlNodePtr j = el(&a, m, "basisregistrering", NULL);
    typed(&a, j, "journalpost");
    el(&a, j, "systemID", post);
    el(&a, j, "opprettetDato", when);
    el(&a, j, "opprettetAv", by);
    el(&a, j, "referanseForelderMappe", folder);
    xmlNodePtr sk = el(&a, j, "skjerming", NULL);
    el(&a, sk, "tilgangsrestriksjon", "13");
    el(&a, sk, "skjermingshjemmel", "Offl. § 13, jf. fvl. § 13 første ledd nr. 1");
    el(&a, sk, "skjermingMetadata", "tittel");
    for (int i = 0; i < nfiles; i++) {
        const sv_arkiv_file *f = &files[i];
        char docid[37], role[24], num[16];
        snprintf(role, sizeof role, "dokument%d", i + 1);
        if (stable) stable_id(id, role, docid);
        else sv_uuid(docid);
        snprintf(num, sizeof num, "%d", i + 1);
        xmlNodePtr db = el(&a, j, "dokumentbeskrivelse", NULL);
        el(&a, db, "systemID", docid);
        el(&a, db, "dokumenttype", "Vedtak");
        el(&a, db, "dokumentstatus", "Dokumentet er ferdigstilt");
        el(&a, db, "tittel", f->attachment ? "Vedtaksdokument (XML, urn:stegvis:vedtak:1)" : title);
        if (f->format) el(&a, db, "beskrivelse", f->format);
        el(&a, db, "opprettetDato", when);
        el(&a, db, "opprettetAv", by);
        el(&a, db, "tilknyttetRegistreringSom", f->attachment ? "Vedlegg" : "Hoveddokument");
        el(&a, db, "dokumentnummer", num);
        el(&a, db, "tilknyttetDato", when);
        el(&a, db, "tilknyttetAv", by);
        xmlNodePtr dobj = el(&a, db, "dokumentobjekt", NULL);
        el(&a, dobj, "versjonsnummer", "1");
        el(&a, dobj, "variantformat", f->variant ? f->variant : "Produksjonsformat");
        el(&a, dobj, "opprettetDato", when);
        el(&a, dobj, "opprettetAv", by);
        el(&a, dobj, "referanseDokumentfil", f->file);
        /* Noark 5 M705-M707: the checksum of the very bytes of the referenced file. */
        char sum[65], size[32];
        sv_sha256_hex(f->content, f->len, sum);
        snprintf(size, sizeof size, "%zu", f->len);
        el(&a, dobj, "sjekksum", sum);
        el(&a, dobj, "sjekksumAlgoritme", "SHA-256");
        el(&a, dobj, "filstoerrelse", size);
    }
    el(&a, j, "tittel", title);
    el(&a, j, "offentligTittel", ptitle);
    el(&a, j, "beskrivelse", id);
    int formats = 0;
    for (int i = 0; i < nfiles; i++) formats += files[i].format != NULL;
    if ((chain_head && chain_head[0]) || formats) {
        xmlNodePtr vm = el(&a, j, "virksomhetsspesifikkeMetadata", NULL);
        xmlNsPtr own = NULL;
        if (chain_head && chain_head[0]) {
            /* The head of the database's hash chain when the decision was exported: the archive
             * holds the proof against which a later change of the history can be shown. */
            xmlNodePtr kh = xmlNewChild(vm, NULL, BAD_CAST "kjedehode", BAD_CAST chain_head);
            own = xmlNewNs(vm, BAD_CAST "urn:stegvis:kjede", BAD_CAST "stegvis");
            xmlSetNs(kh, own);
            xmlNewProp(kh, BAD_CAST "algoritme", BAD_CAST "SHA-256");
        }
        /* The file format (M701) of each archival variant: this version of the arkivmelding
         * schema has no format element in dokumentobjekt, so it is stated here. */
        for (int i = 0; i < nfiles; i++) {
            if (!files[i].format) continue;
            if (!own) own = xmlNewNs(vm, BAD_CAST "urn:stegvis:kjede", BAD_CAST "stegvis");
            xmlNodePtr fm = xmlNewChild(vm, own, BAD_CAST "format", BAD_CAST files[i].format);
            xmlNewProp(fm, BAD_CAST "referanseDokumentfil", BAD_CAST files[i].file);
        }
    }
    el(&a, j, "journalposttype", "Utgående dokument");
    el(&a, j, "journalstatus", "Journalført");
    el(&a, j, "journaldato", date);
    el(&a, j, "dokumentetsDato", date);
    xmlNodePtr kp = el(&a, j, "korrespondansepart", NULL);
    el(&a, kp, "korrespondanseparttype", "Mottaker");
    el(&a, kp, "korrespondansepartNavn", party);
    el(&a, m, "saksdato", date);
    el(&a, m, "administrativEnhet", unit[0] ? unit : muni);
    el(&a, m, "saksansvarlig", by);
    el(&a, m, "saksstatus", "Under behandling");

    char *out = NULL;
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s);
    sv_err_clear(e);
    xmlSchemaSetValidStructuredErrors(vc, (xmlStructuredErrorFunc)first_error, e);
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    if (rc == 0) out = sv_vedtak_serialize(doc);
    else if (!e->code) sv_err_set(e, SV_EINVAL, "arkivmelding", _("Arkivmeldingen følger ikke Noark 5-skjemaet"));
    xmlFreeDoc(doc);
    free(id);
    free(kind);
    free(date);
    free(muni);
    free(unit);
    free(handler);
    free(party);
    free(law);
    return out;
}
