/* test_geo.c: geodesy against independent references, line cutting,
 * simplicity and footprints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include <string.h>

#include "guarantor/geo.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static void assert_within(double got, double want, double rel)
{
	if (fabs(got - want) > rel * fabs(want))
		fail_msg("got %.6f, want %.6f within %.3f%%", got, want, rel * 100);
}

/* City centres (Wikipedia coordinates). Reference distances from an
 * independent Vincenty inverse on WGS84 written for this test (Python):
 * Kyiv-Lviv 468.953, Kyiv-Kharkiv 410.332, Kyiv-Odesa 441.442,
 * Warsaw-Kyiv 691.124, London-Paris 343.923 km. The issue asks for
 * agreement within 0.5%; PROJ's geodesics agree to far better. */
static const struct gt_point kyiv = {30.5234, 50.4501}, lviv = {24.0297, 49.8397},
			     kharkiv = {36.2304, 49.9935}, odesa = {30.7233, 46.4825},
			     warsaw = {21.0122, 52.2297}, london = {-0.1278, 51.5074},
			     paris = {2.3522, 48.8566};

static void city_distances(void **state)
{
	(void)state;
	assert_within(gt_geo_distance_km(kyiv, lviv), 468.953, 0.005);
	assert_within(gt_geo_distance_km(kyiv, kharkiv), 410.332, 0.005);
	assert_within(gt_geo_distance_km(kyiv, odesa), 441.442, 0.005);
	assert_within(gt_geo_distance_km(warsaw, kyiv), 691.124, 0.005);
	assert_within(gt_geo_distance_km(london, paris), 343.923, 0.005);
	/* and tighter, to catch a flat-earth or spherical shortcut */
	assert_within(gt_geo_distance_km(kyiv, lviv), 468.953, 1e-5);
}

static void ellipsoid_facts(void **state)
{
	(void)state;
	/* WGS84 meridian quadrant: 10,001.965729 km; one degree of the equator:
	 * 2*pi*6378.137/360 = 111.319491 km. */
	assert_within(gt_geo_distance_km((struct gt_point){0, 0}, (struct gt_point){0, 90}),
		      10001.965729, 1e-8);
	assert_within(gt_geo_distance_km((struct gt_point){0, 0}, (struct gt_point){1, 0}),
		      111.319491, 1e-7);
}

static void line_length_and_cut(void **state)
{
	(void)state;
	struct gt_point pts[] = {{0, 0}, {0.5, 0}, {1, 0}};
	struct gt_linestring line = {3, pts};
	assert_within(gt_geo_length_km(&line), 111.319491, 1e-7);
	struct gt_point mid = gt_geo_line_point_at(&line, 111.319491 / 4);
	assert_within(mid.lon, 0.25, 1e-6);
	assert_true(fabs(mid.lat) < 1e-9);
	struct gt_linestring cut;
	assert_int_equal(gt_geo_line_cut(&line, 20, 80, &cut), GT_OK);
	assert_int_equal(cut.n, 3); /* start, the middle vertex, end */
	assert_within(gt_geo_length_km(&cut), 60, 1e-9);
	gt_geo_linestring_fini(&cut);
	assert_int_equal(gt_geo_line_cut(&line, 50, 40, &cut), GT_E_USAGE);
}

static void simplicity(void **state)
{
	(void)state;
	struct gt_point ok[] = {{0, 0}, {1, 0}, {1, 1}};
	struct gt_point bowtie[] = {{0, 0}, {1, 1}, {1, 0}, {0, 1}, {-1, 3}};
	struct gt_linestring a = {3, ok}, b = {5, bowtie};
	size_t bad = 99;
	assert_true(gt_geo_line_is_simple(&a, &bad));
	assert_false(gt_geo_line_is_simple(&b, &bad));
	assert_int_equal(bad, 3); /* the segment ending at vertex 3 crosses the first */
}

static void polygon_checks(void **state)
{
	(void)state;
	struct gt_point sq[] = {{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}};
	struct gt_point bow[] = {{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}};
	struct gt_linestring r1 = {5, sq}, r2 = {5, bow};
	struct gt_polygon p1 = {1, &r1}, p2 = {1, &r2};
	struct gt_multipolygon m1 = {1, &p1}, m2 = {1, &p2};
	char reason[200];
	assert_int_equal(gt_geo_multipolygon_check(&m1, reason, sizeof(reason)), GT_OK);
	assert_int_equal(gt_geo_multipolygon_check(&m2, reason, sizeof(reason)), GT_E_GEOMETRY);
	assert_non_null(strstr(reason, "Self-intersection"));

	struct gt_geo_region *region;
	assert_int_equal(gt_geo_region_new(&m1, &region), GT_OK);
	assert_true(gt_geo_region_contains(region, (struct gt_point){1, 1}));
	assert_false(gt_geo_region_contains(region, (struct gt_point){3, 1}));
	/* one degree east of the edge, at latitude 1: ~111.3 km */
	assert_within(gt_geo_region_distance_km(region, (struct gt_point){3, 1}), 111.3, 0.01);
	gt_geo_region_free(region);

	/* areas: the 2x2 degree square on the equator is about 49,450 km2 */
	double area = gt_geo_area_km2(&m1);
	assert_true(area > 49000 && area < 49600);
}

