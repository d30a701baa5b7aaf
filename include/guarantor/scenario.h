/* scenario.h: the scenario model (theatre, sectors, doctrine, guarantee
 * options, coalition) and its loader.
 *
 * A scenario is a YAML file plus a GeoJSON geometry file that the YAML
 * names (docs/scenario.md). Loading validates everything; a loaded
 * struct gt_scenario is immutable and may be shared between threads.
 * gt_scenario_load* allocate it; gt_scenario_free releases it and all it
 * points to. */
#ifndef GUARANTOR_SCENARIO_H
#define GUARANTOR_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guarantor/decide.h"
#include "guarantor/err.h"
#include "guarantor/geo.h"
#include "guarantor/violation.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most lines a theatre may have (docs/scenario.md, "Lines"). */
#define GT_LINES_MAX 16

/* The name of the scenario compiled into the library. */
#define GT_SCENARIO_DEFAULT "ukraine-2025"

enum gt_terrain {
	GT_TERRAIN_OPEN,
	GT_TERRAIN_MIXED,
	GT_TERRAIN_FOREST,
	GT_TERRAIN_URBAN,
	GT_TERRAIN_RIVER,
	GT_TERRAIN_MOUNTAIN,
	GT_TERRAIN_COUNT
};

enum gt_threat { GT_THREAT_LOW, GT_THREAT_MEDIUM, GT_THREAT_HIGH, GT_THREAT_COUNT };

/* How ground forces are laid out. observer and stabilisation occur in the
 * historical missions; options use none, line, buffer or depth. */
enum gt_posture {
	GT_POSTURE_NONE,
	GT_POSTURE_OBSERVER,
	GT_POSTURE_BUFFER,
	GT_POSTURE_LINE,
	GT_POSTURE_DEPTH,
	GT_POSTURE_STABILISATION,
	GT_POSTURE_COUNT
};

enum gt_place_kind {
	GT_PLACE_CITY,
	GT_PLACE_AIR_BASE,
	GT_PLACE_PORT,
	GT_PLACE_RADAR, /* a ground surveillance radar (docs/model-air.md, coverage) */
	GT_PLACE_KIND_COUNT
};

/* Names as written in scenario files ("open", "high", "depth", "air_base");
 * the parse functions return false for an unknown name. */
GT_EXPORT const char *gt_terrain_name(enum gt_terrain t);
GT_EXPORT const char *gt_threat_name(enum gt_threat t);
GT_EXPORT const char *gt_posture_name(enum gt_posture p);
GT_EXPORT const char *gt_place_kind_name(enum gt_place_kind k);
GT_EXPORT bool gt_terrain_parse(const char *s, enum gt_terrain *out);
GT_EXPORT bool gt_threat_parse(const char *s, enum gt_threat *out);
GT_EXPORT bool gt_posture_parse(const char *s, enum gt_posture *out);

/* Whether `typed` names `name`: the same, or with prefix its beginning,
 * case and accents aside ("rzeszow" matches "Rzeszów-Jasionka"). */
GT_EXPORT bool gt_name_match(const char *name, const char *typed, bool prefix);
/* Up to `most` (at most 8) of the n names nearest `typed`, closest first,
 * written to out as "'a', 'b' or 'c'"; "" when none is near enough to be
 * a slip (edit distance of the folded names). */
GT_EXPORT void gt_name_suggest(const char *typed, const char *const *names, size_t n,
                               size_t most, char *out, size_t size);

struct gt_place {
	char *name;
	char country[3]; /* ISO 3166-1 alpha-2 */
	enum gt_place_kind kind;
	struct gt_point at;
	long population; /* 0 when not given */
	double height_m; /* radars: antenna height above ground */
	double range_km; /* radars: instrumented range */
};

/* A neighbouring country's outline, for maps only. */
struct gt_neighbour {
	char *name;
	char country[3];
	struct gt_multipolygon shape;
};

struct gt_aircraft_catalogue; /* air.h */

/* What a line is to the guarantee: a line of contact between the forces,
 * or a border to watch (docs/scenario.md, "Lines"). A border is not
 * covered by the options' ground postures unless an option names its
 * sectors, is watched by fewer monitors per km, sees fewer of the
 * adversary's probes, and never divides the held territory. */
enum gt_line_role { GT_LINE_FRONT, GT_LINE_BORDER, GT_LINE_ROLE_COUNT };
/* "front", "border" */
GT_EXPORT const char *gt_line_role_name(enum gt_line_role r);

