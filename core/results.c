/* The results report: one pass over the ended participants (their evaluation, plan and the
 * kinds of measure in it) in one read snapshot, counted per municipality and year of ending
 * in C, then small counts hidden. */
#include "results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "i18n.h"

static const sv_code *codes_of(sv_res_dim d)
{
    switch (d) {
    case SV_DIM_REASON: return sv_entity_field(&SV_ENT_EVALUATION, "end_reason")->codes;
    case SV_DIM_GOAL: return sv_entity_field(&SV_ENT_PLAN, "final_goal")->codes;
    case SV_DIM_SCHOOLING: return sv_entity_field(&SV_ENT_PARTICIPANT, "schooling")->codes;
    case SV_DIM_MEASURE: return SV_CODES_MEASURE_KIND;
    default: return NULL;
    }
}

const char *sv_res_dim_label(sv_res_dim d)
{
    switch (d) {
    case SV_DIM_TOTAL: return _("Alle");
    case SV_DIM_REASON: return _("Avslutningsgrunn");
    case SV_DIM_GOAL: return _("Sluttmål");
    case SV_DIM_SCHOOLING: return _("Skolebakgrunn");
    case SV_DIM_MEASURE: return _("Tiltak i planen");
    default: return "?";
    }
}

const char *sv_res_value_label(const sv_res_cell *c)
{
    if (c->dim == SV_DIM_TOTAL) return _("Alle som avsluttet");
    if (!c->key[0]) return c->dim == SV_DIM_GOAL ? _("Ingen plan") : _("Ikke oppgitt");
    const sv_code *codes = codes_of(c->dim);
    return codes ? _(sv_code_label(codes, c->key)) : c->key;
}

static int in_work(const char *outcome)
{
    return !strcmp(outcome, "arbeid") || !strcmp(outcome, "utdanning") || !strcmp(outcome, "begge");
}

/* The cell of dim with key in s, added (in the order met) when the code is not in the list. */
static sv_res_cell *cell(sv_res_section *s, sv_res_dim dim, const char *key)
{
    for (int i = 0; i < s->ncells; i++)
        if (s->cells[i].dim == dim && !strcmp(s->cells[i].key, key)) return &s->cells[i];
    s->cells = sv_xrealloc(s->cells, sizeof *s->cells * (size_t)(s->ncells + 1));
    sv_res_cell *c = &s->cells[s->ncells++];
    memset(c, 0, sizeof *c);
    c->dim = dim;
    snprintf(c->key, sizeof c->key, "%s", key);
    return c;
}

static sv_res_section *section(sv_results *r, int64_t muni, const char *number, const char *name, int year,
                               int this_year)
{
    sv_res_section *last = r->nsections ? &r->sections[r->nsections - 1] : NULL;
    if (last && last->municipality_id == muni && last->year == year) return last;
    r->sections = sv_xrealloc(r->sections, sizeof *r->sections * (size_t)(r->nsections + 1));
    sv_res_section *s = &r->sections[r->nsections++];
    memset(s, 0, sizeof *s);
    s->municipality_id = muni;
    snprintf(s->number, sizeof s->number, "%s", number);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->year = year;
    s->preliminary = year >= this_year;
    cell(s, SV_DIM_TOTAL, "");
    for (int d = SV_DIM_REASON; d < SV_DIM__COUNT; d++)
        for (const sv_code *c = codes_of((sv_res_dim)d); c->code; c++) cell(s, (sv_res_dim)d, c->code);
    return s;
}

static void count(sv_res_cell *c, int work_end, int known, int work_1y, int lacking)
{
    c->n++;
    c->work_end += work_end;
    c->known_1y += known;
    c->work_1y += work_1y;
    c->lacking_1y += lacking;
}

/* Small counts: hidden when 1-4 ("primary"). In a dimension that splits the total, a single
 * hidden cell could be recovered as the total minus the others, so the next smallest cell is
 * hidden with it; a hidden total hides every cell. */
