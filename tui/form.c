/* The form for one row of any entity, built from its field descriptions in forms/: required
 * fields marked, each field parsed and validated as the user leaves it (message on screen),
 * a draft stored as each field is left, and the save with its conflict and refusal handling.
 * Long texts go to the multi-line editor or $EDITOR; codes and references to a picker. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../core/audit_view.h"
#include "../core/i18n.h"
#include "../forms/forms.h"
#include "form.h"
#include "tui.h"

enum { A_EDIT = TA_OWN, A_PICK, A_EXTERNAL, A_SAVE, A_INFO, A_CLEARF };

#define KEYS TUI_FORM_KEYS
const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {TK_ENTER, TK(KEY_ENTER), "Enter", N_("endre"), A_EDIT, 1, N_("skriv i feltet (lange tekster: egen editor)"), "edit"},
    {'s', TK(KEY_F(2)), "s/F2", N_("lagre"), A_SAVE, 1, NULL, "save"},
    {' ', 0, "Mellomrom", N_("velg"), A_PICK, 1, N_("velg fra liste (kodefelt) eller bytt ja/nei"), "pick"},
    {'E', 0, "E", N_("lang tekst i $EDITOR"), A_EXTERNAL, 0, NULL, "external-editor"},
    {'x', 0, "x", N_("tøm feltet"), A_CLEARF, 0, NULL, "clear-field"},
    {'i', 0, "i", N_("stegtekst"), A_INFO, 1, N_("vis stegets formål, refleksjonspunkter og tips (på smal skjerm)"), "step-text"},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

/* While a field is being typed into (not in the table's actions, but in the help). */
static const tui_key EDIT_KEYS[] = {
    {TK_ENTER, '\t', "Enter/Tab", N_("ferdig"), A_EDIT, 1, N_("ferdig med feltet; verdien sjekkes")},
    {TK(KEY_UP), 0, "↑/↓", N_("felt"), TA_UP, 1, N_("ferdig, gå til forrige/neste felt")},
    {TK_ESC, 0, "Esc", N_("angre"), TA_BACK, 1, N_("angre endringen i feltet")},
    {TK_CTRL('u'), 0, "Ctrl-U", N_("tøm"), A_CLEARF, 1},
    {TK(KEY_F(2)), 0, "F2", N_("lagre"), A_SAVE, 1, N_("ferdig med feltet, og lagre skjemaet")},
    {0, 0, NULL, NULL, 0, 0}};

static void text_set(form_screen *fs, int i, const char *t)
{
    free(fs->text[i]);
    fs->text[i] = sv_xstrdup(t);
}

/* Shown value: code labels and reference names instead of the stored codes and ids. */
static void shown_value(form_screen *fs, int i, char *buf, size_t size)
{
    const sv_field *f = &fs->ent->fields[i];
    const char *t = fs->text[i];
    if (f->type == SV_F_CODE && *t) {
        snprintf(buf, size, "%s", _(sv_code_label(f->codes, t)));
    } else if (f->type == SV_F_REF && *t) {
        int64_t id = strtoll(t, NULL, 10);
        snprintf(buf, size, _("nr. %s (finnes ikke)"), t);
        for (int k = 0; k < fs->nref[i]; k++)
            if (fs->refs[i][k].id == id) snprintf(buf, size, "%s", fs->refs[i][k].label);
    } else if (f->type == SV_F_LONGTEXT && strchr(t, '\n')) {
        int lines = 1;
        for (const char *p = t; *p; p++) lines += *p == '\n';
        snprintf(buf, size, _n("(%d linje) %s", "(%d linjer) %s", lines), lines, t);
    } else {
        snprintf(buf, size, "%s", t);
    }
}

