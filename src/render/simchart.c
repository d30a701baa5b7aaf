/* simchart.c: survival curves of the simulation (Cairo, SVG): the share of
 * histories in which the ceasefire still holds, day by day, per option,
 * with the 95% band of each curve. */
#include "guarantor/monitor.h"
#include "guarantor/render.h"

#ifndef GT_WITH_CAIRO

enum gt_status gt_render_tornado_svg(const struct gt_sensitivity *s, const char *title,
                                     size_t most, double width, double height, char **svg)
{
	(void)s, (void)title, (void)most, (void)width, (void)height;
	*svg = NULL;
	return GT_E_UNSUPPORTED;
}

enum gt_status gt_render_survival_svg(const struct gt_sim_results *r, double width,
                                      double height, char **svg)
{
	(void)r, (void)width, (void)height;
	*svg = NULL;
	return GT_E_UNSUPPORTED;
}

#else

#include "render/draw.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static const unsigned colours[] = {0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd,
                                   0xff7f0e, 0x8c564b, 0xe377c2, 0x17becf};

/* Share surviving after day d (0-based: after d + 1 days). */
static double surviving(const struct gt_sim_counts *c, const uint64_t *dead_by, int d)
{
	return c->runs ? 1 - (double)dead_by[d] / (double)c->runs : 1;
}

