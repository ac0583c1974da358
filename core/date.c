/* Date arithmetic on proleptic Gregorian day numbers (civil-from-days, days-from-civil). */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int mdays(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : n[m - 1];
}

int sv_date_valid_ymd(int y, int m, int d)
{
    return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m);
}

sv_date sv_date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (sv_date)(era * 146097 + doe - 719468);
}

void sv_date_to_ymd(sv_date t, int *y, int *m, int *d)
{
    int z = t + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int dd = doy - (153 * mp + 2) / 5 + 1;
    int mm = mp + (mp < 10 ? 3 : -9);
    *y = yy + (mm <= 2);
    *m = mm;
    *d = dd;
}

/* Reads 1..max digits into *v; returns the number of characters used, 0 if none. */
static int digits(const char *s, int max, int *v)
{
    int n = 0, x = 0;
    while (n < max && s[n] >= '0' && s[n] <= '9') x = x * 10 + (s[n++] - '0');
    *v = x;
    return n;
}

int sv_date_parse(const char *s, sv_date *out)
{
    int y, m, d, n;
    while (*s == ' ') s++;
    if (!*s) { *out = SV_NODATE; return 0; }
    if ((n = digits(s, 4, &y)) == 4 && s[4] == '-') {
        s += 5;
        if ((n = digits(s, 2, &m)) != 2 || s[n] != '-') return -1;
        s += 3;
        if ((n = digits(s, 2, &d)) != 2) return -1;
        s += 2;
    } else {
        if ((n = digits(s, 2, &d)) == 0 || s[n] != '.') return -1;
        s += n + 1;
        if ((n = digits(s, 2, &m)) == 0 || s[n] != '.') return -1;
        s += n + 1;
        if ((n = digits(s, 4, &y)) != 4) return -1;
        s += 4;
    }
    while (*s == ' ') s++;
    if (*s || !sv_date_valid_ymd(y, m, d)) return -1;
    *out = sv_date_from_ymd(y, m, d);
    return 0;
}

void sv_date_iso(sv_date t, char buf[11])
{
    int y, m, d;
    if (t == SV_NODATE) { buf[0] = '\0'; return; }
    sv_date_to_ymd(t, &y, &m, &d);
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

void sv_date_nor(sv_date t, char buf[11])
{
    int y, m, d;
    if (t == SV_NODATE) { buf[0] = '\0'; return; }
    sv_date_to_ymd(t, &y, &m, &d);
    snprintf(buf, 11, "%02u.%02u.%04u", (unsigned)d % 100u, (unsigned)m % 100u, (unsigned)y % 10000u);
}

sv_date sv_date_add_months(sv_date t, int months)
{
    int y, m, d;
    sv_date_to_ymd(t, &y, &m, &d);
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    if (d > mdays(y, m)) d = mdays(y, m);
    return sv_date_from_ymd(y, m, d);
}

int sv_date_months_between(sv_date a, sv_date b)
{
    int ya, ma, da, yb, mb, db;
    sv_date_to_ymd(a, &ya, &ma, &da);
    sv_date_to_ymd(b, &yb, &mb, &db);
    int n = (yb - ya) * 12 + (mb - ma);
    if (db < da && sv_date_add_months(a, n) > b) n--;
    return n;
}

sv_date sv_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return sv_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
