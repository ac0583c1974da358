/* Date arithmetic on proleptic Gregorian day numbers (civil-from-days, days-from-civil). */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

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

static sv_date g_clock = SV_NODATE;

void sv_clock_set(sv_date d) { g_clock = d; }

/* Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
static sv_date easter(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return sv_date_from_ymd(y, month, day);
}

int sv_date_is_holiday(sv_date t)
{
    int y, m, d;
    sv_date_to_ymd(t, &y, &m, &d);
    if ((m == 1 && d == 1) || (m == 5 && (d == 1 || d == 17)) || (m == 12 && (d == 25 || d == 26))) return 1;
    sv_date e = easter(y);
    static const int off[] = {-3, -2, 0, 1, 39, 49, 50};
    for (int i = 0; i < 7; i++)
        if (t == e + off[i]) return 1;
    return 0;
}

int sv_date_is_workday(sv_date t)
{
    if (t == SV_NODATE) return 0;
    /* day 0 (1970-01-01) was a Thursday: weekday 0 = Monday */
    int wd = (int)(((int64_t)t + 3) % 7 + 7) % 7;
    return wd < 5 && !sv_date_is_holiday(t);
}

sv_date sv_date_next_workday(sv_date t)
{
    while (!sv_date_is_workday(t)) t++;
    return t;
}

int sv_date_workdays(sv_date a, sv_date b)
{
    if (a == SV_NODATE || b == SV_NODATE || b < a) return 0;
    /* whole weeks have five weekdays; the holidays in them are looked up one by one */
    int n = 0;
    sv_date t = a;
    while (t <= b && (b - t + 1) % 7) n += sv_date_is_workday(t++);
    for (; t <= b; t += 7) {
        n += 5;
        for (int i = 0; i < 7; i++) {
            int wd = (int)(((int64_t)(t + i) + 3) % 7 + 7) % 7;
            if (wd < 5 && sv_date_is_holiday(t + i)) n--;
        }
    }
    return n;
}

sv_date sv_date_add_workdays(sv_date from, int n)
{
    if (from == SV_NODATE) return SV_NODATE;
    sv_date t = sv_date_next_workday(from);
    for (int i = 1; i < n; i++) t = sv_date_next_workday(t + 1);
    return t;
}

sv_date sv_date_appeal_deadline(sv_date notified, int weeks)
{
    if (notified == SV_NODATE) return SV_NODATE;
    return sv_date_next_workday(notified + 7 * weeks);
}

sv_date sv_today(void)
{
    if (g_clock != SV_NODATE) return g_clock;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return sv_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void fn_add_months(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *s = sqlite3_value_text(argv[0]);
    sv_date d;
    if (!s || sqlite3_value_type(argv[1]) == SQLITE_NULL || sv_date_parse((const char *)s, &d) || d == SV_NODATE) {
        sqlite3_result_null(ctx);
        return;
    }
    char out[11];
    sv_date_iso(sv_date_add_months(d, sqlite3_value_int(argv[1])), out);
    sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

int sv_date_sql_register(sqlite3 *db)
{
    return sqlite3_create_function(db, "sv_add_months", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                   fn_add_months, NULL, NULL);
}
