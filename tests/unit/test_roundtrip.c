/* Issue 12's round trip: every rule fixture (tests/fixtures/vedtak) is a decision document as
 * another system might write it. Its facts are entered into a new database through the store,
 * as a user would enter them, and the decision is issued there through sv_issue_decision (what
 * `stegvis decide` and the decision screen call). Every rule must reach the same verdict on the
 * database as `check` reaches on the document with its computed figures removed, and, when the
 * decision could be issued, again on the document the database stored.
 *
 * A few faults live only in the text of a foreign document (a wrong law, missing legal
 * references or appeal information): the program writes those parts itself from the rule set,
 * so on the database the same rule passes. Those rules are listed in DOC_ONLY and checked the
 * other way round: the database cannot produce the fault. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>

#include "../../core/advnotice.h"
#include "../../core/contract.h"
#include "../../core/decision.h"
#include "../../core/issue.h"
#include "../../core/leave.h"
#include "../../core/vedtak.h"
#include "../../core/verdict.h"
#include "testlib.h"

static char fixtures[4096];
static const char *cur_file = "";

/* Rules whose fault only a foreign document can carry (see the comment above). */
static const char *const DOC_ONLY[] = {"K1-LOV", "K1-HJEMMEL", "K1-KLAGE", "K1-FAKTA", "K1-TALL"};

static int doc_only(const char *rule_id)
{
    for (size_t i = 0; i < sizeof DOC_ONLY / sizeof DOC_ONLY[0]; i++) {
        size_t n = strlen(DOC_ONLY[i]), m = strlen(rule_id);
        if (m > n && !strcmp(rule_id + m - n, DOC_ONLY[i]) && rule_id[m - n - 1] == '-') return 1;
    }
    return 0;
}

typedef struct {
    sv_store *st;
    char path[512];
    int64_t muni, pid, measures[64], needs[64];
    char measure_key[64][160], need_key[64][16];
    int nmeasures, nneeds;
    char refused[96];   /* table.column of the first fact the store refused */
} db;

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    static char buf[8][4096];
    static int k;
    char *out = buf[k++ % 8];
    snprintf(out, sizeof buf[0], "%s", v ? (const char *)v : "");
    xmlFree(v);
    return out;
}

static char *text(xmlNodePtr n)
{
    static char buf[8][4096];
    static int k;
    char *out = buf[k++ % 8];
    xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
    snprintf(out, sizeof buf[0], "%s", v ? (const char *)v : "");
    xmlFree(v);
    return out;
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !xmlStrcmp(c->name, BAD_CAST name)) return c;
    return NULL;
}

static sv_date date_of(const char *s)
{
    sv_date d = SV_NODATE;
    if (*s) ck_assert_msg(sv_date_parse(s, &d) == 0, "date %s", s);
    return d;
}

static int boolean(const char *s) { return !strcmp(s, "true") || !strcmp(s, "1"); }

/* Hours as the document writes them ("37.5") in the store's tenths. */
static int tenths(const char *s) { return (int)(atof(s) * 10 + 0.5); }

/* Saves a fact as a user would. The store may refuse one (a date in the future, say): the
 * database then cannot hold the fault at all, and the field it names is kept in d->refused. */
static void save(db *d, const sv_entity *ent, void *obj)
{
    sv_err e;
    if (sv_row_save(d->st, ent, obj, &e) == SV_OK) return;
    ck_assert_msg(e.code == SV_EINVAL && e.field[0], "%s: %s: %s", cur_file, ent->table, e.msg);
    if (!d->refused[0]) snprintf(d->refused, sizeof d->refused, "%s.%s", ent->table, e.field);
    if (getenv("ROUNDTRIP_VERBOSE")) fprintf(stderr, "%s: refused: %s\n", cur_file, e.msg);
}

