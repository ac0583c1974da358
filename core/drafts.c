/* Drafts by prefix: see drafts.h. */
#include "drafts.h"

#include <string.h>

int sv_draft_each(sv_store *st, const char *prefix, sv_draft_cb cb, void *ctx, sv_err *e)
{
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT key, value, ifnull(saved_at, '') FROM draft WHERE login = ?1 "
                                           "AND substr(key, 1, length(?2)) = ?2 ORDER BY saved_at, rowid", e);
    if (!s) return e->code;
    sqlite3_bind_text(s, 1, sv_login(), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, prefix, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (cb((const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
               (const char *)sqlite3_column_text(s, 2), ctx)) { rc = SQLITE_DONE; break; }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SV_OK : sv_store_dberr(st, rc, e);
}
