/* engine.c: the day-by-day deterrence simulation (docs/model-sim.md,
 * equations S1-S6). One run is one possible history; runs share nothing
 * but the read-only parameters, draw from their own Philox stream, and add
 * integer counts into their thread's tally, which are summed at the end. */
#include "guarantor/sim.h"
#include "sim/philox.h"
#include "sim/sim_priv.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_PENDING = 64 };

/* A breach being attributed and decided: its outcome lands on `due`. */
struct pending {
	int due;
	bool answered;
};

struct run {
	struct gt__stream rng;
	struct gt_decide_rules rules; /* the option's, with the simulation's defaults filled in */
	struct gt_sim_state state;    /* belief, cohesion, backstop reliability, split */
	double troops;                /* halved when the coalition splits */
	bool escalated;
	int pretext_until;  /* last day a pretext raises the offensive hazard */
	struct pending pending[MAX_PENDING];
	int npending;
};

static double uniform(struct run *r)
{
	return gt__stream_uniform(&r->rng);
}

/* An exponential delay with the given mean, in days. */
static double delay(struct run *r, double mean)
{
	return mean > 0 ? -mean * log1p(-uniform(r)) : 0;
}

/* (S3) the chance a probe or pretext is seen, and the mean days to
 * attribute it, where monitors_per_100km watch. */
static double seen_at(const struct gt_sim_params *p, double monitors_per_100km)
{
	return 1 - (1 - p->detect_base) * exp2(-monitors_per_100km / p->monitors_half);
}

static double attribution_at(const struct gt_sim_params *p, double monitors_per_100km)
{
	return p->attribution_days / (1 + monitors_per_100km / p->monitors_half);
}

double gt__sim_seen(const struct gt_sim_params *p, const struct gt_sim_option *o)
{
	if (o->nlines <= 1)
		return seen_at(p, o->monitors_per_100km);
	double seen = 0;
	for (size_t l = 0; l < o->nlines; l++)
		seen += o->lines[l].share * seen_at(p, o->lines[l].monitors_per_100km);
	return seen;
}

double gt__sim_deterrence(const struct gt_sim_params *p, const struct gt_sim_option *o,
                          double troops, double reliability, double belief)
{
	double cost = p->beta_defender * (o->defender_strength - 1) +
	              p->beta_troops * log1p(troops / 10000.0) + p->beta_air * o->air_reach +
	              (o->backstop ? p->beta_backstop * reliability : 0) +
	              (o->buffer ? p->beta_buffer : 0) + p->gamma_belief * belief;
	return exp(-cost);
}

void gt__sim_land_state(const struct gt_sim_params *p, const struct gt_sim_option *o,
                        bool answered, struct gt_sim_state *s)
{
	if (answered) {
		s->belief += p->learning * (1 - s->belief);
		return;
	}
	s->belief -= p->learning * s->belief;
	s->cohesion -= p->cohesion_loss * s->cohesion;
	s->reliability -= p->backstop_loss * s->reliability;
	if (o->nmembers > 0 && s->cohesion < p->split_below)
		s->split = true;
}

void gt__sim_fresh_state(const struct gt_sim_params *p, const struct gt_sim_option *o,
                         struct gt_sim_state *s)
{
	*s = (struct gt_sim_state){.given = true,
	                           .belief = o->nmembers > 0 ? p->belief_start : 0,
	                           .cohesion = 1,
	                           .reliability = p->backstop_reliability};
}

/* (S4) whether the coalition answers a breach, and after how many days. */
static bool decide_answer(const struct gt_sim_params *p, const struct gt_sim_option *o,
                          struct run *r, double *days)
{
	if (o->nmembers == 0)
		return false;
	struct gt_vote votes[64];
	for (size_t m = 0; m < o->nmembers; m++) {
		const struct gt_sim_member *mb = &o->members[m];
		double resolve = mb->resolve >= 0 ? mb->resolve : p->resolve;
		double mean = mb->delay_days >= 0 ? mb->delay_days : p->decision_days;
		votes[m] = (struct gt_vote){.cast = true,
		                            .approve = uniform(r) < resolve * r->state.cohesion,
		                            .day = delay(r, mean),
		                            .weight = mb->weight > 0 ? mb->weight : 1};
	}
	struct gt_decision d;
	if (gt_decide(&r->rules, votes, o->nmembers, r->rules.deadline, &d) != GT_OK)
		return false;
	*days = d.day;
	return d.state == GT_DECIDE_APPROVED;
}

