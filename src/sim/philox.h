/* philox.h: the Philox4x32-10 counter-based generator (Salmon, Moraes,
 * Dror & Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC11), and
 * the simulation's streams built on it (private).
 *
 * A stream is (key, run): its n-th block of four 32-bit words is Philox of
 * counter (n, run) under key (the seed). Any run's draws are a pure
 * function of (seed, run, n), so results do not depend on how runs are
 * split across threads or processes. */
#ifndef GT_SIM_PHILOX_H
#define GT_SIM_PHILOX_H

#include <stdint.h>

/* One block: out = Philox4x32-10(ctr, key). */
void gt__philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);

struct gt__stream {
	uint32_t key[2];
	uint32_t ctr[4];  /* block index (64 bits), run index (64 bits) */
	uint32_t buf[4];
	int left;         /* unused words in buf */
};

/* The stream of run `run` under seed `seed`. */
void gt__stream_init(struct gt__stream *s, uint64_t seed, uint64_t run);
/* A 32-bit word, and a double uniform on [0, 1) with 53 random bits. */
uint32_t gt__stream_u32(struct gt__stream *s);
double gt__stream_uniform(struct gt__stream *s);

#endif
