/* Option parsing shared by the commands: field options from the forms' descriptions. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../forms/forms.h"
#include "cli.h"
#include "../core/i18n.h"

int64_t cli_id(const char *s)
{
    char *end;
    if (!s || !*s) return 0;
    long long v = strtoll(s, &end, 10);
    return *end || v <= 0 ? 0 : (int64_t)v;
}

int cli_fields(const sv_entity *ent, void *obj, int argc, char **argv, const char *const *extra,
               const char **extra_val, sv_err *e)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--tsv")) continue;
        if (strncmp(a, "--", 2) != 0) {
            cli_usage(_("uventet argument «%s» (valg skrives --felt verdi)"), a);
            return 2;
        }
        char name[64];
        const char *val = strchr(a, '=');
        size_t n = val ? (size_t)(val - a - 2) : strlen(a + 2);
        if (n >= sizeof name) n = sizeof name - 1;
        memcpy(name, a + 2, n);
        name[n] = '\0';
        for (char *p = name; *p; p++)
            if (*p == '-') *p = '_';
        if (val) val++;
        else if (i + 1 < argc) val = argv[++i];
        else {
            cli_usage(_("--%s mangler verdi"), name);
            return 2;
        }
        int matched = 0;
        for (int k = 0; extra && extra[k]; k++) {
            if (!strcmp(extra[k], name)) {
                extra_val[k] = val;
                matched = 1;
            }
        }
        if (matched) continue;
        const sv_field *f = sv_entity_field(ent, name);
        if (!f) {
            cli_usage(_("ukjent valg --%s for %s (se «stegvis fields %s»)"), name, ent->label, ent->table);
            return 2;
        }
        if (sv_field_parse(f, obj, val, e) != SV_OK) return 1;
    }
    return 0;
}

int64_t cli_municipality(sv_cli *c, const char *arg, sv_err *e)
{
    sqlite3_stmt *s;
    int64_t id = 0;
    if (arg) {
        s = sv_store_prepare(c->st, "SELECT id FROM municipality WHERE number = ?1 OR id = ?2", e);
        if (!s) return 0;
        sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, strlen(arg) == 4 ? -1 : cli_id(arg));
    } else {
        const sv_user *u = sv_store_user(c->st);
        if (u && u->municipality_id) return u->municipality_id;
        s = sv_store_prepare(c->st, "SELECT id FROM municipality WHERE (SELECT count(*) FROM municipality) = 1", e);
        if (!s) return 0;
    }
    if (sqlite3_step(s) == SQLITE_ROW) id = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    if (!id) {
        if (arg) sv_err_set(e, SV_ENOTFOUND, "municipality", _("Kommune: «%s» finnes ikke i databasen"), arg);
        else sv_err_set(e, SV_EINVAL, "municipality", _("Kommune: oppgi --municipality KOMMUNENR (databasen har flere kommuner)"));
    }
    return id;
}

static void print_fields(const sv_entity *ent)
{
    printf("%s (%s)", _(ent->label), ent->table);
    if (ent->parent_col) {
        char p[32];
        snprintf(p, sizeof p, "%s", ent->parent_col);
        char *u = strstr(p, "_id");
        if (u) *u = '\0';
        printf(_(" — hører til: --%s ID"), p);
    }
    printf("\n");
    for (int i = 0; i < ent->nfields; i++) {
        const sv_field *f = &ent->fields[i];
        static const char *const kinds[] = {N_("tekst"), N_("lang tekst"), N_("dato dd.mm.åååå"), N_("heltall"),
                                            N_("timer"), N_("ja/nei"), N_("kode"), N_("fødselsnummer"),
                                            N_("kommunenummer"), N_("løpenummer")};
        printf("  --%-20s %s%s (%s", f->col, _(f->label), f->required ? " *" : "", _(kinds[f->type]));
        if (f->type == SV_F_INT) printf(" %ld-%ld", f->min, f->max);
        if (f->type == SV_F_CODE) {
            printf(":");
            for (const sv_code *cd = f->codes; cd->code; cd++) printf(" %s", cd->code);
        }
        printf(")\n      %s\n", _(f->help));
    }
}

int cmd_fields(sv_cli *c, int argc, char **argv)
{
    (void)c;
    if (argc > 1) {
        const sv_entity *ent = sv_entity_by_table(argv[1]);
        if (!ent) return cli_usage(_("ukjent type «%s» (se «stegvis fields»)"), argv[1]);
        print_fields(ent);
        return 0;
    }
    printf(_("Felt merket * må fylles ut.\n\n"));
    for (int i = 0; SV_ENTITIES[i]; i++) {
        print_fields(SV_ENTITIES[i]);
        printf("\n");
    }
    return 0;
}
