/* The configuration file: one command per line (`set NAME VALUE`, `color ROLE FG [BG]`,
 * `bind KEYMAP KEY ACTION`), `#` to the end of a line is a comment. Every bad line gets one
 * message naming the file, the line and what is expected; the others still apply. */
#include "config.h"

#include <ctype.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "i18n.h"
#include "priv.h"
#include "util.h"

const char *const SV_CONFIG_ROLE_NAMES[SV_CONFIG_ROLES] = {"title", "error", "ok", "warning", "dim", "demo"};

static const char *const COLOR_NAMES[] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", NULL};

static const struct { const char *name; int key; } KEY_NAMES[] = {
    {"Up", SV_K_UP}, {"Down", SV_K_DOWN}, {"Left", SV_K_LEFT}, {"Right", SV_K_RIGHT},
    {"PgUp", SV_K_PGUP}, {"PageUp", SV_K_PGUP}, {"PgDn", SV_K_PGDN}, {"PageDown", SV_K_PGDN},
    {"Home", SV_K_HOME}, {"End", SV_K_END}, {"Enter", SV_K_ENTER}, {"Esc", SV_K_ESC},
    {"Escape", SV_K_ESC}, {"Tab", SV_K_TAB}, {"Backspace", SV_K_BACKSPACE}, {"Delete", SV_K_DELETE},
    {"Del", SV_K_DELETE}, {"Insert", SV_K_INSERT}, {NULL, 0}};

/* The environment as the program may trust it (core/priv.h: none of it in the set-user-id
 * server); the home directory then from the password database, the user's own. */
static const char *env_home(void)
{
    const char *home = sv_env("HOME");
    if (home && *home) return home;
    const struct passwd *pw = getpwuid(getuid());
    return pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
}

void sv_config_init(sv_config *c)
{
    memset(c, 0, sizeof *c);
    c->color = -1;
}

void sv_config_free(sv_config *c)
{
    for (int i = 0; i < c->nerrors; i++) free(c->errors[i]);
    free(c->errors);
    free(c->binds);
    sv_config_init(c);
}

static void bad(sv_config *c, const char *path, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void bad(sv_config *c, const char *path, int line, const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_printf(&b, _("%s, linje %d: %s"), path, line, what);
    c->errors = sv_xrealloc(c->errors, sizeof *c->errors * (size_t)(c->nerrors + 1));
    c->errors[c->nerrors++] = b.s ? b.s : sv_xstrdup("");
}

/* A word for messages: printable ASCII and UTF-8 kept, control characters as '?', at most 40. */
static void shown(const char *w, char *out, size_t size)
{
    size_t o = 0;
    for (; *w && o + 1 < size; w++) {
        if (o >= 40 && ((unsigned char)*w & 0xc0) != 0x80) break;
        out[o++] = (unsigned char)*w < 32 || *w == 127 ? '?' : *w;
    }
    out[o] = '\0';
}

/* Parses a key name; returns 0 when it is not one. */
static int parse_key(const char *s)
{
    size_t n = strlen(s);
    if (n == 2 && s[0] == '^' && s[1] != '\0') {
        int ch = toupper((unsigned char)s[1]);
        return ch >= '@' && ch <= '_' ? ch & 0x1f : 0;
    }
    if (n > 2 && s[0] == '<' && s[n - 1] == '>') {
        char name[24];
        if (n - 2 >= sizeof name) return 0;
        memcpy(name, s + 1, n - 2);
        name[n - 2] = '\0';
        if (!strcasecmp(name, "Space")) return ' ';
        if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3]) {
            int ch = toupper((unsigned char)name[2]);
            return ch >= '@' && ch <= '_' ? ch & 0x1f : 0;
        }
        if ((name[0] == 'F' || name[0] == 'f') && isdigit((unsigned char)name[1])) {
            char *end;
            long f = strtol(name + 1, &end, 10);
            return !*end && f >= 1 && f <= 12 ? -(SV_K_F1 + (int)f - 1) : 0;
        }
        for (int i = 0; KEY_NAMES[i].name; i++)
            if (!strcasecmp(name, KEY_NAMES[i].name)) return -KEY_NAMES[i].key;
        return 0;
    }
    /* one character, UTF-8 decoded by hand so the parser needs no locale */
    const unsigned char *u = (const unsigned char *)s;
    int len = u[0] < 0x80 ? 1 : (u[0] & 0xe0) == 0xc0 ? 2 : (u[0] & 0xf0) == 0xe0 ? 3 : (u[0] & 0xf8) == 0xf0 ? 4 : 0;
    if (!len || (int)n != len) return 0;
    int cp = len == 1 ? u[0] : u[0] & (0x3f >> (len - 1));
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (u[i] & 0x3f);
    }
    return cp > 32 && cp != 127 ? cp : 0;
}

