/* Text as the screens show it (core/text.c): what reaches the terminal, grapheme clusters,
 * display width and Unicode line breaking. Pure functions: no terminal, no database. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "../../core/text.h"
#include "../../core/util.h"

/* The rows of s at width columns, each as UTF-8, joined by '|' ("" when there are none). */
static void wrapped(const char *s, int width, char *out, size_t size)
{
    size_t n, at = 0, o = 0;
    uint32_t *u = sv_utf8_to_u32(s, strlen(s), &n);
    char *brk = sv_linebreaks(u, n);
    sv_row r;
    out[0] = '\0';
    for (int rows = 0; sv_wrap_row(u, n, brk, at, width, &r); at = r.next, rows++) {
        ck_assert_uint_gt(r.next, at);   /* every row moves on */
        ck_assert_int_le(r.end, r.next);
        size_t len = size - o - 2;
        uint8_t *b = u32_to_u8(u + r.start, r.end - r.start, (uint8_t *)out + o + (rows > 0), &len);
        ck_assert_ptr_eq(b, (uint8_t *)out + o + (rows > 0));
        if (rows > 0) out[o] = '|';
        o += len + (rows > 0);
        out[o] = '\0';
        if (width > 1) ck_assert_int_le(r.cols, width);
        ck_assert_int_eq(r.cols, sv_u32_cols(u + r.start, r.end - r.start));
    }
    free(brk);
    free(u);
}

START_TEST(test_control_characters_never_reach_the_terminal)
{
    ck_assert_uint_eq(sv_uc_shown(0x1B), '?');     /* ESC: the start of every escape sequence */
    ck_assert_uint_eq(sv_uc_shown(0x07), '?');
    ck_assert_uint_eq(sv_uc_shown(0x7F), '?');
    ck_assert_uint_eq(sv_uc_shown(0x9B), '?');     /* C1 CSI */
    ck_assert_uint_eq(sv_uc_shown(0x202E), '?');   /* RIGHT-TO-LEFT OVERRIDE */
    ck_assert_uint_eq(sv_uc_shown(0x202A), '?');
    ck_assert_uint_eq(sv_uc_shown(0x2067), '?');   /* RIGHT-TO-LEFT ISOLATE */
    ck_assert_uint_eq(sv_uc_shown(0x200E), 0);     /* LEFT-TO-RIGHT MARK: left out */
    ck_assert_uint_eq(sv_uc_shown(0xFEFF), 0);
    ck_assert_uint_eq(sv_uc_shown(0x200B), 0);
    ck_assert_uint_eq(sv_uc_shown(0x200C), 0x200C); /* ZWNJ stays (Persian names) */
    ck_assert_uint_eq(sv_uc_shown(0x200D), 0x200D); /* ZWJ stays (emoji sequences) */
    ck_assert_uint_eq(sv_uc_shown('\t'), ' ');
    ck_assert_uint_eq(sv_uc_shown('\n'), ' ');
    ck_assert_uint_eq(sv_uc_shown(0x00E5), 0x00E5);
    ck_assert_uint_eq(sv_uc_shown(0x0627), 0x0627);
    /* a name with an escape sequence and an override, padded for the command line */
    char out[64];
    sv_utf8_pad(out, sizeof out, "Ola\x1b[2J\xe2\x80\xae" "321", 12);
    ck_assert_str_eq(out, "Ola?[2J?321 ");
    ck_assert_ptr_null(strchr(out, 0x1b));
    /* a broken byte is a '?' too */
    size_t n;
    uint32_t *u = sv_utf8_to_u32("a\xc3" "b\xef\xbf\xbd", 6, &n);
    ck_assert_uint_eq(n, 4);
    ck_assert_uint_eq(u[1], '?');
    ck_assert_uint_eq(u[3], 0xFFFD);   /* a real U+FFFD stays itself */
    free(u);
}
END_TEST

START_TEST(test_width_of_scripts_marks_and_wide_characters)
{
    ck_assert_int_eq(sv_text_cols("Олена Коваленко"), 15);         /* Cyrillic */
    ck_assert_int_eq(sv_text_cols("فاطمة"), 5);                    /* Arabic */
    ck_assert_int_eq(sv_text_cols("李小龙"), 6);                    /* CJK: two columns each */
    ck_assert_int_eq(sv_text_cols("\xf0\x9f\x98\x80"), 2);         /* an emoji */
    ck_assert_int_eq(sv_text_cols("A\xcc\x8ase"), 3);              /* NFD Åse: the ring takes none */
    ck_assert_int_eq(sv_text_cols("Nguye\xcc\x82\xcc\x83n"), 6);   /* two marks on one letter */
    ck_assert_int_eq(sv_text_cols("\xcc\x81" "a"), 2);             /* a mark with nothing before it */
    ck_assert_int_eq(sv_text_cols("a\x1b[1m"), 5);                 /* ESC shown as '?' */
    ck_assert_int_eq(sv_text_cols("a\xe2\x80\x8e" "b"), 2);        /* LRM left out */
    ck_assert_int_eq(sv_text_cols(""), 0);
}
END_TEST

