/* Unicode text through GNU libunistring: the search fold, NFC normalisation, and text as a
 * terminal shows it (what is shown, grapheme clusters, display width, padding, line breaking).
 * One definition each, used by the store, the list, the command line and the screens. */
#include "text.h"
#include "util.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

/* Letters with no decomposition that a Norwegian keyboard user types without their stroke or
 * as two letters (already lower-case: the fold case-folds first). */
static const char *plain_letter(ucs4_t c)
{
    switch (c) {
    case 0x00F8: return "o";  /* ø */
    case 0x00E6: return "ae"; /* æ */
    case 0x0153: return "oe"; /* œ */
    case 0x0142: return "l";  /* ł */
    case 0x0111: return "d";  /* đ */
    case 0x00F0: return "d";  /* ð */
    case 0x00FE: return "th"; /* þ */
    case 0x0131: return "i";  /* dotless ı */
    case 0x0127: return "h";  /* ħ */
    case 0x0167: return "t";  /* ŧ */
    case 0x0180: return "b";  /* ƀ */
    case 0x01B6: return "z";  /* ƶ */
    default: return NULL;
    }
}

static void ascii_lower(char *dst, size_t size, const char *src)
{
    size_t i = 0;
    for (; src[i] && i + 1 < size; i++) dst[i] = (char)(src[i] >= 'A' && src[i] <= 'Z' ? src[i] + 32 : src[i]);
    dst[i] = '\0';
}

void sv_utf8_fold(char *dst, size_t size, const char *src)
{
    if (size == 0) return;
    size_t n = 0;
    /* case fold, then compatibility decomposition: "Å" -> "a" + ring, "ﬁ" -> "fi", "ß" -> "ss" */
    uint8_t *f = u8_casefold((const uint8_t *)src, strlen(src), NULL, UNINORM_NFKD, NULL, &n);
    if (!f) { /* not UTF-8: what can be folded safely */
        ascii_lower(dst, size, src);
        return;
    }
    size_t o = 0;
    const uint8_t *p = f, *end = f + n;
    while (p < end) {
        ucs4_t c;
        int len = u8_mbtouc(&c, p, (size_t)(end - p));
        const uint8_t *ch = p;
        p += len;
        if (uc_is_general_category(c, UC_CATEGORY_M)) continue; /* the diacritics */
        const char *plain = plain_letter(c);
        size_t add = plain ? strlen(plain) : (size_t)len;
        if (o + add + 1 > size) break; /* never half a character */
        memcpy(dst + o, plain ? (const uint8_t *)plain : ch, add);
        o += add;
    }
    dst[o] = '\0';
    free(f);
}

char *sv_utf8_nfc(const char *s)
{
    size_t n = 0;
    uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s), NULL, &n);
    if (!r) return NULL;
    char *out = sv_xmalloc(n + 1);
    memcpy(out, r, n);
    out[n] = '\0';
    free(r);
    return out;
}

int sv_utf8_width(const char *s)
{
    return u8_strwidth((const uint8_t *)s, "UTF-8");
}

int sv_uc_width(unsigned int c)
{
    return uc_width((ucs4_t)c, "UTF-8");
}

void sv_search_key(const char *name, const char *fnr, char *key, size_t size)
{
    char fold[256];
    sv_utf8_fold(fold, sizeof fold, name ? name : "");
    snprintf(key, size, "%s %s", fold, fnr ? fnr : "");
}

/* sv_search_key(name, fnr) in SQL, for the migration that re-folds the stored keys. */
static void fn_search_key(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    char key[300];
    sv_search_key((const char *)sqlite3_value_text(argv[0]), (const char *)sqlite3_value_text(argv[1]), key,
                  sizeof key);
    sqlite3_result_text(cx, key, -1, SQLITE_TRANSIENT);
}

int sv_text_register(sqlite3 *db)
{
    return sqlite3_create_function(db, "sv_search_key", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, fn_search_key, NULL, NULL);
}

/* ---- Text on a terminal: what the screens show, how wide it is, where its lines break ---- */

