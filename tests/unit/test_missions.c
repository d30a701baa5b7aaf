/* test_missions.c: the historical missions CSV reader: column order,
 * unknown columns, quoting, BOM and CRLF, and every row error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "guarantor/missions.h"

static struct gt_missions *load_ok(const char *csv)
{
	struct gt_missions *m = NULL;
	struct gt_err err;
	if (gt_missions_load_text(csv, strlen(csv), "m.csv", &m, &err) != GT_OK) {
		char buf[1400];
		fail_msg("load failed: %s", gt_err_format(&err, buf, sizeof(buf)));
	}
	return m;
}

static const char *load_error(const char *csv, enum gt_status want)
{
	static char buf[1400];
	struct gt_missions *m = NULL;
	struct gt_err err;
	enum gt_status st = gt_missions_load_text(csv, strlen(csv), "m.csv", &m, &err);
	gt_missions_free(m);
	assert_int_equal(st, want);
	return gt_err_format(&err, buf, sizeof(buf));
}

static void any_order_and_unknown_columns(void **state)
{
	(void)state;
	struct gt_missions *m =
		load_ok("\xEF\xBB\xBFtroops,name,posture,colour,line_km,threat,start_year,source\r\n"
			"4440,\"UNFICYP, Cyprus\",buffer,blue,180,high,1974,\"https://a | https://b\"\r\n"
			"740,OSCE,observer,,427,high,2019,\"multi\nline\"\r\n");
	assert_int_equal(m->n, 2);
	assert_string_equal(m->items[0].name, "UNFICYP, Cyprus");
	assert_true(m->items[0].troops == 4440);
	assert_int_equal(m->items[0].posture, GT_POSTURE_BUFFER);
	assert_int_equal(m->items[0].terrain, GT_TERRAIN_MIXED);
	assert_false(m->items[0].terrain_given);
	assert_int_equal(m->items[1].row, 3);
	assert_string_equal(m->items[1].source, "multi\nline");
	assert_int_equal(m->nwarnings, 1);
	assert_string_equal(m->warnings[0], "m.csv: column 'colour' is not used and was ignored");
	gt_missions_free(m);
}

#define HEADER "name,start_year,troops,line_km,posture,threat,source,population,terrain\n"

static void row_errors(void **state)
{
	(void)state;
	assert_string_equal(load_error(HEADER "A,1990,1,000,10,line,low,s,,\n", GT_E_SCHEMA),
			    "m.csv:2: row 2: 10 fields; expected 9 as in the header");
	assert_string_equal(load_error(HEADER "A,1990,many,10,line,low,s,,\n", GT_E_SCHEMA),
			    "m.csv:2: row 2, column 'troops': 'many'; expected a number of troops from 1 to 10000000 (no commas)");
	assert_string_equal(load_error(HEADER "A,1990,100,10,line,low,s,,\nB,1990,100,0,line,low,"
					      "s,,\n",
					      GT_E_SCHEMA),
			    "m.csv:3: row 3, column 'line_km': '0'; expected a length in km above 0 and at most 50000");
	assert_string_equal(load_error(HEADER "A,1990,1e300,10,line,low,s,,\n", GT_E_SCHEMA),
			    "m.csv:2: row 2, column 'troops': '1e300'; expected a number of troops from 1 to 10000000 (no commas)");
	assert_string_equal(load_error(HEADER "Montr\xe9" "al,1990,100,10,line,low,s,,\n", GT_E_SCHEMA),
			    "m.csv:2: row 2, column 'name': not valid UTF-8 at byte 6; save the file as UTF-8");
	assert_string_equal(load_error(HEADER "A,1990,100,10,wall,low,s,,\n", GT_E_SCHEMA),
			    "m.csv:2: row 2, column 'posture': 'wall'; expected observer, buffer, line, depth or stabilisation");
	assert_string_equal(load_error(HEADER "A,1990,100,10,line,severe,s,,\n", GT_E_SCHEMA),
			    "m.csv:2: row 2, column 'threat': 'severe'; expected low, medium or high");
	assert_string_equal(load_error(HEADER "A,1990,100,10,line,low,,,\n", GT_E_SCHEMA),
			    "m.csv:2: row 2, column 'source': empty; every mission needs a source for its figures");
	assert_string_equal(load_error(HEADER "A,90,100,10,line,low,s,,\n", GT_E_SCHEMA),
			    "m.csv:2: row 2, column 'start_year': '90'; expected a year from 1900 to 2100");
	assert_string_equal(load_error(HEADER "A,1990,100,10,stabilisation,low,s,,\n", GT_E_SCHEMA),
			    "m.csv:2: row 2, column 'population': empty, but posture 'stabilisation' is sized by population; give the population the mission secured");
	assert_string_equal(load_error(HEADER "A,1990,100,10,line,low,s,,swamp\n", GT_E_SCHEMA),
			    "m.csv:2: row 2, column 'terrain': 'swamp'; expected open, mixed, forest, urban, river, mountain or empty");
	assert_string_equal(load_error(HEADER "A,1990,100,10,line,low,s,,\nA,1991,100,10,line,low,"
					      "s,,\n",
					      GT_E_SCHEMA),
			    "m.csv:3: row 3: mission 'A' also appears in row 2");
	assert_string_equal(load_error("name,start_year,troops,line_km,posture,source\nA,1990,1,1,"
				       "line,s\n",
				       GT_E_SCHEMA),
			    "m.csv:1: row 1: missing required column 'threat'; required: name, start_year, troops, line_km, posture, threat, source");
	assert_string_equal(load_error(HEADER, GT_E_SCHEMA),
			    "m.csv: expected a header row and at least one mission");
	assert_string_equal(load_error(HEADER "\"A,1990,100,10,line,low,s,,\n", GT_E_SYNTAX),
			    "m.csv:3: not valid CSV: a quoted field is still open at the end of the file (after row 1)");
}

/* Records spanning lines: errors give the line the record starts on, and
 * syntax errors the line and column of the offending byte. */
