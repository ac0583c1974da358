/* The decision screen: the rule check of the decision the case would give now (each finding
 * opens the field that fixes it), a preview of the document, issuing it, exporting the issued
 * XML, and the case's decision history. Building, checking and storing are core's (vedtak.h,
 * rules.h, decision.h); this screen only shows them and asks. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/case.h"
#include "../core/arkiv.h"
#include "../core/chain.h"
#include "../core/decision.h"
#include "../core/issue.h"
#include "../core/letter.h"
#include "../core/privfile.h"
#include "../core/verdict.h"
#include "../core/vedtak.h"
#include "../forms/forms.h"
#include "../core/priv.h"
#include "deckind.h"
#include "tui.h"

enum { A_ISSUE = TA_OWN, A_EXPORT, A_KIND, A_NOTIFY, A_REASON, A_LATE, A_NOTICE, A_PREVIEW, A_HISTORY, A_LETTER };

#define KEYS TUI_DECISION_KEYS
const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {TK_ENTER, TK(KEY_ENTER), "Enter", N_("rett"), TA_OPEN, 1, N_("åpne feltet funnet gjelder, for å rette det")},
    {'F', 0, "F", N_("fatt"), A_ISSUE, 1, N_("fatt vedtaket (bare når regelkontrollen ikke har brudd)"), "issue"},
    {'x', 0, "x", N_("eksport"), A_EXPORT, 1, N_("eksporter siste fattede vedtak som XML-fil, med arkivmelding (Noark 5) ved siden av"), "export"},
    {'b', 0, "b", N_("brev (PDF)"), A_LETTER, 1, N_("lagre vedtaksbrevet for det siste fattede vedtaket som PDF/A i eksportmappen"), "letter-pdf"},
    {'p', 0, "p", N_("vis"), A_PREVIEW, 1, N_("bytt mellom regelkontroll og forhåndsvisning av vedtaksbrevet"), "preview"},
    {'H', 0, "H", N_("historikk"), A_HISTORY, 1, N_("sakens historikk: hvem gjorde hva og når"), "history"},
    {'k', 0, "k", N_("vedtakstype"), A_KIND, 0, N_("velg vedtakstype (feltet øverst; også Enter på det)"), "kind"},
    {'n', 0, "n", N_("underretning (måte)"), A_NOTIFY, 0, NULL, "notify"},
    {'r', 0, "r", N_("grunn til vedtaket (endring, forlengelse, stans)"), A_REASON, 0, N_("skriv grunnen (feltet øverst; også Enter på det)"), "reason"},
    {'u', 0, "u", N_("underrettet"), A_NOTICE, 0, N_("registrer dagen deltakeren fikk det siste fattede vedtaket, og hvordan (klagefristen går fra den)"), "notified"},
    {'l', 0, "l", N_("grunn for forsinkelse"), A_LATE, 0, N_("skriv hvorfor vedtaket kommer etter fristen (feltet øverst når fristen er passert; også Enter på det)"), "late-reason"},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0}};

/* The decision's own fields, drawn at the top and kept as a draft like a form's. */
enum { DF_NONE = 0, DF_KIND, DF_REASON, DF_NOTIFY, DF_LATE, DF_NOTICE };

typedef struct {
    char text[400];
    int attr;
    const sv_rule *rule;      /* a finding: Enter opens its field */
    int field;                /* DF_*: one of the decision's own fields */
} dline;

typedef struct {
    tui_screen base;
    int64_t pid;
    sv_case c;
    sv_deadlines d;
    const sv_ruleset *rs;
    char kind[14], notify[14], reason[2001], late[2001];
    tui_deckind dk;           /* the kind's own facts: stop type and period, leave period, ending */
    int violations, preview;
    int issued;               /* the last decision fixed the plan as it is: shown as issued */
    int chosen;               /* the user picked a kind: check a new decision even so */
    int keep_cur;             /* the next build leaves the cursor on the field just edited */
    char *letter;             /* the letter the case gives now (or as issued), for the preview */
    dline *lines;
    int n, cur, top;
    char title[160];
} dec_screen;

static void add(dec_screen *ds, int attr, const sv_rule *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add(dec_screen *ds, int attr, const sv_rule *rule, const char *fmt, ...)
{
    ds->lines = sv_xrealloc(ds->lines, sizeof *ds->lines * (size_t)(ds->n + 1));
    dline *l = &ds->lines[ds->n++];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->text, sizeof l->text, fmt, ap);
    va_end(ap);
    l->attr = attr;
    l->rule = rule;
    l->field = DF_NONE;
}

static int selectable(const dline *l)
{
    return l->rule || l->field;
}

