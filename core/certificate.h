/* The participant certificate (deltakerbevis, integreringsloven § 18 a) as PDF/A-2b: who took
 * part and when, the programme's elements with their scope (hours of Norwegian and of social
 * studies, the work and education elements, whether "Livsmestring i et nytt land" and parent
 * guidance were part of it), the final goal and how the programme ended, issued by the
 * municipality. Only for a programme that has ended (a final evaluation with its reason). */
#ifndef SV_CERTIFICATE_H
#define SV_CERTIFICATE_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct sv_case;

/* The certificate's bytes (caller frees *out), or SV_EINVAL with a message for a programme
 * that has not ended. */
int sv_certificate_pdf(sv_store *st, int64_t participant_id, unsigned char **out, size_t *len, sv_err *e);
/* Written to path: 0600, a temporary name renamed into place. */
int sv_certificate_write(sv_store *st, int64_t participant_id, const char *path, sv_err *e);

/* The hours of Norwegian over the whole plan: each Norwegian measure's weekly hours (tenths)
 * times the weeks of its phase, in whole hours. */
long sv_certificate_norwegian_hours(const struct sv_case *c);

#endif