/* (S5) the consequences of a breach's outcome on the day it lands.
 * Returns true when an answer escalated into war. */
static bool land(const struct gt_sim_params *p, const struct gt_sim_option *o, struct run *r,
                 bool answered, struct gt_sim_counts *c)
{
	bool was_split = r->state.split;
	gt__sim_land_state(p, o, answered, &r->state);
	if (r->state.split && !was_split)
		r->troops /= 2; /* half the contributors go home */
	if (!answered) {
		c->unanswered++;
		return false;
	}
	c->answered++;
	if (uniform(r) < (o->air ? p->escalation_air : p->escalation_ground)) {
		c->escalations++;
		r->escalated = true;
		if (uniform(r) < p->war_given_escalation)
			return true;
	}
	return false;
}

/* One history, counted into c: its day of collapse (or survival), and
 * whether it split the coalition or escalated. */
static int history(const struct gt_sim_params *p, const struct gt_sim_option *o, struct run *r,
                   int days, struct gt_sim_counts *c);

static void one_run(const struct gt_sim_params *p, const struct gt_sim_option *o, uint64_t seed,
                    uint64_t index, struct gt_sim_counts *c)
{
	struct gt_sim_state start = o->start;
	if (!start.given)
		gt__sim_fresh_state(p, o, &start);
	struct run r = {.state = start, .troops = start.split ? o->troops / 2 : o->troops,
	                .pretext_until = -1};
	gt__stream_init(&r.rng, seed, index);
	r.rules = o->rules;
	if (r.rules.quorum < 0)
		r.rules.quorum = p->quorum;
	if (r.rules.deadline < 0)
		r.rules.deadline = p->deadline_days;
	int day = history(p, o, &r, c->days, c);
	c->runs++;
	if (day < 0)
		c->survived++;
	else
		c->collapse_by_day[day]++;
	c->runs_split += r.state.split;
	c->runs_escalated += r.escalated;
}

