/* Field descriptions of every entity, in the order the screens show them. Labels and help are
 * Norwegian bokmål; column names are the store's and the command line's option names. */
#include "forms.h"

#include <stddef.h>
#include <string.h>

#include "../core/model.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define TXT(st, c, lab, req, help) {#c, lab, SV_F_TEXT, offsetof(st, c), sizeof(((st *)0)->c), req, 0, 0, NULL, help, NULL}
#define LTX(st, c, lab, req, help) {#c, lab, SV_F_LONGTEXT, offsetof(st, c), sizeof(((st *)0)->c), req, 0, 0, NULL, help, NULL}
#define DAT(st, c, lab, req, help) {#c, lab, SV_F_DATE, offsetof(st, c), sizeof(sv_date), req, 0, 0, NULL, help, NULL}
#define INT(st, c, lab, req, lo, hi, help) {#c, lab, SV_F_INT, offsetof(st, c), sizeof(int), req, lo, hi, NULL, help, NULL}
#define HRS(st, c, lab, req, lo, hi, help) {#c, lab, SV_F_HOURS, offsetof(st, c), sizeof(int), req, lo, hi, NULL, help, NULL}
#define BOO(st, c, lab, help) {#c, lab, SV_F_BOOL, offsetof(st, c), sizeof(int), 0, 0, 1, NULL, help, NULL}
#define COD(st, c, lab, req, list, help) {#c, lab, SV_F_CODE, offsetof(st, c), sizeof(((st *)0)->c), req, 0, 0, list, help, NULL}
#define REF(st, c, lab, req, tbl, help) {#c, lab, SV_F_REF, offsetof(st, c), sizeof(int64_t), req, 0, 0, NULL, help, tbl}

const sv_code SV_CODES_ROLE[] = {
    {"administrator", "Administrator"}, {"adviser", "Programrådgiver"},
    {"nav", "NAV-veileder"}, {"supervisor", "Tilsyn (kun lese)"}, {NULL, NULL}};
const sv_code SV_CODES_DECISION_KIND[] = {
    {"plan", "Vedtak om individuell plan"}, {"endring", "Vedtak om vesentlig endring"},
    {"forlengelse", "Vedtak om forlengelse"}, {"stans", "Vedtak om stans"}, {NULL, NULL}};
const sv_code SV_CODES_NOTIFY[] = {
    {"digitalt", "Digitalt (Digipost/eBoks)"}, {"post", "Brev i posten"},
    {"personlig", "Overlevert personlig med tolk ved behov"}, {NULL, NULL}};
const sv_code SV_CODES_MEASURE_KIND[] = {
    {"norsk", "Norskopplæring"}, {"samfunnskunnskap", "Samfunnskunnskap"},
    {"arbeidsnorsk", "Arbeidsrettet norsk / bransjenorsk"}, {"sprakpraksis", "Språkpraksis"},
    {"arbeidspraksis", "Arbeidspraksis"}, {"lonnstilskudd", "Lønnstilskudd (NAV)"},
    {"mentor", "Mentor (NAV)"}, {"arbeidstrening", "Arbeidstrening (NAV)"},
    {"grunnskole", "Grunnskole for voksne"}, {"vgs", "Videregående opplæring"},
    {"kombinasjon", "Kombinasjonsløp"}, {"fagopplaering", "Fagopplæring / praksiskandidat"},
    {"bransjekurs", "Bransjekurs"}, {"hurtigspor", "Hurtigspor"},
    {"realkompetanse", "Realkompetansevurdering"}, {"foreldre", "Foreldreveiledning"},
    {"livsmestring", "Livsmestring i et nytt land"}, {"samfunnspraksis", "Samfunnspraksis"},
    {"annet", "Annet"}, {NULL, NULL}};
static const sv_code UNIT_KINDS[] = {
    {"flyktningtjeneste", "Flyktningtjenesten"}, {"voksenopplaering", "Voksenopplæringen"},
    {"nav", "NAV"}, {NULL, NULL}};
static const sv_code MALFORM[] = {{"nb", "Bokmål"}, {"nn", "Nynorsk"}, {NULL, NULL}};
static const sv_code ORIENTATION[] = {
    {"arbeid", "Arbeidsrettet"}, {"utdanning", "Utdanningsrettet"}, {"begge", "Begge"}, {NULL, NULL}};
