/* Shared by the stress programs: building rows through the same field parser the forms use
 * (so the data is valid the way a user's would be), a whole case in one transaction, and a
 * fail-fast helper. Header-only so each stress program stays one file plus this. */
#ifndef SV_STRESSLIB_H
#define SV_STRESSLIB_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/decision.h"
#include "../../core/fnr.h"
#include "../../core/model.h"
#include "../../core/store.h"
#include "../../forms/forms.h"

/* Failures found so far, reported by bad() with the harness's name (set g_name in main). */
static int g_fail;
static const char *g_name = "stress";

static void bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void bad(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: FAIL: ", g_name);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    g_fail++;
}

/* The first column of a one-parameter query, or -1 (and a failure) if it cannot run. */
static long q1(sqlite3 *db, const char *sql, int64_t arg)
{
    sqlite3_stmt *s;
    long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
        bad("sql %s: %s", sql, sqlite3_errmsg(db));
        return -1;
    }
    sqlite3_bind_int64(s, 1, arg);
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static void sl_die(const char *what, const sv_err *e)
{
    fprintf(stderr, "stress: %s: %s\n", what, e ? e->msg : "");
    exit(3);
}

/* Sets field col of obj from text through sv_field_parse; a bad value is a harness bug. */
static void sl_set(const sv_entity *ent, void *obj, const char *col, const char *text)
{
    sv_err e;
    const sv_field *f = sv_entity_field(ent, col);
    if (!f) sl_die(col, NULL);
    if (sv_field_parse(f, obj, text, &e) != SV_OK) sl_die(col, &e);
}

/* A valid identity number derived from k (k..k+n tried until the check digits work). */
static void sl_fnr(uint64_t k, char out[12])
{
    for (;; k++) {
        char d9[10];
        snprintf(d9, sizeof d9, "%02d%02d%02d%03d", (int)(1 + k % 28), (int)(1 + (k / 28) % 12),
                 (int)((k / 336) % 100), (int)(100 + (k / 33600) % 400));
        int k1, k2;
        if (sv_fnr_check_digits(d9, &k1, &k2) != 0) continue;
        snprintf(out, 12, "%s%d%d", d9, k1, k2);
        return;
    }
}

/* Database with the current login as administrator, municipality 4601 and one work-oriented
 * NAV measure (id returned) plus one Norwegian course. */
static sv_store *sl_setup(const char *path, int64_t *muni, int64_t *work_measure, int64_t *school_measure)
{
    sv_store *st;
    sv_err e;
    if (sv_store_open(path, 1, &st, &e)) sl_die("open", &e);
    sv_user u = {0};
    snprintf(u.login, sizeof u.login, "%s", sv_login());
    strcpy(u.role, "administrator");
    if (sv_user_add(st, &u, &e)) sl_die("user", &e);
    sv_municipality m;
    sv_entity_blank(&SV_ENT_MUNICIPALITY, &m);
    sl_set(&SV_ENT_MUNICIPALITY, &m, "number", "4601");
    sl_set(&SV_ENT_MUNICIPALITY, &m, "name", "Bergen");
    sl_set(&SV_ENT_MUNICIPALITY, &m, "malform", "nb");
    if (sv_row_save(st, &SV_ENT_MUNICIPALITY, &m, &e)) sl_die("municipality", &e);
    *muni = m.m.id;
    for (int i = 0; i < 2; i++) {
        sv_measure ms;
        sv_entity_blank(&SV_ENT_MEASURE, &ms);
        ms.m.parent = m.m.id;
        sl_set(&SV_ENT_MEASURE, &ms, "name", i ? "Norskkurs" : "Arbeidspraksis i butikk");
        sl_set(&SV_ENT_MEASURE, &ms, "kind", i ? "norsk" : "arbeidspraksis");
        sl_set(&SV_ENT_MEASURE, &ms, "provider", i ? "voksenopplaering" : "nav");
        sl_set(&SV_ENT_MEASURE, &ms, "hours", "15");
        sl_set(&SV_ENT_MEASURE, &ms, "orientation", i ? "utdanning" : "arbeid");
        sl_set(&SV_ENT_MEASURE, &ms, "nav", i ? "nei" : "ja");
        sl_set(&SV_ENT_MEASURE, &ms, "status", "eksisterende");
        if (sv_row_save(st, &SV_ENT_MEASURE, &ms, &e)) sl_die("measure", &e);
        *(i ? school_measure : work_measure) = ms.m.id;
    }
    return st;
}

/* The decision document stored with a decision: large enough to span several pages, and
 * ending in a closing tag so a half-written one would show. */
static char *sl_decision_xml(int64_t participant, int rev, unsigned seed)
{
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_printf(&b, "<vedtak deltaker=\"%" PRId64 "\" rev=\"%d\">", participant, rev);
    for (int i = 0; i < 40 + (int)(seed % 80); i++)
        sv_buf_printf(&b, "<avsnitt n=\"%d\">Begrunnelse for vedtaket, del %d: behov, tiltak og vurdering.</avsnitt>", i, i);
    sv_buf_add(&b, "</vedtak>");
    return b.s;
}