void sv_config_key_name(int key, char *buf, size_t size)
{
    if (key < 0) {
        int k = -key;
        if (k >= SV_K_F1 && k < SV_K_F1 + 12) { snprintf(buf, size, "<F%d>", k - SV_K_F1 + 1); return; }
        for (int i = 0; KEY_NAMES[i].name; i++)
            if (KEY_NAMES[i].key == k) { snprintf(buf, size, "<%s>", KEY_NAMES[i].name); return; }
        snprintf(buf, size, "?");
    } else if (key == ' ') {
        snprintf(buf, size, "<Space>");
    } else if (key < 32) {
        snprintf(buf, size, "^%c", key + '@');
    } else {
        char u[5] = {0};
        if (key < 0x80) u[0] = (char)key;
        else if (key < 0x800) { u[0] = (char)(0xc0 | key >> 6); u[1] = (char)(0x80 | (key & 0x3f)); }
        else if (key < 0x10000) { u[0] = (char)(0xe0 | key >> 12); u[1] = (char)(0x80 | ((key >> 6) & 0x3f)); u[2] = (char)(0x80 | (key & 0x3f)); }
        else { u[0] = (char)(0xf0 | key >> 18); u[1] = (char)(0x80 | ((key >> 12) & 0x3f)); u[2] = (char)(0x80 | ((key >> 6) & 0x3f)); u[3] = (char)(0x80 | (key & 0x3f)); }
        snprintf(buf, size, "%s", u);
    }
}

/* -1 default, 0..255, or -2 when it is not a colour. */
static int parse_color(const char *s)
{
    if (!strcasecmp(s, "default")) return -1;
    for (int i = 0; COLOR_NAMES[i]; i++)
        if (!strcasecmp(s, COLOR_NAMES[i])) return i;
    if (!strncasecmp(s, "color", 5) && isdigit((unsigned char)s[5])) {
        char *end;
        long v = strtol(s + 5, &end, 10);
        if (!*end && v >= 0 && v <= 255) return (int)v;
    }
    return -2;
}

static int on_off(const char *v)
{
    if (!strcasecmp(v, "on") || !strcasecmp(v, "yes") || !strcasecmp(v, "true")) return 1;
    if (!strcasecmp(v, "off") || !strcasecmp(v, "no") || !strcasecmp(v, "false")) return 0;
    return -1;
}

static int bind_valid(const char *const *valid, const char *keymap, const char *action)
{
    if (!valid) return 1;
    size_t kl = strlen(keymap);
    for (; *valid; valid++)
        if (!strncmp(*valid, keymap, kl) && (*valid)[kl] == ' ' && !strcmp(*valid + kl + 1, action)) return 1;
    return 0;
}

static int keymap_known(const char *const *valid, const char *keymap)
{
    if (!valid) return 1;
    size_t kl = strlen(keymap);
    for (; *valid; valid++)
        if (!strncmp(*valid, keymap, kl) && (*valid)[kl] == ' ') return 1;
    return 0;
}

/* Splits a line into at most max words; the last takes the rest of the line (a path may hold
 * spaces). A word may be quoted with "...". Returns the count, -1 for an open quote. */
static int split(char *s, char **w, int max)
{
    int n = 0;
    while (*s && n < max) {
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) break;
        if (n == max - 1 && *s != '"') {
            char *end = s + strlen(s);
            while (end > s && (end[-1] == ' ' || end[-1] == '\t')) *--end = '\0';
            w[n++] = s;
            break;
        }
        if (*s == '"') {
            char *q = strchr(s + 1, '"');
            if (!q) return -1;
            *q = '\0';
            w[n++] = s + 1;
            s = q + 1;
            continue;
        }
        w[n++] = s;
        while (*s && *s != ' ' && *s != '\t') s++;
        if (*s) *s++ = '\0';
    }
    return n;
}

