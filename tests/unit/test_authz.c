/* Identity and authorization in core (issue 10): the login set only by test code, the refusal
 * of a stranger (names nobody, logged once a day, escaped), and what an administrator bound to
 * one municipality may not do. */
#include "testlib.h"

static sv_store *open_as(const char *path, const char *login)
{
    sv_store *st = NULL;
    sv_err e;
    sv_test_set_login(login);
    ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
    return st;
}

static int count(sv_store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    int n = -1;
    if (sqlite3_prepare_v2(sv_store_db(st), sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

static int64_t add_municipality(sv_store *st, const char *number, const char *name, sv_err *e)
{
    sv_municipality m;
    sv_entity_blank(&SV_ENT_MUNICIPALITY, &m);
    strcpy(m.number, number);
    strcpy(m.name, name);
    strcpy(m.malform, "nb");
    return sv_row_save(st, &SV_ENT_MUNICIPALITY, &m, e) == SV_OK ? m.m.id : 0;
}

static int add_user(sv_store *st, const char *login, const char *role, int64_t muni, sv_err *e)
{
    sv_user u = {0};
    strcpy(u.login, login);
    strcpy(u.role, role);
    u.municipality_id = muni;
    return sv_user_add(st, &u, e);
}

START_TEST(test_login_is_set_by_test_code_only)
{
    sv_test_set_login("kari");
    ck_assert_str_eq(sv_login(), "kari");
    sv_test_set_login(NULL);
    ck_assert_str_ne(sv_login(), "kari");
    char buf[64];
    sv_login_escaped(buf, sizeof buf, "a\033]0;x\007\\b");
    ck_assert_str_eq(buf, "a\\x1b]0;x\\x07\\x5cb");
}
END_TEST

START_TEST(test_stranger_is_told_whom_to_ask_and_logged_once)
{
    char path[512];
    sv_err e;
    sv_test_set_login("sjef");
    sv_store *st = tl_open(path, sizeof path, NULL);
    sv_store_close(st);
    st = open_as(path, "fremmed\033[2J");
    ck_assert_ptr_null(sv_store_user(st));
    for (int i = 0; i < 3; i++) ck_assert_int_eq(sv_store_authorize(st, SV_OP_READ, 0, &e), SV_EDENIED);
    ck_assert(strstr(e.msg, "Be en administrator i kommunen din"));
    ck_assert(!strstr(e.msg, "sjef"));
    ck_assert(!strchr(e.msg, '\033'));
    ck_assert_int_eq(count(st, "SELECT count(*) FROM audit WHERE tbl = 'access'"), 1);
    ck_assert_int_eq(count(st, "SELECT count(*) FROM audit WHERE login = 'fremmed\\x1b[2J'"), 1);
    sv_store_close(st);
    sv_test_set_login(NULL);
    tl_unlink_db(path);
}
END_TEST

START_TEST(test_one_municipality_administrator)
{
    char path[512];
    sv_err e;
    int64_t bergen, trondheim;
    sv_test_set_login("sjef");
    sv_store *st = tl_open(path, sizeof path, &bergen);
    ck_assert_int_eq(add_user(st, "kadmin", "administrator", bergen, &e), SV_OK);
    ck_assert_int_eq(sv_store_authorize_all(st, SV_OP_ADMIN, &e), SV_OK);
    sv_store_close(st);

    /* Alone in the database, Bergen's administrator has it all. */
    st = open_as(path, "kadmin");
    ck_assert_int_eq(sv_store_authorize_all(st, SV_OP_ADMIN, &e), SV_OK);
    ck_assert_int_eq(add_municipality(st, "5001", "Trondheim", &e), 0);   /* a new municipality is not theirs */
    sv_store_close(st);

    st = open_as(path, "sjef");
    ck_assert((trondheim = add_municipality(st, "5001", "Trondheim", &e)) != 0);
    ck_assert_int_eq(add_user(st, "annen", "adviser", trondheim, &e), SV_OK);
    sv_store_close(st);

    st = open_as(path, "kadmin");
    ck_assert_int_eq(sv_store_authorize_all(st, SV_OP_ADMIN, &e), SV_EDENIED);
    ck_assert_int_eq(add_user(st, "ny", "adviser", bergen, &e), SV_OK);
    ck_assert_int_eq(add_user(st, "global", "administrator", 0, &e), SV_EDENIED);
    ck_assert_int_eq(add_user(st, "annen", "adviser", bergen, &e), SV_EDENIED);       /* move another's user */
    ck_assert_int_eq(add_user(st, "ny2", "adviser", trondheim, &e), SV_EDENIED);
    ck_assert_int_eq(count(st, "SELECT count(*) FROM users WHERE login IN ('global', 'ny2')"), 0);
    ck_assert_int_eq(count(st, "SELECT municipality_id FROM users WHERE login = 'annen'"), (int)trondheim);
    sv_store_close(st);
    sv_test_set_login(NULL);
    tl_unlink_db(path);
}
END_TEST

/* A role of one municipality is never bound to none (which meant all of them). */
START_TEST(test_one_municipality_role_is_bound_to_one)
{
    char path[512];
    sv_err e;
    int64_t bergen, trondheim;
    sv_test_set_login("sjef");
    sv_store *st = tl_open(path, sizeof path, &bergen);
    ck_assert_int_eq(add_user(st, "kari", "adviser", 0, &e), SV_OK);   /* the only municipality */
    ck_assert_int_eq(count(st, "SELECT municipality_id FROM users WHERE login = 'kari'"), (int)bergen);
    /* One registered by an older version without a municipality ... */
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "INSERT INTO users(login, display_name, role, created_at, created_by) "
                                  "VALUES('gammel', 'gammel', 'nav', '2025-01-01', 'sjef')", NULL, NULL, NULL), SQLITE_OK);
    /* ... is bound to the first when a second municipality is added. */
    ck_assert((trondheim = add_municipality(st, "5001", "Trondheim", &e)) != 0);
    ck_assert_int_eq(count(st, "SELECT municipality_id FROM users WHERE login = 'gammel'"), (int)bergen);
    ck_assert_int_eq(add_user(st, "per", "nav", 0, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "municipality");
    ck_assert(strstr(e.msg, "--municipality"));
    ck_assert_int_eq(add_user(st, "tilsyn", "supervisor", 0, &e), SV_OK);   /* sees all, as before */
    ck_assert_int_eq(count(st, "SELECT count(*) FROM users WHERE login = 'per'"), 0);
    /* One left unbound in a database of several gets nothing, and is told why. */
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "INSERT INTO users(login, display_name, role, created_at, created_by) "
                                  "VALUES('laus', 'laus', 'adviser', '2025-01-01', 'sjef')", NULL, NULL, NULL), SQLITE_OK);
    sv_store_close(st);
    st = open_as(path, "laus");
    ck_assert_ptr_null(sv_store_user(st));
    ck_assert_int_eq(sv_store_authorize(st, SV_OP_READ, trondheim, &e), SV_EDENIED);
    ck_assert(strstr(e.msg, "uten kommune"));
    sv_store_close(st);
    st = open_as(path, "kari");
    ck_assert_int_eq(sv_store_authorize(st, SV_OP_READ, trondheim, &e), SV_EDENIED);
    ck_assert_int_eq(sv_store_authorize(st, SV_OP_READ, bergen, &e), SV_OK);
    sv_store_close(st);
    sv_test_set_login(NULL);
    tl_unlink_db(path);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("authz");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_login_is_set_by_test_code_only);
    tcase_add_test(tc, test_stranger_is_told_whom_to_ask_and_logged_once);
    tcase_add_test(tc, test_one_municipality_administrator);
    tcase_add_test(tc, test_one_municipality_role_is_bound_to_one);
    suite_add_tcase(s, tc);
    return s;
}

TL_MAIN(suite)
