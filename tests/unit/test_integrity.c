/* Integrity of the history, tried as a hostile tester with full access to the file would: a
 * second connection that defines the program's SQL functions itself and writes plain SQL. The
 * database must refuse writes without a version bump, REPLACE, and changes to issued decisions,
 * and commits must be synced. */
#include "testlib.h"

#include "../../core/backup.h"
#include "../../core/chain.h"
#include "../../core/decision.h"
#include "../../core/draftmask.h"
#include "../../core/notice.h"

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

static int64_t add_decision(int64_t pid)
{
    sv_decision d = {0};
    sv_err e;
    d.participant_id = pid;
    strcpy(d.kind, "plan");
    d.decided_on = sv_date_from_ymd(2025, 5, 2);
    strcpy(d.law, "introduksjonsloven");
    strcpy(d.notify_method, "post");
    ck_assert_msg(sv_decision_insert(st, &d, "<vedtak>original</vedtak>", &e) == SV_OK, "%s", e.msg);
    return d.id;
}

/* The attacker's own connection: plain SQLite with a look-alike sv_user(). */
static void fake_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, "mallory", -1, SQLITE_STATIC);
}

/* chain: also the program's sv_chain_link (someone who built it from the sources). */
static int attack_as(const char *sql, int chain)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 2000);
    sqlite3_create_function(db, "sv_user", 0, SQLITE_UTF8, NULL, fake_user, NULL, NULL);
    if (chain) sv_chain_register(db);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

static int attack(const char *sql) { return attack_as(sql, 1); }

