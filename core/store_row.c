/* Generic row access: SQL is built from the entity descriptions (column names are our own
 * constants), every value is bound, and updates check the row version. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "absence.h"
#include "contract.h"
#include "case.h"
#include "fnr.h"
#include "model.h"
#include "store.h"
#include "i18n.h"

#define META(obj) ((sv_meta *)(obj))

static void bind_field(sqlite3_stmt *s, int idx, const sv_field *f, const void *obj)
{
    const char *p = (const char *)obj + f->off;
    switch (f->type) {
    case SV_F_DATE: {
        sv_date d;
        char iso[11];
        memcpy(&d, p, sizeof d);
        if (d == SV_NODATE) { sqlite3_bind_null(s, idx); break; }
        sv_date_iso(d, iso);
        sqlite3_bind_text(s, idx, iso, -1, SQLITE_TRANSIENT);
        break;
    }
    case SV_F_INT:
    case SV_F_HOURS:
    case SV_F_BOOL: {
        int v;
        memcpy(&v, p, sizeof v);
        sqlite3_bind_int(s, idx, v);
        break;
    }
    case SV_F_REF: {
        int64_t v;
        memcpy(&v, p, sizeof v);
        if (v) sqlite3_bind_int64(s, idx, v);
        else sqlite3_bind_null(s, idx);
        break;
    }
    default:
        sqlite3_bind_text(s, idx, p, -1, SQLITE_STATIC);
    }
}

static void read_field(sqlite3_stmt *s, int col, const sv_field *f, void *obj)
{
    char *p = (char *)obj + f->off;
    switch (f->type) {
    case SV_F_DATE: {
        sv_date d = SV_NODATE;
        const char *t = (const char *)sqlite3_column_text(s, col);
        if (t && sv_date_parse(t, &d) != 0) d = SV_NODATE;
        memcpy(p, &d, sizeof d);
        break;
    }
    case SV_F_INT:
    case SV_F_HOURS:
    case SV_F_BOOL: {
        int v = sqlite3_column_int(s, col);
        memcpy(p, &v, sizeof v);
        break;
    }
    case SV_F_REF: {
        int64_t v = sqlite3_column_int64(s, col);
        memcpy(p, &v, sizeof v);
        break;
    }
    default: {
        const char *t = (const char *)sqlite3_column_text(s, col);
        snprintf(p, f->size, "%s", t ? t : "");
    }
    }
}

/* "SELECT id, parent, f1..fn, version, updated_by, updated_at FROM t" */
static void select_sql(sv_buf *b, const sv_entity *ent)
{
    sv_buf_printf(b, "SELECT id, %s", ent->parent_col ? ent->parent_col : "0");
    for (int i = 0; i < ent->nfields; i++) sv_buf_printf(b, ", %s", ent->fields[i].col);
    sv_buf_printf(b, ", " SV_VERSION_TOKEN ", ifnull(updated_by,''), ifnull(updated_at,'') FROM %s", ent->table);
    if (ent == &SV_ENT_PLAN) { /* rev is not a form field */
        b->len = 0;
        b->s[0] = '\0';
        sv_buf_printf(b, "SELECT id, participant_id");
        for (int i = 0; i < ent->nfields; i++) sv_buf_printf(b, ", %s", ent->fields[i].col);
        sv_buf_add(b, ", " SV_VERSION_TOKEN ", ifnull(updated_by,''), ifnull(updated_at,''), rev FROM plan");
    }
}

static void read_row(sqlite3_stmt *s, const sv_entity *ent, void *obj)
{
    sv_entity_blank(ent, obj);
    sv_meta *m = META(obj);
    m->id = sqlite3_column_int64(s, 0);
    m->parent = sqlite3_column_int64(s, 1);
    for (int i = 0; i < ent->nfields; i++) read_field(s, 2 + i, &ent->fields[i], obj);
    int c = 2 + ent->nfields;
    m->version = sqlite3_column_int(s, c);
    snprintf(m->updated_by, sizeof m->updated_by, "%s", sqlite3_column_text(s, c + 1));
    snprintf(m->updated_at, sizeof m->updated_at, "%s", sqlite3_column_text(s, c + 2));
    if (ent == &SV_ENT_PLAN) ((sv_plan *)obj)->rev = sqlite3_column_int(s, c + 3);
}

