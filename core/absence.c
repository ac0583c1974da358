/* Absence by the hour: the rules of templates/fravaer.txt, who may record a row, and the checks
 * of a row against the plan (absence.h). The monthly figures are in absence_month.c. */
#include "absence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "figures.h"
#include "i18n.h"
#include "paths.h"

/* --- the rules ---------------------------------------------------------------------------- */

static struct {
    int loaded;
    sv_abs_rules r;
    struct { char code[16]; char cite[200]; } reasons[16];
    int nreasons;
} g_rules;

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
    return s;
}

const sv_abs_rules *sv_abs_rules_get(sv_err *e)
{
    if (g_rules.loaded) return &g_rules.r;
    char path[1024];
    if (sv_template_path("fravaer.txt", path, sizeof path)) {
        sv_err_set(e, SV_EIO, NULL, _("Stien til fraværsreglene er for lang"));
        return NULL;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        sv_err_set(e, SV_EIO, NULL, _("Fraværsreglene %s kan ikke leses"), path);
        return NULL;
    }
    memset(&g_rules, 0, sizeof g_rules);
    g_rules.r.welfare_days = -1;
    g_rules.r.decision_share = -1;
    char line[512];
    int no = 0, bad = 0;
    while (!bad && fgets(line, sizeof line, f)) {
        no++;
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        char *sp = strchr(s, ' ');
        if (!sp) { bad = no; break; }
        *sp = '\0';
        char *v = trim(sp + 1);
        if (!strcmp(s, "aarsak")) {
            char *c = strchr(v, ' ');
            if (!c || g_rules.nreasons == (int)(sizeof g_rules.reasons / sizeof g_rules.reasons[0])) { bad = no; break; }
            *c = '\0';
            snprintf(g_rules.reasons[g_rules.nreasons].code, sizeof g_rules.reasons[0].code, "%s", v);
            snprintf(g_rules.reasons[g_rules.nreasons].cite, sizeof g_rules.reasons[0].cite, "%s", trim(c + 1));
            g_rules.nreasons++;
        } else if (!strcmp(s, "velferdsdager")) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 0 || n > 366) bad = no;
            else g_rules.r.welfare_days = (int)n;
        } else if (!strcmp(s, "vedtaksgrense")) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 100) bad = no;
            else g_rules.r.decision_share = (int)n;
        } else if (!strcmp(s, "vedtakshjemmel")) {
            snprintf(g_rules.r.decision_cite, sizeof g_rules.r.decision_cite, "%s", v);
        } else if (!strcmp(s, "vedtakstyper")) {
            snprintf(g_rules.r.decision_kinds, sizeof g_rules.r.decision_kinds, "%s", v);
        } else {
            bad = no;
        }
    }
    fclose(f);
    if (!bad && (g_rules.r.welfare_days < 0 || g_rules.r.decision_share < 0)) bad = no;
    if (bad) {
        sv_err_set(e, SV_EIO, NULL, _("Fraværsreglene %s er ødelagt på linje %d (ventet NØKKEL VERDI: aarsak, "
                   "velferdsdager, vedtaksgrense, vedtakshjemmel eller vedtakstyper)"), path, bad);
        return NULL;
    }
    g_rules.loaded = 1;
    return &g_rules.r;
}

const char *sv_abs_reason_cite(const char *reason)
{
    sv_err e;
    if (!reason || !sv_abs_rules_get(&e)) return "";
    for (int i = 0; i < g_rules.nreasons; i++)
        if (!strcmp(g_rules.reasons[i].code, reason)) return g_rules.reasons[i].cite;
    return "";
}

/* --- hours and months as text ------------------------------------------------------------- */

void sv_abs_hours_text(int hundredths, char *buf, size_t size, char sep)
{
    snprintf(buf, size, "%d%c%02d", hundredths / 100, sep, abs(hundredths % 100));
}

/* "7,5", "7", "7,25": for messages. */
static void short_hours(int hundredths, char *buf, size_t size)
{
    int whole = hundredths / 100, frac = hundredths % 100;
    if (!frac) snprintf(buf, size, "%d", whole);
    else if (frac % 10 == 0) snprintf(buf, size, "%d,%d", whole, frac / 10);
    else snprintf(buf, size, "%d,%02d", whole, frac);
}

