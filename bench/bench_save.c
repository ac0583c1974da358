/* What syncing costs a save: the same confirmed edit (sv_row_save of a catalogue measure,
 * audited and chained) timed one by one with synchronous=NORMAL (commit not synced) and FULL
 * (what the program uses: the WAL is synced before a save is confirmed), side by side in one
 * run on the same file. Output is "key value" lines for bench/run.sh.
 * Usage: bench_save DB [SAVES] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/model.h"
#include "../core/store.h"
#include "../forms/forms.h"

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

static void die(const char *what, const sv_err *e)
{
    fprintf(stderr, "bench_save: %s: %s\n", what, e->msg);
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_save DB [SAVES]\n");
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 200;
    if (n < 10) n = 10;
    unlink(argv[1]);
    sv_store *st;
    sv_err e;
    if (sv_store_open(argv[1], 1, &st, &e)) die("open", &e);
    sv_user u = {0};
    snprintf(u.login, sizeof u.login, "%s", sv_login());
    strcpy(u.role, "administrator");
    if (sv_user_add(st, &u, &e)) die("user", &e);
    sv_municipality m;
    sv_entity_blank(&SV_ENT_MUNICIPALITY, &m);
    strcpy(m.number, "4601");
    strcpy(m.name, "Bergen");
    strcpy(m.malform, "nb");
    if (sv_row_save(st, &SV_ENT_MUNICIPALITY, &m, &e)) die("municipality", &e);
    sv_measure ms;
    sv_entity_blank(&SV_ENT_MEASURE, &ms);
    ms.m.parent = m.m.id;
    strcpy(ms.name, "Norskkurs");
    strcpy(ms.kind, "norsk");
    strcpy(ms.provider, "voksenopplaering");
    ms.hours = 150;
    strcpy(ms.orientation, "utdanning");
    strcpy(ms.status, "eksisterende");
    if (sv_row_save(st, &SV_ENT_MEASURE, &ms, &e)) die("measure", &e);
    double *t = malloc(sizeof *t * (size_t)n);
    static const char *const modes[] = {"NORMAL", "FULL"};
    for (int k = 0; k < 2; k++) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA synchronous = %s", modes[k]);
        sqlite3_exec(sv_store_db(st), sql, NULL, NULL, NULL);
        for (int i = 0; i < n; i++) {
            snprintf(ms.description, sizeof ms.description, "Runde %d, lagring %d", k, i);
            double t0 = now_ms();
            if (sv_row_save(st, &SV_ENT_MEASURE, &ms, &e)) die("save", &e);
            t[i] = now_ms() - t0;
        }
        qsort(t, (size_t)n, sizeof *t, cmp_double);
        printf("save_%s_median_ms %.2f\nsave_%s_p99_ms %.2f\n", modes[k], t[n / 2], modes[k], t[n * 99 / 100]);
    }
    printf("saves %d\n", n);
    free(t);
    sv_store_close(st);
    return 0;
}
