/* cmd_plan.c: `guarantor plan`, the main job: every engine over every
 * option, a summary on standard output, results and a brief on disk. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guarantor/air.h"
#include "guarantor/forcegen.h"
#include "guarantor/missions.h"
#include "guarantor/render.h"
#include "guarantor/sim.h"
#include "guarantor/sizing.h"

static const char help[] =
	"Usage: guarantor plan [--scenario FILE] [--out DIR] [--missions FILE] [--pdf]\n\n"
	"Runs every engine over every guarantee option (force sizing and its validation\n"
	"against historical missions; force generation when the scenario has a coalition;\n"
	"the air umbrella; the deterrence simulation when it has a simulation section),\n"
	"prints a summary, and writes to DIR:\n"
	"  results.json          all results (schema: docs/output.md)\n"
	"  brief.html            a self-contained brief: summary, maps, chart,\n"
	"                        assumptions, validation\n"
	"  brief.pdf             the same, printed (with --pdf; needs Chromium)\n"
	"  map.svg               the theatre, line of contact and sectors\n"
	"  strength.svg          deployed and committed strength by option\n"
	"  option-NAME.svg       each option's footprint\n"
	"  coalition.svg         who supplies the people of each option (force generation)\n"
	"  rotation-NAME.svg     who holds each sector in each rotation period\n"
	"  air-NAME.svg          each air umbrella: reaction time, radar gaps, air-defence\n"
	"                        band, bases and stations\n"
	"  air-NAME.geojson      the same as GeoJSON (QGIS, geojson.io)\n"
	"  survival.svg          how likely each option is to hold, year by year\n"
	"                        (the simulation, with the scenario's runs and seed)\n\n"
	"Options:\n"
	"  -s, --scenario FILE   scenario YAML (default: the built-in " GT_SCENARIO_DEFAULT ")\n"
	"  -o, --out DIR         output folder (default: guarantor-out), created if missing\n"
	"  -m, --missions FILE   historical missions CSV (default: the built-in one)\n"
	"  -P, --pdf             also print the brief to brief.pdf with headless Chromium\n"
	"                        ($GT_CHROMIUM, else chromium on the PATH)\n"
	"  -h, --help            show this help\n";

struct plan {
	const char *dir;
	struct gt_scenario *s;
	struct gt_sizing *sz;
	struct gt_missions *m;
	struct gt_validation *v;  /* NULL when validation could not run */
	struct gt_forcegen **fg;  /* one per option, or NULL without a coalition */
	size_t nfg;
	struct gt_aircraft_catalogue *cat;
	struct gt_air_plan **air; /* options with air elements */
	struct gt_air_assessment **assess;
	struct gt_air_result *air_res;
	size_t nair;
	struct gt_sim_option *sim_in; /* one per option when the scenario has a simulation */
	struct gt_sim_counts *sim_counts;
	struct gt_sim_report *sim;
	size_t nsim;
};

/* Every output, rendered in memory before anything is written, so that a
 * failure leaves the output folder as it was. */
struct output {
	char name[160];
	char *text;
};

struct outputs {
	struct output *items;
	size_t n;
};

static enum gt_status add_output(struct outputs *o, const char *name, char *text)
{
	struct output *grown = realloc(o->items, (o->n + 1) * sizeof(*grown));
	if (!grown) {
		free(text);
		return GT_E_NOMEM;
	}
	o->items = grown;
	snprintf(o->items[o->n].name, sizeof(o->items[o->n].name), "%s", name);
	o->items[o->n++].text = text;
	return GT_OK;
}

static void outputs_fini(struct outputs *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->items[i].text);
	free(o->items);
}

static enum gt_status render_brief(const struct plan *p, char **html)
{
	size_t len = 0;
	*html = NULL;
	FILE *mem = open_memstream(html, &len);
	if (!mem)
		return GT_E_NOMEM;
	struct gt_results res = {.sizing = p->sz, .validation = p->v,
	                         .forcegen = (const struct gt_forcegen *const *)p->fg,
	                         .nforcegen = p->nfg, .air = p->air_res, .nair = p->nair,
	                         .sim = p->sim, .nsim = p->nsim,
	                         .sim_years = p->s->simulation.years,
	                         .sim_seed = (uint64_t)p->s->simulation.seed};
	enum gt_status st = gt_render_brief_html(mem, &res);
	if (fclose(mem) != 0 && st == GT_OK)
		st = GT_E_NOMEM;
	if (st != GT_OK) {
		free(*html);
		*html = NULL;
	}
	return st;
}