static void draw_fields(form_screen *fs, WINDOW *w, int h, int wd)
{
    const sv_entity *ent = fs->ent;
    /* Labels as wide as the widest one, as long as the values keep half the width; a label
     * cut short is written whole in the help line. */
    int widest = 0;
    for (int i = 0; i < ent->nfields; i++) {
        int lwi = tui_width(_(ent->fields[i].label)) + 2;
        if (lwi > widest) widest = lwi;
    }
    int lw = widest < wd / 2 ? widest : wd / 2;
    if (lw < 4) lw = wd > 8 ? 4 : wd / 2;
    /* Help and error lines below the fields only when the window leaves room for them. */
    int below = h >= 9 ? 3 : 0;
    int rows = h - 2 - below;
    if (rows < 1) rows = 1;
    if (fs->cur < fs->top) fs->top = fs->cur;
    if (fs->cur >= fs->top + rows) fs->top = fs->cur - rows + 1;
    /* grown back: no more scrolled than the fields need */
    if (fs->top > ent->nfields - rows) fs->top = ent->nfields - rows > 0 ? ent->nfields - rows : 0;
    if (fs->top > fs->cur) fs->top = fs->cur;
    for (int i = fs->top; i < ent->nfields && i - fs->top < rows; i++) {
        const sv_field *f = &ent->fields[i];
        int y = 2 + i - fs->top;
        int sel = i == fs->cur;
        char lab[128], val[4200];
        snprintf(lab, sizeof lab, "%s%s", f->required ? "* " : "  ", _(f->label));
        if (sel) wattron(w, A_BOLD);
        tui_put(w, y, 0, lw, lab, 1);
        wattroff(w, A_BOLD);
        int vx = lw + 1, vw = wd - vx;
        if (sel && fs->editing) {
            form_edit_draw(fs, w, y, vx, vw);
            continue;
        }
        shown_value(fs, i, val, sizeof val);
        if (i == fs->errfield) wattron(w, tui_attr(TC_ERR));
        if (fs->readonly) wattron(w, tui_attr(TC_DIM));   /* read-only: drawn as such before any typing */
        if (sel) wattron(w, A_REVERSE);
        tui_put(w, y, vx, vw, val[0] ? val : (sel ? " " : "-"), sel);
        wattroff(w, A_REVERSE);
        if (fs->readonly) wattroff(w, tui_attr(TC_DIM));
        if (i == fs->errfield) wattroff(w, tui_attr(TC_ERR));
    }
    /* Help for the current field, and its error, under the fields. */
    if (!below) return;
    const sv_field *f = &ent->fields[fs->cur];
    int y = h - 3;
    char hint[800];
    const char *how = f->type == SV_F_DATE ? _(" Skriv dd.mm.åååå.")
                      : f->type == SV_F_CODE ? _(" Mellomrom: velg fra liste.")
                      : f->type == SV_F_BOOL ? _(" Mellomrom: ja/nei.")
                      : f->type == SV_F_REF ? _(" Enter: velg fra liste.")
                      : f->type == SV_F_LONGTEXT ? _(" Enter: skriv, E: $EDITOR.") : "";
    int cut = tui_width(_(f->label)) + 2 > lw;
    if (fs->readonly)
        snprintf(hint, sizeof hint, _("%s%sKan ikke endres: %s"), cut ? _(f->label) : "", cut ? ": " : "", fs->denied);
    else
        snprintf(hint, sizeof hint, "%s%s%s%s%s", cut ? _(f->label) : "", cut ? ": " : "", f->help ? _(f->help) : "", how,
                 f->required ? _(" (må fylles ut)") : "");
    wattron(w, tui_attr(TC_DIM));
    tui_wrap(w, y, 0, wd, 1, hint);
    wattroff(w, tui_attr(TC_DIM));
    if (fs->fielderr[0]) {
        wattron(w, tui_attr(TC_ERR));
        tui_wrap(w, y + 1, 0, wd, 2, fs->fielderr);
        wattroff(w, tui_attr(TC_ERR));
    }
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    form_screen *fs = (form_screen *)s;
    char head[300];
    snprintf(head, sizeof head, "%s%s%s", fs->heading, fs->modified ? _("  (endret, ikke lagret)") : "",
             fs->readonly ? _("  (kun lesing)") : "");
    wattron(w, A_BOLD);
    tui_put(w, 0, 0, wd, head, 0);
    wattroff(w, A_BOLD);
    if (fs->readonly) {
        wattron(w, tui_attr(TC_WARN));
        tui_put(w, 1, 0, wd, fs->denied, 0);
        wattroff(w, tui_attr(TC_WARN));
    } else {
        wattron(w, tui_attr(TC_DIM));
        tui_put(w, 1, 0, wd, _("* = må fylles ut. Hvert felt sjekkes når du går ut av det."), 0);
        wattroff(w, tui_attr(TC_DIM));
    }
    if (fs->info && wd < 100) {
        tui_steptext_draw(w, 2, 0, h - 2, wd, fs->ent->step);
        return;
    }
    int fw = wd >= 100 ? wd * 3 / 5 : wd;
    draw_fields(fs, w, h, fw);
    if (wd >= 100) {
        for (int y = 2; y < h; y++) mvwaddch(w, y, fw, ACS_VLINE);
        tui_steptext_draw(w, 2, fw + 2, h - 2, wd - fw - 2, fs->ent->step);
    }
    if (fs->editing) wmove(w, fs->cur_y, fs->cur_x);
}

