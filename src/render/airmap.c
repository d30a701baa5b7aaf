/* airmap.c: the map of one air umbrella (Cairo, SVG): the reaction-time
 * field as an image clipped to the defended country, radar gaps for
 * low-flying targets, the band within reach of the adversary's air
 * defences, and the bases, transit legs, patrol stations and AEW orbits. */
#include "guarantor/render.h"

#ifndef GT_WITH_CAIRO

enum gt_status gt_render_air_map_svg(const struct gt_air_result *r, double width, double height,
                                     char **svg)
{
	(void)r, (void)width, (void)height;
	*svg = NULL;
	return GT_E_UNSUPPORTED;
}

#else

#include "render/draw.h"
#include "render/text.h"
#include "util/utf8.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reaction-time bands: up to 10, 20, 30 minutes, and beyond. */
static const unsigned band_colour[4] = {0x1a9850, 0x91cf60, 0xfee08b, 0xf46d43};
static const char *const band_label[4] = {"within 10 min", "10-20 min", "20-30 min",
                                          "over 30 min"};
#define GAP_COLOUR 0x5b2c6f
#define SAM_COLOUR 0xc0392b
#define CAP_COLOUR 0x1f5fa8
#define AEW_COLOUR 0x6c3483

static int band_of(float minutes)
{
	return minutes <= 10 ? 0 : minutes <= 20 ? 1 : minutes <= 30 ? 2 : 3;
}

/* The field as an image, one pixel per cell, placed by the grid's corners. */
static enum gt_status draw_field(cairo_t *cr, const struct gt__frame *f,
                                 const struct gt_air_reaction *re)
{
	const struct gt_geo_grid *g = &re->grid;
	if (g->nx == 0 || g->ny == 0 || g->nx > 30000 || g->ny > 30000)
		return GT_OK;
	cairo_surface_t *img =
		cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)g->nx, (int)g->ny);
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(img);
		return GT_E_NOMEM;
	}
	cairo_surface_flush(img);
	unsigned char *data = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);
	for (size_t j = 0; j < g->ny; j++) {
		uint32_t *row = (uint32_t *)(void *)(data + (size_t)stride * (g->ny - 1 - j));
		for (size_t i = 0; i < g->nx; i++) {
			float m = re->minutes[j * g->nx + i];
			/* premultiplied ARGB; cells outside stay transparent */
			row[i] = isnan(m) ? 0 : 0xff000000u | band_colour[band_of(m)];
		}
	}
	cairo_surface_mark_dirty(img);
	double sx, sy, ex, ey;
	gt__to_px(f, gt_geo_unproject(g->pj, g->x0, g->y0 + (double)g->ny * g->res_km), &sx, &sy);
	gt__to_px(f, gt_geo_unproject(g->pj, g->x0 + (double)g->nx * g->res_km, g->y0), &ex, &ey);
	cairo_save(cr);
	cairo_translate(cr, sx, sy);
	cairo_scale(cr, (ex - sx) / (double)g->nx, (ey - sy) / (double)g->ny);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
	cairo_paint_with_alpha(cr, 0.75);
	cairo_restore(cr);
	cairo_surface_destroy(img);
	return GT_OK;
}

