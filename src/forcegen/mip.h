/* mip.h: a small mixed-integer programme builder over GLPK (private to
 * src/forcegen). Variables and constraints are added by index; the model
 * is handed to GLPK at solve time, so rows may be added between solves
 * (lexicographic objectives). GLPK's types stay inside mip.c. */
#ifndef GT_FORCEGEN_MIP_H
#define GT_FORCEGEN_MIP_H

#include <stdbool.h>
#include <stddef.h>

#include "guarantor/err.h"

struct gt__mip;

enum gt__mip_kind { GT_MIP_CONTINUOUS, GT_MIP_INTEGER, GT_MIP_BINARY };

struct gt__mip_result {
	enum {
		GT_MIP_OPTIMAL,    /* proven optimal, or within the requested gap */
		GT_MIP_FEASIBLE,   /* a solution, not proven optimal (time limit) */
		GT_MIP_INFEASIBLE, /* no solution exists */
		GT_MIP_NO_SOLUTION /* none found within the time limit */
	} status;
	double objective;
	double gap;    /* relative gap of the best solution, 0 when optimal */
	double seconds;
};

GT_MUST_CHECK enum gt_status gt__mip_new(struct gt__mip **out);
void gt__mip_free(struct gt__mip *m);

/* Adds a variable; returns its index, or -1 when out of memory. */
int gt__mip_var(struct gt__mip *m, enum gt__mip_kind kind, double lb, double ub);
/* Adds a row lb <= sum <= ub (use -HUGE_VAL / HUGE_VAL for none); -1 on
 * out of memory. */
int gt__mip_row(struct gt__mip *m, double lb, double ub);
/* Adds coef * var to row; false when out of memory. */
bool gt__mip_coef(struct gt__mip *m, int row, int var, double coef);
/* Sets the objective (minimised) coefficient of var; all start at 0. */
void gt__mip_obj(struct gt__mip *m, int var, double coef);
void gt__mip_obj_clear(struct gt__mip *m);
/* A constant added to the objective. It changes no solution, but GLPK's
 * gap is relative to the objective's size, so a constant turns the
 * relative gap tolerance into an absolute one of about rel_gap * c. */
void gt__mip_obj_const(struct gt__mip *m, double c);

/* Offers a feasible solution (one value per variable) to start the search
 * from; GLPK keeps it unless it finds better. Copies values. Returns
 * GT_E_INTERNAL, and offers nothing, when the values are not feasible. */
GT_MUST_CHECK enum gt_status gt__mip_start(struct gt__mip *m, const double *values);

/* Solves with a time limit in seconds, stopping when the relative gap is
 * at most rel_gap (0: prove optimality). Values are read with
 * gt__mip_value. */
GT_MUST_CHECK enum gt_status gt__mip_solve(struct gt__mip *m, double time_limit_s,
                                           double rel_gap, struct gt__mip_result *res);
double gt__mip_value(const struct gt__mip *m, int var);
size_t gt__mip_nvars(const struct gt__mip *m);
size_t gt__mip_nrows(const struct gt__mip *m);

#endif