static void footprints(void **state)
{
	(void)state;
	struct gt_point centre = {30, 50};
	struct gt_multipolygon disc;
	assert_int_equal(gt_geo_footprint(NULL, 0, &centre, 1, 10, NULL, &disc), GT_OK);
	/* a 10 km disc: pi * 100 = 314.16 km2, within polygonisation error */
	assert_within(gt_geo_area_km2(&disc), M_PI * 100, 0.01);
	gt_geo_multipolygon_fini(&disc);

	/* a band 5 km either side of a 111 km line, clipped to a square that
	 * holds only its western half */
	struct gt_point lp[] = {{0, 0}, {1, 0}};
	struct gt_linestring line = {2, lp};
	struct gt_point sq[] = {{-1, -1}, {0.5, -1}, {0.5, 1}, {-1, 1}, {-1, -1}};
	struct gt_linestring ring = {5, sq};
	struct gt_polygon poly = {1, &ring};
	struct gt_multipolygon clip = {1, &poly};
	struct gt_multipolygon band;
	assert_int_equal(gt_geo_footprint(&line, 1, NULL, 0, 5, &clip, &band), GT_OK);
	/* half the line (55.66 km) x 10 km, plus a half disc of radius 5 */
	assert_within(gt_geo_area_km2(&band), 556.6 + M_PI * 25 / 2, 0.02);
	gt_geo_multipolygon_fini(&band);
}

/* The square lon 0..1, lat 0..1 on the equator: two of its sides are
 * geodesics (the equator and the meridian 0) meeting at a right angle. */
static struct gt_point unit_sq[] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
static struct gt_linestring unit_ring = {5, unit_sq};
static struct gt_polygon unit_poly = {1, &unit_ring};
static const struct gt_multipolygon unit_square = {1, &unit_poly};

static void destinations(void **state)
{
	(void)state;
	struct gt_point p = gt_geo_destination(kyiv, 270, 300);
	assert_within(gt_geo_distance_km(kyiv, p), 300, 1e-9);
	assert_true(p.lon < kyiv.lon);
	p = gt_geo_towards(kyiv, lviv, 100);
	assert_within(gt_geo_distance_km(kyiv, p) + gt_geo_distance_km(p, lviv), 468.953, 1e-5);
}

static void cover_clipped_to_square(void **state)
{
	(void)state;
	struct gt_geo_cover c;
	/* a 50 km disc on the corner: exactly a quarter of it lies inside,
	 * pi r^2 / 4 = 1,963.50 km2 (a geodesic disc this small differs from
	 * pi r^2 by 5 parts in a million) */
	struct gt_geo_disc corner = {{0, 0}, 50};
	assert_int_equal(gt_geo_cover(&unit_square, &corner, 1, &c), GT_OK);
	assert_within(c.covered_km2, M_PI * 2500 / 4, 0.001);
	/* the square's own area, from the geodesic formula */
	assert_within(c.area_km2, gt_geo_area_km2(&unit_square), 0.001);
	assert_within(gt_geo_area_km2(&c.covered) + gt_geo_area_km2(&c.gaps), c.area_km2, 0.001);
	gt_geo_cover_fini(&c);

	/* two overlapping 30 km discs inside: the union counts the lens once
	 * (centres 30 km apart: lens = 2 r^2 acos(d / 2r) - d/2 sqrt(4r^2 - d^2)) */
	struct gt_point mid = {0.4, 0.5}; /* both discs well inside */
	struct gt_geo_disc two[] = {{mid, 30}, {gt_geo_destination(mid, 90, 30), 30}};
	assert_int_equal(gt_geo_cover(&unit_square, two, 2, &c), GT_OK);
	double lens = 2 * 900 * acos(0.5) - 15 * sqrt(3600 - 900);
	assert_within(c.covered_km2, 2 * M_PI * 900 - lens, 0.001);
	gt_geo_cover_fini(&c);

	/* nothing covers nothing; a bad radius is refused */
	assert_int_equal(gt_geo_cover(&unit_square, NULL, 0, &c), GT_OK);
	assert_true(c.covered_km2 == 0 && c.covered.n == 0 && c.gaps.n == 1);
	gt_geo_cover_fini(&c);
	struct gt_geo_disc bad = {mid, -1};
	assert_int_equal(gt_geo_cover(&unit_square, &bad, 1, &c), GT_E_USAGE);
}

