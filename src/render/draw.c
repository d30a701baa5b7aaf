/* draw.c: see draw.h. */
#ifdef GT_WITH_CAIRO
#include "render/draw.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static cairo_status_t on_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct gt__sink *s = closure;
	if (s->len + len + 1 > s->cap) {
		size_t cap = (s->cap ? s->cap : 4096);
		while (cap < s->len + len + 1)
			cap *= 2;
		char *grown = realloc(s->buf, cap);
		if (!grown) {
			s->nomem = true;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		s->buf = grown;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, data, len);
	s->len += len;
	s->buf[s->len] = '\0';
	return CAIRO_STATUS_SUCCESS;
}

/* The words of a picture, kept as SVG <text> elements (issue 24): Cairo's
 * SVG surface draws text as glyph outlines, which no one can search,
 * select, translate or hear read aloud. gt__show_text writes the element
 * here instead, with the position, size, weight, colour and transform
 * Cairo would have drawn it with, and gt__svg_close puts the elements at
 * the end of the picture, above the drawing, as labels are. The font is
 * the one Cairo measured with (DejaVu Sans), so the layout holds where it
 * is installed. */
static const cairo_user_data_key_t words_key;

static void words_free(void *data)
{
	struct gt__sink *w = data;
	free(w->buf);
	free(w);
}

static void words_add(struct gt__sink *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || w->nomem || (size_t)n + 1 > 1u << 30) {
		w->nomem = true;
		return;
	}
	char *text = malloc((size_t)n + 1);
	if (!text) {
		w->nomem = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (on_write(w, (const unsigned char *)text, (unsigned)n) != CAIRO_STATUS_SUCCESS)
		w->nomem = true;
	free(text);
}

/* text with XML's five special characters escaped, and the control
 * characters XML 1.0 does not allow left out */
static void words_escaped(struct gt__sink *w, const char *text)
{
	for (const char *p = text; *p && !w->nomem; p++) {
		if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			continue;
		const char *e = *p == '&'    ? "&amp;"
		                : *p == '<'  ? "&lt;"
		                : *p == '>'  ? "&gt;"
		                : *p == '"'  ? "&quot;"
		                : *p == '\'' ? "&apos;"
		                              : NULL;
		if (e)
			words_add(w, "%s", e);
		else if (on_write(w, (const unsigned char *)p, 1) != CAIRO_STATUS_SUCCESS)
			w->nomem = true;
	}
}

static unsigned channel(double v)
{
	return (unsigned)lround(fmax(0, fmin(1, v)) * 255);
}

/* Writes text at the current point as a <text> element (with a halo of
 * width halo in white at halo_alpha when halo > 0) and moves the current
 * point past it, as cairo_show_text does. */
