/* The current user's drafts by key prefix: the screens find the unsaved forms of every one of
 * their sessions (one pointer per terminal), not only the last one. */
#ifndef SV_DRAFTS_H
#define SV_DRAFTS_H

#include "store.h"

typedef int (*sv_draft_cb)(const char *key, const char *value, const char *saved_at, void *ctx);
/* Calls cb for each of the current user's drafts whose key begins with prefix, oldest first. */
int sv_draft_each(sv_store *st, const char *prefix, sv_draft_cb cb, void *ctx, sv_err *e);

#endif
