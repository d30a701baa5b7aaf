/* test_robustness.c: thousands of deterministic mutations of the mini
 * scenario, its geometry and a missions file (bytes flipped, deleted,
 * duplicated; lines cut). Each must load or fail with a message, never
 * crash or leak (the suite runs under ASan and UBSan). Not a substitute for
 * the fuzzing to come; a cheap net until then. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <unistd.h>

#include "guarantor/missions.h"
#include "guarantor/scenario.h"
#include "guarantor/sizing.h"
#include "testutil.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t next(void)
{
	/* xorshift64*: deterministic, so a failure replays */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717u;
}

/* A mutated copy of text (malloc'd, NUL-terminated). */
static char *mutate(const char *text)
{
	size_t n = strlen(text);
	char *out = malloc(2 * n + 2);
	assert_non_null(out);
	memcpy(out, text, n + 1);
	int edits = 1 + (int)(next() % 4);
	for (int e = 0; e < edits && n > 0; e++) {
		size_t at = next() % n;
		switch (next() % 5) {
		case 0: out[at] = (char)(next() % 256 ? next() % 256 : 1); break;
		case 1: /* delete a byte */
			memmove(out + at, out + at + 1, n - at);
			n--;
			break;
		case 2: { /* duplicate a run */
			size_t len = 1 + next() % 16;
			if (at + len > n)
				len = n - at;
			memmove(out + at + len, out + at, n - at + 1);
			n += len;
			break;
		}
		case 3: /* a structural character */
			out[at] = "{}[]:,\"'\n -#&*!|>"[next() % 17];
			break;
		case 4: /* cut the rest of the text */
			out[at] = '\0';
			n = at;
			break;
		}
	}
	out[n] = '\0';
	return out;
}

static void check_failure(enum gt_status st, const struct gt_err *err)
{
	if (st == GT_OK)
		return;
	assert_int_equal(err->status, st);
	assert_true(err->msg[0] != '\0');
}

static void yaml_mutations(void **state)
{
	(void)state;
	char *yaml = tu_read("mini.yaml");
	for (int i = 0; i < 3000; i++) {
		char *m = mutate(yaml);
		struct gt_scenario *s = NULL;
		struct gt_err err;
		enum gt_status st = gt_scenario_load_text(m, strlen(m), "m.yaml", GT_TEST_DATA, &s, &err);
		check_failure(st, &err);
		if (st == GT_OK) {
			struct gt_sizing *sz;
			assert_int_equal(gt_sizing_run(s, &sz, &err), GT_OK);
			gt_sizing_free(sz);
		}
		gt_scenario_free(s);
		free(m);
	}
	free(yaml);
}

static void geojson_mutations(void **state)
{
	(void)state;
	char *yaml = tu_read("mini.yaml");
	char *gj = tu_read("mini.geojson");
	char dir[] = "/tmp/gt-robust-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof(path), "%s/mini.geojson", dir);
	for (int i = 0; i < 2000; i++) {
		char *m = mutate(gj);
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(m, f);
		fclose(f);
		struct gt_scenario *s = NULL;
		struct gt_err err;
		enum gt_status st = gt_scenario_load_text(yaml, strlen(yaml), "m.yaml", dir, &s, &err);
		check_failure(st, &err);
		gt_scenario_free(s);
		free(m);
	}
	unlink(path);
	rmdir(dir);
	free(gj);
	free(yaml);
}

static void csv_mutations(void **state)
{
	(void)state;
	size_t len;
	const char *csv = gt_missions_builtin_csv(&len);
	struct gt_scenario *s;
	struct gt_err err;
	char path[1024];
	snprintf(path, sizeof(path), "%s/mini.yaml", GT_TEST_DATA);
	assert_int_equal(gt_scenario_load_file(path, &s, &err), GT_OK);
	for (int i = 0; i < 1000; i++) {
		char *m = mutate(csv);
		struct gt_missions *ms = NULL;
		enum gt_status st = gt_missions_load_text(m, strlen(m), "m.csv", &ms, &err);
		check_failure(st, &err);
		if (st == GT_OK) {
			struct gt_validation *v = NULL;
			check_failure(gt_validation_run(&s->doctrine, ms, &v, &err), &err);
			gt_validation_free(v);
		}
		gt_missions_free(ms);
		free(m);
	}
	gt_scenario_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yaml_mutations),
		cmocka_unit_test(geojson_mutations),
		cmocka_unit_test(csv_mutations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
