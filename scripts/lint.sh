#!/usr/bin/env bash
# Bans C functions that invite overflows or silent conversion errors, and
# runs cppcheck over the library and CLI. Prints findings; exits non-zero on any.
set -u
cd "$(dirname "$0")/.."
status=0
banned='\b(sprintf|vsprintf|strcpy|strcat|gets|atoi|atol|atof|strtok)\s*\('
if grep -nE "$banned" src/*/*.c cli/*.c tests/unit/*.c tests/validation/*.c; then
	echo "lint: banned function (use snprintf, strtod/strtol with checks, strtok_r)"
	status=1
fi
if command -v cppcheck >/dev/null; then
	cppcheck --quiet --error-exitcode=1 --std=c11 --enable=warning,portability \
		--suppress=missingIncludeSystem -I include -I src src cli || status=1
fi
exit $status
