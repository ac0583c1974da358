/* `show`: a whole case as plain text, and `start` until the screens take over. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/case.h"
#include "../core/fnr.h"
#include "../core/notice.h"
#include "../forms/forms.h"
#include "../core/absence.h"
#include "../core/contract.h"
#include "../core/leave.h"
#include "cli.h"
#include "../core/i18n.h"

static void fields(const sv_entity *ent, const void *obj, const char *indent)
{
    char buf[4200];
    for (int i = 0; i < ent->nfields; i++) {
        const sv_field *f = &ent->fields[i];
        if (sv_field_is_empty(f, obj)) continue;
        char lab[120];
        sv_field_format(f, obj, buf, sizeof buf, 1);
        printf("%s%s %s\n", indent, sv_utf8_pad(lab, sizeof lab, _(f->label), 28), buf);
    }
}

static void show_line(const char *label, const char *value)
{
    char lab[120];
    printf("  %s %s\n", sv_utf8_pad(lab, sizeof lab, label, 28), value);
}

static void date_line(const char *label, sv_date d)
{
    char t[11];
    if (d == SV_NODATE) return;
    sv_date_nor(d, t);
    show_line(label, t);
}

static int show_change(const char *at, const char *login, const char *what, const char *action, const char *fields, void *ctx)
{
    int *n = ctx;
    if (!(*n)++) printf(_("\nEndret siden siste vedtak\n"));
    printf(_("  %s %s: %s %s%s%s\n"), at, login, what,
           !strcmp(action, "insert") ? _("lagt til") : !strcmp(action, "delete") ? _("slettet") : _("endret"),
           fields[0] && !strcmp(action, "update") ? ": " : "", !strcmp(action, "update") ? fields : "");
    return 0;
}

int cmd_show(sv_cli *c, int argc, char **argv)
{
    int show_fnr = 0;
    int64_t id = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--show-fnr")) show_fnr = 1;
        else if (!strcmp(argv[i], "--tsv")) continue;
        else if (!id && (id = cli_id(argv[i]))) continue;
        else return cli_usage(_("bruk: stegvis show ID [--show-fnr]"));
    }
    if (!id) return cli_usage(_("bruk: stegvis show ID [--show-fnr]"));
    sv_case cs;
    sv_err e;
    sv_err_clear(&e);
    if (sv_case_load(c->st, id, &cs, &e)) return cli_fail(&e);
    sv_deadlines d;
    sv_case_derive(&cs, sv_today(), &d);
    char fnr[12];
    if (show_fnr) snprintf(fnr, sizeof fnr, "%s", cs.p.fnr);
    else sv_fnr_mask(cs.p.fnr, fnr);
    printf(_("Deltaker nr. %lld: %s (%s), %s %s\n"), (long long)cs.p.m.id, cs.p.name, fnr, cs.muni.number, cs.muni.name);
    show_line(_("Lov"), sv_law_code(sv_participant_law(&cs.p)));
    char line[200];
    snprintf(line, sizeof line, _("steg %d, %s"), d.step, sv_plan_status_label(d.status));
    show_line(_("Status"), line);
    date_line(_("Plan skal vedtas innen"), d.plan_due);
    date_line(_("Neste vurdering innen"), d.review_due);
    date_line(_("Registrering i NIR innen"), d.nir_due);
    date_line(_("Programmet slutter"), d.programme_end);
    if (cs.p.m.updated_by[0]) {
        snprintf(line, sizeof line, _("%s %s (versjon %d)"), cs.p.m.updated_by, cs.p.m.updated_at, cs.p.m.version);
        show_line(_("Sist endret"), line);
    }
    /* The identity number is shown masked above; leave it out of the field dump. */
    char saved[12];
    memcpy(saved, cs.p.fnr, sizeof saved);
    cs.p.fnr[0] = '\0';
    fields(&SV_ENT_PARTICIPANT, &cs.p, "  ");
    memcpy(cs.p.fnr, saved, sizeof saved);
    if (cs.has_assessment) {
        printf(_("\nKartlegging (nr. %lld)\n"), (long long)cs.assessment.m.id);
        fields(&SV_ENT_ASSESSMENT, &cs.assessment, "  ");
    }
    if (cs.nneeds) printf(_("\nOpplæringsbehov\n"));
    for (int i = 0; i < cs.nneeds; i++)
        printf(_("  nr. %-5lld %s: %s\n"), (long long)cs.needs[i].m.id, cs.needs[i].area, cs.needs[i].description);
    if (cs.has_plan) {
        printf(_("\nPlan (nr. %lld, innholdsversjon %d)\n"), (long long)cs.plan.m.id, cs.plan.rev);
        fields(&SV_ENT_PLAN, &cs.plan, "  ");
        for (int i = 0; i < cs.nphases; i++) {
            sv_case_phase *ph = &cs.phases[i];
            char a[11], b[11];
            sv_date_nor(ph->phase.start_on, a);
            sv_date_nor(ph->phase.end_on, b);
            int h = sv_phase_hours(ph);
            printf(_("  Fase nr. %lld: %s, %s-%s, %d,%d t/uke\n"), (long long)ph->phase.m.id, ph->phase.name, a, b, h / 10, h % 10);
            for (int j = 0; j < ph->nmeasures; j++) {
                sv_case_measure *cm = &ph->measures[j];
                printf(_("    tiltak nr. %lld: %s, %d,%d t/uke (behov: %s)\n"), (long long)cm->pm.m.id, cm->measure.name,
                       cm->pm.hours / 10, cm->pm.hours % 10, cm->need.description[0] ? cm->need.description : _("ikke koblet"));
            }
        }
    }
    for (int i = 0; i < cs.nfollowups; i++) {
        char t[11];
        sv_date_nor(cs.followups[i].held_on, t);
        printf(_("%sOppfølging %s med %s: %.60s\n"), i ? "" : "\n", t, cs.followups[i].with_whom, cs.followups[i].notes);
    }
    for (int i = 0; i < cs.nreviews; i++) {
        char t[11];
        sv_date_nor(cs.reviews[i].held_on, t);
        printf("%sVurdering %s (%s): %.60s\n", i ? "" : "\n", t, cs.reviews[i].reason, cs.reviews[i].outcome);
    }
    for (int i = 0; i < cs.nabsences; i++) {
        char a[11], b[11];
        sv_date_nor(cs.absences[i].from_on, a);
        sv_date_nor(cs.absences[i].to_on, b);
        printf("%s%s %s-%s: %s\n", i ? "" : "\n", cs.absences[i].kind, a, b, cs.absences[i].reason);
    }
    for (int i = 0; i < cs.nleaves; i++) {
        char line[400];
        sv_leave_line(&cs.leaves[i], line, sizeof line);
        printf(_("%sPermisjon nr. %lld: %s\n"), i ? "" : "\n", (long long)cs.leaves[i].m.id, line);
    }
    if (cs.nleaves) {
        char line[400];
        if (sv_leave_effect_line(c->st, cs.p.m.id, line, sizeof line, &e) == SV_OK && line[0]) printf("  %s\n", line);
    }
    {
        char month[300], due[400];
        if (sv_abs_case_lines(c->st, cs.p.m.id, sv_today(), month, sizeof month, due, sizeof due, &e) == SV_OK) {
            if (month[0]) printf("\n%s\n", month);
            if (due[0]) printf("%s%s\n", month[0] ? "" : "\n", due);
        }
        char contract[300];
        if (sv_contract_case_line(c->st, cs.p.m.id, contract, sizeof contract, &e) == SV_OK && contract[0])
            printf("\n%s\n", contract);
    }
    if (cs.has_evaluation) {
        printf(_("\nSluttevaluering\n"));
        fields(&SV_ENT_EVALUATION, &cs.evaluation, "  ");
    }
    for (int i = 0; i < cs.ndecisions; i++) {
        sv_decision *dc = &cs.decisions[i];
        char t[11];
        sv_date_nor(dc->decided_on, t);
        printf(_("%sVedtak nr. %lld %s: %s av %s (planversjon %d, %s)\n"), i ? "" : _("\nVedtak\n"), (long long)dc->id, t,
               sv_code_label(SV_CODES_DECISION_KIND, dc->kind), dc->decided_by, dc->plan_rev, dc->uuid);
        sv_notice n;
        if (sv_notice_current(c->st, dc->id, &n, &e) == SV_OK && n.notified_on != SV_NODATE) {
            char a[11], b[11];
            sv_date_nor(n.notified_on, a);
            sv_date_nor(n.appeal_deadline, b);
            printf(_("    underrettet %s (%s)%s, klagefrist %s\n"), a, sv_code_label(SV_CODES_NOTIFY, n.method),
                   n.id ? _(", registrert etter vedtaket") : "", b);
        } else {
            printf(_("    ikke underrettet ennå (registrer med stegvis notify %lld)\n"), (long long)dc->id);
        }
    }
    /* what changed since the last decision (a significant change needs a new one) */
    if (cs.ndecisions && cs.has_plan) {
        int n = 0;
        sv_case_changes_since_decision(c->st, &cs, show_change, &n, &e);
        if (!n) printf(_("\nIngen endringer i planen siden siste vedtak.\n"));
    }
    sv_case_free(&cs);
    return 0;
}
