/* Private files: see privfile.h. */
#include "privfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "priv.h"

static int write_as_user(const char *path, const char *text, sv_err *e)
{
    char tmp[4200];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
        return sv_err_set(e, SV_EIO, "out", _("Filnavnet er for langt: %s"), path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return sv_err_set(e, SV_EIO, "out", _("Kan ikke skrive %s: %s"), path, strerror(errno));
    fchmod(fd, 0600);
    size_t n = strlen(text), off = 0;
    int bad = 0;
    while (off < n && !bad) {
        ssize_t w = write(fd, text + off, n - off);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) bad = 1;
        else off += (size_t)w;
    }
    bad |= fsync(fd) != 0;
    bad |= close(fd) != 0;
    if (bad || rename(tmp, path) != 0) {
        unlink(tmp);
        return sv_err_set(e, SV_EIO, "out", _("Kan ikke skrive %s (full disk?)"), path);
    }
    return SV_OK;
}

/* The file is the user's: created, written and renamed with their rights, never the server
 * program's (core/priv.h). */
int sv_file_write_private(const char *path, const char *text, sv_err *e)
{
    sv_priv_user_begin();
    int rc = write_as_user(path, text, e);
    sv_priv_user_end();
    return rc;
}
