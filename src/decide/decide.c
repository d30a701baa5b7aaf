/* decide.c: the coalition's decision rules (decide.h). Votes are taken in
 * the order they were cast (ties by member order), so the day a decision
 * settles is the day of the vote that settled it. */
#include "guarantor/decide.h"

#include <math.h>
#include <string.h>

static const char *const rule_names[GT_DECIDE_RULE_COUNT] = {"unanimity", "lead_nation",
                                                             "qualified_majority"};

const char *gt_decide_rule_name(enum gt_decide_rule r)
{
	return (unsigned)r < GT_DECIDE_RULE_COUNT ? rule_names[r] : "?";
}

bool gt_decide_rule_parse(const char *s, enum gt_decide_rule *out)
{
	for (int i = 0; i < GT_DECIDE_RULE_COUNT; i++) {
		if (strcmp(s, rule_names[i]) == 0) {
			*out = (enum gt_decide_rule)i;
			return true;
		}
	}
	return false;
}

const char *gt_decide_state_name(enum gt_decide_state s)
{
	switch (s) {
	case GT_DECIDE_PENDING: return "pending";
	case GT_DECIDE_APPROVED: return "approved";
	case GT_DECIDE_REJECTED: return "rejected";
	}
	return "?";
}

static bool counted(const struct gt_vote *v, double until)
{
	return v->cast && v->day <= until;
}

/* The index of the first counted vote after (day, index) `after`, in cast
 * order; n when there is none. Start with after = n. */
static size_t next_vote(const struct gt_vote *votes, size_t n, double until, size_t after)
{
	size_t best = n;
	double last = after < n ? votes[after].day : -INFINITY;
	for (size_t i = 0; i < n; i++) {
		const struct gt_vote *v = &votes[i];
		bool before = v->day < last || (v->day == last && i <= after);
		if (!counted(v, until) || before)
			continue;
		if (best == n || v->day < votes[best].day)
			best = i;
	}
	return best;
}

static void settle(struct gt_decision *out, enum gt_decide_state state, double day)
{
	out->state = state;
	out->day = day;
}

enum gt_status gt_decide(const struct gt_decide_rules *rules, const struct gt_vote *votes,
                         size_t n, double now, struct gt_decision *out)
{
	out->state = GT_DECIDE_PENDING;
	out->day = 0;
	if (n == 0 || !(now >= 0) || !(rules->deadline >= 0) ||
	    (unsigned)rules->rule >= GT_DECIDE_RULE_COUNT)
		return GT_E_USAGE;
	if (rules->rule == GT_DECIDE_LEAD_NATION && rules->lead >= n)
		return GT_E_USAGE;
	if (rules->rule == GT_DECIDE_QUALIFIED_MAJORITY && !(rules->quorum > 0 && rules->quorum <= 1))
		return GT_E_USAGE;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		if (votes[i].cast && !(votes[i].day >= 0))
			return GT_E_USAGE;
		if (rules->rule == GT_DECIDE_QUALIFIED_MAJORITY && !(votes[i].weight > 0))
			return GT_E_USAGE;
		total += votes[i].weight;
	}
	double until = fmin(now, rules->deadline);
	size_t approvals = 0;
	double approved_w = 0, vetoed_w = 0;
	/* a qualified majority needs this much weight; the tolerance keeps
	 * equal shares such as 2 of 3 at quorum 2/3 from missing by a rounding */
	double need = rules->quorum * total * (1 - 1e-12);
	for (size_t i = next_vote(votes, n, until, n); i < n; i = next_vote(votes, n, until, i)) {
		const struct gt_vote *v = &votes[i];
		switch (rules->rule) {
		case GT_DECIDE_UNANIMITY:
			if (!v->approve) {
				settle(out, GT_DECIDE_REJECTED, v->day);
				return GT_OK;
			}
			if (++approvals == n) {
				settle(out, GT_DECIDE_APPROVED, v->day);
				return GT_OK;
			}
			break;
		case GT_DECIDE_LEAD_NATION:
			if (i == rules->lead) {
				settle(out, v->approve ? GT_DECIDE_APPROVED : GT_DECIDE_REJECTED, v->day);
				return GT_OK;
			}
			break;
		case GT_DECIDE_QUALIFIED_MAJORITY:
			if (v->approve)
				approved_w += v->weight;
			else
				vetoed_w += v->weight;
			if (approved_w >= need) {
				settle(out, GT_DECIDE_APPROVED, v->day);
				return GT_OK;
			}
			if (total - vetoed_w < need) {
				settle(out, GT_DECIDE_REJECTED, v->day);
				return GT_OK;
			}
			break;
		case GT_DECIDE_RULE_COUNT: break;
		}
	}
	if (now >= rules->deadline)
		settle(out, GT_DECIDE_REJECTED, rules->deadline);
	return GT_OK;
}
