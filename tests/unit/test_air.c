/* test_air.c: the aircraft catalogue reader, and the station formula on
 * hand-computed cases, one of them the worked example of RAND's sortie-rate
 * model in shared/research/simulation-air-sources.md (B6). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include <stdio.h>
#include <stdlib.h>

#include "guarantor/air.h"
#include "guarantor/render.h"
#include "testutil.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#define HEADER                                                                             \
	"type,role,cruise_kt,endurance_h,endurance_aar_h,mc_rate,turnaround_h,sustained_sorties," \
	"crew,crew_ratio," \
	"personnel_per_aircraft,radar_km,fuel_flow_kg_h,offload_t_at_1000nm,source,notes\n"

/* B6 parameters: 500 kt, 2.5 h unrefuelled, 5 h refuelled, 3 h turnaround,
 * MC 0.70; a fuel flow of 3,000 kg/h and a tanker offloading 55 t for the
 * tanker case. */
static const char catalogue[] = HEADER
	"Test fighter,fighter,500,2.5,5,0.7,3,5,1,1.5,28,,3000,,https://example.org,\n"
	"Test AEW,aew,450,9,,0.6,4,5,16,2,60,400,,,https://example.org,\n"
	"Test tanker,tanker,460,8,,0.8,4,5,3,2,40,,,55,https://example.org,\n";

static struct gt_aircraft_catalogue *load(void)
{
	struct gt_aircraft_catalogue *cat;
	struct gt_err err;
	assert_int_equal(gt_aircraft_load_text(catalogue, strlen(catalogue), "a.csv", &cat, &err), GT_OK);
	return cat;
}

/* Rzeszow to Kyiv, 341 nmi = 631.53 km. Transit 631.53 / (500 x 1.852) =
 * 0.682 h; on station 2.5 - 1.364 = 1.136 h; sorties 2 x 24 / 1.136 =
 * 42.25; aircraft 2 x (2.5 + 3) / 1.136 / 0.7 = 13.83 (B6: 42.3 and 13.8).
 * With refuelling: on station 5 - 1.364 = 3.636 h; sorties 13.20; aircraft
 * 2 x 8 / 3.636 / 0.7 = 6.29 (B6: 13.2 and 6.3). */
static void rand_worked_example(void **state)
{
	(void)state;
	struct gt_aircraft_catalogue *cat = load();
	const struct gt_aircraft *f = gt_aircraft_find(cat, "Test fighter");
	struct gt_air_station_need n;
	struct gt_err err;
	double km = 341 * 1.852;
	assert_int_equal(gt_air_station(f, km, 2, false, 0, &n, &err), GT_OK);
	assert_true(fabs(n.transit_h - 0.682) < 1e-3);
	assert_true(fabs(n.on_station_h - 1.136) < 1e-3);
	assert_true(fabs(n.sorties_per_day - 42.25) < 0.05);
	assert_true(fabs(n.aircraft - 13.83) < 0.01);
	assert_int_equal(n.aircraft_whole, 14);
	assert_int_equal(n.crews, 21);      /* 14 x 1 x 1.5 */
	assert_int_equal(n.personnel, 392); /* 14 x 28 */
	assert_true(n.fuel_t_per_day == 0);
	assert_int_equal(gt_air_station(f, km, 2, true, 0, &n, &err), GT_OK);
	assert_true(fabs(n.sorties_per_day - 13.20) < 0.01);
	assert_true(fabs(n.aircraft - 6.29) < 0.01);
	/* (A9) extra fuel: 13.20 sorties x 3 t/h x (5 - 2.5) h = 99.0 t a day;
	 * (A10) tankers: 99.0 / 55 = 1.80 sorties x (8 + 4) h / 24 / 0.8 = 1.125 */
	assert_true(fabs(n.fuel_t_per_day - 99.0) < 0.1);
	double tankers;
	assert_int_equal(gt_air_tankers(gt_aircraft_find(cat, "Test tanker"), n.fuel_t_per_day,
	                                 &tankers, &err),
	                 GT_OK);
	assert_true(fabs(tankers - 1.125) < 0.002);
	gt_aircraft_free(cat);
}

static void out_of_reach(void **state)
{
	(void)state;
	struct gt_aircraft_catalogue *cat = load();
	const struct gt_aircraft *f = gt_aircraft_find(cat, "Test fighter");
	struct gt_air_station_need n;
	struct gt_err err;
	/* 2.5 h cannot cover 2 x 1,200 km at 926 km/h = 2.59 h */
	assert_int_equal(gt_air_station(f, 1200, 2, false, 0, &n, &err), GT_E_RANGE);
	assert_string_equal(err.msg, "a 2.5 h sortie cannot reach a station 1200 km away and "
	                             "return (2.6 h of transit); expected a closer base or "
	                             "air-to-air refuelling");
	assert_int_equal(gt_air_station(gt_aircraft_find(cat, "Test AEW"), 100, 1, true, 0, &n, &err),
	                 GT_E_USAGE);
	/* an AEW orbit 300 km out: 300 / 833.4 = 0.36 h each way; on station
	 * 9 - 0.72 - 1 (reserve) = 7.28 h; aircraft 1 x 13 / 7.28 / 0.6 = 2.98 */
	assert_int_equal(gt_air_station(gt_aircraft_find(cat, "Test AEW"), 300, 1, false, 1, &n, &err),
	                 GT_OK);
	assert_true(fabs(n.aircraft - 2.976) < 0.002);
	gt_aircraft_free(cat);
}

