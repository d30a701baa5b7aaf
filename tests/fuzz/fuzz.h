/* fuzz.h: what the fuzz targets share. Each target defines libFuzzer's
 * LLVMFuzzerTestOneInput (and LLVMFuzzerInitialize when it needs set-up);
 * linked with libFuzzer (clang, `make fuzz`) it fuzzes, and linked with
 * replay.c (any compiler, CTest) it runs its corpus and its regressions
 * once each. */
#ifndef GT_FUZZ_H
#define GT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* True when data holds needle (memmem is not POSIX). A plain loop, left
 * out of the coverage instrumentation and never calling memcmp: with
 * libFuzzer, memcmp at each byte of a 128 kB input is intercepted and
 * traced, which cost fuzz_scenario over half its time (and taught the
 * fuzzer the very strings that make an input be skipped). */
#if defined(__clang__)
__attribute__((no_sanitize("coverage")))
#endif
static inline int gt_fuzz_contains(const uint8_t *data, size_t size, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0 || n > size)
		return n == 0;
	/* memchr to each place the first byte is, then a byte loop */
	for (const uint8_t *p = data, *end = data + size - n + 1;
	     p < end && (p = memchr(p, (uint8_t)needle[0], (size_t)(end - p))) != NULL; p++) {
		size_t k = 1;
		while (k < n && p[k] == (uint8_t)needle[k])
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

#endif
