/* breach.c: when the agreement's thresholds are crossed: which events
 * count towards a threshold, and the moments their counts over a rolling
 * window exceed it where no breach is open for that window yet
 * (docs/monitor.md, "Breaches"). Pure. */
#include "guarantor/monitor.h"

bool gt_threshold_counts(const struct gt_threshold *t, const struct gt_event *e)
{
	if (e->event != t->event || e->grade > t->grade)
		return false;
	if (e->status != GT_EVENT_UNVERIFIED && e->status != GT_EVENT_VERIFIED)
		return false;
	if (e->held && e->status != GT_EVENT_VERIFIED)
		return false; /* a count no report is trusted with, until an analyst says */
	if (t->weapons && !(t->weapons & (1u << e->weapon)))
		return false;
	return t->within_km <= 0 || e->offset_km <= t->within_km;
}

/* True when a breach at one of open[0..nopen-1] (sorted) or
 * made[0..nmade-1] lies less than span from at. */
static bool covered(int64_t at, int64_t span, const int64_t *open, size_t nopen,
                    const struct gt_crossing *made, size_t nmade)
{
	for (size_t k = 0; k < nopen; k++)
		if (open[k] > at - span && open[k] < at + span)
			return true;
	for (size_t k = 0; k < nmade; k++)
		if (made[k].at > at - span && made[k].at < at + span)
			return true;
	return false;
}

size_t gt_threshold_crossings(const struct gt_threshold *t, const struct gt_event *ev, size_t n,
                              const int64_t *open, size_t nopen, struct gt_crossing *out)
{
	int64_t span = (int64_t)(t->hours * 3600);
	size_t k = 0, lo = 0;
	long sum = 0;
	for (size_t i = 0; i < n;) {
		/* every event that began at this moment is in the window */
		size_t last = i;
		sum += ev[i].count;
		while (last + 1 < n && ev[last + 1].from == ev[i].from)
			sum += ev[++last].count;
		while (ev[lo].from <= ev[i].from - span)
			sum -= ev[lo++].count;
		if (sum > t->more_than && !covered(ev[i].from, span, open, nopen, out, k))
			out[k++] = (struct gt_crossing){ev[i].from, ev[lo].from, sum, lo, last};
		i = last + 1;
	}
	return k;
}
