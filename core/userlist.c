/* Listing users: see userlist.h. One bound query; the visibility comes from the role table. */
#include "userlist.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "roles.h"

int sv_user_each(sv_store *st, sv_user_cb cb, void *ctx, sv_err *e)
{
    const sv_user *me = sv_store_user(st);
    if (!me)
        return sv_err_set(e, SV_EDENIED, "", _("Du (%s) er ikke registrert og kan ikke se brukerne."), sv_login());
    int all = sv_role_may(me->role, SV_OP_ADMIN) || (!me->municipality_id && sv_role_all_municipalities(me->role));
    sqlite3_stmt *q = sv_store_prepare(st, "SELECT u.login, u.display_name, u.role, coalesce(u.municipality_id, 0), "
                                           "coalesce(m.name, ''), coalesce(u.created_at, ''), coalesce(u.created_by, '') "
                                           "FROM users u LEFT JOIN municipality m ON m.id = u.municipality_id "
                                           "WHERE ? OR u.municipality_id IS NULL OR u.municipality_id = ? ORDER BY u.login", e);
    if (!q) return e->code;
    sqlite3_bind_int(q, 1, all);
    sqlite3_bind_int64(q, 2, me->municipality_id);
    int rc, out = SV_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        sv_user_row r;
        memset(&r, 0, sizeof r);
        snprintf(r.u.login, sizeof r.u.login, "%s", (const char *)sqlite3_column_text(q, 0));
        snprintf(r.u.display_name, sizeof r.u.display_name, "%s", (const char *)sqlite3_column_text(q, 1));
        snprintf(r.u.role, sizeof r.u.role, "%s", (const char *)sqlite3_column_text(q, 2));
        r.u.municipality_id = sqlite3_column_int64(q, 3);
        snprintf(r.municipality, sizeof r.municipality, "%s", (const char *)sqlite3_column_text(q, 4));
        snprintf(r.created_at, sizeof r.created_at, "%s", (const char *)sqlite3_column_text(q, 5));
        snprintf(r.created_by, sizeof r.created_by, "%s", (const char *)sqlite3_column_text(q, 6));
        if (cb(&r, ctx)) break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) out = sv_store_dberr(st, rc, e);
    sqlite3_reset(q);
    return out;
}