/* Rule texts write dates as the document does (åååå-mm-dd); screens write dd.mm.åååå. */
static void nor_dates(char *s)
{
    for (char *p = s; p[0] && p[1] && p[2] && p[3]; p++) {
        int ok = 1;
        for (int i = 0; i < 10 && ok; i++)
            ok = i == 4 || i == 7 ? p[i] == '-' : p[i] >= '0' && p[i] <= '9';
        if (!ok || (p[10] >= '0' && p[10] <= '9') || (p > s && p[-1] >= '0' && p[-1] <= '9')) continue;
        char y[5], m[3], d[3];
        memcpy(y, p, 4); y[4] = 0;
        memcpy(m, p + 5, 2); m[2] = 0;
        memcpy(d, p + 8, 2); d[2] = 0;
        char t[12];
        snprintf(t, sizeof t, "%s.%s.%s", d, m, y);
        memcpy(p, t, 10);
        p += 9;
    }
}

/* A finding as the screen says it: the command line's options in the rule text give way to
 * the field on this screen that fixes it. */
static void screen_words(char *text, size_t size, const sv_rule *r)
{
    for (char *open = strstr(text, " ("); open; open = strstr(open + 1, " (")) {
        char *close = strchr(open, ')');
        if (!close) break;
        char *dash = strstr(open, "--");
        if (dash && dash < close) memmove(open, close + 1, strlen(close + 1) + 1);   /* a command line */
    }
    const char *f = r->field ? r->field : "";
    size_t n = strlen(text);
    if (r->late_ok) snprintf(text + n, size - n, "%s", _(" Skriv årsaken i feltet «Grunn for forsinkelse» øverst (Enter her, eller l): den står da i vedtaket."));
    else if (!strcmp(f, "kind")) snprintf(text + n, size - n, "%s", _(" Velg vedtakstype i feltet «Vedtakstype» øverst (Enter der, eller k)."));
    else if (!strcmp(f, "reason")) snprintf(text + n, size - n, "%s", _(" Skriv grunnen i feltet «Grunn» øverst (Enter der, eller r)."));
    else if (!strcmp(f, "notified_on"))
        snprintf(text + n, size - n, "%s", _(" Velg måten i feltet «Underretning» øverst (n); når vedtaket er fattet og deltakeren har fått det, registrer dagen i feltet «Underrettet» (u)."));
    nor_dates(text);
}

/* The kind, reason and notification typed on this screen survive leaving it (and a dropped
 * connection), as a form's fields do. */
static void draft_key(const dec_screen *ds, char *buf, size_t size)
{
    snprintf(buf, size, "decision:%" PRId64, ds->pid);
}

static void escape_into(sv_buf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '\\') sv_buf_add(b, "\\\\");
        else if (*p == '\n') sv_buf_add(b, "\\n");
        else sv_buf_addn(b, p, 1);
    }
}

static void unescape_into(char *out, size_t size, const char *tab)
{
    char *o = out, *end = out + size - 1;
    for (const char *p = tab; *p && o < end; p++) {
        if (*p == '\\' && p[1]) { p++; *o++ = *p == 'n' ? '\n' : *p; }
        else *o++ = *p;
    }
    *o = '\0';
}

static void draft_store(dec_screen *ds)
{
    char key[48];
    draft_key(ds, key, sizeof key);
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_printf(&b, "kind\t%s\nnotify\t%s\nchosen\t%d\nreason\t", ds->kind, ds->notify, ds->chosen);
    escape_into(&b, ds->reason);
    sv_buf_add(&b, "\nlate\t");
    escape_into(&b, ds->late);
    sv_buf_add(&b, "\n");
    tui_deckind_draft_put(&ds->dk, &b);
    sv_err e;
    sv_err_clear(&e);
    if (sv_draft_put(TUI.st, key, b.s, &e) != SV_OK) tui_msg(1, _("Utkastet kunne ikke lagres: %s"), e.msg);
    sv_buf_free(&b);
}

static int draft_load(dec_screen *ds)
{
    char key[48];
    draft_key(ds, key, sizeof key);
    char *v = sv_draft_get(TUI.st, key);
    if (!v) return 0;
    for (char *line = strtok(v, "\n"); line; line = strtok(NULL, "\n")) {
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab++ = '\0';
        if (!strcmp(line, "kind") && sv_code_valid(SV_CODES_DECISION_KIND, tab)) snprintf(ds->kind, sizeof ds->kind, "%s", tab);
        else if (!strcmp(line, "notify") && sv_code_valid(SV_CODES_NOTIFY, tab)) snprintf(ds->notify, sizeof ds->notify, "%s", tab);
        else if (!strcmp(line, "chosen")) ds->chosen = atoi(tab);
        else if (!strcmp(line, "reason")) unescape_into(ds->reason, sizeof ds->reason, tab);
        else if (!strcmp(line, "late")) unescape_into(ds->late, sizeof ds->late, tab);
        else tui_deckind_draft_get(&ds->dk, line, tab);
    }
    free(v);
    return 1;
}

static void draft_drop(dec_screen *ds)
{
    char key[48];
    draft_key(ds, key, sizeof key);
    sv_err e;
    sv_draft_drop(TUI.st, key, &e);
}

