/* Shared pieces of the screens: the screen stack, the key tables that drive both the bottom
 * line and the help screen, and the drawing helpers that clip UTF-8 text to a width. Screens
 * only draw and read keys; everything they show comes from core/ and forms/. */
#ifndef SV_TUI_H
#define SV_TUI_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <curses.h>
#include <stdint.h>

#include "../core/i18n.h"
#include "../core/model.h"
#include "../core/store.h"

/* Function keys are stored negated so they never collide with Unicode code points. */
#define TK(k) (-(k))
#define TK_ESC 27
#define TK_ENTER '\n'
#define TK_CTRL(c) ((c) & 0x1f)
/* Bracketed paste (the terminal marks a paste), key codes of our own above ncurses' */
#define TK_PASTE_BEGIN (KEY_MAX + 1)
#define TK_PASTE_END (KEY_MAX + 2)

/* One row of a screen's key table: the key(s), how the key is written, what it does. */
typedef struct tui_key {
    int key, alt;          /* alt: a second key doing the same (vi key), or 0 */
    const char *name;      /* "↑/k", "Enter" */
    const char *label;     /* Norwegian, short; marked N_() and translated where drawn */
    int action;            /* the screen's own action number (never 0) */
    int bottom;            /* 1: shown on the bottom line */
    const char *help;      /* longer text for the help screen (N_()); NULL: the label */
    const char *req;       /* the action's name in the configuration file's `bind`, or NULL */
} tui_key;

/* Actions every screen shares; screen-specific actions start at TA_OWN. */
enum { TA_NONE = 0, TA_UP, TA_DOWN, TA_PGUP, TA_PGDN, TA_HOME, TA_END, TA_OPEN, TA_BACK,
       TA_HELP, TA_QUIT, TA_LEFT, TA_RIGHT, TA_OWN = 100 };

/* Rows for the movement and help keys, so every table writes them the same way. */
#define TUI_KEYS_MOVE \
    {TK(KEY_UP), 'k', "↑/k", N_("opp"), TA_UP, 0}, {TK(KEY_DOWN), 'j', "↓/j", N_("ned"), TA_DOWN, 0}, \
    {TK(KEY_PPAGE), 0, "PgUp", N_("side opp"), TA_PGUP, 0}, \
    {TK(KEY_NPAGE), 0, "PgDn", N_("side ned"), TA_PGDN, 0}, \
    {TK(KEY_HOME), 'g', "Home/g", N_("første"), TA_HOME, 0}, \
    {TK(KEY_END), 'G', "End/G", N_("siste"), TA_END, 0}
#define TUI_KEYS_HELP {'?', TK(KEY_F(1)), "?/F1", N_("hjelp"), TA_HELP, 1}
#define TUI_KEYS_BACK {TK_ESC, 'q', "Esc/q", N_("tilbake"), TA_BACK, 1}

typedef struct tui_screen tui_screen;
struct tui_screen {
    const char *title;               /* in the user's language (screens translate it when made) */
    const tui_key *keys;         /* terminated by a row with key 0 */
    void (*draw)(tui_screen *s, WINDOW *w, int h, int wd);
    /* Handles a key (action from the table, or TA_NONE with the raw key). Returns 1 when
     * the screen is finished and should be popped. */
    int (*key)(tui_screen *s, int action, int ch);
    void (*resume)(tui_screen *s);   /* the screen above closed: reload what may have changed */
    void (*destroy)(tui_screen *s);
    int raw_input;                   /* 1 while typing text: keys go to the screen unmapped */
    const char *about;               /* what the screen is for and how to read it (help, N_()), or NULL */
    const char *keymap;              /* its keymap for `bind` ("list", "form" ...), NULL: generic only */
    /* A mouse click at (y, x) of the body: selects (and with twice, opens) what is there. */
    void (*click)(tui_screen *s, int y, int x, int twice);
};

