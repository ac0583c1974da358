/* Drawing a PDF with cairo into memory and making it PDF/A-2b with libqpdf (see pdf_doc.h).
 * cairo 1.16 writes neither XMP nor an output intent, so qpdf adds them to cairo's output
 * object by object (no PDF is written by hand): the /Metadata stream on the catalogue, the
 * /OutputIntents with the ICC profile, a new /Info with the same values as the XMP, and a
 * deterministic /ID. */
#include "pdf_doc.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pthread.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "i18n.h"

struct sv_pdf {
    unsigned char *buf;
    size_t len, cap;
    int failed;
    cairo_surface_t *surf;
    cairo_t *cr;
    char *title, *author, *subject, lang[3];
    sv_date created;
};

static cairo_status_t to_mem(void *closure, const unsigned char *data, unsigned int length)
{
    sv_pdf *p = closure;
    if (p->len + length > p->cap) {
        while (p->len + length > p->cap) p->cap = p->cap ? p->cap * 2 : 65536;
        p->buf = sv_xrealloc(p->buf, p->cap);
    }
    memcpy(p->buf + p->len, data, length);
    p->len += length;
    return CAIRO_STATUS_SUCCESS;
}

static void white(cairo_t *cr)
{
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
}

/* The fonts the documents are drawn in: DejaVu Sans and DejaVu Sans Bold (Debian's
 * fonts-dejavu-core, which `make deps` installs), between them Latin, Cyrillic, Greek and
 * Arabic. Fontconfig's own start (FcInit, which pango's font map waits for) reads some fifty
 * configuration files and every font directory's cache, about 10 ms of the 50 a letter may
 * take; a configuration of its own that knows these two files alone takes about 1 ms. It is
 * made the current one before pango's font map exists, so pango's FcInit finds it and does
 * nothing, and every thread's default font map (pango_cairo_font_map_get_default) uses it.
 * No directory is scanned and no cache written. With either file missing the default
 * configuration stays: the documents then come out as before, in whatever fonts the system
 * resolves "DejaVu Sans" to, only with fontconfig's full start. Letters never used another
 * font: a character outside DejaVu Sans (CJK, Ethiopic) is drawn as a box in either case on
 * a system with only fonts-dejavu-core. */
#ifndef SV_PDF_FONT_DIR
#define SV_PDF_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif
static const char *const FONT_FILES[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};

static void fonts_once(void)
{
    FcConfig *c = FcConfigCreate();
    if (!c) return;
    int ok = 1;
    for (size_t i = 0; ok && i < sizeof FONT_FILES / sizeof FONT_FILES[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", SV_PDF_FONT_DIR, FONT_FILES[i]);
        ok = FcConfigAppFontAddFile(c, (const FcChar8 *)path);
    }
    /* the current configuration holds its own reference */
    if (ok) FcConfigSetCurrent(c);
    FcConfigDestroy(c);
}

void sv_pdf_fonts(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fonts_once);
}

sv_pdf *sv_pdf_new(const sv_pdf_meta *m)
{
    sv_pdf_fonts();
    sv_pdf *p = sv_xcalloc(1, sizeof *p);
    p->title = sv_xstrdup(m->title ? m->title : "");
    p->author = sv_xstrdup(m->author ? m->author : "");
    p->subject = sv_xstrdup(m->subject ? m->subject : "");
    snprintf(p->lang, sizeof p->lang, "%s", m->lang && !strcmp(m->lang, "nn") ? "nn" : "nb");
    p->created = m->created == SV_NODATE ? sv_date_from_ymd(2000, 1, 1) : m->created;
    p->surf = cairo_pdf_surface_create_for_stream(to_mem, p, SV_PDF_PAGE_W, SV_PDF_PAGE_H);
    /* PDF 1.5 (object streams) is within PDF/A-2, which builds on PDF 1.7 */
    cairo_pdf_surface_restrict_to_version(p->surf, CAIRO_PDF_VERSION_1_5);
    p->cr = cairo_create(p->surf);
    white(p->cr);
    return p;
}

cairo_t *sv_pdf_cr(sv_pdf *p)
{
    return p->cr;
}

void sv_pdf_next_page(sv_pdf *p)
{
    cairo_show_page(p->cr);
    white(p->cr);
}

void sv_pdf_free(sv_pdf *p)
{
    if (!p) return;
    if (p->cr) cairo_destroy(p->cr);
    if (p->surf) cairo_surface_destroy(p->surf);
    free(p->buf);
    free(p->title);
    free(p->author);
    free(p->subject);
    free(p);
}

