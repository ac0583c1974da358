/* The NIR worklist's core: deadlines on month ends, the items kept by triggers equal to the
 * items derived afresh from the facts after every kind of change, and report cells that a
 * spreadsheet cannot run. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/cell.h"
#include "../../core/demo.h"
#include "../../core/nir.h"
#include "testlib.h"

static sv_store *st;
static char path[512];
static int64_t muni;

static void setup(void)
{
    st = tl_open(path, sizeof path, &muni);
}

static void teardown(void)
{
    sv_store_close(st);
    tl_unlink_db(path);
}

static sv_date ymd(int y, int m, int d) { return sv_date_from_ymd(y, m, d); }

START_TEST(test_deadline_on_month_ends)
{
    ck_assert_int_eq(sv_nir_due(ymd(2025, 12, 31)), ymd(2026, 2, 28));
    ck_assert_int_eq(sv_nir_due(ymd(2027, 12, 31)), ymd(2028, 2, 29));
    ck_assert_int_eq(sv_nir_due(ymd(2023, 12, 30)), ymd(2024, 2, 29));
    ck_assert_int_eq(sv_nir_due(ymd(2099, 12, 29)), ymd(2100, 2, 28));   /* 2100 is no leap year */
    ck_assert_int_eq(sv_nir_due(ymd(2026, 7, 31)), ymd(2026, 9, 30));
    ck_assert_int_eq(sv_nir_due(ymd(2026, 8, 31)), ymd(2026, 10, 31));
    ck_assert_int_eq(sv_nir_due(ymd(2026, 11, 15)), ymd(2027, 1, 15));
    ck_assert_int_eq(sv_nir_due(SV_NODATE), SV_NODATE);
}
END_TEST

static long count(const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long n = (long)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* The items the triggers keep are exactly the ones derived from scratch. */
static void assert_items_derived_afresh(void)
{
    sqlite3 *db = sv_store_db(st);
    ck_assert_int_eq(sqlite3_exec(db, "DROP TABLE IF EXISTS kept; CREATE TEMP TABLE kept AS SELECT item,"
                                      " participant_id, municipality_id, kind, ref, fact, ev, open FROM nir_item",
                                  NULL, NULL, NULL), SQLITE_OK);
    sv_buf b;
    sv_buf_init(&b);
    sv_nir_schema_sql(&b);
    char *msg = NULL;
    ck_assert_msg(sqlite3_exec(db, b.s, NULL, NULL, &msg) == SQLITE_OK, "%s", msg ? msg : "?");
    sv_buf_free(&b);
    const char *cols = "item, participant_id, municipality_id, kind, ref, fact, ev, open";
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT %s FROM kept EXCEPT SELECT %s FROM nir_item)", cols, cols);
    ck_assert_int_eq(count(sql), 0);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT %s FROM nir_item EXCEPT SELECT %s FROM kept)", cols, cols);
    ck_assert_int_eq(count(sql), 0);
    /* the participants to derive again are taken away as they are derived */
    ck_assert_int_eq(count("SELECT count(*) FROM nir_touch"), 0);
}

