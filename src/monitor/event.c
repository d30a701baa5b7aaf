/* event.c: what an event's sightings say together: where it was (the
 * better of their weighted mean and, where heard bearings cross, the
 * triangulated fix), when, how many, how sure, and where it lies on the
 * line (docs/monitor.md, "Events"). */
#include "guarantor/monitor.h"
#include "monitor/vocab.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define KM_PER_DEG 111.195
#define DEG (3.14159265358979323846 / 180.0)

/* Assumption: no estimate is trusted to better than 50 m (weights are
 * 1/r^2, and a precision of 0 would otherwise outweigh everything). */
#define MIN_RADIUS_KM 0.05
/* Assumption: bearings crossing at less than 15 degrees fix a point too
 * poorly to use (the error grows as 1/sin of the angle). */
#define MIN_CROSSING_DEG 15

static const char *const status_names[GT_EVENT_STATUS_COUNT] = {"unverified", "verified",
                                                                "rejected", "merged"};

const char *gt_event_status_name(enum gt_event_status s)
{
	return (unsigned)s < GT_EVENT_STATUS_COUNT ? status_names[s] : "?";
}

bool gt_event_status_parse(const char *s, enum gt_event_status *out)
{
	int i;
	if (!gt__name_find(status_names, GT_EVENT_STATUS_COUNT, s, &i))
		return false;
	*out = (enum gt_event_status)i;
	return true;
}

/* A local plane around (lon0, lat0), km. */
struct plane {
	double lon0, lat0, kx;
};

static void to_plane(const struct plane *p, double lon, double lat, double *x, double *y)
{
	*x = (lon - p->lon0) * p->kx;
	*y = (lat - p->lat0) * KM_PER_DEG;
}

/* Where the bearings of the heard sightings cross: least squares over the
 * lines, a fix only when two bearings from different observers differ by
 * MIN_CROSSING_DEG or more and the fix lies ahead of every observer. */
static bool triangulate(const struct gt_monitoring *m, const struct plane *pl,
                        const struct gt_sighting *s, const size_t *idx, size_t k, double *fx,
                        double *fy, double *radius)
{
	double a11 = 0, a12 = 0, a22 = 0, c1 = 0, c2 = 0, best_sin = 0;
	size_t nheard = 0;
	for (size_t t = 0; t < k; t++) {
		const struct gt_sighting *h = &s[idx[t]];
		if (!h->heard)
			continue;
		nheard++;
		double px, py, nx = cos(h->bearing_deg * DEG), ny = -sin(h->bearing_deg * DEG);
		to_plane(pl, h->lon, h->lat, &px, &py);
		a11 += nx * nx;
		a12 += nx * ny;
		a22 += ny * ny;
		double d = nx * px + ny * py;
		c1 += nx * d;
		c2 += ny * d;
		for (size_t u = 0; u < t; u++) {
			const struct gt_sighting *g = &s[idx[u]];
			if (g->heard && g->observer != h->observer)
				best_sin = fmax(best_sin,
				                fabs(sin((h->bearing_deg - g->bearing_deg) * DEG)));
		}
	}
	if (nheard < 2 || best_sin < sin(MIN_CROSSING_DEG * DEG))
		return false;
	double det = a11 * a22 - a12 * a12;
	if (det <= 1e-12)
		return false;
	*fx = (a22 * c1 - a12 * c2) / det;
	*fy = (a11 * c2 - a12 * c1) / det;
	double far = 0;
	for (size_t t = 0; t < k; t++) {
		const struct gt_sighting *h = &s[idx[t]];
		if (!h->heard)
			continue;
		double px, py;
		to_plane(pl, h->lon, h->lat, &px, &py);
		double ahead = (*fx - px) * sin(h->bearing_deg * DEG) +
		               (*fy - py) * cos(h->bearing_deg * DEG);
		if (ahead <= 0)
			return false;
		far = fmax(far, hypot(*fx - px, *fy - py) + h->precision_km);
	}
	/* a bearing's error moves the fix across the other bearing, more so
	 * the more nearly parallel they are */
	*radius = fmax(MIN_RADIUS_KM, far * sin(m->bearing_error_deg * DEG) / best_sin);
	return true;
}

static int by_observer(const void *pa, const void *pb)
{
	const struct gt_sighting *a = *(const struct gt_sighting *const *)pa,
	                         *b = *(const struct gt_sighting *const *)pb;
	if (a->account != b->account)
		return a->account < b->account ? -1 : 1;
	return a->observer < b->observer ? -1 : a->observer > b->observer;
}

