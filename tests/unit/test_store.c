/* The store: round trips, migrations, version conflicts, the audit log, roles, files. */
#include <sqlite3.h>
#include <sys/stat.h>

#include "testlib.h"

#include "../../core/case.h"
#include "../../core/chain.h"
#include "../../core/decision.h"
#include "../../core/demo.h"
#include "../../core/fnr.h"
#include "../../core/overview.h"
#include "../../core/schema.h"

static char path[512];
static sv_store *st;
static int64_t muni;

static void setup(void) { st = tl_open(path, sizeof path, &muni); }
static void teardown(void)
{
    sv_store_close(st);
    tl_unlink_db(path);
}

static int64_t add_participant_to(sv_store *to, const char *fnr, const char *name);
static int64_t add_participant(const char *fnr, const char *name) { return add_participant_to(st, fnr, name); }

static int64_t add_participant_to(sv_store *to, const char *fnr, const char *name)
{
    sv_participant p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = muni;
    strcpy(p.fnr, fnr);
    snprintf(p.name, sizeof p.name, "%s", name);
    p.permit_on = sv_date_from_ymd(2025, 1, 10);
    p.settled_on = sv_date_from_ymd(2025, 3, 1);
    strcpy(p.right_duty, "rett_plikt");
    strcpy(p.schooling, "grunnskole");
    ck_assert_msg(sv_row_save(to, &SV_ENT_PARTICIPANT, &p, &e) == SV_OK, "%s", e.msg);
    return p.m.id;
}

static int64_t count(const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

START_TEST(test_every_entity_round_trips)
{
    /* A demo case touches every entity; reload each row and compare it field by field. */
    sv_demo_opts o = {.participants = 40, .municipalities = 1, .seed = 7};
    sv_demo_result r;
    sv_err e;
    ck_assert_msg(sv_demo(st, &o, &r, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(r.participants, 40);
    for (int i = 0; SV_ENTITIES[i]; i++) {
        const sv_entity *ent = SV_ENTITIES[i];
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT max(id) FROM %s", ent->table);
        int64_t id = count(sql);
        ck_assert_msg(id > 0, "no rows in %s", ent->table);
        void *a = sv_xmalloc(ent->size), *b = sv_xmalloc(ent->size);
        ck_assert_int_eq(sv_row_load(st, ent, id, a, &e), SV_OK);
        ck_assert_int_eq(sv_row_load(st, ent, id, b, &e), SV_OK);
        /* save unchanged, reload: every field formats the same */
        ck_assert_msg(sv_row_save(st, ent, a, &e) == SV_OK, "%s: %s", ent->table, e.msg);
        void *c = sv_xmalloc(ent->size);
        ck_assert_int_eq(sv_row_load(st, ent, id, c, &e), SV_OK);
        for (int k = 0; k < ent->nfields; k++) {
            char x[4200], y[4200];
            sv_field_raw(&ent->fields[k], b, x, sizeof x);
            sv_field_raw(&ent->fields[k], c, y, sizeof y);
            ck_assert_msg(strcmp(x, y) == 0, "%s.%s: %s != %s", ent->table, ent->fields[k].col, x, y);
        }
        ck_assert_int_eq(((sv_meta *)c)->version, ((sv_meta *)b)->version + 1);
        free(a);
        free(b);
        free(c);
    }
}
END_TEST

static void valid_fnr(char out[12], int seq)
{
    for (int ind = 100 + seq * 7;; ind++) {
        char d9[10];
        int k1, k2;
        snprintf(d9, sizeof d9, "010190%03u", (unsigned)ind % 500u);
        if (sv_fnr_check_digits(d9, &k1, &k2) == 0) {
            snprintf(out, 12, "%s%d%d", d9, k1, k2);
            return;
        }
    }
}

START_TEST(test_lost_update_is_refused_and_input_kept)
{
    char fnr[12];
    valid_fnr(fnr, 1);
    int64_t id = add_participant(fnr, "Kari Nordmann");
    sv_participant mine, theirs;
    sv_err e;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &mine, &e), SV_OK);
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &theirs, &e), SV_OK);
    strcpy(theirs.languages, "arabisk");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &theirs, &e), SV_OK);
    strcpy(mine.languages, "dari");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &mine, &e), SV_ECONFLICT);
    ck_assert(strstr(e.msg, "endret av"));
    ck_assert_str_eq(mine.languages, "dari");            /* the user's input is kept */
    sv_participant now;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &now, &e), SV_OK);
    ck_assert_str_eq(now.languages, "arabisk");          /* the colleague's save stands */
    ck_assert_int_eq(now.m.version, 2);
}
END_TEST

