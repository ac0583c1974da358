/* The participant list: name, masked identity number, step, plan status, next deadline and
 * warning marks, with search as you type, filters and sorting. Only the visible rows are read
 * (sv_overview_page), so it stays instant with hundreds of thousands of participants. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/case.h"
#include "../core/fnr.h"
#include "../core/overview.h"
#include "../forms/forms.h"
#include "tui.h"

enum { A_SEARCH = TA_OWN, A_STATUS, A_STEP, A_OVERDUE, A_WARN, A_SORT, A_REVSORT, A_FNR, A_NEW,
       A_MUNI, A_DEADLINES, A_CHECKLIST, A_CLEAR, A_GUIDE, A_NIR, A_RESULTS, A_ESC, A_USERS, A_CLASS };

#define KEYS TUI_LIST_KEYS
const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {TK_ENTER, TK(KEY_ENTER), "Enter", N_("åpne"), TA_OPEN, 1, N_("åpne saken")},
    {'/', 0, "/", N_("søk"), A_SEARCH, 1, N_("søk mens du skriver, på navn (også æøå) eller fødselsnummer; Enter ferdig, Esc tøm"), "search"},
    {'n', 0, "n", N_("ny"), A_NEW, 1, N_("registrer en ny deltaker"), "new"},
    {'a', 0, "a", N_("fravær"), A_CLASS, 1, N_("klassedagen: før fraværet i et kurs eller tiltak for hele klassen på én dag"), "class-day"},
    {'m', 0, "m", N_("kommunen"), A_MUNI, 1, N_("kommunens steg 1-4: arbeidskraftbehov, tiltakskatalog, avtaler"), "municipality"},
    {'d', 0, "d", N_("frister"), A_DEADLINES, 1, N_("frister på tvers av deltakerne"), "deadlines"},
    {'c', 0, "c", N_("sjekkliste"), A_CHECKLIST, 1, N_("tilsynets sjekkliste over planer og vedtak"), "checklist"},
    {'N', 0, "N", N_("NIR"), A_NIR, 0, N_("NIR-arbeidslisten: det som skal registreres i NIR innen to måneder, forfalt først"), "nir"},
    {'e', 0, "e", N_("resultater"), A_RESULTS, 0, N_("resultater: andel i arbeid eller utdanning ved slutt og etter ett år, mot målet på 70 %"), "results"},
    {'i', 0, "i", N_("første sak"), A_GUIDE, 1, N_("guide: din første sak, fra ny deltaker til fattet vedtak"), "guide"},
    {'s', 0, "s", N_("filter: planstatus (bla gjennom)"), A_STATUS, 0, NULL, "filter-status"},
    {'t', 0, "t", N_("filter: steg 5, 6 eller 7"), A_STEP, 0, NULL, "filter-step"},
    {'o', 0, "o", N_("filter: bare forfalte frister"), A_OVERDUE, 0, NULL, "filter-overdue"},
    {'w', 0, "w", N_("filter: bare saker med varsel"), A_WARN, 0, NULL, "filter-warnings"},
    {'x', 0, "x", N_("fjern søk og filtre"), A_CLEAR, 0, NULL, "clear-filters"},
    {'r', 0, "r", N_("sorter etter neste kolonne (navn, frist, bosatt, status)"), A_SORT, 0, NULL, "sort"},
    {'R', 0, "R", N_("snu sorteringen"), A_REVSORT, 0, NULL, "reverse-sort"},
    {'f', 0, "f", N_("fnr"), A_FNR, 0, N_("vis/skjul hele fødselsnummeret på valgt rad"), "toggle-fnr"},
    {'u', 0, "u", N_("brukere"), A_USERS, 0, N_("de registrerte brukerne med rolle og kommune (som «stegvis user list»)"), "users"},
    TUI_KEYS_HELP,
    {'q', 0, "q", N_("avslutt"), TA_BACK, 1, N_("avslutt stegvis")},
    {TK_ESC, 0, "Esc", N_("tøm søk og filtre, ellers spør om du vil avslutte"), A_ESC, 0},
    {0, 0, NULL, NULL, 0, 0}};

#define MAXROWS 256

typedef struct {
    tui_screen base;
    sv_filter f;
    long total;
    long cur, top;
    int nrows;
    long loaded_top;
    int loaded_n;
    int dirty;               /* filter changed: count and rows must be read again */
    int64_t unmasked;        /* participant whose full number is shown */
    sv_overview_row rows[MAXROWS];
} list_screen;

static const char *const STATUS_NAMES[] = {N_("alle"), N_("ingen plan"), N_("utkast"), N_("vedtatt"),
                                           N_("endret etter vedtak")};
