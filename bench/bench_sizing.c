/* bench_sizing.c: how long the built-in scenario takes to load and size,
 * and how long a full brief takes to render. Prints figures; asserts
 * nothing (timings belong here, not in tests). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "table.h"
#include "guarantor/render.h"
#include "guarantor/sizing.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
	struct gt_err err;
	enum { LOADS = 50, SIZINGS = 200, BRIEFS = 5 };
	struct gt_scenario *s = NULL;
	double t0 = now();
	for (int i = 0; i < LOADS; i++) {
		gt_scenario_free(s);
		if (gt_scenario_load_builtin(&s, &err) != GT_OK)
			return 1;
	}
	double load = (now() - t0) / LOADS;
	t0 = now();
	long sum = 0;
	for (int i = 0; i < SIZINGS; i++) {
		struct gt_sizing *sz;
		if (gt_sizing_run(s, &sz, &err) != GT_OK)
			return 1;
		sum += sz->options[0].deployed;
		gt_sizing_free(sz);
	}
	double size = (now() - t0) / SIZINGS;
	struct gt_sizing *sz;
	if (gt_sizing_run(s, &sz, &err) != GT_OK)
		return 1;
	t0 = now();
	for (int i = 0; i < BRIEFS; i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		struct gt_results res = {.sizing = sz};
		if (!mem || gt_render_brief_html(mem, &res) != GT_OK)
			return 1;
		fclose(mem);
		free(buf);
	}
	double brief = (now() - t0) / BRIEFS;
	printf("%-44s %12s\n", "benchmark", "time");
	printf("%-44s %9.2f ms\n", "load + validate built-in scenario", load * 1e3);
	printf("%-44s %9.2f ms\n", "size 5 options (18 sectors, 3 air plans)", size * 1e3);
	printf("%-44s %9.2f ms\n", "render the HTML brief (7 SVG pictures)", brief * 1e3);
	printf("(checksum %ld)\n", sum);
	bench_row("load + validate the built-in scenario", load * 1e3, "ms", NULL, 0);
	bench_row("size 5 options (18 sectors, 3 air plans)", size * 1e3, "ms", NULL, 0);
	bench_row("render the HTML brief (7 SVG pictures)", brief * 1e3, "ms", NULL, 0);
	gt_sizing_free(sz);
	gt_scenario_free(s);
	return 0;
}
