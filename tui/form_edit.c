/* Typing into one form field: a single-line editor over wide characters (æøå count as one
 * column each), which hands the text to the field's parser when the user leaves it. */
#include <stdlib.h>
#include <string.h>

#include "form.h"

void form_edit_begin(form_screen *fs)
{
    size_t n = mbstowcs(fs->ebuf, fs->text[fs->cur], FORM_EDIT_MAX - 1);
    if (n == (size_t)-1) n = 0;
    fs->ebuf[n] = 0;
    fs->elen = fs->epos = (int)n;
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

static void current_text(form_screen *fs, char *out, size_t size)
{
    fs->ebuf[fs->elen] = 0;
    size_t n = wcstombs(out, fs->ebuf, size - 1);
    if (n == (size_t)-1) n = 0;
    out[n] = '\0';
}

void form_edit_commit_raw(form_screen *fs)
{
    char t[FORM_EDIT_MAX * 4 + 1];
    current_text(fs, t, sizeof t);
    if (strcmp(t, fs->text[fs->cur]) != 0) {
        free(fs->text[fs->cur]);
        fs->text[fs->cur] = sv_xstrdup(t);
        fs->modified = 1;
    }
}

/* Leaves the field if its text is good; returns 0 then, -1 if it stays open with a message. */
static int accept(form_screen *fs)
{
    char t[FORM_EDIT_MAX * 4 + 1];
    current_text(fs, t, sizeof t);
    if (form_check_field(fs, fs->cur, t) != 0) return -1;
    end_edit(fs);
    form_field_done(fs, fs->cur, t);
    return 0;
}

void form_edit_key(form_screen *fs, int ch)
{
    int n = fs->ent->nfields;
    if (ch == TK_ENTER || ch == TK(KEY_ENTER) || ch == '\t' || ch == TK(KEY_DOWN)) {
        if (accept(fs) != 0 || fs->cur + 1 >= n) return;
        if (ch == TK(KEY_DOWN)) fs->cur++;
        else form_advance(fs);
        return;
    }
    if (ch == TK(KEY_UP) || ch == TK(KEY_BTAB)) {
        if (accept(fs) == 0 && fs->cur > 0) fs->cur--;
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
    if (ch == TK(KEY_LEFT) && fs->epos > 0) fs->epos--;
    else if (ch == TK(KEY_RIGHT) && fs->epos < fs->elen) fs->epos++;
    else if (ch == TK(KEY_HOME) || ch == TK_CTRL('a')) fs->epos = 0;
    else if (ch == TK(KEY_END) || ch == TK_CTRL('e')) fs->epos = fs->elen;
    else if (ch == TK_CTRL('u')) fs->elen = fs->epos = 0;
    else if ((ch == TK(KEY_BACKSPACE) || ch == 127 || ch == 8) && fs->epos > 0) {
        memmove(&fs->ebuf[fs->epos - 1], &fs->ebuf[fs->epos], sizeof(wchar_t) * (size_t)(fs->elen - fs->epos));
        fs->epos--;
        fs->elen--;
    } else if (ch == TK(KEY_DC) && fs->epos < fs->elen) {
        memmove(&fs->ebuf[fs->epos], &fs->ebuf[fs->epos + 1], sizeof(wchar_t) * (size_t)(fs->elen - fs->epos - 1));
        fs->elen--;
    } else if (ch >= 32 && ch != 127) {
        if (fs->elen >= FORM_EDIT_MAX - 1) {
            tui_msg(1, _("%s: feltet er fullt."), _(fs->ent->fields[fs->cur].label));
            return;
        }
        memmove(&fs->ebuf[fs->epos + 1], &fs->ebuf[fs->epos], sizeof(wchar_t) * (size_t)(fs->elen - fs->epos));
        fs->ebuf[fs->epos++] = (wchar_t)ch;
        fs->elen++;
    }
    fs->ebuf[fs->elen] = 0;
}

static int wcols(const wchar_t *s, int from, int to)
{
    int c = 0;
    for (int i = from; i < to; i++) {
        int w = sv_uc_width(s[i]);
        c += w < 0 ? 1 : w;
    }
    return c;
}

void form_edit_draw(form_screen *fs, WINDOW *w, int y, int x, int width)
{
    if (width < 2) width = 2;
    if (fs->epos < fs->escroll) fs->escroll = fs->epos;
    while (wcols(fs->ebuf, fs->escroll, fs->epos) >= width) fs->escroll++;
    wattron(w, A_UNDERLINE);
    wmove(w, y, x);
    int c = 0;
    for (int i = fs->escroll; i < fs->elen; i++) {
        int cw = sv_uc_width(fs->ebuf[i]);
        if (cw < 0) cw = 1;
        if (c + cw > width) break;
        waddnwstr(w, &fs->ebuf[i], 1);
        c += cw;
    }
    for (; c < width; c++) waddch(w, ' ');
    wattroff(w, A_UNDERLINE);
    fs->cur_y = y;
    fs->cur_x = x + wcols(fs->ebuf, fs->escroll, fs->epos);
}

void form_advance(form_screen *fs)
{
    if (fs->cur + 1 >= fs->ent->nfields) return;
    fs->cur++;
    /* Enter and Tab carry on typing in the next field, as in a paper form; long texts open
     * the multi-line editor; references wait for the user to open their list. */
    sv_ftype t = fs->ent->fields[fs->cur].type;
    if (fs->readonly || t == SV_F_REF) return;
    if (t == SV_F_LONGTEXT) form_long_text(fs, 0);
    else form_edit_begin(fs);
}