static void parse_line(sv_config *c, const char *path, int ln, char *s, const char *const *valid)
{
    char q[48];
    /* a comment starts at # outside quotes */
    int inq = 0;
    for (char *p = s; *p; p++) {
        if (*p == '"') inq = !inq;
        else if (*p == '#' && !inq) { *p = '\0'; break; }
    }
    char *w[3] = {0};
    int n = split(s, w, 3);
    if (n < 0) { bad(c, path, ln, "%s", _("et sitat (\") er ikke avsluttet")); return; }
    if (n == 0) return;
    for (int i = 0; i < n; i++)
        for (const char *p = w[i]; *p; p++)
            if ((unsigned char)*p < 32 && *p != '\t') {
                bad(c, path, ln, "%s", _("linjen har kontrolltegn"));
                return;
            }
    if (!strcmp(w[0], "set")) {
        if (n < 3) { bad(c, path, ln, "%s", _("forventet «set NAVN VERDI» (export-dir, mouse, color)")); return; }
        if (!strcmp(w[1], "export-dir")) {
            if (sv_strcpy(c->export_dir, sizeof c->export_dir, w[2])) {
                bad(c, path, ln, "%s", _("export-dir: for lang sti"));
                c->export_dir[0] = '\0';
            }
            return;
        }
        if (!strcmp(w[1], "mouse") || !strcmp(w[1], "color")) {
            int v = on_off(w[2]);
            if (v < 0) { shown(w[2], q, sizeof q); bad(c, path, ln, _("%s: «%s» er ikke on eller off"), w[1], q); return; }
            if (!strcmp(w[1], "mouse")) c->mouse = v;
            else c->color = v;
            return;
        }
        shown(w[1], q, sizeof q);
        bad(c, path, ln, _("ukjent innstilling «%s» (forventet export-dir, mouse eller color)"), q);
        return;
    }
    if (!strcmp(w[0], "color")) {
        char *x[3] = {0};
        int k = n == 3 ? split(w[2], x, 3) : 0;
        if (k < 1 || k > 2) { bad(c, path, ln, "%s", _("forventet «color ROLLE FORGRUNN [BAKGRUNN]»")); return; }
        int role = -1;
        for (int i = 0; i < SV_CONFIG_ROLES; i++)
            if (!strcmp(w[1], SV_CONFIG_ROLE_NAMES[i])) role = i;
        if (role < 0) {
            shown(w[1], q, sizeof q);
            bad(c, path, ln, _("ukjent fargerolle «%s» (forventet title, error, ok, warning, dim eller demo)"), q);
            return;
        }
        int fg = parse_color(x[0]), bg = k == 2 ? parse_color(x[1]) : -1;
        if (fg == -2 || bg == -2) {
            shown(fg == -2 ? x[0] : x[1], q, sizeof q);
            bad(c, path, ln, _("ukjent farge «%s» (forventet default, black, red, green, yellow, blue, magenta, cyan, white eller color0-color255)"), q);
            return;
        }
        c->colors[role] = (sv_color){1, fg, bg};
        return;
    }
    if (!strcmp(w[0], "bind")) {
        char *x[2] = {0};
        int k = n == 3 ? split(w[2], x, 2) : 0;
        if (k != 2 || strpbrk(x[1], " \t")) { bad(c, path, ln, "%s", _("forventet «bind TASTKART TAST HANDLING», f.eks. «bind generic <F10> quit»")); return; }
        if (!keymap_known(valid, w[1])) {
            shown(w[1], q, sizeof q);
            bad(c, path, ln, _("ukjent tastkart «%s» (se stegvis.conf(5): generic, list, case, form, decision ...)"), q);
            return;
        }
        int key = parse_key(x[0]);
        if (!key) {
            shown(x[0], q, sizeof q);
            bad(c, path, ln, _("ukjent tast «%s» (forventet ett tegn, ^X, <F1>-<F12>, <Up>, <Enter> ...)"), q);
            return;
        }
        if (!bind_valid(valid, w[1], x[1]) || strlen(x[1]) >= sizeof c->binds[0].action) {
            char km[24];
            shown(x[1], q, sizeof q);
            shown(w[1], km, sizeof km);
            bad(c, path, ln, _("ukjent handling «%s» i tastkartet %s (se stegvis.conf(5))"), q, km);
            return;
        }
        c->binds = sv_xrealloc(c->binds, sizeof *c->binds * (size_t)(c->nbinds + 1));
        sv_bind *b = &c->binds[c->nbinds++];
        memset(b, 0, sizeof *b);
        snprintf(b->keymap, sizeof b->keymap, "%s", w[1]);
        b->key = key;
        snprintf(b->action, sizeof b->action, "%s", x[1]);
        return;
    }
    shown(w[0], q, sizeof q);
    bad(c, path, ln, _("ukjent kommando «%s» (forventet set, color eller bind)"), q);
}

