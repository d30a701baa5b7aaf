/* cmd_correlate.c: `guarantor correlate`, correlation of a monitoring
 * store's new reports into events from the command line, as the service's
 * POST /api/v1/events/correlate does (docs/monitor.md, "Events"). */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char help[] =
	"Usage: guarantor correlate [--db STORE] [--audit-key FILE] [--scenario FILE]\n\n"
	"Puts every report in the store that is in no event yet into an event, by the\n"
	"scenario's correlation rules, and opens the breaches the new events make: the\n"
	"same as POST /api/v1/events/correlate, audited with the actor \"cli\".\n\n"
	"Options:\n"
	"  -d, --db STORE        the store, which must exist: a SQLite file (default:\n"
	"                        guarantor.db) or postgresql://USER@HOST:PORT/DATABASE\n"
	"  -K, --audit-key FILE  the audit key (default: the file $GT_AUDIT_KEY names)\n"
	"      --no-audit-key    write an unkeyed chain, which proves nothing (a\n"
	"                        throwaway store)\n"
	"  -s, --scenario FILE   the scenario (default: the built-in one)\n"
	"  -h, --help            show this help\n";

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
	                                         {"scenario", required_argument, NULL, 's'},
	                                         GT_CLI_KEY_OPTIONS,
	                                         {NULL, 0, NULL, 0}};
	struct gt_cli_key k = {0};
	const char *db = "guarantor.db", *scenario = NULL;
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:s:K:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'K': k.file = optarg; break;
		case 'N': k.none = true; break;
		case 's': scenario = optarg; break;
		case ':':
			return gt_cli_usage("correlate", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("correlate", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gt_cli_usage("correlate", "unexpected argument '%s'", argv[optind]);
	struct gt_audit_key key;
	bool have;
	int rc = gt_cli_audit_key("correlate", &k, true, &key, &have);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_scenario *sc;
	if ((rc = gt_cli_load_scenario(scenario, &sc)) != GT_EXIT_OK) {
		gt_audit_key_wipe(&key);
		return rc;
	}
	struct gt_store *st;
	rc = gt_cli_open_store(db, "--db", GT_CLI_WRITE, have ? &key : NULL, &st);
	gt_audit_key_wipe(&key);
	if (rc != GT_EXIT_OK) {
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
