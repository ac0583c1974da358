/* One-page PDFs with charts for the municipal council or the county governor. The results of
 * one municipality and year: the share in work or education at the end and one year
 * after as bars against the 70 % target, for all who ended and per ending reason, final goal,
 * schooling and measure kind. The supervisor's checklist: per control question the share of
 * cases without a violation. Drawn with cairo, text laid out with pango (æøå, nynorsk). */
#include "results_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "i18n.h"
#include "pdf_doc.h"

#define PAGE_W 595.0   /* A4 in points */
#define PAGE_H 842.0
#define MARGIN 42.0

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Text at (x, y) in a font of size pt, at most width wide (cut with an ellipsis, or wrapped
 * onto more lines when wrap is set); returns its height. */
static double text_at(cairo_t *cr, double x, double y, double width, const char *font, double pt, const char *s,
                      int wrap)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    char desc[64];
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

static double text(cairo_t *cr, double x, double y, double width, const char *font, double pt, const char *s)
{
    return text_at(cr, x, y, width, font, pt, s, 0);
}

static double para(cairo_t *cr, double x, double y, double width, const char *font, double pt, const char *s)
{
    return text_at(cr, x, y, width, font, pt, s, 1);
}

/* A bar of share pct (or none when -1) in a box of width w, with the target (if any, else -1)
 * marked; green when the target is reached. */
static void bar_to(cairo_t *cr, double x, double y, double w, double h, int pct, int target)
{
    cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
    if (pct >= 0) {
        if (pct >= target) cairo_set_source_rgb(cr, 0.16, 0.50, 0.30);
        else cairo_set_source_rgb(cr, 0.85, 0.55, 0.13);
        cairo_rectangle(cr, x, y, w * pct / 100.0, h);
        cairo_fill(cr);
    }
    if (target < 0 || target > 100) return;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 1.0);
    double tx = x + w * target / 100.0;
    cairo_move_to(cr, tx, y - 1.5);
    cairo_line_to(cr, tx, y + h + 1.5);
    cairo_stroke(cr);
}

static void bar(cairo_t *cr, double x, double y, double w, double h, int pct)
{
    bar_to(cr, x, y, w, h, pct, SV_RESULTS_TARGET);
}

static void row(cairo_t *cr, double y, const sv_res_cell *c, int bold)
{
    char n[16], a[16], b[16];
    int se = sv_res_share_end(c), s1 = sv_res_share_1y(c);
    snprintf(a, sizeof a, se < 0 ? "-" : "%d %%", se);
    snprintf(b, sizeof b, s1 < 0 ? "-" : "%d %%", s1);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, MARGIN + 6, y, 150, bold ? "Sans Bold" : "Sans", 8, sv_res_value_label(c));
    text(cr, MARGIN + 160, y, 36, "Sans", 8, sv_res_count(c, n));
    bar(cr, MARGIN + 200, y + 2, 120, 8, se);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, MARGIN + 324, y, 36, "Sans", 8, a);
    bar(cr, MARGIN + 366, y + 2, 120, 8, s1);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, MARGIN + 490, y, 36, "Sans", 8, b);
}

typedef struct {
    FILE *f;
    char *tmp;
    cairo_surface_t *surf;
    cairo_t *cr;
} page;

