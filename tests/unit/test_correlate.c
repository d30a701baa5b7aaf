/* test_correlate.c: correlation of sightings into events on constructed
 * cases (docs/monitor.md, "Events"), with the built-in scenario's rules,
 * and the line locator and spatial index beneath it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "guarantor/monitor.h"

static struct gt_scenario *sc;
static struct gt_geo_line_locator *lc;

static int setup(void **state)
{
	(void)state;
	struct gt_err err;
	if (gt_scenario_load_builtin(&sc, &err) != GT_OK)
		return -1;
	return gt_geo_line_locator_new(&sc->theatre.lines[0].path, 1, &lc) == GT_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	gt_geo_line_locator_free(lc);
	gt_scenario_free(sc);
	return 0;
}

/* 10:00 UTC on 27 November 2026 */
#define T0 INT64_C(1795773600)

/* Each observer reports through an account of its own (the same
 * number), unless a test says otherwise. */
static struct gt_sighting seen(double lon, double lat, int64_t t, uint32_t observer,
                               enum gt_source_kind src, enum gt_weapon w, long count)
{
	return (struct gt_sighting){.from = t, .to = t + 300, .lon = lon, .lat = lat,
	                            .precision_km = 0.2, .observer = observer, .account = observer,
	                            .source = src, .event = GT_EVENT_EXPLOSION, .weapon = w,
	                            .count = count};
}

/* An observer `km` from target at azimuth az (from the target), hearing it. */
static struct gt_sighting heard(struct gt_point target, double az, double km, int64_t t,
                                uint32_t observer, long count)
{
	struct gt_point at = gt_geo_destination(target, az, km);
	return (struct gt_sighting){.from = t, .to = t + 600, .lon = at.lon, .lat = at.lat,
	                            .precision_km = 0.05, .heard = true,
	                            .bearing_deg = fmod(az + 180, 360), .distance_km = km,
	                            .observer = observer, .account = observer,
	                            .source = GT_SOURCE_PATROL, .event = GT_EVENT_EXPLOSION,
	                            .weapon = GT_WEAPON_ARTILLERY, .count = count};
}

static void correlate(struct gt_sighting *s, size_t n, int64_t *next)
{
	struct gt_err err;
	assert_int_equal(gt_correlate(&sc->monitoring, s, n, next, &err), GT_OK);
}

static void summarise(const struct gt_sighting *s, const size_t *idx, size_t k,
                      struct gt_event *e)
{
	assert_int_equal(gt_event_summarise(sc, lc, s, idx, k, e), GT_OK);
}

/* Two patrols hear one shelling from different sides: one event, placed
 * where their bearings cross, better than either alone. */
static void test_two_observers_one_shelling(void **state)
{
	(void)state;
	struct gt_point target = {37.75, 48.05};
	struct gt_sighting s[2] = {heard(target, 300, 6, T0, 1, 12),
	                           heard(target, 40, 4, T0 + 120, 2, 9)};
	int64_t next = 1;
	correlate(s, 2, &next);
	assert_int_equal(s[0].event_id, 1);
	assert_int_equal(s[1].event_id, 1);
	assert_int_equal(next, 2);
	struct gt_event e;
	summarise(s, (size_t[]){0, 1}, 2, &e);
	assert_true(e.triangulated);
	double miss = gt_geo_distance_km(target, (struct gt_point){e.lon, e.lat});
	assert_true(miss < 0.1);
	assert_true(e.radius_km < 1.5); /* a heard distance alone: 6 km x 0.3 = 1.8 km */
	assert_int_equal(e.count, 12);  /* both heard the same rounds: the larger count */
	assert_int_equal(e.observers, 2);
	assert_int_equal(e.grade, 'B');
	assert_int_equal(e.from, T0);
	assert_int_equal(e.to, T0 + 720);
}

/* Two different shellings 3 km apart at the same time, each seen from a
 * UAV, and a camera that saw the first: two events. */
