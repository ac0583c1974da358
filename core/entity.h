/* Entities described as data: each field's column, label, kind, limits and code list. The
 * store reads and writes rows from these descriptions, and the forms, the command line and the
 * screens parse and validate input through them, so a field is checked the same way everywhere.
 * The descriptions themselves live in forms/ (forms.c); this header holds the types and the
 * one implementation of parsing, formatting and validating a field. */
#ifndef SV_ENTITY_H
#define SV_ENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef enum {
    SV_F_TEXT,      /* one line of text, char[size] */
    SV_F_LONGTEXT,  /* several lines, char[size]; opened in $EDITOR by the screens */
    SV_F_DATE,      /* sv_date; input dd.mm.åååå or åååå-mm-dd */
    SV_F_INT,       /* int within [min, max] */
    SV_F_HOURS,     /* int tenths of an hour; input "37,5" or "37.5"; limits in tenths */
    SV_F_BOOL,      /* int 0/1; input ja/nei */
    SV_F_CODE,      /* char[size] holding one code of the field's code list */
    SV_F_FNR,       /* char[12], fødselsnummer or D-number */
    SV_F_KOMMNR,    /* char[5], four digits */
    SV_F_REF,       /* int64_t id of another row (measure, need); 0 = none */
    SV_F_POSTNR     /* char[5], a Norwegian postcode: four digits */
} sv_ftype;

typedef struct sv_code {
    const char *code;     /* stored value */
    const char *label;    /* Norwegian label shown to the user */
} sv_code;

typedef struct sv_field {
    const char *col;      /* column and option name (--col on the command line) */
    const char *label;    /* Norwegian label */
    sv_ftype type;
    size_t off;           /* offset into the entity's struct */
    size_t size;          /* bytes of a text field */
    int required;
    long min, max;        /* for INT and HOURS */
    const sv_code *codes; /* for CODE: terminated by {NULL, NULL} */
    const char *help;     /* one or two sentences of Norwegian help */
    const char *ref;      /* for REF: the table it points at */
} sv_field;

struct sv_entity;
/* Cross-field checks of a whole row (end after start, ...); sets e and returns non-zero. */
typedef int (*sv_entity_check)(const struct sv_entity *ent, const void *obj, sv_err *e);

typedef struct sv_entity {
    const char *table;
    const char *label;        /* Norwegian name of the thing, e.g. "Deltaker" */
    const char *parent_col;   /* "municipality_id", "participant_id", ... */
    int one_per_parent;       /* assessment, plan, evaluation: at most one per participant */
    size_t size;              /* sizeof the struct */
    const sv_field *fields;
    int nfields;
    sv_entity_check check;
    int step;                 /* the step of the seven-step model it belongs to (1-7) */
} sv_entity;

const sv_field *sv_entity_field(const sv_entity *ent, const char *col);

/* Parses text into the field of obj. On bad input sets e with a message naming the field's
 * label and what is expected, and leaves obj unchanged. Empty text clears the field. */
int sv_field_parse(const sv_field *f, void *obj, const char *text, sv_err *e);
/* Formats the field of obj for display (dates dd.mm.åååå, hours "37,5", codes by label when
 * label is non-zero). Returns buf. */
char *sv_field_format(const sv_field *f, const void *obj, char *buf, size_t size, int label);
/* As stored/exported: dates ISO, hours "37.5", codes as codes. */
char *sv_field_raw(const sv_field *f, const void *obj, char *buf, size_t size);
int sv_field_is_empty(const sv_field *f, const void *obj);
/* Whether code point c is a control character no text field takes: C0 and C1 (U+0000-U+001F,
 * U+007F-U+009F; tab and line feed are let through by the fields of several lines) and the
 * invisible bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069). */
int sv_is_control_char(uint32_t c);
/* Refuses (SV_EINVAL on col, naming label, the code point shown) UTF-8 text with such a
 * character; lines: a text of several lines, where tab and line feed are allowed. */
int sv_text_controls_check(const char *col, const char *label, const char *text, int lines, sv_err *e);
/* Validates one field's current value (required, ranges, codes, identity number). */
int sv_field_validate(const sv_field *f, const void *obj, sv_err *e);
/* Validates every field and then the entity's cross-field check. */
int sv_entity_validate(const sv_entity *ent, const void *obj, sv_err *e);

const char *sv_code_label(const sv_code *codes, const char *code);   /* code itself if unknown */
int sv_code_valid(const sv_code *codes, const char *code);

#endif
