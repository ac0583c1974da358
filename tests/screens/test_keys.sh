# The quick keystroke storm (about 15 s): a random key stream into every screen, never a crash.
# The long version runs in `make stress`; see tests/stress/keys.sh.
exec sh "$(dirname "$0")/../stress/keys.sh" "$1" --quick
