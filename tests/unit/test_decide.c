/* test_decide.c: the coalition's decision rules on hand-made votes, and
 * the analytic probabilities of each rule with independent voters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "guarantor/decide.h"

#define YES(d) {true, true, (d), 1}
#define NO(d) {true, false, (d), 1}
#define SILENT {false, false, 0, 1}

static struct gt_decision decide(enum gt_decide_rule rule, const struct gt_vote *v, size_t n,
                                 double now)
{
	struct gt_decide_rules r = {.rule = rule, .lead = 0, .quorum = 2.0 / 3.0, .deadline = 7};
	struct gt_decision d;
	assert_int_equal(gt_decide(&r, v, n, now, &d), GT_OK);
	return d;
}

static void unanimity(void **state)
{
	(void)state;
	struct gt_vote all[] = {YES(1), YES(3), YES(2)};
	struct gt_decision d = decide(GT_DECIDE_UNANIMITY, all, 3, 10);
	assert_int_equal(d.state, GT_DECIDE_APPROVED);
	assert_true(d.day == 3); /* the last approval */
	/* before the last vote it is pending */
	d = decide(GT_DECIDE_UNANIMITY, all, 3, 2.5);
	assert_int_equal(d.state, GT_DECIDE_PENDING);
	/* one veto rejects on its day, even with approvals after it */
	struct gt_vote veto[] = {YES(1), NO(2), YES(4)};
	d = decide(GT_DECIDE_UNANIMITY, veto, 3, 10);
	assert_true(d.state == GT_DECIDE_REJECTED && d.day == 2);
	/* one member silent: rejected at the deadline, pending before it */
	struct gt_vote silent[] = {YES(1), SILENT, YES(2)};
	d = decide(GT_DECIDE_UNANIMITY, silent, 3, 6.9);
	assert_int_equal(d.state, GT_DECIDE_PENDING);
	d = decide(GT_DECIDE_UNANIMITY, silent, 3, 7);
	assert_true(d.state == GT_DECIDE_REJECTED && d.day == 7);
	/* a vote after the deadline does not count */
	struct gt_vote late[] = {YES(1), YES(9)};
	d = decide(GT_DECIDE_UNANIMITY, late, 2, 10);
	assert_true(d.state == GT_DECIDE_REJECTED && d.day == 7);
}

static void lead_nation(void **state)
{
	(void)state;
	struct gt_vote v[] = {YES(4), NO(1), NO(2)};
	struct gt_decision d = decide(GT_DECIDE_LEAD_NATION, v, 3, 10);
	assert_true(d.state == GT_DECIDE_APPROVED && d.day == 4);
	struct gt_vote w[] = {NO(0.5), YES(0)};
	d = decide(GT_DECIDE_LEAD_NATION, w, 2, 10);
	assert_true(d.state == GT_DECIDE_REJECTED && d.day == 0.5);
	struct gt_vote s[] = {SILENT, YES(0)};
	d = decide(GT_DECIDE_LEAD_NATION, s, 2, 10);
	assert_true(d.state == GT_DECIDE_REJECTED && d.day == 7);
}

static void qualified_majority(void **state)
{
	(void)state;
	/* quorum 2/3 of 3 equal members: the second approval settles it */
	struct gt_vote v[] = {YES(5), NO(1), YES(2)};
	struct gt_decision d = decide(GT_DECIDE_QUALIFIED_MAJORITY, v, 3, 10);
	assert_true(d.state == GT_DECIDE_APPROVED && d.day == 5);
	/* two vetoes: 1/3 left cannot reach 2/3; rejected on the second veto */
	struct gt_vote w[] = {NO(3), NO(1), YES(0)};
	d = decide(GT_DECIDE_QUALIFIED_MAJORITY, w, 3, 10);
	assert_true(d.state == GT_DECIDE_REJECTED && d.day == 3);
	/* weights: one heavy member alone holds 70% */
	struct gt_vote h[] = {{true, true, 2, 7}, {true, false, 1, 1}, {true, false, 1, 2}};
	d = decide(GT_DECIDE_QUALIFIED_MAJORITY, h, 3, 10);
	assert_true(d.state == GT_DECIDE_APPROVED && d.day == 2);
}

static void bad_calls(void **state)
{
	(void)state;
	struct gt_vote v[] = {YES(1)};
	struct gt_decide_rules r = {.rule = GT_DECIDE_LEAD_NATION, .lead = 1, .deadline = 7};
	struct gt_decision d;
	assert_int_equal(gt_decide(&r, v, 1, 1, &d), GT_E_USAGE);
	r = (struct gt_decide_rules){.rule = GT_DECIDE_QUALIFIED_MAJORITY, .quorum = 0, .deadline = 7};
	assert_int_equal(gt_decide(&r, v, 1, 1, &d), GT_E_USAGE);
	r.quorum = 0.5;
	assert_int_equal(gt_decide(&r, v, 0, 1, &d), GT_E_USAGE);
	assert_int_equal(gt_decide(&r, v, 1, NAN, &d), GT_E_USAGE);
	enum gt_decide_rule rule;
	assert_true(gt_decide_rule_parse("qualified_majority", &rule) &&
	            rule == GT_DECIDE_QUALIFIED_MAJORITY);
	assert_false(gt_decide_rule_parse("consensus", &rule));
}

/* splitmix64, for this test's draws only */
static double uniform(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return (double)((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
}

/* k members approving independently with p: unanimity approves with p^k,
 * lead nation with p, a majority of 3 of 5 with the binomial tail. Within
 * four standard errors of 200,000 trials. */
static void analytic_probabilities(void **state)
{
	(void)state;
	enum { K = 5, TRIALS = 200000 };
	const double p = 0.8;
	uint64_t seed = 42;
	long hits[GT_DECIDE_RULE_COUNT] = {0};
	for (int t = 0; t < TRIALS; t++) {
		struct gt_vote v[K];
		for (int m = 0; m < K; m++)
			v[m] = (struct gt_vote){true, uniform(&seed) < p, uniform(&seed) * 5, 1};
		for (int r = 0; r < GT_DECIDE_RULE_COUNT; r++) {
			struct gt_decide_rules rules = {.rule = (enum gt_decide_rule)r, .lead = 0,
			                                .quorum = 0.6, .deadline = 7};
			struct gt_decision d;
			assert_int_equal(gt_decide(&rules, v, K, 7, &d), GT_OK);
			hits[r] += d.state == GT_DECIDE_APPROVED;
		}
	}
	double q = 1 - p;
	double want[GT_DECIDE_RULE_COUNT] = {
		pow(p, K), p,
		/* at least 3 of 5 */
		10 * pow(p, 3) * q * q + 5 * pow(p, 4) * q + pow(p, 5)};
	for (int r = 0; r < GT_DECIDE_RULE_COUNT; r++) {
		double got = (double)hits[r] / TRIALS;
		double se = sqrt(want[r] * (1 - want[r]) / TRIALS);
		if (fabs(got - want[r]) > 4 * se)
			fail_msg("%s: approved %.4f, want %.4f", gt_decide_rule_name((enum gt_decide_rule)r),
			         got, want[r]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unanimity),          cmocka_unit_test(lead_nation),
		cmocka_unit_test(qualified_majority), cmocka_unit_test(bad_calls),
		cmocka_unit_test(analytic_probabilities),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
