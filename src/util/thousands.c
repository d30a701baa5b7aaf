/* thousands.c: numbers with thousands separators. */
#include "util/thousands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *gt__thousands(long n, char buf[32])
{
	char digits[24];
	snprintf(digits, sizeof(digits), "%lu", n < 0 ? 0UL - (unsigned long)n : (unsigned long)n);
	size_t len = strlen(digits), j = 0;
	if (n < 0)
		buf[j++] = '-';
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[j++] = ',';
		buf[j++] = digits[i];
	}
	buf[j] = '\0';
	return buf;
}