enum gt_status gt_render_survival_svg(const struct gt_sim_results *res, double w, double h,
                                      char **svg)
{
	*svg = NULL;
	/* the options, then the no-guarantee reference (dashed, no band) */
	size_t n = res->n + (res->baseline != NULL);
	if (res->n == 0)
		return GT_E_USAGE;
	const struct gt_sim_report **r = calloc(n, sizeof(*r));
	uint64_t **dead = calloc(n, sizeof(*dead));
	if (!r || !dead) {
		free(r);
		free(dead);
		return GT_E_NOMEM;
	}
	for (size_t i = 0; i < res->n; i++)
		r[i] = &res->options[i];
	if (res->baseline)
		r[n - 1] = res->baseline;
	int days = r[0]->counts->days;
	for (size_t i = 0; i < n; i++) {
		if (r[i]->counts->days != days || r[i]->counts->runs == 0) {
			free(r);
			free(dead);
			return GT_E_USAGE;
		}
	}
	double lowest = 1;
	for (size_t i = 0; i < n; i++) {
		dead[i] = malloc((size_t)days * sizeof(**dead));
		if (!dead[i]) {
			for (size_t k = 0; k < i; k++)
				free(dead[k]);
			free(dead);
			free(r);
			return GT_E_NOMEM;
		}
		uint64_t cum = 0;
		for (int d = 0; d < days; d++)
			dead[i][d] = cum += r[i]->counts->collapse_by_day[d];
		lowest = fmin(lowest, surviving(r[i]->counts, dead[i], days - 1));
	}
	/* the y axis from a round share below the lowest curve up to 1 */
	double floor_y = fmax(0, floor((lowest - 0.02) * 10) / 10);
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	double left = 60, right = 190, top = 44, bottom = 40;
	double pw = w - left - right, ph = h - top - bottom;
	int years = (days + 364) / 365;
	int stride = days > 500 ? days / 500 : 1; /* about 500 points a curve */
#define X(d) (left + pw * (double)(d) / (double)days)
#define Y(s) (top + ph * (1 - ((s) - floor_y) / (1 - floor_y)))
	gt__rgb(cr, 0xffffff, 1);
	cairo_paint(cr);
	gt__title(cr, "Share of simulated histories in which the ceasefire still holds");
	cairo_set_font_size(cr, 9);
	/* grid: years across, tenths (or hundredths) of the share up */
	for (int y = 0; y <= years; y++) {
		double x = X(y * 365 < days ? y * 365 : days);
		gt__rgb(cr, 0xdddddd, 1);
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, x, top);
		cairo_line_to(cr, x, top + ph);
		cairo_stroke(cr);
		char t[16];
		snprintf(t, sizeof(t), "%d", y);
		gt__rgb(cr, 0x555555, 1);
		cairo_move_to(cr, x - 3, top + ph + 14);
		gt__show_text(cr, t);
	}
	/* after a monitoring record (live risk), the runs start where it ends */
	char axis[80] = "years";
	if (n > 0 && r[0]->observed) {
		char end[GT_TIME_UTC_SIZE];
		gt_time_format_utc(r[0]->observed->as_of, end);
		end[10] = '\0'; /* the day */
		snprintf(axis, sizeof(axis), "years after %s, the end of the monitoring record", end);
	}
	cairo_text_extents_t ext;
	cairo_text_extents(cr, axis, &ext);
	cairo_move_to(cr, left + pw / 2 - ext.width / 2, top + ph + 30);
	gt__show_text(cr, axis);
	double step = 1 - floor_y > 0.35 ? 0.1 : 0.05;
	for (double s = floor_y; s <= 1 + 1e-9; s += step) {
		gt__rgb(cr, 0xdddddd, 1);
		cairo_move_to(cr, left, Y(s));
		cairo_line_to(cr, left + pw, Y(s));
		cairo_stroke(cr);
		char t[16];
		snprintf(t, sizeof(t), "%.0f%%", 100 * s);
		gt__rgb(cr, 0x555555, 1);
		cairo_move_to(cr, left - 34, Y(s) + 3);
		gt__show_text(cr, t);
	}
	for (size_t i = 0; i < n; i++) {
		const struct gt_sim_counts *c = r[i]->counts;
		bool ref = r[i]->input->baseline;
		unsigned col = ref ? 0x555555 : colours[i % (sizeof(colours) / sizeof(colours[0]))];
		/* the 95% band (normal approximation), then the curve; the
		 * reference dashed, without its band */
		double N = (double)c->runs;
		cairo_new_path(cr);
		if (!ref) {
			cairo_move_to(cr, X(0), Y(1));
			for (int d = 0; d < days; d += stride) {
				double s = surviving(c, dead[i], d);
				cairo_line_to(cr, X(d + 1), Y(fmin(1, s + 1.96 * sqrt(s * (1 - s) / N))));
			}
			for (int d = (days - 1) / stride * stride; d >= 0; d -= stride) {
				double s = surviving(c, dead[i], d);
				cairo_line_to(cr, X(d + 1),
				              Y(fmax(floor_y, s - 1.96 * sqrt(s * (1 - s) / N))));
			}
			cairo_close_path(cr);
			gt__rgb(cr, col, 0.15);
			cairo_fill(cr);
		}
		cairo_move_to(cr, X(0), Y(1));
		for (int d = 0; d < days; d += stride)
			cairo_line_to(cr, X(d + 1), Y(surviving(c, dead[i], d)));
		cairo_line_to(cr, X(days), Y(surviving(c, dead[i], days - 1)));
		gt__rgb(cr, col, 1);
		cairo_set_line_width(cr, 1.8);
		static const double dash[] = {6, 4};
		cairo_set_dash(cr, dash, ref ? 2 : 0, 0);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		/* the option's name in the margin, in its colour, with its end value */
		char t[96];
		snprintf(t, sizeof(t), "%.60s%s %.1f%%", r[i]->input->name, ref ? " (reference)" : "",
		         100 * surviving(c, dead[i], days - 1));
		cairo_set_font_size(cr, 10);
		gt__rgb(cr, col, 1);
		cairo_move_to(cr, left + pw + 10, top + 14 + 16 * (double)i);
		gt__show_text(cr, t);
	}
	cairo_set_font_size(cr, 9);
	gt__rgb(cr, 0x555555, 1);
	cairo_move_to(cr, left + pw + 10, top + 14 + 16 * (double)n + 8);
	gt__show_text(cr, "at the horizon; bands: 95%");
