/* Supervision rules as data: one rule set per law version in templates/rules/ (one XML file each), each rule a
 * control question, a legal reference, a severity and XPath 1.0 tests over a decision document
 * (vedtak.xsd). The same file holds the legal texts a decision under that law cites. */
#ifndef SV_RULES_H
#define SV_RULES_H

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "date.h"
#include "util.h"

#define SV_VEDTAK_NS "urn:stegvis:vedtak:1"
#define SV_RULES_NS "urn:stegvis:regler:1"

typedef enum { SV_SEV_VIOLATION, SV_SEV_REMARK } sv_severity;
typedef enum { SV_R_PASS, SV_R_NA, SV_R_REMARK, SV_R_VIOLATION } sv_outcome;

typedef struct sv_rule_test {
    char *expr;                 /* XPath boolean over the document's root element */
    char *evidence;             /* XPath string shown when the test fails; may be NULL */
    xmlXPathCompExprPtr comp, comp_ev;
} sv_rule_test;

typedef struct sv_rule {
    char *id;
    char *control;              /* control question id, e.g. "K3" */
    const char *question;       /* its Norwegian text (owned by the rule set) */
    char *ref;                  /* legal reference */
    sv_severity severity;
    int late_ok;                /* forsinkelse="tillatt": a deadline rule; breaking it does not stop a
                                 * decision that gives its reason for the delay (the breach is still
                                 * recorded in the document and counted by the checklist) */
    int after_ok;               /* oppfylles="etter": met after the decision is issued (the participant
                                 * is notified once it exists), so it does not stop issuing it; the
                                 * checklist judges it with what was recorded later */
    char *field;                /* the plan field or part of the case to fix */
    char *message;              /* what is missing and where to fix it (nynorsk on nynorsk screens) */
    char *message_nn;           /* only while loading */
    char *applies;              /* XPath boolean; rule not applicable when false; may be NULL */
    xmlXPathCompExprPtr comp_applies;
    sv_rule_test *tests;
    int ntests;
} sv_rule;

typedef struct sv_control {
    char *id, *question;
    char *question_nn;          /* nynorsk form (xml:lang="nn"), or NULL */
} sv_control;

typedef struct sv_legal_ref {
    char *ref, *text;
    char *kind;                 /* vedtakstype="..." : only for decisions of that kind; NULL: all */
} sv_legal_ref;

typedef struct sv_ruleset {
    char *path;
    char *law;                  /* introduksjonsloven, integreringsloven */
    char *version;              /* e.g. LOV-2020-11-06-127 */
    char digest[64];            /* version and a hash of the file: stored verdicts name it, so a
                                 * changed rule set is never answered from an old verdict */
    sv_date from, to;           /* in force from; "to" is when new cases stopped coming under it
                                 * (SV_NODATE: still open). Cases already under a law keep it,
                                 * so a set is chosen by the case's law and "from" only. */
    sv_control *controls;
    int ncontrols;
    sv_rule *rules;
    int nrules;
    sv_legal_ref *refs;         /* the rules a decision rests on (fvl. § 25) */
    int nrefs;
    /* appeal information (fvl. § 27): klagerett, klagefrist, hvor, hvordan, klageinstans,
     * innsyn; "{kommune}" in a text stands for the municipality's name */
    char *appeal[6];
    int appeal_weeks;
    /* The same legal texts in nynorsk (elements with xml:lang="nn"), for municipalities that
     * write nynorsk: the participant gets the decision in the municipality's målform. */
    sv_legal_ref *refs_nn;
    int nrefs_nn;
    char *appeal_nn[6];
} sv_ruleset;

extern const char *const SV_APPEAL_PARTS[6];

/* The legal texts in a language (nynorsk when the rule set has them, else bokmål). */
int sv_ruleset_refs(const sv_ruleset *rs, int nynorsk, const sv_legal_ref **refs);
const char *sv_ruleset_appeal(const sv_ruleset *rs, int nynorsk, int part);
/* A control question's text in a language, NULL if the id is unknown. */
const char *sv_ruleset_question(const sv_ruleset *rs, const char *id, int nynorsk);

/* Loads and compiles one rule set file. A broken file gives a message naming the file, the
 * rule and what is wrong. Free with sv_ruleset_free. */
int sv_ruleset_load(const char *path, sv_ruleset **out, sv_err *e);
void sv_ruleset_free(sv_ruleset *rs);

/* Every rule set in templates/rules/, loaded once per process and kept. */
int sv_rules_all(sv_ruleset *const **sets, int *n, sv_err *e);
/* The rule set for a law and a decision date: the newest whose "from" is not after on. */
const sv_ruleset *sv_rules_for(const char *law, sv_date on, sv_err *e);
/* Releases what sv_rules_all cached (for leak checks at exit). */
void sv_rules_cleanup(void);

typedef struct sv_rule_result {
    const sv_rule *rule;
    sv_outcome outcome;
    char evidence[300];         /* the value found or what is missing */
} sv_rule_result;

/* Evaluates every rule of rs over doc into res[rs->nrules]. Returns the number of violations,
 * or -1 when an expression could not be evaluated (e set). */
int sv_rules_eval(const sv_ruleset *rs, xmlDocPtr doc, sv_rule_result *res, sv_err *e);
const char *sv_outcome_label(sv_outcome o);

#endif
