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

/* Member colours: thirty, chosen for distinctness (each pair far apart in
 * the OKLab colour space, none near the red of a shortfall), the most
 * distinct first; given in coalition order to the members that offer
 * anything, so that a member keeps its colour in every chart of a run and
 * the first thirty never share one. Beyond thirty they repeat, and the
 * codes written on the bars tell members apart. */
static const unsigned palette[GT_RENDER_MEMBER_COLOURS] = {
	0x2277bb, 0xeecc00, 0xff88ee, 0x881100, 0x00ddff, 0x119900, 0xee6622, 0x661199,
	0x225522, 0xbb4499, 0x99aa88, 0x9977ff, 0x44ee88, 0x886644, 0xffaa99, 0x004499,
	0xbbbbff, 0x00aaff, 0x88bb00, 0x664466, 0x009988, 0xbb88bb, 0x990066, 0xff6699,
	0xaa8800, 0x7755cc, 0x00ccaa, 0xee9900, 0x447733, 0x006677};

unsigned gt_render_member_colour(size_t rank)
{
	return palette[rank % GT_RENDER_MEMBER_COLOURS];
}

#ifndef GT_WITH_CAIRO

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
	gt__show_text(cr, "line of contact (approx.)");
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
		gt__show_text(cr, "border watched");
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
	gt__show_text(cr, "air base");
	y += 14;
	cairo_rectangle(cr, x + 6, y - 3, 6, 6);
	gt__rgb(cr, 0x0d7a6f, 1);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, x + 24, y + 3);
	gt__show_text(cr, "port");
	y += 14;
	cairo_rectangle(cr, x + 2, y - 4, 14, 8);
	gt__rgb(cr, GT_OCCUPIED_COLOUR, 1);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, x + 24, y + 3);
	gt__show_text(cr, "held by the adversary");
	if (option) {
		y += 14;
		cairo_rectangle(cr, x + 2, y - 4, 14, 8);
		gt__rgb(cr, 0x2e86de, 0.45);
		cairo_fill(cr);
		gt__rgb(cr, 0x333333, 1);
		cairo_move_to(cr, x + 24, y + 3);
		gt__show_text(cr, "ground footprint");
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
	/* the legend's corner is taken before any label is placed */
	int rows = 4 + (option != NULL) + gt__has_border(&s->theatre);
	double ly = h - 14 * (rows - 1) - 16;
	gt__frame_take(&f, 8, ly - 10, 160, ly + 14 * (rows - 1) + 6);
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	st = gt__draw_land(cr, &f, &s->theatre, w, h, true);

	if (option && st == GT_OK)
		st = draw_footprint(cr, &f, s, option);
	gt__draw_lines(cr, &f, &s->theatre, 0xc0392b, 1, 2.5);
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

/* Option titles on the left of a chart, wrapped to the column, never cut. */
#define TITLE_SIZE 10.5
#define TITLE_LINE 13.0
#define TITLE_LINES_MAX 64

/* The most lines any of n titles takes, wrapped to width; title(ctx, i)
 * is the i-th. */
static size_t title_lines(const char *(*title)(const void *ctx, size_t i), const void *ctx,
                          size_t n, double width)
{
	size_t most = 1;
	for (size_t i = 0; i < n; i++) {
		size_t k = gt__lines_needed(title(ctx, i), TITLE_SIZE, width);
		most = k > most ? k : most;
	}
	return most;
}

/* Shows an option's title wrapped to the left column, centred on y. */
static void show_title(cairo_t *cr, const char *title, double width, double y)
{
	struct gt__line lines[TITLE_LINES_MAX];
	cairo_set_font_size(cr, TITLE_SIZE);
	gt__rgb(cr, 0x111111, 1);
	size_t k = gt__wrap(cr, title, width, lines, TITLE_LINES_MAX);
	k = k < TITLE_LINES_MAX ? k : TITLE_LINES_MAX;
	gt__show_lines(cr, 12, y + 4 - TITLE_LINE * ((double)k - 1) / 2, TITLE_LINE, title, lines, k);
}

static const char *fg_title(const void *ctx, size_t i)
{
	return ((const struct gt_forcegen *const *)ctx)[i]->option->option->title;
}

static const char *sizing_title(const void *ctx, size_t i)
{
	return ((const struct gt_sizing *)ctx)->options[i].option->title;
}

enum gt_status gt_render_strength_svg(const struct gt_sizing *sz, double w, double h, char **svg)
{
	double left = 270, right = 90, top = 44, bottom = 34;
	/* rows tall enough for the longest title, wrapped */
	size_t most = title_lines(sizing_title, sz, sz->noptions, left - 20);
	double rows = (double)(sz->noptions ? sz->noptions : 1);
	h = fmax(h, top + bottom + rows * (TITLE_LINE * (double)most + 12));
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
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
		gt__show_text(cr, t);
	}
	for (size_t i = 0; i < sz->noptions; i++) {
		const struct gt_sizing_option *r = &sz->options[i];
		double y = top + band * (double)i, bh = fmin(16, band * 0.32);
		double wc = pw * (double)r->committed / axis, wd = pw * (double)r->deployed / axis;
		show_title(cr, r->option->title, left - 20, y + band / 2);
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
		gt__show_text(cr, t);
		gt__thousands(r->committed, t);
		cairo_move_to(cr, left + fmax(wc, 1) + 4, y + band / 2 + bh - 3);
		gt__show_text(cr, t);
	}
	/* legend */
	gt__rgb(cr, 0x1f4e79, 1);
	cairo_rectangle(cr, left, 28, 10, 8);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, left + 14, 36);
	gt__show_text(cr, "deployed");
	gt__rgb(cr, 0x9dc3e6, 1);
	cairo_rectangle(cr, left + 80, 28, 10, 8);
	cairo_fill(cr);
	gt__rgb(cr, 0x333333, 1);
	cairo_move_to(cr, left + 94, 36);
	gt__show_text(cr, "committed (incl. rotation)");
	return gt__svg_close(cr, surf, &sink, svg);
}

