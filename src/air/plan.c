/* plan.c: places an option's patrol stations and AEW orbits and sizes
 * them with the station model (docs/model-air.md, "Placing an option's
 * stations"). Ties are broken by name, so the plan never depends on the
 * order of the geometry file beyond its contents. */
#include "air/air_priv.h"
#include "util/utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cand {
	const struct gt_place *place;
	double key; /* sort key: larger first */
};

static int by_key(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return strcmp(x->place->name, y->place->name);
}

static const struct gt_aircraft *need_type(const struct gt_aircraft_catalogue *cat,
                                           const char *type, enum gt_air_role role, size_t option,
                                           const char *field, struct gt_err *err)
{
	const struct gt_aircraft *ac = gt_aircraft_find(cat, type);
	if (ac && ac->role == role)
		return ac;
	char path[96];
	snprintf(path, sizeof(path), "options[%zu].air.%s", option, field);
	gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, path,
	           "'%s' is not %s in the aircraft catalogue; `guarantor air --list` shows them", type,
	           role == GT_AIR_FIGHTER ? "a fighter" : role == GT_AIR_AEW ? "an AEW aircraft"
	                                                                    : "a tanker");
	return NULL;
}

static enum gt_status add_post(struct gt_air_plan *plan, const char *name, bool aew,
                               struct gt_point at, const struct gt_place *base,
                               const struct gt_aircraft *ac, const struct gt_air_station_need *n)
{
	struct gt_air_post *grown = realloc(plan->posts, (plan->nposts + 1) * sizeof(*grown));
	if (!grown)
		return GT_E_NOMEM;
	plan->posts = grown;
	struct gt_air_post *p = &grown[plan->nposts++];
	memset(p, 0, sizeof(*p));
	/* cut long names on a character boundary, never inside one */
	snprintf(p->name, sizeof(p->name), "%s %.*s", aew ? "AEW" : "CAP",
	         gt__utf8_prefix(name, sizeof(p->name) - 5), name);
	p->aew = aew;
	p->at = at;
	p->base = base;
	p->aircraft = ac;
	p->need = *n;
	return GT_OK;
}

/* A plan's totals from its posts; (A10) tankers for all refuelled
 * stations together. */
static enum gt_status add_totals(struct gt_air_plan *plan, struct gt_err *err)
{
	plan->fighters = plan->aew_aircraft = plan->tankers = plan->crews = plan->personnel = 0;
	plan->sorties_per_day = plan->fuel_t_per_day = 0;
	for (size_t i = 0; i < plan->nposts; i++) {
		const struct gt_air_post *p = &plan->posts[i];
		if (p->aew)
			plan->aew_aircraft += p->need.aircraft_whole;
		else
			plan->fighters += p->need.aircraft_whole;
		plan->crews += p->need.crews;
		plan->personnel += p->need.personnel;
		plan->sorties_per_day += p->need.sorties_per_day;
		plan->fuel_t_per_day += p->need.fuel_t_per_day;
	}
	if (plan->tanker && plan->fuel_t_per_day > 0) {
		double t;
		enum gt_status st = gt_air_tankers(plan->tanker, plan->fuel_t_per_day, &t, err);
		if (st != GT_OK)
			return st;
		plan->tankers = (long)ceil(t - 1e-9);
		plan->crews += (long)ceil((double)plan->tankers * plan->tanker->crew *
		                          plan->tanker->crew_ratio - 1e-9);
		plan->personnel += lround((double)plan->tankers * plan->tanker->personnel);
	}
	return GT_OK;
}

/* Flags the posts over ground of the defended country the adversary holds
 * (only a station or orbit the scenario places can be: the defaults keep
 * to the ground held or to the bases). */
static enum gt_status flag_occupied(const struct gt_scenario *s, struct gt_air_plan *plan)
{
	const struct gt_theatre *th = &s->theatre;
	if (th->occupied.n == 0 || plan->nposts == 0)
		return GT_OK;
	struct gt_geo_region *occupied;
	enum gt_status st = gt_geo_region_new(&th->occupied, &occupied);
	if (st != GT_OK)
		return st;
	for (size_t i = 0; i < plan->nposts; i++)
		if (gt_geo_region_contains(occupied, plan->posts[i].at))
			plan->posts[i].flags |= GT_AIR_OVER_OCCUPIED;
	gt_geo_region_free(occupied);
	return GT_OK;
}

