/* bench_forcegen.c: force generation on synthetic coalitions, from 20
 * members x 50 roles to 200 x 500. Prints solve time, status, gap, model
 * size and peak memory. The instances are deterministic (a fixed seed);
 * a line of sectors 1 km long gives the roles. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "table.h"
#include "guarantor/forcegen.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;
static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char doctrine[] =
	"doctrine:\n"
	"  density_per_km:\n"
	"    open: {low: 100, medium: 200, high: 400}\n"
	"    mixed: {low: 100, medium: 200, high: 400}\n"
	"    forest: {low: 100, medium: 200, high: 400}\n"
	"    urban: {low: 100, medium: 200, high: 400}\n"
	"    river: {low: 100, medium: 200, high: 400}\n"
	"    mountain: {low: 100, medium: 200, high: 400}\n"
	"  posture_factor: {buffer: 0.3, depth: 0.15}\n"
	"  observer_per_km: 1.7\n"
	"  stabilisation_per_1000: {low: 10, medium: 20, high: 25}\n"
	"  reserve_share: 0\n  enabler_share: 0\n  hq_share: 0\n"
	"  rotation: {ground: 4, air: 3, naval: 3, training: 2, monitoring: 2}\n"
	"  air: {aew_altitude_m: 9150, target_low_m: 50, target_high_m: 9000, alert_minutes: 15,"
	" sam_range_km: 200}\n"
	"  naval: {ships_per_task_group: 4, personnel_per_ship: 180}\n"
	"  map: {footprint_km: 5}\n";

/* A line of `roles` km on the equator, in a country wide enough to hold it. */
static int write_geometry(const char *path, int roles)
{
	double deg = roles / 111.319491;
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	fprintf(f, "{\"type\": \"FeatureCollection\", \"features\": [\n"
	           "{\"type\": \"Feature\", \"properties\": {\"kind\": \"outline\", \"name\": \"B\", "
	           "\"country\": \"ZZ\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
	           "[[[0, -1], [%.6f, -1], [%.6f, 1], [0, 1], [0, -1]]]}},\n"
	           "{\"type\": \"Feature\", \"properties\": {\"kind\": \"line_of_contact\", \"name\": "
	           "\"L\", \"country\": \"ZZ\"}, \"geometry\": {\"type\": \"LineString\", "
	           "\"coordinates\": [[0.1, 0], [%.6f, 0]]}}\n]}\n",
	           deg + 1, deg + 1, 0.1 + deg);
	return fclose(f);
}

static char *scenario_yaml(const char *geometry, int members)
{
	size_t cap = 4096 + (size_t)members * 200, used = 0;
	char *y = malloc(cap);
	if (!y)
		return NULL;
	used += (size_t)snprintf(y + used, cap - used,
	                         "scenario: {name: bench, title: Force generation benchmark}\n"
	                         "theatre: {geometry: %s}\n"
	                         "sectors: {mode: auto, length_km: 1, default: {terrain: open, threat: "
	                         "medium}}\n%s"
	                         "options:\n  - {name: line, title: Line, ground: {posture: line, "
	                         "sectors: all}}\n"
	                         "forcegen: {company_strength: 100, lead_share: 0.34, max_nations: 3, "
	                         "reserve_km: 30, enablers_km: 60, horizon_months: 24, tour_months: 6,\n"
	                         "  priority: {line: 1, garrison: 1, reserve: 1, enablers: 1, air_patrol: "
	                         "1, aew: 1, naval: 1, training: 1, monitoring: 1}}\n"
	                         "coalition:\n  members:\n",
	                         geometry, doctrine);
	for (int i = 0; i < members; i++) {
		char caveat[96] = "";
		if (pick(4) == 0)
			snprintf(caveat, sizeof(caveat), ", caveats: {max_role_share: 0.5}");
		else if (pick(4) == 0 && i > 0)
			snprintf(caveat, sizeof(caveat), ", caveats: {only_under: [%c%c]}", 'A' + pick(i < 26 ? (unsigned)i : 26u) % 26, 'A');
		used += (size_t)snprintf(y + used, cap - used,
		                         "    - {code: %c%c, name: M%d, weight: %u, leads: %s, domains: "
		                         "[land], sustain: {companies: %u}%s}\n",
		                         'A' + i % 26, 'A' + i / 26, i, 1 + pick(100),
		                         pick(3) == 0 ? "true" : "false", 1 + pick(20), caveat);
	}
	return y;
}

int main(void)
{
	static const int sizes[][2] = {{20, 50}, {50, 100}, {100, 250}, {200, 500}};
	char geometry[] = "/tmp/gt-bench-XXXXXX";
	int fd = mkstemp(geometry);
	if (fd < 0)
		return 1;
	close(fd);
	printf("%-22s %9s %11s %-24s %7s %9s %11s\n", "instance", "variables", "constraints",
	       "status", "gap", "seconds", "peak RSS MB");
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		int members = sizes[k][0], roles = sizes[k][1];
		if (write_geometry(geometry, roles) != 0)
			return 1;
		char *yaml = scenario_yaml(geometry, members);
		struct gt_scenario *s;
		struct gt_sizing *sz;
		struct gt_forcegen *fg;
		struct gt_err err;
		char buf[1400];
		if (!yaml || gt_scenario_load_text(yaml, strlen(yaml), "bench.yaml", NULL, &s, &err) != GT_OK) {
			fprintf(stderr, "bench: %s\n", gt_err_format(&err, buf, sizeof(buf)));
			return 1;
		}
		struct gt_fg_settings set = {.time_limit_s = 30};
		if (gt_sizing_run(s, &sz, &err) != GT_OK ||
		    gt_forcegen_run(s, &sz->options[0], &set, &fg, &err) != GT_OK) {
			fprintf(stderr, "bench: %s\n", gt_err_format(&err, buf, sizeof(buf)));
			return 1;
		}
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		char name[64];
		snprintf(name, sizeof(name), "%d members x %zu roles", members, fg->nroles);
		char gap[16];
		if (fg->gap < 1e6)
			snprintf(gap, sizeof(gap), "%.2f%%", fg->gap * 100);
		else
			snprintf(gap, sizeof(gap), "n/a"); /* no bound yet */
		printf("%-22s %9zu %11zu %-24s %7s %9.2f %11.1f\n", name, fg->nvars, fg->nrows,
		       fg->status, gap, fg->seconds, (double)ru.ru_maxrss / 1024.0);
		char row[96];
		snprintf(row, sizeof(row), "force generation: %s", name);
		bench_row(row, fg->seconds, "s", NULL, 0);
		fflush(stdout);
		gt_forcegen_free(fg);
		gt_sizing_free(sz);
		gt_scenario_free(s);
		free(yaml);
	}
	unlink(geometry);
	return 0;
}
