/* cmd_air.c: `guarantor air`, what holding a combat air patrol or AEW
 * station around the clock takes from a given base (docs/model-air.md). */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "guarantor/air.h"
#include "guarantor/render.h"
#include "guarantor/scenario.h"

static const char help[] =
	"Usage: guarantor air [--option NAME] [--scenario FILE] [--format table|json]\n"
	"       guarantor air --list\n"
	"       guarantor air --aircraft TYPE --base PLACE --at PLACE|LON,LAT [--ship N]\n"
	"                     [--aar] [--tanker TYPE] [--reserve HOURS] [--scenario FILE]\n"
	"                     [--format table|json]\n\n"
	"Without station options: places each option's patrol stations over the defended\n"
	"country's largest cities at least air.standoff_km behind the line, each held from\n"
	"the nearest air base that can reach it, and its AEW orbits over the allied bases\n"
	"nearest those cities; then sizes them (docs/model-air.md).\n\n"
	"With --aircraft, --base and --at: one station.\n"
	"What it takes to hold one patrol (CAP) or AEW station around the clock: transit,\n"
	"time on station, sorties a day, aircraft (after the mission-capable rate), crews,\n"
	"people, and with air-to-air refuelling the fuel and tankers it needs. Aircraft\n"
	"figures come from the built-in catalogue (data/aircraft.csv, each with its source).\n\n"
	"Options:\n"
	"      --list              print the aircraft catalogue\n"
	"  -O, --option NAME       plan one option (default: every option with air elements)\n"
	"  -a, --aircraft TYPE     e.g. F-16C, Rafale, E-3A (see --list)\n"
	"  -b, --base PLACE        an air base of the scenario; a unique prefix will do\n"
	"  -p, --at PLACE|LON,LAT  the station: a city or base of the scenario, or a position\n"
	"  -k, --ship N            aircraft on station at all times (default 2 for fighters,\n"
	"                          1 for AEW)\n"
	"  -r, --aar               plan with air-to-air refuelling\n"
	"  -T, --tanker TYPE       tanker for --aar (default A330 MRTT)\n"
	"  -R, --reserve HOURS     fuel kept for diversion on the way home (default 0)\n"
	"  -s, --scenario FILE     where the places are (default: the built-in scenario)\n"
	"  -f, --format FORMAT     table (default) or json\n"
	"  -h, --help              show this help\n\n"
	"Example: guarantor air --aircraft F-16C --base Rzeszów --at Kyiv\n";

/* A place of the scenario by exact name, or by a unique prefix. */
static const struct gt_place *find_place(const struct gt_scenario *s, const char *name,
                                         bool bases_only, int *matches)
{
	const struct gt_place *hit = NULL;
	*matches = 0;
	for (size_t i = 0; i < s->theatre.nplaces; i++) {
		const struct gt_place *p = &s->theatre.places[i];
		if (bases_only && p->kind != GT_PLACE_AIR_BASE)
			continue;
		if (strcmp(p->name, name) == 0) {
			*matches = 1;
			return p;
		}
		if (strncmp(p->name, name, strlen(name)) == 0) {
			hit = p;
			(*matches)++;
		}
	}
	return *matches == 1 ? hit : NULL;
}

static int list(const struct gt_aircraft_catalogue *cat)
{
	static const char *const roles[] = {"fighter", "aew", "tanker"};
	printf("%-10s %-7s %6s %6s %6s %5s %5s %6s %8s\n", "type", "role", "knots", "sortie",
	       "w/AAR", "MC", "crew", "people", "radar km");
	for (size_t i = 0; i < cat->n; i++) {
		const struct gt_aircraft *a = &cat->items[i];
		printf("%-10s %-7s %6.0f %5.1fh %5.1fh %5.2f %5.0f %6.0f %8.0f\n", a->type,
		       roles[a->role], a->cruise_kt, a->endurance_h, a->endurance_aar_h, a->mc_rate,
		       a->crew, a->personnel, a->radar_km);
	}
	fputs("\nSources and assumptions: data/aircraft.csv (columns source and notes).\n", stdout);
	return GT_EXIT_OK;
}

static void plan_table(const struct gt_air_plan *pl)
{
	char a[32];
	const struct gt_option *o = pl->option;
	printf("%s: %s\n", o->name, o->title);
	printf("  %s patrols%s, %s orbits; stations at least %.0f km from the line\n",
	       pl->fighter->type, o->refuelling ? " with air-to-air refuelling" : " unrefuelled",
	       pl->aew->type, o->standoff_km);
	printf("  %-26s %-38s %6s %9s %9s %8s\n", "post", "base", "km", "on station", "sorties/d",
	       "aircraft");
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_air_post *p = &pl->posts[i];
		printf("  %-26.26s %-38.38s %6.0f %8.2fh %9.1f %8ld\n", p->name, p->base->name,
		       p->need.distance_km, p->need.on_station_h, p->need.sorties_per_day,
		       p->need.aircraft_whole);
	}
	printf("  total: %ld fighters, %ld AEW aircraft, %ld tankers; %.0f sorties a day; %ld crews; "
	       "%s people\n",
	       pl->fighters, pl->aew_aircraft, pl->tankers, pl->sorties_per_day, pl->crews,
	       gt_render_thousands(pl->personnel, a));
}

