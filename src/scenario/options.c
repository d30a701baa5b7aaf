/* options.c: reads the guarantee options, each a mix of ground posture,
 * garrisons, air, naval, training, monitoring and backstop elements. */
#include "scenario_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool valid_ident(const char *s)
{
	if (!*s || strlen(s) > 40)
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-'))
			return false;
	return true;
}

static const struct gt_place *find_city(const struct gt_theatre *th, const char *name)
{
	for (size_t i = 0; i < th->nplaces; i++)
		if (th->places[i].kind == GT_PLACE_CITY && strcmp(th->places[i].name, name) == 0)
			return &th->places[i];
	return NULL;
}

static enum gt_status read_garrisons(struct yr *r, const yaml_node_t *n, const char *path,
                                     const struct gt_theatre *th, struct gt_option *o)
{
	static const char *const keys[] = {"city", "troops", NULL};
	enum gt_status st = gt__yr_expect_seq(r, n, path);
	if (st != GT_OK)
		return st;
	size_t len = gt__yr_seq_len(n);
	o->garrisons = calloc(len ? len : 1, sizeof(*o->garrisons));
	if (!o->garrisons)
		return GT_E_NOMEM;
	for (size_t i = 0; i < len; i++) {
		char sub[YR_PATH_MAX], p[YR_PATH_MAX];
		yaml_node_t *g = gt__yr_seq_at(r, n, i);
		struct gt_garrison *gar = &o->garrisons[i];
		o->ngarrisons = i + 1;
		gt__yr_path_index(sub, path, i);
		if ((st = gt__yr_expect_map(r, g, sub)) != GT_OK ||
		    (st = gt__yr_check_keys(r, g, sub, keys)) != GT_OK ||
		    (st = gt__yr_req_string(r, g, sub, "city", &gar->place)) != GT_OK ||
		    (st = gt__yr_req_number(r, g, sub, "troops", 1, 1e6, &gar->troops)) != GT_OK)
			return st;
		const struct gt_place *city = find_city(th, gar->place);
		if (!city) {
			gt__yr_path_key(p, sub, "city");
			return gt__yr_fail(r, gt__yr_get(r, g, "city"), p, GT_E_SCHEMA,
			                   "'%s' is not a city of the theatre; expected the name of a "
			                   "feature of kind \"city\" in the geometry file",
			                   gar->place);
		}
		gar->at = city->at;
		for (size_t j = 0; j < i; j++)
			if (strcmp(o->garrisons[j].place, gar->place) == 0)
				return gt__yr_fail(r, g, sub, GT_E_SCHEMA,
				                   "%s already has a garrison in this option; give one "
				                   "entry per city",
				                   gar->place);
	}
	return GT_OK;
}

static const struct gt_place *find_place(const struct gt_theatre *th, const char *name,
                                         bool bases_only)
{
	for (size_t i = 0; i < th->nplaces; i++) {
		const struct gt_place *pl = &th->places[i];
		if ((!bases_only || pl->kind == GT_PLACE_AIR_BASE) && strcmp(pl->name, name) == 0)
			return pl;
	}
	return NULL;
}

/* air.stations or air.orbits: a list of {at: PLACE | [lon, lat], base: BASE}.
 * OUT: *spots (count entries, the list's length). */