int sv_config_parse(sv_config *c, const char *path, const char *text, const char *const *valid)
{
    int before = c->nerrors, ln = 0;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        ln++;
        char *line = sv_xmalloc(len + 1);
        memcpy(line, p, len);
        line[len] = '\0';
        if (len && line[len - 1] == '\r') line[len - 1] = '\0';
        parse_line(c, path, ln, line, valid);
        free(line);
        p += len + (nl ? 1 : 0);
    }
    return c->nerrors - before;
}

int sv_config_load(sv_config *c, const char *path, const char *const *valid)
{
    FILE *f = sv_priv_user_fopen(path, "r");   /* the user's file, read with their rights */
    if (!f) return 0;
    sv_buf b;
    sv_buf_init(&b);
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < 1 << 20) sv_buf_addn(&b, chunk, got);
    fclose(f);
    for (size_t i = 0; i < b.len; i++)
        if (b.s[i] == '\0') b.s[i] = '\x01';   /* a NUL byte: reported as a control character */
    int n = sv_config_parse(c, path, b.s ? b.s : "", valid);
    sv_buf_free(&b);
    return n;
}

int sv_config_path(char *buf, size_t size)
{
    const char *xdg = sv_env("XDG_CONFIG_HOME"), *home = env_home();
    int n;
    if (xdg && xdg[0] == '/') n = snprintf(buf, size, "%s/stegvis/config", xdg);
    else if (home && *home) n = snprintf(buf, size, "%s/.config/stegvis/config", home);
    else return -1;
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* "~/x", "$HOME/x" and "${HOME}/x" with the home directory put in. */
static int expand_home(const char *v, char *buf, size_t size)
{
    const char *home = env_home();
    const char *rest = NULL;
    if (v[0] == '~' && (v[1] == '/' || !v[1])) rest = v + 1;
    else if (!strncmp(v, "$HOME", 5) && (v[5] == '/' || !v[5])) rest = v + 5;
    else if (!strncmp(v, "${HOME}", 7) && (v[7] == '/' || !v[7])) rest = v + 7;
    int n = rest ? (home && *home ? snprintf(buf, size, "%s%s", home, rest) : -1) : snprintf(buf, size, "%s", v);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* XDG_DOCUMENTS_DIR from user-dirs.dirs (xdg-user-dirs' file), if it is there. */
static int user_dirs_documents(char *buf, size_t size)
{
    char path[1024];
    const char *xdg = sv_env("XDG_CONFIG_HOME"), *home = env_home();
    if (xdg && xdg[0] == '/') snprintf(path, sizeof path, "%s/user-dirs.dirs", xdg);
    else if (home && *home) snprintf(path, sizeof path, "%s/.config/user-dirs.dirs", home);
    else return -1;
    FILE *f = sv_priv_user_fopen(path, "r");
    if (!f) return -1;
    char line[1200];
    int rc = -1;
    while (rc && fgets(line, sizeof line, f)) {
        if (strncmp(line, "XDG_DOCUMENTS_DIR=\"", 19) != 0) continue;
        char *end = strrchr(line + 19, '"');
        if (!end) continue;
        *end = '\0';
        rc = expand_home(line + 19, buf, size);
    }
    fclose(f);
    return rc;
}

int sv_config_export_dir(const sv_config *c, char *buf, size_t size)
{
    if (c && c->export_dir[0]) return expand_home(c->export_dir, buf, size);
    const char *docs = sv_env("XDG_DOCUMENTS_DIR");
    if (docs && docs[0] == '/' && expand_home(docs, buf, size) == 0) return 0;
    if (user_dirs_documents(buf, size) == 0 && buf[0] == '/') return 0;
    const char *home = env_home();
    if (!home || !*home) return -1;
    int n = snprintf(buf, size, "%s", home);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}