/* Pictures are skipped, not fatal, when the build has no Cairo. */
static enum gt_status render_all(const struct plan *p, struct outputs *o)
{
	char *text;
	struct gt_results all = {.sizing = p->sz, .validation = p->v,
	                         .forcegen = (const struct gt_forcegen *const *)p->fg,
	                         .nforcegen = p->nfg, .air = p->air_res, .nair = p->nair,
	                         .sim = p->sim, .nsim = p->nsim,
	                         .sim_years = p->s->simulation.years,
	                         .sim_seed = (uint64_t)p->s->simulation.seed};
	enum gt_status st = gt_render_results_json(&all, &text);
	if (st != GT_OK || (st = add_output(o, "results.json", text)) != GT_OK)
		return st;
	st = gt_render_map_svg(p->s, NULL, 900, 640, &text);
	if (st == GT_OK) {
		if ((st = add_output(o, "map.svg", text)) != GT_OK)
			return st;
		st = gt_render_strength_svg(p->sz, 900, 80 + 60 * (double)p->sz->noptions, &text);
		if (st != GT_OK || (st = add_output(o, "strength.svg", text)) != GT_OK)
			return st;
		for (size_t i = 0; i < p->sz->noptions; i++) {
			char name[160];
			snprintf(name, sizeof(name), "option-%s.svg", p->sz->options[i].option->name);
			st = gt_render_map_svg(p->s, &p->sz->options[i], 540, 400, &text);
			if (st != GT_OK || (st = add_output(o, name, text)) != GT_OK)
				return st;
		}
		if (p->nfg) {
			st = gt_render_contribution_svg((const struct gt_forcegen *const *)p->fg, p->nfg,
			                                900, 140 + 50 * (double)p->nfg, &text);
			if (st != GT_OK || (st = add_output(o, "coalition.svg", text)) != GT_OK)
				return st;
		}
		for (size_t i = 0; i < p->nair; i++) {
			char name[160];
			snprintf(name, sizeof(name), "air-%s.svg", p->air[i]->option->name);
			st = gt_render_air_map_svg(&p->air_res[i], 900, 640, &text);
			if (st != GT_OK || (st = add_output(o, name, text)) != GT_OK)
				return st;
		}
		if (p->nsim) {
			st = gt_render_survival_svg(p->sim, p->nsim, 900, 420, &text);
			if (st != GT_OK || (st = add_output(o, "survival.svg", text)) != GT_OK)
				return st;
		}
		for (size_t i = 0; i < p->nfg; i++) {
			size_t rows = 0;
			for (size_t r = 0; r < p->fg[i]->nroles; r++)
				rows += p->fg[i]->roles[r].allocated > 0 &&
				        (p->fg[i]->roles[r].kind == GT_ROLE_LINE ||
				         p->fg[i]->roles[r].kind == GT_ROLE_GARRISON);
			if (rows == 0)
				continue;
			char name[160];
			snprintf(name, sizeof(name), "rotation-%s.svg", p->fg[i]->option->option->name);
			st = gt_render_rotation_svg(p->fg[i], 900, 60 + 24 * (double)rows, &text);
			if (st != GT_OK || (st = add_output(o, name, text)) != GT_OK)
				return st;
		}
	} else if (st != GT_E_UNSUPPORTED) {
		return st;
	}
	for (size_t i = 0; i < p->nair; i++) {
		char name[160];
		snprintf(name, sizeof(name), "air-%s.geojson", p->air[i]->option->name);
		if ((st = gt_render_air_geojson(&p->air_res[i], &text)) != GT_OK ||
		    (st = add_output(o, name, text)) != GT_OK)
			return st;
	}
	if ((st = render_brief(p, &text)) != GT_OK)
		return st;
	return add_output(o, "brief.html", text);
}

static int write_all(const struct plan *p, const struct outputs *o)
{
	int rc = gt_cli_make_dir(p->dir);
	for (size_t i = 0; rc == GT_EXIT_OK && i < o->n; i++) {
		char path[4096];
		int n = snprintf(path, sizeof(path), "%s/%s", p->dir, o->items[i].name);
		if (n < 0 || (size_t)n >= sizeof(path)) {
			fprintf(stderr, "guarantor: %s: output path too long\n", p->dir);
			return GT_EXIT_FAILURE;
		}
		rc = gt_cli_write_file(path, o->items[i].text, strlen(o->items[i].text));
	}
	return rc;
}

