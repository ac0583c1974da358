/* Norwegian identity numbers: fødselsnummer and D-number (11 digits, two mod-11 check digits). */
#ifndef SV_FNR_H
#define SV_FNR_H

#include "date.h"
#include "util.h"

/* Validates s as a fødselsnummer or D-number. On success fills the birth date and sex
 * ('M'/'K') when the pointers are non-NULL. On failure sets e (field "fnr") with a Norwegian
 * message that does not repeat the number (identity numbers never go into messages or logs). */
int sv_fnr_check(const char *s, sv_date *birth, char *sex, sv_err *e);
int sv_fnr_is_dnumber(const char *s);
/* Computes the two check digits for the first nine digits d9; -1 if no valid pair exists. */
int sv_fnr_check_digits(const char d9[9], int *k1, int *k2);
/* "010190*****" style: first six digits, the rest masked; into buf[12]. */
void sv_fnr_mask(const char *s, char buf[12]);

#endif
