/* Appeals (appeal.h): forvaltningsloven §§ 28-34. */
#include "appeal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "decision.h"
#include "i18n.h"
#include "model.h"
#include "notice.h"

/* No index: a municipality has a handful of appeals a year, and every page counts in the
 * smallest databases (tests/cli/test_faults.sh fills a 1 MB disk). The audit and protective
 * triggers are core/guard.c's (SV_APPEAL_SCHEMA), so verify checks them. */
const char SV_MIGRATION_APPEAL[] =
    "CREATE TABLE IF NOT EXISTS appeal(id INTEGER PRIMARY KEY, decision_id INTEGER NOT NULL REFERENCES decision(id),"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id), received_on TEXT NOT NULL, grounds TEXT NOT NULL,"
    "  late INTEGER NOT NULL DEFAULT 0, late_considered INTEGER, late_reason TEXT,"
    "  review TEXT CHECK(review IN ('opprettholdt', 'endret')), reviewed_on TEXT,"
    "  new_decision_id INTEGER REFERENCES decision(id), sent_on TEXT,"
    "  outcome TEXT CHECK(outcome IN ('opprettholdt', 'endret', 'opphevet')), outcome_on TEXT, outcome_note TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1, created_by TEXT, created_at TEXT, updated_by TEXT, updated_at TEXT);";

sv_date sv_appeal_forward_due(sv_date received)
{
    if (received == SV_NODATE) return SV_NODATE;
    return sv_date_next_workday(sv_date_add_months(received, SV_APPEAL_FORWARD_MONTHS));
}

static const struct { const char *code, *label; } RESULTS[] = {
    {"opprettholdt", N_("opprettholdt")}, {"endret", N_("endret")}, {"opphevet", N_("opphevet og sendt tilbake")}};

const char *sv_appeal_result_label(const char *code)
{
    for (size_t i = 0; i < sizeof RESULTS / sizeof RESULTS[0]; i++)
        if (code && !strcmp(code, RESULTS[i].code)) return _(RESULTS[i].label);
    return code ? code : "";
}

const char *sv_appeal_state(const sv_appeal *a)
{
    if (a->outcome[0]) return _("avgjort av Statsforvalteren");
    if (a->sent_on != SV_NODATE) return _("sendt til Statsforvalteren");
    if (!strcmp(a->review, "endret")) return _("endret av kommunen (nytt vedtak)");
    if (!strcmp(a->review, "opprettholdt")) return _("opprettholdt av kommunen, ikke sendt ennå");
    if (a->late && a->late_considered == 0) return _("for sen, ikke tatt under behandling");
    if (a->late && a->late_considered < 0) return _("for sen: avgjør om den likevel behandles");
    return _("til behandling i kommunen");
}

static sv_date col_date(sqlite3_stmt *s, int i)
{
    sv_date d = SV_NODATE;
    const char *t = (const char *)sqlite3_column_text(s, i);
    if (!t || sv_date_parse(t, &d)) d = SV_NODATE;
    return d;
}

static void col_text(sqlite3_stmt *s, int i, char *buf, size_t size)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    snprintf(buf, size, "%s", t ? t : "");
}

#define SELECT_APPEAL                                                                                         \
    "SELECT a.id, a.decision_id, a.participant_id, p.municipality_id, a.received_on, a.grounds, a.late,"      \
    " ifnull(a.late_considered, -1), a.late_reason, a.review, a.reviewed_on, ifnull(a.new_decision_id, 0),"   \
    " a.sent_on, a.outcome, a.outcome_on, a.outcome_note, d.kind, d.decided_on, a.created_by FROM appeal a"   \
    " JOIN participant p ON p.id = a.participant_id JOIN decision d ON d.id = a.decision_id"