static void plan_json(const struct gt_air_plan *pl, bool last)
{
	const struct gt_option *o = pl->option;
	printf("    {\n      \"name\": \"%s\",\n      \"fighter\": \"%s\",\n      \"aew\": \"%s\",\n"
	       "      \"refuelling\": %s,\n      \"standoff_km\": %.1f,\n      \"posts\": [\n",
	       o->name, pl->fighter->type, pl->aew->type, o->refuelling ? "true" : "false",
	       o->standoff_km);
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct gt_air_post *p = &pl->posts[i];
		printf("        {\"name\": \"%s\", \"kind\": \"%s\", \"lon\": %.4f, \"lat\": %.4f, "
		       "\"base\": \"%s\", \"aircraft_type\": \"%s\", \"distance_km\": %.1f, "
		       "\"on_station_h\": %.3f, \"sorties_per_day\": %.2f, \"aircraft\": %ld}%s\n",
		       p->name, p->aew ? "aew" : "cap", p->at.lon, p->at.lat, p->base->name,
		       p->aircraft->type, p->need.distance_km, p->need.on_station_h,
		       p->need.sorties_per_day, p->need.aircraft_whole, i + 1 < pl->nposts ? "," : "");
	}
	printf("      ],\n      \"fighters\": %ld,\n      \"aew_aircraft\": %ld,\n      \"tankers\": %ld,\n"
	       "      \"sorties_per_day\": %.2f,\n      \"fuel_t_per_day\": %.1f,\n      \"crews\": %ld,\n"
	       "      \"personnel\": %ld\n    }%s\n",
	       pl->fighters, pl->aew_aircraft, pl->tankers, pl->sorties_per_day, pl->fuel_t_per_day,
	       pl->crews, pl->personnel, last ? "" : ",");
}

