/* Small helpers every module uses: the error value that carries a Norwegian message to the
 * user, allocation that never returns NULL, and a growable string buffer. */
#ifndef SV_UTIL_H
#define SV_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define SV_ERR_MAX 512

/* Status codes returned by core functions. The message for the user is in sv_err. */
enum {
    SV_OK = 0,
    SV_EINVAL = 1,   /* bad input: the message names the field and what is expected */
    SV_ECONFLICT,    /* a colleague saved a newer version */
    SV_EDENIED,      /* the user's role does not allow it */
    SV_ENOTFOUND,
    SV_EDB,          /* the database failed (locked, full, corrupt, read-only) */
    SV_EIO
};

typedef struct sv_err {
    int code;
    char field[48];          /* column name of the field at fault, "" if none */
    char msg[SV_ERR_MAX];    /* Norwegian, for the user */
} sv_err;

void sv_err_clear(sv_err *e);
/* Sets code, field (may be NULL) and a printf-style message; returns code. */
int sv_err_set(sv_err *e, int code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

void *sv_xmalloc(size_t n);           /* aborts with a message on out of memory */
void *sv_xcalloc(size_t n, size_t m);
void *sv_xrealloc(void *p, size_t n);
char *sv_xstrdup(const char *s);      /* caller frees */

/* Copies src into dst[size]; returns 0, or -1 if src does not fit (dst then untouched). */
int sv_strcpy(char *dst, size_t size, const char *src);

/* Number of characters (UTF-8 code points) in s; -1 if s is not valid UTF-8. */
long sv_utf8_len(const char *s);
/* The search fold (core/text.c, libunistring): case-folded, compatibility-decomposed, without
 * diacritics, and the letters a Norwegian keyboard user types plainly (ø o, æ ae, ł l, ı i ...),
 * so "sahin" matches "Şahin", "lovas" "Løvås", "олена" "Олена", and NFD text its NFC form. Cut
 * at a character boundary to fit size. */
void sv_utf8_fold(char *dst, size_t size, const char *src);
/* s in Unicode normalisation form C, allocated (caller frees); NULL if s is not UTF-8. */
char *sv_utf8_nfc(const char *s);
/* Terminal columns of a UTF-8 string (wide characters 2, combining marks 0), and of one code
 * point (-1 for a control character, as wcwidth). The screens measure text with these. */
int sv_utf8_width(const char *s);
int sv_uc_width(unsigned int c);
/* A participant's search key: the folded name and the identity number (what the list's search
 * matches against). */
void sv_search_key(const char *name, const char *fnr, char *key, size_t size);

typedef struct sv_buf {
    char *s;
    size_t len, cap;
} sv_buf;

void sv_buf_init(sv_buf *b);
void sv_buf_add(sv_buf *b, const char *s);
void sv_buf_addn(sv_buf *b, const char *s, size_t n);
void sv_buf_printf(sv_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sv_buf_free(sv_buf *b);

/* Current time as "YYYY-MM-DD HH:MM:SS" (local time) into buf[20]. */
void sv_now(char buf[20]);
/* Who is at the keyboard: the login name of the real user id, from the operating system
 * (core/identity.c). Nothing the caller can set changes it in the shipped program. A uid
 * without a passwd entry gets "#UID", which can never be registered. */
const char *sv_login(void);
/* Forgets the cached login so the next sv_login() reads it again (tests switch users). */
void sv_login_reset(void);
/* Test builds only (compiled with -DSV_TEST_IDENTITY, never shipped): act as login (NULL:
 * the real one again). The test build also honours STEGVIS_USER. */
void sv_test_set_login(const char *login);
/* A random RFC 4122 version 4 UUID into buf[37]. */
void sv_uuid(char buf[37]);
/* Fills buf with n bytes from getrandom(2); exits with a clear message if the kernel cannot. */
void sv_random_bytes(void *buf, size_t n);



/* Writes s into buf padded with spaces (or cut at a character boundary) to exactly width
 * terminal columns, as the terminal shows them (wide characters take two, combining marks
 * none). Returns buf. */
char *sv_utf8_pad(char *buf, size_t size, const char *s, int width);
#endif