static int64_t measure_for(db *d, xmlNodePtr t)
{
    char key[160];
    snprintf(key, sizeof key, "%s|%s|%s|%s", prop(t, "type"), prop(t, "tilbyder"), prop(t, "orientering"),
             text(child(t, "navn")));
    for (int i = 0; i < d->nmeasures; i++)
        if (!strcmp(d->measure_key[i], key)) return d->measures[i];
    ck_assert_int_lt(d->nmeasures, 64);
    sv_measure m;
    sv_entity_blank(&SV_ENT_MEASURE, &m);
    m.m.parent = d->muni;
    snprintf(m.kind, sizeof m.kind, "%s", prop(t, "type"));
    snprintf(m.provider, sizeof m.provider, "%s", prop(t, "tilbyder"));
    snprintf(m.orientation, sizeof m.orientation, "%s", prop(t, "orientering"));
    snprintf(m.name, sizeof m.name, "%s", text(child(t, "navn")));
    strcpy(m.status, "eksisterende");
    m.hours = tenths(prop(t, "timer"));
    strcpy(m.description, "Tiltak i kommunens katalog.");
    save(d, &SV_ENT_MEASURE, &m);
    snprintf(d->measure_key[d->nmeasures], sizeof d->measure_key[0], "%s", key);
    return d->measures[d->nmeasures++] = m.m.id;
}

static int64_t need_for(db *d, const char *id)
{
    for (int i = 0; i < d->nneeds; i++)
        if (!strcmp(d->need_key[i], id)) return d->needs[i];
    return 0;
}

static void enter_party(db *d, xmlNodePtr root)
{
    xmlNodePtr k = child(root, "kommune"), part = child(root, "part"), fakta = child(root, "fakta");
    sv_municipality mu;
    sv_entity_blank(&SV_ENT_MUNICIPALITY, &mu);
    snprintf(mu.number, sizeof mu.number, "%s", prop(k, "nummer"));
    snprintf(mu.name, sizeof mu.name, "%s", prop(k, "navn"));
    snprintf(mu.malform, sizeof mu.malform, "%s", prop(k, "malform"));
    save(d, &SV_ENT_MUNICIPALITY, &mu);
    d->muni = mu.m.id;
    for (xmlNodePtr u = k->children; u; u = u->next) {
        if (u->type != XML_ELEMENT_NODE) continue;
        sv_unit un;
        sv_entity_blank(&SV_ENT_UNIT, &un);
        un.m.parent = d->muni;
        snprintf(un.kind, sizeof un.kind, "%s", prop(u, "type"));
        snprintf(un.name, sizeof un.name, "%s", text(u));
        save(d, &SV_ENT_UNIT, &un);
    }
    sv_participant p;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    p.m.parent = d->muni;
    snprintf(p.fnr, sizeof p.fnr, "%s", text(child(part, "fodselsnummer")));
    snprintf(p.name, sizeof p.name, "%s", text(child(part, "navn")));
    strcpy(p.sex, "M");
    p.permit_on = date_of(prop(part, "oppholdstillatelse"));
    p.settled_on = date_of(prop(part, "bosatt"));
    p.requested_on = date_of(prop(part, "krav"));
    strcpy(p.right_duty, "rett_plikt");
    snprintf(p.schooling, sizeof p.schooling, "%s", text(child(part, "skolegang")));
    snprintf(p.languages, sizeof p.languages, "%s", text(child(part, "sprak")));
    xmlNodePtr tolk = child(fakta, "tolk");
    p.interpreter = boolean(prop(tolk, "behov"));
    snprintf(p.interpreter_lang, sizeof p.interpreter_lang, "%s", prop(tolk, "sprak"));
    save(d, &SV_ENT_PARTICIPANT, &p);
    d->pid = p.m.id;
}