static void show_text(cairo_t *cr, const char *text, double halo, double halo_alpha)
{
	struct gt__sink *w = cairo_surface_get_user_data(cairo_get_target(cr), &words_key);
	if (!w || !cairo_has_current_point(cr)) {
		if (halo > 0) { /* not one of ours: drawn by Cairo, halo and all */
			double x, y;
			cairo_get_current_point(cr, &x, &y);
			cairo_pattern_t *fill = cairo_pattern_reference(cairo_get_source(cr));
			cairo_text_path(cr, text);
			cairo_set_source_rgba(cr, 1, 1, 1, halo_alpha);
			cairo_set_line_width(cr, halo);
			cairo_stroke(cr);
			cairo_set_source(cr, fill);
			cairo_pattern_destroy(fill);
			cairo_move_to(cr, x, y);
		}
		cairo_show_text(cr, text);
		return;
	}
	double x, y, r = 0, g = 0, b = 0, a = 1;
	cairo_get_current_point(cr, &x, &y);
	cairo_matrix_t m, fm;
	cairo_get_matrix(cr, &m);
	cairo_get_font_matrix(cr, &fm);
	cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a);
	cairo_font_face_t *face = cairo_get_font_face(cr);
	bool bold = cairo_font_face_get_type(face) == CAIRO_FONT_TYPE_TOY &&
	            cairo_toy_font_face_get_weight(face) == CAIRO_FONT_WEIGHT_BOLD;
	/* the halo first, as a stroke alone (SVG 1.1 has no paint-order), then
	 * the words over it */
	for (int pass = halo > 0 ? 0 : 1; pass < 2; pass++) {
		words_add(w, "<text x=\"%.2f\" y=\"%.2f\" font-family=\"%s, sans-serif\" "
		             "font-size=\"%.2f\"%s",
		          x, y, FONT, fm.xx, bold ? " font-weight=\"bold\"" : "");
		if (pass == 0)
			words_add(w, " fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"%.3f\" "
			             "stroke-width=\"%.2f\" stroke-linejoin=\"round\" aria-hidden=\"true\"",
			          halo_alpha, halo);
		else
			words_add(w, " fill=\"#%02x%02x%02x\"", channel(r), channel(g), channel(b));
		if (pass == 1 && a < 1)
			words_add(w, " fill-opacity=\"%.3f\"", a);
		if (m.xx != 1 || m.yx != 0 || m.xy != 0 || m.yy != 1 || m.x0 != 0 || m.y0 != 0)
			words_add(w, " transform=\"matrix(%.4f %.4f %.4f %.4f %.2f %.2f)\"", m.xx, m.yx,
			          m.xy, m.yy, m.x0, m.y0);
		words_add(w, " xml:space=\"preserve\">");
		words_escaped(w, text);
		words_add(w, "</text>\n");
	}
	cairo_text_extents_t ext;
	cairo_text_extents(cr, text, &ext);
	cairo_move_to(cr, x + ext.x_advance, y + ext.y_advance);
}

void gt__show_text(cairo_t *cr, const char *text)
{
	show_text(cr, text, 0, 0);
}

/* Opens an SVG surface writing into sink. */
cairo_t *gt__svg_open(struct gt__sink *sink, double w, double h, cairo_surface_t **surf)
{
	memset(sink, 0, sizeof(*sink));
	*surf = cairo_svg_surface_create_for_stream(on_write, sink, w, h);
	cairo_svg_surface_restrict_to_version(*surf, CAIRO_SVG_VERSION_1_1);
	struct gt__sink *words = calloc(1, sizeof(*words));
	if (!words || cairo_surface_set_user_data(*surf, &words_key, words, words_free) !=
	                  CAIRO_STATUS_SUCCESS) {
		free(words);
		sink->nomem = true;
	}
	cairo_t *cr = cairo_create(*surf);
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	return cr;
}

/* The picture with its words put in before its closing tag; false when
 * out of memory. */
static bool with_words(struct gt__sink *sink, const struct gt__sink *words)
{
	if (!words || !words->buf)
		return true;
	char *end = NULL; /* the last closing tag */
	for (char *p = sink->buf; p && (p = strstr(p, "</svg>")); p++)
		end = p;
	if (!end)
		return false;
	size_t at = (size_t)(end - sink->buf), tail = sink->len - at;
	char *grown = realloc(sink->buf, sink->len + words->len + 1);
	if (!grown)
		return false;
	sink->buf = grown;
	memmove(grown + at + words->len, grown + at, tail + 1);
	memcpy(grown + at, words->buf, words->len);
	sink->len += words->len;
	return true;
}

enum gt_status gt__svg_close(cairo_t *cr, cairo_surface_t *surf, struct gt__sink *sink,
                                char **svg)
{
	cairo_status_t cs = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(surf);
	const struct gt__sink *words = cairo_surface_get_user_data(surf, &words_key);
	if (cs == CAIRO_STATUS_SUCCESS && !sink->nomem && (words && words->nomem))
		sink->nomem = true;
	if (cs == CAIRO_STATUS_SUCCESS && !sink->nomem && sink->buf && !with_words(sink, words))
		sink->nomem = true;
	cairo_surface_destroy(surf);
	if (sink->nomem || cs != CAIRO_STATUS_SUCCESS || !sink->buf) {
		free(sink->buf);
		*svg = NULL;
		return sink->nomem || cs == CAIRO_STATUS_NO_MEMORY ? GT_E_NOMEM : GT_E_INTERNAL;
	}
	*svg = sink->buf;
	return GT_OK;
}

