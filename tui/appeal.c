/* A case's appeals (core/appeal.c), reached from the case screen with K: each appeal with its
 * deadlines (forvaltningsloven § 29 from the notification, § 33 for sending it on) and where
 * it stands; keys register an appeal, answer § 31 for a late one, record the municipality's
 * review, the sending to Statsforvalteren and the outcome there. The checks are core's: a
 * refusal is shown as core words it, naming the field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/appeal.h"
#include "tui.h"

enum { A_ADD = TA_OWN, A_LATE, A_REVIEW, A_SEND, A_OUTCOME };

static const tui_key KEYS[] = {
    TUI_KEYS_MOVE,
    {'a', 0, "a", N_("ny klage"), A_ADD, 1, N_("registrer en klage: vedtaket, dagen den kom inn og klagegrunnene")},
    {'s', 0, "s", N_("sen klage"), A_LATE, 1, N_("svar for en klage som kom etter fristen: tas den likevel under behandling (fvl. § 31)?")},
    {'v', 0, "v", N_("vurdering"), A_REVIEW, 1, N_("kommunens vurdering (fvl. § 33): opprettholdt, eller endret ved et nytt vedtak")},
    {'o', 0, "o", N_("sendt"), A_SEND, 1, N_("dagen klagen ble sendt til Statsforvalteren")},
    {'u', 0, "u", N_("utfall"), A_OUTCOME, 1, N_("utfallet hos Statsforvalteren: opprettholdt, endret eller opphevet")},
    TUI_KEYS_HELP,
    TUI_KEYS_BACK,
    {0, 0, NULL, NULL, 0, 0, NULL, NULL}};

typedef struct {
    tui_screen base;
    char title[160];
    int64_t pid;
    sv_appeal *rows;
    int n, cur, top;
} ap_screen;

static int collect(const sv_appeal *a, void *ctx)
{
    ap_screen *as = ctx;
    as->rows = sv_xrealloc(as->rows, sizeof *as->rows * (size_t)(as->n + 1));
    as->rows[as->n++] = *a;
    return 0;
}

static void load(ap_screen *as)
{
    free(as->rows);
    as->rows = NULL;
    as->n = 0;
    sv_err e;
    sv_err_clear(&e);
    if (sv_appeal_each(TUI.st, 0, as->pid, collect, as, &e)) tui_msg(1, "%s", e.msg);
    if (as->cur >= as->n) as->cur = as->n ? as->n - 1 : 0;
}

/* The lines of one appeal: its head, then its deadlines and steps. */
static int lines(const sv_appeal *a, char out[][200], int max)
{
    char rec[11], dl[11], fw[11], d1[11];
    sv_date_nor(a->received_on, rec);
    sv_date_nor(a->appeal_deadline, dl);
    sv_date_nor(a->forward_due, fw);
    int n = 0;
    snprintf(out[n++], 200, _("Klage nr. %lld over vedtak nr. %lld (%s), mottatt %s: %s"), (long long)a->id,
             (long long)a->decision_id, a->decision_kind, rec, sv_appeal_state(a));
    if (a->appeal_deadline != SV_NODATE)
        snprintf(out[n++], 200, _("  Klagefrist %s (fvl. § 29)%s"), dl, a->late ? _(": kom for sent, se § 31") : "");
    else
        snprintf(out[n++], 200, "%s", _("  Klagefrist: ikke underrettet ennå (fvl. § 29)"));
    if (a->late && a->late_considered >= 0)
        snprintf(out[n++], 200, _("  § 31: %s - %s"), a->late_considered ? _("behandles likevel") : _("behandles ikke"),
                 a->late_reason);
    if (!a->review[0] || (!strcmp(a->review, "opprettholdt") && a->sent_on == SV_NODATE))
        snprintf(out[n++], 200, _("  Sendes Statsforvalteren senest %s (fvl. § 33)%s"), fw,
                 sv_today() > a->forward_due ? _(" - FORFALT") : "");
    if (a->review[0]) {
        sv_date_nor(a->reviewed_on, d1);
        snprintf(out[n++], 200, _("  Kommunens vurdering %s: %s"), d1, sv_appeal_result_label(a->review));
    }
    if (a->sent_on != SV_NODATE) {
        sv_date_nor(a->sent_on, d1);
        snprintf(out[n++], 200, _("  Sendt til Statsforvalteren %s"), d1);
    }
    if (a->outcome[0]) {
        sv_date_nor(a->outcome_on, d1);
        snprintf(out[n++], 200, _("  Utfall %s: %s"), d1, sv_appeal_result_label(a->outcome));
    }
    (void)max;
    return n;
}

static void draw(tui_screen *s, WINDOW *w, int h, int wd)
{
    ap_screen *as = (ap_screen *)s;
    if (!as->n) {
        tui_put(w, 1, 1, wd - 2, _("Ingen klager er registrert i saken. a registrerer en."), 0);
        return;
    }
    if (as->cur < as->top) as->top = as->cur;
    int y = 0;
    for (int i = as->top; i < as->n && y < h; i++) {
        char l[8][200];
        int n = lines(&as->rows[i], l, 8);
        for (int k = 0; k < n && y < h; k++, y++) {
            int sel = i == as->cur && k == 0;
            if (sel) wattron(w, A_REVERSE);
            tui_put(w, y, 0, wd, l[k], sel);
            if (sel) wattroff(w, A_REVERSE);
        }
        if (i == as->cur && y >= h && as->top < as->cur) as->top++;
    }
}

