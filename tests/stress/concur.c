/* Concurrency: 2-4 processes (advisers and NAV staff, each their own login) edit the same
 * plan, the same follow-up and the municipality's labour demand at once. Every edit adds one
 * to a counter in the row, so a lost update would show as a counter short of the number of
 * confirmed saves. A refused save must say so and keep the user's input; no "database is
 * locked" may reach the user; the audit log must hold one entry per change and per refusal.
 * Usage: stress-concur DB PROCS OPS_PER_PROC [SEED] */
#include <signal.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "stresslib.h"

typedef struct counts {
    long ops, plan_ok, fu_ok, demand_ok, fu_add, reads, conflicts, kept_bad, refused, db_errors, other;
} counts;


static const char *const LOGINS[] = {"radgiver1", "nav1", "radgiver2", "nav2"};
static const char *const ROLES[] = {"adviser", "nav", "adviser", "nav"};

/* Adds one to the "teller N" text field col of row id, retrying after conflicts the way a user
 * would (look at the new version, apply the change again). Returns the result of the save. */
static int bump(sv_store *st, const sv_entity *ent, int64_t id, const char *col, counts *c)
{
    void *obj = sv_xmalloc(ent->size);
    const sv_field *f = sv_entity_field(ent, col);
    sv_err e;
    int rc = SV_ECONFLICT;
    for (int tries = 0; tries < 200 && rc == SV_ECONFLICT; tries++) {
        if ((rc = sv_row_load(st, ent, id, obj, &e)) != SV_OK) break;
        char want[32];
        int version = ((sv_meta *)obj)->version;
        if (ent == &SV_ENT_DEMAND) {
            snprintf(want, sizeof want, "%d", ((sv_demand *)obj)->jobs + 1);
        } else {
            snprintf(want, sizeof want, "teller %ld", sl_counter((char *)obj + f->off) + 1);
        }
        sl_set(ent, obj, col, want);
        /* A moment between opening and saving, as a user has, so colleagues' saves interleave. */
        struct timespec think = {0, (long)(rand() % 400) * 1000L};
        nanosleep(&think, NULL);
        rc = sv_row_save(st, ent, obj, &e);
        if (rc == SV_ECONFLICT) {
            c->conflicts++;
            char now[64];
            sv_field_raw(f, obj, now, sizeof now);
            if (strcmp(now, want) != 0 || ((sv_meta *)obj)->version != version || !strstr(e.msg, "ikke lagret"))
                c->kept_bad++;
        }
    }
    if (rc == SV_EDENIED) {
        c->refused++;
    } else if (rc == SV_EDB) {
        c->db_errors++;
        fprintf(stderr, "concur: %s got: %s\n", sv_login(), e.msg);
    } else if (rc != SV_OK) {
        c->other++;
        fprintf(stderr, "concur: %s unexpected: %s\n", sv_login(), e.msg);
    }
    free(obj);
    return rc;
}

static void worker(int k, const char *db, int ops, unsigned seed, int fd, int go, int64_t plan, int64_t fu,
                   int64_t demand, int64_t pid)
{
    counts c = {0};
    setenv("STEGVIS_USER", LOGINS[k], 1);
    sv_login_reset();
    srand(seed);
    sv_store *st;
    sv_err e;
    if (sv_store_open(db, 0, &st, &e)) sl_die("worker open", &e);
    char byte;
    if (read(go, &byte, 1) < 0) _exit(4);   /* all start together: returns at the parent's close */
    int nav = !strcmp(ROLES[k], "nav");
    for (c.ops = 0; c.ops < ops; c.ops++) {
        int r = rand() % 100;
        if (r < 35) {
            if (bump(st, &SV_ENT_FOLLOWUP, fu, "notes", &c) == SV_OK) c.fu_ok++;
        } else if (r < 60) {
            /* NAV may not change the plan itself: each attempt must be refused. */
            if (bump(st, &SV_ENT_PLAN, plan, "justification", &c) == SV_OK) c.plan_ok++;
        } else if (r < 75) {
            if (bump(st, &SV_ENT_DEMAND, demand, "jobs", &c) == SV_OK) c.demand_ok++;
        } else if (r < 90) {
            sv_followup f;
            sv_entity_blank(&SV_ENT_FOLLOWUP, &f);
            f.m.parent = pid;
            sl_set(&SV_ENT_FOLLOWUP, &f, "held_on", "15.05.2025");
            sl_set(&SV_ENT_FOLLOWUP, &f, "with_whom", nav ? "nav" : "deltaker");
            sl_set(&SV_ENT_FOLLOWUP, &f, "notes", "ny");
            int rc = sv_row_save(st, &SV_ENT_FOLLOWUP, &f, &e);
            if (rc == SV_OK) c.fu_add++;
            else if (rc == SV_EDB) c.db_errors++, fprintf(stderr, "concur: %s got: %s\n", sv_login(), e.msg);
            else c.other++;
        } else {
            sv_plan pl;
            if (sv_row_load(st, &SV_ENT_PLAN, plan, &pl, &e) == SV_OK) c.reads++;
            else c.db_errors++, fprintf(stderr, "concur: %s read: %s\n", sv_login(), e.msg);
        }
    }
    sv_store_close(st);
    if (write(fd, &c, sizeof c) != (ssize_t)sizeof c) _exit(4);
    _exit(0);
}

