/* fuzz_report.c: a report's JSON, as POST /api/v1/reports takes it
 * (gt_report_parse), at a fixed "now" so that a run reproduces. */
#include "fuzz.h"

#include "guarantor/monitor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the mission from 2026-01-01; now 2026-11-27T12:00Z */
	static const struct gt_report_window window = {1767225600, 1795780800};
	struct gt_report r;
	struct gt_err err;
	enum gt_status st =
		gt_report_parse((const char *)data, size, &window, &r, &err);
	(void)st; /* accepted or refused, either is fine; a crash is not */
	return 0;
}
