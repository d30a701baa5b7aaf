/* siminputs.c: an option's simulation inputs, from the engines that feed
 * them (sizing, force generation, the air umbrella), for `simulate` and
 * `sensitivity`. */
#include "cli.h"

#include <string.h>

#include "guarantor/air.h"
#include "guarantor/forcegen.h"
#include "guarantor/sizing.h"

int gt_cli_sim_inputs(const struct gt_scenario *s, const struct gt_sizing *sz,
                      const struct gt_aircraft_catalogue *cat, size_t i,
                      struct gt_cli_sim_keep *keep, struct gt_sim_option *out)
{
	struct gt_err err;
	const struct gt_sizing_option *so = &sz->options[i];
	memset(keep, 0, sizeof(*keep));
	if (s->forcegen.present && s->nmembers > 0 &&
	    gt_forcegen_run(s, so, NULL, &keep->fg, &err) != GT_OK)
		return gt_cli_fail_in(s, &err);
	if (so->option->patrol_stations > 0 || so->option->aew_orbits > 0) {
		struct gt_air_params params = gt_air_params_of(s, GT_AIR_RESOLUTION_KM);
		if (gt_air_plan_option(s, i, cat, &keep->plan, &err) != GT_OK ||
		    gt_air_assess(s, keep->plan, &params, &keep->air, &err) != GT_OK)
			return gt_cli_fail_in(s, &err);
	}
	if (gt_sim_option_build(s, so, keep->fg, keep->air, out, &err) != GT_OK)
		return gt_cli_fail_in(s, &err);
	return GT_EXIT_OK;
}

void gt_cli_sim_keep_fini(struct gt_cli_sim_keep *keep)
{
	gt_forcegen_free(keep->fg);
	gt_air_assessment_free(keep->air);
	gt_air_plan_free(keep->plan);
	memset(keep, 0, sizeof(*keep));
}
