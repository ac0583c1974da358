/* Typing into one form field: a single-line editor over wide characters (æøå count as one
 * column each), which hands the text to the field's parser when the user leaves it. A code
 * field is typed as its label (a unique beginning is enough) and Space opens its list; a
 * pasted line break becomes a space instead of moving on to the next field; a paste is never
 * cut short: the field's own check says how long it is and how long it may be. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "../core/text.h"
#include "form.h"

static void ensure(form_screen *fs, int n)
{
    if (n + 1 <= fs->ecap) return;
    fs->ecap = fs->ecap * 2 > n + 64 ? fs->ecap * 2 : n + 64;
    fs->ebuf = sv_xrealloc(fs->ebuf, sizeof(wchar_t) * (size_t)fs->ecap);
}

static void set_text(form_screen *fs, const char *t)
{
    size_t n = mbstowcs(NULL, t, 0);
    if (n == (size_t)-1) n = 0;
    ensure(fs, (int)n);
    mbstowcs(fs->ebuf, t, n + 1);
    fs->ebuf[n] = 0;
    fs->elen = fs->epos = (int)n;
}

void form_edit_begin(form_screen *fs)
{
    const sv_field *f = &fs->ent->fields[fs->cur];
    const char *t = fs->text[fs->cur];
    /* a code is typed and shown as its label, never as the stored code */
    if (f->type == SV_F_CODE && *t) t = _(sv_code_label(f->codes, t));
    set_text(fs, t);
    fs->escroll = 0;
    fs->fresh = 1;
    fs->editing = 1;
    fs->base.raw_input = 1;
    fs->nav_keys = fs->base.keys;
    fs->base.keys = form_edit_keys();
    curs_set(1);
}

static void end_edit(form_screen *fs)
{
    fs->editing = 0;
    fs->base.raw_input = 0;
    fs->base.keys = fs->nav_keys;
    curs_set(0);
}

/* The typed text as UTF-8; caller frees. */
static char *current_text(form_screen *fs)
{
    ensure(fs, fs->elen);
    fs->ebuf[fs->elen] = 0;
    size_t n = wcstombs(NULL, fs->ebuf, 0);
    if (n == (size_t)-1) n = 0;
    char *out = sv_xmalloc(n + 1);
    if (n) wcstombs(out, fs->ebuf, n + 1);
    out[n] = '\0';
    return out;
}

/* Case-insensitive: does s begin with the typed prefix p? */
static int begins(const char *s, const char *p)
{
    wchar_t ws[256], wp[256];
    size_t a = mbstowcs(ws, s, 255), b = mbstowcs(wp, p, 255);
    if (a == (size_t)-1 || b == (size_t)-1 || b > a || b == 0) return 0;
    for (size_t i = 0; i < b; i++)
        if (towlower((wint_t)ws[i]) != towlower((wint_t)wp[i])) return 0;
    return 1;
}

/* The code a typed text stands for: the code or label itself, else the one label (or code)
 * it begins; NULL when none or several. */
static const char *code_for(const sv_field *f, const char *t)
{
    const char *hit = NULL;
    int hits = 0;
    for (const sv_code *c = f->codes; c && c->code; c++) {
        if (!strcmp(c->code, t) || !strcmp(c->label, t) || !strcmp(_(c->label), t)) return c->code;
        if (begins(_(c->label), t) || begins(c->code, t)) { hit = c->code; hits++; }
    }
    return hits == 1 ? hit : NULL;
}

void form_edit_commit_raw(form_screen *fs)
{
    char *t = current_text(fs);
    const sv_field *f = &fs->ent->fields[fs->cur];
    const char *code = f->type == SV_F_CODE && *t ? code_for(f, t) : NULL;
    const char *keep = code ? code : t;
    if (strcmp(keep, fs->text[fs->cur]) != 0) {
        free(fs->text[fs->cur]);
        fs->text[fs->cur] = sv_xstrdup(keep);
        fs->modified = 1;
    }
    free(t);
}

/* Leaves the field if its text is good; returns 0 then, -1 if it stays open with a message.
 * With leave_empty, an empty field is left unchecked (↑/↓ out of a required field not filled
 * in yet: the save reports it with the others). */
static int accept(form_screen *fs, int leave_empty)
{
    char *t = current_text(fs);
    const sv_field *f = &fs->ent->fields[fs->cur];
    if (f->type == SV_F_CODE && *t) {
        const char *code = code_for(f, t);
        if (code) {
            free(t);
            t = sv_xstrdup(code);
        }
    }
    if (!(leave_empty && !*t) && form_check_field(fs, fs->cur, t) != 0) {
        free(t);
        return -1;
    }
    if (!*t) {
        fs->fielderr[0] = '\0';
        fs->errfield = -1;
    }
    end_edit(fs);
    form_field_done(fs, fs->cur, t);
    free(t);
    return 0;
}

int form_edit_finish(form_screen *fs)
{
    return accept(fs, 1);
}

static void insert(form_screen *fs, wchar_t c)
{
    ensure(fs, fs->elen + 1);
    memmove(&fs->ebuf[fs->epos + 1], &fs->ebuf[fs->epos], sizeof(wchar_t) * (size_t)(fs->elen - fs->epos));
    fs->ebuf[fs->epos++] = c;
    fs->elen++;
}

