# Identity numbers under today's and the 2032 rules, D-numbers and the test registers' synthetic
# numbers; sex from the number only where it still says it, else from the register field.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
S() { "$BIN" --db "$DB" "$@"; }
add() { S participant add --permit-on 10.01.2025 --settled-on 01.03.2025 --right-duty rett --schooling vgs "$@"; }
sex_of() { sqlite3 "$DB" "SELECT ifnull(sex, '') FROM participant WHERE fnr = '$1'"; }
expect 0 S init --number 4601 --name Bergen
expect 0 add --fnr 01019010399 --name "I dag"          # today's rule: a man (ninth digit 3)
expect 0 test "$(sex_of 01019010399)" = M
expect 0 add --fnr 15063251272 --name "Etter 2032"     # remainder 1: 2032 rules only
expect 0 test "$(sex_of 15063251272)" = ""
expect 0 add --fnr 15063251280 --name "Etter 2032 K" --sex K
expect 0 test "$(sex_of 15063251280)" = K
expect 0 add --fnr 41019010307 --name "D-nummer 2032"  # D-number under the 2032 rules
expect 0 add --fnr 01819010354 --name "Tenor"          # synthetic, month +80
expect 0 test "$(sex_of 01819010354)" = M
expect 0 add --fnr 01419010371 --name "NAV syntetisk"  # synthetic, month +40
expect 1 add --fnr 15063251256 --name "Rest 10"        # remainder 10: valid under neither rule
has "$T/err" "kontrollsifferet"
hasnt "$T/err" "15063251256"
expect 1 add --fnr 01539010480 --name "Måned 53"
has "$T/err" "fødselsdato"
expect 0 S list --tsv --limit 0
expect 0 test "$(wc -l <"$T/out")" -eq 7
finish