static enum gt_status read_spots(struct yr *r, const yaml_node_t *n, const char *path,
                                 const struct gt_theatre *th, size_t most,
                                 struct gt_air_spot **spots, int *count)
{
	static const char *const keys[] = {"at", "base", NULL};
	enum gt_status st = gt__yr_expect_seq(r, n, path);
	if (st != GT_OK)
		return st;
	size_t len = gt__yr_seq_len(n);
	if (len == 0 || len > most)
		return gt__yr_fail(r, n, path, GT_E_RANGE, "expected 1 to %zu entries, got %zu", most,
		                   len);
	*spots = calloc(len, sizeof(**spots));
	if (!*spots)
		return GT_E_NOMEM;
	for (size_t i = 0; i < len; i++) {
		char sub[YR_PATH_MAX], p[YR_PATH_MAX];
		yaml_node_t *e = gt__yr_seq_at(r, n, i), *at;
		struct gt_air_spot *sp = &(*spots)[i];
		*count = (int)i + 1;
		gt__yr_path_index(sub, path, i);
		if ((st = gt__yr_expect_map(r, e, sub)) != GT_OK ||
		    (st = gt__yr_check_keys(r, e, sub, keys)) != GT_OK ||
		    (st = gt__yr_need(r, e, sub, "at", &at)) != GT_OK)
			return st;
		gt__yr_path_key(p, sub, "at");
		if (gt__yr_is_scalar(at)) {
			const struct gt_place *pl = find_place(th, gt__yr_text(at), false);
			if (!pl)
				return gt__yr_fail(r, at, p, GT_E_SCHEMA,
				                   "'%s' is not a place of the theatre; expected a city or "
				                   "air base of the geometry file, or [longitude, latitude]",
				                   gt__yr_text(at));
			sp->at = pl->at;
			if (!(sp->name = strdup(pl->name)))
				return GT_E_NOMEM;
		} else {
			double ll[2];
			if (!gt__yr_is_seq(at) || gt__yr_seq_len(at) != 2)
				return gt__yr_fail(r, at, p, GT_E_SCHEMA,
				                   "expected a place name or [longitude, latitude]");
			for (size_t k = 0; k < 2; k++) {
				char q[YR_PATH_MAX];
				gt__yr_path_index(q, p, k);
				if ((st = gt__yr_number(r, gt__yr_seq_at(r, at, k), q, k ? -90 : -180,
				                        k ? 90 : 180, &ll[k])) != GT_OK)
					return st;
			}
			sp->at = (struct gt_point){ll[0], ll[1]};
			char name[64];
			snprintf(name, sizeof(name), "%.2f%c %.2f%c", fabs(ll[0]), ll[0] < 0 ? 'W' : 'E',
			         fabs(ll[1]), ll[1] < 0 ? 'S' : 'N');
			if (!(sp->name = strdup(name)))
				return GT_E_NOMEM;
		}
		yaml_node_t *b = gt__yr_get(r, e, "base");
		if (b) {
			gt__yr_path_key(p, sub, "base");
			if (!gt__yr_is_scalar(b) || !(sp->base = find_place(th, gt__yr_text(b), true)))
				return gt__yr_fail(r, b, p, GT_E_SCHEMA,
				                   "'%s' is not an air base of the theatre; expected the name "
				                   "of a feature of kind \"air_base\"",
				                   gt__yr_is_scalar(b) ? gt__yr_text(b) : "?");
		}
	}
	return GT_OK;
}

/* Adds sector id to o's list; false when it is there already. */
static bool add_sector_id(struct gt_option *o, int id)
{
	for (size_t j = 0; j < o->nsectors; j++)
		if (o->sectors[j] == id)
			return false;
	o->sectors[o->nsectors++] = id;
	return true;
}

/* 'all' (every sector of every front line; every sector when no line is
 * a front), or a list of sector numbers and line names (all of that
 * line's sectors). */