static const sv_code MEASURE_STATUS[] = {
    {"eksisterende", "Eksisterende"}, {"justert", "Justert"}, {"ny", "Ny"}, {NULL, NULL}};
static const sv_code PARTNER_KIND[] = {
    {"arbeidsgiver", "Arbeidsgiver"}, {"skole", "Skole"}, {NULL, NULL}};
static const sv_code SEX[] = {{"K", "Kvinne"}, {"M", "Mann"}, {NULL, NULL}};
static const sv_code RIGHT_DUTY[] = {
    {"rett_plikt", "Rett og plikt"}, {"rett", "Kun rett"}, {"plikt", "Kun plikt"},
    {"kan_tilbys", "Kan tilbys"}, {NULL, NULL}};
static const sv_code SCHOOLING[] = {
    {"ingen", "Ingen eller lite skolegang"}, {"grunnskole", "Grunnskole"},
    {"vgs", "Videregående"}, {"hoyere", "Høyere utdanning"}, {NULL, NULL}};
static const sv_code LEVEL[] = {
    {"A0", "A0 (ingen)"}, {"A1", "A1"}, {"A2", "A2"}, {"B1", "B1"}, {"B2", "B2"}, {"C1", "C1"}, {NULL, NULL}};
static const sv_code NEED_AREA[] = {
    {"norsk", "Norsk"}, {"arbeid", "Arbeid"}, {"utdanning", "Utdanning"},
    {"samfunn", "Samfunnskunnskap"}, {"helse", "Helse og livsmestring"}, {"annet", "Annet"}, {NULL, NULL}};
static const sv_code FINAL_GOAL[] = {
    {"arbeid", "Arbeid"}, {"vgs", "Fullført videregående"}, {"hoyere", "Høyere utdanning"},
    {"annet", "Annet"}, {NULL, NULL}};
static const sv_code WITH_WHOM[] = {
    {"deltaker", "Deltaker"}, {"arbeidsgiver", "Arbeidsgiver/praksisplass"},
    {"skole", "Skole"}, {"nav", "NAV"}, {NULL, NULL}};
static const sv_code REVIEW_REASON[] = {
    {"jevnlig", "Jevnlig vurdering"}, {"endring", "Vesentlig endring i livssituasjonen"}, {NULL, NULL}};
static const sv_code ABSENCE_KIND[] = {{"permisjon", "Permisjon"}, {"fravaer", "Fravær"}, {NULL, NULL}};
static const sv_code ABSENCE_REASON[] = {
    {"sykdom", "Egen sykdom"}, {"barns_sykdom", "Barns sykdom"}, {"velferd", "Velferd"},
    {"fodsel", "Fødsel"}, {"svangerskap", "Svangerskapskontroll"}, {"helligdag", "Helligdag"},
    {"ugyldig", "Ugyldig fravær"}, {"annet", "Annet"}, {NULL, NULL}};
static const sv_code OUTCOME[] = {
    {"arbeid", "Arbeid"}, {"utdanning", "Utdanning"}, {"begge", "Arbeid og utdanning"},
    {"annet", "Annet"}, {NULL, NULL}};
static const sv_code END_REASON[] = {
    {"maal_naadd", "Sluttmål nådd"}, {"arbeid", "Overgang til arbeid"},
    {"utdanning", "Overgang til utdanning"}, {"tid_brukt", "Tiden brukt opp"},
    {"stans", "Varig stans"}, {"flyttet", "Flyttet"}, {"annet", "Annet"}, {NULL, NULL}};

static const sv_field F_MUNICIPALITY[] = {
    {"number", "Kommunenummer", SV_F_KOMMNR, offsetof(sv_municipality, number), 5, 1, 0, 0, NULL,
     "Fire siffer, som 0301 for Oslo.", NULL},
    TXT(sv_municipality, name, "Kommunenavn", 1, "Kommunens navn."),
    COD(sv_municipality, malform, "Målform", 1, MALFORM, "Målformen vedtak og brev skrives på."),
};

