/* cmd_simulate.c: `guarantor simulate`, how likely each guarantee is to
 * hold (docs/model-sim.md). Runs the other engines first for the inputs:
 * sizing, force generation when the scenario has a coalition, and the air
 * umbrella. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "guarantor/air.h"
#include "guarantor/forcegen.h"
#include "guarantor/plan.h"
#include "guarantor/render.h"
#include "guarantor/sim.h"
#include "guarantor/sizing.h"

static const char help[] =
	"Usage: guarantor simulate [--option NAME] [--runs N] [--years Y] [--seed S]\n"
	"                          [--threads T] [--out DIR] [--scenario FILE]\n"
	"                          [--format table|json|csv] [--basis raised|required]\n"
	"                          [--observed DB --option NAME [--since T] [--as-of T]]\n\n"
	"Simulates, day by day, many possible histories of the ceasefire under each\n"
	"guarantee option: the adversary's violations, probes, pretexts and offensives;\n"
	"whether monitors see a breach; whether the contributing governments answer it\n"
	"under the option's decision rule; how the adversary's belief, the coalition's\n"
	"cohesion and the backstop's credibility change; and whether answers escalate\n"
	"(docs/model-sim.md). Prints, per option, the probability of collapse within 1, 2\n"
	"and 5 years with 95% intervals, the median survival, breaches answered and not,\n"
	"and the chances of escalation and of a split coalition. Each option is simulated\n"
	"with the force the coalition can actually raise (force generation: its ground\n"
	"troops, monitors, the patrol stations its fighters can hold, and the governments\n"
	"that contribute forces as voters), and beside them the same ceasefire with no\n"
	"guarantee at all, whose hazard each option's is compared with.\n\n"
	"Results are identical for any number of threads or processes: each run draws\n"
	"from its own random stream, derived from the seed and the run's number. Under\n"
	"mpirun (mpirun -np K guarantor simulate ...) the runs are split across the K\n"
	"processes and the first prints the sum. On a terminal, a progress bar on\n"
	"standard error shows runs a second and the time left.\n\n"
	"Options:\n"
	"  -O, --option NAME    simulate one option (default: all)\n"
	"  -n, --runs N         runs per option (default: the scenario's simulation.runs)\n"
	"  -y, --years Y        horizon, 1 to 50 years (default: simulation.years)\n"
	"  -S, --seed S         random seed, 0 or more (default: simulation.seed)\n"
	"  -j, --threads T      threads, 1 to 256 (default: the processors online)\n"
	"  -o, --out DIR        also write survival.svg, the survival curves, into DIR\n"
	"  -s, --scenario FILE  scenario YAML (default: the built-in one)\n"
	"  -f, --format FORMAT  table (default), json or csv\n"
	"  -b, --basis BASIS    the force simulated: raised (default), what force generation\n"
	"                       found, or required, what sizing asks for (if fully raised)\n"
	"      --observed DB    live risk: fit the simulation to the monitoring record in\n"
	"                       DB (a guarantor serve store: a file or postgresql:// URL)\n"
	"                       of the guarantee in place, named by --option: its breaches\n"
	"                       set the probe rate, with the scenario's, and their\n"
	"                       outcomes the state the runs start from\n"
	"      --since T        the record starts at T (default: the first report observed)\n"
	"      --as-of T        and ends at T (default: now); T is like 2026-02-01T00:00:00Z\n"
	"  -h, --help           show this help\n\n"
	"Examples: guarantor simulate --option uk-france-30k --runs 100000\n"
	"          guarantor simulate --option uk-france-30k --observed mission.db\n";

struct ctx {
	struct gt_scenario *s;
	struct gt_plan *pl;
	struct gt_cli_plan_view view;
	/* --observed: the record, the fit, the parameters it gives */
	struct gt_cli_observed record;
	struct gt_sim_live fit;
	struct gt_sim_observed observed;
	struct gt_sim_params live_p;
};

/* Fits option o, the guarantee in place, to the record in db: c->live_p
 * is the scenario's parameters with the fitted probe rate, and o starts
 * from the state the record left. */
static int fit_observed(struct ctx *c, const char *db, int64_t since, int64_t as_of,
                        struct gt_sim_option *o)
{
	struct gt_err err;
	/* a breach's time to be answered: the agreement's, or the option's own
	 * deadline in the simulation, or the simulation's */
	const struct gt_scenario *s = c->s;
	double hours = s->monitoring.present ? s->monitoring.deadline_hours
	               : o->rules.deadline >= 0 ? 24 * o->rules.deadline
	                                        : 24 * s->simulation.deadline_days;
	int rc = gt_cli_observed_read(db, hours, since, as_of, &c->record);
	if (rc != GT_EXIT_OK)
		return rc;
	const struct gt_sim_record rec = {(double)(c->record.as_of - c->record.since) / 86400.0,
	                                  c->record.outcomes, c->record.n};
	if (gt_sim_live_fit(&c->s->simulation, o, &rec, &c->fit, &err) != GT_OK)
		return gt_cli_fail(&err);
	c->live_p = c->s->simulation;
	c->live_p.probe_per_year = c->fit.probe_fitted;
	o->start = c->fit.state;
	c->observed = (struct gt_sim_observed){&c->fit, c->record.store, c->record.since,
	                                       c->record.as_of, c->record.dismissed};
	return GT_EXIT_OK;
}