static const char *load_error(const char *csv)
{
	static char buf[800];
	struct gt_aircraft_catalogue *cat = NULL;
	struct gt_err err;
	assert_int_not_equal(gt_aircraft_load_text(csv, strlen(csv), "a.csv", &cat, &err), GT_OK);
	assert_null(cat);
	return gt_err_format(&err, buf, sizeof(buf));
}

static void catalogue_errors(void **state)
{
	(void)state;
	assert_string_equal(load_error(HEADER "X,bomber,500,2.5,,0.7,3,0.8,1,1.5,28,,,,s,\n"),
	                    "a.csv:2: row 2, column 'role': 'bomber'; expected fighter, aew or tanker");
	assert_string_equal(load_error(HEADER "X,fighter,500,2.5,,1.7,3,0.8,1,1.5,28,,,,s,\n"),
	                    "a.csv:2: row 2, column 'mc_rate': '1.7'; expected a number from 0.01 to 1");
	assert_string_equal(load_error(HEADER "X,aew,500,9,,0.7,3,0.8,1,1.5,28,,,,s,\n"),
	                    "a.csv:2: row 2, column 'radar_km': empty, but an AEW aircraft needs its "
	                    "radar range");
	assert_string_equal(load_error(HEADER "X,fighter,500,2.5,2,0.7,3,0.8,1,1.5,28,,,,s,\n"),
	                    "a.csv:2: row 2, column 'endurance_aar_h': 2 h is shorter than the "
	                    "unrefuelled 2.5 h");
	assert_string_equal(load_error(HEADER "X,fighter,500,2.5,,0.7,3,0.8,1,1.5,28,,,,s,\n"
	                                      "X,fighter,500,2.5,,0.7,3,0.8,1,1.5,28,,,,s,\n"),
	                    "a.csv:3: row 3: aircraft type 'X' appears twice");
	assert_string_equal(load_error(HEADER "X,fighter,500,2.5,,0.7,3,,1,1.5,28,,,,s,\n"),
	                    "a.csv:2: row 2, column 'sustained_sorties': empty; expected a number from "
	                    "0.05 to 10");
	assert_string_equal(load_error("type,role\nX,fighter\n"),
	                    "a.csv:1: row 1: missing column 'cruise_kt'");
}

static void builtin_catalogue(void **state)
{
	(void)state;
	size_t len;
	const char *csv = gt_aircraft_builtin_csv(&len);
	struct gt_aircraft_catalogue *cat;
	struct gt_err err;
	assert_int_equal(gt_aircraft_load_text(csv, len, "aircraft.csv", &cat, &err), GT_OK);
	assert_true(cat->n >= 9);
	const char *types[] = {"F-16C", "F-35A", "Rafale", "Typhoon", "Gripen C", "E-3A", "E-7",
	                       "A330 MRTT", "KC-135R"};
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!gt_aircraft_find(cat, types[i]))
			fail_msg("no %s in data/aircraft.csv", types[i]);
	gt_aircraft_free(cat);
}

/* The mini theatre: Alpha (100,000 people, 55 km from the line) and Beta
 * (no population given, 65 km); one air base, Base One, at [2.5, 0.5].
 * With a 50 km standoff the one station goes over Alpha, held from Base
 * One, 2 degrees of longitude at latitude 0.5 = 222.6 km away: F-16C
 * (catalogue: 500 kt, 2.5 h, 3 h turnaround, MC 0.72) transit 0.2404 h,
 * on station 2.5 - 0.481 = 2.019 h, 2 x 24 / 2.019 = 23.77 sorties a day;
 * by the cycle 2 x 5.5 / 2.019 / 0.72 = 7.57 aircraft, but at 0.8 sustained
 * sorties per aircraft a day 23.77 / 0.8 = 29.7 -> 30. The AEW orbit sits
 * over Base One itself. */