static enum gt_status read_sector_list(struct yr *r, const yaml_node_t *n, const char *path,
                                       const struct gt_scenario *s, struct gt_option *o)
{
	const struct gt_theatre *th = &s->theatre;
	o->sectors = calloc(s->nsectors ? s->nsectors : 1, sizeof(*o->sectors));
	if (!o->sectors)
		return GT_E_NOMEM;
	if (gt__yr_is_scalar(n) && strcmp(gt__yr_text(n), "all") == 0) {
		size_t fronts = gt__line_count(th, GT_LINE_FRONT);
		for (size_t i = 0; i < s->nsectors; i++)
			if (fronts == 0 || th->lines[s->sectors[i].line].role == GT_LINE_FRONT)
				add_sector_id(o, s->sectors[i].id);
		return GT_OK;
	}
	if (!gt__yr_is_seq(n) || gt__yr_seq_len(n) == 0)
		return gt__yr_fail(r, n, path, GT_E_SCHEMA,
		                   "expected 'all' or a non-empty list of sector numbers (1 to %zu)%s",
		                   s->nsectors, th->nlines > 1 ? " and line names" : "");
	size_t len = gt__yr_seq_len(n);
	for (size_t i = 0; i < len; i++) {
		char sub[YR_PATH_MAX];
		gt__yr_path_index(sub, path, i);
		const yaml_node_t *e = gt__yr_seq_at(r, n, i);
		const struct gt_line *ln = gt__yr_is_scalar(e) && !gt__yr_is_number(e)
		                                   ? gt__line_find(th, gt__yr_text(e))
		                                   : NULL;
		if (ln) {
			bool fresh = false;
			for (size_t k = 0; k < ln->nsectors; k++)
				fresh |= add_sector_id(o, s->sectors[ln->first_sector + k].id);
			if (!fresh)
				return gt__yr_fail(r, e, sub, GT_E_SCHEMA,
				                   "line '%s' adds no sector not listed already", ln->name);
			continue;
		}
		if (gt__yr_is_scalar(e) && !gt__yr_is_number(e)) {
			/* a name, but of no line: say which there are */
			const char *names[GT_LINES_MAX];
			for (size_t l = 0; l < th->nlines; l++)
				names[l] = th->lines[l].name;
			char near[512];
			gt_name_suggest(gt__yr_text(e), names, th->nlines, 3, near, sizeof(near));
			return gt__yr_fail(r, e, sub, GT_E_SCHEMA,
			                   "'%s' is neither a sector number (1 to %zu) nor the name of a "
			                   "line%s%s",
			                   gt__yr_text(e), s->nsectors, near[0] ? "; did you mean " : "",
			                   near);
		}
		long id;
		enum gt_status st = gt__yr_int(r, e, sub, 1, (long)s->nsectors, &id);
		if (st != GT_OK)
			return st;
		if (!add_sector_id(o, (int)id))
			return gt__yr_fail(r, e, sub, GT_E_SCHEMA, "sector %ld is listed twice", id);
	}
	return GT_OK;
}

static enum gt_status read_ground(struct yr *r, const yaml_node_t *n, const char *path,
                                  const struct gt_scenario *s, struct gt_option *o)
{
	static const char *const keys[] = {"posture", "sectors", "garrisons", NULL};
	static const char *const postures[GT_POSTURE_COUNT] = {"none", NULL,   "buffer",
	                                                       "line", "depth", NULL};
	char sub[YR_PATH_MAX];
	yaml_node_t *p;
	int posture;
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, path, keys)) != GT_OK ||
	    (st = gt__yr_need(r, n, path, "posture", &p)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "posture");
	if ((st = gt__yr_enum(r, p, sub, "a ground posture", postures, GT_POSTURE_COUNT,
	                      &posture)) != GT_OK)
		return st;
	o->posture = (enum gt_posture)posture;
	yaml_node_t *sec = gt__yr_get(r, n, "sectors");
	yaml_node_t *gar = gt__yr_get(r, n, "garrisons");
	if (o->posture == GT_POSTURE_NONE && (sec || gar)) {
		gt__yr_path_key(sub, path, sec ? "sectors" : "garrisons");
		return gt__yr_fail(r, sec ? sec : gar, sub, GT_E_SCHEMA,
		                   "posture 'none' takes no sectors or garrisons");
	}
	gt__yr_path_key(sub, path, "sectors");
	if (sec) {
		if ((st = read_sector_list(r, sec, sub, s, o)) != GT_OK)
			return st;
	} else if (o->posture == GT_POSTURE_LINE || o->posture == GT_POSTURE_BUFFER) {
		return gt__yr_fail(r, n, path, GT_E_SCHEMA,
		                   "posture '%s' needs 'sectors' ('all' or a list of sector "
		                   "numbers)",
		                   postures[posture]);
	}
	gt__yr_path_key(sub, path, "garrisons");
	if (gar && (st = read_garrisons(r, gar, sub, &s->theatre, o)) != GT_OK)
		return st;
	if (o->posture == GT_POSTURE_DEPTH && o->nsectors == 0 && o->ngarrisons == 0)
		return gt__yr_fail(r, n, path, GT_E_SCHEMA,
		                   "posture 'depth' needs garrisons, sectors, or both");
	return GT_OK;
}

