/* picture.c: maps and charts drawn with Cairo into SVG text. The only file
 * that calls Cairo. Maps use a Lambert azimuthal equal-area projection
 * centred on the theatre (gt_geo_projector). */
#include "guarantor/render.h"
#include "util/thousands.h"
#include "util/utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t gt_render_rotation_rows(const struct gt_forcegen *fg)
{
	size_t rows = 0;
	for (size_t r = 0; r < fg->nroles; r++)
		rows += fg->roles[r].required > 0 &&
		        (fg->roles[r].kind == GT_ROLE_LINE || fg->roles[r].kind == GT_ROLE_GARRISON);
	return rows;
}

#ifndef GT_WITH_CAIRO

/* "NAME: 1,234 km, 24 sectors" for one line; for several, their number,
 * their length added and the sectors. */
static void title_of_lines(const struct gt_scenario *s, char *out, size_t size)
{
	const struct gt_theatre *th = &s->theatre;
	if (th->nlines == 1)
		snprintf(out, size, "%.*s: %.0f km, %zu sectors",
		         gt__utf8_prefix(th->lines[0].name, 200), th->lines[0].name, th->lines[0].km,
		         s->nsectors);
	else
		snprintf(out, size, "%zu lines, %.0f km in all, %zu sectors", th->nlines, th->lines_km,
		         s->nsectors);
}

enum gt_status gt_render_map_svg(const struct gt_scenario *s,
                                 const struct gt_sizing_option *option, double width,
                                 double height, char **svg)
{
	(void)s, (void)option, (void)width, (void)height;
	*svg = NULL;
	return GT_E_UNSUPPORTED;
}

enum gt_status gt_render_strength_svg(const struct gt_sizing *sz, double width, double height,
                                      char **svg)
{
	(void)sz, (void)width, (void)height;
	*svg = NULL;
	return GT_E_UNSUPPORTED;
}

enum gt_status gt_render_contribution_svg(const struct gt_forcegen *const *fgs, size_t n,
                                          double width, double height, char **svg)
{
	(void)fgs, (void)n, (void)width, (void)height;
	*svg = NULL;
	return GT_E_UNSUPPORTED;
}

enum gt_status gt_render_rotation_svg(const struct gt_forcegen *fg, double width, double height,
                                      char **svg)
{
	(void)fg, (void)width, (void)height;
	*svg = NULL;
	return GT_E_UNSUPPORTED;
}

#else

#include "render/draw.h"

/* The sectors' boundaries on the line; labels come later, after the
 * places', so that a city's name is never hidden by a sector's. */
static void draw_sectors(cairo_t *cr, struct gt__frame *f, const struct gt_scenario *s)
{
	for (size_t i = 0; i < s->nsectors; i++) {
		double x, y;
		gt__to_px(f, gt__sector_point(s, &s->sectors[i], s->sectors[i].from_km), &x, &y);
		cairo_new_path(cr);
		cairo_arc(cr, x, y, 2.2, 0, 2 * M_PI);
		gt__rgb(cr, 0x7a0000, 1);
		cairo_fill(cr);
		gt__frame_take(f, x - 3, y - 3, x + 3, y + 3);
	}
}

static void label_sectors(cairo_t *cr, struct gt__frame *f, const struct gt_scenario *s)
{
	for (size_t i = 0; i < s->nsectors; i++) {
		const struct gt_sector *sec = &s->sectors[i];
		double x, y;
		char name[64];
		snprintf(name, sizeof(name), "%.*s", gt__utf8_prefix(sec->name, 40), sec->name);
		gt__to_px(f, gt__sector_point(s, sec, (sec->from_km + sec->to_km) / 2), &x, &y);
		gt__label_near(cr, f, x, y, 5, name, 8.5, 0x7a0000);
	}
}