/* How far a stand-off that does not fit the theatre is lowered at each
 * try, km. */
#define STANDOFF_STEP_KM 10.0

/* (P1) the option's stations placed by default, at the safe distance
 * (gt_air_safe_km); when that does not fit the theatre, at the largest
 * stand-off, in steps of STANDOFF_STEP_KM, at which they fit, as the plan
 * then says, but never closer than a stand-off the option sets itself. */
static enum gt_status place_stations(const struct gt_scenario *s, size_t option,
                                     struct gt_air_plan *plan, struct gt__air_site *sites,
                                     struct gt_err *err)
{
	const struct gt_option *o = &s->options[option];
	size_t n = (size_t)o->patrol_stations, placed = 0, over = 0;
	double want = gt_air_safe_km(s, o), use = want;
	double floor_km = o->standoff_given ? fmin(o->standoff_km, want) : 0;
	enum gt_status st = gt__air_sites(s, use, n, sites, &placed, &over);
	if (st == GT_E_RANGE && use > floor_km) {
		/* nothing to search when they do not fit even at the floor */
		use = floor_km;
		st = gt__air_sites(s, use, n, sites, &placed, &over);
		for (double km = ceil(want / STANDOFF_STEP_KM - 1) * STANDOFF_STEP_KM;
		     st == GT_OK && km > floor_km; km -= STANDOFF_STEP_KM) {
			enum gt_status at = gt__air_sites(s, km, n, sites, &placed, &over);
			if (at == GT_OK) {
				use = km;
				break;
			}
			if (at != GT_E_RANGE)
				st = at;
		}
		/* the sites of the stand-off chosen */
		if (st == GT_OK && use == floor_km)
			st = gt__air_sites(s, use, n, sites, &placed, &over);
	}
	plan->standoff_km = use;
	plan->standoff_wanted_km = want;
	if (st == GT_OK)
		return GT_OK;
	if (st != GT_E_RANGE)
		return gt_err_set(err, st, NULL, 0, 0, "theatre.geometry",
		                  "cannot place the patrol stations: %s", gt_strerror(st));
	char path[96];
	double spacing = s->doctrine.station_spacing_km;
	if (o->standoff_given) {
		snprintf(path, sizeof(path), "options[%zu].air.standoff_km", option);
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, path,
		                  "%d patrol stations, but only %zu fit on the ground the defender "
		                  "holds %.0f km or more from the nearest line (the stand-off this "
		                  "option sets) and %.0f km apart; lower air.standoff_km, "
		                  "air.patrol_stations or doctrine.air.station_spacing_km",
		                  o->patrol_stations, placed, use, spacing);
	}
	snprintf(path, sizeof(path), "options[%zu].air.patrol_stations", option);
	return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, path,
	                  "%d patrol stations, but only %zu fit on the ground the defender holds "
	                  "%.0f km apart, even with no stand-off from the lines (the default "
	                  "stand-off is %.0f km); lower air.patrol_stations or "
	                  "doctrine.air.station_spacing_km, or place the stations with air.stations",
	                  o->patrol_stations, placed, spacing, want);
}