static unsigned member_colour(const struct gt_forcegen *fg, int m)
{
	size_t rank = 0;
	for (int i = 0; i < m; i++) {
		bool offers = false;
		for (int u = 0; u < GT_UNIT_COUNT; u++)
			offers = offers || fg->members[i].member->sustain[u] > 0;
		rank += offers;
	}
	return gt_render_member_colour(rank);
}

/* Dark text on light fills, white on dark ones. */
static unsigned text_on(unsigned fill)
{
	double r = (fill >> 16) & 255, g = (fill >> 8) & 255, b = fill & 255;
	return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? 0x111111 : 0xffffff;
}

enum gt_status gt_render_contribution_svg(const struct gt_forcegen *const *fgs, size_t n,
                                          double w, double h, char **svg)
{
	double left = 270, right = 80, top = 44, bottom = 70;
	double max = 1;
	for (size_t i = 0; i < n; i++) {
		double total = (double)fgs[i]->shortfall_people;
		for (size_t m = 0; m < fgs[i]->nmembers; m++)
			total += (double)fgs[i]->members[m].personnel;
		max = fmax(max, total);
	}
	/* the members that supply anything, for the key: rows of them, each
	 * entry its colour and code */
	bool used[64] = {false};
	size_t nused = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t m = 0; m < fgs[i]->nmembers && m < 64; m++)
			if (fgs[i]->members[m].personnel > 0 && !used[m])
				used[m] = true, nused++;
	size_t per_row = (size_t)fmax(1, floor((w - 24) / 40));
	size_t key_rows = (nused + per_row - 1) / per_row;
	bottom = fmax(bottom, 34 + 14 * (double)key_rows);
	/* rows tall enough for the longest title, wrapped; the chart grows to
	 * hold them rather than cut one */
	size_t most = title_lines(fg_title, fgs, n, left - 20);
	double band = (h - top - bottom) / (double)(n ? n : 1);
	band = fmax(band, TITLE_LINE * (double)most + 12);
	h = fmax(h, top + bottom + band * (double)(n ? n : 1));

	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	gt__rgb(cr, 0xffffff, 1);
	cairo_paint(cr);
	gt__title(cr, "Who supplies the people deployed, by option (hatched: not found)");
	double pw = w - left - right;
	for (size_t i = 0; i < n; i++) {
		const struct gt_forcegen *fg = fgs[i];
		double y = top + band * (double)i, bh = fmin(22, band * 0.6), x = left;
		show_title(cr, fg->option->option->title, left - 20, y + band / 2);
		for (size_t m = 0; m < fg->nmembers; m++) {
			double wd = pw * (double)fg->members[m].personnel / max;
			if (wd <= 0)
				continue;
			unsigned fill = member_colour(fg, (int)m);
			gt__rgb(cr, fill, 1);
			cairo_rectangle(cr, x, y + band / 2 - bh / 2, wd, bh);
			cairo_fill(cr);
			if (wd > 22) {
				cairo_set_font_size(cr, 8.5);
				gt__rgb(cr, text_on(fill), 1);
				cairo_move_to(cr, x + 3, y + band / 2 + 3);
				gt__show_text(cr, fg->members[m].member->code);
			}
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
		gt__show_text(cr, gt__thousands(lround((x - left + gap) / pw * max), t));
	}
	/* key: members that supply anything */
	double lx = 12, ly = h - bottom + 24;
	size_t in_row = 0;
	cairo_set_font_size(cr, 9);
	for (size_t m = 0; n && m < fgs[0]->nmembers && m < 64; m++) {
		if (!used[m])
			continue;
		if (in_row == per_row) {
			lx = 12;
			ly += 14;
			in_row = 0;
		}
		gt__rgb(cr, member_colour(fgs[0], (int)m), 1);
		cairo_rectangle(cr, lx, ly - 8, 10, 10);
		cairo_fill(cr);
		gt__rgb(cr, 0x333333, 1);
		cairo_move_to(cr, lx + 13, ly);
		gt__show_text(cr, fgs[0]->members[m].member->code);
		lx += 40;
		in_row++;
	}
	return gt__svg_close(cr, surf, &sink, svg);
}

