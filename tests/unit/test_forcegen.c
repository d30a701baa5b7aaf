/* test_forcegen.c: force generation on instances solved by hand
 * (tests/data/fg.yaml), the "what if" changes, and invariants checked over
 * random coalitions: no caveat broken, no member over what it can sustain,
 * shortfall = required - allocated, a lead nation holding its share. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "guarantor/forcegen.h"
#include "testutil.h"

struct run {
	struct gt_scenario *s;
	struct gt_sizing *sz;
	struct gt_forcegen *fg;
};

static void run_text(const char *yaml, const struct gt_fg_settings *set, struct run *r)
{
	struct gt_err err;
	char buf[1400];
	if (gt_scenario_load_text(yaml, strlen(yaml), "fg.yaml", GT_TEST_DATA, &r->s, &err) != GT_OK)
		fail_msg("load: %s", gt_err_format(&err, buf, sizeof(buf)));
	assert_int_equal(gt_sizing_run(r->s, &r->sz, &err), GT_OK);
	if (gt_forcegen_run(r->s, &r->sz->options[0], set, &r->fg, &err) != GT_OK)
		fail_msg("forcegen: %s", gt_err_format(&err, buf, sizeof(buf)));
}

static void run_free(struct run *r)
{
	gt_forcegen_free(r->fg);
	gt_sizing_free(r->sz);
	gt_scenario_free(r->s);
}

static long units_of(const struct gt_forcegen *fg, const char *code, const char *role)
{
	long n = 0;
	for (size_t a = 0; a < fg->nallocs; a++)
		if (strcmp(fg->members[fg->allocs[a].member].member->code, code) == 0 &&
		    strcmp(fg->roles[fg->allocs[a].role].name, role) == 0)
			n += fg->allocs[a].units;
	return n;
}

static const struct gt_fg_role *role(const struct gt_forcegen *fg, const char *name)
{
	for (size_t r = 0; r < fg->nroles; r++)
		if (strcmp(fg->roles[r].name, name) == 0)
			return &fg->roles[r];
	fail_msg("no role %s", name);
	return NULL;
}

/* Instance A. S1 needs 7 companies, S2 23. Only AA (20) and BB (5) may
 * serve on the line (DD keeps 5 km away; EE flies), so 5 companies are
 * short. The weighted relative shortfall s1/7 + s2/23 is least with all 5
 * short in S2: 5/23. Every company is used either way, so burden shares
 * are AA 80%, BB 20% = their weights; and any arrangement needs 3
 * nation-sector pairs. */
static void instance_a(void **state)
{
	(void)state;
	char *yaml = tu_read("fg.yaml");
	struct run r;
	run_text(yaml, NULL, &r);
	const struct gt_forcegen *fg = r.fg;
	assert_string_equal(fg->status, "optimal");
	assert_int_equal(fg->nroles, 2);
	assert_int_equal(role(fg, "S1")->required, 7);
	assert_int_equal(role(fg, "S2")->required, 23);
	assert_int_equal(role(fg, "S1")->shortfall, 0);
	assert_int_equal(role(fg, "S2")->shortfall, 5);
	assert_true(fabs(fg->objective[0] - 5.0 / 23.0) < 1e-6);
	assert_true(fabs(fg->objective[2] - 3) < 1e-6);
	assert_int_equal(fg->shortfall_people, 500);
	assert_int_equal(units_of(fg, "AA", "S1") + units_of(fg, "AA", "S2"), 20);
	assert_int_equal(units_of(fg, "BB", "S1") + units_of(fg, "BB", "S2"), 5);
	assert_int_equal(units_of(fg, "DD", "S1") + units_of(fg, "DD", "S2"), 0);
	assert_null(role(fg, "S1")->why);
	const char *why = role(fg, "S2")->why;
	assert_non_null(why);
	assert_non_null(strstr(why, "S2: short 5 of 23 companies (500 people)"));
	assert_non_null(strstr(why, "all with every one of their companies in use: AA, BB"));
	assert_non_null(strstr(why, "Will not serve this close to the line (the role is on the line): DD"));
	run_free(&r);
	free(yaml);
}

/* Instance B: CC (10 companies) serves only under BB. With BB leading S1
 * (BB 4 >= half of 7, CC 3) and AA leading S2 (AA 20, BB 1), only 2 are
 * short, in S2: 2/23. Filling S2 instead leaves S1 with BB unable to lead
 * (BB 2 < 3.5): worse. */
