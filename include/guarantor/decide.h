/* decide.h: how a coalition turns its members' votes into a decision.
 *
 * One module serves the live workflow of the monitoring service (votes cast
 * by member representatives before a deadline) and the simulation (votes
 * drawn from each member's resolve and delay). The rules (docs/model-sim.md,
 * "Decision"):
 *
 *   unanimity          every voter approves; one veto, or one voter silent at
 *                      the deadline, rejects;
 *   lead nation        the lead's vote decides; silence at the deadline
 *                      rejects;
 *   qualified majority approving weight reaches quorum x total weight;
 *                      rejected as soon as it no longer can, or at the
 *                      deadline.
 *
 * Times are days (fractions allowed) from the moment the question is put.
 * Pure functions: no allocation, no state. */
#ifndef GUARANTOR_DECIDE_H
#define GUARANTOR_DECIDE_H

#include <stdbool.h>
#include <stddef.h>

#include "guarantor/err.h"

#ifdef __cplusplus
extern "C" {
#endif

enum gt_decide_rule {
	GT_DECIDE_UNANIMITY,
	GT_DECIDE_LEAD_NATION,
	GT_DECIDE_QUALIFIED_MAJORITY,
	GT_DECIDE_RULE_COUNT
};

/* "unanimity", "lead_nation", "qualified_majority"; parse returns false for
 * an unknown name. */
GT_EXPORT const char *gt_decide_rule_name(enum gt_decide_rule r);
GT_EXPORT bool gt_decide_rule_parse(const char *s, enum gt_decide_rule *out);

struct gt_decide_rules {
	enum gt_decide_rule rule;
	size_t lead;     /* lead nation: index of the lead among the votes */
	double quorum;   /* qualified majority: share of total weight, (0, 1] */
	double deadline; /* days; votes after it do not count */
};

/* One member's vote. A member that has not voted (cast false) counts as
 * silent; its approve and day are ignored. */
struct gt_vote {
	bool cast;
	bool approve;
	double day;    /* when it was cast */
	double weight; /* qualified majority only; > 0 */
};

enum gt_decide_state { GT_DECIDE_PENDING, GT_DECIDE_APPROVED, GT_DECIDE_REJECTED };
GT_EXPORT const char *gt_decide_state_name(enum gt_decide_state s);

struct gt_decision {
	enum gt_decide_state state;
	double day; /* when it was settled (the deadline when it ran out); 0 while pending */
};

/* The state of a decision at time `now` (>= 0) given the votes cast so far:
 * settled as soon as the rule settles it, pending until then, and settled
 * at the deadline at the latest. Votes cast after `now` or after the
 * deadline are not counted. GT_E_USAGE for no votes, a lead index out of
 * range, a quorum outside (0, 1], a weight that is not positive, or a
 * negative or NaN time. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_decide(const struct gt_decide_rules *rules,
                                                 const struct gt_vote *votes, size_t n,
                                                 double now, struct gt_decision *out);

#ifdef __cplusplus
}
#endif
#endif
