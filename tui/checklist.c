/* The supervisor's checklist: control questions down; cases checked, violations and remarks
 * across (core/checklist.h runs the rules over every case's last decision and its history).
 * Enter drills down to the cases with a violation, and on to a case and its decision screen,
 * where the evidence is. Read-only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/checklist.h"
#include "../forms/forms.h"
#include "tui.h"

enum { A_RERUN = TA_OWN, A_AS_OF };

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {TK_ENTER, TK(KEY_ENTER), "Enter", N_("vis sakene"), TA_OPEN, 1, N_("vis sakene med brudd, og videre til saken og vedtaket (bevis)")},
    {'r', 0, "r", N_("kjør på nytt"), A_RERUN, 1, N_("kjør sjekklisten på nytt over alle saker")},
    {'d', 0, "d", N_("per dato"), A_AS_OF, 1, N_("kjør sjekklisten slik saken sto på en dag (ikke fram i tid)")},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

typedef struct {
    tui_screen base;
    sv_checklist cl;
    int ran, cur, top;
    int drill;                /* -1: the table; else the item whose cases are shown */
    int dcur, dtop;
    char (*names)[121];       /* names of the drilled item's cases, read as shown */
    sv_date as_of;            /* the day the checklist is judged as of (today unless chosen) */
} cl_screen;