/* One line the guarantee watches: a GeoJSON feature of kind
 * line_of_contact, or one part of a MultiLineString. */
struct gt_line {
	char *name;           /* unique among the lines, e.g. "Line of contact (approximate, mid-2025)" */
	enum gt_line_role role;
	char *as_of;          /* date the line describes, or NULL */
	bool approximate;     /* the feature's "approximate" property */
	double reported_km;   /* the length others report (0: none given) */
	char *reported_as;    /* who reports it and how they measure, or NULL */
	struct gt_linestring path;
	char **places;        /* one name per vertex ("" when unnamed), or NULL */
	double km;            /* geodesic length */
	double *vertex_km;    /* km along the line of each vertex; path.n entries */
	size_t first_sector;  /* its sectors: s->sectors[first_sector .. + nsectors) */
	size_t nsectors;
};

struct gt_theatre {
	char *geometry_ref;    /* as written: a path or "builtin:NAME" */
	char *aircraft_file;   /* theatre.aircraft resolved to a path; NULL: the built-in catalogue */
	struct gt_aircraft_catalogue *aircraft; /* that catalogue, loaded with the scenario */
	bool in_country_bases; /* the defended country's air bases on the ground it holds may
	                        * hold stations and orbits (theatre.in_country_bases) */
	char defended[3];      /* ISO code of the defended country */
	struct gt_line *lines; /* at least one, in the geometry file's order */
	size_t nlines;
	double lines_km;       /* their lengths added */
	struct gt_multipolygon outline;
	struct gt_place *places;
	size_t nplaces;
	struct gt_neighbour *neighbours;
	size_t nneighbours;
	/* The ground the defender holds (docs/scenario.md, "Held territory"):
	 * the outline less the occupied areas, given as features of kind
	 * "occupied" or found as the outline's side of each front line away
	 * from it. */
	struct gt_multipolygon occupied_given; /* the features, as given (empty: none) */
	struct gt_multipolygon held;     /* what the defender holds */
	struct gt_multipolygon occupied; /* the rest of the outline */
	double outline_km2, held_km2;    /* geodesic areas */
	char *held_label;                /* how held was found, in words */
	char *occupied_source;           /* the occupied features' sources, or NULL */
};

/* The distance in km from p to the nearest line of th (of any role); when
 * which is not NULL, *which gets that line's index. */
GT_EXPORT double gt_theatre_line_distance_km(const struct gt_theatre *th, struct gt_point p,
                                             size_t *which);

/* The lines' paths, in order, for the geometry functions that take an
 * array of them: out[i] borrows theatre.lines[i].path. Returns nlines. */
GT_EXPORT size_t gt_theatre_paths(const struct gt_theatre *th,
                                  struct gt_linestring out[GT_LINES_MAX]);

/* A stretch of one line, from_km..to_km measured along it from its first
 * vertex. A line's sectors tile it without gaps or overlaps; ids run
 * 1, 2, ... through the lines in order. */
struct gt_sector {
	int id; /* 1-based, in order along the lines */
	char *name;
	size_t line; /* index in theatre.lines */
	double from_km, to_km;
	enum gt_terrain terrain;
	enum gt_threat threat;
	const char *near; /* the named line vertex nearest its middle, or "" (not owned) */
};

/* Rotation ratios: people committed (in the rotation pool) per person
 * deployed at any one time. */
struct gt_rotation {
	double ground, air, naval, training, monitoring;
};

/* Doctrine: the planning factors of the sizing model (docs/model-sizing.md). */
struct gt_doctrine {
	double density[GT_TERRAIN_COUNT][GT_THREAT_COUNT]; /* line troops per km */
	double posture_factor[GT_POSTURE_COUNT];           /* line = 1; buffer, depth */
	double observer_per_km;                            /* monitors per km of line */
	/* a border to watch, against a line of contact (docs/scenario.md, "Lines") */
	double border_monitor_share;  /* monitors per km on a border, as a share of a front's */
	double border_probe_share;    /* the adversary's probes and pretexts per km on a
	                               * border, as a share of a front's */
	double stabilisation_per_1000[GT_THREAT_COUNT];    /* troops per 1,000 inhabitants */
	double reserve_share;  /* reserve / QRF as a share of line + garrison troops */
	double enabler_share;  /* enablers and logistics as a share of the manoeuvre force */
	double hq_share;       /* headquarters as a share of manoeuvre + enablers */
	struct gt_rotation rotation;
	/* the air umbrella's coverage model (docs/model-air.md, C1-C6); the
	 * aircraft themselves come from the catalogue */
	double aew_altitude_m;              /* AEW orbit height */
	double target_low_m, target_high_m; /* target heights for coverage */
	double alert_minutes;               /* ground alert, order to airborne */
	double sam_range_km;                /* adversary air defences' reach beyond the line */
	double sam_margin_km;               /* default stations keep this much further back */
	double station_spacing_km;          /* stations placed in the open, at least this apart */
	double min_on_station_h;            /* a station with less time on station is flagged */
	double max_fleet_share;             /* ... and one needing more of the coalition's
	                                     * aircraft of its kind than this share */
	double ships_per_task_group;
	double personnel_per_ship;
	double footprint_km;                /* map only: half-width of a line footprint */
};

