/* bench_sim.c: the simulation engine's speed and memory: run-days a second
 * on 1 and 2 threads for the built-in full-line option (inputs from sizing,
 * force generation and the air umbrella, as `guarantor simulate` builds
 * them). With --inputs FILE it also writes the option and parameters as
 * JSON for the numpy version (bench/sim_numpy.py), which bench/sim.sh runs
 * for comparison. Prints figures; asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "table.h"
#include "guarantor/plan.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double peak_mib(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0;
}

/* Days simulated over all runs: survivors lived the horizon, the others
 * until their collapse. */
static double run_days(const struct gt_sim_counts *c)
{
	double d = (double)c->survived * c->days;
	for (int i = 0; i < c->days; i++)
		d += (double)c->collapse_by_day[i] * (i + 1);
	return d;
}

static void write_inputs(const char *path, const struct gt_sim_params *p,
                         const struct gt_sim_option *o, long runs, int days)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "{\"runs\": %ld, \"days\": %d, \"params\": {", runs, days);
	fprintf(f,
	        "\"offensive_per_year\": %.17g, \"probe_per_year\": %.17g, \"pretext_per_year\": "
	        "%.17g, \"minor_per_day\": %.17g, \"pretext_days\": %.17g, \"pretext_factor\": %.17g, "
	        "\"beta_defender\": %.17g, \"beta_troops\": %.17g, \"beta_air\": %.17g, "
	        "\"beta_backstop\": %.17g, \"gamma_belief\": %.17g, \"belief_start\": %.17g, "
	        "\"learning\": %.17g, \"detect_base\": %.17g, \"monitors_half\": %.17g, "
	        "\"attribution_days\": %.17g, \"deadline_days\": %.17g, \"cohesion_loss\": %.17g, "
	        "\"split_below\": %.17g, \"backstop_reliability\": %.17g, \"backstop_loss\": %.17g, "
	        "\"escalation_ground\": %.17g, \"escalation_air\": %.17g, "
	        "\"war_given_escalation\": %.17g}, ",
	        p->offensive_per_year, p->probe_per_year, p->pretext_per_year, p->minor_per_day,
	        p->pretext_days, p->pretext_factor, p->beta_defender, p->beta_troops, p->beta_air,
	        p->beta_backstop, p->gamma_belief, p->belief_start, p->learning, p->detect_base,
	        p->monitors_half, p->attribution_days, o->rules.deadline, p->cohesion_loss,
	        p->split_below, p->backstop_reliability, p->backstop_loss, p->escalation_ground,
	        p->escalation_air, p->war_given_escalation);
	fprintf(f,
	        "\"option\": {\"troops\": %.17g, \"air_reach\": %.17g, \"air\": %s, \"backstop\": %s, "
	        "\"monitors_per_100km\": %.17g, \"defender_strength\": %.17g, \"rule\": \"%s\", "
	        "\"members\": [",
	        o->troops, o->air_reach, o->air ? "true" : "false", o->backstop ? "true" : "false",
	        o->monitors_per_100km, o->defender_strength, gt_decide_rule_name(o->rules.rule));
	for (size_t m = 0; m < o->nmembers; m++)
		fprintf(f, "%s{\"resolve\": %.17g, \"delay_days\": %.17g}", m ? ", " : "",
		        o->members[m].resolve, o->members[m].delay_days);
	fprintf(f, "]}}\n");
	fclose(f);
}

int main(int argc, char **argv)
{
	const char *inputs = argc == 3 && strcmp(argv[1], "--inputs") == 0 ? argv[2] : NULL;
	struct gt_err err;
	struct gt_scenario *s;
	struct gt_plan *pl = NULL;
	/* the full-line option's inputs as required (the workload of
	 * docs/performance.md): 14 voters, the largest ground force */
	struct gt_plan_settings set = {.stages = GT_PLAN_SIM_INPUTS, .option = "full-line",
	                               .seed = -1};
	if (gt_scenario_load_builtin(&s, &err) != GT_OK || gt_plan_run(s, &set, &pl, &err) != GT_OK) {
		fprintf(stderr, "bench_sim: %s\n", err.msg);
		return 1;
	}
	struct gt_sim_option o = pl->options[0].sim_in[GT_SIM_REQUIRED];
	enum { RUNS = 20000, YEARS = 5 };
	const int days = 365 * YEARS;
	if (inputs)
		write_inputs(inputs, &s->simulation, &o, RUNS, days);
	printf("%-52s %12s %14s %10s\n", "benchmark (full-line, 5 years)", "seconds",
	       "run-days/s", "peak RSS");
	double per_thread[2] = {0, 0};
	for (int threads = 1; threads <= 2; threads++) {
		struct gt_sim_counts c;
		if (gt_sim_counts_init(&c, days) != GT_OK)
			return 1;
		double t0 = now();
		if (gt_sim_run(&s->simulation, &o, 1, 0, RUNS, threads, &c, &err) != GT_OK) {
			fprintf(stderr, "bench_sim: %s\n", err.msg);
			return 1;
		}
		double secs = now() - t0, rate = run_days(&c) / secs;
		per_thread[threads - 1] = rate / threads;
		char label[96];
		snprintf(label, sizeof(label), "C engine, %d runs, %d thread%s (%zu voters)", RUNS,
		         threads, threads == 1 ? "" : "s", o.nmembers);
		printf("%-52s %12.3f %14.3e %7.1f MiB\n", label, secs, rate, peak_mib());
		if (threads == 1) {
			struct gt_sim_summary sum;
			gt_sim_summarise(&c, &sum);
			printf("  (collapse within 5 years: %.4f)\n", sum.collapse[2].p);
		}
		gt_sim_counts_fini(&c);
	}
	printf("%-52s %12s %14.3e\n", "  per core, 1 thread", "", per_thread[0]);
	printf("%-52s %12s %14.3e\n", "  per core, 2 threads", "", per_thread[1]);
	bench_row("simulation: C engine, 2 threads", per_thread[1] * 2, "run-days/s",
	          "the C engine on 1 thread", per_thread[0]);
	gt_plan_free(pl);
	gt_scenario_free(s);
	return 0;
}
