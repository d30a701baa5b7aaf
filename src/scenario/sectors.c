/* sectors.c: reads the sectors section and splits each line into sectors,
 * automatically (equal lengths, classes from zones) or as the user lists
 * them. docs/scenario.md, "sectors". */
#include "scenario_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Ends of user-given sectors may miss the line's computed length by this
 * much (rounding when copying a printed length). */
#define GT_END_TOLERANCE_KM 1.0

struct zone {
	size_t line;
	double from_km, to_km;
	int terrain, threat;
};

/* Whether every position of map's from and to that names a vertex names
 * one of ln's, and at least one does. */
static bool names_vertices_of(struct yr *r, const yaml_node_t *map, const struct gt_line *ln)
{
	static const char *const ends[] = {"from", "to"};
	size_t named = 0;
	for (int k = 0; k < 2; k++) {
		const yaml_node_t *n = gt__yr_get(r, map, ends[k]);
		if (!n || !gt__yr_is_scalar(n) || gt__yr_is_number(n) ||
		    strcmp(gt__yr_text(n), "end") == 0)
			continue;
		if (gt__line_vertex(ln, gt__yr_text(n)) < 0)
			return false;
		named++;
	}
	return named > 0;
}

/* Reads an entry's `line`. With one line it may be left out; with several,
 * it may be left out when the entry's from or to names a vertex, and only
 * one line has the vertices it names. */
static enum gt_status read_line_ref(struct yr *r, const yaml_node_t *map, const char *path,
                                    const struct gt_theatre *th, size_t *out)
{
	*out = 0;
	yaml_node_t *n = gt__yr_get(r, map, "line");
	char sub[YR_PATH_MAX];
	gt__yr_path_key(sub, path, "line");
	if (!n) {
		if (th->nlines == 1)
			return GT_OK;
		size_t found = 0;
		for (size_t l = 0; l < th->nlines; l++) {
			if (names_vertices_of(r, map, &th->lines[l])) {
				*out = l;
				found++;
			}
		}
		if (found == 1)
			return GT_OK;
		return gt__yr_fail(r, map, path, GT_E_SCHEMA,
		                   "missing required field 'line': the theatre has %zu lines and "
		                   "%s; name the one this lies on",
		                   th->nlines,
		                   found ? "the vertices it names are on several of them"
		                         : "it names no vertex of one of them");
	}
	const char *name = gt__yr_text(n);
	const struct gt_line *ln = gt__yr_is_scalar(n) ? gt__line_find(th, name) : NULL;
	if (ln) {
		*out = (size_t)(ln - th->lines);
		return GT_OK;
	}
	const char *names[GT_LINES_MAX];
	for (size_t i = 0; i < th->nlines; i++)
		names[i] = th->lines[i].name;
	char near[512];
	gt_name_suggest(name, names, th->nlines, 3, near, sizeof(near));
	return gt__yr_fail(r, n, sub, GT_E_SCHEMA,
	                   "no line named '%s' in the geometry%s%s (see guarantor scenario check)",
	                   name, near[0] ? "; did you mean " : "", near);
}

/* Reads a position along line ln: a number (km from its first vertex), a
 * vertex name from its "places", or "end". */
static enum gt_status read_km(struct yr *r, const yaml_node_t *n, const char *path,
                              const struct gt_theatre *th, const struct gt_line *ln, double *out)
{
	char words[300];
	if (gt__yr_is_number(n)) {
		enum gt_status st = gt__yr_number(r, n, path, -1e12, 1e12, out);
		if (st == GT_OK && *out < 0)
			st = gt__yr_fail(r, n, path, GT_E_RANGE,
			                 "%s km is before the start of the line; expected 0 to %.1f km",
			                 gt__yr_text(n), ln->km);
		else if (st == GT_OK && *out > ln->km + GT_END_TOLERANCE_KM)
			st = gt__yr_fail(r, n, path, GT_E_RANGE,
			                 "%s km is beyond the end of %s (%.1f km)", gt__yr_text(n),
			                 gt__line_words(th, ln, words, sizeof(words)), ln->km);
		return st;
	}
	const char *s = gt__yr_text(n);
	if (gt__yr_is_scalar(n) && strcmp(s, "end") == 0) {
		*out = ln->km;
		return GT_OK;
	}
	long v = gt__yr_is_scalar(n) ? gt__line_vertex(ln, s) : -1;
	if (v < 0)
		return gt__yr_fail(r, n, path, GT_E_SCHEMA,
		                   "expected km along the line (0 to %.1f), 'end', or the name of a "
		                   "vertex of %s, got '%s'",
		                   ln->km, gt__line_words(th, ln, words, sizeof(words)), s);
	*out = ln->vertex_km[v];
	return GT_OK;
}

