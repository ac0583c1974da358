/* Writing report cells and private report files: tab- and comma-separated cells that a
 * spreadsheet cannot take for a formula, and files created 0600 and put in place whole. */
#ifndef SV_CELL_H
#define SV_CELL_H

#include <stdio.h>

#include "util.h"

/* Writes s as one cell. A cell starting with = + - @, a tab or a carriage return gets a
 * leading apostrophe (so a spreadsheet shows it as text instead of running it); control
 * characters become spaces. sep ',' quotes the cell when it holds a comma, quote or space
 * at an end (RFC 4180); sep '\t' never quotes (tabs cannot occur after the above). */
void sv_cell_write(FILE *f, const char *s, char sep);

/* These files are the user's: created, renamed and removed with the user's own rights (the
 * set-user-id server program never writes where only it may, the database included).
 * Opens a temporary file beside path, mode 0600 whatever the umask. *tmp is set to its name
 * (caller frees). NULL on failure (e set, naming the path). */
FILE *sv_private_open(const char *path, char **tmp, sv_err *e);
/* Flushes, syncs and closes f, then renames tmp to path; on failure removes tmp. Frees tmp. */
int sv_private_close(FILE *f, char *tmp, const char *path, sv_err *e);
/* Gives up: closes f and removes tmp (frees it); path is left as it was. */
void sv_private_discard(FILE *f, char *tmp);

#endif