/* The progress bar on a terminal's standard error: runs done, runs a
 * second and the time left. Quiet when standard error is not a terminal. */
struct bar {
	double start;
	int processes;
};

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void tick(void *ctx, const char *name, uint64_t done, uint64_t total)
{
	struct bar *b = ctx;
	if (done == 0)
		b->start = seconds();
	enum { WIDTH = 30 };
	double took = seconds() - b->start, rate = took > 0 ? (double)done / took : 0;
	int filled = total ? (int)(WIDTH * done / total) : WIDTH;
	char gauge[WIDTH + 1];
	for (int i = 0; i < WIDTH; i++)
		gauge[i] = i < filled ? '#' : '.';
	gauge[WIDTH] = '\0';
	if (done < total)
		fprintf(stderr, "\r%-18.18s [%s] %3.0f%%  %.0f runs/s  %.0f s left\033[K", name,
		        gauge, total ? 100.0 * (double)done / (double)total : 100, rate * b->processes,
		        rate > 0 ? (double)(total - done) / rate : 0);
	else
		fputs("\r\033[K", stderr); /* done: leave the terminal clean */
	fflush(stderr);
}

/* survival.svg into dir; skipped, with a note, without Cairo. */
static int write_chart(const char *dir, const struct gt_sim_results *res)
{
	char *svg = NULL, path[4096];
	enum gt_status st = gt_render_survival_svg(res, 900, 420, &svg);
	if (st == GT_E_UNSUPPORTED) {
		fprintf(stderr, "guarantor: built without Cairo: no survival.svg\n");
		return GT_EXIT_OK;
	}
	if (st != GT_OK) {
		fprintf(stderr, "guarantor: cannot draw the survival curves: %s\n", gt_strerror(st));
		return GT_EXIT_FAILURE;
	}
	int len = snprintf(path, sizeof(path), "%s/survival.svg", dir);
	int rc = len < 0 || (size_t)len >= sizeof(path) ? GT_EXIT_FAILURE : gt_cli_make_dir(dir);
	if (rc == GT_EXIT_OK)
		rc = gt_cli_write_file(path, svg, strlen(svg));
	else if (len < 0 || (size_t)len >= sizeof(path))
		fprintf(stderr, "guarantor: %s: output path too long\n", dir);
	free(svg);
	return rc;
}

static void ctx_fini(struct ctx *c)
{
	gt_cli_plan_view_fini(&c->view);
	gt_plan_free(c->pl);
	gt_cli_observed_fini(&c->record);
	gt_scenario_free(c->s);
}

/* Adds every process's counts into process 0's. */
static int reduce(struct gt_plan *pl, int rank)
{
	int rc = GT_EXIT_OK;
	for (size_t i = 0; rc == GT_EXIT_OK && i < pl->noptions; i++)
		rc = gt_cli_mpi_reduce(&pl->options[i].sim[pl->settings.basis], rank);
	if (rc == GT_EXIT_OK && !pl->settings.no_baseline)
		rc = gt_cli_mpi_reduce(&pl->baseline, rank);
	if (rc != GT_EXIT_OK)
		fprintf(stderr, "guarantor: cannot gather the runs of the other processes\n");
	return rc;
}

static int simulate(int argc, char **argv, int rank, int size);

static int run(int argc, char **argv)
{
	int rank, size;
	bool mpi = gt_cli_mpi_begin(&rank, &size);
	int rc = simulate(argc, argv, rank, size);
	gt_cli_mpi_end(mpi, rc);
	return rc;
}

/* One process's part: all of it alone, runs [rank N / size, (rank + 1) N /
 * size) under mpirun; process 0 adds up and prints. */
