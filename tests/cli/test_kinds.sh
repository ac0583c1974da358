# The decision kinds (issue 15 item 3) through the command line: avslag, stans (midlertidig and
# varig), permisjon and avslutning issued with `decide`, exported, checked by `check` with the
# same verdict, and printed as text and PDF letters in bokmål and nynorsk; and the refusals of
# bad input, each naming the field, with nothing stored.
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || { echo "test_kinds: pdftotext missing (make deps)"; exit 1; }

DB="$T/k.db"
. "$(dirname "$0")/case.sh"
make_municipality
make_case 1 01019010399 "Åse Løvås"
make_case 2 02029010075 "Omar Haddad"
make_case 3 03039010185 "Nina Petrenko"
K() { STEGVIS_USER=kari S decide "$@"; }
K 1 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes >/dev/null 2>&1 || bad "plan 1"
K 2 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes >/dev/null 2>&1 || bad "plan 2"
K 3 --kind plan --notify-method post --date 28.03.2025 --notified 29.03.2025 --yes >/dev/null 2>&1 || bad "plan 3"
d0=$(q "SELECT count(*) FROM decision")
[ "$d0" -eq 3 ] && ok || bad "three plans decided, got $d0"

# --- bad input: refused, the field named, nothing stored
expect 1 K 1 --kind pause --notify-method post
has "$T/err" "--kind: «pause» er ikke gyldig (plan, endring, forlengelse, stans, avslag, permisjon, avslutning)"
expect 1 K 1 --kind stans --notify-method post --from 01.05.2025 --reason "Deltakeren har ikke møtt på seks uker uten gyldig grunn."
has "$T/err" "Stanstype: må fylles ut ved vedtak om stans"
expect 1 K 1 --kind stans --stop-type kort --notify-method post --from 01.05.2025 --reason "Deltakeren har ikke møtt."
has "$T/err" "Stanstype: «kort» er ikke gyldig (midlertidig, varig)"
expect 1 K 1 --kind stans --stop-type midlertidig --notify-method post --from 01.05.2025 --reason "Ikke møtt."
has "$T/err" "Stans til: må fylles ut ved midlertidig stans"
expect 1 K 1 --kind stans --stop-type midlertidig --notify-method post --from 30.11.2025 --to 28.02.2026 --reason "Ikke møtt."
has "$T/err" "Stans til: en midlertidig stans varer høyst tre måneder (integreringsloven § 18); velg en dato før 28.02.2026"
expect 1 K 1 --kind stans --stop-type varig --notify-method post --from 01.05.2025 --to 01.06.2025 --reason "Ikke møtt."
has "$T/err" "Stans til: gjelder bare midlertidig stans"
expect 1 K 1 --kind stans --stop-type varig --notify-method post --reason "Ikke møtt."
has "$T/err" "Stans fra: må fylles ut"
expect 1 K 1 --kind stans --stop-type varig --notify-method post --from 31.02.2025 --reason "Ikke møtt."
has "$T/err" "--from: «31.02.2025» er ikke en gyldig dato"
expect 1 K 1 --kind permisjon --notify-method post --from 01.06.2025 --to 01.05.2025 --reason "Fødsel."
has "$T/err" "Permisjon til: kan ikke være før «Permisjon fra»"
expect 1 K 1 --kind plan --stop-type varig --notify-method post
has "$T/err" "Stanstype: gjelder bare vedtak om stans"
expect 1 K 1 --kind avslutning --end-reason ferdig --last-day 01.05.2025 --notify-method post --reason "Ferdig."
has "$T/err" "Avslutningsgrunn: «ferdig» er ikke gyldig"
expect 1 K 1 --kind avslutning --end-reason stans --last-day 01.05.2025 --notify-method post --reason "Ferdig."
has "$T/err" "en varig stans er et vedtak om stans"
expect 1 K 1 --kind avslutning --end-reason arbeid --notify-method post --reason "Ferdig."
has "$T/err" "Siste programdag: må fylles ut"
expect 1 K 1 --kind endring --from 01.05.2025 --notify-method post --reason "Endring av planen."
has "$T/err" "--from: gjelder bare vedtak om stans, permisjon og trekk"
# a rule of the kind: a refusal with too short a reason is stopped by IN-K1-AVSLAG
R participant add --fnr 04049010023 --name "Ali Rahimi" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty kan_tilbys --schooling hoyere --interpreter nei --street "Storgata 2" --postcode 5003 --place BERGEN
expect 1 K 4 --kind avslag --notify-method post --date 20.03.2025 --notified 21.03.2025 --reason "Ikke rett."
has "$T/err" "IN-K1-AVSLAG"
[ "$(q "SELECT count(*) FROM decision")" -eq "$d0" ] && ok || bad "a refused decision was stored"

