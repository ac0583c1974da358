/* Drafts keep identity numbers only masked (see draftmask.h). */
#include "draftmask.h"

#include <string.h>

#include "../forms/forms.h"
#include "chain.h"

/* value with the value of every identity-number field of the key's table masked; NULL when
 * there is nothing to mask (then value stands) or no key. Caller frees with sqlite3_free. */
static char *masked(const char *key, const char *value, const void *k, size_t kn, int *err)
{
    *err = 0;
    char table[64];
    const char *p = strncmp(key, "form:", 5) ? NULL : key + 5, *colon = p ? strchr(p, ':') : NULL;
    if (!colon || (size_t)(colon - p) >= sizeof table) return NULL;
    memcpy(table, p, (size_t)(colon - p));
    table[colon - p] = '\0';
    const sv_entity *ent = sv_entity_by_table(table);
    if (!ent) return NULL;
    sqlite3_str *out = sqlite3_str_new(NULL);
    int changed = 0;
    for (const char *line = value; *line;) {
        const char *nl = strchr(line, '\n'), *end = nl ? nl : line + strlen(line);
        const char *tab = memchr(line, '\t', (size_t)(end - line));
        const sv_field *f = NULL;
        if (tab) {
            char col[64];
            size_t cn = (size_t)(tab - line);
            if (cn < sizeof col) {
                memcpy(col, line, cn);
                col[cn] = '\0';
                f = sv_entity_field(ent, col);
            }
        }
        char m[SV_FNR_MASKED_SIZE];
        if (f && f->type == SV_F_FNR && end > tab + 1) {
            if (sv_fnr_mask_keyed(tab + 1, (size_t)(end - tab - 1), k, kn, m) != 0) {
                *err = 1;
                break;
            }
            sqlite3_str_append(out, line, (int)(tab + 1 - line));
            sqlite3_str_appendall(out, m);
            changed = 1;
        } else {
            sqlite3_str_append(out, line, (int)(end - line));
        }
        if (!nl) break;
        sqlite3_str_appendchar(out, 1, '\n');
        line = nl + 1;
    }
    char *s = sqlite3_str_finish(out);
    if (!changed || *err) {
        sqlite3_free(s);
        return NULL;
    }
    return s;
}

static void fn_draft_mask(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *key = (const char *)sqlite3_value_text(argv[0]);
    const char *value = (const char *)sqlite3_value_text(argv[1]);
    if (!key || !value) {
        sqlite3_result_value(ctx, argv[1]);
        return;
    }
    int err;
    char *m = masked(key, value, sqlite3_value_blob(argv[2]), (size_t)sqlite3_value_bytes(argv[2]), &err);
    if (err) sqlite3_result_error(ctx, "sv_draft_mask: the database has no key", -1);
    else if (m) sqlite3_result_text(ctx, m, -1, sqlite3_free);
    else sqlite3_result_value(ctx, argv[1]);
}

void sv_draft_register(sqlite3 *db)
{
    sqlite3_create_function(db, "sv_draft_mask", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fn_draft_mask, NULL, NULL);
}

int sv_draft_fnr_same(sv_store *st, const char *value, const char *fnr)
{
    if (!strstr(value, "*****#")) return -1;
    sqlite3_stmt *s = sv_store_prepare(st, "SELECT " SV_FNR_MASK("?") " = ?", NULL);
    if (!s) return 0;
    sqlite3_bind_text(s, 1, fnr, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
    int same = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
    sqlite3_reset(s);
    return same;
}
