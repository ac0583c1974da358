/* Facts derived from the model rather than stored. */
#include "model.h"

#include "figures.h"

sv_law sv_participant_law(const sv_participant *p)
{
    return sv_fig_law(p->permit_on);
}

const char *sv_law_code(sv_law l)
{
    return l == SV_LAW_INTEGRERING ? "integreringsloven" : "introduksjonsloven";
}
