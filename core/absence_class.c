/* The class day (absence.h): which measures a user may record absence in, the participants who
 * have one on a day with that day's rows, and the one-key reason codes of the screen. */
#include "absence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "i18n.h"

int sv_abs_courses(sv_store *st, int64_t muni, sv_abs_course **out, int *n, sv_err *e)
{
    *out = NULL;
    *n = 0;
    if (sv_store_authorize(st, SV_OP_READ, muni, e)) return e->code;
    const sv_user *u = sv_store_user(st);
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id, name, ifnull(provider, '') FROM measure WHERE municipality_id = ?"
                                           " ORDER BY provider = 'voksenopplaering' DESC, name, id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, muni);
    int rc, cap = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sv_absence_hour probe;
        sv_entity_blank(&SV_ENT_ABSENCE_HOUR, &probe);
        probe.measure_id = sqlite3_column_int64(s, 0);
        if (!u || !sv_role_may(u->role, sv_abs_write_op(st, &probe))) continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = sv_xrealloc(*out, sizeof **out * (size_t)cap);
        }
        sv_abs_course *c = &(*out)[(*n)++];
        c->id = probe.measure_id;
        snprintf(c->name, sizeof c->name, "%s", (const char *)sqlite3_column_text(s, 1));
        snprintf(c->provider, sizeof c->provider, "%s", (const char *)sqlite3_column_text(s, 2));
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return sv_store_dberr(st, rc, e);
    }
    return SV_OK;
}

int sv_abs_class_load(sv_store *st, int64_t measure_id, sv_date day, sv_abs_class_row **out, int *n, sv_err *e)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT municipality_id FROM measure WHERE id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, measure_id);
    int64_t muni = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (!muni) return sv_err_set(e, SV_ENOTFOUND, "measure_id", _("Tiltak: nr. %lld finnes ikke"), (long long)measure_id);
    if (sv_store_authorize(st, SV_OP_READ, muni, e)) return e->code;
    char iso[11];
    sv_date_iso(day, iso);
    s = sv_store_prepare(st, "SELECT DISTINCT p.id, p.name, p.search_key FROM participant p JOIN plan pl ON pl.participant_id = p.id"
                             " JOIN phase ph ON ph.plan_id = pl.id JOIN plan_measure pm ON pm.phase_id = ph.id"
                             " WHERE pm.measure_id = ?1 AND p.municipality_id = ?3 AND ph.start_on <= ?2 AND ifnull(ph.end_on, ?2) >= ?2"
                             " AND pl.start_on <= ?2 AND ifnull(pl.planned_end, ?2) >= ?2"
                             " AND NOT EXISTS(SELECT 1 FROM evaluation ev WHERE ev.participant_id = p.id AND ev.evaluated_on < ?2)"
                             " AND NOT EXISTS(SELECT 1 FROM leave l WHERE l.participant_id = p.id AND l.granted = 1"
                             " AND l.from_on <= ?2 AND l.to_on >= ?2)"
                             " ORDER BY p.search_key, p.id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, measure_id);
    sqlite3_bind_text(s, 2, iso, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, muni);
    int64_t *ids = NULL;
    int rc, cap = 0, k = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (k == cap) {
            cap = cap ? cap * 2 : 32;
            ids = sv_xrealloc(ids, sizeof *ids * (size_t)cap);
            *out = sv_xrealloc(*out, sizeof **out * (size_t)cap);
        }
        ids[k] = sqlite3_column_int64(s, 0);
        snprintf((*out)[k].name, sizeof (*out)[k].name, "%s", (const char *)sqlite3_column_text(s, 1));
        k++;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        free(ids);
        free(*out);
        *out = NULL;
        return sv_store_dberr(st, rc, e);
    }
    for (int i = 0; i < k; i++) {
        sv_abs_class_row *r = &(*out)[i];
        if (sv_abs_day_planned(st, ids[i], day, measure_id, &r->planned, e)) goto fail;
        rc = sv_abs_find(st, ids[i], day, measure_id, &r->row, e);
        if (rc != SV_OK && rc != SV_ENOTFOUND) goto fail;
        r->recorded = rc == SV_OK;
    }
    free(ids);
    sv_err_clear(e);
    *n = k;
    return SV_OK;
fail:
    free(ids);
    free(*out);
    *out = NULL;
    return e->code;
}

static const struct { int key; const char *reason; } KEYS[] = {
    {'s', "sykdom"}, {'b', "barns_sykdom"}, {'v', "velferd"}, {'f', "fodsel"},
    {'p', "svangerskap"}, {'h', "helligdag"}, {'a', "annet"}};

const char *sv_abs_reason_key(int ch)
{
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++)
        if (KEYS[i].key == ch) return KEYS[i].reason;
    return NULL;
}

int sv_abs_reason_approved(const char *reason)
{
    return reason && reason[0] && strcmp(reason, "annet") != 0;
}