/* Returns the day of collapse, or -1 when the ceasefire survives. */
static int history(const struct gt_sim_params *p, const struct gt_sim_option *o, struct run *r,
                   int days, struct gt_sim_counts *c)
{
	/* with several lines, each probe's line is drawn and it is seen and
	 * attributed as that line is watched */
	double seen = seen_at(p, o->monitors_per_100km);
	double attribution = attribution_at(p, o->monitors_per_100km);
	double line_seen[GT_LINES_MAX], line_attribution[GT_LINES_MAX];
	for (size_t l = 0; o->nlines > 1 && l < o->nlines; l++) {
		line_seen[l] = seen_at(p, o->lines[l].monitors_per_100km);
		line_attribution[l] = attribution_at(p, o->lines[l].monitors_per_100km);
	}
	for (int day = 0; day < days; day++) {
		/* outcomes of earlier breaches that land today */
		for (int i = 0; i < r->npending;) {
			if (r->pending[i].due > day) {
				i++;
				continue;
			}
			bool war = land(p, o, r, r->pending[i].answered, c);
			r->pending[i] = r->pending[--r->npending];
			if (war) {
				c->collapse_by_escalation++;
				return day;
			}
		}
		/* (S2) what deters today */
		double m = gt__sim_deterrence(p, o, r->troops, r->state.reliability, r->state.belief);
		/* (S1) the day's action, one draw */
		double boost = day <= r->pretext_until ? p->pretext_factor : 1;
		double prob[GT_SIM_ACTION_COUNT];
		prob[GT_SIM_OFFENSIVE] = -expm1(-p->offensive_per_year * m * boost / 365.0);
		prob[GT_SIM_PROBE] = -expm1(-p->probe_per_year * m / 365.0);
		prob[GT_SIM_PRETEXT] = -expm1(-p->pretext_per_year * m / 365.0);
		prob[GT_SIM_MINOR] = p->minor_per_day * m;
		/* a day holds one action: minor violations take what the rarer
		 * actions leave, and should those exceed one (only with extreme
		 * parameters) they are scaled down in proportion */
		double rare = prob[GT_SIM_OFFENSIVE] + prob[GT_SIM_PROBE] + prob[GT_SIM_PRETEXT];
		if (rare > 1) {
			for (int a = GT_SIM_PROBE; a <= GT_SIM_OFFENSIVE; a++)
				prob[a] /= rare;
			rare = 1;
		}
		prob[GT_SIM_MINOR] = fmin(prob[GT_SIM_MINOR], 1 - rare);
		double u = uniform(r), edge = 0;
		enum gt_sim_action act = GT_SIM_NONE;
		static const enum gt_sim_action order[] = {GT_SIM_OFFENSIVE, GT_SIM_PROBE,
		                                           GT_SIM_PRETEXT, GT_SIM_MINOR};
		for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
			edge += prob[order[k]];
			if (u < edge) {
				act = order[k];
				break;
			}
		}
		c->actions[act]++;
		if (act == GT_SIM_OFFENSIVE)
			return day;
		if (act == GT_SIM_PRETEXT)
			r->pretext_until = day + (int)p->pretext_days;
		if (act != GT_SIM_PROBE && act != GT_SIM_PRETEXT)
			continue;
		/* (S3) where, and seen or not; (S4) answered or not, and when */
		double seen_here = seen, attribution_here = attribution;
		if (o->nlines > 1) {
			double w = uniform(r), upto = 0;
			size_t l = 0;
			while (l + 1 < o->nlines && w >= (upto += o->lines[l].share))
				l++;
			seen_here = line_seen[l];
			attribution_here = line_attribution[l];
		}
		if (uniform(r) >= seen_here) {
			r->state.belief -= p->learning * r->state.belief; /* it got away with it unseen */
			continue;
		}
		c->detected++;
		double decided = 0;
		bool answered = decide_answer(p, o, r, &decided);
		int due = day + (int)ceil(delay(r, attribution_here) + decided);
		if (due <= day) {
			if (land(p, o, r, answered, c)) {
				c->collapse_by_escalation++;
				return day;
			}
			continue;
		}
		if (r->npending == MAX_PENDING) {
			/* full (only with extreme parameters): the outcome due first
			 * lands today, early, to make room */
			int first = 0;
			for (int i = 1; i < r->npending; i++)
				if (r->pending[i].due < r->pending[first].due)
					first = i;
			bool war = land(p, o, r, r->pending[first].answered, c);
			r->pending[first] = r->pending[--r->npending];
			if (war) {
				c->collapse_by_escalation++;
				return day;
			}
		}
		r->pending[r->npending++] = (struct pending){due, answered};
	}
	return -1;
}

enum gt_status gt_sim_counts_init(struct gt_sim_counts *c, int days)
{
	memset(c, 0, sizeof(*c));
	if (days < 1)
		return GT_E_USAGE;
	c->days = days;
	c->collapse_by_day = calloc((size_t)days, sizeof(*c->collapse_by_day));
	return c->collapse_by_day ? GT_OK : GT_E_NOMEM;
}

void gt_sim_counts_fini(struct gt_sim_counts *c)
{
	if (!c)
		return;
	free(c->collapse_by_day);
	memset(c, 0, sizeof(*c));
}

void gt_sim_counts_add(struct gt_sim_counts *to, const struct gt_sim_counts *from)
{
	to->runs += from->runs;
	for (int d = 0; d < to->days && d < from->days; d++)
		to->collapse_by_day[d] += from->collapse_by_day[d];
	to->survived += from->survived;
	for (int a = 0; a < GT_SIM_ACTION_COUNT; a++)
		to->actions[a] += from->actions[a];
	to->detected += from->detected;
	to->answered += from->answered;
	to->unanswered += from->unanswered;
	to->escalations += from->escalations;
	to->runs_escalated += from->runs_escalated;
	to->runs_split += from->runs_split;
	to->collapse_by_escalation += from->collapse_by_escalation;
}

struct job {
	const struct gt_sim_params *p;
	const struct gt_sim_option *o;
	uint64_t seed, first, n;
	struct gt_sim_counts counts;
	atomic_uint_fast64_t *done; /* runs finished, over all threads */
};

static void *work(void *arg)
{
	struct job *j = arg;
	for (uint64_t i = 0; i < j->n; i++) {
		one_run(j->p, j->o, j->seed, j->first + i, &j->counts);
		atomic_fetch_add_explicit(j->done, 1, memory_order_relaxed);
	}
	return NULL;
}

