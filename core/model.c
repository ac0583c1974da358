/* Facts derived from the model rather than stored. */
#include "model.h"

sv_law sv_participant_law(const sv_participant *p)
{
    /* integreringsloven § 51: residence permit from 1.1.2021. */
    if (p->permit_on != SV_NODATE && p->permit_on >= sv_date_from_ymd(2021, 1, 1))
        return SV_LAW_INTEGRERING;
    return SV_LAW_INTRO;
}

const char *sv_law_code(sv_law l)
{
    return l == SV_LAW_INTEGRERING ? "integreringsloven" : "introduksjonsloven";
}
