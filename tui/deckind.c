/* The kind's own fields on the decision screen (see deckind.h). What is valid is core's to
 * say: the screen shows what is missing, and sv_vedtak_kind_check's message (naming the field)
 * when the draft is built; the advance notice is recorded through core/advnotice.c, which
 * checks the role, the dates and the reason. */
#include "deckind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/advnotice.h"
#include "../forms/forms.h"
#include "tui.h"

static int is(const char *kind, const char *k)
{
    return kind && !strcmp(kind, k);
}

void tui_deckind_clear(tui_deckind *k)
{
    memset(k, 0, sizeof *k);
    k->from = k->to = SV_NODATE;
}

static void line(tui_decline *out, int *n, int max, int field, int warn, const char *label, const char *value)
{
    if (*n >= max) return;
    out[*n].field = field;
    out[*n].warn = warn;
    char *t = out[*n].text;
    size_t size = sizeof out[*n].text;
    /* the label padded to the column of the screen's other fields, counted in characters
     * (the labels are letters of one column each; printf's width counts bytes) */
    int chars = 0;
    for (const char *c = label; *c; c++) chars += ((unsigned char)*c & 0xC0) != 0x80;
    int k = snprintf(t, size, "%s%*s", label, chars < 14 ? 14 - chars : 1, "");
    size_t at = k > 0 && (size_t)k < size ? (size_t)k : 0, len = strlen(value);
    if (at + len < size) memcpy(t + at, value, len + 1);
    else {
        /* a long notice text: cut on a character boundary and say so (the whole text is in
         * `stegvis forewarn list` and the letter) */
        size_t cut = size - at - 4;
        while (cut > 0 && ((unsigned char)value[cut] & 0xC0) == 0x80) cut--;
        memcpy(t + at, value, cut);
        memcpy(t + at + cut, "…", 4);
    }
    (*n)++;
}

static void date_line(tui_decline *out, int *n, int max, int field, const char *label, sv_date d, int needed)
{
    char t[11];
    sv_date_nor(d, t);
    line(out, n, max, field, needed && d == SV_NODATE, label, d != SV_NODATE ? t : needed ? _("- (må fylles ut)") : "-");
}

static const char *label_of(const sv_code *codes, const char *code, int needed)
{
    if (code[0]) return _(sv_code_label(codes, code));
    return needed ? _("- (må fylles ut)") : "-";
}

/* The advance notice in force for kind, as a line of its own. */
static void advance_line(int64_t pid, const char *kind, tui_decline *out, int *n, int max)
{
    sv_err e;
    sv_err_clear(&e);
    sv_advnotice a;
    char text[4200];
    int warn = 0;
    if (sv_advnotice_current(TUI.st, pid, kind, &a, &e) != SV_OK) {
        snprintf(text, sizeof text, _("(kan ikke leses: %s)"), e.msg);
        warn = 1;
    } else if (!a.id) {
        snprintf(text, sizeof text, "%s", _("ikke sendt (forvaltningsloven § 16; Enter: send, registrer svar eller unntak)"));
        warn = 1;
    } else {
        sv_advnotice_line(&a, text, sizeof text);
        warn = !sv_advnotice_period_run(&a, sv_today());
    }
    line(out, n, max, TDK_ADVANCE, warn, _("Forhåndsvarsel:"), text);
}

int tui_deckind_lines(const tui_deckind *k, int64_t pid, const char *kind, tui_decline *out, int max)
{
    int n = 0;
    if (is(kind, "stans")) {
        line(out, &n, max, TDK_STOP_KIND, !k->stop_kind[0], _("Stanstype:"), label_of(SV_CODES_STOP_KIND, k->stop_kind, 1));
        date_line(out, &n, max, TDK_FROM, _("Stans fra:"), k->from, 1);
        if (strcmp(k->stop_kind, "varig")) date_line(out, &n, max, TDK_TO, _("Stans til:"), k->to, 1);
    } else if (is(kind, "permisjon")) {
        date_line(out, &n, max, TDK_FROM, _("Permisjon fra:"), k->from, 1);
        date_line(out, &n, max, TDK_TO, _("Permisjon til:"), k->to, 1);
    } else if (is(kind, "trekk")) {
        date_line(out, &n, max, TDK_FROM, _("Trekk for:"), k->from, 1);
    } else if (is(kind, "avslutning")) {
        line(out, &n, max, TDK_END_REASON, !k->end_reason[0], _("Avslutning:"), label_of(SV_CODES_END_REASON, k->end_reason, 1));
        date_line(out, &n, max, TDK_FROM, _("Siste dag:"), k->from, 1);
    }
    if (kind && sv_advnotice_needed(kind)) advance_line(pid, kind, out, &n, max);
    return n;
}

