/* mip.c: the GLPK adapter. The only file that includes glpk.h. */
#include "mip.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct var {
	enum gt__mip_kind kind;
	double lb, ub, obj, value;
};

struct rowb {
	double lb, ub;
};

struct nz {
	int row, var;
	double coef;
};

struct gt__mip {
	double obj_const;
	double *start; /* 1-based, for glp_ios_heur_sol; NULL when none */
	struct var *vars;
	size_t nvars, capvars;
	struct rowb *rows;
	size_t nrows, caprows;
	struct nz *nzs;
	size_t nnz, capnz;
};

#define GROW(arr, n, cap)                                                                  \
	((n) < (cap) ? true : grow((void **)&(arr), &(cap), sizeof(*(arr))))

static bool grow(void **arr, size_t *cap, size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 64;
	void *p = realloc(*arr, ncap * size);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

enum gt_status gt__mip_new(struct gt__mip **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? GT_OK : GT_E_NOMEM;
}

void gt__mip_free(struct gt__mip *m)
{
	if (!m)
		return;
	free(m->start);
	free(m->vars);
	free(m->rows);
	free(m->nzs);
	free(m);
}

int gt__mip_var(struct gt__mip *m, enum gt__mip_kind kind, double lb, double ub)
{
	if (!GROW(m->vars, m->nvars, m->capvars))
		return -1;
	if (kind == GT_MIP_BINARY) {
		lb = 0;
		ub = 1;
	}
	m->vars[m->nvars] = (struct var){.kind = kind, .lb = lb, .ub = ub};
	return (int)m->nvars++;
}

int gt__mip_row(struct gt__mip *m, double lb, double ub)
{
	if (!GROW(m->rows, m->nrows, m->caprows))
		return -1;
	m->rows[m->nrows] = (struct rowb){.lb = lb, .ub = ub};
	return (int)m->nrows++;
}

bool gt__mip_coef(struct gt__mip *m, int row, int var, double coef)
{
	if (!GROW(m->nzs, m->nnz, m->capnz))
		return false;
	m->nzs[m->nnz++] = (struct nz){.row = row, .var = var, .coef = coef};
	return true;
}

void gt__mip_obj(struct gt__mip *m, int var, double coef)
{
	m->vars[var].obj = coef;
}

void gt__mip_obj_const(struct gt__mip *m, double c)
{
	m->obj_const = c;
}

void gt__mip_obj_clear(struct gt__mip *m)
{
	m->obj_const = 0;
	for (size_t i = 0; i < m->nvars; i++)
		m->vars[i].obj = 0;
}

double gt__mip_value(const struct gt__mip *m, int var)
{
	return m->vars[var].value;
}

size_t gt__mip_nvars(const struct gt__mip *m)
{
	return m->nvars;
}

size_t gt__mip_nrows(const struct gt__mip *m)
{
	return m->nrows;
}

static int bound_type(double lb, double ub)
{
	bool l = isfinite(lb), u = isfinite(ub);
	if (l && u)
		return lb == ub ? GLP_FX : GLP_DB;
	return l ? GLP_LO : u ? GLP_UP : GLP_FR;
}

/* GT_OK when values meet every bound, integrality and row of the model,
 * GT_E_INTERNAL when they do not, GT_E_NOMEM when it cannot tell. GLPK
 * takes a heuristic solution on trust, so it is checked here. */
static enum gt_status check_feasible(const struct gt__mip *m, const double *values)
{
	const double tol = 1e-6;
	for (size_t j = 0; j < m->nvars; j++) {
		const struct var *v = &m->vars[j];
		double x = values[j];
		if (x < v->lb - tol || x > v->ub + tol)
			return GT_E_INTERNAL;
		if (v->kind != GT_MIP_CONTINUOUS && fabs(x - round(x)) > tol)
			return GT_E_INTERNAL;
	}
	double *act = calloc(m->nrows + 1, sizeof(*act));
	if (!act)
		return GT_E_NOMEM;
	for (size_t k = 0; k < m->nnz; k++)
		act[m->nzs[k].row] += m->nzs[k].coef * values[m->nzs[k].var];
	bool ok = true;
	for (size_t i = 0; i < m->nrows && ok; i++) {
		double scale = 1 + fabs(act[i]);
		ok = act[i] >= m->rows[i].lb - tol * scale && act[i] <= m->rows[i].ub + tol * scale;
	}
	free(act);
	return ok ? GT_OK : GT_E_INTERNAL;
}

enum gt_status gt__mip_start(struct gt__mip *m, const double *values)
{
	enum gt_status st = check_feasible(m, values);
	if (st != GT_OK) {
		free(m->start);
		m->start = NULL;
		return st;
	}
	free(m->start);
	m->start = malloc((m->nvars + 1) * sizeof(*m->start));
	if (!m->start)
		return GT_E_NOMEM;
	m->start[0] = 0;
	memcpy(m->start + 1, values, m->nvars * sizeof(*values));
	return GT_OK;
}

struct search {
	double gap;          /* the last relative gap GLPK reported */
	const double *start; /* offered once, at the first heuristic call */
	bool offered;
};

static void on_search(glp_tree *tree, void *info)
{
	struct search *s = info;
	int reason = glp_ios_reason(tree);
	if (reason == GLP_IBINGO || reason == GLP_ISELECT) {
		double g = glp_ios_mip_gap(tree); /* DBL_MAX until there is an incumbent */
		if (g < 1e300)
			s->gap = g;
	}
	if (reason == GLP_IHEUR && s->start && !s->offered) {
		s->offered = true;
		glp_ios_heur_sol(tree, s->start);
	}
}

enum gt_status gt__mip_solve(struct gt__mip *m, double time_limit_s, double rel_gap,
                             struct gt__mip_result *res)
{
	memset(res, 0, sizeof(*res));
	glp_term_out(GLP_OFF);
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	glp_prob *lp = glp_create_prob();
	int *ia = malloc((m->nnz + 1) * sizeof(*ia));
	int *ja = malloc((m->nnz + 1) * sizeof(*ja));
	double *ar = malloc((m->nnz + 1) * sizeof(*ar));
	enum gt_status st = GT_OK;
	if (!ia || !ja || !ar) {
		st = GT_E_NOMEM;
		goto out_free;
	}
	glp_set_obj_dir(lp, GLP_MIN);
	glp_set_obj_coef(lp, 0, m->obj_const);
	if (m->nrows)
		glp_add_rows(lp, (int)m->nrows);
	if (m->nvars)
		glp_add_cols(lp, (int)m->nvars);
	for (size_t i = 0; i < m->nrows; i++)
		glp_set_row_bnds(lp, (int)i + 1, bound_type(m->rows[i].lb, m->rows[i].ub),
		                 isfinite(m->rows[i].lb) ? m->rows[i].lb : 0,
		                 isfinite(m->rows[i].ub) ? m->rows[i].ub : 0);
	for (size_t j = 0; j < m->nvars; j++) {
		const struct var *v = &m->vars[j];
		int col = (int)j + 1;
		glp_set_col_kind(lp, col, v->kind == GT_MIP_CONTINUOUS ? GLP_CV
		                          : v->kind == GT_MIP_BINARY   ? GLP_BV
		                                                       : GLP_IV);
		if (v->kind != GT_MIP_BINARY)
			glp_set_col_bnds(lp, col, bound_type(v->lb, v->ub), isfinite(v->lb) ? v->lb : 0,
			                 isfinite(v->ub) ? v->ub : 0);
		glp_set_obj_coef(lp, col, v->obj);
	}
	for (size_t k = 0; k < m->nnz; k++) {
		ia[k + 1] = m->nzs[k].row + 1;
		ja[k + 1] = m->nzs[k].var + 1;
		ar[k + 1] = m->nzs[k].coef;
	}
	glp_load_matrix(lp, (int)m->nnz, ia, ja, ar);

	glp_iocp parm;
	glp_init_iocp(&parm);
	/* A start solution is in the original columns, so GLPK's MIP presolver
	 * (which renumbers them) is off then, and the LP is solved first. */
	parm.presolve = m->start ? GLP_OFF : GLP_ON;
	if (m->start) {
		glp_smcp sm;
		glp_init_smcp(&sm);
		sm.msg_lev = GLP_MSG_OFF;
		sm.presolve = GLP_OFF;
		sm.tm_lim = (int)fmin(fmax(time_limit_s, 0.001) * 1000.0, 2e9);
		if (glp_simplex(lp, &sm) != 0 || glp_get_status(lp) != GLP_OPT) {
			/* fall back to presolving from scratch */
			parm.presolve = GLP_ON;
		}
	}
	parm.msg_lev = GLP_MSG_OFF;
	parm.mip_gap = rel_gap;
	parm.gmi_cuts = GLP_ON;
	parm.mir_cuts = GLP_ON;
	parm.cov_cuts = GLP_ON;
	parm.clq_cuts = GLP_ON;
	parm.fp_heur = GLP_ON;
	/* what the LP relaxation used counts against the limit */
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double spent = (double)(now.tv_sec - start.tv_sec) + (double)(now.tv_nsec - start.tv_nsec) / 1e9;
	parm.tm_lim = (int)fmin(fmax(time_limit_s - spent, 0.001) * 1000.0, 2e9);
	struct search search = {.gap = HUGE_VAL,
	                        .start = parm.presolve == GLP_OFF ? m->start : NULL};
	parm.cb_func = on_search;
	parm.cb_info = &search;
	struct timespec t1;
	int rc = glp_intopt(lp, &parm);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	res->seconds =
		(double)(t1.tv_sec - start.tv_sec) + (double)(t1.tv_nsec - start.tv_nsec) / 1e9;
	int ms = glp_mip_status(lp);
	if (rc == GLP_ENOPFS || ms == GLP_NOFEAS) {
		res->status = GT_MIP_INFEASIBLE;
	} else if (ms == GLP_OPT) {
		res->status = GT_MIP_OPTIMAL;
	} else if (ms == GLP_FEAS && rc == GLP_EMIPGAP) {
		/* stopped because the gap reached the tolerance asked for */
		res->status = GT_MIP_OPTIMAL;
		res->gap = search.gap <= rel_gap ? search.gap : rel_gap;
	} else if (ms == GLP_FEAS) {
		res->status = GT_MIP_FEASIBLE;
		res->gap = search.gap;
	} else if (rc == GLP_ETMLIM || ms == GLP_UNDEF) {
		res->status = GT_MIP_NO_SOLUTION;
	} else {
		st = GT_E_INTERNAL;
	}
	if (res->status == GT_MIP_OPTIMAL || res->status == GT_MIP_FEASIBLE) {
		res->objective = glp_mip_obj_val(lp) - m->obj_const;
		for (size_t j = 0; j < m->nvars; j++)
			m->vars[j].value = glp_mip_col_val(lp, (int)j + 1);
	} else if (res->status == GT_MIP_NO_SOLUTION && m->start) {
		/* out of time before GLPK found anything: the start, which was
		 * checked to be feasible, is the answer, with no bound on it */
		res->status = GT_MIP_FEASIBLE;
		res->gap = HUGE_VAL;
		res->objective = 0;
		for (size_t j = 0; j < m->nvars; j++) {
			m->vars[j].value = m->start[j + 1];
			res->objective += m->vars[j].obj * m->start[j + 1];
		}
	}
out_free:
	free(ia);
	free(ja);
	free(ar);
	glp_delete_prob(lp);
	return st;
}