static enum gt_status check(const struct gt_sim_params *p, const struct gt_sim_option *o,
                            const struct gt_sim_counts *out, struct gt_err *err)
{
	if (!p->present)
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "simulation",
		                  "the scenario has no simulation section (docs/model-sim.md)");
	if (out->days < 1 || !out->collapse_by_day)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
		                  "the tallies are not initialised (gt_sim_counts_init)");
	struct gt_sim_params q = *p;
	for (size_t i = 0; i < gt_sim_param_count(); i++) {
		double lo, hi, v = *gt_sim_param(&q, i, &lo, &hi);
		if (!(v >= lo && v <= hi))
			return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, "simulation",
			                  "%s = %g is out of range; expected %g to %g",
			                  gt_sim_param_name(i), v, lo, hi);
	}
	const struct gt_decide_rules *ru = &o->rules;
	if ((unsigned)ru->rule >= GT_DECIDE_RULE_COUNT || (unsigned)p->rule >= GT_DECIDE_RULE_COUNT ||
	    ru->quorum > 1 || ru->quorum == 0 || isnan(ru->quorum) || isnan(ru->deadline) ||
	    (o->nmembers > 0 && ru->rule == GT_DECIDE_LEAD_NATION && ru->lead >= o->nmembers))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, o->name, "decision rule out of range");
	if (o->nmembers > 64 || !(o->troops >= 0) || !(o->air_reach >= 0 && o->air_reach <= 1) ||
	    !(o->monitors_per_100km >= 0) || !(o->defender_strength > 0) ||
	    o->nlines > GT_LINES_MAX)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, o->name,
		                  "simulation inputs out of range");
	double shares = 0;
	for (size_t l = 0; l < o->nlines; l++) {
		if (!(o->lines[l].share >= 0) || !(o->lines[l].monitors_per_100km >= 0))
			return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, o->name,
			                  "line %zu: share or monitors out of range", l);
		shares += o->lines[l].share;
	}
	if (o->nlines > 1 && fabs(shares - 1) > 1e-9)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, o->name,
		                  "the lines' shares add up to %g; expected 1", shares);
	for (size_t m = 0; m < o->nmembers; m++)
		if (!(o->members[m].resolve <= 1) || isnan(o->members[m].delay_days))
			return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, o->name,
			                  "member %zu: resolve or delay out of range", m);
	return GT_OK;
}

enum gt_status gt_sim_run(const struct gt_sim_params *p, const struct gt_sim_option *o,
                          uint64_t seed, uint64_t first, uint64_t n, int threads,
                          struct gt_sim_counts *out, struct gt_err *err)
{
	return gt_sim_run_watched(p, o, seed, first, n, threads, out, NULL, err);
}

/* Sleeps ms milliseconds (less if a signal interrupts: the next tick comes
 * early, which is harmless). */
