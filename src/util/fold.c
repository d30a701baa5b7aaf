/* fold.c: case and accent folding, and the edit distance between names. */
#include "util/fold.h"

#include <string.h>

/* U+00C0 to U+017F, each as the ASCII letter it is written with. */
static const char latin[] =
	"aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo/ouuuuytyaaaaaaccccccccddddeeeeee"
	"eeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuu"
	"uuuuwwyyyzzzzzzs";

char *gt__fold(const char *s, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	if (size == 0)
		return out;
	while (*p && n + 1 < size) {
		/* two-byte sequences C3 80 to C5 BF are U+00C0 to U+017F; C8 98 to
		 * C8 9B the Romanian S and T with a comma below, U+0218 to U+021B */
		if (p[0] >= 0xC3 && p[0] <= 0xC8 && (p[1] & 0xC0) == 0x80) {
			unsigned cp = ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
			char base = cp >= 0xC0 && cp < 0x180   ? latin[cp - 0xC0]
			            : cp >= 0x218 && cp <= 0x21B ? (cp < 0x21A ? 's' : 't')
			                                         : '\0';
			if (base) {
				out[n++] = base;
				p += 2;
				continue;
			}
		}
		out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p);
		p++;
	}
	out[n] = '\0';
	return out;
}

size_t gt__edit_distance(const char *a, const char *b, bool prefix)
{
	enum { MAX = 255 };
	size_t la = strlen(a), lb = strlen(b);
	la = la > MAX ? MAX : la;
	lb = lb > MAX ? MAX : lb;
	size_t row[MAX + 1];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[lb];
	for (size_t j = 0; prefix && j < lb; j++)
		d = row[j] < d ? row[j] : d;
	return d;
}
