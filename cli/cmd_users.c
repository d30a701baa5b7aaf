/* cmd_users.c: `guarantor users add|list|revoke`, the monitoring store's
 * users, their roles and tokens (docs/monitor.md). */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "guarantor/monitor.h"

static const char help[] =
	"Usage: guarantor users add NAME --role ROLE [--member CODE] [--observer TEAM]...\n"
	"                           [--db STORE] [--audit-key FILE]\n"
	"       guarantor users observers NAME --observer TEAM [--observer TEAM]...\n"
	"                           [--db STORE] [--audit-key FILE]\n"
	"       guarantor users list [--db STORE]\n"
	"       guarantor users revoke NAME [--db STORE] [--audit-key FILE]\n\n"
	"The people who may use the monitoring service (guarantor serve), each with a\n"
	"role and a bearer token. add prints the new token once: the store keeps only\n"
	"its argon2id hash, so a lost token is revoked and replaced, never recovered.\n"
	"Each change is in the store's audit chain, keyed with the audit key (guarantor\n"
	"audit keygen; guarantor audit verify). list only reads.\n\n"
	"A monitor reports as one of its observers (a report's \"observer\"): the teams,\n"
	"posts, cameras or feeds it speaks for, given with --observer (at most 16; by\n"
	"default the monitor's own name). observers replaces a monitor's list. Events\n"
	"count as corroborated by distinct accounts, not by observers' names.\n\n"
	"Roles:\n"
	"  monitor     submits reports\n"
	"  analyst     correlates and verifies them\n"
	"  commander   proposes responses to breaches\n"
	"  member      a member government's representative (--member CODE): approves\n"
	"              or vetoes for that government\n"
	"  observer    reads published reports\n\n"
	"Options:\n"
	"  -d, --db STORE        the store, created by add if missing: a SQLite file\n"
	"                        (default: guarantor.db) or postgresql://USER@HOST:PORT/DB\n"
	"  -K, --audit-key FILE  add, revoke: the audit key (default: the file\n"
	"                        $GT_AUDIT_KEY names); a change needs it\n"
	"      --no-audit-key    add, revoke: write an unkeyed chain, which proves\n"
	"                        nothing (a throwaway store)\n"
	"  -r, --role ROLE       add: the user's role\n"
	"  -m, --member CODE     add: the government a member representative speaks for\n"
	"  -o, --observer TEAM   add, observers: an observer the monitor reports as;\n"
	"                        repeat for several\n"
	"  -h, --help            show this help\n\n"
	"Example: guarantor users add kyiv-3 --role monitor --observer \"team 3\" --db mission.db\n";

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
	                                         {"role", required_argument, NULL, 'r'},
	                                         {"member", required_argument, NULL, 'm'},
	                                         {"observer", required_argument, NULL, 'o'},
	                                         GT_CLI_KEY_OPTIONS,
	                                         {NULL, 0, NULL, 0}};
	struct gt_cli_key k = {0};
	const char *db = "guarantor.db", *role_text = NULL, *member = NULL;
	const char *observers[GT_OBSERVERS_MAX];
	size_t nobservers = 0;
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:r:m:o:K:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'K': k.file = optarg; break;
		case 'N': k.none = true; break;
		case 'r': role_text = optarg; break;
		case 'm': member = optarg; break;
		case 'o':
			if (nobservers == GT_OBSERVERS_MAX)
				return gt_cli_usage("users", "at most %d observers", GT_OBSERVERS_MAX);
			if (!gt_observer_name_valid(optarg))
				return gt_cli_usage("users",
				                    "--observer '%s': expected 1 to %d bytes without control "
				                    "characters or spaces at either end",
				                    optarg, GT_OBSERVER_MAX - 1);
			for (size_t i = 0; i < nobservers; i++)
				if (strcmp(observers[i], optarg) == 0)
					return gt_cli_usage("users", "--observer '%s' is given twice", optarg);
			observers[nobservers++] = optarg;
			break;
		case ':': return gt_cli_usage("users", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("users", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return gt_cli_usage("users", "expected add, observers, list or revoke");
	const char *verb = argv[optind++];
	bool add = strcmp(verb, "add") == 0, revoke = strcmp(verb, "revoke") == 0;
	bool list = strcmp(verb, "list") == 0, observe = strcmp(verb, "observers") == 0;
	if (!add && !revoke && !list && !observe)
		return gt_cli_usage("users",
		                    "unknown action '%s'; expected add, observers, list or revoke", verb);
	int want = list ? 0 : 1;
	if (argc - optind != want)
		return gt_cli_usage("users", want ? "%s needs exactly one user name"
		                                  : "%s takes no further arguments",
		                    verb);
	enum gt_role role = GT_ROLE_OBSERVER;
	if (add && (!role_text || !gt_role_parse(role_text, &role)))
		return gt_cli_usage("users", "add needs --role: monitor, analyst, commander, member or "
		                             "observer%s%s%s",
		                    role_text ? " (got '" : "", role_text ? role_text : "",
		                    role_text ? "')" : "");
	if (!add && (role_text || member))
		return gt_cli_usage("users", "--role and --member go with add");
	if (nobservers && !add && !observe)
		return gt_cli_usage("users", "--observer goes with add or observers");
	if (observe && !nobservers)
		return gt_cli_usage("users", "observers needs at least one --observer TEAM");
	if (add && nobservers && role != GT_ROLE_MONITOR)
		return gt_cli_usage("users", "only a monitor reports as observers (--role monitor)");
	struct gt_store *st;
	struct gt_err err;
	struct gt_audit_key key;
	bool have = false;
	int rc = list ? GT_EXIT_OK : gt_cli_audit_key("users", &k, true, &key, &have);
	if (rc != GT_EXIT_OK)
		return rc;
	rc = gt_cli_open_store(db, "--db", list ? GT_CLI_READ : add ? GT_CLI_CREATE : GT_CLI_WRITE,
	                       have ? &key : NULL, &st);
	gt_audit_key_wipe(&key);
	if (rc != GT_EXIT_OK)
		return rc;
	if (add) {
		char token[GT_TOKEN_MAX];
		if (gt_store_user_add(st, argv[optind], role, member, token, &err) != GT_OK ||
		    (nobservers && gt_store_user_observe(st, argv[optind], observers, nobservers,
		                                         &err) != GT_OK)) {
			rc = gt_cli_fail(&err);
		} else {
			printf("%s\n", token);
			fprintf(stderr, "guarantor: added %s (%s%s%s); the token above is shown once\n",
			        argv[optind], gt_role_name(role), member ? " for " : "",
			        member ? member : "");
		}
	} else if (observe) {
		if (gt_store_user_observe(st, argv[optind], observers, nobservers, &err) != GT_OK)
			rc = gt_cli_fail(&err);
		else
			printf("%s reports as %zu observer%s\n", argv[optind], nobservers,
			       nobservers == 1 ? "" : "s");
	} else if (revoke) {
		if (gt_store_user_revoke(st, argv[optind], &err) != GT_OK)
			rc = gt_cli_fail(&err);
		else
			printf("revoked %s\n", argv[optind]);
	} else {
		struct gt_user *u;
		size_t n;
		if (gt_store_users(st, &u, &n, &err) != GT_OK) {
			rc = gt_cli_fail(&err);
		} else {
			int wname = 24; /* names run to 63 characters */
			for (size_t i = 0; i < n; i++)
				if (gt_render_width(u[i].name) > wname)
					wname = gt_render_width(u[i].name);
			gt_render_pad(stdout, "name", wname);
			printf(" %-10s %-6s %-21s %-7s %s\n", "role", "member", "added", "token",
			       "observers");
			for (size_t i = 0; i < n; i++) {
				gt_render_pad(stdout, u[i].name, wname);
				printf(" %-10s %-6s %-21s %-7s ", gt_role_name(u[i].role),
				       u[i].member[0] ? u[i].member : "-", u[i].created,
				       u[i].revoked ? "revoked" : "live");
				char shown[GT_OBSERVERS_SHOWN];
				puts(u[i].observers[0] ? gt_observers_join(u[i].observers, shown, sizeof(shown))
				                       : "-");
			}
			free(u);
		}
	}
	gt_store_close(st);
	if (rc == GT_EXIT_OK && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
	return rc;
}

const struct gt_cmd gt_cmd_users = {
	.name = "users",
	.summary = "the monitoring service's users, roles and tokens",
	.help = help,
	.run = run,
};
