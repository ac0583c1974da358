/* The catalogue exchange file (core/catalog.c): round trip between municipalities, all or
 * nothing on a bad line (named by line and field), names already there skipped, hostile input
 * refused (size, line length, UTF-8, control characters, NUL), and the role check. */
#include <sqlite3.h>

#include "testlib.h"

#include "../../core/catalog.h"

static char path[512];
static sv_store *st;
static int64_t bergen, molde;

static int64_t new_muni(const char *number, const char *name)
{
    sv_municipality m;
    sv_err e;
    sv_entity_blank(&SV_ENT_MUNICIPALITY, &m);
    strcpy(m.number, number);
    strcpy(m.name, name);
    strcpy(m.malform, "nb");
    ck_assert_msg(sv_row_save(st, &SV_ENT_MUNICIPALITY, &m, &e) == SV_OK, "%s", e.msg);
    return m.m.id;
}

static void add_measure(int64_t muni, const char *name, int hours, const char *desc)
{
    sv_measure m;
    sv_err e;
    sv_entity_blank(&SV_ENT_MEASURE, &m);
    m.m.parent = muni;
    snprintf(m.name, sizeof m.name, "%s", name);
    strcpy(m.kind, "arbeidspraksis");
    strcpy(m.provider, "nav");
    m.hours = hours;
    strcpy(m.orientation, "arbeid");
    m.nav = 1;
    strcpy(m.status, "eksisterende");
    snprintf(m.description, sizeof m.description, "%s", desc);
    ck_assert_msg(sv_row_save(st, &SV_ENT_MEASURE, &m, &e) == SV_OK, "%s", e.msg);
}

