# Every command's --help and -h print that command's help and touch no database; an unknown
# option names the nearest known one; --tsv is complete unless --limit is given, and any cut
# output says so on standard error.
. "$(dirname "$0")/lib.sh"

# Every command in the table (as `stegvis help` lists it), against a path whose directory does
# not exist and against a file that is not a database: opening either would fail.
echo "not a database" >"$T/junk.db"
"$BIN" help >"$T/cmds"
cmds=$(sed -n '/^Kommandoer:/,/^$/p' "$T/cmds" | awk 'NF > 1 && /^  [a-z]/ {print $1}')
n=0
for c in $cmds; do
    n=$((n + 1))
    for h in --help -h; do
        expect 0 "$BIN" --db "$T/none/x.db" $c $h
        has "$T/out" "^Bruk: stegvis $c"
        expect 0 "$BIN" --db "$T/junk.db" $c $h
        has "$T/out" "^Bruk: stegvis $c"
    done
done
expect 0 test "$n" -ge 20
expect 0 test ! -e "$T/none"
expect 0 cmp -s "$T/junk.db" - <<EOT
not a database
EOT
# help after other arguments, and a field command's help lists the fields it takes
expect 0 "$BIN" --db "$T/none/x.db" add need --participant 1 --help
has "$T/out" "--description"
expect 0 "$BIN" --db "$T/none/x.db" participant add -h
has "$T/out" "--fnr"
expect 0 "$BIN" help decide
has "$T/out" "^Bruk: stegvis decide"
# "--help" as the value of an option is a value, not a request for help
DB="$T/a.db"
expect 0 "$BIN" --db "$DB" init --number 4601 --name Bergen

# Unknown options: a usage error (2) naming the nearest known option; nothing opened.
expect 2 "$BIN" --db "$T/none/x.db" list --limt 5
has "$T/err" "ukjent valg «--limt» for list"
has "$T/err" "mente du «--limit»"
expect 2 "$BIN" --db "$T/none/x.db" checklist --municipalty 4601
has "$T/err" "mente du «--municipality»"
expect 2 "$BIN" --db "$T/none/x.db" decide 1 --notify-metod post
has "$T/err" "mente du «--notify-method»"
expect 2 "$BIN" --db "$DB" add need --participant 1 --descripton x
has "$T/err" "ukjent valg --descripton for"
has "$T/err" "mente du «--description»"
expect 2 "$BIN" --db "$T/none/x.db" show 1 --zzzzzzzzzz
hasnt "$T/err" "mente du"
expect 2 "$BIN" --db "$T/none/x.db" list --limit
has "$T/err" "--limit mangler verdi"
expect 0 test ! -e "$T/none"

# --tsv is complete unless --limit is given; what is cut says so on stderr.
expect 0 "$BIN" --db "$T/d.db" demo --participants 120 --seed 2
expect 0 "$BIN" --db "$T/d.db" list --tsv
expect 0 test "$(wc -l <"$T/out")" -eq 121
expect 0 "$BIN" --db "$T/d.db" add need --participant 1 --area norsk --description --help
has "$T/out" "lagret"
expect 0 test ! -s "$T/err"
expect 0 "$BIN" --db "$T/d.db" list --tsv --limit 10
has "$T/err" "avkortet: 10 av 120"
expect 0 test "$(wc -l <"$T/out")" -eq 11
expect 0 "$BIN" --db "$T/d.db" list
has "$T/out" "50 av 120 deltakere vist"
has "$T/err" "avkortet: 50 av 120"
expect 0 "$BIN" --db "$T/d.db" list --limit 0
expect 0 test ! -s "$T/err"
total=$(sqlite3 "$T/d.db" "SELECT count(*) FROM audit")
expect 0 "$BIN" --db "$T/d.db" audit --tsv
expect 0 test "$(wc -l <"$T/out")" -eq $((total + 1))
expect 0 test ! -s "$T/err"
expect 0 "$BIN" --db "$T/d.db" audit
has "$T/err" "avkortet til de siste 50"
expect 0 test "$(wc -l <"$T/out")" -eq 50
expect 0 "$BIN" --db "$T/d.db" audit --tsv --limit 7
has "$T/err" "avkortet til de siste 7"
expect 0 test "$(wc -l <"$T/out")" -eq 8
finish
