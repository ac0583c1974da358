/* The catalogue exchange file: how municipalities share their catalogue of measures (steps 2-3)
 * as tab-separated text. One format for the screens, the command line and the fuzzer; a file from
 * outside is treated as hostile (limits, UTF-8, control characters) and imported all or nothing. */
#ifndef SV_CATALOG_H
#define SV_CATALOG_H

#include <stdint.h>
#include <stdio.h>

#include "store.h"

/* First line of every exchange file; the second names the columns (the measure's fields). */
#define SV_CATALOG_MAGIC "# stegvis tiltakskatalog 1"
/* Limits for a file from outside: a real catalogue is a few hundred lines of a few kB. */
#define SV_CATALOG_MAX_BYTES ((size_t)4 * 1024 * 1024)
#define SV_CATALOG_MAX_LINE 16384
#define SV_CATALOG_MAX_ROWS 5000

typedef struct sv_catalog_report {
    int rows;           /* measures read from the file */
    int added;          /* saved as new measures */
    int skipped;        /* already in the catalogue under the same name: left as they were */
    char first_skipped[121];   /* the name of the first one skipped, for the message */
    int line;           /* on failure: the line at fault (0: the file as a whole) */
    char field[48];     /* on failure: the column at fault, "" if none */
} sv_catalog_report;

/* Writes the municipality's catalogue to f. Returns the number of measures written, or -1 with
 * e set (not allowed to read it, unknown municipality, write error). */
int sv_catalog_export(sv_store *st, int64_t municipality_id, FILE *f, sv_err *e);
/* The same into the file at path, through a temporary file and a rename so a failed export
 * leaves no half file, created readable by its owner only (0600) whatever the umask. */
int sv_catalog_export_file(sv_store *st, int64_t municipality_id, const char *path, sv_err *e);

/* Imports the exchange file in data[len] into the municipality's catalogue. Every row goes
 * through the validated save (sv_row_save) inside one transaction: either every new measure is
 * saved or, on the first bad line, none is, and e says "<name> linje N: <field>: <what is
 * expected>". A measure whose name (ignoring case) is already in the catalogue is skipped and
 * counted, never overwritten: the receiving municipality may have adjusted its own version. The
 * same name twice in one file is an error. name is how messages call the file (NULL: "Filen").
 * report may be NULL. */
int sv_catalog_import(sv_store *st, int64_t municipality_id, const char *data, size_t len,
                      const char *name, sv_catalog_report *report, sv_err *e);
/* The same from a regular file of at most SV_CATALOG_MAX_BYTES, named by its path in messages. */
int sv_catalog_import_file(sv_store *st, int64_t municipality_id, const char *path,
                           sv_catalog_report *report, sv_err *e);

#endif
