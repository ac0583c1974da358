/* Leave as a decision: the kinds of templates/permisjon.txt, the period counted as the law
 * counts each kind, and the checks of a record against the plan and the other leave (leave.h). */
#include "leave.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "i18n.h"
#include "paths.h"

const char SV_MIGRATION_LEAVE[] =
    "CREATE TABLE IF NOT EXISTS leave(id INTEGER PRIMARY KEY,"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id), kind TEXT NOT NULL,"
    "  from_on TEXT NOT NULL, to_on TEXT NOT NULL, granted INTEGER NOT NULL DEFAULT 0, decided_on TEXT NOT NULL,"
    "  reason TEXT, note TEXT, version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE INDEX IF NOT EXISTS leave_p ON leave(participant_id, from_on);";

/* --- the kinds ----------------------------------------------------------------------------- */

static struct {
    int loaded;
    sv_leave_kind k[16];
    int n;
} g_kinds;

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
    return s;
}

/* "type KODE TELLING MAKS PER FORLENGER HJEMMEL": 0, or -1 when the line is malformed. */
static int parse_kind(char *s, sv_leave_kind *k)
{
    char *w[6];
    for (int i = 0; i < 6; i++) {
        while (*s == ' ') s++;
        w[i] = s;
        char *sp = strchr(s, ' ');
        if (!sp) return -1;
        *sp = '\0';
        s = sp + 1;
    }
    memset(k, 0, sizeof *k);
    if (strcmp(w[0], "type") || !*w[1] || strlen(w[1]) >= sizeof k->code) return -1;
    snprintf(k->code, sizeof k->code, "%s", w[1]);
    if (!strcmp(w[2], "virkedager")) k->workdays = 1;
    else if (strcmp(w[2], "kalenderdager")) return -1;
    char *end;
    long m = strtol(w[3], &end, 10);
    if (end == w[3] || m < 0 || m > 3660) return -1;
    if (*end == 'm' && !end[1]) k->max_months = (int)m;
    else if (!*end) k->max = (int)m;
    else return -1;
    if (!strcmp(w[4], "aar")) k->per_year = 1;
    else if (strcmp(w[4], "gang")) return -1;
    if (!strcmp(w[5], "ja")) k->prolongs = 1;
    else if (strcmp(w[5], "nei")) return -1;
    snprintf(k->cite, sizeof k->cite, "%s", trim(s));
    return k->cite[0] ? 0 : -1;
}

const sv_leave_kind *sv_leave_kinds(int *n, sv_err *e)
{
    if (g_kinds.loaded) {
        if (n) *n = g_kinds.n;
        return g_kinds.k;
    }
    char path[1024];
    if (sv_template_path("permisjon.txt", path, sizeof path)) {
        sv_err_set(e, SV_EIO, NULL, _("Stien til permisjonsreglene er for lang"));
        return NULL;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        sv_err_set(e, SV_EIO, NULL, _("Permisjonsreglene %s kan ikke leses"), path);
        return NULL;
    }
    char line[512];
    int no = 0, bad = 0, cnt = 0;
    while (!bad && fgets(line, sizeof line, f)) {
        no++;
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        if (cnt == (int)(sizeof g_kinds.k / sizeof g_kinds.k[0]) || parse_kind(s, &g_kinds.k[cnt])) bad = no;
        else cnt++;
    }
    fclose(f);
    if (!bad && !cnt) bad = no;
    if (bad) {
        sv_err_set(e, SV_EIO, NULL, _("Permisjonsreglene %s er ødelagt på linje %d (ventet: type KODE virkedager|kalenderdager "
                   "MAKS gang|aar ja|nei HJEMMEL)"), path, bad);
        return NULL;
    }
    g_kinds.n = cnt;
    g_kinds.loaded = 1;
    if (n) *n = cnt;
    return g_kinds.k;
}

const sv_leave_kind *sv_leave_kind_get(const char *code)
{
    int n;
    sv_err e;
    const sv_leave_kind *k = sv_leave_kinds(&n, &e);
    for (int i = 0; k && code && i < n; i++)
        if (!strcmp(k[i].code, code)) return &k[i];
    return NULL;
}

int sv_leave_days(const sv_leave_kind *k, sv_date from, sv_date to)
{
    if (from == SV_NODATE || to == SV_NODATE || to < from) return 0;
    return k && k->workdays ? sv_date_workdays(from, to) : to - from + 1;
}

const char *sv_leave_unit(const sv_leave_kind *k, int n)
{
    return k && k->workdays ? _n("virkedag", "virkedager", n) : _n("kalenderdag", "kalenderdager", n);
}

/* --- loading ------------------------------------------------------------------------------- */

typedef struct {
    sv_leave *v;
    int n, cap;
} leave_list;

