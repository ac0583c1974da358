/* Option parsing shared by the commands: field options from the forms' descriptions. */
#include <getopt.h>
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

/* Option tables for getopt_long. A table is generated from the field descriptions of an
 * entity (each column as --col-name, and as --col_name as it always was accepted), from extra
 * option names, and from the --options a command's usage text names: one definition of what a
 * command accepts, which its help shows. */
typedef struct {
    struct option *o;
    int n, cap;
} opt_table;

static void table_add(opt_table *t, const char *name, size_t len, int has_arg)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf) return;
    memcpy(buf, name, len);
    buf[len] = '\0';
    for (int i = 0; i < t->n; i++)
        if (!strcmp(t->o[i].name, buf)) return;
    if (t->n + 2 > t->cap) {
        t->cap = t->cap ? t->cap * 2 : 32;
        t->o = sv_xrealloc(t->o, (size_t)t->cap * sizeof *t->o);
    }
    t->o[t->n++] = (struct option){sv_xstrdup(buf), has_arg, NULL, 0};
    t->o[t->n] = (struct option){0};
}

/* Adds name, and its spelling with dashes for underscores when it has any. */
static void table_add_both(opt_table *t, const char *name, int has_arg)
{
    char dash[64];
    snprintf(dash, sizeof dash, "%s", name);
    for (char *p = dash; *p; p++)
        if (*p == '_') *p = '-';
    table_add(t, dash, strlen(dash), has_arg);
    table_add(t, name, strlen(name), has_arg);
}

static void table_free(opt_table *t)
{
    for (int i = 0; i < t->n; i++) free((char *)t->o[i].name);
    free(t->o);
    t->o = NULL;
    t->n = t->cap = 0;
}

/* The --options a usage text names: "--out FIL" takes a value, "[--yes]" does not. Upper-case
 * metavariables in the usage text such as --FELT are not options. */
static void table_from_usage(opt_table *t, const char *usage)
{
    for (const char *p = usage; (p = strstr(p, "--")); ) {
        p += 2;
        size_t len = 0;
        if (p[0] < 'a' || p[0] > 'z') continue;
        while ((p[len] >= 'a' && p[len] <= 'z') || (p[len] >= '0' && p[len] <= '9') || p[len] == '-') len++;
        const char *a = p + len;
        int arg = a[0] == ' ' && a[1] && !strchr("[|-(.", a[1]) && a[1] != ' ';
        table_add(t, p, len, arg ? required_argument : no_argument);
        p += len;
    }
}

static void table_from_entity(opt_table *t, const sv_entity *ent, const char *const *extra)
{
    for (int i = 0; ent && i < ent->nfields; i++) table_add_both(t, ent->fields[i].col, required_argument);
    for (int k = 0; extra && extra[k]; k++) table_add_both(t, extra[k], required_argument);
}

/* Levenshtein distance of two short ASCII option names. */
static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63) return 99;
    int d[64][64];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

/* The known option nearest to name ("--" already stripped), or NULL when none is near. */
static const char *nearest(const opt_table *t, const char *name)
{
    char want[64];
    snprintf(want, sizeof want, "%s", name);
    char *eq = strchr(want, '=');
    if (eq) *eq = '\0';
    const char *best = NULL;
    int bd = 99;
    for (int i = 0; i < t->n; i++) {
        if (strchr(t->o[i].name, '_')) continue; /* suggest the dashed spelling */
        int d = edit_distance(want, t->o[i].name);
        if (d < bd) {
            bd = d;
            best = t->o[i].name;
        }
    }
    int len = (int)strlen(want);
    return best && bd <= (len < 6 ? 2 : len / 2) ? best : NULL;
}

/* "ukjent valg ..." for arg, naming the nearest known option. A field option is named as the
 * field's column, as it always was. */
static void unknown_option(const opt_table *t, const char *arg, const char *cmd, const sv_entity *ent)
{
    const char *bare = arg[0] == '-' && arg[1] == '-' ? arg + 2 : arg[0] == '-' ? arg + 1 : arg;
    const char *near = nearest(t, bare);
    char msg[300], hint[100] = "";
    if (near) snprintf(hint, sizeof hint, _("; mente du «--%s»?"), near);
    if (ent) {
        char name[64];
        snprintf(name, sizeof name, "%s", bare);
        char *eq = strchr(name, '=');
        if (eq) *eq = '\0';
        for (char *p = name; *p; p++)
            if (*p == '-') *p = '_';
        snprintf(msg, sizeof msg, _("ukjent valg --%s for %s (se «stegvis fields %s»)"), name, _(ent->label), ent->table);
    } else {
        snprintf(msg, sizeof msg, _("ukjent valg «%s» for %s (se «stegvis %s --help»)"), arg, cmd, cmd);
    }
    cli_usage("%s%s", msg, hint);
}

/* Runs getopt_long over argv[0..argc) (argv[0] is the command word) with table t, in order and
 * without permuting argv. cb gets each option (name, value or NULL) and each other argument
 * (name NULL); a non-zero return from cb stops with that value. Returns 0, 2 after a usage
 * message, or cb's value; *help is set when --help or -h was given. */
typedef int (*opt_cb)(void *ctx, const char *name, const char *val);