START_TEST(test_bad_input_changes_nothing)
{
    sv_participant p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = muni;
    strcpy(p.fnr, "01019012345");   /* wrong check digits */
    strcpy(p.name, "Ola");
    p.permit_on = p.settled_on = sv_date_from_ymd(2025, 1, 1);
    strcpy(p.right_duty, "rett");
    strcpy(p.schooling, "vgs");
    int64_t audit = count("SELECT count(*) FROM audit");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "fnr");
    ck_assert_int_eq(count("SELECT count(*) FROM participant"), 0);
    ck_assert_int_eq(count("SELECT count(*) FROM audit"), audit);
    /* duplicate identity number */
    char fnr[12];
    valid_fnr(fnr, 2);
    add_participant(fnr, "Første");
    strcpy(p.fnr, fnr);
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "finnes allerede"));
    ck_assert_int_eq(count("SELECT count(*) FROM participant"), 1);
    /* a name with a control character is refused when saved, however it was set */
    valid_fnr(fnr, 3);
    strcpy(p.fnr, fnr);
    audit = count("SELECT count(*) FROM audit");
    static const char *const BAD[] = {"Ali\xe2\x80\xae" "evol", "Ali\xc2\x9b" "31m", "Ali\xe2\x81\xa7"};
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        snprintf(p.name, sizeof p.name, "%s", BAD[i]);
        ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e), SV_EINVAL);
        ck_assert_str_eq(e.field, "name");
        ck_assert_msg(strstr(e.msg, "Navn: inneholder et kontrolltegn (U+"), "%s", e.msg);
    }
    ck_assert_int_eq(count("SELECT count(*) FROM participant"), 1);
    ck_assert_int_eq(count("SELECT count(*) FROM audit"), audit);
    /* and so are a colleague's name and title, which go into letters */
    sv_user u = {0};
    strcpy(u.login, "kari");
    strcpy(u.role, "adviser");
    u.municipality_id = muni;
    strcpy(u.display_name, "Kari\xe2\x80\xae" "nnamdroN");
    ck_assert_int_eq(sv_user_add(st, &u, &e), SV_EINVAL);
    ck_assert_msg(strstr(e.msg, "Navn: inneholder et kontrolltegn (U+202E)"), "%s", e.msg);
    strcpy(u.display_name, "Kari Nordmann");
    strcpy(u.title, "R\xc2\x85" "dgiver");
    ck_assert_int_eq(sv_user_add(st, &u, &e), SV_EINVAL);
    ck_assert_msg(strstr(e.msg, "Tittel: inneholder et kontrolltegn (U+0085)"), "%s", e.msg);
    ck_assert_int_eq(count("SELECT count(*) FROM users WHERE login = 'kari'"), 0);
}
END_TEST