static int page_begin(page *pg, const char *path, const char *title, sv_err *e)
{
    pg->f = sv_private_open(path, &pg->tmp, e);
    if (!pg->f) return e->code;
    sv_pdf_fonts();
    pg->surf = cairo_pdf_surface_create_for_stream(to_file, pg->f, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(pg->surf, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(pg->surf, CAIRO_PDF_METADATA_CREATOR, "stegvis");
    pg->cr = cairo_create(pg->surf);
    cairo_set_source_rgb(pg->cr, 1, 1, 1);
    cairo_paint(pg->cr);
    cairo_set_source_rgb(pg->cr, 0, 0, 0);
    return SV_OK;
}

static int page_end(page *pg, const char *path, sv_err *e)
{
    cairo_show_page(pg->cr);
    cairo_status_t cst = cairo_status(pg->cr);
    cairo_destroy(pg->cr);
    cairo_surface_finish(pg->surf);
    if (cst == CAIRO_STATUS_SUCCESS) cst = cairo_surface_status(pg->surf);
    cairo_surface_destroy(pg->surf);
    /* Let go of the font caches, so a run under the leak checker ends clean. */
    pango_cairo_font_map_set_default(NULL);
    if (cst != CAIRO_STATUS_SUCCESS) {
        sv_private_discard(pg->f, pg->tmp);
        return sv_err_set(e, SV_EIO, "pdf", _("Kan ikke skrive %s: %s"), path, cairo_status_to_string(cst));
    }
    return sv_private_close(pg->f, pg->tmp, path, e);
}

int sv_results_pdf(const sv_res_section *s, sv_date today, const char *path, sv_err *e)
{
    char title[300];
    snprintf(title, sizeof title, _("Resultater i introduksjonsprogrammet: %s"), s->name);
    page pg;
    if (page_begin(&pg, path, title, e)) return e->code;
    cairo_t *cr = pg.cr;
    double y = MARGIN;
    y += para(cr, MARGIN, y, PAGE_W - 2 * MARGIN, "Sans Bold", 15, title) + 2;
    char line[400], day[11];
    sv_date_nor(today, day);
    snprintf(line, sizeof line, _("Kommune %s · avsluttet i %d%s · per %s"), s->number, s->year,
             s->preliminary ? _(" (foreløpig: året er ikke omme)") : "", day);
    y += para(cr, MARGIN, y, PAGE_W - 2 * MARGIN, "Sans", 10, line) + 2;
    snprintf(line, sizeof line, _("Andel i arbeid eller utdanning ved slutt og ett år etter. Nasjonalt mål: %d %% ett år etter "
                                  "(streken). Grønt: nådd, oransje: under."), SV_RESULTS_TARGET);
    y += para(cr, MARGIN, y, PAGE_W - 2 * MARGIN, "Sans", 8.5, line) + 10;
    text(cr, MARGIN + 160, y, 40, "Sans Bold", 8, _("Antall"));
    text(cr, MARGIN + 200, y, 160, "Sans Bold", 8, _("Ved slutt"));
    text(cr, MARGIN + 366, y, 160, "Sans Bold", 8, _("Etter ett år"));
    y += 14;
    int dim = -1;
    for (int k = 0; k < s->ncells && y < PAGE_H - MARGIN - 40; k++) {
        const sv_res_cell *c = &s->cells[k];
        if (c->dim == SV_DIM_MEASURE && c->n == 0) continue;
        if ((int)c->dim != dim) {
            dim = (int)c->dim;
            if (c->dim != SV_DIM_TOTAL) {
                y += 4;
                cairo_set_source_rgb(cr, 0.2, 0.2, 0.45);
                y += text(cr, MARGIN, y, 300, "Sans Bold", 9, sv_res_dim_label(c->dim)) + 1;
            }
        }
        row(cr, y, c, c->dim == SV_DIM_TOTAL);
        y += 12.5;
    }
    char lack[16];
    snprintf(line, sizeof line, _("Mangler ettårsstatus: %s. «<%d»: for få til å vises; «:»: skjult så et lite tall ikke kan "
                                  "regnes ut av summen. Kilde: stegvis."), sv_res_lacking(&s->cells[0], lack), SV_RESULTS_MIN);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    para(cr, MARGIN, PAGE_H - MARGIN - 24, PAGE_W - 2 * MARGIN, "Sans", 7.5, line);
    return page_end(&pg, path, e);
}

int sv_checklist_pdf(const sv_checklist *cl, const char *scope, sv_date today, const char *path, sv_err *e)
{
    char title[300], line[400], day[11];
    snprintf(title, sizeof title, _("Tilsynssjekkliste: %s"), scope);
    page pg;
    if (page_begin(&pg, path, title, e)) return e->code;
    cairo_t *cr = pg.cr;
    double y = MARGIN;
    y += para(cr, MARGIN, y, PAGE_W - 2 * MARGIN, "Sans Bold", 15, title) + 2;
    sv_date_nor(today, day);
    char ns[64], nd[64];
    snprintf(ns, sizeof ns, _n("%d sak", "%d saker", cl->cases), cl->cases);
    snprintf(nd, sizeof nd, _n("%d vedtak kontrollert", "%d vedtak kontrollert", cl->decisions), cl->decisions);
    snprintf(line, sizeof line, _("Per %s: %s, %s. Stolpen er andelen saker uten brudd per kontrollspørsmål (grønt: ingen brudd)."),
             day, ns, nd);
    y += para(cr, MARGIN, y, PAGE_W - 2 * MARGIN, "Sans", 9, line) + 10;
    text(cr, MARGIN + 276, y, 64, "Sans Bold", 8, _("Kontrollert"));
    text(cr, MARGIN + 346, y, 40, "Sans Bold", 8, _("Brudd"));
    text(cr, MARGIN + 392, y, 110, "Sans Bold", 8, _("Uten brudd"));
    y += 14;
    const char *law = "";
    for (int i = 0; i < cl->nitems && y < PAGE_H - MARGIN - 40; i++) {
        const sv_check_item *it = &cl->items[i];
        if (strcmp(law, it->law)) {
            law = it->law;
            y += 4;
            cairo_set_source_rgb(cr, 0.2, 0.2, 0.45);
            y += text(cr, MARGIN, y, 300, "Sans Bold", 9, law) + 1;
        }
        char q[360], n[16], v[16], p[16];
        snprintf(q, sizeof q, "%s %s", it->control, it->question);
        snprintf(n, sizeof n, "%d", it->checked);
        snprintf(v, sizeof v, "%d", it->violations);
        int pct = it->checked ? (int)((200L * (it->checked - it->violations) + it->checked) / (2L * it->checked)) : -1;
        snprintf(p, sizeof p, pct < 0 ? "-" : "%d %%", pct);
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, MARGIN + 6, y, 264, "Sans", 8, q);
        text(cr, MARGIN + 276, y, 60, "Sans", 8, n);
        text(cr, MARGIN + 346, y, 40, "Sans", 8, v);
        bar_to(cr, MARGIN + 392, y + 2, 84, 8, pct, 100);
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, MARGIN + 480, y, 40, "Sans", 8, p);
        y += 12.5;
    }
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    para(cr, MARGIN, PAGE_H - MARGIN - 24, PAGE_W - 2 * MARGIN, "Sans", 7.5,
         _("Kontrollspørsmålene er Statsforvalterens; historikken (fristen for plan, underretning, vurdering, endring "
           "etter vedtak) er tatt med. Kilde: stegvis."));
    return page_end(&pg, path, e);
}
