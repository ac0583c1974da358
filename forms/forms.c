/* Field descriptions of every entity, in the order the screens show them. Labels and help are
 * Norwegian bokmål; column names are the store's and the command line's option names. */
#include "forms.h"

#include <stddef.h>
#include <string.h>

#include "../core/model.h"
#include "../core/contract.h"
#include "../core/derive.h"
#include "../core/i18n.h"
#include "../core/leave.h"

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
    {"administrator", N_("Administrator")}, {"adviser", N_("Programrådgiver")},
    {"nav", N_("NAV-veileder")}, {"supervisor", N_("Tilsyn (kun lese)")},
    {"teacher", N_("Lærer (voksenopplæringen)")}, {NULL, NULL}};
const sv_code SV_CODES_DECISION_KIND[] = {
    {"plan", N_("Vedtak om individuell plan")}, {"endring", N_("Vedtak om vesentlig endring")},
    {"forlengelse", N_("Vedtak om forlengelse")}, {"stans", N_("Vedtak om stans")},
    {"avslag", N_("Vedtak om avslag på introduksjonsprogram")}, {"permisjon", N_("Vedtak om permisjon")},
    {"avslutning", N_("Vedtak om avslutning av programmet")}, {"trekk", N_("Vedtak om trekk i introduksjonsstønaden")},
    {NULL, NULL}};
/* A stop is temporary (for a period of at most three months) or permanent (integreringsloven
 * § 18, introduksjonsloven § 7). */
const sv_code SV_CODES_STOP_KIND[] = {
    {"midlertidig", N_("Midlertidig stans")}, {"varig", N_("Varig stans")}, {NULL, NULL}};
const sv_code SV_CODES_NOTIFY[] = {
    {"digitalt", N_("Digitalt (Digipost/eBoks)")}, {"post", N_("Brev i posten")},
    {"personlig", N_("Overlevert personlig med tolk ved behov")}, {NULL, NULL}};
const sv_code SV_CODES_MEASURE_KIND[] = {
    {"norsk", N_("Norskopplæring")}, {"samfunnskunnskap", N_("Samfunnskunnskap")},
    {"arbeidsnorsk", N_("Arbeidsrettet norsk / bransjenorsk")}, {"sprakpraksis", N_("Språkpraksis")},
    {"arbeidspraksis", N_("Arbeidspraksis")}, {"lonnstilskudd", N_("Lønnstilskudd (NAV)")},
    {"mentor", N_("Mentor (NAV)")}, {"arbeidstrening", N_("Arbeidstrening (NAV)")},
    {"grunnskole", N_("Grunnskole for voksne")}, {"vgs", N_("Videregående opplæring")},
    {"kombinasjon", N_("Kombinasjonsløp")}, {"fagopplaering", N_("Fagopplæring / praksiskandidat")},
    {"bransjekurs", N_("Bransjekurs")}, {"hurtigspor", N_("Hurtigspor")},
    {"realkompetanse", N_("Realkompetansevurdering")}, {"foreldre", N_("Foreldreveiledning")},
    {"livsmestring", N_("Livsmestring i et nytt land")}, {"samfunnspraksis", N_("Samfunnspraksis")},
    {"annet", N_("Annet")}, {NULL, NULL}};
static const sv_code UNIT_KINDS[] = {
    {"flyktningtjeneste", N_("Flyktningtjenesten")}, {"voksenopplaering", N_("Voksenopplæringen")},
    {"nav", "NAV"}, {NULL, NULL}};
const sv_code *const SV_CODES_UNIT_KIND = UNIT_KINDS;
static const sv_code MALFORM[] = {{"nb", N_("Bokmål")}, {"nn", N_("Nynorsk")}, {NULL, NULL}};
static const sv_code ORIENTATION[] = {
    {"arbeid", N_("Arbeidsrettet")}, {"utdanning", N_("Utdanningsrettet")}, {"begge", N_("Begge")}, {NULL, NULL}};
static const sv_code MEASURE_STATUS[] = {
    {"eksisterende", N_("Eksisterende")}, {"justert", N_("Justert")}, {"ny", "Ny"}, {NULL, NULL}};
static const sv_code PARTNER_KIND[] = {
    {"arbeidsgiver", N_("Arbeidsgiver")}, {"skole", N_("Skole")}, {NULL, NULL}};
static const sv_code SEX[] = {{"K", N_("Kvinne")}, {"M", N_("Mann")}, {NULL, NULL}};
static const sv_code RIGHT_DUTY[] = {
    {"rett_plikt", N_("Rett og plikt")}, {"rett", N_("Kun rett")}, {"plikt", N_("Kun plikt")},
    {"kan_tilbys", N_("Kan tilbys")}, {NULL, NULL}};