/* The SELECT texts depend only on the entity, so each is built once per process: a
 * checklist over 200,000 cases loads millions of rows, and formatting the column list for
 * every one of them was a tenth of its time. */
typedef enum { BY_ID, BY_PARENT, EACH } sql_kind;

static const char *entity_sql(const sv_entity *ent, sql_kind kind)
{
    static struct { const sv_entity *ent; sql_kind kind; char *sql; } built[96];
    static int nbuilt;
    for (int i = 0; i < nbuilt; i++)
        if (built[i].ent == ent && built[i].kind == kind) return built[i].sql;
    sv_buf b;
    sv_buf_init(&b);
    select_sql(&b, ent);
    if (kind == BY_ID) {
        sv_buf_add(&b, " WHERE id = ?");
    } else if (kind == BY_PARENT) {
        sv_buf_printf(&b, " WHERE %s = ?", ent->parent_col);
    } else {
        const char *order = "id";
        for (int i = 0; i < ent->nfields; i++)
            if (ent->fields[i].type == SV_F_DATE) { order = ent->fields[i].col; break; }
        if (ent->parent_col) sv_buf_printf(&b, " WHERE %s = ?", ent->parent_col);
        sv_buf_printf(&b, " ORDER BY %s, id", order);
    }
    /* Three texts per entity fit many times over; should they not, a slot is reused, which
     * is safe because callers only hand the text to sv_store_prepare (which copies it). */
    int slot = nbuilt < (int)(sizeof built / sizeof built[0]) ? nbuilt++ : (int)((uintptr_t)ent % 96);
    free(built[slot].sql);   /* NULL for a new slot */
    built[slot].ent = ent;
    built[slot].kind = kind;
    built[slot].sql = b.s;
    return b.s;
}

static int load_where(sv_store *st, const sv_entity *ent, sql_kind kind, int64_t key, void *obj,
                      sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, entity_sql(ent, kind), e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, key);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) read_row(s, ent, obj);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW) return SV_OK;
    if (rc == SQLITE_DONE)
        return sv_err_set(e, SV_ENOTFOUND, NULL, _("%s nr. %lld finnes ikke"), _(ent->label), (long long)key);
    return sv_store_dberr(st, rc, e);
}

int sv_row_load(sv_store *st, const sv_entity *ent, int64_t id, void *obj, sv_err *e)
{
    return load_where(st, ent, BY_ID, id, obj, e);
}

int sv_row_load_child(sv_store *st, const sv_entity *ent, int64_t parent, void *obj, sv_err *e)
{
    return load_where(st, ent, BY_PARENT, parent, obj, e);
}

int64_t sv_row_municipality(sv_store *st, const sv_entity *ent, int64_t parent)
{
    const char *sql;
    if (!ent->parent_col) return 0;
    if (!strcmp(ent->parent_col, "municipality_id")) return parent;
    if (!strcmp(ent->parent_col, "participant_id"))
        sql = "SELECT municipality_id FROM participant WHERE id = ?";
    else if (!strcmp(ent->parent_col, "plan_id"))
        sql = "SELECT p.municipality_id FROM plan JOIN participant p ON p.id = plan.participant_id WHERE plan.id = ?";
    else
        sql = "SELECT p.municipality_id FROM phase JOIN plan ON plan.id = phase.plan_id "
              "JOIN participant p ON p.id = plan.participant_id WHERE phase.id = ?";
    sqlite3_stmt *s = sv_store_prepare(st, sql, NULL);
    int64_t m = 0;
    if (!s) return 0;
    sqlite3_bind_int64(s, 1, parent);
    if (sqlite3_step(s) == SQLITE_ROW) m = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return m;
}

/* Which operation a write to ent needs. NAV staff may change plan measures only when the
 * catalogue measure is work-oriented or a NAV measure. */
