/* cmd_audit.c: `guarantor audit verify`, the check of the monitoring
 * store's keyed audit chain and of every row against it, and `guarantor
 * audit keygen`, which makes the key (docs/monitor.md, "The audit chain";
 * docs/operations.md, "The audit key"). */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
	"Usage: guarantor audit verify [--db STORE] [--audit-key FILE] [--head SEQ:HASH]\n"
	"       guarantor audit keygen --audit-key FILE\n\n"
	"verify recomputes the keyed hash chain of every change the monitoring store\n"
	"has recorded (users, reports, correlations, verifications, merges and splits,\n"
	"breaches, proposals, votes and decisions) and holds every row of the store to\n"
	"the digest the last change to it recorded. It names the first entry that is\n"
	"missing, altered or made with another key, or the first row (table and key)\n"
	"that was changed, added or deleted behind guarantor's back. It only reads:\n"
	"the store is never created, migrated or written. With --head, it also checks\n"
	"that entry SEQ still has the hash a daily report published, so that a chain\n"
	"cut short since is found.\n\n"
	"keygen makes a new audit key (32 random bytes, as 64 hex digits) in FILE,\n"
	"which must not exist, with mode 0600. Keep it apart from the store and its\n"
	"backups: whoever holds it can rewrite the chain.\n\n"
	"Exit status of verify: 0 intact and keyed; 1 broken (or no entries at all);\n"
	"2 bad usage, a bad key file, or a keyed chain given no key; 3 consistent but\n"
	"unkeyed, which proves nothing against anyone who could write the store.\n\n"
	"Options:\n"
	"  -d, --db STORE        the store, which must exist: a SQLite file (default:\n"
	"                        guarantor.db) or postgresql://USER@HOST:PORT/DATABASE\n"
	"  -K, --audit-key FILE  the audit key (default: the file $GT_AUDIT_KEY names)\n"
	"      --no-audit-key    verify without a key: only an unkeyed chain, and say so\n"
	"  -H, --head SEQ:HASH   a published head: an entry's number and its hash\n"
	"  -h, --help            show this help\n";

static int keygen(const struct gt_cli_key *k)
{
	const char *file = k->file ? k->file : getenv("GT_AUDIT_KEY");
	if (!file || !*file || k->none)
		return gt_cli_usage("audit", "keygen needs --audit-key FILE, the file to make");
	struct gt_audit_key key;
	struct gt_err err;
	if (gt_audit_key_create(file, &key, &err) != GT_OK)
		return gt_cli_fail(&err);
	char id[GT_AUDIT_KEY_ID_SIZE];
	gt_audit_key_id(&key, id);
	gt_audit_key_wipe(&key);
	printf("audit key %s written to %s (mode 0600); keep it apart from the store and its "
	       "backups\n",
	       id, file);
	return GT_EXIT_OK;
}

/* Checks the head the daily report published: the entry is still there,
 * with the same hash. */
static int check_head(struct gt_store *st, const char *db, long long seq, const char *want)
{
	struct gt_err err;
	int64_t found;
	char hash[65];
	if (gt_store_audit_hash(st, seq, &found, hash, &err) != GT_OK) {
		fprintf(stderr, "guarantor: %s: audit entry %lld, published as the head, is gone: the "
		                "chain was cut short\n",
		        db, seq);
		return GT_EXIT_FAILURE;
	}
	if (strcmp(hash, want) != 0) {
		fprintf(stderr, "guarantor: %s: audit entry %lld does not have the published hash: "
		                "the chain was rewritten\n",
		        db, seq);
		return GT_EXIT_FAILURE;
	}
	return GT_EXIT_OK;
}

static int verify(const char *db, const struct gt_cli_key *k, const char *head)
{
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
	struct gt_audit_key key;
	bool have;
	int rc = gt_cli_audit_key("audit", k, false, &key, &have);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_store *st;
	rc = gt_cli_open_store(db, "--db", GT_CLI_READ, have ? &key : NULL, &st);
	gt_audit_key_wipe(&key);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_err err;
	struct gt_audit_summary sum;
	if (gt_store_audit_verify(st, &sum, &err) != GT_OK)
		rc = gt_cli_fail(&err);
	else if (head)
		rc = check_head(st, db, want_seq, want_hash);
	gt_store_close(st);
	if (rc != GT_EXIT_OK)
		return rc;
	const char *matches = head ? "; the published head matches" : "";
	long long n = (long long)sum.entries, from = (long long)sum.keyed_from;
	const char *entries = n == 1 ? "entry" : "entries";
	if (!from) {
		printf("audit chain consistent but UNKEYED: %lld %s%s; without a key anyone who could "
		       "write the store could have rewritten it and its rows, so this proves nothing "
		       "(docs/operations.md, \"The audit key\")\n",
		       n, entries, matches);
		rc = GT_EXIT_PARTIAL;
	} else if (from == 2) {
		printf("audit chain intact: %lld %s%s; entry 1 was written before the key and is "
		       "sealed by entry 2\n",
		       n, entries, matches);
	} else if (from > 2) {
		printf("audit chain intact: %lld %s%s; entries 1 to %lld were written before the key "
		       "and are sealed by entry %lld\n",
		       n, entries, matches, from - 1, from);
	} else {
		printf("audit chain intact: %lld %s%s\n", n, entries, matches);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
	return rc;
}

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
	                                         {"head", required_argument, NULL, 'H'},
	                                         GT_CLI_KEY_OPTIONS,
	                                         {NULL, 0, NULL, 0}};
	const char *db = "guarantor.db", *head = NULL;
	struct gt_cli_key k = {0};
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:H:K:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'H': head = optarg; break;
		case 'K': k.file = optarg; break;
		case 'N': k.none = true; break;
		case ':': return gt_cli_usage("audit", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("audit", "unknown option '%s'", argv[optind - 1]);
		}
	}
	bool is_verify = optind < argc && strcmp(argv[optind], "verify") == 0;
	bool is_keygen = optind < argc && strcmp(argv[optind], "keygen") == 0;
	if (!is_verify && !is_keygen)
		return gt_cli_usage("audit", optind >= argc
		                                 ? "expected verify or keygen"
		                                 : "unknown action '%s'; expected verify or keygen",
		                    argv[optind]);
	if (optind + 1 < argc)
		return gt_cli_usage("audit", "unexpected argument '%s'", argv[optind + 1]);
	if (is_keygen && head)
		return gt_cli_usage("audit", "--head goes with verify");
	return is_keygen ? keygen(&k) : verify(db, &k, head);
}

const struct gt_cmd gt_cmd_audit = {
	.name = "audit",
	.summary = "verify the monitoring store's keyed audit chain; make its key",
	.help = help,
	.run = run,
};
