# Long runs (the checklist, export --all) split over two processes give the same result as one.
. "$(dirname "$0")/lib.sh"
expect 0 "$BIN" --db "$T/p.db" demo --participants 2100 --seed 11
STEGVIS_WORKERS=1 "$BIN" --db "$T/p.db" checklist --tsv >"$T/one" 2>&1
STEGVIS_SPLIT_MIN=1000 "$BIN" --db "$T/p.db" checklist --tsv >"$T/two" 2>&1
expect 0 cmp "$T/one" "$T/two"
expect 0 test "$(wc -l <"$T/two")" -ge 10
has "$T/two" "integreringsloven	K1	"
STEGVIS_WORKERS=1 expect 0 "$BIN" --db "$T/p.db" export --all "$T/e1"
expect 0 "$BIN" --db "$T/p.db" export --all "$T/e2"
has "$T/out" "Eksporterte [0-9]* vedtak"
expect 0 diff -r "$T/e1" "$T/e2"
N=$(sqlite3 "$T/p.db" "SELECT count(DISTINCT participant_id) FROM decision")
expect 0 test "$(ls "$T/e2" | grep -c '^vedtak-')" -eq "$N"
expect 0 test "$(stat -c %a "$T/e2/$(ls "$T/e2" | head -1)")" = 600
finish
