/* PDF documents for the user and the archive: A4 pages drawn with cairo, text laid out and
 * shaped with pango (æøå, Cyrillic, Arabic; the fonts embedded as subsets by cairo), and the
 * result made PDF/A-2b with qpdf: XMP metadata saying pdfaid:part 2, conformance B, an sRGB
 * output intent, one document information dictionary matching the XMP, and an /ID computed
 * from the content. Nothing in a file depends on the clock or on chance: the same input gives
 * the same bytes, so an archive package exported twice is identical. */
#ifndef SV_PDF_DOC_H
#define SV_PDF_DOC_H

#include <cairo.h>
#include <stddef.h>

#include "date.h"
#include "util.h"

#define SV_PDF_PAGE_W 595.0   /* A4 in points */
#define SV_PDF_PAGE_H 842.0
#define SV_PDF_SANS "DejaVu Sans"   /* Latin, Cyrillic, Greek and Arabic in one family */

/* The sRGB profile of the output intent (Debian: icc-profiles-free). */
#ifndef SV_PDF_ICC
#define SV_PDF_ICC "/usr/share/color/icc/sRGB.icc"
#endif

typedef struct sv_pdf_meta {
    const char *title;
    const char *author;     /* the municipality, or NULL */
    const char *subject;    /* or NULL */
    const char *lang;       /* "nb" or "nn" (xml:lang of the title and /Lang) */
    sv_date created;        /* the document's date: CreationDate and ModDate, at 12:00 UTC */
} sv_pdf_meta;

typedef struct sv_pdf sv_pdf;

/* A new document in memory; never NULL. */
sv_pdf *sv_pdf_new(const sv_pdf_meta *m);
cairo_t *sv_pdf_cr(sv_pdf *p);
/* Ends the current page and starts the next one (white). */
void sv_pdf_next_page(sv_pdf *p);
/* Finishes the document and makes it PDF/A-2b: *out (caller frees) and *len. */
int sv_pdf_finish(sv_pdf *p, unsigned char **out, size_t *len, sv_err *e);
/* Finishes the document and writes it to path: 0600, a temporary name renamed into place,
 * with the user's rights (core/cell.c). Frees p. */
int sv_pdf_write(sv_pdf *p, const char *path, sv_err *e);
void sv_pdf_free(sv_pdf *p);
/* Writes len bytes to path as sv_pdf_write does. */
int sv_pdf_write_bytes(const unsigned char *b, size_t len, const char *path, sv_err *e);

/* Text at (x, y), at most width wide, in font ("DejaVu Sans Bold" ...) of size pt: cut with an
 * ellipsis, or wrapped between words (inside a word only when one is wider than the line)
 * when wrap is set. Returns its height. */
double sv_pdf_text(cairo_t *cr, double x, double y, double width, const char *font, double pt, const char *s, int wrap);

/* Makes fontconfig know only the documents' fonts, once, before pango first lays out text
 * (sv_pdf_new calls it; whatever draws with pango on its own surface calls it first). */
void sv_pdf_fonts(void);

/* Lets go of the font caches (at exit, so a leak checker sees a clean end). */
void sv_pdf_cleanup(void);

#endif
