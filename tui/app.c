/* The screens' entry point (`stegvis start`): terminal set-up, the screen stack and main loop,
 * signals that leave drafts behind, a demo municipality on an empty database, resuming an
 * unsaved form, and the timing hooks (--bench-startup, STEGVIS_KEYLOG). */
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../cli/cli.h"
#include "../core/demo.h"
#include "../core/edittmp.h"
#include "../forms/forms.h"
#include "../core/priv.h"
#include "tui.h"

tui_app TUI;

#define MAX_SCREENS 24
static tui_screen *stack[MAX_SCREENS];
static int depth;
static WINDOW *body;
static struct timespec process_start;

/* Runs before main so start-up time includes opening the database. */
__attribute__((constructor)) static void note_start(void)
{
    clock_gettime(CLOCK_MONOTONIC, &process_start);
}

static double us_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) * 1e6 + (double)(t.tv_nsec - t0->tv_nsec) / 1e3;
}

void tui_push(tui_screen *s)
{
    if (!s) return;
    if (depth == MAX_SCREENS) {
        s->destroy(s);
        tui_msg(1, "%s", _("For mange skjermbilder åpne: gå tilbake med Esc først."));
        return;
    }
    stack[depth++] = s;
}

void tui_pop(void)
{
    if (!depth) return;
    tui_screen *s = stack[--depth];
    s->destroy(s);
    if (depth && !TUI.quit && !TUI.signal && stack[depth - 1]->resume) stack[depth - 1]->resume(stack[depth - 1]);
}

tui_screen *tui_top(void)
{
    return depth ? stack[depth - 1] : NULL;
}

void tui_busy(const char *text)
{
    if (isendwin()) return;
    move(LINES - 2, 0);
    clrtoeol();
    attron(tui_attr(TC_WARN));
    tui_put(stdscr, LINES - 2, 0, COLS, text, 0);
    attroff(tui_attr(TC_WARN));
    wnoutrefresh(stdscr);
    doupdate();
}

void tui_whoami(char *buf, size_t size)
{
    const sv_user *u = sv_store_user(TUI.st);
    if (!u) {
        snprintf(buf, size, _("Du (%s) er ikke registrert: du kan bare se, ikke endre."), sv_login());
        return;
    }
    snprintf(buf, size, _("Du er %s. %s."), u->display_name[0] ? u->display_name : u->login,
             sv_role_summary(u->role));
}

static void on_signal(int sig)
{
    TUI.signal = sig;
}

static void setup_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* no SA_RESTART: a blocked read returns so the loop can save and leave */
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

/* A mouse event: the wheel scrolls (three rows), a click selects what is under it and a
 * double click opens it, on screens that know their rows (ncurses' own mouse support). */
static void mouse_event(tui_screen *s)
{
    MEVENT ev;
    if (getmouse(&ev) != OK) return;
    if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        int act = ev.bstate & BUTTON4_PRESSED ? TA_UP : TA_DOWN;
        for (int i = 0; i < 3; i++)
            if (s->key(s, act, 0)) { tui_pop(); return; }
        return;
    }
    if (!s->click || ev.y < 1 || ev.y >= LINES - 2) return;
    if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) s->click(s, ev.y - 1, ev.x, 0);
    else if (ev.bstate & BUTTON1_DOUBLE_CLICKED) s->click(s, ev.y - 1, ev.x, 1);
}