static void fill(sqlite3_stmt *s, sv_appeal *a)
{
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(s, 0);
    a->decision_id = sqlite3_column_int64(s, 1);
    a->participant_id = sqlite3_column_int64(s, 2);
    a->municipality_id = sqlite3_column_int64(s, 3);
    a->received_on = col_date(s, 4);
    col_text(s, 5, a->grounds, sizeof a->grounds);
    a->late = sqlite3_column_int(s, 6);
    a->late_considered = sqlite3_column_int(s, 7);
    col_text(s, 8, a->late_reason, sizeof a->late_reason);
    col_text(s, 9, a->review, sizeof a->review);
    a->reviewed_on = col_date(s, 10);
    a->new_decision_id = sqlite3_column_int64(s, 11);
    a->sent_on = col_date(s, 12);
    col_text(s, 13, a->outcome, sizeof a->outcome);
    a->outcome_on = col_date(s, 14);
    col_text(s, 15, a->outcome_note, sizeof a->outcome_note);
    col_text(s, 16, a->decision_kind, sizeof a->decision_kind);
    a->decided_on = col_date(s, 17);
    col_text(s, 18, a->created_by, sizeof a->created_by);
}

/* The deadlines: § 29 from the notification in force (notice.c, one definition), § 33 from
 * the day the appeal was received. */
static void deadlines(sv_store *st, sv_appeal *a)
{
    sv_notice n;
    sv_err ignore;
    if (sv_notice_current(st, a->decision_id, &n, &ignore) == SV_OK) {
        a->notified_on = n.notified_on;
        a->appeal_deadline = n.appeal_deadline;
    } else {
        a->notified_on = a->appeal_deadline = SV_NODATE;
    }
    a->forward_due = sv_appeal_forward_due(a->received_on);
}

static int load(sv_store *st, int64_t id, sv_appeal *out, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, SELECT_APPEAL " WHERE a.id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) fill(s, out);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW) {
        deadlines(st, out);
        return SV_OK;
    }
    if (rc != SQLITE_DONE) return sv_store_dberr(st, rc, e);
    return sv_err_set(e, SV_ENOTFOUND, "appeal", _("Klage: det finnes ingen klage nr. %lld (se «stegvis appeal list»)"),
                      (long long)id);
}

int sv_appeal_load(sv_store *st, int64_t id, sv_appeal *out, sv_err *e)
{
    if (load(st, id, out, e)) return e->code;
    return sv_store_authorize(st, SV_OP_APPEAL_READ, out->municipality_id, e);
}

int sv_appeal_each(sv_store *st, int64_t muni, int64_t pid, sv_appeal_cb cb, void *ctx, sv_err *e)
{
    if (sv_store_authorize(st, SV_OP_APPEAL_READ, muni, e)) return e->code;
    const sv_user *u = sv_store_user(st);
    int64_t own = u ? u->municipality_id : 0;
    sqlite3_stmt *s = sv_store_prepare(st, SELECT_APPEAL " WHERE (?1 = 0 OR p.municipality_id = ?1)"
                                       " AND (?2 = 0 OR a.participant_id = ?2) AND (?3 = 0 OR p.municipality_id = ?3)"
                                       " ORDER BY a.received_on, a.id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, muni);
    sqlite3_bind_int64(s, 2, pid);
    sqlite3_bind_int64(s, 3, own);
    /* collected first: the deadlines are read with statements of their own */
    sv_appeal *all = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            all = sv_xrealloc(all, (size_t)cap * sizeof *all);
        }
        fill(s, &all[n++]);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        free(all);
        return sv_store_dberr(st, rc, e);
    }
    int stop = 0;
    for (int i = 0; i < n && !stop; i++) {
        deadlines(st, &all[i]);
        stop = cb(&all[i], ctx);
    }
    free(all);
    return SV_OK;
}

/* Loads the appeal and checks that the user may handle it. */
static int for_write(sv_store *st, int64_t id, sv_appeal *a, sv_err *e)
{
    if (load(st, id, a, e)) return e->code;
    return sv_store_authorize(st, SV_OP_APPEAL, a->municipality_id, e);
}

static const char *user(sv_store *st) { return sv_store_user(st) ? sv_store_user(st)->login : sv_login(); }