void gt__rgb(cairo_t *cr, unsigned hex, double alpha)
{
	cairo_set_source_rgba(cr, ((hex >> 16) & 255) / 255.0, ((hex >> 8) & 255) / 255.0,
	                      (hex & 255) / 255.0, alpha);
}

void gt__to_px(const struct gt__frame *f, struct gt_point p, double *px, double *py)
{
	double x, y;
	gt_geo_project(f->pj, p, &x, &y);
	*px = f->ox + (x - f->x0) * f->scale;
	*py = f->oy + (f->y1 - y) * f->scale;
}

void gt__path_line(cairo_t *cr, const struct gt__frame *f, const struct gt_linestring *l,
                      bool close)
{
	for (size_t i = 0; i < l->n; i++) {
		double x, y;
		gt__to_px(f, l->pts[i], &x, &y);
		if (i == 0)
			cairo_move_to(cr, x, y);
		else
			cairo_line_to(cr, x, y);
	}
	if (close)
		cairo_close_path(cr);
}

void gt__draw_lines(cairo_t *cr, const struct gt__frame *f, const struct gt_theatre *th,
                    unsigned colour, double alpha, double width)
{
	static const double dash[] = {6, 4};
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	for (size_t i = 0; i < th->nlines; i++) {
		bool border = th->lines[i].role == GT_LINE_BORDER;
		cairo_new_path(cr);
		gt__path_line(cr, f, &th->lines[i].path, false);
		gt__rgb(cr, border ? GT_BORDER_LINE_COLOUR : colour, alpha);
		cairo_set_line_width(cr, border ? width * 0.8 : width);
		cairo_set_dash(cr, dash, border ? 2 : 0, 0);
		cairo_stroke(cr);
	}
	cairo_set_dash(cr, NULL, 0, 0);
}

bool gt__has_border(const struct gt_theatre *th)
{
	for (size_t i = 0; i < th->nlines; i++)
		if (th->lines[i].role == GT_LINE_BORDER)
			return true;
	return false;
}

struct gt_point gt__sector_point(const struct gt_scenario *s, const struct gt_sector *sec,
                                 double km)
{
	return gt_geo_line_point_at(&s->theatre.lines[sec->line].path, km);
}

void gt__path_multipolygon(cairo_t *cr, const struct gt__frame *f,
                              const struct gt_multipolygon *mp)
{
	for (size_t i = 0; i < mp->n; i++)
		for (size_t r = 0; r < mp->polys[i].nrings; r++)
			gt__path_line(cr, f, &mp->polys[i].rings[r], true);
}