static void enter_facts(db *d, xmlNodePtr fakta)
{
    xmlNodePtr k = child(fakta, "kartlegging");
    if (k) {
        sv_assessment a;
        sv_entity_blank(&SV_ENT_ASSESSMENT, &a);
        a.m.parent = d->pid;
        a.assessed_on = date_of(prop(k, "dato"));
        snprintf(a.education, sizeof a.education, "%s", text(child(k, "utdanning")));
        snprintf(a.work_experience, sizeof a.work_experience, "%s", text(child(k, "arbeidserfaring")));
        snprintf(a.language_level, sizeof a.language_level, "%s", text(child(k, "norskniva")));
        snprintf(a.competence, sizeof a.competence, "%s", text(child(k, "kompetanse")));
        xmlNodePtr kv = child(k, "karriereveiledning");
        if (kv) {
            a.career_on = date_of(prop(kv, "dato"));
            snprintf(a.career_advice, sizeof a.career_advice, "%s", text(kv));
        }
        save(d, &SV_ENT_ASSESSMENT, &a);
    }
    for (xmlNodePtr b = fakta->children; b; b = b->next) {
        if (b->type != XML_ELEMENT_NODE || xmlStrcmp(b->name, BAD_CAST "behov")) continue;
        sv_need n;
        sv_entity_blank(&SV_ENT_NEED, &n);
        n.m.parent = d->pid;
        snprintf(n.area, sizeof n.area, "%s", prop(b, "omrade"));
        snprintf(n.description, sizeof n.description, "%s", text(b));
        save(d, &SV_ENT_NEED, &n);
        ck_assert_int_lt(d->nneeds, 64);
        snprintf(d->need_key[d->nneeds], sizeof d->need_key[0], "%s", prop(b, "id"));
        d->needs[d->nneeds++] = n.m.id;
    }
}

static void enter_plan(db *d, xmlNodePtr root)
{
    xmlNodePtr pl = child(root, "plan"), fakta = child(root, "fakta"), r = child(root, "begrunnelse");
    if (!pl) return;
    sv_plan p;
    sv_entity_blank(&SV_ENT_PLAN, &p);
    p.m.parent = d->pid;
    p.start_on = date_of(prop(pl, "start"));
    p.planned_end = date_of(prop(pl, "slutt"));
    xmlNodePtr goal = child(pl, "sluttmal");
    if (goal) {
        snprintf(p.final_goal, sizeof p.final_goal, "%s", prop(goal, "type"));
        snprintf(p.final_goal_text, sizeof p.final_goal_text, "%s", text(goal));
    }
    snprintf(p.norwegian_goal, sizeof p.norwegian_goal, "%s", text(child(pl, "norskmal")));
    xmlNodePtr sk = child(pl, "samfunnskunnskap");
    p.social_hours = sk ? atoi(prop(sk, "timer")) : 0;
    xmlNodePtr sam = child(fakta, "samrad");
    p.consulted_on = sam ? date_of(prop(sam, "dato")) : SV_NODATE;
    p.interpreter_used = boolean(prop(child(fakta, "tolk"), "brukt"));
    p.selfstudy = boolean(prop(pl, "egenstudier"));
    snprintf(p.justification, sizeof p.justification, "%s", text(child(r, "hensyn")));
    snprintf(p.extension_reason, sizeof p.extension_reason, "%s", text(child(pl, "forlengelse")));
    save(d, &SV_ENT_PLAN, &p);
    for (xmlNodePtr f = pl->children; f; f = f->next) {
        if (f->type != XML_ELEMENT_NODE || xmlStrcmp(f->name, BAD_CAST "fase")) continue;
        sv_phase ph;
        sv_entity_blank(&SV_ENT_PHASE, &ph);
        ph.m.parent = p.m.id;
        snprintf(ph.name, sizeof ph.name, "%s", prop(f, "navn"));
        ph.start_on = date_of(prop(f, "fra"));
        ph.end_on = date_of(prop(f, "til"));
        snprintf(ph.reason, sizeof ph.reason, "%s", text(child(f, "grunn")));
        save(d, &SV_ENT_PHASE, &ph);
        for (xmlNodePtr t = f->children; t; t = t->next) {
            if (t->type != XML_ELEMENT_NODE || xmlStrcmp(t->name, BAD_CAST "tiltak")) continue;
            sv_plan_measure pm;
            sv_entity_blank(&SV_ENT_PLAN_MEASURE, &pm);
            pm.m.parent = ph.m.id;
            pm.measure_id = measure_for(d, t);
            pm.need_id = need_for(d, prop(t, "behov"));
            pm.hours = tenths(prop(t, "timer"));
            save(d, &SV_ENT_PLAN_MEASURE, &pm);
        }
    }
}

/* Earlier decisions and reviews: the reviews as rows, the decisions as issued rows (the store
 * keeps them as they are; their document is not what this test looks at). */
