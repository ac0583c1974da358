/* The class day (a on the participant list): a teacher's course, or NAV's placement, on one
 * day, every participant who has it listed as present. Only the absent ones are typed: hours
 * (or nothing for the whole day in the course) and a one-key reason, and the cursor moves on;
 * F2 saves the whole class in one transaction (core/absence.c checks every row as the command
 * line does, and nothing is saved when one row is refused). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/absence.h"
#include "../core/figures.h"
#include "../forms/forms.h"
#include "tui.h"

enum { A_SAVE = TA_OWN, A_COURSE, A_APPROVE, A_CLEAR, A_SEARCH };

static const tui_key KEYS[] = {
    {TK(KEY_UP), 0, "↑", N_("opp"), TA_UP, 0}, {TK(KEY_DOWN), 0, "↓", N_("ned"), TA_DOWN, 0},
    {TK(KEY_PPAGE), 0, "PgUp", N_("side opp"), TA_PGUP, 0}, {TK(KEY_NPAGE), 0, "PgDn", N_("side ned"), TA_PGDN, 0},
    {TK(KEY_HOME), 0, "Home", N_("første"), TA_HOME, 0}, {TK(KEY_END), 0, "End", N_("siste"), TA_END, 0},
    {TK(KEY_LEFT), 0, "←/→", N_("dag"), TA_LEFT, 1, N_("forrige eller neste arbeidsdag (→ neste)")},
    {TK(KEY_RIGHT), 0, "→", N_("neste dag"), TA_RIGHT, 0},
    {TK(KEY_F(2)), TK_CTRL('s'), "F2", N_("lagre alle"), A_SAVE, 1, N_("lagre hele klassedagen i én omgang (alt eller ingenting)")},
    {' ', 0, "Mellomrom", N_("godkjent/ikke"), A_APPROVE, 1, N_("snu godkjent og ikke godkjent fravær på valgt rad")},
    {TK(KEY_DC), TK(KEY_BACKSPACE), "Del", N_("til stede"), A_CLEAR, 0, N_("sett valgt rad tilbake til til stede (eller slett et tegn mens du skriver timer)")},
    {'/', 0, "/", N_("søk"), A_SEARCH, 1, N_("gå til en deltaker ved å skrive starten av navnet")},
    {'c', 0, "c", N_("tiltak"), A_COURSE, 1, N_("velg et annet kurs eller tiltak")},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

typedef struct {
    tui_screen base;
    char title[200];
    sv_abs_course *courses;
    int ncourses, course;
    sv_date day;
    sv_abs_class_row *rows;
    int n, cur, top, dirty;
    unsigned char *changed;
    char hbuf[8];          /* hours being typed on the selected row */
} class_screen;

static const char *reason_label(const char *r)
{
    return r && r[0] ? sv_code_label(SV_CODES_ABSENCE_HOUR_REASON, r) : "";
}