static void extend(double *lo, double *hi, double v)
{
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

/* Scales the km box [x0, x1] x [y0, y1] into w x h below a band top
 * pixels high, centred, keeping the aspect. */
static void fit(struct gt__frame *f, double x0, double x1, double y0, double y1, double w,
                double h, double top)
{
	double pad = 40, pw = w - 2 * pad, ph = h - top - 2 * pad;
	double sx = pw / (x1 - x0), sy = ph / (y1 - y0);
	f->scale = fmin(sx, sy);
	f->x0 = x0;
	f->y1 = y1;
	f->ox = pad + (pw - (x1 - x0) * f->scale) / 2;
	f->oy = top + pad + (ph - (y1 - y0) * f->scale) / 2;
	f->w = w;
	f->h = h;
	f->ntaken = 0;
	gt__frame_take(f, 0, 0, w, top); /* the title band */
}

void gt__frame_take(struct gt__frame *f, double x0, double y0, double x1, double y1)
{
	if (f->ntaken < sizeof(f->taken) / sizeof(f->taken[0]))
		f->taken[f->ntaken++] = (struct gt__box){x0, y0, x1, y1};
}

static bool is_free(const struct gt__frame *f, struct gt__box b)
{
	if (b.x0 < 2 || b.y0 < 2 || b.x1 > f->w - 2 || b.y1 > f->h - 2)
		return false;
	for (size_t i = 0; i < f->ntaken; i++) {
		const struct gt__box *t = &f->taken[i];
		if (b.x0 < t->x1 && t->x0 < b.x1 && b.y0 < t->y1 && t->y0 < b.y1)
			return false;
	}
	return true;
}

bool gt__label_near(cairo_t *cr, struct gt__frame *f, double px, double py, double gap,
                    const char *text, double size, unsigned colour)
{
	cairo_set_font_size(cr, size);
	cairo_text_extents_t te;
	cairo_text_extents(cr, text, &te);
	double w = te.x_advance, h = size; /* the baseline sits at y + h * 0.8 */
	/* right, left, above, below, then the four corners */
	const double at[8][2] = {
		{px + gap, py - h / 2},         {px - gap - w, py - h / 2},
		{px - w / 2, py - gap - h},     {px - w / 2, py + gap},
		{px + gap, py - gap - h},       {px + gap, py + gap},
		{px - gap - w, py - gap - h},   {px - gap - w, py + gap},
	};
	for (int k = 0; k < 8; k++) {
		struct gt__box b = {at[k][0] - 1, at[k][1] - 1, at[k][0] + w + 1, at[k][1] + h + 1};
		if (!is_free(f, b))
			continue;
		gt__label(cr, at[k][0], at[k][1] + h * 0.8, text, size, colour);
		gt__frame_take(f, b.x0, b.y0, b.x1, b.y1);
		return true;
	}
	return false;
}

enum gt_status gt__frame_make(const struct gt_scenario *s, double w, double h, double top,
                                 struct gt__frame *f)
{
	const struct gt_theatre *th = &s->theatre;
	double lon0 = INFINITY, lon1 = -INFINITY, lat0 = INFINITY, lat1 = -INFINITY;
	for (size_t i = 0; i < th->outline.n; i++) {
		const struct gt_linestring *ring = &th->outline.polys[i].rings[0];
		for (size_t k = 0; k < ring->n; k++) {
			extend(&lon0, &lon1, ring->pts[k].lon);
			extend(&lat0, &lat1, ring->pts[k].lat);
		}
	}
	struct gt_point centre = {(lon0 + lon1) / 2, (lat0 + lat1) / 2};
	enum gt_status st = gt_geo_projector_new(centre, &f->pj);
	if (st != GT_OK)
		return st;
	double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
	for (size_t i = 0; i < th->outline.n; i++) {
		const struct gt_linestring *ring = &th->outline.polys[i].rings[0];
		for (size_t k = 0; k < ring->n; k++) {
			double x, y;
			gt_geo_project(f->pj, ring->pts[k], &x, &y);
			extend(&x0, &x1, x);
			extend(&y0, &y1, y);
		}
	}
	/* places near the country widen the frame; a far one (a base half a
	 * continent away) does not shrink the country to a corner */
	double margin = GT_FRAME_MARGIN * fmax(x1 - x0, y1 - y0);
	double bx0 = x0 - margin, bx1 = x1 + margin, by0 = y0 - margin, by1 = y1 + margin;
	for (size_t i = 0; i < th->nplaces; i++) {
		double x, y;
		gt_geo_project(f->pj, th->places[i].at, &x, &y);
		if (x < bx0 || x > bx1 || y < by0 || y > by1)
			continue;
		extend(&x0, &x1, x);
		extend(&y0, &y1, y);
	}
	fit(f, x0, x1, y0, y1, w, h, top);
	return GT_OK;
}

enum gt_status gt__frame_line(const struct gt_scenario *s, const struct gt_point *pts, size_t n,
                              double margin_km, double w, double h, double top,
                              struct gt__frame *f)
{
	const struct gt_theatre *th = &s->theatre;
	double lon0 = INFINITY, lon1 = -INFINITY, lat0 = INFINITY, lat1 = -INFINITY;
	for (size_t l = 0; l < th->nlines; l++) {
		const struct gt_linestring *line = &th->lines[l].path;
		for (size_t k = 0; k < line->n; k++) {
			extend(&lon0, &lon1, line->pts[k].lon);
			extend(&lat0, &lat1, line->pts[k].lat);
		}
	}
	struct gt_point centre = {(lon0 + lon1) / 2, (lat0 + lat1) / 2};
	enum gt_status st = gt_geo_projector_new(centre, &f->pj);
	if (st != GT_OK)
		return st;
	double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY, x, y;
	for (size_t l = 0; l < th->nlines; l++) {
		const struct gt_linestring *line = &th->lines[l].path;
		for (size_t k = 0; k < line->n; k++) {
			gt_geo_project(f->pj, line->pts[k], &x, &y);
			extend(&x0, &x1, x);
			extend(&y0, &y1, y);
		}
	}
	for (size_t k = 0; k < n; k++) {
		gt_geo_project(f->pj, pts[k], &x, &y);
		extend(&x0, &x1, x);
		extend(&y0, &y1, y);
	}
	fit(f, x0 - margin_km, x1 + margin_km, y0 - margin_km, y1 + margin_km, w, h, top);
	return GT_OK;
}

/* The width of bytes [0, n) of s in cr's current font. */
static double text_width(cairo_t *cr, const char *s, size_t n)
{
	char small[256], *buf = n < sizeof(small) ? small : malloc(n + 1);
	if (!buf)
		return INFINITY;
	memcpy(buf, s, n);
	buf[n] = '\0';
	cairo_text_extents_t te;
	cairo_text_extents(cr, buf, &te);
	if (buf != small)
		free(buf);
	return te.x_advance;
}

size_t gt__wrap(cairo_t *cr, const char *text, double width, struct gt__line *lines,
                size_t max)
{
	size_t len = strlen(text), at = 0, n = 0;
	while (at < len || n == 0) {
		while (at < len && text[at] == ' ')
			at++;
		/* the most whole words that fit */
		size_t end = 0;
		for (size_t k = at; k <= len; k++)
			if ((k == len || text[k] == ' ') && k > at) {
				if (text_width(cr, text + at, k - at) > width)
					break;
				end = k;
			}
		if (end == 0) {
			/* a word too long for a line: as many characters as fit, at
			 * least one */
			size_t word = at;
			while (word < len && text[word] != ' ')
				word++;
			end = at;
			for (size_t k = at + 1; k <= word; k++) {
				if (k < word && ((unsigned char)text[k] & 0xC0) == 0x80)
					continue;
				if (end > at && text_width(cr, text + at, k - at) > width)
					break;
				end = k;
			}
		}
		if (n < max)
			lines[n] = (struct gt__line){at, end - at};
		n++;
		at = end;
		while (at < len && text[at] == ' ')
			at++;
		if (at >= len)
			break;
	}
	return n;
}

size_t gt__lines_needed(const char *text, double size, double width)
{
	struct gt__sink sink;
	cairo_surface_t *surf;
	cairo_t *cr = gt__svg_open(&sink, 10, 10, &surf);
	cairo_set_font_size(cr, size);
	struct gt__line first;
	size_t n = gt__wrap(cr, text, width, &first, 1);
	char *scratch = NULL;
	if (gt__svg_close(cr, surf, &sink, &scratch) == GT_OK)
		free(scratch);
	return n;
}

void gt__show_lines(cairo_t *cr, double x, double y, double lh, const char *text,
                    const struct gt__line *lines, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char small[256], *buf = lines[i].len < sizeof(small) ? small : malloc(lines[i].len + 1);
		if (!buf)
			return;
		memcpy(buf, text + lines[i].at, lines[i].len);
		buf[lines[i].len] = '\0';
		cairo_move_to(cr, x, y + lh * (double)i);
		gt__show_text(cr, buf);
		if (buf != small)
			free(buf);
	}
}