static void nap(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

enum gt_status gt_sim_run_watched(const struct gt_sim_params *p, const struct gt_sim_option *o,
                                  uint64_t seed, uint64_t first, uint64_t n, int threads,
                                  struct gt_sim_counts *out, const struct gt_sim_watch *watch,
                                  struct gt_err *err)
{
	enum gt_status st = check(p, o, out, err);
	if (st != GT_OK)
		return st;
	if (threads < 1)
		threads = 1;
	if ((uint64_t)threads > n)
		threads = n > 0 ? (int)n : 1;
	struct job *jobs = calloc((size_t)threads, sizeof(*jobs));
	pthread_t *tid = calloc((size_t)threads, sizeof(*tid));
	if (!jobs || !tid) {
		free(jobs);
		free(tid);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	int started = 0;
	uint64_t at = first;
	atomic_uint_fast64_t done = 0;
	for (int t = 0; t < threads; t++) {
		uint64_t share = n / (uint64_t)threads + ((uint64_t)t < n % (uint64_t)threads);
		jobs[t] = (struct job){p, o, seed, at, share, {0}, &done};
		at += share;
		if ((st = gt_sim_counts_init(&jobs[t].counts, out->days)) != GT_OK)
			break;
	}
	if (st == GT_OK) {
		for (; started < threads; started++)
			if (pthread_create(&tid[started], NULL, work, &jobs[started]) != 0)
				break;
		uint64_t target = 0;
		for (int t = 0; t < started; t++)
			target += jobs[t].n;
		while (watch && watch->tick &&
		       atomic_load_explicit(&done, memory_order_relaxed) < target) {
			watch->tick(watch->ctx, atomic_load_explicit(&done, memory_order_relaxed), n);
			nap(watch->every_ms > 0 ? watch->every_ms : 200);
		}
		if (watch && watch->tick)
			watch->tick(watch->ctx, atomic_load_explicit(&done, memory_order_relaxed), n);
		for (int t = 0; t < started; t++)
			pthread_join(tid[t], NULL);
		if (started < threads)
			st = GT_E_INTERNAL;
	}
	for (int t = 0; t < threads; t++) {
		if (st == GT_OK)
			gt_sim_counts_add(out, &jobs[t].counts);
		gt_sim_counts_fini(&jobs[t].counts);
	}
	free(jobs);
	free(tid);
	if (st == GT_E_NOMEM)
		return gt_err_set(err, st, NULL, 0, 0, NULL, "out of memory");
	if (st != GT_OK)
		return gt_err_set(err, st, NULL, 0, 0, NULL, "cannot start %d threads", threads);
	return GT_OK;
}

static struct gt_sim_share wilson(uint64_t k, uint64_t n)
{
	if (n == 0)
		return (struct gt_sim_share){NAN, NAN, NAN};
	const double z = 1.959963984540054;
	double N = (double)n, ph = (double)k / N, z2 = z * z;
	double centre = (ph + z2 / (2 * N)) / (1 + z2 / N);
	double half = z * sqrt(ph * (1 - ph) / N + z2 / (4 * N * N)) / (1 + z2 / N);
	return (struct gt_sim_share){ph, fmax(0, centre - half), fmin(1, centre + half)};
}

void gt_sim_summarise(const struct gt_sim_counts *c, struct gt_sim_summary *out)
{
	memset(out, 0, sizeof(*out));
	const int years[3] = {1, 2, 5};
	for (int y = 0; y < 3; y++) {
		int upto = 365 * years[y];
		if (upto > c->days) {
			out->collapse[y] = (struct gt_sim_share){NAN, NAN, NAN};
			continue;
		}
		uint64_t k = 0;
		for (int d = 0; d < upto; d++)
			k += c->collapse_by_day[d];
		out->collapse[y] = wilson(k, c->runs);
	}
	out->median_days = INFINITY;
	uint64_t cum = 0;
	for (int d = 0; d < c->days; d++) {
		cum += c->collapse_by_day[d];
		if (c->runs > 0 && 2 * cum >= c->runs) {
			out->median_days = d + 1;
			break;
		}
	}
	out->escalation = wilson(c->runs_escalated, c->runs);
	out->split = wilson(c->runs_split, c->runs);
	double n = c->runs ? (double)c->runs : NAN;
	out->answered_per_run = (double)c->answered / n;
	out->unanswered_per_run = (double)c->unanswered / n;
	out->violations_per_run =
		(double)(c->actions[GT_SIM_MINOR] + c->actions[GT_SIM_PROBE] + c->actions[GT_SIM_PRETEXT]) /
		n;
}

static double surviving(const struct gt_sim_counts *c)
{
	uint64_t k = 0;
	for (int d = 0; d < c->days; d++)
		k += c->collapse_by_day[d];
	return c->runs ? (double)(c->runs - k) / (double)c->runs : NAN;
}

double gt_sim_hazard_ratio(const struct gt_sim_counts *c, const struct gt_sim_counts *ref)
{
	double s = surviving(c), r = surviving(ref);
	if (!isfinite(s) || !isfinite(r) || r >= 1)
		return NAN;
	if (s >= 1)
		return 0;
	return log(s) / log(r); /* INFINITY when every run of c collapsed */
}

double gt_sim_collapse_within(const struct gt_sim_counts *c, int years)
{
	int upto = 365 * years;
	if (c->runs == 0 || upto > c->days || years < 0)
		return NAN;
	uint64_t k = 0;
	for (int d = 0; d < upto; d++)
		k += c->collapse_by_day[d];
	return (double)k / (double)c->runs;
}