static void plan_placement(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof(path), "%s/mini.yaml", GT_TEST_DATA);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char yaml[8192];
	size_t n = fread(yaml, 1, sizeof(yaml) - 1, f);
	fclose(f);
	yaml[n] = '\0';
	static const char orig[] = "air: {patrol_stations: 2, aew_orbits: 1, standoff_km: 50}";
	char *at = strstr(yaml, orig);
	assert_non_null(at);
	char edited[8400];
	snprintf(edited, sizeof(edited), "%.*sair: {patrol_stations: 1, aew_orbits: 1, standoff_km: 50}%s",
	         (int)(at - yaml), yaml, at + strlen(orig));
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_text(edited, strlen(edited), "mini.yaml", GT_TEST_DATA, &s,
	                                       &err),
	                 GT_OK);
	size_t len;
	const char *csv = gt_aircraft_builtin_csv(&len);
	struct gt_aircraft_catalogue *cat;
	assert_int_equal(gt_aircraft_load_text(csv, len, "aircraft.csv", &cat, &err), GT_OK);
	struct gt_air_plan *plan;
	assert_int_equal(gt_air_plan_option(s, 0, cat, &plan, &err), GT_OK);
	assert_int_equal(plan->nposts, 2);
	assert_string_equal(plan->posts[0].name, "CAP Alpha");
	assert_string_equal(plan->posts[0].base->name, "Base One");
	assert_true(fabs(plan->posts[0].need.distance_km - 222.6) < 0.2);
	assert_true(fabs(plan->posts[0].need.aircraft_cycle - 7.57) < 0.01);
	assert_true(fabs(plan->posts[0].need.aircraft_sustain - 29.71) < 0.01);
	assert_true(plan->posts[0].need.aircraft == plan->posts[0].need.aircraft_sustain);
	assert_int_equal(plan->fighters, 30);
	assert_string_equal(plan->posts[1].name, "AEW Base One");
	assert_true(plan->posts[1].need.distance_km == 0);
	assert_int_equal(plan->tankers, 0);
	gt_air_plan_free(plan);
	gt_scenario_free(s);
	/* 2 stations with the default 100 km standoff: no city qualifies, so
	 * they go to the open ground held (the north) 100 to 250 km from the
	 * line, behind Alpha first, at least 100 km apart */
	snprintf(edited, sizeof(edited), "%.*sair: {patrol_stations: 2, aew_orbits: 1}%s",
	         (int)(at - yaml), yaml, at + strlen(orig));
	assert_int_equal(gt_scenario_load_text(edited, strlen(edited), "mini.yaml", GT_TEST_DATA, &s,
	                                       &err),
	                 GT_OK);
	assert_int_equal(gt_air_plan_option(s, 0, cat, &plan, &err), GT_OK);
	assert_int_equal(plan->nposts, 3);
	for (size_t k = 0; k < 2; k++) {
		const struct gt_air_post *p = &plan->posts[k];
		assert_true(gt_theatre_line_distance_km(&s->theatre, p->at, NULL) >= 100);
		assert_true(p->at.lat > 0); /* held: north of the line */
		assert_non_null(strstr(p->name, " km "));
		assert_non_null(strstr(p->name, " of "));
		assert_int_equal(p->flags & GT_AIR_INSIDE_AIR_DEFENCES, 0);
	}
	assert_true(gt_geo_distance_km(plan->posts[0].at, plan->posts[1].at) >= 100);
	/* behind Alpha: the nearest point out of reach */
	assert_true(gt_geo_distance_km(plan->posts[0].at, (struct gt_point){0.5, 0.5}) < 60);
	gt_air_plan_free(plan);
	gt_scenario_free(s);
	/* 5 do not fit 100 km apart on a strip 222 km long */
	snprintf(edited, sizeof(edited), "%.*sair: {patrol_stations: 5, aew_orbits: 1}%s",
	         (int)(at - yaml), yaml, at + strlen(orig));
	assert_int_equal(gt_scenario_load_text(edited, strlen(edited), "mini.yaml", GT_TEST_DATA, &s,
	                                       &err),
	                 GT_OK);
	assert_int_equal(gt_air_plan_option(s, 0, cat, &plan, &err), GT_E_RANGE);
	assert_string_equal(err.path, "options[0].air.patrol_stations");
	assert_string_equal(err.msg, "5 patrol stations, but only 2 fit on the ground the defender "
	                             "holds 100 km apart, even with no stand-off from the lines (the "
	                             "default stand-off is 100 km); lower air.patrol_stations or "
	                             "doctrine.air.station_spacing_km, or place the stations with "
	                             "air.stations");
	gt_aircraft_free(cat);
	gt_scenario_free(s);
}

/* An AEW orbit watches from next to the ground held, not from a far third
 * country: in the DMZ test theatre with only the allied bases in Japan,
 * the orbit moves from over Iwakuni (about 300 km off) to the nearest held
 * ground out of reach, and is held from Iwakuni. */
static void orbits_stay_near_the_ground_held(void **state)
{
	(void)state;
	char *yaml = tu_read("dmz.yaml");
	char *allied = tu_replace(yaml, "in_country_bases: true", "in_country_bases: false");
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_text(allied, strlen(allied), "dmz.yaml", GT_TEST_DATA, &s,
	                                       &err),
	                 GT_OK);
	struct gt_air_plan *plan;
	assert_int_equal(gt_air_plan_option(s, 0, s->theatre.aircraft, &plan, &err), GT_OK);
	struct gt_geo_region *held;
	assert_int_equal(gt_geo_region_new(&s->theatre.held, &held), GT_OK);
	size_t orbits = 0;
	for (size_t k = 0; k < plan->nposts; k++) {
		const struct gt_air_post *p = &plan->posts[k];
		assert_string_equal(p->base->country, "JP"); /* no in-country base */
		if (!p->aew)
			continue;
		orbits++;
		assert_string_equal(p->base->name, "Iwakuni");
		assert_true(gt_geo_region_contains(held, p->at));
		assert_true(gt_theatre_line_distance_km(&s->theatre, p->at, NULL) >= gt_air_safe_km(s, NULL));
		assert_true(p->need.distance_km > 250); /* a transit, not an orbit over the base */
	}
	assert_int_equal(orbits, 1);
	gt_geo_region_free(held);
	gt_air_plan_free(plan);
	gt_scenario_free(s);
	/* with the theatre's own bases allowed, a Korean base holds it */
	assert_int_equal(gt_scenario_load_text(yaml, strlen(yaml), "dmz.yaml", GT_TEST_DATA, &s, &err),
	                 GT_OK);
	assert_int_equal(gt_air_plan_option(s, 0, s->theatre.aircraft, &plan, &err), GT_OK);
	for (size_t k = 0; k < plan->nposts; k++)
		assert_string_equal(plan->posts[k].base->country, "KR");
	gt_air_plan_free(plan);
	gt_scenario_free(s);
	free(allied);
	free(yaml);
}

