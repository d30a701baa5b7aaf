/* fuzz_scenario.c: a scenario's YAML (gt_scenario_load_text), every
 * section and field. Relative paths resolve in a folder that does not
 * exist; inputs naming devices or the kernel's files are skipped, as they
 * are not text a scenario parser is given. */
#include "fuzz.h"

#include "guarantor/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (gt_fuzz_contains(data, size, "/dev") || gt_fuzz_contains(data, size, "/proc") ||
	    gt_fuzz_contains(data, size, "/sys"))
		return 0;
	struct gt_scenario *sc;
	struct gt_err err;
	if (gt_scenario_load_text((const char *)data, size, "fuzz.yaml", "/nonexistent-fuzz", &sc,
	                          &err) == GT_OK)
		gt_scenario_free(sc);
	return 0;
}