/* What a character is shown as on a screen: itself, '?' for one a terminal would act on instead
 * of showing (C0 and C1 controls such as ESC and CSI, and the bidirectional embeddings,
 * overrides and isolates, U+202A-U+202E and U+2066-U+2069, which reorder the text after them:
 * a name could make the identity number beside it read backwards), ' ' for a tab or a line
 * break, and 0 (left out) for the invisible format characters other than the joiners (ZWJ and
 * ZWNJ stay: Persian names and emoji sequences need them). */
uint32_t sv_uc_shown(uint32_t c)
{
    if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) return ' ';
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return '?';
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return '?';
    if (c == 0x200C || c == 0x200D) return c;
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return '?';
    if (uc_is_general_category((ucs4_t)c, UC_CATEGORY_Cf)) return 0;
    return c;
}

uint32_t *sv_utf8_to_u32(const char *s, size_t len, size_t *n)
{
    uint32_t *out = sv_xmalloc(sizeof(uint32_t) * (len + 1));
    size_t k = 0;
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    while (p < end) {
        ucs4_t c;
        int l = u8_mbtouc(&c, p, (size_t)(end - p));
        if (c == 0xFFFD && !(l == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD)) c = '?'; /* a broken byte */
        out[k++] = c;
        p += l;
    }
    out[k] = 0;
    *n = k;
    return out;
}

/* An emoji joined to the one before by ZWJ belongs to its cluster (rule GB11 of UAX #29, which
 * libunistring 1.0 does not apply). */
static int joined(const uint32_t *s, size_t at)
{
    return at > 0 && s[at - 1] == 0x200D && uc_is_property_extended_pictographic((ucs4_t)s[at]);
}

size_t sv_cluster_next(const uint32_t *s, size_t n, size_t at)
{
    if (at >= n) return n;
    size_t k = (size_t)(u32_grapheme_next(s + at, s + n) - s);
    while (k < n && joined(s, k)) k = (size_t)(u32_grapheme_next(s + k, s + n) - s);
    return k;
}

size_t sv_cluster_prev(const uint32_t *s, size_t at)
{
    if (at == 0) return 0;
    size_t k = (size_t)(u32_grapheme_prev(s + at, s) - s);
    while (k > 0 && joined(s, k)) k = (size_t)(u32_grapheme_prev(s + k, s) - s);
    return k;
}

size_t sv_cluster_shown(const uint32_t *c, size_t len, uint32_t *out, size_t cap, int *cols)
{
    *cols = 0;
    if (len == 1 && c[0] < 0x300 && cap >= 2) { /* the common case: no mark, no normalisation */
        uint32_t v = sv_uc_shown(c[0]);
        if (!v) return 0;
        out[0] = v;
        *cols = 1;
        return 1;
    }
    uint32_t tmp[SV_CLUSTER_MAX];
    size_t k = 0;
    for (size_t i = 0; i < len && k < SV_CLUSTER_MAX; i++) {
        uint32_t v = sv_uc_shown(c[i]);
        if (v) tmp[k++] = v;
    }
    *cols = 0;
    if (k == 0 || cap < 2) return 0;
    /* NFC: a name stored or typed decomposed ("A" + ring) shows as one "Å", as terminals and
     * fonts expect */
    size_t m = cap - 1;
    uint32_t *nfc = u32_normalize(UNINORM_NFC, tmp, k, out + 1, &m);
    if (!nfc) { memcpy(out + 1, tmp, sizeof(uint32_t) * (k < cap - 1 ? k : cap - 1)); m = k < cap - 1 ? k : cap - 1; }
    else if (nfc != out + 1) { /* longer than out: keep what fits */
        m = m < cap - 1 ? m : cap - 1;
        memcpy(out + 1, nfc, sizeof(uint32_t) * m);
        free(nfc);
    }
    int w = 0;
    for (size_t i = 0; i < m; i++) {
        int cw = uc_width((ucs4_t)out[1 + i], "UTF-8");
        w += cw > 0 ? cw : 0;
    }
    if (uc_width((ucs4_t)out[1], "UTF-8") <= 0) { /* a mark with no letter before it: on a space */
        out[0] = ' ';
        *cols = w + 1;
        return m + 1;
    }
    memmove(out, out + 1, sizeof(uint32_t) * m);
    *cols = w;
    return m;
}