/* Runs an UPDATE of one appeal with its text parameters ?1..?nvals (NULL: SQL NULL), then the
 * id, the user and the time, in a transaction. */
static int update(sv_store *st, const char *sql, int64_t id, const char *const *vals, int nvals, sv_err *e)
{
    char now[20];
    sv_now(now);
    if (sv_store_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, sql, e);
    if (!s) goto fail;
    for (int i = 0; i < nvals; i++) {
        if (vals[i]) sqlite3_bind_text(s, i + 1, vals[i], -1, SQLITE_TRANSIENT);
        else sqlite3_bind_null(s, i + 1);
    }
    sqlite3_bind_int64(s, nvals + 1, id);
    sqlite3_bind_text(s, nvals + 2, user(st), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, nvals + 3, now, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        sv_store_dberr(st, rc, e);
        goto fail;
    }
    return sv_store_commit(st, e);
fail:
    sv_store_rollback(st);
    return e->code;
}

#define SET_TAIL ", version = version + 1, updated_by = ?%d, updated_at = ?%d WHERE id = ?%d"

static int not_future(sv_date on, const char *field, const char *label, sv_err *e)
{
    if (on == SV_NODATE) return sv_err_set(e, SV_EINVAL, field, _("%s: må fylles ut (dd.mm.åååå)"), label);
    if (on > sv_today())
        return sv_err_set(e, SV_EINVAL, field, _("%s: kan ikke være fram i tid (registrer det når det har skjedd)"), label);
    return SV_OK;
}