static void grid_over_square(void **state)
{
	(void)state;
	struct gt_geo_grid g;
	assert_int_equal(gt_geo_grid_new(&unit_square, 1.0, &g), GT_OK);
	/* equal-area cells: the count is the area in km2, to within the
	 * cells cut by the edges (perimeter / res / 2 ~ 220) */
	double area = gt_geo_area_km2(&unit_square);
	assert_true(fabs((double)g.ninside - area) < 250);
	/* the corner cells hold the square's corners, and the centre cell is in */
	double x, y;
	gt_geo_grid_centre(&g, g.nx / 2, g.ny / 2, &x, &y);
	assert_true(g.inside[(g.ny / 2) * g.nx + g.nx / 2]);
	gt_geo_grid_fini(&g);
	assert_int_equal(gt_geo_grid_new(&unit_square, 0, &g), GT_E_RANGE);
	assert_int_equal(gt_geo_grid_new(&unit_square, 0.001, &g), GT_E_RANGE);
}

static void projection_round_trip(void **state)
{
	(void)state;
	struct gt_geo_projector *pj;
	assert_int_equal(gt_geo_projector_new(kyiv, &pj), GT_OK);
	double x, y;
	gt_geo_project(pj, kyiv, &x, &y);
	assert_true(fabs(x) < 1e-6 && fabs(y) < 1e-6);
	gt_geo_project(pj, lviv, &x, &y);
	assert_within(hypot(x, y), 468.953, 0.003); /* equal-area, near-true distances */
	struct gt_point back = gt_geo_unproject(pj, x, y);
	/* the ellipsoidal inverse is a series: good to about a millimetre */
	assert_true(fabs(back.lon - lviv.lon) < 1e-7 && fabs(back.lat - lviv.lat) < 1e-7);
	gt_geo_projector_free(pj);
}

/* A square two degrees across on the equator, split by a line along the
 * equator that stops short of both edges: its ends are carried out. */
static void split_square(void **state)
{
	(void)state;
	struct gt_point ring[] = {{0, -1}, {2, -1}, {2, 1}, {0, 1}, {0, -1}};
	struct gt_linestring r = {.pts = ring, .n = 5};
	struct gt_polygon poly = {.rings = &r, .nrings = 1};
	struct gt_multipolygon sq = {.polys = &poly, .n = 1};
	struct gt_point east[] = {{0.2, 0}, {0.7, 0}, {1.2, 0}};
	struct gt_linestring line = {.pts = east, .n = 3};
	struct gt_multipolygon left, right;
	double all = gt_geo_area_km2(&sq);
	assert_int_equal(gt_geo_split(&sq, &line, 300, &left, &right), GT_OK);
	/* walking east, the north is on the left */
	assert_within(gt_geo_area_km2(&left), all / 2, 1e-6);
	assert_within(gt_geo_area_km2(&right), all / 2, 1e-6);
	assert_true(left.polys[0].rings[0].pts[0].lat >= -1e-9);
	gt_geo_multipolygon_fini(&left);
	gt_geo_multipolygon_fini(&right);
	/* the west end is 22 km from the edge: 10 km of reach does not divide it */
	assert_int_equal(gt_geo_split(&sq, &line, 10, &left, &right), GT_E_GEOMETRY);
	assert_int_equal(left.n + right.n, 0);
	/* a bend: north from the south edge, then east to the east edge; the
	 * north-west part is on the left */
	struct gt_point bend[] = {{1, -0.9}, {1, 0.5}, {1.9, 0.5}};
	struct gt_linestring l2 = {.pts = bend, .n = 3};
	assert_int_equal(gt_geo_split(&sq, &l2, 300, &left, &right), GT_OK);
	assert_within(gt_geo_area_km2(&right), all * 0.25 * 1.5, 0.01);
	assert_within(gt_geo_area_km2(&left), all - all * 0.25 * 1.5, 0.01);
	/* the difference: the square less its right part is its left */
	struct gt_multipolygon diff;
	assert_int_equal(gt_geo_difference(&sq, &right, &diff), GT_OK);
	assert_within(gt_geo_area_km2(&diff), gt_geo_area_km2(&left), 1e-9);
	gt_geo_multipolygon_fini(&diff);
	gt_geo_multipolygon_fini(&left);
	gt_geo_multipolygon_fini(&right);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(city_distances),  cmocka_unit_test(ellipsoid_facts),
		cmocka_unit_test(line_length_and_cut), cmocka_unit_test(simplicity),
		cmocka_unit_test(polygon_checks),  cmocka_unit_test(footprints),
		cmocka_unit_test(projection_round_trip), cmocka_unit_test(destinations),
		cmocka_unit_test(cover_clipped_to_square), cmocka_unit_test(grid_over_square),
		cmocka_unit_test(split_square),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
