/* Identity number validation: digits, check digits (today's rule and Skatteetaten's rule for
 * numbers issued from 1 January 2032), D-numbers, the synthetic numbers of the test registers
 * (+40 and +80 on the month), and a real birth date. */
#include "fnr.h"

#include <string.h>
#include "i18n.h"

int sv_fnr_check_digits(const char d9[9], int *k1, int *k2)
{
    static const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int s = 0, d[10];
    for (int i = 0; i < 9; i++) d[i] = d9[i] - '0';
    for (int i = 0; i < 9; i++) s += w1[i] * d[i];
    int a = 11 - s % 11;
    if (a == 11) a = 0;
    if (a == 10) return -1;
    d[9] = a;
    s = 0;
    for (int i = 0; i < 10; i++) s += w2[i] * d[i];
    int b = 11 - s % 11;
    if (b == 11) b = 0;
    if (b == 10) return -1;
    *k1 = a;
    *k2 = b;
    return 0;
}

int sv_fnr_is_dnumber(const char *s)
{
    return s[0] >= '4' && s[0] <= '7';
}

/* Century from the individual number (digits 7-9) and the two-digit year, as Skatteetaten
 * assigns them. Returns the full year or -1. */
static int full_year(int yy, int ind)
{
    if (ind <= 499) return 1900 + yy;
    if (ind <= 749 && yy >= 54) return 1800 + yy;
    if (ind >= 900 && yy >= 40) return 1900 + yy;
    if (ind >= 500 && yy <= 39) return 2000 + yy;
    return -1;
}

int sv_fnr_is_synthetic(const char *s)
{
    int mm = (s[2] - '0') * 10 + (s[3] - '0');
    return mm > 40;
}

/* The remainder that decides the first check digit: the weighted sum of the first ten digits
 * (the check digit itself weighted 1) modulo 11. Today's rule wants 0; numbers issued under the
 * 2032 rules may leave 0, 1, 2 or 3. */
static int k1_remainder(const char *s)
{
    static const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
    int sum = 0;
    for (int i = 0; i < 10; i++) sum += w1[i] * (s[i] - '0');
    return sum % 11;
}

static int k2_valid(const char *s)
{
    static const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (int i = 0; i < 11; i++) sum += w2[i] * (s[i] - '0');
    return sum % 11 == 0;
}

int sv_fnr_check(const char *s, sv_date *birth, char *sex, sv_err *e)
{
    size_t n = strlen(s);
    if (n != 11)
        return sv_err_set(e, SV_EINVAL, "fnr",
                          _n("Fødselsnummer: må være 11 siffer (fikk %zu tegn)",
                             "Fødselsnummer: må være 11 siffer (fikk %zu tegn)", n), n);
    for (size_t i = 0; i < 11; i++)
        if (s[i] < '0' || s[i] > '9')
            return sv_err_set(e, SV_EINVAL, "fnr", _("Fødselsnummer: bare siffer er tillatt"));
    int r1 = k1_remainder(s);
    if (r1 > 3 || !k2_valid(s))
        return sv_err_set(e, SV_EINVAL, "fnr",
                          _("Fødselsnummer: kontrollsifferet stemmer ikke (sjekk at alle 11 siffer er riktige)"));
    int dd = (s[0] - '0') * 10 + (s[1] - '0');
    int mm = (s[2] - '0') * 10 + (s[3] - '0');
    int yy = (s[4] - '0') * 10 + (s[5] - '0');
    int ind = (s[6] - '0') * 100 + (s[7] - '0') * 10 + (s[8] - '0');
    if (sv_fnr_is_dnumber(s)) dd -= 40;
    if (mm > 80) mm -= 80;      /* synthetic, Skatteetaten's test register (Tenor) */
    else if (mm > 40) mm -= 40; /* synthetic, NAV's test register */
    int year = full_year(yy, ind);
    if (year < 0 || !sv_date_valid_ymd(year, mm, dd))
        return sv_err_set(e, SV_EINVAL, "fnr",
                          _("Fødselsnummer: de seks første sifrene er ikke en gyldig fødselsdato (ddmmåå)"));
    if (birth) *birth = sv_date_from_ymd(year, mm, dd);
    /* A number valid only under the 2032 rules no longer tells the sex (nor will new numbers
     * whose remainder happens to be 0, but those cannot be told apart): no sex then. */
    if (sex) *sex = r1 ? '\0' : (s[8] - '0') % 2 ? 'M' : 'K';
    return SV_OK;
}

int sv_fnr_2032_only(const char *s)
{
    return strlen(s) == 11 && k1_remainder(s) != 0;
}

void sv_fnr_mask(const char *s, char buf[12])
{
    size_t n = strlen(s);
    for (size_t i = 0; i < 11; i++) buf[i] = i < 6 && i < n ? s[i] : '*';
    buf[11] = '\0';
}
