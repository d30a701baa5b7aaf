/* pipeline.c: the commands' one way into the library's pipeline
 * (guarantor/plan.h): run it, report its errors as the commands do, and
 * lay out its results as the renderers read them. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guarantor/plan.h"
#include "guarantor/render.h"

int gt_cli_plan_run(const char *cmd, const struct gt_scenario *s,
                    const struct gt_plan_settings *set, struct gt_plan **out)
{
	struct gt_err err;
	if (gt_plan_run(s, set, out, &err) == GT_OK)
		return GT_EXIT_OK;
	return gt_cli_plan_fail(cmd, s, &err);
}

int gt_cli_plan_fail(const char *cmd, const struct gt_scenario *s, struct gt_err *err)
{
	/* the caller's choices (an option, a resolution) are usage errors */
	if (err->status == GT_E_USAGE && !err->file[0] &&
	    (strcmp(err->path, "option") == 0 || strcmp(err->path, "resolution") == 0))
		return gt_cli_usage(cmd, "%s", err->msg);
	if (strcmp(err->path, "resolution") == 0)
		return gt_cli_fail(err);
	return gt_cli_fail_in(s, err);
}

int gt_cli_plan_partial(const struct gt_scenario *s, const struct gt_plan *p, int rc)
{
	if (rc != GT_EXIT_OK || !p || !p->sizing || p->sizing->ninfeasible == 0)
		return rc;
	for (size_t i = 0; i < p->sizing->ninfeasible; i++) {
		const struct gt_sizing_infeasible *inf = &p->sizing->infeasible[i];
		fprintf(stderr, "guarantor: %s: %s%soption '%s' cannot be planned: %s\n", s->file,
		        inf->why.path, inf->why.path[0] ? ": " : "", inf->option->name, inf->why.msg);
	}
	return GT_EXIT_PARTIAL;
}

bool gt_cli_basis_parse(const char *text, enum gt_sim_basis *out)
{
	for (int b = 0; b < 2; b++) {
		if (strcmp(text, gt_sim_basis_name((enum gt_sim_basis)b)) == 0) {
			*out = (enum gt_sim_basis)b;
			return true;
		}
	}
	return false;
}

void gt_cli_plan_view_fini(struct gt_cli_plan_view *v)
{
	free(v->forcegen);
	free(v->air);
	free(v->options);
	free(v->other);
	free(v->raised);
	memset(v, 0, sizeof(*v));
}

int gt_cli_plan_view(const struct gt_plan *p, struct gt_cli_plan_view *v)
{
	size_t n = p->noptions;
	memset(v, 0, sizeof(*v));
	v->forcegen = calloc(n + 1, sizeof(*v->forcegen));
	v->air = calloc(n + 1, sizeof(*v->air));
	v->options = calloc(n + 1, sizeof(*v->options));
	v->other = calloc(n + 1, sizeof(*v->other));
	v->raised = calloc(n + 1, sizeof(*v->raised));
	if (!v->forcegen || !v->air || !v->options || !v->other || !v->raised) {
		gt_cli_plan_view_fini(v);
		fprintf(stderr, "guarantor: out of memory\n");
		return GT_EXIT_FAILURE;
	}
	enum gt_sim_basis shown = p->settings.basis, other = !shown;
	bool simulated = n > 0 && p->options[0].sim[shown].days > 0;
	for (size_t i = 0; i < n; i++) {
		const struct gt_plan_option *po = &p->options[i];
		if (po->forcegen)
			v->forcegen[v->nforcegen++] = po->forcegen;
		if (po->air_plan)
			v->air[v->nair++] = (struct gt_air_result){p->scenario, po->air_plan, po->air};
		v->raised[i] = po->raised;
		v->options[i] = (struct gt_sim_report){&po->sim_in[shown], &po->sim[shown], NULL};
		v->other[i] = (struct gt_sim_report){&po->sim_in[other], &po->sim[other], NULL};
	}
	v->baseline = (struct gt_sim_report){&p->baseline_in, &p->baseline, NULL};
	v->sim = (struct gt_sim_results){
		.options = v->options,
		.n = n,
		.other = p->settings.both_bases ? v->other : NULL,
		.baseline = p->baseline.days > 0 ? &v->baseline : NULL,
		.years = p->settings.years,
		.seed = (uint64_t)p->settings.seed,
	};
	v->results = (struct gt_results){
		.sizing = p->sizing,
		.forcegen = (const struct gt_forcegen *const *)v->forcegen,
		.nforcegen = v->nforcegen,
		.air = v->air,
		.nair = v->nair,
		.sim = simulated ? &v->sim : NULL,
		.raised = v->nforcegen ? v->raised : NULL,
	};
	return GT_EXIT_OK;
}
