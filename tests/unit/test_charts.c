/* test_charts.c: tables and charts for any names (issue 26): text tables
 * pad by display width; a 30-member coalition gets 30 distinct colours in
 * its chart, and option titles are wrapped onto several lines, never cut. Cairo writes text as glyph outlines, not SVG
 * text, so the titles are checked at the wrapping (gt__wrap) and the SVG
 * for its colours and its height. GT_CHART_OUT=FILE keeps the chart to look
 * at. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guarantor/forcegen.h"
#include "guarantor/render.h"
#include "guarantor/sizing.h"
#include "render/draw.h"

/* The fill colours of an SVG, as 0xRRGGBB: Cairo writes them as
 * fill:rgb(R%,G%,B%). Returns how many distinct ones, storing up to max. */
static size_t fills(const char *svg, unsigned *out, size_t max)
{
	size_t n = 0;
	for (const char *p = svg; (p = strstr(p, "fill:rgb(")) != NULL; p++) {
		double r, g, b;
		if (sscanf(p, "fill:rgb(%lf%%,%lf%%,%lf%%)", &r, &g, &b) != 3)
			continue;
		unsigned hex = (unsigned)lround(r * 2.55) << 16 | (unsigned)lround(g * 2.55) << 8 |
		               (unsigned)lround(b * 2.55);
		bool seen = false;
		for (size_t i = 0; i < n && i < max; i++)
			seen = seen || out[i] == hex;
		if (!seen) {
			if (n < max)
				out[n] = hex;
			n++;
		}
	}
	return n;
}

static void thirty_colours_and_whole_titles(void **state)
{
	(void)state;
	struct gt_scenario *s;
	struct gt_sizing *sz;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_file(GT_TEST_DATA "/names.yaml", &s, &err), GT_OK);
	assert_int_equal(s->nmembers, 30);
	assert_int_equal(gt_sizing_run(s, &sz, &err), GT_OK);
	/* force generation as if it had run: every member supplies the first
	 * option, the first ten the second, nobody the third */
	enum { NOPT = 3 };
	struct gt_forcegen fg[NOPT];
	struct gt_fg_member members[NOPT][30];
	const struct gt_forcegen *fgs[NOPT];
	assert_int_equal(sz->noptions, NOPT);
	for (size_t i = 0; i < NOPT; i++) {
		memset(&fg[i], 0, sizeof(fg[i]));
		memset(members[i], 0, sizeof(members[i]));
		for (size_t m = 0; m < 30; m++) {
			members[i][m].member = &s->members[m];
			members[i][m].personnel = i == 0 || (i == 1 && m < 10) ? 100 * (1 + (long)(m % 3)) : 0;
		}
		fg[i] = (struct gt_forcegen){.scenario = s, .option = &sz->options[i],
		                             .members = members[i], .nmembers = 30,
		                             .shortfall_people = i == 2 ? 800 : 0};
		fgs[i] = &fg[i];
	}
	char *svg = NULL;
	const double h = 140 + 50 * NOPT;
	assert_int_equal(gt_render_contribution_svg(fgs, NOPT, 900, h, &svg), GT_OK);
	const char *keep = getenv("GT_CHART_OUT");
	FILE *f = keep ? fopen(keep, "w") : NULL;
	if (f) {
		fputs(svg, f);
		fclose(f);
	}

	/* 30 members, 30 colours, each its own */
	unsigned seen[128];
	size_t n = fills(svg, seen, 128);
	assert_true(n <= 128);
	unsigned want[GT_RENDER_MEMBER_COLOURS];
	for (size_t r = 0; r < GT_RENDER_MEMBER_COLOURS; r++) {
		want[r] = gt_render_member_colour(r);
		for (size_t q = 0; q < r; q++)
			if (want[q] == want[r])
				fail_msg("members %zu and %zu share colour %06x", q, r, want[r]);
		bool drawn = false;
		for (size_t i = 0; i < n; i++)
			drawn = drawn || seen[i] == want[r];
		if (!drawn)
			fail_msg("member %zu's colour %06x is not in the chart", r, want[r]);
	}

	/* the 151-character title takes several lines, each within the
	 * column, and together they hold every character of it */
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, 900, h, &surf);
	cairo_set_font_size(cr, 10.5);
	size_t most = 1;
	for (size_t i = 0; i < NOPT; i++) {
		const char *title = s->options[i].title;
		struct gt__line lines[16];
		size_t k = gt__wrap(cr, title, 250, lines, 16);
		assert_true(k >= 1 && k <= 16);
		most = k > most ? k : most;
		char joined[512] = "";
		for (size_t j = 0; j < k; j++) {
			char line[512];
			snprintf(line, sizeof(line), "%.*s", (int)lines[j].len, title + lines[j].at);
			cairo_text_extents_t te;
			cairo_text_extents(cr, line, &te);
			assert_true(te.x_advance <= 250);
			strncat(joined, j ? " " : "", sizeof(joined) - strlen(joined) - 1);
			strncat(joined, line, sizeof(joined) - strlen(joined) - 1);
		}
		assert_string_equal(joined, title);
		if (strlen(title) > 140)
			assert_true(k >= 3);
	}
	/* a word longer than a line is broken inside, not dropped */
	const char *word = "Überlangesnamenswortohnejedeleerstelleundohneende";
	struct gt__line lines[16];
	size_t k = gt__wrap(cr, word, 60, lines, 16);
	assert_true(k > 1);
	size_t total = 0;
	for (size_t j = 0; j < k; j++) {
		assert_int_equal(lines[j].at, total);
		total += lines[j].len;
	}
	assert_int_equal(total, strlen(word));
	char *scratch = NULL;
	assert_int_equal(gt__svg_close(cr, surf, &sink, &scratch), GT_OK);
	free(scratch);

	/* and the chart is tall enough for them: rows of most lines each */
	double height = 0;
	const char *at = strstr(svg, "height=\"");
	assert_non_null(at);
	assert_int_equal(sscanf(at, "height=\"%lfpt\"", &height), 1);
	assert_true(height >= 44 + 70 + NOPT * (13.0 * (double)most + 12));

	free(svg);
	gt_sizing_free(sz);
	gt_scenario_free(s);
}

/* Columns as the eye sees them: an accented letter is one, precomposed or
 * a letter and a combining mark; East Asian wide characters two; padding
 * never cuts. */
static void display_width(void **state)
{
	(void)state;
	assert_int_equal(gt_render_width("S4"), 2);
	assert_int_equal(gt_render_width("Łódź"), 4);
	assert_int_equal(gt_render_width("Re\xcc\x81gion"), 6); /* e + U+0301 */
	assert_int_equal(gt_render_width("\xe6\x9d\xb1\xe4\xba\xac"), 4); /* Tokyo in kanji */
	assert_int_equal(gt_render_width("\xff!"), 2);               /* not UTF-8: a column a byte */
	assert_int_equal(gt_render_width(""), 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	gt_render_pad(f, "Łódź", 6);
	fputc('|', f);
	gt_render_pad(f, "Rzeszów-Jasionka", 4);
	fputc('|', f);
	fclose(f);
	assert_string_equal(buf, "Łódź  |Rzeszów-Jasionka|");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(display_width),
		cmocka_unit_test(thirty_colours_and_whole_titles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