static void draw_legend(cairo_t *cr, double x, double y, bool option, bool border)
{
	cairo_set_font_size(cr, 9);
	gt__rgb(cr, 0xc0392b, 1);
	cairo_set_line_width(cr, 2.5);
	cairo_move_to(cr, x, y);
	cairo_line_to(cr, x + 18, y);
	cairo_stroke(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, x + 24, y + 3);
	cairo_show_text(cr, "line of contact (approx.)");
	y += 14;
	if (border) {
		static const double dash[] = {6, 4};
		gt__rgb(cr, GT_BORDER_LINE_COLOUR, 1);
		cairo_set_line_width(cr, 2);
		cairo_set_dash(cr, dash, 2, 0);
		cairo_move_to(cr, x, y);
		cairo_line_to(cr, x + 18, y);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		gt__rgb(cr, 0x333333, 1);
		cairo_move_to(cr, x + 24, y + 3);
		cairo_show_text(cr, "border watched");
		y += 14;
	}
	cairo_move_to(cr, x + 9, y - 4.5);
	cairo_line_to(cr, x + 13, y + 3);
	cairo_line_to(cr, x + 5, y + 3);
	cairo_close_path(cr);
	gt__rgb(cr, 0x1f5fa8, 1);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, x + 24, y + 3);
	cairo_show_text(cr, "air base");
	y += 14;
	cairo_rectangle(cr, x + 6, y - 3, 6, 6);
	gt__rgb(cr, 0x0d7a6f, 1);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, x + 24, y + 3);
	cairo_show_text(cr, "port");
	y += 14;
	cairo_rectangle(cr, x + 2, y - 4, 14, 8);
	gt__rgb(cr, GT_OCCUPIED_COLOUR, 1);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, x + 24, y + 3);
	cairo_show_text(cr, "held by the adversary");
	if (option) {
		y += 14;
		cairo_rectangle(cr, x + 2, y - 4, 14, 8);
		gt__rgb(cr, 0x2e86de, 0.45);
		cairo_fill(cr);
		gt__rgb(cr, 0x333333, 1);
		cairo_move_to(cr, x + 24, y + 3);
		cairo_show_text(cr, "ground footprint");
	}
}

/* The option's ground footprint: a band along each run of adjacent covered
 * sectors, and a disc at each garrison sized by its troops. */
static enum gt_status draw_footprint(cairo_t *cr, const struct gt__frame *f,
                                     const struct gt_scenario *s,
                                     const struct gt_sizing_option *r)
{
	const struct gt_option *o = r->option;
	const struct gt_theatre *th = &s->theatre;
	enum gt_status st = GT_OK;
	gt__rgb(cr, 0x2e86de, 0.45);
	for (size_t i = 0; i < s->nsectors && st == GT_OK; i++) {
		bool covered = false;
		for (size_t k = 0; k < o->nsectors; k++)
			covered = covered || o->sectors[k] == s->sectors[i].id;
		if (!covered)
			continue;
		size_t j = i;
		for (;;) {
			bool next = false;
			for (size_t k = 0; j + 1 < s->nsectors && k < o->nsectors &&
			                   s->sectors[j + 1].line == s->sectors[i].line;
			     k++)
				next = next || o->sectors[k] == s->sectors[j + 1].id;
			if (!next)
				break;
			j++;
		}
		struct gt_linestring run;
		st = gt_geo_line_cut(&th->lines[s->sectors[i].line].path, s->sectors[i].from_km,
		                     s->sectors[j].to_km, &run);
		if (st != GT_OK)
			break;
		struct gt_multipolygon band;
		st = gt_geo_footprint(&run, 1, NULL, 0, s->doctrine.footprint_km, &th->outline, &band);
		gt_geo_linestring_fini(&run);
		if (st != GT_OK)
			break;
		gt__path_multipolygon(cr, f, &band);
		cairo_fill(cr);
		gt_geo_multipolygon_fini(&band);
		i = j;
	}
	for (size_t g = 0; g < o->ngarrisons && st == GT_OK; g++) {
		struct gt_multipolygon disc;
		double radius = 25.0 * sqrt(o->garrisons[g].troops / 1000.0);
		st = gt_geo_footprint(NULL, 0, &o->garrisons[g].at, 1, radius, NULL, &disc);
		if (st != GT_OK)
			break;
		gt__rgb(cr, 0x2e86de, 0.45);
		gt__path_multipolygon(cr, f, &disc);
		cairo_fill(cr);
		gt_geo_multipolygon_fini(&disc);
	}
	return st;
}

/* "NAME: 1,234 km, 24 sectors" for one line; for several, their number,
 * their length added and the sectors. */
static void title_of_lines(const struct gt_scenario *s, char *out, size_t size)
{
	const struct gt_theatre *th = &s->theatre;
	if (th->nlines == 1)
		snprintf(out, size, "%.*s: %.0f km, %zu sectors",
		         gt__utf8_prefix(th->lines[0].name, 200), th->lines[0].name, th->lines[0].km,
		         s->nsectors);
	else
		snprintf(out, size, "%zu lines, %.0f km in all, %zu sectors", th->nlines, th->lines_km,
		         s->nsectors);
}

