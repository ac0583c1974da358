/* The catalogue exchange file: a header line (SV_CATALOG_MAGIC), a line of column names (the
 * measure's fields from forms/), then one measure per line, values as stored (codes, hours "7.5")
 * with tab, newline, carriage return and backslash escaped. A file from outside is read as
 * hostile: bounded in size, line length and rows, checked for UTF-8 and control characters per
 * field, and every value goes through the same parser and the same validated save as the forms. */
#include "catalog.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../forms/forms.h"
#include "i18n.h"
#include "model.h"
#include "priv.h"

#define ENT (&SV_ENT_MEASURE)

/* Length of the valid UTF-8 sequence at p (1-4), 0 if none starts there. */
static int utf8_seq(const unsigned char *p)
{
    char one[5] = {0};
    int n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
    for (int i = 0; i < n; i++) {
        if (i && (p[i] & 0xC0) != 0x80) return 0;
        one[i] = (char)p[i];
    }
    return n && sv_utf8_len(one) == 1 ? n : 0;
}

/* Makes a message safe for a terminal: a value quoted with a byte limit, or a message cut at the
 * buffer's end, may have split a character (dropped), and a quoted value may hold the tab or
 * newline its escape stood for (written as the escape again) or another control character ('?'). */
static void clean_message(char *s, size_t size)
{
    char out[SV_ERR_MAX];
    size_t o = 0;
    const unsigned char *in = (const unsigned char *)s;
    while (*in) {
        int n = utf8_seq(in);
        const char *put = (const char *)in;
        size_t k = (size_t)n;
        if (!n) { in++; continue; }
        if (*in == '\t') put = "\\t", k = 2;
        else if (*in == '\n') put = "\\n", k = 2;
        else if (*in == '\r') put = "\\r", k = 2;
        else if (*in < 0x20 || *in == 0x7f) put = "?", k = 1;
        if (o + k >= sizeof out || o + k >= size) break;
        memcpy(out + o, put, k);
        o += k;
        in += n;
    }
    out[o] = '\0';
    memcpy(s, out, o + 1);
}

/* A file name fit for a message: at most about 120 bytes, control characters and bytes that are
 * not UTF-8 shown as '?', so a hostile name cannot move the terminal's cursor. */
static void show_name(char *dst, size_t size, const char *name)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)(name ? name : _("Filen"));
    while (*p && o + 5 < size && o < 120) {
        int n = utf8_seq(p);
        if (!n || *p < 0x20 || *p == 0x7f) { dst[o++] = '?'; p++; continue; }
        memcpy(dst + o, p, (size_t)n);
        o += (size_t)n;
        p += n;
    }
    if (*p) { memcpy(dst + o, "...", 3); o += 3; }
    dst[o] = '\0';
}

static void put_escaped(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '\t') fputs("\\t", f);
        else if (*s == '\n') fputs("\\n", f);
        else if (*s == '\r') fputs("\\r", f);
        else if (*s == '\\') fputs("\\\\", f);
        else fputc(*s, f);
    }
}

typedef struct {
    FILE *f;
    int n;
} export_ctx;

static int export_row(const void *obj, void *ctx)
{
    export_ctx *x = ctx;
    for (int i = 0; i < ENT->nfields; i++) {
        char buf[4200];
        sv_field_raw(&ENT->fields[i], obj, buf, sizeof buf);
        if (i) fputc('\t', x->f);
        put_escaped(x->f, buf);
    }
    fputc('\n', x->f);
    x->n++;
    return 0;
}

static int muni_exists(sv_store *st, int64_t muni, sv_err *e)
{
    sv_municipality m;
    if (muni > 0 && sv_row_load(st, &SV_ENT_MUNICIPALITY, muni, &m, e) == SV_OK) return SV_OK;
    return sv_err_set(e, SV_ENOTFOUND, "municipality", _("Kommune: finnes ikke i databasen"));
}

int sv_catalog_export(sv_store *st, int64_t municipality_id, FILE *f, sv_err *e)
{
    if (muni_exists(st, municipality_id, e)) return -1;
    if (sv_store_authorize(st, SV_OP_READ, municipality_id, e)) return -1;
    fprintf(f, "%s\n", SV_CATALOG_MAGIC);
    for (int i = 0; i < ENT->nfields; i++) fprintf(f, "%s%s", i ? "\t" : "", ENT->fields[i].col);
    fputc('\n', f);
    export_ctx x = {f, 0};
    if (sv_row_each(st, ENT, municipality_id, export_row, &x, e) != SV_OK) return -1;
    if (fflush(f) != 0 || ferror(f)) {
        sv_err_set(e, SV_EIO, "out", _("Katalogen kunne ikke skrives (full disk?)"));
        return -1;
    }
    return x.n;
}