/* A long text field on one line: cut on a whole character (shown in full in its editor). */
static void one_line(char *r, size_t size, const char *text)
{
    snprintf(r, size, "%.300s", text);
    size_t rl = strlen(r);
    if (rl == 300) {
        while (rl && ((unsigned char)r[rl - 1] & 0xc0) == 0x80) rl--;
        if (rl && (unsigned char)r[rl - 1] >= 0xc0) rl--;
        snprintf(r + rl, size - rl, "…");
    }
    for (char *p = r; *p; p++) if (*p == '\n') *p = ' ';
}

/* Puts a line made by add() (the last one) at position at instead. */
static void move_last_to(dec_screen *ds, int at)
{
    dline l = ds->lines[ds->n - 1];
    memmove(&ds->lines[at + 1], &ds->lines[at], sizeof *ds->lines * (size_t)(ds->n - 1 - at));
    ds->lines[at] = l;
}

static void add_change(void *ctx, const char *line)
{
    add(ctx, 0, NULL, "%s", line);
}

static void build(dec_screen *ds)
{
    sv_err e;
    sv_err_clear(&e);
    ds->n = 0;
    free(ds->letter);
    ds->letter = NULL;
    ds->violations = -1;
    sv_vedtak_in in = {NULL, ds->kind, sv_today(), NULL, sv_today(), ds->notify, ds->reason, ds->late, NULL};
    in.notified_on = SV_NODATE;   /* recorded when it happens (u), never assumed */
    tui_deckind_in(&ds->dk, ds->kind, &in);
    /* the preview judges the advance notice in force, as issuing does (core/issue.c) */
    sv_advnotice adv;
    if (sv_issue_advance(TUI.st, ds->pid, &in, &adv, &e) == SV_OK && adv.id) in.advance = &adv;
    sv_issue_kind_facts(TUI.st, ds->pid, &in, &e);   /* a failure shows as the draft's message */
    sv_err_clear(&e);
    int late_at = -1;   /* where the late reason's field goes when the deadline is passed */
    const char *law = sv_law_code(sv_participant_law(&ds->c.p));
    ds->rs = sv_rules_for(law, sv_today(), &e);
    const sv_decision *last = sv_case_last_decision(&ds->c);
    ds->issued = last && ds->c.has_plan && last->plan_rev == ds->c.plan.rev && !ds->chosen;
    if (ds->issued) {
        char t[11];
        sv_date_nor(last->decided_on, t);
        add(ds, tui_attr(TC_OK), NULL, _("Vedtaket er fattet: %s %s av %s (nr. %lld, planversjon %d). Eksporter det med x."),
            _(sv_code_label(SV_CODES_DECISION_KIND, last->kind)), t, last->decided_by, (long long)last->id, last->plan_rev);
        add(ds, 0, NULL, "%s", _("Planen er ikke endret siden. Et nytt vedtak trengs når planen endres vesentlig (eller velg vedtakstype for å stanse)."));
    } else {
        add(ds, A_BOLD, NULL, _("Utkast til vedtak for %s (%s)"), ds->c.p.name, law);
    }
    add(ds, 0, NULL, _("Vedtakstype:  %s"), _(sv_code_label(SV_CODES_DECISION_KIND, ds->issued && last ? last->kind : ds->kind)));
    ds->lines[ds->n - 1].field = DF_KIND;
    if (ds->issued) {
        char nl[300];
        int st = tui_notice_line(last, nl, sizeof nl);
        add(ds, st == 1 ? 0 : tui_attr(TC_WARN), NULL, "%s", nl);
        ds->lines[ds->n - 1].field = DF_NOTICE;
    }
    if (!ds->issued) {
        char r[320];
        one_line(r, sizeof r, ds->reason[0] ? ds->reason : _("- (trengs ved endring, forlengelse og stans)"));
        add(ds, 0, NULL, _("Grunn:        %s"), r);
        ds->lines[ds->n - 1].field = DF_REASON;
        add(ds, 0, NULL, _("Underretning: %s"), _(sv_code_label(SV_CODES_NOTIFY, ds->notify)));
        ds->lines[ds->n - 1].field = DF_NOTIFY;
        tui_decline kl[8];
        int nk = tui_deckind_lines(&ds->dk, ds->pid, ds->kind, kl, 8);
        for (int i = 0; i < nk; i++) {
            add(ds, kl[i].warn ? tui_attr(TC_WARN) : 0, NULL, "%s", kl[i].text);
            ds->lines[ds->n - 1].field = kl[i].field;
        }
        late_at = ds->n;
    }
    if (!ds->rs) {
        add(ds, tui_attr(TC_ERR), NULL, "%s", e.msg);
        return;
    }
    if (ds->issued) {
        /* the preview shows the letter as it was issued, from the stored document */
        char *xml = sv_decision_xml(TUI.st, last->id, &e);
        xmlDocPtr sdoc = xml ? sv_vedtak_parse_stored(xml, strlen(xml), "vedtak", &e) : NULL;
        free(xml);
        if (sdoc) {
            ds->letter = sv_letter_build(sdoc, &e);
            xmlFreeDoc(sdoc);
        }
        ds->violations = 0;
    }
    xmlDocPtr doc = ds->issued ? NULL : sv_vedtak_build(&ds->c, &in, ds->rs, &e);
    if (ds->issued) {
    } else if (!doc) {
        add(ds, tui_attr(TC_ERR), NULL, _("Vedtaket kan ikke lages ennå: %s"), e.msg);
    } else {
        /* the verdict decide gives: figures derived, the rule set of the derived law */
        sv_verdict vd;
        int late = 0, late_rule = 0;
        /* counted as issuing counts: what stops the decision (core/issue.h) */
        ds->violations = sv_vedtak_check(doc, SV_NODATE, &vd, &e) ? -1 : sv_issue_blocking(vd.rs, vd.results, ds->late, NULL, &late);
        if (ds->violations >= 0) ds->rs = vd.rs;
        sv_rule_result *res = vd.results;
        if (ds->violations < 0) add(ds, tui_attr(TC_ERR), NULL, _("Regelkontrollen feilet: %s"), e.msg);
        else add(ds, ds->violations ? tui_attr(TC_ERR) : tui_attr(TC_OK), NULL,
                 _n("Regelkontroll (%s): %d brudd%s", "Regelkontroll (%s): %d brudd%s", ds->violations), ds->rs->version,
                 ds->violations, ds->violations ? _n(" – rett det før vedtaket fattes", " – rett dem før vedtaket fattes", ds->violations)
                                                : _(" – vedtaket kan fattes (F)"));
        for (int i = 0; ds->violations >= 0 && i < ds->rs->nrules; i++) {
            const sv_rule_result *r = &res[i];
            if (r->outcome == SV_R_PASS || r->outcome == SV_R_NA) continue;
            int viol = r->outcome == SV_R_VIOLATION;
            late_rule |= viol && r->rule->late_ok;
            /* a deadline passed with its reason written, or a rule met after issuing (the
             * notification): shown, but it does not stop the decision */
            const char *word = !viol ? _("Merknad")
                               : r->rule->late_ok && sv_issue_late_reason_given(ds->late) ? _("Frist passert")
                               : r->rule->after_ok ? _("Etter vedtaket") : _("BRUDD");
            int blocks = viol && !strcmp(word, _("BRUDD"));
            add(ds, blocks ? tui_attr(TC_ERR) : tui_attr(TC_WARN), r->rule, "%s %s: %s%s%s", word, r->rule->control,
                r->rule->message, r->evidence[0] ? " – " : "", r->evidence);
            screen_words(ds->lines[ds->n - 1].text, sizeof ds->lines[ds->n - 1].text, r->rule);
        }
        if (late_at >= 0 && (late_rule || ds->late[0])) {
            char r[320];
            one_line(r, sizeof r, ds->late[0] ? ds->late : _("- (skriv hvorfor vedtaket kommer etter fristen)"));
            add(ds, late_rule && !late ? tui_attr(TC_ERR) : 0, NULL, _("Grunn for forsinkelse: %s"), r);
            ds->lines[ds->n - 1].field = DF_LATE;
            move_last_to(ds, late_at);
        }
        sv_verdict_free(&vd);
        ds->letter = sv_letter_build(doc, &e);
        if (!ds->letter) add(ds, tui_attr(TC_ERR), NULL, _("Brevet kan ikke lages: %s"), e.msg);
        xmlFreeDoc(doc);
    }
    if (last && ds->c.has_plan) {
        /* what the plan went through since the last decision (a significant change needs a
         * new one), as `show` lists it */
        add(ds, A_BOLD, NULL, "%s", _("Endret i planen siden siste vedtak:"));
        int head = ds->n - 1;
        int nch = tui_plan_changes(&ds->c, add_change, ds);
        if (nch == 0) add(ds, 0, NULL, "  %s", _("ingen endringer"));
        else if (nch < 0) add(ds, tui_attr(TC_ERR), NULL, "  %s", _("endringene kunne ikke leses"));
        else snprintf(ds->lines[head].text, sizeof ds->lines[head].text, _("Endret i planen siden siste vedtak (%d):"), nch);
    }
    add(ds, A_BOLD, NULL, _("Vedtak fattet i saken (%d):"), ds->c.ndecisions);
    for (int i = ds->c.ndecisions - 1; i >= 0; i--) {
        const sv_decision *dd = &ds->c.decisions[i];
        char t[11];
        sv_date_nor(dd->decided_on, t);
        add(ds, 0, NULL, _("  %s %s av %s (planversjon %d)"), t, sv_code_label(SV_CODES_DECISION_KIND, dd->kind),
            dd->decided_by, dd->plan_rev);
        if (!ds->issued && dd == last) {
            char nl[300];
            int st = tui_notice_line(last, nl, sizeof nl);
            add(ds, st == 1 ? 0 : tui_attr(TC_WARN), NULL, "    %s", nl);
            ds->lines[ds->n - 1].field = DF_NOTICE;
        }
    }
    if (!ds->c.ndecisions) add(ds, 0, NULL, "  %s", _("ingen ennå"));
    /* Start on the first finding, so Enter goes straight to what needs fixing. */
    if (ds->cur >= ds->n || !selectable(&ds->lines[ds->cur]) || (ds->lines[ds->cur].field && !ds->keep_cur)) {
        int first_field = -1;
        ds->cur = 0;
        int first_rule = -1;
        for (int i = 0; i < ds->n; i++) {
            if (ds->lines[i].field && first_field < 0) first_field = i;
            if (!ds->lines[i].rule) continue;
            if (first_rule < 0) first_rule = i;
            /* what stops the decision comes before what is met only after it */
            if (ds->lines[i].attr == tui_attr(TC_ERR)) { first_rule = i; break; }
        }
        if (first_rule >= 0) ds->cur = first_rule;
        else if (first_field >= 0) ds->cur = first_field;
    }
    ds->keep_cur = 0;
}