/* The integration contract (integreringsloven § 16), entered last: it belongs to the plan's
 * version as the plan now stands in the database. */
static void enter_contract(db *d, xmlNodePtr k)
{
    if (!k || !d->pid) return;
    sv_contract c;
    sv_entity_blank(&SV_ENT_CONTRACT, &c);
    c.m.parent = d->pid;
    snprintf(c.participant_commits, sizeof c.participant_commits, "%s", text(child(k, "deltaker")));
    snprintf(c.municipality_commits, sizeof c.municipality_commits, "%s", text(child(k, "kommune")));
    c.signed_participant = date_of(prop(k, "signert-deltaker"));
    c.signed_municipality = date_of(prop(k, "signert-kommune"));
    save(d, &SV_ENT_CONTRACT, &c);
}

/* The granted leave the plan states, as `stegvis leave add` records it (core/leave.c refuses
 * a period outside the programme, over another leave or longer than its kind allows). */
static void enter_leave(db *d, xmlNodePtr plan)
{
    for (xmlNodePtr n = plan ? plan->children : NULL; n && d->pid; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, BAD_CAST "permisjon")) continue;
        sv_leave l;
        sv_entity_blank(&SV_ENT_LEAVE, &l);
        l.m.parent = d->pid;
        snprintf(l.kind, sizeof l.kind, "%s", prop(n, "type"));
        l.from_on = date_of(prop(n, "fra"));
        l.to_on = date_of(prop(n, "til"));
        l.granted = 1;
        l.decided_on = date_of(prop(n, "vedtatt"));
        save(d, &SV_ENT_LEAVE, &l);
    }
}

static void enter_history(db *d, xmlNodePtr h, const char *xml)
{
    for (xmlNodePtr n = h ? h->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (!xmlStrcmp(n->name, BAD_CAST "vurdering")) {
            sv_review r;
            sv_entity_blank(&SV_ENT_REVIEW, &r);
            r.m.parent = d->pid;
            r.held_on = date_of(prop(n, "dato"));
            snprintf(r.reason, sizeof r.reason, "%s", prop(n, "grunn"));
            snprintf(r.outcome, sizeof r.outcome, "%s", text(n));
            r.plan_changed = boolean(prop(n, "planendret"));
            save(d, &SV_ENT_REVIEW, &r);
        } else if (!xmlStrcmp(n->name, BAD_CAST "vedtak")) {
            sv_decision dec = {.participant_id = d->pid, .plan_rev = 0};
            snprintf(dec.uuid, sizeof dec.uuid, "%s", prop(n, "id"));
            snprintf(dec.kind, sizeof dec.kind, "%s", prop(n, "type"));
            dec.decided_on = date_of(prop(n, "dato"));
            dec.notified_on = dec.decided_on;
            strcpy(dec.notify_method, "personlig");
            snprintf(dec.reason, sizeof dec.reason, "%s", text(n));
            snprintf(dec.law, sizeof dec.law, "%s", "introduksjonsloven");
            sv_err e;
            ck_assert_msg(sv_decision_insert(d->st, &dec, xml, &e) == SV_OK, "earlier decision: %s", e.msg);
        }
    }
}

/* The advance notice before a stop, as `stegvis forewarn` records it (core/advnotice.c); a
 * refusal (a deadline not after the day sent, say) is kept in d->refused like a refused fact. */
static void enter_advance(db *d, xmlNodePtr root)
{
    xmlNodePtr f = child(root, "forhandsvarsel");
    if (!f) return;
    sv_err e;
    sv_advnotice n;
    int rc;
    const char *kind = prop(root, "type");
    if (*prop(f, "unntak"))
        rc = sv_advnotice_except(d->st, d->pid, kind, prop(f, "unntak"), text(child(f, "unntaksgrunn")), &n, &e);
    else {
        rc = sv_advnotice_send(d->st, d->pid, kind, date_of(prop(f, "sendt")), date_of(prop(f, "svarfrist")),
                               text(child(f, "innhold")), &n, &e);
        xmlNodePtr a = child(f, "svar");
        if (rc == SV_OK && a) rc = sv_advnotice_answer(d->st, n.id, date_of(prop(a, "dato")), text(a), &n, &e);
    }
    if (rc == SV_OK) return;
    ck_assert_msg(e.code == SV_EINVAL && e.field[0], "%s: advance notice: %s", cur_file, e.msg);
    if (!d->refused[0]) snprintf(d->refused, sizeof d->refused, "advance_notice.%s", e.field);
}