static void suppress(sv_res_section *s)
{
    sv_res_cell *total = &s->cells[0];
    total->hidden = total->n > 0 && total->n < SV_RESULTS_MIN;
    for (int d = SV_DIM_REASON; d < SV_DIM__COUNT; d++) {
        int hidden = 0;
        for (int i = 1; i < s->ncells; i++) {
            sv_res_cell *c = &s->cells[i];
            if (c->dim != (sv_res_dim)d) continue;
            /* under a hidden total even a zero would tell something about the few */
            c->hidden = total->hidden || (c->n > 0 && c->n < SV_RESULTS_MIN);
            hidden += c->hidden;
        }
        if (d == SV_DIM_MEASURE || hidden != 1 || total->hidden) continue;   /* measures overlap: no sum */
        sv_res_cell *next = NULL;
        for (int i = 1; i < s->ncells; i++) {
            sv_res_cell *c = &s->cells[i];
            if (c->dim == (sv_res_dim)d && !c->hidden && c->n > 0 && (!next || c->n < next->n)) next = c;
        }
        if (next) next->hidden = 2;
    }
}

#define ROWS_SQL \
    "SELECT p.municipality_id, mu.number, mu.name, ev.evaluated_on, ifnull(ev.outcome, ''), ifnull(ev.end_reason, '')," \
    " ifnull(ev.status_1y, ''), ifnull(pl.final_goal, ''), ifnull(p.schooling, ''), (SELECT group_concat(kind)" \
    "  FROM (SELECT DISTINCT me.kind FROM phase ph JOIN plan_measure pm ON pm.phase_id = ph.id" \
    "  JOIN measure me ON me.id = pm.measure_id WHERE ph.plan_id = pl.id))" \
    " FROM evaluation ev JOIN participant p ON p.id = ev.participant_id" \
    " JOIN municipality mu ON mu.id = p.municipality_id LEFT JOIN plan pl ON pl.participant_id = p.id" \
    " WHERE ev.evaluated_on IS NOT NULL AND (?1 = 0 OR p.municipality_id = ?1)" \
    " AND (?2 = '' OR (ev.evaluated_on >= ?2 AND ev.evaluated_on < ?3)) ORDER BY mu.number, ev.evaluated_on"

static int64_t scope(sv_store *st, int64_t muni, sv_err *e)
{
    if (sv_store_authorize(st, SV_OP_READ, muni, e)) return -1;
    const sv_user *u = sv_store_user(st);
    return u && u->municipality_id ? u->municipality_id : muni;   /* never more than one's own */
}

static const char *col(sqlite3_stmt *s, int i)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t ? t : "";
}

int sv_results_run(sv_store *st, int64_t municipality_id, int year, sv_date today, sv_results *out, sv_err *e)
{
    memset(out, 0, sizeof *out);
    out->today = today;
    int64_t muni = scope(st, municipality_id, e);
    if (muni < 0) return e->code;
    int ty, tm, td;
    sv_date_to_ymd(today, &ty, &tm, &td);
    if (sv_store_read_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, ROWS_SQL, e);
    if (!s) {
        sv_store_read_end(st);
        return e->code;
    }
    char from[11] = "", to[11] = "";
    if (year) {
        sv_date_iso(sv_date_from_ymd(year, 1, 1), from);
        sv_date_iso(sv_date_from_ymd(year + 1, 1, 1), to);
    }
    sqlite3_bind_int64(s, 1, muni);
    sqlite3_bind_text(s, 2, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, to, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sv_date ended;
        if (sv_date_parse(col(s, 3), &ended) || ended == SV_NODATE) continue;
        int y, m, d;
        sv_date_to_ymd(ended, &y, &m, &d);
        sv_res_section *sec = section(out, sqlite3_column_int64(s, 0), col(s, 1), col(s, 2), y, ty);
        const char *status = col(s, 6);
        int work_end = in_work(col(s, 4)), known = status[0] != '\0', work_1y = known && in_work(status);
        int lacking = !known && sv_date_add_months(ended, 12) <= today;
        count(&sec->cells[0], work_end, known, work_1y, lacking);
        count(cell(sec, SV_DIM_REASON, col(s, 5)), work_end, known, work_1y, lacking);
        count(cell(sec, SV_DIM_GOAL, col(s, 7)), work_end, known, work_1y, lacking);
        count(cell(sec, SV_DIM_SCHOOLING, col(s, 8)), work_end, known, work_1y, lacking);
        char kinds[600];
        snprintf(kinds, sizeof kinds, "%s", col(s, 9));
        char *save = NULL;
        for (char *k = strtok_r(kinds, ",", &save); k; k = strtok_r(NULL, ",", &save))
            count(cell(sec, SV_DIM_MEASURE, k), work_end, known, work_1y, lacking);
    }
    sqlite3_reset(s);
    sv_store_read_end(st);
    if (rc != SQLITE_DONE) {
        sv_results_free(out);
        return sv_store_dberr(st, rc, e);
    }
    for (int i = 0; i < out->nsections; i++) suppress(&out->sections[i]);
    return SV_OK;
}

