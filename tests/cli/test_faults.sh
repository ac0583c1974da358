# Faults around the database file: read-only, from a newer version, damaged, full disk. Each
# gives one clear Norwegian line, exit 1, and leaves the file exactly as it was.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
S() { "$BIN" --db "$DB" "$@"; }
sum() { cat "$1" "$1-wal" 2>/dev/null | md5sum; }
FNR=01019010399

expect 0 S init --number 4601 --name Bergen
expect 0 S participant add --fnr "$FNR" --name "Åse Løvås" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole
S list --tsv >"$T/before"

# Read-only: reading works, writing is refused and changes nothing. root ignores file modes,
# so as root the program runs as nobody against a copy nobody owns, from a copy of the binary
# and templates nobody can reach (the clone may sit under a private directory such as /root).
mkdir "$T/ro" && cp "$DB" "$T/ro/a.db"
chmod 0400 "$T/ro/a.db"
RUN=""
RBIN=$BIN
ROK=1
if [ "$(id -u)" -eq 0 ]; then
    chown -R 65534 "$T/ro"
    if share_with_others "$T/shared" 65534; then
        RUN="setpriv --reuid=65534 --regid=65534 --clear-groups env STEGVIS_USER=$(id -un) STEGVIS_TEMPLATES=$STPL"
        RBIN=$SBIN
    else
        ROK=0
        echo "$NAME: read-only database not tested here: $SHARE_WHY"
    fi
fi
if [ "$ROK" -eq 1 ]; then
    B0=$(sum "$T/ro/a.db")
    expect 0 $RUN "$RBIN" --db "$T/ro/a.db" list --tsv
    cp "$T/out" "$T/ro-list"
    expect 0 cmp -s "$T/ro-list" "$T/before"
    expect 1 $RUN "$RBIN" --db "$T/ro/a.db" add need --participant 1 --area norsk --description "Norsk til B1"
    has "$T/err" "skrivebeskyttet"
    hasnt "$T/err" "$FNR"
    expect 0 test "$(sum "$T/ro/a.db")" = "$B0"
fi
chmod 0700 "$T"

# A database from a newer program: refused before anything is written.
cp "$DB" "$T/new.db"
expect 0 sqlite3 "$T/new.db" "PRAGMA user_version = 99"
B0=$(sum "$T/new.db")
expect 1 "$BIN" --db "$T/new.db" list
has "$T/err" "nyere versjon av stegvis"
expect 1 "$BIN" --db "$T/new.db" add need --participant 1 --area norsk --description x
has "$T/err" "databasen er ikke endret"
expect 0 test "$(sum "$T/new.db")" = "$B0"

# Damaged: garbage over every page but the first, and a wrecked header. One line each, the
# file untouched, and a backup refuses to be taken from it.
"$BIN" --db "$T/dmg.db" demo --participants 40 >/dev/null 2>&1
size=$(stat -c %s "$T/dmg.db")
head -c $((size - 4096)) /dev/urandom | dd of="$T/dmg.db" bs=4096 seek=1 conv=notrunc 2>/dev/null
B0=$(sum "$T/dmg.db")
expect 1 "$BIN" --db "$T/dmg.db" list
has "$T/err" "skadet"
expect 1 "$BIN" --db "$T/dmg.db" backup "$T/dmg-copy.db"
expect 0 test ! -e "$T/dmg-copy.db"
expect 0 test "$(sum "$T/dmg.db")" = "$B0"
cp "$DB" "$T/hdr.db"
printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' | dd of="$T/hdr.db" bs=1 seek=16 conv=notrunc 2>/dev/null
B0=$(sum "$T/hdr.db")
expect 1 "$BIN" --db "$T/hdr.db" participant add --fnr 02019010085 --name X
has "$T/err" "skadet"
expect 0 test "$(sum "$T/hdr.db")" = "$B0"

# Full disk: a small tmpfs (needs root to mount; SQLite's own limit stands in otherwise), large
# enough for a new database and its write-ahead log whatever the number of migrations.
if [ "$(id -u)" -eq 0 ] && mkdir "$T/full" && mount -t tmpfs -o size=4m,mode=0700 tmpfs "$T/full" 2>/dev/null; then
    expect 0 "$BIN" --db "$T/full/a.db" init --number 4601 --name Bergen
    expect 0 "$BIN" --db "$T/full/a.db" participant add --fnr "$FNR" --name "Åse Løvås" --permit-on 10.01.2025 \
        --settled-on 01.03.2025 --right-duty rett_plikt --schooling grunnskole
    "$BIN" --db "$T/full/a.db" list --tsv >"$T/full-before"
    # Completely full: even opening fails (SQLite cannot create its -shm file), clearly.
    dd if=/dev/zero of="$T/full/fill" bs=4k 2>/dev/null
    expect 1 "$BIN" --db "$T/full/a.db" add need --participant 1 --area norsk --description x
    has "$T/err" "Disken er full"
    rm -f "$T/full/fill"
    # Almost full: the write runs out of space half-way through its transaction (200 KB left).
    avail=$(df -k --output=avail "$T/full" | tail -1)
    dd if=/dev/zero of="$T/full/fill" bs=4k count=$(((avail - 200) / 4)) 2>/dev/null
    expect 1 "$BIN" --db "$T/full/a.db" demo --participants 100
    has "$T/err" "Disken er full"
    rm -f "$T/full/fill"
    expect 0 "$BIN" --db "$T/full/a.db" list --tsv
    cp "$T/out" "$T/full-after"
    expect 0 cmp -s "$T/full-after" "$T/full-before"
    expect 0 sqlite3 "$T/full/a.db" "PRAGMA integrity_check"
    has "$T/out" "^ok$"
    umount "$T/full"
else
    echo "$NAME: full disk not tested here (mounting a small tmpfs needs root)"
fi
finish
