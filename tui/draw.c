/* Drawing primitives shared by every screen: width-aware UTF-8 output, the key line made from a
 * key table, colour roles that fall back to bold/reverse, and the small modal dialogs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "../core/text.h"
#include "tui.h"

int tui_attr(int role)
{
    if (!TUI.color) {
        switch (role) {
        case TC_TITLE: return A_REVERSE;
        case TC_ERR: return A_BOLD;
        case TC_DEMO: return A_BOLD | A_REVERSE;
        case TC_DIM: return A_DIM;
        default: return A_BOLD;
        }
    }
    return COLOR_PAIR(role) | (role == TC_DIM ? 0 : A_BOLD);
}

_Static_assert(sizeof(wchar_t) == sizeof(uint32_t), "wide characters are UCS-4 code points");

/* One grapheme cluster at the cursor, as core/text.c says it is shown; its columns. */
static int put_cluster(WINDOW *w, const uint32_t *c, size_t len, int room)
{
    uint32_t shown[SV_CLUSTER_MAX + 2];
    int cols;
    size_t m = sv_cluster_shown(c, len, shown, sizeof shown / sizeof shown[0], &cols);
    if (m == 0 || cols > room) return m == 0 ? 0 : -1;
    shown[m] = 0;
    waddnwstr(w, (const wchar_t *)shown, (int)m);
    return cols;
}

int tui_width(const char *s)
{
    return sv_text_cols(s);
}

int tui_put32(WINDOW *w, int y, int x, int width, const uint32_t *s, size_t n, int pad)
{
    int maxy, maxx;
    getmaxyx(w, maxy, maxx);
    if (y < 0 || y >= maxy || x >= maxx || width <= 0) return 0;
    if (x + width > maxx) width = maxx - x;
    int cols = 0;
    wmove(w, y, x);
    for (size_t i = 0; i < n;) {
        size_t k = sv_cluster_next(s, n, i);
        int cw = put_cluster(w, s + i, k - i, width - cols);
        if (cw < 0) break;
        cols += cw;
        i = k;
    }
    /* what the terminal library counted, should its idea of a width differ */
    int cx = getcurx(w) - x;
    if (cx > cols && cx <= width) cols = cx;
    if (pad)
        for (; cols < width; cols++) waddch(w, ' ');
    return cols;
}

/* Plain ASCII without controls is shown as it is. */
static int plain_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7F) return 0;
    return 1;
}

int tui_put(WINDOW *w, int y, int x, int width, const char *s, int pad)
{
    if (!s) s = "";
    if (plain_ascii(s)) {
        int maxy, maxx;
        getmaxyx(w, maxy, maxx);
        if (y < 0 || y >= maxy || x >= maxx || width <= 0) return 0;
        if (x + width > maxx) width = maxx - x;
        int len = (int)strlen(s);
        if (len > width) len = width;
        mvwaddnstr(w, y, x, s, len);
        for (int c = len; pad && c < width; c++) waddch(w, ' ');
        return pad ? width : len;
    }
    size_t n;
    uint32_t *u = sv_utf8_to_u32(s, strlen(s), &n);
    int cols = tui_put32(w, y, x, width, u, n, pad);
    free(u);
    return cols;
}

int tui_putf(WINDOW *w, int y, int x, int width, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return tui_put(w, y, x, width, buf, 0);
}

/* Rows broken where Unicode allows (core/text.c, sv_wrap_row). */
int tui_wrap(WINDOW *w, int y, int x, int width, int maxrows, const char *s)
{
    size_t n;
    uint32_t *u = sv_utf8_to_u32(s, strlen(s), &n);
    char *brk = sv_linebreaks(u, n);
    int rows = 0;
    sv_row r;
    for (size_t at = 0; rows < maxrows && sv_wrap_row(u, n, brk, at, width, &r); at = r.next) {
        if (w) tui_put32(w, y + rows, x, width, u + r.start, r.end - r.start, 0);
        rows++;
    }
    free(brk);
    free(u);
    return rows;
}

int tui_key_action(const tui_key *keys, int ch)
{
    for (const tui_key *k = keys; k && k->key; k++)
        if (k->key == ch || (k->alt && k->alt == ch)) return k->action;
    return TA_NONE;
}

static int essential(const tui_key *k)
{
    return k->action == TA_HELP || k->action == TA_BACK;
}

