/* text.c: see text.h. */
#include "render/text.h"
#include "guarantor/scenario.h"

#include "guarantor/err.h"
#include "guarantor/render.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

void gt__html_esc(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*s, out);
		}
	}
}

void gt__base64(FILE *out, const unsigned char *p, size_t n)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		fputc(tab[(v >> 18) & 63], out);
		fputc(tab[(v >> 12) & 63], out);
		fputc(i + 1 < n ? tab[(v >> 6) & 63] : '=', out);
		fputc(i + 2 < n ? tab[v & 63] : '=', out);
	}
}

void gt__html_picture(FILE *out, int st, char *svg, const char *alt)
{
	if (st == GT_OK) {
		fputs("<img class=\"pic\" alt=\"", out);
		gt__html_esc(out, alt);
		fputs("\" src=\"data:image/svg+xml;base64,", out);
		gt__base64(out, (const unsigned char *)svg, strlen(svg));
		fputs("\">\n", out);
	} else {
		fprintf(out, "<p class=\"note\">(picture not drawn: %s)</p>\n",
		        gt_strerror((enum gt_status)st));
	}
	free(svg);
}

void gt__csv_field(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

int gt_render_width(const char *s)
{
	return s ? gt__utf8_width(s) : 0;
}

void gt_render_pad(FILE *out, const char *s, int cols)
{
	if (s)
		fputs(s, out);
	for (int w = gt_render_width(s); w < cols; w++)
		fputc(' ', out);
}

const char *gt__nearest_line(const struct gt_theatre *th)
{
	return th->nlines > 1 ? "the nearest line" : "the line";
}

const char *gt__a_line(const struct gt_theatre *th)
{
	return th->nlines > 1 ? "a line" : "the line";
}