static const sv_field F_UNIT[] = {
    COD(sv_unit, kind, "Enhet", 1, UNIT_KINDS, "Hvilken av de tre enhetene."),
    TXT(sv_unit, name, "Navn", 1, "Enhetens navn, slik den står i brev."),
};

static const sv_field F_DEMAND[] = {
    TXT(sv_demand, sector, "Bransje", 1, "Bransje eller sektor med behov for arbeidskraft."),
    TXT(sv_demand, occupation, "Yrke", 1, "Yrket eller stillingstypen."),
    TXT(sv_demand, employer, "Arbeidsgiver", 0, "Arbeidsgiveren som har behovet, hvis kjent."),
    INT(sv_demand, jobs, "Antall stillinger", 1, 1, 100000, "Omtrent hvor mange stillinger."),
    LTX(sv_demand, requirements, "Krav", 0, "Krav til språk, utdanning, sertifikat osv."),
    TXT(sv_demand, source, "Kilde", 1, "Hvor opplysningen kommer fra (NAV bedriftsundersøkelse, arbeidsgiver ...)."),
    DAT(sv_demand, noted_on, "Dato", 1, "Når behovet ble registrert."),
};

static const sv_field F_MEASURE[] = {
    TXT(sv_measure, name, "Navn på tiltak", 1, "Navnet på tiltaket slik det står i katalogen."),
    COD(sv_measure, kind, "Type tiltak", 1, SV_CODES_MEASURE_KIND, "Tiltakstype fra fast kodeliste."),
    COD(sv_measure, provider, "Tilbyder", 1, UNIT_KINDS, "Enheten som gir tiltaket."),
    HRS(sv_measure, hours, "Timer per uke", 1, 5, 400, "Vanlig omfang per uke, f.eks. 15 eller 7,5."),
    COD(sv_measure, orientation, "Retning", 1, ORIENTATION, "Arbeidsrettet, utdanningsrettet eller begge."),
    BOO(sv_measure, nav, "NAV-tiltak", "Ja hvis tiltaket er et NAV-tiltak (lønnstilskudd, mentor, arbeidstrening)."),
    COD(sv_measure, status, "Status", 1, MEASURE_STATUS, "Eksisterende, justert (steg 2) eller nytt (steg 3)."),
    LTX(sv_measure, description, "Beskrivelse", 0, "Innhold, målgruppe og hvordan tiltaket henger sammen med arbeidskraftbehovet."),
};

static const sv_field F_AGREEMENT[] = {
    TXT(sv_agreement, partner, "Samarbeidspartner", 1, "Arbeidsgiveren eller skolen."),
    COD(sv_agreement, partner_kind, "Type partner", 1, PARTNER_KIND, "Arbeidsgiver eller skole."),
    TXT(sv_agreement, contact, "Kontaktperson", 1, "Navn og telefon eller e-post."),
    DAT(sv_agreement, valid_from, "Gjelder fra", 1, "Første dag avtalen gjelder."),
    DAT(sv_agreement, valid_to, "Gjelder til", 0, "Siste dag avtalen gjelder (tom: løpende)."),
    LTX(sv_agreement, content, "Hva er avtalt", 1, "Praksisplasser, læreplasser, oppfølging, ansvar."),
};

static const sv_field F_PARTICIPANT[] = {
    {"fnr", "Fødselsnummer", SV_F_FNR, offsetof(sv_participant, fnr), 12, 1, 0, 0, NULL,
     "11 siffer. D-nummer godtas. Kontrollsifrene sjekkes.", NULL},
    TXT(sv_participant, name, "Navn", 1, "Fullt navn."),
    COD(sv_participant, sex, "Kjønn", 0, SEX, "Hentes fra fødselsnummeret hvis det står tomt."),
    TXT(sv_participant, languages, "Språk", 0, "Språk deltakeren snakker, skilt med komma."),
    BOO(sv_participant, interpreter, "Trenger tolk", "Ja hvis deltakeren trenger tolk i samtaler."),
    TXT(sv_participant, interpreter_lang, "Tolkespråk", 0, "Språket det skal tolkes til."),
    DAT(sv_participant, permit_on, "Oppholdstillatelse", 1, "Dato for oppholdstillatelse. Avgjør om introduksjonsloven eller integreringsloven gjelder."),
    DAT(sv_participant, settled_on, "Bosatt", 1, "Dato for bosetting i kommunen. Planen skal vedtas innen 3 måneder."),
    COD(sv_participant, right_duty, "Rett og plikt", 1, RIGHT_DUTY, "Rett og plikt, kun rett, kun plikt eller kan tilbys."),
    COD(sv_participant, schooling, "Skolebakgrunn", 1, SCHOOLING, "Høyeste fullførte utdanning."),
    TXT(sv_participant, adviser, "Programrådgiver", 0, "Brukernavnet til ansvarlig rådgiver."),
};

