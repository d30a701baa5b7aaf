/* fuzz_geojson.c: a theatre's GeoJSON (the scenario's geometry): parsing,
 * then the checks of its outlines, line of contact and places. */
#include "fuzz.h"

#include "guarantor/scenario.h"
#include "scenario/scenario_priv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gt_theatre th;
	struct gt_err err;
	memset(&th, 0, sizeof(th));
	enum gt_status st = gt__geojson_load((const char *)data, size, "fuzz.geojson", &th, &err);
	(void)st; /* accepted or refused, either is fine; a crash is not */
	gt__theatre_fini(&th);
	return 0;
}
