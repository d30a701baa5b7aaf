/* calibration.c: which of a scenario's simulation parameters differ from
 * the built-in calibration, so that words about the calibration are said
 * only where it holds (docs/model-sim.md, "Calibration"). */
#include "guarantor/sim.h"
#include "util/assert.h"

#include <string.h>

enum gt_status gt_sim_calibration_compare(const struct gt_sim_params *p,
                                          struct gt_sim_calibration *out, struct gt_err *err)
{
	gt_err_clear(err);
	memset(out, 0, sizeof(*out));
	if (!p->present)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "simulation",
		                  "the scenario has no simulation section to compare");
	struct gt_scenario *builtin;
	enum gt_status st = gt_scenario_load_builtin(&builtin, err);
	if (st != GT_OK)
		return st;
	/* gt_sim_param writes through a non-const pointer; the copies keep the
	 * caller's parameters and the built-in scenario untouched */
	struct gt_sim_params want = builtin->simulation, got = *p;
	gt_scenario_free(builtin);
	GT_ASSERT(gt_sim_param_count() + 1 <= GT_SIM_CALIBRATION_MAX);
	for (size_t i = 0; i < gt_sim_param_count(); i++) {
		double b = *gt_sim_param(&want, i, NULL, NULL),
		       u = *gt_sim_param(&got, i, NULL, NULL);
		/* exact: both were read from decimal text the same way */
		if (b != u)
			out->differs[out->n++] =
			    (struct gt_sim_param_diff){.name = gt_sim_param_name(i),
			                               .words = gt_sim_param_words(i),
			                               .builtin = b,
			                               .used = u};
	}
	if (want.rule != got.rule)
		out->differs[out->n++] = (struct gt_sim_param_diff){
		    .name = "rule",
		    .words = "how the governments decide to answer a breach",
		    .builtin = want.rule,
		    .used = got.rule,
		    .builtin_text = gt_decide_rule_name(want.rule),
		    .used_text = gt_decide_rule_name(got.rule)};
	return GT_OK;
}