# --- the advance notice (forvaltningsloven § 16): a stop without one is stopped by the rule
STOP1="--kind stans --stop-type midlertidig --from 01.05.2025 --to 31.07.2025 --notify-method post --date 20.04.2025"
WHY="Deltakeren har ikke møtt på seks uker uten gyldig grunn."
NOTE="Kommunen vurderer å stanse programmet fordi du ikke har møtt på seks uker."
# shellcheck disable=SC2086
expect 1 K 1 $STOP1 --reason "$WHY"
has "$T/err" "IN-K5-VARSEL"
has "$T/err" "ingen forhåndsvarsel eller unntak registrert"
F() { S forewarn "$@"; }
expect 1 F send --participant 1 --kind stans --sent 10.04.2025 --answer-by 10.04.2025 --text "$NOTE"
has "$T/err" "Svarfrist: må være etter dagen varselet ble sendt"
expect 1 F send --participant 1 --kind plan --sent 10.04.2025 --answer-by 19.04.2025 --text "$NOTE"
has "$T/err" "Vedtakstype: et vedtak om plan går ikke deltakeren imot"
expect 1 F send --participant 1 --kind stans --sent 31.13.2025 --answer-by 19.04.2025 --text "$NOTE"
has "$T/err" "--sent: «31.13.2025» er ikke en gyldig dato"
expect 1 F send --participant 1 --kind stans --sent 10.04.2025 --answer-by 19.04.2025 --text "Stans."
has "$T/err" "Innhold i varselet: skriv hva kommunen vurderer å vedta"
expect 1 F except --participant 1 --kind stans --exception d --reason "Deltakeren har selv bedt om stans av programmet."
has "$T/err" "Unntak: «d» er ikke gyldig (a, b eller c i forvaltningsloven § 16 tredje ledd)"
R user add tilsyn supervisor
STEGVIS_USER=tilsyn expect 1 S forewarn send --participant 1 --kind stans --sent 10.04.2025 --answer-by 19.04.2025 --text "$NOTE"
[ "$(q "SELECT count(*) FROM advance_notice")" -eq 0 ] && ok || bad "a refused notice was stored"
# sent 10.04, the deadline Saturday 19.04.2025 runs over Easter Monday to Tuesday 22.04
expect 0 F send --participant 1 --kind stans --sent 10.04.2025 --answer-by 19.04.2025 --text "$NOTE"
has "$T/out" "Forhåndsvarsel nr. 1 (stans): sendt 10.04.2025, svarfrist 19.04.2025; vedtaket kan tidligst fattes 23.04.2025"
# shellcheck disable=SC2086
expect 1 K 1 $STOP1 --reason "$WHY"
has "$T/err" "svarfristen 2025-04-19 løper til 2025-04-22, vedtatt 2025-04-20"
STEGVIS_USER=tilsyn expect 0 S forewarn list --participant 1
has "$T/out" "Forhåndsvarsel nr. 1"
expect 1 F answer 1 --answered 09.04.2025 --text "Jeg har vært syk."
has "$T/err" "Svar mottatt: kan ikke være før varselet ble sendt"
expect 0 F answer 1 --answered 15.04.2025 --text "Jeg har vært syk, men ikke levert legeerklæring."
has "$T/out" "eller nå som deltakeren har svart (15.04.2025)"
# a notice sent after the decision date is refused, naming it
expect 0 F send --participant 2 --kind stans --sent 21.04.2025 --answer-by 05.05.2025 --text "$NOTE"
expect 1 K 2 --kind stans --stop-type varig --from 01.05.2025 --notify-method post --date 20.04.2025 --reason "$WHY"
has "$T/err" "Forhåndsvarsel: sendt 21.04.2025, etter vedtaksdatoen 20.04.2025"
expect 0 F except --participant 2 --kind stans --exception c --reason "Deltakeren har selv bedt om stans og kjenner saken godt."
has "$T/out" "unntak etter forvaltningsloven § 16 tredje ledd bokstav c"
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'advance_notice'")" -eq 4 ] && ok || bad "the advance notices are not audited"
expect 19 q "UPDATE advance_notice SET sent_on = '2025-01-01'"
expect 19 q "DELETE FROM advance_notice"

