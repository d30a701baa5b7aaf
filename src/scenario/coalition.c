/* coalition.c: reads the coalition (members, what each can sustain, its
 * caveats) and the force-generation parameters. docs/scenario.md,
 * "coalition" and "forcegen". */
#include "scenario_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum gt_status read_caveats(struct yr *r, const yaml_node_t *n, const char *path,
                                   struct gt_caveats *c)
{
	static const char *const keys[] = {"min_km_from_line", "only_in", "only_under",
	                                   "max_role_share", NULL};
	char sub[YR_PATH_MAX];
	yaml_node_t *x;
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, path, keys)) != GT_OK ||
	    (st = gt__yr_opt_number(r, n, path, "min_km_from_line", 0, 2000,
	                            &c->min_km_from_line)) != GT_OK ||
	    (st = gt__yr_opt_number(r, n, path, "max_role_share", 0.01, 1, &c->max_role_share)) !=
	            GT_OK)
		return st;
	gt__yr_path_key(sub, path, "only_in");
	if ((x = gt__yr_get(r, n, "only_in")) &&
	    (st = gt__yr_strv(r, x, sub, false, &c->only_in, &c->nonly_in)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "only_under");
	if ((x = gt__yr_get(r, n, "only_under")) &&
	    (st = gt__yr_strv(r, x, sub, true, &c->only_under, &c->nonly_under)) != GT_OK)
		return st;
	return GT_OK;
}

static enum gt_status read_member(struct yr *r, const yaml_node_t *e, const char *path,
                                  const struct gt_doctrine *d, struct gt_member *mem)
{
	static const char *const keys[] = {"code",   "name",     "active_personnel",
	                                   "source", "weight",   "rotation",
	                                   "leads",  "domains",  "sustain",
	                                   "caveats", "basis",   "resolve",
	                                   "decision_days", NULL};
	char sub[YR_PATH_MAX];
	yaml_node_t *x;
	enum gt_status st;
	mem->caveats.max_role_share = 1;
	mem->resolve = -1;       /* not given: the simulation's default */
	mem->decision_days = -1;
	mem->rotation = d->rotation.ground;
	gt__yr_path_key(sub, path, "code");
	if ((st = gt__yr_expect_map(r, e, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, e, path, keys)) != GT_OK ||
	    (st = gt__yr_need(r, e, path, "code", &x)) != GT_OK ||
	    (st = gt__yr_iso2(r, x, sub, mem->code)) != GT_OK ||
	    (st = gt__yr_req_string(r, e, path, "name", &mem->name)) != GT_OK ||
	    (st = gt__yr_opt_string(r, e, path, "source", &mem->source)) != GT_OK ||
	    (st = gt__yr_opt_string(r, e, path, "basis", &mem->basis)) != GT_OK ||
	    (st = gt__yr_opt_number(r, e, path, "resolve", 0, 1, &mem->resolve)) != GT_OK ||
	    (st = gt__yr_opt_number(r, e, path, "decision_days", 0, 365, &mem->decision_days)) !=
	            GT_OK)
		return st;
	if ((x = gt__yr_get(r, e, "active_personnel"))) {
		gt__yr_path_key(sub, path, "active_personnel");
		if ((st = gt__yr_int(r, x, sub, 0, 100000000, &mem->active_personnel)) != GT_OK)
			return st;
	}
	mem->weight = (double)mem->active_personnel;
	if ((st = gt__yr_opt_number(r, e, path, "weight", 0, 1e12, &mem->weight)) != GT_OK ||
	    (st = gt__yr_opt_number(r, e, path, "rotation", 1, 20, &mem->rotation)) != GT_OK)
		return st;
	if ((x = gt__yr_get(r, e, "leads"))) {
		gt__yr_path_key(sub, path, "leads");
		if ((st = gt__yr_bool(r, x, sub, &mem->leads)) != GT_OK)
			return st;
	}
	if ((x = gt__yr_get(r, e, "domains"))) {
		gt__yr_path_key(sub, path, "domains");
		if ((st = gt__yr_expect_seq(r, x, sub)) != GT_OK)
			return st;
		for (size_t i = 0; i < gt__yr_seq_len(x); i++) {
			char item[YR_PATH_MAX];
			int dom;
			gt__yr_path_index(item, sub, i);
			if ((st = gt__yr_enum(r, gt__yr_seq_at(r, x, i), item, "a domain",
			                      gt__domain_names(), GT_DOMAIN_COUNT, &dom)) != GT_OK)
				return st;
			if (mem->domains[dom])
				return gt__yr_fail(r, gt__yr_seq_at(r, x, i), item, GT_E_SCHEMA,
				                   "'%s' is listed twice", gt_domain_name(dom));
			mem->domains[dom] = true;
		}
	}
	if ((x = gt__yr_get(r, e, "sustain"))) {
		gt__yr_path_key(sub, path, "sustain");
		if ((st = gt__yr_expect_map(r, x, sub)) != GT_OK ||
		    (st = gt__yr_check_keys(r, x, sub, gt__unit_names())) != GT_OK)
			return st;
		for (int u = 0; u < GT_UNIT_COUNT; u++) {
			yaml_node_t *v = gt__yr_get(r, x, gt__unit_names()[u]);
			char item[YR_PATH_MAX];
			if (!v)
				continue;
			gt__yr_path_key(item, sub, gt__unit_names()[u]);
			if ((st = gt__yr_int(r, v, item, 0, 1000000, &mem->sustain[u])) != GT_OK)
				return st;
			enum gt_domain dom = gt_unit_domain((enum gt_unit)u);
			if (mem->sustain[u] > 0 && !mem->domains[dom])
				return gt__yr_fail(r, v, item, GT_E_SCHEMA,
				                   "%s offered but '%s' is not among the member's domains; "
				                   "add it to domains or remove the offer",
				                   gt_unit_name((enum gt_unit)u), gt_domain_name(dom));
		}
	}
	if ((x = gt__yr_get(r, e, "caveats"))) {
		gt__yr_path_key(sub, path, "caveats");
		if ((st = read_caveats(r, x, sub, &mem->caveats)) != GT_OK)
			return st;
	}
	if (mem->leads && !mem->domains[GT_DOMAIN_LAND]) {
		gt__yr_path_key(sub, path, "leads");
		return gt__yr_fail(r, gt__yr_get(r, e, "leads"), sub, GT_E_SCHEMA,
		                   "a member that leads a sector needs 'land' among its domains");
	}
	return GT_OK;
}

