/* Loading what a letter is made from (letter_src.h). */
#include "letter_src.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "decision.h"
#include "i18n.h"
#include "letter.h"
#include "notice.h"
#include "schema.h"
#include "vedtak.h"

void sv_letter_src_free(sv_letter_src *s)
{
    if (s->doc) xmlFreeDoc(s->doc);
    free(s->xml);
    memset(s, 0, sizeof *s);
}

int sv_letter_src_hash_ok(sv_store *st, int64_t decision_id, sv_err *e)
{
    sqlite3 *db = sv_store_db(st);
    if (sv_schema_version(db) < SV_CHAIN_SCHEMA) return SV_OK;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT c.link IS sv_chain_link((SELECT p.link FROM chain p WHERE p.seq < c.seq "
                                           "ORDER BY p.seq DESC LIMIT 1), 'decision', " SV_CHAIN_DECISION_COLS("d.") ") "
                                           "FROM chain c JOIN decision d ON d.id = c.row_id "
                                           "WHERE c.kind = 'decision' AND c.row_id = ?", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, decision_id);
    int rc = sqlite3_step(s), ok = rc == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
    sqlite3_reset(s);
    if (ok) return SV_OK;
    return sv_err_set(e, SV_EDB, NULL,
                      _("Vedtak nr. %lld stemmer ikke med kjeden (endret eller lagt til utenom programmet); det lages "
                        "ikke brev av det. Kjør «stegvis verify»."),
                      (long long)decision_id);
}

static void copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

/* The deciding unit and the signature from the document, when it carries them. */
static void from_document(sv_letter_src *s)
{
    sv_xpool p = {NULL, 0};
    xmlNodePtr root = xmlDocGetRootElement(s->doc), k = sv_xml_child(root, "kommune"), pick = NULL;
    for (xmlNodePtr u = sv_xml_child(k, "enhet"); u; u = sv_xml_next(u, "enhet")) {
        int addressed = sv_xprop(&p, u, "postnummer")[0] != '\0';
        if (!pick || (addressed && !strcmp(sv_xprop(&p, u, "type"), "flyktningtjeneste"))) pick = u;
    }
    if (pick && sv_xprop(&p, pick, "postnummer")[0]) {
        copy(s->unit.name, sizeof s->unit.name, sv_xcontent(&p, pick));
        copy(s->unit.street, sizeof s->unit.street, sv_xprop(&p, pick, "gate"));
        copy(s->unit.postcode, sizeof s->unit.postcode, sv_xprop(&p, pick, "postnummer"));
        copy(s->unit.place, sizeof s->unit.place, sv_xprop(&p, pick, "poststed"));
    }
    xmlNodePtr sb = sv_xml_child(root, "saksbehandler");
    copy(s->signer, sizeof s->signer, sv_xprop(&p, sb, "navn"));
    copy(s->title, sizeof s->title, sv_xprop(&p, sb, "tittel"));
    if (!s->signer[0]) copy(s->signer, sizeof s->signer, sv_xcontent(&p, sb));
    xmlNodePtr part = sv_xml_child(root, "part"), a = sv_xml_child(part, "adresse");
    copy(s->to.name, sizeof s->to.name, sv_xcontent(&p, sv_xml_child(part, "navn")));
    if (a) {
        copy(s->to.street, sizeof s->to.street, sv_xprop(&p, a, "gate"));
        copy(s->to.postcode, sizeof s->to.postcode, sv_xprop(&p, a, "postnummer"));
        copy(s->to.place, sizeof s->to.place, sv_xprop(&p, a, "poststed"));
    }
    sv_xpool_free(&p);
}

int sv_letter_unit(sv_store *st, int64_t muni, sv_postal *out, sv_err *e)
{
    sqlite3_stmt *q = sv_store_prepare(st, "SELECT name, ifnull(street, ''), ifnull(postcode, ''), ifnull(place, '') FROM unit "
                                           "WHERE municipality_id = ? ORDER BY ifnull(postcode, '') = '', "
                                           "kind != 'flyktningtjeneste', id LIMIT 1", e);
    if (!q) return e->code;
    sqlite3_bind_int64(q, 1, muni);
    if (sqlite3_step(q) == SQLITE_ROW) {
        copy(out->name, sizeof out->name, (const char *)sqlite3_column_text(q, 0));
        copy(out->street, sizeof out->street, (const char *)sqlite3_column_text(q, 1));
        copy(out->postcode, sizeof out->postcode, (const char *)sqlite3_column_text(q, 2));
        copy(out->place, sizeof out->place, (const char *)sqlite3_column_text(q, 3));
    }
    sqlite3_reset(q);
    return SV_OK;
}

static int from_database(sv_store *st, sv_letter_src *s, int64_t muni, sv_err *e)
{
    /* the participant's address as registered now */
    sqlite3_stmt *q = sv_store_prepare(st, "SELECT ifnull(street, ''), ifnull(postcode, ''), ifnull(place, '') "
                                           "FROM participant WHERE id = ?", e);
    if (!q) return e->code;
    sqlite3_bind_int64(q, 1, s->participant_id);
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 1)[0]) {
        copy(s->to.street, sizeof s->to.street, (const char *)sqlite3_column_text(q, 0));
        copy(s->to.postcode, sizeof s->to.postcode, (const char *)sqlite3_column_text(q, 1));
        copy(s->to.place, sizeof s->to.place, (const char *)sqlite3_column_text(q, 2));
    }
    sqlite3_reset(q);
    if (!s->unit.postcode[0] && sv_letter_unit(st, muni, &s->unit, e)) return e->code;
    if (!s->title[0]) {   /* a document from before schema 21: the decider as registered */
        q = sv_store_prepare(st, "SELECT u.display_name, ifnull(u.title, '') FROM decision d JOIN users u "
                                 "ON u.login = d.decided_by WHERE d.id = ?", e);
        if (!q) return e->code;
        sqlite3_bind_int64(q, 1, s->decision_id);
        if (sqlite3_step(q) == SQLITE_ROW) {
            copy(s->signer, sizeof s->signer, (const char *)sqlite3_column_text(q, 0));
            copy(s->title, sizeof s->title, (const char *)sqlite3_column_text(q, 1));
        }
        sqlite3_reset(q);
    }
    return SV_OK;
}

