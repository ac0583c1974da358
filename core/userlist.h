/* The registered users, for `stegvis user list` and the administrator's screen. Who sees whom
 * follows the role table (roles.c): an administrator sees every user, anyone else the users
 * of their own municipality and those who work across all municipalities. */
#ifndef SV_USERLIST_H
#define SV_USERLIST_H

#include "store.h"

typedef struct sv_user_row {
    sv_user u;
    char municipality[81];   /* "" for all municipalities */
    char created_at[20];
    char created_by[33];
} sv_user_row;

typedef int (*sv_user_cb)(const sv_user_row *r, void *ctx);
/* Calls cb for each user the current user may see, ordered by login. Refuses (SV_EDENIED)
 * an unregistered login. Returns SV_OK or an error with e set. */
int sv_user_each(sv_store *st, sv_user_cb cb, void *ctx, sv_err *e);

#endif
