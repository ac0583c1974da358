/* What a form does with the store: the pick lists for references, whether the user may edit at
 * all (the core's refusal message is shown as is), the draft kept as each field is left, the
 * save, and the conflict dialog when a colleague saved a newer version. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/draftmask.h"
#include "../forms/forms.h"
#include "form.h"

typedef struct {
    form_screen *fs;
    int i;
    int muni_kind;     /* 1: measures of the catalogue, 0: needs of the participant */
} ref_ctx;

static int add_ref(const void *obj, void *ctx)
{
    ref_ctx *rc = ctx;
    form_screen *fs = rc->fs;
    int i = rc->i, n = fs->nref[i];
    fs->refs[i] = sv_xrealloc(fs->refs[i], sizeof(form_ref) * (size_t)(n + 1));
    form_ref *r = &fs->refs[i][n];
    if (rc->muni_kind) {
        const sv_measure *m = obj;
        char h[16];
        snprintf(h, sizeof h, "%d,%d", m->hours / 10, m->hours % 10);
        r->id = m->m.id;
        snprintf(r->label, sizeof r->label, _("%s (%s, %s t/uke%s)"), m->name,
                 sv_code_label(SV_CODES_MEASURE_KIND, m->kind), h, m->nav ? ", NAV" : "");
    } else {
        const sv_need *nd = obj;
        r->id = nd->m.id;
        snprintf(r->label, sizeof r->label, "%.13s: %.140s", nd->area, nd->description);
    }
    fs->nref[i] = n + 1;
    return 0;
}

void form_load_refs(form_screen *fs, int i)
{
    const sv_field *f = &fs->ent->fields[i];
    sv_err e;
    sv_err_clear(&e);
    ref_ctx rc = {fs, i, !strcmp(f->ref, "measure")};
    if (rc.muni_kind) {
        int64_t muni = sv_row_municipality(TUI.st, fs->ent, ((sv_meta *)fs->obj)->parent);
        sv_row_each(TUI.st, &SV_ENT_MEASURE, muni ? muni : TUI.muni_id, add_ref, &rc, &e);
    } else if (fs->participant) {
        sv_row_each(TUI.st, &SV_ENT_NEED, fs->participant, add_ref, &rc, &e);
    }
}

int tui_whose(const sv_entity *ent, const void *obj, int64_t participant, char *buf, size_t size)
{
    sv_err e;
    sv_err_clear(&e);
    if (ent == &SV_ENT_PARTICIPANT) {
        const sv_participant *p = obj;
        if (!p->m.id) return -1;
        snprintf(buf, size, _("saken til %s"), p->name);
        return 0;
    }
    if (participant) {
        sv_participant p;
        if (sv_row_load(TUI.st, &SV_ENT_PARTICIPANT, participant, &p, &e) != SV_OK) return -1;
        snprintf(buf, size, _("saken til %s"), p.name);
        return 0;
    }
    if (ent->parent_col && !strcmp(ent->parent_col, "municipality_id")) {
        int64_t muni = sv_row_municipality(TUI.st, ent, ((const sv_meta *)obj)->parent);
        sv_municipality m;
        if (!muni || sv_row_load(TUI.st, &SV_ENT_MUNICIPALITY, muni, &m, &e) != SV_OK) return -1;
        snprintf(buf, size, _("kommunen %s"), m.name);
        return 0;
    }
    return -1;
}

void form_check_access(form_screen *fs)
{
    sv_err e;
    sv_err_clear(&e);
    const sv_meta *m = fs->obj;
    int64_t muni = fs->ent == &SV_ENT_MUNICIPALITY ? m->id : sv_row_municipality(TUI.st, fs->ent, m->parent);
    /* the same judgement as the save's, asked before the first key */
    if (sv_store_authorize(TUI.st, sv_row_write_op(TUI.st, fs->ent, fs->obj), muni, &e) != SV_OK) {
        fs->readonly = 1;
        const sv_user *u = sv_store_user(TUI.st);
        /* a role that changes nothing anywhere (the supervisor) is told so in its own words,
         * not with another role's list of what may be changed */
        if (u && !sv_role_may(u->role, SV_OP_EDIT_CASE) && !sv_role_may(u->role, SV_OP_EDIT_WORK) &&
            !sv_role_may(u->role, SV_OP_EDIT_MUNICIPAL))
            snprintf(fs->denied, sizeof fs->denied, _("%s. Skjemaet vises bare til lesing."), sv_role_summary(u->role));
        else
            snprintf(fs->denied, sizeof fs->denied, "%s", e.msg);
    }
    if (fs->ent == &SV_ENT_PARTICIPANT && !m->id) {
        const sv_field *f = sv_entity_field(fs->ent, "adviser");
        if (f && !fs->text[f - fs->ent->fields][0]) {
            int idx = (int)(f - fs->ent->fields);
            free(fs->text[idx]);
            fs->text[idx] = sv_xstrdup(sv_login());
        }
    }
}

