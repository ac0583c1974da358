/* Schema migrations, numbered by PRAGMA user_version. Each step runs in one transaction; a
 * database from a newer program is refused untouched. Audit triggers are generated from the
 * entity descriptions so every write to every table is logged with old and new values. */
#include "schema.h"
#include "advnotice.h"
#include "text.h"

#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"
#include "appeal.h"
#include "chain.h"
#include "contract.h"
#include "figures.h"
#include "guard.h"
#include "verdict.h"
#include "store.h"
#include "verdict_current.h"
#include "i18n.h"
#include "leave.h"
#include "nir.h"

static const char MIGRATION_1[] =
    "CREATE TABLE municipality(id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE"
    "  CHECK(length(number)=4), name TEXT NOT NULL, malform TEXT NOT NULL DEFAULT 'nb'"
    "  CHECK(malform IN('nb','nn')), demo INTEGER NOT NULL DEFAULT 0,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE users(login TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL"
    "  CHECK(role IN('administrator','adviser','nav','supervisor')),"
    "  municipality_id INTEGER REFERENCES municipality(id), created_at TEXT, created_by TEXT);"
    "CREATE TABLE unit(id INTEGER PRIMARY KEY, municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
    "  kind TEXT NOT NULL, name TEXT NOT NULL,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE demand(id INTEGER PRIMARY KEY, municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
    "  sector TEXT, occupation TEXT, employer TEXT, jobs INTEGER, requirements TEXT, source TEXT,"
    "  noted_on TEXT, version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE measure(id INTEGER PRIMARY KEY, municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
    "  name TEXT NOT NULL, kind TEXT, provider TEXT, hours INTEGER, orientation TEXT, nav INTEGER,"
    "  status TEXT, description TEXT, version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE agreement(id INTEGER PRIMARY KEY, municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
    "  partner TEXT, partner_kind TEXT, contact TEXT, valid_from TEXT, valid_to TEXT, content TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE participant(id INTEGER PRIMARY KEY, municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
    "  fnr TEXT NOT NULL UNIQUE, name TEXT NOT NULL, sex TEXT, languages TEXT, interpreter INTEGER,"
    "  interpreter_lang TEXT, permit_on TEXT, settled_on TEXT, right_duty TEXT, schooling TEXT,"
    "  adviser TEXT, search_key TEXT NOT NULL DEFAULT '',"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE assessment(id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL UNIQUE REFERENCES participant(id),"
    "  assessed_on TEXT, education TEXT, work_experience TEXT, language_level TEXT, competence TEXT,"
    "  career_on TEXT, career_advice TEXT, version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE need(id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL REFERENCES participant(id),"
    "  area TEXT, description TEXT, version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE plan(id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL UNIQUE REFERENCES participant(id),"
    "  start_on TEXT, planned_end TEXT, final_goal TEXT, final_goal_text TEXT, norwegian_goal TEXT,"
    "  social_hours INTEGER, consulted_on TEXT, interpreter_used INTEGER, selfstudy INTEGER,"
    "  justification TEXT, extension_reason TEXT, rev INTEGER NOT NULL DEFAULT 1,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE phase(id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plan(id),"
    "  name TEXT, start_on TEXT, end_on TEXT, version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE plan_measure(id INTEGER PRIMARY KEY, phase_id INTEGER NOT NULL REFERENCES phase(id) ON DELETE CASCADE,"
    "  measure_id INTEGER REFERENCES measure(id), need_id INTEGER REFERENCES need(id), hours INTEGER,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE followup(id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL REFERENCES participant(id),"
    "  held_on TEXT, with_whom TEXT, notes TEXT, next_on TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE review(id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL REFERENCES participant(id),"
    "  held_on TEXT, reason TEXT, outcome TEXT, plan_changed INTEGER,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE absence(id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL REFERENCES participant(id),"
    "  kind TEXT, reason TEXT, from_on TEXT, to_on TEXT, approved INTEGER, note TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE evaluation(id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL UNIQUE REFERENCES participant(id),"
    "  evaluated_on TEXT, outcome TEXT, end_reason TEXT, handover_on TEXT, handover_note TEXT,"
    "  status_1y TEXT, status_1y_on TEXT, version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE TABLE decision(id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL REFERENCES participant(id),"
    "  uuid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, decided_on TEXT NOT NULL, decided_by TEXT NOT NULL,"
    "  plan_rev INTEGER NOT NULL, law TEXT NOT NULL, notified_on TEXT, notify_method TEXT, reason TEXT,"
    "  xml TEXT NOT NULL, created_at TEXT NOT NULL);"
    "CREATE TABLE audit(id INTEGER PRIMARY KEY, at TEXT NOT NULL DEFAULT (datetime('now','localtime')),"
    "  login TEXT NOT NULL, tbl TEXT NOT NULL, row_id INTEGER, action TEXT NOT NULL, old TEXT, new TEXT);"
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
    "  SELECT RAISE(ABORT, 'revisjonsloggen kan ikke endres'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
    "  SELECT RAISE(ABORT, 'revisjonsloggen kan ikke slettes'); END;"
    "CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision BEGIN"
    "  SELECT RAISE(ABORT, 'et fattet vedtak kan ikke endres'); END;"
    "CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision BEGIN"
    "  SELECT RAISE(ABORT, 'et fattet vedtak kan ikke slettes'); END;"
    "CREATE TRIGGER phase_rev_i AFTER INSERT ON phase BEGIN"
    "  UPDATE plan SET rev = rev + 1 WHERE id = NEW.plan_id; END;"
    "CREATE TRIGGER phase_rev_u AFTER UPDATE ON phase BEGIN"
    "  UPDATE plan SET rev = rev + 1 WHERE id = NEW.plan_id; END;"
    "CREATE TRIGGER phase_rev_d AFTER DELETE ON phase BEGIN"
    "  UPDATE plan SET rev = rev + 1 WHERE id = OLD.plan_id; END;"
    "CREATE TRIGGER pm_rev_i AFTER INSERT ON plan_measure BEGIN"
    "  UPDATE plan SET rev = rev + 1 WHERE id = (SELECT plan_id FROM phase WHERE id = NEW.phase_id); END;"
    "CREATE TRIGGER pm_rev_u AFTER UPDATE ON plan_measure BEGIN"
    "  UPDATE plan SET rev = rev + 1 WHERE id = (SELECT plan_id FROM phase WHERE id = NEW.phase_id); END;"
    "CREATE TRIGGER pm_rev_d AFTER DELETE ON plan_measure BEGIN"
    "  UPDATE plan SET rev = rev + 1 WHERE id = (SELECT plan_id FROM phase WHERE id = OLD.phase_id); END;"
    "CREATE INDEX participant_muni ON participant(municipality_id, search_key);"
    "CREATE INDEX need_p ON need(participant_id);"
    "CREATE INDEX phase_plan ON phase(plan_id);"
    "CREATE INDEX pm_phase ON plan_measure(phase_id);"
    "CREATE INDEX followup_p ON followup(participant_id, held_on);"
    "CREATE INDEX review_p ON review(participant_id, held_on);"
    "CREATE INDEX absence_p ON absence(participant_id);"
    "CREATE INDEX decision_p ON decision(participant_id, decided_on);"
    "CREATE INDEX audit_row ON audit(tbl, row_id);";

static const char MIGRATION_2[] =
    "CREATE TABLE draft(login TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
    "  saved_at TEXT NOT NULL, PRIMARY KEY(login, key));"
    "CREATE INDEX participant_name ON participant(search_key);"
    "CREATE INDEX measure_m ON measure(municipality_id);"
    "CREATE INDEX demand_m ON demand(municipality_id);"
    "CREATE INDEX agreement_m ON agreement(municipality_id);";

/* Migration 3: the list's derived columns (step, plan status, the three deadlines and the
 * next of them) are stored on participant and kept current by triggers, so sorting and
 * paging 200,000 participants is an index scan instead of deriving every row per keystroke.
 * The expressions are the ones sv_case_derive uses; none depends on today's date. */
#define SV_REVIEW_DUE_3 \
    "sv_review_due(max(d.decided_on, ifnull((SELECT max(held_on) FROM review r WHERE r.participant_id = p.id), '')))"
#define SV_STATE_WITH(pid, plan_due) SV_STATE_WITH2(pid, plan_due, SV_REVIEW_DUE_3)
#define SV_STATE_NEXT "nullif(min(ifnull(plan_due, '9999'), ifnull(review_due, '9999'), ifnull(prog_end, '9999')), '9999')"
#define SV_STATE_OF(plan_due, review_due) \
    "  CASE WHEN ev.id IS NOT NULL THEN 7 WHEN d.id IS NOT NULL THEN 6 ELSE 5 END AS step," \
    "  CASE WHEN pl.id IS NULL THEN 0 WHEN d.id IS NULL THEN 1 WHEN d.plan_rev = pl.rev THEN 2 ELSE 3 END AS status," \
    "  CASE WHEN ev.id IS NULL AND d.id IS NULL THEN " plan_due " END AS plan_due," \
    "  CASE WHEN ev.id IS NULL AND d.id IS NOT NULL THEN " review_due " END AS review_due," \
    "  CASE WHEN ev.id IS NULL THEN pl.planned_end END AS prog_end" \
    "  FROM participant p" \
    "  LEFT JOIN plan pl ON pl.participant_id = p.id" \
    "  LEFT JOIN evaluation ev ON ev.participant_id = p.id" \
    "  LEFT JOIN decision d ON d.id = (SELECT id FROM decision WHERE participant_id = p.id" \
    "   ORDER BY decided_on DESC, id DESC LIMIT 1)"
#define SV_STATE_WITH2(pid, plan_due, review_due) \
    "UPDATE participant SET (step, status, plan_due, review_due, prog_end, next_on) = (" \
    " SELECT step, status, plan_due, review_due, prog_end," \
    "  " SV_STATE_NEXT \
    " FROM (SELECT" SV_STATE_OF(plan_due, review_due) \
    "  WHERE p.id = participant.id)) WHERE " pid ";"

/* Migration 3 counted from settlement only; migration 9 adds the request date. Both use the
 * program's own date arithmetic (core/figures.c, registered in SQL), never SQLite's date(). */
#define SV_STATE(pid) SV_STATE_WITH(pid, "sv_add_months(p.settled_on, 3)")
#define SV_STATE9(pid) SV_STATE_WITH(pid, "sv_plan_due(p.permit_on, p.settled_on, p.requested_on)")

#define SV_STATE_TRIGGER(name, event, pid) \
    "CREATE TRIGGER " name " AFTER " event " BEGIN " SV_STATE("id = " pid) " END;"
/* Updates recompute only when a column the state reads has changed: every plan measure or
 * phase saved bumps plan.rev, and rev matters only once a decision exists. */
#define SV_STATE_TRIGGER_WHEN(name, event, when, pid) \
    "CREATE TRIGGER " name " AFTER " event " WHEN " when " BEGIN " SV_STATE("id = " pid) " END;"

static const char MIGRATION_3[] =
    "ALTER TABLE participant ADD COLUMN step INTEGER NOT NULL DEFAULT 5;"
    "ALTER TABLE participant ADD COLUMN status INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE participant ADD COLUMN plan_due TEXT;"
    "ALTER TABLE participant ADD COLUMN review_due TEXT;"
    "ALTER TABLE participant ADD COLUMN prog_end TEXT;"
    "ALTER TABLE participant ADD COLUMN next_on TEXT;"
    SV_STATE("1")
    SV_STATE_TRIGGER("participant_state_i", "INSERT ON participant", "NEW.id")
    SV_STATE_TRIGGER_WHEN("participant_state_u", "UPDATE OF settled_on ON participant",
                          "OLD.settled_on IS NOT NEW.settled_on", "NEW.id")
    SV_STATE_TRIGGER("plan_state_i", "INSERT ON plan", "NEW.participant_id")
    SV_STATE_TRIGGER_WHEN("plan_state_u", "UPDATE ON plan",
                          "OLD.planned_end IS NOT NEW.planned_end"
                          " OR (OLD.rev IS NOT NEW.rev AND EXISTS(SELECT 1 FROM decision"
                          " WHERE participant_id = NEW.participant_id))", "NEW.participant_id")
    SV_STATE_TRIGGER("plan_state_d", "DELETE ON plan", "OLD.participant_id")
    SV_STATE_TRIGGER("evaluation_state_i", "INSERT ON evaluation", "NEW.participant_id")
    SV_STATE_TRIGGER("evaluation_state_d", "DELETE ON evaluation", "OLD.participant_id")
    SV_STATE_TRIGGER("decision_state_i", "INSERT ON decision", "NEW.participant_id")
    SV_STATE_TRIGGER("review_state_i", "INSERT ON review", "NEW.participant_id")
    SV_STATE_TRIGGER_WHEN("review_state_u", "UPDATE ON review",
                          "OLD.held_on IS NOT NEW.held_on",
                          "NEW.participant_id")
    SV_STATE_TRIGGER("review_state_d", "DELETE ON review", "OLD.participant_id")
    /* One index per sort order and direction; the list breaks ties by id ascending both ways,
     * so the descending ones carry id explicitly. */
    "CREATE INDEX participant_name_d ON participant(search_key DESC, id);"
    "CREATE INDEX participant_next ON participant(next_on IS NULL, next_on);"
    "CREATE INDEX participant_next_d ON participant(next_on IS NULL, next_on DESC, id);"
    "CREATE INDEX participant_settled ON participant(settled_on);"
    "CREATE INDEX participant_settled_d ON participant(settled_on DESC, id);"
    "CREATE INDEX participant_status ON participant(status);"
    "CREATE INDEX participant_status_d ON participant(status DESC, id);";

#define SV_GRAMS(row) \
    "SELECT substr(" row ".search_key, i, 1) AS g FROM search_pos WHERE i <= length(" row ".search_key)" \
    " UNION SELECT substr(" row ".search_key, i, 2) FROM search_pos WHERE i < length(" row ".search_key)"
#define SV_GRAM_ADD(name, event, when) \
    "CREATE TRIGGER " name " AFTER " event when " BEGIN INSERT INTO search_gram(gram, n)" \
    " SELECT g, 1 FROM (" SV_GRAMS("NEW") ") WHERE true ON CONFLICT(gram) DO UPDATE SET n = n + 1; END;"
#define SV_GRAM_SUB(name, event, when) \
    "CREATE TRIGGER " name " AFTER " event when " BEGIN UPDATE search_gram SET n = n - 1" \
    " WHERE gram IN (" SV_GRAMS("OLD") "); END;"

/* Migration 4: a trigram index over participant.search_key, so search-as-you-type finds
 * and counts matches of three or more characters without reading all 200,000 keys.
 * case_sensitive 1: the keys and terms are folded by sv_utf8_fold already, and matching
 * bytes exactly keeps the results those of LIKE '%term%' over the folded key. */
static const char MIGRATION_4[] =
    "CREATE VIRTUAL TABLE participant_search USING fts5(search_key, content='participant',"
    "  content_rowid='id', tokenize='trigram case_sensitive 1');"
    "INSERT INTO participant_search(participant_search) VALUES('rebuild');"
    "CREATE TRIGGER participant_search_i AFTER INSERT ON participant BEGIN"
    "  INSERT INTO participant_search(rowid, search_key) VALUES(NEW.id, NEW.search_key); END;"
    "CREATE TRIGGER participant_search_d AFTER DELETE ON participant BEGIN"
    "  INSERT INTO participant_search(participant_search, rowid, search_key)"
    "  VALUES('delete', OLD.id, OLD.search_key); END;"
    "CREATE TRIGGER participant_search_u AFTER UPDATE OF search_key ON participant BEGIN"
    "  INSERT INTO participant_search(participant_search, rowid, search_key)"
    "  VALUES('delete', OLD.id, OLD.search_key);"
    "  INSERT INTO participant_search(rowid, search_key) VALUES(NEW.id, NEW.search_key); END;"
    /* Terms of one or two characters cannot use trigrams. How many keys contain each such
     * string is kept in search_gram (search_pos numbers the characters of a key, since
     * triggers cannot use WITH), so their count is one lookup, not a scan of every key. */
    "CREATE TABLE search_pos(i INTEGER PRIMARY KEY);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
    "  INSERT INTO search_pos(i) SELECT i FROM n;"
    "CREATE TABLE search_gram(gram TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
    "INSERT INTO search_gram(gram, n) SELECT g, count(*) FROM ("
    "  SELECT p.id, substr(p.search_key, s.i, 1) AS g FROM participant p JOIN search_pos s"
    "   ON s.i <= length(p.search_key)"
    "  UNION SELECT p.id, substr(p.search_key, s.i, 2) FROM participant p JOIN search_pos s"
    "   ON s.i < length(p.search_key)) GROUP BY g;"
    SV_GRAM_ADD("participant_gram_i", "INSERT ON participant", "")
    SV_GRAM_SUB("participant_gram_d", "DELETE ON participant", "")
    SV_GRAM_SUB("participant_gram_u1", "UPDATE OF search_key ON participant",
                " WHEN OLD.search_key IS NOT NEW.search_key")
    SV_GRAM_ADD("participant_gram_u2", "UPDATE OF search_key ON participant",
                " WHEN OLD.search_key IS NOT NEW.search_key");

/* Migration 5: no new table; the protective triggers (core/guard.c) gain the refusal of
 * writes without a version bump and of REPLACE, installed below like every migration's. */
static const char MIGRATION_5[] = "SELECT 1;";
/* Migration 6: what has been registered in NIR. The items themselves are derived from the
 * facts by core/nir.c; a registration keeps the item, the fact as registered, the day and
 * (updated_by) who, so a later change to the fact reopens the item. */
static const char MIGRATION_6[] =
    "CREATE TABLE nir_registration(id INTEGER PRIMARY KEY,"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id), item TEXT NOT NULL UNIQUE,"
    "  fact TEXT NOT NULL, registered_on TEXT NOT NULL,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE INDEX nir_registration_p ON nir_registration(participant_id);"
    /* The items, derived from the facts by triggers (core/nir.c) so that the open ones are an
     * index range in deadline order rather than a derivation of millions of rows per run. */
    "CREATE TABLE nir_item(id INTEGER PRIMARY KEY, item TEXT NOT NULL UNIQUE, participant_id INTEGER NOT NULL,"
    "  municipality_id INTEGER NOT NULL, kind TEXT NOT NULL, ref INTEGER NOT NULL, fact TEXT NOT NULL, ev TEXT,"
    "  open INTEGER NOT NULL);"
    "CREATE INDEX nir_item_p ON nir_item(participant_id, ev);"
    "CREATE INDEX nir_item_open ON nir_item(ev, participant_id, kind, ref) WHERE open;"
    "CREATE INDEX nir_item_muni ON nir_item(municipality_id, ev, participant_id, kind, ref) WHERE open;";

