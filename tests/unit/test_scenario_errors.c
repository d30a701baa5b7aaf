/* test_scenario_errors.c: each kind of bad scenario gets an error that
 * names the file, line, column and field path and says what was
 * expected. Messages are compared exactly: they are the user interface. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <unistd.h>

#include "guarantor/scenario.h"
#include "testutil.h"

static char *mini_yaml;
static char *mini_geojson;
static char tmpdir[64];

static int setup(void **state)
{
	(void)state;
	mini_yaml = tu_read("mini.yaml");
	mini_geojson = tu_read("mini.geojson");
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/gt-test-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof(path), "%s/g.geojson", tmpdir);
	unlink(path);
	rmdir(tmpdir);
	free(mini_yaml);
	free(mini_geojson);
	return 0;
}

/* Loads yaml (geometry relative to tests/data) and returns the formatted
 * error, or "OK". */
static const char *load_error(const char *yaml, enum gt_status want)
{
	static char buf[1400];
	struct gt_scenario *s = NULL;
	struct gt_err err;
	enum gt_status st =
		gt_scenario_load_text(yaml, strlen(yaml), "s.yaml", GT_TEST_DATA, &s, &err);
	gt_scenario_free(s);
	if (st == GT_OK)
		return "OK";
	assert_int_equal(st, want);
	return gt_err_format(&err, buf, sizeof(buf));
}

static void expect_yaml(const char *from, const char *to, enum gt_status want,
			const char *message)
{
	char *y = tu_replace(mini_yaml, from, to);
	assert_string_equal(load_error(y, want), message);
	free(y);
}

/* Writes a variant of mini.geojson and loads the mini scenario on it;
 * checks the error's line, column, path and message (the file name is the
 * temporary file's). */
static void expect_geojson(const char *from, const char *to, enum gt_status want,
			   const char *message)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/g.geojson", tmpdir);
	char *g = tu_replace(mini_geojson, from, to);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(g, f);
	fclose(f);
	free(g);
	char line[200];
	snprintf(line, sizeof(line), "geometry: %s", path);
	char *y = tu_replace(mini_yaml, "geometry: mini.geojson", line);
	struct gt_scenario *s = NULL;
	struct gt_err err;
	enum gt_status st = gt_scenario_load_text(y, strlen(y), "s.yaml", NULL, &s, &err);
	free(y);
	gt_scenario_free(s);
	assert_int_equal(st, want);
	assert_string_equal(err.file, path);
	char got[1100];
	snprintf(got, sizeof(got), "%d:%d: %s: %s", err.line, err.column, err.path, err.msg);
	assert_string_equal(got, message);
}

static void yaml_syntax(void **state)
{
	(void)state;
	expect_yaml("  name: mini\n", "  name: [mini\n", GT_E_SYNTAX,
		    "s.yaml:5:8: not valid YAML: did not find expected ',' or ']' while parsing a flow sequence");
	assert_string_equal(load_error("", GT_E_SCHEMA),
			    "s.yaml:1:1: the file is empty; expected a scenario mapping");
}

static void unknown_keys(void **state)
{
	(void)state;
	expect_yaml("  reserve_share: 0.5\n", "  reserve_share: 0.5\n  reserv_share: 0.4\n",
		    GT_E_SCHEMA,
		    "s.yaml:26:3: doctrine: unknown field 'reserv_share'; expected one of: density_per_km, posture_factor, observer_per_km, stabilisation_per_1000, reserve_share, enabler_share, hq_share, rotation, air, naval, map, border");
	expect_yaml("scenario:\n", "scenarios:\n", GT_E_SCHEMA,
		    "s.yaml:3:1: unknown field 'scenarios'; expected one of: scenario, theatre, "
		    "sectors, doctrine, options, coalition, forcegen, simulation, monitoring");
	expect_yaml("  hq_share: 0.05\n", "  hq_share: 0.05\n  hq_share: 0.06\n", GT_E_SCHEMA,
		    "s.yaml:28:3: doctrine: field 'hq_share' appears twice (first at line 27)");
}

