/* The decision screen's fields of a kind's own facts (core/vedtak_kind.c): the type and period
 * of a stop, the period of a leave, the reason and last day of an ordinary ending, and the
 * advance notice (forvaltningsloven § 16) a decision to the participant's disadvantage rests
 * on. Drawn as lines of the decision screen, edited with Enter, kept in its draft. */
#ifndef TUI_DECKIND_H
#define TUI_DECKIND_H

#include <stddef.h>
#include <stdint.h>

#include "../core/util.h"
#include "../core/vedtak.h"

/* The field codes of these lines (the decision screen's own start at 1). */
enum { TDK_STOP_KIND = 100, TDK_FROM, TDK_TO, TDK_END_REASON, TDK_ADVANCE };

typedef struct tui_deckind {
    char stop_kind[14];      /* midlertidig, varig or "" */
    sv_date from, to;        /* SV_NODATE: not given */
    char end_reason[24];     /* a code of SV_CODES_END_REASON or "" */
} tui_deckind;

typedef struct tui_decline {
    int field;
    int warn;                /* drawn as a warning: a field the kind needs is missing */
    char text[400];
} tui_decline;

void tui_deckind_clear(tui_deckind *k);
/* The lines of kind's fields (none for plan, endring, forlengelse, avslag): how many, at most max. */
int tui_deckind_lines(const tui_deckind *k, int64_t pid, const char *kind, tui_decline *out, int max);
/* Edits field of kind (a pick, a date or the advance notice's records): 1 when something changed. */
int tui_deckind_edit(tui_deckind *k, int64_t pid, const char *kind, int field);
/* Sets the kind's own facts of in (only those of its kind, as core reads them). */
void tui_deckind_in(const tui_deckind *k, const char *kind, sv_vedtak_in *in);
/* The draft: lines "key\tvalue\n" added to b, and one read back (1 when the key was one of these). */
void tui_deckind_draft_put(const tui_deckind *k, sv_buf *b);
int tui_deckind_draft_get(tui_deckind *k, const char *key, const char *value);

#endif
