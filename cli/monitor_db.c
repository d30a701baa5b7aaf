/* monitor_db.c: opening the monitoring store for the commands that use
 * one: to read only (audit verify, daily, users list, simulate --observed),
 * or to write with the audit key (serve, users add and revoke, correlate);
 * and finding that key (docs/operations.md, "The audit key"). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

int gt_cli_audit_key(const char *cmd, const struct gt_cli_key *k, bool required,
                     struct gt_audit_key *key, bool *have)
{
	*have = false;
	const char *env = getenv("GT_AUDIT_KEY");
	const char *file = k->file ? k->file : env && *env ? env : NULL;
	if (k->file && k->none)
		return gt_cli_usage(cmd, "--audit-key and --no-audit-key go apart");
	if (k->none)
		return GT_EXIT_OK;
	if (!file) {
		if (!required)
			return GT_EXIT_OK;
		fprintf(stderr,
		        "guarantor %s: no audit key: give --audit-key FILE (guarantor audit keygen "
		        "makes one) or set GT_AUDIT_KEY; --no-audit-key writes an unkeyed chain, which "
		        "proves nothing (a throwaway store)\n",
		        cmd);
		return GT_EXIT_USAGE;
	}
	struct gt_err err;
	if (gt_audit_key_load(file, key, &err) != GT_OK) {
		if (!k->file) /* say where a file nobody named came from */
			snprintf(err.path, sizeof(err.path), "GT_AUDIT_KEY");
		return gt_cli_fail(&err);
	}
	*have = true;
	return GT_EXIT_OK;
}

int gt_cli_open_store(const char *path, const char *flag, enum gt_cli_access mode,
                      const struct gt_audit_key *key, struct gt_store **out)
{
	struct gt_err err;
	*out = NULL;
	/* anything like a PostgreSQL address (a URL, in any case, or libpq's
	 * key=value settings) is the library's to accept or refuse, without
	 * echoing it: it may hold a password */
	bool url = strncasecmp(path, "postgres", 8) == 0 || strchr(path, '=') != NULL;
	if (mode != GT_CLI_CREATE && !url && access(path, F_OK) != 0) {
		fprintf(stderr,
		        "guarantor: %s: no such store; give %s the file guarantor serve uses\n",
		        path, flag);
		return GT_EXIT_USAGE;
	}
	struct gt_store_options o = {.audit_key = key, .read_only = mode == GT_CLI_READ};
	if (gt_store_open_with(path, &o, out, &err) != GT_OK)
		return gt_cli_fail(&err);
	if (mode != GT_CLI_READ && !key)
		fprintf(stderr, "guarantor: warning: %s: writing without an audit key "
		                "(--no-audit-key): the chain proves nothing against anyone who can "
		                "write the store\n",
		        gt_store_name(*out));
	return GT_EXIT_OK;
}
