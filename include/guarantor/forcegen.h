/* forcegen.h: force generation. Matches what coalition members can sustain,
 * under their national caveats, to the roles an option needs (each
 * sector's line, each garrison, the reserve, enablers, air patrols, AEW,
 * the naval task group, training, monitoring), as a mixed-integer
 * programme solved with GLPK in three lexicographic stages: least weighted
 * shortfall, then fairest burden sharing, then fewest nations per sector.
 * Formulation: docs/model-forcegen.md.
 *
 * gt_forcegen_run allocates the result; gt_forcegen_free releases it. The
 * result borrows from the scenario and the sizing, which must outlive it. */
#ifndef GUARANTOR_FORCEGEN_H
#define GUARANTOR_FORCEGEN_H

#include <stddef.h>

#include "guarantor/err.h"
#include "guarantor/scenario.h"
#include "guarantor/sizing.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A change to the coalition for a "what if" run. */
struct gt_fg_change {
	char code[3]; /* the member */
	enum {
		GT_FG_WITHOUT,    /* drop the member */
		GT_FG_LIFT,       /* lift one caveat (what), or all of them (what = NULL) */
		GT_FG_CAP         /* set what it can sustain of one unit to value */
	} kind;
	const char *what; /* LIFT: min_km_from_line, only_in, only_under, max_role_share */
	enum gt_unit unit; /* CAP */
	long value;        /* CAP */
};

struct gt_fg_settings {
	double time_limit_s; /* for all three stages together; 0: 30 s */
	const struct gt_fg_change *changes;
	size_t nchanges;
};

struct gt_fg_role {
	enum gt_role_kind kind;
	char name[64];              /* "S7", "Kyiv", "reserve", ... */
	const struct gt_sector *sector; /* line roles, else NULL */
	enum gt_unit unit;
	double km_from_line;
	long required, allocated, shortfall;
	int lead;    /* index into members of the lead nation, or -1 */
	int nations; /* members with units in the role */
	char *why;   /* when shortfall > 0: why, in words; else NULL */
};

struct gt_fg_member {
	const struct gt_member *member; /* borrowed */
	bool excluded;                  /* dropped by a "what if" change */
	long units[GT_UNIT_COUNT];      /* allocated, deployed at any one time */
	long sustain[GT_UNIT_COUNT];    /* what it can sustain, after changes */
	long personnel;                 /* people deployed */
	long committed;                 /* people in its rotation pool: personnel x rotation */
	double share;                   /* of all people deployed */
	double fair_share;              /* its weight's share among those able to contribute */
};

struct gt_fg_alloc {
	int member, role;
	long units;
};

/* One contingent in one rotation period: member's rotation group `group`
 * (1 to its rotation ratio, rounded up) holds `units` of the role. Each
 * member rotates its own units; a group returns every `rotation` periods. */
struct gt_fg_tour {
	int period; /* 0-based; starts at period * tour_months */
	int role, member;
	long units;
	int group;
};

struct gt_forcegen {
	const struct gt_scenario *scenario;
	const struct gt_sizing_option *option;
	struct gt_fg_role *roles;
	size_t nroles;
	struct gt_fg_member *members;
	size_t nmembers;
	struct gt_fg_alloc *allocs; /* by role, then member */
	size_t nallocs;
	struct gt_fg_tour *schedule; /* by period, then allocation */
	size_t nschedule;
	int nperiods; /* horizon_months / tour_months, rounded up */
	const char *status;  /* "optimal", "feasible (time limit)", "no solution (time limit)" */
	double objective[3]; /* weighted relative shortfall; unfairness (thousand people); nations */
	double gap;          /* relative MIP gap of the worst stage; 0 when all optimal */
	double seconds;
	size_t nvars, nrows;
	long shortfall_people;
};

/* GT_OK when scenario s has what force generation needs (a forcegen
 * section and coalition members); else GT_E_SCHEMA saying what is
 * missing. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_forcegen_check(const struct gt_scenario *s,
                                                         struct gt_err *err);

/* Generates forces for one sized option. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_forcegen_run(const struct gt_scenario *s,
                                                       const struct gt_sizing_option *option,
                                                       const struct gt_fg_settings *settings,
                                                       struct gt_forcegen **out,
                                                       struct gt_err *err);
GT_EXPORT void gt_forcegen_free(struct gt_forcegen *fg);

/* Whether a member contributes forces to the option (companies, fighters,
 * AEW aircraft, tankers or ships; trainers and monitors are not forces)
 * and was not dropped: the governments that vote on an answer. */
GT_EXPORT bool gt_forcegen_contributes(const struct gt_fg_member *fm);

/* People per unit of u for a sized option: company strength from the
 * forcegen section, ships' crews from the doctrine, and people per
 * aircraft of the types the option flies. */
GT_EXPORT double gt_forcegen_people_per_unit(const struct gt_scenario *s,
                                             const struct gt_sizing_option *option,
                                             enum gt_unit u);

#ifdef __cplusplus
}
#endif
#endif