int sv_letter_src_load(sv_store *st, int64_t participant_id, int64_t decision_id, int need_address, sv_letter_src *out,
                       sv_err *e)
{
    memset(out, 0, sizeof *out);
    out->participant_id = participant_id;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT d.id, p.municipality_id, m.number, d.decided_on FROM decision d "
                                           "JOIN participant p ON p.id = d.participant_id JOIN municipality m "
                                           "ON m.id = p.municipality_id WHERE d.participant_id = ?1 AND (?2 = 0 OR d.id = ?2) "
                                           "ORDER BY d.decided_on DESC, d.id DESC LIMIT 1", e);
    if (!s) return e->code;
    sqlite3_bind_int64(s, 1, participant_id);
    sqlite3_bind_int64(s, 2, decision_id);
    int64_t muni = 0;
    if (sqlite3_step(s) == SQLITE_ROW) {
        out->decision_id = sqlite3_column_int64(s, 0);
        muni = sqlite3_column_int64(s, 1);
        copy(out->municipality, sizeof out->municipality, (const char *)sqlite3_column_text(s, 2));
        if (sv_date_parse((const char *)sqlite3_column_text(s, 3), &out->decided_on)) out->decided_on = SV_NODATE;
    }
    sqlite3_reset(s);
    if (!out->decision_id)
        return sv_err_set(e, SV_ENOTFOUND, NULL, _("Deltaker nr. %lld har ikke noe fattet vedtak (eller finnes ikke)"),
                          (long long)participant_id);
    if (sv_store_authorize(st, SV_OP_READ, muni, e) || sv_letter_src_hash_ok(st, out->decision_id, e)) goto fail;
    if (!(out->xml = sv_decision_xml(st, out->decision_id, e))) goto fail;
    char name[64];
    snprintf(name, sizeof name, "vedtak nr. %lld", (long long)out->decision_id);
    /* validated against the schema again: a document that fails it is not made into a letter */
    if (!(out->doc = sv_vedtak_parse(out->xml, strlen(out->xml), name, e))) goto fail;
    /* a notification recorded after the decision is part of what the letter says */
    sv_notice n;
    out->appeal_deadline = SV_NODATE;
    if (sv_notice_current(st, out->decision_id, &n, e) == SV_OK && n.notified_on != SV_NODATE) {
        if (n.id) sv_vedtak_set_notice(out->doc, n.notified_on, n.method);
        out->appeal_deadline = n.appeal_deadline;
    }
    sv_err_clear(e);
    from_document(out);
    if (from_database(st, out, muni, e)) goto fail;
    snprintf(out->reference, sizeof out->reference, "%s/%lld/%lld", out->municipality, (long long)participant_id,
             (long long)out->decision_id);
    if (need_address && !out->to.postcode[0]) {
        sv_err_set(e, SV_EINVAL, "postcode",
                   _("Deltaker nr. %lld har ingen postadresse, så brevet kan ikke sendes: registrer den først (stegvis edit "
                     "participant %lld --street GATE --postcode NNNN --place STED, eller i deltakerskjemaet)"),
                   (long long)participant_id, (long long)participant_id);
        goto fail;
    }
    if (need_address && !out->unit.postcode[0]) {
        sv_err_set(e, SV_EINVAL, "postcode",
                   _("Enheten som fattet vedtaket har ingen postadresse til brevhodet: registrer den først (stegvis edit unit "
                     "NR --street GATE --postcode NNNN --place STED)"));
        goto fail;
    }
    return SV_OK;
fail:
    sv_letter_src_free(out);
    return e->code;
}
