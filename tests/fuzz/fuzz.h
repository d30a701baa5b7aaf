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

/* True when data holds needle (memmem is not POSIX). */
static inline int gt_fuzz_contains(const uint8_t *data, size_t size, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; n <= size && i <= size - n; i++)
		if (memcmp(data + i, needle, n) == 0)
			return 1;
	return 0;
}

#endif