static int refuse_if_readonly(form_screen *fs)
{
    if (!fs->readonly) return 0;
    tui_msg(1, "%s", fs->denied);
    return 1;
}

/* Parses and validates one field's text; sets the on-screen error. 0 when good. */
int form_check_field(form_screen *fs, int i, const char *text)
{
    const sv_field *f = &fs->ent->fields[i];
    sv_err e;
    sv_err_clear(&e);
    void *scratch = sv_xmalloc(fs->ent->size);
    memcpy(scratch, fs->obj, fs->ent->size);
    int rc = sv_field_parse(f, scratch, text, &e);
    if (rc == SV_OK) rc = sv_field_validate(f, scratch, &e);
    free(scratch);
    if (rc && f->type == SV_F_CODE && *text && !sv_code_valid(f->codes, text)) {
        /* the core lists the codes (what the command line takes); the screen lists labels */
        sv_buf b;
        sv_buf_init(&b);
        for (const sv_code *c = f->codes; c && c->code; c++) sv_buf_printf(&b, "%s%s", c == f->codes ? "" : ", ", _(c->label));
        char q[48];
        sv_mask_idnumbers(q, sizeof q, text);
        size_t ql = strlen(q);
        for (size_t k = 0; k < ql; k++)
            if ((unsigned char)q[k] < 32 || q[k] == 127) q[k] = '?';
        if (ql == sizeof q - 1) {   /* cut: never half a character */
            while (ql && ((unsigned char)q[ql - 1] & 0xc0) == 0x80) ql--;
            if (ql && (unsigned char)q[ql - 1] >= 0xc0) ql--;
            q[ql] = '\0';
        }
        snprintf(e.msg, sizeof e.msg, _("%s: «%s» er ikke et gyldig valg. Mellomrom på tomt felt gir listen: %s"),
                 _(f->label), q, b.s ? b.s : "");
        sv_buf_free(&b);
    }
    if (rc) {
        snprintf(fs->fielderr, sizeof fs->fielderr, "%s", e.msg);
        fs->errfield = i;
        tui_msg(1, "%s", e.msg);
        return -1;
    }
    fs->fielderr[0] = '\0';
    fs->errfield = -1;
    return 0;
}

/* A field's new text was accepted: keep it and store the draft. */
void form_field_done(form_screen *fs, int i, const char *text)
{
    if (strcmp(fs->text[i], text) != 0) {
        text_set(fs, i, text);
        fs->modified = 1;
    }
    if (fs->modified) form_draft_store(fs);
}

