/* cmd_audit.c: `guarantor audit verify`, the check of the monitoring
 * store's hash-chained audit log (docs/monitor.md, "The audit chain"). */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char help[] =
	"Usage: guarantor audit verify [--db PATH]\n\n"
	"Recomputes the hash chain of every change the monitoring store has recorded\n"
	"(users, reports, correlations, verifications, merges and splits, breaches,\n"
	"proposals, votes and decisions) and names the first entry that is missing,\n"
	"out of order or altered. Exit status 0 when the chain is intact, 1 when it is\n"
	"broken.\n\n"
	"Options:\n"
	"  -d, --db PATH   the store (default: guarantor.db); it must exist\n"
	"  -h, --help      show this help\n";

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
	                                         {NULL, 0, NULL, 0}};
	const char *db = "guarantor.db";
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case ':': return gt_cli_usage("audit", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("audit", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc || strcmp(argv[optind], "verify") != 0)
		return gt_cli_usage("audit", optind >= argc ? "expected verify"
		                                            : "unknown action '%s'; expected verify",
		                    argv[optind]);
	if (optind + 1 < argc)
		return gt_cli_usage("audit", "unexpected argument '%s'", argv[optind + 1]);
	struct gt_store *st;
	int rc = gt_cli_open_store(db, &st);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_err err;
	int64_t entries;
	if (gt_store_audit_verify(st, &entries, &err) != GT_OK)
		rc = gt_cli_fail(&err);
	else
		printf("audit chain intact: %lld entries\n", (long long)entries);
	gt_store_close(st);
	if (rc == GT_EXIT_OK && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
	return rc;
}

const struct gt_cmd gt_cmd_audit = {
	.name = "audit",
	.summary = "check the monitoring store's hash-chained audit log",
	.help = help,
	.run = run,
};
