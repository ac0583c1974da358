# Sharing the catalogue of measures: export from one municipality, import into another (a round
# trip that keeps every field, tabs and newlines included), measures already there skipped, a bad
# line named by number and field with nothing changed, hostile files refused, and the roles.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
S() { "$BIN" --db "$DB" "$@"; }
measures() { sqlite3 "$DB" "SELECT count(*) FROM measure WHERE municipality_id = $1"; }
dump() { sqlite3 "$DB" "SELECT name, kind, provider, hours, orientation, nav, status, description FROM measure
    WHERE municipality_id = $1 ORDER BY name"; }

expect 0 S init --number 4601 --name Bergen
expect 0 S init --number 5001 --name Trondheim
expect 0 S user add tilsyn supervisor
expect 0 S user add navansatt nav --municipality 4601
expect 0 S add measure --municipality 4601 --name "Språkpraksis på sjukeheim" --kind sprakpraksis \
    --provider flyktningtjeneste --hours 7,5 --orientation begge --nav nei --status justert \
    --description "$(printf 'Linje én\tmed tab\nLinje to med \\ og «æøå»')"
expect 0 S add measure --municipality 4601 --name "Lønnstilskudd" --kind lonnstilskudd --provider nav --hours 37,5 \
    --orientation arbeid --nav ja --status eksisterende
expect 0 S add measure --municipality 4601 --name "Bransjekurs renhold" --kind bransjekurs --provider voksenopplaering \
    --hours 20 --orientation arbeid --nav nei --status ny

# Export: to standard output and to a 0600 file, the same bytes.
expect 0 S catalog export --municipality 4601
cp "$T/out" "$T/stdout.tsv"
(umask 022; S catalog export --municipality 4601 --out "$T/k.tsv" >"$T/out" 2>"$T/err")
has "$T/out" "3 tiltak eksportert"
expect 0 cmp "$T/stdout.tsv" "$T/k.tsv"
expect 0 test "$(stat -c %a "$T/k.tsv")" = 600
expect 0 test "$(head -1 "$T/k.tsv")" = "# stegvis tiltakskatalog 1"
expect 0 test "$(wc -l <"$T/k.tsv")" -eq 5

# Round trip into the other municipality: every field as it was.
expect 0 S catalog import "$T/k.tsv" --municipality 5001
has "$T/out" "3 tiltak importert"
expect 0 test "$(dump 1)" = "$(dump 2)"
expect 0 test "$(measures 2)" -eq 3
# Again: all three are there by name (case ignored), skipped and left as they were.
sed 's/^Lønnstilskudd\t/LØNNSTILSKUDD\t/' "$T/k.tsv" >"$T/k2.tsv"
expect 0 S edit measure 5 --hours 30
expect 0 S catalog import "$T/k2.tsv" --municipality 5001
has "$T/out" "0 tiltak importert"
has "$T/out" "3 fantes fra før med samme navn og er beholdt uendret"
expect 0 test "$(measures 2)" -eq 3
expect 0 test "$(sqlite3 "$DB" "SELECT hours FROM measure WHERE id = 5")" -eq 300

# A bad value on line 5: the message names the line and the field; the good line 4 is not saved.
{ cat "$T/k.tsv"; printf 'Nytt kurs A\tannet\tnav\t10\tarbeid\tnei\tny\t\n'
  printf 'Nytt kurs B\tannet\tnav\tmange\tarbeid\tnei\tny\t\n'; } >"$T/bad.tsv"
before=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
expect 1 S catalog import "$T/bad.tsv" --municipality 4601
has "$T/err" "bad.tsv linje 7: Timer per uke: «mange» er ikke et antall timer"
has "$T/err" "Ingenting er importert"
expect 0 test "$(measures 1)" -eq 3
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM audit")" -eq "$before"
hasnt "$T/out" "importert"

# Hostile or broken files: each refused with a line (and field where there is one), nothing saved.
bad() {   # bad NAME EXPECTED-TEXT: $T/NAME is refused and changes nothing
    expect 1 S catalog import "$T/$1" --municipality 4601
    has "$T/err" "$2"
    expect 0 test "$(measures 1)" -eq 3
}
head -2 "$T/k.tsv" >"$T/head.tsv"
{ cat "$T/head.tsv"; printf 'Kurs\tannet\tnav\t10\tarbeid\tnei\tny\tUgyldig \377 tegn\n'; } >"$T/utf8.tsv"
bad utf8.tsv "linje 3: Beskrivelse: teksten har ugyldige tegn (ikke UTF-8)"
{ cat "$T/head.tsv"; printf 'Kurs\033[2J\tannet\tnav\t10\tarbeid\tnei\tny\t\n'; } >"$T/ctrl.tsv"
bad ctrl.tsv "linje 3: Navn på tiltak: kontrolltegn (byte 27)"
{ cat "$T/head.tsv"; printf 'Kurs\tannet\tnav\t10\tarbeid\n'; } >"$T/short.tsv"
bad short.tsv "linje 3: for få kolonner (5 av 8)"
{ cat "$T/head.tsv"; printf 'Kurs\tannet\tnav\t10\tarbeid\tnei\tny\t\n'; printf 'kurs\tannet\tnav\t10\tarbeid\tnei\tny\t\n'; } >"$T/dup.tsv"
bad dup.tsv "linje 4: Navn på tiltak: «kurs» står også på linje 3"
{ cat "$T/head.tsv"; printf 'Kurs\tannet\tnav\t10\tarbeid\tnei\tny\tA\\qB\n'; } >"$T/esc.tsv"
bad esc.tsv "linje 3: Beskrivelse: ukjent tegnsekvens"
{ head -1 "$T/k.tsv"; printf 'name\tkind\themmelig\n'; } >"$T/col.tsv"
bad col.tsv "linje 2: ukjent kolonne «hemmelig»"
{ head -1 "$T/k.tsv"; printf 'name\tname\n'; } >"$T/col2.tsv"
bad col2.tsv "linje 2: kolonnen «name» står to ganger"
{ cat "$T/head.tsv"; printf 'Kurs\tannet\tnav\t10\tarbeid\tnei\tny\t'; head -c 20000 /dev/zero | tr '\0' x; echo; } >"$T/long.tsv"
bad long.tsv "linje 3: linjen er for lang"
{ cat "$T/head.tsv"; head -c 5000000 /dev/zero | tr '\0' '\n'; } >"$T/big.tsv"
bad big.tsv "er for stor"
printf 'name\tkind\n' >"$T/nomagic.tsv"
bad nomagic.tsv "linje 1: er ikke en tiltakskatalog fra stegvis"
bad . "er ikke en vanlig fil"
bad finnes-ikke.tsv "Fant ikke filen"
# A measure line that is fine except for a too-long name is refused, not cut.
{ cat "$T/head.tsv"; printf '%s\tannet\tnav\t10\tarbeid\tnei\tny\t\n' "$(head -c 200 /dev/zero | tr '\0' n)"; } >"$T/name.tsv"
bad name.tsv "linje 3: Navn på tiltak: for lang tekst"

# Roles: a supervisor and a NAV adviser may export (read) but not import; each refusal audited.
refusals() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'access'"; }
STEGVIS_USER=tilsyn expect 0 S catalog export --municipality 4601
r0=$(refusals)
STEGVIS_USER=tilsyn expect 1 S catalog import "$T/k2.tsv" --municipality 5001
has "$T/err" "har ikke lov"
expect 0 test "$(wc -l <"$T/err")" -eq 1
STEGVIS_USER=navansatt expect 1 S catalog import "$T/k2.tsv" --municipality 4601
has "$T/err" "har ikke lov"
expect 0 test "$(refusals)" -eq $((r0 + 2))
expect 0 test "$(measures 2)" -eq 3
# NAV staff of Bergen do not see Trondheim's catalogue.
STEGVIS_USER=navansatt expect 1 S catalog export --municipality 5001
has "$T/err" "bare tilgang"
expect 2 S catalog import
expect 2 S catalog frobnicate
finish