static int64_t count(const char *sql)
{
    sqlite3_stmt *s;
    int64_t n = -1;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

START_TEST(test_update_without_version_refused)
{
    int64_t id = add_participant("01019010399");
    int64_t audits = count("SELECT count(*) FROM audit");
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE participant SET name = 'Forfalsket' WHERE id = %lld", (long long)id);
    ck_assert_int_ne(attack(sql), SQLITE_OK);
    snprintf(sql, sizeof sql, "UPDATE participant SET version = version + 5, name = 'X' WHERE id = %lld", (long long)id);
    ck_assert_int_ne(attack(sql), SQLITE_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM participant WHERE name = 'Åse Løvås'"), 1);
    /* With the bump the write is audited, and the audit row must be linked into the chain:
     * without the program's own function plain SQL cannot write at all. */
    snprintf(sql, sizeof sql, "UPDATE participant SET version = version + 1, name = 'Ny' WHERE id = %lld", (long long)id);
    ck_assert_int_ne(attack_as(sql, 0), SQLITE_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM audit"), audits);
    ck_assert_int_eq(attack(sql), SQLITE_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM audit"), audits + 1);
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE login = 'mallory' AND action = 'update'"), 1);
    /* The derived list state is still kept by the program's own triggers. */
    snprintf(sql, sizeof sql, "UPDATE participant SET step = 6 WHERE id = %lld", (long long)id);
    ck_assert_int_eq(attack(sql), SQLITE_OK);
}
END_TEST

START_TEST(test_replace_refused)
{
    int64_t id = add_participant("01019010399");
    int64_t other = add_participant("02019010085");
    int64_t did = add_decision(id);
    char sql[400];
    snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO decision SELECT id, participant_id, uuid, kind, decided_on,"
             " decided_by, plan_rev, law, notified_on, notify_method, reason, '<vedtak>falsk</vedtak>', created_at"
             " FROM decision WHERE id = %lld", (long long)did);
    ck_assert_int_ne(attack(sql), SQLITE_OK);
    snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO decision(participant_id, uuid, kind, decided_on, decided_by,"
             " plan_rev, law, xml, created_at) SELECT participant_id, uuid, kind, decided_on, decided_by, plan_rev,"
             " law, 'falsk', created_at FROM decision WHERE id = %lld", (long long)did);
    ck_assert_int_ne(attack(sql), SQLITE_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM decision WHERE xml = '<vedtak>original</vedtak>'"), 1);
    ck_assert_int_ne(attack("DELETE FROM decision"), SQLITE_OK);
    ck_assert_int_ne(attack("UPDATE decision SET xml = 'x'"), SQLITE_OK);
    /* REPLACE of a participant, by id or by its unique identity number, and an update that
     * would replace another row. */
    snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO participant(id, municipality_id, fnr, name) VALUES(%lld, %lld,"
             " '03019010013', 'Y')", (long long)id, (long long)muni);
    ck_assert_int_ne(attack(sql), SQLITE_OK);
    snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO participant(municipality_id, fnr, name) VALUES(%lld,"
             " '02019010085', 'Y')", (long long)muni);
    ck_assert_int_ne(attack(sql), SQLITE_OK);
    snprintf(sql, sizeof sql, "UPDATE OR REPLACE participant SET fnr = '02019010085', version = version + 1"
             " WHERE id = %lld", (long long)id);
    ck_assert_int_ne(attack(sql), SQLITE_OK);
    snprintf(sql, sizeof sql, "UPDATE OR REPLACE need SET id = 1 WHERE id = 2");
    ck_assert_int_eq(attack(sql), SQLITE_OK);   /* no rows: nothing to refuse */
    ck_assert_int_eq(count("SELECT count(*) FROM participant"), 2);
    ck_assert_int_eq(count("SELECT count(*) FROM participant WHERE fnr = '02019010085'"), 1);
    (void)other;
}
END_TEST

START_TEST(test_program_writes_still_work)
{
    /* A duplicate identity number keeps its own field message under the REPLACE guard. */
    add_participant("01019010399");
    sv_participant p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = muni;
    strcpy(p.fnr, "01019010399");
    strcpy(p.name, "Kopi");
    strcpy(p.right_duty, "rett_plikt");
    p.permit_on = sv_date_from_ymd(2025, 1, 10);
    p.settled_on = sv_date_from_ymd(2025, 3, 1);
    strcpy(p.schooling, "grunnskole");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "fnr");
    ck_assert_int_eq(count("PRAGMA synchronous"), 2);   /* FULL: every commit syncs the WAL */
}
END_TEST

static int note_break(const sv_chain_break *b, void *ctx)
{
    sv_buf_printf(ctx, "%s %lld %s|", b->table, (long long)b->row, b->name);
    return 0;
}

START_TEST(test_existing_database_is_chained_by_migration)
{
    int64_t id = add_participant("01019010399");
    add_decision(id);
    sv_err e;
    /* The database as a version before the chain left it. */
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "DROP TRIGGER chain_audit; DROP TRIGGER chain_decision;"
                                  " DROP TABLE chain; PRAGMA user_version = 6; DROP TABLE meta;"
                                  /* before schema 17 the audit triggers kept the number as is */
                                  " DROP TRIGGER participant_audit_i; DROP TRIGGER participant_audit_u;"
                                  " DROP TRIGGER participant_audit_d; DROP TRIGGER audit_no_update;"
                                  " UPDATE audit SET new = json_set(new, '$.fnr', (SELECT fnr FROM participant p"
                                  " WHERE p.id = audit.row_id)) WHERE tbl = 'participant'", NULL, NULL, NULL), SQLITE_OK);
    sv_store_close(st);
    ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
    ck_assert_ptr_null(sv_store_broken(st));
    ck_assert_int_eq(count("SELECT count(*) FROM chain"),
                     count("SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM decision)"));
    sv_buf b;
    sv_buf_init(&b);
    ck_assert_msg(sv_chain_verify(sv_store_db(st), 1, note_break, &b, &e) == 0, "%s", b.s);
    /* New rows continue the chain. */
    add_participant("02019010085");
    ck_assert_int_eq(sv_chain_verify(sv_store_db(st), 1, note_break, &b, &e), 0);
    char head[65];
    sv_chain_head(sv_store_db(st), head);
    ck_assert_int_eq(strlen(head), 64);
    /* A changed decision after its trigger is dropped: the open check does not re-hash old
     * rows, the full check names the row. */
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "DROP TRIGGER decision_no_update;"
                                  " UPDATE decision SET xml = '<vedtak>endret</vedtak>'", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sv_chain_verify(sv_store_db(st), 1, note_break, &b, &e), 2);
    ck_assert_msg(strstr(b.s, "trigger 0 decision_no_update|") && strstr(b.s, "decision 1 |"), "%s", b.s);
    sv_buf_free(&b);
    sv_store_close(st);
    ck_assert_int_eq(sv_store_open(path, 0, &st, &e), SV_OK);
    ck_assert_ptr_nonnull(sv_store_broken(st));
    ck_assert_int_eq(sv_store_begin(st, &e), SV_EDB);
    ck_assert_msg(strstr(e.msg, "stegvis verify") != NULL, "%s", e.msg);
}
END_TEST