enum gt_status gt__read_coalition(struct yr *r, const yaml_node_t *n, struct gt_scenario *s)
{
	static const char *const keys[] = {"members", NULL};
	yaml_node_t *m;
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, "coalition")) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, "coalition", keys)) != GT_OK ||
	    (st = gt__yr_need(r, n, "coalition", "members", &m)) != GT_OK ||
	    (st = gt__yr_expect_seq(r, m, "coalition.members")) != GT_OK)
		return st;
	size_t len = gt__yr_seq_len(m);
	s->members = calloc(len ? len : 1, sizeof(*s->members));
	if (!s->members)
		return GT_E_NOMEM;
	for (size_t i = 0; i < len; i++) {
		char path[YR_PATH_MAX];
		yaml_node_t *e = gt__yr_seq_at(r, m, i);
		s->nmembers = i + 1;
		gt__yr_path_index(path, "coalition.members", i);
		if ((st = read_member(r, e, path, &s->doctrine, &s->members[i])) != GT_OK)
			return st;
		for (size_t j = 0; j < i; j++) {
			if (strcmp(s->members[j].code, s->members[i].code) == 0) {
				char sub[YR_PATH_MAX];
				gt__yr_path_key(sub, path, "code");
				return gt__yr_fail(r, gt__yr_get(r, e, "code"), sub, GT_E_SCHEMA,
				                   "member %s is listed twice", s->members[i].code);
			}
		}
	}
	return GT_OK;
}

static bool is_member(const struct gt_scenario *s, const char *code)
{
	for (size_t i = 0; i < s->nmembers; i++)
		if (strcmp(s->members[i].code, code) == 0)
			return true;
	return false;
}

static bool is_land_place(const struct gt_scenario *s, const char *name)
{
	for (size_t i = 0; i < s->nsectors; i++)
		if (strcmp(s->sectors[i].name, name) == 0)
			return true;
	for (size_t i = 0; i < s->theatre.nplaces; i++)
		if (s->theatre.places[i].kind == GT_PLACE_CITY &&
		    strcmp(s->theatre.places[i].name, name) == 0)
			return true;
	return false;
}