int sv_catalog_export_file(sv_store *st, int64_t municipality_id, const char *path, sv_err *e)
{
    char shown[200], tmp[4200];
    show_name(shown, sizeof shown, path);
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        sv_err_set(e, SV_EIO, "out", _("Filnavnet er for langt: %s"), shown);
        return -1;
    }
    int fd = sv_priv_user_open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);   /* the user's file */
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        sv_err_set(e, SV_EIO, "out", _("Kan ikke skrive til %s: %s"), shown, strerror(errno));
        if (fd >= 0) close(fd);
        return -1;
    }
    fchmod(fd, 0600);
    int n = sv_catalog_export(st, municipality_id, f, e);
    if (fclose(f) != 0 && n >= 0) {
        sv_err_set(e, SV_EIO, "out", _("Katalogen kunne ikke skrives (full disk?)"));
        n = -1;
    }
    sv_priv_user_begin();
    int moved = n < 0 || rename(tmp, path) == 0;
    sv_priv_user_end();
    if (!moved) {
        sv_err_set(e, SV_EIO, "out", _("Kan ikke skrive til %s: %s"), shown, strerror(errno));
        n = -1;
    }
    sv_priv_user_begin();
    if (n < 0) unlink(tmp);
    sv_priv_user_end();
    return n;
}

/* The import's state: where in the file, which columns, which names are taken. */
typedef struct {
    sv_store *st;
    int64_t muni;
    const char *name;
    int lineno;
    int colmap[32];
    int ncols;
    char (*seen)[121];   /* folded names: the catalogue's first, then this file's */
    int *seen_line;      /* 0 for a name already in the catalogue, else the file's line */
    int nseen, capseen;
    sv_catalog_report *r;
    sv_err *e;
} import_ctx;

/* Sets e to "<file> linje N: <msg>. Ingenting er importert." and the report's line and field. */
static int fail_at(import_ctx *x, int code, const char *field, const char *msg)
{
    char shown[200];
    show_name(shown, sizeof shown, x->name);
    x->r->line = x->lineno;
    snprintf(x->r->field, sizeof x->r->field, "%s", field ? field : "");
    if (x->lineno)
        sv_err_set(x->e, code, field, _("%s linje %d: %s. Ingenting er importert."), shown, x->lineno, msg);
    else
        sv_err_set(x->e, code, field, _("%s: %s. Ingenting er importert."), shown, msg);
    clean_message(x->e->msg, sizeof x->e->msg);
    return code;
}

static int remember(import_ctx *x, const char *name)
{
    if (x->nseen == x->capseen) {
        x->capseen = x->capseen ? x->capseen * 2 : 64;
        x->seen = sv_xrealloc(x->seen, sizeof *x->seen * (size_t)x->capseen);
        x->seen_line = sv_xrealloc(x->seen_line, sizeof *x->seen_line * (size_t)x->capseen);
    }
    sv_utf8_fold(x->seen[x->nseen], sizeof x->seen[0], name);
    x->seen_line[x->nseen++] = x->lineno;
    return 0;
}

static int seen_at(const import_ctx *x, const char *name)
{
    char fold[121];
    sv_utf8_fold(fold, sizeof fold, name);
    for (int i = 0; i < x->nseen; i++)
        if (!strcmp(x->seen[i], fold)) return i;
    return -1;
}

static int existing_name(const void *obj, void *ctx)
{
    return remember(ctx, ((const sv_measure *)obj)->name);
}

/* The second line: known columns, each once, every required field present. */
static int read_header(import_ctx *x, char *line)
{
    char msg[300];
    x->ncols = 0;
    for (char *p = line;; ) {
        char *tab = strchr(p, '\t');
        if (tab) *tab = '\0';
        const sv_field *fd = sv_entity_field(ENT, p);
        if (!fd) {
            char col[200];
            show_name(col, sizeof col, p);   /* the name as read may hold control characters */
            snprintf(msg, sizeof msg, _("ukjent kolonne «%s» (kjente kolonner er feltene i «stegvis fields measure»)"), col);
            return fail_at(x, SV_EINVAL, NULL, msg);
        }
        int idx = (int)(fd - ENT->fields);
        for (int c = 0; c < x->ncols; c++)
            if (x->colmap[c] == idx) {
                snprintf(msg, sizeof msg, _("kolonnen «%s» står to ganger"), fd->col);
                return fail_at(x, SV_EINVAL, fd->col, msg);
            }
        x->colmap[x->ncols++] = idx;
        if (!tab) break;
        p = tab + 1;
    }
    for (int i = 0; i < ENT->nfields; i++) {
        if (!ENT->fields[i].required) continue;
        int found = 0;
        for (int c = 0; c < x->ncols; c++) found |= x->colmap[c] == i;
        if (!found) {
            snprintf(msg, sizeof msg, _("kolonnen «%s» (%s) mangler, og feltet må fylles ut"), ENT->fields[i].col,
                     _(ENT->fields[i].label));
            return fail_at(x, SV_EINVAL, ENT->fields[i].col, msg);
        }
    }
    return SV_OK;
}

