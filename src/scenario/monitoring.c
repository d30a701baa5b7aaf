/* monitoring.c: reads the scenario's `monitoring` section: the sides of
 * the line, the reporting day, how reports are correlated into events,
 * the agreement's thresholds, the escalation ladder and who decides a
 * response, and how (docs/monitor.md, "The agreement"). */
#define _DEFAULT_SOURCE /* timegm */
#include "scenario_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* "HH:MM", 00:00 to 23:59. OUT: minutes after midnight. */
static enum gt_status read_clock(struct yr *r, const yaml_node_t *n, const char *path, int *out)
{
	const char *s = gt__yr_text(n);
	int h, m, used = 0;
	if (gt__yr_is_scalar(n) && strlen(s) == 5 && sscanf(s, "%2d:%2d%n", &h, &m, &used) == 2 &&
	    used == 5 && h >= 0 && h < 24 && m >= 0 && m < 60) {
		*out = h * 60 + m;
		return GT_OK;
	}
	return gt__yr_fail(r, n, path, GT_E_SCHEMA,
	                   "expected a time of day in UTC as \"HH:MM\" (quoted), like \"17:30\"");
}

/* A day, "2026-01-01": OUT: its midnight UTC, epoch seconds. */
static enum gt_status read_day(struct yr *r, const yaml_node_t *n, const char *path,
                               int64_t *out)
{
	const char *s = gt__yr_text(n);
	struct tm tm = {0}, back;
	int used = 0;
	bool digits = strlen(s) == 10;
	for (int i = 0; i < 10 && digits; i++)
		digits = i == 4 || i == 7 ? s[i] == '-' : s[i] >= '0' && s[i] <= '9';
	if (gt__yr_is_scalar(n) && digits &&
	    sscanf(s, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &used) == 3 &&
	    used == 10 && tm.tm_year >= 1990 && tm.tm_mon >= 1 && tm.tm_mon <= 12 &&
	    tm.tm_mday >= 1) {
		int year = tm.tm_year, mon = tm.tm_mon, day = tm.tm_mday;
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		time_t t = timegm(&tm);
		if (gmtime_r(&t, &back) && back.tm_year + 1900 == year && back.tm_mon + 1 == mon &&
		    back.tm_mday == day) { /* not 31 February */
			*out = (int64_t)t;
			return GT_OK;
		}
	}
	return gt__yr_fail(r, n, path, GT_E_SCHEMA, "expected a day as YYYY-MM-DD, like 2026-01-01");
}

static enum gt_status read_text(struct yr *r, const yaml_node_t *map, const char *path,
                                const char *key, char **out)
{
	return gt__yr_req_string(r, map, path, key, out);
}

