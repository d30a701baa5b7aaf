/* cmd_audit.c: `guarantor audit verify`, the check of the monitoring
 * store's hash-chained audit log (docs/monitor.md, "The audit chain"). */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char help[] =
	"Usage: guarantor audit verify [--db STORE] [--head SEQ:HASH]\n\n"
	"Recomputes the hash chain of every change the monitoring store has recorded\n"
	"(users, reports, correlations, verifications, merges and splits, breaches,\n"
	"proposals, votes and decisions) and names the first entry that is missing,\n"
	"out of order or altered. With --head, also checks that entry SEQ still has the\n"
	"hash a daily report published, so that a chain rewritten or cut short since\n"
	"is found. Exit status 0 when the chain is intact, 1 when it is broken.\n\n"
	"Options:\n"
	"  -d, --db STORE        the store, which must exist: a SQLite file (default:\n"
	"                        guarantor.db) or postgresql://USER@HOST:PORT/DATABASE\n"
	"  -H, --head SEQ:HASH   a published head: an entry's number and its hash\n"
	"  -h, --help            show this help\n";

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
	                                         {"head", required_argument, NULL, 'H'},
	                                         {NULL, 0, NULL, 0}};
	const char *db = "guarantor.db", *head = NULL;
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:H:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'H': head = optarg; break;
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
	long long want_seq = 0;
	char want_hash[65] = "";
	if (head) {
		int used = 0;
		if (sscanf(head, "%lld:%64[0-9a-f]%n", &want_seq, want_hash, &used) != 2 ||
		    head[used] != '\0' || want_seq < 1 || strlen(want_hash) != 64)
			return gt_cli_usage("audit", "--head '%s': expected SEQ:HASH, an entry's number "
			                             "and its 64 hex digits",
			                    head);
	}
	struct gt_store *st;
	int rc = gt_cli_open_store(db, "--db", &st);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_err err;
	int64_t entries;
	int64_t found;
	char hash[65];
	if (gt_store_audit_verify(st, &entries, &err) != GT_OK) {
		rc = gt_cli_fail(&err);
	} else if (head && gt_store_audit_hash(st, want_seq, &found, hash, &err) != GT_OK) {
		fprintf(stderr, "guarantor: %s: audit entry %lld, published as the head, is gone: the "
		                "chain was cut short\n",
		        db, want_seq);
		rc = GT_EXIT_FAILURE;
	} else if (head && strcmp(hash, want_hash) != 0) {
		fprintf(stderr, "guarantor: %s: audit entry %lld does not have the published hash: "
		                "the chain was rewritten\n",
		        db, want_seq);
		rc = GT_EXIT_FAILURE;
	} else {
		printf("audit chain intact: %lld entries%s\n", (long long)entries,
		       head ? "; the published head matches" : "");
	}
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