void form_edit_key(form_screen *fs, int ch)
{
    int n = fs->ent->nfields;
    const sv_field *f = &fs->ent->fields[fs->cur];
    /* inside a paste a line break is text: one line fields get a space, never the next field */
    if (TUI.pasting && (ch == TK_ENTER || ch == TK(KEY_ENTER) || ch == '\t')) {
        if (fs->fresh) fs->elen = fs->epos = 0;
        fs->fresh = 0;
        insert(fs, L' ');
        return;
    }
    if (ch == ' ' && (f->type == SV_F_CODE || f->type == SV_F_BOOL) && (fs->fresh || fs->elen == 0)) {
        /* Space opens the list, as the hint says, also when Enter brought us here */
        end_edit(fs);
        form_pick(fs);
        return;
    }
    if (ch == TK_ENTER || ch == TK(KEY_ENTER) || ch == '\t' || ch == TK(KEY_DOWN)) {
        if (accept(fs, ch == TK(KEY_DOWN)) != 0 || fs->cur + 1 >= n) return;
        if (ch == TK(KEY_DOWN)) fs->cur++;
        else form_advance(fs);
        return;
    }
    if (ch == TK(KEY_UP) || ch == TK(KEY_BTAB)) {
        if (accept(fs, 1) == 0 && fs->cur > 0) fs->cur--;
        return;
    }
    if (ch == TK_ESC) {
        end_edit(fs);
        fs->fielderr[0] = '\0';
        fs->errfield = -1;
        return;
    }
    if (ch >= 32 && ch != 127 && fs->fresh) fs->elen = fs->epos = 0;
    fs->fresh = 0;
    const uint32_t *u = (const uint32_t *)fs->ebuf;   /* whole characters (grapheme clusters) */
    if (ch == TK(KEY_LEFT) && fs->epos > 0) fs->epos = (int)sv_cluster_prev(u, (size_t)fs->epos);
    else if (ch == TK(KEY_RIGHT) && fs->epos < fs->elen) fs->epos = (int)sv_cluster_next(u, (size_t)fs->elen, (size_t)fs->epos);
    else if (ch == TK(KEY_HOME) || ch == TK_CTRL('a')) fs->epos = 0;
    else if (ch == TK(KEY_END) || ch == TK_CTRL('e')) fs->epos = fs->elen;
    else if (ch == TK_CTRL('u')) fs->elen = fs->epos = 0;
    else if ((ch == TK(KEY_BACKSPACE) || ch == 127 || ch == 8) && fs->epos > 0) {
        int from = (int)sv_cluster_prev(u, (size_t)fs->epos), k = fs->epos - from;
        memmove(&fs->ebuf[from], &fs->ebuf[fs->epos], sizeof(wchar_t) * (size_t)(fs->elen - fs->epos));
        fs->epos = from;
        fs->elen -= k;
    } else if (ch == TK(KEY_DC) && fs->epos < fs->elen) {
        int to = (int)sv_cluster_next(u, (size_t)fs->elen, (size_t)fs->epos);
        memmove(&fs->ebuf[fs->epos], &fs->ebuf[to], sizeof(wchar_t) * (size_t)(fs->elen - to));
        fs->elen -= to - fs->epos;
    } else if (ch >= 32 && ch != 127) {
        insert(fs, (wchar_t)ch);
    }
}

static int wcols(const wchar_t *s, int from, int to)
{
    return sv_u32_cols((const uint32_t *)s + from, (size_t)(to - from));
}

void form_edit_draw(form_screen *fs, WINDOW *w, int y, int x, int width)
{
    if (width < 2) width = 2;
    const sv_field *f = &fs->ent->fields[fs->cur];
    /* a code field shows the label it will take, after what is typed */
    char hint[200] = "";
    if (f->type == SV_F_CODE && fs->elen && !fs->fresh) {
        char *t = current_text(fs);
        const char *code = code_for(f, t);
        if (code && strcmp(_(sv_code_label(f->codes, code)), t) != 0)
            snprintf(hint, sizeof hint, " → %s", _(sv_code_label(f->codes, code)));
        else if (!code)
            snprintf(hint, sizeof hint, "%s", _(" → ? (Mellomrom på tomt felt: velg fra liste)"));
        free(t);
    }
    int hw = hint[0] ? tui_width(hint) : 0;
    int tw = hw && width - hw > 8 ? width - hw : width;
    if (tw != width) hw = width - tw;
    if (fs->epos < fs->escroll) fs->escroll = fs->epos;
    while (fs->escroll < fs->epos && wcols(fs->ebuf, fs->escroll, fs->epos) >= tw)
        fs->escroll = (int)sv_cluster_next((const uint32_t *)fs->ebuf, (size_t)fs->elen, (size_t)fs->escroll);
    wattron(w, A_UNDERLINE);
    /* as the screens draw text: whole clusters in NFC, no control character */
    tui_put32(w, y, x, tw, (const uint32_t *)fs->ebuf + fs->escroll, (size_t)(fs->elen - fs->escroll), 1);
    wattroff(w, A_UNDERLINE);
    if (hw > 0) {
        wattron(w, tui_attr(TC_DIM));
        tui_put(w, y, x + tw, hw, hint, 1);
        wattroff(w, tui_attr(TC_DIM));
    }
    fs->cur_y = y;
    fs->cur_x = x + wcols(fs->ebuf, fs->escroll, fs->epos);
}

void form_advance(form_screen *fs)
{
    if (fs->cur + 1 >= fs->ent->nfields) return;
    fs->cur++;
    /* Enter and Tab carry on typing in the next one-line field, as in a paper form; long texts
     * and references wait for Enter, so a key meant for the form (s to save) never lands in an
     * editor the user did not open. */
    sv_ftype t = fs->ent->fields[fs->cur].type;
    if (fs->readonly || t == SV_F_REF || t == SV_F_LONGTEXT) return;
    form_edit_begin(fs);
}
