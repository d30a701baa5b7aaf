/* cmd_daily.c: `guarantor daily`, the monitoring mission's daily report
 * for one reporting day, as JSON, CSV, GeoJSON or HTML (docs/monitor.md,
 * "Daily report"). */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char help[] =
	"Usage: guarantor daily [--db STORE] [--day YYYY-MM-DD] [--format FORMAT]\n"
	"                       [--out FILE] [--scenario FILE]\n\n"
	"The daily report for one reporting day, which ends at the scenario's\n"
	"monitoring.day_ends (UTC) on that day and begins 24 hours before: counts of\n"
	"events and violations by sector, type and side, recorded and verified, against\n"
	"the day before; the breaches crossed; the verified events.\n\n"
	"Options:\n"
	"  -d, --db STORE        the store, which must exist: a SQLite file (default:\n"
	"                        guarantor.db) or postgresql://USER@HOST:PORT/DATABASE\n"
	"  -D, --day DAY         the reporting day (default: the last one that has ended)\n"
	"  -f, --format FORMAT   json (default), csv (one row per sector and type),\n"
	"                        geojson (the verified events) or html (a page with a map)\n"
	"  -o, --out FILE        write to FILE (atomically) instead of standard output\n"
	"  -s, --scenario FILE   the scenario (default: the built-in one)\n"
	"  -h, --help            show this help\n";

enum format { JSON, CSV, GEOJSON, HTML };

/* Renders d into a malloc'd text. */
static enum gt_status render(enum format f, const struct gt_scenario *sc,
                             const struct gt_daily *d, char **text, size_t *len)
{
	if (f == JSON || f == GEOJSON) {
		enum gt_status s = f == JSON ? gt_render_daily_json(sc, d, text)
		                             : gt_render_daily_geojson(sc, d, text);
		*len = s == GT_OK ? strlen(*text) : 0;
		return s;
	}
	FILE *mem = open_memstream(text, len);
	if (!mem)
		return GT_E_NOMEM;
	enum gt_status s = f == CSV ? gt_render_daily_csv(mem, sc, d) : gt_render_daily_html(mem, sc, d);
	if (fclose(mem) != 0 && s == GT_OK)
		s = GT_E_NOMEM;
	if (s != GT_OK) {
		free(*text);
		*text = NULL;
	}
	return s;
}

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
	                                         {"day", required_argument, NULL, 'D'},
	                                         {"format", required_argument, NULL, 'f'},
	                                         {"out", required_argument, NULL, 'o'},
	                                         {"scenario", required_argument, NULL, 's'},
	                                         {NULL, 0, NULL, 0}};
	static const char *const formats[] = {"json", "csv", "geojson", "html"};
	const char *db = "guarantor.db", *day = NULL, *out = NULL, *scenario = NULL;
	enum format f = JSON;
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:D:f:o:s:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'D': day = optarg; break;
		case 'o': out = optarg; break;
		case 's': scenario = optarg; break;
		case 'f': {
			int k = 0;
			while (k < 4 && strcmp(formats[k], optarg) != 0)
				k++;
			if (k == 4)
				return gt_cli_usage("daily",
				                    "--format '%s': expected json, csv, geojson or html",
				                    optarg);
			f = (enum format)k;
			break;
		}
		case ':': return gt_cli_usage("daily", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("daily", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gt_cli_usage("daily", "unexpected argument '%s'", argv[optind]);
	struct gt_scenario *sc;
	int rc = gt_cli_load_scenario(scenario, &sc);
	if (rc != GT_EXIT_OK)
		return rc;
	char last[11];
	int64_t from, to;
	if (!sc->monitoring.present) {
		fprintf(stderr, "guarantor: %s has no monitoring section (docs/monitor.md)\n", sc->file);
		gt_scenario_free(sc);
		return GT_EXIT_USAGE;
	}
	if (!day) { /* the last day that has ended */
		gt_daily_day_of(sc, (int64_t)time(NULL) - 86400, last);
		day = last;
	}
	if (!gt_daily_period(sc, day, &from, &to)) {
		gt_scenario_free(sc);
		return gt_cli_usage("daily", "--day '%s': expected a day like 2026-01-10", day);
	}
	struct gt_store *st;
	if ((rc = gt_cli_open_store(db, "--db", GT_CLI_READ, NULL, &st)) != GT_EXIT_OK) {
		gt_scenario_free(sc);
		return rc;
	}
	struct gt_daily d;
	struct gt_err err;
	char *text = NULL;
	size_t len = 0;
	enum gt_status s = gt_store_daily(st, sc, day, &d, &err);
	if (s != GT_OK) {
		rc = gt_cli_fail(&err);
	} else {
		if ((s = render(f, sc, &d, &text, &len)) != GT_OK) {
			fprintf(stderr, "guarantor: cannot write the daily report: %s\n", gt_strerror(s));
			rc = GT_EXIT_FAILURE;
		} else if (out) {
			rc = gt_cli_write_file(out, text, len);
		} else if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
			fprintf(stderr, "guarantor: cannot write to standard output\n");
			rc = GT_EXIT_FAILURE;
		}
		gt_daily_fini(&d);
	}
	free(text);
	gt_store_close(st);
	gt_scenario_free(sc);
	return rc;
}

const struct gt_cmd gt_cmd_daily = {
	.name = "daily",
	.summary = "the monitoring mission's daily report (JSON, CSV, GeoJSON, HTML)",
	.help = help,
	.run = run,
};
