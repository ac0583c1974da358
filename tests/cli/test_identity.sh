# Who you are comes from the operating system. The shipped ./stegvis takes the real uid's login
# and ignores STEGVIS_USER (and has no trace of it); the test-only build ($1) honours it.
. "$(dirname "$0")/lib.sh"
REAL="$(cd "$(dirname "$0")/../.." && pwd)/stegvis"
ME=$(id -un)
FNR=01019010399
R() { "$REAL" --db "$T/r.db" "$@"; }

expect 0 test -x "$REAL"
if grep -q STEGVIS_USER "$REAL"; then bad "the shipped program mentions STEGVIS_USER"; else ok; fi
# A basic case with the real binary and the real login; STEGVIS_USER changes nothing.
STEGVIS_USER=root0 expect 0 R init --number 4601 --name Bergen
has "$T/out" "($ME)"
STEGVIS_USER=fremmed expect 0 R participant add --fnr "$FNR" --name "Åse Løvås" --permit-on 10.01.2025 \
    --settled-on 01.03.2025 --right-duty rett_plikt --schooling grunnskole
STEGVIS_USER=fremmed expect 0 R list --tsv
has "$T/out" "Løvås"
expect 0 R show 1
STEGVIS_USER=annen expect 0 R user add kollega adviser --municipality 4601
expect 0 test "$(sqlite3 "$T/r.db" "SELECT count(*) FROM audit WHERE login != '$ME' AND tbl != 'access'")" -eq 0
expect 0 test "$(sqlite3 "$T/r.db" "SELECT updated_by FROM participant WHERE id = 1")" = "$ME"
expect 0 test "$(sqlite3 "$T/r.db" "SELECT created_by FROM users WHERE login = 'kollega'")" = "$ME"
# The test build: the same database, acting as the colleague and as a stranger.
STEGVIS_USER=kollega expect 0 "$BIN" --db "$T/r.db" edit participant 1 --name "Åse Løvås Berg"
expect 0 test "$(sqlite3 "$T/r.db" "SELECT updated_by FROM participant WHERE id = 1")" = kollega
STEGVIS_USER=fremmed expect 1 "$BIN" --db "$T/r.db" list
has "$T/err" "ikke registrert"
finish
