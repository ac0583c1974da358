/* The NIR worklist screen: open items, earliest deadline (the overdue) first, a page at a time
 * from core/nir.c; r marks the selected item registered, Enter opens the case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fnr.h"
#include "../core/nir.h"
#include "tui.h"

enum { A_REGISTER = TA_OWN, A_MINE };

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {TK_ENTER, TK(KEY_ENTER), "Enter", N_("åpne saken"), TA_OPEN, 1},
    {'r', 0, "r", N_("registrert i NIR"), A_REGISTER, 1, N_("merk valgt punkt som registrert i NIR (dato og bruker lagres)")},
    {'a', 0, "a", N_("bare mine / alle"), A_MINE, 1, N_("bare deltakerne du er programrådgiver for, eller alle i kommunen")},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

#define VIS 128

typedef struct {
    tui_screen base;
    sv_nir_filter f;
    long total, overdue, cur, top, loaded_top;
    int n, loaded_n, dirty;
    sv_nir_item rows[VIS];
} nir_screen;

typedef struct {
    nir_screen *ns;
    int n;
} fill_ctx;

static int fill(const sv_nir_item *it, void *ctx)
{
    fill_ctx *fc = ctx;
    fc->ns->rows[fc->n++] = *it;
    return fc->n >= VIS;
}

static void load(nir_screen *ns, int nvis)
{
    sv_err e;
    sv_err_clear(&e);
    sv_date today = sv_today();
    sv_store_read_begin(TUI.st, &e);   /* the count and the page from one snapshot */
    if (ns->dirty) {
        if (sv_nir_count(TUI.st, &ns->f, today, &ns->total, &ns->overdue, &e)) {
            tui_msg(1, "%s", e.msg);
            ns->total = ns->overdue = 0;
        }
        ns->dirty = 0;
    }
    if (ns->cur >= ns->total) ns->cur = ns->total ? ns->total - 1 : 0;
    if (ns->cur < ns->top) ns->top = ns->cur;
    if (ns->cur >= ns->top + nvis) ns->top = ns->cur - nvis + 1;
    if (nvis > VIS) nvis = VIS;
    ns->f.offset = ns->top;
    ns->f.limit = nvis;
    fill_ctx fc = {ns, 0};
    if (sv_nir_each(TUI.st, &ns->f, today, fill, &fc, &e)) tui_msg(1, "%s", e.msg);
    sv_store_read_end(TUI.st);
    ns->n = fc.n;
    ns->loaded_top = ns->top;
    ns->loaded_n = nvis;
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    nir_screen *ns = (nir_screen *)s;
    int nvis = h - 3;
    if (nvis < 1) nvis = 1;
    if (ns->dirty || ns->loaded_top != ns->top || ns->loaded_n != nvis || ns->cur < ns->top ||
        ns->cur >= ns->top + nvis)
        load(ns, nvis);
    char nt[64], no[64];
    snprintf(nt, sizeof nt, _n("%ld åpent punkt", "%ld åpne punkter", ns->total), ns->total);
    snprintf(no, sizeof no, _n("%ld forfalt", "%ld forfalt", ns->overdue), ns->overdue);
    tui_putf(w, 0, 0, wd, _("Til NIR innen to måneder%s: %s, %s. Rødt = forfalt."), ns->f.adviser[0] ? _(" (bare dine)") : "", nt, no);
    int factw = wd - (10 + 1 + 22 + 1 + 11 + 1 + 26 + 1);
    if (factw < 8) factw = 8;
    wattron(w, A_BOLD | A_UNDERLINE);
    mvwhline(w, 2, 0, ' ', wd);
    tui_putf(w, 2, 0, wd, "%-10s %-22s %-11s %-26s %s", _("Frist"), _("Navn"), _("Fødselsnr"), _("Punkt"),
             _("Opplysning"));
    wattroff(w, A_BOLD | A_UNDERLINE);
    sv_date today = sv_today();
    for (int i = 0; i < ns->n && i < nvis; i++) {
        const sv_nir_item *it = &ns->rows[i];
        int sel = ns->top + i == ns->cur, y = 3 + i;
        char due[11], fnr[12], fact[300];
        sv_date_nor(it->due_on, due);
        sv_fnr_mask(it->fnr, fnr);
        snprintf(fact, sizeof fact, "%s%s", it->reopened ? _("(endret) ") : "", it->fact);
        if (sel) wattron(w, A_REVERSE);
        mvwhline(w, y, 0, ' ', wd);
        int late = it->due_on < today;
        if (late) wattron(w, tui_attr(TC_ERR));
        tui_put(w, y, 0, 10, due, 0);
        if (late) wattroff(w, tui_attr(TC_ERR));
        if (sel) wattron(w, A_REVERSE);
        tui_put(w, y, 11, 22, it->name, 0);
        tui_put(w, y, 34, 11, fnr, 0);
        tui_put(w, y, 46, 26, sv_nir_kind_label(it->kind), 0);
        tui_put(w, y, 73, factw, fact, 0);
        if (sel) wattroff(w, A_REVERSE);
    }
    if (!ns->n) tui_put(w, 4, 2, wd - 2, _("Ingen åpne NIR-punkter: alt som har skjedd, er registrert."), 0);
}

