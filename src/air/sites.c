/* sites.c: where an option's patrol stations go by default: over the
 * largest cities the defender holds out of the air defences' reach, then
 * spread over the held ground just behind that reach. */
#include "air/air_priv.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Cells of the grid the open sites are chosen from, km. */
#define SITE_GRID_KM 20.0
/* How deep behind the safe distance open sites may lie, km: stations
 * further back reach less of the line. */
#define SITE_DEPTH_KM 150.0

struct city {
	const struct gt_place *place;
	long population;
};

static int by_population(const void *a, const void *b)
{
	const struct city *x = a, *y = b;
	if (x->population != y->population)
		return x->population > y->population ? -1 : 1;
	return strcmp(x->place->name, y->place->name);
}

enum gt_status gt__air_cities(const struct gt_scenario *s, double safe_km,
                              struct gt__air_site *out, size_t max, size_t *n)
{
	const struct gt_theatre *th = &s->theatre;
	struct city *c = calloc(th->nplaces + 1, sizeof(*c));
	struct gt_geo_region *held = NULL;
	enum gt_status st = c ? gt_geo_region_new(&th->held, &held) : GT_E_NOMEM;
	size_t nc = 0;
	*n = 0;
	if (st != GT_OK) {
		free(c);
		return st;
	}
	for (size_t i = 0; i < th->nplaces; i++) {
		const struct gt_place *p = &th->places[i];
		if (p->kind == GT_PLACE_CITY && strcmp(p->country, th->defended) == 0 &&
		    gt_geo_region_contains(held, p->at) &&
		    gt_theatre_line_distance_km(th, p->at, NULL) >= safe_km)
			c[nc++] = (struct city){p, p->population};
	}
	qsort(c, nc, sizeof(*c), by_population);
	for (; *n < max && *n < nc; (*n)++) {
		snprintf(out[*n].name, sizeof(out[*n].name), "%s", c[*n].place->name);
		out[*n].at = c[*n].place->at;
	}
	gt_geo_region_free(held);
	free(c);
	return GT_OK;
}

/* The nearest of the held cities, as "120 km SW of Poltava". */
static void describe(const struct gt__air_site *c, size_t nc, struct gt_point at, char *out,
                     size_t size)
{
	static const char *const dirs[8] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
	const struct gt__air_site *near = NULL;
	double best = INFINITY;
	for (size_t i = 0; i < nc; i++) {
		double km = gt_geo_distance_km(c[i].at, at);
		if (km < best) {
			best = km;
			near = &c[i];
		}
	}
	if (!near) {
		snprintf(out, size, "%.2f%s %.2f%s", fabs(at.lon), at.lon < 0 ? "W" : "E",
		         fabs(at.lat), at.lat < 0 ? "S" : "N");
		return;
	}
	double az = gt_geo_azimuth_deg(near->at, at);
	int d = (int)floor(fmod(az + 360 + 22.5, 360) / 45) % 8;
	snprintf(out, size, "%.0f km %s of %s", best, dirs[d], near->name);
}

/* The centres of the held ground's grid cells from lo_km to hi_km from
 * the line, in the grid's order. OUT: *out (caller frees), *n. */
static enum gt_status open_ground(const struct gt_scenario *s, double lo_km, double hi_km,
                                  struct gt_point **out, size_t *n)
{
	const struct gt_theatre *th = &s->theatre;
	struct gt_geo_grid grid;
	*out = NULL;
	*n = 0;
	enum gt_status st = gt_geo_grid_new(&th->held, SITE_GRID_KM, &grid);
	if (st != GT_OK)
		return st;
	struct gt_point *p = malloc((grid.ninside + 1) * sizeof(*p));
	if (!p) {
		gt_geo_grid_fini(&grid);
		return GT_E_NOMEM;
	}
	for (size_t j = 0; j < grid.ny; j++) {
		for (size_t i = 0; i < grid.nx; i++) {
			if (!grid.inside[j * grid.nx + i])
				continue;
			double x, y;
			gt_geo_grid_centre(&grid, i, j, &x, &y);
			struct gt_point at = gt_geo_unproject(grid.pj, x, y);
			double km = gt_theatre_line_distance_km(th, at, NULL);
			if (km >= lo_km && km <= hi_km)
				p[(*n)++] = at;
		}
	}
	gt_geo_grid_fini(&grid);
	*out = p;
	return GT_OK;
}

/* Whether p is at least spacing km from each of the n sites. */
static bool spaced(const struct gt__air_site *sites, size_t n, struct gt_point p, double spacing)
{
	for (size_t k = 0; k < n; k++)
		if (gt_geo_distance_km(sites[k].at, p) < spacing)
			return false;
	return true;
}

