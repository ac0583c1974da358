/* Recording advance notices (advnotice.h). */
#include "advnotice.h"

#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"
#include "derive.h"
#include "i18n.h"

/* Migration 25: the advance notices, append-only and audited (the triggers are core/guard.c's,
 * SV_ADVNOTICE_SCHEMA, and chained from SV_CHAIN_ADVNOTICE_SCHEMA). A row is a notice (sent_on and
 * answer_by), an exception (exception and its reason), or an answer (ref: the notice it
 * answers, answered_on and answer). */
const char SV_MIGRATION_ADVNOTICE[] =
    "CREATE TABLE IF NOT EXISTS advance_notice(id INTEGER PRIMARY KEY,"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id), kind TEXT NOT NULL,"
    "  sent_on TEXT, answer_by TEXT, content TEXT NOT NULL DEFAULT '',"
    "  exception TEXT, exception_reason TEXT,"
    "  ref INTEGER REFERENCES advance_notice(id), answered_on TEXT, answer TEXT,"
    "  recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS advance_notice_p ON advance_notice(participant_id, kind, id);"
    "CREATE INDEX IF NOT EXISTS advance_notice_ref ON advance_notice(ref, id);";

int sv_advnotice_needed(const char *kind)
{
    return kind && (!strcmp(kind, "stans") || !strcmp(kind, "trekk"));
}

sv_date sv_advnotice_period_end(sv_date answer_by)
{
    return answer_by == SV_NODATE ? SV_NODATE : sv_date_next_workday(answer_by);
}

int sv_advnotice_period_run(const sv_advnotice *n, sv_date on)
{
    if (!n || !n->id) return 0;
    if (n->exception[0]) return 1;
    if (n->answered_on != SV_NODATE && n->answered_on <= on) return 1;
    sv_date end = sv_advnotice_period_end(n->answer_by);
    return end != SV_NODATE && on > end;
}

static int64_t muni_of(sv_store *st, int64_t pid, sv_op op, sv_err *e)
{
    int64_t muni = sv_row_municipality(st, &SV_ENT_NEED, pid);
    if (!muni) return sv_err_set(e, SV_ENOTFOUND, "participant", _("Deltakeren finnes ikke")), 0;
    if (sv_store_authorize(st, op, muni, e)) return 0;
    return muni;
}