/* A new database for each fixture, copied from one made (and migrated) once: making one is
 * the slow part, and under the sanitizers it would be most of this test's time. */
static char base_db[512];

static sv_store *fresh_db(char *path, size_t size)
{
    if (!base_db[0]) {
        int64_t bergen;
        sv_store_close(tl_open(base_db, sizeof base_db, &bergen));
    }
    tl_tmp_path(path, size);
    FILE *in = fopen(base_db, "rb"), *out = fopen(path, "wb");
    ck_assert_msg(in && out, "copy of the base database");
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
    ck_assert_int_eq(fclose(out), 0);
    fclose(in);
    sv_store *st = NULL;
    sv_err e;
    ck_assert_msg(sv_store_open(path, 0, &st, &e) == SV_OK, "%s", e.msg);
    return st;
}

/* The verdict of check on doc, with the computed figures removed first. */
static int check_doc(xmlDocPtr doc, sv_verdict *v)
{
    sv_err e;
    xmlDocPtr copy = xmlCopyDoc(doc, 1);
    static const char *const computed[][2] = {
        {"part", "alder"}, {"part", "planfrist"}, {"plan", "maneder"}, {"plan", "norm"}, {"fase", "timer"},
        {"fase", "arbeidstimer"}, {"fase", "opphold"}, {"historikk", "maneder-siden-vurdering"},
        {"underretning", "informert"}, {"permisjon", "forlenger"}};
    xmlNodePtr stack[64];
    int sp = 0;
    stack[sp++] = xmlDocGetRootElement(copy);
    while (sp) {
        xmlNodePtr n = stack[--sp];
        for (size_t i = 0; i < sizeof computed / sizeof computed[0]; i++)
            if (!xmlStrcmp(n->name, BAD_CAST computed[i][0])) xmlUnsetProp(n, BAD_CAST computed[i][1]);
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && sp < 64) stack[sp++] = c;
    }
    int rc = sv_vedtak_check(copy, SV_NODATE, v, &e);
    ck_assert_msg(rc == SV_OK, "check: %s", e.msg);
    xmlFreeDoc(copy);
    return rc;
}

static sv_outcome outcome_of(const sv_ruleset *rs, const sv_rule_result *res, const char *id)
{
    for (int i = 0; i < rs->nrules; i++)
        if (!strcmp(rs->rules[i].id, id)) return res[i].outcome;
    return SV_R_NA;
}

typedef struct {
    int fixtures, compared, stored, doc_only, differ, refused;
} tally;

