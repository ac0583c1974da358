/* The results screen: per year of ending, the share in work or education at the end and one
 * year after drawn as bars against the 70 % target, for all who ended and per ending reason,
 * final goal, schooling and measure kind (core/results.c, small counts hidden). ←/→ change
 * year; d lists whose one-year status is due. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fnr.h"
#include "../core/results.h"
#include "tui.h"

enum { A_DUE = TA_OWN };

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {TK(KEY_LEFT), 'h', "←/→", N_("år"), TA_LEFT, 1, N_("forrige / neste år med avsluttede deltakere")},
    {TK(KEY_RIGHT), 'l', "→", N_("neste år"), TA_RIGHT, 0},
    {'d', 0, "d", N_("ettårsstatus"), A_DUE, 1, N_("deltakerne som skal ha registrert status ett år etter avslutning")},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

typedef struct {
    tui_screen base;
    sv_results r;
    int loaded, shown, sec, top, due;
    char err[SV_ERR_MAX];
    sv_res_due *dues;
    int ndues;
} res_screen;

static int add_due(const sv_res_due *d, void *ctx)
{
    res_screen *rs = ctx;
    rs->dues = sv_xrealloc(rs->dues, sizeof *rs->dues * (size_t)(rs->ndues + 1));
    rs->dues[rs->ndues++] = *d;
    return rs->ndues >= 2000;
}

static void load(res_screen *rs)
{
    sv_err e;
    sv_err_clear(&e);
    sv_results_free(&rs->r);
    free(rs->dues);
    rs->dues = NULL;
    rs->ndues = 0;
    rs->err[0] = '\0';
    if (sv_results_run(TUI.st, TUI.muni_id, 0, sv_today(), &rs->r, &e) ||
        sv_results_due_each(TUI.st, TUI.muni_id, sv_today(), add_due, rs, &e))
        snprintf(rs->err, sizeof rs->err, "%s", e.msg);
    if (!rs->shown) rs->sec = rs->r.nsections ? rs->r.nsections - 1 : 0;   /* the latest year */
    rs->shown = 1;
    if (rs->sec >= rs->r.nsections) rs->sec = rs->r.nsections ? rs->r.nsections - 1 : 0;
    rs->loaded = 1;
}

/* A bar of width cols for pct (0-100), the target marked with |. */
static void bar(WINDOW *w, int y, int x, int cols, int pct)
{
    int fill = pct < 0 ? 0 : (pct * cols + 50) / 100, mark = (SV_RESULTS_TARGET * cols + 50) / 100;
    for (int i = 0; i < cols; i++) {
        const char *ch = i < fill ? "█" : i == mark ? "|" : "·";
        int good = pct >= SV_RESULTS_TARGET;
        if (i < fill) wattron(w, tui_attr(good ? TC_OK : TC_WARN));
        tui_put(w, y, x + i, 1, ch, 0);
        if (i < fill) wattroff(w, tui_attr(good ? TC_OK : TC_WARN));
    }
}

