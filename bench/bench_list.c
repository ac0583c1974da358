/* In-process timings of the participant list through core/overview.h: open-to-first-page
 * (the core part of first paint), and per-keystroke time for a scripted session of scrolling,
 * sorting and search-as-you-type. Output is "key value" lines for bench/run.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../core/overview.h"
#include "../core/store.h"

#define WINDOW 40            /* rows on a tall terminal: the most one refresh draws */
#define MAXKEYS 4096

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* What a refresh does with the rows besides fetching them: format every visible line, so
 * the figure is not flattered by skipping work the screen must do. */
static size_t format_rows(const sv_overview_row *rows, int n)
{
    char line[256];
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        char next[11];
        sv_date_iso(rows[i].next, next);
        total += (size_t)snprintf(line, sizeof line, "%lld %s %s %d %d %s %s", (long long)rows[i].id,
                                  rows[i].fnr, rows[i].name, rows[i].step, rows[i].status, next,
                                  rows[i].next_label);
    }
    return total;
}

typedef struct {
    sv_store *st;
    sv_filter f;
    long total;
    long top, cursor;
    sv_overview_row rows[WINDOW];
    double ms[MAXKEYS];
    int nkeys;
    double typed[MAXKEYS];   /* the keys that typed a character: the term is new, never a repeat */
    int ntyped;
    size_t sink;
} session;

static int refresh(session *s, int recount)
{
    sv_err e;
    sv_err_clear(&e);
    if (recount) {
        s->total = sv_overview_count(s->st, &s->f, &e);
        if (s->total < 0) goto fail;
        s->top = s->cursor = 0;
    }
    int n = sv_overview_page(s->st, &s->f, (int)s->top, WINDOW, s->rows, &e);
    if (n < 0) goto fail;
    s->sink += format_rows(s->rows, n);
    return 0;
fail:
    fprintf(stderr, "bench_list: %s\n", e.msg);
    return -1;
}

/* One keystroke of the script: moves the cursor or edits the filter, then refreshes the
 * window, timed from the key to the last formatted row. */
static int key(session *s, const char *k)
{
    double t0 = now_ms();
    int recount = 0;
    long last = s->total > 0 ? s->total - 1 : 0;
    if (!strcmp(k, "down")) s->cursor = s->cursor < last ? s->cursor + 1 : last;
    else if (!strcmp(k, "up")) s->cursor = s->cursor > 0 ? s->cursor - 1 : 0;
    else if (!strcmp(k, "pgdn")) s->cursor = s->cursor + WINDOW < last ? s->cursor + WINDOW : last;
    else if (!strcmp(k, "pgup")) s->cursor = s->cursor > WINDOW ? s->cursor - WINDOW : 0;
    else if (!strcmp(k, "end")) s->cursor = last;
    else if (!strcmp(k, "home")) s->cursor = 0;
    else if (!strcmp(k, "sort")) {
        s->f.sort = (sv_sort)((s->f.sort + 1) % 4);
        s->cursor = s->top = 0;
    } else if (!strcmp(k, "bs")) {
        size_t n = strlen(s->f.search);
        while (n > 0 && (s->f.search[n - 1] & 0xC0) == 0x80) n--;   /* whole UTF-8 character */
        if (n > 0) n--;
        s->f.search[n] = '\0';
        recount = 1;
    } else if (!strncmp(k, "type:", 5)) {
        size_t n = strlen(s->f.search);
        snprintf(s->f.search + n, sizeof s->f.search - n, "%s", k + 5);
        recount = 1;
    }
    if (s->cursor < s->top) s->top = s->cursor;
    if (s->cursor >= s->top + WINDOW) s->top = s->cursor - WINDOW + 1;
    if (refresh(s, recount)) return -1;
    double ms = now_ms() - t0;
    if (s->nkeys < MAXKEYS) s->ms[s->nkeys++] = ms;
    if (!strncmp(k, "type:", 5) && s->ntyped < MAXKEYS) s->typed[s->ntyped++] = ms;
    if (getenv("BENCH_VERBOSE"))   /* each key on stderr, to see which ones are slow */
        fprintf(stderr, "%8.2f ms  %-8s sort %d search «%s» top %ld\n", ms, k, s->f.sort, s->f.search, s->top);
    return 0;
}

static int repeat(session *s, const char *k, int times)
{
    for (int i = 0; i < times; i++)
        if (key(s, k)) return -1;
    return 0;
}