#define ROLE_SIZE 9.0
#define ROLE_LINE 11.0

/* Whether role ro is a row of the rotation chart. */
static bool rotation_row(const struct gt_fg_role *ro)
{
	return ro->required > 0 && (ro->kind == GT_ROLE_LINE || ro->kind == GT_ROLE_GARRISON);
}

/* The rotation chart's layout, measured before drawing: the heading's
 * lines, the name column's width and the most lines a role's name takes. */
struct rotation_layout {
	double left;
	size_t head_lines, name_lines;
};

static void rotation_layout(const struct gt_forcegen *fg, const char *head, double w,
                            struct rotation_layout *lay)
{
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, 10, 10, &surf);
	struct gt__line one[1];
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
	cairo_set_font_size(cr, 13);
	lay->head_lines = gt__wrap(cr, head, w - 24, one, 1);
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, ROLE_SIZE);
	/* the name column as wide as the widest name, within a third of the
	 * chart; longer names wrap */
	double widest = 0;
	for (size_t r = 0; r < fg->nroles; r++) {
		if (!rotation_row(&fg->roles[r]))
			continue;
		cairo_text_extents_t te;
		cairo_text_extents(cr, fg->roles[r].name, &te);
		widest = fmax(widest, te.x_advance);
	}
	lay->left = fmin(fmax(110, widest + 22), fmax(110, w / 3));
	lay->name_lines = 1;
	for (size_t r = 0; r < fg->nroles; r++) {
		if (!rotation_row(&fg->roles[r]))
			continue;
		size_t k = gt__wrap(cr, fg->roles[r].name, lay->left - 20, one, 1);
		lay->name_lines = k > lay->name_lines ? k : lay->name_lines;
	}
	char *scratch = NULL;
	if (gt__svg_close(cr, surf, &sink, &scratch) == GT_OK)
		free(scratch);
}