static const char *const SORT_NAMES[] = {N_("navn"), N_("frist"), N_("bosatt"), N_("status")};

static void reload(list_screen *ls, int nvis)
{
    sv_err e;
    sv_err_clear(&e);
    if (ls->dirty) {
        ls->total = sv_overview_count(TUI.st, &ls->f, &e);
        if (ls->total < 0) {
            tui_msg(1, "%s", e.msg);
            ls->total = 0;
        }
        ls->dirty = 0;
    }
    if (ls->cur >= ls->total) ls->cur = ls->total ? ls->total - 1 : 0;
    if (ls->cur < ls->top) ls->top = ls->cur;
    if (ls->cur >= ls->top + nvis) ls->top = ls->cur - nvis + 1;
    if (nvis > MAXROWS) nvis = MAXROWS;
    int n;
    if (ls->f.sort == SV_SORT_NAME && ls->top > ls->total / 2) {
        /* Far down the list a large OFFSET is slow; read the page from the other end instead.
         * The name key ends with the identity number, so the order has no ties to disturb. */
        sv_filter g = ls->f;
        g.descending = !g.descending;
        long off = ls->total - ls->top - nvis;
        int want = nvis;
        if (off < 0) {
            want += (int)off;
            off = 0;
        }
        n = want > 0 ? sv_overview_page(TUI.st, &g, (int)off, want, ls->rows, &e) : 0;
        for (int i = 0; i < n / 2; i++) {
            sv_overview_row tmp = ls->rows[i];
            ls->rows[i] = ls->rows[n - 1 - i];
            ls->rows[n - 1 - i] = tmp;
        }
    } else {
        n = nvis > 0 ? sv_overview_page(TUI.st, &ls->f, (int)ls->top, nvis, ls->rows, &e) : 0;
    }
    if (n < 0) {
        tui_msg(1, "%s", e.msg);
        n = 0;
    }
    ls->nrows = n;
    ls->loaded_top = ls->top;
    ls->loaded_n = nvis;
}

static void row_text(const sv_overview_row *r, int64_t unmasked, char *fnr, char *next, char *warn)
{
    if (r->id == unmasked) snprintf(fnr, 12, "%s", r->fnr);
    else sv_fnr_mask(r->fnr, fnr);
    sv_date_nor(r->next, next);
    warn[0] = '\0';
    if (r->warn_late_plan) strcat(warn, "S");
    else if (r->warn_overdue) strcat(warn, "F");
    if (r->warn_changed) strcat(warn, "E");
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    list_screen *ls = (list_screen *)s;
    int nvis = h - 3;
    if (nvis < 1) nvis = 1;
    if (ls->dirty || ls->loaded_top != ls->top || ls->loaded_n != nvis || ls->cur < ls->top ||
        ls->cur >= ls->top + nvis)
        reload(ls, nvis);
    char who[300];
    tui_whoami(who, sizeof who);
    int x = 0;
    if (TUI.muni_demo) {
        wattron(w, tui_attr(TC_DEMO));
        x += tui_put(w, 0, 0, wd, "DEMO", 0);
        wattroff(w, tui_attr(TC_DEMO));
        x++;
    }
    x += tui_putf(w, 0, x, wd - x, "%s · ", TUI.muni_name);
    wattron(w, tui_attr(TC_DIM));
    tui_put(w, 0, x, wd - x, who, 0);
    wattroff(w, tui_attr(TC_DIM));

    char filt[400];
    snprintf(filt, sizeof filt, _("Søk: %s%s  Plan: %s  Steg: %s%s%s"), ls->f.search[0] ? ls->f.search : "-",
             s->raw_input ? "▏" : "", _(STATUS_NAMES[ls->f.status + 1]),
             ls->f.step ? (ls->f.step == 5 ? "5" : ls->f.step == 6 ? "6" : "7") : _("alle"),
             ls->f.overdue ? _("  Bare forfalte") : "", ls->f.warnings ? _("  Bare varsler") : "");
    char count[64];
    snprintf(count, sizeof count, _("%ld av %ld"), ls->total ? ls->cur + 1 : 0, ls->total);
    int cw = tui_width(count);
    if (s->raw_input) wattron(w, A_BOLD);
    tui_put(w, 1, 0, wd - cw - 1, filt, 0);
    wattroff(w, A_BOLD);
    tui_put(w, 1, wd - cw, cw, count, 0);

    int namew = wd - (11 + 4 + 19 + 10 + 4) - 5;
    if (namew < 8) namew = 8;
    const char *heads[] = {_("Navn"), _("Fødselsnr"), _("Steg"), _("Plan"), _("Frist"), _("Merk")};
    int widths[] = {namew, 11, 4, 19, 10, 4};
    int sortcol[] = {0, -1, -1, 3, 1, -1};
    wattron(w, A_BOLD | A_UNDERLINE);
    mvwhline(w, 2, 0, ' ', wd);
    x = 0;
    for (int i = 0; i < 6; i++) {
        char hd[32];
        int sorted = sortcol[i] == (int)ls->f.sort;
        snprintf(hd, sizeof hd, "%s%s", heads[i], sorted ? (ls->f.descending ? " ▼" : " ▲") : "");
        tui_put(w, 2, x, widths[i], hd, 0);
        x += widths[i] + 1;
    }
    wattroff(w, A_BOLD | A_UNDERLINE);
    if (ls->total == 0) {
        tui_put(w, 4, 2, wd - 4, ls->f.search[0] || ls->f.status >= 0 || ls->f.step || ls->f.overdue || ls->f.warnings
                     ? _("Ingen deltakere passer søket og filtrene (x fjerner dem).")
                     : _("Ingen deltakere ennå. Trykk n for å registrere en."), 0);
        return;
    }
    for (int i = 0; i < ls->nrows && i < nvis; i++) {
        const sv_overview_row *r = &ls->rows[i];
        char fnr[12], next[11], warn[8];
        row_text(r, ls->unmasked, fnr, next, warn);
        int sel = ls->top + i == ls->cur;
        if (sel) wattron(w, A_REVERSE);
        mvwhline(w, 3 + i, 0, ' ', wd);
        x = 0;
        const char *cols[] = {r->name, fnr, NULL, sv_plan_status_label(r->status), next, warn};
        char step[4];
        snprintf(step, sizeof step, "%d", r->step);
        cols[2] = step;
        for (int c = 0; c < 6; c++) {
            int a = c == 5 && warn[0] ? tui_attr(TC_WARN) : 0;
            if (a) wattron(w, a);
            tui_put(w, 3 + i, x, widths[c], cols[c], 0);
            if (a) wattroff(w, a);
            if (sel) wattron(w, A_REVERSE);
            x += widths[c] + 1;
        }
        if (sel) wattroff(w, A_REVERSE);
    }
}

