/* text.h: private helpers for the renderers that write HTML and CSV:
 * escaping and embedding (text.c). */
#ifndef GT_RENDER_TEXT_H
#define GT_RENDER_TEXT_H

#include <stddef.h>
#include <stdio.h>

struct gt_theatre;
/* How the renderers speak of distances from the lines: "the line" with
 * one line; with several, "the nearest line" (gt__nearest_line) and "a
 * line" (gt__a_line). */
const char *gt__nearest_line(const struct gt_theatre *th);
const char *gt__a_line(const struct gt_theatre *th);

/* s with <, >, & and " escaped for HTML text and attributes. */
void gt__html_esc(FILE *out, const char *s);
/* p[0..n-1] in base64 (RFC 4648), for data: URIs. */
void gt__base64(FILE *out, const unsigned char *p, size_t n);
/* An SVG picture as an <img> with a data: URI, or a note saying why there
 * is none (st); frees svg. */
void gt__html_picture(FILE *out, int st, char *svg, const char *alt);
/* A CSV field: quoted when it holds a comma, quote or newline (RFC 4180). */
void gt__csv_field(FILE *out, const char *s);

#endif