enum gt_status gt_render_map_svg(const struct gt_scenario *s,
                                 const struct gt_sizing_option *option, double w, double h,
                                 char **svg)
{
	struct gt__sink sink;
	cairo_surface_t *surf;
	struct gt__frame f = {0};
	*svg = NULL;
	double top = 28;
	enum gt_status st = gt__frame_make(s, w, h, top, &f);
	if (st != GT_OK)
		return st;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	st = gt__draw_land(cr, &f, &s->theatre, w, h, true);

	if (option && st == GT_OK)
		st = draw_footprint(cr, &f, s, option);
	gt__draw_lines(cr, &f, &s->theatre, 0xc0392b, 1, 2.5);
	/* the legend's corner is taken before any label is placed */
	int rows = 4 + (option != NULL) + gt__has_border(&s->theatre);
	double ly = h - 14 * (rows - 1) - 16;
	gt__frame_take(&f, 8, ly - 10, 160, ly + 14 * (rows - 1) + 6);
	if (!option)
		draw_sectors(cr, &f, s);
	gt__draw_places(cr, &f, &s->theatre, option == NULL);
	if (!option)
		label_sectors(cr, &f, s);
	draw_legend(cr, 12, ly, option != NULL, gt__has_border(&s->theatre));

	char title[300];
	if (option)
		snprintf(title, sizeof(title), "%.*s", gt__utf8_prefix(option->option->title, 200),
		         option->option->title);
	else
		title_of_lines(s, title, sizeof(title));
	gt__title(cr, title);
	gt_geo_projector_free(f.pj);
	if (st != GT_OK) {
		gt__svg_close(cr, surf, &sink, svg);
		free(*svg);
		*svg = NULL;
		return st;
	}
	return gt__svg_close(cr, surf, &sink, svg);
}

enum gt_status gt_render_strength_svg(const struct gt_sizing *sz, double w, double h, char **svg)
{
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	double left = 270, right = 90, top = 44, bottom = 34;
	long max = 1;
	for (size_t i = 0; i < sz->noptions; i++)
		if (sz->options[i].committed > max)
			max = sz->options[i].committed;
	/* Ticks every 1, 2 or 5 times a power of ten, at most six of them. */
	double step = pow(10, floor(log10((double)max)));
	if ((double)max / step <= 1.2)
		step /= 5;
	else if ((double)max / step <= 2.5)
		step /= 2;
	int nticks = (int)ceil((double)max / step);
	double axis = step * nticks;
	double pw = w - left - right;
	double band = (h - top - bottom) / (double)(sz->noptions ? sz->noptions : 1);

	gt__rgb(cr, 0xffffff, 1);
	cairo_paint(cr);
	gt__title(cr, "Personnel by option: deployed at any one time, and committed through rotations");

	/* grid */
	cairo_set_font_size(cr, 9);
	for (int k = 0; k <= nticks; k++) {
		double v = step * k, x = left + pw * k / nticks;
		gt__rgb(cr, 0xdddddd, 1);
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, x, top - 4);
		cairo_line_to(cr, x, h - bottom);
		cairo_stroke(cr);
		char t[32];
		gt__thousands(lround(v), t);
		gt__rgb(cr, 0x555555, 1);
		cairo_move_to(cr, x - 10, h - bottom + 14);
		cairo_show_text(cr, t);
	}
	for (size_t i = 0; i < sz->noptions; i++) {
		const struct gt_sizing_option *r = &sz->options[i];
		double y = top + band * (double)i, bh = fmin(16, band * 0.32);
		double wc = pw * (double)r->committed / axis, wd = pw * (double)r->deployed / axis;
		cairo_set_font_size(cr, 10.5);
		gt__rgb(cr, 0x111111, 1);
		cairo_move_to(cr, 12, y + band / 2 + 4);
		char name[80];
		snprintf(name, sizeof(name), "%.*s", gt__utf8_prefix(r->option->title, 44),
		         r->option->title);
		cairo_show_text(cr, name);
		gt__rgb(cr, 0x1f4e79, 1);
		cairo_rectangle(cr, left, y + band / 2 - bh - 1, fmax(wd, 1), bh);
		cairo_fill(cr);
		gt__rgb(cr, 0x9dc3e6, 1);
		cairo_rectangle(cr, left, y + band / 2 + 1, fmax(wc, 1), bh);
		cairo_fill(cr);
		char t[32];
		cairo_set_font_size(cr, 9);
		gt__rgb(cr, 0x222222, 1);
		gt__thousands(r->deployed, t);
		cairo_move_to(cr, left + fmax(wd, 1) + 4, y + band / 2 - 4);
		cairo_show_text(cr, t);
		gt__thousands(r->committed, t);
		cairo_move_to(cr, left + fmax(wc, 1) + 4, y + band / 2 + bh - 3);
		cairo_show_text(cr, t);
	}
	/* legend */
	gt__rgb(cr, 0x1f4e79, 1);
	cairo_rectangle(cr, left, 28, 10, 8);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, left + 14, 36);
	cairo_show_text(cr, "deployed");
	gt__rgb(cr, 0x9dc3e6, 1);
	cairo_rectangle(cr, left + 80, 28, 10, 8);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, left + 94, 36);
	cairo_show_text(cr, "committed (incl. rotation)");
	return gt__svg_close(cr, surf, &sink, svg);
}