/* A pick from codes, leaving out `skip` (an end reason that is a decision of its own). */
static int pick_code(const char *title, const sv_code *codes, const char *skip, char *out, size_t size)
{
    const char *items[24];
    int map[24], n = 0, cur = 0;
    for (int i = 0; codes[i].code && n < 24; i++) {
        if (skip && !strcmp(codes[i].code, skip)) continue;
        if (!strcmp(codes[i].code, out)) cur = n;
        items[n] = _(codes[i].label);
        map[n++] = i;
    }
    int c = tui_pick(title, items, n, cur);
    if (c < 0) return 0;
    snprintf(out, size, "%s", codes[map[c]].code);
    return 1;
}

/* A date typed as dd.mm.åååå; empty clears it. Bad input is refused with the field named. */
static int ask_date(const char *label, sv_date *d)
{
    char buf[40];
    sv_date_nor(*d, buf);
    char prompt[120];
    snprintf(prompt, sizeof prompt, _("%s (dd.mm.åååå; tomt fjerner datoen)"), label);
    if (!tui_prompt(prompt, buf, sizeof buf)) return 0;
    if (!buf[0]) {
        *d = SV_NODATE;
        return 1;
    }
    sv_date v;
    if (sv_date_parse(buf, &v) != 0 || v == SV_NODATE) {
        tui_msg(1, _("%s «%s» er ikke en gyldig dato (dd.mm.åååå)"), label, buf);
        return 0;
    }
    *d = v;
    return 1;
}

static int advance_send(int64_t pid, const char *kind)
{
    sv_date sent = sv_today(), by = sv_today() + 14;
    if (!ask_date(_("Forhåndsvarsel sendt:"), &sent) || !ask_date(_("Svarfrist:"), &by)) return 0;
    char *text = tui_textedit(_("Hva forhåndsvarselet sier (hva vedtaket vil gå ut på, og hvorfor)"), "", 1000);
    if (!text) return 0;
    sv_err e;
    sv_err_clear(&e);
    sv_advnotice a;
    int rc = sv_advnotice_send(TUI.st, pid, kind, sent, by, text, &a, &e);
    free(text);
    if (rc != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return 0;
    }
    char l[4200];
    sv_advnotice_line(&a, l, sizeof l);
    tui_msg(2, _("Forhåndsvarsel nr. %lld er registrert: %s"), (long long)a.id, l);
    return 1;
}