static void do_register(nir_screen *ns)
{
    if (ns->cur - ns->top >= ns->n || ns->cur < ns->top) return;
    const sv_nir_item *it = &ns->rows[ns->cur - ns->top];
    char when[16];
    sv_date_nor(sv_today(), when);
    char label[200];
    snprintf(label, sizeof label, _("%s registrert i NIR (dd.mm.åååå): "), sv_nir_kind_label(it->kind));
    if (!tui_prompt(label, when, sizeof when)) return;
    sv_date on;
    if (sv_date_parse(when, &on) || on == SV_NODATE) {
        tui_msg(1, _("Registrert i NIR: «%s» er ikke en dato (dd.mm.åååå)"), when);
        return;
    }
    sv_err e;
    sv_err_clear(&e);
    char item[40];
    snprintf(item, sizeof item, "%s", it->item);
    if (sv_nir_register(TUI.st, item, on, sv_today(), &e)) {
        tui_msg(1, "%s", e.msg);
        return;
    }
    tui_msg(2, _("%s er registrert i NIR."), item);
    ns->dirty = 1;
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    nir_screen *ns = (nir_screen *)s;
    int page = ns->loaded_n > 1 ? ns->loaded_n - 1 : 1;
    switch (act) {
    case TA_UP: if (ns->cur > 0) ns->cur--; break;
    case TA_DOWN: if (ns->cur + 1 < ns->total) ns->cur++; break;
    case TA_PGUP: ns->cur = ns->cur > page ? ns->cur - page : 0; break;
    case TA_PGDN: ns->cur = ns->cur + page < ns->total ? ns->cur + page : ns->total - 1; break;
    case TA_HOME: ns->cur = 0; break;
    case TA_END: ns->cur = ns->total ? ns->total - 1 : 0; break;
    case TA_OPEN:
        if (ns->cur >= ns->top && ns->cur - ns->top < ns->n) tui_push(tui_case_new(ns->rows[ns->cur - ns->top].participant_id));
        break;
    case A_REGISTER: do_register(ns); break;
    case A_MINE:
        if (ns->f.adviser[0]) ns->f.adviser[0] = '\0';
        else snprintf(ns->f.adviser, sizeof ns->f.adviser, "%s", sv_login());
        ns->dirty = 1;
        ns->cur = ns->top = 0;
        break;
    case TA_BACK: return 1;
    default: break;
    }
    if (ns->cur < 0) ns->cur = 0;
    return 0;
}

static void resume(tui_screen *s)
{
    ((nir_screen *)s)->dirty = 1;
}

static void destroy(tui_screen *s)
{
    free(s);
}

tui_screen *tui_nir_new(void)
{
    nir_screen *ns = sv_xcalloc(1, sizeof *ns);
    sv_nir_filter_init(&ns->f);
    ns->f.municipality_id = TUI.muni_id;
    const sv_user *u = sv_store_user(TUI.st);
    if (u && !strcmp(u->role, "adviser")) snprintf(ns->f.adviser, sizeof ns->f.adviser, "%s", u->login);
    ns->dirty = 1;
    ns->loaded_top = -1;
    ns->base = (tui_screen){_("NIR"), KEYS, draw, key, resume, destroy, 0,
                            N_("Det som skal registreres i Nasjonalt introduksjonsregister innen to måneder etter at det "
                               "skjedde, det eldste først. Punktene kommer fra det som er registrert i sakene; en endring "
                               "i en registrert opplysning åpner punktet igjen.")};
    return &ns->base;
}