static enum gt_status read_counts(struct yr *r, const yaml_node_t *opt, const char *path,
                                  const struct gt_theatre *th, struct gt_option *o)
{
	static const char *const air_keys[] = {"patrol_stations", "aew_orbits", "stations",
	                                       "orbits",          "fighter",    "aew",
	                                       "tanker",          "refuelling", "standoff_km",
	                                       NULL};
	static const char *const naval_keys[] = {"task_groups", NULL};
	static const char *const mon_keys[] = {"per_km", "count", NULL};
	char sub[YR_PATH_MAX];
	enum gt_status st = GT_OK;
	yaml_node_t *n;
	if ((n = gt__yr_get(r, opt, "air"))) {
		gt__yr_path_key(sub, path, "air");
		if ((st = gt__yr_expect_map(r, n, sub)) != GT_OK ||
		    (st = gt__yr_check_keys(r, n, sub, air_keys)) != GT_OK)
			return st;
		long ps = 0, aew = 0;
		yaml_node_t *x;
		char p[YR_PATH_MAX];
		if ((x = gt__yr_get(r, n, "patrol_stations"))) {
			gt__yr_path_key(p, sub, "patrol_stations");
			if ((st = gt__yr_int(r, x, p, 0, 100, &ps)) != GT_OK)
				return st;
		}
		if ((x = gt__yr_get(r, n, "aew_orbits"))) {
			gt__yr_path_key(p, sub, "aew_orbits");
			if ((st = gt__yr_int(r, x, p, 0, 20, &aew)) != GT_OK)
				return st;
		}
		o->patrol_stations = (int)ps;
		o->aew_orbits = (int)aew;
		/* stations and orbits the scenario places; a count given beside
		 * them must agree */
		const char *list[2] = {"stations", "orbits"}, *counted[2] = {"patrol_stations",
		                                                               "aew_orbits"};
		struct gt_air_spot **spots[2] = {&o->stations, &o->orbits};
		int *counts[2] = {&o->patrol_stations, &o->aew_orbits};
		for (int k = 0; k < 2; k++) {
			if (!(x = gt__yr_get(r, n, list[k])))
				continue;
			int given = *counts[k];
			bool had = gt__yr_get(r, n, counted[k]) != NULL;
			*counts[k] = 0;
			gt__yr_path_key(p, sub, list[k]);
			if ((st = read_spots(r, x, p, th, k ? 20 : 100, spots[k], counts[k])) != GT_OK)
				return st;
			if (had && given != *counts[k])
				return gt__yr_fail(r, x, p, GT_E_SCHEMA,
				                   "%d entr%s, but %s says %d; give one or the other",
				                   *counts[k], *counts[k] == 1 ? "y" : "ies", counted[k], given);
		}
		o->standoff_given = gt__yr_get(r, n, "standoff_km") != NULL;
		if ((st = gt__yr_opt_string(r, n, sub, "fighter", &o->fighter)) != GT_OK ||
		    (st = gt__yr_opt_string(r, n, sub, "aew", &o->aew)) != GT_OK ||
		    (st = gt__yr_opt_string(r, n, sub, "tanker", &o->tanker)) != GT_OK ||
		    (st = gt__yr_opt_number(r, n, sub, "standoff_km", 0, 2000, &o->standoff_km)) !=
		            GT_OK)
			return st;
		if ((x = gt__yr_get(r, n, "refuelling"))) {
			gt__yr_path_key(p, sub, "refuelling");
			if ((st = gt__yr_bool(r, x, p, &o->refuelling)) != GT_OK)
				return st;
		}
	}
	if ((n = gt__yr_get(r, opt, "naval"))) {
		gt__yr_path_key(sub, path, "naval");
		long tg = 0;
		yaml_node_t *x;
		if ((st = gt__yr_expect_map(r, n, sub)) != GT_OK ||
		    (st = gt__yr_check_keys(r, n, sub, naval_keys)) != GT_OK ||
		    (st = gt__yr_need(r, n, sub, "task_groups", &x)) != GT_OK)
			return st;
		gt__yr_path_key(sub, sub, "task_groups");
		if ((st = gt__yr_int(r, x, sub, 0, 20, &tg)) != GT_OK)
			return st;
		o->naval_task_groups = (int)tg;
	}
	if ((st = gt__yr_opt_number(r, opt, path, "trainers", 0, 1e6, &o->trainers)) != GT_OK)
		return st;
	if ((n = gt__yr_get(r, opt, "monitors"))) {
		gt__yr_path_key(sub, path, "monitors");
		if ((st = gt__yr_expect_map(r, n, sub)) != GT_OK ||
		    (st = gt__yr_check_keys(r, n, sub, mon_keys)) != GT_OK)
			return st;
		bool per_km = gt__yr_get(r, n, "per_km"), count = gt__yr_get(r, n, "count");
		if (per_km == count)
			return gt__yr_fail(r, n, sub, GT_E_SCHEMA,
			                   "give exactly one of 'per_km' (monitors per km of line) or "
			                   "'count'");
		st = per_km ? gt__yr_opt_number(r, n, sub, "per_km", 0, 1000, &o->monitors_per_km)
		            : gt__yr_opt_number(r, n, sub, "count", 0, 1e6, &o->monitors);
	}
	return st;
}