static sv_op write_op(sv_store *st, const sv_entity *ent, const void *obj)
{
    if (ent->parent_col && !strcmp(ent->parent_col, "municipality_id") && ent != &SV_ENT_PARTICIPANT)
        return SV_OP_EDIT_MUNICIPAL;
    if (ent == &SV_ENT_MUNICIPALITY) return SV_OP_ADMIN;
    if (ent == &SV_ENT_FOLLOWUP || ent == &SV_ENT_EVALUATION) return SV_OP_EDIT_WORK;
    /* absence by the hour: by the measure it was recorded in (core/absence.c) */
    if (ent == &SV_ENT_ABSENCE_HOUR) return sv_abs_write_op(st, obj);
    /* the integration contract: the case's advisers (roles.c) */
    if (ent == &SV_ENT_CONTRACT) return SV_OP_EDIT_CASE;
    if (ent == &SV_ENT_PLAN_MEASURE) {
        const sv_plan_measure *pm = obj;
        sqlite3_stmt *s = sv_store_prepare(st, "SELECT orientation = 'arbeid' OR nav = 1 FROM measure WHERE id = ?", NULL);
        int work = 0;
        if (s) {
            sqlite3_bind_int64(s, 1, pm->measure_id);
            if (sqlite3_step(s) == SQLITE_ROW) work = sqlite3_column_int(s, 0);
            sqlite3_reset(s);
        }
        return work ? SV_OP_EDIT_WORK : SV_OP_EDIT_CASE;
    }
    return SV_OP_EDIT_CASE;
}

sv_op sv_row_write_op(sv_store *st, const sv_entity *ent, const void *obj)
{
    return write_op(st, ent, obj);
}

/* Checks that a REF field points at a row of the same municipality. */
static int check_refs(sv_store *st, const sv_entity *ent, const void *obj, int64_t muni, sv_err *e)
{
    for (int i = 0; i < ent->nfields; i++) {
        const sv_field *f = &ent->fields[i];
        if (f->type != SV_F_REF) continue;
        int64_t v;
        memcpy(&v, (const char *)obj + f->off, sizeof v);
        if (!v) continue;
        const char *sql = !strcmp(f->ref, "measure")
                              ? "SELECT municipality_id FROM measure WHERE id = ?"
                              : "SELECT p.municipality_id FROM need JOIN participant p ON p.id = need.participant_id WHERE need.id = ?";
        sqlite3_stmt *s = sv_store_prepare(st, sql, e);
        if (!s) return e->code;
        sqlite3_bind_int64(s, 1, v);
        int rc = sqlite3_step(s);
        int64_t m = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_reset(s);
        if (m != muni)
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: nr. %lld finnes ikke i kommunen"), _(f->label), (long long)v);
    }
    return SV_OK;
}

/* An update is judged on the row as stored as well as on the row as it will be: an edit that
 * moves a row out of someone's rights (another municipality, a Norwegian course turned into a
 * wage subsidy by NAV) is refused like one that moves it in. */
static int authorize_stored(sv_store *st, const sv_entity *ent, int64_t id, sv_err *e)
{
    if (!id) return SV_OK;
    void *old = sv_xmalloc(ent->size);
    int rc = sv_row_load(st, ent, id, old, e);
    if (rc == SV_OK) {
        int64_t muni = ent == &SV_ENT_MUNICIPALITY ? id : sv_row_municipality(st, ent, META(old)->parent);
        rc = sv_store_authorize(st, write_op(st, ent, old), muni, e);
    } else if (rc == SV_ENOTFOUND) {
        sv_err_clear(e);   /* deleted meanwhile: the save reports the conflict */
        rc = SV_OK;
    }
    free(old);
    return rc;
}

static int conflict(sv_store *st, const sv_entity *ent, int64_t id, int token, sv_err *e)
{
    if (token / SV_GENERATION_STEP != sv_store_generation(st))
        return sv_err_set(e, SV_ECONFLICT, NULL,
                          _("Databasen er gjenopprettet fra en sikkerhetskopi etter at du åpnet %s. Endringen din er "
                          "ikke lagret, men tatt vare på: se den gjeldende versjonen og lagre på nytt."), _(ent->label));
    sqlite3_stmt *s;
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_printf(&b, "SELECT ifnull(updated_by,'?'), ifnull(updated_at,'?') FROM %s WHERE id = ?", ent->table);
    s = sv_store_prepare(st, b.s, e);
    sv_buf_free(&b);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) == SQLITE_ROW) {
        sv_err_set(e, SV_ECONFLICT, NULL,
                   _("%s ble endret av %s %s etter at du åpnet den. Endringen din er ikke lagret, men tatt vare på: "
                   "se den nye versjonen og lagre på nytt."), _(ent->label), sqlite3_column_text(s, 0),
                   sqlite3_column_text(s, 1));
    } else {
        sv_err_set(e, SV_ECONFLICT, NULL, _("%s er slettet av en kollega etter at du åpnet den. Endringen din er ikke lagret."), _(ent->label));
    }
    sqlite3_reset(s);
    return SV_ECONFLICT;
}

