/* The "first case" guide: a short walk from a new participant to an issued decision, read
 * from templates/guide/nb.txt (or nn.txt when the screens speak nynorsk), reachable with `i`
 * from the participant list, the start screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/paths.h"
#include "tui.h"

typedef struct {
    tui_screen base;
    char *text;
    int top, lines;
} guide_screen;

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

/* The guide's text, or a message saying which file is missing; caller frees. */
static char *load(void)
{
    char path[4096];
    const char *rel = sv_i18n_ui() == SV_NN ? "guide/nn.txt" : "guide/nb.txt";
    FILE *f = NULL;
    if (sv_template_path(rel, path, sizeof path) == 0) f = fopen(path, "r");
    if (!f && sv_template_path("guide/nb.txt", path, sizeof path) == 0) f = fopen(path, "r");
    sv_buf b;
    sv_buf_init(&b);
    if (!f) {
        sv_buf_printf(&b, _("Finner ikke guiden (%s). Sjekk at stegvis er installert med templates/."), rel);
        return b.s;
    }
    char chunk[4096];
    size_t n;
    while (b.len < 256 * 1024 && (n = fread(chunk, 1, sizeof chunk, f)) > 0) sv_buf_addn(&b, chunk, n);
    fclose(f);
    return b.s;
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    guide_screen *gs = (guide_screen *)s;
    int y = 0, line = 0;
    const char *p = gs->text;
    while (*p && y < h) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char buf[1024];
        if (len >= sizeof buf) len = sizeof buf - 1;
        memcpy(buf, p, len);
        buf[len] = '\0';
        if (line++ >= gs->top) {
            int heading = line == 1 || (buf[0] >= '1' && buf[0] <= '9' && buf[1] == '.');
            if (heading) wattron(w, A_BOLD);
            int indent = (int)strspn(buf, " ");
            if (indent > wd / 4) indent = wd / 4;   /* a narrow terminal keeps room for text */
            y += buf[indent] ? tui_wrap(w, y, 1 + indent, wd - 2 - indent, h - y, buf + indent) : 1;
            if (heading) wattroff(w, A_BOLD);
        }
        p = nl ? nl + 1 : p + len;
    }
    gs->lines = line;
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    guide_screen *gs = (guide_screen *)s;
    switch (act) {
    case TA_UP: if (gs->top > 0) gs->top--; break;
    case TA_PGUP: gs->top = gs->top > 10 ? gs->top - 10 : 0; break;
    case TA_HOME: gs->top = 0; break;
    case TA_DOWN: if (gs->top + 1 < gs->lines) gs->top++; break;
    case TA_PGDN: gs->top = gs->top + 10 < gs->lines ? gs->top + 10 : gs->top; break;
    case TA_END: gs->top = gs->lines > 10 ? gs->lines - 10 : 0; break;
    case TA_HELP: tui_push(tui_help_new(s)); break;
    case TA_BACK: return 1;
    default: break;
    }
    return 0;
}

static void destroy(tui_screen *s)
{
    guide_screen *gs = (guide_screen *)s;
    free(gs->text);
    free(gs);
}

tui_screen *tui_guide_new(void)
{
    guide_screen *gs = sv_xcalloc(1, sizeof *gs);
    gs->text = load();
    gs->base = (tui_screen){_("Første sak"), KEYS, draw, key, NULL, destroy, 0};
    gs->base.about = N_("En kort vei fra ny deltaker til fattet og eksportert vedtak. Teksten står i templates/guide/ og kan tilpasses av kommunen.");
    return &gs->base;
}