void form_pick(form_screen *fs)
{
    int i = fs->cur;
    const sv_field *f = &fs->ent->fields[i];
    if (f->type == SV_F_BOOL) {
        const char *t = fs->text[i];
        form_field_done(fs, i, !strcmp(t, "ja") ? "nei" : "ja");
        return;
    }
    if (f->type == SV_F_CODE) {
        int n = 0, cur = 0;
        while (f->codes[n].code) n++;
        const char **items = sv_xcalloc((size_t)n + 1, sizeof *items);
        for (int k = 0; k < n; k++) {
            items[k] = _(f->codes[k].label);
            if (!strcmp(f->codes[k].code, fs->text[i])) cur = k;
        }
        int k = tui_pick(_(f->label), items, n, cur);
        free(items);
        if (k >= 0) form_field_done(fs, i, f->codes[k].code);
        return;
    }
    if (f->type == SV_F_REF) {
        int n = fs->nref[i];
        if (n == 0) {
            tui_msg(1, _("%s: det finnes ingen å velge ennå (%s)."), _(f->label),
                    !strcmp(f->ref, "need") ? _("registrer opplæringsbehov i steg 5 først")
                                             : _("legg tiltak i kommunens katalog, steg 2-3"));
            return;
        }
        const char **items = sv_xcalloc((size_t)n + 1, sizeof *items);
        for (int k = 0; k < n; k++) items[k] = fs->refs[i][k].label;
        int k = tui_pick(_(f->label), items, n, 0);
        free(items);
        if (k >= 0) {
            char id[24];
            snprintf(id, sizeof id, "%" PRId64, fs->refs[i][k].id);
            form_field_done(fs, i, id);
        }
        return;
    }
    tui_msg(0, _("%s: skriv verdien (Enter)."), _(f->label));
}

void form_long_text(form_screen *fs, int external)
{
    const sv_field *f = &fs->ent->fields[fs->cur];
    char *t = external ? tui_external_edit(_(f->label), fs->text[fs->cur], f->size - 1)
                       : tui_textedit(_(f->label), fs->text[fs->cur], f->size - 1);
    if (!t) return;
    if (TUI.signal) {
        /* unchecked, for the draft only: it is checked when the user comes back to it */
        free(fs->text[fs->cur]);
        fs->text[fs->cur] = t;
        fs->modified = 1;
        return;
    }
    int ok = form_check_field(fs, fs->cur, t) == 0;
    if (ok) {
        form_field_done(fs, fs->cur, t);
    } else {
        /* too long or otherwise wrong: kept (and in the draft) with its message, never lost;
         * the save names it again */
        if (strcmp(fs->text[fs->cur], t) != 0) form_field_done(fs, fs->cur, t);
        fs->errfield = fs->cur;
    }
    free(t);
    /* the next field is selected, not opened: the key after Ctrl-X (s to save) is the form's */
    if (ok && !external && fs->cur + 1 < fs->ent->nfields) fs->cur++;
}

static int key(tui_screen *s, int act, int ch)
{
    form_screen *fs = (form_screen *)s;
    if (fs->editing) {
        /* F2 saves from inside a field too: the field is finished first */
        if (ch == TK(KEY_F(2))) return form_edit_finish(fs) == 0 ? form_save(fs) : 0;
        form_edit_key(fs, ch);
        return 0;
    }
    int n = fs->ent->nfields;
    const sv_field *f = &fs->ent->fields[fs->cur];
    switch (act) {
    case TA_UP: if (fs->cur > 0) fs->cur--; break;
    case TA_DOWN: if (fs->cur + 1 < n) fs->cur++; break;
    case TA_PGUP: case TA_HOME: fs->cur = 0; break;
    case TA_PGDN: case TA_END: fs->cur = n - 1; break;
    case A_EDIT:
        if (refuse_if_readonly(fs)) break;
        if (f->type == SV_F_LONGTEXT) form_long_text(fs, 0);
        else if (f->type == SV_F_REF) form_pick(fs);
        else form_edit_begin(fs);
        break;
    case A_PICK:
        if (!refuse_if_readonly(fs)) form_pick(fs);
        break;
    case A_EXTERNAL:
        if (refuse_if_readonly(fs)) break;
        if (f->type == SV_F_LONGTEXT) form_long_text(fs, 1);
        else tui_msg(0, "%s", _("E gjelder lange tekster; dette feltet skrives direkte (Enter)."));
        break;
    case A_CLEARF:
        /* an empty field is only "not filled in yet": the save names the required ones */
        if (refuse_if_readonly(fs)) break;
        fs->fielderr[0] = '\0';
        fs->errfield = -1;
        form_field_done(fs, fs->cur, "");
        break;
    case A_INFO: fs->info = !fs->info; break;
    case A_SAVE:
        if (refuse_if_readonly(fs)) break;
        return form_save(fs);
    case TA_BACK:
        return form_leave(fs);
    default: break;
    }
    return 0;
}

