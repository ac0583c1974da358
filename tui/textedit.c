/* Long texts (justification, notes): a small built-in multi-line editor, and $EDITOR for those
 * who prefer their own, falling back to the built-in one when none is set or it fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "../core/priv.h"
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

static void move_vert(wtext *t, int dir)
{
    int ls = line_start(t, t->pos), col = t->pos - ls;
    int target;
    if (dir < 0) {
        if (ls == 0) return;
        target = line_start(t, ls - 1);
    } else {
        int le = line_end(t, t->pos);
        if (le >= t->len) return;
        target = le + 1;
    }
    int te = line_end(t, target);
    t->pos = target + col < te ? target + col : te;
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

/* Long lines wrap on screen (by column, so the cursor is always visible); visual row of the
 * cursor, counting from the first line. */
static int cursor_row(const wtext *t, int width, int *cx)
{
    int vr = 0, col = 0;
    for (int k = 0; k <= t->len; k++) {
        if (k == t->pos) {
            if (cx) *cx = col;
            return vr;
        }
        if (t->s[k] == L'\n') {
            vr++;
            col = 0;
            continue;
        }
        int cw = sv_uc_width(t->s[k]);
        if (cw < 0) cw = 1;
        if (col + cw > width) {
            vr++;
            col = 0;
        }
        col += cw;
        if (col >= width && k + 1 == t->pos) {
            /* the cursor after a full row goes to the start of the next */
            vr++;
            col = 0;
        }
    }
    if (cx) *cx = col;
    return vr;
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
    if (TUI.msg[0]) {
        wattron(w, tui_attr(TUI.msg_kind == 1 ? TC_ERR : TC_OK));
        tui_put(w, h - 2, 0, wd, TUI.msg, 0);
        wattroff(w, tui_attr(TUI.msg_kind == 1 ? TC_ERR : TC_OK));
    }
    int width = wd > 1 ? wd - 1 : 1, cx = 0;
    int cur = cursor_row(t, width, &cx);
    if (cur < *top) *top = cur;
    if (cur >= *top + rows) *top = cur - rows + 1;
    int vr = 0, col = 0;
    for (int k = 0; k < t->len; k++) {
        if (t->s[k] == L'\n') {
            vr++;
            col = 0;
            continue;
        }
        int cw = sv_uc_width(t->s[k]);
        if (cw < 0) cw = 1;
        if (col + cw > width) {
            vr++;
            col = 0;
        }
        if (vr >= *top && vr < *top + rows) mvwaddnwstr(w, 1 + vr - *top, col, &t->s[k], 1);
        col += cw;
        if (col >= width && k + 1 < t->len && t->s[k + 1] != L'\n') {
            vr++;
            col = 0;
        }
    }
    tui_draw_keyline(w, h - 1, wd, (const tui_key[]){
        {TK_CTRL('x'), 0, "Ctrl-X/F2", N_("ferdig"), 1, 1, NULL}, {TK_ESC, 0, "Esc", N_("avbryt"), 2, 1, NULL},
        {TK_ENTER, 0, "Enter", N_("ny linje"), 3, 1, NULL}, {0, 0, NULL, NULL, 0, 0, NULL}});
    wmove(w, 1 + cur - *top, cx);
    wrefresh(w);
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
    int top = 0;
    char *result = NULL;
    curs_set(1);
    for (;;) {
        WINDOW *w = newwin(LINES, COLS, 0, 0);
        draw(w, title, &t, &top);
        int ch = tui_getkey(w);
        delwin(w);
        if (ch == 0 && !TUI.signal) continue;
        TUI.msg[0] = '\0';
        if (TUI.signal) {
            /* the connection dropped: hand back what was typed so it goes into the draft */
            size_t bytes;
            result = to_utf8(&t, &bytes);
            break;
        }
        if (ch == TK_ESC) break;
        if (ch == TK_CTRL('x') || ch == TK(KEY_F(2))) {
            size_t bytes;
            char *s = to_utf8(&t, &bytes);
            if (bytes > max) {
                tui_msg(1, _("%s: for lang tekst (høyst %zu tegn). Kort den ned."), title, max);
                free(s);
                continue;
            }
            result = s;
            break;
        }
        if (ch == TK_ENTER || ch == TK(KEY_ENTER)) wt_insert(&t, L'\n');
        else if (ch == TK(KEY_LEFT) && t.pos > 0) t.pos--;
        else if (ch == TK(KEY_RIGHT) && t.pos < t.len) t.pos++;
        else if (ch == TK(KEY_UP)) move_vert(&t, -1);
        else if (ch == TK(KEY_DOWN)) move_vert(&t, 1);
        else if (ch == TK(KEY_HOME)) t.pos = line_start(&t, t.pos);
        else if (ch == TK(KEY_END)) t.pos = line_end(&t, t.pos);
        else if ((ch == TK(KEY_BACKSPACE) || ch == 127 || ch == 8) && t.pos > 0) wt_delete(&t, --t.pos);
        else if (ch == TK(KEY_DC)) wt_delete(&t, t.pos);
        else if (ch == '\t' || (ch >= 32 && ch != 127)) wt_insert(&t, (wchar_t)ch);
    }
    curs_set(0);
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
    /* mkstemp's template: the directory, then six X for it to replace */
    const char *dir = sv_env("TMPDIR");
    char path[512];
    int pn = snprintf(path, sizeof path - 7, "%s/stegvis-", dir && *dir ? dir : "/tmp");
    if (pn < 0 || (size_t)pn >= sizeof path - 7) return tui_textedit(title, text, max);
    memset(path + pn, 'X', 6);
    path[pn + 6] = '\0';
    /* The file is the user's, and the editor runs as the user (never with the server's rights). */
    sv_priv_user_begin();
    int fd = mkstemp(path);
    sv_priv_user_end();
    if (fd < 0) return tui_textedit(title, text, max);
    size_t len = strlen(text);
    int ok = write(fd, text, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
    close(fd);
    char *result = NULL;
    if (ok) {
        def_prog_mode();
        endwin();
        pid_t pid = fork();
        if (pid == 0) {
            sv_priv_drop_child();
            execlp("sh", "sh", "-c", "exec $0 \"$1\"", ed, path, (char *)NULL);
            _exit(127);
        }
        int status = 0;
        if (pid > 0) waitpid(pid, &status, 0);
        reset_prog_mode();
        refresh();
        FILE *f = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? sv_priv_user_fopen(path, "r") : NULL;
        if (f) {
            sv_buf b;
            sv_buf_init(&b);
            char chunk[4096];
            size_t got;
            while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) sv_buf_addn(&b, chunk, got);
            fclose(f);
            while (b.len && b.s[b.len - 1] == '\n') b.s[--b.len] = '\0';
            if (b.len > max) {
                tui_msg(1, _("%s: for lang tekst (%zu byte, høyst %zu). Ingenting er endret."), title, b.len, max);
                sv_buf_free(&b);
            } else {
                result = sv_xstrdup(b.s ? b.s : "");
                sv_buf_free(&b);
            }
        } else {
            tui_msg(1, _("Editoren %s avsluttet med feil; bruker den innebygde."), ed);
            sv_priv_user_begin();
            unlink(path);
            sv_priv_user_end();
            return tui_textedit(title, text, max);
        }
    }
    sv_priv_user_begin();
    unlink(path);
    sv_priv_user_end();
    return result;
}