static struct gt_scenario *builtin(void);

/* Default stations keep out of the air defences' reach and its margin;
 * stations placed there by hand are flagged, and so are stations with
 * little time on station or needing much of the coalition's fleet. */
static void stations_respect_air_defences(void **state)
{
	(void)state;
	struct gt_scenario *s = builtin();
	struct gt_err err;
	const struct gt_doctrine *d = &s->doctrine;
	double safe = d->sam_range_km + d->sam_margin_km;
	assert_true(gt_air_safe_km(s, NULL) == safe);
	for (size_t o = 0; o < s->noptions; o++) {
		if (s->options[o].patrol_stations == 0)
			continue;
		struct gt_air_plan *plan;
		struct gt_air_assessment *a;
		struct gt_air_params p = gt_air_params_of(s, 10);
		assert_int_equal(gt_air_plan_option(s, o, s->theatre.aircraft, &plan, &err), GT_OK);
		assert_int_equal(gt_air_assess(s, plan, &p, &a, &err), GT_OK);
		for (size_t k = 0; k < plan->nposts; k++) {
			const struct gt_air_post *post = &plan->posts[k];
			/* no default station or orbit over the ground the adversary holds */
			assert_int_equal(post->flags & GT_AIR_OVER_OCCUPIED, 0);
			if (post->aew)
				continue;
			assert_true(gt_theatre_line_distance_km(&s->theatre, post->at, NULL) >= safe);
			assert_int_equal(post->flags & GT_AIR_INSIDE_AIR_DEFENCES, 0);
			if (!(a->post_exposure[k] <= 0.05))
				fail_msg("%s: %s exposed %.3f", s->options[o].name, post->name,
				         a->post_exposure[k]);
		}
		gt_air_assessment_free(a);
		gt_air_plan_free(plan);
	}
	/* an unrefuelled F-16C from Rzeszów to Kharkiv: in reach, 0.3 h on
	 * station, 197 aircraft, more than half the 48 fighters the coalition
	 * offers */
	const struct gt_aircraft *f16 = gt_aircraft_find(s->theatre.aircraft, "F-16C");
	struct gt_point kharkiv = {36.2304, 49.9935}, rzeszow = {22.0190, 50.1100};
	struct gt_air_station_need n;
	assert_int_equal(gt_air_station(f16, gt_geo_distance_km(rzeszow, kharkiv), 2, false, 0, &n,
	                                &err),
	                 GT_OK);
	assert_int_equal(gt_air_flags(s, NULL, f16, kharkiv, &n), GT_AIR_INSIDE_AIR_DEFENCES |
	                                                        GT_AIR_SHORT_ON_STATION |
	                                                        GT_AIR_LARGE_FLEET_SHARE);
	/* Lviv, refuelled from Rzeszów: nothing to flag */
	struct gt_point lviv = {24.0316, 49.8419};
	assert_int_equal(gt_air_station(f16, gt_geo_distance_km(rzeszow, lviv), 2, true, 0, &n,
	                                &err),
	                 GT_OK);
	assert_int_equal(gt_air_flags(s, NULL, f16, lviv, &n), 0);
	assert_string_equal(gt_air_flag_name(GT_AIR_SHORT_ON_STATION), "short_on_station");
	assert_null(gt_air_flag_name(3));
	gt_scenario_free(s);
}

/* A theatre where no ground held lies 250 km from a line (twolines.yaml):
 * the default stand-off is lowered, in 10 km steps, to the largest at which
 * the stations fit, and every station keeps it, over ground held; a
 * stand-off the option sets is never lowered: too few fit, and the error
 * names that field. */
