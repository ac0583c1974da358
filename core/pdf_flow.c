/* The page flow of pdf_flow.h: items are laid out with pango as they are added, placed on
 * pages in a first pass and drawn in a second. */
#include "pdf_flow.h"

#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCOLS 8
#define PAD 3.0

typedef enum { I_PARA, I_HEADING, I_SPACE, I_COLS, I_HEAD, I_ROW } ikind;

typedef struct {
    ikind kind;
    PangoLayout *l[MAXCOLS];
    int n;                  /* layouts (cells) */
    double x[MAXCOLS], w[MAXCOLS];
    double h;               /* whole height (space: its size) */
    int head;               /* I_ROW: the item of its table's header */
    int nlines;             /* I_PARA and I_HEADING: lines with their tops and baselines */
    double *top, *base, *lh, *lx;
} item;

typedef struct {
    int item, page, l0, l1;
    double y;
} piece;

struct sv_flow {
    sv_pdf *pdf;
    cairo_t *cr;
    double left, top, right, bottom, width;
    char footer[96];
    item *it;
    int n;
    piece *pc;
    int npc;
    int table;             /* the current table's header item, or -1 */
    PangoContext *ctx;     /* one for every layout of the flow */
    PangoFontDescription *fonts[8];
    const char *names[8];
    int nfonts;
};

static int g_last_pages;

int sv_flow_last_pages(void)
{
    return g_last_pages;
}

sv_flow *sv_flow_new(sv_pdf *p, double left, double top, double right, double bottom, const char *footer)
{
    sv_flow *f = sv_xcalloc(1, sizeof *f);
    f->pdf = p;
    f->cr = sv_pdf_cr(p);
    f->left = left;
    f->top = top;
    f->right = right;
    f->bottom = bottom;
    f->width = SV_PDF_PAGE_W - left - right;
    snprintf(f->footer, sizeof f->footer, "%s", footer ? footer : "{side}/{sider}");
    f->table = -1;
    f->ctx = pango_cairo_create_context(f->cr);
    pango_cairo_context_set_resolution(f->ctx, 72);   /* sizes in points, as the page is */
    return f;
}

static const char *font_of(sv_flow_style s)
{
    switch (s) {
    case SV_FLOW_SMALL: return SV_PDF_SANS " 9";
    case SV_FLOW_BOLD: return SV_PDF_SANS " Bold 10.5";
    case SV_FLOW_TITLE: return SV_PDF_SANS " Bold 14";
    case SV_FLOW_HEADING: return SV_PDF_SANS " Bold 11.5";
    default: return SV_PDF_SANS " 10.5";
    }
}

static PangoLayout *layout(sv_flow *f, const char *font, double width, const char *text)
{
    PangoLayout *l = pango_layout_new(f->ctx);
    int k = 0;
    while (k < f->nfonts && strcmp(f->names[k], font)) k++;
    if (k == f->nfonts && k < 8) {
        f->names[k] = font;
        f->fonts[k] = pango_font_description_from_string(font);
        f->nfonts++;
    }
    if (k < 8) pango_layout_set_font_description(l, f->fonts[k]);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(l, text ? text : "", -1);
    return l;
}

static double height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static item *add(sv_flow *f, ikind k)
{
    f->it = sv_xrealloc(f->it, sizeof *f->it * (size_t)(f->n + 1));
    item *i = &f->it[f->n++];
    memset(i, 0, sizeof *i);
    i->kind = k;
    i->head = -1;
    return i;
}