/* Checks one raw field and undoes the escapes in place. */
static int unescape_field(import_ctx *x, const sv_field *fd, char *s)
{
    char msg[300];
    if (sv_utf8_len(s) < 0) {
        snprintf(msg, sizeof msg, _("%s: teksten har ugyldige tegn (ikke UTF-8); lagre filen som UTF-8"), _(fd->label));
        return fail_at(x, SV_EINVAL, fd->col, msg);
    }
    char *o = s;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f) {
            snprintf(msg, sizeof msg, _("%s: kontrolltegn (byte %d) er ikke tillatt"), _(fd->label), c);
            return fail_at(x, SV_EINVAL, fd->col, msg);
        }
        if (c != '\\') { *o++ = *p; continue; }
        switch (*++p) {
        case 'n': *o++ = '\n'; break;
        case 't': *o++ = '\t'; break;
        case 'r': *o++ = '\r'; break;
        case '\\': *o++ = '\\'; break;
        default:
            snprintf(msg, sizeof msg, _("%s: ukjent tegnsekvens etter \\ (bare \\t, \\n, \\r og \\\\ brukes)"),
                     _(fd->label));
            return fail_at(x, SV_EINVAL, fd->col, msg);
        }
    }
    *o = '\0';
    return SV_OK;
}

/* One measure line: parsed, validated, then skipped (name taken) or saved. */
static int import_line(import_ctx *x, char *line)
{
    char msg[SV_ERR_MAX];
    sv_measure m;
    sv_entity_blank(ENT, &m);
    m.m.parent = x->muni;
    char *p = line;
    for (int c = 0; c < x->ncols; c++) {
        char *tab = strchr(p, '\t');
        int last = c + 1 == x->ncols;
        if (!last && !tab) {
            snprintf(msg, sizeof msg, _("for få kolonner (%d av %d)"), c + 1, x->ncols);
            return fail_at(x, SV_EINVAL, NULL, msg);
        }
        if (last && tab) {
            snprintf(msg, sizeof msg, _("for mange kolonner (overskriften har %d)"), x->ncols);
            return fail_at(x, SV_EINVAL, NULL, msg);
        }
        if (tab) *tab = '\0';
        const sv_field *fd = &ENT->fields[x->colmap[c]];
        if (unescape_field(x, fd, p)) return x->e->code;
        if (sv_field_parse(fd, &m, p, x->e) != SV_OK) {
            snprintf(msg, sizeof msg, "%s", x->e->msg);
            return fail_at(x, SV_EINVAL, fd->col, msg);
        }
        if (tab) p = tab + 1;
    }
    if (sv_entity_validate(ENT, &m, x->e) != SV_OK) {
        snprintf(msg, sizeof msg, "%s", x->e->msg);
        return fail_at(x, SV_EINVAL, x->e->field, msg);
    }
    x->r->rows++;
    int at = seen_at(x, m.name);
    if (at >= 0 && x->seen_line[at]) {
        snprintf(msg, sizeof msg, _("%s: «%s» står også på linje %d"), _(ENT->fields[0].label), m.name, x->seen_line[at]);
        return fail_at(x, SV_EINVAL, ENT->fields[0].col, msg);
    }
    if (at >= 0) {
        if (!x->r->skipped++) snprintf(x->r->first_skipped, sizeof x->r->first_skipped, "%s", m.name);
        x->seen_line[at] = x->lineno;   /* a second line with this name is then a duplicate */
        return SV_OK;
    }
    remember(x, m.name);
    if (sv_row_save(x->st, ENT, &m, x->e) != SV_OK) {
        snprintf(msg, sizeof msg, "%s", x->e->msg);
        return fail_at(x, x->e->code, x->e->field, msg);
    }
    x->r->added++;
    return SV_OK;
}