static const sv_code SCHOOLING[] = {
    {"ingen", N_("Ingen eller lite skolegang")}, {"grunnskole", N_("Grunnskole")},
    {"vgs", N_("Videregående")}, {"hoyere", N_("Høyere utdanning")}, {NULL, NULL}};
static const sv_code LEVEL[] = {
    {"A0", N_("A0 (ingen)")}, {"A1", "A1"}, {"A2", "A2"}, {"B1", "B1"}, {"B2", "B2"}, {"C1", "C1"}, {NULL, NULL}};
static const sv_code NEED_AREA[] = {
    {"norsk", N_("Norsk")}, {"arbeid", N_("Arbeid")}, {"utdanning", N_("Utdanning")},
    {"samfunn", N_("Samfunnskunnskap")}, {"helse", N_("Helse og livsmestring")}, {"annet", N_("Annet")}, {NULL, NULL}};
static const sv_code FINAL_GOAL[] = {
    {"arbeid", N_("Arbeid")}, {"vgs", N_("Fullført videregående")}, {"hoyere", N_("Høyere utdanning")},
    {"annet", N_("Annet")}, {NULL, NULL}};
const sv_code *const SV_CODES_FINAL_GOAL = FINAL_GOAL;
static const sv_code WITH_WHOM[] = {
    {"deltaker", N_("Deltaker")}, {"arbeidsgiver", N_("Arbeidsgiver/praksisplass")},
    {"skole", N_("Skole")}, {"nav", "NAV"}, {NULL, NULL}};
static const sv_code REVIEW_REASON[] = {
    {"jevnlig", N_("Jevnlig vurdering")}, {"endring", N_("Vesentlig endring i livssituasjonen")}, {NULL, NULL}};
const sv_code *const SV_CODES_REVIEW_REASON = REVIEW_REASON;
static const sv_code ABSENCE_KIND[] = {{"permisjon", N_("Permisjon")}, {"fravaer", N_("Fravær")}, {NULL, NULL}};
static const sv_code ABSENCE_REASON[] = {
    {"sykdom", N_("Egen sykdom")}, {"barns_sykdom", N_("Barns sykdom")}, {"velferd", N_("Velferd")},
    {"fodsel", N_("Fødsel")}, {"svangerskap", N_("Svangerskapskontroll")}, {"helligdag", N_("Helligdag")},
    {"flytting", N_("Flytting")}, {"ugyldig", N_("Ugyldig fravær")}, {"annet", N_("Annet")}, {NULL, NULL}};
/* Absence by the hour: the law's list of reasons (integreringsloven § 17 with
 * integreringsforskriften kapittel 3 and 4; introduksjonsloven with forskrift 18. juli 2003 nr. 973
 * om fravær og permisjon). The section of each reason is in templates/fravaer.txt. */
const sv_code SV_CODES_ABSENCE_HOUR_REASON[] = {
    {"sykdom", N_("Egen sykdom")}, {"barns_sykdom", N_("Barns sykdom")}, {"velferd", N_("Velferdspermisjon")},
    {"fodsel", N_("Fødsel")}, {"svangerskap", N_("Svangerskapskontroll")}, {"helligdag", N_("Helligdag")},
    {"annet", N_("Annet")}, {NULL, NULL}};
/* The kinds of leave of templates/permisjon.txt (the section and the counting of each are there). */
const sv_code SV_CODES_LEAVE_KIND[] = {
    {"fodsel_mor", N_("Fødsel (mor)")}, {"fodsel_far", N_("Fødsel (far eller medmor)")},
    {"svangerskap", N_("Svangerskap")}, {"velferd", N_("Velferdspermisjon")},
    {"omsorg", N_("Omsorgspermisjon (uten stønad)")}, {"sykdom", N_("Langvarig sykdom (uten stønad)")},
    {"annet", N_("Annen permisjon (uten stønad)")}, {NULL, NULL}};
static const sv_code OUTCOME[] = {
    {"arbeid", N_("Arbeid")}, {"utdanning", N_("Utdanning")}, {"begge", N_("Arbeid og utdanning")},
    {"annet", N_("Annet")}, {NULL, NULL}};
static const sv_code END_REASON[] = {
    {"maal_naadd", N_("Sluttmål nådd")}, {"arbeid", N_("Overgang til arbeid")},
    {"utdanning", N_("Overgang til utdanning")}, {"tid_brukt", N_("Tiden brukt opp")},
    {"stans", N_("Varig stans")}, {"flyttet", N_("Flyttet")}, {"annet", N_("Annet")}, {NULL, NULL}};