/* Removes the last UTF-8 character of s. */
static void pop_char(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80) n--;
    if (n > 0) n--;
    s[n] = '\0';
}

static int search_key(list_screen *ls, int ch)
{
    size_t len = strlen(ls->f.search);
    if (ch == TK_ENTER || ch == TK(KEY_ENTER) || ch == TK(KEY_DOWN)) {
        ls->base.raw_input = 0;
        return 0;
    }
    if (ch == TK_ESC) {
        ls->base.raw_input = 0;
        ls->f.search[0] = '\0';
    } else if (ch == TK(KEY_BACKSPACE) || ch == 127 || ch == 8) {
        pop_char(ls->f.search);
    } else if (ch >= 32) {
        char mb[8];
        wchar_t wc = (wchar_t)ch;
        int n = wctomb(mb, wc);
        if (n <= 0 || len + (size_t)n >= sizeof ls->f.search) return 0;
        memcpy(ls->f.search + len, mb, (size_t)n);
        ls->f.search[len + (size_t)n] = '\0';
    } else {
        return 0;
    }
    ls->dirty = 1;
    ls->cur = ls->top = 0;
    return 0;
}

static const sv_overview_row *current(list_screen *ls)
{
    long i = ls->cur - ls->top;
    return i >= 0 && i < ls->nrows ? &ls->rows[i] : NULL;
}

