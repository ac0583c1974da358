/* `decide` and `export`: issuing a decision through the rule gate, and writing the
 * stored documents out. `check` and `checklist` are in cmd_check.c. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/arkiv.h"
#include "../core/chain.h"
#include "../core/decision.h"
#include "../core/issue.h"
#include "../core/notice.h"
#include "../forms/forms.h"
#include "cli.h"
#include "../core/i18n.h"
#include "../core/manifest.h"
#include "../core/split.h"
#include "../core/priv.h"
#include "../core/privfile.h"

/* Option value: "--name value" or "--name=value"; advances *i. NULL if not this option. */
static const char *opt(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n)) return NULL;
    if (argv[*i][n] == '=') return argv[*i] + n + 1;
    if (argv[*i][n]) return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

static void print_results(const sv_issue *r)
{
    for (int i = 0; r->rs && r->results && i < r->rs->nrules; i++) {
        const sv_rule_result *x = &r->results[i];
        if (x->outcome != SV_R_VIOLATION && x->outcome != SV_R_REMARK) continue;
        fprintf(stderr, _("  %s %s (%s, %s): %s\n    Funnet: %s\n    Rett opp: %s\n"), sv_outcome_label(x->outcome), x->rule->id,
                x->rule->control, x->rule->ref, x->rule->question, x->evidence, x->rule->message);
    }
}

#define DECIDE_USAGE                                                                                              \
    "bruk: stegvis decide ID --kind plan|endring|forlengelse|stans|avslag|permisjon|avslutning\n"               \
    "       --notify-method digitalt|post|personlig [--notified DATO] [--date DATO] [--reason TEKST]\n"         \
    "       [--late-reason TEKST] [--stop-type midlertidig|varig] [--from DATO] [--to DATO]\n"                  \
    "       [--end-reason KODE] [--last-day DATO] [--yes]"

