/* The Norwegian texts for each step (purpose, reflection points, professional input, tools,
 * tips) read from templates/steps/N.txt, which a municipality may edit. A broken file gives a
 * message naming the file and line instead of a silent gap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/paths.h"
#include "tui.h"

const char *const TUI_STEP_SECTION[5] = {"Formål", "Refleksjonspunkter", "Faglig påfyll", "Verktøy", "Tips"};

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
    char rel[32], path[4096];
    snprintf(rel, sizeof rel, "steps/%d.txt", step);
    if (sv_template_path(rel, path, sizeof path) != 0) {
        snprintf(msg, size, "Stien til stegteksten for steg %d er for lang.", step);
        return -1;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(msg, size, "Fant ikke stegteksten %s (sett STEGVIS_TEMPLATES).", path);
        return -1;
    }
    char line[2048];
    int sec = -1, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!strncmp(line, "## ", 3)) {
            sec = -1;
            for (int i = 0; i < 5; i++)
                if (!strcasecmp(line + 3, TUI_STEP_SECTION[i])) sec = i;
            if (sec < 0) {
                snprintf(msg, size, "%s linje %d: ukjent overskrift «%s» (bruk Formål, Refleksjonspunkter, "
                                    "Faglig påfyll, Verktøy eller Tips).", path, lineno, line + 3);
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
    if (!t->title[0]) snprintf(t->title, sizeof t->title, "Steg %d", step);
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
        row += tui_put(w, y + row, x, wd, TUI_STEP_SECTION[order[k]], 0) ? 1 : 0;
        wattroff(w, tui_attr(TC_DIM) | A_UNDERLINE);
        row += tui_wrap(w, y + row, x, wd, h - row, body);
    }
    return row;
}