static void wrong_types(void **state)
{
	(void)state;
	expect_yaml("reserve_share: 0.5", "reserve_share: half", GT_E_SCHEMA,
		    "s.yaml:25:18: doctrine.reserve_share: expected a number, got 'half'");
	expect_yaml("reserve_share: 0.5", "reserve_share: \"0.5\"", GT_E_SCHEMA,
		    "s.yaml:25:18: doctrine.reserve_share: expected a number, got '0.5' (numbers are not quoted)");
	expect_yaml("trainers: 100", "trainers: 1,000", GT_E_SCHEMA,
		    "s.yaml:51:15: options[0].trainers: expected a number, got '1,000' (write 10000, not 10,000)");
	expect_yaml("{from: 0, to: 30, terrain: river,", "{from: 0, to: 30, terrain: swamp,",
		    GT_E_SCHEMA,
		    "s.yaml:13:34: sectors.zones[0].terrain: expected a terrain class (one of: open, mixed, forest, urban, river, mountain), got 'swamp'");
	expect_yaml("      posture: line\n", "      posture: wall\n", GT_E_SCHEMA,
		    "s.yaml:45:16: options[0].ground.posture: expected a ground posture (one of: "
		    "none, buffer, line, depth), got 'wall'");
	expect_yaml("lead: [ZZ]", "lead: [zz]", GT_E_SCHEMA,
		    "s.yaml:43:12: options[0].lead[0]: expected an ISO 3166-1 alpha-2 country "
		    "code such as GB, got 'zz'");
	expect_yaml("rotation: {ground: 4, air: 3, naval: 3, training: 2, monitoring: 2}", "rotation: [4, 3, 3, 2, 2]", GT_E_SCHEMA,
		    "s.yaml:28:13: doctrine.rotation: expected a mapping of fields, got a list");
}

static void out_of_range(void **state)
{
	(void)state;
	expect_yaml("hq_share: 0.05", "hq_share: 5", GT_E_RANGE,
		    "s.yaml:27:13: doctrine.hq_share: 5 is out of range; expected a number from 0 to 1");
	expect_yaml("patrol_stations: 2", "patrol_stations: 2.5", GT_E_SCHEMA,
		    "s.yaml:49:28: options[0].air.patrol_stations: expected a whole number, got 2.5");
	expect_yaml("sectors: all", "sectors: [1, 3]", GT_E_RANGE,
		    "s.yaml:46:20: options[0].ground.sectors[1]: 3 is out of range; expected a "
		    "number from 1 to 2");
	expect_yaml("{from: 0, to: 30,", "{from: 0, to: 300,", GT_E_RANGE,
		    "s.yaml:13:21: sectors.zones[0].to: 300 km is beyond the end of the line of contact (111.3 km)");
}

