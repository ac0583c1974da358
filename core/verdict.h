/* The verdict on one decision document, the same for `decide`, `check` and the checklist:
 * figures derived from the document's own facts (derive.h), the rule set of the law those
 * facts give and of the decision date, every rule evaluated. */
#ifndef SV_VERDICT_H
#define SV_VERDICT_H

#include <libxml/tree.h>

#include "derive.h"
#include "rules.h"

typedef struct sv_verdict {
    const sv_ruleset *rs;
    sv_rule_result *results;   /* rs->nrules entries */
    int violations, remarks;
    int findings;              /* declared figures that differed from the derived ones */
} sv_verdict;

/* Derives in place and evaluates. SV_OK with v filled, or an error (e set) when the document
 * cannot be checked: then v->results is NULL. Free with sv_verdict_free. */
int sv_vedtak_check(xmlDocPtr doc, sv_date as_of, sv_verdict *v, sv_err *e);
void sv_verdict_free(sv_verdict *v);

/* A verdict in a few bytes, kept beside each issued decision (table decision_verdict) so the
 * checklist need not parse every document again: the rule set's digest, "|", then one letter
 * per rule in the rule set's order (p pass, n not applicable, r remark, v violation). */
char *sv_verdict_encode(const sv_verdict *v);
/* Fills res[rs->nrules] (outcomes only, no evidence) from a stored verdict made by rs itself;
 * 0 on success, -1 when it belongs to another rule set (or version of it). */
int sv_verdict_decode(const sv_ruleset *rs, const char *text, sv_rule_result *res);
/* The stored verdict of a decision document as issued (no as-of limit); NULL (e set) when it
 * cannot be checked. Caller frees. */
char *sv_verdict_of_xml(const char *xml, size_t len, sv_err *e);

struct sqlite3;
/* Stores the verdict of decision id (a document that cannot be checked gets none; the checklist
 * then checks the document itself). SQLite result code. */
int sv_verdict_store(struct sqlite3 *db, long long id, const char *xml);
/* Stores a verdict for every decision that has none; the number stored, -1 (e set) on a
 * database error. Without rule sets (no templates) nothing is stored. */
int sv_verdict_fill(struct sqlite3 *db, sv_err *e);

#endif
