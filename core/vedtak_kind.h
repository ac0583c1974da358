/* The decision kinds' own facts in the document (issue 15 item 3): the stop (stans: temporary or
 * permanent, with its period), the leave (permisjon: its period) and the ordinary ending
 * (avslutning: the reason and the last day). Checked before the document is built, written
 * into it, and worked out again by `check` (core/derive.c calls sv_vedtak_derive_kind). */
#ifndef SV_VEDTAK_KIND_H
#define SV_VEDTAK_KIND_H

#include <libxml/tree.h>

#include "i18n.h"
#include "vedtak.h"

/* A temporary stop lasts at most this many months (integreringsloven § 18 andre ledd). */
#define SV_STOP_MAX_MONTHS 3

/* Writes the kind's element under root (namespace ns). Returns 1 (e set) on a bad value. */
int sv_vedtak_kind_xml(xmlNodePtr root, xmlNsPtr ns, const sv_vedtak_in *in, sv_err *e);

/* The figures of the kind's element that the rules read, worked out from its dates into the
 * derived element *derived (a:avledet, namespace ans; created when NULL). */
void sv_vedtak_derive_kind(xmlNodePtr root, xmlNsPtr ans, xmlNodePtr *derived);

/* 1 when a temporary stop from..to stays within SV_STOP_MAX_MONTHS (to before from + 3 months,
 * the months counted as core/date.c counts them). */
int sv_stop_period_ok(sv_date from, sv_date to);

/* The letter's paragraph for the decision's kind ("DETTE HAR VI BESTEMT"): *key is the text key
 * of the letter texts in templates/letters (vedtak.stans.midlertidig, vedtak.stans.varig, vedtak.permisjon,
 * vedtak.avslutning, vedtak.avslag)
 * and vars its {name} value pairs, NULL-terminated, in the målform l; the values live in buf.
 * Returns 0 for the kinds without such a paragraph (plan, endring, forlengelse). */
typedef struct {
    char from[11], to[11], day[11], hours[2][16];
    const char *vars[13];
    xmlChar *own[3];
} sv_kind_letter;
int sv_kind_letter_line(xmlNodePtr root, sv_lang l, const char **key, sv_kind_letter *buf);
/* Line i (0, 1) of what the letter says of the advance notice (varsel.sendt, varsel.svar,
 * varsel.unntak); 0 when there is no such line. Values in buf->vars (sendt, frist, svardato,
 * svar, bokstav, grunn) point into the document, which must outlive them. */
int sv_kind_letter_notice(xmlNodePtr root, int i, const char **key, sv_kind_letter *buf);
void sv_kind_letter_free(sv_kind_letter *buf);

#endif
