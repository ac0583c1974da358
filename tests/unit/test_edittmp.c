/* The external editor's temporary files (core/edittmp.c): the text is written to a private
 * directory, removed with whatever the editor put beside it, and a directory nobody holds any
 * more is swept; one still held is not. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testlib.h"

#include "../../core/edittmp.h"

static char dir[256];

static void setup(void)
{
    snprintf(dir, sizeof dir, "%s/stegvis-edittmp-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static int entries(const char *d)
{
    DIR *o = opendir(d);
    int n = 0;
    if (!o) return -1;
    struct dirent *de;
    while ((de = readdir(o)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) n++;
    closedir(o);
    return n;
}

static void teardown(void) { rmdir(dir); }

static void touch(const char *d, const char *name)
{
    char p[700];
    snprintf(p, sizeof p, "%s/%s", d, name);
    int fd = open(p, O_WRONLY | O_CREAT, 0600);
    ck_assert_int_ge(fd, 0);
    close(fd);
}

START_TEST(test_text_in_a_private_directory)
{
    sv_edittmp t;
    ck_assert_int_eq(sv_edittmp_create(&t, dir, "Saksopplysning"), 0);
    struct stat sb;
    ck_assert_int_eq(stat(t.dir, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0700);
    ck_assert_int_eq(stat(t.file, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0600);
    FILE *f = fopen(t.file, "r");
    char buf[64] = "";
    ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
    fclose(f);
    ck_assert_str_eq(buf, "Saksopplysning\n");
    /* An editor that saves: its status comes back; one that fails: its status. */
    ck_assert_int_eq(sv_edittmp_run(&t, "true"), 0);
    ck_assert_int_eq(sv_edittmp_run(&t, "false"), 1);
    /* A held directory is not swept; removal takes the editor's swap file with it. */
    touch(t.dir, ".tekst.txt.swp");
    ck_assert_int_eq(sv_edittmp_sweep(dir), 0);
    ck_assert_int_eq(entries(dir), 1);
    sv_edittmp_remove(&t);
    ck_assert_int_eq(entries(dir), 0);
}
END_TEST

START_TEST(test_stale_directory_swept)
{
    sv_edittmp t;
    ck_assert_int_eq(sv_edittmp_create(&t, dir, "Saksopplysning"), 0);
    touch(t.dir, ".tekst.txt.swp");
    close(t.lock);   /* the program and its guardian died: nobody holds it */
    /* Other names in the directory are left alone. */
    char other[300];
    snprintf(other, sizeof other, "%s/stegvis-annet", dir);
    ck_assert_int_eq(mkdir(other, 0700), 0);
    ck_assert_int_eq(sv_edittmp_sweep(dir), 1);
    ck_assert_int_eq(entries(dir), 1);
    ck_assert_int_eq(rmdir(other), 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("edittmp");
    TCase *t = tcase_create("edittmp");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, test_text_in_a_private_directory);
    tcase_add_test(t, test_stale_directory_swept);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