const sv_code *const SV_CODES_OUTCOME = OUTCOME;
const sv_code *const SV_CODES_END_REASON = END_REASON;
const sv_code *const SV_CODES_LEVEL = LEVEL;

static const sv_field F_MUNICIPALITY[] = {
    {"number", N_("Kommunenummer"), SV_F_KOMMNR, offsetof(sv_municipality, number), 5, 1, 0, 0, NULL,
     N_("Fire siffer, som 0301 for Oslo."), NULL},
    TXT(sv_municipality, name, N_("Kommunenavn"), 1, N_("Kommunens navn.")),
    COD(sv_municipality, malform, N_("Målform"), 1, MALFORM, N_("Målformen vedtak og brev skrives på.")),
};

static const sv_field F_UNIT[] = {
    COD(sv_unit, kind, N_("Enhet"), 1, UNIT_KINDS, N_("Hvilken av de tre enhetene.")),
    TXT(sv_unit, name, N_("Navn"), 1, N_("Enhetens navn, slik den står i brev.")),
    TXT(sv_unit, street, N_("Postadresse"), 0, N_("Gate og nummer eller postboks, slik den står øverst i vedtaksbrev.")),
    {"postcode", N_("Postnummer"), SV_F_POSTNR, offsetof(sv_unit, postcode), 5, 0, 0, 0, NULL,
     N_("Fire siffer, f.eks. 5003."), NULL},
    TXT(sv_unit, place, N_("Poststed"), 0, N_("Poststedet som hører til postnummeret, f.eks. BERGEN.")),
};

static const sv_field F_DEMAND[] = {
    TXT(sv_demand, sector, N_("Bransje"), 1, N_("Bransje eller sektor med behov for arbeidskraft.")),
    TXT(sv_demand, occupation, N_("Yrke"), 1, N_("Yrket eller stillingstypen.")),
    TXT(sv_demand, employer, N_("Arbeidsgiver"), 0, N_("Arbeidsgiveren som har behovet, hvis kjent.")),
    INT(sv_demand, jobs, N_("Antall stillinger"), 1, 1, 100000, N_("Omtrent hvor mange stillinger.")),
    LTX(sv_demand, requirements, N_("Krav"), 0, N_("Krav til språk, utdanning, sertifikat osv.")),
    TXT(sv_demand, source, N_("Kilde"), 1, N_("Hvor opplysningen kommer fra (NAV bedriftsundersøkelse, arbeidsgiver ...).")),
    DAT(sv_demand, noted_on, N_("Dato"), 1, N_("Når behovet ble registrert.")),
};

static const sv_field F_MEASURE[] = {
    TXT(sv_measure, name, N_("Navn på tiltak"), 1, N_("Navnet på tiltaket slik det står i katalogen.")),
    COD(sv_measure, kind, N_("Type tiltak"), 1, SV_CODES_MEASURE_KIND, N_("Tiltakstype fra fast kodeliste.")),
    COD(sv_measure, provider, N_("Tilbyder"), 1, UNIT_KINDS, N_("Enheten som gir tiltaket.")),
    HRS(sv_measure, hours, N_("Timer per uke"), 1, 5, 400, N_("Vanlig omfang per uke, f.eks. 15 eller 7,5.")),
    COD(sv_measure, orientation, N_("Retning"), 1, ORIENTATION, N_("Arbeidsrettet, utdanningsrettet eller begge.")),
    BOO(sv_measure, nav, N_("NAV-tiltak"), N_("Ja hvis tiltaket er et NAV-tiltak (lønnstilskudd, mentor, arbeidstrening).")),
    COD(sv_measure, status, N_("Status"), 1, MEASURE_STATUS, N_("Eksisterende, justert (steg 2) eller nytt (steg 3).")),
    LTX(sv_measure, description, N_("Beskrivelse"), 0, N_("Innhold, målgruppe og hvordan tiltaket henger sammen med arbeidskraftbehovet.")),
};

static const sv_field F_AGREEMENT[] = {
    TXT(sv_agreement, partner, N_("Samarbeidspartner"), 1, N_("Arbeidsgiveren eller skolen.")),
    COD(sv_agreement, partner_kind, N_("Type partner"), 1, PARTNER_KIND, N_("Arbeidsgiver eller skole.")),
    TXT(sv_agreement, contact, N_("Kontaktperson"), 1, N_("Navn og telefon eller e-post.")),
    DAT(sv_agreement, valid_from, N_("Gjelder fra"), 1, N_("Første dag avtalen gjelder.")),
    DAT(sv_agreement, valid_to, N_("Gjelder til"), 0, N_("Siste dag avtalen gjelder (tom: løpende).")),
    LTX(sv_agreement, content, N_("Hva er avtalt"), 1, N_("Praksisplasser, læreplasser, oppfølging, ansvar.")),
};

