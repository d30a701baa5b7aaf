/* sim_priv.h: the pieces of the simulation's equations (docs/model-sim.md)
 * that the engine and the live fit share. */
#ifndef GT_SIM_PRIV_H
#define GT_SIM_PRIV_H

#include "guarantor/sim.h"

/* (S3) the share of probes and pretexts option o's monitors see. */
double gt__sim_seen(const struct gt_sim_params *p, const struct gt_sim_option *o);

/* (S2) the deterrence multiplier m with these troops, backstop reliability
 * and adversary's belief. */
double gt__sim_deterrence(const struct gt_sim_params *p, const struct gt_sim_option *o,
                          double troops, double reliability, double belief);

/* A new ceasefire's state: belief_start (0 when nobody answers), full
 * cohesion, the backstop's reliability; given. */
void gt__sim_fresh_state(const struct gt_sim_params *p, const struct gt_sim_option *o,
                         struct gt_sim_state *s);

/* (S5) a breach's outcome landing on state s: an answer raises the belief;
 * no answer lowers it, the cohesion and the backstop's reliability, and
 * splits the coalition when its cohesion falls below split_below. */
void gt__sim_land_state(const struct gt_sim_params *p, const struct gt_sim_option *o,
                        bool answered, struct gt_sim_state *s);

#endif
