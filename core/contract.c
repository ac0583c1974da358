/* The integration contract (integreringsloven § 16): its checks against the case and how it is
 * found for a plan version (contract.h). The fields are described in forms/forms.c. */
#include "contract.h"

#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"
#include "i18n.h"

/* Migration: one contract per participant and plan version (integreringsloven § 16 with § 15:
 * the contract is made on the basis of the integration plan). Audited by the triggers that
 * core/guard.c writes for every entity of SV_ENTITIES. */
const char SV_MIGRATION_CONTRACT[] =
    "CREATE TABLE IF NOT EXISTS contract(id INTEGER PRIMARY KEY,"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id), plan_rev INTEGER NOT NULL DEFAULT 0,"
    "  participant_commits TEXT, municipality_commits TEXT, signed_participant TEXT, signed_municipality TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE UNIQUE INDEX IF NOT EXISTS contract_rev ON contract(participant_id, plan_rev);";

/* The plan as the contract reads it: its content revision and the day it was made with the
 * participant (samråd). SV_ENOTFOUND without a plan. */
static int plan_of(sv_store *st, int64_t pid, int *rev, sv_date *made, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT rev, consulted_on FROM plan WHERE participant_id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, pid);
    int rc = sqlite3_step(s);
    *rev = -1;
    *made = SV_NODATE;
    if (rc == SQLITE_ROW) {
        *rev = sqlite3_column_int(s, 0);
        const char *t = (const char *)sqlite3_column_text(s, 1);
        if (t && sv_date_parse(t, made)) *made = SV_NODATE;
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE) return SV_ENOTFOUND;
    return rc == SQLITE_ROW ? SV_OK : sv_store_dberr(st, rc, e);
}

static int is_blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return 0;
    return 1;
}

static int signed_ok(const sv_entity *ent, const char *col, sv_date d, sv_date made, sv_err *e)
{
    const sv_field *f = sv_entity_field(ent, col);
    char t[11], m[11];
    sv_date_nor(d, t);
    if (d != SV_NODATE && d > sv_today())
        return sv_err_set(e, SV_EINVAL, col, _("%s: %s er fram i tid; oppgi dagen kontrakten faktisk ble signert"),
                          _(f->label), t);
    if (d != SV_NODATE && made != SV_NODATE && d < made) {
        sv_date_nor(made, m);
        return sv_err_set(e, SV_EINVAL, col, _("%s: %s er før planen ble laget (samråd %s); kontrakten inngås på "
                          "grunnlag av planen (integreringsloven § 16)"), _(f->label), t, m);
    }
    return SV_OK;
}

int sv_contract_check(sv_store *st, const sv_contract *k, sv_err *e)
{
    const sv_entity *ent = &SV_ENT_CONTRACT;
    sv_participant p;
    int rc = sv_row_load(st, &SV_ENT_PARTICIPANT, k->m.parent, &p, e);
    if (rc == SV_ENOTFOUND)
        return sv_err_set(e, SV_EINVAL, "participant_id", _("Deltaker: nr. %lld finnes ikke"), (long long)k->m.parent);
    if (rc) return rc;
    if (sv_participant_law(&p) == SV_LAW_INTRO)
        return sv_err_set(e, SV_EINVAL, "participant_id", _("Deltaker: %s hører under introduksjonsloven "
                          "(oppholdstillatelse før 01.01.2021); integreringskontrakt etter integreringsloven § 16 gjelder "
                          "bare deltakere under integreringsloven"), p.name);
    static const char *const texts[] = {"participant_commits", "municipality_commits"};
    for (int i = 0; i < 2; i++) {
        const sv_field *f = sv_entity_field(ent, texts[i]);
        if (is_blank((const char *)k + f->off))
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: må fylles ut; skriv hva som er avtalt (integreringsloven § 16)"),
                              _(f->label));
    }
    int rev;
    sv_date made;
    rc = plan_of(st, k->m.parent, &rev, &made, e);
    if (rc == SV_ENOTFOUND)
        return sv_err_set(e, SV_EINVAL, "plan_rev", _("Planversjon: deltakeren har ingen integreringsplan ennå; "
                          "kontrakten inngås på grunnlag av planen (integreringsloven §§ 15 og 16)"));
    if (rc) return rc;
    /* a new contract is made for the plan as it is now; a stored one stays with its version */
    int stored = -1;
    if (k->m.id) {
        sqlite3_stmt *q = sv_store_prepare(st, "SELECT plan_rev FROM contract WHERE id = ?", e);
        if (!q) return e->code;
        sqlite3_bind_int64(q, 1, k->m.id);
        if (sqlite3_step(q) == SQLITE_ROW) stored = sqlite3_column_int(q, 0);
        sqlite3_reset(q);
    }
    if (stored >= 0 && k->plan_rev != stored)
        return sv_err_set(e, SV_EINVAL, "plan_rev", _("Planversjon: kontrakten hører til planversjon %d og kan ikke "
                          "flyttes til en annen; lag en ny kontrakt for planen som gjelder nå"), stored);
    if (stored < 0 && k->plan_rev != rev)
        return sv_err_set(e, SV_EINVAL, "plan_rev", _("Planversjon: %d er ikke planens gjeldende versjon (%d); en "
                          "kontrakt lagres for den planen som gjelder nå"), k->plan_rev, rev);
    if (signed_ok(ent, "signed_participant", k->signed_participant, made, e) ||
        signed_ok(ent, "signed_municipality", k->signed_municipality, made, e))
        return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id FROM contract WHERE participant_id = ? AND plan_rev = ? AND id IS NOT ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, k->m.parent);
    sqlite3_bind_int(s, 2, k->plan_rev);
    if (k->m.id) sqlite3_bind_int64(s, 3, k->m.id);
    else sqlite3_bind_null(s, 3);
    rc = sqlite3_step(s);
    int64_t other = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    if (other)
        return sv_err_set(e, SV_EINVAL, "plan_rev", _("Planversjon: versjon %d har alt en kontrakt (nr. %lld); endre "
                          "den i stedet"), k->plan_rev, (long long)other);
    return SV_OK;
}

