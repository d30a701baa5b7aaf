/* bench_correlate.c: correlation of a million synthetic reports into
 * events (gt_correlate over GEOS STRtrees), on the built-in line: true
 * events scattered within 20 km of it over 90 days, each seen or heard by
 * one to four of 300 observers with realistic errors. Prints the time, the
 * peak memory and how well the true events were recovered; then the same
 * through the store (gt_store_correlate: read, correlate, write events and
 * assignments, check thresholds, in one transaction) for the first 200,000.
 * Asserts nothing.
 *
 *   bench_correlate [N] [--points FILE]
 *
 * --points writes each sighting's estimated position, time and type as CSV
 * (lon, lat, from, type, radius_km), for the same clustering in PostGIS
 * (bench/correlate-postgis.sh), and skips the store. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <sqlite3.h>
#include <unistd.h>

#include "table.h"
#include "guarantor/monitor.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* splitmix64: a fixed, seedable stream */
static uint64_t rng_state = 20251127;
static uint64_t next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}
static double uniform(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}
static double normal(void)
{
	double u = uniform() + 1e-12, v = uniform();
	return sqrt(-2 * log(u)) * cos(2 * 3.14159265358979 * v);
}

/* The first k sightings as stored reports, in one transaction (the bench's
 * shortcut past the API), then gt_store_correlate on them. */
static int store_phase(const struct gt_scenario *sc, const struct gt_sighting *s, size_t k)
{
	char path[256];
	snprintf(path, sizeof(path), "/tmp/gt-bench-correlate-%ld.db", (long)getpid());
	struct gt_store *st;
	struct gt_err err;
	char token[GT_TOKEN_MAX];
	struct gt_user u;
	if (gt_store_open(path, &st, &err) != GT_OK ||
	    gt_store_user_add(st, "bench", GT_ROLE_ANALYST, NULL, token, &err) != GT_OK ||
	    gt_store_authenticate(st, token, &u, &err) != GT_OK) {
		fprintf(stderr, "bench_correlate: %s\n", err.msg);
		return 1;
	}
	gt_store_close(st);
	sqlite3 *db;
	sqlite3_stmt *q;
	/* the teams' accounts, ids 2 to 301, each reporting as its team */
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db,
	                 "WITH RECURSIVE t(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM t WHERE k < 299)"
	                 " INSERT INTO users (id, name, role, token_hash, created, observers)"
	                 " SELECT k + 2, 'team-' || k, 'monitor', 'x', '', 'team ' || k FROM t",
	                 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
	                       "INSERT INTO reports (id, digest, observed_from, observed_to, reported,"
	                       " received, submitted_by, lon, lat, precision_m, observer, source,"
	                       " event, weapon, count, bearing_deg, distance_km, text, attachments)"
	                       " VALUES (?, x'00', ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '',"
	                       " '')",
	                       -1, &q, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_correlate: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	for (size_t i = 0; i < k; i++) {
		char id[32], observer[32];
		snprintf(id, sizeof(id), "r%zu", i);
		snprintf(observer, sizeof(observer), "team %u", s[i].observer);
		sqlite3_reset(q);
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(q, 2, s[i].from);
		sqlite3_bind_int64(q, 3, s[i].to);
		sqlite3_bind_int64(q, 4, s[i].to);
		sqlite3_bind_int64(q, 5, s[i].account);
		sqlite3_bind_double(q, 6, s[i].lon);
		sqlite3_bind_double(q, 7, s[i].lat);
		sqlite3_bind_double(q, 8, s[i].precision_km * 1000);
		sqlite3_bind_text(q, 9, observer, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 10, gt_source_kind_name(s[i].source), -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 11, gt_event_type_name(s[i].event), -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 12, gt_weapon_name(s[i].weapon), -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 13, s[i].count);
		if (s[i].heard) {
			sqlite3_bind_double(q, 14, s[i].bearing_deg);
			sqlite3_bind_double(q, 15, s[i].distance_km);
		} else {
			sqlite3_bind_null(q, 14);
			sqlite3_bind_null(q, 15);
		}
		if (sqlite3_step(q) != SQLITE_DONE) {
			fprintf(stderr, "bench_correlate: %s\n", sqlite3_errmsg(db));
			return 1;
		}
	}
	sqlite3_finalize(q);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	if (gt_store_open(path, &st, &err) != GT_OK)
		return 1;
	struct gt_correlation c;
	double t = now();
	enum gt_status rc = gt_store_correlate(st, sc, &u, &c, &err);
	t = now() - t;
	size_t nb = 0;
	struct gt_breach *b;
	if (rc == GT_OK && gt_store_breaches(st, 0, 0, 1000000, &b, &nb, &err) == GT_OK)
		free(b);
	gt_store_close(st);
	char p2[300];
	remove(path);
	snprintf(p2, sizeof(p2), "%s-wal", path);
	remove(p2);
	snprintf(p2, sizeof(p2), "%s-shm", path);
	remove(p2);
	if (rc != GT_OK) {
		fprintf(stderr, "bench_correlate: %s\n", err.msg);
		return 1;
	}
	printf("through the store (gt_store_correlate, one transaction): %zu reports into %zu "
	       "events and %zu breaches in %.2f s (%.0f reports/s)\n",
	       c.reports, c.new_events, nb, t, (double)c.reports / t);
	bench_row("correlation through the store (read, correlate, write)", (double)c.reports / t,
	          "reports/s", NULL, 0);
	return 0;
}

