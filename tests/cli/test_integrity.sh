# Integrity of the history and durable saves, from the command line: a confirmed save is
# synced to disk before it is confirmed.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
S() { "$BIN" --db "$DB" "$@"; }

expect 0 S init --number 4601 --name Bergen
expect 0 S participant add --fnr 01019010399 --name "Åse Løvås" --permit-on 10.01.2025 --settled-on 01.03.2025 \
    --right-duty rett_plikt --schooling grunnskole

# Durable saves: the last write to the WAL before the confirmation is followed by a sync of the
# WAL, also before the confirmation (synchronous=NORMAL syncs only at the later checkpoint).
if strace -f -o /dev/null true 2>/dev/null; then
    expect 0 strace -f -y -e trace=fsync,fdatasync,pwrite64,write -o "$T/trace" env ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 stdbuf -oL \
        "$BIN" --db "$DB" edit participant 1 --name "Åse Nordmann"
    has "$T/out" "er endret"
    expect 0 grep -Eq "(fsync|fdatasync)\(" "$T/trace"
    expect 0 awk '/pwrite64\([0-9]+<[^>]*-wal>/ { synced = 0 }
        /(fsync|fdatasync)\([0-9]+<[^>]*-wal>/ { synced = 1 }
        /write\(1</ && /er endret/ { found = 1; exit synced ? 0 : 1 }
        END { if (!found) exit 1 }' "$T/trace"
else
    echo "test_integrity: strace cannot trace here (ptrace not permitted); sync check not run" >&2
fi

finish
