/* Text handed to an external editor ($VISUAL, $EDITOR) leaves nothing behind. The text is
 * written to a file in a private directory of its own ($TMPDIR/stegvis-edit-XXXXXX, 0700),
 * so whatever the editor adds beside it (swap and backup files) goes with it. The editor runs
 * under a small guardian process: if the program dies while the editor is open (even by
 * SIGKILL), the guardian ends the editor and removes the directory. The directory is locked
 * (flock) for as long as the program or its guardian lives, so one left behind when both were
 * killed is known to be stale and is removed at the next start (sv_edittmp_sweep). */
#ifndef SV_EDITTMP_H
#define SV_EDITTMP_H

#define SV_EDITTMP_PREFIX "stegvis-edit-"

typedef struct {
    char dir[512];
    char file[560];
    int lock;   /* fd of dir, flock'ed; -1 when none */
} sv_edittmp;

/* Creates the directory under tmpdir (NULL or "": /tmp) and writes text and a newline to its
 * file. 0, or -1 with errno (nothing left behind). */
int sv_edittmp_create(sv_edittmp *t, const char *tmpdir, const char *text);
/* Runs the editor command ed (through sh, so "vim -u NONE" works) on the file as the user,
 * under the guardian; returns the editor's exit status (0 is success; 128 + signal when it
 * was killed), or -1 if it could not be started. */
int sv_edittmp_run(sv_edittmp *t, const char *ed);
/* Removes the file, everything else in the directory, and the directory. */
void sv_edittmp_remove(sv_edittmp *t);
/* Removes the directories of this prefix under tmpdir that belong to the real user and that
 * no living program holds (left by a program killed together with its guardian). Returns how
 * many were removed. */
int sv_edittmp_sweep(const char *tmpdir);

#endif
