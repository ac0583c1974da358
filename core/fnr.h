/* Norwegian identity numbers: fødselsnummer and D-number (11 digits, two mod-11 check digits). */
#ifndef SV_FNR_H
#define SV_FNR_H

#include "date.h"
#include "util.h"

/* Validates s as a fødselsnummer or D-number, under today's rules or the rules for numbers
 * issued from 2032 (first check digit valid when the weighted sum leaves 0, 1, 2 or 3), and the
 * synthetic numbers of the test registers (month +40 or +80). On success fills the birth date
 * and sex ('M'/'K', or '\0' for a number that no longer tells it: take the register's field)
 * when the pointers are non-NULL. On failure sets e (field "fnr") with a Norwegian message that
 * does not repeat the number (identity numbers never go into messages or logs). */
int sv_fnr_check(const char *s, sv_date *birth, char *sex, sv_err *e);
int sv_fnr_is_dnumber(const char *s);
/* A synthetic number from a test register (month +40 or +80). */
int sv_fnr_is_synthetic(const char *s);
/* Valid only under the 2032 rules (first check digit's remainder 1, 2 or 3). */
int sv_fnr_2032_only(const char *s);
/* Computes the two check digits under today's rule (remainder 0) for the first nine digits d9;
 * -1 if no valid pair exists. */
int sv_fnr_check_digits(const char d9[9], int *k1, int *k2);
/* "010190*****" style: first six digits, the rest masked; into buf[12]. */
void sv_fnr_mask(const char *s, char buf[12]);

#endif
