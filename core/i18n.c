/* A reader for the .po catalogue and the lookup table behind _(). Only translated entries
 * (non-empty msgstr, not marked fuzzy) are used; anything else falls back to bokmål. */
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "priv.h"
#include "util.h"

typedef struct {
    char *id, *str;
} entry;

static struct {
    int loaded;
    entry *tab;      /* open addressing, size a power of two */
    size_t size, count;
} cat;

static int ui_lang = -1;

sv_lang sv_lang_from_code(const char *code)
{
    return code && code[0] == 'n' && code[1] == 'n' ? SV_NN : SV_NB;
}

sv_lang sv_i18n_ui(void)
{
    if (ui_lang >= 0) return (sv_lang)ui_lang;
    static const char *const vars[] = {"STEGVIS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    ui_lang = SV_NB;
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            ui_lang = sv_lang_from_code(v);
            break;
        }
    }
    return (sv_lang)ui_lang;
}

void sv_i18n_set_ui(sv_lang l) { ui_lang = l; }

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void put(char *id, char *str)
{
    if (!*id || !*str) {
        free(id);
        free(str);
        return;
    }
    if ((cat.count + 1) * 2 > cat.size) {
        size_t old = cat.size;
        entry *prev = cat.tab;
        cat.size = old ? old * 2 : 512;
        cat.tab = sv_xcalloc(cat.size, sizeof *cat.tab);
        cat.count = 0;
        for (size_t i = 0; i < old; i++)
            if (prev[i].id) put(prev[i].id, prev[i].str);
        free(prev);
    }
    size_t i = hash(id) & (cat.size - 1);
    while (cat.tab[i].id && strcmp(cat.tab[i].id, id) != 0) i = (i + 1) & (cat.size - 1);
    if (cat.tab[i].id) {
        free(id);
        free(cat.tab[i].str);
        cat.tab[i].str = str;
        return;
    }
    cat.tab[i].id = id;
    cat.tab[i].str = str;
    cat.count++;
}

/* Appends the C-escaped string literal starting at p (after the opening quote). */
static void literal(sv_buf *b, const char *p)
{
    for (; *p && *p != '"'; p++) {
        if (*p != '\\' || !p[1]) {
            sv_buf_addn(b, p, 1);
            continue;
        }
        p++;
        char c = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
        sv_buf_addn(b, &c, 1);
    }
}

static void load(void)
{
    cat.loaded = 1;
    char path[4096];
    const char *env = sv_env("STEGVIS_PO");
    FILE *f = NULL;
    if (env && *env) f = fopen(env, "r");
    if (!f && sv_template_path("po/nn.po", path, sizeof path) == 0) f = fopen(path, "r");
    if (!f && sv_template_path("../po/nn.po", path, sizeof path) == 0) f = fopen(path, "r");
    if (!f) return;
    sv_buf id, str, *cur = NULL;
    sv_buf_init(&id);
    sv_buf_init(&str);
    int fuzzy = 0, have = 0;
    char line[8192];
    for (;;) {
        char *l = fgets(line, sizeof line, f);
        int boundary = !l || (!strncmp(l, "msgid ", 6)) || l[0] == '#' || l[0] == '\n';
        if (boundary && have && cur == &str) {
            if (!fuzzy) put(sv_xstrdup(id.s), sv_xstrdup(str.s));
            id.len = str.len = 0;
            id.s[0] = str.s[0] = '\0';
            fuzzy = 0;
            have = 0;
            cur = NULL;
        }
        if (!l) break;
        if (!strncmp(l, "#,", 2) && strstr(l, "fuzzy")) fuzzy = 1;
        else if (!strncmp(l, "msgid \"", 7)) { cur = &id; have = 1; literal(cur, l + 7); }
        else if (!strncmp(l, "msgstr \"", 8)) { cur = &str; literal(cur, l + 8); }
        else if (l[0] == '"' && cur) literal(cur, l + 1);
    }
    fclose(f);
    sv_buf_free(&id);
    sv_buf_free(&str);
}

const char *sv_tr(sv_lang l, const char *msgid)
{
    if (l == SV_NB || !msgid || !*msgid) return msgid;
    if (!cat.loaded) load();
    if (!cat.size) return msgid;
    size_t i = hash(msgid) & (cat.size - 1);
    while (cat.tab[i].id) {
        if (!strcmp(cat.tab[i].id, msgid)) return cat.tab[i].str;
        i = (i + 1) & (cat.size - 1);
    }
    return msgid;
}

int sv_i18n_entries(void)
{
    if (!cat.loaded) load();
    return (int)cat.count;
}

void sv_i18n_cleanup(void)
{
    for (size_t i = 0; i < cat.size; i++) {
        free(cat.tab[i].id);
        free(cat.tab[i].str);
    }
    free(cat.tab);
    memset(&cat, 0, sizeof cat);
}