static const sv_field F_PARTICIPANT[] = {
    {"fnr", N_("Fødselsnummer"), SV_F_FNR, offsetof(sv_participant, fnr), 12, 1, 0, 0, NULL,
     N_("11 siffer. D-nummer godtas. Kontrollsifrene sjekkes."), NULL},
    TXT(sv_participant, name, N_("Navn"), 1, N_("Fullt navn.")),
    COD(sv_participant, sex, N_("Kjønn"), 0, SEX, N_("Hentes fra fødselsnummeret hvis det står tomt.")),
    TXT(sv_participant, languages, N_("Språk"), 0, N_("Språk deltakeren snakker, skilt med komma.")),
    BOO(sv_participant, interpreter, N_("Trenger tolk"), N_("Ja hvis deltakeren trenger tolk i samtaler.")),
    TXT(sv_participant, interpreter_lang, N_("Tolkespråk"), 0, N_("Språket det skal tolkes til.")),
    DAT(sv_participant, permit_on, N_("Oppholdstillatelse"), 1, N_("Dato for oppholdstillatelse. Avgjør om introduksjonsloven eller integreringsloven gjelder.")),
    DAT(sv_participant, settled_on, N_("Bosatt"), 1, N_("Dato for bosetting i kommunen. Planen skal vedtas innen 3 måneder.")),
    COD(sv_participant, right_duty, N_("Rett og plikt"), 1, RIGHT_DUTY, N_("Rett og plikt, kun rett, kun plikt eller kan tilbys.")),
    COD(sv_participant, schooling, N_("Skolebakgrunn"), 1, SCHOOLING, N_("Høyeste fullførte utdanning.")),
    TXT(sv_participant, adviser, N_("Programrådgiver"), 0, N_("Brukernavnet til ansvarlig rådgiver.")),
    DAT(sv_participant, requested_on, N_("Krav om deltakelse"), 0,
        N_("Dato deltakeren krevde å delta, hvis det var etter bosettingen. Etter introduksjonsloven § 6 løper planfristen fra kravet.")),
    TXT(sv_participant, street, N_("Postadresse"), 0, N_("Gate og nummer eller postboks. Vedtaksbrev sendes hit.")),
    {"postcode", N_("Postnummer"), SV_F_POSTNR, offsetof(sv_participant, postcode), 5, 0, 0, 0, NULL,
     N_("Fire siffer, f.eks. 5003."), NULL},
    TXT(sv_participant, place, N_("Poststed"), 0, N_("Poststedet som hører til postnummeret, f.eks. BERGEN.")),
};

static const sv_field F_ASSESSMENT[] = {
    DAT(sv_assessment, assessed_on, N_("Kartlagt dato"), 1, N_("Når kompetansen ble kartlagt.")),
    LTX(sv_assessment, education, N_("Utdanning"), 1, N_("Skolegang og utdanning fra hjemlandet og Norge.")),
    LTX(sv_assessment, work_experience, N_("Arbeidserfaring"), 1, N_("Yrker og hvor lenge.")),
    COD(sv_assessment, language_level, N_("Norsknivå"), 1, LEVEL, N_("Nivå i norsk nå (A0-C1).")),
    LTX(sv_assessment, competence, N_("Annen kompetanse"), 0, N_("Sertifikater, ferdigheter, interesser.")),
    DAT(sv_assessment, career_on, N_("Karriereveiledning"), 0, N_("Dato for karriereveiledning (integreringsloven § 11).")),
    LTX(sv_assessment, career_advice, N_("Anbefaling fra karriereveiledning"), 0, N_("Hva karriereveiledningen anbefalte.")),
};

static const sv_field F_NEED[] = {
    COD(sv_need, area, N_("Område"), 1, NEED_AREA, N_("Hva opplæringsbehovet gjelder.")),
    TXT(sv_need, description, N_("Opplæringsbehov"), 1, N_("Konkret behov, f.eks. «bransjenorsk for helsefag».")),
};