/* Migration 7: the hash chain over the audit log and the issued decisions (core/chain.c).
 * Existing rows are linked by sv_chain_build right after this step, in the same transaction. */
static const char MIGRATION_7[] =
    "CREATE TABLE chain(seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, row_id INTEGER NOT NULL,"
    "  link TEXT NOT NULL, UNIQUE(kind, row_id));";

/* Migration 8: the search fold became Unicode's (core/text.c: any case of any letter, without
 * diacritics, NFD and NFC alike), so every stored key is folded again and the trigram index and
 * the short-term counts rebuilt. The per-row update triggers are set aside meanwhile (the
 * index is rebuilt whole; a key is derived, not a change of what the owner wrote) and put back
 * as migration 4 made them; the version guard comes back with the guard triggers below. */
#define SV_SEARCH_U \
    "CREATE TRIGGER participant_search_u AFTER UPDATE OF search_key ON participant BEGIN" \
    "  INSERT INTO participant_search(participant_search, rowid, search_key)" \
    "  VALUES('delete', OLD.id, OLD.search_key);" \
    "  INSERT INTO participant_search(rowid, search_key) VALUES(NEW.id, NEW.search_key); END;"
static const char MIGRATION_8[] =
    "DROP TRIGGER IF EXISTS participant_version;"
    "DROP TRIGGER participant_search_u;"
    "DROP TRIGGER participant_gram_u1;"
    "DROP TRIGGER participant_gram_u2;"
    "UPDATE participant SET search_key = sv_search_key(name, fnr);"
    "INSERT INTO participant_search(participant_search) VALUES('rebuild');"
    "DELETE FROM search_gram;"
    "INSERT INTO search_gram(gram, n) SELECT g, count(*) FROM ("
    "  SELECT p.id, substr(p.search_key, s.i, 1) AS g FROM participant p JOIN search_pos s"
    "   ON s.i <= length(p.search_key)"
    "  UNION SELECT p.id, substr(p.search_key, s.i, 2) FROM participant p JOIN search_pos s"
    "   ON s.i < length(p.search_key)) GROUP BY g;"
    SV_SEARCH_U
    SV_GRAM_SUB("participant_gram_u1", "UPDATE OF search_key ON participant",
                " WHEN OLD.search_key IS NOT NEW.search_key")
    SV_GRAM_ADD("participant_gram_u2", "UPDATE OF search_key ON participant",
                " WHEN OLD.search_key IS NOT NEW.search_key");


