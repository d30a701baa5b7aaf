/* air.c: air umbrellas as a table, JSON, CSV and GeoJSON (docs/output.md). */
#include "render/render_json.h"
#include "render/text.h"
#include "util/thousands.h"
#include "util/utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *real(double x, double unit)
{
	return json_real(round(x / unit) * unit);
}

static json_t *coverage_json(struct gt__jb *jb, const struct gt_air_coverage *c)
{
	json_t *o = json_object();
	gt__jput(jb, o, "target_m", real(c->target_m, 1));
	gt__jput(jb, o, "radars", json_integer((json_int_t)c->nradars));
	gt__jput(jb, o, "share", real(c->share, 0.0001));
	gt__jput(jb, o, "covered_km2", real(c->cover.covered_km2, 1));
	gt__jput(jb, o, "area_km2", real(c->cover.area_km2, 1));
	return o;
}

/* A post's flags as an array of their names. */
static json_t *flags_json(struct gt__jb *jb, unsigned flags)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < GT_AIR_FLAG_COUNT; i++)
		if (flags & (1u << i))
			gt__jappend(jb, a, json_string(gt_air_flag_name(1u << i)));
	return a;
}

void gt_render_air_flags(FILE *out, const struct gt_scenario *s, const char *what,
                         const struct gt_aircraft *ac, struct gt_point at,
                         const struct gt_air_station_need *n, unsigned flags)
{
	const struct gt_doctrine *d = &s->doctrine;
	if (flags & GT_AIR_INSIDE_AIR_DEFENCES) {
		size_t l = 0;
		double km = gt_theatre_line_distance_km(&s->theatre, at, &l);
		fprintf(out, "  ! %s: %.0f km from %s, inside the air defences' assumed reach "
		             "(%.0f km) and its %.0f km margin\n",
		        what, km, s->theatre.nlines == 1 ? "the line" : s->theatre.lines[l].name,
		        d->sam_range_km, d->sam_margin_km);
	}
	if (flags & GT_AIR_OVER_OCCUPIED)
		fprintf(out, "  ! %s: over ground the adversary holds\n", what);
	if (flags & GT_AIR_INSIDE_STANDOFF) {
		size_t l = 0;
		double km = gt_theatre_line_distance_km(&s->theatre, at, &l);
		fprintf(out, "  ! %s: %.0f km from %s, inside the option's stand-off\n", what, km,
		        s->theatre.nlines == 1 ? "the line" : s->theatre.lines[l].name);
	}
	if (flags & GT_AIR_SHORT_ON_STATION)
		fprintf(out, "  ! %s: %.2f h on station per sortie, under %.2g h: most of each sortie "
		             "is transit\n",
		        what, n->on_station_h, d->min_on_station_h);
	if (flags & GT_AIR_LARGE_FLEET_SHARE) {
		enum gt_unit u = ac->role == GT_AIR_AEW ? GT_UNIT_AEW : GT_UNIT_FIGHTERS;
		long offered = 0;
		for (size_t m = 0; m < s->nmembers; m++)
			offered += s->members[m].sustain[u];
		fprintf(out, "  ! %s: needs %ld %s, more than %.0f%% of the %ld %s the coalition offers\n",
		        what, n->aircraft_whole, ac->type, 100 * d->max_fleet_share, offered,
		        u == GT_UNIT_AEW ? "AEW aircraft" : "fighters");
	}
}