static void load(class_screen *cs)
{
    free(cs->rows);
    free(cs->changed);
    cs->rows = NULL;
    cs->changed = NULL;
    cs->n = cs->cur = cs->top = cs->dirty = 0;
    cs->hbuf[0] = '\0';
    sv_err e;
    sv_err_clear(&e);
    if (sv_abs_class_load(TUI.st, cs->courses[cs->course].id, cs->day, &cs->rows, &cs->n, &e)) tui_msg(1, "%s", e.msg);
    cs->changed = sv_xcalloc((size_t)cs->n + 1, 1);
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    class_screen *cs = (class_screen *)s;
    char day[11];
    sv_date_nor(cs->day, day);
    int absent = 0, planned = cs->n ? cs->rows[0].planned : 0;
    for (int i = 0; i < cs->n; i++) absent += cs->rows[i].row.hours > 0;
    char ph[16];
    sv_abs_hours_text(planned, ph, sizeof ph, ',');
    tui_putf(w, 0, 0, wd, _n("%s · %s · %d deltaker, %d med fravær%s", "%s · %s · %d deltakere, %d med fravær%s", cs->n),
             cs->courses[cs->course].name, day, cs->n, absent,
             cs->dirty ? _(" · ikke lagret (F2)") : "");
    wattron(w, A_BOLD | A_UNDERLINE);
    mvwhline(w, 1, 0, ' ', wd);
    int nw = wd - 44 > 12 ? wd - 44 : 12;
    tui_put(w, 1, 0, 4, _("Nr"), 0);
    tui_put(w, 1, 4, nw, _("Navn"), 0);
    tui_put(w, 1, 5 + nw, 9, _("Planlagt"), 0);
    tui_put(w, 1, 15 + nw, 8, _("Fravær"), 0);
    tui_put(w, 1, 24 + nw, 20, _("Årsak"), 0);
    wattroff(w, A_BOLD | A_UNDERLINE);
    int rows = h - 4;
    if (rows < 1) rows = 1;
    if (!cs->n)
        tui_put(w, 3, 2, wd - 2, _("Ingen deltakere har dette tiltaket denne dagen (helg, helligdag, eller tiltaket går ikke). "
                                   "←/→ bytter dag, c bytter tiltak."), 0);
    if (cs->cur < cs->top) cs->top = cs->cur;
    if (cs->cur >= cs->top + rows) cs->top = cs->cur - rows + 1;
    for (int i = cs->top; i < cs->n && i - cs->top < rows; i++) {
        const sv_abs_class_row *r = &cs->rows[i];
        int y = 2 + i - cs->top, sel = i == cs->cur;
        char hours[16], plan[16];
        sv_abs_hours_text(r->planned, plan, sizeof plan, ',');
        if (sel && cs->hbuf[0]) snprintf(hours, sizeof hours, "%s_", cs->hbuf);
        else if (r->row.hours) sv_abs_hours_text(r->row.hours * 10, hours, sizeof hours, ',');
        else snprintf(hours, sizeof hours, "-");
        if (sel) wattron(w, A_REVERSE);
        else if (r->row.hours && !r->row.approved) wattron(w, tui_attr(TC_WARN));
        mvwhline(w, y, 0, ' ', wd);
        tui_putf(w, y, 0, 4, "%d", i + 1);
        tui_put(w, y, 4, nw, r->name, 0);
        tui_put(w, y, 5 + nw, 9, plan, 0);
        tui_put(w, y, 15 + nw, 8, hours, 0);
        if (r->row.hours)
            tui_putf(w, y, 24 + nw, wd - 24 - nw, "%s%s%s", reason_label(r->row.reason),
                     r->row.approved ? _(", godkjent") : _(", ikke godkjent"), cs->changed[i] ? " *" : "");
        else
            tui_putf(w, y, 24 + nw, wd - 24 - nw, "%s%s", _("til stede"), cs->changed[i] ? " *" : "");
        if (sel) wattroff(w, A_REVERSE);
        else if (r->row.hours && !r->row.approved) wattroff(w, tui_attr(TC_WARN));
    }
    wattron(w, tui_attr(TC_DIM));
    tui_put(w, h - 1, 0, wd, _("Fravær: skriv timer (tomt = hele dagen i tiltaket), så årsak: s egen sykdom, b barns sykdom, "
                               "v velferd, f fødsel, p svangerskapskontroll, h helligdag, a annet"), 1);
    wattroff(w, tui_attr(TC_DIM));
}

/* The hours typed and the reason key on the selected row; the cursor moves on. */
static void set_reason(class_screen *cs, const char *reason)
{
    sv_abs_class_row *r = &cs->rows[cs->cur];
    sv_absence_hour a = r->row;
    sv_err e;
    sv_err_clear(&e);
    if (cs->hbuf[0]) {
        if (sv_field_parse(sv_entity_field(&SV_ENT_ABSENCE_HOUR, "hours"), &a, cs->hbuf, &e)) {
            tui_msg(1, "%s", e.msg);
            cs->hbuf[0] = '\0';
            return;
        }
    } else {
        a.hours = r->planned / 10;   /* the whole day in the course */
    }
    cs->hbuf[0] = '\0';
    if (a.hours * 10 > r->planned) {
        char x[16], p[16];
        sv_abs_hours_text(a.hours * 10, x, sizeof x, ',');
        sv_abs_hours_text(r->planned, p, sizeof p, ',');
        tui_msg(1, _("Fraværstimer: %s er mer enn de planlagte timene i tiltaket denne dagen (%s)"), x, p);
        return;
    }
    if (!a.hours) {
        a.reason[0] = '\0';
        a.approved = 0;
    } else {
        snprintf(a.reason, sizeof a.reason, "%s", reason);
        a.approved = sv_abs_reason_approved(reason);
    }
    r->row = a;
    cs->changed[cs->cur] = 1;
    cs->dirty = 1;
    if (cs->cur + 1 < cs->n) cs->cur++;
}