static int collect(const void *obj, void *ctx)
{
    leave_list *l = ctx;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = sv_xrealloc(l->v, sizeof *l->v * (size_t)l->cap);
    }
    l->v[l->n++] = *(const sv_leave *)obj;
    return 0;
}

static int by_from(const void *a, const void *b)
{
    const sv_leave *x = a, *y = b;
    return x->from_on < y->from_on ? -1 : x->from_on > y->from_on ? 1 : (x->m.id > y->m.id) - (x->m.id < y->m.id);
}

int sv_leave_load(sv_store *st, int64_t pid, sv_leave **out, int *n, sv_err *e)
{
    leave_list l = {0};
    *out = NULL;
    *n = 0;
    if (sv_row_each(st, &SV_ENT_LEAVE, pid, collect, &l, e)) {
        free(l.v);
        return e->code;
    }
    if (l.n > 1) qsort(l.v, (size_t)l.n, sizeof *l.v, by_from);
    *out = l.v;
    *n = l.n;
    return SV_OK;
}

int sv_leave_periods(const sv_leave *v, int nv, sv_period *out)
{
    int k = 0;
    for (int i = 0; i < nv; i++) {
        if (!v[i].granted) continue;
        const sv_leave_kind *kind = sv_leave_kind_get(v[i].kind);
        out[k].from = v[i].from_on;
        out[k].to = v[i].to_on;
        out[k].prolongs = kind && kind->prolongs;
        k++;
    }
    return k;
}

int sv_leave_granted(sv_store *st, int64_t pid, sv_period **out, int *n, sv_err *e)
{
    sv_leave *v;
    int nv;
    *out = NULL;
    *n = 0;
    if (sv_leave_load(st, pid, &v, &nv, e)) return e->code;
    *out = sv_xmalloc(sizeof **out * (size_t)(nv ? nv : 1));
    *n = sv_leave_periods(v, nv, *out);
    free(v);
    return SV_OK;
}

/* --- the checks ---------------------------------------------------------------------------- */

static int plan_period(sv_store *st, int64_t pid, sv_date *start, sv_date *end, sv_err *e)
{
    *start = *end = SV_NODATE;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT start_on, planned_end FROM plan WHERE participant_id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, pid);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        const char *a = (const char *)sqlite3_column_text(s, 0), *b = (const char *)sqlite3_column_text(s, 1);
        if (a && sv_date_parse(a, start)) *start = SV_NODATE;
        if (b && sv_date_parse(b, end)) *end = SV_NODATE;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    return SV_OK;
}

