/* bench_air.c: time and memory of the air umbrella's geometry over the
 * built-in scenario's defended country: the coverage union (AEW orbits of
 * an option, and a dense ground-radar network), the 1 km grid, and the
 * whole assessment (coverage, reaction-time field, exposure) at 1 km and
 * at the default 5 km. For comparison, the same 1 km grid filled cell by
 * cell with a prepared point-in-polygon test. Prints figures; asserts
 * nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "table.h"
#include "guarantor/air.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double peak_mib(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0; /* Linux reports KiB */
}

static int fail(const char *what, const struct gt_err *err)
{
	fprintf(stderr, "bench_air: %s: %s\n", what, err ? err->msg : "failed");
	return 1;
}

int main(void)
{
	struct gt_err err;
	struct gt_scenario *s;
	if (gt_scenario_load_builtin(&s, &err) != GT_OK)
		return fail("load", &err);
	size_t len;
	const char *csv = gt_aircraft_builtin_csv(&len);
	struct gt_aircraft_catalogue *cat;
	if (gt_aircraft_load_text(csv, len, "aircraft.csv", &cat, &err) != GT_OK)
		return fail("catalogue", &err);
	size_t opt = 0;
	while (opt < s->noptions && strcmp(s->options[opt].name, "full-line") != 0)
		opt++;
	struct gt_air_plan *plan;
	if (opt == s->noptions || gt_air_plan_option(s, opt, cat, &plan, &err) != GT_OK)
		return fail("plan full-line", &err);
	const struct gt_multipolygon *area = &s->theatre.outline;
	printf("%-58s %10s %10s\n", "benchmark (defended country: built-in Ukraine)", "time",
	       "peak RSS");

	/* coverage: the option's AEW orbits, then 80 ground radars 150 km out */
	struct gt_geo_disc discs[96];
	size_t n = 0;
	for (size_t i = 0; i < plan->nposts; i++)
		if (plan->posts[i].aew)
			discs[n++] = (struct gt_geo_disc){plan->posts[i].at, 400};
	enum { REPS = 20 };
	double t0 = now();
	for (int r = 0; r < REPS; r++) {
		struct gt_geo_cover c;
		if (gt_geo_cover(area, discs, n, &c) != GT_OK)
			return fail("cover", NULL);
		gt_geo_cover_fini(&c);
	}
	char label[96];
	snprintf(label, sizeof(label), "coverage union, %zu AEW discs, clipped + gaps", n);
	printf("%-58s %7.2f ms %7.1f MiB\n", label, (now() - t0) / REPS * 1e3, peak_mib());
	size_t m = 0;
	for (int i = 0; i < 10; i++)
		for (int j = 0; j < 8; j++)
			discs[m++] = (struct gt_geo_disc){{22.5 + 1.6 * i, 44.5 + 0.9 * j}, 150};
	t0 = now();
	for (int r = 0; r < REPS / 4; r++) {
		struct gt_geo_cover c;
		if (gt_geo_cover(area, discs, m, &c) != GT_OK)
			return fail("cover", NULL);
		gt_geo_cover_fini(&c);
	}
	snprintf(label, sizeof(label), "coverage union, %zu ground-radar discs, clipped + gaps", m);
	printf("%-58s %7.2f ms %7.1f MiB\n", label, (now() - t0) / (REPS / 4) * 1e3, peak_mib());

	/* the 1 km grid alone, row scans */
	struct gt_geo_grid g;
	t0 = now();
	if (gt_geo_grid_new(area, 1.0, &g) != GT_OK)
		return fail("grid", NULL);
	double grid_s = now() - t0;
	snprintf(label, sizeof(label), "1 km grid by row scans (%zu x %zu, %zu inside)", g.nx, g.ny,
	         g.ninside);
	printf("%-58s %7.2f ms %7.1f MiB\n", label, grid_s * 1e3, peak_mib());

	/* baseline: the same cells tested one by one */
	struct gt_geo_region *region;
	if (gt_geo_region_new(area, &region) != GT_OK)
		return fail("region", NULL);
	t0 = now();
	size_t inside = 0;
	for (size_t j = 0; j < g.ny; j++)
		for (size_t i = 0; i < g.nx; i++) {
			double x, y;
			gt_geo_grid_centre(&g, i, j, &x, &y);
			inside += gt_geo_region_contains(region, gt_geo_unproject(g.pj, x, y));
		}
	double per_cell_s = now() - t0;
	snprintf(label, sizeof(label), "  baseline: per-cell point-in-polygon (%zu inside)", inside);
	printf("%-58s %7.2f ms %7.1f MiB\n", label, per_cell_s * 1e3, peak_mib());
	bench_row("coverage: 1 km grid of Ukraine by row scans", grid_s * 1e3, "ms",
	          "per-cell point-in-polygon", per_cell_s * 1e3);
	gt_geo_region_free(region);
	gt_geo_grid_fini(&g);

	/* whole assessments */
	double res[] = {1.0, 5.0};
	for (int k = 0; k < 2; k++) {
		struct gt_air_params p = gt_air_params_of(s, res[k]);
		struct gt_air_assessment *a;
		t0 = now();
		if (gt_air_assess(s, plan, &p, &a, &err) != GT_OK)
			return fail("assess", &err);
		double took = now() - t0;
		const struct gt_geo_grid *ag = &a->reaction.grid;
		double field_mib = (double)(ag->nx * ag->ny) * (1 + sizeof(float)) / (1 << 20);
		snprintf(label, sizeof(label), "assess full-line at %.0f km (field %.1f MiB, %zu sources)",
		         res[k], field_mib, a->reaction.nsources);
		printf("%-58s %7.2f ms %7.1f MiB\n", label, took * 1e3, peak_mib());
		snprintf(label, sizeof(label), "air: assess full-line at %.0f km", res[k]);
		bench_row(label, took * 1e3, "ms", NULL, 0);
		gt_air_assessment_free(a);
	}
	gt_air_plan_free(plan);
	gt_aircraft_free(cat);
	gt_scenario_free(s);
	return 0;
}