static void standoff_fits_the_theatre(void **state)
{
	(void)state;
	char path[512];
	snprintf(path, sizeof(path), "%s/twolines.yaml", GT_TEST_DATA);
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_file(path, &s, &err), GT_OK);
	struct gt_air_plan *plan;
	assert_int_equal(gt_air_plan_option(s, 1, s->theatre.aircraft, &plan, &err), GT_OK);
	assert_true(plan->standoff_wanted_km == 250);
	assert_true(plan->standoff_km < 250 && plan->standoff_km > 0);
	assert_true(fmod(plan->standoff_km, 10) == 0);
	struct gt_geo_region *occupied;
	assert_int_equal(gt_geo_region_new(&s->theatre.occupied, &occupied), GT_OK);
	size_t stations = 0;
	for (size_t k = 0; k < plan->nposts; k++) {
		const struct gt_air_post *post = &plan->posts[k];
		assert_false(gt_geo_region_contains(occupied, post->at));
		assert_int_equal(post->flags & GT_AIR_OVER_OCCUPIED, 0);
		if (post->aew)
			continue;
		stations++;
		assert_true(gt_theatre_line_distance_km(&s->theatre, post->at, NULL) >=
		            plan->standoff_km);
		/* inside the reach the default asked to keep out of: said so */
		assert_true(post->flags & GT_AIR_INSIDE_AIR_DEFENCES);
	}
	assert_int_equal(stations, 2);
	gt_air_plan_free(plan);
	gt_geo_region_free(occupied);
	assert_int_equal(gt_air_plan_option(s, 2, s->theatre.aircraft, &plan, &err), GT_E_RANGE);
	assert_string_equal(err.path, "options[2].air.standoff_km");
	assert_non_null(strstr(err.msg, "150 km or more from the nearest line (the stand-off this "
	                                "option sets)"));
	gt_scenario_free(s);
}

/* Stations the scenario places where defaults never go are flagged: over
 * the northern breakaway region's capital (ground the adversary holds, on
 * the line) and over the capital, 83 km from the line, both inside the
 * option's own 150 km stand-off. */
static void given_stations_flagged(void **state)
{
	(void)state;
	char *yaml = tu_read("twolines.yaml");
	char *edited = tu_replace(yaml, "air: {patrol_stations: 3, aew_orbits: 1, standoff_km: 150}",
	                          "air: {stations: [{at: Breakaway capital N}, {at: Capital}], "
	                          "standoff_km: 150}");
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_text(edited, strlen(edited), "twolines.yaml", GT_TEST_DATA,
	                                       &s, &err),
	                 GT_OK);
	struct gt_air_plan *plan;
	assert_int_equal(gt_air_plan_option(s, 2, s->theatre.aircraft, &plan, &err), GT_OK);
	assert_int_equal(plan->nposts, 2);
	assert_true(plan->posts[0].flags & GT_AIR_OVER_OCCUPIED);
	assert_true(plan->posts[0].flags & GT_AIR_INSIDE_STANDOFF);
	assert_int_equal(plan->posts[1].flags & GT_AIR_OVER_OCCUPIED, 0);
	assert_true(plan->posts[1].flags & GT_AIR_INSIDE_STANDOFF);
	assert_string_equal(gt_air_flag_name(GT_AIR_OVER_OCCUPIED), "over_occupied_ground");
	assert_string_equal(gt_air_flag_name(GT_AIR_INSIDE_STANDOFF), "inside_standoff");
	gt_air_plan_free(plan);
	gt_scenario_free(s);
	free(edited);
	free(yaml);
}

/* Stations and orbits the scenario places: a station at [1.0, 0.5] held
 * from Base One [2.5, 0.5], 1.5 degrees of longitude at latitude 0.5 =
 * 166.96 km; an orbit at [2.0, 0.0] from the nearest allied base, Base One,
 * 78.45 km away on the ellipsoid (half a degree of latitude is 55.29 km, of
 * longitude 55.66 km); each sized as gt_air_station sizes it. */
static void given_stations(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof(path), "%s/mini.yaml", GT_TEST_DATA);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char yaml[8192], edited[8400];
	size_t n = fread(yaml, 1, sizeof(yaml) - 1, f);
	fclose(f);
	yaml[n] = '\0';
	static const char orig[] = "air: {patrol_stations: 2, aew_orbits: 1, standoff_km: 50}";
	char *at = strstr(yaml, orig);
	assert_non_null(at);
	snprintf(edited, sizeof(edited),
	         "%.*sair: {stations: [{at: [1.0, 0.5], base: Base One}], orbits: [{at: [2, 0]}]}%s",
	         (int)(at - yaml), yaml, at + strlen(orig));
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_text(edited, strlen(edited), "mini.yaml", GT_TEST_DATA, &s,
	                                       &err),
	                 GT_OK);
	assert_int_equal(s->options[0].patrol_stations, 1);
	assert_int_equal(s->options[0].aew_orbits, 1);
	size_t len;
	const char *csv = gt_aircraft_builtin_csv(&len);
	struct gt_aircraft_catalogue *cat;
	assert_int_equal(gt_aircraft_load_text(csv, len, "aircraft.csv", &cat, &err), GT_OK);
	struct gt_air_plan *plan;
	assert_int_equal(gt_air_plan_option(s, 0, cat, &plan, &err), GT_OK);
	assert_int_equal(plan->nposts, 2);
	assert_string_equal(plan->posts[0].name, "CAP 1.00E 0.50N");
	assert_string_equal(plan->posts[0].base->name, "Base One");
	assert_true(fabs(plan->posts[0].need.distance_km - 166.96) < 0.05);
	assert_string_equal(plan->posts[1].name, "AEW 2.00E 0.00N");
	assert_true(fabs(plan->posts[1].need.distance_km - 78.45) < 0.1);
	struct gt_air_station_need want;
	assert_int_equal(gt_air_station(gt_aircraft_find(cat, "E-3A"), plan->posts[1].need.distance_km,
	                                1, false, 0, &want, &err),
	                 GT_OK);
	assert_int_equal(plan->aew_aircraft, want.aircraft_whole);
	gt_air_plan_free(plan);
	gt_scenario_free(s);
	gt_aircraft_free(cat);
}

