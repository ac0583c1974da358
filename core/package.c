/* One archive package (package.h). */
#include "package.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arkiv.h"
#include "i18n.h"
#include "letter_src.h"
#include "pdf_letter.h"
#include "priv.h"
#include "privfile.h"

/* Removes the files of a package folder and the folder (only plain names, as written here). */
static void remove_folder(const char *dir)
{
    sv_priv_user_begin();
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            if (de->d_name[0] == '.') continue;
            char p[4600];
            if (snprintf(p, sizeof p, "%s/%s", dir, de->d_name) < (int)sizeof p) unlink(p);
        }
        closedir(d);
    }
    rmdir(dir);
    sv_priv_user_end();
}

static int make_dir(const char *path, sv_err *e)
{
    sv_priv_user_begin();
    int ok = mkdir(path, 0700) == 0;
    int err = errno;
    sv_priv_user_end();
    if (!ok) return sv_err_set(e, SV_EIO, "package", _("Kan ikke lage mappen %s: %s"), path, strerror(err));
    return SV_OK;
}

/* Puts the whole folder tmp in place as final, replacing an earlier package of the same name. */
static int put_in_place(const char *tmp, const char *final, sv_err *e)
{
    char old[4400];
    if (snprintf(old, sizeof old, "%s.gammel-%ld", final, (long)getpid()) >= (int)sizeof old)
        return sv_err_set(e, SV_EIO, "package", _("Stien er for lang: %s"), final);
    sv_priv_user_begin();
    int had = rename(final, old) == 0;
    int ok = rename(tmp, final) == 0, err = errno;
    if (!ok && had) rename(old, final);
    sv_priv_user_end();
    if (had && ok) remove_folder(old);
    if (!ok) return sv_err_set(e, SV_EIO, "package", _("Kan ikke gi mappen navnet %s: %s"), final, strerror(err));
    return SV_OK;
}

static int write_bytes(const char *dir, const char *name, const void *b, size_t len, sv_err *e)
{
    char path[4600];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return sv_err_set(e, SV_EIO, "package", _("Stien er for lang: %s"), dir);
    return sv_pdf_write_bytes(b, len, path, e);
}

int sv_package_decision(sv_store *st, int64_t participant_id, int64_t decision_id, const char *dir,
                        const char *chain_head, char *name, size_t namesize, sv_err *e)
{
    sv_letter_src s;
    if (sv_letter_src_load(st, participant_id, decision_id, 1, &s, e)) return e->code;
    snprintf(name, namesize, "vedtak-%s-%lld-%lld", s.municipality, (long long)participant_id, (long long)s.decision_id);
    unsigned char *pdf = NULL;
    size_t plen = 0;
    char *am = NULL;
    char final[4300], tmp[4400];
    if (snprintf(final, sizeof final, "%s/%s", dir, name) >= (int)sizeof final ||
        snprintf(tmp, sizeof tmp, "%s/.%s.ny-%ld", dir, name, (long)getpid()) >= (int)sizeof tmp) {
        sv_letter_src_free(&s);
        return sv_err_set(e, SV_EIO, "package", _("Stien er for lang: %s"), dir);
    }
    int rc = sv_letter_pdf(&s, &pdf, &plen, e);
    if (rc) goto done;
    size_t xlen = strlen(s.xml);
    sv_arkiv_file files[2] = {{SV_PACKAGE_LETTER, pdf, plen, "Arkivformat", "PDF/A-2b", 0},
                              {SV_PACKAGE_XML, s.xml, xlen, "Produksjonsformat", NULL, 1}};
    if (!(am = sv_arkiv_build_files(s.doc, files, 2, chain_head, 1, e))) {
        rc = e->code;
        goto done;
    }
    remove_folder(tmp);   /* one left by an export killed under the same process id */
    if ((rc = make_dir(tmp, e))) goto done;
    if ((rc = write_bytes(tmp, SV_PACKAGE_LETTER, pdf, plen, e)) || (rc = write_bytes(tmp, SV_PACKAGE_XML, s.xml, xlen, e)) ||
        (rc = write_bytes(tmp, SV_PACKAGE_ARKIV, am, strlen(am), e)) || (rc = put_in_place(tmp, final, e))) {
        remove_folder(tmp);
        goto done;
    }
done:
    free(am);
    free(pdf);
    sv_letter_src_free(&s);
    return rc;
}