/* Migration 9: one date arithmetic. The list state triggers of migration 3 used SQLite's
 * date(x, '+3 months'), which gives 02.03 for 30.11 + 3 months where the program's screens
 * and documents said 28.02. They are recreated on the C functions (sv_plan_due, sv_review_due),
 * the request date (krav om deltakelse) is added, and every stored state is recomputed. */
#define SV_STATE9_TRIGGER(name, event, pid) \
    "DROP TRIGGER IF EXISTS " name ";CREATE TRIGGER " name " AFTER " event " BEGIN " SV_STATE9("id = " pid) " END;"
#define SV_STATE9_TRIGGER_WHEN(name, event, when, pid) \
    "DROP TRIGGER IF EXISTS " name ";CREATE TRIGGER " name " AFTER " event " WHEN " when " BEGIN " SV_STATE9("id = " pid) " END;"

static const char MIGRATION_9[] =
    /* participant.requested_on is added first (COLUMNS below) */
    SV_STATE9_TRIGGER("participant_state_i", "INSERT ON participant", "NEW.id")
    SV_STATE9_TRIGGER_WHEN("participant_state_u", "UPDATE OF settled_on, permit_on, requested_on ON participant",
                           "OLD.settled_on IS NOT NEW.settled_on OR OLD.permit_on IS NOT NEW.permit_on"
                           " OR OLD.requested_on IS NOT NEW.requested_on", "NEW.id")
    SV_STATE9_TRIGGER("plan_state_i", "INSERT ON plan", "NEW.participant_id")
    SV_STATE9_TRIGGER_WHEN("plan_state_u", "UPDATE ON plan",
                           "OLD.planned_end IS NOT NEW.planned_end"
                           " OR (OLD.rev IS NOT NEW.rev AND EXISTS(SELECT 1 FROM decision"
                           " WHERE participant_id = NEW.participant_id))", "NEW.participant_id")
    SV_STATE9_TRIGGER("plan_state_d", "DELETE ON plan", "OLD.participant_id")
    SV_STATE9_TRIGGER("evaluation_state_i", "INSERT ON evaluation", "NEW.participant_id")
    SV_STATE9_TRIGGER("evaluation_state_d", "DELETE ON evaluation", "OLD.participant_id")
    SV_STATE9_TRIGGER("decision_state_i", "INSERT ON decision", "NEW.participant_id")
    SV_STATE9_TRIGGER("review_state_i", "INSERT ON review", "NEW.participant_id")
    SV_STATE9_TRIGGER_WHEN("review_state_u", "UPDATE ON review", "OLD.held_on IS NOT NEW.held_on", "NEW.participant_id")
    SV_STATE9_TRIGGER("review_state_d", "DELETE ON review", "OLD.participant_id")
    SV_STATE9("1");

