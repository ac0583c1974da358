/* The checklist's reading of the store: what the history checks need of every case (the
 * participant's dates, plan, evaluation, reviews, every decision with its stored verdict), read
 * with one ordered query per table and merged by participant id, instead of five queries per
 * case. At 200,000 participants that is the difference between seconds and minutes. */
#include "checklist_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"

enum { Q_PART, Q_PLAN, Q_EVAL, Q_REVIEW, Q_DECISION, Q_ABSENCE, Q_N };

/* ?1 municipality (0: all), ?2 and ?3 the participant id range; every child query is ordered
 * by participant id (and date) through its index. */
static const char *const SQL[Q_N] = {
    "SELECT id, municipality_id, ifnull(permit_on,''), ifnull(settled_on,''), ifnull(requested_on,''), name"
    " FROM participant WHERE (?1 = 0 OR municipality_id = ?1) AND id BETWEEN ?2 AND ?3 ORDER BY id",
    "SELECT x.participant_id, x.rev, ifnull(x.start_on,''), ifnull(x.planned_end,''), ifnull(x.justification,'')"
    " FROM plan x JOIN participant p ON p.id = x.participant_id"
    " WHERE (?1 = 0 OR p.municipality_id = ?1) AND x.participant_id BETWEEN ?2 AND ?3 ORDER BY x.participant_id",
    "SELECT x.participant_id, ifnull(x.evaluated_on,'') FROM evaluation x JOIN participant p ON p.id = x.participant_id"
    " WHERE (?1 = 0 OR p.municipality_id = ?1) AND x.participant_id BETWEEN ?2 AND ?3 ORDER BY x.participant_id",
    "SELECT x.participant_id, ifnull(x.held_on,'') FROM review x JOIN participant p ON p.id = x.participant_id"
    " WHERE (?1 = 0 OR p.municipality_id = ?1) AND x.participant_id BETWEEN ?2 AND ?3"
    " ORDER BY x.participant_id, x.held_on",
    "SELECT x.participant_id, x.id, x.kind, x.decided_on, x.plan_rev, x.law, ifnull(x.notified_on,''),"
    " ifnull(x.notify_method,''), ifnull(c.verdict, v.verdict),"
    " (SELECT n.notified_on || ' ' || n.method FROM notification n WHERE n.decision_id = x.id ORDER BY n.id DESC LIMIT 1)"
    " FROM decision x JOIN participant p ON p.id = x.participant_id"
    " LEFT JOIN decision_verdict v ON v.decision_id = x.id LEFT JOIN verdict_current c ON c.decision_id = x.id"
    " WHERE (?1 = 0 OR p.municipality_id = ?1) AND x.participant_id BETWEEN ?2 AND ?3"
    " ORDER BY x.participant_id, x.decided_on, x.id",
    "SELECT x.participant_id, ifnull(x.kind,''), ifnull(x.reason,''), ifnull(x.from_on,''), ifnull(x.to_on,'')"
    " FROM absence x JOIN participant p ON p.id = x.participant_id"
    " WHERE (?1 = 0 OR p.municipality_id = ?1) AND x.participant_id BETWEEN ?2 AND ?3 ORDER BY x.participant_id, x.from_on",
};

static sv_date col_date(sqlite3_stmt *s, int i)
{
    sv_date d;
    const unsigned char *t = sqlite3_column_text(s, i);
    if (!t || sv_date_parse((const char *)t, &d)) return SV_NODATE;
    return d;
}

static void col_text(sqlite3_stmt *s, int i, char *buf, size_t size)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    snprintf(buf, size, "%s", t ? (const char *)t : "");
}

typedef struct {
    sqlite3_stmt *s[Q_N];
    int live[Q_N];   /* the statement has a current row */
} cursors;

static int step(sv_store *st, cursors *c, int q, sv_err *e)
{
    int rc = sqlite3_step(c->s[q]);
    c->live[q] = rc == SQLITE_ROW;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    return SV_OK;
}

/* Moves cursor q past rows of participants before pid (not in the list); 1 when its current
 * row belongs to pid. */
static int at(sv_store *st, cursors *c, int q, int64_t pid, int *rc, sv_err *e)
{
    while (c->live[q] && sqlite3_column_int64(c->s[q], 0) < pid)
        if ((*rc = step(st, c, q, e))) return 0;
    return c->live[q] && sqlite3_column_int64(c->s[q], 0) == pid;
}

