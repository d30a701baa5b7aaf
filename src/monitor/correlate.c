/* correlate.c: turns sightings into events: which reports are of the same
 * event (space-time windows and type compatibility, with a GEOS STRtree
 * over each stretch of time), and what an event's reports say together
 * (position, triangulated from heard bearings where they cross; count;
 * confidence grade; sector and side). docs/monitor.md, "Events". Pure:
 * no store, no I/O. */
#include "guarantor/monitor.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* km per degree of latitude on a sphere of the earth's mean radius. Over
 * the few km that correlation compares, a local flat approximation is
 * within 0.5% of the geodesic. */
#define KM_PER_DEG 111.195
#define DEG (3.14159265358979323846 / 180.0)

static double flat_km(double lon1, double lat1, double lon2, double lat2)
{
	double dy = (lat2 - lat1) * KM_PER_DEG;
	double dx = (lon2 - lon1) * KM_PER_DEG * cos((lat1 + lat2) / 2 * DEG);
	return sqrt(dx * dx + dy * dy);
}

void gt_sighting_estimate(const struct gt_monitoring *m, const struct gt_sighting *s,
                          double *lon, double *lat, double *radius_km)
{
	if (!s->heard) {
		*lon = s->lon;
		*lat = s->lat;
		*radius_km = s->precision_km;
		return;
	}
	struct gt_point p = gt_geo_destination((struct gt_point){s->lon, s->lat}, s->bearing_deg,
	                                       s->distance_km);
	*lon = p.lon;
	*lat = p.lat;
	/* along the bearing, the distance's error; across it, the bearing's */
	double along = s->distance_km * m->heard_error;
	double across = s->distance_km * sin(m->bearing_error_deg * DEG);
	*radius_km = s->precision_km + sqrt(along * along + across * across);
}

static bool weapons_agree(enum gt_weapon a, enum gt_weapon b)
{
	return a == b || a <= GT_WEAPON_UNDETERMINED || b <= GT_WEAPON_UNDETERMINED;
}

/* --- union-find over the new sightings ----------------------------------- */

