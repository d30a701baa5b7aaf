/* table.c: sizing and validation results as aligned text tables, CSV and
 * Markdown. Numbers use thousands separators in tables, none in CSV. */
#include "guarantor/render.h"
#include "render/text.h"
#include "util/thousands.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *gt_render_thousands(long n, char buf[32])
{
	return gt__thousands(n, buf);
}

bool gt_format_parse(const char *s, enum gt_format *out)
{
	static const char *const names[] = {"table", "json", "csv", "md"};
	for (int i = 0; i < 4; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (enum gt_format)i;
			return true;
		}
	}
	return false;
}

/* Markdown cell: pipes escaped, newlines flattened. */
static void md_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", out);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', out);
		else
			fputc(*s, out);
	}
}

static const char *const wide_cols[] = {
	"option",   "title",     "posture",  "line_km",       "line_troops", "garrisons",
	"reserve",  "enablers",  "hq",       "ground",        "fighters",    "aew_aircraft",
	"air_personnel", "ships", "naval_personnel", "trainers", "monitors", "deployed",
	"committed", NULL};

static void wide_values(const struct gt_sizing_option *r, long v[14])
{
	long vals[] = {r->line_troops, r->garrison_troops, r->reserve,       r->enablers,
	               r->hq,          r->ground,          r->fighters,      r->aew_aircraft,
	               r->air_personnel, r->ships,        r->naval_personnel, r->trainers,
	               r->monitors,    r->deployed};
	memcpy(v, vals, sizeof(vals));
}

static void sizing_csv(FILE *out, const struct gt_sizing *sz)
{
	for (size_t c = 0; wide_cols[c]; c++)
		fprintf(out, "%s%s", c ? "," : "", wide_cols[c]);
	fputc('\n', out);
	for (size_t i = 0; i < sz->noptions; i++) {
		const struct gt_sizing_option *r = &sz->options[i];
		long v[14];
		wide_values(r, v);
		gt__csv_field(out, r->option->name);
		fputc(',', out);
		gt__csv_field(out, r->option->title);
		fprintf(out, ",%s,%.1f", gt_posture_name(r->option->posture), r->line_km);
		for (int k = 0; k < 14; k++)
			fprintf(out, ",%ld", v[k]);
		fprintf(out, ",%ld\n", r->committed);
	}
}

static void sizing_md(FILE *out, const struct gt_sizing *sz)
{
	const struct gt_scenario *s = sz->scenario;
	char a[32], b[32];
	fprintf(out, "## %s: force requirements by option\n\n", s->title);
	if (s->theatre.nlines == 1) {
		fprintf(out, "Line of contact: %.0f km in %zu sectors.\n\n", sz->line_km, s->nsectors);
	} else {
		fprintf(out, "%zu lines, %.0f km in all: ", s->theatre.nlines, sz->line_km);
		for (size_t l = 0; l < s->theatre.nlines; l++) {
			const struct gt_line *ln = &s->theatre.lines[l];
			fputs(l ? "; " : "", out);
			md_cell(out, ln->name);
			fprintf(out, " (%s), %.0f km in %zu sectors", gt_line_role_name(ln->role), ln->km,
			        ln->nsectors);
		}
		fputs(".\n\n", out);
	}
	fputs("| option | posture | ground | air | naval | trainers | monitors | deployed | "
	      "committed |\n|---|---|--:|--:|--:|--:|--:|--:|--:|\n",
	      out);
	for (size_t i = 0; i < sz->noptions; i++) {
		const struct gt_sizing_option *r = &sz->options[i];
		char g[32], air[32], nav[32], tr[32], mo[32];
		fputs("| ", out);
		md_cell(out, r->option->title);
		fprintf(out, " | %s | %s | %s | %s | %s | %s | %s | %s |\n",
		        gt_posture_name(r->option->posture), gt__thousands(r->ground, g),
		        gt__thousands(r->air_personnel, air), gt__thousands(r->naval_personnel, nav),
		        gt__thousands(r->trainers, tr), gt__thousands(r->monitors, mo),
		        gt__thousands(r->deployed, a), gt__thousands(r->committed, b));
	}
	for (size_t i = 0; i < sz->ninfeasible; i++) {
		fputs(i ? "" : "\n", out);
		fputs("**", out);
		md_cell(out, sz->infeasible[i].option->title);
		fputs("** cannot be planned here: ", out);
		md_cell(out, sz->infeasible[i].why.msg);
		fprintf(out, "%s%s%s.\n", sz->infeasible[i].why.path[0] ? " (`" : "",
		        sz->infeasible[i].why.path, sz->infeasible[i].why.path[0] ? "`)" : "");
	}
}

static void breakdown_row(FILE *out, const char *label, long deployed, double ratio,
                          long committed)
{
	char a[32], b[32];
	if (ratio > 0)
		fprintf(out, "  %-34s %10s   x%-4.1f %11s\n", label, gt__thousands(deployed, a), ratio,
		        gt__thousands(committed, b));
	else
		fprintf(out, "  %-34s %10s\n", label, gt__thousands(deployed, a));
}