static void missing_and_inconsistent(void **state)
{
	(void)state;
	expect_yaml("  title: Mini test scenario\n", "", GT_E_SCHEMA,
		    "s.yaml:4:3: scenario: missing required field 'title'");
	expect_yaml("{city: Alpha, troops: 1000}", "{city: Gamma, troops: 1000}", GT_E_SCHEMA,
		    "s.yaml:48:18: options[0].ground.garrisons[0].city: 'Gamma' is not a city of the theatre; expected the name of a feature of kind \"city\" in the geometry file");
	/* stations and orbits placed by hand */
	expect_yaml("air: {patrol_stations: 2,", "air: {stations: [{at: Gamma}], patrol_stations: 2,", GT_E_SCHEMA, "s.yaml:49:27: options[0].air.stations[0].at: 'Gamma' is not a place of the theatre; expected a city or air base of the geometry file, or [longitude, latitude]");
	expect_yaml("air: {patrol_stations: 2,", "air: {stations: [{at: [0.5, 95]}], patrol_stations: 2,", GT_E_RANGE, "s.yaml:49:33: options[0].air.stations[0].at[1]: 95 is out of range; expected a number from -90 to 90");
	expect_yaml("air: {patrol_stations: 2,", "air: {stations: [{at: Alpha}], patrol_stations: 2,", GT_E_SCHEMA, "s.yaml:49:21: options[0].air.stations: 1 entry, but patrol_stations says 2; give one or the other");
	expect_yaml("air: {patrol_stations: 2,", "air: {stations: [{at: Alpha, base: Alpha}],", GT_E_SCHEMA, "s.yaml:49:40: options[0].air.stations[0].base: 'Alpha' is not an air base of the theatre; expected the name of a feature of kind \"air_base\"");
	expect_yaml("air: {patrol_stations: 2,", "air: {orbits: [{at: Beta, height: 3}],", GT_E_SCHEMA, "s.yaml:49:31: options[0].air.orbits[0]: unknown field 'height'; expected one of: at, base");
	expect_yaml("air: {patrol_stations: 2,", "air: {stations: [],", GT_E_RANGE, "s.yaml:49:21: options[0].air.stations: expected 1 to 100 entries, got 0");
	expect_yaml("monitors: {count: 50}", "monitors: {count: 50, per_km: 1}", GT_E_SCHEMA,
		    "s.yaml:62:15: options[2].monitors: give exactly one of 'per_km' (monitors per km of line) or 'count'");
	expect_yaml("lead: [ZZ]", "lead: [GB]", GT_E_SCHEMA,
		    "s.yaml:43:12: options[0].lead[0]: lead nation GB is not a member of the coalition");
	expect_yaml("sectors: [2]", "sectors: []", GT_E_SCHEMA,
		    "s.yaml:58:16: options[1].ground.sectors: expected 'all' or a non-empty list of "
		    "sector numbers (1 to 2)");
	expect_yaml("        - {city: Alpha, troops: 1000}\n",
		    "        - {city: Alpha, troops: 1000}\n        - {city: Alpha, troops: 5}\n",
		    GT_E_SCHEMA,
		    "s.yaml:49:11: options[0].ground.garrisons[1]: Alpha already has a garrison in "
		    "this option; give one entry per city");
	expect_yaml("title: Mini test scenario", "title: \"\"", GT_E_SCHEMA,
		    "s.yaml:5:10: scenario.title: expected non-empty text, got empty text");
	expect_yaml("name: mini", "name: Mini Scenario", GT_E_SCHEMA,
		    "s.yaml:4:9: scenario.name: 'Mini Scenario' is not a valid scenario name; "
		    "expected lower-case letters, digits and '-'");
	expect_yaml("active_personnel: 10000", "active_personnel: 1.5", GT_E_SCHEMA,
		    "s.yaml:65:51: coalition.members[0].active_personnel: expected a whole number, "
		    "got 1.5");
	expect_yaml("lead: [ZZ]", "lead: [ZZ, ZZ]", GT_E_SCHEMA, "s.yaml:43:16: options[0].lead[1]: 'ZZ' is listed twice");
	expect_yaml("  - name: none\n", "  - name: line-all\n", GT_E_SCHEMA,
		    "s.yaml:59:11: options[2]: option name 'line-all' is used twice");
	expect_yaml("geometry: mini.geojson", "geometry: nowhere.geojson", GT_E_IO,
		    "s.yaml:7:13: theatre.geometry: cannot read '" GT_TEST_DATA
		    "/nowhere.geojson': cannot open: No such file or directory");
	expect_yaml("{from: 0, to: 30, terrain: river, threat: medium}",
		    "{from: 30, to: 10, terrain: river, threat: medium}", GT_E_RANGE,
		    "s.yaml:13:22: sectors.zones[0].to: the zone ends (10.0 km) where or before it starts (30.0 km); expected 'to' beyond 'from' along the line");
	expect_yaml("{from: 0, to: 30,", "{from: Nowhere, to: 30,", GT_E_SCHEMA,
		    "s.yaml:13:14: sectors.zones[0].from: expected km along the line (0 to 111.3), 'end', or the name of a vertex of the line of contact, got 'Nowhere'");
}

static void manual_gaps(void **state)
{
	(void)state;
	const char *from = "  mode: auto\n  length_km: 50\n  default: {terrain: open, threat: "
			   "high}\n  zones:\n    - {from: 0, to: 30, terrain: river, threat: "
			   "medium}\n";
	expect_yaml(from,
		    "  mode: manual\n  list:\n"
		    "    - {name: W, from: 0, to: 40, terrain: urban, threat: low}\n"
		    "    - {name: E, from: 50, to: end, terrain: forest, threat: high}\n",
		    GT_E_RANGE,
		    "s.yaml:12:23: sectors.list[1].from: sector starts at 50.0 km; expected 40.0 km, where the previous sector ends (sectors must tile the line without gaps or overlaps)");
	expect_yaml(from,
		    "  mode: manual\n  list:\n"
		    "    - {name: W, from: 0, to: 40, terrain: urban, threat: low}\n"
		    "    - {name: E, from: 40, to: 100, terrain: forest, threat: high}\n",
		    GT_E_RANGE,
		    "s.yaml:12:31: sectors.list[1].to: the last sector ends at 100.0 km but the line is 111.3 km long; expected it to end at the line's end (write 'end')");
}