/* (C1) on a 4/3 earth of 4/3 x 6,371.0088 km: sqrt(2 x 8,494.678 x 9.150)
 * = 394.28 km for the E-3A's 9,150 m, sqrt(2 x 8,494.678 x 0.050) = 29.15
 * km for a 50 m target; the research note's "4.12 (sqrt h_r + sqrt h_t)". */
static void radar_horizon(void **state)
{
	(void)state;
	assert_true(fabs(gt_air_radar_horizon_km(9150, 50) - 423.43) < 0.01);
	assert_true(fabs(gt_air_radar_horizon_km(9150, 0) - 394.28) < 0.01);
	double rule = 4.12 * (sqrt(30.0) + sqrt(100.0));
	assert_true(fabs(gt_air_radar_horizon_km(30, 100) - rule) < 0.01 * rule);
}

static struct gt_scenario *builtin(void)
{
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&s, &err), GT_OK);
	return s;
}

static const struct gt_place *place(const struct gt_scenario *s, const char *name)
{
	for (size_t i = 0; i < s->theatre.nplaces; i++)
		if (strcmp(s->theatre.places[i].name, name) == 0)
			return &s->theatre.places[i];
	fail_msg("no place %s", name);
	return NULL;
}

/* The minutes the field gives at the cell holding p. */
static double minutes_at(const struct gt_air_reaction *re, struct gt_point p)
{
	double x, y;
	gt_geo_project(re->grid.pj, p, &x, &y);
	size_t i = (size_t)floor((x - re->grid.x0) / re->grid.res_km);
	size_t j = (size_t)floor((y - re->grid.y0) / re->grid.res_km);
	assert_true(i < re->grid.nx && j < re->grid.ny);
	return re->minutes[j * re->grid.nx + i];
}

/* One 2-ship station over Kyiv held from Rzeszow-Jasionka, assessed by
 * hand: the reaction time to each city is the nearer of the patrol
 * (geodesic distance from Kyiv at 500 kt = 15.43 km a minute) and the
 * alert pair at the base (15 minutes, then from Rzeszow); the field is
 * planar in an equal-area projection, so it must agree with the geodesic
 * figures to 1% plus the half-diagonal of a 2 km cell (0.09 min). */
static void reaction_to_cities(void **state)
{
	(void)state;
	struct gt_scenario *s = builtin();
	size_t len;
	const char *csv = gt_aircraft_builtin_csv(&len);
	struct gt_aircraft_catalogue *cat;
	struct gt_err err;
	assert_int_equal(gt_aircraft_load_text(csv, len, "aircraft.csv", &cat, &err), GT_OK);
	const struct gt_aircraft *f16 = gt_aircraft_find(cat, "F-16C");
	const struct gt_place *kyiv = place(s, "Kyiv"), *base = place(s, "Rzeszów-Jasionka");
	struct gt_air_post post = {.name = "CAP Kyiv", .at = kyiv->at, .base = base,
	                           .aircraft = f16};
	assert_int_equal(gt_air_station(f16, gt_geo_distance_km(base->at, kyiv->at), 2, false, 0,
	                                &post.need, &err),
	                 GT_OK);
	struct gt_air_plan plan = {.option = &s->options[0], .posts = &post, .nposts = 1,
	                           .fighter = f16, .fighters = post.need.aircraft_whole};
	struct gt_air_params p = gt_air_params_of(s, 2.0);
	struct gt_air_assessment *a;
	assert_int_equal(gt_air_assess(s, &plan, &p, &a, &err), GT_OK);
	assert_int_equal(a->reaction.nsources, 2);
	double v = 500 * 1.852 / 60;
	static const char *const cities[] = {"Kyiv", "Lviv", "Odesa", "Kharkiv", "Chernihiv"};
	for (size_t i = 0; i < sizeof(cities) / sizeof(cities[0]); i++) {
		struct gt_point c = place(s, cities[i])->at;
		double want = fmin(gt_geo_distance_km(kyiv->at, c) / v,
		                   15 + gt_geo_distance_km(base->at, c) / v);
		double got = minutes_at(&a->reaction, c);
		if (fabs(got - want) > 0.01 * want + 0.1)
			fail_msg("%s: %.2f min, want %.2f", cities[i], got, want);
	}
	/* Lviv is nearer the alert pair than the patrol: 15 + 147/15.43 */
	assert_true(minutes_at(&a->reaction, place(s, "Lviv")->at) < 25.0);
	/* shares are monotone and the median lies between best and worst */
	assert_true(a->reaction.within[0] <= a->reaction.within[1] &&
	            a->reaction.within[1] <= a->reaction.within[2]);
	assert_true(a->reaction.median_min > 0 && a->reaction.median_min < a->reaction.max_min);
	/* no AEW orbit and no ground radar: nothing covered */
	assert_int_equal(a->low.nradars, 0);
	assert_true(a->low.share == 0);
	/* exposure: Kyiv lies more than 200 km from the line, and so does the
	 * whole leg from Rzeszow; with a 500 km reach the station is exposed */
	assert_true(a->exposure.share == 0);
	gt_air_assessment_free(a);
	p.sam_range_km = 500;
	assert_int_equal(gt_air_assess(s, &plan, &p, &a, &err), GT_OK);
	double leg = 2 * post.need.transit_h, on = post.need.on_station_h;
	assert_true(a->post_exposure[0] >= on / (leg + on) - 1e-9);
	assert_true(a->post_exposure[0] < 1);
	assert_true(fabs(a->exposure.airborne_h_per_day - (leg + on) * post.need.sorties_per_day) <
	            1e-9);
	gt_air_assessment_free(a);
	/* a grid finer than half a kilometre is refused with the field named */
	p.resolution_km = 0.1;
	assert_int_equal(gt_air_assess(s, &plan, &p, &a, &err), GT_E_RANGE);
	assert_string_equal(err.path, "resolution");
	gt_aircraft_free(cat);
	gt_scenario_free(s);
}

