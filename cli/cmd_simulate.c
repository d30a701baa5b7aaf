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
#include "guarantor/render.h"
#include "guarantor/sim.h"
#include "guarantor/sizing.h"

static const char help[] =
	"Usage: guarantor simulate [--option NAME] [--runs N] [--years Y] [--seed S]\n"
	"                          [--threads T] [--out DIR] [--scenario FILE]\n"
	"                          [--format table|json|csv]\n"
	"                          [--observed DB --option NAME [--since T] [--as-of T]]\n\n"
	"Simulates, day by day, many possible histories of the ceasefire under each\n"
	"guarantee option: the adversary's violations, probes, pretexts and offensives;\n"
	"whether monitors see a breach; whether the contributing governments answer it\n"
	"under the option's decision rule; how the adversary's belief, the coalition's\n"
	"cohesion and the backstop's credibility change; and whether answers escalate\n"
	"(docs/model-sim.md). Prints, per option, the probability of collapse within 1, 2\n"
	"and 5 years with 95% intervals, the median survival, breaches answered and not,\n"
	"and the chances of escalation and of a split coalition.\n\n"
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
	struct gt_sizing *sz;
	struct gt_aircraft_catalogue *cat;
	struct gt_cli_sim_keep *keep;
	struct gt_sim_option *in;
	struct gt_sim_counts *counts;
	struct gt_sim_report *rep;
	size_t n;
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
	const char *name;
	double start;
	int processes;
};

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void tick(void *ctx, uint64_t done, uint64_t total)
{
	const struct bar *b = ctx;
	enum { WIDTH = 30 };
	double took = seconds() - b->start, rate = took > 0 ? (double)done / took : 0;
	int filled = total ? (int)(WIDTH * done / total) : WIDTH;
	char gauge[WIDTH + 1];
	for (int i = 0; i < WIDTH; i++)
		gauge[i] = i < filled ? '#' : '.';
	gauge[WIDTH] = '\0';
	if (done < total)
		fprintf(stderr, "\r%-18.18s [%s] %3.0f%%  %.0f runs/s  %.0f s left\033[K", b->name,
		        gauge, total ? 100.0 * (double)done / (double)total : 100, rate * b->processes,
		        rate > 0 ? (double)(total - done) / rate : 0);
	else
		fputs("\r\033[K", stderr); /* done: leave the terminal clean */
	fflush(stderr);
}

/* survival.svg into dir; skipped, with a note, without Cairo. */
static int write_chart(const char *dir, const struct gt_sim_report *rep, size_t n)
{
	char *svg = NULL, path[4096];
	enum gt_status st = gt_render_survival_svg(rep, n, 900, 420, &svg);
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
	for (size_t i = 0; i < c->n + 1 && c->keep; i++) {
		gt_cli_sim_keep_fini(&c->keep[i]);
		if (c->counts)
			gt_sim_counts_fini(&c->counts[i]);
	}
	free(c->keep);
	free(c->in);
	free(c->counts);
	free(c->rep);
	gt_cli_observed_fini(&c->record);
	gt_aircraft_free(c->cat);
	gt_sizing_free(c->sz);
	gt_scenario_free(c->s);
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
		{"as-of", required_argument, NULL, 'A'}, {NULL, 0, NULL, 0}};
	const char *option = NULL, *scenario = NULL, *dir = NULL, *db = NULL;
	int64_t since = -1, as_of = -1;
	long runs = -1, years = -1, seed = -1, threads = -1;
	enum gt_format fmt = GT_FORMAT_TABLE;
	bool ok = true;
	int ch;
	opterr = 0;
	optind = 1;
	while (ok && (ch = getopt_long(argc, argv, ":O:n:y:S:j:s:f:o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'O': option = optarg; break;
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
	if (runs < 0)
		runs = p->runs;
	if (years < 0)
		years = p->years;
	if (seed < 0)
		seed = p->seed;
	if (threads < 0) { /* the processors online, shared among the processes */
		long online = sysconf(_SC_NPROCESSORS_ONLN) / size;
		threads = online > 0 ? (online > 256 ? 256 : online) : 1;
	}
	size_t nopt = c.s->noptions;
	c.keep = calloc(nopt + 1, sizeof(*c.keep));
	c.in = calloc(nopt + 1, sizeof(*c.in));
	c.counts = calloc(nopt + 1, sizeof(*c.counts));
	c.rep = calloc(nopt + 1, sizeof(*c.rep));
	if (!c.keep || !c.in || !c.counts || !c.rep) {
		fprintf(stderr, "guarantor: out of memory\n");
		rc = GT_EXIT_FAILURE;
		goto out;
	}
	if (gt_sizing_run(c.s, &c.sz, &err) != GT_OK ||
	    gt_aircraft_load_scenario(c.s, &c.cat, &err) != GT_OK) {
		rc = gt_cli_fail_in(c.s, &err);
		goto out;
	}
	bool found = !option;
	for (size_t i = 0; i < nopt; i++) {
		if (option && strcmp(c.s->options[i].name, option) != 0)
			continue;
		found = true;
		if ((rc = gt_cli_sim_inputs(c.s, c.sz, c.cat, i, &c.keep[c.n], &c.in[c.n])) !=
		    GT_EXIT_OK)
			goto out;
		const struct gt_sim_params *run_p = p;
		if (db) {
			if ((rc = fit_observed(&c, db, since, as_of, &c.in[c.n])) != GT_EXIT_OK)
				goto out;
			run_p = &c.live_p;
		}
		if (gt_sim_counts_init(&c.counts[c.n], 365 * (int)years) != GT_OK) {
			fprintf(stderr, "guarantor: out of memory\n");
			rc = GT_EXIT_FAILURE;
			goto out;
		}
		uint64_t first = (uint64_t)runs * (uint64_t)rank / (uint64_t)size;
		uint64_t last = (uint64_t)runs * (uint64_t)(rank + 1) / (uint64_t)size;
		struct bar bar = {c.in[c.n].name, seconds(), size};
		struct gt_sim_watch watch = {tick, &bar, 200};
		bool show = rank == 0 && isatty(STDERR_FILENO);
		if (gt_sim_run_watched(run_p, &c.in[c.n], (uint64_t)seed, first, last - first, (int)threads,
		                       &c.counts[c.n], show ? &watch : NULL, &err) != GT_OK) {
			rc = gt_cli_fail_in(c.s, &err);
			goto out;
		}
		if (size > 1 && (rc = gt_cli_mpi_reduce(&c.counts[c.n], rank)) != GT_EXIT_OK) {
			fprintf(stderr, "guarantor: cannot gather the runs of the other processes\n");
			goto out;
		}
		c.rep[c.n] = (struct gt_sim_report){&c.in[c.n], &c.counts[c.n],
		                                    db ? &c.observed : NULL};
		c.n++;
	}
	if (!found) {
		rc = gt_cli_usage("simulate", "no option '%s' in the scenario", option);
		goto out;
	}
	if (rank == 0 && dir && (rc = write_chart(dir, c.rep, c.n)) != GT_EXIT_OK)
		goto out;
	if (rank == 0 &&
	    gt_render_sim(stdout, c.s, c.rep, c.n, (int)years, (uint64_t)seed, fmt) != GT_OK) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
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
