#!/bin/sh
# web/build.sh OUTDIR: installs the dashboard's npm packages exactly as
# package-lock.json records them (once, from the npm registry) and bundles
# web/src into OUTDIR/index.html, app.js and app.css, which the CMake build
# compiles into guarantor serve.
set -eu
out=$(realpath -m "$1")
cd "$(dirname "$0")"
if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed
fi
node build.mjs "$out"
