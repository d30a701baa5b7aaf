/* sim.h: the deterrence simulation (docs/model-sim.md): day by day, many
 * possible histories of a ceasefire under one guarantee option, and how
 * often and how soon it collapses.
 *
 * Reproducible: run r draws only from the Philox stream (seed, r), and the
 * results are integer counts summed over runs, so they are identical for
 * any split of the runs across threads or processes. */
#ifndef GUARANTOR_SIM_H
#define GUARANTOR_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guarantor/decide.h"
#include "guarantor/err.h"
#include "guarantor/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What the adversary does on a day. */
enum gt_sim_action {
	GT_SIM_NONE,
	GT_SIM_MINOR,     /* minor violations: shelling, small-arms fire, drones */
	GT_SIM_PROBE,     /* a limited, deniable incursion or strike */
	GT_SIM_PRETEXT,   /* a manufactured pretext for an offensive */
	GT_SIM_OFFENSIVE, /* a major offensive: the ceasefire collapses */
	GT_SIM_ACTION_COUNT
};

/* One contributing government in the decision. */
struct gt_sim_member {
	char code[3];
	double weight;     /* qualified majority */
	double resolve;    /* probability it approves an answer, before cohesion;
	                    * negative: the simulation's `resolve` */
	double delay_days; /* mean days to decide; negative: `decision_days` */
};

/* Where every run starts. Zeroed (given false): a new ceasefire, with the
 * simulation's belief_start, full cohesion and the backstop's reliability.
 * Given: the state a monitoring record has left (gt_sim_live_fit). */
struct gt_sim_state {
	bool given;
	double belief;      /* the adversary's belief that breaches are answered */
	double cohesion;    /* the coalition's, 0-1 */
	double reliability; /* the backstop's */
	bool split;         /* the coalition has split: the runs start with half the troops */
};

/* Which force an option is simulated with: the one force generation
 * actually raised (the default), or the one sizing requires ("if fully
 * raised"). */
enum gt_sim_basis { GT_SIM_RAISED, GT_SIM_REQUIRED };
/* "raised", "required" */
GT_EXPORT const char *gt_sim_basis_name(enum gt_sim_basis b);

/* One option as the simulation sees it; built from the scenario and the
 * other engines by gt_sim_option_build, or by hand. */
struct gt_sim_option {
	const char *name;
	enum gt_sim_basis basis;  /* for the reader: the engine does not look at it */
	bool baseline;            /* the no-guarantee reference (gt_sim_baseline) */
	double troops;            /* foreign ground troops deployed */
	double air_reach;         /* share of the country fighters reach within 20 min, 0-1 */
	bool air;                 /* answers may be flown (escalation_air applies) */
	bool backstop;            /* a major power backs the guarantee */
	bool buffer;              /* the option keeps a buffer zone (ground posture buffer) */
	double monitors_per_100km; /* over every line: monitors / km of all lines, for the reader */
	/* The lines (docs/model-sim.md, S3): where a probe or pretext falls (each
	 * line's share, adding up to 1) and how densely it is watched. With
	 * nlines 0 or 1 the engine uses monitors_per_100km everywhere. */
	struct gt_sim_line {
		double share;
		double monitors_per_100km;
	} lines[GT_LINES_MAX];
	size_t nlines;
	double defender_strength; /* relative to the built-in baseline of 1 */
	struct gt_sim_member members[64];
	size_t nmembers;          /* 0: nobody answers breaches */
	struct gt_decide_rules rules; /* a negative quorum or deadline: the simulation's */
	struct gt_sim_state start;
};

struct gt_sizing_option;
struct gt_forcegen;
struct gt_air_assessment;

/* The force an option is simulated with, when it is not the one sizing
 * requires: what force generation found. */
struct gt_sim_force {
	double ground;     /* foreign ground troops deployed */
	double monitors;   /* monitors deployed */
	size_t stations;   /* patrol stations held around the clock */
};

