#!/usr/bin/env bash
# Installs the Debian packages guarantor needs to build and test, and only
# those that are missing: on a machine that has them all, it installs nothing.
set -euo pipefail

pkgs=(
  build-essential cmake pkg-config clang libclang-rt-14-dev procps
  libyaml-dev libjansson-dev libproj-dev proj-data libgeos-dev
  libglpk-dev libcsv-dev libcairo2-dev libcmocka-dev
  libopenmpi-dev openmpi-bin python3-numpy
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-15-postgis-3 libsodium-dev libmicrohttpd-dev curl wrk bc
  fonts-dejavu-core chromium
  gdal-bin python3-shapely default-jre-headless
)
# gdal-bin, python3-shapely and a Java runtime are the checkers of what
# guarantor writes (tests/contract: GeoJSON, and the Nu Html Checker);
# the dashboard is bundled with Node.js and npm (web/build.sh); machines
# that have their own keep it, others get Debian's
command -v node >/dev/null && command -v npm >/dev/null || pkgs+=(nodejs npm)

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
