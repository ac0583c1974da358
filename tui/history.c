/* A case's history: who changed what and when, from the audit log (core/audit_view.h), newest
 * first, so the three units see each other's work on the same record. Read-only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/audit_view.h"
#include "tui.h"

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0, NULL}};

typedef struct {
    tui_screen base;
    char title[160];
    char **lines;
    int n, top;
} hist_screen;

static const char *action_label(const char *a)
{
    if (!strcmp(a, "insert")) return _("la til");
    if (!strcmp(a, "update")) return _("endret");
    if (!strcmp(a, "delete")) return _("slettet");
    if (!strcmp(a, "refused")) return _("ble nektet");
    return a;
}

static int collect(const sv_audit_entry *a, void *ctx)
{
    hist_screen *hs = ctx;
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_printf(&b, "%.16s  %s %s %s", a->at, a->login, action_label(a->action), a->what ? a->what : a->tbl);
    if (a->detail && a->detail[0]) sv_buf_printf(&b, ": %s", a->detail);
    hs->lines = sv_xrealloc(hs->lines, sizeof *hs->lines * (size_t)(hs->n + 1));
    hs->lines[hs->n++] = b.s ? b.s : sv_xstrdup("");
    return 0;
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    hist_screen *hs = (hist_screen *)s;
    if (!hs->n) {
        tui_put(w, 1, 1, wd - 2, _("Ingen endringer er logget for denne saken."), 0);
        return;
    }
    if (hs->top >= hs->n) hs->top = hs->n - 1;
    if (hs->top < 0) hs->top = 0;
    int y = 0;
    /* newest first: the log comes oldest first */
    for (int i = hs->n - 1 - hs->top; i >= 0 && y < h; i--) {
        y += tui_wrap(w, y, 0, wd, h - y, hs->lines[i]);
    }
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    hist_screen *hs = (hist_screen *)s;
    switch (act) {
    case TA_UP: if (hs->top > 0) hs->top--; break;
    case TA_DOWN: if (hs->top + 1 < hs->n) hs->top++; break;
    case TA_PGUP: hs->top = hs->top > 10 ? hs->top - 10 : 0; break;
    case TA_PGDN: hs->top = hs->top + 10 < hs->n ? hs->top + 10 : (hs->n ? hs->n - 1 : 0); break;
    case TA_HOME: hs->top = 0; break;
    case TA_END: hs->top = hs->n ? hs->n - 1 : 0; break;
    case TA_BACK: return 1;
    default: break;
    }
    return 0;
}

static void destroy(tui_screen *s)
{
    hist_screen *hs = (hist_screen *)s;
    for (int i = 0; i < hs->n; i++) free(hs->lines[i]);
    free(hs->lines);
    free(hs);
}

tui_screen *tui_history_new(int64_t participant_id, const char *name)
{
    hist_screen *hs = sv_xcalloc(1, sizeof *hs);
    snprintf(hs->title, sizeof hs->title, _("Historikk: %s"), name);
    hs->base = (tui_screen){hs->title, KEYS, draw, key, NULL, destroy, 0,
                            N_("Alt som er gjort i saken, nyeste først: hvem, når og hva som ble endret "
                               "(«gammel» → «ny»). Fødselsnummer er skjult.")};
    hs->base.keymap = "history";
    sv_err e;
    sv_err_clear(&e);
    if (sv_audit_case(TUI.st, participant_id, collect, hs, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        destroy(&hs->base);
        return NULL;
    }
    return &hs->base;
}