static void line_numbers(void **state)
{
	(void)state;
	assert_string_equal(load_error(HEADER "A,1990,100,10,line,low,\"two\nlines\",,\n"
					      "B,1990,100,-1,line,low,s,,\n",
				       GT_E_SCHEMA),
			    "m.csv:4: row 3, column 'line_km': '-1'; expected a length in km above 0 "
			    "and at most 50000");
	assert_string_equal(load_error(HEADER "A,1990,100,10,line,low,s\"x,,\n", GT_E_SYNTAX),
			    "m.csv:2:25: not valid CSV: error parsing data while strict checking "
			    "enabled (a quote inside a field must be doubled, and a quoted field must "
			    "end at a comma or line end)");
}

static void file_errors(void **state)
{
	(void)state;
	struct gt_missions *m;
	struct gt_err err;
	assert_int_equal(gt_missions_load_file("/nonexistent/m.csv", &m, &err), GT_E_IO);
	assert_null(m);
	char buf[600];
	assert_string_equal(gt_err_format(&err, buf, sizeof(buf)),
			    "/nonexistent/m.csv: cannot open: No such file or directory");
}

static void builtin_file(void **state)
{
	(void)state;
	size_t len;
	const char *csv = gt_missions_builtin_csv(&len);
	struct gt_missions *m = NULL;
	struct gt_err err;
	assert_int_equal(gt_missions_load_text(csv, len, "missions.csv", &m, &err), GT_OK);
	assert_true(m->n >= 12);
	for (size_t i = 0; i < m->n; i++) {
		assert_true(strlen(m->items[i].source) > 8);
		assert_true(m->items[i].troops >= 1);
	}
	gt_missions_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(any_order_and_unknown_columns),
		cmocka_unit_test(row_errors),
		cmocka_unit_test(line_numbers),
		cmocka_unit_test(file_errors),
		cmocka_unit_test(builtin_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
