/* cmd_air.c: `guarantor air`: options' air umbrellas (plan, coverage,
 * reaction, exposure), one station, or the aircraft catalogue
 * (docs/model-air.md). */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "guarantor/air.h"
#include "guarantor/plan.h"
#include "guarantor/render.h"
#include "guarantor/scenario.h"

static const char help[] =
	"Usage: guarantor air [--option NAME] [--resolution KM] [--out DIR]\n"
	"                     [--scenario FILE] [--format table|json|csv]\n"
	"       guarantor air --list\n"
	"       guarantor air --aircraft TYPE --base PLACE|LON,LAT --at PLACE|LON,LAT [--ship N]\n"
	"                     [--aar] [--tanker TYPE] [--reserve HOURS] [--scenario FILE]\n"
	"                     [--format table|json]\n\n"
	"Without station options: plans each option's air umbrella (docs/model-air.md).\n"
	"Patrol stations go over the defended country's largest cities at least\n"
	"air.standoff_km behind the line, each held from the nearest air base that can\n"
	"reach it; AEW orbits over the allied bases nearest those cities. Then for each\n"
	"option: aircraft, sorties, tankers and people; radar coverage of the country for\n"
	"low and high targets; minutes for the nearest patrol or alert fighter to reach\n"
	"each point (share within 10, 20 and 30 minutes); and the share of fighters'\n"
	"airborne time within doctrine.air.sam_range_km of the line. With --out, also\n"
	"writes air-OPTION.geojson (stations, bases, coverage, gaps, air-defence band;\n"
	"opens in QGIS or geojson.io) and air-OPTION.svg (map) for each option.\n\n"
	"With --aircraft, --base and --at: one station.\n"
	"What it takes to hold one patrol (CAP) or AEW station around the clock: transit,\n"
	"time on station, sorties a day, aircraft (after the mission-capable rate), crews,\n"
	"people, and with air-to-air refuelling the fuel and tankers it needs. Aircraft\n"
	"figures come from the built-in catalogue (data/aircraft.csv, each with its source).\n\n"
	"Options:\n"
	"      --list              print the aircraft catalogue\n"
	"  -O, --option NAME       plan one option (default: every option with air elements)\n"
	"  -g, --resolution KM     reaction-time grid cell, 0.5 to 100 km (default 5)\n"
	"  -o, --out DIR           write air-OPTION.geojson and air-OPTION.svg into DIR\n"
	"  -a, --aircraft TYPE     e.g. F-16C, Rafale, E-3A (see --list)\n"
	"  -b, --base PLACE|LON,LAT  an air base of the scenario (a unique prefix will\n"
	"                          do), or a position\n"
	"  -p, --at PLACE|LON,LAT  the station: a city or base of the scenario, or a position\n"
	"  -k, --ship N            aircraft on station at all times (default 2 for fighters,\n"
	"                          1 for AEW)\n"
	"  -r, --aar               plan with air-to-air refuelling\n"
	"  -T, --tanker TYPE       tanker for --aar (default A330 MRTT)\n"
	"  -R, --reserve HOURS     fuel kept for diversion on the way home (default 0)\n"
	"  -s, --scenario FILE     where the places are (default: the built-in scenario)\n"
	"  -f, --format FORMAT     table (default), json or csv (csv: one row per option)\n"
	"  -h, --help              show this help\n\n"
	"Examples:\n"
	"  guarantor air --option uk-france-30k --out maps\n"
	"  guarantor air --aircraft F-16C --base Rzeszów --at Kyiv\n";

/* A place of the scenario by its name, or by a unique beginning of it,
 * case and accents aside. */
static const struct gt_place *find_place(const struct gt_scenario *s, const char *name,
                                         bool bases_only, int *matches)
{
	const struct gt_place *hit = NULL;
	*matches = 0;
	for (size_t i = 0; i < s->theatre.nplaces; i++) {
		const struct gt_place *p = &s->theatre.places[i];
		if (bases_only && p->kind != GT_PLACE_AIR_BASE)
			continue;
		if (gt_name_match(p->name, name, false)) {
			*matches = 1;
			return p;
		}
		if (gt_name_match(p->name, name, true)) {
			hit = p;
			(*matches)++;
		}
	}
	return *matches == 1 ? hit : NULL;
}