START_TEST(test_triggers_keep_the_items_of_the_facts)
{
    sv_demo_opts o = {.participants = 60, .municipalities = 1, .seed = 11};
    sv_demo_result r;
    sv_err e;
    ck_assert_msg(sv_demo(st, &o, &r, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_gt(count("SELECT count(*) FROM nir_item"), 300);
    assert_items_derived_afresh();

    /* a registered fact that changes reopens its item */
    int64_t aid = count("SELECT min(id) FROM assessment WHERE assessed_on < date('now', '-60 days')");
    char item[40];
    snprintf(item, sizeof item, "kartlegging:%lld", (long long)aid);
    ck_assert_msg(sv_nir_register(st, item, SV_NODATE, sv_today(), &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(sv_nir_register(st, item, SV_NODATE, sv_today(), &e), SV_EINVAL);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT open FROM nir_item WHERE item = '%s'", item);
    ck_assert_int_eq(count(sql), 0);
    sv_assessment a;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_ASSESSMENT, aid, &a, &e), SV_OK);
    a.assessed_on -= 1;
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_ASSESSMENT, &a, &e), SV_OK);
    ck_assert_int_eq(count(sql), 1);
    assert_items_derived_afresh();

    /* a leave added and removed; plan hours changed after the decision; a measure's kind */
    int64_t pid = count("SELECT min(participant_id) FROM decision");
    sv_absence ab;
    sv_entity_blank(&SV_ENT_ABSENCE, &ab);
    ab.m.parent = pid;
    strcpy(ab.kind, "permisjon");
    strcpy(ab.reason, "velferd");
    ab.from_on = ab.to_on = sv_today() - 10;
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_ABSENCE, &ab, &e), SV_OK);
    assert_items_derived_afresh();
    ck_assert_int_eq(sv_row_delete(st, &SV_ENT_ABSENCE, ab.m.id, ab.m.version, &e), SV_OK);
    assert_items_derived_afresh();
    int64_t pmid = count("SELECT min(pm.id) FROM plan_measure pm JOIN phase ph ON ph.id = pm.phase_id"
                         " JOIN plan pl ON pl.id = ph.plan_id JOIN decision d ON d.participant_id = pl.participant_id");
    sv_plan_measure pm;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PLAN_MEASURE, pmid, &pm, &e), SV_OK);
    pm.hours += 5;
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PLAN_MEASURE, &pm, &e), SV_OK);
    assert_items_derived_afresh();
    sv_measure m;
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_MEASURE, pm.measure_id, &m, &e), SV_OK);
    strcpy(m.kind, strcmp(m.kind, "foreldre") ? "foreldre" : "annet");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_MEASURE, &m, &e), SV_OK);
    assert_items_derived_afresh();

    /* the case's NIR deadline is its earliest open item */
    sv_nir_filter f;
    sv_nir_filter_init(&f);
    f.participant_id = pid;
    f.limit = 1;
    long open, overdue;
    ck_assert_int_eq(sv_nir_count(st, &f, sv_today(), &open, &overdue, &e), SV_OK);
    ck_assert_int_gt(open, 0);
    ck_assert_int_ne(sv_nir_next_due(st, pid, sv_today()), SV_NODATE);
}
END_TEST

static char *cell(const char *s, char sep)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    sv_cell_write(f, s, sep);
    fclose(f);
    return buf;
}

START_TEST(test_cells_cannot_be_formulas)
{
    static const struct { const char *in, *tsv, *csv; } CASES[] = {
        {"=SUM(A1:A9)", "'=SUM(A1:A9)", "'=SUM(A1:A9)"},
        {"+47 123", "'+47 123", "'+47 123"},
        {"-2+3", "'-2+3", "'-2+3"},
        {"@cmd", "'@cmd", "'@cmd"},
        {"\t=1", "' =1", "' =1"},
        {"\r=1", "' =1", "\"' =1\""},
        {"a,b", "a,b", "\"a,b\""},
        {"si \"hei\"", "si \"hei\"", "\"si \"\"hei\"\"\""},
        {"linje\nto", "linje to", "\"linje to\""},
        {"Åse Løvås", "Åse Løvås", "Åse Løvås"},
        {"", "", ""}};
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char *t = cell(CASES[i].in, '\t'), *c = cell(CASES[i].in, ',');
        ck_assert_str_eq(t, CASES[i].tsv);
        ck_assert_str_eq(c, CASES[i].csv);
        free(t);
        free(c);
    }
}
END_TEST

/* SQLite parses every trigger at every open: the derivations of the NIR items and of the list
 * state are written once in the schema, not once per trigger (they were 89 KB of its 141 KB of
 * trigger SQL, a fifth of a letter's time). */
START_TEST(test_schema_carries_each_derivation_once)
{
    ck_assert_int_eq(count("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%INSERT INTO nir_item(%'"), 1);
    ck_assert_int_eq(count("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%nir_touch(pid, groups)%'"), 23);
    ck_assert_int_eq(count("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%LEFT JOIN evaluation ev%'"), 1);
    ck_assert_int_eq(count("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%FROM participant_state s%'"), 14);
    ck_assert_int_lt(count("SELECT sum(length(sql)) FROM sqlite_schema WHERE type = 'trigger'"), 90000);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("nir");
    TCase *tc = tcase_create("nir");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_deadline_on_month_ends);
    tcase_add_test(tc, test_triggers_keep_the_items_of_the_facts);
    tcase_add_test(tc, test_cells_cannot_be_formulas);
    tcase_add_test(tc, test_schema_carries_each_derivation_once);
    suite_add_tcase(s, tc);
    return s;
}

TL_MAIN(suite)
