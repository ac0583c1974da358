/* libFuzzer harness: dates as users type them. A parsed date must print and parse back to the
 * same day in both the Norwegian and the ISO form; month arithmetic must not overflow. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    sv_date d, back;
    if (sv_date_parse(s, &d) == 0 && d != SV_NODATE) {
        char iso[11], nor[11];
        sv_date_iso(d, iso);
        sv_date_nor(d, nor);
        if (sv_date_parse(iso, &back) != 0 || back != d) abort();
        if (sv_date_parse(nor, &back) != 0 || back != d) abort();
        sv_date later = sv_date_add_months(d, 36);
        if (later < d || sv_date_months_between(d, later) != 36) abort();
    }
    free(s);
    return 0;
}