static void draw_all(void)
{
    tui_screen *s = tui_top();
    int h = LINES, w = COLS;
    werase(stdscr);
    wattron(stdscr, tui_attr(TC_TITLE));
    mvwhline(stdscr, 0, 0, ' ', w);
    const sv_user *u = sv_store_user(TUI.st);
    char right[160];
    snprintf(right, sizeof right, "%s · %s ", u ? u->login : sv_login(),
             u ? sv_code_label(SV_CODES_ROLE, u->role) : _("ikke registrert"));
    int x = tui_putf(stdscr, 0, 0, w, " stegvis · %s", s ? s->title : "");
    int rw = tui_width(right);
    if (w - rw > x + 1) tui_put(stdscr, 0, w - rw, rw, right, 0);
    wattroff(stdscr, tui_attr(TC_TITLE));
    if (TUI.muni_demo && w - rw > x + 8) {
        wattron(stdscr, tui_attr(TC_DEMO));
        tui_put(stdscr, 0, w - rw - 7, 6, " DEMO ", 0);
        wattroff(stdscr, tui_attr(TC_DEMO));
    }
    /* A long message takes two rows from the body rather than being cut off. */
    int mrows = TUI.msg[0] && tui_width(TUI.msg) > w ? 2 : 1;
    if (TUI.msg[0]) {
        int a = TUI.msg_kind == 1 ? tui_attr(TC_ERR) : TUI.msg_kind == 2 ? tui_attr(TC_OK) : 0;
        wattron(stdscr, a);
        tui_wrap(stdscr, h - 1 - mrows, 0, w, mrows, TUI.msg);
        wattroff(stdscr, a);
    }
    if (s) tui_draw_keyline(stdscr, h - 1, w, s->keys);
    wnoutrefresh(stdscr);
    if (body) delwin(body);
    int bh = h - 2 - mrows;
    body = newwin(bh > 0 ? bh : 1, w, 1, 0);
    if (s && bh > 0) s->draw(s, body, bh, w);
    wnoutrefresh(body);
    doupdate();
}

/* Loads the municipality shown in the title: the user's own, else the first. The demo flag is
 * not a form field, so it is read here with one bound query. */
static void load_municipality(void)
{
    const sv_user *u = sv_store_user(TUI.st);
    sqlite3_stmt *q = sv_store_prepare(TUI.st, "SELECT id, name, demo FROM municipality "
                                               "WHERE id = ? OR ? = 0 ORDER BY id LIMIT 1", NULL);
    if (!q) return;
    int64_t want = u ? u->municipality_id : 0;
    sqlite3_bind_int64(q, 1, want);
    sqlite3_bind_int64(q, 2, want);
    if (sqlite3_step(q) == SQLITE_ROW) {
        TUI.muni_id = sqlite3_column_int64(q, 0);
        snprintf(TUI.muni_name, sizeof TUI.muni_name, "%s", sqlite3_column_text(q, 1));
        TUI.muni_demo = sqlite3_column_int(q, 2);
    }
    sqlite3_reset(q);
}

/* Returns 0 and sets *filled when the empty database got the demo municipality. */
static int fill_demo_if_empty(sv_cli *c, int *filled)
{
    sv_err e;
    sv_err_clear(&e);
    *filled = 0;
    if (sv_demo_if_empty(c->st, filled, &e)) return cli_fail(&e);
    if (*filled && sv_store_reload_user(c->st, &e)) return cli_fail(&e);
    return 0;
}

static int input_pending(void)
{
    wint_t wc;
    wtimeout(stdscr, 0);
    int rc = wget_wch(stdscr, &wc);
    if (rc == ERR) return 0;
    if (rc == KEY_CODE_YES) ungetch((int)wc);
    else unget_wch((wchar_t)wc);
    return 1;
}

