/* What a letter is made from: the stored decision document, checked before anything is made of
 * it (its row hashes to its link in the chain, so it is the document as issued; it is valid
 * against templates/vedtak.xsd), and where the letter goes and who signs it. The deciding
 * unit's address and the signature come from the document when it carries them (documents
 * from schema 21 do) and otherwise from the database; the participant's address is the one
 * registered now, since that is where a letter sent today must go. */
#ifndef SV_LETTER_SRC_H
#define SV_LETTER_SRC_H

#include <libxml/tree.h>
#include <stdint.h>

#include "date.h"
#include "store.h"

typedef struct sv_postal {
    char name[128];
    char street[128];
    char postcode[8];
    char place[64];
} sv_postal;

typedef struct sv_letter_src {
    int64_t participant_id, decision_id;
    char municipality[8];      /* kommunenummer */
    char *xml;                 /* the stored bytes */
    xmlDocPtr doc;
    sv_postal to;              /* the participant */
    sv_postal unit;            /* the deciding unit (the refugee service, else the first unit) */
    char signer[128], title[128];
    char reference[64];        /* "kommunenr/deltaker/vedtak" */
    sv_date decided_on;
    sv_date appeal_deadline;   /* from the notification in force, or SV_NODATE */
} sv_letter_src;

/* The decision decision_id of participant participant_id (decision_id 0: the participant's
 * last one). need_address: refuse, with a message saying what to register, when the
 * participant or the deciding unit has no postal address (a letter cannot be sent without). */
int sv_letter_src_load(sv_store *st, int64_t participant_id, int64_t decision_id, int need_address, sv_letter_src *out,
                       sv_err *e);
void sv_letter_src_free(sv_letter_src *s);

/* The municipality's deciding unit as registered: the refugee service with an address, else
 * the first unit with one, else the first unit. */
int sv_letter_unit(sv_store *st, int64_t municipality_id, sv_postal *out, sv_err *e);

/* SV_OK when decision id's row hashes to its link in the chain; SV_EINTEGRITY-like SV_EDB with a
 * message otherwise (a database from before the chain has nothing to check against). */
int sv_letter_src_hash_ok(sv_store *st, int64_t decision_id, sv_err *e);

#endif