enum gt_status gt_event_summarise(const struct gt_scenario *sc,
                                  const struct gt_geo_line_locator *lc,
                                  const struct gt_sighting *s, const size_t *idx, size_t k,
                                  struct gt_event *out)
{
	const struct gt_monitoring *m = &sc->monitoring;
	memset(out, 0, sizeof(*out));
	const struct gt_sighting **by = malloc(k * sizeof(*by));
	if (!by)
		return GT_E_NOMEM;
	const struct gt_sighting *first = &s[idx[0]];
	struct plane pl = {first->lon, first->lat, KM_PER_DEG * cos(first->lat * DEG)};
	out->from = first->from;
	out->to = first->to;
	out->event = first->event;
	bool seen = false;
	bool kinds[GT_SOURCE_COUNT] = {false};
	double wsum = 0, wx = 0, wy = 0;
	for (size_t t = 0; t < k; t++) {
		const struct gt_sighting *g = &s[idx[t]];
		by[t] = g;
		out->from = g->from < out->from ? g->from : out->from;
		out->to = g->to > out->to ? g->to : out->to;
		if (g->weapon > out->weapon)
			out->weapon = g->weapon > GT_WEAPON_UNDETERMINED || out->weapon == GT_WEAPON_NONE
			                      ? g->weapon
			                      : out->weapon;
		seen = seen || !g->heard;
		kinds[g->source] = true;
		double lon, lat, r, x, y;
		gt_sighting_estimate(m, g, &lon, &lat, &r);
		to_plane(&pl, lon, lat, &x, &y);
		r = fmax(r, MIN_RADIUS_KM);
		wsum += 1 / (r * r);
		wx += x / (r * r);
		wy += y / (r * r);
	}
	/* weapons: a specific class beats "undetermined", which beats none;
	 * two specific classes cannot both be in one event (correlation keeps
	 * them apart), but analysts may merge them: the highest then stands */
	double x = wx / wsum, y = wy / wsum, radius = 1 / sqrt(wsum);
	double fx, fy, fr;
	if (triangulate(m, &pl, s, idx, k, &fx, &fy, &fr) && fr < radius) {
		x = fx;
		y = fy;
		radius = fr;
		out->triangulated = true;
	}
	out->lon = pl.lon0 + x / pl.kx;
	out->lat = pl.lat0 + y / KM_PER_DEG;
	out->radius_km = radius;
	/* counts: an observer's reports add up; observers see the same
	 * explosions, so the event has the most any one of them counted. An
	 * observer whose reports add up to more than one report is trusted
	 * with holds the event for an analyst (however many reports it took
	 * to get there). */
	qsort(by, k, sizeof(*by), by_observer);
	long run = 0;
	for (size_t t = 0; t < k; t++) {
		bool next = t + 1 == k || by[t + 1]->observer != by[t]->observer ||
		            by[t + 1]->account != by[t]->account;
		run += by[t]->count;
		out->count = run > out->count ? run : out->count;
		if (next) {
			out->observers++;
			out->held += m->review_count_above > 0 && run > m->review_count_above;
			run = 0;
		}
		if (t == 0 || by[t]->account != by[t - 1]->account)
			out->accounts++;
	}
	free(by);
	out->reports = (int)k;
	for (int i = 0; i < GT_SOURCE_COUNT; i++)
		out->sources += kinds[i];
	/* corroboration: distinct accounts, for one account's token can name
	 * any of its observers */
	int sure = out->accounts;
	out->grade = sure >= 3 || (sure >= 2 && out->sources >= 2 && seen) ? 'A'
	             : sure >= 2                                             ? 'B'
	                                                                     : 'C';
	struct gt_geo_line_place at = gt_geo_line_locate(lc, (struct gt_point){out->lon, out->lat});
	out->line_km = at.along_km;
	out->offset_km = fabs(at.offset_km);
	out->side = at.offset_km >= 0 ? 1 : -1;
	/* the sector of the nearest line that holds the point nearest it */
	const struct gt_line *ln = &sc->theatre.lines[at.line];
	const struct gt_sector *secs = sc->sectors + ln->first_sector;
	out->sector = ln->nsectors ? secs[ln->nsectors - 1].id : 0;
	for (size_t i = 0; i < ln->nsectors; i++)
		if (at.along_km < secs[i].to_km) {
			out->sector = secs[i].id;
			break;
		}
	return GT_OK;
}