static json_t *post_json(struct gt__jb *jb, const struct gt_air_result *r, size_t i)
{
	const struct gt_air_post *p = &r->plan->posts[i];
	json_t *o = json_object();
	gt__jput(jb, o, "name", json_string(p->name));
	gt__jput(jb, o, "kind", json_string(p->aew ? "aew" : "cap"));
	gt__jput(jb, o, "lon", real(p->at.lon, 0.0001));
	gt__jput(jb, o, "lat", real(p->at.lat, 0.0001));
	gt__jput(jb, o, "base", json_string(p->base->name));
	gt__jput(jb, o, "aircraft_type", json_string(p->aircraft->type));
	gt__jput(jb, o, "distance_km", real(p->need.distance_km, 0.1));
	gt__jput(jb, o, "transit_h", real(p->need.transit_h, 0.001));
	gt__jput(jb, o, "on_station_h", real(p->need.on_station_h, 0.001));
	gt__jput(jb, o, "sorties_per_day", real(p->need.sorties_per_day, 0.01));
	gt__jput(jb, o, "aircraft", json_integer(p->need.aircraft_whole));
	gt__jput(jb, o, "crews", json_integer(p->need.crews));
	gt__jput(jb, o, "personnel", json_integer(p->need.personnel));
	if (r->assessment && !p->aew)
		gt__jput(jb, o, "exposure", real(r->assessment->post_exposure[i], 0.0001));
	gt__jput(jb, o, "flags", flags_json(jb, p->flags));
	return o;
}

static json_t *option_json(struct gt__jb *jb, const struct gt_air_result *r)
{
	const struct gt_air_plan *pl = r->plan;
	const struct gt_option *o = pl->option;
	json_t *j = json_object(), *posts = json_array();
	gt__jput(jb, j, "name", json_string(o->name));
	gt__jput(jb, j, "title", json_string(o->title));
	gt__jput(jb, j, "fighter", pl->fighter ? json_string(pl->fighter->type) : json_null());
	gt__jput(jb, j, "aew", pl->aew ? json_string(pl->aew->type) : json_null());
	gt__jput(jb, j, "tanker", pl->tanker ? json_string(pl->tanker->type) : json_null());
	gt__jput(jb, j, "refuelling", json_boolean(o->refuelling));
	/* the stand-off the stations placed by default keep, and the one asked
	 * for when a default had to be lowered to fit the theatre */
	gt__jput(jb, j, "standoff_km", o->stations ? json_null() : real(pl->standoff_km, 0.1));
	gt__jput(jb, j, "standoff_wanted_km",
	         o->stations ? json_null() : real(pl->standoff_wanted_km, 0.1));
	for (size_t i = 0; i < pl->nposts; i++)
		gt__jappend(jb, posts, post_json(jb, r, i));
	gt__jput(jb, j, "posts", posts);
	gt__jput(jb, j, "fighters", json_integer(pl->fighters));
	gt__jput(jb, j, "aew_aircraft", json_integer(pl->aew_aircraft));
	gt__jput(jb, j, "tankers", json_integer(pl->tankers));
	gt__jput(jb, j, "sorties_per_day", real(pl->sorties_per_day, 0.01));
	gt__jput(jb, j, "fuel_t_per_day", real(pl->fuel_t_per_day, 0.1));
	gt__jput(jb, j, "crews", json_integer(pl->crews));
	gt__jput(jb, j, "personnel", json_integer(pl->personnel));
	const struct gt_air_assessment *a = r->assessment;
	if (!a)
		return j;
	const struct gt_theatre *th = &r->scenario->theatre;
	json_t *ter = json_object(), *cov = json_object(), *re = json_object(), *ex = json_object();
	gt__jput(jb, ter, "label", json_string(th->held_label));
	gt__jput(jb, ter, "area_km2", real(th->held_km2, 1));
	gt__jput(jb, ter, "outline_km2", real(th->outline_km2, 1));
	gt__jput(jb, j, "territory", ter);
	gt__jput(jb, cov, "low", coverage_json(jb, &a->low));
	gt__jput(jb, cov, "high", coverage_json(jb, &a->high));
	gt__jput(jb, j, "coverage", cov);
	gt__jput(jb, re, "resolution_km", real(a->params.resolution_km, 0.01));
	gt__jput(jb, re, "cells", json_integer((json_int_t)a->reaction.grid.ninside));
	gt__jput(jb, re, "sources", json_integer((json_int_t)a->reaction.nsources));
	gt__jput(jb, re, "alert_minutes", real(a->params.alert_minutes, 0.1));
	if (a->reaction.nsources > 0) {
		gt__jput(jb, re, "within_10_min", real(a->reaction.within[0], 0.0001));
		gt__jput(jb, re, "within_20_min", real(a->reaction.within[1], 0.0001));
		gt__jput(jb, re, "within_30_min", real(a->reaction.within[2], 0.0001));
		gt__jput(jb, re, "median_min", real(a->reaction.median_min, 0.1));
		gt__jput(jb, re, "max_min", real(a->reaction.max_min, 0.1));
	}
	gt__jput(jb, j, "reaction", re);
	gt__jput(jb, ex, "sam_range_km", real(a->params.sam_range_km, 0.1));
	gt__jput(jb, ex, "share", real(a->exposure.share, 0.0001));
	gt__jput(jb, ex, "exposed_h_per_day", real(a->exposure.exposed_h_per_day, 0.01));
	gt__jput(jb, ex, "airborne_h_per_day", real(a->exposure.airborne_h_per_day, 0.01));
	gt__jput(jb, j, "exposure", ex);
	return j;
}

