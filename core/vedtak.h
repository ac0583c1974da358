/* The decision document (enkeltvedtak) in the project's own vocabulary, urn:stegvis:vedtak:1
 * (templates/vedtak.xsd): built from a whole case with libxml2, validated against the schema
 * before anyone gets it, and parsed back for checking, letters and the archive. */
#ifndef SV_VEDTAK_H
#define SV_VEDTAK_H

#include <libxml/tree.h>

#include "advnotice.h"
#include "case.h"
#include "rules.h"

/* What the decision itself adds to the case. */
typedef struct sv_vedtak_in {
    const char *uuid;          /* NULL or "": a new one */
    const char *kind;          /* plan, endring, forlengelse, stans, avslag, permisjon, avslutning */
    sv_date decided_on;
    const char *decided_by;    /* NULL: the current login */
    sv_date notified_on;       /* SV_NODATE: not yet notified */
    const char *notify_method; /* digitalt, post, personlig or "" */
    const char *reason;        /* why this decision (change, extension, stop) or "" */
    const char *late_reason;   /* why the decision comes after its deadline, or "" / NULL */
    const char *recorded_at;   /* NULL: now (the real time of recording, "åååå-mm-dd tt:mm:ss");
                                * only the demo, which writes history, gives another */
    const char *signer_name;   /* the decider's full name and title for the signature, or NULL */
    const char *signer_title;
    /* The kind's own facts, read only for the kinds that have them (set them explicitly): */
    const char *stop_kind;     /* stans: midlertidig or varig; else NULL / "" */
    sv_date period_from;       /* stans and permisjon: from; avslutning: the last day (SV_NODATE: none) */
    sv_date period_to;         /* midlertidig stans and permisjon: to (SV_NODATE: none) */
    const char *end_reason;    /* avslutning: a code of SV_CODES_END_REASON; else NULL / "" */
    const sv_advnotice *advance; /* stans, trekk: the advance notice in force (core/advnotice.c), or NULL */
    int cut_planned;           /* trekk: the month's planned hours and its unapproved absence, */
    int cut_unapproved;        /* hundredths, from the register (sv_issue_kind_facts) */
    char leave_kind[16];       /* permisjon: the kind of the granted leave record of the period
                                * (sv_issue_kind_facts), or "" when none is recorded */
} sv_vedtak_in;

/* The kind's own facts (stop type and period, leave period, ending reason) checked before the
 * document is built: SV_EINVAL with e naming the field (core/vedtak_kind.c). */
int sv_vedtak_kind_check(const sv_vedtak_in *in, sv_err *e);

/* Builds and validates the document for case c under the law's rule set rs (which supplies the
 * legal references and the appeal texts). Earlier decisions of the case dated on or before the
 * decision date become its history. Returns a document the caller frees with xmlFreeDoc, or
 * NULL with e naming the element that failed. */
xmlDocPtr sv_vedtak_build(const sv_case *c, const sv_vedtak_in *in, const sv_ruleset *rs, sv_err *e);

/* Validates doc against templates/vedtak.xsd; on failure e names the element and the reason. */
int sv_vedtak_validate(xmlDocPtr doc, sv_err *e);

/* Parses a document (name is used in messages): well-formed, in this vocabulary, and valid.
 * Returns NULL with e set otherwise. */
xmlDocPtr sv_vedtak_parse(const char *buf, size_t len, const char *name, sv_err *e);
xmlDocPtr sv_vedtak_read_file(const char *path, sv_err *e);
/* For documents read back from the store: parsed as safely, but not validated against the
 * schema again, since every stored decision was validated when it was issued and the store
 * refuses to change it afterwards (triggers). The checklist reads thousands of them. */
xmlDocPtr sv_vedtak_parse_stored(const char *buf, size_t len, const char *name, sv_err *e);

/* UTF-8 text of doc, indented; caller frees with free(). */
char *sv_vedtak_serialize(xmlDocPtr doc);

/* The rule set that applies to a parsed document (by its law and date). */
const sv_ruleset *sv_vedtak_ruleset(xmlDocPtr doc, sv_err *e);

/* String value of an XPath expression over doc (prefix v: is the vocabulary); caller frees. */
char *sv_vedtak_xpath(xmlDocPtr doc, const char *expr);

/* Puts a notification recorded after the decision (core/notice.c) into the document's
 * underretning, in memory, so the rules judge the decision with it. */
void sv_vedtak_set_notice(xmlDocPtr doc, sv_date on, const char *method);

/* Frees the cached schema (for leak checks at exit). */
void sv_vedtak_cleanup(void);

#endif