#define MINI_LINE                                                                          \
	", \"places\": [\"West end\", \"\", \"East end\"]}, \"geometry\": {\"type\": "              \
	"\"LineString\", \"coordinates\": [[0.2, 0], [0.7, 0], [1.2, 0]]}"
#define LINE_AS(coords) "}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": " coords "}"

static void geometry_errors(void **state)
{
	(void)state;
	expect_geojson(MINI_LINE, LINE_AS("[[0.2, 0], [1.2, 0.5], [1.2, -0.5], [0.7, 0.5]]"),
		       GT_E_GEOMETRY, "3:211: features[1].geometry.coordinates[3]: the line of contact crosses or touches itself at the segment ending in vertex 3 [0.7000, 0.5000]; expected a simple line");
	expect_geojson(MINI_LINE, LINE_AS("[[0.2, 0], [0.5, 1.5]]"), GT_E_GEOMETRY, "3:186: features[1].geometry.coordinates[1]: line of contact vertex [0.5000, 1.5000] lies 55 km outside the defended country's outline; expected every vertex inside it (swapped it would fit: GeoJSON positions are [longitude, latitude], not [latitude, longitude])");
	expect_geojson(MINI_LINE, LINE_AS("[[0.2, 0], [0.5, 95]]"), GT_E_GEOMETRY, "3:186: features[1].geometry.coordinates[1]: position [0.5, 95] is off the globe; expected longitude -180..180 and latitude -90..90; it looks like [latitude, longitude]: GeoJSON positions are [longitude, latitude]");
	/* ground radars need an antenna height and a range, each in bounds */
	expect_geojson("\"kind\": \"port\", \"name\": \"Port One\"", "\"kind\": \"radar\", \"name\": \"Port One\", \"height_m\": 30", GT_E_SCHEMA, "7:35: features[5].properties: a radar needs 'range_km' (instrumented range, km)");
	expect_geojson("\"kind\": \"port\", \"name\": \"Port One\"", "\"kind\": \"radar\", \"name\": \"Port One\", \"height_m\": 30, \"range_km\": 0", GT_E_RANGE, "7:101: features[5].properties.range_km: 0 is out of range; expected 1 to 1000");
	expect_geojson("\"kind\": \"port\", \"name\": \"Port One\"", "\"kind\": \"radar\", \"name\": \"Port One\", \"height_m\": \"tall\", \"range_km\": 300", GT_E_SCHEMA, "7:85: features[5].properties.height_m: expected a number, got a string");
	expect_geojson(MINI_LINE, LINE_AS("[]"), GT_E_GEOMETRY, "3:175: features[1].geometry.coordinates: the line of contact has 0 positions; expected at least 2");
	expect_geojson(MINI_LINE, LINE_AS("[[0.2, 0], \"x\"]"), GT_E_SCHEMA, "3:186: features[1].geometry.coordinates[1]: expected a position [longitude, latitude], got a string");
	expect_geojson("[[[0, -1], [2, -1], [2, 1], [0, 1], [0, -1]]]",
		       "[[[0, -1], [2, 1], [2, -1], [0, 1], [0, -1]]]", GT_E_GEOMETRY, "2:104: features[0].geometry: the outline is not a valid polygon: Self-intersection near [1.0000, 0.0000]");
	expect_geojson("[[[0, -1], [2, -1], [2, 1], [0, 1], [0, -1]]]",
		       "[[[0, -1], [2, -1], [2, 1], [0, 1], [0, -0.5]]]", GT_E_GEOMETRY, "2:140: features[0].geometry.coordinates[0]: linear ring is not closed; its last position must repeat its first [0, -1]");
	expect_geojson("\"kind\": \"outline\"", "\"kind\": \"coast\"", GT_E_SCHEMA, "2:44: features[0].properties.kind: expected a kind (one of: outline, line_of_contact, city, air_base, port, radar, neighbour, occupied), got coast");
	expect_geojson("[0.5, 0.5]", "[0.5, 5]", GT_E_GEOMETRY, "4:154: features[2].geometry.coordinates: city 'Alpha' of ZZ at [0.5000, 5.0000] lies 442 km outside its outline");
	expect_geojson("\"icao\": \"ZYAA\"", "\"icoa\": \"ZYAA\"", GT_E_SCHEMA, "6:35: features[4].properties: unknown property 'icoa'; expected kind, name, country, source, population, icao, as_of, approximate, places, note, height_m, range_km, reported_km, reported_as or role");
	expect_geojson("[\"West end\", \"\", \"East end\"]", "[\"West end\", \"\", \"West end\"]",
		       GT_E_SCHEMA,
		       "3:134: features[1].properties.places: entries 0 and 2 are both 'West end'; vertex names must be unique (use \"\" for unnamed vertices)");
	expect_geojson("\"icao\": \"ZYAA\"", "\"icao\": 42", GT_E_SCHEMA,
		       "6:101: features[4].properties.icao: expected text, got a number");
	expect_geojson("{\"type\": \"Feature\", \"properties\": {\"kind\": \"port\"",
		       "{\"type\": \"Feat\", \"properties\": {\"kind\": \"port\"", GT_E_SCHEMA,
		       "7:1: features[5]: expected a Feature (\"type\": \"Feature\") with \"properties\" and \"geometry\" objects");
	expect_geojson("\"population\": 100000}", "\"population\": 100000.5}", GT_E_SCHEMA, "4:100: features[2].properties.population: 100000.5 is not a whole number; expected a count of people");
	expect_geojson("\"name\": \"Beta\"", "\"name\": \"Alpha\"", GT_E_SCHEMA, "5:60: features[3].properties.name: 'Alpha' is already the name of features[2]; names must be unique among places of kind city");
	/* found by test_robustness: a missing member used to be dereferenced */
	expect_geojson("\"coordinates\": [0.5, 0.5]", "\"coords\": [0.5, 0.5]", GT_E_SCHEMA,
		       "4:121: features[2].geometry.coordinates: expected a position [longitude, "
		       "latitude], got nothing");
	expect_geojson("\"Polygon\"", "\"LineString\"", GT_E_SCHEMA, "2:113: features[0].geometry.type: the outline must be a Polygon or MultiPolygon, got 'LineString'");
}

