/* Files that leave the program holding personal data (decisions with the identity number):
 * written through a temporary file and a rename, readable by the owner only (0600) whatever
 * the umask, with the user's own rights when the program is the set-user-id server. One
 * mechanism for all of them: core/cell.h's sv_private_open/close. */
#ifndef SV_PRIVFILE_H
#define SV_PRIVFILE_H

#include "util.h"

/* Writes text to path. Returns SV_OK, or an error with e naming the file. */
int sv_file_write_private(const char *path, const char *text, sv_err *e);

#endif
