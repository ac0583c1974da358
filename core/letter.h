/* The decision as a plain-text letter for the participant, in the municipality's målform
 * (bokmål or nynorsk), made from the decision document so it says exactly what was decided.
 * The sentences are data in templates/letters/nb.txt and nn.txt. */
#ifndef SV_LETTER_H
#define SV_LETTER_H

#include <libxml/tree.h>

#include "date.h"
#include "util.h"

/* Returns the letter (UTF-8, caller frees) or NULL with e set (missing or broken texts). */
char *sv_letter_build(xmlDocPtr vedtak, sv_err *e);

/* The letter texts of a målform (templates/letters/nb.txt or nn.txt), shared by the plain
 * letter, the PDF letter and the certificate. */
typedef struct sv_letter_texts {
    char **keys, **vals;
    int n;
    const char *missing;   /* the first key asked for and not found */
} sv_letter_texts;
int sv_letter_texts_load(const char *malform, sv_letter_texts *t, sv_err *e);
void sv_letter_texts_free(sv_letter_texts *t);
/* Appends text key to out with {name} replaced from vars (name, value pairs, NULL-terminated);
 * a key not found is noted in t->missing. */
void sv_letter_say(sv_letter_texts *t, const char *key, const char *const *vars, sv_buf *out);
/* SV_OK, or e naming the first missing text. */
int sv_letter_texts_check(const sv_letter_texts *t, sv_err *e);

/* Reading the decision document: the first child element called name, the next sibling
 * element called name. */
xmlNodePtr sv_xml_child(xmlNodePtr n, const char *name);
xmlNodePtr sv_xml_next(xmlNodePtr k, const char *name);
/* Attribute and text values kept until the pool is freed ("" when absent). */
typedef struct sv_xpool {
    char **v;
    int n;
} sv_xpool;
const char *sv_xpool_keep(sv_xpool *p, xmlChar *s);
const char *sv_xprop(sv_xpool *p, xmlNodePtr n, const char *name);
const char *sv_xcontent(sv_xpool *p, xmlNodePtr n);
const char *sv_xdate(sv_xpool *p, const char *iso);   /* ISO date as dd.mm.åååå */
void sv_xpool_free(sv_xpool *p);

/* The appeal body's text as it was on the decision's date: the county governor was called
 * Fylkesmannen until 1 January 2021 (Statsforvalteren after). */
void sv_letter_appeal_body(const char *text, sv_date on, sv_buf *out);
/* Hours as stored ("37.5", "15.0") the Norwegian way ("37,5", "15"), into buf. */
const char *sv_letter_hours(const char *stored, char *buf, size_t size);

#endif
