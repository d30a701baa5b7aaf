/* validation.c: applies the sizing model to historical missions and
 * measures the error (docs/validation.md). */
#include "guarantor/missions.h"
#include "guarantor/sizing.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

enum gt_status gt_validation_run(const struct gt_doctrine *d, const struct gt_missions *m,
                                 struct gt_validation **out, struct gt_err *err)
{
	*out = NULL;
	struct gt_validation *v = calloc(1, sizeof(*v));
	double *abs_err = calloc(m->n ? m->n : 1, sizeof(*abs_err));
	if (v)
		v->rows = calloc(m->n ? m->n : 1, sizeof(*v->rows));
	if (!v || !v->rows || !abs_err) {
		free(abs_err);
		gt_validation_free(v);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	size_t within = 0;
	for (size_t i = 0; i < m->n; i++) {
		const struct gt_mission *ms = &m->items[i];
		struct gt_sizing_case c = {.posture = ms->posture,
		                           .threat = ms->threat,
		                           .terrain = ms->terrain,
		                           .line_km = ms->line_km,
		                           .population = ms->population};
		struct gt_validation_row *row = &v->rows[v->n++];
		row->mission = ms;
		if (gt_sizing_predict(d, &c, &row->predicted) != GT_OK || !(row->predicted > 0) ||
		    !isfinite(row->predicted)) {
			const char *field =
				ms->posture == GT_POSTURE_OBSERVER ? "doctrine.observer_per_km"
				: ms->posture == GT_POSTURE_STABILISATION
					? "doctrine.stabilisation_per_1000"
					: "doctrine.density_per_km and doctrine.posture_factor";
			char path[300];
			snprintf(path, sizeof(path), "row %zu (%s)", ms->row, ms->name);
			free(abs_err);
			gt_validation_free(v);
			return gt_err_set(err, GT_E_RANGE, m->file, 0, 0, path,
			                  "the doctrine predicts %g troops for this %s mission, so its "
			                  "error cannot be measured; expected %s to be above zero",
			                  row->predicted, gt_posture_name(ms->posture), field);
		}
		row->log10_error = log10(row->predicted / ms->troops);
		abs_err[i] = fabs(row->log10_error);
		within += abs_err[i] <= log10(2.0) + 1e-12;
	}
	qsort(abs_err, m->n, sizeof(*abs_err), cmp_double);
	if (m->n)
		v->median_abs_log10_error = m->n % 2 ? abs_err[m->n / 2]
		                                     : (abs_err[m->n / 2 - 1] + abs_err[m->n / 2]) / 2;
	v->share_within_factor_2 = m->n ? (double)within / (double)m->n : 0;
	free(abs_err);
	*out = v;
	return GT_OK;
}

void gt_validation_free(struct gt_validation *v)
{
	if (!v)
		return;
	free(v->rows);
	free(v);
}