/* Every audited update of table tbl row id moved the version by one and the counter by one. */
static void audit_chain(sqlite3 *h, const char *tbl, const char *col, int64_t id, long expect)
{
    char sql[600];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE tbl = '%s' AND row_id = ? AND action = 'update'", tbl);
    long n = q1(h, sql, id);
    if (n != expect) bad("%s: %ld audited updates for %ld confirmed saves", tbl, n, expect);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE tbl = '%s' AND row_id = ? AND action = 'update' AND ("
             "json_extract(new, '$.version') != json_extract(old, '$.version') + 1 OR "
             "CAST(replace(json_extract(new, '$.%s'), 'teller ', '') AS INTEGER) != "
             "CAST(replace(json_extract(old, '$.%s'), 'teller ', '') AS INTEGER) + 1)", tbl, col, col);
    if (q1(h, sql, id) != 0) bad("%s: an audited update did not build on the version before it", tbl);
}

int main(int argc, char **argv)
{
    g_name = "concur";
    if (argc < 4) {
        fprintf(stderr, "usage: stress-concur DB PROCS OPS [SEED]\n");
        return 2;
    }
    const char *db = argv[1];
    int procs = atoi(argv[2]), ops = atoi(argv[3]);
    unsigned seed = argc > 4 ? (unsigned)atoi(argv[4]) : (unsigned)time(NULL);
    if (procs < 2 || procs > 4 || ops < 1) return 2;
    char p[4200];
    const char *sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) snprintf(p, sizeof p, "%s%s", db, sfx[i]), unlink(p);
    int64_t muni = 0, work = 0, school = 0, pid = 0, plan = 0;
    sv_err e;
    sv_store *st = sl_setup(db, &muni, &work, &school);
    if (sl_make_case(st, muni, work, 1, &pid, &plan, &e)) sl_die("case", &e);
    for (int i = 0; i < 4; i++) {
        sv_user u = {0};
        snprintf(u.login, sizeof u.login, "%s", LOGINS[i]);
        snprintf(u.role, sizeof u.role, "%s", ROLES[i]);
        u.municipality_id = muni;
        if (sv_user_add(st, &u, &e)) sl_die("user", &e);
    }
    sv_followup fu;
    sv_entity_blank(&SV_ENT_FOLLOWUP, &fu);
    fu.m.parent = pid;
    sl_set(&SV_ENT_FOLLOWUP, &fu, "held_on", "01.05.2025");
    sl_set(&SV_ENT_FOLLOWUP, &fu, "with_whom", "arbeidsgiver");
    sl_set(&SV_ENT_FOLLOWUP, &fu, "notes", "teller 0");
    sv_demand d;
    sv_entity_blank(&SV_ENT_DEMAND, &d);
    d.m.parent = muni;
    sl_set(&SV_ENT_DEMAND, &d, "sector", "Helse");
    sl_set(&SV_ENT_DEMAND, &d, "occupation", "Helsefagarbeider");
    sl_set(&SV_ENT_DEMAND, &d, "jobs", "1");
    sl_set(&SV_ENT_DEMAND, &d, "source", "NAV bedriftsundersøkelse");
    sl_set(&SV_ENT_DEMAND, &d, "noted_on", "01.02.2025");
    if (sv_row_save(st, &SV_ENT_FOLLOWUP, &fu, &e) || sv_row_save(st, &SV_ENT_DEMAND, &d, &e)) sl_die("rows", &e);
    long refused_before = q1(sv_store_db(st), "SELECT count(*) FROM audit WHERE tbl = 'access'", 0);
    sv_store_close(st);

    int fds[2], gate[2];
    if (pipe(fds) != 0 || pipe(gate) != 0) return 3;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    fflush(NULL);
    for (int k = 0; k < procs; k++)
        if (fork() == 0) {
            close(fds[0]);
            close(gate[1]);
            worker(k, db, ops, seed + (unsigned)k, fds[1], gate[0], plan, fu.m.id, d.m.id, pid);
        }
    close(fds[1]);
    close(gate[0]);
    struct timespec settle = {0, 100000000L};
    nanosleep(&settle, NULL);
    close(gate[1]);
    counts sum = {0}, c;
    int got = 0;
    while (read(fds[0], &c, sizeof c) == (ssize_t)sizeof c) {
        got++;
        long *a = (long *)&sum, *b = (long *)&c;
        for (size_t i = 0; i < sizeof c / sizeof(long); i++) a[i] += b[i];
    }
    for (int k = 0; k < procs; k++) {
        int ws;
        wait(&ws);
        if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0) bad("a worker died (status %d)", ws);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (got != procs) bad("%d of %d workers reported", got, procs);

    if (sv_store_open(db, 0, &st, &e)) sl_die("reopen", &e);
    sqlite3 *h = sv_store_db(st);
    if (q1(h, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'", 0) != 0) bad("integrity_check");
    sv_plan pl;
    sv_followup f2;
    sv_demand d2;
    if (sv_row_load(st, &SV_ENT_PLAN, plan, &pl, &e) || sv_row_load(st, &SV_ENT_FOLLOWUP, fu.m.id, &f2, &e) ||
        sv_row_load(st, &SV_ENT_DEMAND, d.m.id, &d2, &e))
        sl_die("load", &e);
    if (sl_counter(pl.justification) != sum.plan_ok || pl.m.version != 1 + sum.plan_ok)
        bad("plan: counter %ld, version %d after %ld confirmed saves (lost update)", sl_counter(pl.justification),
            pl.m.version, sum.plan_ok);
    if (sl_counter(f2.notes) != sum.fu_ok || f2.m.version != 1 + sum.fu_ok)
        bad("follow-up: counter %ld after %ld confirmed saves (lost update)", sl_counter(f2.notes), sum.fu_ok);
    if (d2.jobs != 1 + sum.demand_ok) bad("demand: %d jobs after %ld confirmed saves (lost update)", d2.jobs, sum.demand_ok);
    audit_chain(h, "plan", "justification", plan, sum.plan_ok);
    audit_chain(h, "followup", "notes", fu.m.id, sum.fu_ok);
    if (q1(h, "SELECT count(*) FROM followup WHERE participant_id = ?", pid) != 1 + sum.fu_add)
        bad("follow-ups added: %ld confirmed", sum.fu_add);
    if (q1(h, "SELECT count(*) FROM audit WHERE tbl = 'followup' AND action = 'insert'", 0) != 1 + sum.fu_add)
        bad("follow-up inserts not all audited");
    long refused = q1(h, "SELECT count(*) FROM audit WHERE tbl = 'access'", 0) - refused_before;
    if (refused != sum.refused) bad("%ld refusals reported, %ld audited", sum.refused, refused);
    if (procs >= 2 && sum.refused == 0) bad("NAV was never refused a plan or labour-demand edit");
    if (sum.db_errors) bad("%ld database errors reached the user", sum.db_errors);
    if (sum.kept_bad) bad("%ld refused saves lost the user's input or did not say so", sum.kept_bad);
    if (sum.other) bad("%ld unexpected errors", sum.other);
    sv_store_close(st);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("concur: %d processes, %ld operations in %.1f s: %ld plan, %ld follow-up and %ld labour-demand edits "
           "saved, %ld follow-ups added, %ld conflicts reported with input kept, %ld refusals audited, "
           "%ld database errors: %s\n", procs, sum.ops, secs, sum.plan_ok, sum.fu_ok, sum.demand_ok, sum.fu_add,
           sum.conflicts, sum.refused, sum.db_errors, g_fail ? "FAILED" : "no lost update");
    return g_fail ? 1 : 0;
}