/* "; did you mean 'A' or 'B'" for a name that matched no place, or "". */
static const char *near_places(const struct gt_scenario *s, const char *name, bool bases_only,
                               char *out, size_t size)
{
	const char **names = calloc(s->theatre.nplaces + 1, sizeof(*names));
	size_t n = 0;
	char near[400];
	near[0] = '\0';
	for (size_t i = 0; names && i < s->theatre.nplaces; i++)
		if (!bases_only || s->theatre.places[i].kind == GT_PLACE_AIR_BASE)
			names[n++] = s->theatre.places[i].name;
	if (names)
		gt_name_suggest(name, names, n, 3, near, sizeof(near));
	free(names);
	snprintf(out, size, "%s%s%s", near[0] ? "; did you mean " : "", near, near[0] ? "?" : "");
	return out;
}

/* "LON,LAT" in degrees, nothing else, on the globe. */
static bool parse_lonlat(const char *text, struct gt_point *out)
{
	char *end;
	double lon = strtod(text, &end);
	if (end == text || *end != ',')
		return false;
	const char *rest = end + 1;
	double lat = strtod(rest, &end);
	if (end == rest || *end || !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90))
		return false;
	*out = (struct gt_point){lon, lat};
	return true;
}

static int list(const struct gt_aircraft_catalogue *cat)
{
	static const char *const roles[] = {"fighter", "aew", "tanker"};
	int wtype = 10; /* a catalogue file may name its types at any length */
	for (size_t i = 0; i < cat->n; i++)
		if (gt_render_width(cat->items[i].type) > wtype)
			wtype = gt_render_width(cat->items[i].type);
	gt_render_pad(stdout, "type", wtype);
	printf(" %-7s %6s %6s %6s %5s %5s %6s %8s\n", "role", "knots", "sortie", "w/AAR", "MC",
	       "crew", "people", "radar km");
	for (size_t i = 0; i < cat->n; i++) {
		const struct gt_aircraft *a = &cat->items[i];
		gt_render_pad(stdout, a->type, wtype);
		printf(" %-7s %6.0f %5.1fh %5.1fh %5.2f %5.0f %6.0f %8.0f\n", roles[a->role], a->cruise_kt, a->endurance_h, a->endurance_aar_h, a->mc_rate,
		       a->crew, a->personnel, a->radar_km);
	}
	fputs("\nSources and assumptions: data/aircraft.csv (columns source and notes).\n", stdout);
	return GT_EXIT_OK;
}

/* Renders the GeoJSON and the map of each umbrella, then writes them all
 * into dir: nothing is written when any of them fails to render. */
static int write_files(const char *dir, const struct gt_air_result *res, size_t n)
{
	char **text = calloc(2 * n + 1, sizeof(*text));
	int rc = text ? GT_EXIT_OK : GT_EXIT_FAILURE;
	for (size_t i = 0; rc == GT_EXIT_OK && i < n; i++) {
		if (res[i].plan->nposts == 0)
			continue;
		const char *name = res[i].plan->option->name;
		enum gt_status st = gt_render_air_geojson(&res[i], &text[2 * i]);
		if (st == GT_OK) {
			st = gt_render_air_map_svg(&res[i], 900, 640, &text[2 * i + 1]);
			if (st == GT_E_UNSUPPORTED)
				st = GT_OK; /* built without Cairo: no pictures */
		}
		if (st != GT_OK) {
			fprintf(stderr, "guarantor: cannot render the files of %s: %s\n", name,
			        gt_strerror(st));
			rc = GT_EXIT_FAILURE;
		}
	}
	if (!text)
		fprintf(stderr, "guarantor: out of memory\n");
	if (rc == GT_EXIT_OK)
		rc = gt_cli_make_dir(dir);
	for (size_t i = 0; rc == GT_EXIT_OK && i < 2 * n; i++) {
		if (!text[i])
			continue;
		char path[4096];
		int len = snprintf(path, sizeof(path), "%s/air-%s.%s", dir,
		                   res[i / 2].plan->option->name, i % 2 ? "svg" : "geojson");
		if (len < 0 || (size_t)len >= sizeof(path)) {
			fprintf(stderr, "guarantor: %s: output path too long\n", dir);
			rc = GT_EXIT_FAILURE;
			break;
		}
		rc = gt_cli_write_file(path, text[i], strlen(text[i]));
	}
	for (size_t i = 0; text && i < 2 * n; i++)
		free(text[i]);
	free(text);
	return rc;
}

