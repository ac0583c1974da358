/* Printing a PDF on the system's default printer through CUPS: the bytes go to `lp` on its
 * standard input (no file is left anywhere), run with the user's own rights only. */
#ifndef SV_PDF_PRINT_H
#define SV_PDF_PRINT_H

#include <stddef.h>

#include "util.h"

/* Sends len bytes to `lp -t title`. On success what lp said (its request id) is in said. When
 * lp is missing or no printer is set up, e says so and what to do. */
int sv_pdf_print(const unsigned char *b, size_t len, const char *title, char *said, size_t saidsize, sv_err *e);

#endif