/* Migration 10: one decision per plan version and kind, enforced by a unique index. Decisions
 * are immutable, so duplicates issued before it (the screens' F j F j, decide twice) cannot be
 * removed: the index lists them by id and lets exactly those stand. Its SQL depends on the
 * data, so decision_unique() builds it. */
static const char MIGRATION_10[] = "-- decision_unique()";
/* Migration 30: a stop and a leave are decided per period, so a plan version may have several
 * (core/decision.c finds the twin by the period's first day); the index keeps one per plan
 * version for the other kinds. decision_unique() builds it again. */
static const char MIGRATION_30[] = "-- decision_unique() per period";
/* Migration 31: a cut in the benefit is decided per payment period too. */
static const char MIGRATION_31[] = "-- decision_unique() per period, with the cut";

/* Migration 11: the verdict of every issued decision kept beside it (decision_verdict), written
 * when the decision is stored, so the checklist reads a few bytes per decision instead of parsing
 * and checking each document again (23.5 s for 200,000 participants before). Immutable like the
 * decision; a verdict of an older rule set is simply not used (its digest differs). The
 * decisions already issued get theirs here (sv_verdict_fill). */
static const char MIGRATION_11[] =
    "CREATE TABLE IF NOT EXISTS decision_verdict(decision_id INTEGER PRIMARY KEY REFERENCES decision(id),"
    "  verdict TEXT NOT NULL);"
    "CREATE TRIGGER IF NOT EXISTS decision_verdict_no_update BEFORE UPDATE ON decision_verdict BEGIN"
    "  SELECT RAISE(ABORT, 'et vedtaks regelkontroll kan ikke endres'); END;"
    "CREATE TRIGGER IF NOT EXISTS decision_verdict_no_delete BEFORE DELETE ON decision_verdict BEGIN"
    "  SELECT RAISE(ABORT, 'et vedtaks regelkontroll kan ikke slettes'); END;";