/* The option of sized option sz: its foreign ground troops and monitors
 * (force, or as sz requires them when force is NULL), backstop and
 * defender's strength; the air umbrella's reach within 20 minutes when air
 * is given (the assessment of the stations held); the troop contributors
 * force generation allocated as the voters (weighted by people), or the
 * lead nations when fg is NULL; the option's decision rule or the
 * scenario's. force, fg and air may be NULL. GT_E_SCHEMA when the
 * scenario has no simulation section. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sim_option_build(const struct gt_scenario *s,
                                                           const struct gt_sizing_option *sz,
                                                           const struct gt_sim_force *force,
                                                           const struct gt_forcegen *fg,
                                                           const struct gt_air_assessment *air,
                                                           struct gt_sim_option *out,
                                                           struct gt_err *err);

/* The no-guarantee reference of scenario s: no foreign troops, aircraft,
 * monitors, backstop or voters; the defender as it is (strength 1); the
 * scenario's decision rule (nobody votes). Named "no-guarantee".
 * GT_E_SCHEMA when the scenario has no simulation section. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sim_baseline(const struct gt_scenario *s,
                                                       struct gt_sim_option *out,
                                                       struct gt_err *err);

/* Integer counts over runs, so sums are exact and order-free. */
struct gt_sim_counts {
	uint64_t runs;
	int days;                  /* horizon */
	uint64_t *collapse_by_day; /* days entries: runs that collapsed on day d (0-based) */
	uint64_t survived;
	uint64_t actions[GT_SIM_ACTION_COUNT]; /* days with each action, over all runs */
	uint64_t detected;         /* probes and pretexts seen by the monitors */
	uint64_t answered, unanswered;
	uint64_t escalations;
	uint64_t runs_escalated, runs_split;
	uint64_t collapse_by_escalation;
};

/* OUT: counts for `days`, zeroed; release with gt_sim_counts_fini. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sim_counts_init(struct gt_sim_counts *c, int days);
GT_EXPORT void gt_sim_counts_fini(struct gt_sim_counts *c);
/* to += from (same horizon). */
GT_EXPORT void gt_sim_counts_add(struct gt_sim_counts *to, const struct gt_sim_counts *from);

/* Runs [first, first + n) of option o under the scenario's simulation
 * parameters, on `threads` threads (1 or more), adding to *out (whose
 * horizon sets the days). GT_E_USAGE for a parameter or input out of range;
 * GT_E_INTERNAL when a thread cannot be started. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sim_run(const struct gt_sim_params *p,
                                                  const struct gt_sim_option *o,
                                                  uint64_t seed, uint64_t first, uint64_t n,
                                                  int threads, struct gt_sim_counts *out,
                                                  struct gt_err *err);

/* The same, calling watch->tick(watch->ctx, done, n) from the calling
 * thread about every watch->every_ms while the runs go on, and once at the
 * end. For progress bars; the results do not depend on it. */
struct gt_sim_watch {
	void (*tick)(void *ctx, uint64_t done, uint64_t total);
	void *ctx;
	int every_ms;
};
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sim_run_watched(const struct gt_sim_params *p,
                                                          const struct gt_sim_option *o,
                                                          uint64_t seed, uint64_t first,
                                                          uint64_t n, int threads,
                                                          struct gt_sim_counts *out,
                                                          const struct gt_sim_watch *watch,
                                                          struct gt_err *err);

/* --- live risk (docs/model-sim.md, "Live risk") ------------------------- */

/* What became of one breach the monitoring mission recorded. */
enum gt_sim_outcome {
	GT_SIM_ANSWERED,   /* a response was approved */
	GT_SIM_UNANSWERED, /* none was approved within the decision deadline */
	GT_SIM_PENDING     /* still within it */
};

/* The record of one guarantee in place: how long it has been watched, and
 * its breaches' outcomes, oldest first. */
struct gt_sim_record {
	double days;
	const enum gt_sim_outcome *outcomes;
	size_t n;
};

/* The simulation fitted to a record. */
struct gt_sim_live {
	double days;                  /* observed */
	size_t breaches, answered, unanswered, pending;
	double seen;                  /* (S3) share of probes the option's monitors see */
	double deterrence;            /* (S2) the multiplier m at the ceasefire's start */
	double prior_years;           /* the weight of the scenario's probe rate */
	double probe_prior;           /* probes a year with no guarantee: the scenario's, */
	double probe_observed;        /* the record's (breaches / (years * m * seen)), */
	double probe_fitted;          /* and the two weighted by years */
	struct gt_sim_state state;    /* after the record's answered and unanswered breaches */
};

/* Fits the simulation of option o to a record of it in place: the probe
 * rate, as the scenario's (worth p->prior_years of observation) and the
 * record's breaches together, and the state the answered and unanswered
 * breaches leave, replayed through S5. Run the simulation on a copy of p
 * with probe_per_year = out->probe_fitted and of o with start = out->state.
 * GT_E_USAGE for a record of less than a day or with n > 0 and no
 * outcomes; GT_E_RANGE when the option sees or lets through no probes (the
 * record says nothing), or the fitted rate is beyond one a day. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sim_live_fit(const struct gt_sim_params *p,
                                                       const struct gt_sim_option *o,
                                                       const struct gt_sim_record *rec,
                                                       struct gt_sim_live *out,
                                                       struct gt_err *err);

/* --- sensitivity (docs/model-sim.md, "Sensitivity") -------------------- */

enum gt_sens_method { GT_SENS_ONE_AT_A_TIME, GT_SENS_LATIN_HYPERCUBE };

