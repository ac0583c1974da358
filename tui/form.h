/* Internals of the form screen, shared by its three files: form.c (drawing and keys),
 * form_edit.c (typing into one field) and form_save.c (drafts, saving, conflicts, access). */
#ifndef SV_TUI_FORM_H
#define SV_TUI_FORM_H

#include <wchar.h>

#include "tui.h"

typedef struct form_ref {
    int64_t id;
    char label[160];
} form_ref;


typedef struct form_screen {
    tui_screen base;
    const sv_entity *ent;
    void *obj;                /* the row as loaded (its version is what a save is based on) */
    int64_t participant;
    char **text;              /* per field: the text as typed (parsed on leave and on save) */
    form_ref **refs;          /* per REF field: what may be picked */
    int *nref;
    int cur, top;
    int editing;
    const tui_key *nav_keys;  /* the table while not typing */
    int cur_y, cur_x;         /* where the text cursor goes while typing */
    wchar_t *ebuf;            /* the field being typed into; grows, so a paste is never cut */
    int ecap, elen, epos, escroll;
    int fresh;                /* nothing typed yet: the first character replaces the old text */
    int modified, saved, info;
    int readonly;
    char denied[SV_ERR_MAX];
    char fielderr[SV_ERR_MAX];
    int errfield;
    char draft_key[96];
    char heading[200];
} form_screen;

form_screen *form_alloc(const sv_entity *ent, const void *obj, int64_t parent, int64_t participant);
int form_check_field(form_screen *fs, int i, const char *text);
void form_field_done(form_screen *fs, int i, const char *text);
const tui_key *form_edit_keys(void);
/* Opens the current long-text field in the built-in editor (or $EDITOR when external). */
void form_long_text(form_screen *fs, int external);
/* Moves to the next field and starts typing in it (the Enter/Tab flow). */
void form_advance(form_screen *fs);

/* Space and Enter on a code, yes/no or reference field: the list (or the toggle). */
void form_pick(form_screen *fs);

void form_edit_begin(form_screen *fs);
/* Ends typing in the open field as ↓ would (an empty field is left unchecked); 0 when left. */
int form_edit_finish(form_screen *fs);
void form_edit_key(form_screen *fs, int ch);
void form_edit_draw(form_screen *fs, WINDOW *w, int y, int x, int width);
/* Keeps the half-typed text of the open field without checking it (for a draft). */
void form_edit_commit_raw(form_screen *fs);

void form_load_refs(form_screen *fs, int i);
void form_check_access(form_screen *fs);
void form_draft_store(form_screen *fs);
int form_save(form_screen *fs);      /* 1 when saved (the screen closes) */
int form_leave(form_screen *fs);     /* Esc: asks about unsaved changes; 1 to close */

#endif