/* Each option's simulation, when the scenario has a simulation section. */
static int simulate(struct plan *p)
{
	const struct gt_sim_params *sp = &p->s->simulation;
	if (!sp->present)
		return GT_EXIT_OK;
	size_t n = p->sz->noptions;
	struct gt_err err;
	p->sim_in = calloc(n, sizeof(*p->sim_in));
	p->sim_counts = calloc(n, sizeof(*p->sim_counts));
	p->sim = calloc(n, sizeof(*p->sim));
	if (!p->sim_in || !p->sim_counts || !p->sim) {
		fprintf(stderr, "guarantor: out of memory\n");
		return GT_EXIT_FAILURE;
	}
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	int threads = online > 0 ? (online > 256 ? 256 : (int)online) : 1;
	for (size_t i = 0; i < n; i++) {
		const struct gt_air_assessment *air = NULL;
		for (size_t k = 0; k < p->nair; k++)
			if (p->air[k]->option == p->sz->options[i].option)
				air = p->assess[k];
		if (gt_sim_option_build(p->s, &p->sz->options[i], p->nfg ? p->fg[i] : NULL, air,
		                        &p->sim_in[i], &err) != GT_OK)
			return gt_cli_fail_in(p->s, &err);
		if (gt_sim_counts_init(&p->sim_counts[i], 365 * sp->years) != GT_OK) {
			fprintf(stderr, "guarantor: out of memory\n");
			return GT_EXIT_FAILURE;
		}
		p->nsim = i + 1;
		if (gt_sim_run(sp, &p->sim_in[i], (uint64_t)sp->seed, 0, (uint64_t)sp->runs, threads,
		               &p->sim_counts[i], &err) != GT_OK)
			return gt_cli_fail_in(p->s, &err);
		p->sim[i] = (struct gt_sim_report){&p->sim_in[i], &p->sim_counts[i], NULL};
	}
	return GT_EXIT_OK;
}

