#!/usr/bin/env python3
"""The simulation's core loop (docs/model-sim.md, S1-S5) written the
straightforward vectorised way in numpy: runs in arrays, days in a Python
loop. A baseline for `make bench`, on the inputs bench_sim writes; not used
by guarantor. Unanimity only (the built-in rule). Its random numbers are
numpy's, so it agrees with the C engine statistically, not draw for draw.

usage: sim_numpy.py INPUTS.json   prints seconds, run-days/s and the 5-year
                                  collapse share"""
import json
import math
import sys
import time

import numpy as np

MAX_PENDING = 32


def main(path):
    cfg = json.load(open(path))
    p, o = cfg["params"], cfg["option"]
    runs, days = cfg["runs"], cfg["days"]
    rng = np.random.default_rng(1)
    resolve = np.array([m["resolve"] for m in o["members"]])
    delay = np.array([m["delay_days"] for m in o["members"]])
    k = len(resolve)

    belief = np.full(runs, p["belief_start"] if k else 0.0)
    cohesion = np.ones(runs)
    reliability = np.full(runs, p["backstop_reliability"])
    troops = np.full(runs, float(o["troops"]))
    split = np.zeros(runs, bool)
    alive = np.ones(runs, bool)
    collapse_day = np.full(runs, -1)
    pretext_until = np.full(runs, -1)
    due = np.full((runs, MAX_PENDING), np.inf)
    answered_slot = np.zeros((runs, MAX_PENDING), bool)

    m_mon = o["monitors_per_100km"]
    seen = 1 - (1 - p["detect_base"]) * 2.0 ** (-m_mon / p["monitors_half"])
    attribution = p["attribution_days"] / (1 + m_mon / p["monitors_half"])
    esc = p["escalation_air"] if o["air"] else p["escalation_ground"]
    fixed = p["beta_defender"] * (o["defender_strength"] - 1) + p["beta_air"] * o["air_reach"]

    def land(idx, answered):
        """S5 for the runs idx with outcome answered (bool array)."""
        a, u = idx[answered], idx[~answered]
        belief[a] += p["learning"] * (1 - belief[a])
        war = a[(rng.random(a.size) < esc) & (rng.random(a.size) < p["war_given_escalation"])]
        belief[u] -= p["learning"] * belief[u]
        cohesion[u] *= 1 - p["cohesion_loss"]
        reliability[u] *= 1 - p["backstop_loss"]
        new_split = u[(~split[u]) & (cohesion[u] < p["split_below"]) & (k > 0)]
        split[new_split] = True
        troops[new_split] /= 2
        return war

    t0 = time.perf_counter()
    for day in range(days):
        live = np.flatnonzero(alive)
        if live.size == 0:
            break
        # outcomes landing today
        for s in range(MAX_PENDING):
            hit = live[due[live, s] <= day]
            if hit.size:
                war = land(hit, answered_slot[hit, s])
                due[hit, s] = np.inf
                alive[war] = False
                collapse_day[war] = day
        live = np.flatnonzero(alive)
        cost = (fixed + p["beta_troops"] * np.log1p(troops[live] / 1e4)
                + (p["beta_backstop"] * reliability[live] if o["backstop"] else 0)
                + p["gamma_belief"] * belief[live])
        m = np.exp(-cost)
        boost = np.where(day <= pretext_until[live], p["pretext_factor"], 1.0)
        p_off = -np.expm1(-p["offensive_per_year"] * m * boost / 365)
        p_probe = -np.expm1(-p["probe_per_year"] * m / 365)
        p_pre = -np.expm1(-p["pretext_per_year"] * m / 365)
        u = rng.random(live.size)
        off = u < p_off
        probe = (~off) & (u < p_off + p_probe)
        pre = (~off) & (~probe) & (u < p_off + p_probe + p_pre)
        alive[live[off]] = False
        collapse_day[live[off]] = day
        pretext_until[live[pre]] = day + int(p["pretext_days"])
        breach = live[probe | pre]
        if breach.size == 0:
            continue
        detected = rng.random(breach.size) < seen
        unseen = breach[~detected]
        belief[unseen] -= p["learning"] * belief[unseen]
        b = breach[detected]
        if b.size == 0:
            continue
        if k:
            approve = rng.random((b.size, k)) < resolve * cohesion[b, None]
            when = -delay * np.log1p(-rng.random((b.size, k)))
            deadline = p["deadline_days"]
            ok = approve.all(axis=1) & (when.max(axis=1) <= deadline)
            veto_day = np.where(~approve & (when <= deadline), when, np.inf).min(axis=1)
            decided = np.where(ok, when.max(axis=1), np.minimum(veto_day, deadline))
        else:
            ok = np.zeros(b.size, bool)
            decided = np.zeros(b.size)
        land_day = day + np.ceil(-attribution * np.log1p(-rng.random(b.size)) + decided)
        now_ = land_day <= day
        war = land(b[now_], ok[now_])
        alive[war] = False
        collapse_day[war] = day
        later, ok_later, day_later = b[~now_], ok[~now_], land_day[~now_]
        for i, r in enumerate(later):
            free = np.flatnonzero(np.isinf(due[r]))
            if free.size:
                due[r, free[0]] = day_later[i]
                answered_slot[r, free[0]] = ok_later[i]
    secs = time.perf_counter() - t0
    lived = np.where(collapse_day >= 0, collapse_day + 1, days).sum()
    print(f"{secs:.3f} {lived / secs:.3e} {np.mean((collapse_day >= 0) & (collapse_day < 365 * 5)):.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
