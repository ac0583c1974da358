/* The municipality's steps 1-4: labour demand, the catalogue of measures (existing and adjusted
 * in step 2, new in step 3), and agreements with employers and schools; with export and import
 * of the catalogue so municipalities can share measures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "catalog.h"
#include "tui.h"

enum { A_PREV = TA_OWN, A_NEXT, A_NEW, A_DELETE, A_EXPORT, A_IMPORT, A_INFO, A_JUMP };

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {TK(KEY_LEFT), 'h', "←/h", N_("forrige steg"), A_PREV, 0},
    {TK(KEY_RIGHT), 'l', "←→", N_("steg"), A_NEXT, 1, N_("neste steg (← eller h: forrige)")},
    {'1', 0, "1-4", N_("gå til steg 1-4"), A_JUMP, 0},
    {TK_ENTER, TK(KEY_ENTER), "Enter", N_("åpne"), TA_OPEN, 1},
    {'n', 0, "n", N_("ny"), A_NEW, 1},
    {'D', TK(KEY_DC), "D/Del", N_("slett"), A_DELETE, 0},
    {'e', 0, "e", N_("eksport"), A_EXPORT, 1, N_("eksporter tiltakskatalogen til en TSV-fil andre kommuner kan importere")},
    {'I', 0, "I", N_("import"), A_IMPORT, 1, N_("importer tiltak fra en delt TSV-fil (alt eller ingenting)")},
    {'i', 0, "i", N_("vis stegets tekster (smal skjerm)"), A_INFO, 0},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

typedef struct {
    tui_screen base;
    int step;
    char *rows;           /* n rows of the step's entity, ent->size each */
    int n, cur, top, info;
} muni_screen;

static const sv_entity *step_entity(int step)
{
    return step == 1 ? &SV_ENT_DEMAND : step == 4 ? &SV_ENT_AGREEMENT : &SV_ENT_MEASURE;
}

typedef struct {
    muni_screen *ms;
    const sv_entity *ent;
} collect_ctx;

static int collect(const void *obj, void *ctx)
{
    collect_ctx *cc = ctx;
    muni_screen *ms = cc->ms;
    if (ms->step == 3 && !strcmp(((const sv_measure *)obj)->status, "eksisterende")) return 0;
    ms->rows = sv_xrealloc(ms->rows, cc->ent->size * (size_t)(ms->n + 1));
    memcpy(ms->rows + cc->ent->size * (size_t)ms->n, obj, cc->ent->size);
    ms->n++;
    return 0;
}

static void reload(muni_screen *ms)
{
    free(ms->rows);
    ms->rows = NULL;
    ms->n = 0;
    collect_ctx cc = {ms, step_entity(ms->step)};
    sv_err e;
    sv_err_clear(&e);
    if (sv_row_each(TUI.st, cc.ent, TUI.muni_id, collect, &cc, &e) != SV_OK) tui_msg(1, "%s", e.msg);
    if (ms->cur >= ms->n) ms->cur = ms->n ? ms->n - 1 : 0;
}

static void row_text(int step, const void *obj, char *t, size_t size)
{
    char a[11], b[11];
    if (step == 1) {
        const sv_demand *d = obj;
        sv_date_nor(d->noted_on, a);
        snprintf(t, size, _n("%s · %s · %d stilling · %s%s%s", "%s · %s · %d stillinger · %s%s%s", d->jobs), d->sector,
                 d->occupation, d->jobs, a,
                 d->employer[0] ? " · " : "", d->employer);
    } else if (step == 4) {
        const sv_agreement *g = obj;
        sv_date_nor(g->valid_from, a);
        sv_date_nor(g->valid_to, b);
        snprintf(t, size, "%s (%s) · %s · %s–%s", g->partner, g->partner_kind, g->contact, a, b[0] ? b : _("løpende"));
    } else {
        const sv_measure *m = obj;
        snprintf(t, size, "%s · %s · %d,%d t/uke · %s%s", m->name, sv_code_label(SV_CODES_MEASURE_KIND, m->kind),
                 m->hours / 10, m->hours % 10, sv_code_label(sv_entity_field(&SV_ENT_MEASURE, "status")->codes, m->status),
                 m->nav ? " · NAV" : "");
    }
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    muni_screen *ms = (muni_screen *)s;
    static const char *const tabs[] = {"", N_("1 Arbeidskraftbehov"), N_("2 Katalog"), N_("3 Nye tiltak"), N_("4 Avtaler")};
    int x = 0;
    if (TUI.muni_demo) {
        wattron(w, tui_attr(TC_DEMO));
        x += tui_put(w, 0, 0, wd, "DEMO", 0) + 1;
        wattroff(w, tui_attr(TC_DEMO));
    }
    tui_putf(w, 0, x, wd - x, _("%s: kommunens steg 1-4 (gjelder alle deltakere)"), TUI.muni_name);
    x = 0;
    for (int t = 1; t <= 4; t++) {
        int a = t == ms->step ? A_REVERSE | A_BOLD : 0;
        wattron(w, a);
        x += tui_put(w, 1, x, wd - x, _(tabs[t]), 0);
        wattroff(w, a);
        x += tui_put(w, 1, x, wd - x, "  ", 0);
    }
    int top = 3, rows = h - top;
    if (ms->info && wd < 100) {
        tui_steptext_draw(w, top, 0, rows, wd, ms->step);
        return;
    }
    int lw = wd >= 100 ? wd * 3 / 5 : wd;
    if (wd >= 100) {
        for (int y = top; y < h; y++) mvwaddch(w, y, lw, ACS_VLINE);
        tui_steptext_draw(w, top, lw + 2, rows, wd - lw - 2, ms->step);
    }
    if (!ms->n) {
        tui_put(w, top, 1, lw - 2, _("Ingenting registrert ennå. Trykk n for å legge til."), 0);
        return;
    }
    if (ms->cur < ms->top) ms->top = ms->cur;
    if (ms->cur >= ms->top + rows) ms->top = ms->cur - rows + 1;
    const sv_entity *ent = step_entity(ms->step);
    for (int i = ms->top; i < ms->n && i - ms->top < rows; i++) {
        char t[400];
        row_text(ms->step, ms->rows + ent->size * (size_t)i, t, sizeof t);
        if (i == ms->cur) wattron(w, A_REVERSE);
        tui_put(w, top + i - ms->top, 0, lw - 1, t, i == ms->cur);
        if (i == ms->cur) wattroff(w, A_REVERSE);
    }
}

