/* Validation without a database: dates, identity numbers, field parsing, roles. */
#include "testlib.h"

#include "../../core/date.h"
#include "../../core/fnr.h"
#include "../../core/roles.h"

/* Builds a valid number from a nine-digit prefix. */
static void make(const char *d9, char out[12])
{
    int k1, k2;
    ck_assert_int_eq(sv_fnr_check_digits(d9, &k1, &k2), 0);
    snprintf(out, 12, "%.9s%d%d", d9, k1, k2);
}

START_TEST(test_date_parses_norwegian_and_iso)
{
    sv_date a, b;
    ck_assert_int_eq(sv_date_parse("27.11.2026", &a), 0);
    ck_assert_int_eq(sv_date_parse("2026-11-27", &b), 0);
    ck_assert_int_eq(a, b);
    ck_assert_int_eq(sv_date_parse("1.2.2024", &a), 0);
    char buf[11];
    sv_date_iso(a, buf);
    ck_assert_str_eq(buf, "2024-02-01");
    sv_date_nor(a, buf);
    ck_assert_str_eq(buf, "01.02.2024");
    ck_assert_int_eq(sv_date_parse("", &a), 0);
    ck_assert_int_eq(a, SV_NODATE);
}
END_TEST

START_TEST(test_date_rejects_impossible_dates)
{
    sv_date d;
    ck_assert_int_eq(sv_date_parse("2026-02-30", &d), -1);
    ck_assert_int_eq(sv_date_parse("31.04.2026", &d), -1);
    ck_assert_int_eq(sv_date_parse("29.02.2025", &d), -1);
    ck_assert_int_eq(sv_date_parse("29.02.2024", &d), 0);
    ck_assert_int_eq(sv_date_parse("2026-13-01", &d), -1);
    ck_assert_int_eq(sv_date_parse("27/11/2026", &d), -1);
    ck_assert_int_eq(sv_date_parse("27.11.26", &d), -1);
    ck_assert_int_eq(sv_date_parse("2026-11-27x", &d), -1);
    ck_assert_int_eq(sv_date_parse("i går", &d), -1);
}
END_TEST

START_TEST(test_date_month_arithmetic_clamps)
{
    sv_date d = sv_date_from_ymd(2026, 1, 31);
    int y, m, dd;
    sv_date_to_ymd(sv_date_add_months(d, 1), &y, &m, &dd);
    ck_assert(y == 2026 && m == 2 && dd == 28);
    sv_date_to_ymd(sv_date_add_months(sv_date_from_ymd(2023, 11, 30), 3), &y, &m, &dd);
    ck_assert(y == 2024 && m == 2 && dd == 29);
    sv_date_to_ymd(sv_date_add_months(sv_date_from_ymd(2026, 5, 15), -6), &y, &m, &dd);
    ck_assert(y == 2025 && m == 11 && dd == 15);
    ck_assert_int_eq(sv_date_months_between(sv_date_from_ymd(2026, 1, 15), sv_date_from_ymd(2028, 1, 15)), 24);
    ck_assert_int_eq(sv_date_months_between(sv_date_from_ymd(2026, 1, 15), sv_date_from_ymd(2028, 1, 14)), 23);
    for (int y0 = 1900; y0 < 2100; y0 += 7) {   /* round trip across centuries */
        sv_date t = sv_date_from_ymd(y0, 3, 1);
        sv_date_to_ymd(t, &y, &m, &dd);
        ck_assert(y == y0 && m == 3 && dd == 1);
        ck_assert_int_eq(sv_date_from_ymd(y0, 3, 1) - sv_date_from_ymd(y0, 2, 28), sv_date_valid_ymd(y0, 2, 29) ? 2 : 1);
    }
}
END_TEST