static const sv_field F_PLAN[] = {
    DAT(sv_plan, start_on, N_("Programstart"), 1, N_("Første dag i programmet.")),
    DAT(sv_plan, planned_end, N_("Planlagt slutt"), 1, N_("Siste dag i programmet. Normalt inntil 2 år.")),
    COD(sv_plan, final_goal, N_("Sluttmål"), 1, FINAL_GOAL, N_("Arbeid, fullført videregående, høyere utdanning eller annet.")),
    LTX(sv_plan, final_goal_text, N_("Sluttmål beskrevet"), 1, N_("Hva deltakeren konkret skal nå, f.eks. «fast jobb som helsefagarbeider».")),
    COD(sv_plan, norwegian_goal, N_("Norskmål"), 1, LEVEL, N_("Nivået deltakeren skal nå i norsk.")),
    INT(sv_plan, social_hours, N_("Samfunnskunnskap (timer)"), 0, 0, 300, N_("Omfang av samfunnskunnskap, normalt 75 timer.")),
    DAT(sv_plan, consulted_on, N_("Samråd med deltaker"), 1, N_("Dato planen ble laget i samråd med deltakeren.")),
    BOO(sv_plan, interpreter_used, N_("Tolk brukt"), N_("Ja hvis tolk ble brukt i samrådet.")),
    BOO(sv_plan, selfstudy, N_("Betydelig egenstudier"), N_("Ja hvis tiltakene krever mye egenstudier (normen blir 30 timer).")),
    LTX(sv_plan, justification, N_("Begrunnelse"), 1, N_("Hvorfor nettopp denne planen passer deltakeren: bakgrunn, behov og valg (fvl. § 25).")),
    LTX(sv_plan, extension_reason, N_("Begrunnelse for forlengelse"), 0, N_("Fylles ut hvis programmet varer over 2 år.")),
};

static const sv_field F_PHASE[] = {
    TXT(sv_phase, name, N_("Fase"), 1, N_("Navn på tidsfasen, f.eks. «Norsk og arbeidspraksis».")),
    DAT(sv_phase, start_on, N_("Fra"), 1, N_("Første dag i fasen.")),
    DAT(sv_phase, end_on, N_("Til"), 1, N_("Siste dag i fasen.")),
    LTX(sv_phase, reason, N_("Begrunnelse for fasen"), 0,
        N_("Hvorfor programmet har bare denne ene fasen, eller hvorfor fasen har færre enn 37,5 timer i uka (egenstudier).")),
};

static const sv_field F_PLAN_MEASURE[] = {
    REF(sv_plan_measure, measure_id, N_("Tiltak"), 1, "measure", N_("Tiltaket fra kommunens katalog.")),
    REF(sv_plan_measure, need_id, N_("Opplæringsbehov"), 1, "need", N_("Behovet fra kartleggingen som tiltaket svarer på.")),
    HRS(sv_plan_measure, hours, N_("Timer per uke"), 1, 5, 400, N_("Timer per uke i denne fasen.")),
};

static const sv_field F_FOLLOWUP[] = {
    DAT(sv_followup, held_on, N_("Dato"), 1, N_("Dato for oppfølgingen.")),
    COD(sv_followup, with_whom, N_("Med hvem"), 1, WITH_WHOM, N_("Deltaker, arbeidsgiver, skole eller NAV.")),
    LTX(sv_followup, notes, N_("Notat"), 1, N_("Hva som ble tatt opp og avtalt.")),
    DAT(sv_followup, next_on, N_("Neste oppfølging"), 0, N_("Når neste oppfølging skal skje.")),
};

static const sv_field F_REVIEW[] = {
    DAT(sv_review, held_on, N_("Dato"), 1, N_("Dato for vurderingen av planen.")),
    COD(sv_review, reason, N_("Grunn"), 1, REVIEW_REASON, N_("Jevnlig vurdering eller vesentlig endring i livssituasjonen.")),
    LTX(sv_review, outcome, N_("Resultat"), 1, N_("Hva vurderingen kom fram til.")),
    BOO(sv_review, plan_changed, N_("Planen endres"), N_("Ja hvis planen skal endres vesentlig (krever nytt vedtak).")),
};

static const sv_field F_ABSENCE[] = {
    COD(sv_absence, kind, N_("Type"), 1, ABSENCE_KIND, N_("Permisjon eller fravær.")),
    COD(sv_absence, reason, N_("Årsak"), 1, ABSENCE_REASON, N_("Årsaken (lovens kategorier).")),
    DAT(sv_absence, from_on, N_("Fra"), 1, N_("Første dag.")),
    DAT(sv_absence, to_on, N_("Til"), 1, N_("Siste dag.")),
    BOO(sv_absence, approved, N_("Godkjent"), N_("Ja hvis permisjonen eller fraværet er godkjent.")),
    TXT(sv_absence, note, N_("Merknad"), 0, N_("Kort merknad. Ikke skriv helseopplysninger her.")),
};

