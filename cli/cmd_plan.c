/* cmd_plan.c: `guarantor plan`, the main job: every engine over every
 * option, a summary on standard output, results and a brief on disk. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "guarantor/missions.h"
#include "guarantor/render.h"
#include "guarantor/sizing.h"

static const char help[] =
	"Usage: guarantor plan [--scenario FILE] [--out DIR] [--missions FILE]\n\n"
	"Runs every engine over every guarantee option (for now: force sizing, and its\n"
	"validation against historical missions), prints a summary, and writes to DIR:\n"
	"  results.json          all results (schema: docs/output.md)\n"
	"  brief.html            a self-contained brief: summary, maps, chart,\n"
	"                        assumptions, validation\n"
	"  map.svg               the theatre, line of contact and sectors\n"
	"  strength.svg          deployed and committed strength by option\n"
	"  option-NAME.svg       each option's footprint\n\n"
	"Options:\n"
	"  -s, --scenario FILE   scenario YAML (default: the built-in " GT_SCENARIO_DEFAULT ")\n"
	"  -o, --out DIR         output folder (default: guarantor-out), created if missing\n"
	"  -m, --missions FILE   historical missions CSV (default: the built-in one)\n"
	"  -h, --help            show this help\n";

struct plan {
	const char *dir;
	struct gt_scenario *s;
	struct gt_sizing *sz;
	struct gt_missions *m;
	struct gt_validation *v;
};

static int write_text(const struct plan *p, const char *name, const char *text)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", p->dir, name);
	return gt_cli_write_file(path, text, strlen(text));
}

/* Renders into memory first, so that a failure never leaves half a file. */
static int write_brief(const struct plan *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem) {
		fprintf(stderr, "guarantor: out of memory\n");
		return GT_EXIT_FAILURE;
	}
	enum gt_status st = gt_render_brief_html(mem, p->sz, p->v);
	fclose(mem);
	int rc = st == GT_OK ? write_text(p, "brief.html", buf) : GT_EXIT_FAILURE;
	if (st != GT_OK)
		fprintf(stderr, "guarantor: cannot render the brief: %s\n", gt_strerror(st));
	free(buf);
	return rc;
}

static int write_pictures(const struct plan *p)
{
	char *svg;
	enum gt_status st = gt_render_map_svg(p->s, NULL, 900, 640, &svg);
	if (st == GT_E_UNSUPPORTED)
		return GT_EXIT_OK;
	int rc = st == GT_OK ? write_text(p, "map.svg", svg) : GT_EXIT_FAILURE;
	free(svg);
	if (rc == GT_EXIT_OK &&
	    (st = gt_render_strength_svg(p->sz, 900, 80 + 60 * (double)p->sz->noptions, &svg)) ==
	            GT_OK) {
		rc = write_text(p, "strength.svg", svg);
		free(svg);
	}
	for (size_t i = 0; rc == GT_EXIT_OK && st == GT_OK && i < p->sz->noptions; i++) {
		char name[128];
		snprintf(name, sizeof(name), "option-%s.svg", p->sz->options[i].option->name);
		if ((st = gt_render_map_svg(p->s, &p->sz->options[i], 540, 400, &svg)) == GT_OK) {
			rc = write_text(p, name, svg);
			free(svg);
		}
	}
	if (st != GT_OK) {
		fprintf(stderr, "guarantor: cannot draw: %s\n", gt_strerror(st));
		return GT_EXIT_FAILURE;
	}
	return rc;
}

static int make_dir(const char *dir)
{
	if (mkdir(dir, 0777) == 0 || errno == EEXIST) {
		struct stat st;
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			return GT_EXIT_OK;
		fprintf(stderr, "guarantor: %s exists and is not a folder\n", dir);
		return GT_EXIT_FAILURE;
	}
	fprintf(stderr, "guarantor: cannot create %s: %s\n", dir, strerror(errno));
	return GT_EXIT_FAILURE;
}

static int run_plan(struct plan *p, const char *missions)
{
	struct gt_err err;
	char *json = NULL;
	size_t len;
	if (gt_sizing_run(p->s, &p->sz, &err) != GT_OK)
		return gt_cli_fail(&err);
	const char *builtin = gt_missions_builtin_csv(&len);
	enum gt_status st = missions ? gt_missions_load_file(missions, &p->m, &err)
	                             : gt_missions_load_text(builtin, len, "builtin:missions.csv",
	                                                     &p->m, &err);
	if (st == GT_OK)
		st = gt_validation_run(&p->s->doctrine, p->m, &p->v, &err);
	if (st != GT_OK)
		return gt_cli_fail(&err);
	for (size_t i = 0; i < p->m->nwarnings; i++)
		fprintf(stderr, "guarantor: warning: %s\n", p->m->warnings[i]);

	int rc = make_dir(p->dir);
	if (rc != GT_EXIT_OK)
		return rc;
	if (gt_render_results_json(p->sz, p->v, &json) != GT_OK) {
		fprintf(stderr, "guarantor: out of memory\n");
		return GT_EXIT_FAILURE;
	}
	rc = write_text(p, "results.json", json);
	free(json);
	if (rc == GT_EXIT_OK)
		rc = write_pictures(p);
	if (rc == GT_EXIT_OK)
		rc = write_brief(p);
	if (rc != GT_EXIT_OK)
		return rc;
	if (gt_render_sizing_summary(stdout, p->sz) != GT_OK) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		return GT_EXIT_FAILURE;
	}
	printf("\nValidation: median |log10 error| %.3f over %zu historical missions.\n",
	       p->v->median_abs_log10_error, p->v->n);
	printf("Wrote %s/results.json, %s/brief.html and the pictures.\n", p->dir, p->dir);
	return GT_EXIT_OK;
}

static int run(int argc, char **argv)
{
	struct gt_cli_opts o;
	struct plan p = {.dir = "guarantor-out"};
	int rc = gt_cli_parse("plan", argc, argv, "som", 0, &o);
	if (rc != GT_EXIT_OK)
		return rc;
	if (o.out)
		p.dir = o.out;
	const char *missions = o.missions;
	rc = gt_cli_load_scenario(o.scenario, &p.s);
	if (rc == GT_EXIT_OK)
		rc = run_plan(&p, missions);
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
