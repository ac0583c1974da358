/* The configuration file applied to the screens: key bindings resolved to each screen's own
 * actions (generic ones by name, the others by the `req` name in the screen's key table),
 * colours for the roles, mouse on or off, and the export directory. Parsing is core's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/config.h"
#include "../core/priv.h"
#include "tui.h"

static sv_config CFG;
static int loaded;

static const struct { const char *name; int action; } GENERIC[] = {
    {"up", TA_UP}, {"down", TA_DOWN}, {"page-up", TA_PGUP}, {"page-down", TA_PGDN},
    {"home", TA_HOME}, {"end", TA_END}, {"open", TA_OPEN}, {"back", TA_BACK},
    {"help", TA_HELP}, {"left", TA_LEFT}, {"right", TA_RIGHT}, {NULL, 0}};

/* Keymaps and the tables whose `req` names they accept. */
extern const tui_key TUI_LIST_KEYS[], TUI_CASE_KEYS[], TUI_FORM_KEYS[], TUI_DECISION_KEYS[];
static const struct { const char *name; const tui_key *keys; } KEYMAPS[] = {
    {"generic", NULL}, {"list", TUI_LIST_KEYS}, {"case", TUI_CASE_KEYS}, {"form", TUI_FORM_KEYS},
    {"decision", TUI_DECISION_KEYS}, {"checklist", NULL}, {"deadlines", NULL}, {"history", NULL}, {"appeal", NULL},
    {"municipality", NULL}, {"users", NULL}, {NULL, NULL}};

static int curses_key(int k)
{
    if (k > 0) return k == '\r' ? TK_ENTER : k;
    switch (-k) {
    case SV_K_UP: return TK(KEY_UP);
    case SV_K_DOWN: return TK(KEY_DOWN);
    case SV_K_LEFT: return TK(KEY_LEFT);
    case SV_K_RIGHT: return TK(KEY_RIGHT);
    case SV_K_PGUP: return TK(KEY_PPAGE);
    case SV_K_PGDN: return TK(KEY_NPAGE);
    case SV_K_HOME: return TK(KEY_HOME);
    case SV_K_END: return TK(KEY_END);
    case SV_K_ENTER: return TK_ENTER;
    case SV_K_ESC: return TK_ESC;
    case SV_K_TAB: return '\t';
    case SV_K_BACKSPACE: return TK(KEY_BACKSPACE);
    case SV_K_DELETE: return TK(KEY_DC);
    case SV_K_INSERT: return TK(KEY_IC);
    default: return -k >= SV_K_F1 && -k < SV_K_F1 + 12 ? TK(KEY_F(-k - SV_K_F1 + 1)) : 0;
    }
}

static const char **valid_list(void)
{
    int n = 0, cap = 64;
    const char **v = sv_xcalloc((size_t)cap, sizeof *v);
    for (int m = 0; KEYMAPS[m].name; m++) {
        for (int g = 0; GENERIC[g].name; g++) {
            if (n + 2 >= cap) v = sv_xrealloc(v, sizeof *v * (size_t)(cap *= 2));
            char buf[64];
            snprintf(buf, sizeof buf, "%s %s", KEYMAPS[m].name, GENERIC[g].name);
            v[n++] = sv_xstrdup(buf);
        }
        for (const tui_key *k = KEYMAPS[m].keys; k && k->key; k++) {
            if (!k->req) continue;
            if (n + 2 >= cap) v = sv_xrealloc(v, sizeof *v * (size_t)(cap *= 2));
            char buf[64];
            snprintf(buf, sizeof buf, "%s %s", KEYMAPS[m].name, k->req);
            v[n++] = sv_xstrdup(buf);
        }
    }
    v[n] = NULL;
    return v;
}

void tui_settings_load(void)
{
    sv_config_init(&CFG);
    loaded = 1;
    char path[1100];
    if (sv_config_path(path, sizeof path) != 0) return;
    const char **v = valid_list();
    int bad = sv_config_load(&CFG, path, v);
    for (int i = 0; v[i]; i++) free((char *)v[i]);
    free(v);
    if (bad == 1) tui_msg(1, "%s", CFG.errors[0]);
    else if (bad > 1) tui_msg(1, 
                                 _n("%s (og %d linje til med feil; resten av filen gjelder)",
                                    "%s (og %d linjer til med feil; resten av filen gjelder)", bad - 1), CFG.errors[0], bad - 1);
}

