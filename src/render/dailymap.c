/* dailymap.c: the map of a reporting day (Cairo, SVG): the line of contact
 * with its sectors, and the day's verified events, coloured by type and
 * sized by count. */
#include "guarantor/render.h"

#ifndef GT_WITH_CAIRO

enum gt_status gt_render_daily_map_svg(const struct gt_scenario *sc, const struct gt_daily *d,
                                       double width, double height, char **svg)
{
	(void)sc, (void)d, (void)width, (void)height;
	*svg = NULL;
	return GT_E_UNSUPPORTED;
}

#else

#include "render/draw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* One colour per event type, in enum gt_event_type's order. */
static const unsigned type_colour[GT_EVENT_COUNT] = {0xc0392b, 0xe67e22, 0x8e44ad, 0x1f4e79,
                                                     0x7f6000, 0x16a085, 0x7f7f7f};

static void sector_ticks(cairo_t *cr, const struct gt__frame *f, const struct gt_scenario *s)
{
	for (size_t i = 0; i < s->nsectors; i++) {
		double x, y;
		gt__to_px(f, gt__sector_point(s, &s->sectors[i], s->sectors[i].from_km), &x, &y);
		cairo_new_path(cr);
		cairo_arc(cr, x, y, 2, 0, 2 * M_PI);
		gt__rgb(cr, 0x7a0000, 1);
		cairo_fill(cr);
	}
}

static void sector_names(cairo_t *cr, const struct gt__frame *f, const struct gt_scenario *s)
{
	for (size_t i = 0; i < s->nsectors; i++) {
		const struct gt_sector *sec = &s->sectors[i];
		double x, y;
		gt__to_px(f, gt__sector_point(s, sec, (sec->from_km + sec->to_km) / 2), &x, &y);
		gt__label(cr, x + 7, y + 3, sec->name, 8.5, 0x7a0000);
	}
}

static void legend(cairo_t *cr, const struct gt_daily *d, double x, double y)
{
	int rows = 1;
	for (int t = 0; t < GT_EVENT_COUNT; t++)
		rows += d->by_type[t].verified_events > 0;
	/* on a white card, so that the map beneath does not show through */
	cairo_new_path(cr);
	cairo_rectangle(cr, x - 6, y - 14, 330, 14.0 * rows + 10);
	gt__rgb(cr, 0xffffff, 0.85);
	cairo_fill(cr);
	cairo_set_font_size(cr, 9.5);
	for (int t = 0; t < GT_EVENT_COUNT; t++) {
		if (!d->by_type[t].verified_events)
			continue;
		cairo_new_path(cr);
		cairo_arc(cr, x + 5, y - 3, 4.5, 0, 2 * M_PI);
		gt__rgb(cr, type_colour[t], 0.75);
		cairo_fill(cr);
		gt__rgb(cr, 0x1a1a1a, 1);
		cairo_move_to(cr, x + 14, y + 0.5);
		gt__show_text(cr, gt_event_type_name((enum gt_event_type)t));
		y += 14;
	}
	gt__rgb(cr, 0x555555, 1);
	cairo_move_to(cr, x, y + 2);
	gt__show_text(cr, "circle area: the event's count; dots on the line: sector ends");
}

enum gt_status gt_render_daily_map_svg(const struct gt_scenario *sc, const struct gt_daily *d,
                                       double w, double h, char **svg)
{
	struct gt__sink sink;
	cairo_surface_t *surf;
	struct gt__frame f = {0};
	*svg = NULL;
	struct gt_point *pts = malloc((d->nevents ? d->nevents : 1) * sizeof(*pts));
	if (!pts)
		return GT_E_NOMEM;
	for (size_t i = 0; i < d->nevents; i++)
		pts[i] = (struct gt_point){d->events[i].lon, d->events[i].lat};
	/* the line and the events, with room for the places near them */
	enum gt_status st = gt__frame_line(sc, pts, d->nevents, 60, w, h, 28, &f);
	free(pts);
	if (st != GT_OK)
		return st;
	cairo_t *cr = gt__svg_open(&sink, w, h, &surf);
	st = gt__draw_land(cr, &f, &sc->theatre, w, h, true);
	gt__draw_lines(cr, &f, &sc->theatre, 0xc0392b, 0.8, 2);
	sector_ticks(cr, &f, sc);
	gt__draw_places(cr, &f, &sc->theatre, false);
	sector_names(cr, &f, sc);
	/* largest first, so that small events stay visible on top */
	long most = 1;
	for (size_t i = 0; i < d->nevents; i++)
		most = d->events[i].count > most ? d->events[i].count : most;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < d->nevents; i++) {
			const struct gt_event *e = &d->events[i];
			bool big = e->count * 4 > most;
			if ((pass == 0) != big)
				continue;
			double x, y, r = 3 + 12 * sqrt((double)e->count / (double)most);
			gt__to_px(&f, (struct gt_point){e->lon, e->lat}, &x, &y);
			cairo_new_path(cr);
			cairo_arc(cr, x, y, r, 0, 2 * M_PI);
			gt__rgb(cr, type_colour[e->event], 0.55);
			cairo_fill_preserve(cr);
			gt__rgb(cr, type_colour[e->event], 1);
			cairo_set_line_width(cr, 1);
			cairo_stroke(cr);
		}
	int rows = 0;
	for (int t = 0; t < GT_EVENT_COUNT; t++)
		rows += d->by_type[t].verified_events > 0;
	legend(cr, d, 14, h - 12 - 14.0 * rows);
	char title[160], year[5] = {d->day[0], d->day[1], d->day[2], d->day[3], '\0'};
	snprintf(title, sizeof(title), "Daily report %d/%s: %zu verified event%s", d->number, year,
	         d->nevents, d->nevents == 1 ? "" : "s");
	/* the title on a band of its own, over any place drawn beneath it */
	cairo_new_path(cr);
	cairo_rectangle(cr, 0, 0, w, 26);
	gt__rgb(cr, 0xfbfbf8, 1);
	cairo_fill(cr);
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

#endif