static void round_trip(const char *file, tally *t)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", fixtures, file);
    cur_file = file;
    sv_err e;
    xmlDocPtr doc = sv_vedtak_read_file(path, &e);
    ck_assert_msg(doc != NULL, "%s: %s", file, e.msg);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    /* A database always knows when a decision was recorded; a document without the time is
     * given the decision day, which the database is given too. */
    if (!*prop(root, "registrert")) {
        char at[32];
        snprintf(at, sizeof at, "%sT12:00:00", prop(root, "dato"));
        xmlSetProp(root, BAD_CAST "registrert", BAD_CAST at);
    }
    sv_verdict want;
    check_doc(doc, &want);

    db d = {0};
    d.st = fresh_db(d.path, sizeof d.path);
    enter_party(&d, root);
    enter_facts(&d, child(root, "fakta"));
    enter_plan(&d, root);
    char *xml = sv_vedtak_serialize(doc);
    enter_history(&d, child(root, "historikk"), xml);
    free(xml);
    enter_advance(&d, root);
    enter_leave(&d, child(root, "plan"));
    enter_contract(&d, child(root, "kontrakt"));

    if (d.refused[0]) {
        /* refused at entry: check must find a violation of a rule on that very field */
        int found = 0;
        for (int i = 0; i < want.rs->nrules; i++) {
            const char *f = want.rs->rules[i].field;
            size_t n = strlen(f);
            /* the rule names that field, or the record it is on ("phase") */
            int on_field = !strcmp(f, d.refused) || (!strncmp(d.refused, f, n) && d.refused[n] == '.');
            sv_outcome o = want.results[i].outcome;
            if (on_field && (o == SV_R_VIOLATION || o == SV_R_REMARK)) found = 1;
        }
        if (!found) {
            fprintf(stderr, "%s: the store refuses %s, check finds no fault there\n", file, d.refused);
            t->differ++;
        }
        t->refused++;
        sv_verdict_free(&want);
        xmlFreeDoc(doc);
        sv_store_close(d.st);
        tl_unlink_db(d.path);
        t->fixtures++;
        return;
    }
    xmlNodePtr u = child(root, "underretning"), r = child(root, "begrunnelse");
    char recorded[20] = "";
    const char *reg = prop(root, "registrert");
    if (*reg) snprintf(recorded, sizeof recorded, "%.10s %.8s", reg, reg + 11);
    char *reason = text(child(r, "grunn")), *late = text(child(r, "forsinkelse"));
    sv_vedtak_in in = {.kind = prop(root, "type"),
                       .decided_on = date_of(prop(root, "dato")),
                       .notified_on = u ? date_of(prop(u, "dato")) : SV_NODATE,
                       .notify_method = u ? prop(u, "metode") : "",
                       .reason = reason,
                       .late_reason = late,
                       .recorded_at = *reg ? recorded : NULL};
    /* the kind's own facts (core/vedtak_kind.c), as `decide --stop-type --from --to
     * --end-reason --last-day` gives them */
    xmlNodePtr ks = child(root, "stans"), kp = child(root, "permisjon"), ka = child(root, "avslutning");
    char stop_kind[16] = "", end_reason[16] = "";
    in.period_from = in.period_to = SV_NODATE;
    if (ks) {
        snprintf(stop_kind, sizeof stop_kind, "%s", prop(ks, "type"));
        in.stop_kind = stop_kind;
    }
    if (ks || kp) {
        in.period_from = date_of(prop(ks ? ks : kp, "fra"));
        in.period_to = date_of(prop(ks ? ks : kp, "til"));
    }
    if (ka) {
        snprintf(end_reason, sizeof end_reason, "%s", prop(ka, "grunn"));
        in.end_reason = end_reason;
        in.period_from = date_of(prop(ka, "dato"));
    }
    sv_issue is;
    int rc = sv_issue_decision(d.st, d.pid, &in, 1, &is, &e);
    static const char *const kind_fields[] = {"stop_kind", "period_from", "period_to", "end_reason"};
    int kind_field = 0;
    for (size_t i = 0; i < sizeof kind_fields / sizeof kind_fields[0]; i++) kind_field |= !strcmp(e.field, kind_fields[i]);
    if (!is.results && rc == SV_EINVAL && kind_field) {
        /* decide refuses the kind's facts before any rule: check must find the kind's rule broken */
        int found = 0;
        for (int i = 0; i < want.rs->nrules; i++) {
            const char *id = want.rs->rules[i].id;
            if ((strstr(id, "-K5-STANS") || strstr(id, "-K5-PERMISJON") || strstr(id, "-K5-AVSLUTNING")) &&
                want.results[i].outcome == SV_R_VIOLATION)
                found = 1;
        }
        ck_assert_msg(found, "%s: decide refuses %s (%s), check finds no fault in the kind's rules", file, e.field, e.msg);
        t->compared++;
        goto done;
    }
    if (!is.results) {
        /* decide refuses a case without a plan before any rule: check must find the fault too */
        ck_assert_msg(rc == SV_EINVAL && !strcmp(e.field, "plan"), "%s: decide could not judge the case: %s", file, e.msg);
        int found = 0;
        for (int i = 0; i < want.rs->nrules; i++)
            if (strstr(want.rs->rules[i].id, "-K1-PLAN")) found = want.results[i].outcome == SV_R_VIOLATION;
        ck_assert_msg(found, "%s: decide refuses for want of a plan, check does not find it", file);
        t->compared++;
        goto done;
    }
    for (int i = 0; i < want.rs->nrules; i++) {
        const char *id = want.rs->rules[i].id;
        sv_outcome o = outcome_of(is.rs, is.results, id), w = want.results[i].outcome;
        if (doc_only(id) && w == SV_R_VIOLATION) {
            ck_assert_msg(o == SV_R_PASS, "%s: %s is a fault of the document only, yet decide gives %s", file, id,
                          sv_outcome_label(o));
            t->doc_only++;
            continue;
        }
        if (o != w) {
            fprintf(stderr, "%s: %s is %s through decide, %s through check\n", file, id, sv_outcome_label(o),
                    sv_outcome_label(w));
            t->differ++;
        }
        t->compared++;
    }
    if (rc == SV_OK) {
        /* issued: the stored document gives the same verdict again */
        char *stored = sv_decision_xml(d.st, is.d.id, &e);
        ck_assert_msg(stored != NULL, "%s: %s", file, e.msg);
        xmlDocPtr back = sv_vedtak_parse(stored, strlen(stored), file, &e);
        ck_assert_msg(back != NULL, "%s: stored document: %s", file, e.msg);
        sv_verdict again;
        check_doc(back, &again);
        for (int i = 0; i < want.rs->nrules; i++)
            ck_assert_msg(again.results[i].outcome == outcome_of(is.rs, is.results, want.rs->rules[i].id),
                          "%s: %s differs on the stored document", file, want.rs->rules[i].id);
        sv_verdict_free(&again);
        xmlFreeDoc(back);
        free(stored);
        t->stored++;
    }