/* Migration 12: notifications recorded after the decision (core/notice.c), append-only: a
 * correction is a new record, the latest is in force. */
static const char MIGRATION_12[] =
    "CREATE TABLE IF NOT EXISTS notification(id INTEGER PRIMARY KEY, decision_id INTEGER NOT NULL REFERENCES decision(id),"
    "  notified_on TEXT NOT NULL, method TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',"
    "  recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS notification_d ON notification(decision_id, id);"
    "CREATE TRIGGER IF NOT EXISTS notification_no_update BEFORE UPDATE ON notification BEGIN"
    "  SELECT RAISE(ABORT, 'en registrert underretning kan ikke endres; registrer en ny'); END;"
    "CREATE TRIGGER IF NOT EXISTS notification_no_delete BEFORE DELETE ON notification BEGIN"
    "  SELECT RAISE(ABORT, 'en registrert underretning kan ikke slettes'); END;";

/* Migration 13: a phase says why it is the only one, or why it has fewer hours than full time
 * (the column phase.reason, added by COLUMNS below). */
static const char MIGRATION_13[] = "SELECT 1;";

/* Migration 14: life events call for a review (core/figures.c: a birth, leave or own illness of
 * two weeks or more, reviewed within a month): the list's review deadline is the earlier of the
 * regular one and that of the first life event no review has followed. */
#define SV_REVIEW_DUE_14 \
    "nullif(min(ifnull(" SV_REVIEW_DUE_3 ", '9999'), ifnull((SELECT min(sv_event_review_due(a.from_on)) FROM absence a" \
    " WHERE a.participant_id = p.id AND sv_life_event(a.kind, a.reason, a.from_on, a.to_on) AND NOT EXISTS(SELECT 1" \
    " FROM review r WHERE r.participant_id = p.id AND r.held_on >= a.from_on)), '9999')), '9999')"
#define SV_STATE14(pid) \
    SV_STATE_WITH2(pid, "sv_plan_due(p.permit_on, p.settled_on, p.requested_on)", SV_REVIEW_DUE_14)
#define SV_STATE14_TRIGGER(name, event, pid) \
    "DROP TRIGGER IF EXISTS " name ";CREATE TRIGGER " name " AFTER " event " BEGIN " SV_STATE14("id = " pid) " END;"
#define SV_STATE14_TRIGGER_WHEN(name, event, when, pid) \
    "DROP TRIGGER IF EXISTS " name ";CREATE TRIGGER " name " AFTER " event " WHEN " when " BEGIN " SV_STATE14("id = " pid) " END;"

/* The triggers that keep the list state, as migration 14 made them: T(name, event, pid) and
 * TW(name, event, when, pid) write one. */
#define SV_STATE_TRIGGERS(T, TW) \
    T("participant_state_i", "INSERT ON participant", "NEW.id") \
    TW("participant_state_u", "UPDATE OF settled_on, permit_on, requested_on ON participant", \
        "OLD.settled_on IS NOT NEW.settled_on OR OLD.permit_on IS NOT NEW.permit_on" \
        " OR OLD.requested_on IS NOT NEW.requested_on", "NEW.id") \
    T("plan_state_i", "INSERT ON plan", "NEW.participant_id") \
    TW("plan_state_u", "UPDATE ON plan", \
        "OLD.planned_end IS NOT NEW.planned_end" \
        " OR (OLD.rev IS NOT NEW.rev AND EXISTS(SELECT 1 FROM decision" \
        " WHERE participant_id = NEW.participant_id))", "NEW.participant_id") \
    T("plan_state_d", "DELETE ON plan", "OLD.participant_id") \
    T("evaluation_state_i", "INSERT ON evaluation", "NEW.participant_id") \
    T("evaluation_state_d", "DELETE ON evaluation", "OLD.participant_id") \
    T("decision_state_i", "INSERT ON decision", "NEW.participant_id") \
    T("review_state_i", "INSERT ON review", "NEW.participant_id") \
    TW("review_state_u", "UPDATE ON review", "OLD.held_on IS NOT NEW.held_on", "NEW.participant_id") \
    T("review_state_d", "DELETE ON review", "OLD.participant_id") \
    T("absence_state_i", "INSERT ON absence", "NEW.participant_id") \
    TW("absence_state_u", "UPDATE ON absence", \
        "OLD.from_on IS NOT NEW.from_on OR OLD.to_on IS NOT NEW.to_on OR OLD.kind IS NOT NEW.kind" \
        " OR OLD.reason IS NOT NEW.reason", "NEW.participant_id") \
    T("absence_state_d", "DELETE ON absence", "OLD.participant_id")