static int plan_options(const struct gt_scenario *s, const char *option, double resolution,
                        const char *dir, enum gt_format fmt)
{
	/* a named option is shown even without air elements (an empty plan) */
	struct gt_plan_settings set = {.stages = GT_PLAN_AIR, .option = option,
	                               .air_all = option != NULL, .air_resolution_km = resolution};
	struct gt_plan *pl = NULL;
	struct gt_cli_plan_view v = {0};
	int rc = gt_cli_plan_run("air", s, &set, &pl);
	if (rc == GT_EXIT_OK)
		rc = gt_cli_plan_view(pl, &v);
	/* files first: a failed write leaves standard output untouched */
	if (rc == GT_EXIT_OK && dir)
		rc = write_files(dir, v.air, v.nair);
	if (rc == GT_EXIT_OK && gt_render_air(stdout, s, v.air, v.nair, fmt) != GT_OK) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
	rc = gt_cli_plan_partial(s, pl, rc);
	gt_cli_plan_view_fini(&v);
	gt_plan_free(pl);
	return rc;
}

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"list", no_argument, NULL, 'L'},        {"aircraft", required_argument, NULL, 'a'},
		{"base", required_argument, NULL, 'b'},  {"at", required_argument, NULL, 'p'},
		{"ship", required_argument, NULL, 'k'},  {"aar", no_argument, NULL, 'r'},
		{"tanker", required_argument, NULL, 'T'}, {"reserve", required_argument, NULL, 'R'},
		{"scenario", required_argument, NULL, 's'}, {"format", required_argument, NULL, 'f'},
		{"option", required_argument, NULL, 'O'}, {"resolution", required_argument, NULL, 'g'},
		{"out", required_argument, NULL, 'o'},    {NULL, 0, NULL, 0}};
	const char *type = NULL, *base = NULL, *at = NULL, *tanker = "A330 MRTT", *scenario = NULL,
		   *option = NULL, *dir = NULL;
	bool want_list = false, aar = false;
	int ship = 0, c;
	double reserve = 0, resolution = GT_AIR_RESOLUTION_KM;
	enum gt_format fmt = GT_FORMAT_TABLE;
	char *end;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:b:p:k:rT:R:s:f:O:g:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'O': option = optarg; break;
		case 'o': dir = optarg; break;
		case 'g':
			resolution = strtod(optarg, &end);
			if (*end || !(resolution >= 0.5 && resolution <= 100))
				return gt_cli_usage("air", "--resolution '%s': expected a grid cell of 0.5 to "
				                           "100 km", optarg);
			break;
		case 'L': want_list = true; break;
		case 'a': type = optarg; break;
		case 'b': base = optarg; break;
		case 'p': at = optarg; break;
		case 'r': aar = true; break;
		case 'T': tanker = optarg; break;
		case 's': scenario = optarg; break;
		case 'k':
			ship = (int)strtol(optarg, &end, 10);
			if (*end || ship < 1 || ship > 16)
				return gt_cli_usage("air", "--ship '%s': expected 1 to 16 aircraft", optarg);
			break;
		case 'R':
			reserve = strtod(optarg, &end);
			if (*end || !(reserve >= 0) || reserve > 12)
				return gt_cli_usage("air", "--reserve '%s': expected hours from 0 to 12", optarg);
			break;
		case 'f':
			if (!gt_format_parse(optarg, &fmt) || fmt == GT_FORMAT_MD)
				return gt_cli_usage("air", "unknown format '%s'; expected table, json or csv",
				                    optarg);
			break;
		case ':': return gt_cli_usage("air", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("air", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gt_cli_usage("air", "unexpected argument '%s'", argv[optind]);
	struct gt_err err;
	struct gt_scenario *s = NULL;
	int rc = gt_cli_load_scenario(scenario, &s);
	if (rc != GT_EXIT_OK)
		return rc;
	const struct gt_aircraft_catalogue *cat = s->theatre.aircraft;
	if (want_list) {
		rc = list(cat);
		goto out;
	}
	if (!type && !base && !at) {
		rc = plan_options(s, option, resolution, dir, fmt);
		goto out;
	}
	if (!type || !base || !at) {
		rc = gt_cli_usage("air", "one station needs --aircraft, --base and --at together");
		goto out;
	}
	if (fmt == GT_FORMAT_CSV) {
		rc = gt_cli_usage("air", "one station is shown as a table or json, not csv");
		goto out;
	}
	const struct gt_aircraft *ac = gt_aircraft_find(cat, type);
	if (!ac || ac->role == GT_AIR_TANKER) {
		rc = gt_cli_usage("air", "'%s' is not a fighter or AEW aircraft of the catalogue; "
		                         "`guarantor air --list` shows them", type);
		goto out;
	}
	int matches;
	const struct gt_place *b = find_place(s, base, true, &matches);
	struct gt_point from;
	if (b) {
		from = b->at;
	} else if (matches == 0 && parse_lonlat(base, &from)) {
		/* a base outside the scenario, e.g. for a historical check */
	} else {
		char near[480];
		rc = gt_cli_usage("air", "--base '%s' %s%s", base,
		                  matches > 1 ? "matches several air bases; give more of the name"
		                              : "is not an air base of the scenario, nor LON,LAT",
		                  matches > 1 ? "" : near_places(s, base, true, near, sizeof(near)));
		goto out;
	}
	struct gt_point pos;
	const struct gt_place *p = find_place(s, at, false, &matches);
	if (p) {
		pos = p->at;
	} else if (parse_lonlat(at, &pos)) {
		/* a position */
	} else {
		char near[480];
		rc = gt_cli_usage("air", "--at '%s': expected a place of the scenario or LON,LAT in "
		                         "degrees%s",
		                  at, near_places(s, at, false, near, sizeof(near)));
		goto out;
	}
	if (ship == 0)
		ship = ac->role == GT_AIR_AEW ? 1 : 2;
	struct gt_air_station_need n;
	double km = gt_geo_distance_km(from, pos), tankers = 0;
	if (gt_air_station(ac, km, ship, aar, reserve, &n, &err) != GT_OK) {
		rc = gt_cli_fail(&err);
		goto out;
	}
	const struct gt_aircraft *tk = NULL;
	if (aar) {
		tk = gt_aircraft_find(cat, tanker);
		if (!tk || tk->role != GT_AIR_TANKER) {
			rc = gt_cli_usage("air", "--tanker '%s' is not a tanker of the catalogue", tanker);
			goto out;
		}
		if (gt_air_tankers(tk, n.fuel_t_per_day, &tankers, &err) != GT_OK) {
			rc = gt_cli_fail(&err);
			goto out;
		}
	}
	unsigned flags = gt_air_flags(s, NULL, ac, pos, &n);
	if (fmt == GT_FORMAT_JSON) {
		struct gt_air_station_report rep = {.aircraft = ac, .base = b ? b->name : base,
		                                    .ship = ship, .aar = aar, .need = &n,
		                                    .tanker = tk, .tankers = tankers, .flags = flags};
		if (gt_render_air_station_json(stdout, &rep) != GT_OK) {
			fprintf(stderr, "guarantor: cannot write to standard output\n");
			rc = GT_EXIT_FAILURE;
			goto out;
		}
	} else {
		printf("%s station held round the clock by %d %s from %s\n", p ? p->name : at, ship,
		       ac->type, b ? b->name : base);
		printf("  distance            %8.0f km (geodesic)\n", n.distance_km);
		printf("  transit             %8.2f h each way at %.0f kt\n", n.transit_h, ac->cruise_kt);
		printf("  sortie              %8.2f h%s\n", n.sortie_h,
		       aar ? " with air-to-air refuelling" : " unrefuelled");
		printf("  on station          %8.2f h per sortie\n", n.on_station_h);
		printf("  sorties a day       %8.1f\n", n.sorties_per_day);
		printf("  aircraft            %8.2f -> %ld\n", n.aircraft, n.aircraft_whole);
		printf("    to keep cycling   %8.2f (mission-capable rate %.2f)\n", n.aircraft_cycle,
		       ac->mc_rate);
		printf("    to sustain        %8.2f (%.2f sorties per aircraft a day)\n",
		       n.aircraft_sustain, ac->sustained_sorties);
		char crews[32], people[32];
		printf("  crews               %8s\n", gt_render_thousands(n.crews, crews));
		printf("  people              %8s\n", gt_render_thousands(n.personnel, people));
		if (aar)
			printf("  fuel offloaded      %8.0f t a day -> %.1f %s tankers (%ld)\n",
			       n.fuel_t_per_day, tankers, tk->type, (long)ceil(tankers - 1e-9));
		gt_render_air_flags(stdout, s, "this station", ac, pos, &n, flags);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
out:
	gt_scenario_free(s);
	return rc;
}

const struct gt_cmd gt_cmd_air = {
	.name = "air",
	.summary = "aircraft, crews and tankers to hold a patrol or AEW station",
	.help = help,
	.run = run,
};