/* Syntax errors carry jansson's line and column. */
static void geojson_syntax(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof(path), "%s/g.geojson", tmpdir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": }\n]}\n", f);
	fclose(f);
	char line[200];
	snprintf(line, sizeof(line), "geometry: %s", path);
	char *y = tu_replace(mini_yaml, "geometry: mini.geojson", line);
	struct gt_scenario *s = NULL;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_text(y, strlen(y), "s.yaml", NULL, &s, &err), GT_E_SYNTAX);
	free(y);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.column, 12);
	assert_string_equal(err.msg, "not valid JSON: unexpected token near '}'");
}

/* The monitoring section (docs/monitor.md, "The agreement"). */
static void monitoring_errors(void **state)
{
	(void)state;
	expect_yaml("day_ends: \"18:00\"", "day_ends: \"18:60\"", GT_E_SCHEMA,
	            "s.yaml:69:13: monitoring.day_ends: expected a time of day in UTC as "
	            "\"HH:MM\" (quoted), like \"17:30\"");
	expect_yaml("right: south", "right: north", GT_E_SCHEMA,
	            "s.yaml:67:31: monitoring.sides.right: the two sides need different names");
	expect_yaml("event: explosion, weapons", "event: mine, weapons", GT_E_SCHEMA,
	            "s.yaml:73:103: monitoring.thresholds[0].weapons: weapons are counted for "
	            "explosions only; this threshold counts mine");
	expect_yaml("weapons: [artillery, mortar]", "weapons: [artillery, howitzer]", GT_E_SCHEMA,
	            "s.yaml:73:120: monitoring.thresholds[0].weapons[1]: expected a weapon class "
	            "(one of: none, undetermined, mortar, artillery, mlrs, tank, grenade), got "
	            "'howitzer'");
	expect_yaml("more_than: 10,", "more_than: 10.5,", GT_E_RANGE,
	            "s.yaml:73:140: monitoring.thresholds[0].more_than: expected a whole number of "
	            "explosions, events or items");
	expect_yaml("per: line, grade: B", "per: line, grade: D", GT_E_SCHEMA,
	            "s.yaml:74:151: monitoring.thresholds[1].grade: expected the least confidence "
	            "grade counted (one of: A, B, C), got 'D'");
	expect_yaml("{name: armour,", "{name: shelling,", GT_E_SCHEMA,
	            "s.yaml:74:7: monitoring.thresholds[1]: threshold 'shelling' is named twice");
	expect_yaml("voters: [ZZ]", "voters: [ZZ, YY]", GT_E_SCHEMA,
	            "s.yaml:78:64: monitoring.decision.voters[1]: YY is not a member of the "
	            "coalition");
	expect_yaml("rule: unanimity, deadline_hours: 48", "rule: lead_nation, deadline_hours: 48",
	            GT_E_SCHEMA,
	            "s.yaml:78:13: monitoring.decision: lead_nation needs a lead: one of the voters");
	expect_yaml("rule: unanimity, deadline_hours: 48",
	            "rule: unanimity, quorum: 0.5, deadline_hours: 48", GT_E_SCHEMA,
	            "s.yaml:78:39: monitoring.decision.quorum: a quorum belongs to "
	            "qualified_majority only");
	expect_yaml("  ladder:\n    - {name: protest, text: \"formal protest\"}\n"
	            "    - {name: fire, text: \"return fire\"}\n",
	            "  ladder: []\n", GT_E_SCHEMA,
	            "s.yaml:75:11: monitoring.ladder: expected at least one entry");
	expect_yaml("start: 2026-01-01", "start: 2026-02-30", GT_E_SCHEMA,
	            "s.yaml:68:10: monitoring.start: expected a day as YYYY-MM-DD, like 2026-01-01");
	expect_yaml("  start: 2026-01-01\n", "", GT_E_SCHEMA,
	            "s.yaml:67:3: monitoring: missing required field 'start'");
	expect_yaml("review_count_above: 300", "review_count_above: 0", GT_E_RANGE,
	            "s.yaml:70:23: monitoring.review_count_above: 0 is out of range; expected a "
	            "number from 1 to 1000000");
	expect_yaml("window_minutes: 30", "window_minutes: -1", GT_E_RANGE,
	            "s.yaml:71:33: monitoring.correlation.window_minutes: -1 is out of range; "
	            "expected a number from 0 to 1440");
}

