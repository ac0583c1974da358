/* The registered users (the same list as `stegvis user list`): login, name, role and
 * municipality. Read-only; who sees whom is core's (core/userlist.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/userlist.h"
#include "../forms/forms.h"
#include "tui.h"

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0, NULL, NULL}};

typedef struct {
    tui_screen base;
    sv_user_row *rows;
    int n, cur, top;
} users_screen;

static int collect(const sv_user_row *r, void *ctx)
{
    users_screen *us = ctx;
    us->rows = sv_xrealloc(us->rows, sizeof *us->rows * (size_t)(us->n + 1));
    us->rows[us->n++] = *r;
    return 0;
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    users_screen *us = (users_screen *)s;
    int lw = 16, nw = wd / 3 > 12 ? wd / 3 : 12, rw = 22;
    wattron(w, A_BOLD | A_UNDERLINE);
    mvwhline(w, 0, 0, ' ', wd);
    tui_put(w, 0, 0, lw, _("Brukernavn"), 0);
    tui_put(w, 0, lw + 1, nw, _("Navn"), 0);
    tui_put(w, 0, lw + nw + 2, rw, _("Rolle"), 0);
    tui_put(w, 0, lw + nw + rw + 3, wd - (lw + nw + rw + 3), _("Kommune"), 0);
    wattroff(w, A_BOLD | A_UNDERLINE);
    int rows = h - 1;
    if (rows < 1) return;
    if (us->cur < us->top) us->top = us->cur;
    if (us->cur >= us->top + rows) us->top = us->cur - rows + 1;
    for (int i = us->top; i < us->n && i - us->top < rows; i++) {
        const sv_user_row *r = &us->rows[i];
        int y = 1 + i - us->top, sel = i == us->cur;
        if (sel) wattron(w, A_REVERSE);
        mvwhline(w, y, 0, ' ', wd);
        tui_put(w, y, 0, lw, r->u.login, 0);
        tui_put(w, y, lw + 1, nw, r->u.display_name, 0);
        tui_put(w, y, lw + nw + 2, rw, sv_code_label(SV_CODES_ROLE, r->u.role), 0);
        tui_put(w, y, lw + nw + rw + 3, wd - (lw + nw + rw + 3), r->municipality[0] ? r->municipality : _("alle kommuner"), 0);
        if (sel) wattroff(w, A_REVERSE);
    }
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    users_screen *us = (users_screen *)s;
    switch (act) {
    case TA_UP: if (us->cur > 0) us->cur--; break;
    case TA_DOWN: if (us->cur + 1 < us->n) us->cur++; break;
    case TA_PGUP: case TA_HOME: us->cur = 0; break;
    case TA_PGDN: case TA_END: us->cur = us->n ? us->n - 1 : 0; break;
    case TA_BACK: return 1;
    default: break;
    }
    return 0;
}

static void destroy(tui_screen *s)
{
    free(((users_screen *)s)->rows);
    free(s);
}

tui_screen *tui_users_new(void)
{
    users_screen *us = sv_xcalloc(1, sizeof *us);
    us->base = (tui_screen){_("Brukere"), KEYS, draw, key, NULL, destroy, 0,
                            N_("De registrerte brukerne med rolle og kommune, som «stegvis user list». "
                               "Administratoren legger til brukere med «stegvis user add».")};
    us->base.keymap = "users";
    sv_err e;
    sv_err_clear(&e);
    if (sv_user_each(TUI.st, collect, us, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        destroy(&us->base);
        return NULL;
    }
    return &us->base;
}