void tui_settings_free(void)
{
    if (loaded) sv_config_free(&CFG);
    loaded = 0;
}

void tui_settings_colors(void)
{
    const char *nc = getenv("NO_COLOR");
    /* NO_COLOR turns colour off unless the user's own file says `set color on` */
    TUI.color = has_colors() && (CFG.color == 1 || (CFG.color == -1 && !(nc && *nc)));
    if (!TUI.color) return;
    start_color();
    use_default_colors();
    static const short deffg[SV_CONFIG_ROLES] = {COLOR_WHITE, COLOR_RED, COLOR_GREEN, COLOR_YELLOW, COLOR_CYAN, COLOR_BLACK};
    static const short defbg[SV_CONFIG_ROLES] = {COLOR_BLUE, -1, -1, -1, -1, COLOR_YELLOW};
    for (int r = 0; r < SV_CONFIG_ROLES; r++) {
        short fg = deffg[r], bg = defbg[r];
        if (CFG.colors[r].set) {
            fg = (short)(CFG.colors[r].fg < COLORS ? CFG.colors[r].fg : fg);
            bg = (short)(CFG.colors[r].bg < COLORS ? CFG.colors[r].bg : bg);
        }
        init_pair((short)(TC_TITLE + r), fg, bg);
    }
}

int tui_settings_mouse(void)
{
    return CFG.mouse;
}

static int action_in(const tui_screen *s, const char *name)
{
    for (int g = 0; GENERIC[g].name; g++)
        if (!strcmp(GENERIC[g].name, name)) return GENERIC[g].action;
    for (const tui_key *k = s->keys; k && k->key; k++)
        if (k->req && !strcmp(k->req, name)) return k->action;
    return TA_NONE;
}

int tui_bound_action(const tui_screen *s, int ch)
{
    /* the screen's own keymap wins over generic */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < CFG.nbinds; i++) {
            const sv_bind *b = &CFG.binds[i];
            if (curses_key(b->key) != ch) continue;
            if (pass == 0 ? !(s->keymap && !strcmp(b->keymap, s->keymap)) : strcmp(b->keymap, "generic") != 0) continue;
            int a = action_in(s, b->action);
            if (a != TA_NONE) return a;
        }
    return tui_key_action(s->keys, ch);
}

int tui_export_path(const char *name, char *buf, size_t size)
{
    char dir[1024];
    if (sv_config_export_dir(&CFG, dir, sizeof dir) != 0) {
        tui_msg(1, "%s", _("Vet ikke hvor filen skal lagres: sett export-dir i konfigurasjonsfilen (stegvis.conf(5))."));
        return -1;
    }
    struct stat sb;
    sv_priv_user_begin();   /* the user's directory, judged with their rights */
    int isdir = stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode);
    sv_priv_user_end();
    if (!isdir) {
        tui_msg(1, _("Eksportmappen %s finnes ikke: lag den, eller sett export-dir i konfigurasjonsfilen."), dir);
        return -1;
    }
    int n = snprintf(buf, size, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    if (n < 0 || (size_t)n >= size) {
        tui_msg(1, "%s", _("Filnavnet er for langt."));
        return -1;
    }
    return 0;
}

int tui_ask_export_path(const char *label, const char *name, char *path, size_t size)
{
    if (tui_export_path(name, path, size) != 0) return -1;
    char proposed[1200];
    snprintf(proposed, sizeof proposed, "%s", path);
    if (!tui_prompt(label, path, size)) return -1;
    /* A relative path typed goes into the export directory; the proposal, which is there
     * already, is taken as it is even when relative (a relative HOME or export-dir). */
    if (path[0] != '/' && strcmp(path, proposed)) {
        char typed[1200];
        snprintf(typed, sizeof typed, "%s", path);
        if (tui_export_path(typed, path, size) != 0) return -1;
    }
    return 0;
}