int sv_checklist_scan(sv_store *st, int64_t muni, int64_t lo, int64_t hi, sv_scan_cb cb, void *ctx, sv_err *e)
{
    cursors c;
    memset(&c, 0, sizeof c);
    int rc = SV_OK;
    for (int q = 0; q < Q_N && rc == SV_OK; q++) {
        if (sqlite3_prepare_v2(sv_store_db(st), SQL[q], -1, &c.s[q], NULL) != SQLITE_OK) {
            rc = sv_store_dberr(st, sqlite3_errcode(sv_store_db(st)), e);
            break;
        }
        sqlite3_bind_int64(c.s[q], 1, muni);
        sqlite3_bind_int64(c.s[q], 2, lo);
        sqlite3_bind_int64(c.s[q], 3, hi);
        rc = step(st, &c, q, e);
    }
    sv_scan_case sc;
    memset(&sc, 0, sizeof sc);
    int cap_rev = 0, cap_dec = 0;
    while (rc == SV_OK && c.live[Q_PART]) {
        sqlite3_stmt *p = c.s[Q_PART];
        sv_case *k = &sc.c;
        int64_t pid = sqlite3_column_int64(p, 0);
        k->p.m.id = pid;
        k->p.m.parent = sqlite3_column_int64(p, 1);
        k->p.permit_on = col_date(p, 2);
        k->p.settled_on = col_date(p, 3);
        k->p.requested_on = col_date(p, 4);
        col_text(p, 5, k->p.name, sizeof k->p.name);
        k->has_plan = k->has_evaluation = 0;
        k->nreviews = k->ndecisions = k->nabsences = 0;
        if (at(st, &c, Q_PLAN, pid, &rc, e)) {
            sqlite3_stmt *s = c.s[Q_PLAN];
            k->has_plan = 1;
            k->plan.rev = sqlite3_column_int(s, 1);
            k->plan.start_on = col_date(s, 2);
            k->plan.planned_end = col_date(s, 3);
            col_text(s, 4, k->plan.justification, sizeof k->plan.justification);
            rc = step(st, &c, Q_PLAN, e);
        }
        if (rc == SV_OK && at(st, &c, Q_EVAL, pid, &rc, e)) {
            k->has_evaluation = 1;
            k->evaluation.evaluated_on = col_date(c.s[Q_EVAL], 1);
            rc = step(st, &c, Q_EVAL, e);
        }
        while (rc == SV_OK && at(st, &c, Q_REVIEW, pid, &rc, e)) {
            if (k->nreviews == cap_rev) {
                cap_rev = cap_rev ? cap_rev * 2 : 16;
                sc.reviews = sv_xrealloc(sc.reviews, sizeof *sc.reviews * (size_t)cap_rev);
            }
            sc.reviews[k->nreviews++] = col_date(c.s[Q_REVIEW], 1);
            rc = step(st, &c, Q_REVIEW, e);
        }
        while (rc == SV_OK && at(st, &c, Q_DECISION, pid, &rc, e)) {
            sqlite3_stmt *s = c.s[Q_DECISION];
            if (k->ndecisions == cap_dec) {
                int old = cap_dec;
                cap_dec = cap_dec ? cap_dec * 2 : 4;
                sc.decisions = sv_xrealloc(sc.decisions, sizeof *sc.decisions * (size_t)cap_dec);
                sc.verdicts = sv_xrealloc(sc.verdicts, sizeof *sc.verdicts * (size_t)cap_dec);
                sc.recorded = sv_xrealloc(sc.recorded, sizeof *sc.recorded * (size_t)cap_dec);
                for (int i = old; i < cap_dec; i++) sc.verdicts[i] = NULL;
            }
            sv_decision *d = &sc.decisions[k->ndecisions];
            d->participant_id = pid;
            d->id = sqlite3_column_int64(s, 1);
            col_text(s, 2, d->kind, sizeof d->kind);
            d->decided_on = col_date(s, 3);
            d->plan_rev = sqlite3_column_int(s, 4);
            col_text(s, 5, d->law, sizeof d->law);
            d->notified_on = col_date(s, 6);
            col_text(s, 7, d->notify_method, sizeof d->notify_method);
            free(sc.verdicts[k->ndecisions]);
            const unsigned char *v = sqlite3_column_text(s, 8);
            sc.verdicts[k->ndecisions] = v ? sv_xstrdup((const char *)v) : NULL;
            /* a notification recorded after the decision is the one in force (core/notice.c) */
            const unsigned char *n = sqlite3_column_text(s, 9);
            sc.recorded[k->ndecisions] = n != NULL;
            if (n && strlen((const char *)n) > 11) {
                char day[11];
                snprintf(day, sizeof day, "%.10s", (const char *)n);
                if (sv_date_parse(day, &d->notified_on)) d->notified_on = SV_NODATE;
                snprintf(d->notify_method, sizeof d->notify_method, "%s", (const char *)n + 11);
            }
            k->ndecisions++;
            rc = step(st, &c, Q_DECISION, e);
        }
        while (rc == SV_OK && at(st, &c, Q_ABSENCE, pid, &rc, e)) {
            sqlite3_stmt *s = c.s[Q_ABSENCE];
            if (k->nabsences == sc.nabs_cap) {
                sc.nabs_cap = sc.nabs_cap ? sc.nabs_cap * 2 : 4;
                sc.absences = sv_xrealloc(sc.absences, sizeof *sc.absences * (size_t)sc.nabs_cap);
            }
            sv_absence *a = &sc.absences[k->nabsences++];
            col_text(s, 1, a->kind, sizeof a->kind);
            col_text(s, 2, a->reason, sizeof a->reason);
            a->from_on = col_date(s, 3);
            a->to_on = col_date(s, 4);
            rc = step(st, &c, Q_ABSENCE, e);
        }
        k->absences = sc.absences;
        if (rc) break;
        /* the case's arrays point into the scan's buffers; reviews carry only their date */
        if (k->nreviews > sc.nrev_cap) {
            sc.nrev_cap = k->nreviews;
            sc.review_rows = sv_xrealloc(sc.review_rows, sizeof *sc.review_rows * (size_t)sc.nrev_cap);
        }
        for (int i = 0; i < k->nreviews; i++) sc.review_rows[i].held_on = sc.reviews[i];
        k->reviews = sc.review_rows;
        k->decisions = sc.decisions;
        if ((rc = cb(&sc, ctx, e))) break;
        rc = step(st, &c, Q_PART, e);
    }
    for (int q = 0; q < Q_N; q++) sqlite3_finalize(c.s[q]);
    for (int i = 0; i < cap_dec; i++) free(sc.verdicts[i]);
    free(sc.verdicts);
    free(sc.recorded);
    free(sc.decisions);
    free(sc.reviews);
    free(sc.review_rows);
    free(sc.absences);
    return rc;
}
