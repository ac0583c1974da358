/* Locating templates/ for a build tree, an installed program, or tests. */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "priv.h"

#ifndef SV_DATADIR
#define SV_DATADIR "/usr/local/share/stegvis"
#endif

static int is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

const char *sv_templates_dir(void)
{
    static char dir[PATH_MAX];
    if (dir[0]) return dir;
    /* The elevated server program reads only its own installed data. */
    if (sv_priv_elevated()) {
        snprintf(dir, sizeof dir, "%s", SV_DATADIR);
        return dir;
    }
    const char *env = sv_env("STEGVIS_TEMPLATES");
    if (env && *env && is_dir(env)) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        /* binary at the top of the tree, or in build/ below it; or installed as
         * PREFIX/bin/stegvis beside PREFIX/share/stegvis, whatever PREFIX was */
        for (int up = 0; up < 3; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash) break;
            *slash = '\0';
            char cand[PATH_MAX + 32];
            snprintf(cand, sizeof cand, "%s/templates", exe);
            if (!is_dir(cand) && up == 0) snprintf(cand, sizeof cand, "%s/../share/stegvis", exe);
            if (is_dir(cand) && strlen(cand) < sizeof dir) {
                memcpy(dir, cand, strlen(cand) + 1);
                return dir;
            }
        }
    }
    snprintf(dir, sizeof dir, "%s", SV_DATADIR);
    return dir;
}

int sv_template_path(const char *rel, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s/%s", sv_templates_dir(), rel);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}
