#!/usr/bin/env bash
# Install the reference tools the benchmarks compare against (Debian 12), skipping apt when
# every one is already there. Needs root (or sudo) only when something is missing.
set -euo pipefail

# command -> Debian package providing it
declare -A PACKAGES=(
    [exiftool]=libimage-exiftool-perl
    [osmium]=osmium-tool
    [ogr2ogr]=gdal-bin
    [vipsthumbnail]=libvips-tools
    [sqlite3]=sqlite3
    [pg_ctlcluster]=postgresql
)

missing=()
for tool in "${!PACKAGES[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("${PACKAGES[$tool]}")
done
# The campaign rows start a throw-away PostgreSQL server with PostGIS (bench/rows_campaign.py).
compgen -G "/usr/share/postgresql/*/extension/postgis.control" >/dev/null \
    || missing+=(postgresql-15-postgis-3)

if [ "${#missing[@]}" -eq 0 ]; then
    echo "bench: reference tools already installed"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "bench: missing ${missing[*]}; run this script as root to install them" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "bench: missing ${missing[*]} and no apt-get here; install them by hand" >&2
    exit 1
fi

echo "bench: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "bench: reference tools installed"
