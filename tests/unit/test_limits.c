/* test_limits.c: the service's token buckets (src/serve/limit.c): a burst
 * then the rate, "look only" that takes nothing, the wait until a request
 * may go, refill capped at the burst, keys kept apart, and a table fuller
 * than its slots still limiting the keys in use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "serve/serve.h"

static void burst_then_rate(void **state)
{
	(void)state;
	struct gt_srv_limits *l = gt_srv_limits_new();
	assert_non_null(l);
	double wait;
	for (int i = 0; i < 10; i++)
		assert_true(gt_srv_limits_take(l, 7, 2.0, 10.0, 1, 100.0, &wait));
	assert_false(gt_srv_limits_take(l, 7, 2.0, 10.0, 1, 100.0, &wait));
	assert_float_equal(wait, 0.5, 1e-9); /* one token at 2 a second */
	/* looking takes nothing and says the same */
	assert_false(gt_srv_limits_take(l, 7, 2.0, 10.0, 0, 100.2, &wait));
	assert_float_equal(wait, 0.3, 1e-9);
	assert_true(gt_srv_limits_take(l, 7, 2.0, 10.0, 0, 100.5, &wait));
	assert_true(gt_srv_limits_take(l, 7, 2.0, 10.0, 1, 100.5, &wait));
	assert_false(gt_srv_limits_take(l, 7, 2.0, 10.0, 1, 100.5, &wait));
	/* another key is not held back */
	assert_true(gt_srv_limits_take(l, 8, 2.0, 10.0, 1, 100.5, &wait));
	/* a long rest refills to the burst, no more */
	for (int i = 0; i < 10; i++)
		assert_true(gt_srv_limits_take(l, 7, 2.0, 10.0, 1, 1000.0, &wait));
	assert_false(gt_srv_limits_take(l, 7, 2.0, 10.0, 1, 1000.0, &wait));
	gt_srv_limits_free(l);
}

/* 20,000 keys, more than the table's 8,192 slots, each drained in turn:
 * a key that comes back at once finds its bucket still drained. */
static void crowded_table(void **state)
{
	(void)state;
	struct gt_srv_limits *l = gt_srv_limits_new();
	assert_non_null(l);
	double wait;
	for (uint64_t k = 1; k <= 20000; k++) {
		assert_true(gt_srv_limits_take(l, k, 1.0, 1.0, 1, 50.0, &wait));
		assert_false(gt_srv_limits_take(l, k, 1.0, 1.0, 1, 50.0, &wait));
	}
	gt_srv_limits_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(burst_then_rate),
		cmocka_unit_test(crowded_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
