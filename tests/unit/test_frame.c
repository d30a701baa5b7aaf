/* test_frame.c: maps are framed on the defended country: places near it
 * are shown, a base far away does not shrink the country to a corner
 * (the second, DMZ-like test theatre has allied bases 1,000 km off). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "guarantor/scenario.h"
#include "render/draw.h"

static const struct gt_place *place(const struct gt_scenario *s, const char *name)
{
	for (size_t i = 0; i < s->theatre.nplaces; i++)
		if (strcmp(s->theatre.places[i].name, name) == 0)
			return &s->theatre.places[i];
	fail_msg("no place %s", name);
	return NULL;
}

static bool on_canvas(const struct gt__frame *f, struct gt_point p, double w, double h,
                      double top)
{
	double x, y;
	gt__to_px(f, p, &x, &y);
	return x >= 0 && x <= w && y >= top && y <= h;
}

/* The share of the canvas the outline spans, across or down, whichever is
 * larger. */
static double span(const struct gt_scenario *s, const struct gt__frame *f, double w, double h)
{
	double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
	const struct gt_multipolygon *mp = &s->theatre.outline;
	for (size_t i = 0; i < mp->n; i++) {
		const struct gt_linestring *r = &mp->polys[i].rings[0];
		for (size_t k = 0; k < r->n; k++) {
			double x, y;
			gt__to_px(f, r->pts[k], &x, &y);
			x0 = fmin(x0, x), x1 = fmax(x1, x), y0 = fmin(y0, y), y1 = fmax(y1, y);
		}
	}
	return fmax((x1 - x0) / w, (y1 - y0) / h);
}

static void framed_on_the_country(void **state)
{
	(void)state;
	const double w = 900, h = 640, top = 44;
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_file(GT_TEST_DATA "/dmz.yaml", &s, &err), GT_OK);
	struct gt__frame f;
	assert_int_equal(gt__frame_make(s, w, h, top, &f), GT_OK);
	assert_true(on_canvas(&f, place(s, "Seoul")->at, w, h, top));
	assert_true(on_canvas(&f, place(s, "Busan")->at, w, h, top));
	assert_true(on_canvas(&f, place(s, "Iwakuni")->at, w, h, top)); /* 300 km off: near */
	assert_false(on_canvas(&f, place(s, "Misawa")->at, w, h, top));
	assert_false(on_canvas(&f, place(s, "Kadena")->at, w, h, top));
	if (!(span(s, &f, w, h) > 0.6))
		fail_msg("the country spans %.2f of the map", span(s, &f, w, h));
	gt_geo_projector_free(f.pj);
	gt_scenario_free(s);

	assert_int_equal(gt_scenario_load_builtin(&s, &err), GT_OK);
	assert_int_equal(gt__frame_make(s, w, h, top, &f), GT_OK);
	assert_true(on_canvas(&f, place(s, "Rzeszów-Jasionka")->at, w, h, top));
	assert_true(span(s, &f, w, h) > 0.5);
	gt_geo_projector_free(f.pj);
	gt_scenario_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(framed_on_the_country),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
