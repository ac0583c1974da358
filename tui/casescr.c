/* A participant's case: the seven steps as a progress bar, the selected step's content as a
 * list of rows to open (steps 1-4 show what the municipality has, 5-7 the participant's own),
 * what is still missing, and the step's texts beside it. Steps are worked in order: a later
 * step can be looked at, but adding to it says which earlier step is unfinished. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/case.h"
#include "../core/fnr.h"
#include "../forms/forms.h"
#include "casescr.h"

enum { A_PREV = TA_OWN, A_NEXT, A_DELETE, A_DECISION, A_INFO, A_FNR, A_STEP1, A_HISTORY, A_CERT, A_APPEAL };

#define KEYS TUI_CASE_KEYS
const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {TK(KEY_LEFT), 'h', "←/h", N_("forrige steg"), A_PREV, 0, NULL, "previous-step"},
    {TK(KEY_RIGHT), 'l', "←→", N_("steg"), A_NEXT, 1, N_("neste steg (← eller h: forrige)"), "next-step"},
    {'1', 0, "1-7", N_("gå til steg 1-7"), A_STEP1, 0},
    {TK_ENTER, TK(KEY_ENTER), "Enter", N_("åpne"), TA_OPEN, 1, N_("åpne raden, eller lag ny på en «+»-rad")},
    {'v', 0, "v", N_("vedtak"), A_DECISION, 1, NULL, "decision"},
    {'H', 0, "H", N_("historikk"), A_HISTORY, 0, N_("sakens historikk: hvem gjorde hva og når"), "history"},
    {'K', 0, "K", N_("klager"), A_APPEAL, 0, N_("klager over sakens vedtak, med fristene etter forvaltningsloven §§ 29, 31 og 33"), "appeals"},
    {'D', TK(KEY_DC), "D/Del", N_("slett raden"), A_DELETE, 0, NULL, "delete"},
    {'i', 0, "i", N_("stegtekst"), A_INFO, 1, N_("vis stegets formål, refleksjonspunkter og tips (på smal skjerm)"), "step-text"},
    {'f', 0, "f", N_("vis/skjul fødselsnummer"), A_FNR, 0, NULL, "toggle-fnr"},
    {'B', 0, "B", N_("deltakerbevis"), A_CERT, 0, N_("lag deltakerbeviset som PDF/A i eksportmappen (steg 7, når programmet er avsluttet)"), "certificate"},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

static const char *const SHORT[8] = {"", N_("Behov"), N_("Katalog"), N_("Utvikle"), N_("Avtaler"), N_("Plan"),
                                     N_("Oppfølg"), N_("Slutt")};

static void item_add(case_screen *cs, int kind, const sv_entity *ent, const void *obj, int64_t parent,
                     int indent, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static void item_add(case_screen *cs, int kind, const sv_entity *ent, const void *obj, int64_t parent,
                     int indent, const char *fmt, ...)
{
    if (cs->nitems == cs->capitems) {
        cs->capitems = cs->capitems * 2 + 32;
        cs->items = sv_xrealloc(cs->items, sizeof *cs->items * (size_t)cs->capitems);
    }
    case_item *it = &cs->items[cs->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->ent = ent;
    it->obj = obj;
    it->parent = parent;
    it->indent = indent;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(it->text, sizeof it->text, fmt, ap);
    va_end(ap);
}

static void build_items(case_screen *cs)
{
    cs->nitems = 0;
    int s = cs->step;
    if (s <= 4) {
        case_build_municipal(cs);
        return;
    }
    if (s > 5 && !cs->c.ndecisions)
        item_add(cs, IT_WARN, NULL, NULL, 0, 0, _("Steg 5 er ikke ferdig (%s). Du kan se her, men fullfør steg 5 først."),
                 cs->missing[5]);
    if (cs->missing[s][0]) item_add(cs, IT_WARN, NULL, NULL, 0, 0, _("Mangler: %s"), cs->missing[s]);
    if (s == 5) case_build_step5(cs);
    else if (s == 6) case_build_step6(cs);
    else case_build_step7(cs);
    if (cs->cur >= cs->nitems) cs->cur = cs->nitems ? cs->nitems - 1 : 0;
    while (cs->cur < cs->nitems - 1 && cs->items[cs->cur].kind <= IT_HEAD) cs->cur++;
}

void case_add_item(case_screen *cs, int kind, const sv_entity *ent, const void *obj, int64_t parent, int indent,
               const char *text)
{
    item_add(cs, kind, ent, obj, parent, indent, "%s", text);
}

static int reload(case_screen *cs)
{
    sv_err e;
    sv_err_clear(&e);
    sv_case_free(&cs->c);
    if (sv_case_load(TUI.st, cs->pid, &cs->c, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return -1;
    }
    sv_case_derive(&cs->c, sv_today(), &cs->d);
    case_progress(cs);
    build_items(cs);
    return 0;
}

static void draw_bar(case_screen *cs, WINDOW *w, int y, int wd)
{
    int seg = wd / 7;
    for (int s = 1; s <= 7; s++) {
        char t[64];
        const char *mark = cs->done[s] ? "✓" : s == cs->d.step ? "●" : "○";
        snprintf(t, sizeof t, "%s%d %s", mark, s, _(SHORT[s]));
        int a = s == cs->step ? (int)(A_REVERSE | A_BOLD) : cs->done[s] ? tui_attr(TC_OK) : s == cs->d.step ? (int)A_BOLD : 0;
        wattron(w, a);
        tui_put(w, y, (s - 1) * seg, seg - 1, t, 1);
        wattroff(w, a);
    }
}

static void draw(tui_screen *scr, WINDOW *w, int h, int wd)
{
    case_screen *cs = (case_screen *)scr;
    const sv_participant *p = &cs->c.p;
    char fnr[12], next[11];
    if (cs->show_fnr) snprintf(fnr, sizeof fnr, "%s", p->fnr);
    else sv_fnr_mask(p->fnr, fnr);
    sv_date_nor(cs->d.next, next);
    wattron(w, A_BOLD);
    int x = tui_putf(w, 0, 0, wd, "%s  %s", p->name, fnr);
    wattroff(w, A_BOLD);
    tui_putf(w, 0, x, wd - x, _("  %s · Plan: %s"), sv_law_code(sv_participant_law(p)),
             sv_plan_status_label(cs->d.status));
    if (cs->d.next_label && cs->d.next_label[0] && next[0]) {
        wattron(w, tui_attr(TC_DIM));
        tui_putf(w, 1, 0, wd, _("Neste: %s %s"), cs->d.next_label, next);
        wattroff(w, tui_attr(TC_DIM));
    }
    draw_bar(cs, w, 2, wd);
    int top = 4, rows = h - top;
    if (cs->info && wd < 100) {
        tui_steptext_draw(w, top, 0, rows, wd, cs->step);
        return;
    }
    int lw = wd >= 100 ? wd * 3 / 5 : wd;
    if (wd >= 100) {
        for (int y = top; y < h; y++) mvwaddch(w, y, lw, ACS_VLINE);
        tui_steptext_draw(w, top, lw + 2, rows, wd - lw - 2, cs->step);
    }
    if (cs->cur < cs->top) cs->top = cs->cur;
    if (cs->cur >= cs->top + rows) cs->top = cs->cur - rows + 1;
    for (int i = cs->top; i < cs->nitems && i - cs->top < rows; i++) {
        const case_item *it = &cs->items[i];
        int y = top + i - cs->top, a = 0;
        if (it->kind == IT_WARN) a = tui_attr(TC_WARN);
        else if (it->kind == IT_HEAD) a = A_BOLD;
        else if (it->kind == IT_ADD) a = tui_attr(TC_DIM);
        if (i == cs->cur && it->kind > IT_HEAD) a = A_REVERSE;
        wattron(w, a);
        tui_put(w, y, 2 * it->indent, lw - 1 - 2 * it->indent, it->text, i == cs->cur);
        wattroff(w, a);
    }
}

static int step_blocked(case_screen *cs)
{
    if (cs->step > 5 && !cs->c.ndecisions) {
        tui_msg(1, _("Steg %d venter: fullfør steg 5 først (%s)."), cs->step, cs->missing[5]);
        return 1;
    }
    return 0;
}

static void open_item(case_screen *cs)
{
    if (cs->cur >= cs->nitems) return;
    case_item *it = &cs->items[cs->cur];
    switch (it->kind) {
    case IT_ROW:
        tui_push(tui_form_new(it->ent, it->obj, it->parent, cs->pid));
        break;
    case IT_ADD:
        if (step_blocked(cs)) break;
        tui_push(tui_form_new(it->ent, NULL, it->parent, cs->pid));
        break;
    case IT_MUNI:
        tui_push(tui_muni_new(cs->step));
        break;
    case IT_DECISION:
        tui_push(tui_decision_new(cs->pid));
        break;
    default: break;
    }
}

static void delete_item(case_screen *cs)
{
    if (cs->cur >= cs->nitems || cs->items[cs->cur].kind != IT_ROW) return;
    case_item *it = &cs->items[cs->cur];
    if (it->ent == &SV_ENT_PARTICIPANT) {
        tui_msg(1, "%s", _("En deltaker slettes ikke herfra."));
        return;
    }
    char q[400];
    snprintf(q, sizeof q, _("Slette «%s»?\n\nj = ja, slett   n = nei"), it->text);
    if (tui_ask(_("Slett"), q, "jn") != 'j') return;
    const sv_meta *m = it->obj;
    sv_err e;
    sv_err_clear(&e);
    if (sv_row_delete(TUI.st, it->ent, m->id, m->version, &e) != SV_OK) tui_msg(1, "%s", e.msg);
    else tui_msg(2, _("%s er slettet."), _(it->ent->label));
    reload(cs);
}

static int key(tui_screen *scr, int act, int ch)
{
    case_screen *cs = (case_screen *)scr;
    if (ch >= '1' && ch <= '7') {
        cs->step = ch - '0';
        cs->cur = cs->top = 0;
        build_items(cs);
        return 0;
    }
    switch (act) {
    case TA_UP:
        for (int i = cs->cur - 1; i >= 0; i--)
            if (cs->items[i].kind > IT_HEAD) { cs->cur = i; break; }
        break;
    case TA_DOWN:
        for (int i = cs->cur + 1; i < cs->nitems; i++)
            if (cs->items[i].kind > IT_HEAD) { cs->cur = i; break; }
        break;
    case TA_HOME: case TA_PGUP: cs->cur = 0; build_items(cs); break;
    case TA_END: case TA_PGDN: cs->cur = cs->nitems ? cs->nitems - 1 : 0; break;
    case A_PREV: if (cs->step > 1) { cs->step--; cs->cur = cs->top = 0; build_items(cs); } break;
    case A_NEXT: if (cs->step < 7) { cs->step++; cs->cur = cs->top = 0; build_items(cs); } break;
    case TA_OPEN: open_item(cs); break;
    case A_DELETE: delete_item(cs); break;
    case A_DECISION: tui_push(tui_decision_new(cs->pid)); break;
    case A_INFO: cs->info = !cs->info; break;
    case A_HISTORY: tui_push(tui_history_new(cs->pid, cs->c.p.name)); break;
    case A_APPEAL: tui_push(tui_appeal_new(cs->pid, cs->c.p.name)); break;
    case A_FNR: cs->show_fnr = !cs->show_fnr; break;
    case A_CERT:
        if (cs->step != 7) tui_msg(1, "%s", _("Deltakerbeviset lages i steg 7, når programmet er avsluttet (7 eller →)."));
        else tui_certificate_pdf(cs->pid);
        break;
    case TA_BACK: return 1;
    default: break;
    }
    return 0;
}

static void resume(tui_screen *scr)
{
    reload((case_screen *)scr);
}

/* A click on a row of the step (below the step bar) selects it; a double click opens it. */
static void click(tui_screen *scr, int y, int x, int twice)
{
    case_screen *cs = (case_screen *)scr;
    int i = cs->top + y - 4;
    if (y < 4 || (cs->info && COLS < 100) || (COLS >= 100 && x >= COLS * 3 / 5) || i >= cs->nitems ||
        cs->items[i].kind <= IT_HEAD)
        return;
    cs->cur = i;
    if (twice) open_item(cs);
}

static void destroy(tui_screen *scr)
{
    case_screen *cs = (case_screen *)scr;
    sv_case_free(&cs->c);
    free(cs->items);
    free(cs);
}

tui_screen *tui_case_new(int64_t pid)
{
    case_screen *cs = sv_xcalloc(1, sizeof *cs);
    cs->pid = pid;
    snprintf(cs->title, sizeof cs->title, "%s", _("Sak"));
    cs->base = (tui_screen){cs->title, KEYS, draw, key, resume, destroy, 0,
                            N_("Saken følger de sju stegene. Steg 1-4 er kommunens (arbeidskraftbehov, tiltak, avtaler), "
                               "steg 5-7 deltakerens: kartlegging og plan med vedtak, oppfølging, sluttevaluering. "
                               "✓ = ferdig, ● = steget saken står på. Rader med + lager noe nytt. Stegene tas i rekkefølge.")};
    cs->base.keymap = "case";
    cs->base.click = click;
    if (reload(cs) != 0) {
        destroy(&cs->base);
        return NULL;
    }
    cs->step = cs->d.step;
    build_items(cs);
    snprintf(cs->title, sizeof cs->title, _("Sak: %s"), cs->c.p.name);
    return &cs->base;
}