static int simulate(int argc, char **argv, int rank, int size)
{
	static const struct option longopts[] = {
		{"option", required_argument, NULL, 'O'}, {"runs", required_argument, NULL, 'n'},
		{"years", required_argument, NULL, 'y'},  {"seed", required_argument, NULL, 'S'},
		{"threads", required_argument, NULL, 'j'}, {"scenario", required_argument, NULL, 's'},
		{"format", required_argument, NULL, 'f'}, {"out", required_argument, NULL, 'o'},
		{"observed", required_argument, NULL, 'D'}, {"since", required_argument, NULL, 'B'},
		{"as-of", required_argument, NULL, 'A'}, {"basis", required_argument, NULL, 'b'},
		{NULL, 0, NULL, 0}};
	const char *option = NULL, *scenario = NULL, *dir = NULL, *db = NULL;
	int64_t since = -1, as_of = -1;
	long runs = -1, years = -1, seed = -1, threads = -1;
	enum gt_format fmt = GT_FORMAT_TABLE;
	enum gt_sim_basis basis = GT_SIM_RAISED;
	bool ok = true;
	int ch;
	opterr = 0;
	optind = 1;
	while (ok && (ch = getopt_long(argc, argv, ":O:n:y:S:j:s:f:o:b:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'O': option = optarg; break;
		case 'b':
			if (!gt_cli_basis_parse(optarg, &basis))
				return gt_cli_usage("simulate", "--basis '%s': expected raised or required",
				                    optarg);
			break;
		case 'D': db = optarg; break;
		case 'B':
		case 'A':
			/* from 1990 on: never negative, which means "not given" */
			if (!gt_time_parse_utc(optarg, ch == 'B' ? &since : &as_of))
				return gt_cli_usage("simulate", "%s '%s': expected a time like "
				                                "2026-02-01T00:00:00Z (UTC)",
				                    ch == 'B' ? "--since" : "--as-of", optarg);
			break;
		case 'o': dir = optarg; break;
		case 's': scenario = optarg; break;
		case 'n': runs = gt_cli_long("simulate", "--runs", optarg, 1, 100000000, &ok); break;
		case 'y': years = gt_cli_long("simulate", "--years", optarg, 1, 50, &ok); break;
		case 'S': seed = gt_cli_long("simulate", "--seed", optarg, 0, 2147483647, &ok); break;
		case 'j': threads = gt_cli_long("simulate", "--threads", optarg, 1, 256, &ok); break;
		case 'f':
			if (!gt_format_parse(optarg, &fmt) || fmt == GT_FORMAT_MD)
				return gt_cli_usage("simulate", "unknown format '%s'; expected table, json "
				                                "or csv", optarg);
			break;
		case ':': return gt_cli_usage("simulate", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("simulate", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (!ok)
		return GT_EXIT_USAGE;
	if (optind < argc)
		return gt_cli_usage("simulate", "unexpected argument '%s'", argv[optind]);
	if (!db && (since >= 0 || as_of >= 0))
		return gt_cli_usage("simulate", "--since and --as-of need --observed");
	if (db && !option)
		return gt_cli_usage("simulate", "--observed needs --option, the guarantee in place");
	int64_t now = (int64_t)time(NULL);
	if (as_of > now)
		return gt_cli_usage("simulate", "--as-of is in the future; a record ends now at the "
		                                "latest");
	if (db && as_of < 0 && size > 1)
		return gt_cli_usage("simulate", "under mpirun, give --as-of, so that every process "
		                                "reads the same record");
	if (as_of < 0)
		as_of = now;
	struct ctx c = {0};
	struct gt_err err;
	int rc = gt_cli_load_scenario(scenario, &c.s);
	if (rc != GT_EXIT_OK)
		return rc;
	const struct gt_sim_params *p = &c.s->simulation;
	if (!p->present) {
		fprintf(stderr, "guarantor: %s: the scenario has no simulation section; see "
		                "docs/model-sim.md\n", c.s->file);
		rc = GT_EXIT_USAGE;
		goto out;
	}
	if (threads < 0) { /* the processors online, shared among the processes */
		long online = sysconf(_SC_NPROCESSORS_ONLN) / size;
		threads = online > 0 ? (online > 256 ? 256 : online) : 1;
	}
	struct bar bar = {seconds(), size};
	struct gt_plan_watch watch = {tick, &bar, 200};
	bool show = rank == 0 && isatty(STDERR_FILENO);
	/* the inputs first, so that live risk can fit the option in place */
	struct gt_plan_settings set = {
		.stages = GT_PLAN_SIM_INPUTS, .option = option, .basis = basis,
		.no_baseline = db != NULL, .runs = runs > 0 ? (uint64_t)runs : 0,
		.years = years > 0 ? (int)years : 0, .seed = seed, .threads = (int)threads,
		.rank = rank, .size = size, .watch = show ? &watch : NULL};
	if ((rc = gt_cli_plan_run("simulate", c.s, &set, &c.pl)) != GT_EXIT_OK)
		goto out;
	const struct gt_sim_params *run_p = p;
	if (db) {
		if ((rc = fit_observed(&c, db, since, as_of, &c.pl->options[0].sim_in[basis])) !=
		    GT_EXIT_OK)
			goto out;
		run_p = &c.live_p;
	}
	if (gt_plan_simulate(c.pl, run_p, &err) != GT_OK) {
		rc = gt_cli_plan_fail("simulate", c.s, &err);
		goto out;
	}
	if (size > 1 && (rc = reduce(c.pl, rank)) != GT_EXIT_OK)
		goto out;
	if ((rc = gt_cli_plan_view(c.pl, &c.view)) != GT_EXIT_OK)
		goto out;
	if (db)
		c.view.options[0].observed = &c.observed;
	if (rank == 0 && dir && (rc = write_chart(dir, &c.view.sim)) != GT_EXIT_OK)
		goto out;
	if (rank == 0 && gt_render_sim(stdout, c.s, &c.view.sim, fmt) != GT_OK) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
	if (rank == 0)
		rc = gt_cli_plan_partial(c.s, c.pl, rc);
out:
	ctx_fini(&c);
	return rc;
}

const struct gt_cmd gt_cmd_simulate = {
	.name = "simulate",
	.summary = "how likely each guarantee is to hold: Monte Carlo over possible histories",
	.help = help,
	.run = run,
};
