/* The configuration file parser (core/config.c): every command, and every bad line named with
 * the file and the line while the rest of the file still applies. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/config.h"
#include "testlib.h"

static const char *const VALID[] = {"generic quit", "generic down", "form save", "decision issue", NULL};

START_TEST(test_set_color_bind_apply)
{
    sv_config c;
    sv_config_init(&c);
    int bad = sv_config_parse(&c, "cfg", "# comment\n"
                                         "set export-dir ~/Mine vedtak  \n"
                                         "set mouse on\n"
                                         "set color off   # trailing comment\n"
                                         "color error magenta default\n"
                                         "color title white color17\n"
                                         "bind generic <F10> quit\n"
                                         "bind form ^S save\n"
                                         "bind decision æ issue\n"
                                         "bind generic <Down> down\n", VALID);
    ck_assert_int_eq(bad, 0);
    ck_assert_str_eq(c.export_dir, "~/Mine vedtak");
    ck_assert_int_eq(c.mouse, 1);
    ck_assert_int_eq(c.color, 0);
    ck_assert_int_eq(c.colors[1].set, 1);
    ck_assert_int_eq(c.colors[1].fg, 5);
    ck_assert_int_eq(c.colors[1].bg, -1);
    ck_assert_int_eq(c.colors[0].bg, 17);
    ck_assert_int_eq(c.colors[2].set, 0);
    ck_assert_int_eq(c.nbinds, 4);
    ck_assert_int_eq(c.binds[0].key, -(SV_K_F1 + 9));
    ck_assert_str_eq(c.binds[0].action, "quit");
    ck_assert_int_eq(c.binds[1].key, 19);
    ck_assert_str_eq(c.binds[1].keymap, "form");
    ck_assert_int_eq(c.binds[2].key, 0xe6);
    ck_assert_int_eq(c.binds[3].key, -SV_K_DOWN);
    char name[16];
    sv_config_key_name(c.binds[0].key, name, sizeof name);
    ck_assert_str_eq(name, "<F10>");
    sv_config_key_name(c.binds[1].key, name, sizeof name);
    ck_assert_str_eq(name, "^S");
    sv_config_key_name(c.binds[2].key, name, sizeof name);
    ck_assert_str_eq(name, "æ");
    sv_config_free(&c);
}
END_TEST

START_TEST(test_bad_lines_named_rest_applies)
{
    sv_config c;
    sv_config_init(&c);
    int bad = sv_config_parse(&c, "/home/k/.config/stegvis/config",
                              "set mouse kanskje\n"
                              "set mouse on\n"
                              "colour error red\n"
                              "color fiende red\n"
                              "color ok purple\n"
                              "bind generic <F13> quit\n"
                              "bind nowhere q quit\n"
                              "bind form ^S fly\n"
                              "bind form ^S\n"
                              "set export-dir \"/tmp/a b\n"
                              "set nothing 1\n"
                              "color ok green\n", VALID);
    ck_assert_int_eq(bad, 10);
    ck_assert_int_eq(c.nerrors, 10);
    ck_assert_int_eq(c.mouse, 1);
    ck_assert_int_eq(c.colors[2].set, 1);
    ck_assert_int_eq(c.colors[2].fg, 2);
    ck_assert_int_eq(c.nbinds, 0);
    ck_assert_str_eq(c.errors[0], "/home/k/.config/stegvis/config, linje 1: mouse: «kanskje» er ikke on eller off");
    ck_assert_ptr_nonnull(strstr(c.errors[1], "linje 3: ukjent kommando «colour» (forventet set, color eller bind)"));
    ck_assert_ptr_nonnull(strstr(c.errors[2], "linje 4: ukjent fargerolle «fiende»"));
    ck_assert_ptr_nonnull(strstr(c.errors[3], "linje 5: ukjent farge «purple»"));
    ck_assert_ptr_nonnull(strstr(c.errors[4], "linje 6: ukjent tast «<F13>»"));
    ck_assert_ptr_nonnull(strstr(c.errors[5], "linje 7: ukjent tastkart «nowhere»"));
    ck_assert_ptr_nonnull(strstr(c.errors[6], "linje 8: ukjent handling «fly» i tastkartet form"));
    ck_assert_ptr_nonnull(strstr(c.errors[7], "linje 9: forventet «bind TASTKART TAST HANDLING»"));
    ck_assert_ptr_nonnull(strstr(c.errors[8], "linje 10: et sitat"));
    ck_assert_ptr_nonnull(strstr(c.errors[9], "linje 11: ukjent innstilling «nothing»"));
    sv_config_free(&c);
}
END_TEST

START_TEST(test_control_characters_never_quoted)
{
    sv_config c;
    sv_config_init(&c);
    ck_assert_int_eq(sv_config_parse(&c, "f", "bind generic \033[31m quit\nset mouse \x01on\n", VALID), 2);
    for (int i = 0; i < c.nerrors; i++)
        for (const char *p = c.errors[i]; *p; p++) ck_assert_int_ge((unsigned char)*p, 32);
    sv_config_free(&c);
}
END_TEST

START_TEST(test_paths_and_export_default)
{
    char buf[1024];
    setenv("HOME", "/home/kari", 1);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("XDG_DOCUMENTS_DIR");
    ck_assert_int_eq(sv_config_path(buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "/home/kari/.config/stegvis/config");
    setenv("XDG_CONFIG_HOME", "/etc/xdg-kari", 1);
    ck_assert_int_eq(sv_config_path(buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "/etc/xdg-kari/stegvis/config");
    ck_assert_int_eq(sv_config_export_dir(NULL, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "/home/kari");
    setenv("XDG_DOCUMENTS_DIR", "/home/kari/Dokumenter", 1);
    ck_assert_int_eq(sv_config_export_dir(NULL, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "/home/kari/Dokumenter");
    sv_config c;
    sv_config_init(&c);
    sv_config_parse(&c, "f", "set export-dir ~/vedtak\n", NULL);
    ck_assert_int_eq(sv_config_export_dir(&c, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "/home/kari/vedtak");
    sv_config_free(&c);
    /* user-dirs.dirs, as xdg-user-dirs writes it */
    char dir[] = "/tmp/stegvis-cfg-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[1100];
    snprintf(path, sizeof path, "%s/user-dirs.dirs", dir);
    FILE *f = fopen(path, "w");
    fputs("# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n", f);
    fclose(f);
    setenv("XDG_CONFIG_HOME", dir, 1);
    unsetenv("XDG_DOCUMENTS_DIR");
    ck_assert_int_eq(sv_config_export_dir(NULL, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "/home/kari/Dokument");
    unlink(path);
    rmdir(dir);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, test_set_color_bind_apply);
    tcase_add_test(tc, test_bad_lines_named_rest_applies);
    tcase_add_test(tc, test_control_characters_never_quoted);
    tcase_add_test(tc, test_paths_and_export_default);
    suite_add_tcase(s, tc);
    return s;
}

TL_MAIN(suite)
