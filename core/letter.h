/* The decision as a plain-text letter for the participant, in the municipality's målform
 * (bokmål or nynorsk), made from the decision document so it says exactly what was decided.
 * The sentences are data in templates/letters/nb.txt and nn.txt. */
#ifndef SV_LETTER_H
#define SV_LETTER_H

#include <libxml/tree.h>

#include "util.h"

/* Returns the letter (UTF-8, caller frees) or NULL with e set (missing or broken texts). */
char *sv_letter_build(xmlDocPtr vedtak, sv_err *e);

#endif