static void sizing_summary(FILE *out, const struct gt_sizing *sz)
{
	const struct gt_scenario *s = sz->scenario;
	char a[32], b[32];
	fprintf(out, "Scenario %s: %s\n", s->name, s->title);
	const struct gt_theatre *th = &s->theatre;
	for (size_t l = 0; l < th->nlines; l++) {
		const struct gt_line *ln = &th->lines[l];
		if (th->nlines == 1)
			fprintf(out, "%s: %.1f km geodesic, %zu sectors\n", ln->name, ln->km, ln->nsectors);
		else
			fprintf(out, "%s (%s): %.1f km geodesic, %zu sectors (%d-%d)\n", ln->name,
			        gt_line_role_name(ln->role), ln->km, ln->nsectors,
			        s->sectors[ln->first_sector].id,
			        s->sectors[ln->first_sector + ln->nsectors - 1].id);
	}
	fputc('\n', out);
	int wname = 20;
	for (size_t i = 0; i < sz->noptions; i++)
		if (gt_render_width(sz->options[i].option->name) > wname)
			wname = gt_render_width(sz->options[i].option->name);
	for (size_t i = 0; i < sz->ninfeasible; i++)
		if (gt_render_width(sz->infeasible[i].option->name) > wname)
			wname = gt_render_width(sz->infeasible[i].option->name);
	gt_render_pad(out, "option", wname);
	fprintf(out, " %-7s %10s %11s %9s %6s\n", "posture", "deployed", "committed", "aircraft",
	        "ships");
	for (size_t i = 0; i < sz->noptions; i++) {
		const struct gt_sizing_option *r = &sz->options[i];
		gt_render_pad(out, r->option->name, wname);
		fprintf(out, " %-7s %10s %11s %9ld %6ld\n",
		        gt_posture_name(r->option->posture), gt__thousands(r->deployed, a),
		        gt__thousands(r->committed, b), r->fighters + r->aew_aircraft + r->tankers, r->ships);
	}
	for (size_t i = 0; i < sz->ninfeasible; i++) {
		gt_render_pad(out, sz->infeasible[i].option->name, wname);
		fprintf(out, " cannot be planned: %s%s%s\n", sz->infeasible[i].why.path,
		        sz->infeasible[i].why.path[0] ? ": " : "", sz->infeasible[i].why.msg);
	}
}

static void sizing_table(FILE *out, const struct gt_sizing *sz)
{
	const struct gt_rotation *rot = &sz->scenario->doctrine.rotation;
	char a[32], b[32];
	sizing_summary(out, sz);
	for (size_t i = 0; i < sz->noptions; i++) {
		const struct gt_sizing_option *r = &sz->options[i];
		char label[80];
		fprintf(out, "\n%s: %s\n", r->option->name, r->option->title);
		fprintf(out, "  %-34s %10s   %-5s %11s\n", "component", "deployed", "rot.", "committed");
		snprintf(label, sizeof(label), "line troops (%.0f km)", r->line_km);
		breakdown_row(out, label, r->line_troops, 0, 0);
		breakdown_row(out, "garrisons", r->garrison_troops, 0, 0);
		breakdown_row(out, "reserve / quick reaction", r->reserve, 0, 0);
		breakdown_row(out, "enablers and logistics", r->enablers, 0, 0);
		breakdown_row(out, "headquarters", r->hq, 0, 0);
		breakdown_row(out, "ground force", r->ground, rot->ground, r->committed_ground);
		if (r->tankers)
			snprintf(label, sizeof(label), "air (%ld fighters, %ld AEW, %ld tankers)",
			         r->fighters, r->aew_aircraft, r->tankers);
		else
			snprintf(label, sizeof(label), "air (%ld fighters, %ld AEW)", r->fighters,
			         r->aew_aircraft);
		breakdown_row(out, label, r->air_personnel, rot->air, r->committed_air);
		snprintf(label, sizeof(label), "naval (%ld ships)", r->ships);
		breakdown_row(out, label, r->naval_personnel, rot->naval, r->committed_naval);
		breakdown_row(out, "trainers", r->trainers, rot->training, r->committed_training);
		breakdown_row(out, "monitors", r->monitors, rot->monitoring, r->committed_monitoring);
		for (size_t l = 0; r->nlines > 1 && l < r->nlines; l++) {
			const struct gt_sizing_line *sl = &r->lines[l];
			snprintf(label, sizeof(label), "  on %s (%.2f/km)", sl->line->name,
			         sl->monitors_per_km);
			breakdown_row(out, label, sl->monitors, 0, 0);
		}
		fprintf(out, "  %-34s %10s   %-5s %11s\n", "total", gt__thousands(r->deployed, a), "",
		        gt__thousands(r->committed, b));
	}
}

