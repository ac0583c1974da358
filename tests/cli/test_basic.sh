# The command line: init, users, participants, validation messages, list, show, demo.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
S() { "$BIN" --db "$DB" "$@"; }

expect 0 S init --number 4601 --name Bergen
has "$T/out" "administrator"
expect 0 test "$(stat -c %a "$DB")" = 600
expect 1 S init --number 46x1 --name Feil
has "$T/err" "Kommunenummer: må være fire siffer"

# A valid participant, then each kind of bad input: one clear line, nothing changed.
FNR=01019010399
expect 0 S participant add --fnr "$FNR" --name "Åse Løvås" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole
has "$T/out" "Deltaker nr. 1 er lagret"
expect 1 S participant add --fnr 01019012345 --name X --permit-on 10.01.2025 --settled-on 01.03.2025 --right-duty rett --schooling vgs
has "$T/err" "kontrollsifferet stemmer ikke"
hasnt "$T/err" "01019012345"
expect 1 S participant add --fnr 02019010085 --name X --permit-on 2026-02-30 --settled-on 01.03.2025 --right-duty rett --schooling vgs
has "$T/err" "Oppholdstillatelse: «2026-02-30» er ikke en gyldig dato"
expect 1 S participant add --fnr 02019010085 --name X --permit-on 10.01.2025 --right-duty rett --schooling vgs
has "$T/err" "Bosatt: må fylles ut"
expect 2 S participant add --fnr 02019010085 --shoe-size 44
has "$T/err" "ukjent valg --shoe_size"
expect 1 S participant add --fnr "$FNR" --name Dobbel --permit-on 10.01.2025 --settled-on 01.03.2025 --right-duty rett --schooling vgs
has "$T/err" "finnes allerede"
# A control character in a name or an address is refused at entry, naming the field and the
# code point, nothing stored: a right-to-left override (U+202E, "Ali" + it + "evol" shows as
# "Alilove"), a C1 control sequence introducer (U+009B), an isolate (U+2066).
RLO=$(printf '\342\200\256')
CSI=$(printf '\302\233')
LRI=$(printf '\342\201\246')
P2="--fnr 02019010085 --permit-on 10.01.2025 --settled-on 01.03.2025 --right-duty rett --schooling vgs"
# shellcheck disable=SC2086
expect 1 S participant add $P2 --name "Ali${RLO}evol"
has "$T/err" "Navn: inneholder et kontrolltegn (U+202E) – skriv bare vanlige bokstaver"
# shellcheck disable=SC2086
expect 1 S participant add $P2 --name "Ali${CSI}31m"
has "$T/err" "Navn: inneholder et kontrolltegn (U+009B) – skriv bare vanlige bokstaver"
# shellcheck disable=SC2086
expect 1 S participant add $P2 --name "Ali Rahimi" --street "${LRI}Storgata 1"
has "$T/err" "Postadresse: inneholder et kontrolltegn (U+2066)"
# shellcheck disable=SC2086
expect 1 S participant add $P2 --name "Ali Rahimi" --place "BERGEN${CSI}"
has "$T/err" "Poststed: inneholder et kontrolltegn (U+009B)"
expect 1 S edit participant 1 --name "Åse${RLO}"
has "$T/err" "Navn: inneholder et kontrolltegn (U+202E)"
expect 1 S user add kari adviser --name "Kari${RLO}nnamdroN"
has "$T/err" "Navn: inneholder et kontrolltegn (U+202E)"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM participant")" -eq 1 ] && ok || bad "a refused participant was stored"
[ "$(sqlite3 "$DB" "SELECT name FROM participant WHERE id = 1")" = "Åse Løvås" ] && ok || bad "a refused edit changed the name"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM users WHERE login = 'kari'")" -eq 0 ] && ok || bad "a refused user was stored"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'participant'")" -eq 1 ] && ok || bad "a refused row was audited"
expect 0 S list --tsv
has "$T/out" "010190\*\*\*\*\*"
hasnt "$T/out" "$FNR"
expect 0 test "$(wc -l <"$T/out")" -eq 2

# Assessment, need, plan, phase, measure through the generic add.
expect 0 S add assessment --participant 1 --assessed-on 15.03.2025 --education "Grunnskole" --work-experience "Butikk" --language-level A1
expect 0 S add need --participant 1 --area norsk --description "Norsk til B1"
expect 0 S add plan --participant 1 --start-on 01.04.2025 --planned-end 31.03.2027 --final-goal arbeid \
    --final-goal-text "Fast jobb i helse" --norwegian-goal B1 --consulted-on 25.03.2025 --justification "Begrunnet"
expect 1 S add phase --plan 1 --name Fase --start-on 01.05.2025 --end-on 01.04.2025
has "$T/err" "Til: kan ikke være før Fra"
expect 2 S add phase --name Fase
expect 0 S edit plan 1 --norwegian-goal B2
expect 1 S edit plan 1 --if-version 1 --norwegian-goal A2
has "$T/err" "ble endret av"
expect 0 S show 1
has "$T/out" "Åse Løvås"
has "$T/out" "Norskmål *B2"
expect 0 S show 1 --show-fnr
has "$T/out" "$FNR"
expect 1 S show 99
has "$T/err" "finnes ikke"

# The list narrowed to one adviser's participants.
expect 0 S participant add --fnr 02019010166 --name "Per Berg" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett --schooling vgs --adviser kollega2
expect 0 S list --adviser kollega2 --tsv
has "$T/out" "Per Berg"
hasnt "$T/out" "Åse Løvås"
expect 0 test "$(wc -l <"$T/out")" -eq 2

# Usage errors exit 2; unknown commands too.
expect 2 S frobnicate
expect 2 "$BIN" --nope
expect 0 "$BIN" help list
expect 0 "$BIN" fields plan
has "$T/out" "start_on"

# A file that is not a database, and a missing database, each get one clear line.
head -c 4096 /dev/urandom >"$T/junk.db"
expect 1 "$BIN" --db "$T/junk.db" list
has "$T/err" "skadet"
expect 1 "$BIN" --db "$T/missing.db" list
has "$T/err" "finnes ikke"

# An unregistered login is told who can add it.
STEGVIS_USER=fremmed expect 1 S list
has "$T/err" "ikke registrert"
expect 0 S user add kollega adviser --municipality 4601
STEGVIS_USER=kollega expect 0 S list

# Demo: the same seed gives the same data.
expect 0 "$BIN" --db "$T/d1.db" demo --participants 60 --seed 5
expect 0 "$BIN" --db "$T/d2.db" demo --participants 60 --seed 5
"$BIN" --db "$T/d1.db" list --tsv --limit 0 --show-fnr >"$T/l1"
"$BIN" --db "$T/d2.db" list --tsv --limit 0 --show-fnr >"$T/l2"
expect 0 cmp -s "$T/l1" "$T/l2"
expect 0 test "$(wc -l <"$T/l1")" -eq 61
has "$T/l1" "Plan skal vedtas"
expect 0 "$BIN" --db "$T/d1.db" list --search løv --limit 0

finish
