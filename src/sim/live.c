/* live.c: the simulation fitted to what a monitoring mission has recorded
 * of the guarantee in place (docs/model-sim.md, "Live risk"): the probe
 * rate, from the scenario's and the record's breaches together, and the
 * state the breaches' outcomes have left. */
#include "guarantor/sim.h"
#include "sim/sim_priv.h"

#include <math.h>

enum gt_status gt_sim_live_fit(const struct gt_sim_params *p, const struct gt_sim_option *o,
                               const struct gt_sim_record *rec, struct gt_sim_live *out,
                               struct gt_err *err)
{
	if (!(rec->days >= 1))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "days",
		                  "a record of %g days; at least one day is needed", rec->days);
	if (rec->n > 0 && !rec->outcomes)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "outcomes",
		                  "%zu breaches without their outcomes", rec->n);
	*out = (struct gt_sim_live){.days = rec->days, .breaches = rec->n,
	                            .prior_years = p->prior_years};
	gt__sim_fresh_state(p, o, &out->state);

	/* the rate of breaches the record shows is the adversary's probe rate
	 * as deterred at the start (m) and as seen by the monitors: undo both */
	out->seen = gt__sim_seen(p, o);
	out->deterrence = gt__sim_deterrence(p, o, o->troops, out->state.reliability,
	                                     out->state.belief);
	double years = rec->days / 365.0, k = out->deterrence * out->seen;
	if (!(k > 1e-12))
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, o->name,
		                  "the option sees (%g) or lets through (%g) no probes at all, so a "
		                  "record says nothing of their rate", out->seen, out->deterrence);
	out->probe_prior = p->probe_per_year;
	out->probe_observed = (double)rec->n / (years * k);
	out->probe_fitted = (p->prior_years * out->probe_prior + years * out->probe_observed) /
	                    (p->prior_years + years);
	if (!(out->probe_fitted <= 365))
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, o->name,
		                  "%zu breaches in %.1f days fit %.0f probes a year with no "
		                  "guarantee (deterrence %.3f, seen %.3f): beyond the simulation's "
		                  "one a day", rec->n, rec->days, out->probe_fitted, out->deterrence,
		                  out->seen);

	/* (S5) each outcome, in order, as the runs would have landed it */
	for (size_t i = 0; i < rec->n; i++) {
		switch (rec->outcomes[i]) {
		case GT_SIM_ANSWERED:
			out->answered++;
			gt__sim_land_state(p, o, true, &out->state);
			break;
		case GT_SIM_UNANSWERED:
			out->unanswered++;
			gt__sim_land_state(p, o, false, &out->state);
			break;
		case GT_SIM_PENDING:
			out->pending++;
			break;
		default:
			return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "outcomes",
			                  "breach %zu has no outcome the simulation knows (%d)", i + 1,
			                  (int)rec->outcomes[i]);
		}
	}
	return GT_OK;
}