/* Walks the lines of data; the caller holds the transaction. */
static int import_lines(import_ctx *x, const char *data, size_t len)
{
    char msg[300];
    char *line = sv_xmalloc(SV_CATALOG_MAX_LINE + 1);
    size_t pos = 0;
    int rc = SV_OK;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) pos = 3;   /* a byte order mark from a spreadsheet */
    while (pos < len && rc == SV_OK) {
        x->lineno++;
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t n = (nl ? (size_t)(nl - data) : len) - pos;
        const char *start = data + pos;
        pos += n + (nl ? 1 : 0);
        if (n && start[n - 1] == '\r') n--;
        if (n > SV_CATALOG_MAX_LINE) {
            snprintf(msg, sizeof msg, _n("linjen er for lang (%zu byte, høyst %d)", "linjen er for lang (%zu byte, høyst %d)", n), n, SV_CATALOG_MAX_LINE);
            rc = fail_at(x, SV_EINVAL, NULL, msg);
            break;
        }
        if (memchr(start, '\0', n)) {
            rc = fail_at(x, SV_EINVAL, NULL, _("linjen har et NUL-tegn (er det en tekstfil?)"));
            break;
        }
        memcpy(line, start, n);
        line[n] = '\0';
        if (x->lineno == 1) {
            if (strcmp(line, SV_CATALOG_MAGIC) != 0)
                rc = fail_at(x, SV_EINVAL, NULL, _("er ikke en tiltakskatalog fra stegvis (første linje mangler)"));
        } else if (x->lineno == 2) {
            rc = read_header(x, line);
        } else if (line[0]) {
            if (x->r->rows >= SV_CATALOG_MAX_ROWS) {
                snprintf(msg, sizeof msg, _n("filen har flere enn %d tiltak", "filen har flere enn %d tiltak", SV_CATALOG_MAX_ROWS),
                 SV_CATALOG_MAX_ROWS);
                rc = fail_at(x, SV_EINVAL, NULL, msg);
            } else {
                rc = import_line(x, line);
            }
        }
    }
    if (rc == SV_OK && x->lineno < 2)
        rc = fail_at(x, SV_EINVAL, NULL, _("er ikke en tiltakskatalog fra stegvis (første linje mangler)"));
    free(line);
    return rc;
}

int sv_catalog_import(sv_store *st, int64_t municipality_id, const char *data, size_t len, const char *name,
                      sv_catalog_report *report, sv_err *e)
{
    sv_catalog_report scratch;
    sv_catalog_report *r = report ? report : &scratch;
    memset(r, 0, sizeof *r);
    import_ctx x = {.st = st, .muni = municipality_id, .name = name, .r = r, .e = e};
    if (muni_exists(st, municipality_id, e)) return e->code;
    /* Asked first and outside the transaction, so a refusal is audited and nothing is read. */
    if (sv_store_authorize(st, SV_OP_EDIT_MUNICIPAL, municipality_id, e)) return e->code;
    if (len > SV_CATALOG_MAX_BYTES) {
        char msg[200];
        snprintf(msg, sizeof msg, _("filen er for stor (%zu kB, høyst %zu kB)"), len / 1024,
                 SV_CATALOG_MAX_BYTES / 1024);
        return fail_at(&x, SV_EINVAL, NULL, msg);
    }
    if (sv_store_begin(st, e)) return e->code;
    int rc = sv_row_each(st, ENT, municipality_id, existing_name, &x, e);
    if (rc == SV_OK) rc = import_lines(&x, data, len);
    if (rc == SV_OK) rc = sv_store_commit(st, e);
    else sv_store_rollback(st);
    if (rc != SV_OK) r->added = r->skipped = 0;
    free(x.seen);
    free(x.seen_line);
    return rc;
}

int sv_catalog_import_file(sv_store *st, int64_t municipality_id, const char *path, sv_catalog_report *report,
                           sv_err *e)
{
    char shown[200];
    show_name(shown, sizeof shown, path);
    int fd = sv_priv_user_open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK, 0);   /* with the user's own rights */
    if (fd < 0)
    {
        if (errno == ENOENT) return sv_err_set(e, SV_ENOTFOUND, "file", _("Fant ikke filen %s."), shown);
        return sv_err_set(e, SV_EIO, "file", _("Kan ikke åpne %s: %s"), shown, strerror(errno));
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return sv_err_set(e, SV_EINVAL, "file", _("%s er ikke en vanlig fil."), shown);
    }
    if ((size_t)sb.st_size > SV_CATALOG_MAX_BYTES) {
        close(fd);
        return sv_err_set(e, SV_EINVAL, "file", _("%s er for stor (%lld kB, høyst %zu kB). Ingenting er importert."),
                          shown, (long long)sb.st_size / 1024, SV_CATALOG_MAX_BYTES / 1024);
    }
    /* Read up to one byte past the limit: a file that grows after fstat is still caught. */
    char *buf = sv_xmalloc(SV_CATALOG_MAX_BYTES + 1);
    size_t len = 0;
    ssize_t got;
    while (len <= SV_CATALOG_MAX_BYTES &&
           (got = read(fd, buf + len, SV_CATALOG_MAX_BYTES + 1 - len)) != 0) {
        if (got < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            close(fd);
            free(buf);
            return sv_err_set(e, SV_EIO, "file", _("Kan ikke lese %s: %s"), shown, strerror(err));
        }
        len += (size_t)got;
    }
    close(fd);
    int rc = sv_catalog_import(st, municipality_id, buf, len, path, report, e);
    free(buf);
    return rc;
}