static int save(class_screen *cs)
{
    int k = 0;
    for (int i = 0; i < cs->n; i++) k += cs->changed[i] || !cs->rows[i].recorded;
    if (!k) {
        tui_msg(0, "%s", _("Ingenting å lagre: klassedagen er lagret som den står."));
        return 0;
    }
    sv_absence_hour *rows = sv_xcalloc((size_t)k, sizeof *rows);
    int *at = sv_xcalloc((size_t)k, sizeof *at);
    k = 0;
    for (int i = 0; i < cs->n; i++)
        if (cs->changed[i] || !cs->rows[i].recorded) {
            at[k] = i;
            rows[k++] = cs->rows[i].row;
        }
    int failed, absent = 0;
    sv_err e;
    sv_err_clear(&e);
    int rc = sv_abs_save_all(TUI.st, rows, k, &failed, &e);
    if (rc) {
        if (failed >= 0) {
            cs->cur = at[failed];
            tui_msg(1, _("Ingenting er lagret. %s: %s"), cs->rows[at[failed]].name, e.msg);
        } else {
            tui_msg(1, _("Ingenting er lagret: %s"), e.msg);
        }
    } else {
        for (int i = 0; i < k; i++) absent += rows[i].hours > 0;
        int keep = cs->cur;
        load(cs);
        cs->cur = keep < cs->n ? keep : 0;
        tui_msg(2, _n("Klassedagen er lagret: %d deltaker, %d med fravær.", "Klassedagen er lagret: %d deltakere, %d med fravær.", k),
                k, absent);
    }
    free(rows);
    free(at);
    return rc;
}

/* Leaving the day (another day, another course, back): unsaved rows are saved or given up. */
static int may_leave(class_screen *cs)
{
    if (!cs->dirty) return 1;
    int a = tui_ask(_("Klassedagen er ikke lagret"), _("Lagre endringene først?\n\nj = ja, lagre   n = nei, forkast   Esc = bli her"),
                    "jn");
    if (a == 'j') return save(cs) == SV_OK;
    return a == 'n';
}

static sv_date workday(sv_date d, int step)
{
    for (int i = 0; i < 14 && !sv_fig_workday(d); i++) d += step;
    return d;
}

static void search(class_screen *cs)
{
    char q[64] = "";
    if (!tui_prompt(_("Gå til deltaker (starten av navnet)"), q, sizeof q) || !q[0]) return;
    char fq[128], fn[300];
    sv_utf8_fold(fq, sizeof fq, q);
    for (int k = 1; k <= cs->n; k++) {
        int i = (cs->cur + k) % cs->n;
        sv_utf8_fold(fn, sizeof fn, cs->rows[i].name);
        if (strstr(fn, fq)) {
            cs->cur = i;
            return;
        }
    }
    tui_msg(1, _("Ingen deltaker i klassen heter «%s»."), q);
}