enum gt_status gt_air_plan_option(const struct gt_scenario *s, size_t option,
                                  const struct gt_aircraft_catalogue *cat,
                                  struct gt_air_plan **out, struct gt_err *err)
{
	const struct gt_option *o = &s->options[option];
	const struct gt_theatre *th = &s->theatre;
	*out = NULL;
	struct gt_air_plan *plan = calloc(1, sizeof(*plan));
	struct gt__air_site *sites = calloc((size_t)o->patrol_stations + 1, sizeof(*sites));
	struct cand *bases = calloc(th->nplaces + 1, sizeof(*bases));
	size_t nbases = 0;
	enum gt_status st = GT_OK;
	if (!plan || !sites || !bases) {
		st = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
		goto out_fail;
	}
	plan->option = o;
	if (o->patrol_stations == 0 && o->aew_orbits == 0)
		goto out_done;
	if (!(plan->fighter = need_type(cat, o->fighter, GT_AIR_FIGHTER, option, "fighter", err)) ||
	    !(plan->aew = need_type(cat, o->aew, GT_AIR_AEW, option, "aew", err)) ||
	    (o->refuelling &&
	     !(plan->tanker = need_type(cat, o->tanker, GT_AIR_TANKER, option, "tanker", err)))) {
		st = err->status;
		goto out_fail;
	}
	/* allied bases, and the defended country's own on the ground it holds
	 * when the theatre allows them */
	struct gt_geo_region *held = NULL;
	if (th->in_country_bases && gt_geo_region_new(&th->held, &held) != GT_OK)
		goto out_nomem;
	for (size_t i = 0; i < th->nplaces; i++) {
		const struct gt_place *p = &th->places[i];
		bool own = strcmp(p->country, th->defended) == 0;
		if (p->kind == GT_PLACE_AIR_BASE &&
		    (!own || (held && gt_geo_region_contains(held, p->at))))
			bases[nbases++] = (struct cand){p, 0};
	}
	gt_geo_region_free(held);
	/* (P1) stations out of the air defences' reach, plus a margin */
	if (!o->stations && (st = place_stations(s, option, plan, sites, err)) != GT_OK)
		goto out_fail;
	if (nbases == 0) {
		st = gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "theatre.geometry",
		                th->in_country_bases
		                        ? "no air base to fly the umbrella from: none outside the "
		                          "defended country, and none on the ground it holds"
		                        : "no air base outside the defended country to fly the "
		                          "umbrella from; theatre.in_country_bases: true lets its own "
		                          "bases on the ground it holds serve");
		goto out_fail;
	}
	/* (P1) stations as the scenario gives them, or over the largest cities
	 * behind the standoff; (P2) each from its given base, or the nearest
	 * that can hold it */
	for (int k = 0; k < o->patrol_stations; k++) {
		const struct gt_air_spot *given = o->stations ? &o->stations[k] : NULL;
		const char *name = given ? given->name : sites[k].name;
		struct gt_point at = given ? given->at : sites[k].at;
		const struct gt_place *best = NULL;
		struct gt_air_station_need need, best_need;
		/* a given base may be any air base of the theatre, even one in the
		 * defended country; otherwise the allied bases compete */
		size_t ncand = given && given->base ? 1 : nbases;
		for (size_t b = 0; b < ncand; b++) {
			const struct gt_place *cand = given && given->base ? given->base : bases[b].place;
			struct gt_err why;
			double km = gt_geo_distance_km(cand->at, at);
			enum gt_status fit = gt_air_station(plan->fighter, km, 2, o->refuelling, 0, &need,
			                                    &why);
			if (fit == GT_E_USAGE) { /* the catalogue lacks what the plan needs */
				char path[96];
				snprintf(path, sizeof(path), "options[%zu].air.refuelling", option);
				st = gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, path, "%s: %s",
				                plan->fighter->type, why.msg);
				goto out_fail;
			}
			if (fit != GT_OK)
				continue;
			if (!best || km < best_need.distance_km ||
			    (km == best_need.distance_km && strcmp(cand->name, best->name) < 0)) {
				best = cand;
				best_need = need;
			}
		}
		if (!best) {
			char path[96];
			snprintf(path, sizeof(path), "options[%zu].air.%s", option,
			         given ? "stations" : "patrol_stations");
			if (given && given->base)
				st = gt_err_set(err, GT_E_RANGE, NULL, 0, 0, path,
				                "%s cannot hold a %s station over %s (%.0f km)%s",
				                given->base->name, plan->fighter->type, name,
				                gt_geo_distance_km(given->base->at, at),
				                o->refuelling ? "" : "; try refuelling: true");
			else
				st = gt_err_set(err, GT_E_RANGE, NULL, 0, 0, path,
				                "no air base can hold a %s station over %s%s",
				                plan->fighter->type, name,
				                o->refuelling ? "" : "; try refuelling: true");
			goto out_fail;
		}
		if ((st = add_post(plan, name, false, at, best, plan->fighter, &best_need)) != GT_OK)
			goto out_nomem;
		plan->posts[plan->nposts - 1].flags = gt_air_flags(s, o, plan->fighter, at, &best_need);
	}
	/* (P3) AEW orbits as given, each held from its base or the nearest
	 * allied base; or over the allied bases nearest, in sum of distances,
	 * the stations (as given or placed), or the three largest cities when
	 * there are no stations; ties by name */
	struct gt__air_site largest[3];
	size_t nref = plan->nposts;
	if (nref == 0 && (st = gt__air_cities(s, 0, largest, 3, &nref)) != GT_OK)
		goto out_nomem;
	for (size_t b = 0; b < nbases; b++) {
		double sum = 0;
		for (size_t k = 0; k < nref; k++)
			sum += gt_geo_distance_km(bases[b].place->at, plan->nposts > 0 ? plan->posts[k].at
			                                                               : largest[k].at);
		bases[b].key = -sum;
	}
	qsort(bases, nbases, sizeof(*bases), by_key);
	for (int k = 0; k < o->aew_orbits; k++) {
		const struct gt_air_spot *given = o->orbits ? &o->orbits[k] : NULL;
		const struct gt_place *b = bases[(size_t)k % nbases].place;
		struct gt_point at = b->at;
		const char *name = b->name;
		struct gt__air_site moved;
		bool far = false;
		/* an orbit over a base too far from the ground held to watch it
		 * moves to the nearest ground held out of the air defences' reach */
		double safe = o->stations ? gt_air_safe_km(s, o) : plan->standoff_km;
		if (!given && (st = gt__air_near_ground(s, b->at, plan->aew->radar_km / 2, safe, &moved,
		                                        &far)) != GT_OK)
			goto out_nomem;
		if (far) {
			at = moved.at;
			name = moved.name;
		}
		if (given) {
			at = given->at;
			name = given->name;
			b = given->base;
			if (!b) { /* the nearest allied base; ties by the order above */
				b = bases[0].place;
				for (size_t i = 1; i < nbases; i++)
					if (gt_geo_distance_km(bases[i].place->at, at) <
					    gt_geo_distance_km(b->at, at))
						b = bases[i].place;
			}
		}
		struct gt_air_station_need need;
		if ((st = gt_air_station(plan->aew, gt_geo_distance_km(b->at, at), 1, false, 0, &need,
		                         err)) != GT_OK) {
			if (err)
				snprintf(err->path, sizeof(err->path), "options[%zu].air.orbits", option);
			goto out_fail;
		}
		if ((st = add_post(plan, name, true, at, b, plan->aew, &need)) != GT_OK)
			goto out_nomem;
		plan->posts[plan->nposts - 1].flags = gt_air_flags(s, o, plan->aew, at, &need);
	}
	if ((st = flag_occupied(s, plan)) != GT_OK)
		goto out_nomem;
	if ((st = add_totals(plan, err)) != GT_OK)
		goto out_fail;