static void test_two_shellings_close_together(void **state)
{
	(void)state;
	struct gt_point a = {37.70, 48.00};
	struct gt_point b = gt_geo_destination(a, 90, 3);
	struct gt_sighting s[3] = {
		seen(a.lon, a.lat, T0, 1, GT_SOURCE_UAV, GT_WEAPON_ARTILLERY, 5),
		seen(b.lon, b.lat, T0 + 60, 2, GT_SOURCE_UAV, GT_WEAPON_ARTILLERY, 7),
		seen(a.lon + 0.002, a.lat, T0 + 30, 3, GT_SOURCE_FIXED_CAMERA,
		     GT_WEAPON_UNDETERMINED, 4),
	};
	int64_t next = 10;
	correlate(s, 3, &next);
	assert_int_equal(s[0].event_id, 10);
	assert_int_equal(s[2].event_id, 10);
	assert_int_equal(s[1].event_id, 11);
	struct gt_event e;
	summarise(s, (size_t[]){0, 2}, 2, &e);
	assert_int_equal(e.weapon, GT_WEAPON_ARTILLERY); /* the specific class wins */
	assert_int_equal(e.grade, 'A');                  /* two observers, two kinds, seen */
	assert_false(e.triangulated);
	assert_int_equal(e.count, 5);
}

/* Issue 16, finding 7: one account naming two observers corroborates
 * nothing, and a count no report is trusted with holds the event. */
static void test_one_account_two_observers(void **state)
{
	(void)state;
	struct gt_sighting s[3] = {
		seen(37.70, 48.00, T0, 1, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 100000),
		seen(37.70, 48.00, T0 + 60, 2, GT_SOURCE_UAV, GT_WEAPON_ARTILLERY, 100000),
		seen(37.70, 48.00, T0 + 90, 3, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 4),
	};
	s[1].account = s[0].account;
	struct gt_event e;
	summarise(s, (size_t[]){0, 1}, 2, &e);
	assert_int_equal(e.observers, 2);
	assert_int_equal(e.accounts, 1);
	assert_int_equal(e.grade, 'C');
	assert_int_equal(e.held, 2); /* over the built-in scenario's 300 */
	summarise(s, (size_t[]){0, 1, 2}, 3, &e);
	assert_int_equal(e.accounts, 2);
	assert_int_equal(e.grade, 'A'); /* two accounts, two kinds of source, seen */
	assert_int_equal(e.held, 2);
	struct gt_threshold t = {.event = GT_EVENT_EXPLOSION, .more_than = 50, .hours = 24,
	                         .grade = 'B'};
	e.status = GT_EVENT_UNVERIFIED;
	assert_false(gt_threshold_counts(&t, &e)); /* held until an analyst verifies it */
	e.status = GT_EVENT_VERIFIED;
	assert_true(gt_threshold_counts(&t, &e));
	summarise(s, (size_t[]){2}, 1, &e);
	assert_int_equal(e.held, 0);
	/* nor can the count be spread over many reports of one observer: four
	 * of 100 add up past 300 */
	struct gt_sighting many[4];
	for (int i = 0; i < 4; i++)
		many[i] = seen(37.70, 48.00, T0 + i, 7, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 100);
	summarise(many, (size_t[]){0, 1, 2, 3}, 4, &e);
	assert_int_equal(e.count, 400);
	assert_int_equal(e.held, 1);
	summarise(many, (size_t[]){0, 1, 2}, 3, &e);
	assert_int_equal(e.held, 0);
}