int sv_abs_parse_month(const char *s, int *year, int *month)
{
    int y, m, n = 0;
    if (!s) return -1;
    if (sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && !s[n] && n == 7) goto ok;
    if (sscanf(s, "%2d.%4d%n", &m, &y, &n) == 2 && !s[n] && (n == 7 || n == 6)) goto ok;
    return -1;
ok:
    if (y < 1990 || y > 2200 || m < 1 || m > 12) return -1;
    *year = y;
    *month = m;
    return 0;
}

/* --- the plan ----------------------------------------------------------------------------- */

static sv_date col_date(sqlite3_stmt *s, int c)
{
    const char *t = (const char *)sqlite3_column_text(s, c);
    sv_date d = SV_NODATE;
    if (t && sv_date_parse(t, &d)) d = SV_NODATE;
    return d;
}

int sv_abs_plan_load(sv_store *st, int64_t pid, sv_abs_plan *p, sv_err *e)
{
    memset(p, 0, sizeof *p);
    p->start = p->end = SV_NODATE;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT start_on, planned_end FROM plan WHERE participant_id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, pid);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        p->start = col_date(s, 0);
        p->end = col_date(s, 1);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW) return rc == SQLITE_DONE ? SV_ENOTFOUND : sv_store_dberr(st, rc, e);
    s = sv_store_prepare(st, "SELECT ph.start_on, ph.end_on, pm.measure_id, pm.hours, ifnull(m.provider, '')"
                             " FROM plan pl JOIN phase ph ON ph.plan_id = pl.id JOIN plan_measure pm ON pm.phase_id = ph.id"
                             " LEFT JOIN measure m ON m.id = pm.measure_id WHERE pl.participant_id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, pid);
    int cap = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (p->npm == cap) {
            cap = cap ? cap * 2 : 16;
            p->pm = sv_xrealloc(p->pm, sizeof *p->pm * (size_t)cap);
        }
        sv_abs_pm *x = &p->pm[p->npm++];
        x->from = col_date(s, 0);
        x->to = col_date(s, 1);
        x->measure = sqlite3_column_int64(s, 2);
        x->hours = sqlite3_column_int(s, 3);
        snprintf(x->provider, sizeof x->provider, "%s", (const char *)sqlite3_column_text(s, 4));
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        sv_abs_plan_free(p);
        return sv_store_dberr(st, rc, e);
    }
    /* the granted leave: days off the programme */
    s = sv_store_prepare(st, "SELECT from_on, to_on, kind FROM leave WHERE participant_id = ? AND granted = 1"
                             " ORDER BY from_on", e);
    if (!s) {
        sv_abs_plan_free(p);
        return e->code;
    }
    sqlite3_bind_int64(s, 1, pid);
    cap = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (p->nleave == cap) {
            cap = cap ? cap * 2 : 4;
            p->leave = sv_xrealloc(p->leave, sizeof *p->leave * (size_t)cap);
            p->leave_kind = sv_xrealloc(p->leave_kind, sizeof *p->leave_kind * (size_t)cap);
        }
        sv_period *x = &p->leave[p->nleave];
        x->from = col_date(s, 0);
        x->to = col_date(s, 1);
        x->prolongs = 0;
        snprintf(p->leave_kind[p->nleave], sizeof p->leave_kind[0], "%s", (const char *)sqlite3_column_text(s, 2));
        p->nleave++;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        sv_abs_plan_free(p);
        return sv_store_dberr(st, rc, e);
    }
    return SV_OK;
}

void sv_abs_plan_free(sv_abs_plan *p)
{
    free(p->pm);
    free(p->leave);
    free(p->leave_kind);
    p->pm = NULL;
    p->leave = NULL;
    p->leave_kind = NULL;
    p->npm = p->nleave = 0;
}

int sv_abs_plan_day(const sv_abs_plan *p, sv_date d, int64_t measure, const char *unit)
{
    if (p->start == SV_NODATE || d < p->start || (p->end != SV_NODATE && d > p->end)) return 0;
    if (sv_fig_covering(p->leave, p->nleave, d) >= 0) return 0;
    int weekly = 0;
    for (int i = 0; i < p->npm; i++) {
        const sv_abs_pm *x = &p->pm[i];
        if (x->from == SV_NODATE || d < x->from || (x->to != SV_NODATE && d > x->to)) continue;
        if (measure && x->measure != measure) continue;
        if (unit && strcmp(x->provider, unit)) continue;
        weekly += x->hours;
    }
    return sv_fig_day_hours(weekly, d);
}

