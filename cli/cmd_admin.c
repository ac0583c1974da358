/* Commands that set up a database: init, user, demo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/demo.h"
#include "../core/model.h"
#include "../forms/forms.h"
#include "cli.h"
#include "../core/i18n.h"

int cmd_init(sv_cli *c, int argc, char **argv)
{
    sv_municipality m;
    sv_err e;
    sv_err_clear(&e);
    sv_entity_blank(&SV_ENT_MUNICIPALITY, &m);
    strcpy(m.malform, "nb");
    int rc = cli_fields(&SV_ENT_MUNICIPALITY, &m, argc - 1, argv + 1, NULL, NULL, &e);
    if (rc) return rc == 2 ? 2 : cli_fail(&e);
    /* One transaction: a killed init leaves no database with a municipality but no
     * administrator, nor an administrator without the municipality. */
    if (sv_store_begin(c->st, &e)) return cli_fail(&e);
    int first = sv_user_count(c->st) == 0;
    sv_user u = {0};
    if (first) {
        snprintf(u.login, sizeof u.login, "%s", sv_login());
        strcpy(u.role, "administrator");
    }
    if ((first && sv_user_add(c->st, &u, &e)) || sv_row_save(c->st, &SV_ENT_MUNICIPALITY, &m, &e) ||
        sv_store_commit(c->st, &e)) {
        sv_store_rollback(c->st);
        sv_store_reload_user(c->st, &e);
        return cli_fail(&e);
    }
    if (first) printf(_("Du (%s) er registrert som administrator.\n"), u.login);
    printf(_("Kommune %s %s er opprettet i %s.\n"), m.number, m.name, c->db_path);
    return 0;
}

int cmd_user(sv_cli *c, int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "list")) return cmd_user_list(c, argc - 1, argv + 1);
    if (argc < 4 || strcmp(argv[1], "add") != 0)
        return cli_usage(_("bruk: stegvis user add LOGIN ROLLE [--municipality KOMMUNENR] [--name NAVN] [--title TITTEL] | user list"));
    sv_user u = {0};
    sv_err e;
    sv_err_clear(&e);
    if (sv_strcpy(u.login, sizeof u.login, argv[2]))
        return cli_usage(_n("brukernavnet er for langt (høyst %zu tegn)", "brukernavnet er for langt (høyst %zu tegn)", sizeof u.login - 1), sizeof u.login - 1);
    if (sv_strcpy(u.role, sizeof u.role, argv[3]))
        return cli_usage(_("ukjent rolle «%s» (administrator, adviser, nav, supervisor, teacher)"), argv[3]);
    for (int i = 4; i < argc; i++) {
        if (!strcmp(argv[i], "--municipality") && i + 1 < argc) {
            u.municipality_id = cli_municipality(c, argv[++i], &e);
            if (!u.municipality_id) return cli_fail(&e);
        } else if (!strcmp(argv[i], "--name") && i + 1 < argc) {
            if (sv_strcpy(u.display_name, sizeof u.display_name, argv[++i]))
                return cli_usage(_n("navnet er for langt (høyst %zu tegn)", "navnet er for langt (høyst %zu tegn)", sizeof u.display_name - 1), sizeof u.display_name - 1);
        } else if (!strcmp(argv[i], "--title") && i + 1 < argc) {
            if (sv_strcpy(u.title, sizeof u.title, argv[++i]))
                return cli_usage(_n("tittelen er for lang (høyst %zu tegn)", "tittelen er for lang (høyst %zu tegn)", sizeof u.title - 1), sizeof u.title - 1);
        } else {
            return cli_usage(_("ukjent valg «%s» for user add"), argv[i]);
        }
    }
    /* The first user of a database is made by init, in the same transaction as its
     * municipality: a database left without users (an init killed before it began) does not
     * make whoever adds a user next its administrator. */
    if (sv_user_count(c->st) == 0) {
        sv_err_set(&e, SV_EDENIED, NULL, _("Databasen har ingen brukere ennå: opprett den med «stegvis init»."));
        return cli_fail(&e);
    }
    if (sv_user_add(c->st, &u, &e)) return cli_fail(&e);
    printf(_("%s er registrert som %s.\n"), u.login, sv_code_label(SV_CODES_ROLE, u.role));
    return 0;
}

int cmd_demo(sv_cli *c, int argc, char **argv)
{
    sv_demo_opts o = {.participants = 300, .municipalities = 1, .seed = 1};
    for (int i = 1; i < argc; i++) {
        long v;
        char *end;
        if (i + 1 >= argc) return cli_usage(_("«%s» mangler verdi"), argv[i]);
        v = strtol(argv[i + 1], &end, 10);
        if (*end || v < 0) return cli_usage(_("%s: «%s» er ikke et tall"), argv[i], argv[i + 1]);
        if (!strcmp(argv[i], "--participants") && v <= 1000000) o.participants = (int)v;
        else if (!strcmp(argv[i], "--municipalities") && v >= 1 && v <= 500) o.municipalities = (int)v;
        else if (!strcmp(argv[i], "--seed")) o.seed = (unsigned long)v;
        else if (!strcmp(argv[i], "--absence-days") && v <= 3660) o.absence_days = (int)v;
        else return cli_usage(_("ugyldig valg «%s %s» for demo"), argv[i], argv[i + 1]);
        i++;
    }
    sv_err e;
    sv_err_clear(&e);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    sv_demo_result r;
    if (sv_demo(c->st, &o, &r, &e)) return cli_fail(&e);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    char np[64], nm[64], nd[64];
    snprintf(np, sizeof np, _n("%d deltaker", "%d deltakere", r.participants), r.participants);
    snprintf(nm, sizeof nm, _n("%d kommune", "%d kommuner", r.municipalities), r.municipalities);
    snprintf(nd, sizeof nd, _n("%d vedtak", "%d vedtak", r.decisions), r.decisions);
    char na[64];
    snprintf(na, sizeof na, _n("%ld rad fravær per dag", "%ld rader fravær per dag", (unsigned long)r.absence_rows), r.absence_rows);
    printf(_("Demodata: %s i %s, %s, %s, %.1f s.\n"), np, nm, nd, na, s);
    return 0;
}