static void instance_b_only_under(void **state)
{
	(void)state;
	char *yaml = tu_read("fg.yaml");
	char *y = tu_replace(yaml, "    - {code: EE,",
	                     "    - {code: CC, name: Cland, weight: 10, domains: [land], sustain: "
	                     "{companies: 10},\n       caveats: {only_under: [BB]}}\n    - {code: EE,");
	struct run r;
	run_text(y, NULL, &r);
	const struct gt_forcegen *fg = r.fg;
	assert_true(fabs(fg->objective[0] - 2.0 / 23.0) < 1e-6);
	assert_int_equal(role(fg, "S2")->shortfall, 2);
	assert_int_equal(units_of(fg, "BB", "S1"), 4);
	assert_int_equal(units_of(fg, "CC", "S1"), 3);
	assert_int_equal(units_of(fg, "CC", "S2"), 0);
	assert_string_equal(fg->members[role(fg, "S1")->lead].member->code, "BB");
	assert_string_equal(fg->members[role(fg, "S2")->lead].member->code, "AA");
	run_free(&r);
	free(y);
	free(yaml);
}

static void what_if(void **state)
{
	(void)state;
	char *yaml = tu_read("fg.yaml");
	struct run r;
	/* lifting DD's distance caveat fills both sectors */
	struct gt_fg_change lift = {.code = "DD", .kind = GT_FG_LIFT, .what = "min_km_from_line"};
	struct gt_fg_settings set = {.changes = &lift, .nchanges = 1};
	run_text(yaml, &set, &r);
	assert_int_equal(r.fg->shortfall_people, 0);
	run_free(&r);
	/* without AA, BB's 5 go to S1 (2/7 + 23/23 beats 7/7 + 18/23) */
	struct gt_fg_change without = {.code = "AA", .kind = GT_FG_WITHOUT};
	set.changes = &without;
	run_text(yaml, &set, &r);
	assert_int_equal(role(r.fg, "S1")->allocated, 5);
	assert_int_equal(role(r.fg, "S2")->allocated, 0);
	assert_true(r.fg->members[0].excluded);
	assert_non_null(strstr(role(r.fg, "S2")->why, "Dropped for this run: AA"));
	run_free(&r);
	/* raising AA's cap to 25 fills both */
	struct gt_fg_change cap = {.code = "AA", .kind = GT_FG_CAP, .unit = GT_UNIT_COMPANIES,
	                           .value = 25};
	set.changes = &cap;
	run_text(yaml, &set, &r);
	assert_int_equal(r.fg->shortfall_people, 0);
	run_free(&r);
	/* bad changes are errors */
	struct gt_scenario *s;
	struct gt_sizing *sz;
	struct gt_forcegen *fg;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_text(yaml, strlen(yaml), "fg.yaml", GT_TEST_DATA, &s, &err),
	                 GT_OK);
	assert_int_equal(gt_sizing_run(s, &sz, &err), GT_OK);
	struct gt_fg_change bad = {.code = "ZZ", .kind = GT_FG_WITHOUT};
	set.changes = &bad;
	assert_int_equal(gt_forcegen_run(s, &sz->options[0], &set, &fg, &err), GT_E_USAGE);
	assert_string_equal(err.msg, "ZZ is not a member of the coalition");
	struct gt_fg_change badcap = {.code = "EE", .kind = GT_FG_CAP, .unit = GT_UNIT_SHIPS,
	                              .value = 3};
	set.changes = &badcap;
	assert_int_equal(gt_forcegen_run(s, &sz->options[0], &set, &fg, &err), GT_E_USAGE);
	gt_sizing_free(sz);
	gt_scenario_free(s);
	free(yaml);
}