static int plan_options(const struct gt_aircraft_catalogue *cat, const char *scenario,
                        const char *option, enum gt_format fmt)
{
	struct gt_scenario *s;
	struct gt_err err;
	int rc = gt_cli_load_scenario(scenario, &s);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_air_plan **plans = calloc(s->noptions + 1, sizeof(*plans));
	size_t n = 0;
	bool found = !option;
	if (!plans) {
		fprintf(stderr, "guarantor: out of memory\n");
		rc = GT_EXIT_FAILURE;
		goto out;
	}
	for (size_t i = 0; i < s->noptions; i++) {
		const struct gt_option *o = &s->options[i];
		if (option && strcmp(o->name, option) != 0)
			continue;
		found = true;
		if (!option && o->patrol_stations == 0 && o->aew_orbits == 0)
			continue;
		if (gt_air_plan_option(s, i, cat, &plans[n], &err) != GT_OK) {
			if (!err.file[0])
				snprintf(err.file, sizeof(err.file), "%s", s->file);
			rc = gt_cli_fail(&err);
			goto out;
		}
		n++;
	}
	if (!found) {
		rc = gt_cli_usage("air", "no option '%s' in the scenario", option);
		goto out;
	}
	if (fmt == GT_FORMAT_JSON)
		printf("{\n  \"scenario\": \"%s\",\n  \"options\": [\n", s->name);
	for (size_t i = 0; i < n; i++) {
		if (fmt == GT_FORMAT_JSON) {
			plan_json(plans[i], i + 1 == n);
		} else {
			if (i)
				putchar('\n');
			if (plans[i]->nposts == 0)
				printf("%s: no air elements\n", plans[i]->option->name);
			else
				plan_table(plans[i]);
		}
	}
	if (fmt == GT_FORMAT_JSON)
		printf("  ]\n}\n");
out:
	for (size_t i = 0; plans && i < n; i++)
		gt_air_plan_free(plans[i]);
	free(plans);
	gt_scenario_free(s);
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
		{"option", required_argument, NULL, 'O'}, {NULL, 0, NULL, 0}};
	const char *type = NULL, *base = NULL, *at = NULL, *tanker = "A330 MRTT", *scenario = NULL,
		   *option = NULL;
	bool want_list = false, aar = false;
	int ship = 0, c;
	double reserve = 0;
	enum gt_format fmt = GT_FORMAT_TABLE;
	char *end;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:b:p:k:rT:R:s:f:O:", longopts, NULL)) != -1) {
		switch (c) {
		case 'O': option = optarg; break;
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
			if (!gt_format_parse(optarg, &fmt) || (fmt != GT_FORMAT_TABLE && fmt != GT_FORMAT_JSON))
				return gt_cli_usage("air", "unknown format '%s'; expected table or json", optarg);
			break;
		case ':': return gt_cli_usage("air", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("air", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gt_cli_usage("air", "unexpected argument '%s'", argv[optind]);
	struct gt_aircraft_catalogue *cat;
	struct gt_err err;
	size_t len;
	const char *csv = gt_aircraft_builtin_csv(&len);
	if (gt_aircraft_load_text(csv, len, "builtin:aircraft.csv", &cat, &err) != GT_OK)
		return gt_cli_fail(&err);
	int rc = GT_EXIT_OK;
	struct gt_scenario *s = NULL;
	if (want_list) {
		rc = list(cat);
		goto out;
	}
	if (!type && !base && !at) {
		rc = plan_options(cat, scenario, option, fmt);
		goto out;
	}
	if (!type || !base || !at) {
		rc = gt_cli_usage("air", "one station needs --aircraft, --base and --at together");
		goto out;
	}
	const struct gt_aircraft *ac = gt_aircraft_find(cat, type);
	if (!ac || ac->role == GT_AIR_TANKER) {
		rc = gt_cli_usage("air", "'%s' is not a fighter or AEW aircraft of the catalogue; "
		                         "`guarantor air --list` shows them", type);
		goto out;
	}
	if ((rc = gt_cli_load_scenario(scenario, &s)) != GT_EXIT_OK)
		goto out;
	int matches;
	const struct gt_place *b = find_place(s, base, true, &matches);
	if (!b) {
		rc = gt_cli_usage("air", "--base '%s' %s", base,
		                  matches > 1 ? "matches several air bases; give more of the name"
		                              : "is not an air base of the scenario");
		goto out;
	}
	struct gt_point pos;
	const struct gt_place *p = find_place(s, at, false, &matches);
	double lon, lat;
	if (p) {
		pos = p->at;
	} else if (sscanf(at, "%lf,%lf", &lon, &lat) == 2 && lon >= -180 && lon <= 180 &&
	           lat >= -90 && lat <= 90) {
		pos = (struct gt_point){lon, lat};
	} else {
		rc = gt_cli_usage("air", "--at '%s': expected a place of the scenario or LON,LAT in "
		                         "degrees", at);
		goto out;
	}
	if (ship == 0)
		ship = ac->role == GT_AIR_AEW ? 1 : 2;
	struct gt_air_station_need n;
	double km = gt_geo_distance_km(b->at, pos), tankers = 0;
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
	if (fmt == GT_FORMAT_JSON) {
		printf("{\n  \"aircraft\": \"%s\",\n  \"base\": \"%s\",\n  \"ship\": %d,\n  \"aar\": %s,\n"
		       "  \"distance_km\": %.1f,\n  \"transit_h\": %.3f,\n  \"sortie_h\": %.2f,\n"
		       "  \"on_station_h\": %.3f,\n  \"cycle_h\": %.2f,\n  \"sorties_per_day\": %.2f,\n"
		       "  \"aircraft_needed\": %.2f,\n  \"aircraft_whole\": %ld,\n  \"crews\": %ld,\n"
		       "  \"personnel\": %ld,\n  \"fuel_t_per_day\": %.1f,\n  \"tankers\": %.2f,\n"
		       "  \"tankers_whole\": %ld\n}\n",
		       ac->type, b->name, ship, aar ? "true" : "false", n.distance_km, n.transit_h,
		       n.sortie_h, n.on_station_h, n.cycle_h, n.sorties_per_day, n.aircraft,
		       n.aircraft_whole, n.crews, n.personnel, n.fuel_t_per_day, tankers,
		       (long)ceil(tankers - 1e-9));
	} else {
		printf("%s station held round the clock by %d %s from %s\n", p ? p->name : at, ship,
		       ac->type, b->name);
		printf("  distance            %8.0f km (geodesic)\n", n.distance_km);
		printf("  transit             %8.2f h each way at %.0f kt\n", n.transit_h, ac->cruise_kt);
		printf("  sortie              %8.2f h%s\n", n.sortie_h,
		       aar ? " with air-to-air refuelling" : " unrefuelled");
		printf("  on station          %8.2f h per sortie\n", n.on_station_h);
		printf("  sorties a day       %8.1f\n", n.sorties_per_day);
		printf("  aircraft            %8.2f -> %ld (mission-capable rate %.2f)\n", n.aircraft,
		       n.aircraft_whole, ac->mc_rate);
		printf("  crews               %8ld\n", n.crews);
		printf("  people              %8ld\n", n.personnel);
		if (aar)
			printf("  fuel offloaded      %8.0f t a day -> %.1f %s tankers (%ld)\n",
			       n.fuel_t_per_day, tankers, tk->type, (long)ceil(tankers - 1e-9));
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
out:
	gt_scenario_free(s);
	gt_aircraft_free(cat);
	return rc;
}

const struct gt_cmd gt_cmd_air = {
	.name = "air",
	.summary = "aircraft, crews and tankers to hold a patrol or AEW station",
	.help = help,
	.run = run,
};
