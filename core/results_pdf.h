/* The results of one municipality and year (core/results.h) as a one-page PDF with charts. */
#ifndef SV_RESULTS_PDF_H
#define SV_RESULTS_PDF_H

#include "results.h"

/* Writes the page to path (mode 0600, put in place whole). */
int sv_results_pdf(const sv_res_section *s, sv_date today, const char *path, sv_err *e);

#endif