static enum gt_status read_threshold(struct yr *r, const yaml_node_t *n, const char *path,
                                     struct gt_threshold *t)
{
	static const char *const keys[] = {"name",  "text", "event",     "weapons", "more_than",
	                                   "hours", "per",  "within_km", "grade",   NULL};
	enum gt_status st;
	char sub[YR_PATH_MAX];
	yaml_node_t *x;
	if ((st = gt__yr_expect_map(r, n, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, path, keys)) != GT_OK ||
	    (st = read_text(r, n, path, "name", &t->name)) != GT_OK ||
	    (st = read_text(r, n, path, "text", &t->text)) != GT_OK)
		return st;
	const char *events[GT_EVENT_COUNT], *weapons[GT_WEAPON_COUNT];
	for (int i = 0; i < GT_EVENT_COUNT; i++)
		events[i] = gt_event_type_name((enum gt_event_type)i);
	for (int i = 0; i < GT_WEAPON_COUNT; i++)
		weapons[i] = gt_weapon_name((enum gt_weapon)i);
	int v;
	if ((st = gt__yr_need(r, n, path, "event", &x)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "event");
	if ((st = gt__yr_enum(r, x, sub, "an event type", events, GT_EVENT_COUNT, &v)) != GT_OK)
		return st;
	t->event = (enum gt_event_type)v;
	if ((x = gt__yr_get(r, n, "weapons"))) {
		gt__yr_path_key(sub, path, "weapons");
		if ((st = gt__yr_expect_seq(r, x, sub)) != GT_OK)
			return st;
		if (t->event != GT_EVENT_EXPLOSION)
			return gt__yr_fail(r, x, sub, GT_E_SCHEMA,
			                   "weapons are counted for explosions only; this threshold "
			                   "counts %s",
			                   gt_event_type_name(t->event));
		for (size_t i = 0; i < gt__yr_seq_len(x); i++) {
			char item[YR_PATH_MAX];
			gt__yr_path_index(item, sub, i);
			if ((st = gt__yr_enum(r, gt__yr_seq_at(r, x, i), item, "a weapon class", weapons,
			                      GT_WEAPON_COUNT, &v)) != GT_OK)
				return st;
			t->weapons |= 1u << v;
		}
		if (!t->weapons)
			return gt__yr_fail(r, x, sub, GT_E_SCHEMA,
			                   "expected at least one weapon class; leave weapons out to "
			                   "count every explosion");
	}
	double more;
	if ((st = gt__yr_req_number(r, n, path, "more_than", 0, 1e9, &more)) != GT_OK ||
	    (st = gt__yr_req_number(r, n, path, "hours", 1, 24 * 31, &t->hours)) != GT_OK)
		return st;
	if (more != (double)(long)more) {
		gt__yr_path_key(sub, path, "more_than");
		return gt__yr_fail(r, gt__yr_get(r, n, "more_than"), sub, GT_E_RANGE,
		                   "expected a whole number of explosions, events or items");
	}
	t->more_than = (long)more;
	static const char *const per[] = {"sector", "line"};
	if ((st = gt__yr_need(r, n, path, "per", &x)) != GT_OK)
		return st;
	gt__yr_path_key(sub, path, "per");
	if ((st = gt__yr_enum(r, x, sub, "where events are counted", per, 2, &v)) != GT_OK)
		return st;
	t->per_sector = v == 0;
	if ((st = gt__yr_opt_number(r, n, path, "within_km", 0, 1000, &t->within_km)) != GT_OK)
		return st;
	t->grade = 'C';
	if ((x = gt__yr_get(r, n, "grade"))) {
		static const char *const grades[] = {"A", "B", "C"};
		gt__yr_path_key(sub, path, "grade");
		if ((st = gt__yr_enum(r, x, sub, "the least confidence grade counted", grades, 3,
		                      &v)) != GT_OK)
			return st;
		t->grade = (char)('A' + v);
	}
	return GT_OK;
}

static enum gt_status read_rung(struct yr *r, const yaml_node_t *n, const char *path,
                                struct gt_rung *g)
{
	static const char *const keys[] = {"name", "text", NULL};
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, path, keys)) != GT_OK ||
	    (st = read_text(r, n, path, "name", &g->name)) != GT_OK)
		return st;
	return read_text(r, n, path, "text", &g->text);
}

/* A list of maps, each read by fn into an array of size bytes per item.
 * OUT: *items, *count (filled items are freed by the scenario's free even
 * on failure). */
static enum gt_status read_list(struct yr *r, const yaml_node_t *map, const char *path,
                                const char *key, size_t size,
                                enum gt_status (*fn)(struct yr *, const yaml_node_t *,
                                                     const char *, void *),
                                void **items, size_t *count)
{
	char sub[YR_PATH_MAX], item[YR_PATH_MAX];
	yaml_node_t *x;
	enum gt_status st;
	gt__yr_path_key(sub, path, key);
	if ((st = gt__yr_need(r, map, path, key, &x)) != GT_OK ||
	    (st = gt__yr_expect_seq(r, x, sub)) != GT_OK)
		return st;
	size_t n = gt__yr_seq_len(x);
	if (n == 0)
		return gt__yr_fail(r, x, sub, GT_E_SCHEMA, "expected at least one entry");
	if (!(*items = calloc(n, size)))
		return GT_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		gt__yr_path_index(item, sub, i);
		*count = i + 1;
		if ((st = fn(r, gt__yr_seq_at(r, x, i), item, (char *)*items + i * size)) != GT_OK)
			return st;
	}
	return GT_OK;
}

static enum gt_status threshold_fn(struct yr *r, const yaml_node_t *n, const char *path,
                                   void *out)
{
	return read_threshold(r, n, path, out);
}

static enum gt_status rung_fn(struct yr *r, const yaml_node_t *n, const char *path, void *out)
{
	return read_rung(r, n, path, out);
}

/* Names within a list must differ: breaches and proposals name them. */
static enum gt_status unique_names(struct yr *r, const yaml_node_t *map, const char *key,
                                   const char *what, char *const *names, size_t stride,
                                   size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++) {
			const char *a = *(char *const *)((const char *)names + i * stride);
			const char *b = *(char *const *)((const char *)names + j * stride);
			if (strcmp(a, b) == 0) {
				char sub[YR_PATH_MAX], item[YR_PATH_MAX];
				gt__yr_path_key(sub, "monitoring", key);
				gt__yr_path_index(item, sub, i);
				return gt__yr_fail(r, gt__yr_seq_at(r, gt__yr_get(r, map, key), i), item,
				                   GT_E_SCHEMA, "%s '%s' is named twice", what, a);
			}
		}
	return GT_OK;
}