enum gt_status gt_render_rotation_svg(const struct gt_forcegen *fg, double w, double h, char **svg)
{
	const struct gt_forcegen_params *fp = &fg->scenario->forcegen;
	size_t rows = gt_render_rotation_rows(fg);
	char *head = NULL;
	const char *title = fg->option->option->title;
	size_t hn = strlen(title) + 64;
	if (!(head = malloc(hn))) {
		*svg = NULL;
		return GT_E_NOMEM;
	}
	snprintf(head, hn, "%s: who holds each sector, by %d-month tour", title, fp->tour_months);
	struct rotation_layout lay;
	rotation_layout(fg, head, w, &lay);
	/* a longer heading or longer names make the chart taller, not cut */
	double top = 40 + 16 * ((double)lay.head_lines - 1), right = 12, bottom = 16;
	double left = lay.left;
	double rh = (h - 40 - bottom) / (double)(rows ? rows : 1);
	rh = fmax(rh, ROLE_LINE * (double)lay.name_lines + 8);
	h = top + bottom + rh * (double)(rows ? rows : 1);

	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	gt__rgb(cr, 0xffffff, 1);
	cairo_paint(cr);
	struct gt__line lines[64];
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
	cairo_set_font_size(cr, 13);
	gt__rgb(cr, 0x111111, 1);
	size_t hl = gt__wrap(cr, head, w - 24, lines, 64);
	gt__show_lines(cr, 12, 20, 16, head, lines, hl < 64 ? hl : 64);
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	free(head);
	int periods = fg->nperiods > 0 ? fg->nperiods : 1;
	double cw = (w - left - right) / periods;
	cairo_set_font_size(cr, 9);
	for (int t = 0; t < periods; t++) {
		char lab[32];
		snprintf(lab, sizeof(lab), "month %d", t * fp->tour_months);
		gt__rgb(cr, 0x555555, 1);
		cairo_move_to(cr, left + cw * t + 4, top - 6);
		gt__show_text(cr, lab);
	}
	size_t row = 0;
	for (size_t r = 0; r < fg->nroles; r++) {
		const struct gt_fg_role *ro = &fg->roles[r];
		if (!rotation_row(ro))
			continue;
		double y = top + rh * (double)row++;
		cairo_set_font_size(cr, ROLE_SIZE);
		gt__rgb(cr, 0x111111, 1);
		size_t nl = gt__wrap(cr, ro->name, left - 20, lines, 64);
		nl = nl < 64 ? nl : 64;
		gt__show_lines(cr, 12, y + rh / 2 + 3 - ROLE_LINE * ((double)nl - 1) / 2, ROLE_LINE,
		               ro->name, lines, nl);
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
					/* on the fill as drawn: a contingent not leading is
					 * lighter, at 0.7 over white */
					unsigned fill = member_colour(fg, tt->member), seen = fill;
					if (tt->member != ro->lead) {
						seen = 0;
						for (int sh = 0; sh <= 16; sh += 8)
							seen |= (unsigned)lround(0.7 * ((fill >> sh) & 255) + 0.3 * 255)
							        << sh;
					}
					gt__rgb(cr, text_on(seen), 1);
					cairo_move_to(cr, x + 5, y + rh / 2 + 3);
					gt__show_text(cr, lab);
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
					gt__show_text(cr, lab);
				}
			}
		}
	}
	return gt__svg_close(cr, surf, &sink, svg);
}

#endif