static const sv_field F_ASSESSMENT[] = {
    DAT(sv_assessment, assessed_on, "Kartlagt dato", 1, "Når kompetansen ble kartlagt."),
    LTX(sv_assessment, education, "Utdanning", 1, "Skolegang og utdanning fra hjemlandet og Norge."),
    LTX(sv_assessment, work_experience, "Arbeidserfaring", 1, "Yrker og hvor lenge."),
    COD(sv_assessment, language_level, "Norsknivå", 1, LEVEL, "Nivå i norsk nå (A0-C1)."),
    LTX(sv_assessment, competence, "Annen kompetanse", 0, "Sertifikater, ferdigheter, interesser."),
    DAT(sv_assessment, career_on, "Karriereveiledning", 0, "Dato for karriereveiledning (integreringsloven § 11)."),
    LTX(sv_assessment, career_advice, "Anbefaling fra karriereveiledning", 0, "Hva karriereveiledningen anbefalte."),
};

static const sv_field F_NEED[] = {
    COD(sv_need, area, "Område", 1, NEED_AREA, "Hva opplæringsbehovet gjelder."),
    TXT(sv_need, description, "Opplæringsbehov", 1, "Konkret behov, f.eks. «bransjenorsk for helsefag»."),
};

static const sv_field F_PLAN[] = {
    DAT(sv_plan, start_on, "Programstart", 1, "Første dag i programmet."),
    DAT(sv_plan, planned_end, "Planlagt slutt", 1, "Siste dag i programmet. Normalt inntil 2 år."),
    COD(sv_plan, final_goal, "Sluttmål", 1, FINAL_GOAL, "Arbeid, fullført videregående, høyere utdanning eller annet."),
    LTX(sv_plan, final_goal_text, "Sluttmål beskrevet", 1, "Hva deltakeren konkret skal nå, f.eks. «fast jobb som helsefagarbeider»."),
    COD(sv_plan, norwegian_goal, "Norskmål", 1, LEVEL, "Nivået deltakeren skal nå i norsk."),
    INT(sv_plan, social_hours, "Samfunnskunnskap (timer)", 0, 0, 300, "Omfang av samfunnskunnskap, normalt 75 timer."),
    DAT(sv_plan, consulted_on, "Samråd med deltaker", 1, "Dato planen ble laget i samråd med deltakeren."),
    BOO(sv_plan, interpreter_used, "Tolk brukt", "Ja hvis tolk ble brukt i samrådet."),
    BOO(sv_plan, selfstudy, "Betydelig egenstudier", "Ja hvis tiltakene krever mye egenstudier (normen blir 30 timer)."),
    LTX(sv_plan, justification, "Begrunnelse", 1, "Hvorfor nettopp denne planen passer deltakeren: bakgrunn, behov og valg (fvl. § 25)."),
    LTX(sv_plan, extension_reason, "Begrunnelse for forlengelse", 0, "Fylles ut hvis programmet varer over 2 år."),
};

static const sv_field F_PHASE[] = {
    TXT(sv_phase, name, "Fase", 1, "Navn på tidsfasen, f.eks. «Norsk og arbeidspraksis»."),
    DAT(sv_phase, start_on, "Fra", 1, "Første dag i fasen."),
    DAT(sv_phase, end_on, "Til", 1, "Siste dag i fasen."),
};

static const sv_field F_PLAN_MEASURE[] = {
    REF(sv_plan_measure, measure_id, "Tiltak", 1, "measure", "Tiltaket fra kommunens katalog."),
    REF(sv_plan_measure, need_id, "Opplæringsbehov", 1, "need", "Behovet fra kartleggingen som tiltaket svarer på."),
    HRS(sv_plan_measure, hours, "Timer per uke", 1, 5, 400, "Timer per uke i denne fasen."),
};