/* A whole case in one transaction: participant, need, plan, two phases with one measure each,
 * and the plan decision. Either all of it is stored or none. */
static int sl_make_case(sv_store *st, int64_t muni, int64_t measure, uint64_t k, int64_t *pid,
                        int64_t *plan_id, sv_err *e)
{
    sv_participant p;
    sv_need nd;
    sv_plan pl;
    sv_phase ph[2];
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = muni;
    sl_fnr(k, p.fnr);
    char name[64];
    snprintf(name, sizeof name, "Krasj Deltaker %" PRIu64, k);
    sl_set(&SV_ENT_PARTICIPANT, &p, "name", name);
    sl_set(&SV_ENT_PARTICIPANT, &p, "permit_on", "10.01.2025");
    sl_set(&SV_ENT_PARTICIPANT, &p, "settled_on", "01.03.2025");
    sl_set(&SV_ENT_PARTICIPANT, &p, "right_duty", "rett_plikt");
    sl_set(&SV_ENT_PARTICIPANT, &p, "schooling", "grunnskole");
    snprintf(p.adviser, sizeof p.adviser, "%s", sv_login());
    if (sv_store_begin(st, e)) return e->code;
    if (sv_row_save(st, &SV_ENT_PARTICIPANT, &p, e)) goto fail;
    sv_entity_blank(&SV_ENT_NEED, &nd);
    nd.m.parent = p.m.id;
    sl_set(&SV_ENT_NEED, &nd, "area", "norsk");
    sl_set(&SV_ENT_NEED, &nd, "description", "Norsk til B1");
    if (sv_row_save(st, &SV_ENT_NEED, &nd, e)) goto fail;
    sv_entity_blank(&SV_ENT_PLAN, &pl);
    pl.m.parent = p.m.id;
    sl_set(&SV_ENT_PLAN, &pl, "start_on", "01.04.2025");
    sl_set(&SV_ENT_PLAN, &pl, "planned_end", "31.03.2027");
    sl_set(&SV_ENT_PLAN, &pl, "final_goal", "arbeid");
    sl_set(&SV_ENT_PLAN, &pl, "final_goal_text", "Fast jobb i butikk");
    sl_set(&SV_ENT_PLAN, &pl, "norwegian_goal", "B1");
    sl_set(&SV_ENT_PLAN, &pl, "consulted_on", "25.03.2025");
    sl_set(&SV_ENT_PLAN, &pl, "justification", "teller 0");
    if (sv_row_save(st, &SV_ENT_PLAN, &pl, e)) goto fail;
    for (int i = 0; i < 2; i++) {
        sv_entity_blank(&SV_ENT_PHASE, &ph[i]);
        ph[i].m.parent = pl.m.id;
        sl_set(&SV_ENT_PHASE, &ph[i], "name", i ? "Arbeidspraksis" : "Norsk");
        sl_set(&SV_ENT_PHASE, &ph[i], "start_on", i ? "01.10.2025" : "01.04.2025");
        sl_set(&SV_ENT_PHASE, &ph[i], "end_on", i ? "31.03.2027" : "30.09.2025");
        if (sv_row_save(st, &SV_ENT_PHASE, &ph[i], e)) goto fail;
        sv_plan_measure pm;
        sv_entity_blank(&SV_ENT_PLAN_MEASURE, &pm);
        pm.m.parent = ph[i].m.id;
        pm.measure_id = measure;
        pm.need_id = nd.m.id;
        sl_set(&SV_ENT_PLAN_MEASURE, &pm, "hours", "20");
        if (sv_row_save(st, &SV_ENT_PLAN_MEASURE, &pm, e)) goto fail;
    }
    if (sv_row_load(st, &SV_ENT_PLAN, pl.m.id, &pl, e)) goto fail;
    sv_decision d;
    memset(&d, 0, sizeof d);
    d.participant_id = p.m.id;
    strcpy(d.kind, "plan");
    d.decided_on = sv_today();
    d.plan_rev = pl.rev;
    strcpy(d.law, "integreringsloven");
    char *xml = sl_decision_xml(p.m.id, pl.rev, (unsigned)k);
    int rc = sv_decision_insert(st, &d, xml, e);
    free(xml);
    if (rc) goto fail;
    if (sv_store_commit(st, e)) return e->code;
    *pid = p.m.id;
    *plan_id = pl.m.id;
    return SV_OK;
fail:
    sv_store_rollback(st);
    return e->code;
}

/* The number in a plan justification "teller N". */
static long sl_counter(const char *s)
{
    return strncmp(s, "teller ", 7) == 0 ? strtol(s + 7, NULL, 10) : -1;
}

#endif
