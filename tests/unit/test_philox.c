/* test_philox.c: Philox4x32-10 against the known-answer vectors of the
 * Random123 distribution, and the streams' independence of how runs are
 * visited. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "sim/philox.h"

static void known_answers(void **state)
{
	(void)state;
	static const struct {
		uint32_t ctr[4], key[2], out[4];
	} kat[] = {
		{{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
		{{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
		 {0xffffffff, 0xffffffff},
		 {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
		{{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
		 {0xa4093822, 0x299f31d0},
		 {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
	};
	for (size_t i = 0; i < sizeof(kat) / sizeof(kat[0]); i++) {
		uint32_t out[4];
		gt__philox4x32_10(kat[i].ctr, kat[i].key, out);
		for (int w = 0; w < 4; w++)
			if (out[w] != kat[i].out[w])
				fail_msg("vector %zu word %d: %08x, want %08x", i, w, out[w], kat[i].out[w]);
	}
}

/* A run's draws depend only on (seed, run, position): drawing runs in a
 * different order, or interleaved, gives the same numbers. */
static void streams_are_pure(void **state)
{
	(void)state;
	double first[8][16];
	for (int r = 0; r < 8; r++) {
		struct gt__stream s;
		gt__stream_init(&s, 2025, (uint64_t)r);
		for (int k = 0; k < 16; k++)
			first[r][k] = gt__stream_uniform(&s);
	}
	struct gt__stream s[8];
	for (int r = 7; r >= 0; r--)
		gt__stream_init(&s[r], 2025, (uint64_t)r);
	for (int k = 0; k < 16; k++)
		for (int r = 7; r >= 0; r--)
			assert_true(gt__stream_uniform(&s[r]) == first[r][k]);
	/* different runs and seeds differ */
	assert_true(first[0][0] != first[1][0]);
	struct gt__stream other;
	gt__stream_init(&other, 2026, 0);
	assert_true(gt__stream_uniform(&other) != first[0][0]);
}

/* Uniforms: mean 1/2, variance 1/12, all in [0, 1). */
static void uniform_moments(void **state)
{
	(void)state;
	enum { N = 1000000 };
	struct gt__stream s;
	gt__stream_init(&s, 1, 0);
	double sum = 0, sq = 0;
	for (int i = 0; i < N; i++) {
		double u = gt__stream_uniform(&s);
		assert_true(u >= 0 && u < 1);
		sum += u;
		sq += u * u;
	}
	double mean = sum / N, var = sq / N - mean * mean;
	assert_true(fabs(mean - 0.5) < 4 * sqrt(1.0 / 12 / N));
	assert_true(fabs(var - 1.0 / 12) < 0.001);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_answers),
		cmocka_unit_test(streams_are_pure),
		cmocka_unit_test(uniform_moments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
