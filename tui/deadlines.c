/* Deadlines across the participants: plans due, reviews due, NIR registrations due and
 * programmes ending, earliest first. The order and paging come from the overview query; only
 * the visible cases are loaded to show each of their deadlines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/case.h"
#include "../core/overview.h"
#include "tui.h"

enum { A_OVERDUE = TA_OWN, A_MINE };

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {TK_ENTER, TK(KEY_ENTER), "Enter", N_("åpne saken"), TA_OPEN, 1},
    {'o', 0, "o", N_("bare forfalte / alle"), A_OVERDUE, 1},
    {'a', 0, "a", N_("bare mine / alle"), A_MINE, 1, N_("bare deltakerne du er programrådgiver for, eller alle i kommunen")},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

#define VIS 128

typedef struct {
    tui_screen base;
    sv_filter f;
    long total, cur, top, loaded_top;
    int n, loaded_n, dirty;
    sv_overview_row rows[VIS];
    sv_deadlines d[VIS];
    char adviser[VIS][33];
} dl_screen;

static void load(dl_screen *ds, int nvis)
{
    sv_err e;
    sv_err_clear(&e);
    if (ds->dirty) {
        tui_busy(_("Henter frister, tidligste først ..."));
        ds->total = sv_overview_count(TUI.st, &ds->f, &e);
        if (ds->total < 0) ds->total = 0;
        ds->dirty = 0;
    }
    if (ds->cur >= ds->total) ds->cur = ds->total ? ds->total - 1 : 0;
    if (ds->cur < ds->top) ds->top = ds->cur;
    if (ds->cur >= ds->top + nvis) ds->top = ds->cur - nvis + 1;
    if (nvis > VIS) nvis = VIS;
    int n = sv_overview_page(TUI.st, &ds->f, (int)ds->top, nvis, ds->rows, &e);
    if (n < 0) {
        tui_msg(1, "%s", e.msg);
        n = 0;
    }
    for (int i = 0; i < n; i++) {
        sv_case c;
        memset(&ds->d[i], 0, sizeof ds->d[i]);
        ds->d[i].plan_due = ds->d[i].review_due = ds->d[i].nir_due = ds->d[i].programme_end = SV_NODATE;
        ds->adviser[i][0] = '\0';
        if (sv_case_load(TUI.st, ds->rows[i].id, &c, &e) == SV_OK) {
            sv_case_derive(&c, sv_today(), &ds->d[i]);
            snprintf(ds->adviser[i], sizeof ds->adviser[i], "%s", c.p.adviser);
            sv_case_free(&c);
        }
    }
    ds->n = n;
    ds->loaded_top = ds->top;
    ds->loaded_n = nvis;
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    dl_screen *ds = (dl_screen *)s;
    int nvis = h - 3;
    if (nvis < 1) nvis = 1;
    if (ds->dirty || ds->loaded_top != ds->top || ds->loaded_n != nvis || ds->cur < ds->top ||
        ds->cur >= ds->top + nvis)
        load(ds, nvis);
    char nt[64];
    snprintf(nt, sizeof nt, _n("%ld sak", "%ld saker", ds->total), ds->total);
    tui_putf(w, 0, 0, wd, _("Frister, tidligste først%s%s. %s. * = dine deltakere. Rødt = passert."),
             ds->f.overdue ? _(" (bare forfalte)") : "", ds->f.adviser[0] ? _(" (bare dine)") : "", nt);
    int namew = wd - 5 * 11 - 2;
    if (namew < 10) namew = 10;
    wattron(w, A_BOLD | A_UNDERLINE);
    mvwhline(w, 2, 0, ' ', wd);
    tui_putf(w, 2, 0, wd, "%-*s %-10s %-10s %-10s %-10s %-10s", namew, _("Navn"), _("Neste"), _("Planvedtak"),
             _("Vurdering"), "NIR", _("Slutt"));
    wattroff(w, A_BOLD | A_UNDERLINE);
    sv_date today = sv_today();
    const char *me = sv_login();
    for (int i = 0; i < ds->n && i < nvis; i++) {
        const sv_deadlines *d = &ds->d[i];
        int sel = ds->top + i == ds->cur, y = 3 + i;
        if (sel) wattron(w, A_REVERSE);
        mvwhline(w, y, 0, ' ', wd);
        char name[160];
        snprintf(name, sizeof name, "%s%s", !strcmp(ds->adviser[i], me) ? "* " : "", ds->rows[i].name);
        tui_put(w, y, 0, namew, name, 0);
        sv_date cols[5] = {ds->rows[i].next, d->plan_due, d->review_due, d->nir_due, d->programme_end};
        for (int c = 0; c < 5; c++) {
            char t[11];
            sv_date_nor(cols[c], t);
            int late = cols[c] != SV_NODATE && cols[c] < today;
            if (late) wattron(w, tui_attr(TC_ERR));
            tui_put(w, y, namew + 1 + c * 11, 10, t[0] ? t : "-", 0);
            if (late) wattroff(w, tui_attr(TC_ERR));
            if (sel) wattron(w, A_REVERSE);
        }
        if (sel) wattroff(w, A_REVERSE);
    }
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    dl_screen *ds = (dl_screen *)s;
    if (ds->dirty || ds->loaded_top != ds->top) load(ds, ds->loaded_n > 0 ? ds->loaded_n : 1);
    int page = ds->loaded_n > 1 ? ds->loaded_n - 1 : 1;
    switch (act) {
    case TA_UP: if (ds->cur > 0) ds->cur--; break;
    case TA_DOWN: if (ds->cur + 1 < ds->total) ds->cur++; break;
    case TA_PGUP: ds->cur = ds->cur > page ? ds->cur - page : 0; break;
    case TA_PGDN: ds->cur = ds->cur + page < ds->total ? ds->cur + page : ds->total - 1; break;
    case TA_HOME: ds->cur = 0; break;
    case TA_END: ds->cur = ds->total ? ds->total - 1 : 0; break;
    case TA_OPEN:
        if (ds->cur - ds->top < ds->n) tui_push(tui_case_new(ds->rows[ds->cur - ds->top].id));
        break;
    case A_OVERDUE: ds->f.overdue = !ds->f.overdue; ds->dirty = 1; ds->cur = ds->top = 0; break;
    case A_MINE:
        if (ds->f.adviser[0]) ds->f.adviser[0] = '\0';
        else snprintf(ds->f.adviser, sizeof ds->f.adviser, "%s", sv_login());
        ds->dirty = 1;
        ds->cur = ds->top = 0;
        break;
    case TA_BACK: return 1;
    default: break;
    }
    return 0;
}

/* A click on a participant's row selects it; a double click opens the case. */
static void click(tui_screen *s, int y, int x, int twice)
{
    (void)x;
    dl_screen *ds = (dl_screen *)s;
    if (y < 3 || y - 3 >= ds->n) return;
    ds->cur = ds->top + y - 3;
    if (twice) key(s, TA_OPEN, 0);
}

static void resume(tui_screen *s)
{
    ((dl_screen *)s)->dirty = 1;
}

static void destroy(tui_screen *s)
{
    free(s);
}

tui_screen *tui_deadlines_new(void)
{
    dl_screen *ds = sv_xcalloc(1, sizeof *ds);
    sv_filter_init(&ds->f);
    ds->f.municipality_id = TUI.muni_id;
    ds->f.sort = SV_SORT_DEADLINE;
    /* An adviser sees the deadlines of their own participants first; `a` shows everyone's. */
    const sv_user *u = sv_store_user(TUI.st);
    if (u && !strcmp(u->role, "adviser")) snprintf(ds->f.adviser, sizeof ds->f.adviser, "%s", u->login);
    ds->dirty = 1;
    ds->loaded_top = -1;
    ds->base = (tui_screen){_("Frister"), KEYS, draw, key, resume, destroy, 0,
                            N_("Fristene til alle deltakerne, den tidligste først: når planen skal vedtas, når den skal "
                               "vurderes, registrering i NIR og når programmet slutter. Datoer som er passert, står i rødt.")};
    ds->base.keymap = "deadlines";
    ds->base.click = click;
    return &ds->base;
}