static void set_step(muni_screen *ms, int step)
{
    ms->step = step;
    ms->cur = ms->top = 0;
    reload(ms);
}

static void new_row(muni_screen *ms)
{
    const sv_entity *ent = step_entity(ms->step);
    if (ms->step == 2 || ms->step == 3) {
        sv_measure m;
        sv_entity_blank(ent, &m);
        m.m.parent = TUI.muni_id;
        strcpy(m.status, ms->step == 3 ? "ny" : "eksisterende");
        tui_push(tui_form_new(ent, &m, TUI.muni_id, 0));
    } else {
        tui_push(tui_form_new(ent, NULL, TUI.muni_id, 0));
    }
}

static void delete_row(muni_screen *ms)
{
    if (!ms->n) return;
    const sv_entity *ent = step_entity(ms->step);
    const sv_meta *m = (const sv_meta *)(ms->rows + ent->size * (size_t)ms->cur);
    char t[400], q[500];
    row_text(ms->step, m, t, sizeof t);
    snprintf(q, sizeof q, _("Slette «%s»?\n\nj = ja, slett   n = nei"), t);
    if (tui_ask(_("Slett"), q, "jn") != 'j') return;
    sv_err e;
    sv_err_clear(&e);
    if (sv_row_delete(TUI.st, ent, m->id, m->version, &e) != SV_OK) tui_msg(1, "%s", e.msg);
    else tui_msg(2, _("%s er slettet."), _(ent->label));
    reload(ms);
}

static int key(tui_screen *s, int act, int ch)
{
    muni_screen *ms = (muni_screen *)s;
    if (ch >= '1' && ch <= '4') {
        set_step(ms, ch - '0');
        return 0;
    }
    const sv_entity *ent = step_entity(ms->step);
    char path[512] = "tiltakskatalog.tsv";
    switch (act) {
    case TA_UP: if (ms->cur > 0) ms->cur--; break;
    case TA_DOWN: if (ms->cur + 1 < ms->n) ms->cur++; break;
    case TA_PGUP: case TA_HOME: ms->cur = 0; break;
    case TA_PGDN: case TA_END: ms->cur = ms->n ? ms->n - 1 : 0; break;
    case A_PREV: if (ms->step > 1) set_step(ms, ms->step - 1); break;
    case A_NEXT: if (ms->step < 4) set_step(ms, ms->step + 1); break;
    case TA_OPEN:
        if (ms->n) tui_push(tui_form_new(ent, ms->rows + ent->size * (size_t)ms->cur, TUI.muni_id, 0));
        break;
    case A_NEW: new_row(ms); break;
    case A_DELETE: delete_row(ms); break;
    case A_EXPORT: {
        /* into the export directory, a bare name too; core writes it 0600 */
        char full[1200];
        if (tui_ask_export_path(_("Eksporter katalogen til fil"), path, full, sizeof full) != 0) break;
        tui_catalog_export(full);
        break;
    }
    case A_IMPORT:
        if (tui_prompt(_("Importer tiltak fra fil"), path, sizeof path)) tui_catalog_import(path);
        reload(ms);
        break;
    case A_INFO: ms->info = !ms->info; break;
    case TA_BACK: return 1;
    default: break;
    }
    return 0;
}

static void resume(tui_screen *s)
{
    reload((muni_screen *)s);
}

static void destroy(tui_screen *s)
{
    free(((muni_screen *)s)->rows);
    free(s);
}

tui_screen *tui_muni_new(int step)
{
    muni_screen *ms = sv_xcalloc(1, sizeof *ms);
    ms->base = (tui_screen){_("Kommunens steg 1-4"), KEYS, draw, key, resume, destroy, 0,
                            N_("Kommunens steg gjelder alle deltakerne: 1 arbeidskraftbehovet i kommunen, 2 katalogen "
                               "over tiltak som finnes, 3 nye eller justerte tiltak, 4 avtaler med arbeidsgivere og "
                               "skoler. Planene henter tiltakene sine fra katalogen.")};
    ms->base.keymap = "municipality";
    set_step(ms, step < 1 || step > 4 ? 1 : step);
    return &ms->base;
}
