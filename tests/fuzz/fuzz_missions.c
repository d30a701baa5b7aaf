/* fuzz_missions.c: a missions CSV (guarantor validate FILE). */
#include "fuzz.h"

#include "guarantor/missions.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gt_missions *m;
	struct gt_err err;
	if (gt_missions_load_text((const char *)data, size, "fuzz.csv", &m, &err) == GT_OK)
		gt_missions_free(m);
	return 0;
}