int sv_abs_day_planned(sv_store *st, int64_t pid, sv_date day, int64_t measure_id, int *planned, sv_err *e)
{
    sv_abs_plan p;
    *planned = 0;
    int rc = sv_abs_plan_load(st, pid, &p, e);
    if (rc == SV_ENOTFOUND) return SV_OK;
    if (rc) return rc;
    *planned = sv_abs_plan_day(&p, day, measure_id, NULL);
    sv_abs_plan_free(&p);
    return SV_OK;
}

/* --- who may record ----------------------------------------------------------------------- */

sv_op sv_abs_write_op(sv_store *st, const sv_absence_hour *a)
{
    if (!a->measure_id) return SV_OP_ABSENCE;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT provider = 'voksenopplaering', provider = 'nav' OR nav = 1"
                                           " FROM measure WHERE id = ?", NULL);
    sv_op op = SV_OP_ABSENCE;
    if (!s) return op;
    sqlite3_bind_int64(s, 1, a->measure_id);
    if (sqlite3_step(s) == SQLITE_ROW)
        op = sqlite3_column_int(s, 0) ? SV_OP_ABSENCE_COURSE : sqlite3_column_int(s, 1) ? SV_OP_ABSENCE_WORK : SV_OP_ABSENCE;
    sqlite3_reset(s);
    return op;
}

int sv_abs_authorize(sv_store *st, const sv_absence_hour *a, int64_t muni, sv_err *e)
{
    return sv_store_authorize(st, sv_abs_write_op(st, a), muni, e);
}

/* --- the checks of a row ------------------------------------------------------------------ */

