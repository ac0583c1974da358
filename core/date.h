/* Calendar dates as day numbers, parsed the way Norwegians write them (dd.mm.åååå) and as ISO
 * (åååå-mm-dd), with the month arithmetic the law's deadlines need. */
#ifndef SV_DATE_H
#define SV_DATE_H

#include <stdint.h>

typedef int32_t sv_date;          /* days since 1970-01-01 */
#define SV_NODATE INT32_MIN        /* an empty date field */

int sv_date_valid_ymd(int y, int m, int d);
sv_date sv_date_from_ymd(int y, int m, int d);      /* caller checks validity first */
void sv_date_to_ymd(sv_date t, int *y, int *m, int *d);

/* Parses "dd.mm.åååå", "d.m.åååå" or "åååå-mm-dd"; 0 on success, -1 if malformed or not a real
 * date (2026-02-30). An empty string gives SV_NODATE and 0. */
int sv_date_parse(const char *s, sv_date *out);
void sv_date_iso(sv_date t, char buf[11]);   /* "2026-11-27", "" for SV_NODATE */
void sv_date_nor(sv_date t, char buf[11]);   /* "27.11.2026", "" for SV_NODATE */

/* The one month arithmetic of the program: every deadline on every screen, in every list,
 * trigger and document comes from here (registered in SQLite as sv_add_months, see
 * sv_date_sql_register). Legal source: a deadline set in weeks, months or years ends on the day
 * of the last week or month whose name or number matches the day the deadline started to run;
 * if that month has no such day, it ends at the month's end (domstolloven § 148 andre ledd, the
 * rule Norwegian administrative deadlines are counted by). So 30.11 + 3 months = 28.02 (29.02 in
 * a leap year) and 31.01 + 1 month = 28/29.02; SQLite's date(x, '+3 months') would give 02.03. */
sv_date sv_date_add_months(sv_date t, int months);
/* A deadline that would end on a Saturday, Sunday or public holiday runs to the next working
 * day (domstolloven § 149). Public holidays: the Norwegian ones (helligdagsloven § 1 and 1. and
 * 17. mai): new year, Maundy Thursday to Easter Monday, Ascension, Whit Sunday and Monday, 1. and
 * 17. May, Christmas Day and Boxing Day. */
int sv_date_is_holiday(sv_date t);
sv_date sv_date_next_workday(sv_date t);
/* Working days (virkedager as the programme counts them: Monday to Friday, not a public holiday
 * as above). The leave rules of integreringsforskriften chapter 4 count "dager" as working days
 * (the regulation's preparatory works, ch. 7.3). sv_date_workdays counts those from a to b, both
 * included (0 when b < a); sv_date_add_workdays gives the day on which n working days starting
 * on or after from are used up (from itself when n <= 0 and it is a working day). */
int sv_date_is_workday(sv_date t);
int sv_date_workdays(sv_date a, sv_date b);
sv_date sv_date_add_workdays(sv_date from, int n);
/* The appeal deadline (forvaltningsloven § 29: three weeks from the day the notice reached the
 * party), counted as above. SV_NODATE when notified is SV_NODATE. */
sv_date sv_date_appeal_deadline(sv_date notified, int weeks);
/* Whole months from a to b (b >= a), counting a month only when its day is reached. */
int sv_date_months_between(sv_date a, sv_date b);
/* Today by the local clock, unless a test has set the clock (sv_clock_set; SV_NODATE goes back
 * to the real clock): reports judged "as of" a date must not move with the wall clock. */
sv_date sv_today(void);
void sv_clock_set(sv_date d);

struct sqlite3;
/* Registers sv_add_months(iso_date, months) -> iso date (NULL for NULL or a malformed date) as
 * a deterministic SQL function, so triggers and queries use this arithmetic, never SQLite's own. */
int sv_date_sql_register(struct sqlite3 *db);

#endif