static int key_width(const tui_key *k)
{
    return tui_width(k->name) + tui_width(_(k->label)) + 3;
}

/* Help and back always fit: they are drawn last but their room is kept. Labels are translated
 * here, so the tables stay static. */
void tui_draw_keyline(WINDOW *w, int y, int width, const tui_key *keys)
{
    int x = 0, keep = 0;
    wmove(w, y, 0);
    wclrtoeol(w);
    for (const tui_key *k = keys; k && k->key; k++)
        if (k->bottom && essential(k)) keep += key_width(k);
    for (int pass = 0; pass < 2; pass++) {
        for (const tui_key *k = keys; k && k->key; k++) {
            if (!k->bottom || essential(k) != pass) continue;
            if (x + key_width(k) + (pass ? 0 : keep) > width) continue;
            wattron(w, A_BOLD);
            x += tui_put(w, y, x, width - x, k->name, 0);
            wattroff(w, A_BOLD);
            x += tui_put(w, y, x, width - x, " ", 0);
            x += tui_put(w, y, x, width - x, _(k->label), 0);
            x += tui_put(w, y, x, width - x, "  ", 0);
        }
    }
}

/* STEGVIS_KEYLOG: one line per key, wherever it is read (a form, a dialog, the editor): the
 * key, the screen, and the microseconds from the key to the next read, which is the handling
 * and the refreshed screen, never the time the user took. Typed characters are logged as
 * "tegn" and screens by kind only ("Sak", not the name): the log holds no names or numbers. */
static int read_key(WINDOW *w);
static FILE *KLOG;
static struct timespec KT;
static int KCH, KRAW, KHELD;

static void keylog_flush(void)
{
    if (!KLOG || !KHELD) return;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    double us = (double)(t.tv_sec - KT.tv_sec) * 1e6 + (double)(t.tv_nsec - KT.tv_nsec) / 1e3;
    tui_screen *s = tui_top();
    const char *title = s ? s->title : "-";
    int len = (int)strcspn(title, ":");
    if (KRAW || (KCH >= '0' && KCH <= '9') || KCH >= 127) fprintf(KLOG, "tegn\t%.*s\t%.0f\n", len, title, us);
    else if (KCH >= 32) fprintf(KLOG, "%c\t%.*s\t%.0f\n", KCH, len, title, us);
    else fprintf(KLOG, "%d\t%.*s\t%.0f\n", KCH, len, title, us);
    fflush(KLOG);
    KHELD = 0;
}

void tui_keylog(FILE *f)
{
    keylog_flush();
    KLOG = f;
}

int tui_getkey(WINDOW *w)
{
    keylog_flush();
    int ch = read_key(w);
    if (KLOG && ch != 0) {
        const tui_screen *s = tui_top();
        KCH = ch;
        KRAW = TUI.typing || (s && s->raw_input);
        KHELD = 1;
        clock_gettime(CLOCK_MONOTONIC, &KT);
    }
    return ch;
}

static int read_key(WINDOW *w)
{
    wint_t wc;
    keypad(w, TRUE);
    wtimeout(w, 250);
    int rc;
    for (;;) {
        rc = wget_wch(w, &wc);
        if (rc != KEY_CODE_YES || (wc != TK_PASTE_BEGIN && wc != TK_PASTE_END)) break;
        TUI.pasting = wc == TK_PASTE_BEGIN;
    }
    if (rc == ERR) return 0;
    if (rc == KEY_CODE_YES) return TK((int)wc);
    if (wc == '\r') return TK_ENTER;
    return (int)wc;
}

void tui_msg(int kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(TUI.msg, sizeof TUI.msg, fmt, ap);
    va_end(ap);
    TUI.msg_kind = kind;
}

/* A centred box of the given size; the caller deletes it. */
static WINDOW *box_win(int h, int w, const char *title)
{
    if (w > COLS - 2) w = COLS - 2;
    if (h > LINES - 2) h = LINES - 2;
    if (w < 10) w = 10;
    if (h < 3) h = 3;
    WINDOW *b = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
    keypad(b, TRUE);
    werase(b);
    box(b, 0, 0);
    wattron(b, A_BOLD);
    tui_put(b, 0, 2, w - 4, title, 0);
    wattroff(b, A_BOLD);
    return b;
}