done:
    sv_issue_free(&is);
    sv_verdict_free(&want);
    xmlFreeDoc(doc);
    sv_store_close(d.st);
    tl_unlink_db(d.path);
    t->fixtures++;
}

START_TEST(test_every_fixture_same_verdict_through_decide_and_check)
{
    const char *tp = getenv("STEGVIS_TEMPLATES");
    snprintf(fixtures, sizeof fixtures, "%s/../tests/fixtures/vedtak", tp && *tp ? tp : "templates");
    sv_ruleset *const *sets;
    int n;
    sv_err e;
    ck_assert_int_eq(sv_rules_all(&sets, &n, &e), SV_OK);
    tally t = {0};
    for (int s = 0; s < n; s++)
        for (int r = 0; r < sets[s]->nrules; r++)
            for (int f = 0; f < 2; f++) {
                char name[80];
                snprintf(name, sizeof name, "%s-%s.xml", sets[s]->rules[r].id, f ? "fail" : "ok");
                round_trip(name, &t);
            }
    /* variants of a rule's fixtures: the notice answered before its deadline, the exception */
    static const char *const extra[] = {"IN-K5-VARSEL-SVAR", "IN-K5-VARSEL-UNNTAK", "IL-K5-VARSEL-SVAR", "IL-K5-VARSEL-UNNTAK"};
    for (size_t x = 0; x < sizeof extra / sizeof extra[0]; x++)
        for (int f = 0; f < 2; f++) {
            char name[80];
            snprintf(name, sizeof name, "%s-%s.xml", extra[x], f ? "fail" : "ok");
            round_trip(name, &t);
        }
    printf("roundtrip: %d fixtures, %d verdicts compared, %d issued and read back, %d refused at entry, "
           "%d faults of the document only\n", t.fixtures, t.compared, t.stored, t.refused, t.doc_only);
    ck_assert_msg(t.differ == 0, "%d verdicts differ between decide and check (listed above)", t.differ);
    ck_assert_int_ge(t.fixtures, 100);
    ck_assert_int_ge(t.stored, 40);          /* the sound ones were issued and read back */
    ck_assert_int_ge(t.doc_only, 6);         /* LOV, HJEMMEL, KLAGE of both laws */
    ck_assert_int_ge(t.compared, 100 * 20);
    tl_unlink_db(base_db);
    sv_rules_cleanup();
    sv_vedtak_cleanup();
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("roundtrip");
    TCase *t = tcase_create("decide and check");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, test_every_fixture_same_verdict_through_decide_and_check);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