START_TEST(test_restore_starts_a_new_generation)
{
    sv_err e;
    sv_backup_info info;
    char copy[600];
    int64_t id = add_participant("01019010399");
    sv_participant mine, theirs;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &mine, &e), SV_OK);   /* opened before */
    snprintf(copy, sizeof copy, "%s.copy", path);
    ck_assert_msg(sv_backup(st, copy, &info, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &theirs, &e), SV_OK);
    strcpy(theirs.name, "Kollegas endring");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &theirs, &e), SV_OK);
    ck_assert_msg(sv_restore(st, copy, &info, &e) == SV_OK, "%s", e.msg);
    /* The row is back at the version it had when the first user opened it, but that user's
     * save was prepared before the restore: refused as a conflict, input kept. */
    strcpy(mine.name, "Min endring");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &mine, &e), SV_ECONFLICT);
    ck_assert_msg(strstr(e.msg, "gjenopprettet") != NULL, "%s", e.msg);
    ck_assert_str_eq(mine.name, "Min endring");
    strcpy(theirs.name, "Etter");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &theirs, &e), SV_ECONFLICT);
    ck_assert_int_eq(sv_row_delete(st, &SV_ENT_PARTICIPANT, id, theirs.m.version, &e), SV_ECONFLICT);
    /* Loaded again, it saves; and a second restore is again a new generation. */
    sv_participant now;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &now, &e), SV_OK);
    ck_assert_str_eq(now.name, "Åse Løvås");
    ck_assert_int_eq(now.m.version, SV_GENERATION_STEP + 1);
    strcpy(now.name, "Ny");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &now, &e), SV_OK);
    ck_assert_int_eq(now.m.version, SV_GENERATION_STEP + 2);
    ck_assert_msg(sv_restore(st, copy, &info, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &now, &e), SV_ECONFLICT);
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &now, &e), SV_OK);
    ck_assert_int_eq(now.m.version, 2 * SV_GENERATION_STEP + 1);
    /* New rows carry the generation too. */
    int64_t other = add_participant("02019010085");
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, other, &now, &e), SV_OK);
    ck_assert_int_eq(now.m.version, 2 * SV_GENERATION_STEP + 1);
    unlink(copy);
}
END_TEST

START_TEST(test_identity_numbers_kept_once)
{
    sv_err e;
    int64_t id = add_participant("01019010399");
    sv_participant p;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &p, &e), SV_OK);
    strcpy(p.fnr, "01019040034");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e), SV_OK);
    /* Neither number is in the log; both masked forms are, and they differ. */
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE instr(ifnull(old, '') || ifnull(new, ''), '01019010399')"
                           " OR instr(ifnull(old, '') || ifnull(new, ''), '01019040034')"), 0);
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE tbl = 'participant' AND action = 'update'"
                           " AND json_extract(old, '$.fnr') LIKE '010190*****#________'"
                           " AND json_extract(new, '$.fnr') LIKE '010190*****#________'"
                           " AND json_extract(old, '$.fnr') != json_extract(new, '$.fnr')"), 1);
    /* A database from before: full numbers in its log are rewritten by the migration, and the
     * chain over the rewritten rows verifies. */
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "DROP TRIGGER audit_no_update;"
                                  " UPDATE audit SET new = json_set(new, '$.fnr', '01019010399') WHERE tbl = 'participant'"
                                  " AND action = 'insert';"
                                  " PRAGMA user_version = 16", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE instr(new, '01019010399')"), 1);
    char head[65], masked[40];
    sv_chain_head(sv_store_db(st), head);
    sqlite3_stmt *q;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), "SELECT json_extract(new, '$.fnr') FROM audit WHERE"
                                        " tbl = 'participant' AND action = 'update'", -1, &q, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
    snprintf(masked, sizeof masked, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    sv_store_close(st);
    ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
    ck_assert_ptr_null(sv_store_broken(st));
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE instr(new, '01019010399')"), 0);
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE json_extract(new, '$.fnr') LIKE '010190*****#%'"), 2);
    /* A masked number is not masked again; the old chain's head is kept in the log, under the new chain. */
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), "SELECT (SELECT count(*) FROM audit WHERE tbl = 'participant'"
                                        " AND action = 'update' AND json_extract(new, '$.fnr') = ?1),"
                                        " (SELECT count(*) FROM audit WHERE tbl = 'chain' AND action = 'relink'"
                                        " AND old = ?2)", -1, &q, NULL), SQLITE_OK);
    sqlite3_bind_text(q, 1, masked, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, head, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(q, 0), 1);
    ck_assert_int_eq(sqlite3_column_int(q, 1), 1);
    sqlite3_finalize(q);
    ck_assert_int_eq(sv_chain_verify(sv_store_db(st), 1, NULL, NULL, &e), 0);
}
END_TEST

