/* sim_observed.c: the monitoring record of the guarantee in place, read
 * from the service's store for `guarantor simulate --observed`
 * (docs/model-sim.md, "Live risk"): how long it has been watched, and what
 * became of each breach within that time. */
#include "cli.h"

#include <stdint.h>
#include <stdlib.h>

#include "guarantor/monitor.h"

enum { PAGE = 1000 };

struct dated {
	int64_t at, id;
	enum gt_sim_outcome outcome;
};

static int by_time(const void *a, const void *b)
{
	const struct dated *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The earliest time any stored report was observed; false when none is. */
static int first_report(struct gt_store *st, int64_t *first, bool *any)
{
	struct gt_err err;
	int64_t after = 0;
	*any = false;
	for (;;) {
		struct gt_report *r;
		int64_t *seqs;
		size_t n;
		if (gt_store_reports(st, 0, INT64_MAX, after, PAGE, &r, &seqs, &n, &err) != GT_OK)
			return gt_cli_fail(&err);
		for (size_t i = 0; i < n; i++) {
			if (!*any || r[i].observed_from < *first)
				*first = r[i].observed_from;
			*any = true;
		}
		after = n ? seqs[n - 1] : after;
		free(r);
		free(seqs);
		if (n < PAGE)
			return GT_EXIT_OK;
	}
}

/* What had become of breach b by as_of: answered when a response was
 * approved by then; pending while its decision deadline (from the breach,
 * or a proposal's own) had not passed; otherwise unanswered. */
static int outcome_of(struct gt_store *st, const struct gt_breach *b, int64_t as_of,
                      int64_t deadline_s, enum gt_sim_outcome *out)
{
	struct gt_err err;
	struct gt_proposal *p;
	size_t n;
	if (gt_store_proposals(st, b->id, as_of, &p, &n, &err) != GT_OK)
		return gt_cli_fail(&err);
	bool answered = false, pending = as_of < b->at + deadline_s;
	for (size_t i = 0; i < n; i++) {
		if (p[i].proposed > as_of)
			continue;
		bool decided = p[i].decided != 0 && p[i].decided <= as_of;
		if (decided && p[i].state == GT_DECIDE_APPROVED)
			answered = true;
		if (!decided && as_of < p[i].deadline)
			pending = true;
	}
	free(p);
	*out = answered ? GT_SIM_ANSWERED : pending ? GT_SIM_PENDING : GT_SIM_UNANSWERED;
	return GT_EXIT_OK;
}

int gt_cli_observed_read(const char *db, double deadline_hours, int64_t since, int64_t as_of,
                         struct gt_cli_observed *out)
{
	*out = (struct gt_cli_observed){.since = since, .as_of = as_of};
	struct gt_store *st;
	int rc = gt_cli_open_store(db, "--observed", GT_CLI_READ, NULL, &st);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_err err;
	struct dated *all = NULL;
	size_t n = 0, cap = 0;
	if (since < 0) {
		bool any;
		if ((rc = first_report(st, &out->since, &any)) != GT_EXIT_OK)
			goto out;
		if (!any) {
			fprintf(stderr, "guarantor: %s: the store has no reports; give --since, the day "
			                "the ceasefire began\n", gt_store_name(st));
			rc = GT_EXIT_USAGE;
			goto out;
		}
	}
	if (out->as_of - out->since < 86400) {
		char from[GT_TIME_UTC_SIZE], to[GT_TIME_UTC_SIZE];
		if (out->as_of < out->since)
			fprintf(stderr, "guarantor: --observed: the record would end (%s) before it "
			                "starts (%s)\n",
			        gt_time_format_utc(out->as_of, to), gt_time_format_utc(out->since, from));
		else
			fprintf(stderr, "guarantor: --observed: from %s to %s is less than a day of "
			                "record\n",
			        gt_time_format_utc(out->since, from), gt_time_format_utc(out->as_of, to));
		rc = GT_EXIT_USAGE;
		goto out;
	}
	int64_t deadline_s = (int64_t)(deadline_hours * 3600);
	for (int64_t after = 0;;) {
		struct gt_breach *b;
		size_t got;
		if (gt_store_breaches(st, 0, after, PAGE, &b, &got, &err) != GT_OK) {
			rc = gt_cli_fail(&err);
			goto out;
		}
		for (size_t i = 0; i < got && rc == GT_EXIT_OK; i++) {
			if (b[i].at < out->since || b[i].at >= out->as_of)
				continue;
			if (b[i].status == GT_BREACH_DISMISSED) {
				out->dismissed++;
				continue;
			}
			if (n == cap) {
				size_t want = cap ? 2 * cap : 64;
				struct dated *more = realloc(all, want * sizeof(*all));
				if (!more) {
					fprintf(stderr, "guarantor: out of memory\n");
					rc = GT_EXIT_FAILURE;
					break;
				}
				all = more;
				cap = want;
			}
			all[n] = (struct dated){b[i].at, b[i].id, GT_SIM_PENDING};
			rc = outcome_of(st, &b[i], out->as_of, deadline_s, &all[n].outcome);
			n++;
		}
		after = got ? b[got - 1].id : after;
		free(b);
		if (rc != GT_EXIT_OK)
			goto out;
		if (got < PAGE)
			break;
	}
	if (n > 1)
		qsort(all, n, sizeof(*all), by_time);
	out->outcomes = malloc((n ? n : 1) * sizeof(*out->outcomes));
	if (!out->outcomes) {
		fprintf(stderr, "guarantor: out of memory\n");
		rc = GT_EXIT_FAILURE;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		out->outcomes[i] = all[i].outcome;
	out->n = n;
	snprintf(out->store, sizeof(out->store), "%s", gt_store_name(st));
out:
	free(all);
	gt_store_close(st);
	return rc;
}

void gt_cli_observed_fini(struct gt_cli_observed *o)
{
	free(o->outcomes);
	*o = (struct gt_cli_observed){0};
}
