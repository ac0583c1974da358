/* The hash chain (see chain.h): SHA-256 and HMAC-SHA-256 from nettle (see below). */
#include "chain.h"
#include "draftmask.h"

/* SHA-256 and HMAC-SHA-256 from nettle, GnuTLS's own crypto library, which qpdf's GnuTLS
 * loads into the process anyway. OpenSSL's libcrypto cost every start of the program 3,400 of
 * its 17,000 symbol bindings (a fifth of the dynamic loader's work) and a provider start at the
 * first digest, about 2 ms of a letter's 50, for the two functions used here. */
#include <nettle/hmac.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard.h"
#include "i18n.h"
#include "schema.h"

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8) p[i] = (unsigned char)(v & 0xff);
}

/* The canonical content: each value as a type tag, and for numbers 8 bytes big-endian, for
 * text and blobs an 8-byte length and the bytes. Nothing can be moved between two values
 * without changing the hash. */
static void add_value(struct sha256_ctx *md, sqlite3_value *v)
{
    unsigned char hdr[9];
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        hdr[0] = 'i';
        put_u64(hdr + 1, (uint64_t)sqlite3_value_int64(v));
        sha256_update(md, 9, hdr);
        break;
    case SQLITE_FLOAT: {
        double d = sqlite3_value_double(v);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        hdr[0] = 'f';
        put_u64(hdr + 1, bits);
        sha256_update(md, 9, hdr);
        break;
    }
    case SQLITE_NULL:
        hdr[0] = 'n';
        sha256_update(md, 1, hdr);
        break;
    default: {
        int blob = sqlite3_value_type(v) == SQLITE_BLOB;
        const void *p = blob ? sqlite3_value_blob(v) : (const void *)sqlite3_value_text(v);
        int n = sqlite3_value_bytes(v);
        hdr[0] = blob ? 'b' : 't';
        put_u64(hdr + 1, (uint64_t)n);
        sha256_update(md, 9, hdr);
        if (n > 0) sha256_update(md, (size_t)n, p);
    }
    }
}

