/* breach.c: when the agreement's thresholds are crossed: which events
 * count towards a threshold, and the moments their counts over a rolling
 * window first exceed it (docs/monitor.md, "Breaches"). Pure. */
#include "guarantor/monitor.h"

bool gt_threshold_counts(const struct gt_threshold *t, const struct gt_event *e)
{
	if (e->event != t->event || e->grade > t->grade)
		return false;
	if (e->status != GT_EVENT_UNVERIFIED && e->status != GT_EVENT_VERIFIED)
		return false;
	if (t->weapons && !(t->weapons & (1u << e->weapon)))
		return false;
	return t->within_km <= 0 || e->offset_km <= t->within_km;
}

size_t gt_threshold_crossings(const struct gt_threshold *t, const struct gt_event *ev, size_t n,
                              int64_t last, struct gt_crossing *out)
{
	int64_t span = (int64_t)(t->hours * 3600);
	size_t k = 0, lo = 0;
	long sum = 0;
	bool have_last = last != INT64_MIN;
	for (size_t i = 0; i < n; i++) {
		sum += ev[i].count;
		while (ev[lo].from <= ev[i].from - span)
			sum -= ev[lo++].count;
		/* a new breach only once the window of the last one has passed */
		if (sum > t->more_than && (!have_last || ev[i].from >= last + span)) {
			out[k++] = (struct gt_crossing){ev[i].from, ev[lo].from, sum, lo, i};
			last = ev[i].from;
			have_last = true;
		}
	}
	return k;
}