int cmd_decide(sv_cli *c, int argc, char **argv)
{
    int64_t id = 0;
    const char *kind = NULL, *method = NULL, *notified = NULL, *date = NULL, *reason = "", *late = "";
    const char *stop = NULL, *from = NULL, *to = NULL, *end = NULL, *last = NULL;
    int yes = 0;
    for (int i = 1; i < argc; i++) {
        int missing = 0;
        const char *v;
        if ((v = opt(argc, argv, &i, "--kind", &missing))) kind = v;
        else if ((v = opt(argc, argv, &i, "--notify-method", &missing))) method = v;
        else if ((v = opt(argc, argv, &i, "--notified", &missing))) notified = v;
        else if ((v = opt(argc, argv, &i, "--date", &missing))) date = v;
        else if ((v = opt(argc, argv, &i, "--reason", &missing))) reason = v;
        else if ((v = opt(argc, argv, &i, "--late-reason", &missing))) late = v;
        else if ((v = opt(argc, argv, &i, "--stop-type", &missing))) stop = v;
        else if ((v = opt(argc, argv, &i, "--from", &missing))) from = v;
        else if ((v = opt(argc, argv, &i, "--to", &missing))) to = v;
        else if ((v = opt(argc, argv, &i, "--end-reason", &missing))) end = v;
        else if ((v = opt(argc, argv, &i, "--last-day", &missing))) last = v;
        else if (missing) return cli_usage(_("%s mangler verdi\n%s"), argv[i], DECIDE_USAGE);
        else if (!strcmp(argv[i], "--yes")) yes = 1;
        else if (!strcmp(argv[i], "--tsv")) continue;
        else if (!id && (id = cli_id(argv[i]))) continue;
        else return cli_usage(_("uventet argument «%s»\n%s"), argv[i], DECIDE_USAGE);
    }
    if (!id || !kind || !method) return cli_usage("%s", DECIDE_USAGE);
    sv_err e;
    sv_err_clear(&e);
    if (!sv_code_valid(SV_CODES_DECISION_KIND, kind))
        return sv_err_set(&e, SV_EINVAL, "kind",
                          _("--kind: «%s» er ikke gyldig (plan, endring, forlengelse, stans, avslag, permisjon, avslutning)"), kind),
               cli_fail(&e);
    if (!sv_code_valid(SV_CODES_NOTIFY, method))
        return sv_err_set(&e, SV_EINVAL, "notify_method", _("--notify-method: «%s» er ikke gyldig (digitalt, post, personlig)"), method),
               cli_fail(&e);
    sv_vedtak_in in = {.kind = kind, .notify_method = method, .reason = reason, .decided_on = sv_today(),
                       .notified_on = SV_NODATE, .late_reason = late};
    if (date && (sv_date_parse(date, &in.decided_on) || in.decided_on == SV_NODATE))
        return sv_err_set(&e, SV_EINVAL, "decided_on", _("--date: «%s» er ikke en gyldig dato (dd.mm.åååå)"), date), cli_fail(&e);
    if (notified && sv_date_parse(notified, &in.notified_on))
        return sv_err_set(&e, SV_EINVAL, "notified_on", _("--notified: «%s» er ikke en gyldig dato (dd.mm.åååå)"), notified),
               cli_fail(&e);
    in.stop_kind = stop;
    in.end_reason = end;
    in.period_from = in.period_to = SV_NODATE;
    const char *dates[][3] = {{"--from", from, "period_from"}, {"--to", to, "period_to"}, {"--last-day", last, "period_from"}};
    sv_date *slots[] = {&in.period_from, &in.period_to, &in.period_from};
    for (int i = 0; i < 3; i++)
        if (dates[i][1] && (sv_date_parse(dates[i][1], slots[i]) || *slots[i] == SV_NODATE))
            return sv_err_set(&e, SV_EINVAL, dates[i][2], _("%s: «%s» er ikke en gyldig dato (dd.mm.åååå)"), dates[i][0], dates[i][1]),
                   cli_fail(&e);
    if (last && (from || strcmp(kind, "avslutning")))
        return sv_err_set(&e, SV_EINVAL, "period_from", _("--last-day: gjelder bare vedtak om avslutning (bruk ikke --from samtidig)")),
               cli_fail(&e);
    if (from && !strcmp(kind, "avslutning"))
        return sv_err_set(&e, SV_EINVAL, "period_from", _("--from: vedtak om avslutning tar --last-day DATO (siste programdag)")),
               cli_fail(&e);
    if ((from || to) && strcmp(kind, "stans") && strcmp(kind, "permisjon") && strcmp(kind, "avslutning") && strcmp(kind, "trekk"))
        return sv_err_set(&e, SV_EINVAL, from ? "period_from" : "period_to",
                          _("%s: gjelder bare vedtak om stans, permisjon og trekk"), from ? "--from" : "--to"),
               cli_fail(&e);
    sv_issue r;
    int rc = sv_issue_decision(c->st, id, &in, yes, &r, &e);
    if (rc) {
        fprintf(stderr, _("stegvis: %s\n"), e.msg);
        print_results(&r);
        if (!r.violations && r.remarks && !yes) fprintf(stderr, _("Fatt vedtaket likevel med --yes.\n"));
        sv_issue_free(&r);
        return 1;
    }
    print_results(&r);
    char d[11];
    sv_date_nor(r.d.decided_on, d);
    printf("Vedtak nr. %" PRId64 " (%s) fattet %s: %s etter %s.\n", r.d.id, r.d.uuid, d,
           sv_code_label(SV_CODES_DECISION_KIND, r.d.kind), r.d.law);
    if (r.late) printf(_("Vedtaket er fattet etter fristen; bruddet og grunnen for forsinkelsen står i vedtaket.\n"));
    if (r.d.notified_on == SV_NODATE) printf(_("Husk å underrette deltakeren; vedtaket er ikke registrert som underrettet.\n"));
    sv_issue_free(&r);
    return 0;
}

#define NOTIFY_USAGE "bruk: stegvis notify VEDTAK-ID --notified DATO --notify-method digitalt|post|personlig [--note TEKST]"