/* What keeps reports apart: time, type and weapon class. */
static void test_incompatible_kept_apart(void **state)
{
	(void)state;
	double lon = 37.70, lat = 48.00;
	struct gt_sighting s[5] = {
		seen(lon, lat, T0, 1, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 1),
		seen(lon, lat, T0 + 2 * 3600, 2, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 1),
		seen(lon, lat, T0, 3, GT_SOURCE_PATROL, GT_WEAPON_MORTAR, 1),
		seen(lon, lat, T0, 4, GT_SOURCE_PATROL, GT_WEAPON_NONE, 1),
		seen(lon, lat, T0 + 300 + 29 * 60, 5, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 1),
	};
	s[3].event = GT_EVENT_SMALL_ARMS;
	int64_t next = 1;
	correlate(s, 5, &next);
	assert_int_not_equal(s[0].event_id, s[1].event_id); /* two hours later */
	assert_int_not_equal(s[0].event_id, s[2].event_id); /* mortar, not artillery */
	assert_int_not_equal(s[0].event_id, s[3].event_id); /* small arms */
	assert_int_equal(s[0].event_id, s[4].event_id);     /* 29 minutes after it ended */
	assert_int_equal(next, 5);
	/* a report of undetermined class agrees with either, but joins only
	 * one: no event holds two specific classes */
	struct gt_sighting t[3] = {s[0], s[2], s[0]};
	t[2].weapon = GT_WEAPON_UNDETERMINED;
	t[0].event_id = t[1].event_id = t[2].event_id = 0;
	correlate(t, 3, &next);
	assert_int_not_equal(t[0].event_id, t[1].event_id);
	assert_true(t[2].event_id == t[0].event_id || t[2].event_id == t[1].event_id);
	/* nor does a group join an existing event of another class */
	struct gt_sighting u[2] = {s[2], s[0]};
	u[0].event_id = 40; /* mortar */
	u[1].event_id = 0;  /* artillery, same place and time */
	correlate(u, 2, &next);
	assert_int_not_equal(u[1].event_id, 40);
}

/* Existing events: a new report joins the one it matches; a report that
 * matches two existing events joins the one it links to most, then the
 * lower id, and never merges them. */
static void test_existing_events(void **state)
{
	(void)state;
	struct gt_point a = {37.70, 48.00};
	struct gt_point b = gt_geo_destination(a, 90, 2.4);
	struct gt_point mid = gt_geo_destination(a, 90, 1.2);
	struct gt_sighting s[4] = {
		seen(a.lon, a.lat, T0, 1, GT_SOURCE_UAV, GT_WEAPON_ARTILLERY, 1),
		seen(b.lon, b.lat, T0, 2, GT_SOURCE_UAV, GT_WEAPON_ARTILLERY, 1),
		seen(mid.lon, mid.lat, T0, 3, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 1),
		seen(b.lon, b.lat, T0 + 100, 4, GT_SOURCE_UAV, GT_WEAPON_ARTILLERY, 1),
	};
	s[0].event_id = 7;
	s[1].event_id = 5;
	s[3].event_id = 5;
	int64_t next = 8;
	correlate(s, 4, &next);
	assert_int_equal(s[0].event_id, 7);
	assert_int_equal(s[1].event_id, 5);
	assert_int_equal(s[2].event_id, 5); /* two links to 5, one to 7 */
	assert_int_equal(next, 8);
	/* with one link each, the lower id */
	s[3].event_id = 9;
	s[2].event_id = 0;
	correlate(s, 4, &next);
	assert_int_equal(s[2].event_id, 5);
	s[1].event_id = 9;
	s[2].event_id = 0;
	correlate(s, 4, &next);
	assert_int_equal(s[2].event_id, 9); /* two links to 9 again */
}

/* A report observed over more than max_span_hours is its own event. */
static void test_long_window_alone(void **state)
{
	(void)state;
	struct gt_sighting s[2] = {
		seen(37.7, 48.0, T0, 1, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 1),
		seen(37.7, 48.0, T0 - 3600, 2, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 1),
	};
	s[1].to = s[1].from + 25 * 3600;
	int64_t next = 1;
	correlate(s, 2, &next);
	assert_int_not_equal(s[0].event_id, s[1].event_id);
	assert_int_equal(next, 3);
	assert_int_equal(s[1].event_id, 1); /* numbered by earliest sighting */
}

/* The partition does not depend on the input's order (only the numbers
 * do): many sightings on a strip, shuffled. */
