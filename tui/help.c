/* The help screen: made from the key table of the screen it was opened from, so it always says
 * what the keys really do there, plus who you are and what your role may do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

typedef struct {
    tui_screen base;
    const tui_screen *of;
    char title[128];
    int top;
} help_screen;

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

static int count_rows(const tui_key *keys)
{
    int n = 0;
    for (const tui_key *k = keys; k && k->key; k++) n++;
    return n;
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    help_screen *hs = (help_screen *)s;
    char who[300];
    tui_whoami(who, sizeof who);
    int y = tui_wrap(w, 0, 1, wd - 2, 2, who) + 1;
    if (hs->of->about) y += tui_wrap(w, y, 1, wd - 2, h - y, _(hs->of->about)) + 1;
    wattron(w, A_BOLD);
    tui_putf(w, y++, 1, wd - 2, _("Tastene i «%s»:"), hs->of->title);
    wattroff(w, A_BOLD);
    int n = count_rows(hs->of->keys);
    if (hs->top > n - 1) hs->top = n > 0 ? n - 1 : 0;
    for (const tui_key *k = hs->of->keys + hs->top; k->key && y < h; k++) {
        wattron(w, A_BOLD);
        tui_put(w, y, 2, 14, k->name, 0);
        wattroff(w, A_BOLD);
        y += tui_wrap(w, y, 17, wd - 18, h - y, _(k->help ? k->help : k->label));
    }
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    help_screen *hs = (help_screen *)s;
    switch (act) {
    case TA_UP: case TA_PGUP: case TA_HOME: hs->top = act == TA_UP && hs->top > 0 ? hs->top - 1 : 0; break;
    case TA_DOWN: case TA_PGDN: case TA_END: hs->top += act == TA_DOWN ? 1 : 10; break;
    case TA_BACK: return 1;
    default: break;
    }
    return 0;
}

static void destroy(tui_screen *s)
{
    free(s);
}

tui_screen *tui_help_new(const tui_screen *of)
{
    help_screen *hs = sv_xcalloc(1, sizeof *hs);
    hs->of = of;
    snprintf(hs->title, sizeof hs->title, _("Hjelp: %s"), of->title);
    hs->base = (tui_screen){hs->title, KEYS, draw, key, NULL, destroy, 0};
    return &hs->base;
}