START_TEST(test_drafts_keep_numbers_masked)
{
    sv_err e;
    ck_assert_int_eq(sv_draft_put(st, "form:participant:1:1:1", "v\t1\nfnr\t01019010399\nname\tÅse\n", &e), SV_OK);
    ck_assert_int_eq(sv_draft_put(st, "form:followup:0:1:1", "v\t0\nnotes\tkonto 12345678903\n", &e), SV_OK);
    char *v = sv_draft_get(st, "form:participant:1:1:1");
    ck_assert_ptr_nonnull(v);
    ck_assert_msg(!strstr(v, "01019010399") && strstr(v, "\nname\tÅse\n") && strstr(v, "\nfnr\t010190*****#"), "%s", v);
    char *m = strstr(v, "fnr\t") + 4;
    *strchr(m, '\n') = '\0';
    ck_assert_int_eq(sv_draft_fnr_same(st, m, "01019010399"), 1);
    ck_assert_int_eq(sv_draft_fnr_same(st, m, "01019040034"), 0);
    ck_assert_int_eq(sv_draft_fnr_same(st, "0101901", "01019010399"), -1);
    free(v);
    /* Only identity-number fields: an 11-digit account number in a note stays as typed. */
    v = sv_draft_get(st, "form:followup:0:1:1");
    ck_assert_str_eq(v, "v\t0\nnotes\tkonto 12345678903\n");
    free(v);
    /* Drafts stored before are masked by the migration. */
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "UPDATE draft SET value = 'v\t1\nfnr\t02019010085\n' WHERE key LIKE "
                                  "'form:participant:%'; PRAGMA user_version = 17", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM draft WHERE instr(value, '02019010085')"), 1);
    sv_store_close(st);
    ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(count("SELECT count(*) FROM draft WHERE instr(value, '02019010085')"), 0);
    ck_assert_int_eq(count("SELECT count(*) FROM draft WHERE instr(value, 'fnr' || char(9) || '020190*****#')"), 1);
    ck_assert_int_eq(count("SELECT count(*) FROM draft WHERE value = 'v' || char(9) || '0' || char(10) || 'notes' || char(9) || 'konto 12345678903' || char(10)"), 1);
}
END_TEST

START_TEST(test_notifications_are_chained)
{
    sv_err e;
    int64_t did = add_decision(add_participant("01019010399"));
    sv_notice n;
    ck_assert_msg(sv_notice_record(st, did, sv_date_from_ymd(2025, 5, 5), "post", "Levert", &n, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(count("SELECT count(*) FROM chain WHERE kind = 'notification'"), 1);
    ck_assert_int_eq(sv_chain_verify(sv_store_db(st), 1, NULL, NULL, &e), 0);
    /* A database from before: its notification is linked by the migration. */
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "DROP TRIGGER chain_notification; DROP TRIGGER chain_no_delete;"
                                  " DELETE FROM chain WHERE kind = 'notification'; DROP INDEX chain_notification;"
                                  " PRAGMA user_version = 18", NULL, NULL, NULL), SQLITE_OK);
    sv_store_close(st);
    ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
    ck_assert_ptr_null(sv_store_broken(st));
    ck_assert_int_eq(count("SELECT count(*) FROM chain WHERE kind = 'notification'"), 1);
    ck_assert_int_eq(sv_chain_verify(sv_store_db(st), 1, NULL, NULL, &e), 0);
    /* Changed with its triggers dropped: the full check names it, and so does the open check
     * for the last one added outside the program. */
    sv_buf b;
    sv_buf_init(&b);
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "DROP TRIGGER notification_no_update;"
                                  " UPDATE notification SET notified_on = '2025-05-04'", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sv_chain_verify(sv_store_db(st), 1, note_break, &b, &e), 2);
    ck_assert_msg(strstr(b.s, "notification 1 |"), "%s", b.s);
    b.len = 0;
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st), "DROP TRIGGER chain_notification; INSERT INTO notification(decision_id,"
                                  " notified_on, method, note, recorded_at, recorded_by) VALUES(1, '2025-05-06', 'post', '',"
                                  " '2025-05-06 10:00:00', 'mallory')", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_ge(sv_chain_verify(sv_store_db(st), 0, note_break, &b, &e), 2);
    ck_assert_msg(strstr(b.s, "notification 2 |"), "%s", b.s);
    sv_buf_free(&b);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("integrity");
    TCase *t = tcase_create("integrity");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, test_update_without_version_refused);
    tcase_add_test(t, test_replace_refused);
    tcase_add_test(t, test_program_writes_still_work);
    tcase_add_test(t, test_existing_database_is_chained_by_migration);
    tcase_add_test(t, test_restore_starts_a_new_generation);
    tcase_add_test(t, test_identity_numbers_kept_once);
    tcase_add_test(t, test_drafts_keep_numbers_masked);
    tcase_add_test(t, test_notifications_are_chained);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