enum gt_status gt__check_caveats(struct yr *r, const yaml_node_t *n, const struct gt_scenario *s)
{
	yaml_node_t *list = gt__yr_get(r, n, "members");
	for (size_t i = 0; i < s->nmembers; i++) {
		const struct gt_caveats *c = &s->members[i].caveats;
		yaml_node_t *cv = gt__yr_get(r, gt__yr_get(r, gt__yr_seq_at(r, list, i), "caveats"),
		                             "only_in");
		for (size_t k = 0; k < c->nonly_in; k++) {
			if (is_land_place(s, c->only_in[k]))
				continue;
			char path[YR_PATH_MAX];
			snprintf(path, sizeof(path), "coalition.members[%zu].caveats.only_in[%zu]", i, k);
			return gt__yr_fail(r, gt__yr_seq_at(r, cv, k), path, GT_E_SCHEMA,
			                   "'%s' is neither a sector (S1 to S%zu) nor a city of the "
			                   "theatre",
			                   c->only_in[k], s->nsectors);
		}
		cv = gt__yr_get(r, gt__yr_get(r, gt__yr_seq_at(r, list, i), "caveats"), "only_under");
		for (size_t k = 0; k < c->nonly_under; k++) {
			if (is_member(s, c->only_under[k]))
				continue;
			char path[YR_PATH_MAX];
			snprintf(path, sizeof(path), "coalition.members[%zu].caveats.only_under[%zu]", i,
			         k);
			return gt__yr_fail(r, gt__yr_seq_at(r, cv, k), path, GT_E_SCHEMA,
			                   "%s is not a member of the coalition", c->only_under[k]);
		}
	}
	return GT_OK;
}

enum gt_status gt__read_forcegen(struct yr *r, const yaml_node_t *n, struct gt_scenario *s)
{
	static const char *const keys[] = {"company_strength", "lead_share",  "max_nations",
	                                   "reserve_km",       "enablers_km", "horizon_months",
	                                   "tour_months",      "priority",    NULL};
	struct gt_forcegen_params *f = &s->forcegen;
	yaml_node_t *x;
	long v;
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, "forcegen")) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, "forcegen", keys)) != GT_OK ||
	    (st = gt__yr_req_number(r, n, "forcegen", "company_strength", 20, 2000,
	                            &f->company_strength)) != GT_OK ||
	    (st = gt__yr_req_number(r, n, "forcegen", "lead_share", 0, 1, &f->lead_share)) != GT_OK ||
	    (st = gt__yr_req_number(r, n, "forcegen", "reserve_km", 0, 2000, &f->reserve_km)) !=
	            GT_OK ||
	    (st = gt__yr_req_number(r, n, "forcegen", "enablers_km", 0, 2000, &f->enablers_km)) !=
	            GT_OK)
		return st;
	const char *ints[] = {"max_nations", "horizon_months", "tour_months"};
	long lo[] = {1, 1, 1}, hi[] = {100, 240, 60};
	int *dst[] = {&f->max_nations, &f->horizon_months, &f->tour_months};
	for (int i = 0; i < 3; i++) {
		char sub[YR_PATH_MAX];
		if ((st = gt__yr_need(r, n, "forcegen", ints[i], &x)) != GT_OK)
			return st;
		gt__yr_path_key(sub, "forcegen", ints[i]);
		if ((st = gt__yr_int(r, x, sub, lo[i], hi[i], &v)) != GT_OK)
			return st;
		*dst[i] = (int)v;
	}
	if ((st = gt__yr_need(r, n, "forcegen", "priority", &x)) != GT_OK ||
	    (st = gt__yr_expect_map(r, x, "forcegen.priority")) != GT_OK ||
	    (st = gt__yr_check_keys(r, x, "forcegen.priority", gt__role_names())) != GT_OK)
		return st;
	for (int k = 0; k < GT_ROLE_KIND_COUNT; k++) {
		/* air refuelling, added later, weighs as the air patrol it serves
		 * unless given, so that older scenarios still load */
		if (k == GT_ROLE_AIR_REFUELLING &&
		    !gt__yr_get(r, x, gt__role_names()[k])) {
			f->priority[k] = f->priority[GT_ROLE_AIR_PATROL];
			continue;
		}
		if ((st = gt__yr_req_number(r, x, "forcegen.priority", gt__role_names()[k], 0, 1000,
		                            &f->priority[k])) != GT_OK)
			return st;
	}
	f->present = true;
	return GT_OK;
}
