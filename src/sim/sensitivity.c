/* sensitivity.c: which assumptions move the simulation's outcome most:
 * one-at-a-time swings and Latin-hypercube rank correlations over the
 * simulation's parameters (docs/model-sim.md, "Sensitivity"). */
#include "guarantor/sim.h"
#include "sim/philox.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The share of runs that collapse within the horizon under parameters q. */
static enum gt_status outcome(const struct gt_sim_params *q, const struct gt_sim_option *o,
                              uint64_t seed, uint64_t runs, int days, int threads, double *y,
                              struct gt_err *err)
{
	struct gt_sim_counts c;
	enum gt_status st = gt_sim_counts_init(&c, days);
	if (st != GT_OK)
		return gt_err_set(err, st, NULL, 0, 0, NULL, "out of memory");
	st = gt_sim_run(q, o, seed, 0, runs, threads, &c, err);
	*y = c.runs ? 1 - (double)c.survived / (double)c.runs : NAN;
	gt_sim_counts_fini(&c);
	return st;
}

static int by_swing(const void *a, const void *b)
{
	const struct gt_sens_item *x = a, *y = b;
	double sx = fabs(x->y_hi - x->y_lo), sy = fabs(y->y_hi - y->y_lo);
	if (sx != sy)
		return sx > sy ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int by_rho(const void *a, const void *b)
{
	const struct gt_sens_item *x = a, *y = b;
	if (fabs(x->rho) != fabs(y->rho))
		return fabs(x->rho) > fabs(y->rho) ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Ranks 0..n-1 of v (ties get the mean of their ranks). */
static void ranks(const double *v, size_t n, double *r, size_t *idx)
{
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	/* insertion sort: n is a few hundred at most */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && v[idx[j - 1]] > v[idx[j]]; j--) {
			size_t t = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = t;
		}
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && v[idx[j + 1]] == v[idx[i]])
			j++;
		for (size_t k = i; k <= j; k++)
			r[idx[k]] = (double)(i + j) / 2;
		i = j + 1;
	}
}

static double pearson(const double *x, const double *y, size_t n)
{
	double mx = 0, my = 0;
	for (size_t i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= (double)n;
	my /= (double)n;
	double sxy = 0, sxx = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
		syy += (y[i] - my) * (y[i] - my);
	}
	return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0;
}

enum gt_status gt_sim_sensitivity(const struct gt_sim_params *p, const struct gt_sim_option *o,
                                  enum gt_sens_method method, uint64_t seed, uint64_t runs,
                                  int days, size_t samples, int threads,
                                  struct gt_sensitivity **out, struct gt_err *err)
{
	*out = NULL;
	if (method == GT_SENS_LATIN_HYPERCUBE && (samples < 4 || samples > 10000))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "samples",
		                  "%zu samples; expected 4 to 10,000", samples);
	struct gt_sensitivity *s = calloc(1, sizeof(*s));
	size_t np = gt_sim_param_count();
	if (!s || !(s->items = calloc(np, sizeof(*s->items)))) {
		gt_sensitivity_free(s);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	s->method = method;
	/* the swept parameters and their ranges */
	struct gt_sim_params base = *p;
	size_t *which = calloc(np, sizeof(*which));
	if (!which) {
		gt_sensitivity_free(s);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	for (size_t i = 0; i < np; i++) {
		double lo, hi, v = *gt_sim_param(&base, i, &lo, &hi);
		if (!(v > 0))
			continue;
		struct gt_sens_item *it = &s->items[s->n];
		it->name = gt_sim_param_name(i);
		it->words = gt_sim_param_words(i);
		it->base = v;
		it->lo = fmax(lo, 0.5 * v);
		it->hi = fmin(hi, 1.5 * v);
		if (!(it->hi > it->lo))
			continue;
		which[s->n++] = i;
	}
	enum gt_status st = outcome(&base, o, seed, runs, days, threads, &s->y_base, err);
	if (st == GT_OK && method == GT_SENS_ONE_AT_A_TIME) {
		for (size_t k = 0; st == GT_OK && k < s->n; k++) {
			struct gt_sim_params q = base;
			double *v = gt_sim_param(&q, which[k], NULL, NULL);
			*v = s->items[k].lo;
			st = outcome(&q, o, seed, runs, days, threads, &s->items[k].y_lo, err);
			*v = s->items[k].hi;
			if (st == GT_OK)
				st = outcome(&q, o, seed, runs, days, threads, &s->items[k].y_hi, err);
		}
		if (st == GT_OK)
			qsort(s->items, s->n, sizeof(*s->items), by_swing);
	} else if (st == GT_OK) {
		/* Latin hypercube: parameter k takes stratum perm_k(j) in sample j */
		size_t K = samples, n = s->n;
		double *x = calloc(n * K, sizeof(*x)), *y = calloc(K, sizeof(*y));
		double *rx = calloc(K, sizeof(*rx)), *ry = calloc(K, sizeof(*ry));
		size_t *idx = calloc(K, sizeof(*idx)), *perm = calloc(K, sizeof(*perm));
		if (!x || !y || !rx || !ry || !idx || !perm) {
			st = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
		} else {
			struct gt__stream rng;
			gt__stream_init(&rng, seed ^ 0x5e4517u, UINT64_MAX); /* not any run's stream */
			for (size_t k = 0; k < n; k++) {
				for (size_t j = 0; j < K; j++)
					perm[j] = j;
				for (size_t j = K - 1; j > 0; j--) { /* Fisher-Yates */
					size_t r = (size_t)(gt__stream_uniform(&rng) * (double)(j + 1));
					size_t t = perm[j];
					perm[j] = perm[r];
					perm[r] = t;
				}
				for (size_t j = 0; j < K; j++) {
					double u = ((double)perm[j] + gt__stream_uniform(&rng)) / (double)K;
					x[k * K + j] = s->items[k].lo + u * (s->items[k].hi - s->items[k].lo);
				}
			}
			for (size_t j = 0; st == GT_OK && j < K; j++) {
				struct gt_sim_params q = base;
				for (size_t k = 0; k < n; k++)
					*gt_sim_param(&q, which[k], NULL, NULL) = x[k * K + j];
				st = outcome(&q, o, seed, runs, days, threads, &y[j], err);
			}
			if (st == GT_OK) {
				ranks(y, K, ry, idx);
				for (size_t k = 0; k < n; k++) {
					ranks(&x[k * K], K, rx, idx);
					s->items[k].rho = pearson(rx, ry, K);
				}
				s->samples = K;
				qsort(s->items, s->n, sizeof(*s->items), by_rho);
			}
		}
		free(x);
		free(y);
		free(rx);
		free(ry);
		free(idx);
		free(perm);
	}
	free(which);
	if (st != GT_OK) {
		gt_sensitivity_free(s);
		return st;
	}
	*out = s;
	return GT_OK;
}

void gt_sensitivity_free(struct gt_sensitivity *s)
{
	if (!s)
		return;
	free(s->items);
	free(s);
}
