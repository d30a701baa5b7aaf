/* fuzz_batch.c: a batch upload (POST /api/v1/reports/batch), read and
 * stored item by item into a store in memory that lasts the whole run, so
 * that later inputs meet reports stored by earlier ones. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

#include "guarantor/monitor.h"

static struct gt_store *store;
static struct gt_user monitor;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	struct gt_err err;
	char token[GT_TOKEN_MAX];
	/* the seeds' observers */
	static const char *const observers[] = {"team 1", "team 2", "team 3", "x"};
	if (gt_store_open(":memory:", &store, &err) != GT_OK ||
	    gt_store_user_add(store, "fuzz", GT_ROLE_MONITOR, NULL, token, &err) != GT_OK ||
	    gt_store_user_observe(store, "fuzz", observers, 4, &err) != GT_OK ||
	    gt_store_authenticate(store, token, &monitor, &err) != GT_OK) {
		fprintf(stderr, "fuzz_batch: cannot set up the store: %s\n", err.msg);
		exit(1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the mission from 2026-01-01; now 2026-11-27T12:00Z */
	static const struct gt_report_window window = {1767225600, 1795780800};
	struct gt_batch_item *items;
	size_t n;
	struct gt_err err;
	if (gt_store_report_batch(store, &monitor, (const char *)data, size, &window, &items, &n,
	                          &err) == GT_OK)
		free(items);
	return 0;
}