static void test_order_independent(void **state)
{
	(void)state;
	enum { N = 600 };
	struct gt_sighting *s = calloc(N, sizeof(*s)), *t = calloc(N, sizeof(*t));
	size_t *perm = malloc(N * sizeof(*perm));
	assert_non_null(s);
	assert_non_null(t);
	assert_non_null(perm);
	uint32_t x = 12345;
	for (size_t i = 0; i < N; i++) {
		x = x * 1664525u + 1013904223u;
		double lon = 37.0 + (x % 10000) / 10000.0 * 0.6;
		x = x * 1664525u + 1013904223u;
		int64_t when = T0 + (int64_t)(x % 86400);
		s[i] = seen(lon, 48.0 + (i % 7) * 0.004, when, (uint32_t)(i % 50), GT_SOURCE_PATROL,
		            GT_WEAPON_ARTILLERY, 1);
		perm[i] = i;
	}
	for (size_t i = N - 1; i > 0; i--) {
		x = x * 1664525u + 1013904223u;
		size_t j = x % (i + 1), tmp = perm[i];
		perm[i] = perm[j];
		perm[j] = tmp;
	}
	for (size_t i = 0; i < N; i++)
		t[i] = s[perm[i]];
	int64_t n1 = 1, n2 = 1;
	correlate(s, N, &n1);
	correlate(t, N, &n2);
	assert_int_equal(n1, n2);
	assert_true(n1 > 50 && n1 < N); /* some joined, not all */
	for (size_t i = 0; i < N; i++)
		for (size_t j = 0; j < i; j += 7)
			assert_int_equal(s[perm[i]].event_id == s[perm[j]].event_id,
			                 t[i].event_id == t[j].event_id);
	free(s);
	free(t);
	free(perm);
}

/* Sector and side on the built-in line: Kramatorsk is on the
 * government-controlled side, Donetsk on the other. */
static void test_sector_and_side(void **state)
{
	(void)state;
	struct gt_sighting s[2] = {
		seen(37.5563, 48.7389, T0, 1, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 1),
		seen(37.8028, 48.0159, T0, 2, GT_SOURCE_PATROL, GT_WEAPON_ARTILLERY, 1),
	};
	struct gt_event e;
	summarise(s, (size_t[]){0}, 1, &e);
	assert_int_equal(e.side, 1);
	assert_string_equal(sc->monitoring.left, "government-controlled");
	const struct gt_sector *sec = gt_scenario_sector(sc, e.sector);
	assert_non_null(sec);
	assert_true(e.line_km >= sec->from_km && e.line_km <= sec->to_km);
	assert_true(e.offset_km > 5 && e.offset_km < 60);
	summarise(s, (size_t[]){1}, 1, &e);
	assert_int_equal(e.side, -1);
	assert_int_equal(e.grade, 'C');
}

static void mark(size_t i, void *hit)
{
	((bool *)hit)[i] = true;
}

/* The locator against geodesic distance to the line, and the index
 * against a scan. */
static void test_locator_and_index(void **state)
{
	(void)state;
	struct gt_point probes[] = {{37.5563, 48.7389}, {37.8028, 48.0159}, {35.1, 47.8},
	                            {33.0, 46.5}};
	for (size_t i = 0; i < 4; i++) {
		struct gt_geo_line_place at = gt_geo_line_locate(lc, probes[i]);
		double d = gt_geo_distance_to_line_km(&sc->theatre.lines[0].path, probes[i]);
		assert_true(fabs(fabs(at.offset_km) - d) <= 0.01 * d + 0.2);
		assert_true(at.along_km >= 0 && at.along_km <= sc->theatre.lines[0].km + 1e-6);
	}
	enum { N = 2000 };
	struct gt_point pts[N];
	uint32_t x = 7;
	for (size_t i = 0; i < N; i++) {
		x = x * 1664525u + 1013904223u;
		pts[i].lon = 30 + (x % 100000) / 10000.0;
		x = x * 1664525u + 1013904223u;
		pts[i].lat = 45 + (x % 100000) / 20000.0;
	}
	struct gt_geo_index *ix;
	assert_int_equal(gt_geo_index_new(pts, N, &ix), GT_OK);
	static bool hit[N];
	memset(hit, 0, sizeof(hit));
	assert_int_equal(gt_geo_index_query(ix, 33, 46, 34.5, 47.5, mark, hit), GT_OK);
	for (size_t i = 0; i < N; i++) {
		bool in = pts[i].lon >= 33 && pts[i].lon <= 34.5 && pts[i].lat >= 46 &&
		          pts[i].lat <= 47.5;
		assert_int_equal(hit[i], in);
	}
	gt_geo_index_free(ix);
}

