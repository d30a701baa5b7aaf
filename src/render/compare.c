/* compare.c: every option and the no-guarantee reference on one chart
 * (Cairo, SVG): people deployed as required and as raised, the chance of
 * collapse within five years as raised and if fully raised, and the
 * ground held that fighters reach within 20 minutes, each both ways. */
#include "guarantor/plan.h"
#include "guarantor/render.h"

#ifndef GT_WITH_CAIRO

enum gt_status gt_render_options_svg(const struct gt_results *res, double width, double height,
                                     char **svg)
{
	(void)res, (void)width, (void)height;
	*svg = NULL;
	return GT_E_UNSUPPORTED;
}

#else

#include "render/draw.h"
#include "util/thousands.h"

#include <math.h>
#include <stdio.h>

#define REQUIRED_COLOUR 0x9dc3e6
/* option titles in the left column */
#define NAME_SIZE 9.5
#define NAME_LINE 12.0
#define RAISED_COLOUR 0x1f4e79

/* Collapse within five years of a report, NAN without one. */
static double collapse5(const struct gt_sim_report *r)
{
	return r ? gt_sim_collapse_within(r->counts, 5) : NAN;
}

/* One entry of the key: a swatch and its words. */
static void key(cairo_t *cr, double x, double y, unsigned colour, const char *text)
{
	gt__rgb(cr, colour, 1);
	cairo_rectangle(cr, x, y - 8, 14, 8);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, x + 18, y);
	gt__show_text(cr, text);
}

/* A value on a panel [x0, x0 + pw] scaled to [0, top]. */
static double at(double x0, double pw, double v, double top)
{
	return x0 + pw * (top > 0 ? fmin(v, top) / top : 0);
}

/* One pair of values on a panel: a light mark for the one required, a dark
 * one for the one raised; bars for people, dots for shares. */
static void pair(cairo_t *cr, double x0, double pw, double y, double rh, double need,
                 double got, double top, bool bars)
{
	if (bars) {
		double bh = rh * 0.28;
		gt__rgb(cr, REQUIRED_COLOUR, 1);
		cairo_rectangle(cr, x0, y + rh / 2 - bh - 1, at(x0, pw, need, top) - x0, bh);
		cairo_fill(cr);
		gt__rgb(cr, RAISED_COLOUR, 1);
		cairo_rectangle(cr, x0, y + rh / 2 + 1, at(x0, pw, got, top) - x0, bh);
		cairo_fill(cr);
		return;
	}
	if (isfinite(need)) {
		cairo_new_path(cr);
		cairo_arc(cr, at(x0, pw, need, top), y + rh / 2, 5, 0, 2 * M_PI);
		gt__rgb(cr, REQUIRED_COLOUR, 1);
		cairo_set_line_width(cr, 2);
		cairo_stroke(cr);
	}
	if (isfinite(got)) {
		cairo_new_path(cr);
		cairo_arc(cr, at(x0, pw, got, top), y + rh / 2, 3.5, 0, 2 * M_PI);
		gt__rgb(cr, RAISED_COLOUR, 1);
		cairo_fill(cr);
	}
}

static void axis(cairo_t *cr, double x0, double pw, double y, const char *title, double top,
                 bool percent)
{
	cairo_set_font_size(cr, 9.5);
	gt__rgb(cr, 0x111111, 1);
	cairo_move_to(cr, x0, y - 22);
	gt__show_text(cr, title);
	cairo_set_font_size(cr, 8);
	for (int k = 0; k <= 2; k++) {
		double v = top * k / 2, x = at(x0, pw, v, top);
		char lab[32];
		if (percent)
			snprintf(lab, sizeof(lab), "%.0f%%", 100 * v);
		else
			gt_render_thousands(lround(v), lab);
		cairo_text_extents_t te;
		cairo_text_extents(cr, lab, &te);
		gt__rgb(cr, 0x666666, 1);
		cairo_move_to(cr, fmin(x - te.width / 2, x0 + pw - te.width), y - 8);
		gt__show_text(cr, lab);
	}
}

/* The least round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a
 * power of ten) at or above v, for an axis's end. */
static double round_up(double v)
{
	static const double steps[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
	double m = pow(10, floor(log10(v)));
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i] * m >= v)
			return steps[i] * m;
	return 10 * m;
}