int cmd_notify(sv_cli *c, int argc, char **argv)
{
    int64_t id = 0;
    const char *method = NULL, *notified = NULL, *note = "";
    for (int i = 1; i < argc; i++) {
        int missing = 0;
        const char *v;
        if ((v = opt(argc, argv, &i, "--notify-method", &missing))) method = v;
        else if ((v = opt(argc, argv, &i, "--notified", &missing))) notified = v;
        else if ((v = opt(argc, argv, &i, "--note", &missing))) note = v;
        else if (missing) return cli_usage(_("%s mangler verdi\n%s"), argv[i], NOTIFY_USAGE);
        else if (!strcmp(argv[i], "--tsv")) continue;
        else if (!id && (id = cli_id(argv[i]))) continue;
        else return cli_usage(_("uventet argument «%s»\n%s"), argv[i], NOTIFY_USAGE);
    }
    if (!id || !method || !notified) return cli_usage("%s", NOTIFY_USAGE);
    sv_err e;
    sv_err_clear(&e);
    sv_date on;
    if (sv_date_parse(notified, &on) || on == SV_NODATE)
        return sv_err_set(&e, SV_EINVAL, "notified_on", _("--notified: «%s» er ikke en gyldig dato (dd.mm.åååå)"), notified),
               cli_fail(&e);
    sv_notice n;
    if (sv_notice_record(c->st, id, on, method, note, &n, &e)) return cli_fail(&e);
    char a[11], b[11];
    sv_date_nor(n.notified_on, a);
    sv_date_nor(n.appeal_deadline, b);
    printf(_("Vedtak nr. %" PRId64 ": underrettet %s (%s), registrert %s av %s. Klagefristen går ut %s.\n"), id, a,
           sv_code_label(SV_CODES_NOTIFY, n.method), n.recorded_at, n.recorded_by, b);
    return 0;
}

/* Writes text to path through a temporary file and rename, so a failed export never leaves a
 * half-written document where the archive would pick it up. Readable by the owner only, with
 * the user's rights: core/privfile.c, the one definition the screens use too. */
