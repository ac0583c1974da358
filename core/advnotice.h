/* The advance notice (forhåndsvarsel, forvaltningsloven § 16) before a decision to the
 * participant's disadvantage (a stop): the day it was sent, the deadline to answer, what it
 * said, and the participant's answer (text and day); or instead a recorded exception of § 16
 * third paragraph (a: notice not practicable or would defeat the decision, b: the decision is
 * not against the party's interest and no objection is to be expected, c: the party already
 * knows of the case and has had reasonable time to speak, or a notice is evidently needless).
 * Append-only like the notification of a decision (core/notice.c): an answer is a record of
 * its own that refers to the notice; nothing is changed or deleted (triggers), every record is
 * audited (trigger), and recording needs the right to decide in the participant's municipality
 * (core/roles.c through sv_store_authorize). */
#ifndef SV_ADVNOTICE_H
#define SV_ADVNOTICE_H

#include "model.h"
#include "store.h"

/* The schema step (its number is its place in core/schema.c's MIGRATIONS). */
extern const char SV_MIGRATION_ADVNOTICE[];
#define SV_ADVNOTICE_SCHEMA 25

typedef struct sv_advnotice {
    int64_t id;                /* 0: none recorded */
    int64_t participant_id;
    char kind[14];             /* the decision it warns of: stans */
    sv_date sent_on, answer_by;
    char content[1001];        /* what the notice said */
    char exception[2];         /* "a", "b", "c" or "" (a notice) */
    char exception_reason[1001];
    sv_date answered_on;       /* SV_NODATE: no answer recorded */
    char answer[2001];
    char recorded_at[20], recorded_by[33];
} sv_advnotice;

/* The kinds that need a notice: a decision to the participant's disadvantage. */
int sv_advnotice_needed(const char *kind);

/* Records a notice sent on `sent` with the answer deadline `by`. Refused (naming the field):
 * a kind that needs no notice, a day in the future, a deadline not after the day sent. */
int sv_advnotice_send(sv_store *st, int64_t pid, const char *kind, sv_date sent, sv_date by, const char *content,
                      sv_advnotice *out, sv_err *e);
/* Records the participant's answer to notice id: the day (not before the notice was sent, not in
 * the future) and what they said. */
int sv_advnotice_answer(sv_store *st, int64_t id, sv_date on, const char *answer, sv_advnotice *out, sv_err *e);
/* Records that no notice is given under fvl § 16 third paragraph letter code (a, b, c), with why
 * (at least SV_ADVNOTICE_REASON_MIN characters of substance). */
#define SV_ADVNOTICE_REASON_MIN 20
int sv_advnotice_except(sv_store *st, int64_t pid, const char *kind, const char *code, const char *reason,
                        sv_advnotice *out, sv_err *e);
/* The notice in force for a decision of `kind` for pid: the latest notice or exception, with its
 * latest answer. out->id is 0 when none is recorded. Needs the right to read. */
int sv_advnotice_current(sv_store *st, int64_t pid, const char *kind, sv_advnotice *out, sv_err *e);
/* The notices and exceptions of pid, oldest first, each with its latest answer. */
typedef int (*sv_advnotice_cb)(const sv_advnotice *n, void *ctx);
int sv_advnotice_each(sv_store *st, int64_t pid, sv_advnotice_cb cb, void *ctx, sv_err *e);

/* Notice n as one line (without its number): the exception with its reason, or sent, deadline,
 * the first day a decision may be made and the answer if there is one. */
void sv_advnotice_line(const sv_advnotice *n, char *buf, size_t size);
/* The day the notice period has run out: the answer deadline, moved to the next working day
 * when it falls on a Saturday, Sunday or public holiday (core/date.c, domstolloven § 149).
 * A decision may be made the day after it, or once the participant has answered. */
sv_date sv_advnotice_period_end(sv_date answer_by);
/* 1 when a decision on `on` respects notice n (its period has run, or it was answered on or
 * before `on`, or an exception is recorded). */
int sv_advnotice_period_run(const sv_advnotice *n, sv_date on);

#endif