/* The application state every screen reads. */
typedef struct tui_app {
    sv_store *st;
    int64_t muni_id;        /* the municipality shown (the user's own or the first) */
    char muni_name[81];
    int muni_demo;
    int color;
    int quit;
    volatile int signal;    /* set by SIGHUP/SIGINT/SIGTERM: save the draft and leave */
    int pasting;            /* inside a bracketed paste: line breaks are text, not Enter */
    int64_t open_case;      /* a participant just registered: the list opens the case */
    int typing;             /* > 0 while a text editor or prompt reads keys (the key log says "tegn") */
    int offer_drafts;       /* the list is back: offer the next draft left by a gone terminal */
    char msg[600];
    int msg_kind;           /* 0 info, 1 error, 2 ok */
} tui_app;

extern tui_app TUI;

/* Screen stack. push takes ownership; pop destroys. */
void tui_push(tui_screen *s);
void tui_pop(void);
tui_screen *tui_top(void);

/* The one-line message above the key line (cleared by the next key). */
void tui_msg(int kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Shows text on the message line at once, before a slow step (the checklist, deadlines). */
void tui_busy(const char *text);

/* Attributes for roles of text; plain bold/reverse without colour. */
enum { TC_TITLE = 1, TC_ERR, TC_OK, TC_WARN, TC_DIM, TC_DEMO };
int tui_attr(int role);

/* Draws utf8 at (y, x) using at most width columns, padding with spaces when pad is set.
 * Returns the columns used. Never writes outside the window. */
int tui_put(WINDOW *w, int y, int x, int width, const char *utf8, int pad);
/* The same for code points (the editors' buffers): whole grapheme clusters as core/text.c
 * shows them, never a control character. */
int tui_put32(WINDOW *w, int y, int x, int width, const uint32_t *s, size_t n, int pad);
int tui_putf(WINDOW *w, int y, int x, int width, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Display width in columns of a UTF-8 string. */
int tui_width(const char *utf8);
/* Wraps utf8 into lines of at most width columns from row y; returns rows used (<= maxrows).
 * With w NULL it only counts the rows. */
int tui_wrap(WINDOW *w, int y, int x, int width, int maxrows, const char *utf8);

/* The action bound to ch in keys, or TA_NONE. */
int tui_key_action(const tui_key *keys, int ch);
/* The action of ch on screen s: the configuration file's bindings first, then its table. */
int tui_bound_action(const tui_screen *s, int ch);

/* The configuration file (core/config.h), read once at start: bindings, colours, mouse and
 * the export directory. Bad lines are shown on the message line. */
void tui_settings_load(void);
void tui_settings_colors(void);
int tui_settings_mouse(void);
void tui_settings_free(void);
/* The path an export named file goes to: the export directory + "/" + name. Returns 0, or -1
 * with the message set. */
int tui_export_path(const char *name, char *buf, size_t size);
/* Asks where to write name, proposing its path in the export directory: the proposal or an
 * absolute path as it is, another relative one in the export directory. 0, or -1 (cancelled,
 * or said why). */
int tui_ask_export_path(const char *label, const char *name, char *path, size_t size);
/* The bottom line made from the table's rows marked bottom. */
void tui_draw_keyline(WINDOW *w, int y, int width, const tui_key *keys);

/* Starts (f) or ends (NULL) the key log of STEGVIS_KEYLOG; see draw.c. */
void tui_keylog(FILE *f);
/* Reads one key from w: wide characters as code points, function keys as TK(KEY_...); 0 on
 * timeout (a quarter second, so a signal is noticed). */
int tui_getkey(WINDOW *w);
/* Modal: shows text in a centred box and waits for one of the keys in accept (e.g. "jn");
 * Esc returns TK_ESC. */
int tui_ask(const char *title, const char *text, const char *accept);
/* Modal single-line input; returns 1 and fills out (UTF-8) on Enter, 0 on Esc. */
int tui_prompt(const char *label, char *out, size_t size);
/* Modal list picker; returns the chosen index or -1. */
int tui_pick(const char *title, const char *const *items, int n, int cur);

/* The decision letter and the participant certificate as PDF/A into the export directory
 * (tui/decletter.c); the message gives the full path, or why not. */
void tui_letter_pdf(int64_t participant_id);
void tui_certificate_pdf(int64_t participant_id);

/* Screens. */
tui_screen *tui_list_new(void);
tui_screen *tui_case_new(int64_t participant_id);
tui_screen *tui_help_new(const tui_screen *of);
tui_screen *tui_muni_new(int step);
tui_screen *tui_deadlines_new(void);
tui_screen *tui_decision_new(int64_t participant_id);
tui_screen *tui_checklist_new(void);
tui_screen *tui_history_new(int64_t participant_id, const char *name);
tui_screen *tui_appeal_new(int64_t participant_id, const char *name);   /* a case's appeals (tui/appeal.c) */
tui_screen *tui_guide_new(void);   /* the "first case" guide */
tui_screen *tui_nir_new(void);       /* the NIR worklist (tui/nir.c) */
tui_screen *tui_results_new(void);   /* results against the 70 % target (tui/results.c) */
tui_screen *tui_users_new(void);   /* the registered users (`user list`) */
tui_screen *tui_absclass_new(void);   /* the class day: a course's absence by the hour (tui/absclass.c) */

/* The form for one row of ent. obj is copied (NULL: a blank new row with the given parent).
 * muni and participant give the picker lists for references. */
tui_screen *tui_form_new(const sv_entity *ent, const void *obj, int64_t parent, int64_t participant);
/* Puts the form's cursor on the field with column col (when a finding names it). */
void tui_form_focus(tui_screen *form, const char *col);
/* "saken til Åse Løvås" / "kommunen Fjordvik": whose a form's row is, for its heading and the
 * draft prompt. Returns 0, or -1 when it belongs to no one yet (a new participant). */
int tui_whose(const sv_entity *ent, const void *obj, int64_t participant, char *buf, size_t size);
/* Drafts left by terminals that are gone (tui/drafts.c): collected at start, offered one at a
 * time (returns 1 when a form was opened). tui_session_key is this terminal's pointer key. */
void tui_drafts_collect(void);
int tui_drafts_offer(void);
void tui_drafts_free(void);
const char *tui_session_key(void);
/* Reopens a form from a saved draft (after a dropped connection); NULL if the draft is gone. */
tui_screen *tui_form_resume(const char *draft_key);

/* Text editors: the built-in multi-line one, and $EDITOR (falling back to the built-in). Both
 * return a newly allocated string (caller frees), or NULL when cancelled. */
char *tui_textedit(const char *title, const char *text, size_t max);
char *tui_external_edit(const char *title, const char *text, size_t max);

/* Step texts from templates/steps/N.txt (templates/steps/nn/N.txt when the screens speak
 * nynorsk, falling back to bokmål): sections by heading. Returns 0 or -1 (msg set). */
typedef struct tui_steptext {
    char title[128];
    char *section[5];       /* formål, refleksjon, faglig påfyll, verktøy, tips */
} tui_steptext;
extern const char *const TUI_STEP_SECTION[5];
int tui_steptext_load(int step, tui_steptext *t, char *msg, size_t size);
void tui_steptext_free(tui_steptext *t);
/* Draws a step's texts in a box region; returns rows used. */
int tui_steptext_draw(WINDOW *w, int y, int x, int h, int wd, int step);

/* What changed in the plan since the last decision (tui/decchanges.c): one line of text per
 * change, in labels and dd.mm.åååå; returns the number, or -1 on a database error. */
struct sv_case;
typedef void (*tui_change_emit)(void *ctx, const char *line);
int tui_plan_changes(const struct sv_case *c, tui_change_emit emit, void *ctx);

/* The notification of an issued decision (tui/decnotice.c): its line for the decision screen
 * (returns 1 notified, 0 not yet, -1 unreadable), and recording it (asks the day and how;
 * returns 1 when recorded). */
struct sv_decision;
int tui_notice_line(const struct sv_decision *d, char *buf, size_t size);
int tui_notice_record(const struct sv_decision *d);

/* "Who you are and what you may do" line. */
void tui_whoami(char *buf, size_t size);

#endif
