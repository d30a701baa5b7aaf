/* utf8.c: UTF-8 validation and safe truncation. */
#include "util/utf8.h"

#include <string.h>

bool gt__utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i];
		size_t len;
		unsigned min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			len = 2, min = 0x80, c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			len = 3, min = 0x800, c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			len = 4, min = 0x10000, c &= 0x07;
		} else {
			goto out_bad;
		}
		if (i + len > n)
			goto out_bad;
		for (size_t k = 1; k < len; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				goto out_bad;
			c = (c << 6) | (p[i + k] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			goto out_bad;
		i += len;
	}
	return true;
out_bad:
	if (bad)
		*bad = i;
	return false;
}

int gt__utf8_prefix(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	if (n < max)
		return (int)n;
	/* back off continuation bytes, then the lead byte they belong to */
	size_t k = n;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return (int)k;
}

int gt__utf8_fit(const char *s, int cols, int *bytes)
{
	int kept = 0;
	size_t i = 0;
	while (s[i] && kept < cols) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		kept++;
	}
	*bytes = (int)i;
	return kept;
}