int sv_cluster_cols(const uint32_t *c, size_t len)
{
    uint32_t buf[SV_CLUSTER_MAX + 1];
    int cols;
    sv_cluster_shown(c, len, buf, sizeof buf / sizeof buf[0], &cols);
    return cols;
}

int sv_u32_cols(const uint32_t *s, size_t n)
{
    int cols = 0;
    for (size_t i = 0; i < n;) {
        size_t j = sv_cluster_next(s, n, i);
        cols += sv_cluster_cols(s + i, j - i);
        i = j;
    }
    return cols;
}

int sv_text_cols(const char *s)
{
    size_t n;
    uint32_t *u = sv_utf8_to_u32(s, strlen(s), &n);
    int cols = sv_u32_cols(u, n);
    free(u);
    return cols;
}

char *sv_linebreaks(const uint32_t *s, size_t n)
{
    char *brk = sv_xmalloc(n + 1);
    if (n) u32_possible_linebreaks(s, n, "UTF-8", brk);
    brk[n] = UC_BREAK_PROHIBITED;
    return brk;
}

static int is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || (c >= 0x2000 && c <= 0x200A && c != 0x2007);
}

int sv_wrap_row(const uint32_t *s, size_t n, const char *brk, size_t at, int width, sv_row *r)
{
    if (at >= n) return 0;
    if (width < 1) width = 1;
    r->start = at;
    r->hard = 0;
    size_t j = at, last = 0;   /* last: where the row may end by the rules of line breaking */
    int cols = 0, last_cols = 0, content = 0;
    size_t content_end = at;
    for (;;) {
        if (j >= n) { r->end = content_end; r->next = n; r->cols = content; return 1; }
        if (brk[j] == UC_BREAK_MANDATORY || brk[j] == UC_BREAK_CR_BEFORE_LF) {
            r->end = content_end;
            r->next = j + (brk[j] == UC_BREAK_CR_BEFORE_LF ? 2 : 1);
            r->cols = content;
            r->hard = 1;
            return 1;
        }
        if (j > at && (brk[j] == UC_BREAK_POSSIBLE || brk[j] == UC_BREAK_HYPHENATION)) {
            last = j;
            last_cols = content;
        }
        size_t k = sv_cluster_next(s, n, j);
        int cw = sv_cluster_cols(s + j, k - j);
        if (is_space(s[j])) { /* spaces at the end of a row hang past it, undrawn */
            cols += cw;
            j = k;
            continue;
        }
        if (cols + cw > width) {
            if (last > at) {          /* at the last break opportunity */
                r->next = last;
                r->end = last;
                r->cols = last_cols;
            } else if (j > at) {       /* a word longer than the row: cut between two characters */
                r->next = r->end = j;
                r->cols = content;
            } else {                   /* one character wider than the row */
                r->next = r->end = k;
                r->cols = cw;
            }
            while (r->end > at && is_space(s[r->end - 1])) r->end--;
            return 1;
        }
        cols += cw;
        content = cols;
        j = k;
        content_end = j;
    }
}

/* Padding for the command line's columns: clusters as the screens show them (no control
 * character reaches the terminal, NFC), never half a cluster. */
char *sv_utf8_pad(char *buf, size_t size, const char *s, int width)
{
    if (size == 0) return buf;
    size_t n = 0, len;
    int cols = 0;
    uint32_t *u = sv_utf8_to_u32(s, strlen(s), &len);
    for (size_t i = 0; i < len;) {
        size_t k = sv_cluster_next(u, len, i);
        uint32_t shown[SV_CLUSTER_MAX + 1];
        int cw;
        size_t m = sv_cluster_shown(u + i, k - i, shown, sizeof shown / sizeof shown[0], &cw);
        i = k;
        uint8_t bytes[4 * (SV_CLUSTER_MAX + 1)];
        size_t nb = 0;
        for (size_t q = 0; q < m; q++) nb += (size_t)u8_uctomb(bytes + nb, (ucs4_t)shown[q], 4);
        if (cols + cw > width || n + nb + 1 > size) break;
        memcpy(buf + n, bytes, nb);
        n += nb;
        cols += cw;
    }
    free(u);
    while (cols < width && n + 1 < size) {
        buf[n++] = ' ';
        cols++;
    }
    buf[n] = '\0';
    return buf;
}