# --- each kind issued, exported, checked and printed
# the leave decided for participant 3 is the birth leave recorded for its period: June 2025 has
# 20 working days (Whit Monday is 9 June)
R leave add --participant 3 --kind fodsel_mor --from 01.06.2025 --to 30.06.2025 --granted ja --decided 15.04.2025
ROWS="4|avslag|--reason Deltakeren har høyere utdanning og fast arbeid, og hører ikke til målgruppen for programmet.
1|stans|--stop-type midlertidig --from 01.05.2025 --to 31.07.2025 --reason Deltakeren har ikke møtt på seks uker uten gyldig grunn.
2|stans|--stop-type varig --from 01.05.2025 --reason Deltakeren har flyttet ut av landet og har ikke møtt siden mars.
3|permisjon|--from 01.06.2025 --to 30.06.2025 --reason Deltakeren får permisjon ved fødsel etter forskriften."
echo "$ROWS" | while IFS='|' read -r pid kind rest; do
    # shellcheck disable=SC2086
    set -- $(echo "$rest" | sed 's/ *--reason .*//')
    reason=$(echo "$rest" | sed 's/.*--reason //')
    expect 0 K "$pid" --kind "$kind" "$@" --notify-method post --date 20.04.2025 --notified 22.04.2025 --reason "$reason" --yes
    has "$T/out" "fattet 20.04.2025"
    expect 0 S export "$pid" --out "$T/v-$pid-$kind.xml"
    expect 0 xmllint --noout --schema "$STEGVIS_TEMPLATES/vedtak.xsd" "$T/v-$pid-$kind.xml"
    has "$T/v-$pid-$kind.xml" "type=\"$kind\""
    expect 0 S check "$T/v-$pid-$kind.xml"
    has "$T/out" "1 dokument, 0 med brudd"
    expect 0 S letter "$pid" --out "$T/l-$pid.txt"
    has "$T/l-$pid.txt" "DETTE HAR VI BESTEMT"
done
has "$T/v-4-avslag.xml" "integreringsloven § 12"
hasnt "$T/v-4-avslag.xml" "<plan "
has "$T/v-1-stans.xml" '<stans type="midlertidig" fra="2025-05-01" til="2025-07-31"/>'
has "$T/v-1-stans.xml" 'hjemmel="integreringsloven § 18"'
has "$T/v-2-stans.xml" '<stans type="varig" fra="2025-05-01"/>'
has "$T/v-1-stans.xml" '<forhandsvarsel sendt="2025-04-10" svarfrist="2025-04-19">'
has "$T/v-2-stans.xml" '<forhandsvarsel unntak="c">'
has "$T/l-1.txt" "Vi sendte deg forhåndsvarsel 10.04.2025 om at vi vurderte dette vedtaket, med frist til 19.04.2025"
has "$T/l-1.txt" "Du svarte 15.04.2025: Jeg har vært syk, men ikke levert legeerklæring."
has "$T/l-2.txt" "forvaltningsloven § 16 tredje ledd bokstav c gjelder: Deltakeren har selv bedt om stans"
# check works the notice period out again: a deadline moved to the decision day breaks it
sed 's/svarfrist="2025-04-19"/svarfrist="2025-04-20"/; s/<svar dato="2025-04-15">[^<]*<\/svar>//' "$T/v-1-stans.xml" >"$T/early.xml"
expect 1 S check "$T/early.xml"
has "$T/out" "IN-K5-VARSEL	brudd"
has "$T/v-3-permisjon.xml" '<permisjon type="fodsel_mor" fra="2025-06-01" til="2025-06-30"/>'
has "$T/v-3-permisjon.xml" 'hjemmel="integreringsloven § 17"'
has "$T/l-4.txt" "VEDTAK OM AVSLAG PÅ INTRODUKSJONSPROGRAM"
has "$T/l-4.txt" "Du får ikke introduksjonsprogram"
has "$T/l-1.txt" "stanses midlertidig fra 01.05.2025 til og med 31.07.2025"
has "$T/l-2.txt" "stanses varig fra 01.05.2025"
has "$T/l-3.txt" "Du får permisjon fra programmet fra 01.06.2025 til og med 30.06.2025: Fødsel (mor), 20 virkedager slik forskriften teller dem."