void gt__title(cairo_t *cr, const char *text)
{
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
	cairo_set_font_size(cr, 13);
	gt__rgb(cr, 0x111111, 1);
	cairo_move_to(cr, 12, 20);
	gt__show_text(cr, text);
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
}

void gt__label(cairo_t *cr, double x, double y, const char *text, double size, unsigned colour)
{
	cairo_set_font_size(cr, size);
	/* A white halo keeps labels readable over lines and fills. */
	gt__rgb(cr, colour, 1);
	cairo_move_to(cr, x, y);
	show_text(cr, text, 3, 0.85);
}

/* Neighbouring countries in grey. */
void gt__draw_neighbours(cairo_t *cr, const struct gt__frame *f, const struct gt_theatre *th)
{
	for (size_t i = 0; i < th->nneighbours; i++) {
		gt__path_multipolygon(cr, f, &th->neighbours[i].shape);
		gt__rgb(cr, 0xe4e4e0, 1);
		cairo_fill_preserve(cr);
		gt__rgb(cr, 0xb5b5ad, 1);
		cairo_set_line_width(cr, 0.6);
		cairo_stroke(cr);
	}
}

/* Names each neighbour at the middle of its visible part that lies outside
 * the defended country: the map is sampled on a grid with cairo_in_fill,
 * and the sample nearest the mean of a country's samples carries its name.
 * Countries showing only a few samples go unnamed. */