/* One parameter's sweep. The outcome y is the share of runs collapsing
 * within the horizon. */
struct gt_sens_item {
	const char *name;  /* as in the scenario file */
	const char *words; /* what it is, in words */
	double base, lo, hi; /* its value and the range swept: half to one and a half times */
	double y_lo, y_hi; /* one at a time: the outcome at lo and at hi */
	double rho;        /* Latin hypercube: Spearman rank correlation with the outcome */
};

struct gt_sensitivity {
	enum gt_sens_method method;
	double y_base;     /* the outcome with every parameter at its value */
	size_t samples;    /* Latin hypercube samples (0 one at a time) */
	struct gt_sens_item *items; /* sorted: widest swing, or strongest correlation, first */
	size_t n;
};

/* Sweeps every non-zero parameter of p over [0.5, 1.5] times its value
 * (within its allowed range) for option o: one at a time (two evaluations
 * each), or `samples` Latin-hypercube draws of all of them together. Every
 * evaluation runs the same `runs` runs with the same seed (common random
 * numbers), so differences are not noise of different draws. OUT: *out,
 * free with gt_sensitivity_free. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sim_sensitivity(const struct gt_sim_params *p,
                                                          const struct gt_sim_option *o,
                                                          enum gt_sens_method method,
                                                          uint64_t seed, uint64_t runs,
                                                          int days, size_t samples, int threads,
                                                          struct gt_sensitivity **out,
                                                          struct gt_err *err);
GT_EXPORT void gt_sensitivity_free(struct gt_sensitivity *s);

/* What the counts say. Probabilities with 95% Wilson intervals. */
struct gt_sim_share {
	double p, lo, hi;
};
struct gt_sim_summary {
	struct gt_sim_share collapse[3]; /* within 1, 2 and 5 years (NAN beyond the horizon) */
	double median_days;              /* median survival; INFINITY when half survive */
	struct gt_sim_share escalation;  /* a run with at least one escalation */
	struct gt_sim_share split;       /* a run in which the coalition split */
	double answered_per_run, unanswered_per_run;
	double violations_per_run;       /* days of minor violations, probes and pretexts */
};
GT_EXPORT void gt_sim_summarise(const struct gt_sim_counts *c, struct gt_sim_summary *out);
/* The share of c's runs that collapsed within `years` years; NAN beyond
 * the horizon or with no runs. */
GT_EXPORT double gt_sim_collapse_within(const struct gt_sim_counts *c, int years);

/* The average hazard ratio of c against a reference over the horizon:
 * log S_c(T) / log S_ref(T), S the share surviving to the horizon, as under
 * proportional hazards (docs/model-sim.md, "Against no guarantee"). NAN
 * when the reference has no collapse or either has no runs; 0 when c has
 * none. */
GT_EXPORT double gt_sim_hazard_ratio(const struct gt_sim_counts *c,
                                     const struct gt_sim_counts *ref);

/* --- the built-in calibration ---------------------------------------------
 * The built-in scenario's simulation section is calibrated against the
 * record of past ceasefires (docs/validation.md, "The simulation against
 * ceasefire history"). A scenario that changes any of those parameters no
 * longer rests on that calibration, and the brief says which it changed. */

/* More than the parameters that can differ: every numeric one and the rule. */
#define GT_SIM_CALIBRATION_MAX 40

/* One parameter whose value differs from the built-in calibration. */
struct gt_sim_param_diff {
	const char *name;      /* as in the scenario's simulation section (static text) */
	const char *words;     /* what it is, in words (static text) */
	double builtin, used;  /* the values; for "rule", enum gt_decide_rule */
	const char *builtin_text, *used_text; /* "rule": the rules' names (static); else NULL */
};

struct gt_sim_calibration {
	size_t n; /* 0: the built-in calibration, unchanged */
	struct gt_sim_param_diff differs[GT_SIM_CALIBRATION_MAX]; /* n of them, in the order of
	                                                             * gt_sim_param, then the rule */
};

/* Compares p with the built-in scenario's simulation section: every
 * numeric parameter of gt_sim_param and the decision rule, each exactly as
 * read (0.30 and 0.3 are the same value). Not compared: years, runs and
 * seed (how long and how often the model runs, not what it assumes) and
 * prior_years (live risk only). Loads the built-in scenario each time; the
 * caller owns out. GT_E_USAGE when p is not a simulation section that was
 * read (p->present false); a failure to load the built-in scenario as it
 * gave it (GT_E_NOMEM). OUT: *out, filled on GT_OK. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_sim_calibration_compare(const struct gt_sim_params *p,
                                                                  struct gt_sim_calibration *out,
                                                                  struct gt_err *err);

#ifdef __cplusplus
}
#endif
#endif