static int reload(dec_screen *ds)
{
    sv_err e;
    sv_err_clear(&e);
    sv_case_free(&ds->c);
    if (sv_case_load(TUI.st, ds->pid, &ds->c, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return -1;
    }
    sv_case_derive(&ds->c, sv_today(), &ds->d);
    build(ds);
    return 0;
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    dec_screen *ds = (dec_screen *)s;
    if (ds->preview) {
        wattron(w, A_BOLD);
        tui_put(w, 0, 0, wd, ds->issued ? _("Vedtaksbrevet slik det ble fattet") : _("Forhåndsvisning av vedtaksbrevet (slik det blir når vedtaket fattes i dag)"), 0);
        wattroff(w, A_BOLD);
        const char *p = ds->letter ? ds->letter : _("(brevet kan ikke lages ennå: se regelkontrollen)");
        int skip = ds->top, y = 2;
        while (*p && y < h) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            char line[1024];
            snprintf(line, sizeof line, "%.*s", (int)(len < 1023 ? len : 1023), p);
            if (skip > 0) skip--;
            else y += line[0] ? tui_wrap(w, y, 0, wd, h - y, line) : 1;
            p += len + (nl ? 1 : 0);
        }
        return;
    }
    /* The selected finding in full under the list: the lines above are cut to the width. */
    const dline *sel = ds->cur < ds->n && ds->lines[ds->cur].rule ? &ds->lines[ds->cur] : NULL;
    int foot = sel && h > 8 ? 4 : 0;
    if (foot) {
        mvwhline(w, h - foot, 0, ACS_HLINE, wd);
        wattron(w, sel->attr);
        tui_wrap(w, h - foot + 1, 0, wd, foot - 1, sel->text);
        wattroff(w, sel->attr);
        h -= foot;
    }
    if (ds->cur < ds->top) ds->top = ds->cur;
    if (ds->cur >= ds->top + h) ds->top = ds->cur - h + 1;
    for (int i = ds->top; i < ds->n && i - ds->top < h; i++) {
        const dline *l = &ds->lines[i];
        int a = i == ds->cur && selectable(l) ? (int)A_REVERSE : l->attr;
        wattron(w, a);
        tui_put(w, i - ds->top, 0, wd, l->text, i == ds->cur && selectable(l));
        wattroff(w, a);
    }
}

