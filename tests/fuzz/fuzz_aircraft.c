/* fuzz_aircraft.c: an aircraft catalogue CSV (a scenario's theatre.aircraft). */
#include "fuzz.h"

#include "guarantor/air.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gt_aircraft_catalogue *c;
	struct gt_err err;
	if (gt_aircraft_load_text((const char *)data, size, "fuzz.csv", &c, &err) == GT_OK)
		gt_aircraft_free(c);
	return 0;
}
