/* Text as the screens show it, and SQL access to the text functions of core/text.c (the fold,
 * NFC and padding are declared in util.h). Pure functions: the unit tests need no terminal. */
#ifndef SV_TEXT_H
#define SV_TEXT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* Registers sv_search_key(name, fnr) on db; an SQLite result code. */
int sv_text_register(sqlite3 *db);

/* At most this many code points of one grapheme cluster are shown (a terminal cell holds a
 * letter and a few marks; the rest of a longer run of marks is left out). */
#define SV_CLUSTER_MAX 16

/* What character c is shown as: c itself; '?' for a control character a terminal would act on
 * (C0, DEL, C1 such as ESC and CSI) and for the bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069); ' ' for a tab or a line break; 0 for an invisible format
 * character, which is left out (the joiners ZWJ and ZWNJ stay). */
uint32_t sv_uc_shown(uint32_t c);
/* s[0..len) as code points, allocated (caller frees; *n of them, 0-terminated); a byte that is
 * not UTF-8 becomes '?'. */
uint32_t *sv_utf8_to_u32(const char *s, size_t len, size_t *n);
/* Grapheme clusters (what a reader takes for one character: a letter and its marks, an emoji
 * sequence): the start of the one after `at`, and of the one before. */
size_t sv_cluster_next(const uint32_t *s, size_t n, size_t at);
size_t sv_cluster_prev(const uint32_t *s, size_t at);
/* The cluster c[0..len) as it goes to the terminal: each character through sv_uc_shown, then
 * in NFC (a decomposed "Å" shows as one letter); a mark with no letter before it stands on a
 * space. Writes at most cap - 1 code points to out, returns how many, and its columns in *cols
 * (wide CJK and emoji 2, marks 0). */
size_t sv_cluster_shown(const uint32_t *c, size_t len, uint32_t *out, size_t cap, int *cols);
int sv_cluster_cols(const uint32_t *c, size_t len);
/* Columns of a text as the screens show it. */
int sv_u32_cols(const uint32_t *s, size_t n);
int sv_text_cols(const char *utf8);

/* Line breaking by the Unicode rules (UAX #14, libunistring): sv_linebreaks gives for each
 * position what u32_possible_linebreaks says (caller frees). sv_wrap_row fills *r with the row
 * that starts at `at` for `width` columns and returns 1, or 0 at the end of the text: rows end
 * where Unicode allows a break (after a space, after a hyphen, between CJK characters, never
 * inside a word), at a line break (hard = 1), and a word longer than the row is cut between two
 * grapheme clusters. s[start..end) is drawn (cols columns); spaces before next hang past the
 * row and are not drawn. */
typedef struct {
    size_t start, end, next;
    int cols, hard;
} sv_row;
char *sv_linebreaks(const uint32_t *s, size_t n);
int sv_wrap_row(const uint32_t *s, size_t n, const char *brk, size_t at, int width, sv_row *r);

#endif