static int key(tui_screen *s, int act, int ch)
{
    list_screen *ls = (list_screen *)s;
    if (s->raw_input) return search_key(ls, ch);
    /* Keys typed ahead arrive before the redraw that reads the rows: read them now. */
    if (ls->dirty || ls->loaded_top != ls->top) reload(ls, ls->loaded_n > 0 ? ls->loaded_n : 1);
    int page = ls->loaded_n > 1 ? ls->loaded_n - 1 : 1;
    const sv_overview_row *r = current(ls);
    switch (act) {
    case TA_UP: if (ls->cur > 0) ls->cur--; break;
    case TA_DOWN: if (ls->cur + 1 < ls->total) ls->cur++; break;
    case TA_PGUP: ls->cur = ls->cur > page ? ls->cur - page : 0; break;
    case TA_PGDN: ls->cur = ls->cur + page < ls->total ? ls->cur + page : ls->total - 1; break;
    case TA_HOME: ls->cur = 0; break;
    case TA_END: ls->cur = ls->total ? ls->total - 1 : 0; break;
    case TA_OPEN:
        if (r) tui_push(tui_case_new(r->id));
        break;
    case TA_BACK: return 1;
    case A_SEARCH: s->raw_input = 1; break;
    case A_STATUS: ls->f.status = ls->f.status >= 3 ? -1 : ls->f.status + 1; ls->dirty = 1; break;
    case A_STEP: ls->f.step = ls->f.step == 0 ? 5 : ls->f.step == 7 ? 0 : ls->f.step + 1; ls->dirty = 1; break;
    case A_OVERDUE: ls->f.overdue = !ls->f.overdue; ls->dirty = 1; break;
    case A_WARN: ls->f.warnings = !ls->f.warnings; ls->dirty = 1; break;
    case A_CLEAR: sv_filter_init(&ls->f); ls->f.municipality_id = TUI.muni_id; ls->dirty = 1; break;
    case A_SORT: ls->f.sort = (sv_sort)(((int)ls->f.sort + 1) % 4); ls->dirty = 1;
        tui_msg(0, _("Sortert etter %s."), _(SORT_NAMES[ls->f.sort])); break;
    case A_REVSORT: ls->f.descending = !ls->f.descending; ls->dirty = 1; break;
    case A_FNR:
        if (r) ls->unmasked = ls->unmasked == r->id ? 0 : r->id;
        break;
    case A_NEW:
        tui_push(tui_form_new(&SV_ENT_PARTICIPANT, NULL, TUI.muni_id, 0));
        break;
    case A_MUNI: tui_push(tui_muni_new(1)); break;
    case A_DEADLINES: tui_push(tui_deadlines_new()); break;
    case A_CHECKLIST: tui_push(tui_checklist_new()); break;
    case A_NIR: tui_push(tui_nir_new()); break;
    case A_RESULTS: tui_push(tui_results_new()); break;
    case A_GUIDE: tui_push(tui_guide_new()); break;
    case A_USERS: tui_push(tui_users_new()); break;
    case A_CLASS: tui_push(tui_absclass_new()); break;
    case A_ESC: {
        /* Esc undoes a search or filter first; leaving the program is asked, never at once */
        sv_filter none;
        sv_filter_init(&none);
        if (ls->f.search[0] || ls->f.status != none.status || ls->f.step || ls->f.overdue || ls->f.warnings) {
            sv_filter_init(&ls->f);
            ls->f.municipality_id = TUI.muni_id;
            ls->dirty = 1;
            tui_msg(0, "%s", _("Søk og filtre er fjernet. Esc igjen (eller q) avslutter."));
            break;
        }
        if (tui_ask(_("Avslutte stegvis?"), _("Vil du avslutte stegvis?\n\nj = ja, avslutt   n = nei, bli her"), "jn") == 'j') return 1;
        break;
    }
    default: break;
    }
    if (ls->dirty) ls->cur = ls->top = 0;
    return 0;
}

static void resume(tui_screen *s)
{
    ((list_screen *)s)->dirty = 1;
    if (TUI.open_case) {
        int64_t id = TUI.open_case;
        TUI.open_case = 0;
        tui_push(tui_case_new(id));
    } else if (!TUI.quit && !TUI.signal) {
        /* the next unsaved form from a terminal that is gone, once the list is drawn again */
        TUI.offer_drafts = 1;
    }
}

/* A click on a row selects it; a double click opens the case. */
static void click(tui_screen *s, int y, int x, int twice)
{
    (void)x;
    list_screen *ls = (list_screen *)s;
    if (s->raw_input || y < 3 || y - 3 >= ls->nrows) return;
    ls->cur = ls->top + (y - 3);
    if (twice) key(s, TA_OPEN, 0);
}

static void destroy(tui_screen *s)
{
    free(s);
}

tui_screen *tui_list_new(void)
{
    list_screen *ls = sv_xcalloc(1, sizeof *ls);
    sv_filter_init(&ls->f);
    ls->f.municipality_id = TUI.muni_id;
    ls->dirty = 1;
    ls->loaded_top = -1;
    ls->base = (tui_screen){_("Deltakere"), KEYS, draw, key, resume, destroy, 0,
                            N_("Alle deltakere du har tilgang til. Fødselsnummeret er skjult til du ber om det (f). "
                               "Merk-kolonnen: S = planen er ikke vedtatt innen tre måneder etter bosetting, "
                               "F = en frist er passert, E = planen er endret etter siste vedtak (nytt vedtak trengs).")};
    ls->base.keymap = "list";
    ls->base.click = click;
    return &ls->base;
}
