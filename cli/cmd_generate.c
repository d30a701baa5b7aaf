/* cmd_generate.c: `guarantor generate`, force generation: who supplies
 * what, under national caveats, with the gaps explained. */
#include "cli.h"

#include "guarantor/plan.h"

#include <stdlib.h>
#include <string.h>

#include "guarantor/forcegen.h"
#include "guarantor/render.h"
#include "guarantor/sizing.h"

static const char help[] =
	"Usage: guarantor generate [--scenario FILE] [--option NAME] [--format table|json|csv]\n"
	"                          [--without CODE]... [--lift CODE[:CAVEAT]]...\n"
	"                          [--cap CODE:UNIT=N]... [--time-limit SECONDS]\n\n"
	"Matches what each coalition member can sustain, under its national caveats, to the\n"
	"roles each option needs (every sector's line, every garrison, the reserve, enablers,\n"
	"air patrols, AEW, the naval task group, training, monitoring). A mixed-integer\n"
	"programme (GLPK) minimises first the weighted shortfall, then unfair burden\n"
	"sharing, then the nations per sector (docs/model-forcegen.md). Prints the solver's\n"
	"status and gap, the allocation by role and by member, and why each gap exists.\n\n"
	"Options:\n"
	"  -s, --scenario FILE     scenario YAML (default: the built-in " GT_SCENARIO_DEFAULT ")\n"
	"  -O, --option NAME       one option (default: every option)\n"
	"  -f, --format FORMAT     table (default), json or csv (one row per allocation)\n"
	"  -w, --without CODE      drop a member, e.g. --without DE (repeatable)\n"
	"  -l, --lift CODE[:CAVEAT] lift one caveat of a member (min_km_from_line, only_in,\n"
	"                          only_under, max_role_share), or all of them\n"
	"  -c, --cap CODE:UNIT=N   set what a member can sustain, e.g. --cap GB:companies=60;\n"
	"                          units: companies, fighters, aew, tankers, ships, trainers,\n"
	"                          monitors\n"
	"  -t, --time-limit S      solver time for each option, seconds (default 30); the best\n"
	"                          solution found is reported with its gap\n"
	"  -h, --help              show this help\n";

static int parse_changes(const struct gt_cli_opts *o, struct gt_fg_change *ch, size_t *n,
                         char store[][64])
{
	*n = 0;
	for (int i = 0; i < o->nwithout; i++) {
		struct gt_fg_change *c = &ch[(*n)++];
		memset(c, 0, sizeof(*c));
		if (strlen(o->without[i]) != 2)
			return gt_cli_usage("generate", "--without '%s': expected a member code such as DE",
			                    o->without[i]);
		memcpy(c->code, o->without[i], 3);
		c->kind = GT_FG_WITHOUT;
	}
	for (int i = 0; i < o->nlift; i++) {
		struct gt_fg_change *c = &ch[(*n)++];
		memset(c, 0, sizeof(*c));
		const char *a = o->lift[i];
		if (strlen(a) < 2 || (a[2] != '\0' && a[2] != ':'))
			return gt_cli_usage("generate",
			                    "--lift '%s': expected CODE or CODE:CAVEAT, e.g. FR:min_km_from_line",
			                    a);
		memcpy(c->code, a, 2);
		c->kind = GT_FG_LIFT;
		c->what = a[2] == ':' ? a + 3 : NULL;
	}
	for (int i = 0; i < o->ncap; i++) {
		struct gt_fg_change *c = &ch[(*n)++];
		memset(c, 0, sizeof(*c));
		const char *a = o->cap[i];
		const char *eq = strchr(a, '=');
		char *end;
		if (strlen(a) < 5 || a[2] != ':' || !eq)
			return gt_cli_usage("generate", "--cap '%s': expected CODE:UNIT=N, e.g. GB:companies=60",
			                    a);
		memcpy(c->code, a, 2);
		c->kind = GT_FG_CAP;
		snprintf(store[i], 64, "%.*s", (int)(eq - (a + 3)), a + 3);
		int u = 0;
		while (u < GT_UNIT_COUNT && strcmp(gt_unit_name((enum gt_unit)u), store[i]) != 0)
			u++;
		if (u == GT_UNIT_COUNT)
			return gt_cli_usage("generate", "--cap '%s': unknown unit '%s'; expected companies, "
			                                "fighters, aew, tankers, ships, trainers or monitors",
			                    a, store[i]);
		c->unit = (enum gt_unit)u;
		c->value = strtol(eq + 1, &end, 10);
		if (*end || eq[1] == '\0' || c->value < 0 || c->value > 1000000)
			return gt_cli_usage("generate", "--cap '%s': expected a whole number from 0 to "
			                                "1000000 after '='",
			                    a);
	}
	return GT_EXIT_OK;
}

static int run(int argc, char **argv)
{
	struct gt_cli_opts o;
	int rc = gt_cli_parse("generate", argc, argv, "sfOwlct", 0, &o);
	if (rc != GT_EXIT_OK)
		return rc;
	if (o.format == GT_FORMAT_MD)
		return gt_cli_usage("generate", "format 'md' is not available here; expected table, "
		                                "json or csv");
	struct gt_fg_change changes[3 * 64];
	char capunits[64][64];
	size_t nchanges;
	if ((rc = parse_changes(&o, changes, &nchanges, capunits)) != GT_EXIT_OK)
		return rc;
	struct gt_scenario *s;
	if ((rc = gt_cli_load_scenario(o.scenario, &s)) != GT_EXIT_OK)
		return rc;
	struct gt_err err;
	if (gt_forcegen_check(s, &err) != GT_OK) {
		gt_scenario_free(s);
		return gt_cli_fail(&err);
	}
	struct gt_fg_settings fgset = {.time_limit_s = o.time_limit, .changes = changes,
	                               .nchanges = nchanges};
	struct gt_plan_settings set = {.stages = GT_PLAN_FORCEGEN, .option = o.option,
	                               .forcegen = &fgset};
	struct gt_plan *pl = NULL;
	struct gt_cli_plan_view v = {0};
	if ((rc = gt_cli_plan_run("generate", s, &set, &pl)) == GT_EXIT_OK &&
	    (rc = gt_cli_plan_view(pl, &v)) == GT_EXIT_OK &&
	    gt_render_forcegen(stdout, v.forcegen, v.nforcegen, o.format) != GT_OK) {
		fprintf(stderr, "guarantor: cannot write to standard output\n");
		rc = GT_EXIT_FAILURE;
	}
	rc = gt_cli_plan_partial(s, pl, rc);
	gt_cli_plan_view_fini(&v);
	gt_plan_free(pl);
	gt_scenario_free(s);
	return rc;
}

const struct gt_cmd gt_cmd_generate = {
	.name = "generate",
	.summary = "match coalition offers to each option's roles; explain the gaps",
	.help = help,
	.run = run,
};