static int advance_answer(int64_t pid, const char *kind)
{
    sv_err e;
    sv_err_clear(&e);
    sv_advnotice a;
    if (sv_advnotice_current(TUI.st, pid, kind, &a, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return 0;
    }
    if (!a.id || a.exception[0]) {
        tui_msg(1, "%s", _("Svar: det er ikke sendt noe forhåndsvarsel å svare på; send det først"));
        return 0;
    }
    sv_date on = sv_today();
    if (!ask_date(_("Deltakeren svarte:"), &on)) return 0;
    char *text = tui_textedit(_("Hva deltakeren svarte"), "", 2000);
    if (!text) return 0;
    int rc = sv_advnotice_answer(TUI.st, a.id, on, text, &a, &e);
    free(text);
    if (rc != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return 0;
    }
    tui_msg(2, _("Svaret på forhåndsvarsel nr. %lld er registrert."), (long long)a.id);
    return 1;
}

static int advance_except(int64_t pid, const char *kind)
{
    static const char *const items[] = {
        N_("a: varsel er ikke praktisk mulig, eller kan sette vedtakets gjennomføring i fare"),
        N_("b: vedtaket er ikke til skade for deltakeren, og ingen innvending er å vente"),
        N_("c: deltakeren kjenner saken og har hatt rimelig tid til å uttale seg, eller varsel er åpenbart unødvendig")};
    const char *shown[3];
    for (int i = 0; i < 3; i++) shown[i] = _(items[i]);
    int c = tui_pick(_("Unntak fra forhåndsvarsel (forvaltningsloven § 16 tredje ledd)"), shown, 3, 0);
    if (c < 0) return 0;
    char *text = tui_textedit(_("Hvorfor unntaket gjelder i denne saken"), "", 1000);
    if (!text) return 0;
    const char code[2] = {(char)('a' + c), 0};
    sv_err e;
    sv_err_clear(&e);
    sv_advnotice a;
    int rc = sv_advnotice_except(TUI.st, pid, kind, code, text, &a, &e);
    free(text);
    if (rc != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return 0;
    }
    tui_msg(2, _("Unntaket (bokstav %s) er registrert som forhåndsvarsel nr. %lld."), code, (long long)a.id);
    return 1;
}

static int edit_advance(int64_t pid, const char *kind)
{
    const char *items[] = {_("Send forhåndsvarsel (dato, svarfrist og innhold)"), _("Registrer deltakerens svar"),
                           _("Registrer unntak fra forhåndsvarsel")};
    int c = tui_pick(_("Forhåndsvarsel"), items, 3, 0);
    if (c == 0) return advance_send(pid, kind);
    if (c == 1) return advance_answer(pid, kind);
    if (c == 2) return advance_except(pid, kind);
    return 0;
}

int tui_deckind_edit(tui_deckind *k, int64_t pid, const char *kind, int field)
{
    switch (field) {
    case TDK_STOP_KIND: {
        int r = pick_code(_("Stanstype"), SV_CODES_STOP_KIND, NULL, k->stop_kind, sizeof k->stop_kind);
        if (r && !strcmp(k->stop_kind, "varig")) k->to = SV_NODATE;   /* a permanent stop has no end */
        return r;
    }
    case TDK_FROM:
        return ask_date(is(kind, "stans")       ? _("Stans fra:")
                        : is(kind, "permisjon") ? _("Permisjon fra:")
                        : is(kind, "trekk")     ? _("Trekk for (første dag i måneden):")
                                                : _("Siste dag:"),
                        &k->from);
    case TDK_TO: return ask_date(is(kind, "stans") ? _("Stans til:") : _("Permisjon til:"), &k->to);
    case TDK_END_REASON:
        return pick_code(_("Avslutningsgrunn"), SV_CODES_END_REASON, "stans", k->end_reason, sizeof k->end_reason);
    case TDK_ADVANCE: return edit_advance(pid, kind);
    }
    return 0;
}

void tui_deckind_in(const tui_deckind *k, const char *kind, sv_vedtak_in *in)
{
    in->stop_kind = is(kind, "stans") ? k->stop_kind : NULL;
    in->end_reason = is(kind, "avslutning") ? k->end_reason : NULL;
    int dated = is(kind, "stans") || is(kind, "permisjon") || is(kind, "avslutning") || is(kind, "trekk");
    in->period_from = dated ? k->from : SV_NODATE;
    in->period_to = is(kind, "permisjon") || (is(kind, "stans") && strcmp(k->stop_kind, "varig")) ? k->to : SV_NODATE;
}

void tui_deckind_draft_put(const tui_deckind *k, sv_buf *b)
{
    char f[11] = "", t[11] = "";
    if (k->from != SV_NODATE) sv_date_iso(k->from, f);
    if (k->to != SV_NODATE) sv_date_iso(k->to, t);
    sv_buf_printf(b, "stop_kind\t%s\nfrom\t%s\nto\t%s\nend_reason\t%s\n", k->stop_kind, f, t, k->end_reason);
}

int tui_deckind_draft_get(tui_deckind *k, const char *key, const char *value)
{
    if (!strcmp(key, "stop_kind")) {
        if (sv_code_valid(SV_CODES_STOP_KIND, value)) snprintf(k->stop_kind, sizeof k->stop_kind, "%s", value);
    } else if (!strcmp(key, "end_reason")) {
        if (sv_code_valid(SV_CODES_END_REASON, value)) snprintf(k->end_reason, sizeof k->end_reason, "%s", value);
    } else if (!strcmp(key, "from") || !strcmp(key, "to")) {
        sv_date d;
        if (sv_date_parse(value, &d) != 0) d = SV_NODATE;
        *(!strcmp(key, "from") ? &k->from : &k->to) = d;
    } else
        return 0;
    return 1;
}
