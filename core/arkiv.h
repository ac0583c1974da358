/* A decision as a Noark 5 arkivmelding for eFormidling: a saksmappe with one journalpost
 * (outgoing document) whose dokumentbeskrivelse and dokumentobjekt point at the decision file.
 * Validated against the official schemas copied into templates/arkivmelding/. */
#ifndef SV_ARKIV_H
#define SV_ARKIV_H

#include <stddef.h>

#include <libxml/tree.h>

#include "util.h"

/* Builds the arkivmelding for the (valid) decision document vedtak, whose file is named file
 * (the referanseDokumentfil) and holds exactly the len bytes of content: its dokumentobjekt
 * carries their SHA-256 (sjekksum, sjekksumAlgoritme) and size. chain_head (may be NULL) is
 * the head of the database's hash chain, stored in the journalpost's
 * virksomhetsspesifikkeMetadata. Returns UTF-8 text the caller frees, or NULL with e naming
 * the element that failed validation. */
char *sv_arkiv_build(xmlDocPtr vedtak, const char *file, const char *content, size_t len, const char *chain_head,
                     sv_err *e);

/* One document of an arkivmelding: its file name and bytes, the variantformat (Produksjonsformat,
 * Arkivformat), the format for an archival variant ("PDF/A-2b") or NULL, and whether it is an
 * attachment (Vedlegg) rather than the main document. */
typedef struct sv_arkiv_file {
    const char *file;
    const void *content;
    size_t len;
    const char *variant;
    const char *format;
    int attachment;
} sv_arkiv_file;
/* As sv_arkiv_build, with several documents in one journalpost. stable: systemIDs made from
 * the decision's id, so only meldingId and tidspunkt change when it is built again. */
char *sv_arkiv_build_files(xmlDocPtr vedtak, const sv_arkiv_file *files, int n, const char *chain_head, int stable,
                           sv_err *e);
void sv_arkiv_cleanup(void);

#endif