static void edit_kind(dec_screen *ds)
{
    const char *items[8];
    int n = 0, cur = 0;
    for (; SV_CODES_DECISION_KIND[n].code && n < 8; n++) {
        items[n] = _(SV_CODES_DECISION_KIND[n].label);
        if (!strcmp(SV_CODES_DECISION_KIND[n].code, ds->kind)) cur = n;
    }
    int k = tui_pick(_("Vedtakstype"), items, n, cur);
    if (k < 0) return;
    snprintf(ds->kind, sizeof ds->kind, "%s", SV_CODES_DECISION_KIND[k].code);
    ds->chosen = 1;
    draft_store(ds);
    ds->keep_cur = 1;
    build(ds);
}

static void edit_notify(dec_screen *ds)
{
    const char *items[8];
    int n = 0, cur = 0;
    for (; SV_CODES_NOTIFY[n].code && n < 8; n++) {
        items[n] = _(SV_CODES_NOTIFY[n].label);
        if (!strcmp(SV_CODES_NOTIFY[n].code, ds->notify)) cur = n;
    }
    int k = tui_pick(_("Underretning"), items, n, cur);
    if (k < 0) return;
    snprintf(ds->notify, sizeof ds->notify, "%s", SV_CODES_NOTIFY[k].code);
    draft_store(ds);
    ds->keep_cur = 1;
    build(ds);
}

