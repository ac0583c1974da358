/* The role x operation table. */
#include "roles.h"

#include <string.h>
#include "i18n.h"

static const struct {
    const char *role;
    unsigned char may[SV_OP__COUNT];
    const char *summary;
} TABLE[] = {
    /* Absence by the hour (integreringsloven § 17): the adviser everywhere, the teacher in the
     * courses of adult education, NAV in work placements and NAV measures (core/absence.c
     * judges which a row is); the supervisor reads. The integration contract (integreringsloven
     * § 16, core/contract.c) is CASE: advisers and administrators write it, NAV, the teacher
     * and the supervisor read it.
     * Appeals (forvaltningsloven §§ 28-34): the adviser registers and handles them, the
     * supervisor reads them; NAV and the teacher neither.
     *                    READ MUNI CASE WORK DECIDE CHECK ADMIN ABS COURSE WORKABS APPEAL APPEALREAD */
    {"administrator", {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, N_("Administrator: kan endre alt og legge til brukere")},
    {"adviser",       {1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1}, N_("Programrådgiver: kan endre kommunens saker og fatte vedtak")},
    {"nav",           {1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0}, N_("NAV-veileder: kan endre arbeidsrettede tiltak, oppfølging og overføring og føre fravær i arbeidspraksis; ser resten")},
    {"supervisor",    {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1}, N_("Tilsyn: kan se alt og kjøre sjekklisten, men ikke endre")},
    {"teacher",       {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}, N_("Lærer: kan føre fravær i kursene ved voksenopplæringen; ser resten")},
};

static const char *const LABELS[SV_OP__COUNT] = {
    N_("se saker"), N_("endre kommunens kartlegging, tiltak og avtaler (steg 1-4)"),
    N_("endre deltaker, kartlegging og plan"), N_("endre arbeidsrettede tiltak, oppfølging og overføring"),
    N_("fatte vedtak"), N_("kjøre regelkontroll og sjekkliste"), N_("administrere brukere og kommuner"),
    N_("føre fravær"), N_("føre fravær i kurs ved voksenopplæringen"), N_("føre fravær i arbeidspraksis og NAV-tiltak"),
    N_("registrere og behandle klager"), N_("se klager")};

int sv_role_may(const char *role, sv_op op)
{
    if (!role || op < 0 || op >= SV_OP__COUNT) return 0;
    for (size_t i = 0; i < sizeof TABLE / sizeof TABLE[0]; i++)
        if (strcmp(TABLE[i].role, role) == 0) return TABLE[i].may[op];
    return 0;
}

const char *sv_op_label(sv_op op)
{
    return op >= 0 && op < SV_OP__COUNT ? _(LABELS[op]) : "?";
}

const char *sv_role_summary(const char *role)
{
    for (size_t i = 0; i < sizeof TABLE / sizeof TABLE[0]; i++)
        if (role && strcmp(TABLE[i].role, role) == 0) return _(TABLE[i].summary);
    return _("Ukjent rolle: kan ikke gjøre noe");
}

int sv_role_all_municipalities(const char *role)
{
    return role && (!strcmp(role, "administrator") || !strcmp(role, "supervisor"));
}