START_TEST(test_clusters_are_whole_and_in_nfc)
{
    size_t n;
    uint32_t *u = sv_utf8_to_u32("A\xcc\x8a" "se", 5, &n);   /* NFD "Åse" */
    ck_assert_uint_eq(n, 4);
    ck_assert_uint_eq(sv_cluster_next(u, n, 0), 2);
    ck_assert_uint_eq(sv_cluster_prev(u, 2), 0);
    ck_assert_uint_eq(sv_cluster_prev(u, 4), 3);
    uint32_t shown[SV_CLUSTER_MAX + 1];
    int cols;
    ck_assert_uint_eq(sv_cluster_shown(u, 2, shown, SV_CLUSTER_MAX + 1, &cols), 1);
    ck_assert_uint_eq(shown[0], 0x00C5);   /* drawn as the one letter Å */
    ck_assert_int_eq(cols, 1);
    free(u);
    /* an emoji family (man ZWJ woman) is one cluster of two emoji */
    u = sv_utf8_to_u32("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9x", 12, &n);
    ck_assert_uint_eq(n, 4);
    ck_assert_uint_eq(sv_cluster_next(u, n, 0), 3);
    free(u);
    /* a mark alone stands on a space */
    uint32_t mark[] = {0x0301};
    ck_assert_uint_eq(sv_cluster_shown(mark, 1, shown, SV_CLUSTER_MAX + 1, &cols), 2);
    ck_assert_uint_eq(shown[0], ' ');
    ck_assert_int_eq(cols, 1);
    /* an override alone is a visible '?', never the character itself */
    uint32_t rlo[] = {0x202E};
    ck_assert_uint_eq(sv_cluster_shown(rlo, 1, shown, SV_CLUSTER_MAX + 1, &cols), 1);
    ck_assert_uint_eq(shown[0], '?');
}
END_TEST

START_TEST(test_lines_break_where_unicode_allows)
{
    char out[512];
    wrapped("abc def", 5, out, sizeof out);
    ck_assert_str_eq(out, "abc|def");
    wrapped("abc    def", 4, out, sizeof out);              /* spaces hang, undrawn */
    ck_assert_str_eq(out, "abc|def");
    wrapped("Kari-Anne Nordmann", 9, out, sizeof out);       /* after the hyphen */
    ck_assert_str_eq(out, "Kari-Anne|Nordmann");
    wrapped("Kari-Anne Nordmann", 7, out, sizeof out);
    ck_assert_str_eq(out, "Kari-|Anne|Nordman|n");
    wrapped("Løvås Sæther", 8, out, sizeof out);             /* never inside a word */
    ck_assert_str_eq(out, "Løvås|Sæther");
    wrapped("a\nb\n\nc", 10, out, sizeof out);               /* line breaks are kept */
    ck_assert_str_eq(out, "a|b||c");
    wrapped("a\r\nb", 10, out, sizeof out);
    ck_assert_str_eq(out, "a|b");
    wrapped("李小龙李小龙", 5, out, sizeof out);               /* between ideographs, by columns */
    ck_assert_str_eq(out, "李小|龙李|小龙");
    wrapped("محمد علي حسن", 8, out, sizeof out);             /* Arabic at its spaces */
    ck_assert_str_eq(out, "محمد علي|حسن");
    wrapped("Олена Коваленко", 10, out, sizeof out);
    ck_assert_str_eq(out, "Олена|Коваленко");
    wrapped("", 10, out, sizeof out);
    ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_long_words_are_cut_between_clusters)
{
    char out[512];
    /* NFD Å then five A: the cut never falls between the A and its ring */
    wrapped("A\xcc\x8a" "AAAAA", 3, out, sizeof out);
    ck_assert_str_eq(out, "A\xcc\x8a" "AA|AAA");
    wrapped("A\xcc\x8a" "AAAAA", 1, out, sizeof out);
    ck_assert_str_eq(out, "A\xcc\x8a|A|A|A|A|A");
    /* a CJK character wider than the row still moves on, one per row */
    wrapped("李小", 1, out, sizeof out);
    ck_assert_str_eq(out, "李|小");
    /* a long Cyrillic word: whole two-byte characters on each row */
    wrapped("Олександрівна", 5, out, sizeof out);
    ck_assert_str_eq(out, "Олекс|андрі|вна");
    /* an emoji sequence is never split */
    wrapped("ab\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", 4, out, sizeof out);
    ck_assert_str_eq(out, "ab|\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("text");
    TCase *t = tcase_create("display");
    tcase_add_test(t, test_control_characters_never_reach_the_terminal);
    tcase_add_test(t, test_width_of_scripts_marks_and_wide_characters);
    tcase_add_test(t, test_clusters_are_whole_and_in_nfc);
    tcase_add_test(t, test_lines_break_where_unicode_allows);
    tcase_add_test(t, test_long_words_are_cut_between_clusters);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
