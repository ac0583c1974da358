/* One-page PDFs with charts: the results of a municipality and year, the supervisor's checklist. */
#ifndef SV_RESULTS_PDF_H
#define SV_RESULTS_PDF_H

#include "checklist.h"
#include "results.h"

/* Writes the page to path (mode 0600, put in place whole). */
int sv_results_pdf(const sv_res_section *s, sv_date today, const char *path, sv_err *e);

/* The supervisor's checklist (core/checklist.h) as one page; scope names the municipality or
 * "alle kommuner". */
int sv_checklist_pdf(const sv_checklist *cl, const char *scope, sv_date today, const char *path, sv_err *e);

#endif