static void edit_reason(dec_screen *ds)
{
    if (ds->issued) {
        tui_msg(0, "%s", _("Vedtaket er fattet og kan ikke endres. Velg vedtakstype (k) for et nytt vedtak."));
        return;
    }
    char *t = tui_textedit(_("Grunn til vedtaket"), ds->reason, sizeof ds->reason - 1);
    if (!t) return;
    snprintf(ds->reason, sizeof ds->reason, "%s", t);
    free(t);
    draft_store(ds);
    ds->keep_cur = 1;
    build(ds);
}

static void edit_late(dec_screen *ds)
{
    if (ds->issued) {
        tui_msg(0, "%s", _("Vedtaket er fattet og kan ikke endres. Velg vedtakstype (k) for et nytt vedtak."));
        return;
    }
    char *t = tui_textedit(_("Grunn for forsinkelse"), ds->late, sizeof ds->late - 1);
    if (!t) return;
    snprintf(ds->late, sizeof ds->late, "%s", t);
    free(t);
    draft_store(ds);
    ds->keep_cur = 1;
    build(ds);
    if (ds->late[0] && !sv_issue_late_reason_given(ds->late))
        tui_msg(1, _n("Grunn for forsinkelse: skriv hvorfor vedtaket kommer etter fristen (minst %d tegn innhold)",
                          "Grunn for forsinkelse: skriv hvorfor vedtaket kommer etter fristen (minst %d tegn innhold)",
                          SV_LATE_REASON_MIN), SV_LATE_REASON_MIN);
}

static void edit_field(dec_screen *ds, int field)
{
    for (int i = 0; i < ds->n; i++)
        if (ds->lines[i].field == field) ds->cur = i;
    if (field == DF_KIND) edit_kind(ds);
    else if (field == DF_REASON) edit_reason(ds);
    else if (field == DF_NOTIFY) edit_notify(ds);
    else if (field == DF_LATE) edit_late(ds);
    else if (field >= TDK_STOP_KIND) {
        if (ds->issued) tui_msg(0, "%s", _("Vedtaket er fattet og kan ikke endres. Velg vedtakstype (k) for et nytt vedtak."));
        else if (tui_deckind_edit(&ds->dk, ds->pid, ds->kind, field)) {
            draft_store(ds);
            ds->keep_cur = 1;
            build(ds);
        }
    }
    else if (field == DF_NOTICE) {
        const sv_decision *last = sv_case_last_decision(&ds->c);
        if (!last) tui_msg(0, "%s", _("Ingen vedtak å registrere underretning for ennå: fatt vedtaket først (F)."));
        else if (tui_notice_record(last)) {
            ds->keep_cur = 1;
            build(ds);
        }
    }
}

/* Opens the form holding the field a finding names ("plan.justification", "phase", "kind"). */
static void open_finding(dec_screen *ds, const sv_rule *r)
{
    char table[48] = "", *dot;
    snprintf(table, sizeof table, "%s", r->field ? r->field : "");
    const char *col = (dot = strchr(table, '.')) ? dot + 1 : NULL;
    if (dot) *dot = '\0';
    const sv_case *c = &ds->c;
    if (r->late_ok) {
        /* a passed deadline is not undone in the plan: its reason goes into the decision */
        if (!ds->issued) edit_field(ds, DF_LATE);
        return;
    }
    const sv_entity *ent = sv_entity_by_table(table);
    tui_screen *f = NULL;
    if (ent == &SV_ENT_PLAN) f = c->has_plan ? tui_form_new(ent, &c->plan, ds->pid, ds->pid) : tui_form_new(ent, NULL, ds->pid, ds->pid);
    else if (ent == &SV_ENT_ASSESSMENT) f = tui_form_new(ent, c->has_assessment ? &c->assessment : NULL, ds->pid, ds->pid);
    else if (ent == &SV_ENT_PHASE && c->has_plan) f = tui_form_new(ent, c->nphases ? &c->phases[0].phase : NULL, c->plan.m.id, ds->pid);
    else if (ent == &SV_ENT_PLAN_MEASURE && c->nphases)
        f = tui_form_new(ent, c->phases[0].nmeasures ? &c->phases[0].measures[0].pm : NULL, c->phases[0].phase.m.id, ds->pid);
    else if (ent == &SV_ENT_REVIEW) f = tui_form_new(ent, NULL, ds->pid, ds->pid);
    if (f) {
        if (col) tui_form_focus(f, col);
        tui_push(f);
    } else if (!strcmp(table, "kind")) {
        edit_field(ds, DF_KIND);
    } else if (!strcmp(table, "reason")) {
        edit_field(ds, DF_REASON);
    } else if (!strcmp(table, "notified_on")) {
        edit_field(ds, DF_NOTIFY);
    } else {
        tui_msg(0, _("Dette rettes i regelsettet eller kommunens oppsett (%s)."), r->field ? r->field : "?");
    }
}

