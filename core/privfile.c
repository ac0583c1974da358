/* Private files: see privfile.h. The mechanism is core/cell.c's sv_private_open/close (a
 * temporary file made with mkstemp beside the path, 0600, synced and renamed, all with the
 * user's rights); this is its whole-text form. */
#include "privfile.h"

#include <string.h>

#include "cell.h"
#include "i18n.h"

int sv_file_write_private(const char *path, const char *text, sv_err *e)
{
    char *tmp = NULL;
    FILE *f = sv_private_open(path, &tmp, e);
    if (!f) return e->code;
    size_t n = strlen(text);
    if (fwrite(text, 1, n, f) != n) {
        sv_private_discard(f, tmp);
        return sv_err_set(e, SV_EIO, "out", _("Kan ikke skrive %s (full disk?)"), path);
    }
    return sv_private_close(f, tmp, path, e);
}
