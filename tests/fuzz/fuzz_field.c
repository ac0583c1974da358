/* libFuzzer harness: every form field of every entity through sv_field_parse, the validator
 * the screens and the command line share (text, numbers, hours "37,5", yes/no, codes, dates,
 * identity numbers). The first two bytes pick the field. Accepted input must validate, and
 * its stored form must parse back to the same stored form; refused input must leave the
 * object untouched and name the field. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../forms/forms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const sv_field *pick(unsigned n, const sv_entity **ent)
{
    int total = 0;
    for (int i = 0; SV_ENTITIES[i]; i++) total += SV_ENTITIES[i]->nfields;
    n %= (unsigned)total;
    for (int i = 0; SV_ENTITIES[i]; i++) {
        if (n < (unsigned)SV_ENTITIES[i]->nfields) {
            *ent = SV_ENTITIES[i];
            return &SV_ENTITIES[i]->fields[n];
        }
        n -= (unsigned)SV_ENTITIES[i]->nfields;
    }
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    const sv_entity *ent;
    const sv_field *f = pick((unsigned)data[0] << 8 | data[1], &ent);
    char *s = malloc(size - 1);
    memcpy(s, data + 2, size - 2);
    s[size - 2] = '\0';
    void *obj = calloc(1, ent->size), *copy = calloc(1, ent->size);
    sv_entity_blank(ent, obj);
    memcpy(copy, obj, ent->size);
    sv_err e;
    sv_err_clear(&e);
    char raw[8192], raw2[8192], shown[8192];
    if (sv_field_parse(f, obj, s, &e) == SV_OK) {
        sv_field_raw(f, obj, raw, sizeof raw);
        sv_field_format(f, obj, shown, sizeof shown, 1);
        sv_field_format(f, obj, shown, sizeof shown, 0);
        sv_err_clear(&e);
        /* Empty (or blank) text clears the field, which a required field then refuses: only typed values
         * must pass validation and survive the round trip through their stored form. */
        if (!s[0] || sv_field_is_empty(f, obj)) goto done;
        if (sv_field_validate(f, obj, &e) != SV_OK) abort();
        void *again = calloc(1, ent->size);
        sv_entity_blank(ent, again);
        if (sv_field_parse(f, again, raw, &e) != SV_OK) abort();
        sv_field_raw(f, again, raw2, sizeof raw2);
        if (strcmp(raw, raw2) != 0) abort();
        free(again);
    } else {
        if (memcmp(obj, copy, ent->size) != 0) abort();   /* bad input changes nothing */
        if (strcmp(e.field, f->col) != 0 || !e.msg[0]) abort();
    }
done:
    free(obj);
    free(copy);
    free(s);
    return 0;
}