static int ask_date(const char *label, sv_date *out)
{
    char buf[32] = "";
    if (!tui_prompt(label, buf, sizeof buf)) return 0;
    if (sv_date_parse(buf, out) || *out == SV_NODATE) {
        tui_msg(1, _("%s: «%s» er ikke en dato (skriv dd.mm.åååå)"), label, buf);
        return 0;
    }
    return 1;
}

static void done(ap_screen *as, int rc, const sv_err *e, const char *ok)
{
    if (rc) tui_msg(1, "%s", e->msg);
    else tui_msg(0, "%s", ok);
    load(as);
}

static void add(ap_screen *as)
{
    char nr[24] = "", grounds[2001] = "";
    sv_date on;
    if (!tui_prompt(_("Vedtak nr."), nr, sizeof nr)) return;
    if (!ask_date(_("Mottatt dato"), &on)) return;
    if (!tui_prompt(_("Klagegrunner"), grounds, sizeof grounds)) return;
    sv_err e;
    sv_err_clear(&e);
    const sv_user *u = sv_store_user(TUI.st);
    int rc = sv_appeal_add(TUI.st, u ? u->municipality_id : 0, strtoll(nr, NULL, 10), on, grounds, NULL, &e);
    done(as, rc, &e, _("Klagen er lagret."));
    if (!rc) as->cur = as->n ? as->n - 1 : 0;
}

static int key(tui_screen *s, int act, int ch)
{
    (void)ch;
    ap_screen *as = (ap_screen *)s;
    const sv_appeal *a = as->n ? &as->rows[as->cur] : NULL;
    sv_err e;
    sv_err_clear(&e);
    char buf[501] = "";
    sv_date on;
    switch (act) {
    case TA_UP: if (as->cur > 0) as->cur--; break;
    case TA_DOWN: if (as->cur + 1 < as->n) as->cur++; break;
    case TA_HOME: as->cur = 0; break;
    case TA_END: as->cur = as->n ? as->n - 1 : 0; break;
    case A_ADD: add(as); break;
    case A_LATE: {
        if (!a) break;
        int c = tui_ask(_("Sen klage (fvl. § 31)"), _("Tas klagen likevel under behandling? (j/n)"), "jn");
        if (c != 'j' && c != 'n') break;
        if (!tui_prompt(_("Begrunnelse"), buf, sizeof buf)) break;
        done(as, sv_appeal_late(TUI.st, a->id, c == 'j', buf, &e), &e, _("Svaret om den sene klagen er lagret."));
        break;
    }
    case A_REVIEW: {
        if (!a) break;
        int c = tui_ask(_("Kommunens vurdering (fvl. § 33)"), _("o: opprettholdt (sendes Statsforvalteren), e: endret ved nytt vedtak"),
                        "oe");
        if (c != 'o' && c != 'e') break;
        if (!ask_date(_("Vurdert dato"), &on)) break;
        long long nd = 0;
        if (c == 'e') {
            if (!tui_prompt(_("Nytt vedtak nr."), buf, sizeof buf)) break;
            nd = strtoll(buf, NULL, 10);
        }
        done(as, sv_appeal_review(TUI.st, a->id, c == 'o' ? "opprettholdt" : "endret", on, nd, &e), &e,
             _("Kommunens vurdering er lagret."));
        break;
    }
    case A_SEND:
        if (a && ask_date(_("Sendt dato"), &on))
            done(as, sv_appeal_send(TUI.st, a->id, on, &e), &e, _("Oversendelsen til Statsforvalteren er lagret."));
        break;
    case A_OUTCOME: {
        if (!a) break;
        int c = tui_ask(_("Utfall hos Statsforvalteren"), _("o: opprettholdt, e: endret, h: opphevet og sendt tilbake"), "oeh");
        if (c != 'o' && c != 'e' && c != 'h') break;
        if (!ask_date(_("Utfallsdato"), &on)) break;
        const char *r = c == 'o' ? "opprettholdt" : c == 'e' ? "endret" : "opphevet";
        done(as, sv_appeal_outcome(TUI.st, a->id, r, on, "", &e), &e, _("Utfallet er lagret."));
        break;
    }
    case TA_BACK: return 1;
    default: break;
    }
    return 0;
}

static void destroy(tui_screen *s)
{
    ap_screen *as = (ap_screen *)s;
    free(as->rows);
    free(as);
}

tui_screen *tui_appeal_new(int64_t participant_id, const char *name)
{
    sv_err e;
    sv_err_clear(&e);
    if (sv_store_authorize(TUI.st, SV_OP_APPEAL_READ, 0, &e)) {
        tui_msg(1, "%s", e.msg);
        return NULL;
    }
    ap_screen *as = sv_xcalloc(1, sizeof *as);
    snprintf(as->title, sizeof as->title, _("Klager: %s"), name);
    as->base = (tui_screen){as->title, KEYS, draw, key, NULL, destroy, 0,
                            N_("Klager over sakens vedtak (forvaltningsloven §§ 28-34): klagefristen etter § 29, "
                               "sen klage etter § 31, kommunens vurdering og fristen for å sende klagen videre etter § 33, "
                               "og utfallet hos Statsforvalteren.")};
    as->base.keymap = "appeal";
    as->pid = participant_id;
    load(as);
    return &as->base;
}
