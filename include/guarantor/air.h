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
	double sustained_sorties; /* sorties per aircraft per day a deployment keeps up for months */
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
	double aircraft_cycle;  /* (A7a) by the sortie cycle and mission-capable rate */
	double aircraft_sustain; /* (A7b) by the sustained sortie rate */
	double aircraft;        /* (A7) the larger of the two, unrounded */
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

/* What is wrong with a station (docs/model-air.md, "Flags"): set on a
 * post, shown in the table, the JSON and the brief. */
enum {
	GT_AIR_INSIDE_AIR_DEFENCES = 1 << 0, /* within doctrine.air.sam_range_km + sam_margin_km
	                                      * of the line */
	GT_AIR_SHORT_ON_STATION = 1 << 1,    /* under doctrine.air.min_on_station_h on station */
	GT_AIR_LARGE_FLEET_SHARE = 1 << 2,   /* needs more than doctrine.air.max_fleet_share of
	                                      * the aircraft of its kind the coalition offers */
	GT_AIR_OVER_OCCUPIED = 1 << 3,       /* over ground of the defended country that the
	                                      * adversary holds */
	GT_AIR_INSIDE_STANDOFF = 1 << 4,     /* closer to the nearest line than the stand-off
	                                      * the option sets (air.standoff_km) */
	GT_AIR_FLAG_COUNT = 5
};
/* "inside_air_defences", "short_on_station", "large_fleet_share" for one
 * flag bit; NULL for any other value. */
GT_EXPORT const char *gt_air_flag_name(unsigned flag);

/* The distance from the line default stations keep: the air defences'
 * reach plus a margin, and at least the option's standoff_km (o may be
 * NULL). */
GT_EXPORT double gt_air_safe_km(const struct gt_scenario *s, const struct gt_option *o);

/* One patrol station or AEW orbit of an option, with the base that holds
 * it and what that takes. */
struct gt_air_post {
	char name[96];                /* "CAP Kyiv", "AEW Rzeszów-Jasionka" */
	bool aew;
	unsigned flags;               /* GT_AIR_INSIDE_AIR_DEFENCES, ... */
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
	/* the stand-off the stations placed by default keep from the nearest
	 * line, and the one the option (or the doctrine's air-defence reach
	 * and margin, by default) asks for: less when that default does not
	 * fit the theatre (docs/model-air.md, "Placing an option's stations");
	 * both 0 when the scenario places the stations */
	double standoff_km, standoff_wanted_km;
};

/* The flags of a station of aircraft ac at `at` needing n, in scenario s,
 * for option o (NULL: no option's stand-off to check). */
GT_EXPORT unsigned gt_air_flags(const struct gt_scenario *s, const struct gt_option *o,
                                const struct gt_aircraft *ac, struct gt_point at,
                                const struct gt_air_station_need *n);

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

/* The part of a plan that `fighters`, `aew` and `tankers` aircraft can
 * hold: its posts in order, each kept when the aircraft left hold it whole
 * (first fit); then, while the tankers the kept posts need are more than
 * `tankers` (negative: as many as needed), the last refuelled post is
 * dropped. With the totals of those kept. OUT: *out, free with
 * gt_air_plan_free. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_air_plan_held(const struct gt_air_plan *plan,
                                                        long fighters, long aew, long tankers,
                                                        struct gt_air_plan **out,
                                                        struct gt_err *err);

/* --- what an umbrella covers (docs/model-air.md, equations C1-C6) ------ */

/* (C1) Radar horizon on a 4/3 earth: the farthest a radar at height h_r
 * sees a target at height h_t, km (heights in metres above the surface). */
GT_EXPORT double gt_air_radar_horizon_km(double radar_m, double target_m);

/* The model's parameters (the scenario's doctrine.air, and the grid's
 * resolution). */
struct gt_air_params {
	double aew_altitude_m;    /* AEW orbit height */
	double target_low_m;      /* a low-flying target: cruise missile, drone, helicopter */
	double target_high_m;     /* a high-flying target: strike aircraft at altitude */
	double alert_minutes;     /* ground alert: minutes from order to airborne */
	double sam_range_km;      /* reach of the adversary's air defences beyond the line */
	double resolution_km;     /* reaction-time grid cell */
};

/* The reaction grid's default cell, km: fine enough for a country-wide
 * picture, coarse enough to compute in a blink (`guarantor air
 * --resolution` sets it; `make bench` times 1 km). */
#define GT_AIR_RESOLUTION_KM 5.0

/* The doctrine's parameters, with resolution_km. */
GT_EXPORT struct gt_air_params gt_air_params_of(const struct gt_scenario *s,
                                                double resolution_km);

/* Radar coverage of the defended country for targets at one height. */
struct gt_air_coverage {
	double target_m;
	size_t nradars;           /* AEW orbits and ground radars counted */
	struct gt_geo_cover cover; /* covered part, gaps, areas */
	double share;             /* covered / area */
};

/* Each fighter post's exposure to the adversary's air defences. */
struct gt_air_exposure {
	double airborne_h_per_day;  /* (C5) sorties a day x sortie length */
	double exposed_h_per_day;   /* (C5) of which within sam_range_km of the line */
	double share;               /* (C6) exposed / airborne; 0 with no fighters */
};

/* Minutes for the nearest patrol or alert aircraft to reach each cell. */
struct gt_air_reaction {
	struct gt_geo_grid grid;  /* cells over the defended country */
	float *minutes;           /* nx * ny, NAN outside the country or with no fighters */
	size_t nsources;          /* stations on patrol plus bases holding alert aircraft */
	double within[3];         /* share of the country within 10, 20 and 30 minutes */
	double median_min, max_min;
};

struct gt_air_assessment {
	struct gt_air_params params;
	struct gt_air_coverage low, high;
	struct gt_air_reaction reaction;
	struct gt_air_exposure exposure;
	double *post_exposure;    /* per post of the plan: share of its airborne time exposed */
	struct gt_multipolygon sam_band; /* the area within sam_range_km of the line */
};

/* Assesses a plan: (C1)-(C2) coverage for low and high targets from its
 * AEW orbits and the scenario's ground radars, (C3)-(C4) the reaction-time
 * field, (C5)-(C6) exposure. OUT: *out, free with gt_air_assessment_free. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_air_assess(const struct gt_scenario *s,
                                                     const struct gt_air_plan *plan,
                                                     const struct gt_air_params *params,
                                                     struct gt_air_assessment **out,
                                                     struct gt_err *err);
GT_EXPORT void gt_air_assessment_free(struct gt_air_assessment *a);

#ifdef __cplusplus
}
#endif
#endif