out_done:
	free(sites);
	free(bases);
	*out = plan;
	return GT_OK;
out_nomem:
	st = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
out_fail:
	free(sites);
	free(bases);
	gt_air_plan_free(plan);
	return st;
}

void gt_air_plan_free(struct gt_air_plan *plan)
{
	if (!plan)
		return;
	free(plan->posts);
	free(plan);
}

enum gt_status gt_air_plan_held(const struct gt_air_plan *plan, long fighters, long aew,
                                long tankers, struct gt_air_plan **out, struct gt_err *err)
{
	*out = NULL;
	struct gt_air_plan *held = malloc(sizeof(*held));
	struct gt_air_post *posts = malloc((plan->nposts + 1) * sizeof(*posts));
	if (!held || !posts) {
		free(held);
		free(posts);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	*held = *plan;
	held->posts = posts;
	held->nposts = 0;
	/* first fit, in the plan's order: a post too large for what is left
	 * does not stop a smaller one after it */
	for (size_t i = 0; i < plan->nposts; i++) {
		const struct gt_air_post *p = &plan->posts[i];
		long *left = p->aew ? &aew : &fighters;
		if (p->need.aircraft_whole > *left)
			continue;
		*left -= p->need.aircraft_whole;
		posts[held->nposts++] = *p;
	}
	enum gt_status st = add_totals(held, err);
	/* too few tankers: the last refuelled posts go until the rest are fed */
	while (st == GT_OK && tankers >= 0 && held->tankers > tankers) {
		size_t last = held->nposts;
		while (last > 0 && !(held->posts[last - 1].need.fuel_t_per_day > 0))
			last--;
		if (last == 0)
			break;
		memmove(&held->posts[last - 1], &held->posts[last],
		        (held->nposts - last) * sizeof(*held->posts));
		held->nposts--;
		st = add_totals(held, err);
	}
	if (st != GT_OK) {
		gt_air_plan_free(held);
		return st;
	}
	*out = held;
	return GT_OK;
}
