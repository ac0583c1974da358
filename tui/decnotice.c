/* The notification of an issued decision on the decision screen: shown as a field (notified
 * when and how, and the appeal deadline that runs from it), recorded when it happens through
 * core (notice.h: append-only, a later record corrects an earlier one, never before the
 * decision nor after today). The screen never claims a notification the user did not give. */
#include <stdio.h>
#include <string.h>

#include "../core/notice.h"
#include "../forms/forms.h"
#include "tui.h"

int tui_notice_line(const sv_decision *d, char *buf, size_t size)
{
    sv_err e;
    sv_err_clear(&e);
    sv_notice n;
    if (sv_notice_current(TUI.st, d->id, &n, &e) != SV_OK) {
        snprintf(buf, size, _("Underrettet: (kan ikke leses: %s)"), e.msg);
        return -1;
    }
    if (n.notified_on == SV_NODATE) {
        snprintf(buf, size, "%s", _("Underrettet: ikke ennå – Enter her (eller u) når deltakeren har fått vedtaket"));
        return 0;
    }
    char a[11], b[11];
    sv_date_nor(n.notified_on, a);
    sv_date_nor(n.appeal_deadline, b);
    snprintf(buf, size, _("Underrettet: %s (%s), klagefrist %s"), a, _(sv_code_label(SV_CODES_NOTIFY, n.method)), b);
    return 1;
}

int tui_notice_record(const sv_decision *d)
{
    char day[40];
    sv_date_nor(sv_today(), day);
    if (!tui_prompt(_("Deltakeren fikk vedtaket (dato, dd.mm.åååå)"), day, sizeof day)) return 0;
    sv_date on;
    if (sv_date_parse(day, &on) != 0 || on == SV_NODATE) {
        tui_msg(1, _("Underrettet: «%s» er ikke en gyldig dato (dd.mm.åååå)"), day);
        return 0;
    }
    const char *items[8];
    int n = 0, cur = 0;
    for (; SV_CODES_NOTIFY[n].code && n < 8; n++) {
        items[n] = _(SV_CODES_NOTIFY[n].label);
        if (!strcmp(SV_CODES_NOTIFY[n].code, d->notify_method)) cur = n;
    }
    int k = tui_pick(_("Underretning"), items, n, cur);
    if (k < 0) return 0;
    sv_err e;
    sv_err_clear(&e);
    sv_notice rec;
    if (sv_notice_record(TUI.st, d->id, on, SV_CODES_NOTIFY[k].code, "", &rec, &e) != SV_OK) {
        tui_msg(1, "%s", e.msg);
        return 0;
    }
    char a[11], b[11];
    sv_date_nor(rec.notified_on, a);
    sv_date_nor(rec.appeal_deadline, b);
    tui_msg(2, _("Vedtak nr. %lld: underrettet %s (%s). Klagefristen går ut %s."), (long long)d->id, a,
            _(sv_code_label(SV_CODES_NOTIFY, rec.method)), b);
    return 1;
}