/* A message cut short keeps whole characters (JSON takes only UTF-8). */
static void utf8_fit(void **state)
{
	(void)state;
	char s[16];
	snprintf(s, sizeof(s), "%s", "ab\xd0\xba\xd0"); /* "abк" and a lone lead byte */
	gt_err_utf8_fit(s);
	assert_string_equal(s, "ab\xd0\xba");
	snprintf(s, sizeof(s), "%s", "x\xe2\x82"); /* two of the euro sign's three bytes */
	gt_err_utf8_fit(s);
	assert_string_equal(s, "x");
	snprintf(s, sizeof(s), "%s", "x\xe2\x82\xac");
	gt_err_utf8_fit(s);
	assert_string_equal(s, "x\xe2\x82\xac");
	struct gt_err err;
	char team[800];
	memset(team, 0, sizeof(team));
	for (size_t i = 0; i + 2 < sizeof(team); i += 2)
		memcpy(team + i, "\xd0\xba", 2);
	/* cut at 767 bytes, in the middle of a character: back to 766 */
	gt_err_set(&err, GT_E_SCHEMA, NULL, 0, 0, NULL, "xy%s", team);
	assert_int_equal(strlen(err.msg), 766);
	assert_int_equal((unsigned char)err.msg[strlen(err.msg) - 1], 0xba);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yaml_syntax),     cmocka_unit_test(unknown_keys),
		cmocka_unit_test(wrong_types),     cmocka_unit_test(out_of_range),
		cmocka_unit_test(missing_and_inconsistent), cmocka_unit_test(manual_gaps),
		cmocka_unit_test(geometry_errors),
		cmocka_unit_test(geojson_syntax),
		cmocka_unit_test(monitoring_errors),
		cmocka_unit_test(utf8_fit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