static enum gt_status finish(FILE *out)
{
	return fflush(out) == 0 && !ferror(out) ? GT_OK : GT_E_IO;
}

static enum gt_status print_json(FILE *out, enum gt_status st, char *json)
{
	if (st != GT_OK)
		return st;
	fputs(json, out);
	free(json);
	return finish(out);
}

enum gt_status gt_render_sizing(FILE *out, const struct gt_sizing *sz, enum gt_format fmt)
{
	char *json = NULL;
	switch (fmt) {
	case GT_FORMAT_JSON: {
		enum gt_status st = gt_render_sizing_json(sz, &json);
		return print_json(out, st, json);
	}
	case GT_FORMAT_CSV: sizing_csv(out, sz); break;
	case GT_FORMAT_MD: sizing_md(out, sz); break;
	case GT_FORMAT_TABLE: sizing_table(out, sz); break;
	}
	return finish(out);
}

enum gt_status gt_render_sizing_summary(FILE *out, const struct gt_sizing *sz)
{
	sizing_summary(out, sz);
	return finish(out);
}

static void validation_table(FILE *out, const struct gt_validation *v, bool md)
{
	char a[32], b[32];
	if (md)
		fputs("| mission | posture | threat | terrain | line km | actual | predicted | "
		      "log10 error |\n|---|---|---|---|--:|--:|--:|--:|\n",
		      out);
	int wname = 38;
	for (size_t i = 0; i < v->n; i++)
		if (gt_render_width(v->rows[i].mission->name) > wname)
			wname = gt_render_width(v->rows[i].mission->name);
	if (!md) {
		gt_render_pad(out, "mission", wname);
		fprintf(out, " %-13s %-6s %-8s %8s %9s %9s %7s\n", "posture", "threat", "terrain",
		        "line km", "actual", "predicted", "log10");
	}
	for (size_t i = 0; i < v->n; i++) {
		const struct gt_validation_row *r = &v->rows[i];
		const struct gt_mission *m = r->mission;
		char terrain[16];
		snprintf(terrain, sizeof(terrain), "%s%s", gt_terrain_name(m->terrain),
		         m->terrain_given ? "" : "*");
		if (md) {
			fputs("| ", out);
			md_cell(out, m->name);
			fprintf(out, " | %s | %s | %s | %.0f | %s | %s | %+.2f |\n",
			        gt_posture_name(m->posture), gt_threat_name(m->threat), terrain,
			        m->line_km, gt__thousands(lround(m->troops), a),
			        gt__thousands(lround(r->predicted), b), r->log10_error);
		} else {
			/* padded by columns, not bytes, so non-ASCII names line up */
			gt_render_pad(out, m->name, wname);
			fprintf(out, " %-13s %-6s %-8s %8.0f %9s %9s %+7.2f\n",
			        gt_posture_name(m->posture), gt_threat_name(m->threat), terrain,
			        m->line_km, gt__thousands(lround(m->troops), a),
			        gt__thousands(lround(r->predicted), b), r->log10_error);
		}
	}
	size_t within = (size_t)lround(v->share_within_factor_2 * (double)v->n);
	fprintf(out,
	        "\nMedian absolute log10 error: %.3f (a typical prediction is off by a factor "
	        "of %.2f); within a factor of 2: %zu of %zu missions.\n",
	        v->median_abs_log10_error, pow(10, v->median_abs_log10_error), within, v->n);
	bool assumed = false;
	for (size_t i = 0; i < v->n; i++)
		assumed = assumed || !v->rows[i].mission->terrain_given;
	if (assumed)
		fputs("* terrain not given in the file; 'mixed' assumed.\n", out);
}

static void validation_csv(FILE *out, const struct gt_validation *v)
{
	fputs("name,posture,threat,terrain,line_km,actual,predicted,log10_error\n", out);
	for (size_t i = 0; i < v->n; i++) {
		const struct gt_validation_row *r = &v->rows[i];
		const struct gt_mission *m = r->mission;
		gt__csv_field(out, m->name);
		fprintf(out, ",%s,%s,%s,%.1f,%ld,%ld,%.3f\n", gt_posture_name(m->posture),
		        gt_threat_name(m->threat), gt_terrain_name(m->terrain), m->line_km,
		        lround(m->troops), lround(r->predicted), r->log10_error);
	}
}

enum gt_status gt_render_validation(FILE *out, const struct gt_validation *v,
                                    enum gt_format fmt)
{
	char *json = NULL;
	switch (fmt) {
	case GT_FORMAT_JSON: {
		enum gt_status st = gt_render_validation_json(v, &json);
		return print_json(out, st, json);
	}
	case GT_FORMAT_CSV: validation_csv(out, v); break;
	case GT_FORMAT_MD: validation_table(out, v, true); break;
	case GT_FORMAT_TABLE: validation_table(out, v, false); break;
	}
	return finish(out);
}