/* Notes are for readers of the file; they must still be text. */
static enum gt_status check_note(struct yr *r, const yaml_node_t *map, const char *path)
{
	char *note = NULL;
	enum gt_status st = gt__yr_opt_string(r, map, path, "note", &note);
	free(note);
	return st;
}

static enum gt_status read_classes(struct yr *r, const yaml_node_t *map, const char *path,
                                   int *terrain, int *threat)
{
	yaml_node_t *n;
	char sub[YR_PATH_MAX];
	enum gt_status st;
	if ((st = gt__yr_need(r, map, path, "terrain", &n)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "terrain");
	if ((st = gt__yr_enum(r, n, sub, "a terrain class", gt__terrain_names(), GT_TERRAIN_COUNT,
	                      terrain)) != GT_OK)
		return st;
	if ((st = gt__yr_need(r, map, path, "threat", &n)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "threat");
	return gt__yr_enum(r, n, sub, "a threat class", gt__threat_names(), GT_THREAT_COUNT,
	                   threat);
}

/* The named vertex of ln nearest to km along it, or "". */
static const char *nearest_place(const struct gt_line *ln, double km)
{
	const char *best = "";
	double best_d = INFINITY;
	for (size_t i = 0; ln->places && i < ln->path.n; i++) {
		if (!ln->places[i][0])
			continue;
		double d = fabs(ln->vertex_km[i] - km);
		if (d < best_d) {
			best_d = d;
			best = ln->places[i];
		}
	}
	return best;
}

/* Appends a sector of line l; a line's sectors are appended together. */
static enum gt_status add_sector(struct gt_scenario *s, size_t l, const char *name, double from,
                                 double to, int terrain, int threat)
{
	struct gt_sector *grown = realloc(s->sectors, (s->nsectors + 1) * sizeof(*grown));
	if (!grown)
		return GT_E_NOMEM;
	s->sectors = grown;
	struct gt_sector *sec = &s->sectors[s->nsectors];
	memset(sec, 0, sizeof(*sec));
	sec->id = (int)s->nsectors + 1;
	char buf[64];
	if (!name) {
		snprintf(buf, sizeof(buf), "S%d", sec->id);
		name = buf;
	}
	sec->name = strdup(name);
	if (!sec->name)
		return GT_E_NOMEM;
	s->nsectors++;
	struct gt_line *ln = &s->theatre.lines[l];
	if (ln->nsectors == 0)
		ln->first_sector = s->nsectors - 1;
	ln->nsectors++;
	sec->line = l;
	sec->from_km = from;
	sec->to_km = to;
	sec->terrain = (enum gt_terrain)terrain;
	sec->threat = (enum gt_threat)threat;
	sec->near = nearest_place(ln, (from + to) / 2);
	return GT_OK;
}

static enum gt_status read_auto(struct yr *r, const yaml_node_t *map, const char *path,
                                struct gt_scenario *s)
{
	static const char *const keys[] = {"mode", "length_km", "default", "zones", NULL};
	const struct gt_theatre *th = &s->theatre;
	char sub[YR_PATH_MAX], sub2[YR_PATH_MAX];
	enum gt_status st = gt__yr_check_keys(r, map, path, keys);
	if (st != GT_OK)
		return st;
	double len = 0;
	if ((st = gt__yr_req_number(r, map, path, "length_km", 1, 5000, &len)) != GT_OK)
		return st;
	yaml_node_t *def;
	if ((st = gt__yr_need(r, map, path, "default", &def)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "default");
	static const char *const class_keys[] = {"terrain", "threat", NULL};
	int dterrain, dthreat;
	if ((st = gt__yr_expect_map(r, def, sub)) != GT_OK ||
	    (st = gt__yr_check_keys(r, def, sub, class_keys)) != GT_OK ||
	    (st = read_classes(r, def, sub, &dterrain, &dthreat)) != GT_OK)
		return st;

	yaml_node_t *zn = gt__yr_get(r, map, "zones");
	size_t nz = 0;
	struct zone *zones = NULL;
	gt__yr_path_key(sub, path, "zones");
	if (zn) {
		if ((st = gt__yr_expect_seq(r, zn, sub)) != GT_OK)
			return st;
		nz = gt__yr_seq_len(zn);
		zones = calloc(nz ? nz : 1, sizeof(*zones));
		if (!zones)
			return GT_E_NOMEM;
	}
	static const char *const zone_keys[] = {"line", "from", "to", "terrain", "threat", "note",
	                                        NULL};
	for (size_t i = 0; i < nz && st == GT_OK; i++) {
		yaml_node_t *z = gt__yr_seq_at(r, zn, i), *f, *t;
		gt__yr_path_index(sub2, sub, i);
		char p[YR_PATH_MAX];
		if ((st = gt__yr_expect_map(r, z, sub2)) != GT_OK ||
		    (st = gt__yr_check_keys(r, z, sub2, zone_keys)) != GT_OK ||
		    (st = gt__yr_need(r, z, sub2, "from", &f)) != GT_OK ||
		    (st = gt__yr_need(r, z, sub2, "to", &t)) != GT_OK ||
		    (st = read_line_ref(r, z, sub2, th, &zones[i].line)) != GT_OK)
			break;
		const struct gt_line *ln = &th->lines[zones[i].line];
		gt__yr_path_key(p, sub2, "from");
		if ((st = read_km(r, f, p, th, ln, &zones[i].from_km)) != GT_OK)
			break;
		gt__yr_path_key(p, sub2, "to");
		if ((st = read_km(r, t, p, th, ln, &zones[i].to_km)) != GT_OK)
			break;
		if (zones[i].to_km <= zones[i].from_km) {
			st = gt__yr_fail(r, t, p, GT_E_RANGE,
			                 "the zone ends (%.1f km) where or before it starts (%.1f km); "
			                 "expected 'to' beyond 'from' along the line",
			                 zones[i].to_km, zones[i].from_km);
			break;
		}
		for (size_t j = 0; j < i; j++) {
			if (zones[i].line == zones[j].line && zones[i].from_km < zones[j].to_km &&
			    zones[j].from_km < zones[i].to_km) {
				st = gt__yr_fail(r, z, sub2, GT_E_RANGE,
				                 "zone %.1f-%.1f km overlaps zone %zu (%.1f-%.1f km)",
				                 zones[i].from_km, zones[i].to_km, j, zones[j].from_km,
				                 zones[j].to_km);
				break;
			}
		}
		if (st == GT_OK)
			st = read_classes(r, z, sub2, &zones[i].terrain, &zones[i].threat);
		if (st == GT_OK)
			st = check_note(r, z, sub2);
	}
	s->sector_length_km = len;
	for (size_t l = 0; l < th->nlines && st == GT_OK; l++) {
		const struct gt_line *ln = &th->lines[l];
		size_t n = (size_t)fmax(1.0, round(ln->km / len));
		double step = ln->km / (double)n;
		for (size_t i = 0; i < n && st == GT_OK; i++) {
			double from = step * (double)i, to = i + 1 == n ? ln->km : step * (double)(i + 1);
			double mid = (from + to) / 2;
			int terrain = dterrain, threat = dthreat;
			for (size_t j = 0; j < nz; j++) {
				if (zones[j].line == l && mid >= zones[j].from_km && mid < zones[j].to_km) {
					terrain = zones[j].terrain;
					threat = zones[j].threat;
				}
			}
			st = add_sector(s, l, NULL, from, to, terrain, threat);
		}
	}
	free(zones);
	return st;
}

/* Whether the sectors listed so far for line ln end at its end. */
static bool line_done(const struct gt_line *ln, double upto)
{
	return fabs(upto - ln->km) <= GT_END_TOLERANCE_KM;
}

static enum gt_status read_manual(struct yr *r, const yaml_node_t *map, const char *path,
                                  struct gt_scenario *s)
{
	static const char *const keys[] = {"mode", "list", NULL};
	static const char *const sec_keys[] = {"name",   "line",  "from", "to",
	                                       "terrain", "threat", "note", NULL};
	const struct gt_theatre *th = &s->theatre;
	char sub[YR_PATH_MAX], sub2[YR_PATH_MAX], p[YR_PATH_MAX];
	enum gt_status st = gt__yr_check_keys(r, map, path, keys);
	yaml_node_t *list;
	if (st != GT_OK || (st = gt__yr_need(r, map, path, "list", &list)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "list");
	if ((st = gt__yr_expect_seq(r, list, sub)) != GT_OK)
		return st;
	size_t n = gt__yr_seq_len(list);
	if (n == 0)
		return gt__yr_fail(r, list, sub, GT_E_SCHEMA, "expected at least one sector");
	double expect_from = 0;
	size_t cur = 0; /* the line being tiled: the lines in the geometry's order */
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *e = gt__yr_seq_at(r, list, i), *f, *t;
		gt__yr_path_index(sub2, sub, i);
		char *name = NULL;
		double from, to;
		int terrain, threat;
		size_t l = 0;
		if ((st = gt__yr_expect_map(r, e, sub2)) != GT_OK ||
		    (st = gt__yr_check_keys(r, e, sub2, sec_keys)) != GT_OK ||
		    (st = gt__yr_req_string(r, e, sub2, "name", &name)) != GT_OK ||
		    (st = read_line_ref(r, e, sub2, th, &l)) != GT_OK ||
		    (st = gt__yr_need(r, e, sub2, "from", &f)) != GT_OK ||
		    (st = gt__yr_need(r, e, sub2, "to", &t)) != GT_OK) {
			free(name);
			return st;
		}
		if (l != cur) {
			if (l == cur + 1 && line_done(&th->lines[cur], expect_from)) {
				/* the line before ends exactly at its end */
				s->sectors[s->nsectors - 1].to_km = th->lines[cur].km;
				cur = l;
				expect_from = 0;
			} else {
				st = gt__yr_fail(
					r, e, sub2, GT_E_SCHEMA,
					"a sector of line '%s' where one of line '%s' was expected; list each "
					"line's sectors together, in order along it, and the lines in the "
					"geometry's order, each tiled to its end",
					th->lines[l].name, th->lines[line_done(&th->lines[cur], expect_from)
					                                  ? cur + 1
					                                  : cur]
					                          .name);
				free(name);
				return st;
			}
		}
		const struct gt_line *ln = &th->lines[l];
		gt__yr_path_key(p, sub2, "from");
		st = read_km(r, f, p, th, ln, &from);
		if (st == GT_OK && fabs(from - expect_from) > 0.05)
			st = gt__yr_fail(r, f, p, GT_E_RANGE,
			                 "sector starts at %.1f km; expected %.1f km, where the %s ends "
			                 "(sectors must tile the line without gaps or overlaps)",
			                 from, expect_from, expect_from > 0 ? "previous sector" : "line begins: it");
		gt__yr_path_key(p, sub2, "to");
		if (st == GT_OK)
			st = read_km(r, t, p, th, ln, &to);
		if (st == GT_OK && to <= from)
			st = gt__yr_fail(r, t, p, GT_E_RANGE,
			                 "sector ends (%.1f km) where or before it starts (%.1f km)", to,
			                 from);
		bool last = i + 1 == n;
		if (st == GT_OK && last && !line_done(ln, to))
			st = gt__yr_fail(r, t, p, GT_E_RANGE,
			                 "the last sector ends at %.1f km but the line is %.1f km long; "
			                 "expected it to end at the line's end (write 'end')",
			                 to, ln->km);
		if (st == GT_OK && last && l + 1 < th->nlines)
			st = gt__yr_fail(r, e, sub2, GT_E_SCHEMA,
			                 "no sectors for line '%s'; expected every line tiled by sectors",
			                 th->lines[l + 1].name);
		if (st == GT_OK)
			st = read_classes(r, e, sub2, &terrain, &threat);
		if (st == GT_OK)
			st = check_note(r, e, sub2);
		if (st == GT_OK) {
			for (size_t j = 0; j < s->nsectors; j++)
				if (strcmp(s->sectors[j].name, name) == 0)
					st = gt__yr_fail(r, e, sub2, GT_E_SCHEMA,
					                 "sector name '%s' is used twice", name);
		}
		if (st == GT_OK)
			st = add_sector(s, l, name, expect_from, last ? ln->km : to, terrain, threat);
		free(name);
		if (st != GT_OK)
			return st;
		expect_from = to;
	}
	return GT_OK;
}

enum gt_status gt__read_sectors(struct yr *r, const yaml_node_t *n, struct gt_scenario *s)
{
	static const char *const modes[] = {"auto", "manual"};
	yaml_node_t *m;
	int mode;
	enum gt_status st;
	static const char *const all_keys[] = {"mode", "length_km", "default", "zones", "list", NULL};
	if ((st = gt__yr_expect_map(r, n, "sectors")) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, "sectors", all_keys)) != GT_OK ||
	    (st = gt__yr_need(r, n, "sectors", "mode", &m)) != GT_OK ||
	    (st = gt__yr_enum(r, m, "sectors.mode", "a sector mode", modes, 2, &mode)) != GT_OK)
		return st;
	return mode == 0 ? read_auto(r, n, "sectors", s) : read_manual(r, n, "sectors", s);
}
