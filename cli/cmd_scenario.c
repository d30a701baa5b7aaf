/* cmd_scenario.c: `guarantor scenario export|check`, to get the built-in
 * scenario out for editing and to check a scenario file. */
#include "cli.h"

#include <string.h>

#include "guarantor/air.h"

static const char help[] =
	"Usage: guarantor scenario export [--geometry | --aircraft]\n"
	"       guarantor scenario check [--scenario FILE]\n\n"
	"export   writes the built-in scenario '" GT_SCENARIO_DEFAULT "' to standard output: its\n"
	"         YAML, or with --geometry its GeoJSON geometry. The exported YAML\n"
	"         refers to the built-in geometry (builtin:" GT_SCENARIO_DEFAULT "); to edit the\n"
	"         geometry too, export it to a file and name that file in\n"
	"         theatre.geometry. With --aircraft: the built-in aircraft catalogue\n"
	"         (CSV); name an edited copy in theatre.aircraft.\n"
	"check    loads and validates a scenario (default: the built-in one) and\n"
	"         prints what it holds: line length, sectors, options, members.\n\n"
	"Example:\n"
	"  guarantor scenario export > my.yaml\n"
	"  guarantor scenario export --geometry > my.geojson\n"
	"  guarantor scenario export --aircraft > my-aircraft.csv\n"
	"  guarantor scenario check --scenario my.yaml\n\n"
	"Format: docs/scenario.md.\n";

static int export(int argc, char **argv)
{
	bool geometry = false, aircraft = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--geometry") == 0)
			geometry = true;
		else if (strcmp(argv[i], "--aircraft") == 0)
			aircraft = true;
		else
			return gt_cli_usage("scenario export", "unexpected argument '%s'", argv[i]);
	}
	if (geometry && aircraft)
		return gt_cli_usage("scenario export", "one of --geometry and --aircraft at a time");
	size_t len;
	const char *text = geometry ? gt_scenario_builtin_geojson(&len)
	                   : aircraft ? gt_aircraft_builtin_csv(&len)
	                              : gt_scenario_builtin_yaml(&len);
	if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		return GT_EXIT_FAILURE;
	}
	return GT_EXIT_OK;
}

static int check(int argc, char **argv)
{
	struct gt_cli_opts o;
	int rc = gt_cli_parse("scenario check", argc, argv, "s", 0, &o);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_scenario *s;
	rc = gt_cli_load_scenario(o.scenario, &s);
	if (rc != GT_EXIT_OK)
		return rc;
	const struct gt_theatre *th = &s->theatre;
	size_t counts[GT_PLACE_KIND_COUNT] = {0};
	for (size_t i = 0; i < th->nplaces; i++)
		counts[th->places[i].kind]++;
	printf("%s: %s (%s)\n", s->file, s->name, s->title);
	printf("outline: %s, %.0f km2\n", th->defended, gt_geo_area_km2(&th->outline));
	if (th->nlines > 1)
		printf("lines: %zu, %.1f km in all\n", th->nlines, th->lines_km);
	for (size_t l = 0; l < th->nlines; l++) {
		const struct gt_line *ln = &th->lines[l];
		if (th->nlines == 1)
			printf("line of contact: ");
		else
			printf("  %s (%s): ", ln->name, gt_line_role_name(ln->role));
		printf("%.1f km, %zu vertices%s%s%s\n", ln->km, ln->path.n, ln->as_of ? " (as of " : "",
		       ln->as_of ? ln->as_of : "", ln->as_of ? ")" : "");
	}
	printf("places: %zu %s, %zu %s, %zu %s\n", counts[GT_PLACE_CITY],
	       counts[GT_PLACE_CITY] == 1 ? "city" : "cities", counts[GT_PLACE_AIR_BASE],
	       counts[GT_PLACE_AIR_BASE] == 1 ? "air base" : "air bases", counts[GT_PLACE_PORT],
	       counts[GT_PLACE_PORT] == 1 ? "port" : "ports");
	/* columns as wide as their widest name, counted as the eye sees it */
	int wname = 5, wopt = 20;
	for (size_t i = 0; i < s->nsectors; i++)
		if (gt_render_width(s->sectors[i].name) > wname)
			wname = gt_render_width(s->sectors[i].name);
	for (size_t i = 0; i < s->noptions; i++)
		if (gt_render_width(s->options[i].name) > wopt)
			wopt = gt_render_width(s->options[i].name);
	printf("sectors: %zu\n", s->nsectors);
	for (size_t i = 0; i < s->nsectors; i++) {
		const struct gt_sector *sec = &s->sectors[i];
		if (th->nlines > 1 && i == th->lines[sec->line].first_sector)
			printf(" on %s:\n", th->lines[sec->line].name);
		fputs("  ", stdout);
		gt_render_pad(stdout, sec->name, wname);
		printf(" %7.1f - %7.1f km  %-8s %-6s near %s\n", sec->from_km, sec->to_km,
		       gt_terrain_name(sec->terrain), gt_threat_name(sec->threat),
		       sec->near[0] ? sec->near : "-");
	}
	printf("options: %zu\n", s->noptions);
	for (size_t i = 0; i < s->noptions; i++) {
		fputs("  ", stdout);
		gt_render_pad(stdout, s->options[i].name, wopt);
		printf(" %s\n", s->options[i].title);
	}
	printf("coalition members: %zu\n", s->nmembers);
	gt_scenario_free(s);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		return GT_EXIT_FAILURE;
	}
	return GT_EXIT_OK;
}

static int run(int argc, char **argv)
{
	if (argc < 2)
		return gt_cli_usage("scenario", "expected a subcommand: export or check");
	if (strcmp(argv[1], "export") == 0)
		return export(argc - 1, argv + 1);
	if (strcmp(argv[1], "check") == 0)
		return check(argc - 1, argv + 1);
	return gt_cli_usage("scenario", "unknown subcommand '%s'; expected export or check",
	                    argv[1]);
}

const struct gt_cmd gt_cmd_scenario = {
	.name = "scenario",
	.summary = "export the built-in scenario, or check a scenario file",
	.help = help,
	.run = run,
};