void sv_contract_prepare(sv_store *st, sv_contract *k)
{
    int rev;
    sv_date made;
    sv_err e;
    if (k->plan_rev <= 0 && k->m.parent > 0 && plan_of(st, k->m.parent, &rev, &made, &e) == SV_OK) k->plan_rev = rev;
}

int sv_contract_for_rev(sv_store *st, int64_t pid, int plan_rev, sv_contract *k, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id FROM contract WHERE participant_id = ? AND plan_rev = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_int(s, 2, plan_rev);
    int rc = sqlite3_step(s);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    if (id) return sv_row_load(st, &SV_ENT_CONTRACT, id, k, e);
    sv_entity_blank(&SV_ENT_CONTRACT, k);
    k->m.parent = pid;
    k->plan_rev = plan_rev;
    return SV_ENOTFOUND;
}

int sv_contract_current(sv_store *st, int64_t pid, sv_contract *k, int *plan_rev, sv_err *e)
{
    sv_date made;
    int rc = plan_of(st, pid, plan_rev, &made, e);
    if (rc == SV_ENOTFOUND) {
        sv_entity_blank(&SV_ENT_CONTRACT, k);
        k->m.parent = pid;
        return SV_ENOTFOUND;
    }
    if (rc) return rc;
    return sv_contract_for_rev(st, pid, *plan_rev, k, e);
}

int sv_contract_case_line(sv_store *st, int64_t pid, char *buf, size_t size, sv_err *e)
{
    buf[0] = '\0';
    sv_participant p;
    int rc = sv_row_load(st, &SV_ENT_PARTICIPANT, pid, &p, e);
    if (rc) return rc == SV_ENOTFOUND ? SV_OK : rc;
    if (sv_participant_law(&p) == SV_LAW_INTRO) return SV_OK;
    sv_contract k;
    int rev;
    rc = sv_contract_current(st, pid, &k, &rev, e);
    if (rc == SV_ENOTFOUND && rev < 0) return SV_OK;
    if (rc == SV_ENOTFOUND) {
        snprintf(buf, size, _("Integreringskontrakt (integreringsloven § 16): ingen for planversjon %d"), rev);
        return SV_OK;
    }
    if (rc) return rc;
    char a[11], b[11];
    sv_date_nor(k.signed_participant, a);
    sv_date_nor(k.signed_municipality, b);
    snprintf(buf, size, _("Integreringskontrakt (integreringsloven § 16) for planversjon %d: signert av deltakeren %s, "
                          "av kommunen %s"), k.plan_rev, a, b);
    return SV_OK;
}

int sv_contract_demo(sv_store *st, int64_t pid, sv_date signed_on, sv_err *e)
{
    sv_contract k;
    sv_entity_blank(&SV_ENT_CONTRACT, &k);
    k.m.parent = pid;
    snprintf(k.participant_commits, sizeof k.participant_commits, "%s",
             "Delta i alle tiltak i integreringsplanen, møte presis og melde fravær samme dag.");
    snprintf(k.municipality_commits, sizeof k.municipality_commits, "%s",
             "Gi tiltakene i planen, følge opp hver måned og vurdere planen jevnlig sammen med deltakeren.");
    k.signed_participant = k.signed_municipality = signed_on;
    return sv_row_save(st, &SV_ENT_CONTRACT, &k, e);
}