/* GT_E_NOMEM when its sampling grid cannot be allocated. */
static enum gt_status label_neighbours(cairo_t *cr, struct gt__frame *f,
                                       const struct gt_theatre *th, double w, double h)
{
	enum { STEP = 12 };
	size_t nx = (size_t)(w / STEP), ny = (size_t)(h / STEP);
	bool *outside = calloc(nx * ny, sizeof(*outside));
	if (!outside)
		return GT_E_NOMEM;
	cairo_new_path(cr);
	gt__path_multipolygon(cr, f, &th->outline);
	for (size_t j = 0; j < ny; j++)
		for (size_t i = 0; i < nx; i++)
			outside[j * nx + i] = !cairo_in_fill(cr, (double)i * STEP, (double)j * STEP);
	cairo_new_path(cr);
	cairo_set_font_size(cr, 10);
	for (size_t k = 0; k < th->nneighbours; k++) {
		const struct gt_neighbour *nb = &th->neighbours[k];
		double sx = 0, sy = 0, best = INFINITY, bx = 0, by = 0;
		size_t n = 0;
		cairo_text_extents_t te;
		cairo_text_extents(cr, nb->name, &te);
		gt__path_multipolygon(cr, f, &nb->shape);
		/* keep clear of the title and the frame's edges */
		for (size_t j = 4; j + 2 < ny; j++) {
			for (size_t i = 2; i + 2 < nx; i++) {
				double x = (double)i * STEP, y = (double)j * STEP;
				if (outside[j * nx + i] && cairo_in_fill(cr, x, y)) {
					sx += x;
					sy += y;
					n++;
				}
			}
		}
		for (size_t j = 4; n >= 12 && j + 2 < ny; j++) {
			for (size_t i = 2; i + 2 < nx; i++) {
				double x = (double)i * STEP, y = (double)j * STEP;
				double d = hypot(x - sx / (double)n, y - sy / (double)n);
				/* never over what the frame keeps (the legend, the title) */
				struct gt__box b = {x - te.width / 2, y - te.height / 2, x + te.width / 2,
				                    y + te.height / 2};
				if (d < best && outside[j * nx + i] && cairo_in_fill(cr, x, y) &&
				    is_free(f, b)) {
					best = d;
					bx = x;
					by = y;
				}
			}
		}
		cairo_new_path(cr);
		if (n < 12 || !isfinite(best))
			continue;
		gt__rgb(cr, 0x8c8c84, 1);
		cairo_move_to(cr, bx - te.width / 2, by + te.height / 2);
		gt__show_text(cr, nb->name);
		gt__frame_take(f, bx - te.width / 2, by - te.height / 2, bx + te.width / 2,
		               by + te.height / 2);
		cairo_new_path(cr);
	}
	free(outside);
	return GT_OK;
}