/* Draft text: a version line, then one "column<TAB>value" line per field with backslash,
 * tab and newline escaped. */
static void escape_into(sv_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\') sv_buf_add(b, "\\\\");
        else if (*s == '\n') sv_buf_add(b, "\\n");
        else if (*s == '\t') sv_buf_add(b, "\\t");
        else sv_buf_addn(b, s, 1);
    }
}

static void unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            *o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

void form_draft_store(form_screen *fs)
{
    if (fs->readonly) return;
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_printf(&b, "v\t%d\n", ((sv_meta *)fs->obj)->version);
    for (int i = 0; i < fs->ent->nfields; i++) {
        sv_buf_printf(&b, "%s\t", fs->ent->fields[i].col);
        escape_into(&b, fs->text[i]);
        sv_buf_add(&b, "\n");
    }
    sv_err e;
    sv_err_clear(&e);
    if (sv_draft_put(TUI.st, fs->draft_key, b.s, &e) || sv_draft_put(TUI.st, tui_session_key(), fs->draft_key, &e))
        tui_msg(1, _("Utkastet kunne ikke lagres: %s"), e.msg);
    sv_buf_free(&b);
}

static void drop_draft(form_screen *fs)
{
    sv_err e;
    sv_draft_drop(TUI.st, fs->draft_key, &e);
    sv_draft_drop(TUI.st, tui_session_key(), &e);
}

static void texts_from(form_screen *fs, const void *obj)
{
    for (int i = 0; i < fs->ent->nfields; i++) {
        char buf[4200];
        sv_field_format(&fs->ent->fields[i], obj, buf, sizeof buf, 0);
        free(fs->text[i]);
        fs->text[i] = sv_xstrdup(buf);
    }
}

/* Shows both versions of every field that differs; the user keeps theirs or takes the saved. */
static int conflict(form_screen *fs, void *mine, const sv_err *why)
{
    sv_err e;
    sv_err_clear(&e);
    void *theirs = sv_xmalloc(fs->ent->size);
    if (sv_row_load(TUI.st, fs->ent, ((sv_meta *)fs->obj)->id, theirs, &e) != SV_OK) {
        free(theirs);
        tui_msg(1, "%s", why->msg);
        return 0;
    }
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_printf(&b, "%s\n\n", why->msg);
    for (int i = 0; i < fs->ent->nfields; i++) {
        const sv_field *f = &fs->ent->fields[i];
        char a[4200], t[4200];
        sv_field_format(f, mine, a, sizeof a, 1);
        sv_field_format(f, theirs, t, sizeof t, 1);
        if (strcmp(a, t) != 0)
            sv_buf_printf(&b, _("%s: din «%.60s» / lagret «%.60s»\n"), _(f->label), a, t);
    }
    sv_buf_add(&b, _("\nm = behold dine verdier og lagre   k = ta den lagrede versjonen   Esc = tilbake"));
    int a = tui_ask(_("Konflikt: en kollega har lagret"), b.s, "mk");
    sv_buf_free(&b);
    int rc = 0;
    if (a == 'm') {
        sv_meta *om = fs->obj;
        const sv_meta *tm = theirs;
        om->version = tm->version;
        rc = form_save(fs);
    } else if (a == 'k') {
        memcpy(fs->obj, theirs, fs->ent->size);
        texts_from(fs, theirs);
        fs->modified = 0;
        drop_draft(fs);
        tui_msg(2, "%s", _("Du ser nå den lagrede versjonen."));
    }
    free(theirs);
    return rc;
}

