/* render.h: renderers turn results into text, JSON, CSV, Markdown, SVG
 * pictures and the HTML brief. They only read results; they never run an
 * engine. Functions taking a FILE * write to it and report GT_E_IO when
 * the write fails; functions returning text allocate it (caller frees). */
#ifndef GUARANTOR_RENDER_H
#define GUARANTOR_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "guarantor/air.h"
#include "guarantor/err.h"
#include "guarantor/forcegen.h"
#include "guarantor/missions.h"
#include "guarantor/monitor.h"
#include "guarantor/scenario.h"
#include "guarantor/sim.h"
#include "guarantor/sizing.h"

#ifdef __cplusplus
extern "C" {
#endif

enum gt_format { GT_FORMAT_TABLE, GT_FORMAT_JSON, GT_FORMAT_CSV, GT_FORMAT_MD };

/* Writes n with thousands separators ("1,234,567") into buf; returns buf. */
GT_EXPORT const char *gt_render_thousands(long n, char buf[32]);

/* Text tables line up by what the eye sees, not by bytes. The columns s
 * takes on a terminal (UTF-8: an accented letter is one column, whether
 * one character or a letter and a combining mark; East Asian wide
 * characters two). */
GT_EXPORT int gt_render_width(const char *s);
/* Writes s, then spaces up to cols columns; s whole, never cut, and
 * nothing more when it is as wide or wider. Size cols to the widest entry
 * of the column (gt_render_width) so that every row lines up. */
GT_EXPORT void gt_render_pad(FILE *out, const char *s, int cols);

/* Parses "table", "json", "csv" or "md". */
GT_EXPORT bool gt_format_parse(const char *s, enum gt_format *out);

/* The sizing result in the documented JSON schema (docs/output.md), as a
 * NUL-terminated string with a trailing newline. OUT: *json. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_sizing_json(const struct gt_sizing *sz,
                                                             char **json);
/* The validation result in its JSON schema. OUT: *json. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_validation_json(const struct gt_validation *v,
                                                                 char **json);

/* One option's air umbrella: its plan and what it covers. assessment may
 * be NULL: tables and JSON then show the plan alone, the brief skips it,
 * and the map and GeoJSON need it (the map returns GT_E_USAGE). */
struct gt_air_result {
	const struct gt_scenario *scenario;
	const struct gt_air_plan *plan;
	const struct gt_air_assessment *assessment;
};

/* The monitoring record a simulation was fitted to (live risk): the fit,
 * the store it came from (its name, without any password), the period,
 * and the breaches dismissed, which do not count. */
struct gt_sim_observed {
	const struct gt_sim_live *fit;
	const char *store;
	int64_t since, as_of;
	size_t dismissed;
};

/* One option's simulation: its inputs and counts, and the record it was
 * fitted to (NULL for a new ceasefire). */
struct gt_sim_report {
	const struct gt_sim_option *input;
	const struct gt_sim_counts *counts;
	const struct gt_sim_observed *observed;
};
struct gt_plan_force; /* plan.h */

/* A simulation's results: the options on the basis shown, the same
 * options on the other basis (the brief's comparison), and the
 * no-guarantee reference from the same scenario and seed. */
struct gt_sim_results {
	const struct gt_sim_report *options; /* in option order */
	size_t n;
	const struct gt_sim_report *other;   /* n of them on the other basis, or NULL */
	const struct gt_sim_report *baseline; /* NULL: none (live risk) */
	int years;
	uint64_t seed;
	/* the parameters simulated against the built-in calibration
	 * (gt_sim_calibration_compare); NULL: not compared, and nothing is said
	 * about the calibration either way */
	const struct gt_sim_calibration *calibration;
};

/* Everything `guarantor plan` found, for the renderers that show it all.
 * Only sizing is required; the rest may be NULL or empty. */
struct gt_results {
	const struct gt_sizing *sizing;
	const struct gt_validation *validation;
	const struct gt_forcegen *const *forcegen; /* one per option, in option order */
	size_t nforcegen;
	const struct gt_air_result *air; /* options with air elements, in option order */
	size_t nair;
	const struct gt_sim_results *sim; /* NULL without a simulation */
	const struct gt_plan_force *raised; /* per sizing option: the force as raised, or NULL */
	bool paper_letter;          /* the brief prints on US Letter; A4 otherwise */
};

/* results.json: the sizing schema plus "validation", "forcegen", "air" and
 * "simulation" members (null when absent). OUT: *json. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_results_json(const struct gt_results *res,
                                                              char **json);

GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_sizing(FILE *out, const struct gt_sizing *sz,
                                                        enum gt_format fmt);
/* The first part of the table format: scenario, line and one row per option. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_sizing_summary(FILE *out,
                                                                const struct gt_sizing *sz);
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_validation(FILE *out,
                                                            const struct gt_validation *v,
                                                            enum gt_format fmt);

/* Force generation for one or more options: table (roles, members, gaps),
 * JSON (docs/output.md) or CSV (one row per allocation). md prints the
 * table. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_forcegen(FILE *out,
                                                          const struct gt_forcegen *const *fgs,
                                                          size_t n, enum gt_format fmt);

/* Air umbrellas: table (stations, totals, coverage, reaction, exposure),
 * JSON ({"scenario", "options": [...]}, docs/output.md) or CSV (one row
 * per option). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_air(FILE *out, const struct gt_scenario *s,
                                                     const struct gt_air_result *r, size_t n,
                                                     enum gt_format fmt);
/* One station held around the clock (`guarantor air --aircraft`). */
struct gt_air_station_report {
	const struct gt_aircraft *aircraft;
	const char *base;                      /* its name, or the position as given */
	int ship;
	bool aar;
	const struct gt_air_station_need *need;
	const struct gt_aircraft *tanker;      /* NULL without refuelling */
	double tankers;                        /* unrounded */
	unsigned flags;                        /* gt_air_flags */
};
/* A line "  ! WHAT: ..." for each flag of a station (air.h), saying why. */
GT_EXPORT void gt_render_air_flags(FILE *out, const struct gt_scenario *s, const char *what,
                                   const struct gt_aircraft *ac, struct gt_point at,
                                   const struct gt_air_station_need *n, unsigned flags);
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_air_station_json(
	FILE *out, const struct gt_air_station_report *r);

/* One umbrella as a GeoJSON FeatureCollection: stations, orbits, bases,
 * transit legs, radar coverage and gaps for low and high targets, and the
 * adversary's air-defence band. OUT: *json. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_air_geojson(const struct gt_air_result *r,
                                                             char **json);
/* Map of one umbrella: the reaction-time field, radar gaps for low
 * targets, the air-defence band, bases, stations and orbits. OUT: *svg. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_air_map_svg(const struct gt_air_result *r,
                                                             double width, double height,
                                                             char **svg);

/* Simulation results: table, JSON (docs/output.md) or CSV, one entry per
 * option. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_sim(FILE *out, const struct gt_scenario *s,
                                                     const struct gt_sim_results *r,
                                                     enum gt_format fmt);

/* A sensitivity analysis of one option: table (sorted by influence), JSON
 * or CSV. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_sensitivity(FILE *out,
                                                             const struct gt_sensitivity *s,
                                                             const char *option, int years,
                                                             uint64_t runs, enum gt_format fmt);
/* The tornado chart of a one-at-a-time sensitivity: a bar per parameter
 * (at most `most`) from its low to its high outcome. OUT: *svg. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_tornado_svg(const struct gt_sensitivity *s,
                                                             const char *title, size_t most,
                                                             double width, double height,
                                                             char **svg);

/* Every option and the no-guarantee reference on one chart: people
 * deployed as required and as raised, collapse within five years as
 * raised and if fully raised, and the ground held fighters reach within 20
 * minutes. Option titles wrapped, never cut; the chart is taller than
 * height when they need it. GT_E_USAGE without options. OUT: *svg. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_options_svg(const struct gt_results *res,
                                                             double width, double height,
                                                             char **svg);

/* Survival curves, one per option, with their 95% bands, and the
 * no-guarantee reference dashed. GT_E_USAGE for no reports, or reports of
 * different horizons or with no runs. OUT: *svg. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_survival_svg(const struct gt_sim_results *r,
                                                              double width, double height,
                                                              char **svg);

/* Pictures as SVG text (Cairo). option NULL draws the theatre and its
 * sectors; otherwise the option's footprint over the theatre. Returns
 * GT_E_UNSUPPORTED when built without Cairo. OUT: *svg. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_map_svg(const struct gt_scenario *s,
                                                         const struct gt_sizing_option *option,
                                                         double width, double height,
                                                         char **svg);
/* Bars of deployed and committed strength by option; option titles
 * wrapped, never cut, the chart taller than height when they need it.
 * OUT: *svg. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_strength_svg(const struct gt_sizing *sz,
                                                              double width, double height,
                                                              char **svg);

/* Each member's people by option, stacked. Option titles are wrapped onto
 * as many lines as they need, never cut; the chart is taller than height
 * when its rows or its key need more. Each member that supplies anything
 * has its own colour (gt_render_member_colour), and its code on its bar
 * when the bar is wide enough. OUT: *svg. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_contribution_svg(
	const struct gt_forcegen *const *fgs, size_t n, double width, double height, char **svg);
/* The colours of the coalition charts: the member of rank r among those
 * that offer anything, in coalition order, has colour r (0xRRGGBB). The
 * first GT_RENDER_MEMBER_COLOURS are distinct; after them they repeat. */
#define GT_RENDER_MEMBER_COLOURS 30
GT_EXPORT unsigned gt_render_member_colour(size_t rank);
/* The rows of a rotation chart: every sector and garrison the option
 * needs, filled or not. */
GT_EXPORT size_t gt_render_rotation_rows(const struct gt_forcegen *fg);
/* Who holds each sector in each rotation period, and what nobody holds
 * (outlined, "short N of M"). The heading and the sectors' names are
 * wrapped, never cut; the name column widens to a third of width, and the
 * chart is taller than height when the wrapped text needs it. OUT: *svg. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_rotation_svg(const struct gt_forcegen *fg,
                                                              double width, double height,
                                                              char **svg);

/* The self-contained HTML brief: summary, maps, charts, force generation,
 * assumptions and validation against history, as far as res holds them. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_brief_html(FILE *out,
                                                            const struct gt_results *res);

/* The theatre as GeoJSON (RFC 7946, compact): the outline (kind outline),
 * every line (kind line_of_contact, with its role), each sector's stretch
 * of its line (kind sector, with its id) and the places (their kind),
 * each with its name; the dashboard draws it. OUT: *json (free()). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_theatre_geojson(const struct gt_scenario *sc,
                                                                 char **json);

/* The monitoring mission's daily report (docs/monitor.md, "Daily report"). */
/* Its headline sentence. OUT: out. */
GT_EXPORT void gt_render_daily_headline(const struct gt_daily *d, char *out, size_t size);
/* As JSON; as GeoJSON (the verified events as points). OUT: *json. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_daily_json(const struct gt_scenario *sc,
                                                            const struct gt_daily *d,
                                                            char **json);
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_daily_geojson(const struct gt_scenario *sc,
                                                               const struct gt_daily *d,
                                                               char **json);
/* As CSV, one row per sector and type; as a self-contained HTML page. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_daily_csv(FILE *out,
                                                           const struct gt_scenario *sc,
                                                           const struct gt_daily *d);
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_daily_html(FILE *out,
                                                            const struct gt_scenario *sc,
                                                            const struct gt_daily *d);
/* Its map. GT_E_UNSUPPORTED without Cairo. OUT: *svg. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_render_daily_map_svg(const struct gt_scenario *sc,
                                                               const struct gt_daily *d,
                                                               double width, double height,
                                                               char **svg);

#ifdef __cplusplus
}
#endif
#endif
