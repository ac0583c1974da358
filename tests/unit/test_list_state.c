/* The list's stored state (step, plan status, deadlines on participant, schema migration 3)
 * must equal what deriving it from the case tables gives, after every kind of write the
 * triggers watch; the paged list must match the list read in one go; and search through the
 * trigram index (migration 4) must find what a substring scan finds. */
#include <sqlite3.h>

#include "testlib.h"

#include "../../core/case.h"
#include "../../core/decision.h"
#include "../../core/demo.h"
#include "../../core/overview.h"

static sv_store *st;
static char path[512];
static int64_t muni;

static void setup(void) { st = tl_open(path, sizeof path, &muni); }
static void teardown(void)
{
    sv_store_close(st);
    tl_unlink_db(path);
}

/* The derivation as the list computed it per row before migration 3, kept here as the
 * reference the stored columns are held to. */
static const char REFERENCE[] =
    "SELECT count(*) FROM participant x JOIN (SELECT p.id AS id,"
    " CASE WHEN ev.id IS NOT NULL THEN 7 WHEN d.id IS NOT NULL THEN 6 ELSE 5 END AS step,"
    " CASE WHEN pl.id IS NULL THEN 0 WHEN d.id IS NULL THEN 1 WHEN d.plan_rev = pl.rev THEN 2 ELSE 3 END AS status,"
    " CASE WHEN ev.id IS NULL AND d.id IS NULL THEN sv_plan_due(p.permit_on, p.settled_on, p.requested_on) END AS plan_due,"
    " CASE WHEN ev.id IS NULL AND d.id IS NOT NULL THEN nullif(min(ifnull(sv_review_due(max(d.decided_on,"
    "   ifnull((SELECT max(held_on) FROM review r WHERE r.participant_id = p.id), ''))), '9999'),"
    "   ifnull((SELECT min(sv_event_review_due(a.from_on)) FROM absence a WHERE a.participant_id = p.id"
    "   AND sv_life_event(a.kind, a.reason, a.from_on, a.to_on) AND NOT EXISTS(SELECT 1 FROM review r"
    "   WHERE r.participant_id = p.id AND r.held_on >= a.from_on)), '9999')), '9999') END AS review_due,"
    " CASE WHEN ev.id IS NULL THEN pl.planned_end END AS prog_end"
    " FROM participant p LEFT JOIN plan pl ON pl.participant_id = p.id"
    " LEFT JOIN evaluation ev ON ev.participant_id = p.id"
    " LEFT JOIN decision d ON d.id = (SELECT id FROM decision WHERE participant_id = p.id"
    "   ORDER BY decided_on DESC, id DESC LIMIT 1)) y ON y.id = x.id"
    " WHERE x.step IS NOT y.step OR x.status IS NOT y.status OR x.plan_due IS NOT y.plan_due"
    " OR x.review_due IS NOT y.review_due OR x.prog_end IS NOT y.prog_end"
    " OR x.next_on IS NOT nullif(min(ifnull(y.plan_due, '9999'), ifnull(y.review_due, '9999'),"
    "   ifnull(y.prog_end, '9999')), '9999')";