static void run(cl_screen *cs)
{
    sv_err e;
    sv_err_clear(&e);
    if (cs->ran) sv_checklist_free(&cs->cl);
    memset(&cs->cl, 0, sizeof cs->cl);
    cs->ran = 0;
    tui_busy(_("Kjører sjekklisten over alle saker med vedtak. Med mange saker tar dette litt tid ..."));
    if (sv_checklist_run(TUI.st, TUI.muni_id, cs->as_of, &cs->cl, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return;
    }
    cs->ran = 1;
    if (cs->cur >= cs->cl.nitems) cs->cur = 0;
}

static void drill_names(cl_screen *cs)
{
    const sv_check_item *it = &cs->cl.items[cs->drill];
    free(cs->names);
    cs->names = sv_xcalloc((size_t)it->ncases + 1, sizeof *cs->names);
    for (int i = 0; i < it->ncases; i++) {
        sv_participant p;
        sv_err e;
        if (sv_row_load(TUI.st, &SV_ENT_PARTICIPANT, it->cases[i], &p, &e) == SV_OK)
            snprintf(cs->names[i], sizeof cs->names[i], "%s", p.name);
        else
            snprintf(cs->names[i], sizeof cs->names[i], _("deltaker nr. %lld"), (long long)it->cases[i]);
    }
}

static void draw_drill(cl_screen *cs, WINDOW *w, int h, int wd)
{
    const sv_check_item *it = &cs->cl.items[cs->drill];
    wattron(w, A_BOLD);
    tui_wrap(w, 0, 0, wd, 2, it->question);
    wattroff(w, A_BOLD);
    char nc[64];
    snprintf(nc, sizeof nc, _n("%d sak", "%d saker", it->checked), it->checked);
    tui_putf(w, 2, 0, wd, _n("%s %s: %d brudd i %s. Regler med brudd:", "%s %s: %d brudd i %s. Regler med brudd:", it->violations),
             it->law, it->control, it->violations, nc);
    int x = 0;
    for (int r = 0; r < it->nrules; r++)
        if (it->rules[r].violations) x += tui_putf(w, 3, x, wd - x, "%s (%d)  ", it->rules[r].id, it->rules[r].violations);
    if (it->appeals) {   /* what became of the appeals about this question (checklist_appeal.c) */
        x = tui_putf(w, 4, 0, wd, _n("%d klage:", "%d klager:", it->appeals), it->appeals);
        for (int k = 0; k < SV_CA__COUNT; k++)
            if (it->appeal_class[k]) x += tui_putf(w, 4, x, wd - x, " %d %s", it->appeal_class[k], sv_check_appeal_label(k));
    }
    if (!it->ncases) tui_put(w, 5, 2, wd - 2, _("Ingen saker med brudd."), 0);
    int rows = h - 5;
    if (cs->dcur < cs->dtop) cs->dtop = cs->dcur;
    if (cs->dcur >= cs->dtop + rows) cs->dtop = cs->dcur - rows + 1;
    for (int i = cs->dtop; i < it->ncases && i - cs->dtop < rows; i++) {
        int sel = i == cs->dcur;
        if (sel) wattron(w, A_REVERSE);
        tui_put(w, 5 + i - cs->dtop, 0, wd, cs->names[i], sel);
        if (sel) wattroff(w, A_REVERSE);
    }
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    cl_screen *cs = (cl_screen *)s;
    if (!cs->ran) {
        tui_put(w, 1, 1, wd - 2, _("Sjekklisten kunne ikke kjøres (se meldingen nederst). r prøver igjen."), 0);
        return;
    }
    if (cs->drill >= 0) {
        draw_drill(cs, w, h, wd);
        return;
    }
    char day[11];
    sv_date_nor(cs->as_of, day);
    char ns[64], nd[64];
    snprintf(ns, sizeof ns, _n("%d sak undersøkt", "%d saker undersøkt", cs->cl.cases), cs->cl.cases);
    snprintf(nd, sizeof nd, _n("%d vedtak kontrollert", "%d vedtak kontrollert", cs->cl.decisions), cs->cl.decisions);
    tui_putf(w, 0, 0, wd, _("Per %s: %s, %s. Nei = brudd."), day, ns, nd);
    if (cs->cl.appeals)
        tui_putf(w, 1, 0, wd, _n("%d klage mottatt; kolonnen Klager teller dem per kontrollspørsmål.",
                                 "%d klager mottatt; kolonnen Klager teller dem per kontrollspørsmål.", cs->cl.appeals),
                 cs->cl.appeals);
    int qw = wd - 10 - 4 * 9;
    if (qw < 10) qw = 10;
    wattron(w, A_BOLD | A_UNDERLINE);
    mvwhline(w, 2, 0, ' ', wd);
    tui_putf(w, 2, 0, wd, "%-10s%-*s %8s %8s %8s %8s", "", qw, _("Kontrollspørsmål"), _("Saker"), _("Nei"), _("Merkn."),
             _("Klager"));
    wattroff(w, A_BOLD | A_UNDERLINE);
    int rows = h - 3;
    if (cs->cur < cs->top) cs->top = cs->cur;
    if (cs->cur >= cs->top + rows) cs->top = cs->cur - rows + 1;
    for (int i = cs->top; i < cs->cl.nitems && i - cs->top < rows; i++) {
        const sv_check_item *it = &cs->cl.items[i];
        int y = 3 + i - cs->top, sel = i == cs->cur;
        char law[16];
        snprintf(law, sizeof law, "%.5s %s", it->law, it->control);
        if (sel) wattron(w, A_REVERSE);
        mvwhline(w, y, 0, ' ', wd);
        tui_put(w, y, 0, 10, law, 0);
        tui_put(w, y, 10, qw, it->question, 0);
        tui_putf(w, y, 10 + qw + 1, 9, "%8d", it->checked);
        if (it->violations && !sel) wattron(w, tui_attr(TC_ERR));
        tui_putf(w, y, 10 + qw + 10, 9, "%8d", it->violations);
        if (it->violations && !sel) wattroff(w, tui_attr(TC_ERR));
        if (sel) wattron(w, A_REVERSE);
        tui_putf(w, y, 10 + qw + 19, 9, "%8d", it->remarks);
        tui_putf(w, y, 10 + qw + 28, 9, "%8d", it->appeals);
        if (sel) wattroff(w, A_REVERSE);
    }
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    cl_screen *cs = (cl_screen *)s;
    int drill = cs->drill >= 0;
    int *cur = drill ? &cs->dcur : &cs->cur;
    int n = !cs->ran ? 0 : drill ? cs->cl.items[cs->drill].ncases : cs->cl.nitems;
    switch (act) {
    case TA_UP: if (*cur > 0) (*cur)--; break;
    case TA_DOWN: if (*cur + 1 < n) (*cur)++; break;
    case TA_HOME: case TA_PGUP: *cur = 0; break;
    case TA_END: case TA_PGDN: *cur = n ? n - 1 : 0; break;
    case TA_OPEN:
        if (!drill && n) {
            cs->drill = cs->cur;
            cs->dcur = cs->dtop = 0;
            drill_names(cs);
        } else if (drill && n) {
            tui_push(tui_case_new(cs->cl.items[cs->drill].cases[cs->dcur]));
        }
        break;
    case A_RERUN: cs->drill = -1; run(cs); break;
    case A_AS_OF: {
        char t[16] = "";
        sv_date d;
        if (!tui_prompt(_("Per dato (dd.mm.åååå)"), t, sizeof t)) break;
        if (sv_date_parse(t, &d) || d == SV_NODATE || d > sv_today()) {
            tui_msg(1, _("Per dato: «%s» er ikke en gyldig dato i dag eller før"), t);
            break;
        }
        cs->as_of = d;
        cs->drill = -1;
        run(cs);
        break;
    }
    case TA_BACK:
        if (drill) { cs->drill = -1; break; }
        return 1;
    default: break;
    }
    return 0;
}

static void destroy(tui_screen *s)
{
    cl_screen *cs = (cl_screen *)s;
    if (cs->ran) sv_checklist_free(&cs->cl);
    free(cs->names);
    free(cs);
}

tui_screen *tui_checklist_new(void)
{
    cl_screen *cs = sv_xcalloc(1, sizeof *cs);
    cs->drill = -1;
    cs->as_of = sv_today();   /* d chooses another day */
    cs->base = (tui_screen){_("Tilsynets sjekkliste"), KEYS, draw, key, NULL, destroy, 0,
                            N_("Kontrollspørsmålene fra tilsynet, kjørt over siste vedtak i hver sak. Nei-kolonnen teller "
                               "saker med brudd; Enter viser sakene, og videre saken og vedtaket med bevisene.")};
    cs->base.keymap = "checklist";
    run(cs);
    if (!cs->ran) {
        destroy(&cs->base);
        return NULL;
    }
    return &cs->base;
}