START_TEST(test_fnr_valid_number_gives_birth_date_and_sex)
{
    char n[12];
    sv_date birth;
    char sex;
    sv_err e;
    make("010190103", n); /* individual number 103: 1900s, odd = man */
    ck_assert_int_eq(sv_fnr_check(n, &birth, &sex, &e), SV_OK);
    ck_assert_int_eq(birth, sv_date_from_ymd(1990, 1, 1));
    ck_assert_int_eq(sex, 'M');
    make("150805502", n); /* 2005, even = woman */
    ck_assert_int_eq(sv_fnr_check(n, &birth, &sex, &e), SV_OK);
    ck_assert_int_eq(birth, sv_date_from_ymd(2005, 8, 15));
    ck_assert_int_eq(sex, 'K');
}
END_TEST

START_TEST(test_fnr_d_number_adds_four_to_first_digit)
{
    char n[12];
    sv_date birth;
    sv_err e;
    make("410190103", n);
    ck_assert(sv_fnr_is_dnumber(n));
    ck_assert_int_eq(sv_fnr_check(n, &birth, NULL, &e), SV_OK);
    ck_assert_int_eq(birth, sv_date_from_ymd(1990, 1, 1));
    make("720190101", n); /* day 32: not a date */
    ck_assert_int_eq(sv_fnr_check(n, NULL, NULL, &e), SV_EINVAL);
}
END_TEST

/* Numbers issued from 2032: the first check digit is valid when the weighted sum leaves 0, 1, 2
 * or 3 (worked by hand: 150632512 with 6/4, 7/2, 8/0, 9/9). Only remainder 0 is valid today,
 * and a number valid only under the new rules tells no sex. */
START_TEST(test_fnr_2032_rules_accept_remainders_0_to_3)
{
    static const char *const ok[] = {"15063251264", "15063251272", "15063251280", "15063251299"};
    sv_date birth;
    char sex;
    sv_err e;
    for (int i = 0; i < 4; i++) {
        ck_assert_msg(sv_fnr_check(ok[i], &birth, &sex, &e) == SV_OK, "%s: %s", ok[i], e.msg);
        ck_assert_int_eq(birth, sv_date_from_ymd(2032, 6, 15));
        ck_assert_int_eq(sv_fnr_2032_only(ok[i]), i != 0);
        if (i == 0) ck_assert_int_eq(sex, 'K'); /* today's form: the ninth digit (2) says it */
        else ck_assert_int_eq(sex, '\0');
    }
    /* remainder 4 or more, or a wrong second check digit: refused under both rules */
    ck_assert_int_eq(sv_fnr_check("15063251256", NULL, NULL, &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "kontrollsiffer"));
    ck_assert_int_eq(sv_fnr_check("15063251273", NULL, NULL, &e), SV_EINVAL);
    /* today's numbers keep their sex: 01019010399 is a man born 1 January 1990 */
    ck_assert_int_eq(sv_fnr_check("01019010399", &birth, &sex, &e), SV_OK);
    ck_assert_int_eq(sex, 'M');
    ck_assert_int_eq(sv_fnr_2032_only("01019010399"), 0);
    ck_assert_int_eq(sv_fnr_check("01019010305", &birth, &sex, &e), SV_OK); /* remainder 2 */
    ck_assert_int_eq(birth, sv_date_from_ymd(1990, 1, 1));
    ck_assert_int_eq(sex, '\0');
}
END_TEST

/* D-numbers (+40 on the day) and the test registers' synthetic numbers (+40 or +80 on the
 * month), under both rules. */
