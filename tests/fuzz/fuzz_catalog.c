/* libFuzzer harness: the catalogue import (core/catalog.c), the one place a file written by
 * another municipality enters the database. The input is the file. Whatever it holds: a refusal
 * names a line within the file, leaves the catalogue as it was and says so in clean UTF-8 without
 * control characters; an accepted file adds exactly what the report says, and the resulting
 * catalogue exports to a file that imports again. Each run is undone by an outer transaction so
 * runs do not depend on each other. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/catalog.h"
#include "../../core/model.h"
#include "../../forms/forms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sv_store *st;
static int64_t muni_a, muni_b;
static char db_path[512];

static void cleanup(void)
{
    char p[600];
    sv_store_close(st);
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

static void must(int rc, const sv_err *e)
{
    if (rc != SV_OK) {
        fprintf(stderr, "fuzz_catalog setup: %s\n", e->msg);
        abort();
    }
}

static int64_t add_muni(const char *number)
{
    sv_municipality m;
    sv_err e;
    sv_entity_blank(&SV_ENT_MUNICIPALITY, &m);
    strcpy(m.number, number);
    strcpy(m.name, "Fuzz");
    strcpy(m.malform, "nb");
    must(sv_row_save(st, &SV_ENT_MUNICIPALITY, &m, &e), &e);
    return m.m.id;
}

static void add_measure(const char *name)
{
    sv_measure m;
    sv_err e;
    sv_entity_blank(&SV_ENT_MEASURE, &m);
    m.m.parent = muni_a;
    strcpy(m.name, name);
    strcpy(m.kind, "norsk");
    strcpy(m.provider, "voksenopplaering");
    m.hours = 150;
    strcpy(m.orientation, "utdanning");
    strcpy(m.status, "eksisterende");
    strcpy(m.description, "Med\ttab og\nlinjeskift \\ æøå");
    must(sv_row_save(st, &SV_ENT_MEASURE, &m, &e), &e);
}

static void init(void)
{
    sv_err e;
    const char *dir = getenv("TMPDIR");
    snprintf(db_path, sizeof db_path, "%s/stegvis-fuzz-catalog-%d.db", dir && *dir ? dir : "/tmp", (int)getpid());
    cleanup();
    must(sv_store_open(db_path, 1, &st, &e), &e);
    sv_user u = {0};
    snprintf(u.login, sizeof u.login, "%s", sv_login());
    strcpy(u.role, "administrator");
    must(sv_user_add(st, &u, &e), &e);
    muni_a = add_muni("4601");
    muni_b = add_muni("1506");
    add_measure("Norskopplæring spor 2");
    add_measure("Språkpraksis");
    atexit(cleanup);
}

static int64_t measures(int64_t muni)
{
    sqlite3_stmt *s;
    int64_t n = -1;
    if (sqlite3_prepare_v2(sv_store_db(st), "SELECT count(*) FROM measure WHERE municipality_id = ?", -1, &s,
                           NULL) != SQLITE_OK)
        abort();
    sqlite3_bind_int64(s, 1, muni);
    if (sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* A message for the user: non-empty UTF-8 without control characters. */
static void clean_message(const sv_err *e)
{
    if (!e->msg[0] || sv_utf8_len(e->msg) < 0) abort();
    for (const unsigned char *p = (const unsigned char *)e->msg; *p; p++)
        if (*p < 0x20 || *p == 0x7f) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!st) init();
    sv_err e;
    sv_err_clear(&e);
    int64_t before = measures(muni_a);
    if (sv_store_begin(st, &e) != SV_OK) abort();
    size_t lines = 1;
    for (size_t i = 0; i < size; i++) lines += data[i] == '\n';
    sv_catalog_report r;
    int rc = sv_catalog_import(st, muni_a, (const char *)data, size, "fuzz.tsv", &r, &e);
    if (rc != SV_OK) {
        clean_message(&e);
        if (r.line < 0 || (size_t)r.line > lines || r.added != 0) abort();
        if (measures(muni_a) != before) abort();   /* nothing changed */
        return 0;                                  /* the failed import rolled back our transaction too */
    }
    if (r.added + r.skipped != r.rows || measures(muni_a) != before + r.added) abort();
    /* Whatever was accepted exports to a file that imports again, all of it. */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int n = sv_catalog_export(st, muni_a, f, &e);
    fclose(f);
    if (n != before + r.added) abort();
    sv_catalog_report r2;
    if (sv_catalog_import(st, muni_b, buf, len, "again.tsv", &r2, &e) != SV_OK) {
        fprintf(stderr, "re-import failed: %s\n", e.msg);
        abort();
    }
    if (r2.added != n || r2.skipped != 0) abort();
    free(buf);
    sv_store_rollback(st);
    if (measures(muni_a) != before || measures(muni_b) != 0) abort();
    return 0;
}