double sv_pdf_text(cairo_t *cr, double x, double y, double width, const char *font, double pt, const char *s, int wrap)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    char desc[96];
    snprintf(desc, sizeof desc, "%s %.1f", font, pt);
    PangoFontDescription *fd = pango_font_description_from_string(desc);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    if (wrap) pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    else pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    pango_layout_set_text(l, s, -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

void sv_pdf_cleanup(void)
{
    pango_cairo_font_map_set_default(NULL);
}

/* XML text with & < > " escaped. */
static void xml_text(sv_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '&') sv_buf_add(b, "&amp;");
        else if (*s == '<') sv_buf_add(b, "&lt;");
        else if (*s == '>') sv_buf_add(b, "&gt;");
        else if (*s == '"') sv_buf_add(b, "&quot;");
        else sv_buf_addn(b, s, 1);
    }
}

#define PRODUCER "stegvis (cairo " CAIRO_VERSION_STRING ", qpdf)"

static void xmp(const sv_pdf *p, const char *iso, sv_buf *b)
{
    sv_buf_add(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                  "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                  "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n</rdf:Description>\n"
                  "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                  "<dc:format>application/pdf</dc:format>\n<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
    xml_text(b, p->title);
    sv_buf_add(b, "</rdf:li></rdf:Alt></dc:title>\n");
    if (p->author[0]) {
        sv_buf_add(b, "<dc:creator><rdf:Seq><rdf:li>");
        xml_text(b, p->author);
        sv_buf_add(b, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    if (p->subject[0]) {
        sv_buf_add(b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
        xml_text(b, p->subject);
        sv_buf_add(b, "</rdf:li></rdf:Alt></dc:description>\n");
    }
    sv_buf_printf(b, "</rdf:Description>\n"
                     "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                     "<xmp:CreatorTool>stegvis</xmp:CreatorTool>\n<xmp:CreateDate>%s</xmp:CreateDate>\n"
                     "<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n</rdf:Description>\n"
                     "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                     "<pdf:Producer>" PRODUCER "</pdf:Producer>\n</rdf:Description>\n"
                     "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n", iso, iso, iso);
}

static unsigned char *read_icc(size_t *n, sv_err *e)
{
    FILE *f = fopen(SV_PDF_ICC, "rb");
    if (!f) {
        sv_err_set(e, SV_EIO, NULL, _("Finner ikke fargeprofilen %s (Debian-pakken icc-profiles-free)"), SV_PDF_ICC);
        return NULL;
    }
    size_t cap = 32768, len = 0, got;
    unsigned char *b = sv_xmalloc(cap);
    while ((got = fread(b + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) b = sv_xrealloc(b, cap *= 2);
    }
    fclose(f);
    *n = len;
    return b;
}

static qpdf_oh name(qpdf_data q, const char *n)
{
    return qpdf_oh_new_name(q, n);
}

static void set(qpdf_data q, qpdf_oh dict, const char *key, qpdf_oh v)
{
    qpdf_oh_replace_key(q, dict, key, v);
    qpdf_oh_release(q, v);
}

static qpdf_oh stream(qpdf_data q, const unsigned char *data, size_t n)
{
    qpdf_oh s = qpdf_oh_new_stream(q);
    qpdf_oh nul = qpdf_oh_new_null(q);
    qpdf_oh_replace_stream_data(q, s, data, n, nul, nul);
    qpdf_oh_release(q, nul);
    return s;
}

/* cairo's output made PDF/A-2b (see the top of the file). */
static int to_pdfa(sv_pdf *p, unsigned char **out, size_t *olen, sv_err *e)
{
    size_t icc_len;
    unsigned char *icc = read_icc(&icc_len, e);
    if (!icc) return e->code;
    int y, mo, d;
    sv_date_to_ymd(p->created, &y, &mo, &d);
    char iso[32], pdfdate[32];
    snprintf(iso, sizeof iso, "%04d-%02d-%02dT12:00:00Z", y, mo, d);
    snprintf(pdfdate, sizeof pdfdate, "D:%04d%02d%02d120000Z", y, mo, d);
    sv_buf meta;
    sv_buf_init(&meta);
    xmp(p, iso, &meta);

    qpdf_data q = qpdf_init();
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    int rc = SV_OK;
    if (qpdf_read_memory(q, "stegvis.pdf", (const char *)p->buf, (unsigned long long)p->len, NULL) & QPDF_ERRORS) {
        rc = sv_err_set(e, SV_EIO, "pdf", _("Kan ikke lage PDF/A: %s"), qpdf_get_error_full_text(q, qpdf_get_error(q)));
        goto done;
    }
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh md = stream(q, (const unsigned char *)meta.s, meta.len);
    qpdf_oh md_dict = qpdf_oh_get_dict(q, md);
    set(q, md_dict, "/Type", name(q, "/Metadata"));
    set(q, md_dict, "/Subtype", name(q, "/XML"));
    qpdf_oh_replace_key(q, root, "/Metadata", md);

    qpdf_oh prof = stream(q, icc, icc_len);
    qpdf_oh prof_dict = qpdf_oh_get_dict(q, prof);
    set(q, prof_dict, "/N", qpdf_oh_new_integer(q, 3));
    qpdf_oh intent = qpdf_oh_new_dictionary(q);
    set(q, intent, "/Type", name(q, "/OutputIntent"));
    set(q, intent, "/S", name(q, "/GTS_PDFA1"));
    set(q, intent, "/OutputConditionIdentifier", qpdf_oh_new_string(q, "sRGB IEC61966-2.1"));
    set(q, intent, "/Info", qpdf_oh_new_string(q, "sRGB IEC61966-2.1"));
    qpdf_oh_replace_key(q, intent, "/DestOutputProfile", prof);
    qpdf_oh intents = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, intents, intent);
    set(q, root, "/OutputIntents", intents);
    set(q, root, "/Lang", qpdf_oh_new_string(q, p->lang));

    qpdf_oh info = qpdf_oh_new_dictionary(q);
    set(q, info, "/Title", qpdf_oh_new_unicode_string(q, p->title));
    if (p->author[0]) set(q, info, "/Author", qpdf_oh_new_unicode_string(q, p->author));
    if (p->subject[0]) set(q, info, "/Subject", qpdf_oh_new_unicode_string(q, p->subject));
    set(q, info, "/Creator", qpdf_oh_new_string(q, "stegvis"));
    set(q, info, "/Producer", qpdf_oh_new_string(q, PRODUCER));
    set(q, info, "/CreationDate", qpdf_oh_new_string(q, pdfdate));
    set(q, info, "/ModDate", qpdf_oh_new_string(q, pdfdate));
    qpdf_oh info_ref = qpdf_make_indirect_object(q, info);
    qpdf_oh trailer = qpdf_get_trailer(q);
    qpdf_oh_replace_key(q, trailer, "/Info", info_ref);

    qpdf_init_write_memory(q);
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    /* cairo's streams are compressed already: passed through as they are, not decoded again */
    qpdf_set_object_stream_mode(q, qpdf_o_preserve);
    qpdf_set_decode_level(q, qpdf_dl_none);
    qpdf_set_compress_streams(q, QPDF_TRUE);   /* the ICC profile; XMP stays plain */
    if (qpdf_write(q) & QPDF_ERRORS) {
        rc = sv_err_set(e, SV_EIO, "pdf", _("Kan ikke lage PDF/A: %s"), qpdf_get_error_full_text(q, qpdf_get_error(q)));
        goto done;
    }
    *olen = qpdf_get_buffer_length(q);
    *out = sv_xmalloc(*olen ? *olen : 1);
    memcpy(*out, qpdf_get_buffer(q), *olen);
done:
    qpdf_cleanup(&q);
    sv_buf_free(&meta);
    free(icc);
    return rc;
}

int sv_pdf_finish(sv_pdf *p, unsigned char **out, size_t *len, sv_err *e)
{
    cairo_show_page(p->cr);
    cairo_status_t cst = cairo_status(p->cr);
    cairo_destroy(p->cr);
    p->cr = NULL;
    cairo_surface_finish(p->surf);
    if (cst == CAIRO_STATUS_SUCCESS) cst = cairo_surface_status(p->surf);
    cairo_surface_destroy(p->surf);
    p->surf = NULL;
    if (cst != CAIRO_STATUS_SUCCESS)
        return sv_err_set(e, SV_EIO, "pdf", _("Kan ikke lage PDF: %s"), cairo_status_to_string(cst));
    return to_pdfa(p, out, len, e);
}

int sv_pdf_write_bytes(const unsigned char *b, size_t len, const char *path, sv_err *e)
{
    char *tmp;
    FILE *f = sv_private_open(path, &tmp, e);
    if (!f) return e->code;
    if (fwrite(b, 1, len, f) != len) {
        sv_private_discard(f, tmp);
        return sv_err_set(e, SV_EIO, "pdf", _("Kan ikke skrive %s"), path);
    }
    return sv_private_close(f, tmp, path, e);
}

int sv_pdf_write(sv_pdf *p, const char *path, sv_err *e)
{
    unsigned char *b = NULL;
    size_t len = 0;
    int rc = sv_pdf_finish(p, &b, &len, e);
    if (rc == SV_OK) rc = sv_pdf_write_bytes(b, len, path, e);
    free(b);
    sv_pdf_free(p);
    return rc;
}
