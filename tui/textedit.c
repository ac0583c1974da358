/* Long texts (justification, notes): a small built-in multi-line editor, and $EDITOR for those
 * who prefer their own, falling back to the built-in one when none is set or it fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "../core/edittmp.h"
#include "../core/priv.h"
#include "../core/text.h"
#include "tui.h"

typedef struct {
    wchar_t *s;
    int len, cap, pos;
} wtext;

static void wt_insert(wtext *t, wchar_t c)
{
    if (t->len + 2 > t->cap) {
        t->cap = t->cap * 2 + 64;
        t->s = sv_xrealloc(t->s, sizeof(wchar_t) * (size_t)t->cap);
    }
    memmove(&t->s[t->pos + 1], &t->s[t->pos], sizeof(wchar_t) * (size_t)(t->len - t->pos));
    t->s[t->pos++] = c;
    t->len++;
}

static void wt_delete(wtext *t, int at)
{
    if (at < 0 || at >= t->len) return;
    memmove(&t->s[at], &t->s[at + 1], sizeof(wchar_t) * (size_t)(t->len - at - 1));
    t->len--;
}

static int line_start(const wtext *t, int pos)
{
    while (pos > 0 && t->s[pos - 1] != L'\n') pos--;
    return pos;
}

static int line_end(const wtext *t, int pos)
{
    while (pos < t->len && t->s[pos] != L'\n') pos++;
    return pos;
}

static char *to_utf8(const wtext *t, size_t *bytes)
{
    wchar_t *w = sv_xmalloc(sizeof(wchar_t) * (size_t)(t->len + 1));
    memcpy(w, t->s, sizeof(wchar_t) * (size_t)t->len);
    w[t->len] = 0;
    size_t n = wcstombs(NULL, w, 0);
    if (n == (size_t)-1) n = 0;
    char *out = sv_xmalloc(n + 1);
    wcstombs(out, w, n + 1);
    out[n] = '\0';
    free(w);
    *bytes = n;
    return out;
}

static const uint32_t *u32(const wtext *t)
{
    return (const uint32_t *)t->s;
}

/* Where each position of the text goes on screen: rows broken where Unicode allows
 * (core/text.c, sv_wrap_row: after a space or a hyphen, never inside a word; a word wider than
 * the window is cut between two characters). rowv/colv have t->len + 1 entries (the last one is
 * the end, where the cursor may be); the characters of one cluster share its place; a space
 * that ends a row has the column just past it (at most the width) and is not drawn. */
static void layout(const wtext *t, int width, int *rowv, int *colv)
{
    const uint32_t *s = u32(t);
    size_t n = (size_t)t->len, at = 0;
    char *brk = sv_linebreaks(s, n);
    int r = 0, end_row = 0, end_col = 0, hard = 0;
    sv_row row;
    for (; sv_wrap_row(s, n, brk, at, width, &row); at = row.next, r++) {
        int col = 0;
        size_t i = row.start;
        while (i < row.end) {
            size_t k = sv_cluster_next(s, n, i);
            for (size_t q = i; q < k; q++) { rowv[q] = r; colv[q] = col; }
            col += sv_cluster_cols(s + i, k - i);
            i = k;
        }
        for (; i < row.next; i++) {   /* the spaces that end the row, and its line break */
            rowv[i] = r;
            colv[i] = col < width ? col : width;
            if (s[i] != '\n' && s[i] != '\r') col++;
        }
        end_row = r;
        end_col = col < width ? col : width;
        hard = row.hard;
    }
    free(brk);
    /* the end: after a last line break on a row of its own */
    rowv[n] = n == 0 ? 0 : hard ? end_row + 1 : end_row;
    colv[n] = n == 0 || hard ? 0 : end_col;
}

/* ↑/↓ move by screen row, to the nearest column (a whole character at a time). */
static void move_vert(wtext *t, int width, int dir)
{
    int *rv = sv_xmalloc(sizeof(int) * (size_t)(t->len + 1)), *cv = sv_xmalloc(sizeof(int) * (size_t)(t->len + 1));
    layout(t, width, rv, cv);
    int want = rv[t->pos] + dir, col = cv[t->pos], best = -1;
    for (size_t k = 0; k <= (size_t)t->len; k = k < (size_t)t->len ? sv_cluster_next(u32(t), (size_t)t->len, k) : k + 1) {
        if (rv[k] != want) continue;
        if (best < 0 || cv[k] <= col) best = (int)k;
        if (cv[k] >= col) break;
    }
    if (best >= 0) t->pos = best;
    free(rv);
    free(cv);
}

