/* The decision screen's list of what changed in the plan since the last decision: core's
 * audit reading (sv_case_changes_since_decision, the same `show` prints), written for the
 * screen: dates as dd.mm.åååå tt:mm and field labels instead of column names. */
#include <stdio.h>
#include <string.h>

#include "../core/case.h"
#include "../forms/forms.h"
#include "tui.h"

typedef struct {
    tui_change_emit emit;
    void *ctx;
    int n;
} change_ctx;

/* The entity a change names; core says it in words (plan, tidsfase, tiltak i fase). */
static const sv_entity *entity_of(const char *what)
{
    if (!strcmp(what, _("plan"))) return &SV_ENT_PLAN;
    if (!strcmp(what, _("tidsfase"))) return &SV_ENT_PHASE;
    return &SV_ENT_PLAN_MEASURE;
}

/* "col, col" to "Label, Label" (a column without a field keeps its name). */
static void labels(const sv_entity *ent, const char *cols, char *out, size_t size)
{
    out[0] = '\0';
    size_t used = 0;
    while (*cols && used + 1 < size) {
        size_t len = strcspn(cols, ",");
        char col[64];
        snprintf(col, sizeof col, "%.*s", (int)(len < 63 ? len : 63), cols);
        const sv_field *f = sv_entity_field(ent, col);
        int w = snprintf(out + used, size - used, "%s%s", used ? ", " : "", f ? _(f->label) : col);
        if (w < 0 || (size_t)w >= size - used) break;
        used += (size_t)w;
        cols += len;
        while (*cols == ',' || *cols == ' ') cols++;
    }
}

static int one(const char *at, const char *login, const char *what, const char *action, const char *fields, void *vctx)
{
    change_ctx *c = vctx;
    char when[20] = "";
    /* "åååå-mm-dd tt:mm:ss" */
    if (strlen(at) >= 16) snprintf(when, sizeof when, "%.2s.%.2s.%.4s %.5s", at + 8, at + 5, at, at + 11);
    else snprintf(when, sizeof when, "%s", at);
    const char *done = !strcmp(action, "insert") ? _("lagt til") : !strcmp(action, "delete") ? _("slettet") : _("endret");
    char lab[300] = "";
    if (!strcmp(action, "update")) labels(entity_of(what), fields, lab, sizeof lab);
    char line[400];
    snprintf(line, sizeof line, "  %s %s: %s %s%s%s", when, login, what, done, lab[0] ? ": " : "", lab);
    c->emit(c->ctx, line);
    c->n++;
    return 0;
}

int tui_plan_changes(const sv_case *cs, tui_change_emit emit, void *ctx)
{
    change_ctx c = {emit, ctx, 0};
    sv_err e;
    sv_err_clear(&e);
    if (sv_case_changes_since_decision(TUI.st, cs, one, &c, &e) != SV_OK) return -1;
    return c.n;
}
