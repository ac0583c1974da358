#!/bin/sh
# `make fuzz`: builds each tests/fuzz/fuzz_*.c with libFuzzer (clang, ASan, UBSan) and runs it
# for FUZZ_SECONDS (default 60) from its seed corpus in tests/fuzz/corpus/NAME. An input that
# crashes is copied to tests/fuzz/regress/NAME/, which `make check` replays from then on.
cd "$(dirname "$0")/../.." || exit 1
B=${B:-build}
SECS=${FUZZ_SECONDS:-60}
CFLAGS="-std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
PKG="ncursesw sqlite3 libxml-2.0"
mkdir -p "$B/fuzz"
fail=0
for h in tests/fuzz/fuzz_*.c; do
    name=$(basename "$h" .c | sed 's/^fuzz_//')
    bin="$B/fuzz/$name"
    # shellcheck disable=SC2046
    clang $CFLAGS $(pkg-config --cflags $PKG) -DSV_DATADIR='"/usr/local/share/stegvis"' -o "$bin" "$h" \
        core/*.c forms/*.c $(pkg-config --libs $PKG) || { echo "fuzz: cannot build $h" >&2; exit 1; }
    rm -f "$B/fuzz/$name"-crash-* "$B/fuzz/$name"-leak-* "$B/fuzz/$name"-timeout-* "$B/fuzz/$name"-oom-*
    work="$B/fuzz/corpus-$name"
    mkdir -p "$work"
    cp tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null
    [ -d tests/fuzz/regress/"$name" ] && cp tests/fuzz/regress/"$name"/* "$work"/ 2>/dev/null
    STEGVIS_TEMPLATES="$PWD/templates" "$bin" -max_total_time="$SECS" -max_len=4096 -print_final_stats=1 \
        -artifact_prefix="$B/fuzz/$name-" "$work" >"$B/fuzz/$name.log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$B/fuzz/$name.log")
    cov=$(grep -o 'cov: [0-9]*' "$B/fuzz/$name.log" | tail -1)
    if [ $rc -ne 0 ]; then
        fail=1
        mkdir -p tests/fuzz/regress/"$name"
        for a in "$B/fuzz/$name"-crash-* "$B/fuzz/$name"-leak-* "$B/fuzz/$name"-timeout-* "$B/fuzz/$name"-oom-*; do
            [ -f "$a" ] && cp "$a" tests/fuzz/regress/"$name"/ && echo "fuzz: $name: kept $(basename "$a") as a regression input"
        done
        grep -m3 -e "ERROR" -e "runtime error" -e "SUMMARY" "$B/fuzz/$name.log" >&2
    fi
    echo "fuzz: $name: ${SECS}s, ${execs:-?} executions, $cov, $([ $rc -eq 0 ] && echo "no findings" || echo "FINDING (see $B/fuzz/$name.log)")"
done
exit $fail