int sv_abs_check(sv_store *st, const sv_absence_hour *a, sv_err *e)
{
    char day[11], h1[16], h2[16], h3[16];
    sv_date_nor(a->on_day, day);
    sv_abs_plan p;
    int rc = sv_abs_plan_load(st, a->m.parent, &p, e);
    if (rc == SV_ENOTFOUND || (rc == SV_OK && p.start == SV_NODATE)) {
        if (rc == SV_OK) sv_abs_plan_free(&p);
        return sv_err_set(e, SV_EINVAL, "on_day", _("Dato: deltakeren har ingen plan med programstart ennå; fravær "
                          "føres for dager i programperioden"));
    }
    if (rc) return rc;
    if (a->on_day < p.start || (p.end != SV_NODATE && a->on_day > p.end)) {
        char from[11], to[11];
        sv_date_nor(p.start, from);
        sv_date_nor(p.end, to);
        sv_abs_plan_free(&p);
        return sv_err_set(e, SV_EINVAL, "on_day", _("Dato: %s er utenfor programperioden (%s–%s); oppgi en dag i "
                          "programmet"), day, from, to);
    }
    int leave = sv_fig_covering(p.leave, p.nleave, a->on_day);
    if (leave >= 0) {
        char from[11], to[11], kind[16];
        sv_date_nor(p.leave[leave].from, from);
        sv_date_nor(p.leave[leave].to, to);
        snprintf(kind, sizeof kind, "%s", p.leave_kind[leave]);
        sv_abs_plan_free(&p);
        return sv_err_set(e, SV_EINVAL, "on_day", _("Dato: deltakeren har innvilget permisjon denne dagen (%s %s–%s); "
                          "fravær føres ikke i permisjon"), sv_code_label(SV_CODES_LEAVE_KIND, kind), from, to);
    }
    int day_planned = sv_abs_plan_day(&p, a->on_day, 0, NULL);
    int in_measure = a->measure_id ? sv_abs_plan_day(&p, a->on_day, a->measure_id, NULL) : day_planned;
    int measure_runs = 0;
    for (int i = 0; a->measure_id && i < p.npm; i++)
        measure_runs |= p.pm[i].measure == a->measure_id && p.pm[i].from != SV_NODATE && a->on_day >= p.pm[i].from &&
                        (p.pm[i].to == SV_NODATE || a->on_day <= p.pm[i].to);
    sv_abs_plan_free(&p);
    if (a->measure_id && !measure_runs)
        return sv_err_set(e, SV_EINVAL, "measure_id", _("Tiltak: nr. %lld er ikke i deltakerens plan %s; velg et tiltak "
                          "fra fasen som gjelder den dagen"), (long long)a->measure_id, day);
    if (!day_planned)
        return sv_err_set(e, SV_EINVAL, "on_day", _("Dato: %s har ingen planlagte timer (helg, helligdag eller en dag "
                          "uten tiltak); fravær føres for programdager"), day);
    int mine = a->hours * 10;
    if (mine > in_measure) {
        short_hours(mine, h1, sizeof h1);
        short_hours(in_measure, h2, sizeof h2);
        return sv_err_set(e, SV_EINVAL, "hours", a->measure_id
                          ? _("Fraværstimer: %s er mer enn de planlagte timene i tiltaket denne dagen (%s); oppgi høyst så mange")
                          : _("Fraværstimer: %s er mer enn dagens planlagte timer (%s); oppgi høyst så mange"), h1, h2);
    }
    /* the day's other rows, and one row per day and measure */
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id, ifnull(measure_id, 0), hours FROM absence_hour"
                                           " WHERE participant_id = ? AND on_day = ? AND id IS NOT ?", e);
    if (!s) return e->code;
    char iso[11];
    sv_date_iso(a->on_day, iso);
    sqlite3_bind_int64(s, 1, a->m.parent);
    sqlite3_bind_text(s, 2, iso, -1, SQLITE_TRANSIENT);
    if (a->m.id) sqlite3_bind_int64(s, 3, a->m.id);
    else sqlite3_bind_null(s, 3);
    int others = 0;
    int64_t same = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (sqlite3_column_int64(s, 1) == a->measure_id) same = sqlite3_column_int64(s, 0);
        others += sqlite3_column_int(s, 2) * 10;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    if (same)
        return sv_err_set(e, SV_EINVAL, "on_day", _("Dato: fravær for %s i dette tiltaket er alt ført (nr. %lld); "
                          "endre den raden i stedet"), day, (long long)same);
    if (others + mine > day_planned) {
        short_hours(others, h1, sizeof h1);
        short_hours(others + mine, h2, sizeof h2);
        short_hours(day_planned, h3, sizeof h3);
        return sv_err_set(e, SV_EINVAL, "hours", _("Fraværstimer: med det som alt er ført for dagen (%s) blir det %s, "
                          "mer enn dagens planlagte timer (%s)"), h1, h2, h3);
    }
    return SV_OK;
}

int sv_abs_find(sv_store *st, int64_t pid, sv_date day, int64_t measure_id, sv_absence_hour *a, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id FROM absence_hour WHERE participant_id = ? AND on_day = ?"
                                           " AND ifnull(measure_id, 0) = ?", e);
    if (!s) return e->code;
    char iso[11];
    sv_date_iso(day, iso);
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_text(s, 2, iso, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, measure_id);
    int rc = sqlite3_step(s);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    if (id) return sv_row_load(st, &SV_ENT_ABSENCE_HOUR, id, a, e);
    sv_entity_blank(&SV_ENT_ABSENCE_HOUR, a);
    a->m.parent = pid;
    a->on_day = day;
    a->measure_id = measure_id;
    return SV_ENOTFOUND;
}

int sv_abs_save_all(sv_store *st, sv_absence_hour *rows, int n, int *failed, sv_err *e)
{
    *failed = -1;
    if (n <= 0) return SV_OK;
    /* what the rows were, so a rollback leaves the caller's rows as they came */
    sv_meta *was = sv_xmalloc(sizeof *was * (size_t)n);
    for (int i = 0; i < n; i++) was[i] = rows[i].m;
    if (sv_store_begin(st, e)) {
        free(was);
        return e->code;
    }
    for (int i = 0; i < n; i++) {
        if (sv_row_save(st, &SV_ENT_ABSENCE_HOUR, &rows[i], e) != SV_OK) {
            *failed = i;
            sv_store_rollback(st);
            for (int k = 0; k < n; k++) rows[k].m = was[k];
            free(was);
            return e->code;
        }
    }
    free(was);
    if (sv_store_commit(st, e)) return e->code;
    return SV_OK;
}
