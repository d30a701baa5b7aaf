/* cmd_correlate.c: `guarantor correlate`, correlation of a monitoring
 * store's new reports into events from the command line, as the service's
 * POST /api/v1/events/correlate does (docs/monitor.md, "Events"). */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char help[] =
	"Usage: guarantor correlate [--db STORE] [--scenario FILE]\n\n"
	"Puts every report in the store that is in no event yet into an event, by the\n"
	"scenario's correlation rules, and opens the breaches the new events make: the\n"
	"same as POST /api/v1/events/correlate, audited with the actor \"cli\".\n\n"
	"Options:\n"
	"  -d, --db STORE        the store, which must exist: a SQLite file (default:\n"
	"                        guarantor.db) or postgresql://USER@HOST:PORT/DATABASE\n"
	"  -s, --scenario FILE   the scenario (default: the built-in one)\n"
	"  -h, --help            show this help\n";

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
	                                         {"scenario", required_argument, NULL, 's'},
	                                         {NULL, 0, NULL, 0}};
	const char *db = "guarantor.db", *scenario = NULL;
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:s:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 's': scenario = optarg; break;
		case ':':
			return gt_cli_usage("correlate", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("correlate", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gt_cli_usage("correlate", "unexpected argument '%s'", argv[optind]);
	struct gt_scenario *sc;
	int rc = gt_cli_load_scenario(scenario, &sc);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_store *st;
	if ((rc = gt_cli_open_store(db, "--db", &st)) != GT_EXIT_OK) {
		gt_scenario_free(sc);
		return rc;
	}
	struct gt_user cli = {.id = 0, .name = "cli", .role = GT_ROLE_ANALYST};
	struct gt_correlation c;
	struct gt_err err;
	if (gt_store_correlate(st, sc, &cli, &c, &err) != GT_OK)
		rc = gt_cli_fail_in(sc, &err);
	else
		printf("%zu reports into events: %zu new, %zu existing joined\n", c.reports,
		       c.new_events, c.joined_events);
	gt_store_close(st);
	gt_scenario_free(sc);
	if (rc == GT_EXIT_OK && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
	return rc;
}

const struct gt_cmd gt_cmd_correlate = {
	.name = "correlate",
	.summary = "correlate a monitoring store's new reports into events",
	.help = help,
	.run = run,
};