# a leave is decided per period: a second one in the same plan version is issued, the same
# period twice is refused, naming the decision there is
expect 1 K 3 --kind permisjon --from 01.06.2025 --to 30.06.2025 --notify-method post --date 20.04.2025 \
    --reason "Deltakeren får permisjon ved fødsel etter forskriften." --yes
has "$T/err" "Det finnes allerede et vedtak av typen Vedtak om permisjon for perioden fra 01.06.2025 (vedtak nr. "
expect 0 K 3 --kind permisjon --from 04.08.2025 --to 08.08.2025 --notify-method post --date 21.07.2025 \
    --reason "Deltakeren får velferdspermisjon for å følge et barn til operasjon." --yes
[ "$(q "SELECT count(*) FROM decision WHERE participant_id = 3 AND kind = 'permisjon'")" -eq 2 ] && ok ||
    bad "two leave decisions in one plan version: $(q "SELECT count(*) FROM decision WHERE participant_id = 3 AND kind = 'permisjon'")"

# a cut in the benefit for unapproved absence in one payment period, the calendar month: the
# figures come from the register, the advance notice comes first, one decision per month
expect 1 K 3 --kind trekk --from 15.08.2025 --notify-method post --date 15.09.2025 --reason "$WHY" --yes
has "$T/err" "Trekk for: utbetalingsperioden er kalendermåneden; oppgi den første dagen i måneden (01.08.2025)"
expect 1 K 3 --kind trekk --from 01.08.2025 --notify-method post --date 15.09.2025 --reason "$WHY" --yes
has "$T/err" "Trekk for: deltakeren har ikke ugodkjent fravær i 08.2025; det er ikke noe å trekke"
R absence record --participant 3 --date 12.08.2025 --hours 7,5 --reason annet
R absence record --participant 3 --date 13.08.2025 --hours 7,5 --reason annet
R absence record --participant 3 --date 14.08.2025 --hours 2 --reason sykdom --approved ja
expect 1 K 3 --kind trekk --from 01.08.2025 --notify-method post --date 15.09.2025 --reason "$WHY" --yes
has "$T/err" "K5-VARSEL"
expect 0 F send --participant 3 --kind trekk --sent 01.09.2025 --answer-by 11.09.2025 \
    --text "Kommunen vurderer å trekke i stønaden for august fordi du var borte to dager uten gyldig grunn."
CUT="Deltakeren var borte 12. og 13. august uten gyldig grunn og har ikke svart på varselet."
expect 0 K 3 --kind trekk --from 01.08.2025 --notify-method post --date 15.09.2025 --notified 16.09.2025 --reason "$CUT" --yes
expect 0 S export 3 --out "$T/v-3-trekk.xml"
expect 0 xmllint --noout --schema "$STEGVIS_TEMPLATES/vedtak.xsd" "$T/v-3-trekk.xml"
has "$T/v-3-trekk.xml" '<trekk fra="2025-08-01" til="2025-08-31" planlagt="157.50" ugodkjent="15.00"/>'
has "$T/v-3-trekk.xml" 'hjemmel="integreringsloven § 17"'
has "$T/v-3-trekk.xml" '<forhandsvarsel sendt="2025-09-01" svarfrist="2025-09-11">'
expect 0 S check "$T/v-3-trekk.xml"
has "$T/out" "1 dokument, 0 med brudd"
expect 0 S letter 3 --out "$T/l-3t.txt"
has "$T/l-3t.txt" "VEDTAK OM TREKK I INTRODUKSJONSSTØNADEN"
has "$T/l-3t.txt" "for perioden 01.08.2025 til 31.08.2025 blir redusert fordi du hadde 15 timer fravær uten gyldig grunn av 157,5 planlagte timer"
expect 1 K 3 --kind trekk --from 01.08.2025 --notify-method post --date 16.09.2025 --reason "$CUT" --yes
has "$T/err" "Det finnes allerede et vedtak av typen Vedtak om trekk i introduksjonsstønaden for perioden fra 01.08.2025"