static long one(const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long n = (long)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

static void decide(int64_t pid, sv_date on)
{
    sv_err e;
    sv_case c;
    ck_assert_int_eq(sv_case_load(st, pid, &c, &e), SV_OK);
    sv_decision d = {0};
    d.participant_id = pid;
    strcpy(d.kind, "endring");   /* the demo has issued the plan decision for this version */
    d.decided_on = on;
    d.plan_rev = c.plan.rev;
    strcpy(d.law, "integreringsloven");
    strcpy(d.notify_method, "post");
    sv_case_free(&c);
    ck_assert_msg(sv_decision_insert(st, &d, "<vedtak/>", &e) == SV_OK, "%s", e.msg);
}

START_TEST(test_stored_state_follows_every_write)
{
    sv_demo_opts o = {.participants = 120, .municipalities = 2, .seed = 5};
    sv_demo_result r;
    sv_err e;
    ck_assert_msg(sv_demo(st, &o, &r, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(one(REFERENCE), 0);
    ck_assert_int_gt(one("SELECT count(*) FROM participant WHERE status = 1"), 0);

    /* decisions: step 6, status decided; a later plan change makes it "changed" */
    int64_t a = one("SELECT participant_id FROM plan p WHERE NOT EXISTS (SELECT 1 FROM evaluation"
                    " WHERE participant_id = p.participant_id) ORDER BY participant_id LIMIT 1");
    int64_t b = one("SELECT participant_id FROM plan ORDER BY participant_id DESC LIMIT 1");
    decide(a, sv_today() - 40);
    decide(b, sv_today() - 10);
    ck_assert_int_eq(one(REFERENCE), 0);
    sv_case c;
    ck_assert_int_eq(sv_case_load(st, a, &c, &e), SV_OK);
    sv_phase ph = c.phases[0].phase;
    sv_case_free(&c);
    strcpy(ph.name, "Endret fase");
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PHASE, &ph, &e), SV_OK);
    ck_assert_int_eq(one(REFERENCE), 0);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT status FROM participant WHERE id = %lld", (long long)a);
    ck_assert_int_eq(one(sql), SV_PS_CHANGED);

    /* a review moves the review deadline; deleting it moves it back */
    sv_review rv;
    sv_entity_blank(&SV_ENT_REVIEW, &rv);
    rv.m.parent = a;
    rv.held_on = sv_today() - 2;
    strcpy(rv.reason, "jevnlig");
    strcpy(rv.outcome, "Planen fungerer.");
    ck_assert_msg(sv_row_save(st, &SV_ENT_REVIEW, &rv, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(one(REFERENCE), 0);
    rv.held_on = sv_today() - 1;
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_REVIEW, &rv, &e), SV_OK);
    ck_assert_int_eq(one(REFERENCE), 0);
    ck_assert_int_eq(sv_row_delete(st, &SV_ENT_REVIEW, rv.m.id, rv.m.version, &e), SV_OK);
    ck_assert_int_eq(one(REFERENCE), 0);

    /* a birth calls for a review within a month: the deadline moves to it, a review after it
     * moves it on again; the C derivation (show, screens) agrees */
    sv_absence ab;
    sv_entity_blank(&SV_ENT_ABSENCE, &ab);
    ab.m.parent = a;
    strcpy(ab.kind, "permisjon");
    strcpy(ab.reason, "fodsel");
    ab.from_on = sv_today() - 10;
    ab.to_on = sv_today() + 10;
    ab.approved = 1;
    ck_assert_msg(sv_row_save(st, &SV_ENT_ABSENCE, &ab, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(one(REFERENCE), 0);
    char due[11];
    sv_date_iso(sv_date_add_months(sv_today() - 10, 1), due);
    char q[200];
    snprintf(q, sizeof q, "SELECT count(*) FROM participant WHERE id = %lld AND review_due = '%s'", (long long)a, due);
    ck_assert_int_eq(one(q), 1);
    sv_case ca;
    ck_assert_int_eq(sv_case_load(st, a, &ca, &e), SV_OK);
    sv_deadlines dl;
    sv_case_derive(&ca, sv_today(), &dl);
    char cdue[11];
    sv_date_iso(dl.review_due, cdue);
    ck_assert_str_eq(cdue, due);
    sv_case_free(&ca);
    sv_review after;
    sv_entity_blank(&SV_ENT_REVIEW, &after);
    after.m.parent = a;
    after.held_on = sv_today();
    strcpy(after.reason, "endring");
    strcpy(after.outcome, "Planen tilpasses permisjonen.");
    ck_assert_msg(sv_row_save(st, &SV_ENT_REVIEW, &after, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(one(REFERENCE), 0);
    ck_assert_int_eq(one(q), 0);
    ck_assert_int_eq(sv_row_delete(st, &SV_ENT_REVIEW, after.m.id, after.m.version, &e), SV_OK);
    ck_assert_int_eq(sv_row_delete(st, &SV_ENT_ABSENCE, ab.m.id, ab.m.version, &e), SV_OK);
    ck_assert_int_eq(one(REFERENCE), 0);

    /* evaluation in and out: step 7 and back */
    sv_evaluation ev;
    sv_entity_blank(&SV_ENT_EVALUATION, &ev);
    ev.m.parent = a;
    ev.evaluated_on = sv_today();
    strcpy(ev.outcome, "arbeid");
    strcpy(ev.end_reason, "arbeid");
    ck_assert_msg(sv_row_save(st, &SV_ENT_EVALUATION, &ev, &e) == SV_OK, "%s", e.msg);
    snprintf(sql, sizeof sql, "SELECT step FROM participant WHERE id = %lld", (long long)a);
    ck_assert_int_eq(one(sql), 7);
    ck_assert_int_eq(one(REFERENCE), 0);
    ck_assert_int_eq(sv_row_delete(st, &SV_ENT_EVALUATION, ev.m.id, ev.m.version, &e), SV_OK);
    ck_assert_int_eq(one(sql), 6);
    ck_assert_int_eq(one(REFERENCE), 0);

    /* settlement date and plan end edited on the participant and the plan */
    sv_participant p;
    int64_t fresh = one("SELECT id FROM participant WHERE status = 0 LIMIT 1");
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, fresh, &p, &e), SV_OK);
    p.settled_on -= 31;
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e), SV_OK);
    sv_plan pl;
    ck_assert_int_eq(sv_row_load_child(st, &SV_ENT_PLAN, b, &pl, &e), SV_OK);
    pl.planned_end += 20;
    ck_assert_int_eq(sv_row_save(st, &SV_ENT_PLAN, &pl, &e), SV_OK);
    ck_assert_int_eq(one(REFERENCE), 0);
}
END_TEST

/* Each sort order and direction, paged 7 rows at a time, gives the same sequence as one read,
 * and that sequence is ordered as the sort promises (ties by id ascending). */
START_TEST(test_pages_agree_with_one_read_in_every_order)
{
    sv_demo_opts o = {.participants = 90, .municipalities = 1, .seed = 8};
    sv_demo_result r;
    sv_err e;
    ck_assert_int_eq(sv_demo(st, &o, &r, &e), SV_OK);
    sv_overview_row all[200], page[7];
    for (int sort = 0; sort < 4; sort++) {
        for (int desc = 0; desc < 2; desc++) {
            sv_filter f;
            sv_filter_init(&f);
            f.sort = (sv_sort)sort;
            f.descending = desc;
            int n = sv_overview_page(st, &f, 0, 200, all, &e);
            ck_assert_int_eq(n, 90);
            ck_assert_int_eq(sv_overview_count(st, &f, &e), 90);
            for (int off = 0; off < n; off += 7) {
                int k = sv_overview_page(st, &f, off, 7, page, &e);
                ck_assert_int_eq(k, n - off < 7 ? n - off : 7);
                for (int i = 0; i < k; i++) ck_assert_int_eq(page[i].id, all[off + i].id);
            }
            for (int i = 1; i < n; i++) {
                const sv_overview_row *x = &all[i - 1], *y = &all[i];
                long cmp = sort == SV_SORT_SETTLED ? (long)x->settled_on - (long)y->settled_on
                           : sort == SV_SORT_STATUS ? x->status - y->status
                           : sort == SV_SORT_DEADLINE ? (x->next == SV_NODATE) - (y->next == SV_NODATE) : 0;
                if (sort == SV_SORT_DEADLINE && !cmp && x->next != SV_NODATE)
                    cmp = (long)x->next - (long)y->next;
                if (desc && !(sort == SV_SORT_DEADLINE && (x->next == SV_NODATE) != (y->next == SV_NODATE)))
                    cmp = -cmp;
                ck_assert_msg(cmp < 0 || (cmp == 0 && (sort == SV_SORT_NAME || x->id < y->id)),
                              "sort %d desc %d: row %d out of order", sort, desc, i);
            }
        }
    }
}
END_TEST

/* Search through the trigram index finds exactly what LIKE '%term%' over the folded key
 * finds, for short and long terms, wildcards and quotes, after renames and deletes too. */
START_TEST(test_search_matches_like_on_the_folded_key)
{
    sv_demo_opts o = {.participants = 150, .municipalities = 2, .seed = 11};
    sv_demo_result r;
    sv_err e;
    ck_assert_int_eq(sv_demo(st, &o, &r, &e), SV_OK);
    sv_participant p;
    int64_t id = one("SELECT max(id) FROM participant WHERE status = 0");
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, id, &p, &e), SV_OK);
    strcpy(p.name, "Ærlig \"Q\" 100%_Øst");
    ck_assert_msg(sv_row_save(st, &SV_ENT_PARTICIPANT, &p, &e) == SV_OK, "%s", e.msg);
    int64_t gone = one("SELECT min(id) FROM participant p WHERE NOT EXISTS"
                       " (SELECT 1 FROM assessment a WHERE a.participant_id = p.id)");
    ck_assert_int_eq(sv_row_load(st, &SV_ENT_PARTICIPANT, gone, &p, &e), SV_OK);
    ck_assert_int_eq(sv_row_delete(st, &SV_ENT_PARTICIPANT, gone, p.m.version, &e), SV_OK);
    static const char *const terms[] = {"a", "al", "ali", "ALI", "mohammed", "sæther", "SÆTHER", "åse",
                                        "1203", "0", "i k", "\"q\"", "\"", "100%", "%_", "_", "ærlig",
                                        "ØST", "zzzz", "ahmad ali"};
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        sv_filter f;
        sv_filter_init(&f);
        snprintf(f.search, sizeof f.search, "%s", terms[i]);
        char fold[128];
        sv_utf8_fold(fold, sizeof fold, terms[i]);
        sqlite3_stmt *s;
        ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), "SELECT count(*) FROM participant"
                                            " WHERE instr(search_key, ?) > 0", -1, &s, NULL), SQLITE_OK);
        sqlite3_bind_text(s, 1, fold, -1, SQLITE_STATIC);
        ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
        long want = (long)sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        ck_assert_msg(sv_overview_count(st, &f, &e) == want, "«%s»: %ld, want %ld", terms[i],
                      sv_overview_count(st, &f, &e), want);
        sv_overview_row rows[200];
        ck_assert_int_eq(sv_overview_page(st, &f, 0, 200, rows, &e), (int)want);
    }
    sv_filter f;
    sv_filter_init(&f);
    snprintf(f.search, sizeof f.search, "%s", "ærlig \"q\" 100%_ø");
    ck_assert_int_eq(sv_overview_count(st, &f, &e), 1);
}
END_TEST

