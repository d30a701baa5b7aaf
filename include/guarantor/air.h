/* air.h: the air-umbrella engine (docs/model-air.md). So far: the aircraft
 * catalogue (data/aircraft.csv) and what it takes to hold one combat air
 * patrol or AEW station around the clock from a given base, with the
 * tankers that air-to-air refuelling needs.
 *
 * gt_aircraft_load_* allocate a catalogue; gt_aircraft_free releases it. */
#ifndef GUARANTOR_AIR_H
#define GUARANTOR_AIR_H

#include <stdbool.h>
#include <stddef.h>

#include "guarantor/err.h"
#include "guarantor/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

enum gt_air_role { GT_AIR_FIGHTER, GT_AIR_AEW, GT_AIR_TANKER };

struct gt_aircraft {
	size_t row;            /* CSV record, header = 1 */
	char *type;            /* "F-16C", "E-3A", "A330 MRTT" */
	enum gt_air_role role;
	double cruise_kt;      /* transit speed */
	double endurance_h;    /* unrefuelled sortie */
	double endurance_aar_h; /* sortie with air-to-air refuelling; 0 when not given */
	double mc_rate;        /* mission-capable rate, 0-1 */
	double turnaround_h;   /* ground time between sorties */
	double crew;           /* aircrew in one sortie */
	double crew_ratio;     /* crews per aircraft */
	double personnel;      /* air and ground people per deployed aircraft */
	double radar_km;       /* AEW detection range; 0 when not given */
	double fuel_flow_kg_h; /* fighters on patrol; 0 when not given */
	double offload_t;      /* tankers: fuel offload at 1,000 nm; 0 when not given */
	char *source;
	char *notes;
};

struct gt_aircraft_catalogue {
	struct gt_aircraft *items;
	size_t n;
};

/* The catalogue compiled into the library (data/aircraft.csv). */
GT_EXPORT const char *gt_aircraft_builtin_csv(size_t *len);
GT_EXPORT GT_MUST_CHECK enum gt_status gt_aircraft_load_text(const char *csv, size_t len,
                                                             const char *name,
                                                             struct gt_aircraft_catalogue **out,
                                                             struct gt_err *err);
GT_EXPORT void gt_aircraft_free(struct gt_aircraft_catalogue *cat);
/* The aircraft of that type, or NULL. */
GT_EXPORT const struct gt_aircraft *gt_aircraft_find(const struct gt_aircraft_catalogue *cat,
                                                     const char *type);

/* Holding one station around the clock: equations (A1)-(A9). */
struct gt_air_station_need {
	double distance_km;     /* (A1) base to station, geodesic */
	double transit_h;       /* (A2) one way */
	double sortie_h;        /* (A3) with or without air-to-air refuelling */
	double on_station_h;    /* (A4) */
	double cycle_h;         /* (A5) sortie plus turnaround */
	double sorties_per_day; /* (A6) */
	double aircraft;        /* (A7) unrounded */
	long aircraft_whole;    /* (A7) rounded up */
	long crews;             /* (A8) */
	long personnel;         /* (A8) */
	double fuel_t_per_day;  /* (A9) fuel tankers must offload; 0 without refuelling */
};

/* What holding a station takes: `ship` aircraft on station at all times,
 * `distance_km` from their base, refuelled in the air or not, keeping
 * `reserve_h` of fuel for the way home. GT_E_RANGE when the aircraft
 * cannot reach the station with time to spare; GT_E_USAGE for
 * refuelling an aircraft with no refuelled endurance or fuel flow. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_air_station(const struct gt_aircraft *ac,
                                                      double distance_km, int ship, bool aar,
                                                      double reserve_h,
                                                      struct gt_air_station_need *out,
                                                      struct gt_err *err);

/* (A10) Tankers to offload fuel_t_per_day, each sortie giving the type's
 * offload. OUT: *tankers (unrounded). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_air_tankers(const struct gt_aircraft *tanker,
                                                      double fuel_t_per_day, double *tankers,
                                                      struct gt_err *err);

/* One patrol station or AEW orbit of an option, with the base that holds
 * it and what that takes. */
struct gt_air_post {
	char name[96];                /* "CAP Kyiv", "AEW Rzeszów-Jasionka" */
	bool aew;
	struct gt_point at;
	const struct gt_place *base;  /* borrowed from the scenario */
	const struct gt_aircraft *aircraft; /* borrowed from the catalogue */
	struct gt_air_station_need need;
};

struct gt_air_plan {
	const struct gt_option *option; /* borrowed */
	struct gt_air_post *posts;
	size_t nposts;
	const struct gt_aircraft *fighter, *aew, *tanker;
	long fighters, aew_aircraft, tankers;
	long crews, personnel; /* tanker crews and people included */
	double sorties_per_day, fuel_t_per_day;
};

/* Places and sizes an option's air umbrella (docs/model-air.md,
 * "Placing an option's stations"): patrol stations over the defended
 * country's largest cities at least standoff_km behind the line, each held
 * from the nearest air base that can reach it; AEW orbits over the air
 * bases nearest those cities, inside allied airspace. Deterministic.
 * OUT: *out, free with gt_air_plan_free. An option without air elements
 * gives an empty plan. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_air_plan_option(const struct gt_scenario *s,
                                                          size_t option,
                                                          const struct gt_aircraft_catalogue *cat,
                                                          struct gt_air_plan **out,
                                                          struct gt_err *err);
GT_EXPORT void gt_air_plan_free(struct gt_air_plan *plan);

#ifdef __cplusplus
}
#endif
#endif
