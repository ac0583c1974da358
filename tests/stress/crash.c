/* Crash safety: a writer process saves cases, plan edits, decisions and follow-ups as fast as
 * it can, writing a line to a log only after each save is committed (what the program would
 * confirm to the user); the harness kills it with SIGKILL at a random moment, again and again,
 * and checks the file: integrity_check ok, every confirmed save present, no half-written case,
 * plan or decision, and an audit entry for every change.
 * Usage: stress-crash DB KILLS [SEED] */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "stresslib.h"

static int64_t g_muni, g_work, g_school;

static void confirm(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void confirm(int fd, const char *fmt, ...)
{
    char line[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (write(fd, line, (size_t)n) != n) _exit(4);
}

static int64_t random_id(sv_store *st, const char *sql)
{
    sqlite3_stmt *s = sv_store_prepare(st, sql, NULL);
    int64_t id = 0;
    if (s && sqlite3_step(s) == SQLITE_ROW) id = sqlite3_column_int64(s, 0);
    if (s) sqlite3_reset(s);
    return id;
}

/* Bumps the plan's counter (justification "teller N") by one and saves, inside whatever
 * transaction the caller holds. */
static int bump_plan(sv_store *st, int64_t plan_id, sv_plan *pl, sv_err *e)
{
    if (sv_row_load(st, &SV_ENT_PLAN, plan_id, pl, e)) return e->code;
    char j[32];
    snprintf(j, sizeof j, "teller %ld", sl_counter(pl->justification) + 1);
    sl_set(&SV_ENT_PLAN, pl, "justification", j);
    return sv_row_save(st, &SV_ENT_PLAN, pl, e);
}

static void writer(const char *db, const char *log, unsigned seed)
{
    sv_store *st;
    sv_err e;
    srand(seed);
    if (sv_store_open(db, 0, &st, &e)) sl_die("writer open", &e);
    int fd = open(log, O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) _exit(4);
    for (uint64_t n = 0;; n++) {
        int r = rand() % 10;
        int64_t plan_id = random_id(st, "SELECT id FROM plan ORDER BY random() LIMIT 1");
        sv_plan pl;
        if (r < 3) {
            int64_t pid, plid;
            uint64_t k = (uint64_t)seed * 1000 + n * 7;
            int rc = sl_make_case(st, g_muni, rand() % 2 ? g_work : g_school, k, &pid, &plid, &e);
            if (rc == SV_EINVAL && !strcmp(e.field, "fnr")) continue;   /* number taken: try another */
            if (rc) sl_die("case", &e);
            confirm(fd, "C %" PRId64 " %" PRId64 "\n", pid, plid);
        } else if (r < 7) {
            if (bump_plan(st, plan_id, &pl, &e)) sl_die("edit", &e);
            confirm(fd, "E %" PRId64 " %d %ld\n", plan_id, pl.m.version, sl_counter(pl.justification));
        } else if (r < 9) {
            sv_followup f;
            sv_entity_blank(&SV_ENT_FOLLOWUP, &f);
            f.m.parent = random_id(st, "SELECT id FROM participant ORDER BY random() LIMIT 1");
            sl_set(&SV_ENT_FOLLOWUP, &f, "held_on", "15.05.2025");
            sl_set(&SV_ENT_FOLLOWUP, &f, "with_whom", "deltaker");
            sl_set(&SV_ENT_FOLLOWUP, &f, "notes", "Samtale om framdrift, praksisplass og norskkurs.");
            if (sv_row_save(st, &SV_ENT_FOLLOWUP, &f, &e)) sl_die("followup", &e);
            confirm(fd, "F %" PRId64 "\n", f.m.id);
        } else {
            /* A significant change: the plan edit and its decision commit together or not at all. */
            if (sv_store_begin(st, &e)) sl_die("begin", &e);
            if (bump_plan(st, plan_id, &pl, &e)) sl_die("change", &e);
            sv_decision d;
            memset(&d, 0, sizeof d);
            d.participant_id = pl.m.parent;
            strcpy(d.kind, "endring");
            d.decided_on = sv_today();
            d.plan_rev = pl.rev + 1;
            strcpy(d.law, "integreringsloven");
            snprintf(d.reason, sizeof d.reason, "Endring %ld", sl_counter(pl.justification));
            char *xml = sl_decision_xml(d.participant_id, d.plan_rev, (unsigned)n);
            int rc = sv_decision_insert(st, &d, xml, &e);
            free(xml);
            if (rc || sv_store_commit(st, &e)) sl_die("decision", &e);
            confirm(fd, "E %" PRId64 " %d %ld\nD %" PRId64 "\n", plan_id, pl.m.version,
                    sl_counter(pl.justification), d.id);
        }
    }
}

/* Checks the file after a kill; returns the number of confirmed saves seen in the log. */
static long verify(const char *db, const char *log)
{
    sv_store *st;
    sv_err e;
    if (sv_store_open(db, 0, &st, &e)) {
        bad("reopen after kill: %s", e.msg);
        return 0;
    }
    sqlite3 *h = sv_store_db(st);
    sqlite3_stmt *s;
    sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &s, NULL);
    if (sqlite3_step(s) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(s, 0), "ok"))
        bad("integrity_check: %s", sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    if (q1(h, "SELECT count(*) FROM pragma_foreign_key_check", 0) != 0) bad("foreign_key_check not empty");
    /* Whole cases only: every participant has its plan, two phases, two measures, a decision. */
    if (q1(h, "SELECT count(*) FROM participant p WHERE (SELECT count(*) FROM plan WHERE participant_id = p.id) != 1"
              " OR (SELECT count(*) FROM phase JOIN plan ON plan.id = phase.plan_id WHERE plan.participant_id = p.id) != 2"
              " OR (SELECT count(*) FROM plan_measure pm JOIN phase ON phase.id = pm.phase_id JOIN plan ON plan.id = phase.plan_id"
              "     WHERE plan.participant_id = p.id) != 2"
              " OR (SELECT count(*) FROM decision WHERE participant_id = p.id AND kind = 'plan') != 1", 0) != 0)
        bad("a half-written case exists");
    if (q1(h, "SELECT count(*) FROM decision WHERE xml NOT LIKE '%</vedtak>' OR length(xml) < 100", 0) != 0)
        bad("a half-written decision document exists");
    /* Each edit bumped the counter and the version together, and was audited. */
    if (q1(h, "SELECT count(*) FROM plan WHERE justification != 'teller ' || (version - 1)", 0) != 0)
        bad("a plan whose counter and version disagree (half-applied edit)");
    if (q1(h, "SELECT count(*) FROM plan WHERE version - 1 != (SELECT count(*) FROM audit WHERE tbl = 'plan' "
              "AND row_id = plan.id AND action = 'update')", 0) != 0)
        bad("plan edits without an audit entry");
    if (q1(h, "SELECT (SELECT count(*) FROM decision) - (SELECT count(*) FROM audit WHERE tbl = 'decision')", 0) != 0)
        bad("decisions without an audit entry");
    if (q1(h, "SELECT count(*) FROM decision d WHERE kind = 'endring' AND plan_rev > "
              "(SELECT rev FROM plan WHERE participant_id = d.participant_id)", 0) != 0)
        bad("a change decision without its plan edit");
    FILE *f = fopen(log, "r");
    long confirmed = 0;
    char line[256];
    while (f && fgets(line, sizeof line, f)) {
        if (!strchr(line, '\n')) break;   /* the writer died mid-line: not confirmed */
        long long a = 0, b = 0, c = 0;
        confirmed++;
        if (line[0] == 'C' && sscanf(line + 2, "%lld %lld", &a, &b) == 2) {
            if (q1(h, "SELECT count(*) FROM participant WHERE id = ?", a) != 1) bad("confirmed case %lld is missing", a);
        } else if (line[0] == 'E' && sscanf(line + 2, "%lld %lld %lld", &a, &b, &c) == 3) {
            if (q1(h, "SELECT version FROM plan WHERE id = ?", a) < b) bad("confirmed edit %lld v%lld is lost", a, b);
        } else if (line[0] == 'D' && sscanf(line + 2, "%lld", &a) == 1) {
            if (q1(h, "SELECT count(*) FROM decision WHERE id = ?", a) != 1) bad("confirmed decision %lld is missing", a);
        } else if (line[0] == 'F' && sscanf(line + 2, "%lld", &a) == 1) {
            if (q1(h, "SELECT count(*) FROM followup WHERE id = ?", a) != 1) bad("confirmed follow-up %lld is missing", a);
        }
    }
    if (f) fclose(f);
    sv_store_close(st);
    return confirmed;
}

int main(int argc, char **argv)
{
    g_name = "crash";
    if (argc < 3) {
        fprintf(stderr, "usage: stress-crash DB KILLS [SEED]\n");
        return 2;
    }
    const char *db = argv[1];
    int kills = atoi(argv[2]);
    unsigned seed = argc > 3 ? (unsigned)atoi(argv[3]) : (unsigned)time(NULL);
    char log[4096], p[4200];
    snprintf(log, sizeof log, "%s.log", db);
    const char *sfx[] = {"", "-wal", "-shm", ".log"};
    for (int i = 0; i < 4; i++) snprintf(p, sizeof p, "%s%s", db, sfx[i]), unlink(p);
    sv_err e;
    sv_store *st = sl_setup(db, &g_muni, &g_work, &g_school);
    int64_t pid, plid;
    if (sl_make_case(st, g_muni, g_work, 1, &pid, &plid, &e)) sl_die("first case", &e);
    sv_store_close(st);
    close(open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    srand(seed);
    int mid = 0;
    long confirmed = 0;
    for (int i = 1; i <= kills && !g_fail; i++) {
        fflush(NULL);
        pid_t c = fork();
        if (c == 0) writer(db, log, seed + (unsigned)i);
        /* Mostly well inside the write loop, sometimes during opening and recovery. */
        struct timespec ts = {0, (long)(rand() % 40000) * 1000L};
        nanosleep(&ts, NULL);
        kill(c, SIGKILL);
        int ws;
        waitpid(c, &ws, 0);
        if (WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL) mid++;
        else bad("writer ended by itself (status %d) before the kill", WEXITSTATUS(ws));
        if (i % 25 == 0 || i == kills) confirmed = verify(db, log);
    }
    printf("crash: %d kills during writes (seed %u), %ld confirmed saves all present, %s\n", mid, seed,
           confirmed, g_fail ? "FAILED" : "file intact, no half-written case, plan or decision");
    return g_fail ? 1 : 0;
}