enum gt_status gt_render_options_svg(const struct gt_results *res, double w, double h, char **svg)
{
	*svg = NULL;
	const struct gt_sizing *sz = res->sizing;
	const struct gt_sim_results *sim = res->sim;
	if (sz->noptions == 0)
		return GT_E_USAGE;
	bool both = sim && sim->other;
	size_t rows = sz->noptions + (sim && sim->baseline ? 1 : 0);
	/* scales: people up to the largest requirement; collapse up to the
	 * reference's (or the worst option's) */
	double people = 1, worst = 0;
	for (size_t i = 0; i < sz->noptions; i++) {
		people = fmax(people, (double)sz->options[i].deployed);
		if (sim && i < sim->n) {
			worst = fmax(worst, collapse5(&sim->options[i]));
			if (both)
				worst = fmax(worst, collapse5(&sim->other[i]));
		}
	}
	if (sim && sim->baseline)
		worst = fmax(worst, collapse5(sim->baseline));
	worst = worst > 0 ? ceil(worst * 20) / 20 : 0.05;
	people = round_up(people);
	/* rows tall enough for the longest title, wrapped, never cut */
	double left = 240, top = 76, bottom = 34, gap = 24;
	size_t most = 1;
	for (size_t i = 0; i < sz->noptions; i++) {
		size_t k = gt__lines_needed(sz->options[i].option->title, NAME_SIZE, left - 24);
		most = k > most ? k : most;
	}
	h = fmax(h, top + bottom + (double)rows * (NAME_LINE * (double)most + 10));
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	gt__rgb(cr, 0xffffff, 1);
	cairo_paint(cr);
	gt__title(cr, "Every option against no guarantee: as the coalition can raise it, and in full");
	double pw = (w - left - 12 - 2 * gap) / 3, rh = (h - top - bottom) / (double)rows;
	double px[3] = {left, left + pw + gap, left + 2 * (pw + gap)};
	axis(cr, px[0], pw, top, "people deployed", people, false);
	axis(cr, px[1], pw, top, "collapse within 5 years", worst, true);
	axis(cr, px[2], pw, top, "ground held reached in 20 min", 1, true);
	for (size_t k = 0; k < rows; k++) {
		bool ref = sim && sim->baseline && k == 0;
		size_t i = k - (sim && sim->baseline ? 1 : 0);
		double y = top + rh * (double)k;
		if (k % 2 == 0) {
			gt__rgb(cr, 0xf3f5f8, 1);
			cairo_rectangle(cr, 8, y, w - 16, rh);
			cairo_fill(cr);
		}
		const char *title = ref ? "No guarantee (reference)" : sz->options[i].option->title;
		struct gt__line lines[64];
		cairo_set_font_size(cr, NAME_SIZE);
		gt__rgb(cr, 0x111111, 1);
		size_t nl = gt__wrap(cr, title, left - 24, lines, 64);
		nl = nl < 64 ? nl : 64;
		gt__show_lines(cr, 14, y + rh / 2 + 3.5 - NAME_LINE * ((double)nl - 1) / 2, NAME_LINE,
		               title, lines, nl);
		if (ref) {
			double c = collapse5(sim->baseline);
			pair(cr, px[1], pw, y, rh, c, c, worst, false);
			continue;
		}
		long need = sz->options[i].deployed;
		long got = res->raised ? res->raised[i].deployed : need;
		pair(cr, px[0], pw, y, rh, (double)need, (double)got, people, true);
		if (sim && i < sim->n) {
			const struct gt_sim_report *r = &sim->options[i];
			const struct gt_sim_report *o = both ? &sim->other[i] : NULL;
			bool raised = r->input->basis == GT_SIM_RAISED;
			const struct gt_sim_report *as_raised = raised ? r : o, *full = raised ? o : r;
			pair(cr, px[1], pw, y, rh, collapse5(full), collapse5(as_raised), worst, false);
			if (r->input->air || (o && o->input->air))
				pair(cr, px[2], pw, y, rh, full ? full->input->air_reach : NAN,
				     as_raised ? as_raised->input->air_reach : NAN, 1, false);
		}
	}
	/* the reference's collapse, down the collapse panel */
	if (sim && sim->baseline) {
		double x = at(px[1], pw, collapse5(sim->baseline), worst);
		static const double dash[] = {4, 3};
		cairo_set_dash(cr, dash, 2, 0);
		gt__rgb(cr, 0x888888, 1);
		cairo_set_line_width(cr, 1);
		cairo_move_to(cr, x, top);
		cairo_line_to(cr, x, h - bottom);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
	}
	/* the key */
	double ky = h - 14;
	cairo_set_font_size(cr, 9);
	key(cr, 14, ky, REQUIRED_COLOUR, "as required: fully raised (ring)");
	key(cr, 230, ky, RAISED_COLOUR, "as the coalition's offers raise it (dot)");
	cairo_move_to(cr, 480, ky);
	gt__show_text(cr, "dashed: no guarantee");
	return gt__svg_close(cr, surf, &sink, svg);
}

#endif
