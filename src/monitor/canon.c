/* canon.c: the canonical encoding of canon.h. */
#include "monitor/canon.h"

#include <string.h>

void gt__canon_init(struct gt__canon *c, const unsigned char *key, size_t keylen,
                    const char *tag)
{
	crypto_generichash_init(&c->h, key, key ? keylen : 0, 32);
	gt__canon_text(c, tag);
}

void gt__canon_bytes(struct gt__canon *c, const void *p, size_t n)
{
	crypto_generichash_update(&c->h, p, (unsigned long long)n);
}

void gt__canon_u64(struct gt__canon *c, uint64_t v)
{
	unsigned char b[8];
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	gt__canon_bytes(c, b, 8);
}

void gt__canon_text(struct gt__canon *c, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	gt__canon_u64(c, n);
	gt__canon_bytes(c, s ? s : "", n);
}

void gt__canon_real(struct gt__canon *c, double v)
{
	uint64_t bits;
	if (v == 0)
		v = 0;
	memcpy(&bits, &v, sizeof(bits));
	gt__canon_u64(c, bits);
}

void gt__canon_final(struct gt__canon *c, unsigned char out[32])
{
	crypto_generichash_final(&c->h, out, 32);
}
