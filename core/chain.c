/* The hash chain (see chain.h): SHA-256 from OpenSSL's libcrypto. */
#include "chain.h"
#include "draftmask.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
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
static void add_value(EVP_MD_CTX *md, sqlite3_value *v)
{
    unsigned char hdr[9];
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        hdr[0] = 'i';
        put_u64(hdr + 1, (uint64_t)sqlite3_value_int64(v));
        EVP_DigestUpdate(md, hdr, 9);
        break;
    case SQLITE_FLOAT: {
        double d = sqlite3_value_double(v);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        hdr[0] = 'f';
        put_u64(hdr + 1, bits);
        EVP_DigestUpdate(md, hdr, 9);
        break;
    }
    case SQLITE_NULL:
        hdr[0] = 'n';
        EVP_DigestUpdate(md, hdr, 1);
        break;
    default: {
        int blob = sqlite3_value_type(v) == SQLITE_BLOB;
        const void *p = blob ? sqlite3_value_blob(v) : (const void *)sqlite3_value_text(v);
        int n = sqlite3_value_bytes(v);
        hdr[0] = blob ? 'b' : 't';
        put_u64(hdr + 1, (uint64_t)n);
        EVP_DigestUpdate(md, hdr, 9);
        if (n > 0) EVP_DigestUpdate(md, p, (size_t)n);
    }
    }
}

/* sv_chain_link(prev, kind, v1, ..., vn): hex SHA-256 of the previous link's text followed
 * by the canonical content of kind and the values. */
static void fn_link(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (argc < 2) {
        sqlite3_result_error(ctx, "sv_chain_link: too few arguments", -1);
        return;
    }
    EVP_MD_CTX *md = sqlite3_user_data(ctx);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
        sqlite3_result_error(ctx, "sv_chain_link: SHA-256 unavailable", -1);
        return;
    }
    if (sqlite3_value_type(argv[0]) != SQLITE_NULL)
        EVP_DigestUpdate(md, sqlite3_value_text(argv[0]), (size_t)sqlite3_value_bytes(argv[0]));
    for (int i = 1; i < argc; i++) add_value(md, argv[i]);
    EVP_DigestFinal_ex(md, out, &n);
    char hex[2 * EVP_MAX_MD_SIZE + 1];
    for (unsigned i = 0; i < n; i++) snprintf(hex + 2 * i, 3, "%02x", out[i]);
    sqlite3_result_text(ctx, hex, (int)(2 * n), SQLITE_TRANSIENT);
}

void sv_sha256_hex(const void *p, size_t n, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    out[0] = '\0';
    if (!EVP_Digest(p, n, md, &len, EVP_sha256(), NULL) || len != 32) return;
    for (unsigned i = 0; i < len; i++) snprintf(out + 2 * i, 3, "%02x", md[i]);
}

