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
#include "guarantor/plan.h"
#include "guarantor/render.h"
#include "guarantor/sim.h"
#include "guarantor/sizing.h"

static const char help[] =
	"Usage: guarantor plan [--scenario FILE] [--out DIR] [--missions FILE] [--pdf]\n"
	"                      [--paper a4|letter] [--basis raised|required] [--runs N]\n\n"
	"Runs every engine over every guarantee option (force sizing and its validation\n"
	"against historical missions; force generation when the scenario has a coalition;\n"
	"the air umbrella; the deterrence simulation when it has a simulation section, of\n"
	"the force the coalition can actually raise and, beside it, of the force required\n"
	"and of no guarantee at all), prints a summary, and writes to DIR:\n"
	"  results.json          all results (schema: docs/output.md)\n"
	"  brief.html            a self-contained brief: summary, maps, chart,\n"
	"                        assumptions, validation\n"
	"  brief.pdf             the same, printed (with --pdf; needs Chromium)\n"
	"  map.svg               the theatre, line of contact and sectors\n"
	"  strength.svg          deployed and committed strength by option\n"
	"  options.svg           every option against no guarantee: people required and\n"
	"                        raised, collapse within 5 years, air reach\n"
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
	"  -p, --paper PAPER     the brief's paper when printed: a4 (default) or letter\n"
	"  -n, --runs N          simulated histories per option and basis (default: the\n"
	"                        scenario's simulation.runs); fewer for a quick draft\n"
	"  -b, --basis BASIS     the force the headline simulates: raised (default), what\n"
	"                        force generation found, or required, as if fully raised\n"
	"  -h, --help            show this help\n";

