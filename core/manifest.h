/* The manifest of an export: every file with its SHA-256 and the head of the database's hash
 * chain, in the format of sha256sum (lines starting with '#' are comments), so
 * `cd DIR && sha256sum -c manifest.txt` checks the files. */
#ifndef SV_MANIFEST_H
#define SV_MANIFEST_H

#include "util.h"

#define SV_MANIFEST_NAME "manifest.txt"

/* Writes dir/manifest.txt (0600, through a temporary file) for the n files named relative to
 * dir, hashing each as it is on disk now. */
int sv_manifest_write(const char *dir, const char *const *files, int n, const char *chain_head, sv_err *e);

#endif
