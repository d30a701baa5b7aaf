/* forcegen_priv.h: state shared by the files of src/forcegen. */
#ifndef GT_FORCEGEN_PRIV_H
#define GT_FORCEGEN_PRIV_H

#include "guarantor/forcegen.h"
#include "mip.h"

/* Why a member cannot serve in a role at all. */
enum gt__fg_bar {
	GT_FG_BAR_NONE,
	GT_FG_BAR_EXCLUDED, /* dropped by a "what if" change */
	GT_FG_BAR_DOMAIN,   /* not willing to serve in the role's domain */
	GT_FG_BAR_NO_OFFER, /* willing, but offers none of the role's unit */
	GT_FG_BAR_DISTANCE, /* the role is closer to the line than it will go */
	GT_FG_BAR_REGION,   /* the role is not among the places it will go */
	GT_FG_BAR_NO_LEAD,  /* serves only under named leads; the role has no lead */
	GT_FG_BAR_COUNT
};

struct gt__fg {
	const struct gt_scenario *s;
	const struct gt_sizing_option *option;
	struct gt_forcegen *out;
	struct gt_caveats *cav; /* effective caveats, one per member */
	struct gt__mip *mip;
	int stage;
	/* variable indices, member-major (m * nroles + r); -1 when absent */
	int *x, *y, *z;
	int *s_var; /* shortfall per role */
	int *d_var; /* burden deviation per member */
	int *p_var; /* people per member, thousands */
	int total_var; /* all people, thousands */
};

enum gt__fg_bar gt__fg_barred(const struct gt__fg *p, size_t m, size_t r);

/* Writes roles[].why for every role with a shortfall. */
GT_MUST_CHECK enum gt_status gt__fg_explain(struct gt__fg *p);

#endif
