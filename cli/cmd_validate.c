/* cmd_validate.c: `guarantor validate`, the sizing model against history. */
#include "cli.h"

#include <stdlib.h>

#include "guarantor/missions.h"
#include "guarantor/render.h"

static const char help[] =
	"Usage: guarantor validate [FILE] [--scenario FILE] [--format table|json|csv|md]\n\n"
	"Applies the sizing model (with the scenario's doctrine) to historical peace,\n"
	"ceasefire and buffer-zone missions and prints predicted against actual\n"
	"strength, the log10 error of each, and the median absolute log10 error.\n\n"
	"FILE is a CSV file with a header row (default: the built-in data/missions.csv).\n"
	"Required columns: name, start_year, troops, line_km, posture (observer, buffer,\n"
	"line, depth, stabilisation), threat (low, medium, high), source. Optional:\n"
	"area_km2, population (required for stabilisation), terrain, notes. Columns may\n"
	"come in any order; unknown columns are ignored with a warning.\n\n"
	"Options:\n"
	"  -s, --scenario FILE   take the doctrine from this scenario\n"
	"  -f, --format FORMAT   table (default), json, csv or md\n"
	"  -h, --help            show this help\n";

static int run(int argc, char **argv)
{
	struct gt_cli_opts o;
	int rc = gt_cli_parse("validate", argc, argv, "sf", 1, &o);
	if (rc != GT_EXIT_OK)
		return rc;
	const char *file = o.nargs ? o.args[0] : NULL;

	struct gt_scenario *s;
	rc = gt_cli_load_scenario(o.scenario, &s);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_missions *m = NULL;
	struct gt_validation *v = NULL;
	struct gt_err err;
	size_t len;
	const char *builtin = gt_missions_builtin_csv(&len);
	enum gt_status st = file ? gt_missions_load_file(file, &m, &err)
	                         : gt_missions_load_text(builtin, len, "builtin:missions.csv", &m,
	                                                 &err);
	if (st == GT_OK)
		st = gt_validation_run(&s->doctrine, m, &v, &err);
	if (st != GT_OK) {
		rc = gt_cli_fail(&err);
	} else {
		for (size_t i = 0; i < m->nwarnings; i++)
			fprintf(stderr, "guarantor: warning: %s\n", m->warnings[i]);
		if (gt_render_validation(stdout, v, o.format) != GT_OK) {
			fprintf(stderr, "guarantor: cannot write to standard output\n");
			rc = GT_EXIT_FAILURE;
		}
	}
	gt_validation_free(v);
	gt_missions_free(m);
	gt_scenario_free(s);
	return rc;
}

const struct gt_cmd gt_cmd_validate = {
	.name = "validate",
	.summary = "compare the sizing model with historical missions",
	.help = help,
	.run = run,
};
