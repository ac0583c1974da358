/* In-process timings of what the NIR and results screens do before their first paint, on a
 * database the program has open already (the screens open from the participant list):
 * (NIR) count the open items and read the first page of them, (results) build the whole
 * report of the municipality. Opening the database is timed on its own. Median of 7 runs
 * each, as "key value" lines for bench/run.sh. Usage: bench_nir DB [MUNICIPALITY_NUMBER] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/nir.h"
#include "../core/results.h"
#include "../core/store.h"

#define RUNS 7
#define WINDOW 40

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int count_row(const sv_nir_item *it, void *ctx)
{
    (void)it;
    (*(int *)ctx)++;
    return 0;
}

static int64_t muni_of(sv_store *st, const char *number)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id FROM municipality WHERE ?1 = '' OR number = ?1 ORDER BY"
                                           " (SELECT count(*) FROM participant p WHERE p.municipality_id = municipality.id)"
                                           " DESC LIMIT 1", NULL);
    int64_t id = 0;
    if (!s) return 0;
    sqlite3_bind_text(s, 1, number, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) id = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return id;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_nir DB [MUNICIPALITY_NUMBER]\n");
        return 2;
    }
    double nir[RUNS], res[RUNS], open_ms[RUNS];
    int rows = 0, sections = 0;
    long open = 0, overdue = 0;
    for (int r = 0; r < RUNS; r++) {
        sv_store *st;
        sv_err e;
        double t0 = now_ms();
        if (sv_store_open(argv[1], 0, &st, &e)) {
            fprintf(stderr, "%s\n", e.msg);
            return 1;
        }
        open_ms[r] = now_ms() - t0;
        int64_t muni = muni_of(st, argc > 2 ? argv[2] : "");
        t0 = now_ms();
        sv_nir_filter f;
        sv_nir_filter_init(&f);
        f.municipality_id = muni;
        f.limit = WINDOW;
        rows = 0;
        if (sv_nir_count(st, &f, sv_today(), &open, &overdue, &e) ||
            sv_nir_each(st, &f, sv_today(), count_row, &rows, &e)) {
            fprintf(stderr, "%s\n", e.msg);
            return 1;
        }
        nir[r] = now_ms() - t0;
        sv_store_close(st);
        if (sv_store_open(argv[1], 0, &st, &e)) return 1;
        t0 = now_ms();
        sv_results rr;
        if (sv_results_run(st, muni, 0, sv_today(), &rr, &e)) {
            fprintf(stderr, "%s\n", e.msg);
            return 1;
        }
        sections = rr.nsections;
        sv_results_free(&rr);
        res[r] = now_ms() - t0;
        sv_store_close(st);
    }
    qsort(nir, RUNS, sizeof nir[0], cmp_double);
    qsort(res, RUNS, sizeof res[0], cmp_double);
    qsort(open_ms, RUNS, sizeof open_ms[0], cmp_double);
    printf("open_median_ms %.1f\n", open_ms[RUNS / 2]);
    printf("nir_first_page_median_ms %.1f\nnir_open %ld\nnir_rows %d\n", nir[RUNS / 2], open, rows);
    printf("results_first_page_median_ms %.1f\nresults_sections %d\n", res[RUNS / 2], sections);
    return 0;
}