static void draw_due(res_screen *rs, WINDOW *w, int h, int wd)
{
    tui_putf(w, 0, 0, wd, _n("Ettårsstatus som skal registreres: %d deltaker", "Ettårsstatus som skal registreres: %d deltakere", rs->ndues),
             rs->ndues);
    wattron(w, A_BOLD | A_UNDERLINE);
    tui_putf(w, 2, 0, wd, "%-28s %-11s %-10s %-10s", _("Navn"), _("Fødselsnr"), _("Avsluttet"), _("Frist"));
    wattroff(w, A_BOLD | A_UNDERLINE);
    for (int i = rs->top, y = 3; i < rs->ndues && y < h; i++, y++) {
        char fnr[12], a[11], b[11];
        sv_fnr_mask(rs->dues[i].fnr, fnr);
        sv_date_nor(rs->dues[i].ended_on, a);
        sv_date_nor(rs->dues[i].due_on, b);
        tui_put(w, y, 0, 28, rs->dues[i].name, 0);
        tui_putf(w, y, 29, wd - 29, "%-11s %-10s %-10s", fnr, a, b);
    }
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    res_screen *rs = (res_screen *)s;
    if (!rs->loaded) load(rs);
    if (rs->err[0]) {
        tui_put(w, 0, 0, wd, rs->err, 0);
        return;
    }
    if (rs->due) {
        draw_due(rs, w, h, wd);
        return;
    }
    if (!rs->r.nsections) {
        tui_put(w, 0, 0, wd, _("Ingen deltakere har avsluttet programmet ennå, så det er ingen resultater å vise."), 0);
        return;
    }
    const sv_res_section *sec = &rs->r.sections[rs->sec];
    tui_putf(w, 0, 0, wd, _("Resultater %s, avsluttet i %d%s. Mål: %d %% i arbeid eller utdanning ett år etter (|)."),
             sec->name, sec->year, sec->preliminary ? _(" (foreløpig)") : "", SV_RESULTS_TARGET);
    int labw = wd / 3 > 30 ? 30 : wd / 3, barw = (wd - labw - 6 - 2 * 6) / 2;
    if (barw < 5) barw = 5;
    wattron(w, A_BOLD | A_UNDERLINE);
    mvwhline(w, 2, 0, ' ', wd);
    tui_putf(w, 2, 0, wd, "%-*s %5s %-*s %-*s", labw, "", _("Antall"), barw + 5, _("Ved slutt"), barw + 5,
             _("Ett år etter"));
    wattroff(w, A_BOLD | A_UNDERLINE);
    int y = 3, row = 0;
    sv_res_dim dim = SV_DIM_TOTAL;
    for (int k = 0; k < sec->ncells && y < h; k++) {
        const sv_res_cell *c = &sec->cells[k];
        if (c->dim == SV_DIM_MEASURE && c->n == 0) continue;
        if (c->dim != dim) {
            dim = c->dim;
            if (row++ >= rs->top) {
                wattron(w, A_BOLD);
                tui_put(w, y++, 0, wd, sv_res_dim_label(dim), 0);
                wattroff(w, A_BOLD);
            }
        }
        if (row++ < rs->top) continue;
        if (y >= h) break;
        char n[16], pa[16], pb[16];
        int se = sv_res_share_end(c), s1 = sv_res_share_1y(c);
        snprintf(pa, sizeof pa, se < 0 ? "  -" : "%3d%%", se);
        snprintf(pb, sizeof pb, s1 < 0 ? "  -" : "%3d%%", s1);
        tui_put(w, y, 1, labw - 1, sv_res_value_label(c), 0);
        tui_putf(w, y, labw + 1, 5, "%5s", sv_res_count(c, n));
        tui_put(w, y, labw + 7, 4, pa, 0);
        bar(w, y, labw + 12, barw - 1, se);
        tui_put(w, y, labw + 12 + barw, 4, pb, 0);
        bar(w, y, labw + 17 + barw, barw - 1, s1);
        y++;
    }
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    res_screen *rs = (res_screen *)s;
    switch (act) {
    case TA_UP: if (rs->top > 0) rs->top--; break;
    case TA_DOWN: rs->top++; break;
    case TA_PGUP: rs->top = rs->top > 10 ? rs->top - 10 : 0; break;
    case TA_PGDN: rs->top += 10; break;
    case TA_HOME: rs->top = 0; break;
    case TA_LEFT: if (rs->sec > 0) rs->sec--; rs->top = 0; break;
    case TA_RIGHT: if (rs->sec + 1 < rs->r.nsections) rs->sec++; rs->top = 0; break;
    case A_DUE: rs->due = !rs->due; rs->top = 0; break;
    case TA_BACK:
        if (rs->due) { rs->due = 0; rs->top = 0; break; }
        return 1;
    default: break;
    }
    int max = rs->due ? rs->ndues : rs->r.nsections ? rs->r.sections[rs->sec].ncells + SV_DIM__COUNT : 0;
    if (rs->top >= max) rs->top = max > 0 ? max - 1 : 0;
    return 0;
}

static void resume(tui_screen *s)
{
    ((res_screen *)s)->loaded = 0;
}

static void destroy(tui_screen *s)
{
    res_screen *rs = (res_screen *)s;
    sv_results_free(&rs->r);
    free(rs->dues);
    free(rs);
}

tui_screen *tui_results_new(void)
{
    res_screen *rs = sv_xcalloc(1, sizeof *rs);
    rs->base = (tui_screen){_("Resultater"), KEYS, draw, key, resume, destroy, 0,
                            N_("Hvor mange som avsluttet programmet, og hvor stor andel som var i arbeid eller utdanning "
                               "ved slutt og ett år etter, mot målet på 70 %. Tall under 5 vises som «<5».")};
    return &rs->base;
}
