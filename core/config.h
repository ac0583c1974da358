/* The user's configuration file ($XDG_CONFIG_HOME/stegvis/config, see stegvis.conf(5)): export
 * directory, colours, key bindings in the manner of tig's and mutt's `bind`, mouse on or off.
 * Parsed here without curses; the screens apply it. A bad line is reported (file, line, what is
 * expected) and skipped; the rest of the file still applies. */
#ifndef SV_CONFIG_H
#define SV_CONFIG_H

#include <stddef.h>

/* Keys that are not characters, stored negated in sv_bind.key (characters are code points,
 * control keys 1..31). */
enum { SV_K_UP = 1, SV_K_DOWN, SV_K_LEFT, SV_K_RIGHT, SV_K_PGUP, SV_K_PGDN, SV_K_HOME, SV_K_END,
       SV_K_ENTER, SV_K_ESC, SV_K_TAB, SV_K_BACKSPACE, SV_K_DELETE, SV_K_INSERT, SV_K_F1 = 32 /* ..F12 */ };

typedef struct sv_bind {
    char keymap[16];        /* "generic" or a screen's keymap ("list", "form", ...) */
    int key;                /* > 0 a character, < 0 -SV_K_... */
    char action[32];
} sv_bind;

/* Colour roles in the order of the screens' roles (title, error, ok, warning, dim, demo). */
#define SV_CONFIG_ROLES 6
typedef struct sv_color {
    int set;                /* 1 when the file names this role */
    int fg, bg;             /* -1 the terminal's default, 0..255 */
} sv_color;

typedef struct sv_config {
    char export_dir[1024];  /* "" until set; see sv_config_export_dir */
    int mouse;              /* 0 off (default), 1 on */
    int color;              /* -1 automatic (off with NO_COLOR), 0 off, 1 on */
    sv_color colors[SV_CONFIG_ROLES];
    sv_bind *binds;
    int nbinds;
    char **errors;          /* one message per bad line */
    int nerrors;
} sv_config;

extern const char *const SV_CONFIG_ROLE_NAMES[SV_CONFIG_ROLES];

/* What `bind` accepts: NULL-terminated "keymap action" strings (the screens' own list). With
 * NULL every keymap and action is accepted. */
void sv_config_init(sv_config *c);
/* Parses text (the file's contents, named path in messages) into c. Returns the number of bad
 * lines. */
int sv_config_parse(sv_config *c, const char *path, const char *text, const char *const *valid);
/* Reads and parses path; a missing file is no error. Returns the number of bad lines. */
int sv_config_load(sv_config *c, const char *path, const char *const *valid);
void sv_config_free(sv_config *c);

/* The configuration file's path: $XDG_CONFIG_HOME/stegvis/config, else ~/.config/stegvis/config.
 * Returns 0, or -1 when there is no home. */
int sv_config_path(char *buf, size_t size);
/* Where exports go: the file's export-dir, else $XDG_DOCUMENTS_DIR (also as set in
 * user-dirs.dirs), else the home directory. Returns 0, or -1 when none is known. */
int sv_config_export_dir(const sv_config *c, char *buf, size_t size);
/* A key as the file writes it ("<F2>", "^X", "k") into buf, for messages and the help. */
void sv_config_key_name(int key, char *buf, size_t size);

#endif