START_TEST(test_fnr_d_numbers_and_synthetic_numbers)
{
    sv_date birth;
    char sex;
    sv_err e;
    ck_assert_int_eq(sv_fnr_check("41019010382", &birth, &sex, &e), SV_OK); /* D, remainder 0 */
    ck_assert_int_eq(birth, sv_date_from_ymd(1990, 1, 1));
    ck_assert_int_eq(sv_fnr_check("41019010307", &birth, &sex, &e), SV_OK); /* D, remainder 3 */
    ck_assert_int_eq(sex, '\0');
    ck_assert_int_eq(sv_fnr_check("01419010371", &birth, &sex, &e), SV_OK); /* month 41: NAV */
    ck_assert(sv_fnr_is_synthetic("01419010371"));
    ck_assert_int_eq(birth, sv_date_from_ymd(1990, 1, 1));
    ck_assert_int_eq(sv_fnr_check("01819010354", &birth, &sex, &e), SV_OK); /* month 81: Tenor */
    ck_assert_int_eq(birth, sv_date_from_ymd(1990, 1, 1));
    ck_assert_int_eq(sex, 'M');
    ck_assert_int_eq(sv_fnr_check("01819010362", &birth, &sex, &e), SV_OK); /* Tenor, 2032 rules */
    ck_assert_int_eq(sv_fnr_check("15863251238", &birth, &sex, &e), SV_OK);
    ck_assert_int_eq(birth, sv_date_from_ymd(2032, 6, 15));
    ck_assert_int_eq(sv_fnr_check("55063251266", &birth, &sex, &e), SV_OK); /* D and 2032 */
    ck_assert_int_eq(birth, sv_date_from_ymd(2032, 6, 15));
    ck_assert(!sv_fnr_is_synthetic("01019010399"));
    /* month 53 or 93 is no month even after the offset */
    ck_assert_int_eq(sv_fnr_check("01539010480", NULL, NULL, &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "fødselsdato"));
    ck_assert_int_eq(sv_fnr_check("01939010382", NULL, NULL, &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "fødselsdato"));
}
END_TEST

START_TEST(test_fnr_known_bad_cases_are_refused_with_message)
{
    sv_err e;
    char n[12];
    ck_assert_int_eq(sv_fnr_check("1234567890", NULL, NULL, &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "11 siffer"));
    ck_assert_int_eq(sv_fnr_check("0101901234a", NULL, NULL, &e), SV_EINVAL);
    make("010190103", n);
    n[10] = n[10] == '9' ? '0' : (char)(n[10] + 1);
    ck_assert_int_eq(sv_fnr_check(n, NULL, NULL, &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "kontrollsiffer"));
    ck_assert(strstr(e.msg, n) == NULL);   /* never echo the number */
    ck_assert_int_eq(sv_fnr_check("00000000000", NULL, NULL, &e), SV_EINVAL);
    make("300290103", n); /* 30 February */
    ck_assert_int_eq(sv_fnr_check(n, NULL, NULL, &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "fødselsdato"));
    char masked[12];
    sv_fnr_mask("01019012345", masked);
    ck_assert_str_eq(masked, "010190*****");
}
END_TEST

START_TEST(test_field_parse_names_field_and_keeps_value_on_error)
{
    sv_plan p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PLAN, &p);
    const sv_field *f = sv_entity_field(&SV_ENT_PLAN, "start_on");
    ck_assert_int_eq(sv_field_parse(f, &p, "01.08.2026", &e), SV_OK);
    sv_date before = p.start_on;
    ck_assert_int_eq(sv_field_parse(f, &p, "2026-02-30", &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "Programstart"));
    ck_assert_str_eq(e.field, "start_on");
    ck_assert_int_eq(p.start_on, before);
    sv_plan_measure pm;
    sv_entity_blank(&SV_ENT_PLAN_MEASURE, &pm);
    f = sv_entity_field(&SV_ENT_PLAN_MEASURE, "hours");
    ck_assert_int_eq(sv_field_parse(f, &pm, "37,5", &e), SV_OK);
    ck_assert_int_eq(pm.hours, 375);
    ck_assert_int_eq(sv_field_parse(f, &pm, "7.5", &e), SV_OK);
    ck_assert_int_eq(pm.hours, 75);
    ck_assert_int_eq(sv_field_parse(f, &pm, "41", &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "Timer per uke"));
    ck_assert_int_eq(sv_field_parse(f, &pm, "7,55", &e), SV_EINVAL);
    ck_assert_int_eq(sv_field_parse(f, &pm, "mange", &e), SV_EINVAL);
    ck_assert_int_eq(pm.hours, 75);
}
END_TEST

