/* cmd_sensitivity.c: `guarantor sensitivity`, which of the simulation's
 * assumptions move an option's outcome most (docs/model-sim.md,
 * "Sensitivity"). */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guarantor/plan.h"
#include "guarantor/render.h"
#include "guarantor/sim.h"
#include "guarantor/sizing.h"

static const char help[] =
	"Usage: guarantor sensitivity [--option NAME] [--method oat|lhs] [--samples K]\n"
	"                             [--runs N] [--years Y] [--seed S] [--threads T]\n"
	"                             [--out DIR] [--scenario FILE] [--format table|json|csv]\n"
	"                             [--basis raised|required]\n\n"
	"Sweeps every parameter of the scenario's simulation section from half to one and\n"
	"a half times its value and reports how the option's probability of collapse\n"
	"within the horizon moves:\n"
	"  oat   one at a time, the others held at their values: the swing of each, widest\n"
	"        first (and with --out, tornado.svg)\n"
	"  lhs   K Latin-hypercube samples of all of them together: each parameter's rank\n"
	"        correlation with the outcome, strongest first\n"
	"Every evaluation runs the same runs with the same seed, so differences are the\n"
	"parameters', not the draws'. This is what tells a reader whether a conclusion\n"
	"rests on numbers nobody knows.\n\n"
	"Options:\n"
	"  -O, --option NAME    the option (default: the scenario's first)\n"
	"  -m, --method M       oat (default) or lhs\n"
	"  -k, --samples K      Latin-hypercube samples, 4 to 10,000 (default 60)\n"
	"  -n, --runs N         runs per evaluation (default 2,000)\n"
	"  -y, --years Y        horizon, 1 to 50 years (default: simulation.years)\n"
	"  -S, --seed S         random seed (default: simulation.seed)\n"
	"  -j, --threads T      threads (default: the processors online)\n"
	"  -o, --out DIR        write tornado.svg (oat) into DIR\n"
	"  -s, --scenario FILE  scenario YAML (default: the built-in one)\n"
	"  -f, --format FORMAT  table (default), json or csv\n"
	"  -b, --basis BASIS    the force simulated: raised (default), what force generation\n"
	"                       found, or required, what sizing asks for (if fully raised)\n"
	"  -h, --help           show this help\n\n"
	"Example: guarantor sensitivity --option uk-france-30k --out charts\n";