# the ending, after the stop of participant 1 ran out
expect 0 K 1 --kind avslutning --end-reason arbeid --last-day 31.08.2025 --notify-method post --date 25.08.2025 \
    --notified 26.08.2025 --reason "Deltakeren har fått fast jobb i butikk fra september." --yes
# an ending after a stop is no resumption for NIR; only a decision that sets the plan again is
[ "$(q "SELECT count(*) FROM nir_item WHERE kind = 'gjenopptak'")" -eq 0 ] && ok ||
    bad "a resumption item for a decision that resumes nothing: $(q "SELECT group_concat(item) FROM nir_item WHERE kind = 'gjenopptak'")"
expect 0 S export 1 --out "$T/v-1-avslutning.xml"
has "$T/v-1-avslutning.xml" '<avslutning grunn="arbeid" dato="2025-08-31"/>'
has "$T/v-1-avslutning.xml" 'hjemmel="integreringsloven § 18 a"'
expect 0 S check "$T/v-1-avslutning.xml"
expect 0 S letter 1 --out "$T/l-1e.txt"
has "$T/l-1e.txt" "VEDTAK OM AVSLUTNING AV INTRODUKSJONSPROGRAMMET"
has "$T/l-1e.txt" "Siste dag i programmet er 31.08.2025. Grunnen er: Overgang til arbeid."
# a document whose stop is longer than three months is found by check (derived again)
sed 's/til="2025-07-31"/til="2025-08-01"/' "$T/v-1-stans.xml" >"$T/long.xml"
expect 1 S check "$T/long.xml"
has "$T/out" "IN-K5-STANS	brudd"

# PDF letters, bokmål and then nynorsk (the målform is the municipality's when it decides)
R add unit --municipality 1 --kind flyktningtjeneste --name Flyktningtjenesten
R edit unit 1 --street "Postboks 7700" --postcode 5020 --place BERGEN
expect 0 S letter 2 --pdf "$T/s.pdf"
pdftotext "$T/s.pdf" - | tr -s ' \n' ' ' >"$T/s.txt"
has "$T/s.txt" "VEDTAK OM STANS"
has "$T/s.txt" "DETTE HAR VI BESTEMT"
has "$T/s.txt" "stanses varig fra 01.05.2025"
has "$T/s.txt" "integreringsloven § 18"
has "$T/s.txt" "bokstav c gjelder"
R edit municipality 1 --malform nn
expect 0 K 3 --kind avslutning --end-reason maal_naadd --last-day 30.09.2025 --notify-method post --date 25.09.2025 \
    --notified 26.09.2025 --reason "Deltakaren har nådd sluttmålet og byrjar i fast jobb i januar." --yes
expect 0 S letter 3 --out "$T/nn.txt"
has "$T/nn.txt" "VEDTAK OM AVSLUTNING AV INTRODUKSJONSPROGRAMMET"
has "$T/nn.txt" "Programmet ditt blir avslutta. Siste dag i programmet er 30.09.2025. Grunnen er: Sluttmål nådd."
has "$T/nn.txt" "integreringslova § 18 a"
expect 0 S letter 3 --pdf "$T/nn.pdf"
pdftotext "$T/nn.pdf" - | tr -s ' \n' ' ' >"$T/nn.flat"
has "$T/nn.flat" "Programmet ditt blir avslutta"
hasnt "$T/nn.flat" "avsluttes"
finish
