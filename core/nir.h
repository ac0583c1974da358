/* The NIR worklist. Every event the municipality must register in the national introduction
 * register (Nasjonalt introduksjonsregister) within two months becomes an item, derived from
 * the facts already recorded (never typed in): offer and allocation, start, stop and
 * resumption, the final goal, assessment and career guidance done, each element of the
 * programme with its duration and weekly scope, parent guidance and "Livsmestring i et nytt
 * land" completed, leave and absence, the ending and its reason. What is stored is only the
 * registration (item, the fact as registered, date, user); a change to a registered fact
 * reopens its item. One definition of the NIR deadline for every screen, list and report. */
#ifndef SV_NIR_H
#define SV_NIR_H

#include <stdint.h>

#include "date.h"
#include "store.h"

/* The migration that brings the items of absence by the hour and of leave (core/schema.c). */
extern const char SV_MIGRATION_NIR_HOURS[];
/* The migration that brings the items of appeals and their outcomes (core/schema.c). */
extern const char SV_MIGRATION_NIR_APPEAL[];
extern const char SV_MIGRATION_NIR_RESUME[];

/* Months from an event to its NIR deadline. */
#define SV_NIR_MONTHS 2

/* The NIR deadline of an event: event + 2 months, day clamped to the month's end. */
sv_date sv_nir_due(sv_date event);

typedef struct sv_nir_item {
    int64_t participant_id;
    char item[40];              /* "tiltak:245": kind and the id of the row the fact lives on */
    char kind[16];
    char fact[256];             /* the fact as it stands now (what is registered) */
    sv_date event_on;
    sv_date due_on;             /* sv_nir_due(event_on) */
    int reopened;               /* registered before, and the fact has changed since */
    sv_date registered_on;      /* SV_NODATE unless registered (only in all-items runs) */
    char registered_by[33];
    char fnr[12];
    char name[121];
    char adviser[33];
} sv_nir_item;

typedef struct sv_nir_filter {
    int64_t municipality_id;    /* 0: every municipality the user may see */
    int64_t participant_id;     /* 0: every participant */
    char adviser[33];           /* only this adviser's participants ("": everyone's) */
    int all;                    /* 1: registered items too, else only open ones */
    long offset, limit;         /* a page of the items (limit 0: all) */
} sv_nir_filter;

void sv_nir_filter_init(sv_nir_filter *f);
/* Label of an item kind in the user's language ("Programstart"). */
const char *sv_nir_kind_label(const char *kind);

/* Calls cb for each item whose event has happened by today, earliest deadline first (so the
 * overdue ones come first), in one read snapshot. cb returns non-zero to stop. Needs
 * SV_OP_READ in the municipality (a user bound to one municipality sees only its items). */
typedef int (*sv_nir_cb)(const sv_nir_item *it, void *ctx);
int sv_nir_each(sv_store *st, const sv_nir_filter *f, sv_date today, sv_nir_cb cb, void *ctx, sv_err *e);

/* How many open items there are whose event has happened by today, and how many of them are
 * overdue (deadline before today). Same authorization as sv_nir_each. */
int sv_nir_count(sv_store *st, const sv_nir_filter *f, sv_date today, long *open, long *overdue, sv_err *e);

/* The earliest deadline among a participant's open items, SV_NODATE if none. */
sv_date sv_nir_next_due(sv_store *st, int64_t participant_id, sv_date today);

/* Marks item registered in NIR on the day `on` (SV_NODATE: today) by the current user.
 * Refused when the item does not exist or its event has not happened, when `on` is before
 * the event or after today, and when the item is already registered with its current fact.
 * Needs the role that edits cases (adviser, administrator). Audited by the generated
 * triggers. */
int sv_nir_register(sv_store *st, const char *item, sv_date on, sv_date today, sv_err *e);

/* Appends the SQL that keeps the derived items (table nir_item) current: triggers on every
 * table an item comes from, and deriving all of them again. Run by the schema migration. */
void sv_nir_schema_sql(sv_buf *b);
/* The same for the tables of schema `schema` (the migration's target): the items of tables a
 * later schema brings are left out. */
void sv_nir_schema_sql_for(sv_buf *b, int schema);

#endif
