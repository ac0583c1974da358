# Backup, restore and the audit history: copies are 0600 whatever the umask and never
# overwrite; a restore brings back exactly the copy; `audit ID` shows who changed what, masked;
# the audit log and decisions cannot be changed even with plain SQL on the file.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
S() { "$BIN" --db "$DB" "$@"; }
FNR=01019010399

umask 000
expect 0 S init --number 4601 --name Bergen
expect 0 test "$(stat -c %a "$DB")" = 600
expect 0 S participant add --fnr "$FNR" --name "Åse Løvås" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole
expect 0 S add plan --participant 1 --start-on 01.04.2025 --planned-end 31.03.2027 --final-goal arbeid \
    --final-goal-text "Fast jobb i helse" --norwegian-goal B1 --consulted-on 25.03.2025 --justification "Begrunnet"
for f in "$DB" "$DB-wal" "$DB-shm"; do
    [ -e "$f" ] && expect 0 test "$(stat -c %a "$f")" = 600
done

expect 0 S backup "$T/copy.db"
has "$T/out" "er lagret"
expect 0 test "$(stat -c %a "$T/copy.db")" = 600
expect 0 test ! -e "$T/copy.db-wal"
expect 0 sqlite3 "$T/copy.db" "PRAGMA integrity_check"
has "$T/out" "^ok$"
# Never over an existing file, never a name with an identity number.
B0=$(md5sum <"$T/copy.db")
expect 1 S backup "$T/copy.db"
has "$T/err" "finnes allerede"
expect 0 test "$(md5sum <"$T/copy.db")" = "$B0"
expect 1 S backup "$T/deltaker-$FNR.db"
has "$T/err" "11 siffer"
hasnt "$T/err" "$FNR"
expect 0 test ! -e "$T/deltaker-$FNR.db"
expect 1 S backup "$T/nodir/x.db"
has "$T/err" "kan ikke opprette"
umask 077

# Changes after the backup are gone after a restore; the restore is recorded.
expect 0 S edit plan 1 --norwegian-goal B2
expect 1 S restore "$T/copy.db"
has "$T/out" "er hel"
expect 0 S show 1
has "$T/out" "Norskmål *B2"
expect 0 S restore "$T/copy.db" --yes
has "$T/out" "gjenopprettet"
expect 0 S show 1
has "$T/out" "Norskmål *B1"
expect 0 S audit --limit 3
has "$T/out" "Sikkerhetskopi gjenopprettet"
head -c 8192 /dev/urandom >"$T/junk.db"
expect 1 S restore "$T/junk.db" --yes
has "$T/err" "skadet"
expect 0 S show 1
has "$T/out" "Norskmål *B1"

# The case history: who, when, which field from what to what; identity numbers masked.
expect 0 S user add kollega adviser --municipality 4601
STEGVIS_USER=kollega expect 0 S edit plan 1 --norwegian-goal B2 --justification "Ny vurdering"
STEGVIS_USER=kollega expect 0 S edit participant 1 --fnr 02019010085
expect 0 S audit 1
has "$T/out" "Plan nr. 1 opprettet"
has "$T/out" "kollega *Plan nr. 1 endret: Norskmål: «B1» → «B2»; Begrunnelse: «Begrunnet» → «Ny vurdering»"
has "$T/out" "Fødselsnummer: «010190\*\*\*\*\*#[0-9a-f]\{8\}» → «020190\*\*\*\*\*#[0-9a-f]\{8\}»"
hasnt "$T/out" "$FNR"
hasnt "$T/out" "02019010085"
expect 0 S audit 1 --tsv
hasnt "$T/out" "$FNR"
expect 1 S audit 99
has "$T/err" "finnes ikke"
STEGVIS_USER=kollega expect 1 S audit
has "$T/err" "har ikke lov"

# Plain SQL on the file cannot rewrite history.
expect 19 sqlite3 "$DB" "UPDATE audit SET login = 'noen'"
has "$T/err" "revisjonsloggen kan ikke endres"
expect 19 sqlite3 "$DB" "DELETE FROM audit"
has "$T/err" "revisjonsloggen kan ikke slettes"
# (Decisions: tests/unit/test_reliab.c, since inserting one needs the program.)
finish