int sv_appeal_add(sv_store *st, int64_t muni, int64_t decision_id, sv_date received, const char *grounds,
                  sv_appeal *out, sv_err *e)
{
    sv_decision d;
    if (decision_id <= 0 || sv_decision_load(st, decision_id, &d, e))
        return sv_err_set(e, SV_EINVAL, "decision", _("Vedtak: det finnes ikke noe fattet vedtak nr. %lld (oppgi "
                          "vedtakets nummer, som i «stegvis show»)"), (long long)decision_id);
    int64_t dmuni = sv_row_municipality(st, &SV_ENT_NEED, d.participant_id);
    if (muni && dmuni != muni)
        return sv_err_set(e, SV_EINVAL, "decision", _("Vedtak: vedtak nr. %lld hører til en annen kommune; en klage "
                          "registreres i kommunen som fattet vedtaket"), (long long)decision_id);
    if (sv_store_authorize(st, SV_OP_APPEAL, dmuni, e)) return e->code;
    if (not_future(received, "received_on", _("Mottatt dato"), e)) return e->code;
    if (received < d.decided_on)
        return sv_err_set(e, SV_EINVAL, "received_on", _("Mottatt dato: kan ikke være før vedtaksdatoen"));
    if (!grounds || !grounds[0])
        return sv_err_set(e, SV_EINVAL, "grounds", _("Klagegrunner: må fylles ut (hva deltakeren mener er galt, "
                          "forvaltningsloven § 32 første ledd bokstav c)"));
    if (strlen(grounds) > 2000) return sv_err_set(e, SV_EINVAL, "grounds", _("Klagegrunner: teksten er for lang (høyst 2000 tegn)"));
    sv_notice n;
    if (sv_notice_current(st, decision_id, &n, e)) return e->code;
    /* § 29: late when received after the deadline; not notified: the deadline has not begun */
    int late = n.appeal_deadline != SV_NODATE && received > n.appeal_deadline;
    char day[11], now[20];
    sv_date_iso(received, day);
    sv_now(now);
    if (sv_store_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT INTO appeal(decision_id, participant_id, received_on, grounds, late,"
                                           " created_by, created_at, updated_by, updated_at) VALUES(?1, ?2, ?3, ?4, ?5,"
                                           " ?6, ?7, ?6, ?7)", e);
    if (!s) goto fail;
    sqlite3_bind_int64(s, 1, decision_id);
    sqlite3_bind_int64(s, 2, d.participant_id);
    sqlite3_bind_text(s, 3, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, grounds, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 5, late);
    sqlite3_bind_text(s, 6, user(st), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 7, now, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        sv_store_dberr(st, rc, e);
        goto fail;
    }
    int64_t id = sqlite3_last_insert_rowid(sv_store_db(st));
    if (sv_store_commit(st, e)) return e->code;
    return out ? load(st, id, out, e) : SV_OK;
fail:
    sv_store_rollback(st);
    return e->code;
}

int sv_appeal_late(sv_store *st, int64_t id, int considered, const char *reason, sv_err *e)
{
    sv_appeal a;
    if (for_write(st, id, &a, e)) return e->code;
    if (!a.late)
        return sv_err_set(e, SV_EINVAL, "late_considered", _("Sen klage: klagen kom innen klagefristen "
                          "(forvaltningsloven § 29), så § 31 gjelder ikke"));
    if (a.late_considered >= 0)
        return sv_err_set(e, SV_EINVAL, "late_considered", _("Sen klage: spørsmålet er allerede avgjort"));
    if (considered != 0 && considered != 1)
        return sv_err_set(e, SV_EINVAL, "late_considered", _("Sen klage: svar ja eller nei på om klagen likevel tas "
                          "under behandling"));
    if (!reason || !reason[0])
        return sv_err_set(e, SV_EINVAL, "late_reason", _("Begrunnelse: må fylles ut (hvorfor klagen likevel behandles "
                          "eller ikke, forvaltningsloven § 31)"));
    if (strlen(reason) > 500) return sv_err_set(e, SV_EINVAL, "late_reason", _("Begrunnelse: teksten er for lang (høyst 500 tegn)"));
    const char *vals[] = {considered ? "1" : "0", reason};
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE appeal SET late_considered = CAST(?1 AS INTEGER), late_reason = ?2" SET_TAIL, 4, 5, 3);
    return update(st, sql, id, vals, 2, e);
}

/* A late appeal goes on only when it has been decided to consider it (§ 31). */
static int may_proceed(const sv_appeal *a, sv_err *e)
{
    if (a->late && a->late_considered < 0)
        return sv_err_set(e, SV_EINVAL, "late_considered", _("Sen klage: avgjør først om klagen likevel tas under "
                          "behandling (stegvis appeal late, forvaltningsloven § 31)"));
    if (a->late && a->late_considered == 0)
        return sv_err_set(e, SV_EINVAL, "late_considered", _("Sen klage: klagen er ikke tatt under behandling "
                          "(forvaltningsloven § 31)"));
    return SV_OK;
}

int sv_appeal_review(sv_store *st, int64_t id, const char *result, sv_date on, int64_t new_decision, sv_err *e)
{
    sv_appeal a;
    if (for_write(st, id, &a, e)) return e->code;
    if (may_proceed(&a, e)) return e->code;
    if (a.review[0]) return sv_err_set(e, SV_EINVAL, "review", _("Kommunens vurdering: klagen er allerede vurdert"));
    if (!result || (strcmp(result, "opprettholdt") && strcmp(result, "endret")))
        return sv_err_set(e, SV_EINVAL, "review", _("Kommunens vurdering: «%s» er ikke gyldig (opprettholdt, endret)"),
                          result ? result : "");
    if (not_future(on, "reviewed_on", _("Vurdert dato"), e)) return e->code;
    if (on < a.received_on)
        return sv_err_set(e, SV_EINVAL, "reviewed_on", _("Vurdert dato: kan ikke være før klagen kom inn"));
    char nd[24] = "";
    if (!strcmp(result, "endret")) {
        sv_decision d;
        sv_err ignore;
        if (new_decision <= 0 || sv_decision_load(st, new_decision, &d, &ignore))
            return sv_err_set(e, SV_EINVAL, "new_decision", _("Nytt vedtak: oppgi vedtaket som endret det påklagde "
                              "(et fattet vedtak, forvaltningsloven § 33 andre ledd)"));
        if (d.participant_id != a.participant_id || new_decision == a.decision_id)
            return sv_err_set(e, SV_EINVAL, "new_decision", _("Nytt vedtak: må være et nytt vedtak for den samme deltakeren"));
        if (d.decided_on < a.received_on)
            return sv_err_set(e, SV_EINVAL, "new_decision", _("Nytt vedtak: er fattet før klagen kom inn"));
        snprintf(nd, sizeof nd, "%lld", (long long)new_decision);
    } else if (new_decision) {
        return sv_err_set(e, SV_EINVAL, "new_decision", _("Nytt vedtak: bare når kommunen endrer vedtaket"));
    }
    char day[11];
    sv_date_iso(on, day);
    const char *vals[] = {result, day, nd[0] ? nd : NULL};
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE appeal SET review = ?1, reviewed_on = ?2, new_decision_id = CAST(?3 AS INTEGER)"
             SET_TAIL, 5, 6, 4);
    return update(st, sql, id, vals, 3, e);
}