static const sv_field F_LEAVE[] = {
    COD(sv_leave, kind, N_("Type"), 1, SV_CODES_LEAVE_KIND, N_("Permisjonstypen etter regelverket (templates/permisjon.txt).")),
    DAT(sv_leave, from_on, N_("Fra"), 1, N_("Første dag av permisjonen (i programperioden).")),
    DAT(sv_leave, to_on, N_("Til"), 1, N_("Siste dag av permisjonen.")),
    BOO(sv_leave, granted, N_("Innvilget"), N_("Ja hvis permisjonen er innvilget, nei hvis søknaden er avslått.")),
    DAT(sv_leave, decided_on, N_("Vedtaksdato"), 1, N_("Dagen permisjonen ble innvilget eller avslått.")),
    LTX(sv_leave, reason, N_("Begrunnelse"), 0, N_("Grunnen til vedtaket om permisjon. Ikke skriv helseopplysninger her.")),
    TXT(sv_leave, note, N_("Merknad"), 0, N_("Kort merknad. Ikke skriv helseopplysninger her.")),
};

static const sv_field F_ABSENCE_HOUR[] = {
    DAT(sv_absence_hour, on_day, N_("Dato"), 1, N_("Dagen fraværet gjelder (innenfor programperioden).")),
    REF(sv_absence_hour, measure_id, N_("Tiltak"), 0, "measure",
        N_("Kurset eller praksisplassen (nr. i tiltakskatalogen); tomt gjelder hele dagen.")),
    HRS(sv_absence_hour, hours, N_("Fraværstimer"), 1, 0, 240,
        N_("Timer borte denne dagen, f.eks. 2 eller 3,5; 0 betyr til stede. Ikke mer enn dagens planlagte timer.")),
    COD(sv_absence_hour, reason, N_("Årsak"), 0, SV_CODES_ABSENCE_HOUR_REASON, N_("Årsaken etter lovens liste (påkrevd ved fravær).")),
    BOO(sv_absence_hour, approved, N_("Godkjent"), N_("Ja hvis fraværet er godkjent (gyldig fravær).")),
    TXT(sv_absence_hour, note, N_("Merknad"), 0, N_("Kort merknad. Ikke skriv helseopplysninger her.")),
};

/* The integration contract (integreringsloven § 16): the plan version is set by the program
 * (core/contract.c refuses any other than the plan's current one). */
static const sv_field F_CONTRACT[] = {
    INT(sv_contract, plan_rev, N_("Planversjon"), 0, 0, 1000000000, N_("Versjonen av integreringsplanen kontrakten hører til.")),
    LTX(sv_contract, participant_commits, N_("Deltakeren forplikter seg til"), 1,
        N_("Hva deltakeren forplikter seg til etter planen, f.eks. å delta i norskopplæring og praksis og melde fravær.")),
    LTX(sv_contract, municipality_commits, N_("Kommunen forplikter seg til"), 1,
        N_("Hva kommunen forplikter seg til: tiltakene i planen, oppfølging og veiledning.")),
    DAT(sv_contract, signed_participant, N_("Signert av deltaker"), 1, N_("Dagen deltakeren signerte kontrakten.")),
    DAT(sv_contract, signed_municipality, N_("Signert av kommunen"), 1, N_("Dagen kommunen signerte kontrakten.")),
};

static const sv_field F_EVALUATION[] = {
    DAT(sv_evaluation, evaluated_on, N_("Sluttevaluert"), 1, N_("Dato for sluttevalueringen.")),
    COD(sv_evaluation, outcome, N_("Resultat"), 1, OUTCOME, N_("Arbeid, utdanning, begge eller annet.")),
    COD(sv_evaluation, end_reason, N_("Avslutningsgrunn"), 1, END_REASON, N_("Hvorfor programmet ble avsluttet.")),
    DAT(sv_evaluation, handover_on, N_("Overført til NAV"), 0, N_("Dato for overføring til NAV.")),
    LTX(sv_evaluation, handover_note, N_("Overføringsnotat"), 0, N_("Hva NAV trenger å vite videre.")),
    COD(sv_evaluation, status_1y, N_("Status etter ett år"), 0, OUTCOME, N_("Status ett år etter avslutning.")),
    DAT(sv_evaluation, status_1y_on, N_("Status registrert"), 0, N_("Når ettårsstatusen ble registrert.")),
};

static const sv_field F_NIR_REG[] = {
    TXT(sv_nir_reg, item, N_("NIR-punkt"), 1, N_("Punktet i NIR-arbeidslisten, f.eks. «tiltak:245».")),
    TXT(sv_nir_reg, fact, N_("Registrert opplysning"), 0, N_("Opplysningen slik den var da den ble registrert i NIR.")),
    DAT(sv_nir_reg, registered_on, N_("Registrert i NIR"), 1, N_("Dagen punktet ble registrert i NIR.")),
};

