/* The one place where a field's input is parsed, validated and formatted. */
#include "entity.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "date.h"
#include "fnr.h"
#include "i18n.h"

#define FPTR(f, obj) ((char *)(obj) + (f)->off)

const sv_field *sv_entity_field(const sv_entity *ent, const char *col)
{
    for (int i = 0; i < ent->nfields; i++)
        if (strcmp(ent->fields[i].col, col) == 0) return &ent->fields[i];
    return NULL;
}

const char *sv_code_label(const sv_code *codes, const char *code)
{
    for (const sv_code *c = codes; c && c->code; c++)
        if (strcmp(c->code, code) == 0) return _(c->label);
    return code;
}

int sv_code_valid(const sv_code *codes, const char *code)
{
    for (const sv_code *c = codes; c && c->code; c++)
        if (strcmp(c->code, code) == 0) return 1;
    return 0;
}

static void code_list(const sv_code *codes, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (const sv_code *c = codes; c && c->code && n + 1 < size; c++) {
        int w = snprintf(buf + n, size - n, "%s%s", n ? ", " : "", c->code);
        if (w < 0 || (size_t)w >= size - n) break;
        n += (size_t)w;
    }
}

/* Strict integer parse: optional sign, digits, nothing else. */
static int parse_long(const char *s, long *out)
{
    char *end;
    while (*s == ' ') s++;
    if (!*s) return -1;
    errno = 0;
    long v = strtol(s, &end, 10);
    while (*end == ' ') end++;
    if (errno || *end) return -1;
    *out = v;
    return 0;
}

/* "37,5" / "37.5" / "37" into tenths. At most one decimal. */
static int parse_tenths(const char *s, long *out)
{
    long whole = 0, frac = 0;
    int nd = 0, nf = 0, seen_sep = 0;
    while (*s == ' ') s++;
    for (; *s && *s != ' '; s++) {
        if (*s >= '0' && *s <= '9') {
            if (!seen_sep) {
                if (++nd > 6) return -1;
                whole = whole * 10 + (*s - '0');
            } else {
                if (++nf > 1) return -1;
                frac = *s - '0';
            }
        } else if ((*s == ',' || *s == '.') && !seen_sep) {
            seen_sep = 1;
        } else {
            return -1;
        }
    }
    while (*s == ' ') s++;
    if (*s || nd == 0 || (seen_sep && nf == 0)) return -1;
    *out = whole * 10 + frac;
    return 0;
}

static int is_true(const char *s)
{
    return !strcmp(s, _("ja")) || !strcmp(s, "ja") || !strcmp(s, "j") || !strcmp(s, "1") || !strcmp(s, "yes") ||
           !strcmp(s, "true") || !strcmp(s, "Ja");
}

static int is_false(const char *s)
{
    return !strcmp(s, _("nei")) || !strcmp(s, "nei") || !strcmp(s, "n") || !strcmp(s, "0") || !strcmp(s, "no") ||
           !strcmp(s, "false") || !strcmp(s, "Nei") || !*s;
}

static void hours_text(long tenths, char *buf, size_t size, char sep)
{
    if (tenths % 10) snprintf(buf, size, "%ld%c%ld", tenths / 10, sep, tenths % 10);
    else snprintf(buf, size, "%ld", tenths / 10);
}

int sv_is_control_char(uint32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)   /* C0, DEL and C1 (general category Cc) */
           || c == 0x061c || c == 0x200e || c == 0x200f   /* the marks of property Bidi_Control */
           || (c >= 0x202a && c <= 0x202e)                /* embeddings and overrides */
           || (c >= 0x2066 && c <= 0x2069);               /* isolates */
}

int sv_text_controls_check(const char *col, const char *label, const char *text, int lines, sv_err *e)
{
    const uint8_t *p = (const uint8_t *)text, *end = p + strlen(text);
    while (p < end) {
        ucs4_t c;
        int len = u8_mbtouc(&c, p, (size_t)(end - p));
        p += len > 0 ? len : 1;
        if ((c == '\n' || c == '\t') && lines) continue;   /* the text fields of several lines */
        if (c == '\n')
            return sv_err_set(e, SV_EINVAL, col, _("%s: teksten har kontrolltegn%s"), label,
                              _(" (linjeskift er ikke tillatt her)"));
        if (sv_is_control_char((uint32_t)c))
            return sv_err_set(e, SV_EINVAL, col,
                              _("%s: inneholder et kontrolltegn (U+%04X) – skriv bare vanlige bokstaver, tall og skilletegn"),
                              label, (unsigned)c);
    }
    return SV_OK;
}

/* Text as typed: UTF-8, within the field's size, and no control character, neither C0/C1 nor
 * the invisible ones that turn the direction of what follows (a name "Ali\u202Eevol" shows as
 * "Alilove" on screen and in letters but is stored, searched and sent to NIR as typed); a tab
 * and line breaks only in the fields of several lines. */
