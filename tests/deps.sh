#!/bin/sh
# Installs the Debian packages stegvis needs to build and test, when they are missing.
# As root it runs apt-get itself; otherwise it prints the exact command and stops.
missing=""
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "stegvis: mangler pakkene:$missing (installer dem med systemets pakkebehandler)" >&2
    exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "stegvis: these Debian packages are missing:$missing" >&2
    echo "Run as root:  apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
echo "Installing missing packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || exit 1
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing || exit 1
