/* Shared by the Check programs in tests/unit: temporary databases (never the user's) with a
 * registered administrator and a municipality, and a main that runs one suite. */
#ifndef SV_TESTLIB_H
#define SV_TESTLIB_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/model.h"
#include "../../core/store.h"
#include "../../forms/forms.h"

/* A fresh database file in $TMPDIR; path written to buf. */
static inline void tl_tmp_path(char *buf, size_t size)
{
    const char *dir = getenv("TMPDIR");
    snprintf(buf, size, "%s/stegvis-test-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(buf);
    ck_assert_int_ge(fd, 0);
    close(fd);
    unlink(buf);
}

static inline void tl_unlink_db(const char *path)
{
    char p[600];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

/* Opens a new database with the current login as administrator and municipality 4601 Bergen;
 * returns the store and the municipality id. */
static inline sv_store *tl_open(char *path, size_t size, int64_t *muni)
{
    sv_store *st = NULL;
    sv_err e;
    tl_tmp_path(path, size);
    ck_assert_msg(sv_store_open(path, 1, &st, &e) == SV_OK, "%s", e.msg);
    sv_user u = {0};
    snprintf(u.login, sizeof u.login, "%s", sv_login());
    strcpy(u.role, "administrator");
    ck_assert_msg(sv_user_add(st, &u, &e) == SV_OK, "%s", e.msg);
    sv_municipality m;
    sv_entity_blank(&SV_ENT_MUNICIPALITY, &m);
    strcpy(m.number, "4601");
    strcpy(m.name, "Bergen");
    strcpy(m.malform, "nb");
    ck_assert_msg(sv_row_save(st, &SV_ENT_MUNICIPALITY, &m, &e) == SV_OK, "%s", e.msg);
    if (muni) *muni = m.m.id;
    return st;
}

#define TL_MAIN(suite_fn)                                          \
    int main(void)                                                 \
    {                                                              \
        SRunner *sr = srunner_create(suite_fn());                  \
        srunner_run_all(sr, CK_NORMAL);                            \
        int failed = srunner_ntests_failed(sr);                    \
        srunner_free(sr);                                          \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;               \
    }

#endif