static int check_text(const sv_field *f, const char *text, sv_err *e)
{
    long chars = sv_utf8_len(text);
    if (chars < 0)
        return sv_err_set(e, SV_EINVAL, f->col, _("%s: teksten har ugyldige tegn (ikke UTF-8)"),
                          _(f->label));
    if (strlen(text) >= f->size)
        return sv_err_set(e, SV_EINVAL, f->col, 
                          _n("%s: for lang tekst (%ld tegn, høyst %zu)", "%s: for lang tekst (%ld tegn, høyst %zu)", chars),
                          _(f->label), chars, f->size - 1);
    return sv_text_controls_check(f->col, _(f->label), text, f->type == SV_F_LONGTEXT, e);
}

/* The user's text for a message: at most 40 bytes cut at a character boundary (the messages
 * print it with %.40s); tab and line breaks written as \t, \n, \r, other control characters
 * and broken UTF-8 as '?', so a value can never break the message line. */
static const char *shown(const char *text, char buf[48])
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        size_t len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
        size_t i = 1;
        while (len && i < len && (p[i] & 0xC0) == 0x80) i++;
        if (len == 1 && (*p == '\t' || *p == '\n' || *p == '\r')) {   /* shown as \t, \n, \r */
            if (n + 2 > 40) break;
            buf[n++] = '\\';
            buf[n++] = *p == '\t' ? 't' : *p == '\n' ? 'n' : 'r';
            p++;
            continue;
        }
        if (!len || i < len || (len == 1 && (*p < 0x20 || *p == 0x7f))) {
            if (n + 1 > 40) break;
            buf[n++] = '?';
            p += len && i < len ? i : 1;
            continue;
        }
        if (n + len > 40) break;
        memcpy(buf + n, p, len);
        n += len;
        p += len;
    }
    buf[n] = '\0';
    return buf;
}

int sv_field_parse(const sv_field *f, void *obj, const char *text, sv_err *e)
{
    char *p = FPTR(f, obj);
    char q[48];
    switch (f->type) {
    case SV_F_TEXT:
    case SV_F_LONGTEXT: {
        /* stored in NFC, however it was typed or pasted (one spelling of "Åse", not two) */
        if (sv_utf8_len(text) < 0) return check_text(f, text, e);
        char *nfc = sv_utf8_nfc(text);
        if (!nfc) return check_text(f, text, e);
        int rc = check_text(f, nfc, e);
        if (rc == SV_OK) memcpy(p, nfc, strlen(nfc) + 1);
        free(nfc);
        return rc;
    }
    case SV_F_DATE: {
        sv_date d;
        if (sv_date_parse(text, &d) != 0)
            return sv_err_set(e, SV_EINVAL, f->col,
                              _("%s: «%.40s» er ikke en gyldig dato (skriv dd.mm.åååå, f.eks. 27.11.2026)"),
                              _(f->label), shown(text, q));
        memcpy(p, &d, sizeof d);
        return SV_OK;
    }
    case SV_F_INT: {
        long v;
        if (!*text) { int z = 0; memcpy(p, &z, sizeof z); return SV_OK; }
        if (parse_long(text, &v) != 0)
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: «%.40s» er ikke et helt tall"), _(f->label), shown(text, q));
        if (v < f->min || v > f->max)
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: må være mellom %ld og %ld (fikk %ld)"),
                              _(f->label), f->min, f->max, v);
        int iv = (int)v;
        memcpy(p, &iv, sizeof iv);
        return SV_OK;
    }
    case SV_F_HOURS: {
        long v;
        if (!*text) { int z = 0; memcpy(p, &z, sizeof z); return SV_OK; }
        if (parse_tenths(text, &v) != 0)
            return sv_err_set(e, SV_EINVAL, f->col,
                              _("%s: «%.40s» er ikke et antall timer (skriv f.eks. 37,5)"), _(f->label), shown(text, q));
        if (v < f->min || v > f->max) {
            char lo[32], hi[32];
            hours_text(f->min, lo, sizeof lo, ',');
            hours_text(f->max, hi, sizeof hi, ',');
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: må være mellom %s og %s timer per uke"),
                              _(f->label), lo, hi);
        }
        int iv = (int)v;
        memcpy(p, &iv, sizeof iv);
        return SV_OK;
    }
    case SV_F_BOOL: {
        int v;
        if (is_true(text)) v = 1;
        else if (is_false(text)) v = 0;
        else return sv_err_set(e, SV_EINVAL, f->col, _("%s: svar ja eller nei"), _(f->label));
        memcpy(p, &v, sizeof v);
        return SV_OK;
    }
    case SV_F_CODE: {
        const char *code = text;
        for (const sv_code *c = f->codes; c && c->code; c++)
            if (!strcmp(c->label, text) || !strcmp(_(c->label), text)) code = c->code;
        if (*code && !sv_code_valid(f->codes, code)) {
            char list[256];
            code_list(f->codes, list, sizeof list);
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: «%.40s» er ikke et gyldig valg (velg en av: %s)"),
                              _(f->label), shown(text, q), list);
        }
        if (strlen(code) >= f->size)
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: ugyldig verdi"), _(f->label));
        memcpy(p, code, strlen(code) + 1);
        return SV_OK;
    }
    case SV_F_FNR:
        if (*text && sv_fnr_check(text, NULL, NULL, e) != SV_OK) return e->code;
        if (strlen(text) >= f->size) return sv_err_set(e, SV_EINVAL, f->col, _("%s: for langt"), _(f->label));
        memcpy(p, text, strlen(text) + 1);
        return SV_OK;
    case SV_F_KOMMNR:
        if (*text && (strlen(text) != 4 || strspn(text, "0123456789") != 4))
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: må være fire siffer (f.eks. 0301)"), _(f->label));
        memcpy(p, text, strlen(text) + 1);
        return SV_OK;
    case SV_F_POSTNR:
        if (*text && (strlen(text) != 4 || strspn(text, "0123456789") != 4))
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: må være et norsk postnummer på fire siffer (f.eks. 5003)"),
                              _(f->label));
        memcpy(p, text, strlen(text) + 1);
        return SV_OK;
    case SV_F_REF: {
        long v;
        if (!*text) { int64_t z = 0; memcpy(p, &z, sizeof z); return SV_OK; }
        if (parse_long(text, &v) != 0 || v <= 0)
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: oppgi et løpenummer (et positivt tall)"),
                              _(f->label));
        int64_t iv = v;
        memcpy(p, &iv, sizeof iv);
        return SV_OK;
    }
    }
    return sv_err_set(e, SV_EINVAL, f->col, _("%s: ukjent felttype"), _(f->label));
}