static const char MIGRATION_14[] =
    SV_STATE_TRIGGERS(SV_STATE14_TRIGGER, SV_STATE14_TRIGGER_WHEN)
    SV_STATE14("1");

/* Migration 15: the restore generation (see SV_GENERATION in store.h). */
static const char MIGRATION_15[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO meta(key, value) VALUES('generation', 0);";

/* Migration 16: the chain without its (kind, row_id) index, which every save had to update
 * (it doubled what a save wrote); decisions keep a partial index for the check at open. */
static const char MIGRATION_16[] =
    "CREATE TEMP TABLE chain_copy AS SELECT seq, kind, row_id, link FROM chain;"
    "DROP TABLE chain;"
    "CREATE TABLE chain(seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, row_id INTEGER NOT NULL,"
    "  link TEXT NOT NULL);"
    "INSERT INTO chain(seq, kind, row_id, link) SELECT seq, kind, row_id, link FROM temp.chain_copy ORDER BY seq;"
    "DROP TABLE temp.chain_copy;"
    "CREATE INDEX IF NOT EXISTS chain_decision ON chain(row_id) WHERE kind = 'decision';";

/* Migration 17: identity numbers kept once. The audit log, which can never be deleted, keeps a
 * participant's number only masked with a keyed hash under a random per-database key (see
 * SV_FNR_MASK); existing rows are rewritten here, and the chain over them is built again right
 * after, in the same transaction. The head the old chain had (printed by earlier backups, kept
 * in earlier exports) is first written to the log as an entry of its own, so the new chain
 * vouches for it and an old head can still be matched. */
#define SV_MASK_JSON(c) \
    c " = CASE WHEN json_valid(" c ") AND json_type(" c ", '$.fnr') = 'text' THEN json_set(" c ", '$.fnr', " \
    SV_FNR_MASK("json_extract(" c ", '$.fnr')") ") ELSE " c " END"
static const char MIGRATION_17[] =
    "INSERT OR IGNORE INTO meta(key, value) VALUES('fnr_key', randomblob(32));"
    "INSERT INTO audit(login, tbl, row_id, action, old, new) SELECT 'stegvis', 'chain', NULL, 'relink',"
    "  (SELECT link FROM chain ORDER BY seq DESC LIMIT 1), NULL WHERE EXISTS(SELECT 1 FROM chain);"
    "DROP TRIGGER IF EXISTS audit_no_update;"
    "UPDATE audit SET " SV_MASK_JSON("old") ", " SV_MASK_JSON("new") " WHERE tbl = 'participant';"
    "DROP TRIGGER IF EXISTS chain_no_delete;"
    "DELETE FROM chain;";

/* Migration 18: identity numbers kept once in drafts too (core/draftmask.c): the drafts stored
 * before keep the number of an identity-number field only masked. */
static const char MIGRATION_18[] =
    "UPDATE draft SET value = sv_draft_mask(key, value, (SELECT value FROM meta WHERE key = 'fnr_key'));";

/* Migration 19: the notifications recorded after a decision are chained and guarded like the
 * decisions (core/guard.c); the existing ones are linked by sv_chain_build after this step. */
static const char MIGRATION_19[] =
    "CREATE INDEX IF NOT EXISTS chain_notification ON chain(row_id) WHERE kind = 'notification';";

/* Migration 20: the verdict beside each decision is chained and guarded too (core/guard.c);
 * the existing ones are linked by sv_chain_build after this step. */
static const char MIGRATION_20[] =
    "CREATE INDEX IF NOT EXISTS chain_verdict ON chain(row_id) WHERE kind = 'decision_verdict';";

/* Migration 33: the advance notices are chained too (core/guard.c, SV_CHAIN_ADVNOTICE_SCHEMA),
 * and their triggers and the appeals' are written by the guard, so verify checks them; the
 * existing notices are linked by sv_chain_build after this step. */
static const char MIGRATION_33[] =
    "CREATE INDEX IF NOT EXISTS chain_advance_notice ON chain(row_id) WHERE kind = 'advance_notice';";

/* Migration 34: the list state is one view, participant_state, that every state trigger reads:
 * the triggers used to carry the whole derivation each, 14 copies that SQLite parses at every
 * open. The state itself is unchanged (the view is migration 14's expression), so nothing is
 * recomputed. The NIR triggers are rewritten the same way at its end (core/nir.c, nir_touch). */
#define SV_STATE_VIEW \
    "CREATE VIEW IF NOT EXISTS participant_state AS SELECT id, step, status, plan_due, review_due, prog_end, " \
    SV_STATE_NEXT " AS next_on FROM (SELECT p.id AS id," \
    SV_STATE_OF("sv_plan_due(p.permit_on, p.settled_on, p.requested_on)", SV_REVIEW_DUE_14) ");"
#define SV_STATE34(pid) \
    "UPDATE participant SET (step, status, plan_due, review_due, prog_end, next_on) = (SELECT step, status, plan_due," \
    " review_due, prog_end, next_on FROM participant_state s WHERE s.id = participant.id) WHERE " pid ";"
#define SV_STATE34_TRIGGER(name, event, pid) \
    "DROP TRIGGER IF EXISTS " name ";CREATE TRIGGER " name " AFTER " event " BEGIN " SV_STATE34("id = " pid) " END;"
#define SV_STATE34_TRIGGER_WHEN(name, event, when, pid) \
    "DROP TRIGGER IF EXISTS " name ";CREATE TRIGGER " name " AFTER " event " WHEN " when " BEGIN " SV_STATE34("id = " pid) " END;"
static const char MIGRATION_34[] = SV_STATE_VIEW SV_STATE_TRIGGERS(SV_STATE34_TRIGGER, SV_STATE34_TRIGGER_WHEN);

/* Migration 21: postal addresses for letters (the participant's and each unit's: street,
 * postcode, place) and the user's title for the signature; the columns are added by COLUMNS
 * below, and the audit triggers that name them are written again for the latest schema. */
static const char MIGRATION_21[] = "";

/* Migration 22: absence by the hour (core/absence.c) and the teacher role. A participant's day
 * is one row per measure (a course, a placement) or for the whole day; hours are tenths, 0 for a
 * day attended. The date-range absences stay as they are: leave and longer periods, and the
 * life events that call for a review; the monthly figures count a range's planned hours on the
 * days that have no hourly row (core/absence.c, one definition), so nothing already recorded
 * needs copying. The users table is rebuilt (with migration 21's title) for its role check to admit
 * 'teacher'. */
static const char MIGRATION_22[] =
    "CREATE TABLE users_v22(login TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL"
    "  CHECK(role IN('administrator','adviser','nav','supervisor','teacher')),"
    "  municipality_id INTEGER REFERENCES municipality(id), created_at TEXT, created_by TEXT, title TEXT);"
    "INSERT INTO users_v22(login, display_name, role, municipality_id, created_at, created_by, title)"
    "  SELECT login, display_name, role, municipality_id, created_at, created_by, title FROM users;"
    "DROP TABLE users;"
    "ALTER TABLE users_v22 RENAME TO users;"
    "CREATE TABLE IF NOT EXISTS absence_hour(id INTEGER PRIMARY KEY,"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id), on_day TEXT NOT NULL,"
    "  measure_id INTEGER REFERENCES measure(id), hours INTEGER NOT NULL DEFAULT 0 CHECK(hours >= 0),"
    "  reason TEXT, approved INTEGER, note TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT);"
    "CREATE UNIQUE INDEX IF NOT EXISTS absence_hour_day ON absence_hour(participant_id, on_day, ifnull(measure_id, 0));"
    "CREATE INDEX IF NOT EXISTS absence_hour_welfare ON absence_hour(participant_id, on_day)"
    "  WHERE reason = 'velferd' AND hours > 0;"
    "CREATE INDEX IF NOT EXISTS absence_hour_unapproved ON absence_hour(participant_id, on_day)"
    "  WHERE hours > 0 AND NOT approved;";

