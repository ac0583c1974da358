/* The catalogue exchange file: a header line "# stegvis tiltakskatalog 1", a line of column
 * names (the measure's fields from forms/), then one measure per line, values as stored
 * (codes, hours "7.5") with tab, newline and backslash escaped. Every value is read back
 * through the same field parser as the forms, so a shared file cannot bring in bad data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "catalog.h"
#include "tui.h"

#define MAGIC "# stegvis tiltakskatalog 1"

typedef struct {
    FILE *f;
    int n;
} export_ctx;

static void put_escaped(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '\t') fputs("\\t", f);
        else if (*s == '\n') fputs("\\n", f);
        else if (*s == '\\') fputs("\\\\", f);
        else fputc(*s, f);
    }
}

static int export_row(const void *obj, void *ctx)
{
    export_ctx *x = ctx;
    const sv_entity *ent = &SV_ENT_MEASURE;
    for (int i = 0; i < ent->nfields; i++) {
        char buf[4200];
        sv_field_raw(&ent->fields[i], obj, buf, sizeof buf);
        if (i) fputc('\t', x->f);
        put_escaped(x->f, buf);
    }
    fputc('\n', x->f);
    x->n++;
    return 0;
}

void tui_catalog_export(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        tui_msg(1, "Kan ikke skrive til %s.", path);
        return;
    }
    fprintf(f, "%s\n", MAGIC);
    const sv_entity *ent = &SV_ENT_MEASURE;
    for (int i = 0; i < ent->nfields; i++) fprintf(f, "%s%s", i ? "\t" : "", ent->fields[i].col);
    fputc('\n', f);
    export_ctx x = {f, 0};
    sv_err e;
    sv_err_clear(&e);
    int rc = sv_row_each(TUI.st, ent, TUI.muni_id, export_row, &x, &e);
    if (fclose(f) != 0 || rc != SV_OK) {
        tui_msg(1, "Eksporten til %s feilet: %s", path, rc ? e.msg : "kunne ikke skrive filen");
        return;
    }
    tui_msg(2, "%d tiltak eksportert til %s.", x.n, path);
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

typedef struct {
    const char *name;
    int found;
} name_ctx;

static int same_name(const void *obj, void *ctx)
{
    name_ctx *nc = ctx;
    if (!strcmp(((const sv_measure *)obj)->name, nc->name)) nc->found = 1;
    return nc->found;
}

/* Splits one line into the measure; 0, or -1 with e naming the field. */
static int parse_line(char *line, const int *colmap, int ncols, sv_measure *m, sv_err *e)
{
    sv_entity_blank(&SV_ENT_MEASURE, m);
    m->m.parent = TUI.muni_id;
    char *p = line;
    for (int c = 0; c < ncols; c++) {
        char *tab = strchr(p, '\t');
        if (tab) *tab = '\0';
        unescape(p);
        if (colmap[c] >= 0 && sv_field_parse(&SV_ENT_MEASURE.fields[colmap[c]], m, p, e) != SV_OK) return -1;
        if (!tab) {
            if (c + 1 < ncols) return sv_err_set(e, SV_EINVAL, NULL, "for få kolonner (%d av %d)", c + 1, ncols);
            break;
        }
        p = tab + 1;
    }
    return sv_entity_validate(&SV_ENT_MEASURE, m, e) ? -1 : 0;
}

void tui_catalog_import(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        tui_msg(1, "Fant ikke filen %s.", path);
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, ncols = 0, colmap[32];
    sv_measure *rows = NULL;
    int n = 0;
    sv_err e;
    sv_err_clear(&e);
    const char *fail = NULL;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (lineno == 1) {
            if (strcmp(line, MAGIC) != 0) { fail = "er ikke en tiltakskatalog fra stegvis (første linje mangler)"; break; }
            continue;
        }
        if (lineno == 2) {
            for (char *tok = strtok(line, "\t"); tok && ncols < 32; tok = strtok(NULL, "\t")) {
                const sv_field *fd = sv_entity_field(&SV_ENT_MEASURE, tok);
                colmap[ncols++] = fd ? (int)(fd - SV_ENT_MEASURE.fields) : -1;
            }
            continue;
        }
        if (!line[0]) continue;
        rows = sv_xrealloc(rows, sizeof *rows * (size_t)(n + 1));
        if (parse_line(line, colmap, ncols, &rows[n], &e) != 0) { fail = e.msg; break; }
        n++;
    }
    free(line);
    fclose(f);
    if (fail) {
        tui_msg(1, "%s linje %d: %s. Ingenting er importert.", path, lineno, fail);
        free(rows);
        return;
    }
    int added = 0, skipped = 0;
    if (sv_store_begin(TUI.st, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        free(rows);
        return;
    }
    for (int i = 0; i < n; i++) {
        name_ctx nc = {rows[i].name, 0};
        sv_row_each(TUI.st, &SV_ENT_MEASURE, TUI.muni_id, same_name, &nc, &e);
        if (nc.found) { skipped++; continue; }
        if (sv_row_save(TUI.st, &SV_ENT_MEASURE, &rows[i], &e) != SV_OK) {
            sv_store_rollback(TUI.st);
            tui_msg(1, "Tiltak «%s»: %s. Ingenting er importert.", rows[i].name, e.msg);
            free(rows);
            return;
        }
        added++;
    }
    free(rows);
    if (sv_store_commit(TUI.st, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return;
    }
    tui_msg(2, "%d tiltak importert fra %s (%d fantes fra før med samme navn).", added, path, skipped);
}