/* Member colours: twenty distinct colours, given in coalition order to the
 * members that offer anything, so a member keeps its colour in every
 * chart of a run. */
static unsigned member_colour(const struct gt_forcegen *fg, int m)
{
	static const unsigned cycle[] = {
		0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b, 0xe377c2,
		0x17becf, 0xbcbd22, 0x7f7f7f, 0x393b79, 0xad494a, 0x637939, 0x8c6d31,
		0x843c39, 0x7b4173, 0x3182bd, 0xe6550d, 0x31a354, 0x756bb1};
	int rank = 0;
	for (int i = 0; i < m; i++) {
		bool offers = false;
		for (int u = 0; u < GT_UNIT_COUNT; u++)
			offers = offers || fg->members[i].member->sustain[u] > 0;
		rank += offers;
	}
	return cycle[rank % (int)(sizeof(cycle) / sizeof(cycle[0]))];
}

enum gt_status gt_render_contribution_svg(const struct gt_forcegen *const *fgs, size_t n,
                                          double w, double h, char **svg)
{
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	double left = 270, right = 80, top = 44, bottom = 70;
	double max = 1;
	for (size_t i = 0; i < n; i++) {
		double total = (double)fgs[i]->shortfall_people;
		for (size_t m = 0; m < fgs[i]->nmembers; m++)
			total += (double)fgs[i]->members[m].personnel;
		max = fmax(max, total);
	}
	gt__rgb(cr, 0xffffff, 1);
	cairo_paint(cr);
	gt__title(cr, "Who supplies the people deployed, by option (hatched: not found)");
	double pw = w - left - right, band = (h - top - bottom) / (double)(n ? n : 1);
	bool used[64] = {false};
	for (size_t i = 0; i < n; i++) {
		const struct gt_forcegen *fg = fgs[i];
		double y = top + band * (double)i, bh = fmin(22, band * 0.6), x = left;
		char name[80];
		snprintf(name, sizeof(name), "%.*s", gt__utf8_prefix(fg->option->option->title, 44),
		         fg->option->option->title);
		cairo_set_font_size(cr, 10.5);
		gt__rgb(cr, 0x111111, 1);
		cairo_move_to(cr, 12, y + band / 2 + 4);
		cairo_show_text(cr, name);
		for (size_t m = 0; m < fg->nmembers; m++) {
			double wd = pw * (double)fg->members[m].personnel / max;
			if (wd <= 0)
				continue;
			gt__rgb(cr, member_colour(fg, (int)m), 1);
			cairo_rectangle(cr, x, y + band / 2 - bh / 2, wd, bh);
			cairo_fill(cr);
			if (wd > 22) {
				cairo_set_font_size(cr, 8.5);
				gt__rgb(cr, 0xffffff, 1);
				cairo_move_to(cr, x + 3, y + band / 2 + 3);
				cairo_show_text(cr, fg->members[m].member->code);
			}
			if (m < 64)
				used[m] = true;
			x += wd;
		}
		double gap = pw * (double)fg->shortfall_people / max;
		if (gap > 0) {
			gt__rgb(cr, 0xc0392b, 1);
			cairo_set_line_width(cr, 1);
			cairo_rectangle(cr, x, y + band / 2 - bh / 2, gap, bh);
			cairo_stroke(cr);
			for (double hx = x; hx < x + gap; hx += 5) {
				cairo_move_to(cr, hx, y + band / 2 + bh / 2);
				cairo_line_to(cr, fmin(hx + bh, x + gap), y + band / 2 + bh / 2 - fmin(bh, x + gap - hx));
			}
			cairo_stroke(cr);
		}
		char t[32];
		cairo_set_font_size(cr, 9);
		gt__rgb(cr, 0x222222, 1);
		cairo_move_to(cr, x + gap + 4, y + band / 2 + 3);
		cairo_show_text(cr, gt__thousands(lround((x - left + gap) / pw * max), t));
	}
	/* legend: members that supply anything */
	double lx = 12, ly = h - bottom + 24;
	cairo_set_font_size(cr, 9);
	for (size_t m = 0; n && m < fgs[0]->nmembers && m < 64; m++) {
		if (!used[m])
			continue;
		if (lx > w - 60) {
			lx = 12;
			ly += 14;
		}
		gt__rgb(cr, member_colour(fgs[0], (int)m), 1);
		cairo_rectangle(cr, lx, ly - 8, 10, 10);
		cairo_fill(cr);
		gt__rgb(cr, 0x333333, 1);
		cairo_move_to(cr, lx + 13, ly);
		cairo_show_text(cr, fgs[0]->members[m].member->code);
		lx += 40;
	}
	return gt__svg_close(cr, surf, &sink, svg);
}