enum gt_status gt__air_sites(const struct gt_scenario *s, double safe_km, size_t n,
                             struct gt__air_site *sites, size_t *placed, size_t *over_cities)
{
	double spacing = s->doctrine.station_spacing_km;
	size_t nplaces = s->theatre.nplaces;
	struct gt__air_site *held = calloc(nplaces + 1, sizeof(*held));
	struct gt_point *cand = NULL;
	size_t got = 0, nheld = 0, ncand = 0;
	*over_cities = 0;
	enum gt_status st = held ? gt__air_cities(s, 0, held, nplaces, &nheld) : GT_E_NOMEM;
	if (st == GT_OK)
		st = open_ground(s, safe_km, safe_km + SITE_DEPTH_KM, &cand, &ncand);
	/* the held cities, largest first: each from over it when it is out of
	 * reach, else from the nearest open ground that is; none closer than
	 * `spacing` to another */
	for (size_t c = 0; st == GT_OK && got < n && c < nheld; c++) {
		if (gt_theatre_line_distance_km(&s->theatre, held[c].at, NULL) >= safe_km) {
			if (spaced(sites, got, held[c].at, spacing)) {
				sites[got++] = held[c];
				(*over_cities)++;
			}
			continue;
		}
		double best = INFINITY;
		size_t at = ncand;
		for (size_t k = 0; k < ncand; k++) {
			double km = gt_geo_distance_km(held[c].at, cand[k]);
			if (km < best) {
				best = km;
				at = k;
			}
		}
		if (at == ncand || !spaced(sites, got, cand[at], spacing))
			continue;
		describe(held, nheld, cand[at], sites[got].name, sizeof(sites[got].name));
		sites[got++].at = cand[at];
	}
	/* then the open ground, each site as far from the others as can be */
	for (; st == GT_OK && got < n; got++) {
		double best = -1;
		size_t at = 0;
		for (size_t c = 0; c < ncand; c++) {
			double nearest = INFINITY;
			for (size_t k = 0; k < got; k++)
				nearest = fmin(nearest, gt_geo_distance_km(sites[k].at, cand[c]));
			if (nearest > best) { /* the first of equals: the grid's order */
				best = nearest;
				at = c;
			}
		}
		if (best < spacing)
			break;
		describe(held, nheld, cand[at], sites[got].name, sizeof(sites[got].name));
		sites[got].at = cand[at];
	}
	free(cand);
	free(held);
	*placed = got;
	if (st != GT_OK)
		return st;
	return got < n ? GT_E_RANGE : GT_OK;
}

static const char *const flag_names[GT_AIR_FLAG_COUNT] = {
	"inside_air_defences", "short_on_station", "large_fleet_share", "over_occupied_ground",
	"inside_standoff"};

const char *gt_air_flag_name(unsigned flag)
{
	for (unsigned i = 0; i < GT_AIR_FLAG_COUNT; i++)
		if (flag == 1u << i)
			return flag_names[i];
	return NULL;
}

double gt_air_safe_km(const struct gt_scenario *s, const struct gt_option *o)
{
	double reach = s->doctrine.sam_range_km + s->doctrine.sam_margin_km;
	return o && o->standoff_km > reach ? o->standoff_km : reach;
}

unsigned gt_air_flags(const struct gt_scenario *s, const struct gt_option *o,
                      const struct gt_aircraft *ac, struct gt_point at,
                      const struct gt_air_station_need *n)
{
	const struct gt_doctrine *d = &s->doctrine;
	const struct gt_theatre *th = &s->theatre;
	unsigned flags = 0;
	double km = gt_theatre_line_distance_km(th, at, NULL);
	if (km < d->sam_range_km + d->sam_margin_km)
		flags |= GT_AIR_INSIDE_AIR_DEFENCES;
	if (o && o->standoff_given && km < o->standoff_km)
		flags |= GT_AIR_INSIDE_STANDOFF;
	if (n->on_station_h < d->min_on_station_h)
		flags |= GT_AIR_SHORT_ON_STATION;
	/* the fleet: what the coalition offers of the aircraft's kind */
	enum gt_unit u = ac->role == GT_AIR_AEW ? GT_UNIT_AEW : GT_UNIT_FIGHTERS;
	long offered = 0;
	for (size_t m = 0; m < s->nmembers; m++)
		offered += s->members[m].sustain[u];
	if (ac->role != GT_AIR_TANKER && offered > 0 &&
	    (double)n->aircraft_whole > d->max_fleet_share * (double)offered)
		flags |= GT_AIR_LARGE_FLEET_SHARE;
	return flags;
}

enum gt_status gt__air_near_ground(const struct gt_scenario *s, struct gt_point from,
                                   double near_km, double safe_km, struct gt__air_site *out,
                                   bool *far)
{
	const struct gt_theatre *th = &s->theatre;
	struct gt_geo_region *held;
	*far = false;
	enum gt_status st = gt_geo_region_new(&th->held, &held);
	if (st != GT_OK)
		return st;
	double off = gt_geo_region_distance_km(held, from);
	gt_geo_region_free(held);
	if (off <= near_km)
		return GT_OK;
	struct gt_point *ground;
	size_t n;
	if ((st = open_ground(s, safe_km, INFINITY, &ground, &n)) != GT_OK)
		return st;
	double best = INFINITY;
	for (size_t k = 0; k < n; k++) {
		double km = gt_geo_distance_km(from, ground[k]);
		if (km < best) {
			best = km;
			out->at = ground[k];
		}
	}
	free(ground);
	if (!isfinite(best))
		return GT_OK; /* no such ground: the orbit stays over its base */
	struct gt__air_site *cities = calloc(th->nplaces + 1, sizeof(*cities));
	size_t nc = 0;
	if (!cities)
		return GT_E_NOMEM;
	if ((st = gt__air_cities(s, 0, cities, th->nplaces, &nc)) == GT_OK) {
		describe(cities, nc, out->at, out->name, sizeof(out->name));
		*far = true;
	}
	free(cities);
	return st;
}