static size_t find(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/* A sighting's specific weapon class, or 0 when it gives none (not an
 * explosion, or undetermined). */
static uint8_t klass_of(const struct gt_sighting *g)
{
	return g->weapon > GT_WEAPON_UNDETERMINED ? (uint8_t)g->weapon : 0;
}

/* An existing event whose reports name two specific classes (an analyst's
 * merge): no group with a specific class joins it. */
#define MIXED 0xff

/* Joins the groups of a and b unless they name different specific weapon
 * classes: "undetermined" agrees with mortar and with artillery, but must
 * not make one event of the two. The group's class is kept at its root. */
static void unite(size_t *parent, uint8_t *klass, size_t a, size_t b)
{
	a = find(parent, a);
	b = find(parent, b);
	if (a == b || (klass[a] && klass[b] && klass[a] != klass[b]))
		return;
	size_t root = a < b ? a : b, child = a < b ? b : a;
	parent[child] = root;
	klass[root] = klass[root] ? klass[root] : klass[child];
}

/* A new sighting's link to an event that already exists. */
struct link {
	size_t root; /* filled once the union-find is done */
	size_t i;
	int64_t event;
};

struct work {
	const struct gt_monitoring *m;
	struct gt_sighting *s;
	size_t n;
	double *lon, *lat, *r; /* estimates */
	bool *skip;            /* observed over too long a window */
	size_t *order, *rank, *parent;
	uint8_t *klass; /* each group's specific weapon class, at its root */
	struct link *links;
	size_t nlinks, caplinks;
	bool nomem;
	/* the query in progress */
	size_t j;
	const size_t *tree_items; /* tree index -> sighting */
};

static bool compatible(const struct work *w, size_t i, size_t j)
{
	const struct gt_sighting *a = &w->s[i], *b = &w->s[j];
	int64_t slack = (int64_t)(w->m->window_min * 60);
	if (a->event != b->event || !weapons_agree(a->weapon, b->weapon))
		return false;
	if (a->from > b->to + slack || b->from > a->to + slack)
		return false;
	return flat_km(w->lon[i], w->lat[i], w->lon[j], w->lat[j]) <=
	       w->r[i] + w->r[j] + w->m->radius_km;
}

static void add_link(struct work *w, size_t fresh, int64_t event)
{
	if (w->nlinks == w->caplinks) {
		size_t cap = w->caplinks ? 2 * w->caplinks : 64;
		struct link *grown = realloc(w->links, cap * sizeof(*grown));
		if (!grown) {
			w->nomem = true;
			return;
		}
		w->links = grown;
		w->caplinks = cap;
	}
	w->links[w->nlinks++] = (struct link){0, fresh, event};
}

static void candidate(size_t t, void *ctx)
{
	struct work *w = ctx;
	size_t i = w->tree_items[t], j = w->j;
	/* each pair once: from the later of the two in time order */
	if (w->skip[i] || w->rank[i] >= w->rank[j] || !compatible(w, i, j))
		return;
	int64_t ei = w->s[i].event_id, ej = w->s[j].event_id;
	if (ei && ej)
		return; /* existing events are joined only by analysts */
	if (!ei && !ej)
		unite(w->parent, w->klass, i, j);
	else
		add_link(w, ei ? j : i, ei ? ei : ej);
}

struct keyed {
	int64_t key;
	size_t i;
};

static int by_key(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static int by_root_event(const void *pa, const void *pb)
{
	const struct link *a = pa, *b = pb;
	if (a->root != b->root)
		return a->root < b->root ? -1 : 1;
	return a->event < b->event ? -1 : a->event > b->event;
}

/* Queries each sighting of the stretch [b, c) of the time order against a
 * tree of [a, c): the stretch before it and itself. */
static enum gt_status link_stretch(struct work *w, size_t a, size_t b, size_t c,
                                   double rmax)
{
	size_t k = c - a;
	struct gt_point *pts = malloc(k * sizeof(*pts));
	if (!pts)
		return GT_E_NOMEM;
	for (size_t t = 0; t < k; t++)
		pts[t] = (struct gt_point){w->lon[w->order[a + t]], w->lat[w->order[a + t]]};
	struct gt_geo_index *ix;
	enum gt_status st = gt_geo_index_new(pts, k, &ix);
	free(pts);
	if (st != GT_OK)
		return st;
	w->tree_items = w->order + a;
	for (size_t p = b; p < c && st == GT_OK && !w->nomem; p++) {
		size_t j = w->order[p];
		if (w->skip[j])
			continue;
		double reach = w->r[j] + rmax + w->m->radius_km;
		double dlat = reach / KM_PER_DEG;
		double coslat = cos(fmin(89.0, fabs(w->lat[j]) + dlat) * DEG);
		double dlon = reach / (KM_PER_DEG * coslat);
		w->j = j;
		st = gt_geo_index_query(ix, w->lon[j] - dlon, w->lat[j] - dlat, w->lon[j] + dlon,
		                        w->lat[j] + dlat, candidate, w);
	}
	gt_geo_index_free(ix);
	return w->nomem ? GT_E_NOMEM : st;
}

static void work_fini(struct work *w)
{
	free(w->lon);
	free(w->lat);
	free(w->r);
	free(w->skip);
	free(w->order);
	free(w->rank);
	free(w->parent);
	free(w->klass);
	free(w->links);
}

/* Drops the links of groups to existing events whose weapon class they
 * contradict: each existing event's class from its loaded sightings. */
static enum gt_status drop_disagreeing(struct work *w)
{
	if (!w->nlinks)
		return GT_OK;
	struct keyed *ek = malloc(w->n * sizeof(*ek));
	if (!ek)
		return GT_E_NOMEM;
	size_t ne = 0;
	for (size_t i = 0; i < w->n; i++)
		if (w->s[i].event_id && klass_of(&w->s[i]))
			ek[ne++] = (struct keyed){w->s[i].event_id, klass_of(&w->s[i])};
	if (ne)
		qsort(ek, ne, sizeof(*ek), by_key);
	size_t kept = 0;
	for (size_t l = 0; l < w->nlinks; l++) {
		uint8_t g = w->klass[w->links[l].root], e = 0;
		/* the event's class: binary search for its first entry */
		size_t lo = 0, hi = ne;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (ek[mid].key < w->links[l].event)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo; k < ne && ek[k].key == w->links[l].event; k++)
			e = e == 0 || e == (uint8_t)ek[k].i ? (uint8_t)ek[k].i : MIXED;
		if (!g || !e || g == e)
			w->links[kept++] = w->links[l];
	}
	w->nlinks = kept;
	free(ek);
	return GT_OK;
}

enum gt_status gt_correlate(const struct gt_monitoring *m, struct gt_sighting *s, size_t n,
                            int64_t *next_id, struct gt_err *err)
{
	struct work w = {.m = m, .s = s, .n = n};
	enum gt_status st = GT_E_NOMEM;
	struct keyed *keys = NULL;
	if (n == 0)
		return GT_OK;
	w.lon = malloc(n * sizeof(double));
	w.lat = malloc(n * sizeof(double));
	w.r = malloc(n * sizeof(double));
	w.skip = calloc(n, sizeof(bool));
	w.order = malloc(n * sizeof(size_t));
	w.rank = malloc(n * sizeof(size_t));
	w.parent = malloc(n * sizeof(size_t));
	w.klass = malloc(n);
	keys = malloc(n * sizeof(*keys));
	if (!w.lon || !w.lat || !w.r || !w.skip || !w.order || !w.rank || !w.parent || !w.klass ||
	    !keys)
		goto out;
	int64_t max_span = 0, limit = (int64_t)(m->max_span_hours * 3600);
	double rmax = 0;
	for (size_t i = 0; i < n; i++) {
		gt_sighting_estimate(m, &s[i], &w.lon[i], &w.lat[i], &w.r[i]);
		w.parent[i] = i;
		w.klass[i] = klass_of(&s[i]);
		int64_t span = s[i].to - s[i].from;
		w.skip[i] = span > limit;
		if (!w.skip[i]) {
			max_span = span > max_span ? span : max_span;
			rmax = fmax(rmax, w.r[i]);
		}
		keys[i] = (struct keyed){s[i].from, i};
	}
	qsort(keys, n, sizeof(*keys), by_key);
	for (size_t p = 0; p < n; p++) {
		w.order[p] = keys[p].i;
		w.rank[keys[p].i] = p;
	}
	/* Stretches of time L long: a sighting can only match one that began
	 * in its own stretch or the one before (L > any span + the window). */
	int64_t len = max_span + (int64_t)(m->window_min * 60) + 60;
	int64_t t0 = s[w.order[0]].from;
	size_t a = 0, b = 0;
	while (b < n) {
		int64_t kb = (s[w.order[b]].from - t0) / len;
		size_t c = b;
		while (c < n && (s[w.order[c]].from - t0) / len == kb)
			c++;
		if (a == b || (s[w.order[a]].from - t0) / len != kb - 1)
			a = b;
		if ((st = link_stretch(&w, a, b, c, rmax)) != GT_OK)
			goto out;
		a = b;
		b = c;
	}
	/* each group of new sightings joins the existing event it links to
	 * most (then the lowest id), else becomes a new event */
	for (size_t l = 0; l < w.nlinks; l++)
		w.links[l].root = find(w.parent, w.links[l].i);
	if (w.nlinks)
		qsort(w.links, w.nlinks, sizeof(*w.links), by_root_event);
	if ((st = drop_disagreeing(&w)) != GT_OK)
		goto out;
	int64_t *chosen = calloc(n, sizeof(int64_t)); /* by root; 0: none yet */
	if (!chosen) {
		st = GT_E_NOMEM;
		goto out;
	}
	for (size_t l = 0, best_n = 0; l < w.nlinks;) {
		size_t e = l;
		while (e < w.nlinks && w.links[e].root == w.links[l].root &&
		       w.links[e].event == w.links[l].event)
			e++;
		size_t root = w.links[l].root;
		if (l == 0 || w.links[l - 1].root != root)
			best_n = 0;
		if (e - l > best_n) {
			best_n = e - l;
			chosen[root] = w.links[l].event;
		}
		l = e;
	}
	for (size_t p = 0; p < n; p++) {
		size_t i = w.order[p];
		if (s[i].event_id)
			continue;
		size_t root = find(w.parent, i);
		if (!chosen[root])
			chosen[root] = (*next_id)++;
		s[i].event_id = chosen[root];
	}
	free(chosen);
	st = GT_OK;
out:
	free(keys);
	work_fini(&w);
	if (st == GT_E_NOMEM)
		gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory correlating reports");
	return st;
}