int tui_ask(const char *title, const char *text, const char *accept)
{
    for (;;) {
        int w = COLS - 4 < 70 ? COLS - 4 : 70;
        int need = tui_wrap(NULL, 0, 0, w - 4, LINES, text) + 2;
        WINDOW *b = box_win(need < LINES - 4 ? need : LINES - 4, w, title);
        int h = getmaxy(b);
        tui_wrap(b, 1, 2, getmaxx(b) - 4, h - 2, text);
        wrefresh(b);
        int ch = tui_getkey(b);
        delwin(b);
        touchwin(stdscr);
        if (TUI.signal) return TK_ESC;
        if (ch == 0 || ch == TK(KEY_RESIZE)) continue;
        if (ch == TK_ESC) return TK_ESC;
        if (ch > 0 && ch < 128 && strchr(accept, ch)) return ch;
    }
}

int tui_prompt(const char *label, char *out, size_t size)
{
    wchar_t buf[256];
    size_t n = mbstowcs(buf, out, 255);
    if (n == (size_t)-1) n = 0;
    buf[n] = 0;
    curs_set(1);
    TUI.typing++;
    for (;;) {
        WINDOW *b = box_win(5, COLS - 4 < 70 ? COLS - 4 : 70, label);
        int width = getmaxx(b) - 4;
        /* keep the end visible: whole clusters are left out at the start */
        size_t n32 = (size_t)n, from = 0;
        const uint32_t *u = (const uint32_t *)buf;
        int tw = sv_u32_cols(u, n32);
        while (tw > width - 1 && from < n32) {
            size_t k = sv_cluster_next(u, n32, from);
            tw -= sv_cluster_cols(u + from, k - from);
            from = k;
        }
        tui_put32(b, 2, 2, width, u + from, n32 - from, 1);
        wmove(b, 2, 2 + tw);
        wrefresh(b);
        int ch = tui_getkey(b);
        delwin(b);
        touchwin(stdscr);
        if (TUI.signal || ch == TK_ESC) { curs_set(0); TUI.typing--; return 0; }
        if (ch == TK_ENTER) break;
        if ((ch == TK(KEY_BACKSPACE) || ch == 127 || ch == 8) && n > 0) {
            n = sv_cluster_prev((const uint32_t *)buf, n);   /* the whole last character */
            buf[n] = 0;
        }
        else if (ch == TK_CTRL('u')) { n = 0; buf[0] = 0; }
        else if (ch >= 32 && ch != 127 && n < 255) { buf[n++] = (wchar_t)ch; buf[n] = 0; }
    }
    curs_set(0);
    TUI.typing--;
    char mb[1024];
    size_t len = wcstombs(mb, buf, sizeof mb);
    if (len == (size_t)-1 || len >= size) {
        tui_msg(1, _("%s: for lang tekst"), label);
        return 0;
    }
    memcpy(out, mb, len + 1);
    return 1;
}

int tui_pick(const char *title, const char *const *items, int n, int cur)
{
    int top = 0;
    if (cur < 0 || cur >= n) cur = 0;
    for (;;) {
        int h = n + 2 < LINES - 4 ? n + 2 : LINES - 4;
        WINDOW *b = box_win(h < 3 ? 3 : h, COLS - 4 < 70 ? COLS - 4 : 70, title);
        int rows = getmaxy(b) - 2;
        if (cur < top) top = cur;
        if (cur >= top + rows) top = cur - rows + 1;
        for (int i = 0; i < rows && top + i < n; i++) {
            if (top + i == cur) wattron(b, A_REVERSE);
            tui_put(b, 1 + i, 1, getmaxx(b) - 2, items[top + i], 1);
            if (top + i == cur) wattroff(b, A_REVERSE);
        }
        wrefresh(b);
        int ch = tui_getkey(b);
        delwin(b);
        touchwin(stdscr);
        if (TUI.signal || ch == TK_ESC || ch == 'q') return -1;
        if (ch == TK_ENTER) return n ? cur : -1;
        if ((ch == TK(KEY_UP) || ch == 'k') && cur > 0) cur--;
        if ((ch == TK(KEY_DOWN) || ch == 'j') && cur + 1 < n) cur++;
        if (ch == TK(KEY_PPAGE)) cur = cur > rows ? cur - rows : 0;
        if (ch == TK(KEY_NPAGE)) cur = cur + rows < n ? cur + rows : n - 1;
    }
}