static int64_t count(const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(sv_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* The export of muni as a string (caller frees). */
static char *export(int64_t muni, int *n)
{
    char *buf = NULL;
    size_t len = 0;
    sv_err e;
    FILE *f = open_memstream(&buf, &len);
    *n = sv_catalog_export(st, muni, f, &e);
    fclose(f);
    ck_assert_msg(*n >= 0, "%s", e.msg);
    return buf;
}

static void setup(void)
{
    st = tl_open(path, sizeof path, &bergen);
    molde = new_muni("1506", "Molde");
    add_measure(bergen, "Arbeidspraksis i butikk", 150, "Fire dager\ti uka,\nmed mentor \\ veileder. Æøå.");
    add_measure(bergen, "Lønnstilskudd", 375, "");
}

static void teardown(void)
{
    sv_store_close(st);
    tl_unlink_db(path);
}

static const char HEAD[] = SV_CATALOG_MAGIC "\nname\tkind\tprovider\thours\torientation\tnav\tstatus\tdescription\n";
#define ROW(name, hours) name "\tannet\tflyktningtjeneste\t" hours "\tbegge\tnei\tny\t\n"

static int import(int64_t muni, const char *text, sv_catalog_report *r, sv_err *e)
{
    return sv_catalog_import(st, muni, text, strlen(text), "k.tsv", r, e);
}

START_TEST(test_round_trip)
{
    int n;
    char *a = export(bergen, &n);
    ck_assert_int_eq(n, 2);
    ck_assert(strncmp(a, HEAD, strlen(HEAD)) == 0);
    ck_assert_ptr_nonnull(strstr(a, "Fire dager\\ti uka,\\nmed mentor \\\\ veileder"));
    sv_catalog_report r;
    sv_err e;
    ck_assert_msg(import(molde, a, &r, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(r.rows, 2);
    ck_assert_int_eq(r.added, 2);
    ck_assert_int_eq(r.skipped, 0);
    char *b = export(molde, &n);
    ck_assert_str_eq(a, b);   /* every field as it was, escapes included */
    /* Again: both are there by name, skipped and left alone. */
    ck_assert_int_eq(import(molde, a, &r, &e), SV_OK);
    ck_assert_int_eq(r.added, 0);
    ck_assert_int_eq(r.skipped, 2);
    ck_assert_str_eq(r.first_skipped, "Arbeidspraksis i butikk");
    ck_assert_int_eq(count("SELECT count(*) FROM measure"), 4);
    free(a);
    free(b);
}
END_TEST

START_TEST(test_bad_line_changes_nothing)
{
    int64_t audit = count("SELECT count(*) FROM audit");
    sv_catalog_report r;
    sv_err e;
    char text[1024];
    snprintf(text, sizeof text, "%s%s%s%s", HEAD, ROW("Kurs A", "10"), "\n", ROW("Kurs B", "500"));
    ck_assert_int_eq(import(bergen, text, &r, &e), SV_EINVAL);
    ck_assert_int_eq(r.line, 5);
    ck_assert_str_eq(r.field, "hours");
    ck_assert_str_eq(e.field, "hours");
    ck_assert_msg(strstr(e.msg, "k.tsv linje 5: Timer per uke: må være mellom") != NULL, "%s", e.msg);
    ck_assert_ptr_nonnull(strstr(e.msg, "Ingenting er importert"));
    ck_assert_int_eq(r.added, 0);
    ck_assert_int_eq(count("SELECT count(*) FROM measure"), 2);
    ck_assert_int_eq(count("SELECT count(*) FROM audit"), audit);
    /* A missing required value: named by the validation of the whole row. */
    snprintf(text, sizeof text, "%s%s", HEAD, "Kurs C\t\tnav\t10\tarbeid\tnei\tny\t\n");
    ck_assert_int_eq(import(bergen, text, &r, &e), SV_EINVAL);
    ck_assert_str_eq(r.field, "kind");
    ck_assert_int_eq(r.line, 3);
}
END_TEST

START_TEST(test_duplicates)
{
    sv_catalog_report r;
    sv_err e;
    char text[1024];
    /* Existing names (any case) are skipped; new ones added in the same transaction. */
    snprintf(text, sizeof text, "%s%s%s", HEAD, ROW("LØNNSTILSKUDD", "20"), ROW("Nytt", "20"));
    ck_assert_msg(import(bergen, text, &r, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(r.added, 1);
    ck_assert_int_eq(r.skipped, 1);
    ck_assert_int_eq(count("SELECT hours FROM measure WHERE name = 'Lønnstilskudd'"), 375);
    /* The same name twice in one file is an error naming both lines. */
    snprintf(text, sizeof text, "%s%s%s", HEAD, ROW("Kurs", "20"), ROW("kurs", "20"));
    ck_assert_int_eq(import(bergen, text, &r, &e), SV_EINVAL);
    ck_assert_msg(strstr(e.msg, "linje 4: Navn på tiltak: «kurs» står også på linje 3") != NULL, "%s", e.msg);
    snprintf(text, sizeof text, "%s%s%s", HEAD, ROW("Nytt", "20"), ROW("NYTT", "20"));
    ck_assert_int_eq(import(bergen, text, &r, &e), SV_EINVAL);
    ck_assert_int_eq(r.line, 4);
    ck_assert_int_eq(count("SELECT count(*) FROM measure"), 3);
}
END_TEST

/* Imports text of len bytes, expects a refusal at line with msg in the message, nothing saved. */
static void refused(const char *text, size_t len, int line, const char *field, const char *msg)
{
    sv_catalog_report r;
    sv_err e;
    ck_assert_int_eq(sv_catalog_import(st, bergen, text, len, "k.tsv", &r, &e), SV_EINVAL);
    ck_assert_int_eq(r.line, line);
    ck_assert_str_eq(r.field, field);
    ck_assert_msg(strstr(e.msg, msg) != NULL, "«%s» not in «%s»", msg, e.msg);
    ck_assert_int_ne(sv_utf8_len(e.msg), -1);   /* messages are UTF-8 whatever the file held */
    for (const char *p = e.msg; *p; p++) ck_assert((unsigned char)*p >= 0x20);
    ck_assert_int_eq(count("SELECT count(*) FROM measure"), 2);
}

START_TEST(test_hostile_input)
{
    char text[4096];
    snprintf(text, sizeof text, "%sKurs\tannet\tnav\t10\tarbeid\tnei\tny\tbad \xC3\x28 byte\n", HEAD);
    refused(text, strlen(text), 3, "description", "Beskrivelse: teksten har ugyldige tegn");
    snprintf(text, sizeof text, "%sKurs\x1b[2J\tannet\tnav\t10\tarbeid\tnei\tny\t\n", HEAD);
    refused(text, strlen(text), 3, "name", "Navn på tiltak: kontrolltegn (byte 27)");
    snprintf(text, sizeof text, "%sKurs\\n2\tannet\tnav\t10\tarbeid\tnei\tny\t\n", HEAD);
    refused(text, strlen(text), 3, "name", "linjeskift er ikke tillatt");
    /* A value quoted in the message shows its escapes again, never a raw tab or newline. */
    snprintf(text, sizeof text, "%sKurs\ta\\tb\\nc\tnav\t10\tarbeid\tnei\tny\t\n", HEAD);
    refused(text, strlen(text), 3, "kind", "Type tiltak: «a\\tb\\nc» er ikke et gyldig valg");
    snprintf(text, sizeof text, "%sKurs\tannet\tnav\t10\tarbeid\tnei\tny\tslutt\\\n", HEAD);
    refused(text, strlen(text), 3, "description", "ukjent tegnsekvens");
    snprintf(text, sizeof text, "%sKurs\tannet\tnav\t10\tarbeid\tnei\tny\t\textra\n", HEAD);
    refused(text, strlen(text), 3, "", "for mange kolonner");
    size_t n = (size_t)snprintf(text, sizeof text, "%sKurs\tannet", HEAD);
    text[n++] = '\0';
    memcpy(text + n, "\tnav\n", 5);
    refused(text, n + 5, 3, "", "NUL-tegn");
    refused("# stegvis tiltakskatalog 2\n", 27, 1, "", "er ikke en tiltakskatalog");
    refused("", 0, 0, "", "er ikke en tiltakskatalog");
    refused(SV_CATALOG_MAGIC "\nname\tkind\n", strlen(SV_CATALOG_MAGIC) + 11, 2, "provider", "kolonnen «provider»");
    refused(SV_CATALOG_MAGIC "\nname\t\xff\n", strlen(SV_CATALOG_MAGIC) + 9, 2, "", "ukjent kolonne");
    /* A name one byte too long is refused, never cut. */
    char name[200];
    memset(name, 'a', 121);
    name[121] = '\0';
    snprintf(text, sizeof text, "%s%s\tannet\tnav\t10\tarbeid\tnei\tny\t\n", HEAD, name);
    refused(text, strlen(text), 3, "name", "for lang tekst");
    /* Limits: a line and a file too long. */
    size_t big = SV_CATALOG_MAX_BYTES + 1;
    char *huge = malloc(big);
    memset(huge, 'x', big);
    memcpy(huge, HEAD, strlen(HEAD));
    refused(huge, SV_CATALOG_MAX_LINE + 200, 3, "", "linjen er for lang");
    refused(huge, big, 0, "", "filen er for stor");
    /* Too many rows. */
    sv_buf b;
    sv_buf_init(&b);
    sv_buf_add(&b, HEAD);
    for (int i = 0; i <= SV_CATALOG_MAX_ROWS; i++) sv_buf_printf(&b, ROW("Kurs %d", "10"), i);
    refused(b.s, b.len, 3 + SV_CATALOG_MAX_ROWS, "", "flere enn 5000 tiltak");
    sv_buf_free(&b);
    free(huge);
}
END_TEST

START_TEST(test_bom_crlf_and_blank_lines)
{
    const char *text = "\xEF\xBB\xBF" SV_CATALOG_MAGIC "\r\nname\tkind\tprovider\thours\torientation\tstatus\r\n"
                       "\r\nKurs\tannet\tnav\t7.5\tarbeid\tny\r\n\n";
    sv_catalog_report r;
    sv_err e;
    ck_assert_msg(sv_catalog_import(st, bergen, text, strlen(text), NULL, &r, &e) == SV_OK, "%s", e.msg);
    ck_assert_int_eq(r.added, 1);
    ck_assert_int_eq(count("SELECT hours FROM measure WHERE name = 'Kurs'"), 75);
}
END_TEST

START_TEST(test_roles)
{
    sv_err e;
    sv_user u = {0};
    strcpy(u.login, "tilsyn1");
    strcpy(u.role, "supervisor");
    ck_assert_int_eq(sv_user_add(st, &u, &e), SV_OK);
    setenv("STEGVIS_USER", "tilsyn1", 1);
    sv_login_reset();
    ck_assert_int_eq(sv_store_reload_user(st, &e), SV_OK);
    int n;
    free(export(bergen, &n));   /* a supervisor may read */
    int64_t refusals = count("SELECT count(*) FROM audit WHERE tbl = 'access'");
    char text[512];
    snprintf(text, sizeof text, "%s%s", HEAD, ROW("Kurs", "10"));
    ck_assert_int_eq(import(bergen, text, NULL, &e), SV_EDENIED);
    ck_assert_ptr_nonnull(strstr(e.msg, "har ikke lov"));
    ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE tbl = 'access'"), refusals + 1);
    ck_assert_int_eq(count("SELECT count(*) FROM measure"), 2);
    unsetenv("STEGVIS_USER");
    sv_login_reset();
    ck_assert_int_eq(sv_store_reload_user(st, &e), SV_OK);
    ck_assert_int_eq(import(9999, text, NULL, &e), SV_ENOTFOUND);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("catalog");
    TCase *tc = tcase_create("catalog");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_bad_line_changes_nothing);
    tcase_add_test(tc, test_duplicates);
    tcase_add_test(tc, test_hostile_input);
    tcase_add_test(tc, test_bom_crlf_and_blank_lines);
    tcase_add_test(tc, test_roles);
    suite_add_tcase(s, tc);
    return s;
}

TL_MAIN(suite)