static int run_plan(struct plan *p, const char *missions)
{
	struct gt_err err;
	size_t len;
	if (gt_sizing_run(p->s, &p->sz, &err) != GT_OK)
		return gt_cli_fail_in(p->s, &err);
	const char *builtin = gt_missions_builtin_csv(&len);
	enum gt_status st = missions ? gt_missions_load_file(missions, &p->m, &err)
	                             : gt_missions_load_text(builtin, len, "builtin:missions.csv",
	                                                     &p->m, &err);
	if (st != GT_OK)
		return gt_cli_fail(&err);
	for (size_t i = 0; i < p->m->nwarnings; i++)
		fprintf(stderr, "guarantor: warning: %s\n", p->m->warnings[i]);
	/* Force generation, when the scenario has a coalition and parameters. */
	if (p->s->forcegen.present && p->s->nmembers > 0) {
		p->fg = calloc(p->sz->noptions, sizeof(*p->fg));
		if (!p->fg) {
			fprintf(stderr, "guarantor: out of memory\n");
			return GT_EXIT_FAILURE;
		}
		for (size_t i = 0; i < p->sz->noptions; i++, p->nfg++)
			if (gt_forcegen_run(p->s, &p->sz->options[i], NULL, &p->fg[i], &err) != GT_OK)
				return gt_cli_fail(&err);
	}
	/* The air umbrella of each option that has one, with the default grid. */
	if (gt_aircraft_load_scenario(p->s, &p->cat, &err) != GT_OK)
		return gt_cli_fail(&err);
	p->air = calloc(p->s->noptions + 1, sizeof(*p->air));
	p->assess = calloc(p->s->noptions + 1, sizeof(*p->assess));
	p->air_res = calloc(p->s->noptions + 1, sizeof(*p->air_res));
	if (!p->air || !p->assess || !p->air_res) {
		fprintf(stderr, "guarantor: out of memory\n");
		return GT_EXIT_FAILURE;
	}
	struct gt_air_params params = gt_air_params_of(p->s, GT_AIR_RESOLUTION_KM);
	for (size_t i = 0; i < p->s->noptions; i++) {
		if (p->s->options[i].patrol_stations == 0 && p->s->options[i].aew_orbits == 0)
			continue;
		size_t k = p->nair;
		st = gt_air_plan_option(p->s, i, p->cat, &p->air[k], &err);
		if (st == GT_OK) {
			st = gt_air_assess(p->s, p->air[k], &params, &p->assess[k], &err);
			p->nair++;
		}
		if (st != GT_OK)
			return gt_cli_fail_in(p->s, &err);
		p->air_res[k] = (struct gt_air_result){p->s, p->air[k], p->assess[k]};
	}
	/* The deterrence simulation, with the scenario's runs, years and seed. */
	int sim_rc = simulate(p);
	if (sim_rc != GT_EXIT_OK)
		return sim_rc;
	/* A doctrine that cannot be validated still sizes: say so, go on. */
	if (gt_validation_run(&p->s->doctrine, p->m, &p->v, &err) != GT_OK) {
		char buf[1400];
		fprintf(stderr, "guarantor: warning: no validation in the brief: %s\n",
		        gt_err_format(&err, buf, sizeof(buf)));
		p->v = NULL;
	}

	struct outputs o = {0};
	st = render_all(p, &o);
	int rc = GT_EXIT_FAILURE;
	if (st != GT_OK)
		fprintf(stderr, "guarantor: cannot render the outputs: %s; nothing was written\n",
		        gt_strerror(st));
	else
		rc = write_all(p, &o);
	outputs_fini(&o);
	if (rc != GT_EXIT_OK)
		return rc;
	if (gt_render_sizing_summary(stdout, p->sz) != GT_OK) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		return GT_EXIT_FAILURE;
	}
	if (p->v)
		printf("\nValidation: median |log10 error| %.3f over %zu historical missions.\n",
		       p->v->median_abs_log10_error, p->v->n);
	for (size_t i = 0; i < p->nfg; i++) {
		long found = 0;
		for (size_t m = 0; m < p->fg[i]->nmembers; m++)
			found += p->fg[i]->members[m].personnel;
		if (i == 0)
			printf("\nForce generation (people deployed the coalition can sustain, and short):\n");
		char a[32], b[32];
		printf("  %-20s %8s found, %8s short\n", p->fg[i]->option->option->name,
		       gt_render_thousands(found, a), gt_render_thousands(p->fg[i]->shortfall_people, b));
	}
	printf("Wrote %s/results.json, %s/brief.html and the pictures.\n", p->dir, p->dir);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		return GT_EXIT_FAILURE;
	}
	return GT_EXIT_OK;
}

static int run(int argc, char **argv)
{
	struct gt_cli_opts o;
	struct plan p = {.dir = "guarantor-out"};
	int rc = gt_cli_parse("plan", argc, argv, "somP", 0, &o);
	if (rc != GT_EXIT_OK)
		return rc;
	if (o.out)
		p.dir = o.out;
	const char *missions = o.missions;
	rc = gt_cli_load_scenario(o.scenario, &p.s);
	if (rc == GT_EXIT_OK)
		rc = run_plan(&p, missions);
	if (rc == GT_EXIT_OK && o.pdf) {
		char html[4096], pdf[4096];
		snprintf(html, sizeof(html), "%s/brief.html", p.dir);
		snprintf(pdf, sizeof(pdf), "%s/brief.pdf", p.dir);
		if ((rc = gt_cli_print_pdf(html, pdf)) == GT_EXIT_OK)
			printf("Wrote %s.\n", pdf);
	}
	for (size_t i = 0; i < p.nsim; i++)
		gt_sim_counts_fini(&p.sim_counts[i]);
	free(p.sim_counts);
	free(p.sim_in);
	free(p.sim);
	for (size_t i = 0; i < p.nair; i++) {
		gt_air_assessment_free(p.assess[i]);
		gt_air_plan_free(p.air[i]);
	}
	free(p.air);
	free(p.assess);
	free(p.air_res);
	gt_aircraft_free(p.cat);
	for (size_t i = 0; i < p.nfg; i++)
		gt_forcegen_free(p.fg[i]);
	free(p.fg);
	gt_validation_free(p.v);
	gt_missions_free(p.m);
	gt_sizing_free(p.sz);
	gt_scenario_free(p.s);
	return rc;
}

const struct gt_cmd gt_cmd_plan = {
	.name = "plan",
	.summary = "run every engine, print a summary, write results and a brief",
	.help = help,
	.run = run,
};