static void participant_key(sv_participant *p, char *key, size_t size)
{
    sv_search_key(p->name, p->fnr, key, size);
}

int sv_row_save(sv_store *st, const sv_entity *ent, void *obj, sv_err *e)
{
    sv_meta *m = META(obj);
    if (ent == &SV_ENT_PARTICIPANT) {
        sv_participant *p = obj;
        sv_date birth;
        char sex;
        /* only where the number still tells it (not under the 2032 rules) */
        if (p->fnr[0] && !p->sex[0] && sv_fnr_check(p->fnr, &birth, &sex, NULL) == SV_OK && sex) {
            p->sex[0] = sex;
            p->sex[1] = '\0';
        }
    }
    /* a new contract belongs to the plan's current version (core/contract.c) */
    if (ent == &SV_ENT_CONTRACT) sv_contract_prepare(st, obj);
    if (sv_entity_validate(ent, obj, e) != SV_OK) return e->code;
    if (ent->parent_col && m->parent <= 0)
        return sv_err_set(e, SV_EINVAL, ent->parent_col, _("%s: mangler tilhørighet"), _(ent->label));
    int64_t muni = ent == &SV_ENT_MUNICIPALITY ? m->id : sv_row_municipality(st, ent, m->parent);
    if (ent->parent_col && !muni)
        return sv_err_set(e, SV_EINVAL, ent->parent_col, _("%s: det den hører til finnes ikke"), _(ent->label));
    if (authorize_stored(st, ent, m->id, e) != SV_OK) return e->code;
    /* A new municipality is outside every municipality-bound user's rights. */
    if (ent == &SV_ENT_MUNICIPALITY && m->id == 0 && sv_store_authorize(st, SV_OP_ADMIN, SV_MUNI_NEW, e) != SV_OK)
        return e->code;
    if (sv_store_authorize(st, write_op(st, ent, obj), muni, e) != SV_OK) return e->code;
    if (check_refs(st, ent, obj, muni, e) != SV_OK) return e->code;
    if (sv_case_check_order(st, ent, obj, e) != SV_OK) return e->code;
    if (sv_store_begin(st, e)) return e->code;
    if (ent == &SV_ENT_MUNICIPALITY && m->id == 0 && sv_users_bind_unbound(st, e) != SV_OK) goto fail;

    char now[20];
    sv_now(now);
    char key[300] = "";
    int is_participant = ent == &SV_ENT_PARTICIPANT;
    if (is_participant) participant_key(obj, key, sizeof key);
    sv_buf b;
    sv_buf_init(&b);
    if (m->id == 0) {
        sv_buf_printf(&b, "INSERT INTO %s(", ent->table);
        if (ent->parent_col) sv_buf_printf(&b, "%s, ", ent->parent_col);
        for (int i = 0; i < ent->nfields; i++) sv_buf_printf(&b, "%s, ", ent->fields[i].col);
        if (is_participant) sv_buf_add(&b, "search_key, ");
        sv_buf_add(&b, "version, updated_by, updated_at) VALUES(");
        int n = ent->nfields + (ent->parent_col ? 1 : 0) + is_participant + 3;
        for (int i = 0; i < n; i++) sv_buf_add(&b, i ? ", ?" : "?");
        sv_buf_add(&b, ")");
    } else {
        sv_buf_printf(&b, "UPDATE %s SET ", ent->table);
        for (int i = 0; i < ent->nfields; i++) sv_buf_printf(&b, "%s = ?, ", ent->fields[i].col);
        if (is_participant) sv_buf_add(&b, "search_key = ?, ");
        /* the content revision moves on a significant change only (core/case.c) */
        if (ent == &SV_ENT_PLAN) sv_buf_printf(&b, "rev = rev + %d, ", sv_plan_rev_step(st, obj));
        sv_buf_add(&b, "version = ?, updated_by = ?, updated_at = ? WHERE id = ? AND version = ? AND " SV_GENERATION " = ?");
    }
    sqlite3_stmt *s = sv_store_prepare(st, b.s, e);
    sv_buf_free(&b);
    if (!s) goto fail;
    int idx = 1;
    if (m->id == 0 && ent->parent_col) sqlite3_bind_int64(s, idx++, m->parent);
    for (int i = 0; i < ent->nfields; i++) bind_field(s, idx++, &ent->fields[i], obj);
    if (is_participant) sqlite3_bind_text(s, idx++, key, -1, SQLITE_STATIC);
    /* m->version is the token of sv_row_load: the restore generation and the stored version. */
    sqlite3_bind_int(s, idx++, m->id == 0 ? 1 : m->version % SV_GENERATION_STEP + 1);
    sqlite3_bind_text(s, idx++, sv_login(), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, idx++, now, -1, SQLITE_STATIC);
    if (m->id) {
        sqlite3_bind_int64(s, idx++, m->id);
        sqlite3_bind_int(s, idx++, m->version % SV_GENERATION_STEP);
        sqlite3_bind_int(s, idx++, m->version / SV_GENERATION_STEP);
    }
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        if ((rc & 0xff) == SQLITE_CONSTRAINT && is_participant)
            sv_err_set(e, SV_EINVAL, "fnr", _("Fødselsnummer: det finnes allerede en deltaker med dette nummeret"));
        else if ((rc & 0xff) == SQLITE_CONSTRAINT && ent->one_per_parent)
            sv_err_set(e, SV_ECONFLICT, NULL, _("%s finnes allerede for denne deltakeren (en kollega kan ha opprettet den). Åpne den på nytt."), _(ent->label));
        else
            sv_store_dberr(st, rc, e);
        goto fail;
    }
    if (m->id && sqlite3_changes(sv_store_db(st)) == 0) {
        conflict(st, ent, m->id, m->version, e);
        goto fail;
    }
    int gen = m->id == 0 ? sv_store_generation(st) : 0;
    if (sv_store_commit(st, e)) return e->code;
    if (m->id == 0) {
        m->id = sqlite3_last_insert_rowid(sv_store_db(st));
        m->version = gen * SV_GENERATION_STEP + 1;
    } else {
        m->version++;
    }
    snprintf(m->updated_by, sizeof m->updated_by, "%s", sv_login());
    snprintf(m->updated_at, sizeof m->updated_at, "%s", now);
    return SV_OK;