static void draw(WINDOW *w, const char *title, const wtext *t, int *top)
{
    int h = getmaxy(w), wd = getmaxx(w);
    werase(w);
    wattron(w, tui_attr(TC_TITLE));
    mvwhline(w, 0, 0, ' ', wd);
    tui_putf(w, 0, 0, wd, _(" Skriv: %s"), title);
    wattroff(w, tui_attr(TC_TITLE));
    int rows = h - 3;
    if (rows < 1) rows = 1;
    if (TUI.msg[0]) {
        wattron(w, tui_attr(TUI.msg_kind == 1 ? TC_ERR : TC_OK));
        tui_put(w, h - 2, 0, wd, TUI.msg, 0);
        wattroff(w, tui_attr(TUI.msg_kind == 1 ? TC_ERR : TC_OK));
    }
    int width = wd > 1 ? wd - 1 : 1;
    int *rv = sv_xmalloc(sizeof(int) * (size_t)(t->len + 1)), *cv = sv_xmalloc(sizeof(int) * (size_t)(t->len + 1));
    layout(t, width, rv, cv);
    int cur = rv[t->pos];
    if (cur < *top) *top = cur;
    if (cur >= *top + rows) *top = cur - rows + 1;
    /* the rows as layout made them, each drawn as the screens draw text (no control character
     * reaches the terminal; clusters in NFC) */
    const uint32_t *s = u32(t);
    char *brk = sv_linebreaks(s, (size_t)t->len);
    sv_row row;
    int r = 0;
    for (size_t at = 0; r < *top + rows && sv_wrap_row(s, (size_t)t->len, brk, at, width, &row); at = row.next, r++)
        if (r >= *top) tui_put32(w, 1 + r - *top, 0, width, s + row.start, row.end - row.start, 0);
    free(brk);
    tui_draw_keyline(w, h - 1, wd, (const tui_key[]){
        {TK_CTRL('x'), 0, "Ctrl-X/F2", N_("ferdig"), 1, 1, NULL}, {TK_ESC, 0, "Esc", N_("avbryt"), 2, 1, NULL},
        {TK_ENTER, 0, "Enter", N_("ny linje"), 3, 1, NULL}, {0, 0, NULL, NULL, 0, 0, NULL}});
    /* the cursor after a full row's last character stays in the window */
    wmove(w, 1 + cur - *top, cv[t->pos] < width ? cv[t->pos] : width);
    free(rv);
    free(cv);
    wrefresh(w);
}

/* Line breaks and spaces at the very end are not part of the text (a last Enter would end up
 * inside the decision's XML). */
static void trim_end(wtext *t)
{
    while (t->len > 0 && (t->s[t->len - 1] == L'\n' || t->s[t->len - 1] == L' ' || t->s[t->len - 1] == L'\t')) t->len--;
    if (t->pos > t->len) t->pos = t->len;
}

/* 1 when another key is already waiting (it stays queued). */
static int more_input(WINDOW *w)
{
    wint_t wc;
    wtimeout(w, 0);
    int rc = wget_wch(w, &wc);
    if (rc == ERR) return 0;
    if (rc == KEY_CODE_YES) ungetch((int)wc);
    else unget_wch((wchar_t)wc);
    return 1;
}