static enum gt_status read_decision(struct yr *r, const yaml_node_t *n, struct gt_scenario *s)
{
	static const char *const keys[] = {"rule", "quorum", "deadline_hours", "voters", "lead",
	                                   NULL};
	const char *path = "monitoring.decision";
	struct gt_monitoring *m = &s->monitoring;
	enum gt_status st;
	yaml_node_t *x;
	char sub[YR_PATH_MAX];
	if ((st = gt__yr_expect_map(r, n, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, path, keys)) != GT_OK ||
	    (st = gt__yr_need(r, n, path, "rule", &x)) != GT_OK)
		return st;
	if (!gt__yr_is_scalar(x) || !gt_decide_rule_parse(gt__yr_text(x), &m->rule))
		return gt__yr_fail(r, x, "monitoring.decision.rule", GT_E_SCHEMA,
		                   "expected unanimity, lead_nation or qualified_majority");
	if ((st = gt__yr_req_number(r, n, path, "deadline_hours", 1, 24 * 365,
	                            &m->deadline_hours)) != GT_OK)
		return st;
	m->quorum = 0;
	if (m->rule == GT_DECIDE_QUALIFIED_MAJORITY &&
	    (st = gt__yr_req_number(r, n, path, "quorum", 0.01, 1, &m->quorum)) != GT_OK)
		return st;
	if (m->rule != GT_DECIDE_QUALIFIED_MAJORITY && (x = gt__yr_get(r, n, "quorum")))
		return gt__yr_fail(r, x, "monitoring.decision.quorum", GT_E_SCHEMA,
		                   "a quorum belongs to qualified_majority only");
	char **codes = NULL;
	size_t ncodes = 0;
	gt__yr_path_key(sub, path, "voters");
	if ((st = gt__yr_need(r, n, path, "voters", &x)) != GT_OK)
		return st;
	st = gt__yr_strv(r, x, sub, true, &codes, &ncodes);
	if (st == GT_OK && ncodes == 0)
		st = gt__yr_fail(r, x, sub, GT_E_SCHEMA, "expected at least one government");
	if (st == GT_OK && !(m->voters = calloc(ncodes, sizeof(*m->voters))))
		st = GT_E_NOMEM;
	for (size_t i = 0; st == GT_OK && i < ncodes; i++) {
		bool member = false;
		for (size_t k = 0; k < s->nmembers; k++)
			member = member || strcmp(s->members[k].code, codes[i]) == 0;
		if (!member) {
			char item[YR_PATH_MAX];
			gt__yr_path_index(item, sub, i);
			st = gt__yr_fail(r, gt__yr_seq_at(r, x, i), item, GT_E_SCHEMA,
			                 "%s is not a member of the coalition", codes[i]);
			break;
		}
		for (size_t k = 0; k < s->nmembers; k++)
			if (strcmp(s->members[k].code, codes[i]) == 0 && m->rule == GT_DECIDE_QUALIFIED_MAJORITY &&
			    !(s->members[k].weight > 0)) {
				char item[YR_PATH_MAX];
				gt__yr_path_index(item, sub, i);
				st = gt__yr_fail(r, gt__yr_seq_at(r, x, i), item, GT_E_SCHEMA,
				                 "%s has no weight for a qualified majority; give it a weight "
				                 "or its active personnel",
				                 codes[i]);
			}
		if (st != GT_OK)
			break;
		if (i >= GT_VOTERS_MAX_SCENARIO) {
			char item[YR_PATH_MAX];
			gt__yr_path_index(item, sub, i);
			st = gt__yr_fail(r, gt__yr_seq_at(r, x, i), item, GT_E_RANGE,
			                 "at most %d governments vote", GT_VOTERS_MAX_SCENARIO);
			break;
		}
		memcpy(m->voters[i], codes[i], 3);
		m->nvoters = i + 1;
	}
	for (size_t i = 0; i < ncodes; i++)
		free(codes[i]);
	free(codes);
	if (st != GT_OK)
		return st;
	x = gt__yr_get(r, n, "lead");
	if (m->rule != GT_DECIDE_LEAD_NATION) {
		if (x)
			return gt__yr_fail(r, x, "monitoring.decision.lead", GT_E_SCHEMA,
			                   "a lead belongs to lead_nation only");
		return GT_OK;
	}
	char lead[3];
	if (!x)
		return gt__yr_fail(r, n, path, GT_E_SCHEMA,
		                   "lead_nation needs a lead: one of the voters");
	if ((st = gt__yr_iso2(r, x, "monitoring.decision.lead", lead)) != GT_OK)
		return st;
	for (size_t i = 0; i < m->nvoters; i++)
		if (strcmp(m->voters[i], lead) == 0) {
			m->lead = i;
			return GT_OK;
		}
	return gt__yr_fail(r, x, "monitoring.decision.lead", GT_E_SCHEMA,
	                   "%s is not among the voters", lead);
}

