/* Export manifests (see manifest.h). */
#include "manifest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain.h"
#include "i18n.h"
#include "split.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sv_buf b;
    sv_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) sv_buf_addn(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        sv_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.s;
}

int sv_manifest_write(const char *dir, const char *const *files, int n, const char *chain_head, sv_err *e)
{
    sv_buf m;
    sv_buf_init(&m);
    /* No time stamp: the same database exports to the same bytes; the chain head says which
     * state of the history the files come from. */
    /* a file format, the same in every language (so no gettext) */
    sv_buf_printf(&m, "# stegvis: eksport, %d %s, SHA-256\n# kjedehode: %s\n", n, n == 1 ? "fil" : "filer",
                  chain_head && chain_head[0] ? chain_head : "-");
    for (int i = 0; i < n; i++) {
        char path[4400], sum[65];
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        char *data = slurp(path, &len);
        if (!data) {
            sv_buf_free(&m);
            return sv_err_set(e, SV_EIO, "out", _("Manifest: kan ikke lese %s: %s"), path, strerror(errno));
        }
        sv_sha256_hex(data, len, sum);
        free(data);
        sv_buf_printf(&m, "%s  %s\n", sum, files[i]);
    }
    char path[4400], tmp[4500];
    snprintf(path, sizeof path, "%s/%s", dir, SV_MANIFEST_NAME);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    int bad = fd < 0 || sv_write_all(fd, m.s, m.len) || fsync(fd);
    if (fd >= 0 && close(fd)) bad = 1;
    if (!bad && rename(tmp, path)) bad = 1;
    sv_buf_free(&m);
    if (bad) {
        unlink(tmp);
        return sv_err_set(e, SV_EIO, "out", _("Manifest: kan ikke skrive %s: %s"), path, strerror(errno));
    }
    return SV_OK;
}