/* The digest of md as 64 lower-case hex digits and a NUL. */
static void digest_hex(struct sha256_ctx *md, char out[2 * SHA256_DIGEST_SIZE + 1])
{
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_digest(md, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* sv_chain_link(prev, kind, v1, ..., vn): hex SHA-256 of the previous link's text followed
 * by the canonical content of kind and the values. */
static void fn_link(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (argc < 2) {
        sqlite3_result_error(ctx, "sv_chain_link: too few arguments", -1);
        return;
    }
    struct sha256_ctx md;
    sha256_init(&md);
    if (sqlite3_value_type(argv[0]) != SQLITE_NULL)
        sha256_update(&md, (size_t)sqlite3_value_bytes(argv[0]), sqlite3_value_text(argv[0]));
    for (int i = 1; i < argc; i++) add_value(&md, argv[i]);
    char hex[2 * SHA256_DIGEST_SIZE + 1];
    digest_hex(&md, hex);
    sqlite3_result_text(ctx, hex, 2 * SHA256_DIGEST_SIZE, SQLITE_TRANSIENT);
}

void sv_sha256_hex(const void *p, size_t n, char out[65])
{
    struct sha256_ctx md;
    sha256_init(&md);
    sha256_update(&md, n, p);
    digest_hex(&md, out);
}

int sv_fnr_mask_keyed(const char *f, size_t n, const void *key, size_t kn, char out[SV_FNR_MASKED_SIZE])
{
    out[0] = '\0';
    if (n > 11 && strstr(f, "*****#")) {   /* masked already (a migration run again) */
        snprintf(out, SV_FNR_MASKED_SIZE, "%s", f);
        return 0;
    }
    if (!key || kn < 16) return -1;
    struct hmac_sha256_ctx h;
    unsigned char mac[SHA256_DIGEST_SIZE];
    hmac_sha256_set_key(&h, kn, key);
    hmac_sha256_update(&h, n, (const uint8_t *)f);
    hmac_sha256_digest(&h, sizeof mac, mac);
    snprintf(out, SV_FNR_MASKED_SIZE, "%.6s*****#%02x%02x%02x%02x", f, mac[0], mac[1], mac[2], mac[3]);
    return 0;
}

/* sv_fnr_mask(fnr, key): NULL for NULL, else the masked form (chain.h). */
static void fn_mask(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const char *f = (const char *)sqlite3_value_text(argv[0]);
    char out[SV_FNR_MASKED_SIZE];
    if (!f || sv_fnr_mask_keyed(f, (size_t)sqlite3_value_bytes(argv[0]), sqlite3_value_blob(argv[1]),
                                (size_t)sqlite3_value_bytes(argv[1]), out) != 0) {
        sqlite3_result_error(ctx, "sv_fnr_mask: no key or no HMAC-SHA-256", -1);
        return;
    }
    sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

int sv_chain_register(sqlite3 *db)
{
    sqlite3_create_function(db, "sv_fnr_mask", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fn_mask, NULL, NULL);
    sv_draft_register(db);
    return sqlite3_create_function(db, "sv_chain_link", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fn_link, NULL, NULL);
}

static int has_chain(sqlite3 *db)
{
    sqlite3_stmt *s;
    int n = 0;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'chain'", -1,
                           &s, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

void sv_chain_head(sqlite3 *db, char head[65])
{
    head[0] = '\0';
    if (!has_chain(db)) return;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, "SELECT link FROM chain ORDER BY seq DESC LIMIT 1", -1, &s, NULL) != SQLITE_OK) return;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(head, 65, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
}

/* The kinds of rows linked into the chain: the table, the column the chain's row_id names,
 * the columns hashed (as the chain triggers of core/guard.c hash them), and the schema from
 * which the kind is chained. Every part of the chain below is written from this one list. */
typedef struct chained {
    const char *kind, *table, *key, *cols;
    int from;
} chained;
static const chained KINDS[] = {
    {"audit", "audit", "id", SV_CHAIN_AUDIT_COLS("r."), SV_CHAIN_SCHEMA},
    {"decision", "decision", "id", SV_CHAIN_DECISION_COLS("r."), SV_CHAIN_SCHEMA},
    {"notification", "notification", "id", SV_CHAIN_NOTICE_COLS("r."), SV_CHAIN_NOTICE_SCHEMA},
    {"decision_verdict", "decision_verdict", "decision_id", SV_CHAIN_VERDICT_COLS("r."), SV_CHAIN_VERDICT_SCHEMA},
    {"advance_notice", "advance_notice", "id", SV_CHAIN_ADVNOTICE_COLS("r."), SV_CHAIN_ADVNOTICE_SCHEMA},
};
#define NKINDS (sizeof KINDS / sizeof KINDS[0])

/* The link a chain entry c should have, recomputed from the row it names and prev, for the
 * kinds with use[k] set: a CASE over c.kind. */
static void recompute(sv_buf *b, const char *prev, const int use[NKINDS])
{
    sv_buf_add(b, "CASE c.kind");
    for (size_t k = 0; k < NKINDS; k++)
        if (use[k])
            sv_buf_printf(b, " WHEN '%s' THEN (SELECT sv_chain_link(%s, '%s', %s) FROM %s r WHERE r.%s = c.row_id)",
                          KINDS[k].kind, prev, KINDS[k].kind, KINDS[k].cols, KINDS[k].table, KINDS[k].key);
    sv_buf_add(b, " END");
}

int sv_chain_build(sqlite3 *db, sv_err *e)
{
    /* Decisions first, then the audit log, then the rest, each in key order: the order they
     * were written in within each kind, which is all an existing database can tell. Each kind
     * once its table exists (the build runs inside the migrations that introduce them). */
    static const size_t order[] = {1, 0, 2, 3, 4};
    _Static_assert(sizeof order / sizeof order[0] == NKINDS, "every chained kind is built");
    int use[NKINDS];
    for (size_t k = 0; k < NKINDS; k++) use[k] = sv_schema_has_table(db, KINDS[k].table);
    sv_buf q;
    sv_buf_init(&q);
    sv_buf_add(&q, "INSERT INTO chain(kind, row_id, link) SELECT c.kind, c.row_id, ");
    recompute(&q, "(SELECT link FROM chain ORDER BY seq DESC LIMIT 1)", use);
    sv_buf_add(&q, " FROM (SELECT ? AS kind, ? AS row_id) c");
    sqlite3_stmt *ins = NULL;
    int rc = sqlite3_prepare_v2(db, q.s, -1, &ins, NULL);
    for (size_t i = 0; i < NKINDS && rc == SQLITE_OK; i++) {
        const chained *c = &KINDS[order[i]];
        if (!use[order[i]]) continue;
        q.len = 0;
        sv_buf_printf(&q, "SELECT r.%s FROM %s r LEFT JOIN (SELECT row_id FROM chain WHERE kind = '%s') c"
                          " ON c.row_id = r.%s WHERE c.row_id IS NULL ORDER BY r.%s",
                      c->key, c->table, c->kind, c->key, c->key);
        sqlite3_stmt *s;
        rc = sqlite3_prepare_v2(db, q.s, -1, &s, NULL);
        if (rc != SQLITE_OK) break;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            sqlite3_bind_text(ins, 1, c->kind, -1, SQLITE_STATIC);
            sqlite3_bind_int64(ins, 2, sqlite3_column_int64(s, 0));
            rc = sqlite3_step(ins);
            sqlite3_reset(ins);
            if (rc != SQLITE_DONE) break;
        }
        sqlite3_finalize(s);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK)
        sv_err_set(e, SV_EDB, NULL, _("Kunne ikke bygge kjeden over historikken: %s"), sqlite3_errmsg(db));
    sqlite3_finalize(ins);
    sv_buf_free(&q);
    return rc == SQLITE_OK ? SV_OK : SV_EDB;
}

typedef struct vctx {
    sqlite3 *db;
    sv_chain_report report;
    void *ctx;
    int breaks;
    /* the database's triggers by name (strcmp order, as SQLite's BINARY collation sorts):
     * read in one pass, since sqlite_schema has no index on name and a lookup per
     * protective trigger scanned it 135 times at every open */
    char **names, **sqls;
    size_t ntrig;
} vctx;

static void brk(vctx *v, const char *table, int64_t row, const char *name, const char *problem, const char *expected,
                const char *found)
{
    v->breaks++;
    sv_chain_break b = {table, row, name ? name : "", problem, expected ? expected : "", found ? found : ""};
    if (v->report) v->report(&b, v->ctx);
}

static int check_trigger(const char *name, const char *sql, void *ctx)
{
    vctx *v = ctx;
    size_t lo = 0, hi = v->ntrig;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(v->names[mid], name);
        if (!c) {
            const char *have = v->sqls[mid];
            if (!have || strcmp(have, sql)) brk(v, "trigger", 0, name, _("beskyttende trigger er endret"), sql, have);
            return 0;
        }
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    brk(v, "trigger", 0, name, _("beskyttende trigger mangler"), sql, "");
    return 0;
}

static void check_tables(vctx *v)
{
    static const char *const tables[] = {"audit", "decision", "chain"};
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(v->db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", -1, &s, NULL))
        return;
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        sv_buf want;
        sv_buf_init(&want);
        if (sv_schema_shipped_table(sv_schema_version(v->db), tables[i], &want) == SV_OK) {
            sqlite3_bind_text(s, 1, tables[i], -1, SQLITE_STATIC);
            const char *have = sqlite3_step(s) == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
            /* Later migrations may add columns (ALTER TABLE appends them before the closing
             * parenthesis); every shipped column and constraint must stay as it was. */
            if (!have) brk(v, "table", 0, tables[i], _("tabellen mangler"), want.s, "");
            else if (strncmp(have, want.s, want.len - 1))
                brk(v, "table", 0, tables[i], _("tabellens definisjon eller regler er endret"), want.s, have);
            sqlite3_reset(s);
        }
        sv_buf_free(&want);
    }
    sqlite3_finalize(s);
}

/* Rows of a kind not in the chain (added with the triggers dropped), as (kind, key). The chain
 * has no index over (kind, row_id) but a partial one per kind other than audit: every save
 * appends an audit row, and a second b-tree per save would double what a save writes. So the
 * full check joins the audit log with an automatic index, and the cheap one run at every open
 * looks only at the last row of each kind (for the audit log: is it the last audit link). */
static void unlinked_sql(sv_buf *b, const chained *c, int full)
{
    int audit = !strcmp(c->kind, "audit");
    if (full && audit)
        sv_buf_printf(b, "SELECT 'audit', r.id FROM audit r LEFT JOIN (SELECT row_id FROM chain WHERE kind = 'audit') c"
                         " ON c.row_id = r.id WHERE c.row_id IS NULL");
    else if (audit)
        sv_buf_add(b, "SELECT 'audit', id FROM audit WHERE id = (SELECT max(id) FROM audit) AND id IS NOT (SELECT row_id"
                      " FROM chain WHERE kind = 'audit' ORDER BY seq DESC LIMIT 1)");
    else {
        sv_buf_printf(b, "SELECT '%s', r.%s FROM %s r WHERE ", c->kind, c->key, c->table);
        if (!full) sv_buf_printf(b, "r.%s = (SELECT max(%s) FROM %s) AND ", c->key, c->key, c->table);
        sv_buf_printf(b, "NOT EXISTS(SELECT 1 FROM chain c WHERE c.kind = '%s' AND c.row_id = r.%s)", c->kind, c->key);
    }
}

/* Every chained row must be in the chain once, and every chain entry must name an existing row
 * and hash to its link. */
static int check_links(vctx *v, int full)
{
    int schema = sv_schema_version(v->db), use[NKINDS];
    sv_buf q, kinds, names;   /* the kinds chained: as an SQL list, and as "audit/decision/..." */
    sv_buf_init(&q);
    sv_buf_init(&kinds);
    sv_buf_init(&names);
    int rc = SQLITE_DONE;
    for (size_t k = 0; k < NKINDS && rc == SQLITE_DONE; k++) {
        use[k] = schema >= KINDS[k].from;
        if (!use[k]) continue;
        sv_buf_printf(&kinds, "%s'%s'", kinds.len ? ", " : "", KINDS[k].kind);
        sv_buf_printf(&names, "%s%s", names.len ? "/" : "", KINDS[k].kind);
        q.len = 0;
        unlinked_sql(&q, &KINDS[k], full);
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(v->db, q.s, -1, &s, NULL) != SQLITE_OK) {
            rc = SQLITE_ERROR;
            break;
        }
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            brk(v, KINDS[k].kind, sqlite3_column_int64(s, 1), NULL,
                _("raden er ikke lenket inn i kjeden (lagt til utenom programmet)"), _("en lenke i kjeden"), "");
        sqlite3_finalize(s);
    }
    if (rc != SQLITE_DONE) goto fail;
    if (full) {
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(v->db, "SELECT kind, row_id FROM chain GROUP BY kind, row_id HAVING count(*) > 1", -1,
                               &s, NULL) != SQLITE_OK) {
            rc = SQLITE_ERROR;
            goto fail;
        }
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            brk(v, (const char *)sqlite3_column_text(s, 0), sqlite3_column_int64(s, 1), NULL,
                _("raden er lenket inn i kjeden to ganger"), _("en lenke i kjeden"), "");
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE) goto fail;
    }
    /* Each entry (all of them, or the last) recomputed from its row and the link before it. */
    q.len = 0;
    sv_buf_add(&q, "SELECT c.seq, c.kind, c.row_id, c.link, ");
    recompute(&q, "c.prev", use);
    sv_buf_printf(&q, ", c.kind IN (%s) FROM ", kinds.s);
    if (full)
        sv_buf_add(&q, "(SELECT seq, kind, row_id, link, lag(link) OVER (ORDER BY seq) AS prev FROM chain) c ORDER BY c.seq");
    else
        sv_buf_add(&q, "(SELECT seq, kind, row_id, link, (SELECT link FROM chain p WHERE p.seq < x.seq ORDER BY p.seq DESC"
                       " LIMIT 1) AS prev FROM chain x ORDER BY seq DESC LIMIT 1) c");
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(v->db, q.s, -1, &s, NULL) != SQLITE_OK) {
        rc = SQLITE_ERROR;
        goto fail;
    }
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(s, 1);
        int64_t row = sqlite3_column_int64(s, 2);
        const char *link = (const char *)sqlite3_column_text(s, 3);
        const char *again = (const char *)sqlite3_column_text(s, 4);
        if (!sqlite3_column_int(s, 5))
            brk(v, "chain", sqlite3_column_int64(s, 0), NULL, _("ukjent slags lenke i kjeden"), names.s, kind);
        else if (!again)
            brk(v, kind, row, NULL, _("raden i kjeden finnes ikke lenger (slettet)"), link, "");
        else if (!link || strcmp(link, again))
            brk(v, kind, row, NULL, _("raden er endret etter at den ble lagret (lenken stemmer ikke)"), link, again);
    }
    sqlite3_finalize(s);
