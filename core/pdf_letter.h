/* The decision letter as PDF/A-2b, made from the stored decision document (letter_src.h). */
#ifndef SV_PDF_LETTER_H
#define SV_PDF_LETTER_H

#include <stddef.h>

#include "letter_src.h"
#include "pdf_doc.h"

/* The letter's bytes (caller frees *out): the same source gives the same bytes. */
int sv_letter_pdf(const sv_letter_src *s, unsigned char **out, size_t *len, sv_err *e);
/* The letter written to path: 0600, a temporary name renamed into place. */
int sv_letter_pdf_write(const sv_letter_src *s, const char *path, sv_err *e);

#endif
