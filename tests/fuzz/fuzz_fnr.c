/* libFuzzer harness: identity numbers. Any bytes must give a verdict without a crash, a valid
 * number must report a real birth date and a sex, and no message may repeat the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/fnr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    sv_date birth = SV_NODATE;
    char sex = 0, mask[12];
    sv_err e;
    sv_err_clear(&e);
    if (sv_fnr_check(s, &birth, &sex, &e) == SV_OK) {
        if (strlen(s) != 11 || birth == SV_NODATE || (sex != 'M' && sex != 'K')) abort();
    } else if (strlen(s) >= 11 && strstr(e.msg, s)) {
        abort();   /* an identity number must never be echoed in a message */
    }
    sv_fnr_mask(s, mask);
    if (strlen(mask) != 11) abort();
    sv_fnr_is_dnumber(s);
    free(s);
    return 0;
}
