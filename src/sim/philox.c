/* philox.c: see philox.h. Constants from the Philox paper (SC11). */
#include "sim/philox.h"

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u /* golden ratio */
#define PHILOX_W1 0xBB67AE85u /* sqrt(3) - 1 */

static void round_(uint32_t x[4], const uint32_t k[2])
{
	uint64_t p0 = (uint64_t)PHILOX_M0 * x[0];
	uint64_t p1 = (uint64_t)PHILOX_M1 * x[2];
	uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
	uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
	uint32_t y0 = hi1 ^ x[1] ^ k[0], y2 = hi0 ^ x[3] ^ k[1];
	x[0] = y0;
	x[1] = lo1;
	x[2] = y2;
	x[3] = lo0;
}

void gt__philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4])
{
	uint32_t x[4] = {ctr[0], ctr[1], ctr[2], ctr[3]};
	uint32_t k[2] = {key[0], key[1]};
	for (int r = 0; r < 10; r++) {
		if (r > 0) {
			k[0] += PHILOX_W0;
			k[1] += PHILOX_W1;
		}
		round_(x, k);
	}
	for (int i = 0; i < 4; i++)
		out[i] = x[i];
}

void gt__stream_init(struct gt__stream *s, uint64_t seed, uint64_t run)
{
	s->key[0] = (uint32_t)seed;
	s->key[1] = (uint32_t)(seed >> 32);
	s->ctr[0] = 0;
	s->ctr[1] = 0;
	s->ctr[2] = (uint32_t)run;
	s->ctr[3] = (uint32_t)(run >> 32);
	s->left = 0;
}

uint32_t gt__stream_u32(struct gt__stream *s)
{
	if (s->left == 0) {
		gt__philox4x32_10(s->ctr, s->key, s->buf);
		if (++s->ctr[0] == 0)
			++s->ctr[1];
		s->left = 4;
	}
	return s->buf[4 - s->left--];
}

double gt__stream_uniform(struct gt__stream *s)
{
	uint64_t hi = gt__stream_u32(s), lo = gt__stream_u32(s);
	return (double)(((hi << 32) | lo) >> 11) * 0x1.0p-53;
}