char *tui_textedit(const char *title, const char *text, size_t max)
{
    wtext t = {0};
    size_t n = mbstowcs(NULL, text, 0);
    if (n == (size_t)-1) n = 0;
    t.cap = (int)n + 64;
    t.s = sv_xmalloc(sizeof(wchar_t) * (size_t)t.cap);
    mbstowcs(t.s, text, n + 1);
    t.len = t.pos = (int)n;
    int top = 0, pending = 0;
    char *result = NULL;
    WINDOW *w = NULL;
    curs_set(1);
    TUI.typing++;
    for (;;) {
        /* keys already waiting (a paste) are taken before the next redraw */
        if (!pending) {
            if (w) delwin(w);
            w = newwin(LINES, COLS, 0, 0);
            draw(w, title, &t, &top);
        }
        int ch = tui_getkey(w);
        int width = getmaxx(w) > 1 ? getmaxx(w) - 1 : 1;
        pending = more_input(w);
        if (ch == 0 && !TUI.signal) {   /* a timeout: nothing to draw anew */
            pending = 1;
            continue;
        }
        TUI.msg[0] = '\0';
        if (TUI.signal) {
            /* the connection dropped: hand back what was typed so it goes into the draft */
            size_t bytes;
            result = to_utf8(&t, &bytes);
            break;
        }
        if (ch == TK_ESC) {
            size_t bytes;
            char *now = to_utf8(&t, &bytes);
            int changed = strcmp(now, text) != 0;
            free(now);
            if (!changed) break;
            /* what was typed (a long paste too) is not thrown away by one key */
            int a = tui_ask(_("Avbryte?"), _("Teksten er endret.\n\nb = behold teksten i feltet (den sjekkes i skjemaet)   "
                                             "f = forkast endringene   Esc = skriv videre"), "bf");
            if (a == 'f') break;
            if (a != 'b') continue;
            trim_end(&t);
            result = to_utf8(&t, &bytes);
            break;
        }
        if (ch == TK_CTRL('x') || ch == TK(KEY_F(2))) {
            trim_end(&t);
            size_t bytes;
            char *s = to_utf8(&t, &bytes);
            if (bytes > max) {
                tui_msg(1, 
                        _n("%s: for lang tekst (%d tegn, %zu byte; høyst %zu byte). Kort den ned, eller Esc og b for å beholde den.",
                           "%s: for lang tekst (%d tegn, %zu byte; høyst %zu byte). Kort den ned, eller Esc og b for å beholde den.", t.len),
                        title, t.len, bytes, max);
                free(s);
                continue;
            }
            result = s;
            break;
        }
        if (ch == TK_ENTER || ch == TK(KEY_ENTER)) wt_insert(&t, L'\n');
        else if (ch == TK(KEY_LEFT) && t.pos > 0) t.pos = (int)sv_cluster_prev(u32(&t), (size_t)t.pos);
        else if (ch == TK(KEY_RIGHT) && t.pos < t.len) t.pos = (int)sv_cluster_next(u32(&t), (size_t)t.len, (size_t)t.pos);
        else if (ch == TK(KEY_UP)) move_vert(&t, width, -1);
        else if (ch == TK(KEY_DOWN)) move_vert(&t, width, 1);
        else if (ch == TK(KEY_HOME)) t.pos = line_start(&t, t.pos);
        else if (ch == TK(KEY_END)) t.pos = line_end(&t, t.pos);
        else if ((ch == TK(KEY_BACKSPACE) || ch == 127 || ch == 8) && t.pos > 0) {
            /* a whole character: a letter with its marks, an emoji sequence */
            int from = (int)sv_cluster_prev(u32(&t), (size_t)t.pos);
            while (t.pos > from) wt_delete(&t, --t.pos);
        } else if (ch == TK(KEY_DC) && t.pos < t.len) {
            int to = (int)sv_cluster_next(u32(&t), (size_t)t.len, (size_t)t.pos);
            for (int k = t.pos; k < to; k++) wt_delete(&t, t.pos);
        }
        else if (ch == '\t' || (ch >= 32 && ch != 127)) wt_insert(&t, (wchar_t)ch);
    }
    curs_set(0);
    TUI.typing--;
    if (w) delwin(w);
    free(t.s);
    touchwin(stdscr);
    return result;
}

char *tui_external_edit(const char *title, const char *text, size_t max)
{
    const char *ed = getenv("VISUAL");
    if (!ed || !*ed) ed = getenv("EDITOR");
    if (!ed || !*ed) {
        tui_msg(0, "%s", _("$EDITOR er ikke satt: bruker den innebygde editoren."));
        return tui_textedit(title, text, max);
    }
    /* A private directory of its own, and a guardian that removes it if the program dies
     * while the editor is open (core/edittmp.c). */
    sv_edittmp tmp;
    if (sv_edittmp_create(&tmp, sv_env("TMPDIR"), text) != 0) return tui_textedit(title, text, max);
    char *result = NULL;
    def_prog_mode();
    endwin();
    int status = sv_edittmp_run(&tmp, ed);
    reset_prog_mode();
    refresh();
    FILE *f = status == 0 ? sv_priv_user_fopen(tmp.file, "r") : NULL;
    if (f) {
        sv_buf b;
        sv_buf_init(&b);
        char chunk[4096];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) sv_buf_addn(&b, chunk, got);
        fclose(f);
        while (b.len && b.s[b.len - 1] == '\n') b.s[--b.len] = '\0';
        if (b.len > max) {
            tui_msg(1, 
                    _n("%s: for lang tekst (%zu byte, høyst %zu). Ingenting er endret.",
                       "%s: for lang tekst (%zu byte, høyst %zu). Ingenting er endret.", b.len), title, b.len, max);
            sv_buf_free(&b);
        } else {
            result = sv_xstrdup(b.s ? b.s : "");
            sv_buf_free(&b);
        }
    } else {
        tui_msg(1, _("Editoren %s avsluttet med feil; bruker den innebygde."), ed);
        sv_edittmp_remove(&tmp);
        return tui_textedit(title, text, max);
    }
    sv_edittmp_remove(&tmp);
    return result;
}