int main(int argc, char **argv)
{
	size_t want = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1000000;
	const char *points = argc > 3 && strcmp(argv[2], "--points") == 0 ? argv[3] : NULL;
	struct gt_scenario *sc;
	struct gt_err err;
	if (gt_scenario_load_builtin(&sc, &err) != GT_OK) {
		fprintf(stderr, "bench_correlate: %s\n", err.msg);
		return 1;
	}
	const struct gt_monitoring *m = &sc->monitoring;
	struct gt_sighting *s = malloc(want * sizeof(*s));
	uint32_t *truth = malloc(want * sizeof(*truth));
	if (!s || !truth)
		return 1;
	const int64_t t0 = 1767225600; /* 2026-01-01 */
	size_t n = 0;
	uint32_t events = 0;
	double g0 = now();
	/* points every 100 m along the line, to place events quickly */
	enum { STEPS = 10000 };
	struct gt_point *along = malloc(STEPS * sizeof(*along));
	if (!along)
		return 1;
	for (int k = 0; k < STEPS; k++)
		along[k] = gt_geo_line_point_at(&sc->theatre.lines[0].path, sc->theatre.lines[0].km * k / (STEPS - 1));
	while (n < want) {
		/* a true event near the line */
		struct gt_point at =
			gt_geo_destination(along[next() % STEPS], uniform() * 360, uniform() * 20);
		int64_t when = t0 + (int64_t)(uniform() * 90 * 86400);
		double u = uniform();
		enum gt_event_type type = u < 0.6   ? GT_EVENT_EXPLOSION
		                          : u < 0.9 ? GT_EVENT_SMALL_ARMS
		                                    : (enum gt_event_type)(2 + next() % 5);
		enum gt_weapon weapon = type == GT_EVENT_EXPLOSION
		                                ? (enum gt_weapon)(1 + next() % 5)
		                                : GT_WEAPON_NONE;
		long count = 1 + (long)(next() % 30);
		int observers = 1 + (int)(next() % 4);
		uint32_t first = (uint32_t)(next() % 300);
		for (int k = 0; k < observers && n < want; k++) {
			struct gt_sighting *g = &s[n];
			memset(g, 0, sizeof(*g));
			g->from = when + (int64_t)(normal() * 180);
			g->to = g->from + 60 + (int64_t)(next() % 600);
			g->observer = (first + (uint32_t)k * 7) % 300;
			g->account = g->observer + 2; /* each team its own account (user 1 the analyst) */
			g->source = (enum gt_source_kind)(next() % GT_SOURCE_COUNT);
			g->event = type;
			/* some observers cannot tell the weapon */
			g->weapon = weapon != GT_WEAPON_NONE && uniform() < 0.3 ? GT_WEAPON_UNDETERMINED
			                                                         : weapon;
			g->count = count + (long)(next() % 3);
			if (uniform() < 0.5) { /* seen: a position within its precision */
				struct gt_point p = gt_geo_destination(at, uniform() * 360, uniform() * 0.3);
				g->lon = p.lon;
				g->lat = p.lat;
				g->precision_km = 0.3;
			} else { /* heard from 2-8 km: bearing and distance with errors */
				double az = uniform() * 360, d = 2 + uniform() * 6;
				struct gt_point obs = gt_geo_destination(at, az, d);
				g->lon = obs.lon;
				g->lat = obs.lat;
				g->precision_km = 0.05;
				g->heard = true;
				g->bearing_deg = fmod(az + 180 + normal() * 3 + 360, 360);
				g->distance_km = d * (1 + normal() * 0.1);
			}
			truth[n++] = events;
		}
		events++;
	}
	double gen = now() - g0;
	if (points) {
		FILE *f = fopen(points, "w");
		if (!f) {
			fprintf(stderr, "bench_correlate: cannot write %s\n", points);
			return 1;
		}
		for (size_t i = 0; i < n; i++) {
			double lon, lat, r;
			gt_sighting_estimate(m, &s[i], &lon, &lat, &r);
			fprintf(f, "%.7f,%.7f,%lld,%d,%.4f\n", lon, lat, (long long)s[i].from, (int)s[i].event,
			        r);
		}
		if (fclose(f) != 0)
			return 1;
	}
	int64_t next_id = 1;
	double c0 = now();
	if (gt_correlate(m, s, n, &next_id, &err) != GT_OK) {
		fprintf(stderr, "bench_correlate: %s\n", err.msg);
		return 1;
	}
	double took = now() - c0;
	/* recovery: a true event is recovered when its reports share one event
	 * and that event holds nothing else */
	size_t found = (size_t)(next_id - 1);
	uint32_t *owner = malloc(found * sizeof(*owner)); /* event -> a truth, or UINT32_MAX */
	uint32_t *size = calloc(found, sizeof(*size));
	if (!owner || !size)
		return 1;
	for (size_t e = 0; e < found; e++)
		owner[e] = UINT32_MAX - 1;
	for (size_t i = 0; i < n; i++) {
		size_t e = (size_t)(s[i].event_id - 1);
		owner[e] = owner[e] == UINT32_MAX - 1 || owner[e] == truth[i] ? truth[i] : UINT32_MAX;
		size[e]++;
	}
	size_t pure = 0, recovered = 0;
	for (size_t e = 0; e < found; e++)
		pure += owner[e] != UINT32_MAX;
	/* a truth is recovered when all its sightings went to one pure event */
	int64_t *home = malloc(events * sizeof(*home));
	if (!home)
		return 1;
	for (uint32_t t = 0; t < events; t++)
		home[t] = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t e = s[i].event_id;
		home[truth[i]] = home[truth[i]] == 0 || home[truth[i]] == e ? e : -1;
	}
	for (uint32_t t = 0; t < events; t++)
		recovered += home[t] > 0 && owner[home[t] - 1] == t;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("correlation of %zu synthetic reports (%u true events, 90 days, the built-in line):\n",
	       n, events);
	printf("  generated in %.2f s; correlated in %.2f s (%.0f reports/s)\n", gen, took,
	       (double)n / took);
	printf("  events found: %zu; pure (one true event each): %.1f%%; true events recovered "
	       "exactly: %.1f%%\n",
	       found, 100.0 * (double)pure / (double)found, 100.0 * (double)recovered / events);
	printf("  peak memory: %.0f MiB\n", (double)ru.ru_maxrss / 1024.0);
	char row[96];
	snprintf(row, sizeof(row), "correlation: gt_correlate, %zu reports", n);
	if (points) /* its row, with PostGIS beside it, is bench/correlate-postgis.sh's */
		printf("  (positions written to %s)\nseconds: %.6f\n", points, took);
	else
		bench_row(row, (double)n / took, "reports/s", NULL, 0);
	for (size_t i = 0; i < n; i++)
		s[i].event_id = 0;
	int rc = points ? 0 : store_phase(sc, s, n < 200000 ? n : 200000);
	free(along);
	free(home);
	free(owner);
	free(size);
	free(s);
	free(truth);
	gt_scenario_free(sc);
	return rc;
}