static int run_getopt(const opt_table *t, int argc, char **argv, const sv_entity *ent, int *help, opt_cb cb,
                      void *ctx)
{
    int idx;
    optind = 0;
    opterr = 0;
    for (;;) {
        idx = -1;
        int r = getopt_long(argc, argv, "-:h", t->o, &idx);
        if (r == -1) break;
        if (r == 1) {
            int rc = cb ? cb(ctx, NULL, optarg) : 0;
            if (rc) return rc;
        } else if (r == 'h') {
            if (help) *help = 1;
        } else if (r == 0 && idx >= 0) {
            if (!strcmp(t->o[idx].name, "help")) {
                if (help) *help = 1;
                continue;
            }
            int rc = cb ? cb(ctx, t->o[idx].name, optarg) : 0;
            if (rc) return rc;
        } else if (r == ':') {
            const char *a = argv[optind - 1];
            char name[64];
            snprintf(name, sizeof name, "%s", a[0] == '-' && a[1] == '-' ? a + 2 : a);
            for (char *p = name; *p; p++)
                if (*p == '-') *p = '_';
            cli_usage(_("--%s mangler verdi"), name);
            return 2;
        } else {
            if (help && *help) continue;
            const char *a = optopt && optopt != '?' ? NULL : argv[optind - 1];
            char s[3] = {'-', (char)optopt, '\0'};
            unknown_option(t, a ? a : s, argv[0], ent);
            return 2;
        }
    }
    for (int i = optind; i < argc; i++) {
        int rc = cb ? cb(ctx, NULL, argv[i]) : 0;
        if (rc) return rc;
    }
    return 0;
}

typedef struct {
    const sv_entity *ent;
    void *obj;
    const char *const *extra;
    const char **extra_val;
    sv_err *e;
} fields_ctx;

static int field_option(void *ctx, const char *opt, const char *val)
{
    fields_ctx *fc = ctx;
    if (!opt) {
        cli_usage(_("uventet argument «%s» (valg skrives --felt verdi)"), val);
        return 2;
    }
    if (!strcmp(opt, "tsv")) return 0;
    char name[64];
    snprintf(name, sizeof name, "%s", opt);
    for (char *p = name; *p; p++)
        if (*p == '-') *p = '_';
    int matched = 0;
    for (int k = 0; fc->extra && fc->extra[k]; k++) {
        if (!strcmp(fc->extra[k], name)) {
            fc->extra_val[k] = val;
            matched = 1;
        }
    }
    if (matched) return 0;
    const sv_field *f = sv_entity_field(fc->ent, name);
    if (!f) return 2;
    return sv_field_parse(f, fc->obj, val, fc->e) != SV_OK ? 1 : 0;
}

int cli_fields(const sv_entity *ent, void *obj, int argc, char **argv, const char *const *extra,
               const char **extra_val, sv_err *e)
{
    opt_table t = {0};
    table_from_entity(&t, ent, extra);
    table_add(&t, "tsv", 3, no_argument);
    /* getopt_long starts at argv[1]: give it a command word in front */
    char **av = sv_xcalloc((size_t)argc + 2, sizeof *av);
    av[0] = (char *)ent->table;
    for (int i = 0; i < argc; i++) av[i + 1] = argv[i];
    fields_ctx fc = {ent, obj, extra, extra_val, e};
    int rc = run_getopt(&t, argc + 1, av, ent, NULL, field_option, &fc);
    free(av);
    table_free(&t);
    return rc;
}

/* The entity whose fields a command takes as options, when it takes any. */
static const sv_entity *command_entity(const char *cmd, int argc, char **argv)
{
    if (!strcmp(cmd, "init")) return &SV_ENT_MUNICIPALITY;
    if (!strcmp(cmd, "participant")) return argc > 1 && !strcmp(argv[1], "add") ? &SV_ENT_PARTICIPANT : NULL;
    if (!strcmp(cmd, "add") || !strcmp(cmd, "edit")) return argc > 1 ? sv_entity_by_table(argv[1]) : NULL;
    return NULL;
}

static int field_command(const char *cmd)
{
    return !strcmp(cmd, "init") || !strcmp(cmd, "participant") || !strcmp(cmd, "add") || !strcmp(cmd, "edit");
}

void cli_command_help(const sv_cmd *cmd, int argc, char **argv)
{
    printf(_("Bruk: stegvis %s\n\n%s\n"), _(cmd->usage), _(cmd->summary));
    const sv_entity *ent = command_entity(cmd->name, argc, argv);
    if (ent) {
        printf("\n");
        cli_print_fields(ent);
    }
}

static int note_tsv(void *ctx, const char *name, const char *val)
{
    (void)val;
    if (name && !strcmp(name, "tsv")) *(int *)ctx = 1;
    return 0;
}

int cli_check_options(const sv_cmd *cmd, int argc, char **argv, int *tsv)
{
    const sv_entity *ent = command_entity(cmd->name, argc, argv);
    opt_table t = {0};
    table_from_usage(&t, cmd->usage);
    table_add(&t, "tsv", 3, no_argument);
    table_add(&t, "help", 4, no_argument);
    if (ent) {
        char popt[32];
        snprintf(popt, sizeof popt, "%s", ent->parent_col ? ent->parent_col : "");
        char *u = strstr(popt, "_id");
        if (u) *u = '\0';
        const char *extra[] = {popt[0] ? popt : NULL, NULL};
        table_from_entity(&t, ent, extra);
    }
    int help = 0;
    int rc = run_getopt(&t, argc, argv, ent, &help, note_tsv, tsv);
    /* A field command whose type is unknown says so itself; only --help is taken here. */
    if (rc == 2 && field_command(cmd->name) && !ent) rc = 0;
    table_free(&t);
    if (help) {
        cli_command_help(cmd, argc, argv);
        return 3;
    }
    return rc;
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

void cli_print_fields(const sv_entity *ent)
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
                                            N_("kommunenummer"), N_("løpenummer"), N_("postnummer")};
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
        cli_print_fields(ent);
        return 0;
    }
    printf(_("Felt merket * må fylles ut.\n\n"));
    for (int i = 0; SV_ENTITIES[i]; i++) {
        cli_print_fields(SV_ENTITIES[i]);
        printf("\n");
    }
    return 0;
}