int sv_fnr_mask_keyed(const char *f, size_t n, const void *key, size_t kn, char out[SV_FNR_MASKED_SIZE])
{
    out[0] = '\0';
    if (n > 11 && strstr(f, "*****#")) {   /* masked already (a migration run again) */
        snprintf(out, SV_FNR_MASKED_SIZE, "%s", f);
        return 0;
    }
    if (!key || kn < 16) return -1;
    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t ml = 0;
    if (!EVP_Q_mac(NULL, "HMAC", NULL, "SHA256", NULL, key, kn, (const unsigned char *)f, n, mac, sizeof mac, &ml)) return -1;
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

static void free_md(void *p) { EVP_MD_CTX_free(p); }

int sv_chain_register(sqlite3 *db)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    if (!md) return SQLITE_NOMEM;
    sqlite3_create_function(db, "sv_fnr_mask", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fn_mask, NULL, NULL);
    sv_draft_register(db);
    return sqlite3_create_function_v2(db, "sv_chain_link", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, md, fn_link,
                                      NULL, NULL, free_md);
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

/* The link a chain entry should have, recomputed from the row it names and prev. */
#define RECOMPUTE_WITH(prev, more) \
    "CASE c.kind WHEN 'audit' THEN (SELECT sv_chain_link(" prev ", 'audit', " SV_CHAIN_AUDIT_COLS("a.") \
    ") FROM audit a WHERE a.id = c.row_id) WHEN 'decision' THEN (SELECT sv_chain_link(" prev ", 'decision', " \
    SV_CHAIN_DECISION_COLS("d.") ") FROM decision d WHERE d.id = c.row_id)" more " END"
#define RECOMPUTE(prev) RECOMPUTE_WITH(prev, "")
#define WHEN_N(prev) " WHEN 'notification' THEN (SELECT sv_chain_link(" prev ", 'notification', " \
    SV_CHAIN_NOTICE_COLS("n.") ") FROM notification n WHERE n.id = c.row_id)"
#define WHEN_V(prev) " WHEN 'decision_verdict' THEN (SELECT sv_chain_link(" prev ", 'decision_verdict', " \
    SV_CHAIN_VERDICT_COLS("v.") ") FROM decision_verdict v WHERE v.decision_id = c.row_id)"
/* With the notifications, and with the verdicts too. */
#define RECOMPUTE_N(prev) RECOMPUTE_WITH(prev, WHEN_N(prev))
#define RECOMPUTE_NV(prev) RECOMPUTE_WITH(prev, WHEN_N(prev) WHEN_V(prev))

static int has_table(sqlite3 *db, const char *name)
{
    sqlite3_stmt *s;
    int n = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    n = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    return n;
}

int sv_chain_build(sqlite3 *db, sv_err *e)
{
    /* Decisions first, then the audit log, each in id order: the order they were written in
     * within each kind, which is all an existing database can tell. */
    static const char *const rows[] = {
        "SELECT 'decision', d.id FROM decision d LEFT JOIN (SELECT row_id FROM chain WHERE kind = 'decision') c"
        " ON c.row_id = d.id WHERE c.row_id IS NULL ORDER BY d.id",
        "SELECT 'audit', a.id FROM audit a LEFT JOIN (SELECT row_id FROM chain WHERE kind = 'audit') c"
        " ON c.row_id = a.id WHERE c.row_id IS NULL ORDER BY a.id",
        "SELECT 'notification', n.id FROM notification n LEFT JOIN (SELECT row_id FROM chain WHERE"
        " kind = 'notification') c ON c.row_id = n.id WHERE c.row_id IS NULL ORDER BY n.id",
        "SELECT 'decision_verdict', v.decision_id FROM decision_verdict v LEFT JOIN (SELECT row_id FROM chain WHERE"
        " kind = 'decision_verdict') c ON c.row_id = v.decision_id WHERE c.row_id IS NULL ORDER BY v.decision_id"};
    /* the notifications and verdicts once their tables exist (schemas 12 and 11) */
    int with_n = has_table(db, "notification") && has_table(db, "decision_verdict");
    sqlite3_stmt *ins = NULL;
    int rc = sqlite3_prepare_v2(db, with_n
        ? "INSERT INTO chain(kind, row_id, link) SELECT c.kind, c.row_id, " RECOMPUTE_NV(
              "(SELECT link FROM chain ORDER BY seq DESC LIMIT 1)") " FROM (SELECT ? AS kind, ? AS row_id) c"
        : "INSERT INTO chain(kind, row_id, link) SELECT c.kind, c.row_id, " RECOMPUTE(
              "(SELECT link FROM chain ORDER BY seq DESC LIMIT 1)") " FROM (SELECT ? AS kind, ? AS row_id) c",
        -1, &ins, NULL);
    for (int k = 0; k < (with_n ? 4 : 2) && rc == SQLITE_OK; k++) {
        sqlite3_stmt *s;
        rc = sqlite3_prepare_v2(db, rows[k], -1, &s, NULL);
        if (rc != SQLITE_OK) break;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            sqlite3_bind_text(ins, 1, (const char *)sqlite3_column_text(s, 0), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(ins, 2, sqlite3_column_int64(s, 1));
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

/* Every row of audit and decision must be in the chain (a row added with the triggers dropped
 * is not), and every chain entry must name an existing row and hash to its link. */
static int check_links(vctx *v, int full)
{
    /* The chain has no index over (kind, row_id) but partial ones for decisions and
     * notifications: every save appends to it, and a second b-tree per save would double what a
     * save writes. The full check joins with an automatic index instead; the cheap one looks at
     * the last links. */
    static const char *const unlinked[] = {
        "SELECT 'audit', a.id FROM audit a LEFT JOIN (SELECT row_id FROM chain WHERE kind = 'audit') c"
        " ON c.row_id = a.id WHERE c.row_id IS NULL",
        "SELECT 'decision', d.id FROM decision d WHERE NOT EXISTS(SELECT 1 FROM chain c WHERE c.kind = 'decision'"
        " AND c.row_id = d.id)",
        "SELECT kind, row_id FROM chain GROUP BY kind, row_id HAVING count(*) > 1",
        "SELECT 'notification', n.id FROM notification n LEFT JOIN (SELECT row_id FROM chain WHERE"
        " kind = 'notification') c ON c.row_id = n.id WHERE c.row_id IS NULL",
        "SELECT 'decision_verdict', v.decision_id FROM decision_verdict v LEFT JOIN (SELECT row_id FROM chain WHERE"
        " kind = 'decision_verdict') c ON c.row_id = v.decision_id WHERE c.row_id IS NULL"};
    static const char *const cheap[] = {
        /* the last audit link (a few steps back from the end) names the last audit row */
        "SELECT 'audit', id FROM audit WHERE id = (SELECT max(id) FROM audit) AND id IS NOT (SELECT row_id FROM"
        " chain WHERE kind = 'audit' ORDER BY seq DESC LIMIT 1)",
        "SELECT 'decision', id FROM decision d WHERE id = (SELECT max(id) FROM decision) AND NOT EXISTS(SELECT 1"
        " FROM chain c WHERE c.kind = 'decision' AND c.row_id = d.id)",
        NULL,
        "SELECT 'notification', id FROM notification n WHERE id = (SELECT max(id) FROM notification) AND NOT"
        " EXISTS(SELECT 1 FROM chain c WHERE c.kind = 'notification' AND c.row_id = n.id)",
        "SELECT 'decision_verdict', decision_id FROM decision_verdict v WHERE decision_id = (SELECT max(decision_id) FROM"
        " decision_verdict) AND NOT EXISTS(SELECT 1 FROM chain c WHERE c.kind = 'decision_verdict' AND c.row_id = v.decision_id)"};
    /* Notifications are chained from SV_CHAIN_NOTICE_SCHEMA, verdicts from SV_CHAIN_VERDICT_SCHEMA. */
    int schema = sv_schema_version(v->db);
    int with_n = schema >= SV_CHAIN_NOTICE_SCHEMA, with_v = schema >= SV_CHAIN_VERDICT_SCHEMA;
    sqlite3_stmt *s;
    int rc;
    for (int k = 0; k < (with_v ? 5 : with_n ? 4 : 3); k++) {
        const char *q = full ? unlinked[k] : cheap[k];
        if (!q) continue;
        if (sqlite3_prepare_v2(v->db, q, -1, &s, NULL) != SQLITE_OK) return -1;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            brk(v, (const char *)sqlite3_column_text(s, 0), sqlite3_column_int64(s, 1), NULL,
                k == 2 ? _("raden er lenket inn i kjeden to ganger") : _("raden er ikke lenket inn i kjeden (lagt til utenom programmet)"),
                _("en lenke i kjeden"), "");
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE) return -1;
    }
#define FULL_SQL(re, kinds) \
    "SELECT c.seq, c.kind, c.row_id, c.link, " re ", c.kind IN (" kinds ")" \
    " FROM (SELECT seq, kind, row_id, link, lag(link) OVER (ORDER BY seq) AS prev FROM chain) c ORDER BY c.seq"
#define CHEAP_SQL(re, kinds) \
    "SELECT c.seq, c.kind, c.row_id, c.link, " re ", c.kind IN (" kinds ")" \
    " FROM (SELECT seq, kind, row_id, link, (SELECT link FROM chain p WHERE p.seq < x.seq ORDER BY p.seq DESC" \
    " LIMIT 1) AS prev FROM chain x ORDER BY seq DESC LIMIT 1) c"
#define KINDS_NV "'audit', 'decision', 'notification', 'decision_verdict'"
    const char *sql = with_v ? (full ? FULL_SQL(RECOMPUTE_NV("c.prev"), KINDS_NV) : CHEAP_SQL(RECOMPUTE_NV("c.prev"), KINDS_NV))
                    : with_n ? (full ? FULL_SQL(RECOMPUTE_N("c.prev"), "'audit', 'decision', 'notification'")
                                     : CHEAP_SQL(RECOMPUTE_N("c.prev"), "'audit', 'decision', 'notification'"))
                             : (full ? FULL_SQL(RECOMPUTE("c.prev"), "'audit', 'decision'")
                                     : CHEAP_SQL(RECOMPUTE("c.prev"), "'audit', 'decision'"));
    if (sqlite3_prepare_v2(v->db, sql, -1, &s, NULL) != SQLITE_OK) return -1;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(s, 1);
        int64_t row = sqlite3_column_int64(s, 2);
        const char *link = (const char *)sqlite3_column_text(s, 3);
        const char *again = (const char *)sqlite3_column_text(s, 4);
        char seq[32];
        snprintf(seq, sizeof seq, "%lld", (long long)sqlite3_column_int64(s, 0));
        if (!sqlite3_column_int(s, 5))
            brk(v, "chain", sqlite3_column_int64(s, 0), NULL, _("ukjent slags lenke i kjeden"),
                with_v ? "audit/decision/notification/decision_verdict" : with_n ? "audit/decision/notification" : "audit/decision",
                kind);
        else if (!again)
            brk(v, kind, row, NULL, _("raden i kjeden finnes ikke lenger (slettet)"), link, "");
        else if (!link || strcmp(link, again))
            brk(v, kind, row, NULL, _("raden er endret etter at den ble lagret (lenken stemmer ikke)"), link, again);
    }
    sqlite3_finalize(s);
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
    return v.breaks;
}