fail:
    sv_buf_free(&q);
    sv_buf_free(&kinds);
    sv_buf_free(&names);
    return rc == SQLITE_DONE ? 0 : -1;
}

int sv_chain_verify(sqlite3 *db, int full, sv_chain_report report, void *ctx, sv_err *e)
{
    vctx v = {db, report, ctx, 0, NULL, NULL, 0};
    int schema = sv_schema_version(db);
    sqlite3_stmt *get;
    if (sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name", -1, &get,
                           NULL) != SQLITE_OK) {
        sv_err_set(e, SV_EDB, NULL, _("Kan ikke lese databasen: %s"), sqlite3_errmsg(db));
        return -1;
    }
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(get)) == SQLITE_ROW) {
        if (v.ntrig == cap) {
            cap = cap ? cap * 2 : 256;
            v.names = sv_xrealloc(v.names, cap * sizeof *v.names);
            v.sqls = sv_xrealloc(v.sqls, cap * sizeof *v.sqls);
        }
        const char *sql = (const char *)sqlite3_column_text(get, 1);
        v.names[v.ntrig] = sv_xstrdup((const char *)sqlite3_column_text(get, 0));
        v.sqls[v.ntrig++] = sql ? sv_xstrdup(sql) : NULL;
    }
    sqlite3_finalize(get);
    if (rc == SQLITE_DONE) sv_guard_each(schema, check_trigger, &v);
    for (size_t i = 0; i < v.ntrig; i++) {
        free(v.names[i]);
        free(v.sqls[i]);
    }
    free(v.names);
    free(v.sqls);
    if (rc != SQLITE_DONE) {
        sv_err_set(e, SV_EDB, NULL, _("Kan ikke lese databasen: %s"), sqlite3_errmsg(db));
        return -1;
    }
    check_tables(&v);
    if (schema >= SV_CHAIN_SCHEMA && has_chain(db) && check_links(&v, full) != 0) {
        sv_err_set(e, SV_EDB, NULL, _("Kan ikke lese kjeden: %s"), sqlite3_errmsg(db));
        return -1;
    }
    int rows = full ? sv_chain_check_rows(db, report, ctx) : 0;
    if (rows < 0) {
        sv_err_set(e, SV_EDB, NULL, _("Kan ikke lese databasen: %s"), sqlite3_errmsg(db));
        return -1;
    }
    v.breaks += rows;
    return v.breaks;
}