enum gt_status gt__read_monitoring(struct yr *r, const yaml_node_t *n, struct gt_scenario *s)
{
	static const char *const keys[] = {"sides",  "start",    "day_ends", "review_count_above",
	                                   "correlation", "thresholds", "ladder", "decision", NULL};
	static const char *const side_keys[] = {"left", "right", NULL};
	static const char *const corr_keys[] = {"window_minutes", "radius_km", "max_span_hours", "heard_error",
	                                        "bearing_error_deg", NULL};
	struct gt_monitoring *m = &s->monitoring;
	enum gt_status st;
	yaml_node_t *x;
	if ((st = gt__yr_expect_map(r, n, "monitoring")) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, "monitoring", keys)) != GT_OK ||
	    (st = gt__yr_need(r, n, "monitoring", "sides", &x)) != GT_OK ||
	    (st = gt__yr_expect_map(r, x, "monitoring.sides")) != GT_OK ||
	    (st = gt__yr_check_keys(r, x, "monitoring.sides", side_keys)) != GT_OK ||
	    (st = read_text(r, x, "monitoring.sides", "left", &m->left)) != GT_OK ||
	    (st = read_text(r, x, "monitoring.sides", "right", &m->right)) != GT_OK)
		return st;
	if (strcmp(m->left, m->right) == 0)
		return gt__yr_fail(r, gt__yr_get(r, x, "right"), "monitoring.sides.right",
		                   GT_E_SCHEMA, "the two sides need different names");
	long most = 0;
	if ((st = gt__yr_need(r, n, "monitoring", "start", &x)) != GT_OK ||
	    (st = read_day(r, x, "monitoring.start", &m->start)) != GT_OK ||
	    (st = gt__yr_need(r, n, "monitoring", "day_ends", &x)) != GT_OK ||
	    (st = read_clock(r, x, "monitoring.day_ends", &m->day_ends)) != GT_OK ||
	    (st = gt__yr_need(r, n, "monitoring", "review_count_above", &x)) != GT_OK ||
	    (st = gt__yr_int(r, x, "monitoring.review_count_above", 1, 1000000, &most)) != GT_OK ||
	    (st = gt__yr_need(r, n, "monitoring", "correlation", &x)) != GT_OK ||
	    (st = gt__yr_expect_map(r, x, "monitoring.correlation")) != GT_OK ||
	    (st = gt__yr_check_keys(r, x, "monitoring.correlation", corr_keys)) != GT_OK ||
	    (st = gt__yr_req_number(r, x, "monitoring.correlation", "window_minutes", 0, 24 * 60,
	                            &m->window_min)) != GT_OK ||
	    (st = gt__yr_req_number(r, x, "monitoring.correlation", "radius_km", 0, 100,
	                            &m->radius_km)) != GT_OK ||
	    (st = gt__yr_req_number(r, x, "monitoring.correlation", "max_span_hours", 0.1, 24 * 7,
	                            &m->max_span_hours)) != GT_OK ||
	    (st = gt__yr_req_number(r, x, "monitoring.correlation", "heard_error", 0, 1,
	                            &m->heard_error)) != GT_OK ||
	    (st = gt__yr_req_number(r, x, "monitoring.correlation", "bearing_error_deg", 0, 45,
	                            &m->bearing_error_deg)) != GT_OK)
		return st;
	m->review_count_above = most;
	void *items = NULL;
	st = read_list(r, n, "monitoring", "thresholds", sizeof(struct gt_threshold), threshold_fn,
	               &items, &m->nthresholds);
	m->thresholds = items;
	if (st != GT_OK ||
	    (st = unique_names(r, n, "thresholds", "threshold", &m->thresholds[0].name,
	                       sizeof(struct gt_threshold), m->nthresholds)) != GT_OK)
		return st;
	items = NULL;
	st = read_list(r, n, "monitoring", "ladder", sizeof(struct gt_rung), rung_fn, &items,
	               &m->nladder);
	m->ladder = items;
	if (st != GT_OK || (st = unique_names(r, n, "ladder", "rung", &m->ladder[0].name,
	                                      sizeof(struct gt_rung), m->nladder)) != GT_OK)
		return st;
	if ((st = gt__yr_need(r, n, "monitoring", "decision", &x)) != GT_OK ||
	    (st = read_decision(r, x, s)) != GT_OK)
		return st;
	m->present = true;
	return GT_OK;
}

void gt__monitoring_fini(struct gt_monitoring *m)
{
	free(m->left);
	free(m->right);
	for (size_t i = 0; i < m->nthresholds; i++) {
		free(m->thresholds[i].name);
		free(m->thresholds[i].text);
	}
	free(m->thresholds);
	for (size_t i = 0; i < m->nladder; i++) {
		free(m->ladder[i].name);
		free(m->ladder[i].text);
	}
	free(m->ladder);
	free(m->voters);
}
