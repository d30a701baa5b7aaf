/* daily.c: the daily report: a reporting day's events counted by sector,
 * type and side, against the day before, with the day's verified events
 * and the breaches crossed in it (docs/monitor.md, "Daily report"). */
#define _DEFAULT_SOURCE /* timegm */
#include "monitor/sql.h"
#include "monitor/store_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* When a reporting day ends, in minutes after the midnight that begins
 * it: "00:00" is the midnight that ends it. */
static int64_t day_end(const struct gt_scenario *sc)
{
	return sc->monitoring.day_ends ? sc->monitoring.day_ends : 24 * 60;
}

bool gt_daily_period(const struct gt_scenario *sc, const char *day, int64_t *from, int64_t *to)
{
	if (!sc->monitoring.present || !day || strlen(day) != 10)
		return false;
	char stamp[32];
	snprintf(stamp, sizeof(stamp), "%sT00:00:00Z", day);
	int64_t midnight;
	if (!gt_time_parse_utc(stamp, &midnight))
		return false;
	*to = midnight + day_end(sc) * 60;
	*from = *to - 86400;
	return true;
}

void gt_daily_day_of(const struct gt_scenario *sc, int64_t t, char day[11])
{
	/* the day whose end is the first day_ends after t */
	int64_t shifted = t - day_end(sc) * 60 + 86400;
	time_t tt = (time_t)shifted;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(day, 11, "%Y-%m-%d", &tm);
}

void gt_daily_fini(struct gt_daily *d)
{
	if (!d)
		return;
	free(d->cells);
	free(d->events);
	free(d->breaches);
	memset(d, 0, sizeof(*d));
}

static void add(struct gt_tally *t, const struct gt_event *e)
{
	t->events++;
	t->violations += e->count;
	if (e->status == GT_EVENT_VERIFIED) {
		t->verified_events++;
		t->verified_violations += e->count;
	}
}

/* An event whose count no report is trusted with, not yet verified: it
 * is shown apart and counted in no total. */
static bool held(const struct gt_event *e)
{
	return e->held && e->status != GT_EVENT_VERIFIED;
}

static enum gt_status load_events(struct gt_store *st, int64_t from, int64_t to,
                                  struct gt_event **out, size_t *n, struct gt_err *err)
{
	struct gt_event_filter f = {
		.from = from,
		.to = to,
		.statuses = (1u << GT_EVENT_UNVERIFIED) | (1u << GT_EVENT_VERIFIED),
		.event = -1,
	};
	/* a day's events: no page limit; ordered by id, re-sorted below */
	return gt_store_events(st, &f, 0, SIZE_MAX / sizeof(struct gt_event), out, n, err);
}

static int by_start(const void *pa, const void *pb)
{
	const struct gt_event *a = pa, *b = pb;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static enum gt_status read_day(struct gt_store *st, const struct gt_scenario *sc,
                               struct gt_daily *out, struct gt_err *err);

enum gt_status gt_store_daily(struct gt_store *st, const struct gt_scenario *sc, const char *day,
                              struct gt_daily *out, struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	if (!gt_daily_period(sc, day, &out->from, &out->to))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "day",
		                  sc->monitoring.present
		                          ? "expected a day like 2026-01-10"
		                          : "the scenario has no monitoring section");
	snprintf(out->day, sizeof(out->day), "%s", day);
	/* numbered by the day it is named for, whenever its period ends */
	time_t tt = (time_t)(out->to - day_end(sc) * 60);
	struct tm tm;
	gmtime_r(&tt, &tm);
	out->number = tm.tm_yday + 1;
	out->nsectors = sc->nsectors;
	out->cells = calloc(sc->nsectors ? sc->nsectors * GT_EVENT_COUNT : 1, sizeof(*out->cells));
	if (!out->cells)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	/* one snapshot for the whole report, so that its counts, breaches and
	 * audit head agree though other servers write meanwhile */
	enum gt_status s = gt__store_begin_read(st, err);
	if (s != GT_OK) {
		gt_daily_fini(out);
		return s;
	}
	s = read_day(st, sc, out, err);
	gt__store_end_read(st);
	if (s != GT_OK)
		gt_daily_fini(out);
	return s;
}

/* The report's contents, read inside the caller's snapshot; on failure the
 * caller releases out. */
static enum gt_status read_day(struct gt_store *st, const struct gt_scenario *sc,
                               struct gt_daily *out, struct gt_err *err)
{
	struct gt_event *ev = NULL, *prev = NULL;
	size_t n = 0, np = 0;
	enum gt_status s;
	if ((s = load_events(st, out->from, out->to, &ev, &n, err)) != GT_OK ||
	    (s = load_events(st, out->from - 86400, out->from, &prev, &np, err)) != GT_OK)
		goto out_fail;
	for (size_t i = 0; i < np; i++)
		if (!held(&prev[i]))
			add(&out->previous, &prev[i]);
	free(prev);
	prev = NULL;
	if (n)
		qsort(ev, n, sizeof(*ev), by_start);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		const struct gt_event *e = &ev[i];
		if (held(e)) {
			add(&out->held, e);
			continue;
		}
		add(&out->total, e);
		add(&out->by_type[e->event], e);
		add(&out->sides[e->side > 0 ? 0 : 1], e);
		for (size_t k = 0; k < sc->nsectors; k++)
			if (sc->sectors[k].id == e->sector)
				add(&out->cells[k * GT_EVENT_COUNT + e->event], e);
		if (e->status == GT_EVENT_VERIFIED)
			ev[kept++] = *e;
	}
	out->events = ev;
	out->nevents = kept;
	ev = NULL;
	/* the breaches crossed in the period */
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT id FROM breaches WHERE at >= ? AND at < ? ORDER BY at, id", &q)) {
		s = gt__store_fail(st, err, "cannot read the breaches");
		goto out_fail;
	}
	gt__q_bind_int64(q, 1, out->from);
	gt__q_bind_int64(q, 2, out->to);
	size_t cap = 0;
	int rc;
	while ((rc = gt__q_step(q)) == GT__ROW && s == GT_OK) {
		if (out->nbreaches == cap) {
			cap = cap ? 2 * cap : 8;
			struct gt_breach *grown = realloc(out->breaches, cap * sizeof(*grown));
			if (!grown) {
				s = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
				break;
			}
			out->breaches = grown;
		}
		s = gt_store_breach(st, gt__q_int64(q, 0), &out->breaches[out->nbreaches],
		                    NULL, NULL, err);
		out->nbreaches += s == GT_OK;
	}
	gt__q_finalize(q);
	if (s == GT_OK && rc != GT__DONE)
		s = gt__store_fail(st, err, "cannot read the breaches");
	if (s != GT_OK ||
	    (s = gt_store_audit_hash(st, 0, &out->audit_entries, out->audit_head, err)) != GT_OK)
		goto out_fail;
	return GT_OK;
out_fail:
	free(ev);
	free(prev);
	return s;
}
