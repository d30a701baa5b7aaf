/* cmd_size.c: `guarantor size`, the force requirements of every option. */
#include "cli.h"

#include "guarantor/plan.h"

#include <stdlib.h>

#include "guarantor/render.h"
#include "guarantor/sizing.h"

static const char help[] =
	"Usage: guarantor size [--scenario FILE] [--format table|json|csv|md]\n\n"
	"Sizes every guarantee option of the scenario: troops on the line, garrisons,\n"
	"reserve, enablers and logistics, headquarters (the deployed ground force),\n"
	"aircraft, ships and their people, trainers and monitors; and the committed\n"
	"strength that sustains each through rotations. Model: docs/model-sizing.md.\n\n"
	"Options:\n"
	"  -s, --scenario FILE   scenario YAML (default: the built-in " GT_SCENARIO_DEFAULT ")\n"
	"  -f, --format FORMAT   table (default), json, csv or md\n"
	"  -h, --help            show this help\n\n"
	"JSON schema: docs/output.md.\n";

static int run(int argc, char **argv)
{
	struct gt_cli_opts o;
	int rc = gt_cli_parse("size", argc, argv, "sf", 0, &o);
	if (rc != GT_EXIT_OK)
		return rc;

	struct gt_scenario *s;
	rc = gt_cli_load_scenario(o.scenario, &s);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_plan_settings set = {.stages = 0}; /* sizing alone */
	struct gt_plan *pl = NULL;
	if ((rc = gt_cli_plan_run("size", s, &set, &pl)) == GT_EXIT_OK &&
	    gt_render_sizing(stdout, pl->sizing, o.format) != GT_OK) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
	rc = gt_cli_plan_partial(s, pl, rc);
	gt_plan_free(pl);
	gt_scenario_free(s);
	return rc;
}

const struct gt_cmd gt_cmd_size = {
	.name = "size",
	.summary = "force requirements of each option, with a breakdown",
	.help = help,
	.run = run,
};
