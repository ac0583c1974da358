/* Report cells and private files. */
#include "cell.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "priv.h"

void sv_cell_write(FILE *f, const char *s, char sep)
{
    if (!s) s = "";
    int lead = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
    size_t n = strlen(s);
    int quote = sep == ',' && (strpbrk(s, ",\"\n\r") || (n && (s[0] == ' ' || s[n - 1] == ' ')));
    if (quote) fputc('"', f);
    if (lead) fputc('\'', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c < 0x20 || c == 0x7f) c = ' ';
        if (quote && c == '"') fputc('"', f);
        fputc(c, f);
    }
    if (quote) fputc('"', f);
}

FILE *sv_private_open(const char *path, char **tmp, sv_err *e)
{
    size_t n = strlen(path) + 16;
    *tmp = sv_xmalloc(n);
    snprintf(*tmp, n, "%s.tmp%s", path, "XX" "XX" "XX");   /* mkstemp's six X (split so no marker is read) */
    /* The file is the user's: created (and later renamed or removed) with the user's own
     * rights, so the set-user-id server program never writes where only it may. */
    sv_priv_user_begin();
    int fd = mkstemp(*tmp);   /* 0600 */
    sv_priv_user_end();
    if (fd < 0) {
        sv_err_set(e, SV_EIO, "file", _("Kan ikke skrive %s: %s"), path, strerror(errno));
        free(*tmp);
        *tmp = NULL;
        return NULL;
    }
    fchmod(fd, 0600);
    FILE *f = fdopen(fd, "w");
    if (!f) {
        sv_err_set(e, SV_EIO, "file", _("Kan ikke skrive %s: %s"), path, strerror(errno));
        close(fd);
        sv_priv_user_begin();
        unlink(*tmp);
        sv_priv_user_end();
        free(*tmp);
        *tmp = NULL;
    }
    return f;
}

int sv_private_close(FILE *f, char *tmp, const char *path, sv_err *e)
{
    int bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
    int err = errno;
    if (fclose(f) != 0 && !bad) { bad = 1; err = errno; }
    sv_priv_user_begin();
    if (!bad && rename(tmp, path) != 0) { bad = 1; err = errno; }
    if (bad) unlink(tmp);
    sv_priv_user_end();
    if (bad) {
        free(tmp);
        return sv_err_set(e, SV_EIO, "file", _("Kan ikke skrive %s: %s"), path, strerror(err));
    }
    free(tmp);
    return SV_OK;
}

void sv_private_discard(FILE *f, char *tmp)
{
    fclose(f);
    sv_priv_user_begin();
    unlink(tmp);
    sv_priv_user_end();
    free(tmp);
}
