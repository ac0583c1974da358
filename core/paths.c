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
#ifndef SV_LOCALEDIR
#define SV_LOCALEDIR "/usr/local/share/locale"
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

static int has_catalogue(const char *dir)
{
    char p[PATH_MAX + 64];
    struct stat sb;
    snprintf(p, sizeof p, "%s/nn/LC_MESSAGES/stegvis.mo", dir);
    return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

const char *sv_locale_dir(void)
{
    static char dir[PATH_MAX];
    if (dir[0]) return dir;
    /* The elevated server program reads only its own installed catalogues. */
    if (sv_priv_elevated()) {
        snprintf(dir, sizeof dir, "%s", SV_LOCALEDIR);
        return dir;
    }
    const char *env = sv_env("STEGVIS_LOCALEDIR");
    if (env && *env && is_dir(env) && strlen(env) < sizeof dir) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        /* build/locale of the tree the binary was built in (at its top, in build/ or in a
         * folder below build/), or PREFIX/share/locale beside PREFIX/bin/stegvis */
        for (int up = 0; up < 3; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash) break;
            *slash = '\0';
            static const char *const rel[] = {"%s/locale", "%s/build/locale", "%s/../share/locale"};
            for (int k = 0; k < (up == 0 ? 3 : 2); k++) {
                char cand[PATH_MAX + 32];
                snprintf(cand, sizeof cand, rel[k], exe);
                if (has_catalogue(cand) && strlen(cand) < sizeof dir) {
                    memcpy(dir, cand, strlen(cand) + 1);
                    return dir;
                }
            }
        }
    }
    snprintf(dir, sizeof dir, "%s", SV_LOCALEDIR);
    return dir;
}
