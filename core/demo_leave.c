/* Leave decisions for the demo (demo_leave.h). */
#include "demo_leave.h"

#include <stdio.h>
#include <string.h>

#include "../forms/forms.h"

static int save(sv_store *st, int64_t pid, const char *kind, sv_date from, sv_date to, const char *why, sv_err *e)
{
    sv_leave l;
    sv_entity_blank(&SV_ENT_LEAVE, &l);
    l.m.parent = pid;
    snprintf(l.kind, sizeof l.kind, "%s", kind);
    l.from_on = from;
    l.to_on = to;
    l.granted = 1;
    l.decided_on = from - 7;
    snprintf(l.reason, sizeof l.reason, "%s", why);
    return sv_row_save(st, &SV_ENT_LEAVE, &l, e) ? -1 : 1;
}

int sv_demo_leave(sv_store *st, int64_t pid, const char *reason, sv_date from, sv_date start, sv_date end, sv_date today,
                  sv_err *e)
{
    if (from == SV_NODATE || start == SV_NODATE || end == SV_NODATE || from < start || from - 7 > today ||
        from - 7 > sv_today())
        return 0;
    if (!strcmp(reason, "velferd")) {
        sv_date to = sv_date_add_workdays(from, 3);
        if (to > end) return 0;
        return save(st, pid, "velferd", sv_date_next_workday(from), to, "Velferdspermisjon med stønad etter søknad.", e);
    }
    sv_date a = sv_date_next_workday(from), b = sv_date_add_workdays(from, 20);
    if (b > end) return 0;
    int n = save(st, pid, "fodsel_mor", a, b, "Fri etter fødselen med introduksjonsstønad.", e);
    if (n < 0) return -1;
    /* care leave of three months after the birth leave, for one in three: it prolongs the
     * programme (its days are taken out of the programme time) */
    sv_date c = b + 1, d = sv_date_add_months(b + 1, 3) - 1;
    if (pid % 3 || d > end || c - 7 > today || c - 7 > sv_today()) return n;
    int m = save(st, pid, "omsorg", c, d, "Omsorgspermisjon uten stønad etter fødselen; programmet forlenges.", e);
    return m < 0 ? -1 : n + m;
}
