/* draw.h: private Cairo helpers shared by the picture renderers
 * (picture.c, airmap.c): SVG surfaces written into memory, colours, the
 * map frame (an equal-area projection fitted to the theatre) and the
 * theatre's base layers. Only compiled with GT_WITH_CAIRO. */
#ifndef GT_RENDER_DRAW_H
#define GT_RENDER_DRAW_H

#include "guarantor/geo.h"
#include "guarantor/scenario.h"

#include <cairo-svg.h>
#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#define FONT "DejaVu Sans"
/* the outline's ground the adversary holds, on every map */
#define GT_OCCUPIED_COLOUR 0xd3cdc1
#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* Growing buffer that an SVG surface writes into. */
struct gt__sink {
	char *buf;
	size_t len, cap;
	bool nomem;
};

/* Opens a w x h SVG surface writing into sink, with the default font. */
cairo_t *gt__svg_open(struct gt__sink *sink, double w, double h, cairo_surface_t **surf);
/* Finishes the surface; OUT: *svg (NUL-terminated) on success. */
enum gt_status gt__svg_close(cairo_t *cr, cairo_surface_t *surf, struct gt__sink *sink,
                             char **svg);

/* Draws text at the current point as cairo_show_text does, but on a
 * surface of gt__svg_open as an SVG <text> element, so that the words of a
 * picture stay words (draw.c). */
void gt__show_text(cairo_t *cr, const char *text);

/* Sets the source colour from 0xRRGGBB. */
void gt__rgb(cairo_t *cr, unsigned hex, double alpha);

/* Map frame: km plane -> pixels. */
struct gt__box {
	double x0, y0, x1, y1;
};

struct gt__frame {
	struct gt_geo_projector *pj; /* owned: free with gt_geo_projector_free */
	double x0, y1, scale, ox, oy;
	double w, h;                 /* the canvas */
	/* what labels must not cover: markers, labels placed, the title band
	 * and legends (gt__frame_take, gt__label_near) */
	struct gt__box taken[1024];
	size_t ntaken;
};

/* How far beyond the defended country's outline, as a share of its larger
 * side, a place may lie and still be framed on a map. */
#define GT_FRAME_MARGIN 0.35

/* Fits the defended country, and the places within GT_FRAME_MARGIN of it,
 * into w x h below a title band `top` pixels high. */
enum gt_status gt__frame_make(const struct gt_scenario *s, double w, double h, double top,
                              struct gt__frame *f);
/* Fits the lines, the points pts[0..n-1] and margin_km around them
 * instead. */
enum gt_status gt__frame_line(const struct gt_scenario *s, const struct gt_point *pts, size_t n,
                              double margin_km, double w, double h, double top,
                              struct gt__frame *f);
void gt__to_px(const struct gt__frame *f, struct gt_point p, double *px, double *py);
void gt__path_line(cairo_t *cr, const struct gt__frame *f, const struct gt_linestring *l,
                   bool close);
void gt__path_multipolygon(cairo_t *cr, const struct gt__frame *f,
                           const struct gt_multipolygon *mp);

/* A border to watch is drawn dashed in this colour, never as a front. */
#define GT_BORDER_LINE_COLOUR 0x6c3483
/* Strokes the theatre's lines: fronts solid in colour, borders to watch
 * dashed in GT_BORDER_LINE_COLOUR; leaves the dash off. */
void gt__draw_lines(cairo_t *cr, const struct gt__frame *f, const struct gt_theatre *th,
                    unsigned colour, double alpha, double width);
/* Whether any line of th is a border to watch (a legend entry then). */
bool gt__has_border(const struct gt_theatre *th);
/* The point km along the line of sector sec. */
struct gt_point gt__sector_point(const struct gt_scenario *s, const struct gt_sector *sec,
                                 double km);

/* One line of wrapped text: bytes [at, at + len) of the text. */
struct gt__line {
	size_t at, len;
};
/* Breaks text into lines no wider than width in cr's current font: at
 * spaces, or inside a word too long for a line of its own (at a character
 * boundary). Never cuts: every character but the spaces at the breaks is
 * on a line. Returns the number of lines (at least 1, also for ""),
 * storing the first max of them in lines. */
size_t gt__wrap(cairo_t *cr, const char *text, double width, struct gt__line *lines,
                size_t max);
/* The lines gt__wrap breaks text into at width, in the normal face at
 * size: for sizing a picture before drawing it. */
size_t gt__lines_needed(const char *text, double size, double width);
/* Shows n lines of text, the first with its baseline at (x, y), each next
 * one lh lower. */
void gt__show_lines(cairo_t *cr, double x, double y, double lh, const char *text,
                    const struct gt__line *lines, size_t n);

/* A picture's title: bold, top left; leaves the normal face selected. */
void gt__title(cairo_t *cr, const char *text);
/* Text with a white halo. */
void gt__label(cairo_t *cr, double x, double y, const char *text, double size, unsigned colour);
/* Marks a box of the canvas as taken: no label is placed over it. */
void gt__frame_take(struct gt__frame *f, double x0, double y0, double x1, double y1);
/* Labels the marker at (px, py): beside it, right, left, above or below,
 * wherever the label covers nothing taken and stays on the canvas; false
 * (and nothing drawn) when there is no such place, so that a crowded map
 * drops a label rather than print one over another. */
bool gt__label_near(cairo_t *cr, struct gt__frame *f, double px, double py, double gap,
                    const char *text, double size, unsigned colour);
void gt__draw_neighbours(cairo_t *cr, const struct gt__frame *f, const struct gt_theatre *th);
/* A map's base: the background, the neighbours, the defended country
 * filled (and its border drawn when `border`), the neighbours named.
 * GT_E_NOMEM when the labels' sampling grid cannot be allocated. */
enum gt_status gt__draw_land(cairo_t *cr, struct gt__frame *f, const struct gt_theatre *th,
                             double w, double h, bool border);
/* Cities always named; bases, ports and radars named when detailed. */
void gt__draw_places(cairo_t *cr, struct gt__frame *f, const struct gt_theatre *th,
                     bool detailed);

#endif