/* Types word one UTF-8 character at a time, then erases it again. */
static int type_word(session *s, const char *word)
{
    int chars = 0;
    for (const char *p = word; *p;) {
        char k[16] = "type:";
        size_t len = 1;
        while (p[len] && (p[len] & 0xC0) == 0x80) len++;
        memcpy(k + 5, p, len);
        k[5 + len] = '\0';
        p += len;
        chars++;
        if (key(s, k)) return -1;
    }
    return repeat(s, "bs", chars);
}

static void report(const char *name, session *s)
{
    qsort(s->ms, (size_t)s->nkeys, sizeof s->ms[0], cmp_double);
    int n = s->nkeys;
    double med = n ? s->ms[n / 2] : 0, p99 = n ? s->ms[(n * 99 + 99) / 100 - 1] : 0;
    printf("%s_keys %d\n%s_median_ms %.2f\n%s_p99_ms %.2f\n%s_max_ms %.2f\n", name, n, name, med, name,
           p99, name, n ? s->ms[n - 1] : 0);
    s->nkeys = 0;
    /* Backspaces return to a term just shown, which the list may answer from what it has
     * kept: the typed keys alone say how fast a new term is found. */
    if (s->ntyped) {
        qsort(s->typed, (size_t)s->ntyped, sizeof s->typed[0], cmp_double);
        n = s->ntyped;
        printf("%s_typed_keys %d\n%s_typed_median_ms %.2f\n%s_typed_p99_ms %.2f\n", name, n, name, s->typed[n / 2],
               name, s->typed[(n * 99 + 99) / 100 - 1]);
        s->ntyped = 0;
    }
}

static int open_store(const char *path, sv_store **st)
{
    sv_err e;
    sv_err_clear(&e);
    if (sv_store_open(path, 0, st, &e)) {
        fprintf(stderr, "bench_list: %s\n", e.msg);
        return -1;
    }
    return 0;
}

/* Open, count, first window, formatted: what stands between start-up and the first refresh. */
static int first_page(const char *path)
{
    enum { RUNS = 7 };
    double t[RUNS];
    for (int i = 0; i < RUNS; i++) {
        double t0 = now_ms();
        session *s = calloc(1, sizeof *s);
        if (!s || open_store(path, &s->st)) return -1;
        sv_filter_init(&s->f);
        int rc = refresh(s, 1);
        t[i] = now_ms() - t0;
        sv_store_close(s->st);
        free(s);
        if (rc) return -1;
    }
    qsort(t, RUNS, sizeof t[0], cmp_double);
    printf("first_page_median_ms %.2f\nfirst_page_max_ms %.2f\n", t[RUNS / 2], t[RUNS - 1]);
    return 0;
}

static int scripted(const char *path)
{
    session *s = calloc(1, sizeof *s);
    if (!s || open_store(path, &s->st)) return -1;
    sv_filter_init(&s->f);
    if (refresh(s, 1)) return -1;
    /* Scrolling: line by line, page by page, to the end and back, under each sort order. */
    for (int sort = 0; sort < 4; sort++) {
        if ((sort && key(s, "sort")) || repeat(s, "down", 60) || repeat(s, "pgdn", 20) ||
            key(s, "end") || repeat(s, "up", 20) || repeat(s, "pgup", 10) || key(s, "home"))
            return -1;
    }
    if (key(s, "sort")) return -1;
    report("scroll", s);
    /* Search as you type: names with æøå, common names, identity-number fragments, and
     * terms that match nobody (the whole register must be looked through). Enough keys that
     * the 99th percentile is not simply the slowest one. */
    static const char *const words[] = {"sæther", "mohammed ali", "karimi", "1203", "åse løvås", "qxz",
                                        "hussaini", "0101", "fatima", "bjørnstad", "al-hassan",
                                        "tesfamariam", "zz", "ole"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (type_word(s, words[i])) return -1;
    report("search", s);
    printf("rows_total %ld\n", s->total);
    sv_store_close(s->st);
    if (s->sink == 0) fprintf(stderr, "bench_list: nothing was formatted\n");
    free(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "first") && strcmp(argv[1], "keys"))) {
        fprintf(stderr, "usage: bench_list first|keys DB\n");
        return 2;
    }
    int rc = !strcmp(argv[1], "first") ? first_page(argv[2]) : scripted(argv[2]);
    printf("peak_rss_kb %ld\n", peak_kb());
    return rc ? 1 : 0;
}