/* Diagonal hatching over the current path, clipped to it. */
static void hatch(cairo_t *cr, double w, double h, unsigned colour, double alpha)
{
	cairo_save(cr);
	cairo_clip(cr);
	gt__rgb(cr, colour, alpha);
	cairo_set_line_width(cr, 1);
	for (double x = -h; x < w; x += 7) {
		cairo_move_to(cr, x, h);
		cairo_line_to(cr, x + h, 0);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void draw_posts(cairo_t *cr, struct gt__frame *f, const struct gt_air_plan *pl)
{
	/* transit legs first, under the symbols */
	cairo_save(cr);
	static const double dash[] = {4, 3};
	cairo_set_dash(cr, dash, 2, 0);
	cairo_set_line_width(cr, 1);
	gt__rgb(cr, CAP_COLOUR, 0.8);
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_air_post *p = &pl->posts[i];
		if (p->aew || p->need.distance_km <= 0)
			continue;
		double bx, by, px, py;
		gt__to_px(f, p->base->at, &bx, &by);
		gt__to_px(f, p->at, &px, &py);
		cairo_move_to(cr, bx, by);
		cairo_line_to(cr, px, py);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_air_post *p = &pl->posts[i];
		double x, y;
		gt__to_px(f, p->at, &x, &y);
		cairo_new_path(cr); /* labels leave a current point an arc would join */
		if (p->aew) {
			/* a racetrack orbit */
			cairo_save(cr);
			cairo_translate(cr, x, y);
			cairo_scale(cr, 1.8, 1);
			cairo_arc(cr, 0, 0, 6, 0, 2 * M_PI);
			cairo_restore(cr);
			gt__rgb(cr, AEW_COLOUR, 1);
			cairo_set_line_width(cr, 2.2);
			cairo_stroke(cr);
			gt__frame_take(f, x - 12, y - 7, x + 12, y + 7);
		} else {
			cairo_arc(cr, x, y, 6, 0, 2 * M_PI);
			gt__rgb(cr, 0xffffff, 1);
			cairo_fill_preserve(cr);
			gt__rgb(cr, CAP_COLOUR, 1);
			cairo_set_line_width(cr, 2.4);
			cairo_stroke(cr);
			cairo_arc(cr, x, y, 2.2, 0, 2 * M_PI);
			cairo_fill(cr);
			gt__frame_take(f, x - 8, y - 8, x + 8, y + 8);
		}
	}
	/* the posts' names first, then their bases' */
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_air_post *p = &pl->posts[i];
		double x, y;
		gt__to_px(f, p->at, &x, &y);
		gt__label_near(cr, f, x, y, p->aew ? 13 : 9, p->name, p->aew ? 8.5 : 9,
		               p->aew ? AEW_COLOUR : CAP_COLOUR);
	}
	/* name the bases that hold posts */
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_place *b = pl->posts[i].base;
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen = seen || pl->posts[k].base == b;
		if (seen)
			continue;
		double x, y;
		gt__to_px(f, b->at, &x, &y);
		gt__label_near(cr, f, x, y, 5, b->name, 8, 0x1f5fa8);
	}
}

static void legend_row(cairo_t *cr, double x, double y, const char *text)
{
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, x + 24, y + 4);
	gt__show_text(cr, text);
}

/* The legend's rows: one more for a border to watch. */
static int legend_rows(const struct gt_theatre *th)
{
	return 11 + gt__has_border(th);
}

static void draw_legend(cairo_t *cr, double x, double y, const struct gt_air_assessment *a,
                        const struct gt_theatre *th)
{
	cairo_set_font_size(cr, 9);
	gt__rgb(cr, 0xfbfbf8, 0.9);
	cairo_rectangle(cr, x - 6, y - 12, 236, 14 * legend_rows(th) + 6);
	cairo_fill(cr);
	gt__rgb(cr, 0x111111, 1);
	cairo_move_to(cr, x, y);
	gt__show_text(cr, "fighter reaction time");
	y += 14;
	for (int b = 0; b < 4; b++, y += 14) {
		cairo_rectangle(cr, x + 2, y - 4, 16, 9);
		gt__rgb(cr, band_colour[b], 0.75);
		cairo_fill(cr);
		legend_row(cr, x, y, band_label[b]);
	}
	cairo_rectangle(cr, x + 2, y - 4, 16, 9);
	hatch(cr, 2000, 2000, GAP_COLOUR, 0.9);
	char text[96];
	snprintf(text, sizeof(text), "radar gap, targets at %.0f m", a->low.target_m);
	legend_row(cr, x, y, text);
	y += 14;
	cairo_rectangle(cr, x + 2, y - 4, 16, 9);
	gt__rgb(cr, SAM_COLOUR, 0.18);
	cairo_fill(cr);
	snprintf(text, sizeof(text), "within %.0f km of %s: air defences",
	         a->params.sam_range_km, gt__a_line(th));
	legend_row(cr, x, y, text);
	y += 14;
	cairo_new_path(cr); /* text leaves a current point an arc would join */
	cairo_arc(cr, x + 10, y, 5, 0, 2 * M_PI);
	gt__rgb(cr, CAP_COLOUR, 1);
	cairo_set_line_width(cr, 2);
	cairo_stroke(cr);
	legend_row(cr, x, y, "patrol station (2-ship CAP)");
	y += 14;
	cairo_new_path(cr);
	cairo_save(cr);
	cairo_translate(cr, x + 10, y);
	cairo_scale(cr, 1.8, 1);
	cairo_arc(cr, 0, 0, 4, 0, 2 * M_PI);
	cairo_restore(cr);
	gt__rgb(cr, AEW_COLOUR, 1);
	cairo_stroke(cr);
	legend_row(cr, x, y, "AEW orbit");
	y += 14;
	cairo_move_to(cr, x + 2, y);
	cairo_line_to(cr, x + 18, y);
	gt__rgb(cr, SAM_COLOUR, 1);
	cairo_set_line_width(cr, 2.5);
	cairo_stroke(cr);
	legend_row(cr, x, y, "line of contact (approx.)");
	y += 14;
	if (gt__has_border(th)) {
		static const double dash[] = {6, 4};
		cairo_move_to(cr, x + 2, y);
		cairo_line_to(cr, x + 18, y);
		gt__rgb(cr, GT_BORDER_LINE_COLOUR, 1);
		cairo_set_line_width(cr, 2);
		cairo_set_dash(cr, dash, 2, 0);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		legend_row(cr, x, y, "border watched");
		y += 14;
	}
	cairo_rectangle(cr, x + 2, y - 4, 16, 9);
	gt__rgb(cr, GT_OCCUPIED_COLOUR, 1);
	cairo_fill(cr);
	legend_row(cr, x, y, "held by the adversary: not assessed");
}