static int write_file(const char *path, const char *text, sv_err *e)
{
    return sv_file_write_private(path, text, e);
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* The last decision's stored document, re-validated before it leaves the program. With text
 * non-NULL, also the stored bytes (caller frees): an export is exactly what was issued. */
static xmlDocPtr last_decision(sv_cli *c, int64_t pid, int64_t *did, char **text, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(c->st, "SELECT d.id, p.municipality_id FROM decision d JOIN participant p "
                                              "ON p.id = d.participant_id WHERE d.participant_id = ? "
                                              "ORDER BY d.decided_on DESC, d.id DESC LIMIT 1", e);
    if (!s) return NULL;
    sqlite3_bind_int64(s, 1, pid);
    int64_t muni = 0;
    *did = 0;
    if (sqlite3_step(s) == SQLITE_ROW) {
        *did = sqlite3_column_int64(s, 0);
        muni = sqlite3_column_int64(s, 1);
    }
    sqlite3_reset(s);
    if (!*did) {
        sv_err_set(e, SV_ENOTFOUND, NULL, "Deltaker nr. %" PRId64 " har ikke noe fattet vedtak (eller finnes ikke)", pid);
        return NULL;
    }
    if (sv_store_authorize(c->st, SV_OP_READ, muni, e)) return NULL;
    char *xml = sv_decision_xml(c->st, *did, e);
    if (!xml) return NULL;
    char name[64];
    snprintf(name, sizeof name, "vedtak nr. %" PRId64, *did);
    xmlDocPtr doc = sv_vedtak_parse(xml, strlen(xml), name, e);
    if (doc && text) *text = xml;
    else free(xml);
    return doc;
}

/* The head of the hash chain when the export started, stored with every export. */
static char g_head[65];

static int export_one(sv_cli *c, int64_t pid, const char *out, const char *arkiv_out, sv_err *e)
{
    int64_t did;
    char *text = NULL;
    xmlDocPtr doc = last_decision(c, pid, &did, &text, e);
    if (!doc) return e->code;
    int rc = SV_OK;
    if (out) rc = write_file(out, text, e);
    else fputs(text, stdout);
    if (rc == SV_OK && arkiv_out) {
        char *am = sv_arkiv_build(doc, base_name(out), text, strlen(text), g_head, e);
        rc = am ? write_file(arkiv_out, am, e) : e->code;
        free(am);
    }
    free(text);
    xmlFreeDoc(doc);
    return rc;
}

/* Exports the participants ids[from..to); returns how many were written, *rc the status. */
static int export_range(sv_cli *c, const int64_t *ids, int from, int to, const char *dir, const char *adir, int arkiv,
                        int *rc, sv_err *e)
{
    int written = 0;
    *rc = SV_OK;
    for (int i = from; i < to && *rc == SV_OK; i++) {
        char out[4300], am[4400];
        snprintf(out, sizeof out, "%s/vedtak-%" PRId64 ".xml", dir, ids[i]);
        snprintf(am, sizeof am, "%s/arkivmelding-%" PRId64 ".xml", adir, ids[i]);
        *rc = export_one(c, ids[i], out, arkiv ? am : NULL, e);
        if (*rc == SV_OK) written++;
    }
    return written;
}

/* Every exported file with its SHA-256, and the chain head (core/manifest.c). */
static int write_manifest(const char *dir, const int64_t *ids, int n, int arkiv, sv_err *e)
{
    int nf = n * (arkiv ? 2 : 1);
    char **files = sv_xcalloc((size_t)nf + 1, sizeof *files);
    for (int i = 0, k = 0; i < n; i++) {
        char name[64];
        snprintf(name, sizeof name, "vedtak-%" PRId64 ".xml", ids[i]);
        files[k++] = sv_xstrdup(name);
        if (!arkiv) continue;
        snprintf(name, sizeof name, "arkivmelding/arkivmelding-%" PRId64 ".xml", ids[i]);
        files[k++] = sv_xstrdup(name);
    }
    int rc = sv_manifest_write(dir, (const char *const *)files, nf, g_head, e);
    for (int i = 0; i < nf; i++) free(files[i]);
    free(files);
    return rc;
}

static int export_all(sv_cli *c, const char *dir, int arkiv, sv_err *e)
{
    sv_priv_user_begin();
    int made = mkdir(dir, 0700) == 0 || errno == EEXIST;
    sv_priv_user_end();
    if (!made) return sv_err_set(e, SV_EIO, "out", _("Kan ikke lage mappen %s: %s"), dir, strerror(errno));
    char adir[4200];
    snprintf(adir, sizeof adir, "%s/arkivmelding", dir);
    sv_priv_user_begin();
    made = !arkiv || mkdir(adir, 0700) == 0 || errno == EEXIST;
    sv_priv_user_end();
    if (!made)
        return sv_err_set(e, SV_EIO, "out", _("Kan ikke lage mappen %s: %s"), adir, strerror(errno));
    const sv_user *u = sv_store_user(c->st);
    int64_t own = u && !sv_role_all_municipalities(u->role) ? u->municipality_id : 0;
    if (sv_store_read_begin(c->st, e)) return e->code;
    sv_chain_head(sv_store_db(c->st), g_head);
    sqlite3_stmt *s = sv_store_prepare(c->st, "SELECT DISTINCT d.participant_id FROM decision d JOIN participant p "
                                              "ON p.id = d.participant_id WHERE ?1 = 0 OR p.municipality_id = ?1 "
                                              "ORDER BY d.participant_id", e);
    if (!s) {
        sv_store_read_end(c->st);
        return e->code;
    }
    sqlite3_bind_int64(s, 1, own);
    int64_t *ids = NULL;
    int n = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        ids = sv_xrealloc(ids, sizeof *ids * (size_t)(n + 1));
        ids[n++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_reset(s);
    /* Over many decisions the second half is written by a child process with its own
     * connection, which reports its count (and any error) through the pipe. */
    sv_split sp;
    int where = sv_split_begin(n, 1000, &sp), written = 0, rc = SV_OK;
    if (where == 0) {
        sv_cli mine = *c;
        sv_err ce;
        sv_err_clear(&ce);
        int r = sv_store_open(c->db_path, 0, &mine.st, &ce);
        int count = r == SV_OK ? export_range(&mine, ids, sp.half, n, dir, adir, arkiv, &r, &ce) : 0;
        int failed = sv_write_all(sp.fd, &count, sizeof count) || sv_write_all(sp.fd, &r, sizeof r) ||
                     (r && sv_write_all(sp.fd, &ce, sizeof ce));
        sv_split_exit(&sp, failed || r);
    }
    written = export_range(c, ids, 0, where > 0 ? sp.half : n, dir, adir, arkiv, &rc, e);
    if (where > 0) {
        int count = 0, r = SV_EIO;
        sv_err ce;
        int bad = sv_read_all(sp.fd, &count, sizeof count) || sv_read_all(sp.fd, &r, sizeof r) ||
                  (r && sv_read_all(sp.fd, &ce, sizeof ce));
        int child = sv_split_wait(&sp);
        written += count;
        if (rc == SV_OK && r && !bad) {
            *e = ce;
            rc = r;
        } else if (rc == SV_OK && (bad || child))
            rc = sv_err_set(e, SV_EIO, NULL, _("Eksporten ble ikke fullført for alle vedtak (en delprosess feilet)"));
    }
    if (rc == SV_OK) rc = write_manifest(dir, ids, n, arkiv, e);
    free(ids);
    sv_store_read_end(c->st);
    if (rc == SV_OK) printf(_n("Eksporterte %d vedtak til %s%s.\n", "Eksporterte %d vedtak til %s%s.\n", written), written, dir, arkiv ? " (med arkivmelding)" : "");
    return rc;
}

#define EXPORT_USAGE "bruk: stegvis export ID [--out FIL] [--arkivmelding] | stegvis export --all MAPPE [--arkivmelding]"

int cmd_export(sv_cli *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++)   /* archive packages: cli/cmd_package.c */
        if (!strcmp(argv[i], "--package") || !strncmp(argv[i], "--package=", 10)) return cmd_export_package(c, argc, argv);
    int64_t id = 0;
    const char *out = NULL, *all = NULL;
    int arkiv = 0;
    for (int i = 1; i < argc; i++) {
        int missing = 0;
        const char *v;
        if ((v = opt(argc, argv, &i, "--out", &missing))) out = v;
        else if ((v = opt(argc, argv, &i, "--all", &missing))) all = v;
        else if (missing) return cli_usage(_("%s mangler verdi\n%s"), argv[i], EXPORT_USAGE);
        else if (!strcmp(argv[i], "--arkivmelding")) arkiv = 1;
        else if (!strcmp(argv[i], "--tsv")) continue;
        else if (!id && (id = cli_id(argv[i]))) continue;
        else return cli_usage(_("uventet argument «%s»\n%s"), argv[i], EXPORT_USAGE);
    }
    if ((!id) == (!all) || (all && out)) return cli_usage("%s", EXPORT_USAGE);
    if (arkiv && id && !out) return cli_usage(_("--arkivmelding trenger --out FIL (arkivmeldingen peker på vedtaksfilen)"));
    sv_err e;
    sv_err_clear(&e);
    int rc;
    if (all) rc = export_all(c, all, arkiv, &e);
    else {
        char am[4300];
        if (arkiv) {
            size_t l = strlen(out);
            int ext = l > 4 && !strcmp(out + l - 4, ".xml");
            snprintf(am, sizeof am, "%.*s-arkivmelding.xml", (int)(ext ? l - 4 : l), out);
        }
        sv_chain_head(sv_store_db(c->st), g_head);
        rc = export_one(c, id, out, arkiv ? am : NULL, &e);
        if (rc == SV_OK && arkiv) fprintf(stderr, _("Arkivmelding: %s\n"), am);
        if (rc == SV_OK && out) fprintf(stderr, _("Kjedehode: %s\n"), g_head[0] ? g_head : "-");
    }
    sv_arkiv_cleanup();
    sv_vedtak_cleanup();
    return rc ? cli_fail(&e) : 0;
}
