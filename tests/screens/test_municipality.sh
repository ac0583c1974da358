# The municipality's steps 1-4, and sharing the catalogue: export to a TSV file, import a file
# with one new measure (existing ones are recognised by name), and a broken file that imports
# nothing and names the line and the field.
. "$(dirname "$0")/lib.sh"

make_db 10
start 80 24
wait_for "Deltakere"
keys m
wait_for "1 Arbeidskraftbehov"
wait_for "stillinger"
keys l
wait_for "t/uke"
keys 4
wait_for "(arbeidsgiver)"
keys 2
keys e
wait_for "Eksporter katalogen til fil"
# the prompt offers the export directory (the home here); a bare name goes there too, 0600
wait_for "$HOME/tiltakskatalog.tsv"
keys C-u; typ katalog.tsv; keys Enter
wait_for "tiltak eksportert til $HOME/katalog.tsv"
mv "$HOME/katalog.tsv" "$TMP/katalog.tsv"
[ "$(stat -c %a "$TMP/katalog.tsv")" = 600 ] || fail "katalogfilen er ikke 600"
head -1 "$TMP/katalog.tsv" | grep -qx "# stegvis tiltakskatalog 1" || fail "eksportfilen mangler første linje"
N=$(($(wc -l < "$TMP/katalog.tsv") - 2))
[ "$N" -ge 1 ] || fail "ingen tiltak i eksportfilen"

# One new measure: the first row under a new name.
{ cat "$TMP/katalog.tsv"; sed -n 3p "$TMP/katalog.tsv" | awk -F'\t' 'BEGIN { OFS = "\t" } { $1 = "Sveisekurs for Ålesund-regionen"; print }'; } > "$TMP/ny.tsv"
keys I
wait_for "Importer tiltak fra fil"
keys C-u; typ ny.tsv; keys Enter
wait_for "1 tiltak importert fra ny.tsv ($N fantes fra før med samme navn)"
wait_for "Sveisekurs for Ålesund-regionen"

# A broken file changes nothing and says where.
{ sed -n 1,2p "$TMP/katalog.tsv"; sed -n 3p "$TMP/katalog.tsv" | awk -F'\t' 'BEGIN { OFS = "\t" } { $1 = "Feil tiltak"; $4 = "mange"; print }'; } > "$TMP/feil.tsv"
keys I
wait_for "Importer tiltak fra fil"
keys C-u; typ feil.tsv; keys Enter
wait_for "feil.tsv linje 3: Timer per uke: «mange» er ikke et antall timer"
wait_for "Ingenting er importert"
screen | grep -q "Feil tiltak" && fail "tiltak fra en ødelagt fil ble importert"
keys I
keys C-u; typ finnes-ikke.tsv; keys Enter
wait_for "Fant ikke filen finnes-ikke.tsv"
keys Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
