/* utf8.c: UTF-8 validation, safe truncation and display width. */
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

/* Ranges of code points, first and last. */
struct span {
	unsigned lo, hi;
};

static bool in(unsigned c, const struct span *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (c >= r[i].lo && c <= r[i].hi)
			return true;
	return false;
}

/* Combining marks and invisible format characters: no column of their own. */
static const struct span zero[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
	{0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

/* East Asian wide and fullwidth characters: two columns. */
static const struct span wide[] = {
	{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
	{0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
	{0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
};

int gt__utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int cols = 0;
	while (*p) {
		size_t len = 1, n = 0;
		if ((*p & 0xE0) == 0xC0)
			len = 2;
		else if ((*p & 0xF0) == 0xE0)
			len = 3;
		else if ((*p & 0xF8) == 0xF0)
			len = 4;
		size_t bad;
		if (len > 1) {
			n = strnlen((const char *)p, len);
			if (n < len || !gt__utf8_valid((const char *)p, len, &bad))
				len = 1;
		}
		if (len == 1) {
			cols++;
			p++;
			continue;
		}
		unsigned c = p[0] & (0xFF >> (len + 1));
		for (size_t k = 1; k < len; k++)
			c = (c << 6) | (p[k] & 0x3F);
		if (in(c, wide, sizeof(wide) / sizeof(wide[0])))
			cols += 2;
		else if (!in(c, zero, sizeof(zero) / sizeof(zero[0])))
			cols++;
		p += len;
	}
	return cols;
}