#undef X
#undef Y
	for (size_t i = 0; i < n; i++)
		free(dead[i]);
	free(dead);
	free(r);
	return gt__svg_close(cr, surf, &sink, svg);
}


enum gt_status gt_render_tornado_svg(const struct gt_sensitivity *s, const char *title,
                                     size_t most, double w, double h, char **svg)
{
	*svg = NULL;
	if (s->method != GT_SENS_ONE_AT_A_TIME || s->n == 0)
		return GT_E_USAGE;
	size_t n = s->n < most ? s->n : most;
	double lo = s->y_base, hi = s->y_base;
	for (size_t i = 0; i < n; i++) {
		lo = fmin(lo, fmin(s->items[i].y_lo, s->items[i].y_hi));
		hi = fmax(hi, fmax(s->items[i].y_lo, s->items[i].y_hi));
	}
	double pad = fmax(0.005, 0.05 * (hi - lo));
	lo = fmax(0, lo - pad);
	hi = fmin(1, hi + pad);
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	double left = 330, right = 40, top = 56, bottom = 36;
	double pw = w - left - right, band = (h - top - bottom) / (double)n;
#define X(y) (left + pw * ((y) - lo) / (hi - lo))
	gt__rgb(cr, 0xffffff, 1);
	cairo_paint(cr);
	gt__title(cr, title);
	cairo_set_font_size(cr, 10);
	gt__rgb(cr, 0x444444, 1);
	cairo_move_to(cr, 12, 38);
	gt__show_text(cr, "collapse probability with each parameter at half (light) and one and a "
	                    "half times (dark) its value");
	/* axis ticks in percentage points */
	double step = (hi - lo) > 0.2 ? 0.05 : (hi - lo) > 0.05 ? 0.01 : 0.005;
	cairo_set_font_size(cr, 9);
	for (double t = ceil(lo / step) * step; t <= hi + 1e-12; t += step) {
		gt__rgb(cr, 0xe3e3e3, 1);
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, X(t), top - 6);
		cairo_line_to(cr, X(t), h - bottom);
		cairo_stroke(cr);
		char lab[16];
		snprintf(lab, sizeof(lab), "%.1f%%", 100 * t);
		gt__rgb(cr, 0x555555, 1);
		cairo_move_to(cr, X(t) - 12, h - bottom + 14);
		gt__show_text(cr, lab);
	}
	for (size_t i = 0; i < n; i++) {
		const struct gt_sens_item *it = &s->items[i];
		double y = top + band * (double)i, bh = fmin(18, band * 0.7);
		double a = X(it->y_lo), b = X(it->y_hi), base = X(s->y_base);
		/* low value's side light, high value's side dark */
		gt__rgb(cr, 0x9dc3e6, 1);
		cairo_rectangle(cr, fmin(a, base), y + (band - bh) / 2, fabs(a - base), bh);
		cairo_fill(cr);
		gt__rgb(cr, 0x1f4e79, 1);
		cairo_rectangle(cr, fmin(b, base), y + (band - bh) / 2, fabs(b - base), bh);
		cairo_fill(cr);
		/* the parameter in words, its name in the scenario file beneath */
		cairo_set_font_size(cr, 10);
		gt__rgb(cr, 0x111111, 1);
		cairo_move_to(cr, 12, y + band / 2 + (band >= 26 ? -1 : 4));
		gt__show_text(cr, it->words ? it->words : it->name);
		if (band >= 26 && it->words) {
			cairo_set_font_size(cr, 8);
			gt__rgb(cr, 0x777777, 1);
			cairo_move_to(cr, 12, y + band / 2 + 10);
			gt__show_text(cr, it->name);
		}
	}
	gt__rgb(cr, 0xc0392b, 1);
	cairo_set_line_width(cr, 1.2);
	cairo_move_to(cr, X(s->y_base), top - 6);
	cairo_line_to(cr, X(s->y_base), h - bottom);
	cairo_stroke(cr);
#undef X
	return gt__svg_close(cr, surf, &sink, svg);
}

#endif
