/* The audit log as readable history (see audit_view.h). The rows hold JSON written by the
 * triggers of schema.c; a case's rows are found through the parent ids inside that JSON, so
 * the history of a deleted phase or measure is still found. */
#include "audit_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"
#include "fnr.h"
#include "i18n.h"

#define MAXVAL 48      /* characters of one value shown */
#define MAXDETAIL 1500 /* bytes of one entry's detail */

void sv_mask_idnumbers(char *dst, size_t size, const char *s)
{
    if (!size) return;
    size_t n = 0;
    for (size_t i = 0; s[i] && n + 1 < size; i++) {
        size_t run = 0;
        if (s[i] >= '0' && s[i] <= '9' && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9'))
            while (s[i + run] >= '0' && s[i + run] <= '9') run++;
        if (run >= 11) {
            for (size_t k = 0; k < run && n + 1 < size; k++) dst[n++] = k < run - 5 ? s[i + k] : '*';
            i += run - 1;
        } else {
            dst[n++] = s[i];
        }
    }
    dst[n] = '\0';
}

/* At most MAXVAL characters of s, cut at a character boundary, with "…" when cut. */
static void cut(sv_buf *b, const char *s)
{
    size_t i = 0;
    int chars = 0;
    while (s[i] && chars < MAXVAL) {
        i++;
        while ((s[i] & 0xc0) == 0x80) i++;
        chars++;
    }
    for (size_t k = 0; k < i; k++) {
        char c = s[k];
        sv_buf_addn(b, c == '\n' || c == '\t' ? " " : &c, 1);
    }
    if (s[i]) sv_buf_add(b, "…");
}

/* A decision row is not a form, but its history is read as one: the columns a person reads,
 * with labels; the document itself, its identity and keys are left out. */
static const sv_field DECISION_COLS[] = {
    {"kind", N_("Vedtakstype"), SV_F_CODE, 0, 0, 0, 0, 0, SV_CODES_DECISION_KIND, NULL, NULL},
    {"decided_on", N_("Vedtaksdato"), SV_F_DATE, 0, 0, 0, 0, 0, NULL, NULL, NULL},
    {"decided_by", N_("Fattet av"), SV_F_TEXT, 0, 0, 0, 0, 0, NULL, NULL, NULL},
    {"plan_rev", N_("Planversjon"), SV_F_INT, 0, 0, 0, 0, 0, NULL, NULL, NULL},
    {"law", N_("Lov"), SV_F_TEXT, 0, 0, 0, 0, 0, NULL, NULL, NULL},
    {"notified_on", N_("Underrettet"), SV_F_DATE, 0, 0, 0, 0, 0, NULL, NULL, NULL},
    {"notify_method", N_("Underretning"), SV_F_CODE, 0, 0, 0, 0, 0, SV_CODES_NOTIFY, NULL, NULL},
    {"reason", N_("Grunn"), SV_F_TEXT, 0, 0, 0, 0, 0, NULL, NULL, NULL},
    {NULL, NULL, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL}};

static const sv_field *decision_col(const char *key)
{
    for (const sv_field *f = DECISION_COLS; f->col; f++)
        if (!strcmp(f->col, key)) return f;
    return NULL;
}

/* A reference shown by what it names (the measure's name, the need's description), not its
 * id: "Tiltak: «Norsk for lager»", never "Tiltak: «3»". */
static int ref_name(sv_store *st, const sv_field *f, sqlite3_value *v, char *buf, size_t size)
{
    const char *sql = !strcmp(f->ref, "measure") ? "SELECT name FROM measure WHERE id = ?"
                      : !strcmp(f->ref, "need") ? "SELECT area || ': ' || description FROM need WHERE id = ?" : NULL;
    sqlite3_stmt *q = NULL;
    if (!sql || sqlite3_prepare_v2(sv_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_int64(q, 1, sqlite3_value_int64(v));
    int ok = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0);
    if (ok) snprintf(buf, size, "%s", (const char *)sqlite3_column_text(q, 0));
    else snprintf(buf, size, "nr. %lld (slettet)", (long long)sqlite3_value_int64(v));
    sqlite3_finalize(q);
    return 0;
}

static void add_value(sv_store *st, sv_buf *b, const sv_field *f, sqlite3_value *v)
{
    char tmp[300];
    const char *t = (const char *)sqlite3_value_text(v);
    if (sqlite3_value_type(v) == SQLITE_NULL || !t) {
        sv_buf_add(b, "(tom)");
        return;
    }
    if (f && f->type == SV_F_FNR && strstr(t, "*****#")) {
        /* stored masked with its keyed hash (schema 17): shown whole, so a change shows */
    } else if (f && f->type == SV_F_FNR) {
        sv_fnr_mask(t, tmp);
        t = tmp;
    } else if (f && f->type == SV_F_DATE) {
        sv_date d;
        if (sv_date_parse(t, &d) == 0) sv_date_nor(d, tmp), t = tmp;
    } else if (f && f->type == SV_F_HOURS) {
        long h = (long)sqlite3_value_int64(v);
        snprintf(tmp, sizeof tmp, "%ld,%ld", h / 10, (h < 0 ? -h : h) % 10);
        t = tmp;
    } else if (f && f->type == SV_F_BOOL) {
        t = sqlite3_value_int(v) ? "ja" : "nei";
    } else if (f && f->type == SV_F_CODE) {
        t = _(sv_code_label(f->codes, t));
    } else if (f && f->type == SV_F_REF && ref_name(st, f, v, tmp, sizeof tmp) == 0) {
        t = tmp;
    }
    char masked[4 * MAXVAL + 64];
    sv_mask_idnumbers(masked, sizeof masked, t);
    sv_buf_add(b, "«");
    cut(b, masked);
    sv_buf_add(b, "»");
}

/* The changed (update) or filled-in (insert) fields of a row, one "Label: «v»" each. */
static void describe(sv_store *st, const sv_entity *ent, const char *tbl, const char *action, const char *old,
                     const char *new, sv_buf *b)
{
    int dec = !ent && !strcmp(tbl, "decision");
    int upd = !strcmp(action, "update");
    /* Prepared here, not cached: the caller's cached statement is still stepping. */
    sqlite3_stmt *s = NULL;
    sqlite3_prepare_v2(sv_store_db(st), upd
        ? "SELECT n.key, o.value, n.value FROM json_each(?1) o JOIN json_each(?2) n ON n.key = o.key "
          "WHERE o.value IS NOT n.value AND n.key NOT IN ('version', 'id') ORDER BY n.id"
        : "SELECT key, NULL, value FROM json_each(?2) WHERE value IS NOT NULL AND value <> '' "
          "AND key NOT IN ('version', 'id') ORDER BY id", -1, &s, NULL);
    if (!s) return;
    sqlite3_bind_text(s, 1, old ? old : "{}", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, new ? new : "{}", -1, SQLITE_STATIC);
    int n = 0;
    while (sqlite3_step(s) == SQLITE_ROW && b->len < MAXDETAIL) {
        const char *key = (const char *)sqlite3_column_text(s, 0);
        const sv_field *f = ent && key ? sv_entity_field(ent, key) : dec && key ? decision_col(key) : NULL;
        if ((ent || dec) && !f) continue;   /* parent ids: the history already says whose case it is */
        sv_buf_printf(b, "%s%s: ", n++ ? "; " : "", f ? _(f->label) : key ? key : "?");
        if (upd) {
            add_value(st, b, f, sqlite3_column_value(s, 1));
            sv_buf_add(b, " → ");
        }
        add_value(st, b, f, sqlite3_column_value(s, 2));
    }
    sqlite3_finalize(s);
}

static int each(sv_store *st, sqlite3_stmt *s, sv_audit_cb cb, void *ctx, sv_err *e)
{
    int rc;
    sv_buf b;
    sv_buf_init(&b);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sv_audit_entry a;
        memset(&a, 0, sizeof a);
        a.id = sqlite3_column_int64(s, 0);
        snprintf(a.at, sizeof a.at, "%s", sqlite3_column_text(s, 1));
        sv_mask_idnumbers(a.login, sizeof a.login, (const char *)sqlite3_column_text(s, 2));
        snprintf(a.tbl, sizeof a.tbl, "%s", sqlite3_column_text(s, 3));
        a.row_id = sqlite3_column_int64(s, 4);
        snprintf(a.action, sizeof a.action, "%s", sqlite3_column_text(s, 5));
        const char *old = (const char *)sqlite3_column_text(s, 6);
        const char *new = (const char *)sqlite3_column_text(s, 7);
        const sv_entity *ent = sv_entity_by_table(a.tbl);
        if (!ent && !strcmp(a.tbl, SV_ENT_NIR_REG.table)) ent = &SV_ENT_NIR_REG;   /* not in SV_ENTITIES */
        b.len = 0;
        sv_buf_add(&b, "");
        if (ent) a.what = _(ent->label);
        else if (!strcmp(a.tbl, "decision")) a.what = _("Vedtak");
        else if (!strcmp(a.tbl, "advance_notice")) a.what = _("Forhåndsvarsel");
        else if (!strcmp(a.tbl, "users")) a.what = "Bruker";
        else if (!strcmp(a.tbl, "access")) a.what = "Tilgang";
        else if (!strcmp(a.tbl, "backup")) a.what = "Sikkerhetskopi";
        else if (!strcmp(a.tbl, "chain")) a.what = "Kjede";
        else a.what = a.tbl;
        if (!strcmp(a.action, "refused")) {
            sv_buf_add(&b, "nektet: ");
            cut(&b, new ? new : "?");
        } else if (!strcmp(a.action, "relink")) {
            /* the upgrade that masked identity numbers linked the chain again (schema.c) */
            sv_buf_printf(&b, "lenket på nytt; kjedehodet før var %s", old ? old : "?");
        } else if (!strcmp(a.action, "delete")) {
            sv_buf_add(&b, "slettet");
        } else {
            describe(st, ent, a.tbl, a.action, old, new, &b);
        }
        a.detail = b.s;
        if (cb(&a, ctx)) { rc = SQLITE_DONE; break; }
    }
    sv_buf_free(&b);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}

/* The participant_id (or other key) inside a row's JSON; refusal rows hold plain text. */
#define JX(key) "CASE WHEN json_valid(new) THEN json_extract(new, '$." key "') " \
                "WHEN json_valid(old) THEN json_extract(old, '$." key "') END"

static const char CASE_SQL[] =
    "WITH pl(id) AS (SELECT row_id FROM audit WHERE tbl = 'plan' AND " JX("participant_id") " = ?1),"
    " ph(id) AS (SELECT row_id FROM audit WHERE tbl = 'phase' AND " JX("plan_id") " IN pl)"
    " SELECT id, at, login, tbl, ifnull(row_id, 0), action, old, new FROM audit WHERE"
    " (tbl = 'participant' AND row_id = ?1)"
    " OR (tbl IN ('assessment', 'need', 'plan', 'followup', 'review', 'absence', 'leave', 'evaluation', 'decision',"
    "      'nir_registration', 'advance_notice')"
    "     AND " JX("participant_id") " = ?1)"
    " OR (tbl = 'phase' AND row_id IN ph)"
    " OR (tbl = 'plan_measure' AND " JX("phase_id") " IN ph)"
    " ORDER BY id";

int sv_audit_case(sv_store *st, int64_t participant_id, sv_audit_cb cb, void *ctx, sv_err *e)
{
    int64_t muni = sv_row_municipality(st, &SV_ENT_NEED, participant_id);
    if (!muni) return sv_err_set(e, SV_ENOTFOUND, NULL, "Deltaker nr. %" PRId64 " finnes ikke", participant_id);
    if (sv_store_authorize(st, SV_OP_READ, muni, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, CASE_SQL, e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, participant_id);
    int rc = each(st, s, cb, ctx, e);
    sqlite3_reset(s);
    return rc;
}

int sv_audit_recent(sv_store *st, int limit, sv_audit_cb cb, void *ctx, sv_err *e)
{
    const sv_user *u = sv_store_user(st);
    /* The whole log spans every municipality: administrators, and supervisors bound to none. */
    int supervisor = u && !strcmp(u->role, "supervisor") && !u->municipality_id;
    if (!supervisor && sv_store_authorize_all(st, SV_OP_ADMIN, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id, at, login, tbl, ifnull(row_id, 0), action, old, new "
                                           "FROM audit ORDER BY id DESC LIMIT ?", e);
    if (!s) return e->code;
    sqlite3_bind_int(s, 1, limit > 0 ? limit : -1);
    int rc = each(st, s, cb, ctx, e);
    sqlite3_reset(s);
    return rc;
}