enum gt_status gt_render_rotation_svg(const struct gt_forcegen *fg, double w, double h, char **svg)
{
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	const struct gt_forcegen_params *fp = &fg->scenario->forcegen;
	size_t rows = gt_render_rotation_rows(fg);
	gt__rgb(cr, 0xffffff, 1);
	cairo_paint(cr);
	char head[300];
	snprintf(head, sizeof(head), "%.*s: who holds each sector, by %d-month tour",
	         gt__utf8_prefix(fg->option->option->title, 120), fg->option->option->title,
	         fp->tour_months);
	gt__title(cr, head);
	double left = 110, top = 40, right = 12, bottom = 16;
	int periods = fg->nperiods > 0 ? fg->nperiods : 1;
	double cw = (w - left - right) / periods, rh = (h - top - bottom) / (double)(rows ? rows : 1);
	cairo_set_font_size(cr, 9);
	for (int t = 0; t < periods; t++) {
		char lab[32];
		snprintf(lab, sizeof(lab), "month %d", t * fp->tour_months);
		gt__rgb(cr, 0x555555, 1);
		cairo_move_to(cr, left + cw * t + 4, top - 6);
		cairo_show_text(cr, lab);
	}
	size_t row = 0;
	for (size_t r = 0; r < fg->nroles; r++) {
		const struct gt_fg_role *ro = &fg->roles[r];
		if (ro->required == 0 || (ro->kind != GT_ROLE_LINE && ro->kind != GT_ROLE_GARRISON))
			continue;
		double y = top + rh * (double)row++;
		char name[64];
		snprintf(name, sizeof(name), "%.*s", gt__utf8_prefix(ro->name, 16), ro->name);
		gt__rgb(cr, 0x111111, 1);
		cairo_move_to(cr, 12, y + rh / 2 + 3);
		cairo_show_text(cr, name);
		for (int t = 0; t < periods; t++) {
			double x = left + cw * t;
			/* each contingent gets a slice of the cell by its share of the
			 * companies required; what nobody holds stays open, outlined */
			for (size_t k = 0; k < fg->nschedule; k++) {
				const struct gt_fg_tour *tt = &fg->schedule[k];
				if (tt->period != t || tt->role != (int)r)
					continue;
				double sw = (cw - 4) * (double)tt->units / (double)ro->required;
				gt__rgb(cr, member_colour(fg, tt->member), tt->member == ro->lead ? 1.0 : 0.7);
				cairo_rectangle(cr, x + 2, y + 2, sw, rh - 4);
				cairo_fill(cr);
				char lab[16];
				snprintf(lab, sizeof(lab), "%s %d", fg->members[tt->member].member->code,
				         tt->group);
				if (sw > 34) {
					gt__rgb(cr, 0xffffff, 1);
					cairo_move_to(cr, x + 5, y + rh / 2 + 3);
					cairo_show_text(cr, lab);
				}
				x += sw;
			}
			if (ro->shortfall > 0) {
				double sw = (cw - 4) * (double)ro->shortfall / (double)ro->required;
				cairo_rectangle(cr, x + 2.5, y + 2.5, sw - 1, rh - 5);
				gt__rgb(cr, 0xc0392b, 1);
				cairo_set_line_width(cr, 1);
				cairo_stroke(cr);
				char lab[48];
				if (ro->allocated)
					snprintf(lab, sizeof(lab), "short %ld of %ld", ro->shortfall, ro->required);
				else
					snprintf(lab, sizeof(lab), "unfilled: %ld companies", ro->required);
				cairo_text_extents_t te;
				cairo_text_extents(cr, lab, &te);
				if (te.width + 8 < sw) {
					cairo_move_to(cr, x + 6, y + rh / 2 + 3);
					cairo_show_text(cr, lab);
				}
			}
		}
	}
	return gt__svg_close(cr, surf, &sink, svg);
}

#endif