static uint64_t rng = 0x2545F4914F6CDD1Du;
static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Invariants every solution must keep, whatever the instance. */
static void check_invariants(const struct gt_forcegen *fg)
{
	const struct gt_forcegen_params *fp = &fg->scenario->forcegen;
	long used[16][GT_UNIT_COUNT] = {{0}};
	for (size_t r = 0; r < fg->nroles; r++) {
		const struct gt_fg_role *ro = &fg->roles[r];
		assert_int_equal(ro->allocated + ro->shortfall, ro->required);
		assert_true(ro->shortfall >= 0);
		bool sector = ro->kind == GT_ROLE_LINE || ro->kind == GT_ROLE_GARRISON;
		if (sector && ro->allocated > 0) {
			assert_true(ro->lead >= 0);
			assert_true(ro->nations <= fp->max_nations);
			long lead_units = 0;
			for (size_t a = 0; a < fg->nallocs; a++)
				if (fg->allocs[a].role == (int)r && fg->allocs[a].member == ro->lead)
					lead_units = fg->allocs[a].units;
			assert_true((double)lead_units >= fp->lead_share * (double)ro->allocated - 1e-6);
			assert_true(fg->members[ro->lead].member->leads);
		}
		if (ro->shortfall > 0)
			assert_non_null(ro->why);
	}
	for (size_t a = 0; a < fg->nallocs; a++) {
		const struct gt_fg_alloc *al = &fg->allocs[a];
		const struct gt_fg_role *ro = &fg->roles[al->role];
		const struct gt_member *m = fg->members[al->member].member;
		bool sector = ro->kind == GT_ROLE_LINE || ro->kind == GT_ROLE_GARRISON;
		assert_true(al->units > 0);
		assert_true(m->domains[gt_unit_domain(ro->unit)]);
		if (ro->unit == GT_UNIT_COMPANIES)
			assert_true(m->caveats.min_km_from_line <= ro->km_from_line);
		if (sector)
			assert_true((double)al->units <=
			            floor(m->caveats.max_role_share * (double)ro->required + 1e-9));
		if (sector && m->caveats.nonly_under > 0) {
			bool ok = false;
			for (size_t k = 0; k < m->caveats.nonly_under; k++)
				ok = ok || strcmp(m->caveats.only_under[k],
				                  fg->members[ro->lead].member->code) == 0;
			assert_true(ok);
		}
		used[al->member][ro->unit] += al->units;
	}
	for (size_t m = 0; m < fg->nmembers; m++)
		for (int u = 0; u < GT_UNIT_COUNT; u++)
			assert_true(used[m][u] <= fg->members[m].sustain[u]);
}

static void random_instances(void **state)
{
	(void)state;
	char *base = tu_read("fg.yaml");
	char *head = tu_replace(base, "  members:\n", "  members:\n@MEMBERS@");
	/* the base members are replaced by random ones; a garrison is added so
	 * that distance caveats have something to choose */
	char *h2 = tu_replace(head, "      sectors: all\n",
	                      "      sectors: all\n      garrisons:\n        - {city: Alpha, "
	                      "troops: 900}\n        - {city: Beta, troops: 400}\n");
	char *cut = strstr(h2, "@MEMBERS@");
	char *after = strstr(cut, "forcegen:");
	for (int it = 0; it < 60; it++) {
		char members[4096] = "";
		size_t used = 0;
		int n = 3 + (int)pick(8);
		for (int i = 0; i < n; i++) {
			char caveats[256] = "";
			if (pick(3) == 0)
				snprintf(caveats, sizeof(caveats), ", caveats: {min_km_from_line: %u}", pick(80));
			else if (pick(3) == 0 && i > 0)
				snprintf(caveats, sizeof(caveats), ", caveats: {only_under: [M%c]}",
				         'A' + pick((unsigned)i));
			else if (pick(3) == 0)
				snprintf(caveats, sizeof(caveats), ", caveats: {max_role_share: 0.%u}",
				         1 + pick(9));
			used += (size_t)snprintf(members + used, sizeof(members) - used,
			                         "    - {code: M%c, name: M%d, weight: %u, leads: %s, "
			                         "domains: [land], sustain: {companies: %u}%s}\n",
			                         'A' + i, i, 1 + pick(100), pick(2) ? "true" : "false",
			                         1 + pick(25), caveats);
		}
		size_t len = strlen(h2) + strlen(members) + 1;
		char *yaml = malloc(len);
		assert_non_null(yaml);
		snprintf(yaml, len, "%.*s%s\n%s", (int)(cut - h2), h2, members, after);
		struct run r;
		run_text(yaml, NULL, &r);
		check_invariants(r.fg);
		run_free(&r);
		free(yaml);
	}
	free(h2);
	free(head);
	free(base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(instance_a),
		cmocka_unit_test(instance_b_only_under),
		cmocka_unit_test(what_if),
		cmocka_unit_test(random_instances),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
