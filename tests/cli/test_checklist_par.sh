# The checklist over many cases runs in two processes; its report is the same as with one.
. "$(dirname "$0")/lib.sh"
expect 0 "$BIN" --db "$T/p.db" demo --participants 2100 --seed 11
STEGVIS_WORKERS=1 "$BIN" --db "$T/p.db" checklist --tsv >"$T/one" 2>&1
"$BIN" --db "$T/p.db" checklist --tsv >"$T/two" 2>&1
expect 0 cmp "$T/one" "$T/two"
expect 0 test "$(wc -l <"$T/two")" -ge 10
has "$T/two" "integreringsloven	K1	"
finish