void sv_results_free(sv_results *r)
{
    for (int i = 0; i < r->nsections; i++) free(r->sections[i].cells);
    free(r->sections);
    memset(r, 0, sizeof *r);
}

const char *sv_res_count(const sv_res_cell *c, char buf[16])
{
    if (c->hidden == 2) snprintf(buf, 16, ":");
    else if (c->hidden) snprintf(buf, 16, "<%d", SV_RESULTS_MIN);
    else snprintf(buf, 16, "%d", c->n);
    return buf;
}

static int share(const sv_res_cell *c, int part, int whole)
{
    if (c->hidden || whole < SV_RESULTS_MIN) return -1;
    return (int)((200L * part + whole) / (2L * whole));   /* rounded half up */
}

int sv_res_share_end(const sv_res_cell *c) { return share(c, c->work_end, c->n); }
int sv_res_share_1y(const sv_res_cell *c) { return share(c, c->work_1y, c->known_1y); }

const char *sv_res_lacking(const sv_res_cell *c, char buf[16])
{
    if (c->hidden) snprintf(buf, 16, "-");
    else if (c->lacking_1y > 0 && c->lacking_1y < SV_RESULTS_MIN) snprintf(buf, 16, "<%d", SV_RESULTS_MIN);
    else snprintf(buf, 16, "%d", c->lacking_1y);
    return buf;
}

int sv_results_due_each(sv_store *st, int64_t municipality_id, sv_date today, sv_res_due_cb cb, void *ctx, sv_err *e)
{
    int64_t muni = scope(st, municipality_id, e);
    if (muni < 0) return e->code;
    if (sv_store_read_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT p.id, p.fnr, p.name, ifnull(p.adviser, ''), ev.evaluated_on"
                                           " FROM evaluation ev JOIN participant p ON p.id = ev.participant_id"
                                           " WHERE ev.evaluated_on IS NOT NULL AND ifnull(ev.status_1y, '') = ''"
                                           " AND (?1 = 0 OR p.municipality_id = ?1) ORDER BY ev.evaluated_on, p.id", e);
    if (!s) {
        sv_store_read_end(st);
        return e->code;
    }
    sqlite3_bind_int64(s, 1, muni);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sv_res_due d;
        memset(&d, 0, sizeof d);
        if (sv_date_parse(col(s, 4), &d.ended_on) || d.ended_on == SV_NODATE) continue;
        d.due_on = sv_date_add_months(d.ended_on, 12);
        if (d.due_on > today) break;   /* ordered by the end: the rest are later still */
        d.participant_id = sqlite3_column_int64(s, 0);
        snprintf(d.fnr, sizeof d.fnr, "%s", col(s, 1));
        snprintf(d.name, sizeof d.name, "%s", col(s, 2));
        snprintf(d.adviser, sizeof d.adviser, "%s", col(s, 3));
        if (cb(&d, ctx)) break;
    }
    sqlite3_reset(s);
    sv_store_read_end(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}
