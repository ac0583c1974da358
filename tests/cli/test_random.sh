# Ids come from getrandom(2) with no weaker fallback: when the kernel gives no randomness the
# program stops with a clear message and saves nothing. (getrandom is made to fail through an
# LD_PRELOAD shim compiled here.)
. "$(dirname "$0")/lib.sh"
cat >"$T/shim.c" <<'EOC'
#include <errno.h>
#include <sys/types.h>
ssize_t getrandom(void *buf, size_t n, unsigned flags)
{
    (void)buf; (void)n; (void)flags;
    errno = ENOSYS;
    return -1;
}
EOC
if ! cc -shared -fPIC -o "$T/shim.so" "$T/shim.c" 2>"$T/cc.err"; then
    echo "$NAME: skipped: cannot build the shim ($(head -c 200 "$T/cc.err"))"
    finish
    exit $?
fi
DB="$T/a.db"
expect 0 "$BIN" --db "$DB" init --number 4601 --name Bergen
before=$(sqlite3 "$DB" "SELECT count(*) FROM participant")
LD_PRELOAD="$T/shim.so" ASAN_OPTIONS=verify_asan_link_order=0 expect 1 "$BIN" --db "$DB" demo --participants 20 --seed 1
has "$T/err" "kan ikke hente tilfeldige tall"
has "$T/err" "getrandom"
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM decision")" -eq 0
expect 0 test "$(sqlite3 "$DB" "SELECT count(*) FROM participant")" -eq "$before"
# With randomness, every decision id is a version 4 UUID and they are all different.
expect 0 "$BIN" --db "$DB" demo --participants 40 --seed 1
n=$(sqlite3 "$DB" "SELECT count(*) FROM decision")
expect 0 test "$n" -gt 0
expect 0 test "$(sqlite3 "$DB" "SELECT count(DISTINCT uuid) FROM decision WHERE uuid GLOB '????????-????-4???-[89ab]???-????????????'")" -eq "$n"
finish