int cmd_start(sv_cli *c, int argc, char **argv)
{
    int bench = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--bench-startup")) bench = 1;
        else return cli_usage(_("ukjent valg «%s» for start (bare --bench-startup)"), argv[i]);
    }
    setlocale(LC_ALL, "");
    int filled;
    int rc = fill_demo_if_empty(c, &filled);
    if (rc) return rc;
    memset(&TUI, 0, sizeof TUI);
    if (filled)
        tui_msg(2, "%s", _("Ny database: demokommunen (DEMO) med oppdiktede deltakere er lagt inn. Trykk i for en guide til første sak, ? for hjelp."));
    TUI.st = c->st;
    load_municipality();
    FILE *klog = NULL;
    const char *kpath = sv_env("STEGVIS_KEYLOG");
    if (kpath && *kpath && !(klog = fopen(kpath, "a"))) {
        fprintf(stderr, _("stegvis: kan ikke skrive tidslogg til %s\n"), kpath);
        return 1;
    }
    int tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    FILE *null_out = NULL, *null_in = NULL;
    if (!tty && !bench) {
        fputs(_("stegvis: skjermbildene trenger en terminal (bruk kommandoene, se «stegvis help»)\n"), stderr);
        if (klog) fclose(klog);
        return 1;
    }
    setup_signals();
    set_escdelay(25);
    if (tty) {
        if (!newterm(NULL, stdout, stdin)) {
            const char *term = getenv("TERM");
            fprintf(stderr, _("stegvis: terminaltypen «%s» er ukjent; sett TERM (f.eks. xterm-256color)\n"),
                    term ? term : "");
            if (klog) fclose(klog);
            return 1;
        }
    } else {
        /* Timing without a terminal (make bench): draw the same screens into /dev/null. */
        const char *term = getenv("TERM");
        null_out = fopen("/dev/null", "w");
        null_in = fopen("/dev/null", "r");
        if (!null_out || !null_in || !newterm(term && *term ? term : "xterm", null_out, null_in)) {
            fputs(_("stegvis: kan ikke tegne uten terminal (sett TERM)\n"), stderr);
            if (klog) fclose(klog);
            if (null_out) fclose(null_out);
            if (null_in) fclose(null_in);
            return 1;
        }
    }
    tui_settings_load();
    tui_keylog(klog);
    cbreak();
    noecho();
    nonl();
    curs_set(0);
    keypad(stdscr, TRUE);
    tui_settings_colors();
    if (tty) {
        /* bracketed paste: a pasted line break is text, not Enter (see TUI.pasting) */
        define_key("\033[200~", TK_PASTE_BEGIN);
        define_key("\033[201~", TK_PASTE_END);
        fputs("\033[?2004h", stdout);
        fflush(stdout);
    }
    if (tui_settings_mouse()) {
        mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(200);
    }
    tui_push(tui_list_new());
    draw_all();
    if (bench) {
        double us = us_since(&process_start);
        while (depth) tui_pop();
        endwin();
        tui_settings_free();
        if (null_out) fclose(null_out);
        if (null_in) fclose(null_in);
        /* one fixed line in every language: make bench and the screen tests read it */
        printf("oppstart til første skjermbilde: %.1f ms\n", us / 1000.0);
        return 0;
    }
    /* An editor's text left by a program killed with its guardian (core/edittmp.h) is stale. */
    if (sv_edittmp_sweep(sv_env("TMPDIR")) > 0)
        tui_msg(0, "%s", _("Teksten fra en editor som var åpen da programmet stanset, er fjernet."));
    tui_drafts_collect();
    draw_all();
    tui_drafts_offer();
    int pending = 0;
    while (depth && !TUI.quit) {
        /* Keys typed ahead (fast typing in the search) are handled before the next redraw,
         * so a slow query runs once for the whole burst instead of once per key. */
        if (!pending) draw_all();
        if (TUI.offer_drafts && !pending) {
            TUI.offer_drafts = 0;
            if (tui_drafts_offer()) continue;
        }
        int ch = tui_getkey(stdscr);
        if (TUI.signal) break;
        if (ch == 0) continue;
        TUI.msg[0] = '\0';
        tui_screen *s = tui_top();
        if (ch == TK(KEY_RESIZE)) {
            /* every screen draws from the current size, so a redraw is the reflow */
        } else if (ch == TK(KEY_MOUSE)) {
            mouse_event(s);
        } else {
            int act = s->raw_input ? TA_NONE : tui_bound_action(s, ch);
            if (act == TA_HELP) tui_push(tui_help_new(s));
            else if (s->key(s, act, ch)) tui_pop();
        }
        pending = depth && !TUI.quit && input_pending();
    }
    /* Screens with unsaved input store it as a draft when destroyed. */
    TUI.quit = 1;
    while (depth) tui_pop();
    if (tty) {
        fputs("\033[?2004l", stdout);
        fflush(stdout);
    }
    endwin();
    tui_settings_free();
    tui_drafts_free();
    tui_keylog(NULL);
    if (klog) fclose(klog);
    if (TUI.signal == SIGINT) fputs(_("Avbrutt. Det du skrev er tatt vare på som utkast.\n"), stderr);
    return TUI.signal ? 128 + TUI.signal : 0;
}
