/* stegvis entry point: global options, opening the database, dispatching to a command. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../core/i18n.h"
#include "../core/priv.h"

#define SV_VERSION "0.1.0"

const sv_cmd SV_COMMANDS[] = {
    {"init", cmd_init, 2, N_("init --number KOMMUNENR --name NAVN [--malform nb|nn]"), N_("opprett databasen for en kommune; du blir administrator")},
    {"user", cmd_user, 1, N_("user add LOGIN ROLLE [--municipality KOMMUNENR] [--name NAVN] [--title TITTEL] | user list"), N_("legg til en kollega (roller: administrator, adviser, nav, supervisor, teacher), eller vis brukerne")},
    {"participant", cmd_participant, 1, N_("participant add --fnr NR --name NAVN ... (se «stegvis fields participant»)"), N_("registrer en deltaker")},
    {"add", cmd_add, 1, N_("add TYPE --FORELDER ID --FELT VERDI ... (se «stegvis fields»)"), N_("legg til kartlegging, behov, plan, fase, tiltak, oppfølging ...")},
    {"edit", cmd_edit, 1, N_("edit TYPE ID [--if-version N] [--correction ja] --FELT VERDI ..."), N_("endre en lagret rad (--correction ja: en retting av ordlyden i planen som ikke krever nytt vedtak)")},
    {"delete", cmd_delete, 1, N_("delete TYPE ID [--if-version N]"), N_("slett en lagret rad (etter rollen din og kommunen raden hører til)")},
    {"list", cmd_list, 1, N_("list [--municipality NR] [--search TEKST] [--status ingen|utkast|vedtatt|endret] [--step 5|6|7]\n"
     "     [--adviser LOGIN] [--overdue] [--warnings] [--sort navn|frist|bosatt|status] [--limit N] [--show-fnr] [--tsv]"), N_("vis deltakere med status og neste frist")},
    {"show", cmd_show, 1, N_("show ID [--show-fnr]"), N_("vis hele saken til en deltaker")},
    {"fields", cmd_fields, 0, N_("fields [TYPE]"), N_("vis feltene (valg) for hver type")},
    {"demo", cmd_demo, 2, N_("demo [--participants N] [--municipalities M] [--seed S] [--absence-days D]"), N_("fyll databasen med syntetiske demodata")},
    {"start", cmd_start, 2, N_("start [--bench-startup]\n      STEGVIS_KEYLOG=FIL: tid per tast (mikrosekunder) skrives til FIL"), N_("åpne stegvis på standarddatabasen (lager demokommunen første gang)")},
    {"decide", cmd_decide, 1, N_("decide ID --kind plan|endring|forlengelse|stans|avslag|permisjon|avslutning\n"
     "       --notify-method digitalt|post|personlig [--notified DATO] [--date DATO] [--reason TEKST]\n"
     "       [--late-reason TEKST] [--stop-type midlertidig|varig] [--from DATO] [--to DATO]\n"
     "       [--end-reason KODE] [--last-day DATO] [--yes]"), N_("fatt vedtak om planen; reglene kjøres først, brudd stopper vedtaket (en oversittet frist med skriftlig grunn gjør det ikke)")},
    {"notify", cmd_notify, 1, N_("notify VEDTAK-ID --notified DATO --notify-method digitalt|post|personlig [--note TEKST]"), N_("registrer når og hvordan deltakeren fikk vedtaket (eller rett det); klagefristen regnes derfra")},
    {"forewarn", cmd_forewarn, 1, N_("forewarn send --participant ID --kind stans|trekk --sent DATO --answer-by DATO --text TEKST\n"
     "        forewarn answer VARSEL-NR --answered DATO --text TEKST\n"
     "        forewarn except --participant ID --kind stans|trekk --exception a|b|c --reason TEKST\n"
     "        forewarn list --participant ID"),
     N_("forhåndsvarsel før et vedtak om stans (forvaltningsloven § 16): sendt med svarfrist, deltakerens svar, eller unntak")},
    {"export", cmd_export, 1, N_("export ID [--out FIL] [--arkivmelding] | export --all MAPPE [--arkivmelding]\n        export ID --package MAPPE | export --all --package MAPPE"), N_("skriv fattede vedtak som XML (og Noark 5-arkivmelding), eller arkivpakker med vedtaksbrev i PDF/A")},
    {"check", cmd_check, 0, N_("check FIL|MAPPE ... [--format xml] [--as-of DATO]"), N_("kontroller vedtaksdokumenter mot tilsynsreglene med tall utledet av dokumentets egne fakta; avslutter med 0 når alt er i orden, 1 ved brudd, 2 ved feil bruk, 3 når et dokument ikke kunne kontrolleres")},
    {"checklist", cmd_checklist, 1, N_("checklist [--municipality KOMMUNENR] [--as-of DATO] [--tsv] [--pdf FIL]"), N_("tilsynssjekkliste per kontrollspørsmål over alle saker; avslutter med 1 ved brudd")},
    {"catalog", cmd_catalog, 1, N_("catalog export [--municipality NR] [--out FIL]\n"
     "        catalog import FIL [--municipality NR]"), N_("del kommunens tiltakskatalog (steg 2-3) som fil; import er alt eller ingenting")},
    {"letter", cmd_letter, 1, N_("letter ID [--out FIL] [--pdf FIL] [--print]"), N_("vedtaksbrev til deltakeren på kommunens målform (tekst, PDF/A eller skriver)")},
    {"certificate", cmd_certificate, 1, N_("certificate ID --pdf FIL"), N_("deltakerbevis (integreringsloven § 18 a) som PDF/A for et avsluttet program")},
    {"audit", cmd_audit, 1, N_("audit [DELTAKER-ID] [--limit N] [--tsv]"), N_("vis historikken til en sak (hvem endret hva), eller de siste hendelsene")},
    {"backup", cmd_backup, 1, N_("backup FIL"), N_("ta en kontrollert sikkerhetskopi mens andre arbeider (0600)")},
    {"restore", cmd_restore, 1, N_("restore FIL [--yes]"), N_("gjenopprett databasen fra en sikkerhetskopi")},
    {"nir", cmd_nir, 1, N_("nir [--municipality NR] [--adviser LOGIN] [--all] [--limit N] [--tsv]\n"
     "    nir --register PUNKT [--on DATO]\n    nir --export FIL [--municipality NR] [--adviser LOGIN]"),
     N_("NIR-arbeidslisten: hendelser som skal registreres i NIR innen to måneder, forfalte først")},
    {"verify", cmd_verify, 1, N_("verify [--out FIL]"), N_("kontroller kjeden over historikken, hvert vedtak og de beskyttende triggerne; avslutter med 1 ved brudd")},
    {"results", cmd_results, 1, N_("results [--municipality NR] [--year ÅR] [--csv]\n        results --pdf FIL [--municipality NR] [--year ÅR]\n        results --due [--municipality NR] [--csv]"),
     N_("resultater per kommune og år: avsluttet, andel i arbeid eller utdanning ved slutt og etter ett år, mot målet på 70 %")},
    {"absence", cmd_absence, 1, N_("absence record --participant ID --date DATO --hours TIMER [--reason ÅRSAK] [--measure NR]\n"
     "        [--approved ja|nei] [--note TEKST]\n        absence list --participant ID [--month ÅÅÅÅ-MM]\n"
     "        absence report --month ÅÅÅÅ-MM [--municipality NR] [--unit ENHET] [--csv] [--out FIL] [--show-fnr]"),
     N_("fravær per time: før en dag, vis en deltakers fravær og måned, eller månedsrapporten per enhet (--csv til lønn)")},
    {"leave", cmd_leave, 1, N_("leave add --participant ID --kind TYPE --from DATO --to DATO --granted ja|nei --decided DATO\n"
     "        [--reason TEKST] [--note TEKST]\n        leave list --participant ID\n        leave kinds"),
     N_("permisjon som vedtak: type, periode talt som loven teller den, og virkningen på programmets slutt")},
    {"appeal", cmd_appeal, 1, N_("appeal add --decision VEDTAK-ID --received DATO --grounds TEKST [--municipality NR]\n"
     "       appeal list [--participant ID] [--municipality NR] [--tsv]\n"
     "       appeal late KLAGE-ID --considered ja|nei --reason TEKST\n"
     "       appeal review KLAGE-ID --result opprettholdt|endret --on DATO [--new-decision VEDTAK-ID]\n"
     "       appeal send KLAGE-ID --on DATO\n"
     "       appeal outcome KLAGE-ID --result opprettholdt|endret|opphevet --on DATO [--note TEKST]"),
     N_("klager: registrer en klage, svaret på en sen klage (fvl. § 31), kommunens vurdering (§ 33), oversendelsen og utfallet hos Statsforvalteren; fristene etter §§ 29 og 33 vises")},
    {"contract", cmd_contract, 1, N_("contract set ID --participant-commits TEKST --municipality-commits TEKST --signed DATO\n"
     "        [--signed-participant DATO] [--signed-municipality DATO]\n        contract show ID"),
     N_("integreringskontrakten (integreringsloven § 16) for deltakerens gjeldende planversjon: før eller vis den")},
    {"help", cmd_help, 0, N_("help [KOMMANDO]"), N_("vis hjelp")},
    {NULL, NULL, 0, NULL, NULL}};

const sv_cmd *cli_command(const char *name)
{
    for (const sv_cmd *c = SV_COMMANDS; c->name; c++)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

int cli_fail(const sv_err *e)
{
    fprintf(stderr, "stegvis: %s\n", e->msg[0] ? e->msg : _("ukjent feil"));
    return e->code == SV_EINVAL && !e->field[0] && !e->msg[0] ? 2 : 1;
}

int cli_usage(const char *fmt, ...)
{
    va_list ap;
    fputs("stegvis: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    return 2;
}

static void usage_all(FILE *f)
{
    fputs(_("Bruk: stegvis [--db FIL] [KOMMANDO [VALG ...]]\n"
          "Uten kommando åpnes skjermbildene (som «stegvis start»).\n\nKommandoer:\n"), f);
    for (const sv_cmd *c = SV_COMMANDS; c->name; c++) fprintf(f, "  %-12s %s\n", c->name, _(c->summary));
    fputs(_("\nDatabase: --db FIL, ellers $STEGVIS_DB, ellers den felles databasen på serveren eller ~/.local/share/stegvis/stegvis.db\n"
          "Mer hjelp: stegvis help KOMMANDO, og man stegvis\n"), f);
}

int cmd_help(sv_cli *c, int argc, char **argv)
{
    (void)c;
    if (argc < 2) {
        usage_all(stdout);
        return 0;
    }
    const sv_cmd *cmd = cli_command(argv[1]);
    if (!cmd) return cli_usage(_("ukjent kommando «%s» (se «stegvis help»)"), argv[1]);
    cli_command_help(cmd, argc - 1, argv + 1);
    return 0;
}

int main(int argc, char **argv)
{
    const char *db = NULL;
    sv_cli cli = {0};
    static const struct option global[] = {{"db", required_argument, NULL, 'd'},
                                           {"version", no_argument, NULL, 'V'},
                                           {"help", no_argument, NULL, 'h'},
                                           {"tsv", no_argument, NULL, 't'},
                                           {NULL, 0, NULL, 0}};
    if (sv_priv_init() != 0) {
        fputs("stegvis: kan ikke starte sikkert (rettighetene kan ikke settes)\n", stderr);
        return 1;
    }
    opterr = 0;
    int r;
    /* "+": stop at the command word; what follows is the command's */
    while ((r = getopt_long(argc, argv, "+:Vh", global, NULL)) != -1) {
        switch (r) {
        case 'd': db = optarg; break;
        case 'V': printf("stegvis %s\n", SV_VERSION); return 0;
        case 'h': usage_all(stdout); return 0;
        case 't': cli.tsv = 1; break;
        case ':': return cli_usage(_("--db mangler filnavn"));
        default: return cli_usage(_("ukjent valg «%s» (se «stegvis help»)"), argv[optind - 1]);
        }
    }
    int i = optind;
    const char *name = i < argc ? argv[i] : "start";
    const sv_cmd *cmd = cli_command(name);
    if (!cmd) return cli_usage(_("ukjent kommando «%s» (se «stegvis help»)"), name);
    int sub_argc = i < argc ? argc - i : 1;
    char *start_argv[] = {(char *)"start", NULL};
    char **sub_argv = i < argc ? argv + i : start_argv;
    int rc = cli_check_options(cmd, sub_argc, sub_argv, &cli.tsv);
    if (rc) return rc == 3 ? 0 : rc;
    char path[4096];
    sv_err e;
    sv_err_clear(&e);
    /* The elevated server program keeps its rights only to open the shared database: a command
     * without a database, or a database of one's own (--db), runs with the caller's rights. */
    if (sv_priv_elevated() && (!cmd->db || db) && sv_priv_drop() != 0) {
        fputs("stegvis: kan ikke gi fra seg rettighetene\n", stderr);
        return 1;
    }
    if (cmd->db) {
        if (!db) {
            if (sv_default_db_path(path, sizeof path, &e)) return cli_fail(&e);
            db = path;
        }
        if (sv_store_open(db, cmd->db == 2, &cli.st, &e)) return cli_fail(&e);
        if (sv_store_broken(cli.st) && strcmp(cmd->name, "verify"))
            fprintf(stderr, "stegvis: %s\n", sv_store_broken(cli.st));
    }
    cli.db_path = db;
    rc = cmd->fn(&cli, sub_argc, sub_argv);
    sv_store_close(cli.st);
    return rc;
}