static int insert(sv_store *st, const sv_advnotice *n, int64_t ref, int64_t *id, sv_err *e)
{
    char sent[11], by[11], ans[11], now[20];
    sv_date_iso(n->sent_on, sent);
    sv_date_iso(n->answer_by, by);
    sv_date_iso(n->answered_on, ans);
    sv_now(now);
    if (sv_store_begin(st, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "INSERT INTO advance_notice(participant_id, kind, sent_on, answer_by, content,"
                                           " exception, exception_reason, ref, answered_on, answer, recorded_at, recorded_by)"
                                           " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
    if (!s) goto fail;
    sqlite3_bind_int64(s, 1, n->participant_id);
    sqlite3_bind_text(s, 2, n->kind, -1, SQLITE_STATIC);
    if (sent[0]) sqlite3_bind_text(s, 3, sent, -1, SQLITE_STATIC);
    if (by[0]) sqlite3_bind_text(s, 4, by, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, n->content, -1, SQLITE_STATIC);
    if (n->exception[0]) {
        sqlite3_bind_text(s, 6, n->exception, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 7, n->exception_reason, -1, SQLITE_STATIC);
    }
    if (ref) sqlite3_bind_int64(s, 8, ref);
    if (ans[0]) sqlite3_bind_text(s, 9, ans, -1, SQLITE_STATIC);
    if (ref) sqlite3_bind_text(s, 10, n->answer, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 11, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 12, sv_store_user(st) ? sv_store_user(st)->login : sv_login(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        sv_store_dberr(st, rc, e);
        goto fail;
    }
    *id = sqlite3_last_insert_rowid(sv_store_db(st));
    return sv_store_commit(st, e);
fail:
    sv_store_rollback(st);
    return e->code;
}

static int kind_ok(const char *kind, sv_err *e)
{
    if (!kind || !sv_code_valid(SV_CODES_DECISION_KIND, kind))
        return sv_err_set(e, SV_EINVAL, "kind", _("Vedtakstype: «%s» er ikke gyldig (forhåndsvarsel gjelder vedtak om stans og trekk)"),
                          kind ? kind : "");
    if (!sv_advnotice_needed(kind))
        return sv_err_set(e, SV_EINVAL, "kind",
                          _("Vedtakstype: et vedtak om %s går ikke deltakeren imot på en måte som krever forhåndsvarsel "
                            "(forvaltningsloven § 16); forhåndsvarsel gjelder vedtak om stans og trekk"), kind);
    return SV_OK;
}

static int text_ok(const char *field, const char *label, const char *s, size_t max, sv_err *e)
{
    if (s && strlen(s) >= max)
        return sv_err_set(e, SV_EINVAL, field, _("%s: teksten er for lang (høyst %zu tegn)"), label, max - 1);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
            return sv_err_set(e, SV_EINVAL, field, _("%s: teksten inneholder et kontrolltegn (kode %u); fjern det og prøv igjen"),
                              label, *p);
    return SV_OK;
}

int sv_advnotice_send(sv_store *st, int64_t pid, const char *kind, sv_date sent, sv_date by, const char *content,
                      sv_advnotice *out, sv_err *e)
{
    if (!muni_of(st, pid, SV_OP_DECIDE, e)) return e->code;
    if (kind_ok(kind, e)) return e->code;
    if (sent == SV_NODATE) return sv_err_set(e, SV_EINVAL, "sent_on", _("Varsel sendt: må fylles ut (dd.mm.åååå)"));
    if (sent > sv_today())
        return sv_err_set(e, SV_EINVAL, "sent_on", _("Varsel sendt: kan ikke være fram i tid (registrer varselet når det er sendt)"));
    if (by == SV_NODATE) return sv_err_set(e, SV_EINVAL, "answer_by", _("Svarfrist: må fylles ut (dd.mm.åååå)"));
    if (by <= sent) return sv_err_set(e, SV_EINVAL, "answer_by", _("Svarfrist: må være etter dagen varselet ble sendt"));
    if (text_ok("content", _("Innhold i varselet"), content, sizeof out->content, e)) return e->code;
    if (!content || sv_text_substance(content) < SV_ADVNOTICE_REASON_MIN)
        return sv_err_set(e, SV_EINVAL, "content",
                          _("Innhold i varselet: skriv hva kommunen vurderer å vedta og hvorfor (minst %d tegn innhold)"),
                          SV_ADVNOTICE_REASON_MIN);
    sv_advnotice n = {.participant_id = pid, .sent_on = sent, .answer_by = by, .answered_on = SV_NODATE};
    snprintf(n.kind, sizeof n.kind, "%s", kind);
    snprintf(n.content, sizeof n.content, "%s", content);
    int64_t id;
    if (insert(st, &n, 0, &id, e)) return e->code;
    return out ? sv_advnotice_current(st, pid, kind, out, e) : SV_OK;
}

int sv_advnotice_except(sv_store *st, int64_t pid, const char *kind, const char *code, const char *reason,
                        sv_advnotice *out, sv_err *e)
{
    if (!muni_of(st, pid, SV_OP_DECIDE, e)) return e->code;
    if (kind_ok(kind, e)) return e->code;
    if (!code || strlen(code) != 1 || !strchr("abc", code[0]))
        return sv_err_set(e, SV_EINVAL, "exception",
                          _("Unntak: «%s» er ikke gyldig (a, b eller c i forvaltningsloven § 16 tredje ledd)"), code ? code : "");
    if (text_ok("exception_reason", _("Grunn for unntak"), reason, sizeof out->exception_reason, e)) return e->code;
    if (!reason || sv_text_substance(reason) < SV_ADVNOTICE_REASON_MIN)
        return sv_err_set(e, SV_EINVAL, "exception_reason",
                          _("Grunn for unntak: skriv hvorfor forhåndsvarsel ikke gis (minst %d tegn innhold)"), SV_ADVNOTICE_REASON_MIN);
    sv_advnotice n = {.participant_id = pid, .sent_on = SV_NODATE, .answer_by = SV_NODATE, .answered_on = SV_NODATE};
    snprintf(n.kind, sizeof n.kind, "%s", kind);
    snprintf(n.exception, sizeof n.exception, "%s", code);
    snprintf(n.exception_reason, sizeof n.exception_reason, "%s", reason);
    int64_t id;
    if (insert(st, &n, 0, &id, e)) return e->code;
    return out ? sv_advnotice_current(st, pid, kind, out, e) : SV_OK;
}

#define COLS "n.id, n.participant_id, n.kind, ifnull(n.sent_on,''), ifnull(n.answer_by,''), n.content," \
             " ifnull(n.exception,''), ifnull(n.exception_reason,''), n.recorded_at, n.recorded_by," \
             " ifnull(a.answered_on,''), ifnull(a.answer,'')"
#define FROM " FROM advance_notice n LEFT JOIN advance_notice a ON a.id = (SELECT max(id) FROM advance_notice" \
             " WHERE ref = n.id)"

static sv_date col_date(sqlite3_stmt *s, int i)
{
    sv_date d = SV_NODATE;
    if (sv_date_parse((const char *)sqlite3_column_text(s, i), &d)) d = SV_NODATE;
    return d;
}

static void read_row(sqlite3_stmt *s, sv_advnotice *n)
{
    memset(n, 0, sizeof *n);
    n->id = sqlite3_column_int64(s, 0);
    n->participant_id = sqlite3_column_int64(s, 1);
    snprintf(n->kind, sizeof n->kind, "%s", sqlite3_column_text(s, 2));
    n->sent_on = col_date(s, 3);
    n->answer_by = col_date(s, 4);
    snprintf(n->content, sizeof n->content, "%s", sqlite3_column_text(s, 5));
    snprintf(n->exception, sizeof n->exception, "%s", sqlite3_column_text(s, 6));
    snprintf(n->exception_reason, sizeof n->exception_reason, "%s", sqlite3_column_text(s, 7));
    snprintf(n->recorded_at, sizeof n->recorded_at, "%s", sqlite3_column_text(s, 8));
    snprintf(n->recorded_by, sizeof n->recorded_by, "%s", sqlite3_column_text(s, 9));
    n->answered_on = col_date(s, 10);
    snprintf(n->answer, sizeof n->answer, "%s", sqlite3_column_text(s, 11));
}

int sv_advnotice_current(sv_store *st, int64_t pid, const char *kind, sv_advnotice *out, sv_err *e)
{
    memset(out, 0, sizeof *out);
    out->sent_on = out->answer_by = out->answered_on = SV_NODATE;
    if (!muni_of(st, pid, SV_OP_READ, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT " COLS FROM " WHERE n.participant_id = ? AND n.kind = ? AND n.ref IS NULL"
                                           " ORDER BY n.id DESC LIMIT 1", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, pid);
    sqlite3_bind_text(s, 2, kind ? kind : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) read_row(s, out);
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}

int sv_advnotice_each(sv_store *st, int64_t pid, sv_advnotice_cb cb, void *ctx, sv_err *e)
{
    if (!muni_of(st, pid, SV_OP_READ, e)) return e->code;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT " COLS FROM " WHERE n.participant_id = ? AND n.ref IS NULL ORDER BY n.id", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, pid);
    int rc;
    sv_advnotice n;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_row(s, &n);
        if (cb(&n, ctx)) { rc = SQLITE_DONE; break; }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}

int sv_advnotice_answer(sv_store *st, int64_t id, sv_date on, const char *answer, sv_advnotice *out, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT " COLS FROM " WHERE n.id = ? AND n.ref IS NULL", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, id);
    sv_advnotice n;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) read_row(s, &n);
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return sv_err_set(e, SV_ENOTFOUND, "advance_notice", _("Forhåndsvarsel nr. %lld finnes ikke"), (long long)id);
    if (rc != SQLITE_ROW) return sv_store_dberr(st, rc, e);
    if (!muni_of(st, n.participant_id, SV_OP_DECIDE, e)) return e->code;
    if (n.exception[0])
        return sv_err_set(e, SV_EINVAL, "advance_notice", _("Forhåndsvarsel nr. %lld er et unntak fra varsling; det har ikke noe svar"),
                          (long long)id);
    if (on == SV_NODATE) return sv_err_set(e, SV_EINVAL, "answered_on", _("Svar mottatt: må fylles ut (dd.mm.åååå)"));
    if (on < n.sent_on) return sv_err_set(e, SV_EINVAL, "answered_on", _("Svar mottatt: kan ikke være før varselet ble sendt"));
    if (on > sv_today()) return sv_err_set(e, SV_EINVAL, "answered_on", _("Svar mottatt: kan ikke være fram i tid"));
    if (text_ok("answer", _("Deltakerens svar"), answer, sizeof n.answer, e)) return e->code;
    if (!answer || !answer[0])
        return sv_err_set(e, SV_EINVAL, "answer", _("Deltakerens svar: skriv hva deltakeren svarte (eller «Ingen merknader»)"));
    sv_advnotice a = n;
    a.sent_on = a.answer_by = SV_NODATE;
    a.content[0] = '\0';
    a.answered_on = on;
    snprintf(a.answer, sizeof a.answer, "%s", answer);
    int64_t aid;
    if (insert(st, &a, id, &aid, e)) return e->code;
    return out ? sv_advnotice_current(st, n.participant_id, n.kind, out, e) : SV_OK;
}

void sv_advnotice_line(const sv_advnotice *n, char *buf, size_t size)
{
    char a[11], b[11], c[11];
    if (n->exception[0]) {
        snprintf(buf, size, _("unntak etter forvaltningsloven § 16 tredje ledd bokstav %s: %s"), n->exception, n->exception_reason);
        return;
    }
    sv_date_nor(n->sent_on, a);
    sv_date_nor(n->answer_by, b);
    sv_date_nor(sv_advnotice_period_end(n->answer_by) + 1, c);
    int k = snprintf(buf, size, _("sendt %s, svarfrist %s; vedtaket kan tidligst fattes %s"), a, b, c);
    if (n->answered_on != SV_NODATE && k >= 0 && (size_t)k < size) {
        sv_date_nor(n->answered_on, a);
        snprintf(buf + k, size - (size_t)k, _(", eller nå som deltakeren har svart (%s): %s"), a, n->answer);
    }
}
