/* Error values, allocation and string helpers shared by core/, forms/ and the fronts. */
#include "util.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

void sv_err_clear(sv_err *e)
{
    if (!e) return;
    e->code = SV_OK;
    e->field[0] = '\0';
    e->msg[0] = '\0';
}

int sv_err_set(sv_err *e, int code, const char *field, const char *fmt, ...)
{
    if (!e) return code;
    e->code = code;
    snprintf(e->field, sizeof e->field, "%s", field ? field : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return code;
}

static void oom(void)
{
    fputs("stegvis: tom for minne\n", stderr);
    abort();
}

void *sv_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}

void *sv_xcalloc(size_t n, size_t m)
{
    void *p = calloc(n ? n : 1, m ? m : 1);
    if (!p) oom();
    return p;
}

void *sv_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom();
    return q;
}

char *sv_xstrdup(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *d = sv_xmalloc(n);
    memcpy(d, s ? s : "", n);
    return d;
}

int sv_strcpy(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) return -1;
    memcpy(dst, src, n + 1);
    return 0;
}

long sv_utf8_len(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    long n = 0;
    while (*p) {
        int extra;
        unsigned cp;
        if (*p < 0x80) { extra = 0; cp = *p; }
        else if ((*p & 0xE0) == 0xC0) { extra = 1; cp = *p & 0x1F; }
        else if ((*p & 0xF0) == 0xE0) { extra = 2; cp = *p & 0x0F; }
        else if ((*p & 0xF8) == 0xF0) { extra = 3; cp = *p & 0x07; }
        else return -1;
        p++;
        for (int i = 0; i < extra; i++, p++) {
            if ((*p & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (*p & 0x3F);
        }
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return -1;
        n++;
    }
    return n;
}

void sv_buf_init(sv_buf *b)
{
    b->cap = 256;
    b->len = 0;
    b->s = sv_xmalloc(b->cap);
    b->s[0] = '\0';
}

void sv_buf_addn(sv_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap) b->cap *= 2;
        b->s = sv_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sv_buf_add(sv_buf *b, const char *s)
{
    sv_buf_addn(b, s, strlen(s));
}

void sv_buf_printf(sv_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (b->len + (size_t)n + 1 > b->cap) {
        while (b->len + (size_t)n + 1 > b->cap) b->cap *= 2;
        b->s = sv_xrealloc(b->s, b->cap);
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sv_buf_free(sv_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void sv_now(char buf[20])
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* 16 bytes from the kernel's generator (getrandom(2), which waits until it is seeded). There
 * is no weaker fallback: an id that might repeat would break a UNIQUE decision id, so when the
 * kernel cannot give randomness the program stops with a clear message instead. */
void sv_random_bytes(void *buf, size_t n)
{
    unsigned char *p = buf;
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(p + got, n - got, 0);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            fprintf(stderr, "stegvis: %s (getrandom: %s)\n",
                    _("kan ikke hente tilfeldige tall fra systemet; ingen id er laget og ingenting er lagret"),
                    strerror(r < 0 ? errno : EIO));
            exit(1);
        }
        got += (size_t)r;
    }
}

void sv_uuid(char buf[37])
{
    unsigned char r[16];
    sv_random_bytes(r, sizeof r);
    r[6] = (unsigned char)((r[6] & 0x0F) | 0x40);
    r[8] = (unsigned char)((r[8] & 0x3F) | 0x80);
    snprintf(buf, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
             r[13], r[14], r[15]);
}
