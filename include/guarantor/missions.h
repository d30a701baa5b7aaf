/* missions.h: historical peace, ceasefire and buffer-zone missions (a CSV
 * file, docs/validation.md) and the validation of the sizing model
 * against them.
 *
 * gt_missions_load_* allocate a struct gt_missions; gt_missions_free
 * releases it. gt_validation_run allocates a struct gt_validation that
 * borrows the missions; free it with gt_validation_free first. */
#ifndef GUARANTOR_MISSIONS_H
#define GUARANTOR_MISSIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "guarantor/err.h"
#include "guarantor/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

struct gt_mission {
	size_t row; /* CSV record number, the header being row 1 */
	char *name;
	int start_year;
	double troops;  /* peak deployed */
	double line_km; /* length of the line or zone boundary held */
	enum gt_posture posture;
	enum gt_threat threat;
	enum gt_terrain terrain;
	bool terrain_given; /* false: "mixed" was assumed */
	double population;  /* 0 when not given */
	double area_km2;    /* 0 when not given */
	char *source;
	char *notes; /* NULL when not given */
};

struct gt_missions {
	char *file; /* the name the missions were loaded under */
	struct gt_mission *items;
	size_t n;
	char **warnings; /* e.g. unknown columns that were ignored */
	size_t nwarnings;
};

/* The mission file compiled into the library (data/missions.csv). */
GT_EXPORT const char *gt_missions_builtin_csv(size_t *len);

GT_EXPORT GT_MUST_CHECK enum gt_status gt_missions_load_text(const char *csv, size_t len,
                                                             const char *name,
                                                             struct gt_missions **out,
                                                             struct gt_err *err);
GT_EXPORT GT_MUST_CHECK enum gt_status gt_missions_load_file(const char *path,
                                                             struct gt_missions **out,
                                                             struct gt_err *err);
GT_EXPORT void gt_missions_free(struct gt_missions *m);

struct gt_validation_row {
	const struct gt_mission *mission; /* borrowed */
	double predicted;
	double log10_error; /* log10(predicted / actual) */
};

struct gt_validation {
	struct gt_validation_row *rows;
	size_t n;
	double median_abs_log10_error;
	double share_within_factor_2; /* share of missions with |error| <= log10(2) */
};

/* Applies the sizing model with doctrine d to every mission. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_validation_run(const struct gt_doctrine *d,
                                                         const struct gt_missions *m,
                                                         struct gt_validation **out,
                                                         struct gt_err *err);
GT_EXPORT void gt_validation_free(struct gt_validation *v);

#ifdef __cplusplus
}
#endif
#endif
