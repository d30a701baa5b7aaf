#!/bin/sh
# tests/contract/setup.sh: installs the checkers' npm packages exactly as
# package-lock.json records them (once, from the npm registry), as
# web/build.sh does for the dashboard's. Run by the build (CMake target
# contract_checkers) so that the tests themselves need no network.
set -eu
cd "$(dirname "$0")"
if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed
fi