static char *format(const sv_field *f, const void *obj, char *buf, size_t size, int human, int label)
{
    const char *p = (const char *)obj + f->off;
    buf[0] = '\0';
    switch (f->type) {
    case SV_F_TEXT:
    case SV_F_LONGTEXT:
    case SV_F_FNR:
    case SV_F_KOMMNR:
    case SV_F_POSTNR:
        snprintf(buf, size, "%s", p);
        break;
    case SV_F_CODE:
        snprintf(buf, size, "%s", label && *p ? sv_code_label(f->codes, p) : p);
        break;
    case SV_F_DATE: {
        sv_date d;
        char t[11];
        memcpy(&d, p, sizeof d);
        if (human) sv_date_nor(d, t);
        else sv_date_iso(d, t);
        snprintf(buf, size, "%s", t);
        break;
    }
    case SV_F_INT: {
        int v;
        memcpy(&v, p, sizeof v);
        snprintf(buf, size, "%d", v);
        break;
    }
    case SV_F_HOURS: {
        int v;
        memcpy(&v, p, sizeof v);
        hours_text(v, buf, size, human ? ',' : '.');
        break;
    }
    case SV_F_BOOL: {
        int v;
        memcpy(&v, p, sizeof v);
        snprintf(buf, size, "%s", v ? _("ja") : _("nei"));
        break;
    }
    case SV_F_REF: {
        int64_t v;
        memcpy(&v, p, sizeof v);
        if (v) snprintf(buf, size, "%" PRId64, v);
        break;
    }
    }
    return buf;
}

char *sv_field_format(const sv_field *f, const void *obj, char *buf, size_t size, int label)
{
    return format(f, obj, buf, size, 1, label);
}

char *sv_field_raw(const sv_field *f, const void *obj, char *buf, size_t size)
{
    return format(f, obj, buf, size, 0, 0);
}

int sv_field_is_empty(const sv_field *f, const void *obj)
{
    const char *p = (const char *)obj + f->off;
    switch (f->type) {
    case SV_F_DATE: {
        sv_date d;
        memcpy(&d, p, sizeof d);
        return d == SV_NODATE;
    }
    case SV_F_REF: {
        int64_t v;
        memcpy(&v, p, sizeof v);
        return v == 0;
    }
    case SV_F_INT:
    case SV_F_HOURS:
    case SV_F_BOOL:
        return 0;
    default:
        return p[0] == '\0';
    }
}

int sv_field_validate(const sv_field *f, const void *obj, sv_err *e)
{
    if (sv_field_is_empty(f, obj)) {
        if (f->required)
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: må fylles ut"), _(f->label));
        return SV_OK;
    }
    /* Re-parse the formatted value: one path for limits, codes and identity numbers. */
    char buf[4200];
    sv_field_raw(f, obj, buf, sizeof buf);
    void *copy = sv_xmalloc(f->off + (f->type == SV_F_TEXT || f->type == SV_F_LONGTEXT ||
                                      f->type == SV_F_CODE || f->type == SV_F_FNR ||
                                      f->type == SV_F_KOMMNR || f->type == SV_F_POSTNR ? f->size : 8));
    int rc = sv_field_parse(f, copy, buf, e);
    free(copy);
    return rc;
}

int sv_entity_validate(const sv_entity *ent, const void *obj, sv_err *e)
{
    for (int i = 0; i < ent->nfields; i++)
        if (sv_field_validate(&ent->fields[i], obj, e) != SV_OK) return e->code;
    if (ent->check) return ent->check(ent, obj, e);
    return SV_OK;
}