static int key(tui_screen *s, int act, int ch)
{
    class_screen *cs = (class_screen *)s;
    const char *reason = act == TA_NONE ? sv_abs_reason_key(ch) : NULL;
    if (act == TA_NONE && cs->n && ((ch >= '0' && ch <= '9') || ch == ',' || ch == '.')) {
        size_t l = strlen(cs->hbuf);
        if (l + 1 < sizeof cs->hbuf) {
            cs->hbuf[l] = (char)(ch == '.' ? ',' : ch);
            cs->hbuf[l + 1] = '\0';
        }
        return 0;
    }
    if (reason && cs->n) {
        set_reason(cs, reason);
        return 0;
    }
    if (cs->hbuf[0] && (act == TA_BACK || act == A_CLEAR)) {
        size_t l = strlen(cs->hbuf);
        if (act == TA_BACK) cs->hbuf[0] = '\0';
        else cs->hbuf[l - 1] = '\0';
        return 0;
    }
    if (cs->hbuf[0] && act == TA_OPEN) {
        tui_msg(1, "%s", _("Velg årsak med én tast: s b v f p h a"));
        return 0;
    }
    cs->hbuf[0] = '\0';
    switch (act) {
    case TA_UP: if (cs->cur > 0) cs->cur--; break;
    case TA_DOWN: if (cs->cur + 1 < cs->n) cs->cur++; break;
    case TA_PGUP: cs->cur = cs->cur > 10 ? cs->cur - 10 : 0; break;
    case TA_PGDN: cs->cur = cs->cur + 10 < cs->n ? cs->cur + 10 : (cs->n ? cs->n - 1 : 0); break;
    case TA_HOME: cs->cur = 0; break;
    case TA_END: cs->cur = cs->n ? cs->n - 1 : 0; break;
    case TA_LEFT:
    case TA_RIGHT:
        if (may_leave(cs)) {
            cs->day = workday(cs->day + (act == TA_LEFT ? -1 : 1), act == TA_LEFT ? -1 : 1);
            load(cs);
        }
        break;
    case A_SAVE: save(cs); break;
    case A_APPROVE:
        if (cs->n && cs->rows[cs->cur].row.hours) {
            cs->rows[cs->cur].row.approved = !cs->rows[cs->cur].row.approved;
            cs->changed[cs->cur] = cs->dirty = 1;
        }
        break;
    case A_CLEAR:
        if (cs->n && cs->rows[cs->cur].row.hours) {
            cs->rows[cs->cur].row.hours = cs->rows[cs->cur].row.approved = 0;
            cs->rows[cs->cur].row.reason[0] = '\0';
            cs->changed[cs->cur] = cs->dirty = 1;
        }
        break;
    case A_SEARCH: if (cs->n) search(cs); break;
    case A_COURSE: {
        if (!may_leave(cs)) break;
        const char **names = sv_xcalloc((size_t)cs->ncourses, sizeof *names);
        for (int i = 0; i < cs->ncourses; i++) names[i] = cs->courses[i].name;
        int k = tui_pick(_("Kurs eller tiltak"), names, cs->ncourses, cs->course);
        free(names);
        if (k >= 0) {
            cs->course = k;
            load(cs);
        }
        break;
    }
    case TA_BACK: return may_leave(cs);
    default: break;
    }
    return 0;
}

static void destroy(tui_screen *s)
{
    class_screen *cs = (class_screen *)s;
    free(cs->courses);
    free(cs->rows);
    free(cs->changed);
    free(cs);
}

tui_screen *tui_absclass_new(void)
{
    class_screen *cs = sv_xcalloc(1, sizeof *cs);
    sv_err e;
    sv_err_clear(&e);
    if (sv_abs_courses(TUI.st, TUI.muni_id, &cs->courses, &cs->ncourses, &e)) {
        tui_msg(1, "%s", e.msg);
        free(cs);
        return NULL;
    }
    if (!cs->ncourses) {
        tui_msg(1, "%s", _("Du kan ikke føre fravær i noe tiltak i kommunen (lærere fører i kursene ved voksenopplæringen, "
                           "NAV i arbeidspraksis); fraværet vises i saken og i «stegvis absence report»."));
        destroy(&cs->base);
        return NULL;
    }
    const char **names = sv_xcalloc((size_t)cs->ncourses, sizeof *names);
    for (int i = 0; i < cs->ncourses; i++) names[i] = cs->courses[i].name;
    int k = cs->ncourses == 1 ? 0 : tui_pick(_("Klassedag: velg kurs eller tiltak"), names, cs->ncourses, 0);
    free(names);
    if (k < 0) {
        destroy(&cs->base);
        return NULL;
    }
    cs->course = k;
    cs->day = workday(sv_today(), -1);
    snprintf(cs->title, sizeof cs->title, "%s", _("Klassedag: fravær"));
    cs->base = (tui_screen){cs->title, KEYS, draw, key, NULL, destroy, 0,
                            N_("Én dag i et kurs eller tiltak: alle deltakerne som har det den dagen, ført som til stede. "
                               "Skriv bare fraværet: timer (tomt = hele dagen i tiltaket) og en årsakstast, og markøren går "
                               "videre. F2 lagrer hele klassen i én omgang; blir én rad avvist, lagres ingenting.")};
    load(cs);
    return &cs->base;
}