/* Crossings: events that began in the same second all count; a breach
 * already open covers its window on both sides. */
static void test_crossings(void **state)
{
	(void)state;
	struct gt_threshold t = {.name = "x", .event = GT_EVENT_EXPLOSION, .more_than = 50,
	                         .hours = 24, .per_sector = true, .grade = 'C'};
	struct gt_event ev[5];
	memset(ev, 0, sizeof(ev));
	for (int i = 0; i < 5; i++) {
		ev[i].id = i + 1;
		ev[i].count = 30;
		ev[i].from = T0 + (i < 3 ? 0 : 3600 * (i == 3 ? 20 : 30));
	}
	struct gt_crossing x[5];
	size_t n = gt_threshold_crossings(&t, ev, 5, NULL, 0, x);
	/* at T0 three events of 30 (90); at +20 h four (120), covered; at +30 h
	 * the window holds +20 h and +30 h (60): a second breach, 30 h after */
	assert_int_equal(n, 2);
	assert_int_equal(x[0].at, T0);
	assert_int_equal(x[0].total, 90);
	assert_int_equal(x[0].first, 0);
	assert_int_equal(x[0].last, 2);
	assert_int_equal(x[1].at, T0 + 30 * 3600);
	assert_int_equal(x[1].total, 60);
	/* a breach open 20 h before the first events covers them; at +20 h
	 * (40 h after it) a breach opens, and covers +30 h */
	int64_t open[1] = {T0 - 20 * 3600};
	n = gt_threshold_crossings(&t, ev, 5, open, 1, x);
	assert_int_equal(n, 1);
	assert_int_equal(x[0].at, T0 + 20 * 3600);
	assert_int_equal(x[0].total, 120);
	/* one open at +10 h covers them all (10, 10 and 20 h away) */
	open[0] = T0 + 10 * 3600;
	assert_int_equal(gt_threshold_crossings(&t, ev, 5, open, 1, x), 0);
}

/* The side of a point beyond a sharp bend does not flip: a line that
 * turns back on itself (east, then back west-north-west), points around
 * the outside of the turn are all on its right. */
static void test_side_at_a_bend(void **state)
{
	(void)state;
	struct gt_point pts[3] = {{30.0, 48.0}, {30.5, 48.0}, {30.0, 48.05}};
	struct gt_linestring line = {3, pts};
	struct gt_geo_line_locator *bend;
	assert_int_equal(gt_geo_line_locator_new(&line, 1, &bend), GT_OK);
	for (int az = 20; az <= 160; az += 10) {
		struct gt_point p = gt_geo_destination(pts[1], az, 2);
		struct gt_geo_line_place at = gt_geo_line_locate(bend, p);
		/* east of the turn: outside it, on the right walking the line */
		assert_true(at.offset_km < 0);
		assert_true(fabs(fabs(at.offset_km) - 2) < 0.05);
	}
	/* inside the turn, between the two legs: the left */
	struct gt_geo_line_place in = gt_geo_line_locate(bend, (struct gt_point){30.3, 48.02});
	assert_true(in.offset_km > 0);
	gt_geo_line_locator_free(bend);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_observers_one_shelling),
		cmocka_unit_test(test_one_account_two_observers),
		cmocka_unit_test(test_two_shellings_close_together),
		cmocka_unit_test(test_incompatible_kept_apart),
		cmocka_unit_test(test_existing_events),
		cmocka_unit_test(test_long_window_alone),
		cmocka_unit_test(test_order_independent),
		cmocka_unit_test(test_sector_and_side),
		cmocka_unit_test(test_locator_and_index),
		cmocka_unit_test(test_crossings),
		cmocka_unit_test(test_side_at_a_bend),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
