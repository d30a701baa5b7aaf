/* sizing.h: the force-sizing engine. Turns each guarantee option of a
 * scenario into requirements: troops on the line, garrisons, reserve,
 * enablers, headquarters (the deployed ground force), aircraft, ships and
 * their people, trainers and monitors; and the committed strength needed
 * to sustain it all through rotations. Equations: docs/model-sizing.md.
 *
 * The engine neither prints nor reads files. gt_sizing_run allocates the
 * result; gt_sizing_free releases it. The result borrows pointers into
 * the scenario, which must outlive it. */
#ifndef GUARANTOR_SIZING_H
#define GUARANTOR_SIZING_H

#include <stddef.h>

#include "guarantor/err.h"
#include "guarantor/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Line troops required in one sector (equation 1). */
struct gt_sizing_sector {
	const struct gt_sector *sector; /* borrowed */
	double density;                 /* troops per km applied, after posture factor */
	long troops;
};

/* One line as an option covers it: line troops on the sectors its posture
 * covers there, and the monitors who watch it (equation 10). */
struct gt_sizing_line {
	const struct gt_line *line; /* borrowed */
	double covered_km;          /* of its sectors, those the posture covers */
	long line_troops;
	double monitors_per_km;     /* as applied: the option's density, a border's share of it */
	long monitors;
};

/* Every count is a whole number of people, aircraft or ships; totals are
 * sums of the rounded parts, so tables add up. */
struct gt_sizing_option {
	const struct gt_option *option; /* borrowed */
	size_t index;                   /* the option's index in the scenario */
	double line_km;                 /* length of the sectors the posture covers */
	long line_troops;               /* (1) */
	long garrison_troops;           /* (2) */
	long reserve;                   /* (3) */
	long manoeuvre;                 /* (4) */
	long enablers;                  /* (5) */
	long hq;                        /* (6) */
	long ground;                    /* (7) deployed ground force */
	long fighters, aew_aircraft, tankers;         /* (8) from the air model */
	long air_personnel;                           /* (8) */
	double fighter_personnel, aew_personnel, tanker_personnel; /* people per aircraft of the
	                                                            * types flown */
	long ships, naval_personnel;                  /* (9) */
	long trainers, monitors;                      /* (10) */
	long deployed;                                /* (11) */
	long committed;                               /* (12) */
	long committed_ground, committed_air, committed_naval, committed_training,
		committed_monitoring;
	struct gt_sizing_sector *sectors;
	size_t nsectors;
	struct gt_sizing_line *lines; /* one per line of the theatre, in its order */
	size_t nlines;
};

/* An option that cannot be planned in this theatre (its air umbrella has
 * no room, no base can hold a station, ...), and why. */
struct gt_sizing_infeasible {
	const struct gt_option *option; /* borrowed */
	size_t index;                   /* in the scenario */
	struct gt_err why;              /* the scenario field to change, and the reason */
};

struct gt_sizing {
	const struct gt_scenario *scenario; /* borrowed */
	double line_km;                     /* every line's length added */
	struct gt_sizing_option *options;   /* the options that can be planned, in scenario order */
	size_t noptions;
	struct gt_sizing_infeasible *infeasible; /* the others */
	size_t ninfeasible;
};

/* Sizes every option of s. An option that cannot be planned (an engine
 * answers GT_E_RANGE or GT_E_SCHEMA for it) goes to infeasible with the
 * reason, and the others are sized. OUT: *out, free with gt_sizing_free. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sizing_run(const struct gt_scenario *s,
                                                     struct gt_sizing **out,
                                                     struct gt_err *err);
GT_EXPORT void gt_sizing_free(struct gt_sizing *sz);

/* The sizing option named name, or NULL. */
GT_EXPORT const struct gt_sizing_option *gt_sizing_find(const struct gt_sizing *sz,
                                                        const char *name);

/* Inputs describing a historical mission or a hypothetical one, for
 * gt_sizing_predict. population is needed only for stabilisation. */
struct gt_sizing_case {
	enum gt_posture posture;
	enum gt_threat threat;
	enum gt_terrain terrain;
	double line_km;
	double population;
};

/* The deployed strength the model predicts for one case (equations 13-15
 * of docs/model-sizing.md). Returns GT_E_USAGE when the case lacks what
 * its posture needs (e.g. stabilisation without population). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sizing_predict(const struct gt_doctrine *d,
                                                         const struct gt_sizing_case *c,
                                                         double *troops);

/* The product of the ground multipliers (1 + r)(1 + e)(1 + h) that turns
 * line and garrison troops into a deployed ground force. */
GT_EXPORT double gt_sizing_ground_multiplier(const struct gt_doctrine *d);

#ifdef __cplusplus
}
#endif
#endif