int sv_appeal_send(sv_store *st, int64_t id, sv_date on, sv_err *e)
{
    sv_appeal a;
    if (for_write(st, id, &a, e)) return e->code;
    if (may_proceed(&a, e)) return e->code;
    if (strcmp(a.review, "opprettholdt"))
        return sv_err_set(e, SV_EINVAL, "sent_on", _("Sendt dato: klagen sendes til Statsforvalteren når kommunen "
                          "har vurdert den og opprettholdt vedtaket (forvaltningsloven § 33 fjerde ledd)"));
    if (a.sent_on != SV_NODATE) return sv_err_set(e, SV_EINVAL, "sent_on", _("Sendt dato: klagen er allerede sendt"));
    if (not_future(on, "sent_on", _("Sendt dato"), e)) return e->code;
    if (on < a.reviewed_on)
        return sv_err_set(e, SV_EINVAL, "sent_on", _("Sendt dato: kan ikke være før kommunens vurdering"));
    char day[11];
    sv_date_iso(on, day);
    const char *vals[] = {day};
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE appeal SET sent_on = ?1" SET_TAIL, 3, 4, 2);
    return update(st, sql, id, vals, 1, e);
}

int sv_appeal_outcome(sv_store *st, int64_t id, const char *result, sv_date on, const char *note, sv_err *e)
{
    sv_appeal a;
    if (for_write(st, id, &a, e)) return e->code;
    if (a.outcome[0]) return sv_err_set(e, SV_EINVAL, "outcome", _("Utfall: klagen har allerede et utfall (%s)"),
                                        sv_appeal_result_label(a.outcome));
    if (!result || (strcmp(result, "opprettholdt") && strcmp(result, "endret") && strcmp(result, "opphevet")))
        return sv_err_set(e, SV_EINVAL, "outcome", _("Utfall: «%s» er ikke gyldig (opprettholdt, endret, opphevet)"),
                          result ? result : "");
    if (a.sent_on == SV_NODATE)
        return sv_err_set(e, SV_EINVAL, "outcome", _("Utfall: klagen er ikke sendt til Statsforvalteren ennå "
                          "(stegvis appeal send)"));
    if (not_future(on, "outcome_on", _("Utfallsdato"), e)) return e->code;
    if (on < a.received_on) return sv_err_set(e, SV_EINVAL, "outcome_on", _("Utfallsdato: kan ikke være før klagen kom inn"));
    if (on < a.sent_on) return sv_err_set(e, SV_EINVAL, "outcome_on", _("Utfallsdato: kan ikke være før klagen ble sendt"));
    if (note && strlen(note) > 500) return sv_err_set(e, SV_EINVAL, "note", _("Merknad: teksten er for lang (høyst 500 tegn)"));
    char day[11];
    sv_date_iso(on, day);
    const char *vals[] = {result, day, note ? note : ""};
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE appeal SET outcome = ?1, outcome_on = ?2, outcome_note = ?3" SET_TAIL, 5, 6, 4);
    return update(st, sql, id, vals, 3, e);
}