START_TEST(test_field_text_too_long_is_refused_not_truncated)
{
    sv_participant p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    const sv_field *f = sv_entity_field(&SV_ENT_PARTICIPANT, "name");
    char big[300];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ck_assert_int_eq(sv_field_parse(f, &p, big, &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "for lang"));
    ck_assert_str_eq(p.name, "");
    ck_assert_int_eq(sv_field_parse(f, &p, "Ærlig Øvre Åsen", &e), SV_OK);
    ck_assert_int_eq(sv_field_parse(f, &p, "linje\nto", &e), SV_EINVAL);
    ck_assert_int_eq(sv_field_parse(f, &p, "\xff\xfe", &e), SV_EINVAL);
    ck_assert_str_eq(p.name, "Ærlig Øvre Åsen");
}
END_TEST

/* C0 and C1 controls and the invisible bidirectional ones are refused in every text field,
 * naming the field and the code point; tab and line feed only in a text of several lines. */
START_TEST(test_field_text_control_characters_are_refused)
{
    sv_participant p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    const sv_field *name = sv_entity_field(&SV_ENT_PARTICIPANT, "name");
    const sv_field *street = sv_entity_field(&SV_ENT_PARTICIPANT, "street");
    ck_assert_int_eq(sv_field_parse(name, &p, "Ali Rahimi", &e), SV_OK);
    static const struct { const char *text, *code; } BAD[] = {
        {"Ali\xe2\x80\xae" "evol", "(U+202E)"},   /* right-to-left override */
        {"Ali\xe2\x80\xaa" "x", "(U+202A)"},      /* left-to-right embedding */
        {"Ali\xe2\x80\xac", "(U+202C)"},          /* pop directional formatting */
        {"\xe2\x81\xa6" "Ali", "(U+2066)"},        /* left-to-right isolate */
        {"Ali\xe2\x81\xa9", "(U+2069)"},          /* pop directional isolate */
        {"Ali\xe2\x80\x8f", "(U+200F)"},          /* right-to-left mark */
        {"Ali\xd8\x9c", "(U+061C)"},               /* Arabic letter mark */
        {"Ali\xc2\x9b" "31m", "(U+009B)"},          /* C1: control sequence introducer */
        {"Ali\xc2\x80", "(U+0080)"},
        {"Ali\xc2\x9f", "(U+009F)"},
        {"Ali\x7f", "(U+007F)"},
        {"Ali\x1b[2J", "(U+001B)"},                  /* C0: escape */
        {"Ali\tRahimi", "(U+0009)"},
        {"Ali\rRahimi", "(U+000D)"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        ck_assert_int_eq(sv_field_parse(name, &p, BAD[i].text, &e), SV_EINVAL);
        ck_assert_str_eq(e.field, "name");
        ck_assert_msg(strstr(e.msg, "Navn: inneholder et kontrolltegn ") == e.msg && strstr(e.msg, BAD[i].code) &&
                      strstr(e.msg, "skriv bare vanlige bokstaver"), "%zu: %s", i, e.msg);
        ck_assert_str_eq(p.name, "Ali Rahimi");   /* kept */
    }
    ck_assert_int_eq(sv_field_parse(street, &p, "Storgata\xe2\x80\xae 1", &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "Postadresse: inneholder et kontrolltegn (U+202E)"));
    ck_assert_int_eq(sv_field_parse(street, &p, "Storgata\n1", &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "linjeskift er ikke tillatt her"));
    /* ordinary letters of every script, and the joiners some scripts need, are not controls */
    ck_assert_int_eq(sv_field_parse(name, &p, "\xd8\xb9\xd9\x84\xd9\x8a \xd8\xb1\xd8\xad\xd9\x8a\xd9\x85\xd9\x8a", &e), SV_OK);
    ck_assert_int_eq(sv_field_parse(name, &p, "\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7 \xc2\xa0Åse", &e), SV_OK);
    ck_assert(!sv_is_control_char(0x200d) && !sv_is_control_char(0xa0) && !sv_is_control_char(0x202f));
    ck_assert(sv_is_control_char(0) && sv_is_control_char(0x9f) && sv_is_control_char(0x2069));
    /* a text of several lines takes tab and line feed, not the rest */
    sv_assessment a;
    sv_entity_blank(&SV_ENT_ASSESSMENT, &a);
    const sv_field *edu = sv_entity_field(&SV_ENT_ASSESSMENT, "education");
    ck_assert_int_eq(edu->type, SV_F_LONGTEXT);
    ck_assert_int_eq(sv_field_parse(edu, &a, "Ni år\n\tgrunnskole", &e), SV_OK);
    ck_assert_int_eq(sv_field_parse(edu, &a, "Ni år\n\xe2\x80\xae" "x", &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "Utdanning: inneholder et kontrolltegn (U+202E)"));
    ck_assert_int_eq(sv_field_parse(edu, &a, "Ni år\r\n", &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "(U+000D)"));
    ck_assert_str_eq(a.education, "Ni år\n\tgrunnskole");
}
END_TEST

START_TEST(test_field_codes_accept_code_or_label)
{
    sv_participant p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PARTICIPANT, &p);
    const sv_field *f = sv_entity_field(&SV_ENT_PARTICIPANT, "right_duty");
    ck_assert_int_eq(sv_field_parse(f, &p, "Kun rett", &e), SV_OK);
    ck_assert_str_eq(p.right_duty, "rett");
    ck_assert_int_eq(sv_field_parse(f, &p, "kanskje", &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "rett_plikt"));
}
END_TEST

