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

/* Adds months, clamping the day to the month's end (31.01 + 1 month = 28/29.02). */
sv_date sv_date_add_months(sv_date t, int months);
/* Whole months from a to b (b >= a), counting a month only when its day is reached. */
int sv_date_months_between(sv_date a, sv_date b);
sv_date sv_today(void);

#endif