struct gt_garrison {
	char *place; /* name of a city in the theatre */
	struct gt_point at;
	double troops; /* manoeuvre troops held there */
};

/* A patrol station or AEW orbit the scenario places itself. */
struct gt_air_spot {
	char *name;                  /* the place's name, or "30.52E 50.45N" */
	struct gt_point at;
	const struct gt_place *base; /* the air base holding it, or NULL: the nearest that can */
};

struct gt_option {
	char *name;        /* identifier, [a-z0-9-] */
	char *title;
	char *summary;
	char **lead;       /* ISO codes of lead nations; nlead entries */
	size_t nlead;
	enum gt_posture posture; /* none, line, buffer or depth */
	int *sectors;      /* sector ids covered by the posture; nsectors entries */
	size_t nsectors;
	struct gt_garrison *garrisons;
	size_t ngarrisons;
	int patrol_stations;
	int aew_orbits;
	struct gt_air_spot *stations; /* given in the scenario; NULL: placed (docs/model-air.md) */
	struct gt_air_spot *orbits;   /* the same for AEW orbits */
	/* the air umbrella's aircraft and rules (docs/scenario.md, "air") */
	char *fighter;       /* catalogue type, default "F-16C" */
	char *aew;           /* default "E-3A" */
	char *tanker;        /* default "A330 MRTT" */
	bool refuelling;     /* plan patrols with air-to-air refuelling */
	double standoff_km;  /* stations no closer to the nearest line, default 100 */
	bool standoff_given; /* air.standoff_km is in the file (else a default) */
	int naval_task_groups;
	double trainers;
	double monitors_per_km; /* 0 when monitors is given as a count instead */
	double monitors;        /* a fixed number of monitors, or 0 */
	/* the simulation (docs/model-sim.md): the option's own decision rule,
	 * and the defender's strength under the settlement (0: the default) */
	bool has_decision;
	enum gt_decide_rule rule;
	double quorum, deadline_days; /* negative: not given, the simulation's */
	double defender_strength;
	char backstop_provider[3]; /* "" when there is no backstop */
	char **backstop_elements;
	size_t nbackstop_elements;
};

/* The domains a member may be willing to serve in. */
enum gt_domain {
	GT_DOMAIN_LAND,
	GT_DOMAIN_AIR,
	GT_DOMAIN_SEA,
	GT_DOMAIN_TRAINING,
	GT_DOMAIN_MONITORING,
	GT_DOMAIN_COUNT
};
GT_EXPORT const char *gt_domain_name(enum gt_domain d);

/* The units force generation deals in, and what a member can keep deployed
 * of each indefinitely, through its own rotations. */
enum gt_unit {
	GT_UNIT_COMPANIES, /* land, forcegen.company_strength people each */
	GT_UNIT_FIGHTERS,
	GT_UNIT_AEW,
	GT_UNIT_TANKERS,  /* air-to-air refuelling aircraft */
	GT_UNIT_SHIPS,
	GT_UNIT_TRAINERS, /* people */
	GT_UNIT_MONITORS, /* people */
	GT_UNIT_COUNT
};
GT_EXPORT const char *gt_unit_name(enum gt_unit u);
GT_EXPORT enum gt_domain gt_unit_domain(enum gt_unit u);

/* A member's national caveats (docs/scenario.md, "coalition"). */
struct gt_caveats {
	double min_km_from_line; /* no land duty closer to the line; 0: none */
	char **only_in;          /* land duty only in these sectors or garrison cities */
	size_t nonly_in;         /* 0: anywhere */
	char **only_under;       /* land duty only under these lead nations */
	size_t nonly_under;      /* 0: under any lead */
	double max_role_share;   /* at most this share of any one land role; 1: no cap */
};