static enum gt_status read_backstop(struct yr *r, const yaml_node_t *n, const char *path,
                                    struct gt_option *o)
{
	static const char *const keys[] = {"provider", "elements", NULL};
	char sub[YR_PATH_MAX];
	yaml_node_t *p, *e;
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, path, keys)) != GT_OK ||
	    (st = gt__yr_need(r, n, path, "provider", &p)) != GT_OK ||
	    (st = gt__yr_need(r, n, path, "elements", &e)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "provider");
	if ((st = gt__yr_iso2(r, p, sub, o->backstop_provider)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "elements");
	if ((st = gt__yr_expect_seq(r, e, sub)) != GT_OK)
		return st;
	size_t len = gt__yr_seq_len(e);
	if (len == 0)
		return gt__yr_fail(r, e, sub, GT_E_SCHEMA,
		                   "expected at least one element (e.g. intelligence)");
	o->backstop_elements = calloc(len, sizeof(*o->backstop_elements));
	if (!o->backstop_elements)
		return GT_E_NOMEM;
	for (size_t i = 0; i < len; i++) {
		char p2[YR_PATH_MAX];
		gt__yr_path_index(p2, sub, i);
		if ((st = gt__yr_string(r, gt__yr_seq_at(r, e, i), p2, &o->backstop_elements[i])) !=
		    GT_OK)
			return st;
		o->nbackstop_elements = i + 1;
	}
	return GT_OK;
}

/* decision: {rule, quorum, deadline_days}: the option's own rule for
 * answering breaches (docs/model-sim.md, S4). */
static enum gt_status read_decision(struct yr *r, const yaml_node_t *n, const char *path,
                                    struct gt_option *o)
{
	static const char *const keys[] = {"rule", "quorum", "deadline_days", NULL};
	char sub[YR_PATH_MAX];
	yaml_node_t *x;
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, path, keys)) != GT_OK ||
	    (st = gt__yr_need(r, n, path, "rule", &x)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "rule");
	if (!gt__yr_is_scalar(x) || !gt_decide_rule_parse(gt__yr_text(x), &o->rule))
		return gt__yr_fail(r, x, sub, GT_E_SCHEMA,
		                   "expected unanimity, lead_nation or qualified_majority");
	o->quorum = -1; /* not given: the simulation's */
	o->deadline_days = -1;
	if ((st = gt__yr_opt_number(r, n, path, "quorum", 0.01, 1, &o->quorum)) != GT_OK ||
	    (st = gt__yr_opt_number(r, n, path, "deadline_days", 0, 365, &o->deadline_days)) !=
	            GT_OK)
		return st;
	o->has_decision = true;
	return GT_OK;
}

