/* test_deny_flight.c: the air umbrella's station model against a
 * historical no-fly zone (docs/validation.md, "The air umbrella against
 * Deny Flight"). NATO held fighter patrols over Bosnia around the clock
 * from April 1993 to December 1995, mostly from Italian bases with tanker
 * support: more than 23,000 fighter sorties in 983 days, 23.4 a day; 30
 * land-based air-to-air fighters deployed at the start (12 F-15C at Aviano,
 * 8 Dutch F-16s at Villafranca, 10 French Mirage 2000Cs at Cervia), 42 with
 * the carrier's F/A-18s. The model, with the built-in F-16C catalogue entry
 * flying 2-ship stations over central Bosnia from Aviano with refuelling,
 * must reproduce both: the published sortie rate with a whole number of
 * stations, and the fighters that rate needs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "guarantor/air.h"

static void deny_flight(void **state)
{
	(void)state;
	size_t len;
	const char *csv = gt_aircraft_builtin_csv(&len);
	struct gt_aircraft_catalogue *cat;
	struct gt_err err;
	assert_int_equal(gt_aircraft_load_text(csv, len, "aircraft.csv", &cat, &err), GT_OK);
	const struct gt_aircraft *f16 = gt_aircraft_find(cat, "F-16C");
	assert_non_null(f16);
	/* Aviano AB, and the middle of Bosnia and Herzegovina */
	struct gt_point aviano = {12.5965, 46.0319}, bosnia = {17.79, 44.17};
	double km = gt_geo_distance_km(aviano, bosnia);
	/* "about 30 minutes" from Aviano to Bosnia for an F-16 (af.mil) */
	double transit_min = km / (f16->cruise_kt * 1.852) * 60;
	if (transit_min < 20 || transit_min > 40)
		fail_msg("Aviano to central Bosnia: %.0f min; the USAF says about 30", transit_min);
	struct gt_air_station_need st;
	assert_int_equal(gt_air_station(f16, km, 2, true, 0, &st, &err), GT_OK);
	double published_sorties = 23000.0 / 983.0;
	double stations = round(published_sorties / st.sorties_per_day);
	double sorties = stations * st.sorties_per_day;
	if (stations != 2 || fabs(sorties / published_sorties - 1) > 0.10)
		fail_msg("%.0f stations fly %.1f sorties a day; Deny Flight flew %.1f", stations,
		         sorties, published_sorties);
	double fighters = stations * st.aircraft;
	if (fabs(fighters / 30.0 - 1) > 0.25)
		fail_msg("%.1f fighters for %.0f stations; NATO deployed 30 land-based air-to-air "
		         "fighters (42 with the carrier's)",
		         fighters, stations);
	/* without the sustained sortie rate the model would need a third of them */
	if (!(stations * st.aircraft_cycle < 0.5 * fighters))
		fail_msg("the cycle alone asks %.1f fighters", stations * st.aircraft_cycle);
	print_message("Deny Flight: %.0f km, %.0f min transit; %.0f stations, %.1f sorties a day "
	              "(published %.1f); %.1f fighters (published 30-42; %.1f by the cycle alone)\n",
	              km, transit_min, stations, sorties, published_sorties, fighters,
	              stations * st.aircraft_cycle);
	gt_aircraft_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(deny_flight)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
