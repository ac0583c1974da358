/* Recording notifications after the decision (notice.h). */
#include "notice.h"

#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"
#include "decision.h"
#include "i18n.h"
#include "rules.h"

static void deadline(sv_notice *n, const sv_decision *d)
{
    sv_err ignore;
    const sv_ruleset *rs = sv_rules_for(d->law, d->decided_on, &ignore);
    n->appeal_deadline = sv_date_appeal_deadline(n->notified_on, rs && rs->appeal_weeks > 0 ? rs->appeal_weeks : 3);
}

int sv_notice_current(sv_store *st, int64_t decision_id, sv_notice *out, sv_err *e)
{
    sv_decision d;
    memset(out, 0, sizeof *out);
    if (sv_decision_load(st, decision_id, &d, e)) return e->code;
    out->decision_id = decision_id;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT id, notified_on, method, note, recorded_at, recorded_by FROM notification"
                                           " WHERE decision_id = ? ORDER BY id DESC LIMIT 1", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, decision_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(s, 0);
        if (sv_date_parse((const char *)sqlite3_column_text(s, 1), &out->notified_on)) out->notified_on = SV_NODATE;
        snprintf(out->method, sizeof out->method, "%s", sqlite3_column_text(s, 2));
        snprintf(out->note, sizeof out->note, "%s", sqlite3_column_text(s, 3));
        snprintf(out->recorded_at, sizeof out->recorded_at, "%s", sqlite3_column_text(s, 4));
        snprintf(out->recorded_by, sizeof out->recorded_by, "%s", sqlite3_column_text(s, 5));
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    if (rc == SQLITE_DONE) {   /* decision.c reads the latest record too; without one, the issued state */
        out->notified_on = d.notified_on;
        snprintf(out->method, sizeof out->method, "%s", d.notify_method);
        snprintf(out->recorded_at, sizeof out->recorded_at, "%s", d.created_at);
        snprintf(out->recorded_by, sizeof out->recorded_by, "%s", d.decided_by);
    }
    deadline(out, &d);
    return SV_OK;
}

int sv_notice_record(sv_store *st, int64_t decision_id, sv_date on, const char *method, const char *note,
                     sv_notice *out, sv_err *e)
{
    sv_decision d;
    if (sv_decision_load(st, decision_id, &d, e)) return e->code;
    int64_t muni = sv_row_municipality(st, &SV_ENT_NEED, d.participant_id);
    if (sv_store_authorize(st, SV_OP_DECIDE, muni, e)) return e->code;
    if (!method || !sv_code_valid(SV_CODES_NOTIFY, method))
        return sv_err_set(e, SV_EINVAL, "notify_method", _("Underretning: «%s» er ikke gyldig (digitalt, post, personlig)"),
                          method ? method : "");
    if (on == SV_NODATE) return sv_err_set(e, SV_EINVAL, "notified_on", _("Underrettet dato: må fylles ut"));
    if (on < d.decided_on) return sv_err_set(e, SV_EINVAL, "notified_on", _("Underrettet dato: kan ikke være før vedtaksdatoen"));
    if (on > sv_today())
        return sv_err_set(e, SV_EINVAL, "notified_on", _("Underrettet dato: kan ikke være fram i tid (registrer underretningen når den har skjedd)"));
    if (note && strlen(note) > 500) return sv_err_set(e, SV_EINVAL, "note", _("Merknad: teksten er for lang (høyst 500 tegn)"));
    char day[11], now[20];
    sv_date_iso(on, day);
    sv_now(now);
    if (sv_store_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT INTO notification(decision_id, notified_on, method, note, recorded_at,"
                                           " recorded_by) VALUES(?, ?, ?, ?, ?, ?)", e);
    if (!s) goto fail;
    sqlite3_bind_int64(s, 1, decision_id);
    sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, method, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, note ? note : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, sv_store_user(st) ? sv_store_user(st)->login : sv_login(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        sv_store_dberr(st, rc, e);
        goto fail;
    }
    if (sv_store_commit(st, e)) return e->code;
    return out ? sv_notice_current(st, decision_id, out, e) : SV_OK;
fail:
    sv_store_rollback(st);
    return e->code;
}