struct plan {
	const char *dir;
	struct gt_scenario *s;
	struct gt_plan *pl;
	struct gt_cli_plan_view view;
	struct gt_missions *m;
	struct gt_validation *v; /* NULL when validation could not run */
	struct gt_sim_calibration calibration; /* the brief's words on the parameters */
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
	enum gt_status st = gt_render_brief_html(mem, &p->view.results);
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
	const struct gt_results *all = &p->view.results;
	const struct gt_sizing *sz = p->pl->sizing;
	enum gt_status st = gt_render_results_json(all, &text);
	if (st != GT_OK || (st = add_output(o, "results.json", text)) != GT_OK)
		return st;
	st = gt_render_map_svg(p->s, NULL, 900, 640, &text);
	if (st == GT_OK) {
		if ((st = add_output(o, "map.svg", text)) != GT_OK)
			return st;
		st = gt_render_strength_svg(sz, 900, 80 + 60 * (double)sz->noptions, &text);
		if (st != GT_OK || (st = add_output(o, "strength.svg", text)) != GT_OK)
			return st;
		st = gt_render_options_svg(all, 900, 110 + 34 * (double)(sz->noptions + 1), &text);
		if (st != GT_OK || (st = add_output(o, "options.svg", text)) != GT_OK)
			return st;
		for (size_t i = 0; i < sz->noptions; i++) {
			char name[160];
			snprintf(name, sizeof(name), "option-%s.svg", sz->options[i].option->name);
			st = gt_render_map_svg(p->s, &sz->options[i], 540, 400, &text);
			if (st != GT_OK || (st = add_output(o, name, text)) != GT_OK)
				return st;
		}
		if (all->nforcegen) {
			st = gt_render_contribution_svg(all->forcegen, all->nforcegen, 900,
			                                140 + 50 * (double)all->nforcegen, &text);
			if (st != GT_OK || (st = add_output(o, "coalition.svg", text)) != GT_OK)
				return st;
		}
		for (size_t i = 0; i < all->nair; i++) {
			char name[160];
			snprintf(name, sizeof(name), "air-%s.svg", all->air[i].plan->option->name);
			st = gt_render_air_map_svg(&all->air[i], 900, 640, &text);
			if (st != GT_OK || (st = add_output(o, name, text)) != GT_OK)
				return st;
		}
		if (all->sim) {
			st = gt_render_survival_svg(all->sim, 900, 420, &text);
			if (st != GT_OK || (st = add_output(o, "survival.svg", text)) != GT_OK)
				return st;
		}
		for (size_t i = 0; i < all->nforcegen; i++) {
			const struct gt_forcegen *fg = all->forcegen[i];
			size_t rows = gt_render_rotation_rows(fg);
			if (rows == 0)
				continue;
			char name[160];
			snprintf(name, sizeof(name), "rotation-%s.svg", fg->option->option->name);
			st = gt_render_rotation_svg(fg, 900, 60 + 24 * (double)rows, &text);
			if (st != GT_OK || (st = add_output(o, name, text)) != GT_OK)
				return st;
		}
	} else if (st != GT_E_UNSUPPORTED) {
		return st;
	}
	for (size_t i = 0; i < all->nair; i++) {
		char name[160];
		snprintf(name, sizeof(name), "air-%s.geojson", all->air[i].plan->option->name);
		if ((st = gt_render_air_geojson(&all->air[i], &text)) != GT_OK ||
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

static int run_plan(struct plan *p, const char *missions, const struct gt_cli_opts *opts)
{
	struct gt_err err;
	size_t len;
	const char *builtin = gt_missions_builtin_csv(&len);
	enum gt_status st = missions ? gt_missions_load_file(missions, &p->m, &err)
	                             : gt_missions_load_text(builtin, len, "builtin:missions.csv",
	                                                     &p->m, &err);
	if (st != GT_OK)
		return gt_cli_fail(&err);
	for (size_t i = 0; i < p->m->nwarnings; i++)
		fprintf(stderr, "guarantor: warning: %s\n", p->m->warnings[i]);
	/* every engine; the simulation (when the scenario has one) on both
	 * bases and with no guarantee, with the scenario's runs and seed */
	struct gt_plan_settings set = {.stages = GT_PLAN_ALL, .basis = opts->basis,
	                               .both_bases = true, .runs = (uint64_t)opts->runs,
	                               .seed = -1};
	int rc = gt_cli_plan_run("plan", p->s, &set, &p->pl);
	if (rc != GT_EXIT_OK || (rc = gt_cli_plan_view(p->pl, &p->view)) != GT_EXIT_OK)
		return rc;
	/* A doctrine that cannot be validated still sizes: say so, go on. */
	if (gt_validation_run(&p->s->doctrine, p->m, &p->v, &err) != GT_OK) {
		char buf[1400];
		fprintf(stderr, "guarantor: warning: no validation in the brief: %s\n",
		        gt_err_format(&err, buf, sizeof(buf)));
		p->v = NULL;
	}
	/* the brief says "calibrated" only of the built-in calibration unchanged */
	if (p->view.results.sim) {
		if (gt_sim_calibration_compare(&p->s->simulation, &p->calibration, &err) != GT_OK)
			return gt_cli_fail(&err);
		p->view.sim.calibration = &p->calibration;
	}
	p->view.results.validation = p->v;
	p->view.results.paper_letter = opts->paper_letter;

	struct outputs o = {0};
	st = render_all(p, &o);
	rc = GT_EXIT_FAILURE;
	if (st != GT_OK)
		fprintf(stderr, "guarantor: cannot render the outputs: %s; nothing was written\n",
		        gt_strerror(st));
	else
		rc = write_all(p, &o);
	outputs_fini(&o);
	if (rc != GT_EXIT_OK)
		return rc;
	if (gt_render_sizing_summary(stdout, p->pl->sizing) != GT_OK) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		return GT_EXIT_FAILURE;
	}
	if (p->v)
		printf("\nValidation: median |log10 error| %.3f over %zu historical missions.\n",
		       p->v->median_abs_log10_error, p->v->n);
	const struct gt_results *res = &p->view.results;
	int wname = 20; /* option names are at most 40 characters (docs/scenario.md) */
	for (size_t i = 0; i < p->pl->noptions; i++)
		if (gt_render_width(p->pl->options[i].option->name) > wname)
			wname = gt_render_width(p->pl->options[i].option->name);
	for (size_t i = 0; res->raised && i < p->pl->noptions; i++) {
		const struct gt_plan_option *po = &p->pl->options[i];
		if (i == 0)
			printf("\nForce generation (people deployed, as required and as the coalition can "
			       "raise them):\n");
		char a[32], b[32], c[32];
		fputs("  ", stdout);
		gt_render_pad(stdout, po->option->name, wname);
		printf(" %8s required, %8s raised, %8s short\n", gt_render_thousands(po->required.deployed, a),
		       gt_render_thousands(po->raised.deployed, b),
		       gt_render_thousands(po->required.deployed - po->raised.deployed, c));
	}
	if (res->sim) {
		int y = res->sim->years >= 5 ? 5 : res->sim->years >= 2 ? 2 : 1;
		printf("\nCollapse within %d year%s: with the force raised, and if fully raised:\n", y,
		       y > 1 ? "s" : "");
		for (size_t i = 0; i < p->pl->noptions; i++) {
			const struct gt_plan_option *po = &p->pl->options[i];
			fputs("  ", stdout);
			gt_render_pad(stdout, po->option->name, wname);
			printf(" %7.1f%%  %7.1f%%\n", 100 * gt_sim_collapse_within(&po->sim[GT_SIM_RAISED], y),
			       100 * gt_sim_collapse_within(&po->sim[GT_SIM_REQUIRED], y));
		}
		fputs("  ", stdout);
		gt_render_pad(stdout, "(no guarantee)", wname);
		printf(" %7.1f%%\n", 100 * gt_sim_collapse_within(&p->pl->baseline, y));
	}
	printf("Wrote %s/results.json, %s/brief.html and the pictures.\n", p->dir, p->dir);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		return GT_EXIT_FAILURE;
	}
	return gt_cli_plan_partial(p->s, p->pl, GT_EXIT_OK);
}

static int run(int argc, char **argv)
{
	struct gt_cli_opts o;
	struct plan p = {.dir = "guarantor-out"};
	int rc = gt_cli_parse("plan", argc, argv, "somPbpn", 0, &o);
	if (rc != GT_EXIT_OK)
		return rc;
	if (o.out)
		p.dir = o.out;
	const char *missions = o.missions;
	rc = gt_cli_load_scenario(o.scenario, &p.s);
	if (rc == GT_EXIT_OK)
		rc = run_plan(&p, missions, &o);
	if (rc == GT_EXIT_OK && o.pdf) {
		char html[4096], pdf[4096];
		snprintf(html, sizeof(html), "%s/brief.html", p.dir);
		snprintf(pdf, sizeof(pdf), "%s/brief.pdf", p.dir);
		if ((rc = gt_cli_print_pdf(html, pdf)) == GT_EXIT_OK)
			printf("Wrote %s.\n", pdf);
	}
	gt_cli_plan_view_fini(&p.view);
	gt_plan_free(p.pl);
	gt_validation_free(p.v);
	gt_missions_free(p.m);
	gt_scenario_free(p.s);
	return rc;
}

const struct gt_cmd gt_cmd_plan = {
	.name = "plan",
	.summary = "run every engine, print a summary, write results and a brief",
	.help = help,
	.run = run,
};