START_TEST(test_audit_log_records_and_cannot_be_changed)
{
    char fnr[12];
    valid_fnr(fnr, 3);
    int64_t id = add_participant(fnr, "Per Hansen");
    sv_participant p;
    sv_err e;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &p, &e), SV_OK);
    strcpy(p.name, "Per Hansen Berg");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e), SV_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE tbl = 'participant' AND action = 'update' "
                           "AND json_extract(old, '$.name') = 'Per Hansen' AND json_extract(new, '$.name') = 'Per Hansen Berg'"), 1);
    sqlite3 *db = sv_store_db(st);
    ck_assert_int_ne(sqlite3_exec(db, "UPDATE audit SET login = 'x'", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_ne(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_gt(count("SELECT count(*) FROM audit"), 0);
}
END_TEST

START_TEST(test_decision_is_immutable_and_marks_changes)
{
    sv_demo_opts o = {.participants = 30, .municipalities = 1, .seed = 3};
    sv_demo_result r;
    sv_err e;
    ck_assert_int_eq(sv_demo(st, &o, &r, &e), SV_OK);
    int64_t pid = count("SELECT participant_id FROM plan LIMIT 1");
    sv_case c;
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    sv_decision d = {0};
    d.participant_id = pid;
    strcpy(d.kind, "endring");   /* one decision per plan version and kind: the demo issued the plan */
    d.decided_on = sv_today();
    d.plan_rev = c.plan.rev;
    strcpy(d.law, "integreringsloven");
    strcpy(d.notify_method, "post");
    ck_assert_int_eq(sv_decision_insert(st, &d, "<vedtak/>", &e), SV_OK);
    sv_case_free(&c);
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    sv_deadlines dl;
    sv_case_derive(&c, sv_today(), &dl);
    ck_assert_int_eq(dl.status, SV_PS_DECIDED);
    ck_assert_int_eq(dl.step, c.has_evaluation ? 7 : 6);
    /* changing a phase makes the plan "changed since decision" */
    sv_phase ph = c.phases[0].phase;
    strcpy(ph.name, "Ny fase");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PHASE, &ph, &e), SV_OK);
    sv_case_free(&c);
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    sv_case_derive(&c, sv_today(), &dl);
    ck_assert_int_eq(dl.status, SV_PS_CHANGED);
    sv_case_free(&c);
    /* the demo issues decisions of its own: the count must not change, whatever it is */
    int64_t before = count("SELECT count(*) FROM decision");
    ck_assert_int_ne(sqlite3_exec(sv_store_db(st), "UPDATE decision SET kind = 'stans'", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_ne(sqlite3_exec(sv_store_db(st), "DELETE FROM decision", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM decision"), before);
    ck_assert_int_eq(count("SELECT count(*) FROM decision WHERE kind = 'endring' AND xml = '<vedtak/>'"), 1);
}
END_TEST

START_TEST(test_roles_refuse_and_audit)
{
    char fnr[12];
    valid_fnr(fnr, 4);
    int64_t id = add_participant(fnr, "Lise Berg");
    sv_err e;
    sv_user u = {0};
    strcpy(u.login, "tilsyn1");
    strcpy(u.role, "supervisor");
    ck_assert_int_eq(sv_user_add(st, &u, &e), SV_OK);
    strcpy(u.login, "nav1");
    strcpy(u.role, "nav");
    u.municipality_id = muni;
    ck_assert_int_eq(sv_user_add(st, &u, &e), SV_OK);
    sv_store_close(st);

    setenv("STEGVIS_USER", "tilsyn1", 1);
    sv_login_reset();
    ck_assert_int_eq(sv_store_open(path, 0, &st, &e), SV_OK);
    sv_participant p;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &p, &e), SV_OK);
    strcpy(p.name, "Endret");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e), SV_EDENIED);
    ck_assert(strstr(e.msg, "ikke lov"));
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE action = 'refused' AND login = 'tilsyn1'"), 1);
    sv_store_close(st);

    setenv("STEGVIS_USER", "nav1", 1);
    sv_login_reset();
    ck_assert_int_eq(sv_store_open(path, 0, &st, &e), SV_OK);
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &p, &e), SV_OK);
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e), SV_EDENIED);
    sv_followup f;
    sv_entity_blank(&SV_ENT_FOLLOWUP, &f);
    f.m.parent = id;
    f.held_on = sv_today();
    strcpy(f.with_whom, "arbeidsgiver");
    strcpy(f.notes, "Praksisplass avtalt");
    ck_assert_msg(sv_row_save(st, &SV_ENT_FOLLOWUP, &f, &e) == SV_OK, "%s", e.msg);
    unsetenv("STEGVIS_USER");
    sv_login_reset();
}
END_TEST

START_TEST(test_database_file_is_private)
{
    struct stat sb;
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0600);
}
END_TEST