static const sv_field F_FOLLOWUP[] = {
    DAT(sv_followup, held_on, "Dato", 1, "Dato for oppfølgingen."),
    COD(sv_followup, with_whom, "Med hvem", 1, WITH_WHOM, "Deltaker, arbeidsgiver, skole eller NAV."),
    LTX(sv_followup, notes, "Notat", 1, "Hva som ble tatt opp og avtalt."),
    DAT(sv_followup, next_on, "Neste oppfølging", 0, "Når neste oppfølging skal skje."),
};

static const sv_field F_REVIEW[] = {
    DAT(sv_review, held_on, "Dato", 1, "Dato for vurderingen av planen."),
    COD(sv_review, reason, "Grunn", 1, REVIEW_REASON, "Jevnlig vurdering eller vesentlig endring i livssituasjonen."),
    LTX(sv_review, outcome, "Resultat", 1, "Hva vurderingen kom fram til."),
    BOO(sv_review, plan_changed, "Planen endres", "Ja hvis planen skal endres vesentlig (krever nytt vedtak)."),
};

static const sv_field F_ABSENCE[] = {
    COD(sv_absence, kind, "Type", 1, ABSENCE_KIND, "Permisjon eller fravær."),
    COD(sv_absence, reason, "Årsak", 1, ABSENCE_REASON, "Årsaken (lovens kategorier)."),
    DAT(sv_absence, from_on, "Fra", 1, "Første dag."),
    DAT(sv_absence, to_on, "Til", 1, "Siste dag."),
    BOO(sv_absence, approved, "Godkjent", "Ja hvis permisjonen eller fraværet er godkjent."),
    TXT(sv_absence, note, "Merknad", 0, "Kort merknad. Ikke skriv helseopplysninger her."),
};

static const sv_field F_EVALUATION[] = {
    DAT(sv_evaluation, evaluated_on, "Sluttevaluert", 1, "Dato for sluttevalueringen."),
    COD(sv_evaluation, outcome, "Resultat", 1, OUTCOME, "Arbeid, utdanning, begge eller annet."),
    COD(sv_evaluation, end_reason, "Avslutningsgrunn", 1, END_REASON, "Hvorfor programmet ble avsluttet."),
    DAT(sv_evaluation, handover_on, "Overført til NAV", 0, "Dato for overføring til NAV."),
    LTX(sv_evaluation, handover_note, "Overføringsnotat", 0, "Hva NAV trenger å vite videre."),
    COD(sv_evaluation, status_1y, "Status etter ett år", 0, OUTCOME, "Status ett år etter avslutning."),
    DAT(sv_evaluation, status_1y_on, "Status registrert", 0, "Når ettårsstatusen ble registrert."),
};

static int check_dates(const sv_entity *ent, const void *obj, const char *from, const char *to,
                       sv_err *e)
{
    const sv_field *a = sv_entity_field(ent, from), *b = sv_entity_field(ent, to);
    sv_date da, db;
    memcpy(&da, (const char *)obj + a->off, sizeof da);
    memcpy(&db, (const char *)obj + b->off, sizeof db);
    if (da != SV_NODATE && db != SV_NODATE && db < da)
        return sv_err_set(e, SV_EINVAL, b->col, "%s: kan ikke være før %s", b->label, a->label);
    return SV_OK;
}

static int check_agreement(const sv_entity *ent, const void *o, sv_err *e)
{
    return check_dates(ent, o, "valid_from", "valid_to", e);
}
static int check_plan(const sv_entity *ent, const void *o, sv_err *e)
{
    return check_dates(ent, o, "start_on", "planned_end", e);
}
static int check_phase(const sv_entity *ent, const void *o, sv_err *e)
{
    return check_dates(ent, o, "start_on", "end_on", e);
}
static int check_absence(const sv_entity *ent, const void *o, sv_err *e)
{
    return check_dates(ent, o, "from_on", "to_on", e);
}
static int check_participant(const sv_entity *ent, const void *o, sv_err *e)
{
    const sv_participant *p = o;
    if (p->interpreter && !p->interpreter_lang[0])
        return sv_err_set(e, SV_EINVAL, "interpreter_lang", "Tolkespråk: må fylles ut når deltakeren trenger tolk");
    return check_dates(ent, o, "permit_on", "settled_on", e);
}

