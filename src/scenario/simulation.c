/* simulation.c: reads the scenario's `simulation` section, the parameters
 * of the deterrence simulation (docs/model-sim.md), each checked against
 * its range. */
#include "scenario_priv.h"

#include <stdio.h>
#include <string.h>

/* name, least, most, where to put it, and what it is in words (for
 * readers of charts and tables) */
struct field {
	const char *name;
	double lo, hi;
	size_t offset;
	const char *words;
};

#define F(n, lo, hi, w) {#n, lo, hi, offsetof(struct gt_sim_params, n), w}
static const struct field fields[] = {
	F(offensive_per_year, 0, 10, "major offensives a year with no guarantee"),
	F(probe_per_year, 0, 365, "probes a year with no guarantee"),
	F(pretext_per_year, 0, 365, "pretexts manufactured a year"),
	F(minor_per_day, 0, 1, "chance of minor violations on a day"),
	F(pretext_days, 0, 365, "days a pretext raises the risk"),
	F(pretext_factor, 1, 100, "how much a pretext raises the risk of an offensive"),
	F(beta_defender, 0, 20, "what the defender's own strength deters"),
	F(beta_troops, 0, 20, "what foreign troops deter"),
	F(beta_air, 0, 20, "what the air umbrella deters"),
	F(beta_backstop, 0, 20, "what the backstop deters"),
	F(beta_buffer, 0, 20, "what a buffer zone deters"),
	F(gamma_belief, 0, 20, "what the belief that breaches are answered deters"),
	F(belief_start, 0, 1, "that belief at the start"),
	F(learning, 0, 1, "how fast that belief moves with each breach"),
	F(detect_base, 0, 1, "share of probes seen with no monitors"),
	F(monitors_half, 0.01, 1000, "monitors per 100 km that halve the probes unseen"),
	F(attribution_days, 0, 365, "days to attribute a breach, with no monitors"),
	F(quorum, 0.01, 1, "share of the weight a qualified majority needs"),
	F(deadline_days, 0, 365, "days allowed for a decision"),
	F(resolve, 0, 1, "a government's willingness to approve an answer"),
	F(decision_days, 0, 365, "days to decide, on average"),
	F(cohesion_loss, 0, 1, "cohesion lost with each breach not answered"),
	F(split_below, 0, 1, "cohesion below which the coalition splits"),
	F(backstop_reliability, 0, 1, "reliability of the backstop when invoked"),
	F(backstop_loss, 0, 1, "the backstop's reliability lost with each breach not answered"),
	F(escalation_ground, 0, 1, "chance a ground answer escalates"),
	F(escalation_air, 0, 1, "chance an answer by air escalates"),
	F(war_given_escalation, 0, 1, "chance an escalation becomes war"),
};
#undef F

enum gt_status gt__read_simulation(struct yr *r, const yaml_node_t *n, struct gt_scenario *s)
{
	enum { NF = sizeof(fields) / sizeof(fields[0]) };
	const char *keys[NF + 6];
	struct gt_sim_params *p = &s->simulation;
	enum gt_status st;
	size_t k = 0;
	for (size_t i = 0; i < NF; i++)
		keys[k++] = fields[i].name;
	keys[k++] = "rule";
	keys[k++] = "years";
	keys[k++] = "runs";
	keys[k++] = "seed";
	keys[k++] = "prior_years";
	keys[k] = NULL;
	if ((st = gt__yr_expect_map(r, n, "simulation")) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, "simulation", keys)) != GT_OK)
		return st;
	for (size_t i = 0; i < NF; i++) {
		double *dst = (double *)(void *)((char *)p + fields[i].offset);
		if ((st = gt__yr_req_number(r, n, "simulation", fields[i].name, fields[i].lo,
		                            fields[i].hi, dst)) != GT_OK)
			return st;
	}
	yaml_node_t *x;
	char sub[YR_PATH_MAX];
	if ((st = gt__yr_need(r, n, "simulation", "rule", &x)) != GT_OK)
		return st;
	if (!gt__yr_is_scalar(x) || !gt_decide_rule_parse(gt__yr_text(x), &p->rule))
		return gt__yr_fail(r, x, "simulation.rule", GT_E_SCHEMA,
		                   "expected unanimity, lead_nation or qualified_majority");
	const char *ints[] = {"years", "runs", "seed"};
	long lo[] = {1, 1, 0}, hi[] = {50, 100000000, 2147483647}, v[3];
	for (int i = 0; i < 3; i++) {
		if ((st = gt__yr_need(r, n, "simulation", ints[i], &x)) != GT_OK)
			return st;
		gt__yr_path_key(sub, "simulation", ints[i]);
		if ((st = gt__yr_int(r, x, sub, lo[i], hi[i], &v[i])) != GT_OK)
			return st;
	}
	/* optional: a scenario that never meets a monitoring record need not
	 * say; 1 is the default docs/scenario.md gives */
	p->prior_years = 1;
	if ((st = gt__yr_opt_number(r, n, "simulation", "prior_years", 0.01, 100,
	                            &p->prior_years)) != GT_OK)
		return st;
	p->years = (int)v[0];
	p->runs = v[1];
	p->seed = v[2];
	p->present = true;
	return GT_OK;
}

size_t gt_sim_param_count(void)
{
	return sizeof(fields) / sizeof(fields[0]);
}

const char *gt_sim_param_name(size_t i)
{
	return i < gt_sim_param_count() ? fields[i].name : NULL;
}

const char *gt_sim_param_words(size_t i)
{
	return i < gt_sim_param_count() ? fields[i].words : NULL;
}

double *gt_sim_param(struct gt_sim_params *p, size_t i, double *lo, double *hi)
{
	if (i >= gt_sim_param_count())
		return NULL;
	if (lo)
		*lo = fields[i].lo;
	if (hi)
		*hi = fields[i].hi;
	return (double *)(void *)((char *)p + fields[i].offset);
}