struct gt_member {
	char code[3];
	char *name;
	long active_personnel; /* 0 when not given */
	char *source;
	double weight;         /* burden-sharing weight (default: active personnel) */
	double rotation;       /* committed per deployed (default: doctrine.rotation.ground) */
	bool leads;            /* willing and able to lead a sector */
	bool domains[GT_DOMAIN_COUNT];
	long sustain[GT_UNIT_COUNT];
	struct gt_caveats caveats;
	char *basis;           /* why these numbers, or NULL */
	double resolve;        /* simulation: probability it approves an answer; negative: not given */
	double decision_days;  /* simulation: mean days to decide; negative: not given */
};

/* Roles force generation fills (one per sector, garrison and so on). */
enum gt_role_kind {
	GT_ROLE_LINE,
	GT_ROLE_GARRISON,
	GT_ROLE_RESERVE,
	GT_ROLE_ENABLERS,
	GT_ROLE_AIR_PATROL,
	GT_ROLE_AEW,
	GT_ROLE_AIR_REFUELLING,
	GT_ROLE_NAVAL,
	GT_ROLE_TRAINING,
	GT_ROLE_MONITORING,
	GT_ROLE_KIND_COUNT
};
GT_EXPORT const char *gt_role_kind_name(enum gt_role_kind k);

/* Parameters of force generation (docs/model-forcegen.md). */
struct gt_forcegen_params {
	bool present;            /* false when the scenario has no forcegen section */
	double company_strength; /* people per land company */
	double lead_share;       /* least share of a land role its lead nation holds */
	int max_nations;         /* most nations in one land role */
	double reserve_km;       /* distance of the reserve from the line */
	double enablers_km;      /* distance of enablers and HQ from the line */
	int horizon_months;      /* rotation schedule length */
	int tour_months;         /* one rotation period */
	double priority[GT_ROLE_KIND_COUNT]; /* weight of a role's relative shortfall */
};

/* Parameters of the deterrence simulation (docs/model-sim.md), the
 * scenario's `simulation` section. Rates are per year unless named per
 * day; coefficients multiply log-hazards. */
struct gt_sim_params {
	bool present;              /* false when the scenario has no simulation section */
	/* the adversary with no guarantee (S1) */
	double offensive_per_year; /* hazard of a major offensive */
	double probe_per_year;
	double pretext_per_year;
	double minor_per_day;      /* probability of a day with minor violations */
	double pretext_days;       /* a pretext raises the offensive hazard this long */
	double pretext_factor;     /* by this factor */
	/* what deters (S2) */
	double beta_defender;      /* per unit of defender strength above 1 */
	double beta_troops;        /* per ln(1 + troops / 10,000) */
	double beta_air;           /* per share of the country reached within 20 min */
	double beta_backstop;      /* a backstop, times its reliability */
	double beta_buffer;        /* a buffer zone: forces separated along the line */
	double gamma_belief;       /* per unit of belief that breaches are answered */
	double belief_start;       /* an answering coalition's credibility at the start */
	double learning;           /* belief step after each breach answered or not */
	/* detection and attribution (S3) */
	double detect_base;        /* a probe or pretext seen with no monitors */
	double monitors_half;      /* monitors per 100 km that halve the misses */
	double attribution_days;   /* mean days to attribute, with no monitors */
	/* decision (S4) */
	enum gt_decide_rule rule;
	double quorum;
	double deadline_days;
	double resolve;            /* a member's default */
	double decision_days;      /* a member's default mean delay */
	double cohesion_loss;      /* per unanswered breach */
	double split_below;        /* cohesion below which the coalition splits */
	double backstop_reliability;
	double backstop_loss;      /* per unanswered breach */
	/* escalation (S5) */
	double escalation_ground;  /* per answered breach */
	double escalation_air;
	double war_given_escalation;
	/* live risk: the scenario's probe rate is worth this many years of
	 * observation against a monitoring record (docs/model-sim.md) */
	double prior_years;
	/* the run (CLI defaults) */
	int years;
	long runs;
	long seed;
};

/* The simulation's numeric parameters by number, for sweeps: how many,
 * each one's name as in the scenario file, where it is in p, and the range
 * the file allows. */