enum gt_status gt_render_air_map_svg(const struct gt_air_result *r, double w, double h,
                                     char **svg)
{
	const struct gt_scenario *s = r->scenario;
	const struct gt_air_plan *pl = r->plan;
	const struct gt_air_assessment *a = r->assessment;
	*svg = NULL;
	if (!a)
		return GT_E_USAGE;
	struct gt__sink sink;
	cairo_surface_t *surf;
	struct gt__frame f = {0};
	double top = 44;
	enum gt_status st = gt__frame_make(s, w, h, top, &f);
	if (st != GT_OK)
		return st;
	/* the legend's corner is taken before any label is placed */
	double ly = h - 164 - 14 * (legend_rows(&s->theatre) - 11);
	gt__frame_take(&f, 12, ly - 12, 248, ly + 14 * (legend_rows(&s->theatre) - 1) + 6);
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	/* the border is drawn later, over the field and the gaps */
	st = gt__draw_land(cr, &f, &s->theatre, w, h, false);

	/* the field and the gaps over the ground the defender holds */
	cairo_save(cr);
	gt__path_multipolygon(cr, &f, &s->theatre.held);
	cairo_clip(cr);
	if (st == GT_OK)
		st = draw_field(cr, &f, &a->reaction);
	gt__path_multipolygon(cr, &f, &a->low.cover.gaps);
	hatch(cr, w, h, GAP_COLOUR, 0.55);
	cairo_restore(cr);

	gt__path_multipolygon(cr, &f, &a->sam_band);
	gt__rgb(cr, SAM_COLOUR, 0.14);
	cairo_fill(cr);
	gt__path_multipolygon(cr, &f, &s->theatre.outline);
	gt__rgb(cr, 0x8a8270, 1);
	cairo_set_line_width(cr, 0.8);
	cairo_stroke(cr);
	gt__draw_lines(cr, &f, &s->theatre, SAM_COLOUR, 1, 2.5);
	draw_posts(cr, &f, pl);
	gt__draw_places(cr, &f, &s->theatre, false);
	draw_legend(cr, 18, ly, a, &s->theatre);

	char title[300], sub[300];
	snprintf(title, sizeof(title), "%.*s: air umbrella", gt__utf8_prefix(pl->option->title, 200),
	         pl->option->title);
	int n = snprintf(sub, sizeof(sub), "%ld fighters, %ld AEW, %ld tankers; radar sees %.0f%% ",
	                 pl->fighters, pl->aew_aircraft, pl->tankers, 100 * a->low.share);
	if (n > 0 && (size_t)n < sizeof(sub) && a->reaction.nsources > 0)
		snprintf(sub + n, sizeof(sub) - (size_t)n,
		         "low; %.0f%% reached within 20 min; %.0f%% of airborne time exposed",
		         100 * a->reaction.within[1], 100 * a->exposure.share);
	else if (n > 0 && (size_t)n < sizeof(sub))
		snprintf(sub + n, sizeof(sub) - (size_t)n, "low; no fighters on patrol or alert");
	gt__title(cr, title);
	cairo_set_font_size(cr, 10.5);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, 12, 36);
	gt__show_text(cr, sub);
	gt_geo_projector_free(f.pj);
	if (st != GT_OK) {
		gt__svg_close(cr, surf, &sink, svg);
		free(*svg);
		*svg = NULL;
		return st;
	}
	return gt__svg_close(cr, surf, &sink, svg);
}

#endif