/* The lines of a one-layout item, for breaking it between pages. */
static void lines_of(item *i)
{
    PangoLayout *l = i->l[0];
    int n = pango_layout_get_line_count(l);
    i->nlines = n;
    i->top = sv_xcalloc((size_t)n + 1, sizeof *i->top);
    i->base = sv_xcalloc((size_t)n + 1, sizeof *i->base);
    i->lh = sv_xcalloc((size_t)n + 1, sizeof *i->lh);
    i->lx = sv_xcalloc((size_t)n + 1, sizeof *i->lx);
    PangoLayoutIter *it = pango_layout_get_iter(l);
    int k = 0;
    do {
        int y0, y1;
        PangoRectangle ink, logical;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        pango_layout_iter_get_line_extents(it, &ink, &logical);
        i->top[k] = (double)y0 / PANGO_SCALE;
        i->lh[k] = (double)(y1 - y0) / PANGO_SCALE;
        i->base[k] = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
        i->lx[k] = (double)logical.x / PANGO_SCALE;
        k++;
    } while (k < n && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    i->h = height(l);
}

void sv_flow_heading(sv_flow *f, const char *text)
{
    f->table = -1;
    item *i = add(f, I_HEADING);
    i->l[0] = layout(f, font_of(SV_FLOW_HEADING), f->width, text);
    i->n = 1;
    i->x[0] = f->left;
    lines_of(i);
}

void sv_flow_para(sv_flow *f, sv_flow_style style, double indent, const char *text)
{
    f->table = -1;
    if (!text || !*text) return;
    item *i = add(f, style == SV_FLOW_TITLE ? I_HEADING : I_PARA);
    i->l[0] = layout(f, font_of(style), f->width - indent, text);
    i->n = 1;
    i->x[0] = f->left + indent;
    lines_of(i);
}

void sv_flow_space(sv_flow *f, double pt)
{
    f->table = -1;
    item *i = add(f, I_SPACE);
    i->h = pt;
}

void sv_flow_columns(sv_flow *f, const char *left, double width_left, const char *right, sv_flow_style style)
{
    f->table = -1;
    item *i = add(f, I_COLS);
    double gap = 18, wr = f->width - width_left - gap;
    i->l[0] = layout(f, font_of(style), width_left, left ? left : "");
    i->x[0] = f->left;
    i->l[1] = layout(f, font_of(style), wr, right ? right : "");
    i->x[1] = f->left + width_left + gap;
    i->n = 2;
    double a = height(i->l[0]), b = height(i->l[1]);
    i->h = a > b ? a : b;
}

static void cells(sv_flow *f, item *i, int n, const double *widths, const char *const *text, const char *font)
{
    double x = f->left, h = 0;
    if (n > MAXCOLS) n = MAXCOLS;
    for (int k = 0; k < n; k++) {
        i->w[k] = widths[k];
        i->x[k] = x;
        i->l[k] = layout(f, font, widths[k] - 2 * PAD, text[k] ? text[k] : "");
        double ch = height(i->l[k]);
        if (ch > h) h = ch;
        x += widths[k];
    }
    i->n = n;
    i->h = h + 2 * PAD;
}

void sv_flow_table(sv_flow *f, int n, const double *widths, const char *const *header)
{
    item *i = add(f, I_HEAD);
    cells(f, i, n, widths, header, SV_PDF_SANS " Bold 9");
    f->table = f->n - 1;
}

void sv_flow_row(sv_flow *f, const char *const *text)
{
    if (f->table < 0) return;
    item *head = &f->it[f->table];
    int n = head->n;
    double widths[MAXCOLS];
    memcpy(widths, head->w, sizeof widths);
    int t = f->table;
    item *i = add(f, I_ROW);
    cells(f, i, n, widths, text, SV_PDF_SANS " 9");
    i->head = t;
}

static void put(sv_flow *f, int item, int page, double y, int l0, int l1)
{
    f->pc = sv_xrealloc(f->pc, sizeof *f->pc * (size_t)(f->npc + 1));
    f->pc[f->npc++] = (piece){item, page, l0, l1, y};
}

/* Height of the start of item j that must share a page with what comes before it: two lines
 * of a paragraph, a whole row or block. */
static double first_chunk(const sv_flow *f, int j)
{
    while (j < f->n && f->it[j].kind == I_SPACE) j++;
    if (j >= f->n) return 0;
    const item *i = &f->it[j];
    if (i->kind == I_PARA && i->nlines > 2) return i->top[2];
    if (i->kind == I_HEAD && j + 1 < f->n && f->it[j + 1].kind == I_ROW) return i->h + f->it[j + 1].h;
    return i->h;
}

static int paginate(sv_flow *f)
{
    double limit = SV_PDF_PAGE_H - f->bottom, y = f->top;
    int page = 0;
#define NEWPAGE() (page++, y = f->top)
    for (int k = 0; k < f->n; k++) {
        item *i = &f->it[k];
        switch (i->kind) {
        case I_SPACE:
            if (y > f->top) y += i->h;
            break;
        case I_HEADING:
        case I_HEAD: {
            double need = i->h + first_chunk(f, k + 1);
            if (y + need > limit && y > f->top) NEWPAGE();
            else if (i->kind == I_HEADING && y > f->top) y += 6;   /* air above a heading */
            put(f, k, page, y, 0, i->nlines);
            y += i->h + (i->kind == I_HEADING ? 3 : 0);
            break;
        }
        case I_COLS:
        case I_ROW:
            if (y + i->h > limit && y > f->top) {
                NEWPAGE();
                if (i->kind == I_ROW && i->head >= 0) {   /* the table's header again */
                    put(f, i->head, page, y, 0, 0);
                    y += f->it[i->head].h;
                }
            }
            put(f, k, page, y, 0, 0);
            y += i->h;
            break;
        case I_PARA: {
            int l = 0;
            while (l < i->nlines) {
                int m = 0;   /* lines l..l+m fit */
                while (l + m < i->nlines && y + (i->top[l + m] + i->lh[l + m] - i->top[l]) <= limit) m++;
                int rest = i->nlines - l;
                if (m < rest) {
                    if (m == 1 && rest >= 2 && y > f->top) m = 0;          /* no lone first line */
                    else if (rest - m == 1 && m >= 2) m--;                /* no lone last line */
                }
                if (m == 0) {
                    if (y > f->top) {
                        NEWPAGE();
                        continue;
                    }
                    m = 1;   /* a line taller than the page: it goes where it must */
                }
                put(f, k, page, y, l, l + m);
                y += i->top[l + m - 1] + i->lh[l + m - 1] - i->top[l];
                l += m;
                if (l < i->nlines) NEWPAGE();
            }
            y += 4;   /* paragraph spacing */
            break;
        }
        }
    }
#undef NEWPAGE
    return page + 1;
}

static void draw_piece(sv_flow *f, const piece *p)
{
    cairo_t *cr = f->cr;
    const item *i = &f->it[p->item];
    if (i->kind == I_PARA || i->kind == I_HEADING) {
        cairo_set_source_rgb(cr, i->kind == I_HEADING ? 0.12 : 0, i->kind == I_HEADING ? 0.16 : 0,
                             i->kind == I_HEADING ? 0.35 : 0);
        for (int k = p->l0; k < p->l1; k++) {
            PangoLayoutLine *line = pango_layout_get_line_readonly(i->l[0], k);
            cairo_move_to(cr, i->x[0] + i->lx[k], p->y + i->base[k] - i->top[p->l0]);
            pango_cairo_show_layout_line(cr, line);
        }
        return;
    }
    if (i->kind == I_HEAD) {
        cairo_set_source_rgb(cr, 0.90, 0.91, 0.94);
        cairo_rectangle(cr, f->left, p->y, i->x[i->n - 1] + i->w[i->n - 1] - f->left, i->h);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int k = 0; k < i->n; k++) {
        cairo_move_to(cr, i->x[k] + (i->kind == I_COLS ? 0 : PAD), p->y + (i->kind == I_COLS ? 0 : PAD));
        pango_cairo_show_layout(cr, i->l[k]);
    }
    if (i->kind == I_ROW) {
        cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, f->left, p->y + i->h);
        cairo_line_to(cr, i->x[i->n - 1] + i->w[i->n - 1], p->y + i->h);
        cairo_stroke(cr);
    }
}