/* An AEW orbit's coverage: the E-3A over its base sees the nearer of its
 * radar range (400 km) and the horizon (423 km for 50 m targets), so the
 * covered area is that of a 400 km disc clipped to Ukraine; it cannot
 * exceed pi x 400^2 and the gaps make up the rest of the country. */
static void aew_coverage(void **state)
{
	(void)state;
	struct gt_scenario *s = builtin();
	size_t len;
	const char *csv = gt_aircraft_builtin_csv(&len);
	struct gt_aircraft_catalogue *cat;
	struct gt_err err;
	assert_int_equal(gt_aircraft_load_text(csv, len, "aircraft.csv", &cat, &err), GT_OK);
	size_t opt = 0;
	while (strcmp(s->options[opt].name, "uk-france-30k") != 0)
		opt++;
	struct gt_air_plan *plan;
	assert_int_equal(gt_air_plan_option(s, opt, cat, &plan, &err), GT_OK);
	struct gt_air_params p = gt_air_params_of(s, 10);
	struct gt_air_assessment *a;
	assert_int_equal(gt_air_assess(s, plan, &p, &a, &err), GT_OK);
	assert_int_equal(a->low.nradars, 1);
	double disc = M_PI * 400 * 400;
	assert_true(a->low.cover.covered_km2 > 0.2 * disc && a->low.cover.covered_km2 < disc);
	/* over the ground held: the outline less what lies beyond the line */
	assert_true(fabs(a->low.cover.area_km2 - gt_geo_area_km2(&s->theatre.held)) <
	            0.002 * a->low.cover.area_km2);
	assert_true(a->low.cover.area_km2 < 0.85 * gt_geo_area_km2(&s->theatre.outline));
	assert_true(fabs(gt_geo_area_km2(&a->low.cover.gaps) -
	                 (a->low.cover.area_km2 - a->low.cover.covered_km2)) <
	            0.002 * a->low.cover.area_km2);
	/* the E-3A's range binds for both heights */
	assert_true(a->high.share == a->low.share);
	gt_air_assessment_free(a);
	gt_air_plan_free(plan);
	gt_aircraft_free(cat);
	gt_scenario_free(s);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[3][16384];
	static int k;
	char *b = buf[k++ % 3];
	size_t n = fread(b, 1, sizeof(buf[0]) - 1, f);
	fclose(f);
	b[n] = '\0';
	return b;
}

/* A ground radar 30 m up with a 300 km range in the middle of the mini
 * country (a 2 x 2 degree square on the equator): for 50 m targets its
 * horizon binds, 4.12 (sqrt 30 + sqrt 50) = 51.72 km, a disc wholly inside
 * of pi x 51.72^2 = 8,404 km2; for 9,000 m targets the range binds and
 * 300 km reaches every corner (at most 200 km away), so all is covered. */