json_t *gt__render_air_json(struct gt__jb *jb, const struct gt_air_result *r, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		gt__jappend(jb, arr, option_json(jb, &r[i]));
	return arr;
}

static double pct(double share)
{
	return 100 * share;
}

static void option_table(FILE *out, const struct gt_air_result *r)
{
	const struct gt_air_plan *pl = r->plan;
	const struct gt_option *o = pl->option;
	char a[32];
	fprintf(out, "%s: %s\n", o->name, o->title);
	if (pl->nposts == 0) {
		fputs("  no air elements\n", out);
		return;
	}
	fprintf(out, "  %s patrols%s, %s orbits; ", pl->fighter->type,
	        o->refuelling ? " with air-to-air refuelling" : " unrefuelled", pl->aew->type);
	if (o->stations)
		fputs("stations as the scenario places them\n", out);
	else if (pl->standoff_km < pl->standoff_wanted_km)
		fprintf(out, "stations at least %.0f km from %s: the default stand-off, %.0f km, does "
		             "not leave room for them on the ground the defender holds\n",
		        pl->standoff_km, gt__nearest_line(&r->scenario->theatre), pl->standoff_wanted_km);
	else
		fprintf(out, "stations at least %.0f km from %s, beyond the air defences\n",
		        pl->standoff_km, gt__nearest_line(&r->scenario->theatre));
	/* padded by columns, not bytes, so names like Rzeszów line up; whole */
	int wpost = 26, wbase = 30;
	for (size_t i = 0; i < pl->nposts; i++) {
		if (gt_render_width(pl->posts[i].name) > wpost)
			wpost = gt_render_width(pl->posts[i].name);
		if (gt_render_width(pl->posts[i].base->name) > wbase)
			wbase = gt_render_width(pl->posts[i].base->name);
	}
	fputs("  ", out);
	gt_render_pad(out, "post", wpost);
	fputc(' ', out);
	gt_render_pad(out, "base", wbase);
	fprintf(out, " %6s %10s %9s %8s %7s\n", "km", "on station", "sorties/d", "aircraft",
	        "exposed");
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_air_post *p = &pl->posts[i];
		fputs("  ", out);
		gt_render_pad(out, p->name, wpost);
		fputc(' ', out);
		gt_render_pad(out, p->base->name, wbase);
		fprintf(out, " %6.0f %9.2fh %9.1f %8ld", p->need.distance_km, p->need.on_station_h,
		        p->need.sorties_per_day, p->need.aircraft_whole);
		if (r->assessment && !p->aew)
			fprintf(out, " %6.0f%%", pct(r->assessment->post_exposure[i]));
		fputs(p->flags ? " !\n" : "\n", out);
	}
	for (size_t i = 0; i < pl->nposts; i++)
		gt_render_air_flags(out, r->scenario, pl->posts[i].name, pl->posts[i].aircraft,
		                    pl->posts[i].at, &pl->posts[i].need, pl->posts[i].flags);
	fprintf(out,
	        "  total: %ld fighters, %ld AEW aircraft, %ld tankers; %.0f sorties a day; %ld crews; "
	        "%s people\n",
	        pl->fighters, pl->aew_aircraft, pl->tankers, pl->sorties_per_day, pl->crews,
	        gt_render_thousands(pl->personnel, a));
	const struct gt_air_assessment *as = r->assessment;
	if (!as)
		return;
	char lo[32], hi[32];
	fprintf(out,
	        "  radar coverage: %.0f%% of the ground held for low targets (%s m), %.0f%% for high "
	        "(%s m); %zu radar%s\n",
	        pct(as->low.share), gt_render_thousands(lround(as->low.target_m), lo),
	        pct(as->high.share), gt_render_thousands(lround(as->high.target_m), hi),
	        as->low.nradars, as->low.nradars == 1 ? "" : "s");
	if (as->reaction.nsources > 0)
		fprintf(out,
		        "  reaction: %.0f%% within 10 min, %.0f%% within 20, %.0f%% within 30; median "
		        "%.0f min, worst %.0f (%zu sources, %.3g km grid)\n",
		        pct(as->reaction.within[0]), pct(as->reaction.within[1]),
		        pct(as->reaction.within[2]), as->reaction.median_min, as->reaction.max_min,
		        as->reaction.nsources, as->params.resolution_km);
	else
		fputs("  reaction: no fighters on patrol or alert\n", out);
	fprintf(out, "  exposure: %.0f%% of fighters' airborne time within %.0f km of %s\n",
	        pct(as->exposure.share), as->params.sam_range_km,
	        gt__a_line(&r->scenario->theatre));
}