#define ENT(name, tbl, lab, parent, one, st, arr, chk, step) \
    const sv_entity name = {tbl, lab, parent, one, sizeof(st), arr, N(arr), chk, step}

ENT(SV_ENT_MUNICIPALITY, "municipality", "Kommune", NULL, 0, sv_municipality, F_MUNICIPALITY, NULL, 1);
ENT(SV_ENT_UNIT, "unit", "Enhet", "municipality_id", 0, sv_unit, F_UNIT, NULL, 1);
ENT(SV_ENT_DEMAND, "demand", "Arbeidskraftbehov", "municipality_id", 0, sv_demand, F_DEMAND, NULL, 1);
ENT(SV_ENT_MEASURE, "measure", "Tiltak", "municipality_id", 0, sv_measure, F_MEASURE, NULL, 2);
ENT(SV_ENT_AGREEMENT, "agreement", "Samarbeidsavtale", "municipality_id", 0, sv_agreement, F_AGREEMENT, check_agreement, 4);
ENT(SV_ENT_PARTICIPANT, "participant", "Deltaker", "municipality_id", 0, sv_participant, F_PARTICIPANT, check_participant, 5);
ENT(SV_ENT_ASSESSMENT, "assessment", "Kartlegging", "participant_id", 1, sv_assessment, F_ASSESSMENT, NULL, 5);
ENT(SV_ENT_NEED, "need", "Opplæringsbehov", "participant_id", 0, sv_need, F_NEED, NULL, 5);
ENT(SV_ENT_PLAN, "plan", "Plan", "participant_id", 1, sv_plan, F_PLAN, check_plan, 5);
ENT(SV_ENT_PHASE, "phase", "Tidsfase", "plan_id", 0, sv_phase, F_PHASE, check_phase, 5);
ENT(SV_ENT_PLAN_MEASURE, "plan_measure", "Tiltak i fase", "phase_id", 0, sv_plan_measure, F_PLAN_MEASURE, NULL, 5);
ENT(SV_ENT_FOLLOWUP, "followup", "Oppfølging", "participant_id", 0, sv_followup, F_FOLLOWUP, NULL, 6);
ENT(SV_ENT_REVIEW, "review", "Vurdering av planen", "participant_id", 0, sv_review, F_REVIEW, NULL, 6);
ENT(SV_ENT_ABSENCE, "absence", "Permisjon og fravær", "participant_id", 0, sv_absence, F_ABSENCE, check_absence, 6);
ENT(SV_ENT_EVALUATION, "evaluation", "Sluttevaluering", "participant_id", 1, sv_evaluation, F_EVALUATION, NULL, 7);

const sv_entity *const SV_ENTITIES[] = {
    &SV_ENT_MUNICIPALITY, &SV_ENT_UNIT, &SV_ENT_DEMAND, &SV_ENT_MEASURE, &SV_ENT_AGREEMENT,
    &SV_ENT_PARTICIPANT, &SV_ENT_ASSESSMENT, &SV_ENT_NEED, &SV_ENT_PLAN, &SV_ENT_PHASE,
    &SV_ENT_PLAN_MEASURE, &SV_ENT_FOLLOWUP, &SV_ENT_REVIEW, &SV_ENT_ABSENCE, &SV_ENT_EVALUATION,
    NULL};

const sv_entity *sv_entity_by_table(const char *table)
{
    for (int i = 0; SV_ENTITIES[i]; i++)
        if (strcmp(SV_ENTITIES[i]->table, table) == 0) return SV_ENTITIES[i];
    return NULL;
}

void sv_entity_blank(const sv_entity *ent, void *obj)
{
    memset(obj, 0, ent->size);
    for (int i = 0; i < ent->nfields; i++) {
        if (ent->fields[i].type == SV_F_DATE) {
            sv_date d = SV_NODATE;
            memcpy((char *)obj + ent->fields[i].off, &d, sizeof d);
        }
    }
}