/* Pages past the middle of a long list are read in the opposite order from the far end; they
 * must be the rows, in the order, that reading from the start gives. */
START_TEST(test_deep_pages_from_the_far_end_agree)
{
    /* 2,600 plain participants in bulk: settlement dates repeat, so ties on every sort key */
    ck_assert_int_eq(sqlite3_exec(sv_store_db(st),
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2600)"
        " INSERT INTO participant(municipality_id, fnr, name, settled_on, search_key)"
        " SELECT 1, printf('%011d', i), 'Navn ' || (i % 97),"
        "  date('2024-01-01', '+' || (i % 40) || ' days'), 'navn ' || (i % 97) || ' ' || printf('%011d', i)"
        " FROM n", NULL, NULL, NULL), SQLITE_OK);
    sv_err e;
    static sv_overview_row all[2600], page[40];
    for (int sort = 0; sort < 4; sort++) {
        for (int desc = 0; desc < 2; desc++) {
            sv_filter f;
            sv_filter_init(&f);
            f.sort = (sv_sort)sort;
            f.descending = desc;
            ck_assert_int_eq(sv_overview_page(st, &f, 0, 2600, all, &e), 2600);
            static const int offs[] = {1999, 2300, 2560, 2575, 2599, 2600};
            for (int k = 0; k < 6; k++) {
                int n = sv_overview_page(st, &f, offs[k], 40, page, &e);
                ck_assert_int_eq(n, 2600 - offs[k] < 40 ? 2600 - offs[k] : 40);
                for (int i = 0; i < n; i++)
                    ck_assert_msg(page[i].id == all[offs[k] + i].id, "sort %d desc %d offset %d row %d",
                                  sort, desc, offs[k], i);
            }
        }
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("list_state");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_stored_state_follows_every_write);
    tcase_add_test(tc, test_pages_agree_with_one_read_in_every_order);
    tcase_add_test(tc, test_search_matches_like_on_the_folded_key);
    tcase_add_test(tc, test_deep_pages_from_the_far_end_agree);
    suite_add_tcase(s, tc);
    return s;
}

TL_MAIN(suite)
