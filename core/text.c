/* Unicode text through GNU libunistring: the search fold, NFC normalisation, display width
 * and padding. One definition each, used by the store, the list, the command line and the
 * screens. */
#include "text.h"
#include "util.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
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

char *sv_utf8_pad(char *buf, size_t size, const char *s, int width)
{
    size_t n = 0;
    int cols = 0;
    const uint8_t *p = (const uint8_t *)s;
    size_t left = strlen(s);
    while (left && size) {
        ucs4_t c;
        int len = u8_mbtouc(&c, p, left);
        int w = c == 0xFFFD && len == 1 ? 1 : uc_width(c, "UTF-8");
        if (w < 0) w = 1;
        if (cols + w > width || n + (size_t)len + 1 >= size) break;
        memcpy(buf + n, p, (size_t)len);
        n += (size_t)len;
        p += len;
        left -= (size_t)len;
        cols += w;
    }
    while (cols < width && n + 1 < size) {
        buf[n++] = ' ';
        cols++;
    }
    if (size) buf[n] = '\0';
    return buf;
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