GT_EXPORT size_t gt_sim_param_count(void);
GT_EXPORT const char *gt_sim_param_name(size_t i);
/* What parameter i is, in words ("what foreign troops deter"), for charts. */
GT_EXPORT const char *gt_sim_param_words(size_t i);
GT_EXPORT double *gt_sim_param(struct gt_sim_params *p, size_t i, double *lo, double *hi);

/* --- the monitoring mission and the agreement it watches ------------------
 * The scenario's `monitoring` section (docs/monitor.md, "The agreement"). */

/* The most governments that vote on a response. */
#define GT_VOTERS_MAX_SCENARIO 64

/* A threshold the parties agreed: crossing it opens a breach. */
struct gt_threshold {
	char *name;
	char *text;             /* what the agreement says, quoted in the breach */
	enum gt_event_type event;
	unsigned weapons;       /* bit (1 << enum gt_weapon) for each weapon counted; 0: any */
	long more_than;         /* breached when the events' counts add up to more than this */
	double hours;           /* within any window this long */
	bool per_sector;        /* counted in each sector on its own, else along the whole line */
	double within_km;       /* only events within this distance of the line; 0: anywhere */
	char grade;             /* the least confidence grade counted: 'A', 'B' or 'C' */
};

/* One rung of the agreed escalation ladder, mildest first. */
struct gt_rung {
	char *name;
	char *text;
};

struct gt_monitoring {
	bool present;           /* false when the scenario has no monitoring section */
	char *left, *right;     /* the sides of the line, walking it from its first vertex */
	int day_ends;           /* minutes after midnight UTC at which a reporting day ends */
	int64_t start;          /* the mission's first day, 00:00 UTC (epoch seconds): nothing
	                         * observed before it is taken */
	long review_count_above; /* a report counting more is held for an analyst: its event
	                          * counts towards no breach or daily total until verified */
	/* correlation of reports into events */
	double window_min;      /* reports this close in time may be of one event */
	double radius_km;       /* and this close in space, beyond their stated precision */
	double max_span_hours;  /* a report observed over a longer window is not correlated */
	double heard_error;     /* a distance judged by ear: this share of it either way */
	double bearing_error_deg;
	struct gt_threshold *thresholds;
	size_t nthresholds;
	struct gt_rung *ladder;
	size_t nladder;
	/* the decision on a proposed response */
	enum gt_decide_rule rule;
	double quorum;          /* qualified majority */
	double deadline_hours;
	char (*voters)[3];      /* the governments that vote, ISO codes of coalition members,
	                         * at most GT_VOTERS_MAX_SCENARIO */
	size_t nvoters;
	size_t lead;            /* lead nation: its index in voters */
};

struct gt_scenario {
	char *name;
	char *title;
	char *description;
	char *file; /* the YAML file it was loaded from, or "builtin:NAME" */
	struct gt_theatre theatre;
	struct gt_sector *sectors;
	size_t nsectors;
	double sector_length_km; /* the auto split's target, 0 for manual sectors */
	struct gt_doctrine doctrine;
	struct gt_option *options;
	size_t noptions;
	struct gt_member *members;
	size_t nmembers;
	struct gt_forcegen_params forcegen;
	struct gt_sim_params simulation;
	struct gt_monitoring monitoring;
};

/* Loads and validates a scenario from a YAML file. The geometry path in it
 * is relative to the YAML file's folder. OUT: *out, free with
 * gt_scenario_free. On failure *out is NULL and err says why. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_scenario_load_file(const char *path,
                                                             struct gt_scenario **out,
                                                             struct gt_err *err);

/* Loads a scenario from YAML text; name labels errors, base_dir resolves a
 * relative geometry path (NULL: the current folder). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_scenario_load_text(const char *yaml, size_t len,
                                                             const char *name,
                                                             const char *base_dir,
                                                             struct gt_scenario **out,
                                                             struct gt_err *err);

/* Loads the scenario compiled into the library (GT_SCENARIO_DEFAULT). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_scenario_load_builtin(struct gt_scenario **out,
                                                                struct gt_err *err);

GT_EXPORT void gt_scenario_free(struct gt_scenario *s);

/* The embedded default scenario's files, verbatim. Never NULL. */
GT_EXPORT const char *gt_scenario_builtin_yaml(size_t *len);
GT_EXPORT const char *gt_scenario_builtin_geojson(size_t *len);

/* Looks up a sector by id, or NULL. */
GT_EXPORT const struct gt_sector *gt_scenario_sector(const struct gt_scenario *s, int id);

#ifdef __cplusplus
}
#endif
#endif