/* Migration 23: leave as a decision (core/leave.c, SV_MIGRATION_LEAVE): the table of leave
 * records beside the date-range absences, which stay as they are. */
/* Migration 25: advance notices before a decision to the participant's disadvantage
 * (core/advnotice.c, SV_MIGRATION_ADVNOTICE), append-only and audited. */
/* Migration 26: appeals (core/appeal.c, SV_MIGRATION_APPEAL), with their own audit triggers. */
/* Migration 27: the integration contract (integreringsloven § 16), core/contract.c
 * (SV_MIGRATION_CONTRACT). */
/* Migration 28: NIR items for absence by the hour and leave (core/nir.c, SV_MIGRATION_NIR_HOURS). */
/* Migration 32: no resumption item for a refusal, leave, cut or ending after a stop (core/nir.c,
 * SV_MIGRATION_NIR_RESUME). */
/* Migration 29: NIR items for appeals and their outcomes, and no offer item for a refusal
 * (core/nir.c, SV_MIGRATION_NIR_APPEAL); the items are derived again at its end. */
static const char *const MIGRATIONS[] = {MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4, MIGRATION_5,
                                         MIGRATION_6, MIGRATION_7, MIGRATION_8, MIGRATION_9, MIGRATION_10, MIGRATION_11,
                                         MIGRATION_12, MIGRATION_13, MIGRATION_14, MIGRATION_15,
                                         MIGRATION_16, MIGRATION_17, MIGRATION_18, MIGRATION_19, MIGRATION_20,
                                         MIGRATION_21, MIGRATION_22, SV_MIGRATION_LEAVE, SV_MIGRATION_VERDICT_CURRENT,
                                         SV_MIGRATION_ADVNOTICE, SV_MIGRATION_APPEAL, SV_MIGRATION_CONTRACT,
                                         SV_MIGRATION_NIR_HOURS, SV_MIGRATION_NIR_APPEAL, MIGRATION_30,
                                         MIGRATION_31, SV_MIGRATION_NIR_RESUME, MIGRATION_33, MIGRATION_34};
_Static_assert(sizeof MIGRATIONS / sizeof MIGRATIONS[0] == SV_SCHEMA_LATEST && SV_SCHEMA_LATEST == SV_SCHEMA_VERSION,
               "one migration per schema version: SV_SCHEMA_LATEST (schema.h) and SV_SCHEMA_VERSION (store.h)");

int sv_schema_shipped_table(int schema, const char *table, sv_buf *out)
{
    char key[80];
    snprintf(key, sizeof key, "CREATE TABLE %s(", table);
    int n = (int)(sizeof MIGRATIONS / sizeof MIGRATIONS[0]), found = 0;
    for (int v = 0; v < n && v < schema; v++) {   /* the last definition counts */
        const char *p = strstr(MIGRATIONS[v], key);
        if (!p) continue;
        const char *end = strchr(p, ';');
        out->len = 0;
        out->s[0] = '\0';
        sv_buf_addn(out, p, end ? (size_t)(end - p) : strlen(p));
        found = 1;
    }
    return found ? SV_OK : SV_ENOTFOUND;
}

static int exec(sqlite3 *db, const char *sql, sv_err *e);

