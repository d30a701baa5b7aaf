/* air_priv.h: pieces of the air engine shared between its files. */
#ifndef GT_AIR_PRIV_H
#define GT_AIR_PRIV_H

#include "guarantor/air.h"

#include <stdbool.h>

/* A patrol station's place: over a city, or in the open with a name that
 * says where. */
struct gt__air_site {
	char name[96];
	struct gt_point at;
};

/* Up to max of the largest cities the defender holds, safe_km or more
 * from the line, largest first (ties by name). OUT: out[*n]. */
GT_MUST_CHECK enum gt_status gt__air_cities(const struct gt_scenario *s, double safe_km,
                                            struct gt__air_site *out, size_t max, size_t *n);

/* (P1) n patrol stations for option o, placed by default (docs/model-air.md,
 * "Placing an option's stations"): for the cities the defender holds,
 * largest first, one over the city when it lies safe_km or more from the
 * nearest line, else at the nearest point of the held ground safe_km to
 * safe_km + 150 km from the lines; then, when there are too few, at such
 * points as far from the others as can be; each at least
 * doctrine.air.station_spacing_km from every other. OUT: sites[n], *placed
 * (how many fit) and *over_cities (how many of those over cities).
 * GT_E_RANGE when fewer than n fit. */
GT_MUST_CHECK enum gt_status gt__air_sites(const struct gt_scenario *s, double safe_km,
                                           size_t n, struct gt__air_site *sites, size_t *placed,
                                           size_t *over_cities);

/* When `from` lies more than near_km from the ground the defender holds,
 * *far is true and *out is the point of that ground, safe_km or more from
 * the line, nearest `from` (20 km grid), named by its nearest held city;
 * else *far is false. */
GT_MUST_CHECK enum gt_status gt__air_near_ground(const struct gt_scenario *s,
                                                 struct gt_point from, double near_km,
                                                 double safe_km, struct gt__air_site *out,
                                                 bool *far);

#endif
