/* Text that flows over A4 pages (letters, certificates): headings kept with what follows them,
 * paragraphs wrapped between words and broken between lines at a page end (never a lone first
 * or last line), tables whose rows stay whole and whose header comes back on a new page, and a
 * footer "side 1 av 3" on every page. Everything is laid out first and drawn after, so the
 * number of pages is known when the first footer is drawn. */
#ifndef SV_PDF_FLOW_H
#define SV_PDF_FLOW_H

#include "pdf_doc.h"

typedef enum { SV_FLOW_BODY, SV_FLOW_SMALL, SV_FLOW_BOLD, SV_FLOW_TITLE, SV_FLOW_HEADING } sv_flow_style;

typedef struct sv_flow sv_flow;

/* A flow on p's pages inside the margins (points). footer is the page footer with {side} and
 * {sider} for the page and the number of pages ("side {side} av {sider}"). */
sv_flow *sv_flow_new(sv_pdf *p, double left, double top, double right, double bottom, const char *footer);
/* A heading: moved to the next page with what follows when they do not fit together. */
void sv_flow_heading(sv_flow *f, const char *text);
/* A paragraph in style, indented by indent points. */
void sv_flow_para(sv_flow *f, sv_flow_style style, double indent, const char *text);
void sv_flow_space(sv_flow *f, double pt);
/* Two blocks side by side that stay together (the letter head: address left, sender right);
 * either may be NULL. The left one is width_left wide. */
void sv_flow_columns(sv_flow *f, const char *left, double width_left, const char *right, sv_flow_style style);
/* A table of n columns (widths in points, summing to at most the text width): the header row
 * (bold, on a grey ground) and then rows added one by one. */
void sv_flow_table(sv_flow *f, int n, const double *widths, const char *const *header);
void sv_flow_row(sv_flow *f, const char *const *cells);
/* Lays out and draws every page; frees f. */
int sv_flow_finish(sv_flow *f, sv_err *e);
/* How many pages the last finished flow had (for tests and messages). */
int sv_flow_last_pages(void);

#endif