fail:
    sv_store_rollback(st);
    return e->code;
}

int sv_row_delete(sv_store *st, const sv_entity *ent, int64_t id, int version, sv_err *e)
{
    void *obj = sv_xmalloc(ent->size);
    int rc = sv_row_load(st, ent, id, obj, e);
    if (rc == SV_OK) {
        int64_t muni = sv_row_municipality(st, ent, META(obj)->parent);
        rc = sv_store_authorize(st, write_op(st, ent, obj), muni, e);
    }
    free(obj);
    if (rc) return rc;
    if (sv_store_begin(st, e)) return e->code;
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_printf(&b, "DELETE FROM %s WHERE id = ? AND version = ? AND " SV_GENERATION " = ?", ent->table);
    sqlite3_stmt *s = sv_store_prepare(st, b.s, e);
    sv_buf_free(&b);
    if (!s) goto fail;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int(s, 2, version % SV_GENERATION_STEP);
    sqlite3_bind_int(s, 3, version / SV_GENERATION_STEP);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        if ((rc & 0xff) == SQLITE_CONSTRAINT)
            sv_err_set(e, SV_EINVAL, NULL, _("%s kan ikke slettes fordi noe annet bygger på den"), _(ent->label));
        else
            sv_store_dberr(st, rc, e);
        goto fail;
    }
    if (sqlite3_changes(sv_store_db(st)) == 0) {
        conflict(st, ent, id, version, e);
        goto fail;
    }
    return sv_store_commit(st, e);
fail:
    sv_store_rollback(st);
    return e->code;
}

int sv_row_each(sv_store *st, const sv_entity *ent, int64_t parent, sv_row_cb cb, void *ctx, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, entity_sql(ent, EACH), e);
    if (!s) return e->code;
    if (ent->parent_col) sqlite3_bind_int64(s, 1, parent);
    void *obj = sv_xmalloc(ent->size);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_row(s, ent, obj);
        if (cb(obj, ctx)) { rc = SQLITE_DONE; break; }
    }
    free(obj);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}
