/* monitor_db.c: opening the monitoring store for the commands that read
 * one that must already exist (audit, daily, correlate): a missing file is
 * an error, not a new empty store. */
#include "cli.h"

#include <string.h>
#include <unistd.h>

int gt_cli_open_store(const char *path, const char *flag, struct gt_store **out)
{
	struct gt_err err;
	*out = NULL;
	bool url = strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0;
	if (!url && access(path, F_OK) != 0) {
		fprintf(stderr,
		        "guarantor: %s: no such store; give %s the file guarantor serve uses\n",
		        path, flag);
		return GT_EXIT_USAGE;
	}
	if (gt_store_open(path, out, &err) != GT_OK)
		return gt_cli_fail(&err);
	return GT_EXIT_OK;
}
