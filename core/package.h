/* Archive packages: one folder per decision that a Noark 5 archive (or KS SvarUt) takes in as it
 * is, named vedtak-KOMMUNENR-DELTAKER-VEDTAK so a batch needs no renaming. In it:
 *   vedtaksbrev.pdf   the letter as PDF/A-2b, the main document (variantformat Arkivformat)
 *   vedtak.xml        the stored decision document, an attachment (Produksjonsformat)
 *   arkivmelding.xml  the arkivmelding (templates/arkivmelding/arkivmelding.xsd) naming both,
 *                     each with file name, size and SHA-256
 * Exported again, every file is the same byte for byte but for the arkivmelding's meldingId
 * and tidspunkt. The folder is made under a temporary name and renamed when whole. */
#ifndef SV_PACKAGE_H
#define SV_PACKAGE_H

#include <stdint.h>

#include "store.h"

#define SV_PACKAGE_LETTER "vedtaksbrev.pdf"
#define SV_PACKAGE_XML "vedtak.xml"
#define SV_PACKAGE_ARKIV "arkivmelding.xml"

/* The package of decision decision_id of participant participant_id in dir (which exists);
 * chain_head (or NULL) goes into the arkivmelding. The folder's name into name. */
int sv_package_decision(sv_store *st, int64_t participant_id, int64_t decision_id, const char *dir,
                        const char *chain_head, char *name, size_t namesize, sv_err *e);

#endif