static enum gt_status read_option(struct yr *r, const yaml_node_t *n, const char *path,
                                  const struct gt_scenario *s, struct gt_option *o)
{
	static const char *const keys[] = {"name",     "title",    "summary",  "lead",
	                                   "ground",   "air",      "naval",    "trainers",
	                                   "monitors", "backstop", "decision", "defender_strength",
	                                   NULL};
	char sub[YR_PATH_MAX];
	yaml_node_t *x;
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, path, keys)) != GT_OK ||
	    (st = gt__yr_req_string(r, n, path, "name", &o->name)) != GT_OK)
		return st;
	if (!valid_ident(o->name)) {
		gt__yr_path_key(sub, path, "name");
		return gt__yr_fail(r, gt__yr_get(r, n, "name"), sub, GT_E_SCHEMA,
		                   "'%s' is not a valid option name; expected lower-case letters, "
		                   "digits and '-', at most 40 characters",
		                   o->name);
	}
	if ((st = gt__yr_req_string(r, n, path, "title", &o->title)) != GT_OK ||
	    (st = gt__yr_opt_string(r, n, path, "summary", &o->summary)) != GT_OK)
		return st;
	if ((x = gt__yr_get(r, n, "lead"))) {
		gt__yr_path_key(sub, path, "lead");
		if ((st = gt__yr_strv(r, x, sub, true, &o->lead, &o->nlead)) != GT_OK)
			return st;
		for (size_t i = 0; s->nmembers && i < o->nlead; i++) {
			bool member = false;
			for (size_t m = 0; m < s->nmembers; m++)
				member = member || strcmp(s->members[m].code, o->lead[i]) == 0;
			char item[YR_PATH_MAX];
			gt__yr_path_index(item, sub, i);
			if (!member)
				return gt__yr_fail(r, gt__yr_seq_at(r, x, i), item, GT_E_SCHEMA,
				                   "lead nation %s is not a member of the coalition",
				                   o->lead[i]);
		}
	}
	gt__yr_path_key(sub, path, "ground");
	if ((x = gt__yr_get(r, n, "ground")) && (st = read_ground(r, x, sub, s, o)) != GT_OK)
		return st;
	/* air defaults: documented in docs/scenario.md and, with their
	 * reasons, above the options of data/ukraine-2025.yaml */
	o->standoff_km = 100;
	if ((st = read_counts(r, n, path, &s->theatre, o)) != GT_OK)
		return st;
	const char *defaults[3] = {"F-16C", "E-3A", "A330 MRTT"};
	char **types[3] = {&o->fighter, &o->aew, &o->tanker};
	for (int i = 0; i < 3; i++)
		if (!*types[i] && !(*types[i] = strdup(defaults[i])))
			return GT_E_NOMEM;
	gt__yr_path_key(sub, path, "backstop");
	if ((x = gt__yr_get(r, n, "backstop")) && (st = read_backstop(r, x, sub, o)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "decision");
	if ((x = gt__yr_get(r, n, "decision")) && (st = read_decision(r, x, sub, o)) != GT_OK)
		return st;
	if ((st = gt__yr_opt_number(r, n, path, "defender_strength", 0.01, 100,
	                            &o->defender_strength)) != GT_OK)
		return st;
	return GT_OK;
}

enum gt_status gt__read_options(struct yr *r, const yaml_node_t *n, struct gt_scenario *s)
{
	enum gt_status st = gt__yr_expect_seq(r, n, "options");
	if (st != GT_OK)
		return st;
	size_t len = gt__yr_seq_len(n);
	if (len == 0)
		return gt__yr_fail(r, n, "options", GT_E_SCHEMA, "expected at least one option");
	s->options = calloc(len, sizeof(*s->options));
	if (!s->options)
		return GT_E_NOMEM;
	for (size_t i = 0; i < len; i++) {
		char path[YR_PATH_MAX];
		gt__yr_path_index(path, "options", i);
		s->noptions = i + 1;
		yaml_node_t *o = gt__yr_seq_at(r, n, i);
		if ((st = read_option(r, o, path, s, &s->options[i])) != GT_OK)
			return st;
		for (size_t j = 0; j < i; j++)
			if (strcmp(s->options[j].name, s->options[i].name) == 0)
				return gt__yr_fail(r, gt__yr_get(r, o, "name"), path, GT_E_SCHEMA,
				                   "option name '%s' is used twice", s->options[i].name);
	}
	return GT_OK;
}
