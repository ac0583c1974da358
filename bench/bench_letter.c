/* In-process timing of one decision letter as PDF/A-2b: the stored document loaded and checked
 * (hash against the chain, schema), laid out, drawn and made PDF/A, as `stegvis letter N --pdf`
 * does after opening the database. One warm-up run (fonts and caches), then the median of RUNS.
 * Prints "key value" lines for bench/run.sh. Usage: bench_letter DB PARTICIPANT [RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/letter_src.h"
#include "../core/pdf_letter.h"
#include "../core/store.h"
#include "../core/vedtak.h"

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

static int one(sv_store *st, long long pid, size_t *len, sv_err *e)
{
    sv_letter_src s;
    if (sv_letter_src_load(st, pid, 0, 1, &s, e)) return e->code;
    unsigned char *b = NULL;
    int rc = sv_letter_pdf(&s, &b, len, e);
    free(b);
    sv_letter_src_free(&s);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_letter DB PARTICIPANT [RUNS]\n");
        return 2;
    }
    int runs = argc > 3 ? atoi(argv[3]) : 15;
    if (runs < 1 || runs > 1000) runs = 15;
    sv_store *st;
    sv_err e;
    sv_err_clear(&e);
    if (sv_store_open(argv[1], 0, &st, &e)) {
        fprintf(stderr, "%s\n", e.msg);
        return 1;
    }
    long long pid = atoll(argv[2]);
    size_t len = 0;
    double t0 = now_ms();
    if (one(st, pid, &len, &e)) {
        fprintf(stderr, "%s\n", e.msg);
        return 1;
    }
    double first = now_ms() - t0;
    double *t = calloc((size_t)runs, sizeof *t);
    for (int i = 0; i < runs; i++) {
        double a = now_ms();
        if (one(st, pid, &len, &e)) {
            fprintf(stderr, "%s\n", e.msg);
            return 1;
        }
        t[i] = now_ms() - a;
    }
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    printf("letter_first_ms %.1f\nletter_median_ms %.1f\nletter_bytes %zu\nruns %d\n", first, t[runs / 2], len, runs);
    free(t);
    sv_store_close(st);
    sv_vedtak_cleanup();
    sv_pdf_cleanup();
    return 0;
}
