/* The command-line front: a table of commands, each a function taking the store and its
 * arguments. Every field option is parsed through the descriptions in forms/, so the command
 * line validates exactly as the screens do. */
#ifndef SV_CLI_H
#define SV_CLI_H

#include <stdio.h>

#include "../core/entity.h"
#include "../core/store.h"

typedef struct sv_cli {
    sv_store *st;          /* open database (NULL for commands that need none) */
    const char *db_path;
    int tsv;               /* --tsv: tab-separated output */
} sv_cli;

typedef int (*sv_cmd_fn)(sv_cli *c, int argc, char **argv);

typedef struct sv_cmd {
    const char *name;
    sv_cmd_fn fn;
    int db;                /* 0: no database, 1: existing database, 2: create if missing */
    const char *usage;
    const char *summary;   /* one line, Norwegian */
} sv_cmd;

extern const sv_cmd SV_COMMANDS[];
const sv_cmd *cli_command(const char *name);

/* Prints "stegvis: <message>" to stderr; returns the exit status (1, or 2 for usage). */
int cli_fail(const sv_err *e);
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parses "--col value" / "--col=value" pairs for the fields of ent into obj. Options listed in
 * extra (NULL-terminated, e.g. "participant") are returned through extra_val instead. Any other
 * option is a usage error (2). Returns 0, 1 (bad value, e set) or 2. */
int cli_fields(const sv_entity *ent, void *obj, int argc, char **argv, const char *const *extra,
               const char **extra_val, sv_err *e);
/* Before anything is opened: checks argv (argv[0] the command word) against the options cmd
 * accepts, printing a usage message that suggests the nearest known option for an unknown one
 * (2). With --help or -h, prints the command's help and returns 3. Sets *tsv for --tsv. */
int cli_check_options(const sv_cmd *cmd, int argc, char **argv, int *tsv);
/* The help of one command: its usage, summary, and the fields a field command takes. */
void cli_command_help(const sv_cmd *cmd, int argc, char **argv);
/* Lists the fields of ent as options, with kinds and codes (`stegvis fields`). */
void cli_print_fields(const sv_entity *ent);
/* Finds a municipality by kommunenummer or id; 0 if none (e set). With NULL, the user's own or
 * the only one in the database. */
int64_t cli_municipality(sv_cli *c, const char *arg, sv_err *e);
/* Parses a positive id; 0 on failure. */
int64_t cli_id(const char *s);

int cmd_init(sv_cli *c, int argc, char **argv);
int cmd_user(sv_cli *c, int argc, char **argv);
int cmd_user_list(sv_cli *c, int argc, char **argv);   /* user list, in cmd_users.c */
int cmd_participant(sv_cli *c, int argc, char **argv);
int cmd_add(sv_cli *c, int argc, char **argv);
int cmd_edit(sv_cli *c, int argc, char **argv);
int cmd_list(sv_cli *c, int argc, char **argv);
int cmd_show(sv_cli *c, int argc, char **argv);
int cmd_demo(sv_cli *c, int argc, char **argv);
int cmd_help(sv_cli *c, int argc, char **argv);
int cmd_fields(sv_cli *c, int argc, char **argv);
int cmd_decide(sv_cli *c, int argc, char **argv);
int cmd_notify(sv_cli *c, int argc, char **argv);
int cmd_export(sv_cli *c, int argc, char **argv);
int cmd_export_package(sv_cli *c, int argc, char **argv);   /* export --package, cmd_package.c */
int cmd_check(sv_cli *c, int argc, char **argv);
int cmd_checklist(sv_cli *c, int argc, char **argv);
int cmd_letter(sv_cli *c, int argc, char **argv);        /* cmd_letter.c */
int cmd_certificate(sv_cli *c, int argc, char **argv);
int cmd_start(sv_cli *c, int argc, char **argv);
int cmd_backup(sv_cli *c, int argc, char **argv);
int cmd_restore(sv_cli *c, int argc, char **argv);
int cmd_audit(sv_cli *c, int argc, char **argv);
int cmd_catalog(sv_cli *c, int argc, char **argv);
int cmd_delete(sv_cli *c, int argc, char **argv);
int cmd_nir(sv_cli *c, int argc, char **argv);
int cmd_verify(sv_cli *c, int argc, char **argv);
int cmd_results(sv_cli *c, int argc, char **argv);
int cmd_absence(sv_cli *c, int argc, char **argv);
int cmd_appeal(sv_cli *c, int argc, char **argv);
int cmd_leave(sv_cli *c, int argc, char **argv);
int cmd_forewarn(sv_cli *c, int argc, char **argv);
int cmd_contract(sv_cli *c, int argc, char **argv);

#endif