START_TEST(test_newer_and_damaged_databases_are_refused_untouched)
{
    sv_err e;
    sqlite3_exec(sv_store_db(st), "PRAGMA user_version = 99", NULL, NULL, NULL);
    sv_store_close(st);
    st = NULL;
    ck_assert_int_eq(sv_store_open(path, 0, &st, &e), SV_EDB);
    ck_assert(strstr(e.msg, "nyere versjon"));
    char junk[600];
    snprintf(junk, sizeof junk, "%s.junk", path);
    FILE *f = fopen(junk, "w");
    for (int i = 0; i < 500; i++) fputs("dette er ikke en database ", f);
    fclose(f);
    ck_assert_int_eq(sv_store_open(junk, 0, &st, &e), SV_EDB);
    ck_assert(strstr(e.msg, "skadet"));
    f = fopen(junk, "r");
    char head[27];
    ck_assert(fread(head, 1, 26, f) == 26);
    head[26] = '\0';
    fclose(f);
    ck_assert_str_eq(head, "dette er ikke en database ");
    unlink(junk);
    ck_assert_int_eq(sv_store_open("/nonexistent/dir/x.db", 1, &st, &e), SV_EIO);
    /* teardown closes a valid store: reopen one at the old version number */
    sqlite3 *db;
    sqlite3_open(path, &db);
    char back[40];
    snprintf(back, sizeof back, "PRAGMA user_version = %d", SV_SCHEMA_LATEST);
    sqlite3_exec(db, back, NULL, NULL, NULL);
    sqlite3_close(db);
    ck_assert_int_eq(sv_store_open(path, 0, &st, &e), SV_OK);
}
END_TEST

START_TEST(test_migrates_from_empty_and_from_each_version)
{
    for (int from = 0; from < SV_SCHEMA_LATEST; from++) {
        char p2[512];
        sqlite3 *db;
        sv_err e;
        tl_tmp_path(p2, sizeof p2);
        ck_assert_int_eq(sqlite3_open(p2, &db), SQLITE_OK);
        sqlite3_create_function(db, "sv_user", 0, SQLITE_UTF8, NULL, NULL, NULL, NULL);
        sv_chain_register(db); /* the chain migration links existing rows with it */
        if (from > 0) ck_assert_msg(sv_schema_migrate(db, from, &e) == SV_OK, "%s", e.msg);
        ck_assert_int_eq(sv_schema_version(db), from);
        sqlite3_close(db);
        sv_store *s2;
        ck_assert_msg(sv_store_open(p2, 0, &s2, &e) == SV_OK, "from %d: %s", from, e.msg);
        ck_assert_int_eq(sv_store_schema_version(s2), SV_SCHEMA_LATEST);
        sv_store_close(s2);
        tl_unlink_db(p2);
    }
}
END_TEST

START_TEST(test_overview_search_folds_norwegian_letters)
{
    char fnr[12];
    valid_fnr(fnr, 5);
    add_participant(fnr, "Åse Løvås");
    valid_fnr(fnr, 6);
    add_participant(fnr, "Ola Nordmann");
    sv_filter f;
    sv_filter_init(&f);
    strcpy(f.search, "LØV");
    sv_overview_row rows[5];
    sv_err e;
    ck_assert_int_eq(sv_overview_page(st, &f, 0, 5, rows, &e), 1);
    ck_assert_str_eq(rows[0].name, "Åse Løvås");
    ck_assert_int_eq(sv_overview_count(st, &f, &e), 1);
    strcpy(f.search, "%");
    ck_assert_int_eq(sv_overview_page(st, &f, 0, 5, rows, &e), 0);
    f.search[0] = '\0';
    f.status = SV_PS_NONE;
    ck_assert_int_eq(sv_overview_page(st, &f, 0, 5, rows, &e), 2);
    ck_assert_int_eq(rows[0].warn_late_plan, 1);   /* settled in 2025, no decision */
}
END_TEST

/* The list keeps its answers between keystrokes (core/overview.c): a longer term is looked for
 * among the matches of the shorter one, and whatever is written, through this store or
 * another connection, is in the next answer. */
