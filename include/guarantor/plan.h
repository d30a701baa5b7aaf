/* plan.h: the pipeline (docs/architecture.md, "Data flow"). One scenario
 * through every engine in order: sizing, force generation, the air
 * umbrella, the deterrence simulation; one results object that every
 * command and renderer reads, so that no caller wires engines itself.
 *
 * What force generation actually raised flows downstream: by default the
 * simulation is given the ground troops, monitors and patrol stations the
 * coalition can fill, and the governments that contribute forces as its
 * voters (docs/model-sim.md, "Inputs"). A no-guarantee reference from the
 * same scenario and seed runs beside the options.
 *
 * gt_plan_run allocates the plan; gt_plan_free releases it. The plan
 * borrows the scenario, which must outlive it. */
#ifndef GUARANTOR_PLAN_H
#define GUARANTOR_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guarantor/air.h"
#include "guarantor/err.h"
#include "guarantor/forcegen.h"
#include "guarantor/scenario.h"
#include "guarantor/sim.h"
#include "guarantor/sizing.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The stages after sizing, which always runs. Each takes the ones it
 * needs: the simulation's inputs force generation (when the scenario has a
 * coalition) and the air umbrella. */
enum {
	GT_PLAN_FORCEGEN = 1 << 0,   /* force generation, when the scenario has a coalition */
	GT_PLAN_AIR = 1 << 1,        /* each air umbrella placed and assessed */
	GT_PLAN_SIM_INPUTS = 1 << 2, /* the simulation's inputs, nothing run */
	GT_PLAN_SIM = 1 << 3,        /* ... and the runs */
	GT_PLAN_ALL = GT_PLAN_FORCEGEN | GT_PLAN_AIR | GT_PLAN_SIM_INPUTS | GT_PLAN_SIM
};

/* Progress of the simulation: tick(ctx, name, done, total) about every
 * every_ms while one input's runs go on, and once at its end. */
struct gt_plan_watch {
	void (*tick)(void *ctx, const char *name, uint64_t done, uint64_t total);
	void *ctx;
	int every_ms;
};

struct gt_plan_settings {
	unsigned stages;            /* GT_PLAN_* */
	const char *option;         /* only this option; NULL: every one */
	bool air_all;               /* plan air for options without air elements too (empty) */
	const struct gt_fg_settings *forcegen; /* "what if" changes, time limit; NULL: none */
	double air_resolution_km;   /* reaction grid; 0: GT_AIR_RESOLUTION_KM */
	/* the simulation */
	enum gt_sim_basis basis;    /* the force simulated (default: as raised) */
	bool both_bases;            /* also simulate the other basis (the brief's comparison) */
	bool no_baseline;           /* leave out the no-guarantee reference */
	uint64_t runs;              /* 0: the scenario's simulation.runs */
	int years;                  /* 0: simulation.years */
	int64_t seed;               /* negative: simulation.seed */
	int threads;                /* 0: the processors online */
	int rank, size;             /* this process's share of the runs, of size (0: 1), as
	                             * [runs rank / size, runs (rank + 1) / size) */
	const struct gt_plan_watch *watch; /* progress; NULL: none */
};

/* One option's force, as sizing requires it or as force generation
 * raised it. People are deployed at any one time. */
struct gt_plan_force {
	long ground;            /* deployed ground force */
	long fighters, aew_aircraft, tankers, ships;
	long air_personnel, naval_personnel, trainers, monitors;
	long deployed;          /* every person above */
	size_t stations, orbits; /* patrol stations and AEW orbits held */
	size_t voters;          /* governments contributing forces */
};

/* One option through the pipeline. */
struct gt_plan_option {
	const struct gt_option *option;         /* borrowed from the scenario */
	const struct gt_sizing_option *sizing;  /* borrowed from the plan's sizing */
	struct gt_forcegen *forcegen;           /* NULL without a coalition or the stage */
	struct gt_air_plan *air_plan;           /* the umbrella required; NULL without air */
	struct gt_air_assessment *air;          /* its assessment */
	struct gt_air_plan *air_held;           /* the stations force generation can fill */
	struct gt_air_assessment *air_held_assessed; /* NULL when it is the whole plan */
	struct gt_plan_force required, raised;  /* raised = required without force generation */
	/* the simulation, by basis (gt_sim_basis); counts with runs == 0 were not run */
	struct gt_sim_option sim_in[2];
	struct gt_sim_counts sim[2];
	bool has_sim_in;
};

struct gt_plan {
	const struct gt_scenario *scenario;     /* borrowed */
	struct gt_plan_settings settings;       /* as given, with the defaults filled in */
	struct gt_sizing *sizing;
	struct gt_plan_option *options;         /* the options planned, in scenario order */
	size_t noptions;
	struct gt_sim_option baseline_in;       /* the no-guarantee reference */
	struct gt_sim_counts baseline;          /* runs == 0 when not run */
};

/* Runs the stages of settings (NULL: GT_PLAN_ALL, every option, the
 * scenario's runs, years and seed) over s. GT_E_USAGE for an option that
 * is not in the scenario (err names the nearest), or settings out of
 * range; an engine's error as it gave it. OUT: *out, free with
 * gt_plan_free. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_plan_run(const struct gt_scenario *s,
                                                   const struct gt_plan_settings *settings,
                                                   struct gt_plan **out, struct gt_err *err);

/* Runs the simulation of a plan built with GT_PLAN_SIM_INPUTS, under
 * parameters p (NULL: the scenario's), adding to its counts: the options'
 * of its basis (and the other with both_bases) and the baseline's (unless
 * no_baseline). For live risk, set an option's sim_in start state and run
 * it with the fitted parameters. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_plan_simulate(struct gt_plan *plan,
                                                        const struct gt_sim_params *p,
                                                        struct gt_err *err);

GT_EXPORT void gt_plan_free(struct gt_plan *plan);

/* The planned option named name, or NULL. */
GT_EXPORT const struct gt_plan_option *gt_plan_find(const struct gt_plan *plan,
                                                    const char *name);

#ifdef __cplusplus
}
#endif
#endif