int sv_flow_finish(sv_flow *f, sv_err *e)
{
    (void)e;
    int pages = paginate(f);
    g_last_pages = pages;
    int at = 0;
    for (int pg = 0; pg < pages; pg++) {
        if (pg) sv_pdf_next_page(f->pdf);
        for (; at < f->npc && f->pc[at].page == pg; at++) draw_piece(f, &f->pc[at]);
        char foot[128], num[16];
        size_t o = 0;
        for (const char *c = f->footer; *c && o + 16 < sizeof foot;) {
            if (!strncmp(c, "{side}", 6) || !strncmp(c, "{sider}", 7)) {
                int side = c[5] == '}';
                snprintf(num, sizeof num, "%d", side ? pg + 1 : pages);
                memcpy(foot + o, num, strlen(num));
                o += strlen(num);
                c += side ? 6 : 7;
            } else {
                foot[o++] = *c++;
            }
        }
        foot[o] = '\0';
        cairo_set_source_rgb(f->cr, 0.3, 0.3, 0.3);
        sv_pdf_text(f->cr, f->left, SV_PDF_PAGE_H - f->bottom + 14, f->width, SV_PDF_SANS, 7, foot, 0);
    }
    for (int k = 0; k < f->n; k++) {
        for (int c = 0; c < f->it[k].n; c++) g_object_unref(f->it[k].l[c]);
        free(f->it[k].top);
        free(f->it[k].base);
        free(f->it[k].lh);
        free(f->it[k].lx);
    }
    free(f->it);
    free(f->pc);
    for (int k = 0; k < f->nfonts; k++) pango_font_description_free(f->fonts[k]);
    g_object_unref(f->ctx);
    free(f);
    return SV_OK;
}
