# Roles: the screen says who you are and what you may do; a supervisor sees everything and runs
# the checklist but every edit is refused with the core's message. A colleague's newer save
# gives a conflict dialog with both values instead of a silent overwrite.
. "$(dirname "$0")/lib.sh"

make_db 30
sv user add tilsyn supervisor --name "Siri Tilsyn" >/dev/null || fail "user add"
sv participant add --fnr 15059010295 --name "Ådne Ås" --permit_on 01.02.2025 --settled_on 15.03.2025 \
    --right_duty rett_plikt --schooling vgs --languages dari >/dev/null || fail "participant add"
PID=$(sv list --tsv --search "ådne" | awk -F'\t' 'NR == 2 { print $1 }')

# The supervisor.
start 100 30 STEGVIS_USER=tilsyn
wait_for "Du er Siri Tilsyn. Tilsyn: kan se alt og kjøre sjekklisten, men ikke endre."
keys n
wait_for "(kun lesing)"
# the supervisor's own wording, not another role's list of what may be changed
wait_for "Tilsyn: kan se alt og kjøre sjekklisten, men ikke endre. Skjemaet vises bare til lesing."
screen | grep -q "lov til å endre arbeidsrettede" && fail "tilsynet får NAVs ordlyd"
keys Enter
wait_for "Skjemaet vises bare til lesing"
keys Escape
wait_for "Søk:"
keys /; typ "ådne"; keys Enter Enter
wait_for "Ådne Ås"
wait_for "Mangler: kartlegging"
select_row "Deltaker: Ådne Ås"
keys Enter
wait_for "Endre: Deltaker"
wait_for "(kun lesing)"
keys Enter
wait_for "vises bare til lesing"
keys s
wait_for "vises bare til lesing"
keys Escape
wait_for "Mangler: kartlegging"
keys v
wait_for "Regelkontroll"
keys F
wait_for "har ikke lov til å fatte"
keys Escape Escape
wait_for "Søk:"
keys c
wait_for "Kontrollspørsmål"
wait_for "K1"
keys Enter
wait_for "brudd i"
keys Escape Escape
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
sv show "$PID" | grep -q "dari" || fail "deltakeren ble endret av tilsynet"

# NAV staff: may add a follow-up, may not change the participant.
sv user add nils nav --name "Nils NAV" >/dev/null || fail "user add nav"
start 100 30 STEGVIS_USER=nils
wait_for "Du er Nils NAV. NAV-veileder"
keys /; typ "ådne"; keys Enter
wait_for "1 av 1"
keys Enter
wait_for "Mangler: kartlegging"
select_row "Deltaker: Ådne Ås"
keys Enter
wait_for "(kun lesing)"
keys Escape
keys 6
wait_for "Steg 5 er ikke ferdig"
select_row "+ Ny oppfølging"
keys Enter
wait_for "fullfør steg 5 først"
keys q
wait_for "Søk:"
keys q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"

# A conflict: kari edits the languages while a colleague saves a newer version.
start 100 30
wait_for "Du er kari"
keys /; typ "ådne"; keys Enter Enter
wait_for "Mangler: kartlegging"
select_row "Deltaker: Ådne Ås"
keys Enter
wait_for "Endre: Deltaker"
select_row "Språk"
keys Enter C-u; typ somali; keys Enter Escape
wait_for "(endret, ikke lagret)"
sv edit participant "$PID" --languages arabisk >/dev/null || fail "kollegaens endring feilet"
keys s
wait_for "Konflikt: en kollega har lagret"
wait_for "Språk: din «somali» / lagret «arabisk»"
keys m
wait_for "Deltaker er lagret."
sv show "$PID" | grep -q "somali" || fail "dine verdier ble ikke lagret etter konflikten"
keys q q
[ "$(wait_exit)" = 0 ] || fail "avslutning ga feil status"
echo "$NAME: ok"