static const char *const csv_cols[] = {
	"option",        "fighter",          "aew",           "tanker",        "stations",
	"orbits",        "fighters",         "aew_aircraft",  "tankers",       "sorties_per_day",
	"crews",         "personnel",        "low_target_m",  "low_cover",     "high_target_m",
	"high_cover",    "within_10_min",    "within_20_min", "within_30_min", "median_min",
	"max_min",       "exposure",         NULL};

static void csv_text(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void option_csv(FILE *out, const struct gt_air_result *r)
{
	const struct gt_air_plan *pl = r->plan;
	const struct gt_air_assessment *a = r->assessment;
	csv_text(out, pl->option->name);
	fputc(',', out);
	csv_text(out, pl->fighter ? pl->fighter->type : "");
	fputc(',', out);
	csv_text(out, pl->aew ? pl->aew->type : "");
	fputc(',', out);
	csv_text(out, pl->tanker ? pl->tanker->type : "");
	fprintf(out, ",%d,%d,%ld,%ld,%ld,%.2f,%ld,%ld", pl->option->patrol_stations,
	        pl->option->aew_orbits, pl->fighters, pl->aew_aircraft, pl->tankers,
	        pl->sorties_per_day, pl->crews, pl->personnel);
	if (a) {
		fprintf(out, ",%.0f,%.4f,%.0f,%.4f", a->low.target_m, a->low.share, a->high.target_m,
		        a->high.share);
		if (a->reaction.nsources > 0)
			fprintf(out, ",%.4f,%.4f,%.4f,%.1f,%.1f", a->reaction.within[0],
			        a->reaction.within[1], a->reaction.within[2], a->reaction.median_min,
			        a->reaction.max_min);
		else
			fputs(",,,,,", out);
		fprintf(out, ",%.4f\n", a->exposure.share);
	} else {
		fputs(",,,,,,,,,,\n", out);
	}
}

enum gt_status gt_render_air(FILE *out, const struct gt_scenario *s,
                             const struct gt_air_result *r, size_t n, enum gt_format fmt)
{
	if (fmt == GT_FORMAT_JSON) {
		struct gt__jb b = {false}, *jb = &b;
		json_t *root = json_object();
		gt__jput(jb, root, "scenario", json_string(s->name));
		gt__jput(jb, root, "options", gt__render_air_json(jb, r, n));
		enum gt_status st = gt__render_json_print(jb, root, out);
		if (st != GT_OK)
			return st;
	} else if (fmt == GT_FORMAT_CSV) {
		for (size_t c = 0; csv_cols[c]; c++)
			fprintf(out, "%s%s", c ? "," : "", csv_cols[c]);
		fputc('\n', out);
		for (size_t i = 0; i < n; i++)
			option_csv(out, &r[i]);
	} else {
		const struct gt_theatre *th = &s->theatre;
		char a[32], b[32];
		if (n > 0)
			fprintf(out, "Coverage and reaction are over the ground the defender holds: %s km² "
			             "of the %s km² outline,\n%s.\n\n",
			        gt_render_thousands(lround(th->held_km2), a),
			        gt_render_thousands(lround(th->outline_km2), b), th->held_label);
		for (size_t i = 0; i < n; i++) {
			if (i)
				fputc('\n', out);
			option_table(out, &r[i]);
		}
	}
	return fflush(out) == 0 && !ferror(out) ? GT_OK : GT_E_IO;
}

enum gt_status gt_render_air_station_json(FILE *out, const struct gt_air_station_report *r)
{
	const struct gt_air_station_need *n = r->need;
	struct gt__jb b = {false}, *jb = &b;
	json_t *o = json_object();
	gt__jput(jb, o, "aircraft", json_string(r->aircraft->type));
	gt__jput(jb, o, "base", json_string(r->base));
	gt__jput(jb, o, "ship", json_integer(r->ship));
	gt__jput(jb, o, "aar", json_boolean(r->aar));
	gt__jput(jb, o, "distance_km", real(n->distance_km, 0.1));
	gt__jput(jb, o, "transit_h", real(n->transit_h, 0.001));
	gt__jput(jb, o, "sortie_h", real(n->sortie_h, 0.01));
	gt__jput(jb, o, "on_station_h", real(n->on_station_h, 0.001));
	gt__jput(jb, o, "cycle_h", real(n->cycle_h, 0.01));
	gt__jput(jb, o, "sorties_per_day", real(n->sorties_per_day, 0.01));
	gt__jput(jb, o, "aircraft_cycle", real(n->aircraft_cycle, 0.01));
	gt__jput(jb, o, "aircraft_sustain", real(n->aircraft_sustain, 0.01));
	gt__jput(jb, o, "aircraft_needed", real(n->aircraft, 0.01));
	gt__jput(jb, o, "aircraft_whole", json_integer(n->aircraft_whole));
	gt__jput(jb, o, "crews", json_integer(n->crews));
	gt__jput(jb, o, "personnel", json_integer(n->personnel));
	gt__jput(jb, o, "fuel_t_per_day", real(n->fuel_t_per_day, 0.1));
	gt__jput(jb, o, "tanker", r->tanker ? json_string(r->tanker->type) : json_null());
	gt__jput(jb, o, "tankers", real(r->tankers, 0.01));
	gt__jput(jb, o, "tankers_whole", json_integer((json_int_t)ceil(r->tankers - 1e-9)));
	gt__jput(jb, o, "flags", flags_json(jb, r->flags));
	enum gt_status st = gt__render_json_print(jb, o, out);
	if (st != GT_OK)
		return st;
	return fflush(out) == 0 && !ferror(out) ? GT_OK : GT_E_IO;
}

/* --- GeoJSON ----------------------------------------------------------- */

static void feature(struct gt__jb *jb, json_t *features, json_t *props, json_t *geometry)
{
	gt__jappend(jb, features, gt__geojson_feature(jb, geometry, props));
}

static json_t *area_props(struct gt__jb *jb, const char *kind, const char *label, double target_m, double km2)
{
	json_t *p = json_object();
	gt__jput(jb, p, "kind", json_string(kind));
	gt__jput(jb, p, "label", json_string(label));
	if (target_m > 0)
		gt__jput(jb, p, "target_m", real(target_m, 1));
	gt__jput(jb, p, "area_km2", real(km2, 1));
	return p;
}

enum gt_status gt_render_air_geojson(const struct gt_air_result *r, char **out)
{
	const struct gt_air_plan *pl = r->plan;
	const struct gt_air_assessment *a = r->assessment;
	struct gt__jb jbs = {false}, *jb = &jbs;
	json_t *root = json_object(), *features = json_array();
	gt__jput(jb, root, "type", json_string("FeatureCollection"));
	json_t *meta = json_object();
	gt__jput(jb, meta, "scenario", json_string(r->scenario->name));
	gt__jput(jb, meta, "option", json_string(pl->option->name));
	gt__jput(jb, meta, "generator", json_string("guarantor air"));
	gt__jput(jb, root, "properties", meta);
	const struct gt_theatre *th = &r->scenario->theatre;
	if (th->occupied.n > 0)
		feature(jb, features,
		        area_props(jb, "occupied", "held by the adversary: not assessed", 0,
		                   th->outline_km2 - th->held_km2),
		        gt__geojson_multipolygon(jb, &th->occupied));
	if (a) {
		feature(jb, features,
		        area_props(jb, "sam_band", "within reach of the adversary's air defences", 0,
		                   gt_geo_area_km2(&a->sam_band)),
		        gt__geojson_multipolygon(jb, &a->sam_band));
		const struct gt_air_coverage *cov[] = {&a->low, &a->high};
		for (int k = 0; k < 2; k++) {
			feature(jb, features,
			        area_props(jb, "coverage", k ? "radar coverage, high targets"
			                                 : "radar coverage, low targets",
			                   cov[k]->target_m, cov[k]->cover.covered_km2),
			        gt__geojson_multipolygon(jb, &cov[k]->cover.covered));
			feature(jb, features,
			        area_props(jb, "gap", k ? "radar gap, high targets" : "radar gap, low targets",
			                   cov[k]->target_m,
			                   cov[k]->cover.area_km2 - cov[k]->cover.covered_km2),
			        gt__geojson_multipolygon(jb, &cov[k]->cover.gaps));
		}
	}
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_air_post *p = &pl->posts[i];
		if (p->need.distance_km > 0) {
			json_t *g = json_object(), *coords = json_array(), *props = json_object();
			gt__jput(jb, g, "type", json_string("LineString"));
			gt__jappend(jb, coords, gt__geojson_position(jb, p->base->at));
			gt__jappend(jb, coords, gt__geojson_position(jb, p->at));
			gt__jput(jb, g, "coordinates", coords);
			gt__jput(jb, props, "kind", json_string("transit"));
			gt__jput(jb, props, "post", json_string(p->name));
			gt__jput(jb, props, "distance_km", real(p->need.distance_km, 0.1));
			feature(jb, features, props, g);
		}
	}
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_air_post *p = &pl->posts[i];
		json_t *props = json_object();
		gt__jput(jb, props, "kind", json_string(p->aew ? "aew" : "cap"));
		gt__jput(jb, props, "name", json_string(p->name));
		gt__jput(jb, props, "base", json_string(p->base->name));
		gt__jput(jb, props, "aircraft_type", json_string(p->aircraft->type));
		gt__jput(jb, props, "aircraft", json_integer(p->need.aircraft_whole));
		gt__jput(jb, props, "sorties_per_day", real(p->need.sorties_per_day, 0.01));
		if (a && !p->aew)
			gt__jput(jb, props, "exposure", real(a->post_exposure[i], 0.0001));
		feature(jb, features, props, gt__geojson_point(jb, p->at));
	}
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_place *b = pl->posts[i].base;
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen = seen || pl->posts[k].base == b;
		if (seen)
			continue;
		json_t *props = json_object();
		gt__jput(jb, props, "kind", json_string("base"));
		gt__jput(jb, props, "name", json_string(b->name));
		gt__jput(jb, props, "country", json_string(b->country));
		feature(jb, features, props, gt__geojson_point(jb, b->at));
	}
	gt__jput(jb, root, "features", features);
	return gt__render_geojson_dump(jb, root, out);
}