static int write_tornado(const char *dir, const struct gt_sensitivity *sens, const char *title)
{
	char *svg = NULL, path[4096];
	enum gt_status st = gt_render_tornado_svg(sens, title, 15, 900, 480, &svg);
	if (st == GT_E_UNSUPPORTED) {
		fprintf(stderr, "guarantor: built without Cairo: no tornado.svg\n");
		return GT_EXIT_OK;
	}
	if (st != GT_OK) {
		fprintf(stderr, "guarantor: cannot draw the tornado chart: %s\n", gt_strerror(st));
		return GT_EXIT_FAILURE;
	}
	int len = snprintf(path, sizeof(path), "%s/tornado.svg", dir);
	int rc = GT_EXIT_FAILURE;
	if (len < 0 || (size_t)len >= sizeof(path))
		fprintf(stderr, "guarantor: %s: output path too long\n", dir);
	else if ((rc = gt_cli_make_dir(dir)) == GT_EXIT_OK)
		rc = gt_cli_write_file(path, svg, strlen(svg));
	free(svg);
	return rc;
}

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"option", required_argument, NULL, 'O'},  {"method", required_argument, NULL, 'm'},
		{"samples", required_argument, NULL, 'k'}, {"runs", required_argument, NULL, 'n'},
		{"years", required_argument, NULL, 'y'},   {"seed", required_argument, NULL, 'S'},
		{"threads", required_argument, NULL, 'j'}, {"out", required_argument, NULL, 'o'},
		{"scenario", required_argument, NULL, 's'}, {"format", required_argument, NULL, 'f'},
		{"basis", required_argument, NULL, 'b'}, {NULL, 0, NULL, 0}};
	const char *option = NULL, *scenario = NULL, *dir = NULL;
	long runs = 2000, years = -1, seed = -1, threads = -1, samples = 60;
	enum gt_sens_method method = GT_SENS_ONE_AT_A_TIME;
	enum gt_format fmt = GT_FORMAT_TABLE;
	enum gt_sim_basis basis = GT_SIM_RAISED;
	bool ok = true;
	int ch;
	opterr = 0;
	optind = 1;
	while (ok && (ch = getopt_long(argc, argv, ":O:m:k:n:y:S:j:o:s:f:b:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'O': option = optarg; break;
		case 'b':
			if (!gt_cli_basis_parse(optarg, &basis))
				return gt_cli_usage("sensitivity", "--basis '%s': expected raised or required",
				                    optarg);
			break;
		case 'o': dir = optarg; break;
		case 's': scenario = optarg; break;
		case 'm':
			if (strcmp(optarg, "oat") == 0)
				method = GT_SENS_ONE_AT_A_TIME;
			else if (strcmp(optarg, "lhs") == 0)
				method = GT_SENS_LATIN_HYPERCUBE;
			else
				return gt_cli_usage("sensitivity", "unknown method '%s'; expected oat or lhs",
				                    optarg);
			break;
		case 'k': samples = gt_cli_long("sensitivity", "--samples", optarg, 4, 10000, &ok); break;
		case 'n': runs = gt_cli_long("sensitivity", "--runs", optarg, 1, 100000000, &ok); break;
		case 'y': years = gt_cli_long("sensitivity", "--years", optarg, 1, 50, &ok); break;
		case 'S': seed = gt_cli_long("sensitivity", "--seed", optarg, 0, 2147483647, &ok); break;
		case 'j': threads = gt_cli_long("sensitivity", "--threads", optarg, 1, 256, &ok); break;
		case 'f':
			if (!gt_format_parse(optarg, &fmt) || fmt == GT_FORMAT_MD)
				return gt_cli_usage("sensitivity", "unknown format '%s'; expected table, json "
				                                   "or csv", optarg);
			break;
		case ':': return gt_cli_usage("sensitivity", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("sensitivity", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (!ok)
		return GT_EXIT_USAGE;
	if (optind < argc)
		return gt_cli_usage("sensitivity", "unexpected argument '%s'", argv[optind]);
	if (dir && method != GT_SENS_ONE_AT_A_TIME)
		return gt_cli_usage("sensitivity", "--out draws the tornado chart of --method oat; "
		                                   "Latin-hypercube results are tables only");
	struct gt_scenario *s = NULL;
	struct gt_plan *pl = NULL;
	struct gt_sensitivity *sens = NULL;
	struct gt_err err;
	int rc = gt_cli_load_scenario(scenario, &s);
	if (rc != GT_EXIT_OK)
		return rc;
	const struct gt_sim_params *p = &s->simulation;
	if (!p->present) {
		fprintf(stderr, "guarantor: %s: the scenario has no simulation section; see "
		                "docs/model-sim.md\n", s->file);
		rc = GT_EXIT_USAGE;
		goto out;
	}
	if (years < 0)
		years = p->years;
	if (seed < 0)
		seed = p->seed;
	if (threads < 0) {
		long online = sysconf(_SC_NPROCESSORS_ONLN);
		threads = online > 0 ? (online > 256 ? 256 : online) : 1;
	}
	/* the option's inputs from the pipeline: the first option by default */
	struct gt_plan_settings set = {.stages = GT_PLAN_SIM_INPUTS,
	                               .option = option ? option
	                                                : s->noptions ? s->options[0].name : NULL,
	                               .basis = basis, .seed = seed};
	if ((rc = gt_cli_plan_run("sensitivity", s, &set, &pl)) != GT_EXIT_OK)
		goto out;
	const struct gt_plan_option *po = &pl->options[0];
	if (gt_sim_sensitivity(p, &po->sim_in[basis], method, (uint64_t)seed, (uint64_t)runs,
	                       365 * (int)years, (size_t)samples, (int)threads, &sens,
	                       &err) != GT_OK) {
		rc = gt_cli_fail_in(s, &err);
		goto out;
	}
	if (dir && method == GT_SENS_ONE_AT_A_TIME) {
		char title[200];
		snprintf(title, sizeof(title), "What moves the outcome: %.80s, collapse within %ld years",
		         po->option->name, years);
		if ((rc = write_tornado(dir, sens, title)) != GT_EXIT_OK)
			goto out;
	}
	if (gt_render_sensitivity(stdout, sens, po->option->name, (int)years, (uint64_t)runs, fmt) !=
	    GT_OK) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
out:
	gt_sensitivity_free(sens);
	gt_plan_free(pl);
	gt_scenario_free(s);
	return rc;
}

const struct gt_cmd gt_cmd_sensitivity = {
	.name = "sensitivity",
	.summary = "which simulation assumptions move an option's outcome most",
	.help = help,
	.run = run,
};