int sv_leave_check(sv_store *st, const sv_leave *l, sv_err *e)
{
    int nk;
    const sv_leave_kind *kinds = sv_leave_kinds(&nk, e);
    if (!kinds) return e->code;
    const sv_leave_kind *k = sv_leave_kind_get(l->kind);
    if (!k) return sv_err_set(e, SV_EINVAL, "kind", _("Type: «%s» er ikke en permisjonstype i templates/permisjon.txt"), l->kind);
    char a[11], b[11], c[11], d[11];
    if (l->decided_on != SV_NODATE && l->decided_on > sv_today())
        return sv_err_set(e, SV_EINVAL, "decided_on", _("Vedtaksdato: kan ikke være fram i tid; oppgi dagen permisjonen ble innvilget "
                          "eller avslått"));
    sv_date start, end;
    if (plan_period(st, l->m.parent, &start, &end, e)) return e->code;
    if (start == SV_NODATE || end == SV_NODATE)
        return sv_err_set(e, SV_EINVAL, "from_on", _("Fra: deltakeren har ingen plan med programstart og planlagt slutt ennå; "
                          "permisjon gis fra et program som er fastsatt"));
    sv_date_nor(start, c);
    sv_date_nor(end, d);
    if (l->from_on < start || l->from_on > end) {
        sv_date_nor(l->from_on, a);
        return sv_err_set(e, SV_EINVAL, "from_on", _("Fra: %s er utenfor programperioden (%s–%s); permisjon gis fra dager i "
                          "programmet"), a, c, d);
    }
    if (l->to_on > end) {
        sv_date_nor(l->to_on, a);
        return sv_err_set(e, SV_EINVAL, "to_on", _("Til: %s er etter programmets planlagte slutt %s; forleng planen først "
                          "(vedtak om endring), eller oppgi en dag i programmet"), a, d);
    }
    int days = sv_leave_days(k, l->from_on, l->to_on);
    if (k->workdays && !days)
        return sv_err_set(e, SV_EINVAL, "to_on", _("Til: perioden har ingen virkedager (bare helg eller helligdager); "
                          "permisjonen telles i virkedager"));
    /* the other leave of the participant */
    sv_leave *v;
    int nv;
    if (sv_leave_load(st, l->m.parent, &v, &nv, e)) return e->code;
    int year_used = 0, y, m, dd;
    sv_date_to_ymd(l->from_on, &y, &m, &dd);
    int rc = SV_OK;
    for (int i = 0; i < nv && rc == SV_OK; i++) {
        const sv_leave *o = &v[i];
        if (l->m.id && o->m.id == l->m.id) continue;
        /* a refusal takes no days: the application may come again, for the same days */
        if (o->granted && l->granted && o->from_on <= l->to_on && l->from_on <= o->to_on) {
            sv_date_nor(o->from_on, a);
            sv_date_nor(o->to_on, b);
            rc = sv_err_set(e, SV_EINVAL, "from_on", _("Fra: perioden overlapper permisjon nr. %lld (%s–%s); endre den "
                            "permisjonen, eller velg dager utenfor den"), (long long)o->m.id, a, b);
            break;
        }
        int oy, om, od;
        sv_date_to_ymd(o->from_on, &oy, &om, &od);
        if (k->per_year && o->granted && !strcmp(o->kind, l->kind) && oy == y) year_used += sv_leave_days(k, o->from_on, o->to_on);
    }
    free(v);
    if (rc) return rc;
    if (!l->granted) return SV_OK;   /* a refusal is recorded whatever was applied for */
    if (k->max_months && l->to_on > sv_date_add_months(l->from_on, k->max_months) - 1) {
        sv_date_nor(sv_date_add_months(l->from_on, k->max_months) - 1, a);
        return sv_err_set(e, SV_EINVAL, "to_on", _n("Til: permisjon av typen «%s» gis for høyst %d måned (%s), altså til og med %s",
                          "Til: permisjon av typen «%s» gis for høyst %d måneder (%s), altså til og med %s", k->max_months),
                          sv_code_label(SV_CODES_LEAVE_KIND, k->code), k->max_months, k->cite, a);
    }
    if (k->max && days + year_used > k->max) {
        if (k->per_year)
            return sv_err_set(e, SV_EINVAL, "to_on", _("Til: %d %s nå og %d alt innvilget i %d er mer enn %d %s i året for "
                              "«%s» (%s); permisjon ut over dette føres som «annet» (uten stønad)"), days, sv_leave_unit(k, days),
                              year_used, y, k->max, sv_leave_unit(k, k->max), sv_code_label(SV_CODES_LEAVE_KIND, k->code), k->cite);
        sv_date_nor(k->workdays ? sv_date_add_workdays(l->from_on, k->max) : l->from_on + k->max - 1, a);
        return sv_err_set(e, SV_EINVAL, "to_on", _("Til: perioden er %d %s; «%s» gir høyst %d (%s), altså til og med %s"), days,
                          sv_leave_unit(k, days), sv_code_label(SV_CODES_LEAVE_KIND, k->code), k->max, k->cite, a);
    }
    return SV_OK;
}

/* --- lines for the case (show, the case screen, leave list) ------------------------------ */

void sv_leave_line(const sv_leave *l, char *buf, size_t size)
{
    const sv_leave_kind *k = sv_leave_kind_get(l->kind);
    char a[11], b[11], d[11];
    sv_date_nor(l->from_on, a);
    sv_date_nor(l->to_on, b);
    sv_date_nor(l->decided_on, d);
    int days = k ? sv_leave_days(k, l->from_on, l->to_on) : 0;
    snprintf(buf, size, _("%s %s–%s, %d %s, %s %s"), sv_code_label(SV_CODES_LEAVE_KIND, l->kind), a, b, days,
             k ? sv_leave_unit(k, days) : "", l->granted ? _("innvilget") : _("avslått"), d);
}

int sv_leave_effect_line(sv_store *st, int64_t pid, char *buf, size_t size, sv_err *e)
{
    buf[0] = 0;
    sv_date start, end;
    if (plan_period(st, pid, &start, &end, e)) return e->code;
    if (start == SV_NODATE || end == SV_NODATE) return SV_OK;
    sv_period *p;
    int n;
    if (sv_leave_granted(st, pid, &p, &n, e)) return e->code;
    int days = sv_fig_prolong_days(p, n, start, end), months = sv_fig_programme_months(start, end, p, n);
    free(p);
    char a[11], b[11], m[160];
    sv_date_nor(start, a);
    sv_date_nor(end, b);
    snprintf(m, sizeof m, _n("Programmet %s–%s: %d måned programtid", "Programmet %s–%s: %d måneder programtid", months), a, b,
             months);
    snprintf(buf, size, _n("%s; permisjon uten stønad forlenger programmet med %d kalenderdag",
                           "%s; permisjon uten stønad forlenger programmet med %d kalenderdager", days), m, days);
    return SV_OK;
}