/* Cities are always named; bases and ports only on the detailed map, where
 * there is room. */
enum gt_status gt__draw_land(cairo_t *cr, struct gt__frame *f, const struct gt_theatre *th,
                             double w, double h, bool border)
{
	gt__rgb(cr, 0xfbfbf8, 1);
	cairo_paint(cr);
	gt__draw_neighbours(cr, f, th);
	gt__path_multipolygon(cr, f, &th->outline);
	gt__rgb(cr, 0xefe9d9, 1);
	cairo_fill(cr);
	gt__path_multipolygon(cr, f, &th->occupied);
	gt__rgb(cr, GT_OCCUPIED_COLOUR, 1);
	cairo_fill(cr);
	if (border) {
		gt__path_multipolygon(cr, f, &th->outline);
		gt__rgb(cr, 0x8a8270, 1);
		cairo_set_line_width(cr, 0.8);
		cairo_stroke(cr);
	}
	return label_neighbours(cr, f, th, w, h);
}

void gt__draw_places(cairo_t *cr, struct gt__frame *f, const struct gt_theatre *th,
                     bool detailed)
{
	/* the markers first, each taking its place, then the labels around
	 * them: cities, then (on the detailed map) bases, ports and radars */
	for (size_t i = 0; i < th->nplaces; i++) {
		const struct gt_place *pl = &th->places[i];
		double x, y;
		gt__to_px(f, pl->at, &x, &y);
		cairo_new_path(cr);
		switch (pl->kind) {
		case GT_PLACE_CITY:
			cairo_arc(cr, x, y, 2.6, 0, 2 * M_PI);
			gt__rgb(cr, 0x222222, 1);
			break;
		case GT_PLACE_AIR_BASE:
			cairo_move_to(cr, x, y - 4.5);
			cairo_line_to(cr, x + 4, y + 3);
			cairo_line_to(cr, x - 4, y + 3);
			cairo_close_path(cr);
			gt__rgb(cr, 0x1f5fa8, 1);
			break;
		case GT_PLACE_PORT:
			cairo_rectangle(cr, x - 3, y - 3, 6, 6);
			gt__rgb(cr, 0x0d7a6f, 1);
			break;
		case GT_PLACE_RADAR:
			cairo_move_to(cr, x, y - 4);
			cairo_line_to(cr, x + 4, y);
			cairo_line_to(cr, x, y + 4);
			cairo_line_to(cr, x - 4, y);
			cairo_close_path(cr);
			gt__rgb(cr, 0x6c3483, 1);
			break;
		case GT_PLACE_KIND_COUNT: break;
		}
		cairo_fill(cr);
		gt__frame_take(f, x - 4, y - 4, x + 4, y + 4);
	}
	static const unsigned colour[GT_PLACE_KIND_COUNT] = {0x333333, 0x1f5fa8, 0x0d7a6f,
	                                                     0x6c3483};
	for (int kind = 0; kind < GT_PLACE_KIND_COUNT; kind++) {
		if (kind != GT_PLACE_CITY && !detailed)
			continue;
		for (size_t i = 0; i < th->nplaces; i++) {
			const struct gt_place *pl = &th->places[i];
			if ((int)pl->kind != kind ||
			    (kind == GT_PLACE_PORT && strcmp(pl->country, th->defended) == 0))
				continue;
			double x, y;
			gt__to_px(f, pl->at, &x, &y);
			gt__label_near(cr, f, x, y, 6, pl->name, kind == GT_PLACE_CITY ? 9 : 7,
			               colour[kind]);
		}
	}
}

#else
/* ISO C wants a declaration in every translation unit. */
typedef int gt__draw_without_cairo;
#endif