START_TEST(test_overview_answers_follow_writes)
{
    char fnr[12];
    valid_fnr(fnr, 7);
    add_participant(fnr, "Karim Hansen");
    valid_fnr(fnr, 8);
    add_participant(fnr, "Karin Berg");
    sv_filter f;
    sv_filter_init(&f);
    sv_overview_row rows[5];
    sv_err e;
    strcpy(f.search, "kari");
    ck_assert_int_eq(sv_overview_count(st, &f, &e), 2);
    ck_assert_int_eq(sv_overview_page(st, &f, 0, 5, rows, &e), 2);
    strcpy(f.search, "karim");
    ck_assert_int_eq(sv_overview_count(st, &f, &e), 1);
    ck_assert_int_eq(sv_overview_page(st, &f, 0, 5, rows, &e), 1);
    ck_assert_str_eq(rows[0].name, "Karim Hansen");
    valid_fnr(fnr, 9);
    add_participant(fnr, "Abdul Karim");
    ck_assert_int_eq(sv_overview_count(st, &f, &e), 2);
    ck_assert_int_eq(sv_overview_page(st, &f, 0, 5, rows, &e), 2);
    ck_assert_str_eq(rows[0].name, "Abdul Karim");
    ck_assert_str_eq(rows[1].name, "Karim Hansen");
    f.descending = 1;
    ck_assert_int_eq(sv_overview_page(st, &f, 0, 5, rows, &e), 2);
    ck_assert_str_eq(rows[0].name, "Karim Hansen");
    ck_assert_int_eq(sv_overview_page(st, &f, 1, 5, rows, &e), 1);
    ck_assert_str_eq(rows[0].name, "Abdul Karim");
    f.descending = 0;
    /* another connection's commit */
    sv_store *other;
    ck_assert_msg(sv_store_open(path, 0, &other, &e) == SV_OK, "%s", e.msg);
    valid_fnr(fnr, 10);
    add_participant_to(other, fnr, "Karima Olsen");
    sv_store_close(other);
    ck_assert_int_eq(sv_overview_count(st, &f, &e), 3);
    ck_assert_int_eq(sv_overview_page(st, &f, 0, 5, rows, &e), 3);
    ck_assert_str_eq(rows[2].name, "Karima Olsen");
    strcpy(f.search, "karima");
    ck_assert_int_eq(sv_overview_count(st, &f, &e), 1);
    strcpy(f.search, "kari");
    ck_assert_int_eq(sv_overview_count(st, &f, &e), 4);
}
END_TEST

START_TEST(test_drafts_are_per_user_and_key)
{
    sv_err e;
    ck_assert_int_eq(sv_draft_put(st, "participant:new:name", "Halvt skrevet", &e), SV_OK);
    char *v = sv_draft_get(st, "participant:new:name");
    ck_assert_str_eq(v, "Halvt skrevet");
    free(v);
    ck_assert_int_eq(sv_draft_drop(st, "participant:new:name", &e), SV_OK);
    ck_assert_ptr_null(sv_draft_get(st, "participant:new:name"));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("store");
    TCase *t = tcase_create("store");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 60);
    tcase_add_test(t, test_every_entity_round_trips);
    tcase_add_test(t, test_lost_update_is_refused_and_input_kept);
    tcase_add_test(t, test_bad_input_changes_nothing);
    tcase_add_test(t, test_audit_log_records_and_cannot_be_changed);
    tcase_add_test(t, test_decision_is_immutable_and_marks_changes);
    tcase_add_test(t, test_roles_refuse_and_audit);
    tcase_add_test(t, test_database_file_is_private);
    tcase_add_test(t, test_newer_and_damaged_databases_are_refused_untouched);
    tcase_add_test(t, test_migrates_from_empty_and_from_each_version);
    tcase_add_test(t, test_overview_search_folds_norwegian_letters);
    tcase_add_test(t, test_overview_answers_follow_writes);
    tcase_add_test(t, test_drafts_are_per_user_and_key);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
