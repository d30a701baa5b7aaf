/* cmd_size.c: `guarantor size`, the force requirements of every option. */
#include "cli.h"

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
	struct gt_sizing *sz;
	struct gt_err err;
	if (gt_sizing_run(s, &sz, &err) != GT_OK) {
		rc = gt_cli_fail_in(s, &err);
	} else {
		if (gt_render_sizing(stdout, sz, o.format) != GT_OK) {
			fprintf(stderr, "guarantor: cannot write to standard output\n");
			rc = GT_EXIT_FAILURE;
		}
		gt_sizing_free(sz);
	}
	gt_scenario_free(s);
	return rc;
}

const struct gt_cmd gt_cmd_size = {
	.name = "size",
	.summary = "force requirements of each option, with a breakdown",
	.help = help,
	.run = run,
};
