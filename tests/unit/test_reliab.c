/* Reliability pieces of core/: backup and restore through the API, the masked case history,
 * and the identity-number guards used for file names and messages. */
#include <sys/stat.h>

#include "testlib.h"

#include "../../core/audit_view.h"
#include "../../core/backup.h"

static char path[512];
static sv_store *st;
static int64_t muni;

static void setup(void) { st = tl_open(path, sizeof path, &muni); }
static void teardown(void)
{
    sv_store_close(st);
    tl_unlink_db(path);
}

static int64_t add_participant(const char *fnr)
{
    sv_participant p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = muni;
    strcpy(p.fnr, fnr);
    strcpy(p.name, "Åse Løvås");
    p.permit_on = sv_date_from_ymd(2025, 1, 10);
    p.settled_on = sv_date_from_ymd(2025, 3, 1);
    strcpy(p.right_duty, "rett_plikt");
    strcpy(p.schooling, "grunnskole");
    ck_assert_msg(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e) == SV_OK, "%s", e.msg);
    return p.m.id;
}

START_TEST(test_idnumber_guards)
{
    char buf[64];
    ck_assert(sv_has_idnumber_run("/tmp/01019010399.db"));
    ck_assert(!sv_has_idnumber_run("/tmp/2026-11-27-0101901039.db"));
    sv_mask_idnumbers(buf, sizeof buf, "fnr 01019010399 og 123456789012, ikke 1234");
    ck_assert_str_eq(buf, "fnr 010190***** og 1234567*****, ikke 1234");
    sv_mask_idnumbers(buf, 8, "01019010399");
    ck_assert_str_eq(buf, "010190*");   /* cut short, still masked */
}
END_TEST

static int collect(const sv_audit_entry *a, void *ctx)
{
    sv_buf *b = ctx;
    sv_buf_printf(b, "%s|%s|%s|%s\n", a->login, a->what, a->action, a->detail);
    return 0;
}

START_TEST(test_case_history_is_masked)
{
    int64_t id = add_participant("01019010399");
    sv_participant p;
    sv_err e;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &p, &e), SV_OK);
    strcpy(p.name, "Åse Nordmann");
    ck_assert_msg(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e) == SV_OK, "%s", e.msg);
    sv_buf b;
    sv_buf_init(&b);
    ck_assert_int_eq(sv_audit_case(st, id, collect, &b, &e), SV_OK);
    ck_assert_msg(strstr(b.s, "Deltaker|insert|Fødselsnummer: «010190*****#") != NULL, "%s", b.s);
    ck_assert_msg(strstr(b.s, "Deltaker|update|Navn: «Åse Løvås» → «Åse Nordmann»") != NULL, "%s", b.s);
    ck_assert(strstr(b.s, "01019010399") == NULL);
    sv_buf_free(&b);
    ck_assert_int_eq(sv_audit_case(st, id + 1, collect, NULL, &e), SV_ENOTFOUND);
}
END_TEST

START_TEST(test_backup_restore_round_trip)
{
    char copy[600];
    sv_err e;
    sv_backup_info info;
    int64_t id = add_participant("01019010399");
    snprintf(copy, sizeof copy, "%s.copy", path);
    mode_t old = umask(0);
    int rc = sv_backup(st, copy, &info, &e);
    umask(old);
    ck_assert_msg(rc == SV_OK, "%s", e.msg);
    struct stat sb;
    ck_assert_int_eq(stat(copy, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0600);
    ck_assert_int_eq(sv_backup_verify(copy, &info, &e), SV_OK);
    ck_assert_int_eq(info.schema, SV_SCHEMA_VERSION);
    ck_assert(info.backup_at[0]);
    ck_assert_int_eq(sv_backup(st, copy, &info, &e), SV_EINVAL);   /* never overwrites */
    add_participant("02019010085");
    ck_assert_msg(sv_restore(st, copy, &info, &e) == SV_OK, "%s", e.msg);
    sv_participant p;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &p, &e), SV_OK);
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id + 1, &p, &e), SV_ENOTFOUND);
    /* The store goes on working after a restore (its cached statements re-prepare). */
    ck_assert_int_eq(add_participant("02019010085"), id + 1);
    unlink(copy);
}
END_TEST

START_TEST(test_backup_needs_administrator)
{
    sv_err e;
    sv_backup_info info;
    char copy[600];
    sv_user u = {0};
    strcpy(u.login, "radgiver");
    strcpy(u.role, "adviser");
    u.municipality_id = muni;
    ck_assert_int_eq(sv_user_add(st, &u, &e), SV_OK);
    setenv("STEGVIS_USER", "radgiver", 1);
    sv_login_reset();
    ck_assert_int_eq(sv_store_reload_user(st, &e), SV_OK);
    snprintf(copy, sizeof copy, "%s.copy", path);
    ck_assert_int_eq(sv_backup(st, copy, &info, &e), SV_EDENIED);
    ck_assert_int_eq(sv_restore(st, path, &info, &e), SV_EDENIED);
    ck_assert(access(copy, F_OK) != 0);
    unsetenv("STEGVIS_USER");
    sv_login_reset();
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("reliab");
    TCase *t = tcase_create("reliab");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, test_idnumber_guards);
    tcase_add_test(t, test_case_history_is_masked);
    tcase_add_test(t, test_backup_restore_round_trip);
    tcase_add_test(t, test_backup_needs_administrator);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
