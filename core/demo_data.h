/* Word lists for the demo generator: names, municipalities, labour demand and the catalogue
 * of measures, drawn from the kinds of pathways in the source reports (seeds/). */
#ifndef SV_DEMO_DATA_H
#define SV_DEMO_DATA_H

typedef struct { const char *kind, *name, *provider, *orientation; int hours, nav; const char *desc; } demo_measure;
typedef struct { const char *sector, *occupation, *employer, *req; int jobs; } demo_demand;

static const char *const FIRST_M[] = {
    "Ahmad", "Mohammed", "Ali", "Hamid", "Yonas", "Abdi", "Omar", "Dmytro", "Oleksandr", "Mustafa",
    "Tesfay", "Samir", "Khalid", "Bashir", "Yusuf", "Ibrahim", "Andrii", "Faisal", "Daniel", "Karim",
    "Mahmoud", "Reza", "Hassan", "Bilal", "Jonas", "Mikael"};
static const char *const FIRST_K[] = {
    "Fatima", "Aisha", "Mariam", "Zainab", "Olena", "Iryna", "Helen", "Amina", "Hodan", "Nour",
    "Selam", "Rahel", "Leila", "Sara", "Hanna", "Yasmin", "Oksana", "Samira", "Huda", "Khadija",
    "Tetiana", "Asma", "Ingrid", "Åse"};
static const char *const LAST[] = {
    "Ahmadi", "Hussaini", "Mohammadi", "Haile", "Tesfamariam", "Abdullahi", "Yusuf", "Al-Hassan",
    "Kovalenko", "Shevchenko", "Bondarenko", "Karimi", "Rahimi", "Osman", "Warsame", "Ghebremedhin",
    "Haddad", "Nasser", "Sæther", "Løvås", "Åsheim", "Bjørnstad", "Kebede", "Abebe", "Hashimi",
    "Noori", "Tkachenko", "Mahamud", "Farah", "Ali"};
static const char *const LANGS[] = {
    "arabisk", "dari", "pashto", "tigrinja", "somali", "ukrainsk, russisk", "kurmanji", "persisk",
    "amharisk", "engelsk, arabisk"};
static const char *const LANG_ONE[] = {
    "arabisk", "dari", "pashto", "tigrinja", "somali", "ukrainsk", "kurmanji", "persisk",
    "amharisk", "arabisk"};

/* Postal addresses: streets for participants and units, and each demo municipality's postcode
 * and place (invented, four digits as Norwegian postcodes are). */
static const char *const STREETS[] = {
    "Storgata", "Kirkeveien", "Skolegata", "Fjordveien", "Elvebakken", "Bjørkelia", "Sjøgata",
    "Løkkeveien", "Granåsen", "Havnegata", "Solbakken", "Åsveien"};
static const char *const POSTCODES[][2] = {
    {"9990", "FJORDVIK"}, {"9980", "ELVESTAD"}, {"9970", "NORDMARK"}, {"9960", "SJØBYGD"}, {"9950", "LIERDAL"},
    {"9940", "HAVØY"}};

static const struct { const char *number, *name; } MUNIS[] = {
    {"9999", "Fjordvik (DEMO)"}, {"9998", "Elvestad (DEMO)"}, {"9997", "Nordmark (DEMO)"},
    {"9996", "Sjøbygd (DEMO)"}, {"9995", "Lierdal (DEMO)"}, {"9994", "Havøy (DEMO)"}};

static const demo_measure MEASURES[] = {
    {"norsk", "Norskopplæring spor 2", "voksenopplaering", "utdanning", 150, 0,
     "Norsk i klasse, fire dager i uka, med nivåtest etter hvert modul."},
    {"samfunnskunnskap", "Samfunnskunnskap 75 timer", "voksenopplaering", "utdanning", 30, 0,
     "Tre moduler på et språk deltakeren forstår."},
    {"livsmestring", "Livsmestring i et nytt land", "flyktningtjeneste", "begge", 20, 0,
     "Kurs i grupper med tolk."},
    {"arbeidsnorsk", "Bransjenorsk helse og omsorg", "voksenopplaering", "arbeid", 60, 0,
     "Fagbegreper og samtaletrening for helse- og omsorgsarbeid."},
    {"sprakpraksis", "Språkpraksis i kommunal virksomhet", "flyktningtjeneste", "arbeid", 150, 0,
     "Praksis med språkmentor på sykehjem, barnehage eller drift."},
    {"arbeidspraksis", "Arbeidspraksis med veileder", "nav", "arbeid", 200, 1,
     "Praksis hos arbeidsgiver med avtale, fulgt opp av NAV."},
    {"lonnstilskudd", "Lønnstilskudd", "nav", "arbeid", 300, 1, "Ordinær jobb med tidsbegrenset tilskudd."},
    {"mentor", "Mentor på arbeidsplassen", "nav", "arbeid", 50, 1, "Kollega som følger opp deltakeren."},
    {"grunnskole", "Grunnskole for voksne", "voksenopplaering", "utdanning", 250, 0,
     "Fag fra grunnskolen for voksne med kort skolegang."},
    {"kombinasjon", "Kombinasjonsløp helsefag", "voksenopplaering", "utdanning", 300, 0,
     "Grunnskolefag og videregående helsefag parallelt."},
    {"bransjekurs", "Bransjekurs renhold (3+3 timer)", "voksenopplaering", "arbeid", 60, 0,
     "13 uker: 3 timer teori og 3 timer praksis i uka, fagbrev som mål."},
    {"fagopplaering", "Praksiskandidat industriell matproduksjon", "voksenopplaering", "begge", 300, 0,
     "Kombinert løp med seks arbeidsgivere som har forpliktet seg."},
    {"foreldre", "Foreldreveiledning", "flyktningtjeneste", "begge", 20, 0, "ICDP-grupper med tolk."},
    {"hurtigspor", "Hurtigspor for helsepersonell", "nav", "arbeid", 100, 1,
     "Godkjenning av utdanning og praksis for sykepleiere og leger."},
    {"realkompetanse", "Realkompetansevurdering", "voksenopplaering", "utdanning", 50, 0,
     "Vurdering av kompetanse uten dokumentasjon."},
};

static const demo_demand DEMANDS[] = {
    {"Helse og omsorg", "Helsefagarbeider", "Fjordvik sykehjem", "Norsk B1, fagbrev eller praksiskandidat", 25},
    {"Renhold", "Renholdsoperatør", "Rent & Klart AS", "Norsk A2, sikkerhetskurs", 12},
    {"Oppvekst", "Barnehageassistent", "Kommunale barnehager", "Norsk B1, politiattest", 10},
    {"Industri", "Operatør næringsmiddel", "Fjordvik Fisk AS", "Norsk A2, HMS-kurs", 18},
    {"Bygg og anlegg", "Tømrer", "Byggmester Berg", "Fagbrev eller erfaring, norsk A2", 6},
    {"Transport", "Sjåfør", "Vestbuss", "Førerkort klasse D, norsk B1", 8},
    {"Reiseliv", "Kokk", "Hotell Fjordvik", "Erfaring, norsk A2", 5},
    {"Handel", "Butikkmedarbeider", "Coop Fjordvik", "Norsk B1", 9},
};

static const char *const EMPLOYERS[] = {
    "Fjordvik sykehjem", "Fjordvik Fisk AS", "Rent & Klart AS", "Coop Fjordvik", "Vestbuss", "Hotell Fjordvik"};

#define DEMO_N(a) ((int)(sizeof(a) / sizeof((a)[0])))

#endif