static int check_dates(const sv_entity *ent, const void *obj, const char *from, const char *to,
                       sv_err *e)
{
    const sv_field *a = sv_entity_field(ent, from), *b = sv_entity_field(ent, to);
    sv_date da, db;
    memcpy(&da, (const char *)obj + a->off, sizeof da);
    memcpy(&db, (const char *)obj + b->off, sizeof db);
    if (da != SV_NODATE && db != SV_NODATE && db < da)
        return sv_err_set(e, SV_EINVAL, b->col, _("%s: kan ikke være før %s"), _(b->label), _(a->label));
    return SV_OK;
}

/* Dates of things that have happened (a review held, an evaluation made) cannot lie in the
 * future: a future-dated review would silence the check for overdue reviews. Plan dates (the
 * programme, its phases, the next follow-up, leave) may. */
static int not_future(const sv_entity *ent, const void *obj, const char *col, sv_err *e)
{
    const sv_field *f = sv_entity_field(ent, col);
    sv_date d;
    memcpy(&d, (const char *)obj + f->off, sizeof d);
    if (d != SV_NODATE && d > sv_today())
        return sv_err_set(e, SV_EINVAL, f->col, _("%s: kan ikke være fram i tid (dette er en dato for noe som har skjedd)"),
                          _(f->label));
    return SV_OK;
}

static int check_assessment(const sv_entity *ent, const void *o, sv_err *e)
{
    if (not_future(ent, o, "assessed_on", e) || not_future(ent, o, "career_on", e)) return e->code;
    return SV_OK;
}
static int check_followup(const sv_entity *ent, const void *o, sv_err *e)
{
    if (not_future(ent, o, "held_on", e)) return e->code;
    return check_dates(ent, o, "held_on", "next_on", e);
}
static int check_review(const sv_entity *ent, const void *o, sv_err *e)
{
    return not_future(ent, o, "held_on", e);
}
static int check_evaluation(const sv_entity *ent, const void *o, sv_err *e)
{
    if (not_future(ent, o, "evaluated_on", e) || not_future(ent, o, "handover_on", e) ||
        not_future(ent, o, "status_1y_on", e))
        return e->code;
    return check_dates(ent, o, "evaluated_on", "status_1y_on", e);
}