static void ground_radar_coverage(void **state)
{
	(void)state;
	char path[1024], yaml[20000], geo[20000];
	snprintf(path, sizeof(path), "%s/mini.geojson", GT_TEST_DATA);
	const char *g = slurp(path);
	const char *end = strrchr(g, ']');
	assert_non_null(end);
	snprintf(geo, sizeof(geo), "%.*s,\n{\"type\": \"Feature\", \"properties\": {\"kind\": "
	         "\"radar\", \"name\": \"Radar One\", \"country\": \"ZZ\", \"height_m\": 30, "
	         "\"range_km\": 300}, \"geometry\": {\"type\": \"Point\", \"coordinates\": "
	         "[1.0, 0.5]}}%s",
	         (int)(end - g), g, end);
	char gpath[] = "/tmp/gt-test-air-XXXXXX";
	int fd = mkstemp(gpath);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(geo, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/mini.yaml", GT_TEST_DATA);
	const char *y = slurp(path);
	const char *at = strstr(y, "geometry: mini.geojson");
	assert_non_null(at);
	snprintf(yaml, sizeof(yaml), "%.*sgeometry: %s%s", (int)(at - y), y, gpath,
	         at + strlen("geometry: mini.geojson"));
	struct gt_scenario *s;
	struct gt_err err;
	enum gt_status st = gt_scenario_load_text(yaml, strlen(yaml), "mini.yaml", NULL, &s, &err);
	remove(gpath);
	assert_int_equal(st, GT_OK);
	/* no aircraft at all: an empty plan, the radar alone */
	struct gt_air_plan plan = {.option = &s->options[1]};
	struct gt_air_params p = gt_air_params_of(s, 5);
	struct gt_air_assessment *a;
	assert_int_equal(gt_air_assess(s, &plan, &p, &a, &err), GT_OK);
	assert_int_equal(a->low.nradars, 1);
	double want = M_PI * 51.72 * 51.72;
	if (fabs(a->low.cover.covered_km2 - want) > 0.002 * want)
		fail_msg("low coverage %.1f km2, want %.1f", a->low.cover.covered_km2, want);
	assert_true(fabs(a->high.share - 1) < 1e-9);
	assert_int_equal(a->reaction.nsources, 0);
	assert_true(a->exposure.share == 0);
	gt_air_assessment_free(a);
	gt_scenario_free(s);
}

/* A city with a long non-ASCII name: the post's name is cut on a character
 * boundary, so the JSON keeps it and the map draws it. */
static void long_names(void **state)
{
	(void)state;
	char longname[200];
	size_t used = (size_t)snprintf(longname, sizeof(longname), "Ł");
	for (int i = 0; i < 60; i++)
		used += (size_t)snprintf(longname + used, sizeof(longname) - used, "ł");
	char path[1024], geo[20000], yaml[20000];
	snprintf(path, sizeof(path), "%s/mini.geojson", GT_TEST_DATA);
	const char *g = slurp(path);
	const char *at = strstr(g, "\"Alpha\"");
	assert_non_null(at);
	snprintf(geo, sizeof(geo), "%.*s\"%s\"%s", (int)(at - g), g, longname, at + 7);
	char gpath[] = "/tmp/gt-test-air-XXXXXX";
	int fd = mkstemp(gpath);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(geo, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/mini.yaml", GT_TEST_DATA);
	const char *y = slurp(path);
	const char *gat = strstr(y, "geometry: mini.geojson"), *cat_at = strstr(y, "{city: Alpha,");
	assert_true(gat && cat_at && gat < cat_at);
	snprintf(yaml, sizeof(yaml), "%.*sgeometry: %s%.*s{city: %s,%s", (int)(gat - y), y, gpath,
	         (int)(cat_at - (gat + strlen("geometry: mini.geojson"))),
	         gat + strlen("geometry: mini.geojson"), longname, cat_at + strlen("{city: Alpha,"));
	struct gt_scenario *s;
	struct gt_err err;
	enum gt_status st = gt_scenario_load_text(yaml, strlen(yaml), "mini.yaml", NULL, &s, &err);
	remove(gpath);
	assert_int_equal(st, GT_OK);
	size_t len;
	const char *csv = gt_aircraft_builtin_csv(&len);
	struct gt_aircraft_catalogue *cat;
	assert_int_equal(gt_aircraft_load_text(csv, len, "aircraft.csv", &cat, &err), GT_OK);
	struct gt_air_plan *plan;
	assert_int_equal(gt_air_plan_option(s, 0, cat, &plan, &err), GT_OK);
	assert_true(strncmp(plan->posts[0].name, "CAP Ł", strlen("CAP Ł")) == 0);
	assert_true(strlen(plan->posts[0].name) % 2 == 0); /* "CAP " + whole 2-byte letters */
	struct gt_air_params p = gt_air_params_of(s, 10);
	struct gt_air_assessment *a;
	assert_int_equal(gt_air_assess(s, plan, &p, &a, &err), GT_OK);
	struct gt_air_result r = {s, plan, a};
	char *json, *svg;
	assert_int_equal(gt_render_air_geojson(&r, &json), GT_OK);
	assert_non_null(strstr(json, plan->posts[0].name));
	enum gt_status map = gt_render_air_map_svg(&r, 300, 200, &svg);
	assert_true(map == GT_OK || map == GT_E_UNSUPPORTED);
	free(json);
	if (map == GT_OK)
		free(svg);
	gt_air_assessment_free(a);
	gt_air_plan_free(plan);
	gt_aircraft_free(cat);
	gt_scenario_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rand_worked_example),
		cmocka_unit_test(out_of_reach),
		cmocka_unit_test(catalogue_errors),
		cmocka_unit_test(builtin_catalogue),
		cmocka_unit_test(plan_placement),
		cmocka_unit_test(stations_respect_air_defences),
		cmocka_unit_test(orbits_stay_near_the_ground_held),
		cmocka_unit_test(given_stations),
		cmocka_unit_test(standoff_fits_the_theatre),
		cmocka_unit_test(given_stations_flagged),
		cmocka_unit_test(radar_horizon),
		cmocka_unit_test(reaction_to_cities),
		cmocka_unit_test(aew_coverage),
		cmocka_unit_test(ground_radar_coverage),
		cmocka_unit_test(long_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