START_TEST(test_entity_cross_field_checks)
{
    sv_phase ph;
    sv_err e;
    sv_entity_blank(&SV_ENT_PHASE, &ph);
    strcpy(ph.name, "Fase 1");
    ph.start_on = sv_date_from_ymd(2026, 5, 1);
    ph.end_on = sv_date_from_ymd(2026, 4, 1);
    ck_assert_int_eq(sv_entity_validate(&SV_ENT_PHASE, &ph, &e), SV_EINVAL);
    ck_assert_str_eq(e.field, "end_on");
    ph.end_on = sv_date_from_ymd(2026, 9, 1);
    ck_assert_int_eq(sv_entity_validate(&SV_ENT_PHASE, &ph, &e), SV_OK);
    ph.name[0] = '\0';
    ck_assert_int_eq(sv_entity_validate(&SV_ENT_PHASE, &ph, &e), SV_EINVAL);
    ck_assert(strstr(e.msg, "må fylles ut"));
}
END_TEST

START_TEST(test_role_table)
{
    ck_assert(sv_role_may("adviser", SV_OP_EDIT_CASE));
    ck_assert(sv_role_may("adviser", SV_OP_DECIDE));
    ck_assert(!sv_role_may("adviser", SV_OP_ADMIN));
    ck_assert(sv_role_may("nav", SV_OP_EDIT_WORK));
    ck_assert(!sv_role_may("nav", SV_OP_EDIT_CASE));
    ck_assert(!sv_role_may("nav", SV_OP_DECIDE));
    for (int op = SV_OP_EDIT_MUNICIPAL; op <= SV_OP_DECIDE; op++) ck_assert(!sv_role_may("supervisor", (sv_op)op));
    ck_assert(sv_role_may("supervisor", SV_OP_CHECK));
    ck_assert(!sv_role_may("hacker", SV_OP_READ));
}
END_TEST