/* Columns a migration adds, added only when missing: a database whose version number was set
 * back (a restore, a test) runs the step again without failing on a column it has. */
static const struct { int version; const char *table, *column, *type; } COLUMNS[] = {
    {9, "participant", "requested_on", "TEXT"},
    {13, "phase", "reason", "TEXT"},
    {21, "participant", "street", "TEXT"},
    {21, "participant", "postcode", "TEXT"},
    {21, "participant", "place", "TEXT"},
    {21, "unit", "street", "TEXT"},
    {21, "unit", "postcode", "TEXT"},
    {21, "unit", "place", "TEXT"},
    {21, "users", "title", "TEXT"},
};

static int add_columns(sqlite3 *db, int version, sv_err *e)
{
    for (size_t i = 0; i < sizeof COLUMNS / sizeof COLUMNS[0]; i++) {
        if (COLUMNS[i].version != version) continue;
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT 1 FROM pragma_table_info('%s') WHERE name = '%s'", COLUMNS[i].table,
                 COLUMNS[i].column);
        sqlite3_stmt *s;
        int have = 0;
        if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
            have = sqlite3_step(s) == SQLITE_ROW;
            sqlite3_finalize(s);
        }
        if (have) continue;
        snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s %s;", COLUMNS[i].table, COLUMNS[i].column, COLUMNS[i].type);
        if (exec(db, sql, e)) return e->code;
    }
    return SV_OK;
}

static int decision_unique(sqlite3 *db, sv_err *e)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, "SELECT id FROM decision d WHERE EXISTS(SELECT 1 FROM decision x"
                               " WHERE x.participant_id = d.participant_id AND x.plan_rev = d.plan_rev"
                               " AND x.kind = d.kind AND x.id < d.id) ORDER BY id", -1, &s, NULL) != SQLITE_OK)
        return sv_err_set(e, SV_EDB, NULL, _("Kunne ikke oppgradere databasen: %s"), sqlite3_errmsg(db));
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_add(&b, "DROP INDEX IF EXISTS decision_one; CREATE UNIQUE INDEX decision_one ON decision(participant_id, plan_rev, kind, "
                   "(CASE WHEN kind IN ('stans', 'permisjon', 'trekk') OR id IN (0");
    while (sqlite3_step(s) == SQLITE_ROW) sv_buf_printf(&b, ", %lld", (long long)sqlite3_column_int64(s, 0));
    sqlite3_finalize(s);
    sv_buf_add(&b, ") THEN id ELSE 0 END));");
    int rc = exec(db, b.s, e);
    sv_buf_free(&b);
    return rc;
}

static int exec(sqlite3 *db, const char *sql, sv_err *e)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        sv_err_set(e, SV_EDB, NULL, _("Kunne ikke oppgradere databasen: %s"), msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return SV_EDB;
    }
    return SV_OK;
}

int sv_schema_has_table(sqlite3 *db, const char *name)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    int n = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    return n;
}

int sv_schema_version(sqlite3 *db)
{
    sqlite3_stmt *s;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK) return -1;
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

int sv_schema_migrate(sqlite3 *db, int target, sv_err *e)
{
    /* The triggers call the program's date arithmetic: every connection that migrates (and so
     * writes) has it. */
    sv_figures_sql_register(db);
    sv_chain_register(db);
    int have = sv_schema_version(db);
    if (have < 0)
        return sv_err_set(e, SV_EDB, NULL,
                          _("Databasefilen er skadet eller er ikke en stegvis-database (%s)"),
                          sqlite3_errmsg(db));
    if (have > SV_SCHEMA_LATEST)
        return sv_err_set(e, SV_EDB, NULL,
                          _("Databasen er laget av en nyere versjon av stegvis (skjema %d; denne versjonen "
                          "kjenner til og med %d). Oppgrader stegvis; databasen er ikke endret."),
                          have, SV_SCHEMA_LATEST);
    if (target > SV_SCHEMA_LATEST) target = SV_SCHEMA_LATEST;
    if (have >= target) return SV_OK;
    sv_text_register(db); /* sv_search_key() for migration 8 */
    if (exec(db, "BEGIN IMMEDIATE", e)) return e->code;
    /* Re-read inside the write lock: a colleague may have migrated meanwhile. */
    have = sv_schema_version(db);
    for (int v = have; v < target; v++) {
        if (add_columns(db, v + 1, e)) goto fail;
        if (MIGRATIONS[v] == MIGRATION_10 || MIGRATIONS[v] == MIGRATION_30 || MIGRATIONS[v] == MIGRATION_31 ? decision_unique(db, e) : exec(db, MIGRATIONS[v], e))
            goto fail;
        if ((v + 1 == SV_CHAIN_SCHEMA || v + 1 == SV_MASK_SCHEMA || v + 1 == SV_CHAIN_NOTICE_SCHEMA ||
             v + 1 == SV_CHAIN_VERDICT_SCHEMA || v + 1 == SV_CHAIN_ADVNOTICE_SCHEMA) &&
            sv_chain_build(db, e))
            goto fail;
        if (MIGRATIONS[v] == MIGRATION_11 && sv_verdict_fill(db, e) < 0) goto fail;
    }
    sv_buf b;
    sv_buf_init(&b);
    /* The protective triggers name every column of the current entities, so they are written
     * only for the latest schema (older targets are built by tests, then migrated on). */
    if (target == SV_SCHEMA_LATEST) sv_guard_sql(target, &b);
    /* NIR registrations are not among SV_ENTITIES (only core/nir.c writes them) but are
     * audited and guarded the same way (sv_guard_each); the derived items are kept by triggers. */
    if (target >= 6) sv_nir_schema_sql_for(&b, target);
    sv_buf_printf(&b, "PRAGMA user_version = %d;", target);
    int rc = exec(db, b.s, e);
    sv_buf_free(&b);
    if (rc) goto fail;
    if (exec(db, "COMMIT", e)) goto fail;
    return SV_OK;
fail:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return e->code;
}