static void destroy(tui_screen *s)
{
    form_screen *fs = (form_screen *)s;
    /* Leaving on a signal: what is typed, even half a field, stays as the draft. */
    if ((TUI.signal || TUI.quit) && !fs->saved && !fs->readonly) {
        if (fs->editing) form_edit_commit_raw(fs);
        if (fs->modified) form_draft_store(fs);
    }
    for (int i = 0; i < fs->ent->nfields; i++) {
        free(fs->text[i]);
        free(fs->refs[i]);
    }
    free(fs->text);
    free(fs->ebuf);
    free(fs->refs);
    free(fs->nref);
    free(fs->obj);
    free(fs);
}

/* A click on a field selects it; a double click opens it as Enter does. */
static void click(tui_screen *s, int y, int x, int twice)
{
    (void)x;
    form_screen *fs = (form_screen *)s;
    if (fs->editing || fs->info) return;
    int i = fs->top + y - 2;
    if (y < 2 || i >= fs->ent->nfields) return;
    fs->cur = i;
    if (twice) key(s, A_EDIT, TK_ENTER);
}

const tui_key *form_edit_keys(void)
{
    return EDIT_KEYS;
}

form_screen *form_alloc(const sv_entity *ent, const void *obj, int64_t parent, int64_t participant)
{
    form_screen *fs = sv_xcalloc(1, sizeof *fs);
    fs->ent = ent;
    fs->participant = participant;
    fs->obj = sv_xmalloc(ent->size);
    if (obj) memcpy(fs->obj, obj, ent->size);
    else {
        sv_entity_blank(ent, fs->obj);
        ((sv_meta *)fs->obj)->parent = parent;
    }
    const sv_meta *m = fs->obj;
    fs->text = sv_xcalloc((size_t)ent->nfields, sizeof *fs->text);
    fs->refs = sv_xcalloc((size_t)ent->nfields, sizeof *fs->refs);
    fs->nref = sv_xcalloc((size_t)ent->nfields, sizeof *fs->nref);
    for (int i = 0; i < ent->nfields; i++) {
        const sv_field *f = &ent->fields[i];
        char buf[4200];
        sv_field_format(f, fs->obj, buf, sizeof buf, 0);
        if (!m->id && (f->type == SV_F_INT || f->type == SV_F_HOURS) && !strcmp(buf, "0")) buf[0] = '\0';
        fs->text[i] = sv_xstrdup(buf);
        if (f->type == SV_F_REF) form_load_refs(fs, i);
    }
    fs->errfield = -1;
    snprintf(fs->draft_key, sizeof fs->draft_key, "form:%s:%" PRId64 ":%" PRId64 ":%" PRId64, ent->table,
             m->id, m->parent, participant);
    snprintf(fs->heading, sizeof fs->heading, m->id ? _("Endre: %s (steg %d)") : _("Ny: %s (steg %d)"),
             _(ent->label), ent->step);
    /* whose case (or municipality) the form belongs to, always in sight */
    char whose[120];
    if (tui_whose(ent, fs->obj, participant, whose, sizeof whose) == 0) {
        size_t hl = strlen(fs->heading);
        snprintf(fs->heading + hl, sizeof fs->heading - hl, " · %s", whose);
    }
    fs->base = (tui_screen){_(ent->label), KEYS, draw, key, NULL, destroy, 0,
                            N_("* betyr at feltet må fylles ut. Enter åpner feltet; Enter igjen sjekker verdien og går til "
                               "neste felt. Datoer skrives dd.mm.åååå. Det du skriver lagres som utkast når du går ut av "
                               "et felt, så ingenting går tapt om forbindelsen brytes. s lagrer.")};
    fs->base.keymap = "form";
    fs->base.click = click;
    form_check_access(fs);
    return fs;
}

tui_screen *tui_form_new(const sv_entity *ent, const void *obj, int64_t parent, int64_t participant)
{
    form_screen *fs = form_alloc(ent, obj, parent, participant);
    if (fs->readonly) tui_msg(1, "%s", fs->denied);
    return &fs->base;
}

void tui_form_focus(tui_screen *form, const char *col)
{
    form_screen *fs = (form_screen *)form;
    const sv_field *f = sv_entity_field(fs->ent, col);
    if (f) fs->cur = (int)(f - fs->ent->fields);
}
