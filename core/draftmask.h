/* Identity numbers kept once, in drafts too. A screen's draft (sv_draft_put) is lines of
 * "column<TAB>value" under a key "form:TABLE:..."; the value of every identity-number field
 * of TABLE is stored only in its masked form (chain.h: six digits, *****, # and a keyed hash),
 * never in full. When the draft is taken up again, the masked form tells whether the number
 * is still the one the row has (sv_draft_fnr_same), so it can be put back from the row; a
 * number typed but not yet saved has to be typed again. */
#ifndef SV_DRAFTMASK_H
#define SV_DRAFTMASK_H

#include <sqlite3.h>

#include "store.h"

/* Registers sv_draft_mask(key, value, fnr_key) on db (migration 18 masks older drafts). */
void sv_draft_register(sqlite3 *db);
/* For the masked value of a draft: 1 if it is the masked form of fnr, 0 if not; -1 if value
 * is not a masked form (kept as it is). */
int sv_draft_fnr_same(sv_store *st, const char *value, const char *fnr);

#endif