int form_save(form_screen *fs)
{
    const sv_entity *ent = fs->ent;
    sv_err e;
    sv_err_clear(&e);
    void *o = sv_xmalloc(ent->size);
    memcpy(o, fs->obj, ent->size);
    int rc = SV_OK, bad = -1;
    for (int i = 0; i < ent->nfields && rc == SV_OK; i++)
        if ((rc = sv_field_parse(&ent->fields[i], o, fs->text[i], &e)) != SV_OK) bad = i;
    if (rc == SV_OK) rc = sv_row_save(TUI.st, ent, o, &e);
    if (rc == SV_OK) {
        /* a new participant: the next thing to do is in the case, so open it */
        if (ent == &SV_ENT_PARTICIPANT && !((sv_meta *)fs->obj)->id) TUI.open_case = ((sv_meta *)o)->id;
        memcpy(fs->obj, o, ent->size);
        free(o);
        fs->saved = 1;
        fs->modified = 0;
        drop_draft(fs);
        tui_msg(2, _("%s er lagret."), _(ent->label));
        return 1;
    }
    if (rc == SV_ECONFLICT) {
        int r = conflict(fs, o, &e);
        free(o);
        return r;
    }
    free(o);
    if (bad < 0 && e.field[0]) {
        const sv_field *f = sv_entity_field(ent, e.field);
        if (f) bad = (int)(f - ent->fields);
    }
    /* Every required field left empty is named at once, not one per attempt. */
    sv_buf miss;
    sv_buf_init(&miss);
    int nmiss = 0, first = -1;
    for (int i = 0; i < ent->nfields; i++) {
        if (!ent->fields[i].required || fs->text[i][strspn(fs->text[i], " ")] != '\0') continue;
        sv_buf_printf(&miss, "%s%s", nmiss ? ", " : "", _(ent->fields[i].label));
        if (first < 0) first = i;
        nmiss++;
    }
    if (nmiss > 1 || (nmiss == 1 && bad < 0)) {
        fs->cur = fs->errfield = first;
        snprintf(fs->fielderr, sizeof fs->fielderr, _("Må fylles ut: %s"), miss.s);
        tui_msg(1, _n("Ikke lagret: %d felt må fylles ut: %s", "Ikke lagret: %d felt må fylles ut: %s", nmiss), nmiss, miss.s);
        sv_buf_free(&miss);
        return 0;
    }
    sv_buf_free(&miss);
    if (bad >= 0) {
        fs->cur = bad;
        fs->errfield = bad;
        snprintf(fs->fielderr, sizeof fs->fielderr, "%s", e.msg);
    }
    tui_msg(1, _("Ikke lagret: %s"), e.msg);
    return 0;
}

int form_leave(form_screen *fs)
{
    if (!fs->modified || fs->readonly) return 1;
    int a = tui_ask(_("Ulagrede endringer"),
                    _("Skjemaet har endringer som ikke er lagret.\n\n"
                      "l = lagre nå   f = forkast endringene   Esc = fortsett å skrive"), "lf");
    if (a == 'l') return form_save(fs);
    if (a == 'f') {
        drop_draft(fs);
        fs->modified = 0;
        return 1;
    }
    return 0;
}

tui_screen *tui_form_resume(const char *key)
{
    char table[32];
    long long id, parent, participant;
    if (sscanf(key, "form:%31[^:]:%lld:%lld:%lld", table, &id, &parent, &participant) != 4) return NULL;
    const sv_entity *ent = sv_entity_by_table(table);
    char *val = sv_draft_get(TUI.st, key);
    if (!ent || !val) {
        free(val);
        return NULL;
    }
    void *obj = NULL;
    if (id) {
        sv_err e;
        obj = sv_xmalloc(ent->size);
        if (sv_row_load(TUI.st, ent, id, obj, &e) != SV_OK) {
            free(obj);
            free(val);
            return NULL;
        }
    }
    if (participant) tui_push(tui_case_new(participant));
    form_screen *fs = form_alloc(ent, obj, parent, participant);
    free(obj);
    const char *retype = NULL;
    for (char *line = strtok(val, "\n"); line; line = strtok(NULL, "\n")) {
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = '\0';
        unescape(tab + 1);
        if (!strcmp(line, "v")) {
            /* the version the typing started from, so a colleague's save since shows as a conflict */
            ((sv_meta *)fs->obj)->version = atoi(tab + 1);
            continue;
        }
        const sv_field *f = sv_entity_field(ent, line);
        if (!f) continue;
        int i = (int)(f - ent->fields);
        /* A draft keeps an identity number only masked (core/draftmask.h): the row's own number
         * when it is still that one, otherwise it is typed again. */
        int same = f->type == SV_F_FNR ? sv_draft_fnr_same(TUI.st, tab + 1, fs->text[i]) : -1;
        if (same == 1) continue;
        free(fs->text[i]);
        fs->text[i] = sv_xstrdup(same == 0 ? "" : tab + 1);
        if (same == 0) retype = _(f->label);
    }
    free(val);
    fs->modified = 1;
    if (retype)
        tui_msg(1, _("Utkastet er hentet fram. %s lagres ikke i utkast: skriv det inn på nytt, og trykk s for å lagre."),
                retype);
    else
        tui_msg(2, "%s", _("Utkastet er hentet fram. Trykk s for å lagre."));
    return &fs->base;
}
