/* Derive, never trust: before any rule reads a decision document, every figure a rule needs is
 * worked out again from the primary facts in the same document (dates, phases, measures, hours,
 * identity number, permit date), with the functions of figures.h that also build the document
 * from the database. The derived value replaces the declared one; where they differ, or where a
 * figure is declared without the facts it comes from, the document gets a finding.
 *
 * Findings and figures with no place in vedtak.xsd go into elements of their own namespace
 * (prefix a: in the rule sets) under the root, so the rules stay plain XPath 1.0:
 *   <a:avvik felt="plan/@maneder" oppgitt="12" avledet="24"/>   a declared figure was wrong
 *   <a:avvik felt="lov" oppgitt="introduksjonsloven" avledet="integreringsloven"/>
 *   <a:avledet registrert-dager="3" .../>                          figures only derived
 * Values are also read as their XSD types allow: xs:boolean 1/0 and padded forms become
 * true/false, xs:date with a time zone becomes the plain date. */
#ifndef SV_DERIVE_H
#define SV_DERIVE_H

#include <libxml/tree.h>

#include "date.h"
#include "util.h"

#define SV_DERIVED_NS "urn:stegvis:avledet:1"

typedef struct sv_derive_opts {
    sv_date as_of;   /* evidence dated after this day is not evidence; SV_NODATE: no limit */
} sv_derive_opts;

/* Derives in place. Returns the number of findings (a:avvik), or -1 with e set when the
 * document cannot be checked (e.g. decided after the as-of date). */
int sv_vedtak_derive(xmlDocPtr doc, const sv_derive_opts *o, sv_err *e);

/* Substance of a justification: characters counted over distinct words that are not filler
 * (each word once, words from a small stop list of filler not at all). */
int sv_text_substance(const char *text);
/* 1 when the filler word table is in the order its binary search needs (for the tests). */
int sv_text_filler_sorted(void);
/* 1 when the justification refers to the participant's own assessment: a word of at least
 * six letters from the education, work experience or needs in the document, or one of the
 * words for them (utdanning, arbeidserfaring, behov, ønske, kartlegging ...). */
int sv_text_refers_to_assessment(const char *text, const char *const *facts, int nfacts);

/* What a justification says, for finding the same text given to several participants: the set of
 * its words that are not filler, without the participant's own name, order and repetition
 * ignored. 0 when it says too little to compare (under 40 characters of substance). */
unsigned long long sv_text_fingerprint(const char *text, const char *name);

/* 1 when a goal text is empty of content: one of the stand-ins in templates/plassholdere.txt,
 * or fewer than two words that are not filler. */
int sv_text_is_stand_in(const char *text);

#endif