START_TEST(test_utf8_fold_and_pad)
{
    char out[64];
    sv_utf8_fold(out, sizeof out, "ÆRLIG Østby ÅSE");
    ck_assert_str_eq(out, "aerlig ostby ase");
    sv_utf8_fold(out, sizeof out, "Şahin ŁUKASZ Олена A\xcc\x8ase");
    ck_assert_str_eq(out, "sahin lukasz олена ase");
    sv_utf8_fold(out, 6, "ÆÆÆ"); /* never half a character */
    ck_assert_str_eq(out, "aeae");
    sv_utf8_fold(out, sizeof out, "bad \xc3 byte X");
    ck_assert(strstr(out, "bad ") == out && strstr(out, " byte x")); /* broken byte: no crash */
    char *nfc = sv_utf8_nfc("A\xcc\x8ase");
    ck_assert_str_eq(nfc, "\xc3\x85se");
    free(nfc);
    ck_assert_int_eq(sv_utf8_width("Løvås"), 5);
    ck_assert_int_eq(sv_utf8_width("A\xcc\x8ase"), 3);
    ck_assert_int_eq(sv_utf8_width("\xe6\x9d\x8e"), 2); /* a CJK ideograph takes two columns */
    sv_utf8_pad(out, sizeof out, "A\xcc\x8ase", 4);
    ck_assert_str_eq(out, "\xc3\x85se "); /* shown in NFC */
    sv_utf8_pad(out, sizeof out, "\xe6\x9d\x8e\xe6\x9d\x8e", 3);
    ck_assert_str_eq(out, "\xe6\x9d\x8e ");
    ck_assert_int_eq(sv_utf8_len("æøå"), 3);
    ck_assert_int_eq(sv_utf8_len("\xc3"), -1);
    sv_utf8_pad(out, sizeof out, "Løvås", 7);
    ck_assert_str_eq(out, "Løvås  ");
    sv_utf8_pad(out, sizeof out, "Løvåsen", 4);
    ck_assert_str_eq(out, "Løvå");
}
END_TEST

START_TEST(test_bad_value_is_quoted_whole_characters_only)
{
    sv_plan p;
    sv_err e;
    sv_entity_blank(&SV_ENT_PLAN, &p);
    const sv_field *f = sv_entity_field(&SV_ENT_PLAN, "start_on");
    /* "x" and 30 two-byte letters: a cut at byte 40 would split one; control characters are hidden */
    char text[128] = "x";
    for (int i = 0; i < 30; i++) strcat(text, "ø");
    ck_assert_int_eq(sv_field_parse(f, &p, text, &e), SV_EINVAL);
    ck_assert_int_ge(sv_utf8_len(e.msg), 0);
    ck_assert(strstr(e.msg, "«xøøøøøøøøøøøøøøøøøøø»"));
    ck_assert_int_eq(sv_field_parse(f, &p, "1.1.\x1b[2J2026", &e), SV_EINVAL);
    ck_assert(strchr(e.msg, 0x1b) == NULL);
    ck_assert_int_eq(sv_field_parse(f, &p, "\xff\xfe", &e), SV_EINVAL);
    ck_assert_int_ge(sv_utf8_len(e.msg), 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("core");
    TCase *t = tcase_create("validation");
    tcase_add_test(t, test_date_parses_norwegian_and_iso);
    tcase_add_test(t, test_date_rejects_impossible_dates);
    tcase_add_test(t, test_date_month_arithmetic_clamps);
    tcase_add_test(t, test_fnr_valid_number_gives_birth_date_and_sex);
    tcase_add_test(t, test_fnr_d_number_adds_four_to_first_digit);
    tcase_add_test(t, test_fnr_known_bad_cases_are_refused_with_message);
    tcase_add_test(t, test_fnr_2032_rules_accept_remainders_0_to_3);
    tcase_add_test(t, test_fnr_d_numbers_and_synthetic_numbers);
    tcase_add_test(t, test_field_parse_names_field_and_keeps_value_on_error);
    tcase_add_test(t, test_field_text_too_long_is_refused_not_truncated);
    tcase_add_test(t, test_field_text_control_characters_are_refused);
    tcase_add_test(t, test_field_codes_accept_code_or_label);
    tcase_add_test(t, test_entity_cross_field_checks);
    tcase_add_test(t, test_role_table);
    tcase_add_test(t, test_utf8_fold_and_pad);
    tcase_add_test(t, test_bad_value_is_quoted_whole_characters_only);
    suite_add_tcase(s, t);
    return s;
}

TL_MAIN(suite)
