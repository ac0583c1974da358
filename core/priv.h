/* Privileges of the shared-server program (see README, "One server for the whole office").
 * The installed server program is set-user-id to a service account that alone can open the
 * shared database. These functions keep everything else at the caller's own rights: files the
 * user names are opened as the user, children run as the user, the environment cannot steer
 * the elevated program. In a program that is not set-user-id they change nothing. */
#ifndef SV_PRIV_H
#define SV_PRIV_H

#include <stdio.h>
#include <sys/types.h>

/* At the start of main: records the ids; when elevated, no core dumps, not dumpable, umask
 * 077, and fds 0-2 open. Returns 0, or -1 if the process is in a state it cannot trust. */
int sv_priv_init(void);
/* 1 if the effective ids differ from the real ones (the set-user-id server program). */
int sv_priv_elevated(void);
/* Drops the elevated rights for good (real, effective and saved ids all the caller's), and
 * checks that they cannot be regained. 0, or -1 (the caller must then stop). */
int sv_priv_drop(void);
/* In a child after fork, before exec: drops for good or exits with 127. */
void sv_priv_drop_child(void);
/* Around file-system work done for the user (files they name to read, files written for
 * them): the effective ids are the user's until the matching end. Nest freely. No database
 * access in between. */
void sv_priv_user_begin(void);
void sv_priv_user_end(void);
/* open() and fopen() with the user's own rights. */
int sv_priv_user_open(const char *path, int flags, mode_t mode);
FILE *sv_priv_user_fopen(const char *path, const char *mode);
/* Copies the user's file src (read with their rights) to the new file dst (created with
 * ours, 0600); or the other way with to_user: our src to the user's new dst (O_EXCL, 0600,
 * synced). 0, or -1 with errno. */
int sv_priv_copy(const char *src, const char *dst, int to_user);
/* getenv that returns NULL in the elevated program (secure_getenv). */
const char *sv_env(const char *name);

#endif