static void issue(dec_screen *ds)
{
    sv_err e;
    sv_err_clear(&e);
    if (sv_store_authorize(TUI.st, SV_OP_DECIDE, ds->c.p.m.parent, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return;
    }
    if (ds->issued) {
        tui_msg(0, "%s", _("Vedtaket er allerede fattet, og planen er ikke endret siden. Velg vedtakstype (k) for et nytt vedtak."));
        return;
    }
    char q[400], t[11];
    sv_date_nor(sv_today(), t);
    snprintf(q, sizeof q, _("Fatte «%s» for %s, datert %s?\nEt fattet vedtak kan ikke endres.\n\nj = ja, fatt vedtaket   n = nei"),
             sv_code_label(SV_CODES_DECISION_KIND, ds->kind), ds->c.p.name, t);
    if (tui_ask(_("Fatt vedtak"), q, "jn") != 'j') return;
    sv_vedtak_in in = {NULL, ds->kind, sv_today(), NULL, sv_today(), ds->notify, ds->reason, ds->late, NULL};
    in.notified_on = SV_NODATE;   /* recorded when it happens (u), never assumed */
    tui_deckind_in(&ds->dk, ds->kind, &in);
    sv_issue r;
    memset(&r, 0, sizeof r);
    int rc = sv_issue_decision(TUI.st, ds->pid, &in, 0, &r, &e);
    if (rc == SV_EINVAL && r.violations == 0 && r.remarks > 0) {
        snprintf(q, sizeof q, _n("Regelkontrollen har %d merknad, men ingen brudd. Fatte vedtaket likevel?\n\n"
                                 "j = ja   n = nei, jeg retter først",
                                 "Regelkontrollen har %d merknader, men ingen brudd. Fatte vedtaket likevel?\n\n"
                                 "j = ja   n = nei, jeg retter først", r.remarks), r.remarks);
        sv_issue_free(&r);
        memset(&r, 0, sizeof r);
        if (tui_ask(_("Merknader"), q, "jn") != 'j') return;
        sv_err_clear(&e);
        rc = sv_issue_decision(TUI.st, ds->pid, &in, 1, &r, &e);
    }
    if (rc == SV_OK) {
        if (r.late) tui_msg(2, _("Vedtaket er fattet etter fristen (nr. %lld), med grunnen for forsinkelsen. Eksporter det med x."), (long long)r.d.id);
        else tui_msg(2, _("Vedtaket er fattet (nr. %lld). Eksporter det med x; registrer underretningen når deltakeren har fått det (u)."), (long long)r.d.id);
        draft_drop(ds);
        ds->chosen = 0;
        ds->reason[0] = '\0';
        ds->late[0] = '\0';
        tui_deckind_clear(&ds->dk);
    }
    else if (r.violations > 0) tui_msg(1, _n("Vedtaket er ikke fattet: %d brudd. %s", "Vedtaket er ikke fattet: %d brudd. %s", r.violations),
                                        r.violations, e.msg);
    else tui_msg(1, _("Vedtaket er ikke fattet: %s"), e.msg);
    sv_issue_free(&r);
    reload(ds);
}

/* Writes the stored document, and beside it its Noark 5 arkivmelding for the archive, into
 * the export directory (stegvis.conf(5)), readable by the user only: it holds the identity
 * number. A name without a directory goes into the export directory too. */
static void export_last(dec_screen *ds)
{
    const sv_decision *last = sv_case_last_decision(&ds->c);
    if (!last) {
        tui_msg(1, "%s", _("Ingen vedtak å eksportere ennå: fatt vedtaket først (F)."));
        return;
    }
    char name[128], path[1200];
    snprintf(name, sizeof name, "vedtak-%" PRId64 "-%.8s.xml", ds->pid, last->uuid);
    if (tui_ask_export_path(_("Eksporter vedtaket til fil"), name, path, sizeof path) != 0) return;
    sv_err e;
    sv_err_clear(&e);
    char *xml = sv_decision_xml(TUI.st, last->id, &e);
    if (!xml) {
        tui_msg(1, "%s", e.msg);
        return;
    }
    if (sv_file_write_private(path, xml, &e) != SV_OK) {
        free(xml);
        tui_msg(1, "%s", e.msg);
        return;
    }
    xmlDocPtr doc = sv_vedtak_parse(xml, strlen(xml), path, &e);
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char head[65];
    sv_chain_head(sv_store_db(TUI.st), head);
    char *ark = doc ? sv_arkiv_build(doc, base, xml, strlen(xml), head, &e) : NULL;
    free(xml);
    if (doc) xmlFreeDoc(doc);
    char apath[1300];
    size_t n = strlen(path);
    snprintf(apath, sizeof apath, "%.*s-arkivmelding.xml", (int)(n > 4 && !strcmp(path + n - 4, ".xml") ? n - 4 : n), path);
    if (!ark) tui_msg(1, _("Vedtaket er eksportert til %s, men arkivmeldingen feilet: %s"), path, e.msg);
    else if (sv_file_write_private(apath, ark, &e) != SV_OK) tui_msg(1, _("Vedtaket er eksportert til %s, men %s kunne ikke skrives."), path, apath);
    else tui_msg(2, _("Vedtaket er eksportert til %s, arkivmelding i %s."), path, apath);
    free(ark);
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    dec_screen *ds = (dec_screen *)s;
    switch (act) {
    case TA_UP: case TA_PGUP: case TA_HOME:
        if (ds->preview) { ds->top = act == TA_UP && ds->top > 0 ? ds->top - 1 : act == TA_PGUP && ds->top > 10 ? ds->top - 10 : 0; break; }
        for (int i = ds->cur - 1; i >= 0; i--) if (selectable(&ds->lines[i])) { ds->cur = i; break; }
        if (act != TA_UP) {
            ds->top = 0;
            for (int i = 0; i < ds->n; i++) if (selectable(&ds->lines[i])) { ds->cur = i; break; }
        }
        break;
    case TA_DOWN: case TA_PGDN: case TA_END:
        if (ds->preview) { ds->top += act == TA_DOWN ? 1 : 10; break; }
        for (int i = ds->cur + 1; i < ds->n; i++) if (selectable(&ds->lines[i])) { ds->cur = i; if (act == TA_DOWN) break; }
        break;
    case TA_OPEN:
        if (ds->cur < ds->n && ds->lines[ds->cur].field) edit_field(ds, ds->lines[ds->cur].field);
        else if (ds->cur < ds->n && ds->lines[ds->cur].rule) open_finding(ds, ds->lines[ds->cur].rule);
        break;
    case A_ISSUE: issue(ds); break;
    case A_EXPORT: export_last(ds); break;
    case A_LETTER: tui_letter_pdf(ds->pid); break;
    case A_HISTORY: tui_push(tui_history_new(ds->pid, ds->c.p.name)); break;
    case A_PREVIEW: ds->preview = !ds->preview; ds->top = 0; break;
    case A_KIND: edit_field(ds, DF_KIND); break;
    case A_NOTIFY: edit_field(ds, DF_NOTIFY); break;
    case A_REASON: edit_field(ds, DF_REASON); break;
    case A_LATE: edit_field(ds, DF_LATE); break;
    case A_NOTICE: edit_field(ds, DF_NOTICE); break;
    case TA_BACK: return 1;
    default: break;
    }
    return 0;
}

static void resume(tui_screen *s)
{
    reload((dec_screen *)s);
}

/* A click on a field or finding selects it; a double click opens it as Enter does. */
static void click(tui_screen *s, int y, int x, int twice)
{
    (void)x;
    dec_screen *ds = (dec_screen *)s;
    int i = ds->top + y;
    if (ds->preview || y < 0 || i >= ds->n || !selectable(&ds->lines[i])) return;
    ds->cur = i;
    if (twice) key(s, TA_OPEN, 0);
}

static void destroy(tui_screen *s)
{
    dec_screen *ds = (dec_screen *)s;
    sv_case_free(&ds->c);
    free(ds->letter);
    free(ds->lines);
    free(ds);
}

tui_screen *tui_decision_new(int64_t pid)
{
    dec_screen *ds = sv_xcalloc(1, sizeof *ds);
    ds->pid = pid;
    ds->base = (tui_screen){ds->title, KEYS, draw, key, resume, destroy, 0,
                            N_("Øverst står vedtakets egne felt (vedtakstype, grunn, underretning, og grunn for forsinkelse når fristen er "
                               "passert; for stans, permisjon og avslutning også type, datoer, avslutningsgrunn og forhåndsvarsel): Enter endrer "
                               "dem, og de tas vare på som utkast. Regelkontrollen viser hva vedtaket ville fått i "
                               "dag. BRUDD må rettes før vedtaket kan fattes; Enter på et funn åpner feltet som retter det. Under står det "
                               "som er endret i planen siden siste vedtak. Et fattet vedtak kan ikke endres: vesentlige "
                               "endringer i planen krever nytt vedtak.")};
    ds->base.keymap = "decision";
    ds->base.click = click;
    snprintf(ds->notify, sizeof ds->notify, "digitalt");
    snprintf(ds->kind, sizeof ds->kind, "plan");
    tui_deckind_clear(&ds->dk);
    snprintf(ds->title, sizeof ds->title, "%s", _("Vedtak"));
    if (reload(ds) != 0) {
        destroy(&ds->base);
        return NULL;
    }
    if (ds->c.ndecisions) snprintf(ds->kind, sizeof ds->kind, "endring");
    if (draft_load(ds)) tui_msg(2, "%s", _("Vedtakstype og grunn er hentet fram fra utkastet."));
    build(ds);
    snprintf(ds->title, sizeof ds->title, _("Vedtak: %s"), ds->c.p.name);
    return &ds->base;
}