static int check_agreement(const sv_entity *ent, const void *o, sv_err *e)
{
    return check_dates(ent, o, "valid_from", "valid_to", e);
}
static int check_plan(const sv_entity *ent, const void *o, sv_err *e)
{
    const sv_plan *pl = o;
    if (pl->final_goal_text[0] && sv_text_is_stand_in(pl->final_goal_text))
        return sv_err_set(e, SV_EINVAL, "final_goal_text",
                          _("Sluttmål beskrevet: «%.60s» er ikke et konkret mål; skriv hva deltakeren skal nå (yrke, "
                            "utdanning, arbeidsplass)"),
                          pl->final_goal_text);
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
/* A postal address is whole or absent: a letter cannot go to a street without a postcode. */
static int check_address(const sv_entity *ent, const void *o, sv_err *e)
{
    static const char *const cols[] = {"street", "postcode", "place"};
    int have = 0;
    for (int i = 0; i < 3; i++) have += !sv_field_is_empty(sv_entity_field(ent, cols[i]), o);
    if (have == 0 || have == 3) return SV_OK;
    for (int i = 0; i < 3; i++) {
        const sv_field *f = sv_entity_field(ent, cols[i]);
        if (sv_field_is_empty(f, o))
            return sv_err_set(e, SV_EINVAL, f->col, _("%s: må fylles ut når resten av postadressen er oppgitt"), _(f->label));
    }
    return SV_OK;
}
static int check_unit(const sv_entity *ent, const void *o, sv_err *e)
{
    return check_address(ent, o, e);
}
static int check_absence_hour(const sv_entity *ent, const void *o, sv_err *e)
{
    (void)ent;
    const sv_absence_hour *a = o;
    if (a->hours > 0 && !a->reason[0])
        return sv_err_set(e, SV_EINVAL, "reason", _("Årsak: må fylles ut når deltakeren har fravær (timer over 0)"));
    if (a->hours == 0 && a->reason[0])
        return sv_err_set(e, SV_EINVAL, "reason", _("Årsak: brukes bare ved fravær; med 0 fraværstimer er deltakeren til stede"));
    return SV_OK;
}
static int check_leave(const sv_entity *ent, const void *o, sv_err *e)
{
    return check_dates(ent, o, "from_on", "to_on", e);
}
static int check_participant(const sv_entity *ent, const void *o, sv_err *e)
{
    const sv_participant *p = o;
    if (check_address(ent, o, e)) return e->code;
    if (p->interpreter && !p->interpreter_lang[0])
        return sv_err_set(e, SV_EINVAL, "interpreter_lang", _("Tolkespråk: må fylles ut når deltakeren trenger tolk"));
    if (not_future(ent, o, "permit_on", e) || not_future(ent, o, "requested_on", e)) return e->code;
    if (check_dates(ent, o, "settled_on", "requested_on", e)) return e->code;
    return check_dates(ent, o, "permit_on", "settled_on", e);
}

#define ENT(name, tbl, lab, parent, one, st, arr, chk, step) \
    const sv_entity name = {tbl, lab, parent, one, sizeof(st), arr, N(arr), chk, step}

ENT(SV_ENT_MUNICIPALITY, "municipality", N_("Kommune"), NULL, 0, sv_municipality, F_MUNICIPALITY, NULL, 1);
ENT(SV_ENT_UNIT, "unit", N_("Enhet"), "municipality_id", 0, sv_unit, F_UNIT, check_unit, 1);
ENT(SV_ENT_DEMAND, "demand", N_("Arbeidskraftbehov"), "municipality_id", 0, sv_demand, F_DEMAND, NULL, 1);
ENT(SV_ENT_MEASURE, "measure", N_("Tiltak"), "municipality_id", 0, sv_measure, F_MEASURE, NULL, 2);
ENT(SV_ENT_AGREEMENT, "agreement", N_("Samarbeidsavtale"), "municipality_id", 0, sv_agreement, F_AGREEMENT, check_agreement, 4);
ENT(SV_ENT_PARTICIPANT, "participant", N_("Deltaker"), "municipality_id", 0, sv_participant, F_PARTICIPANT, check_participant, 5);
ENT(SV_ENT_ASSESSMENT, "assessment", N_("Kartlegging"), "participant_id", 1, sv_assessment, F_ASSESSMENT, check_assessment, 5);
ENT(SV_ENT_NEED, "need", N_("Opplæringsbehov"), "participant_id", 0, sv_need, F_NEED, NULL, 5);
ENT(SV_ENT_PLAN, "plan", N_("Plan"), "participant_id", 1, sv_plan, F_PLAN, check_plan, 5);
ENT(SV_ENT_PHASE, "phase", N_("Tidsfase"), "plan_id", 0, sv_phase, F_PHASE, check_phase, 5);
ENT(SV_ENT_PLAN_MEASURE, "plan_measure", N_("Tiltak i fase"), "phase_id", 0, sv_plan_measure, F_PLAN_MEASURE, NULL, 5);
ENT(SV_ENT_FOLLOWUP, "followup", N_("Oppfølging"), "participant_id", 0, sv_followup, F_FOLLOWUP, check_followup, 6);
ENT(SV_ENT_REVIEW, "review", N_("Vurdering av planen"), "participant_id", 0, sv_review, F_REVIEW, check_review, 6);
ENT(SV_ENT_ABSENCE, "absence", N_("Permisjon og fravær"), "participant_id", 0, sv_absence, F_ABSENCE, check_absence, 6);
ENT(SV_ENT_ABSENCE_HOUR, "absence_hour", N_("Fravær per dag"), "participant_id", 0, sv_absence_hour, F_ABSENCE_HOUR, check_absence_hour, 6);
ENT(SV_ENT_LEAVE, "leave", N_("Permisjon (vedtak)"), "participant_id", 0, sv_leave, F_LEAVE, check_leave, 6);
ENT(SV_ENT_CONTRACT, "contract", N_("Integreringskontrakt"), "participant_id", 0, sv_contract, F_CONTRACT, NULL, 5);
ENT(SV_ENT_EVALUATION, "evaluation", N_("Sluttevaluering"), "participant_id", 1, sv_evaluation, F_EVALUATION, check_evaluation, 7);
ENT(SV_ENT_NIR_REG, "nir_registration", N_("NIR-registrering"), "participant_id", 0, sv_nir_reg, F_NIR_REG, NULL, 7);

const sv_entity *const SV_ENTITIES[] = {
    &SV_ENT_MUNICIPALITY, &SV_ENT_UNIT, &SV_ENT_DEMAND, &SV_ENT_MEASURE, &SV_ENT_AGREEMENT,
    &SV_ENT_PARTICIPANT, &SV_ENT_ASSESSMENT, &SV_ENT_NEED, &SV_ENT_PLAN, &SV_ENT_PHASE,
    &SV_ENT_PLAN_MEASURE, &SV_ENT_FOLLOWUP, &SV_ENT_REVIEW, &SV_ENT_ABSENCE, &SV_ENT_EVALUATION,
    &SV_ENT_ABSENCE_HOUR, &SV_ENT_LEAVE, &SV_ENT_CONTRACT, NULL};

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
