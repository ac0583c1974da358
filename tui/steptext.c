/* The Norwegian texts for each step (purpose, reflection points, professional input, tools,
 * tips) read from templates/steps/N.txt, or templates/steps/nn/N.txt when the screens speak
 * nynorsk; a municipality may edit both. A broken file gives a message naming the file and line
 * instead of a silent gap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/paths.h"
#include "tui.h"

const char *const TUI_STEP_SECTION[5] = {N_("Formål"), N_("Refleksjonspunkter"), N_("Faglig påfyll"), N_("Verktøy"),
                                         N_("Tips")};

/* The section a "## " heading names: the bokmål heading or its nynorsk form, so a file in
 * either language (or one copied from the other) reads the same. -1 when unknown. */
static int section_of(const char *heading)
{
    for (int i = 0; i < 5; i++)
        if (!strcasecmp(heading, TUI_STEP_SECTION[i]) || !strcasecmp(heading, sv_tr(SV_NN, TUI_STEP_SECTION[i])))
            return i;
    return -1;
}

/* Opens the step's file in the screens' language; nynorsk falls back to bokmål when the
 * municipality has no nynorsk text for the step. path gets the file tried last; *too_long is
 * set when the templates directory makes the path too long. */
static FILE *open_step(int step, char *path, size_t size, int *too_long)
{
    char rel[32];
    *too_long = 0;
    if (sv_i18n_ui() == SV_NN) {
        snprintf(rel, sizeof rel, "steps/nn/%d.txt", step);
        if (sv_template_path(rel, path, size) == 0) {
            FILE *f = fopen(path, "r");
            if (f) return f;
        }
    }
    snprintf(rel, sizeof rel, "steps/%d.txt", step);
    if (sv_template_path(rel, path, size) != 0) {
        *too_long = 1;
        return NULL;
    }
    return fopen(path, "r");
}

static void append(char **dst, const char *line)
{
    size_t a = *dst ? strlen(*dst) : 0, b = strlen(line);
    *dst = sv_xrealloc(*dst, a + b + 2);
    if (a) (*dst)[a++] = '\n';
    memcpy(*dst + a, line, b + 1);
}

int tui_steptext_load(int step, tui_steptext *t, char *msg, size_t size)
{
    memset(t, 0, sizeof *t);
    char path[4096];
    int too_long;
    FILE *f = open_step(step, path, sizeof path, &too_long);
    if (too_long) {
        snprintf(msg, size, _("Stien til stegteksten for steg %d er for lang."), step);
        return -1;
    }
    if (!f) {
        snprintf(msg, size, _("Fant ikke stegteksten %s (sett STEGVIS_TEMPLATES)."), path);
        return -1;
    }
    char line[2048];
    int sec = -1, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!strncmp(line, "## ", 3)) {
            sec = section_of(line + 3);
            if (sec < 0) {
                snprintf(msg, size, _("%s linje %d: ukjent overskrift «%s» (bruk %s, %s, %s, %s eller %s)."), path,
                         lineno, line + 3, _(TUI_STEP_SECTION[0]), _(TUI_STEP_SECTION[1]), _(TUI_STEP_SECTION[2]),
                         _(TUI_STEP_SECTION[3]), _(TUI_STEP_SECTION[4]));
                fclose(f);
                tui_steptext_free(t);
                return -1;
            }
        } else if (!strncmp(line, "# ", 2)) {
            snprintf(t->title, sizeof t->title, "%.120s", line + 2);
        } else if (sec >= 0 && line[0]) {
            append(&t->section[sec], line);
        }
    }
    fclose(f);
    if (!t->title[0]) snprintf(t->title, sizeof t->title, _("Steg %d"), step);
    return 0;
}

void tui_steptext_free(tui_steptext *t)
{
    for (int i = 0; i < 5; i++) free(t->section[i]);
    memset(t, 0, sizeof *t);
}

/* Loaded once per run: the texts do not change while the program runs. */
static tui_steptext cache[8];
static int cached[8];
static char cache_err[8][300];

int tui_steptext_draw(WINDOW *w, int y, int x, int h, int wd, int step)
{
    if (step < 1 || step > 7 || h <= 0 || wd < 10) return 0;
    if (!cached[step]) {
        if (tui_steptext_load(step, &cache[step], cache_err[step], sizeof cache_err[step]) != 0)
            cache[step].title[0] = '\0';
        cached[step] = 1;
    }
    if (cache_err[step][0]) {
        wattron(w, tui_attr(TC_ERR));
        int r = tui_wrap(w, y, x, wd, h, cache_err[step]);
        wattroff(w, tui_attr(TC_ERR));
        return r;
    }
    const tui_steptext *t = &cache[step];
    int row = 0;
    wattron(w, A_BOLD);
    row += tui_wrap(w, y, x, wd, h, t->title);
    wattroff(w, A_BOLD);
    /* Purpose, reflection points and tips first: they are what the step asks of the user. */
    static const int order[5] = {0, 1, 4, 2, 3};
    for (int k = 0; k < 5 && row + 1 < h; k++) {
        const char *body = t->section[order[k]];
        if (!body) continue;
        wattron(w, tui_attr(TC_DIM) | A_UNDERLINE);
        row += tui_put(w, y + row, x, wd, _(TUI_STEP_SECTION[order[k]]), 0) ? 1 : 0;
        wattroff(w, tui_attr(TC_DIM) | A_UNDERLINE);
        row += tui_wrap(w, y + row, x, wd, h - row, body);
    }
    return row;
}
