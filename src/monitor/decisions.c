/* decisions.c: the decision on a response to a breach: a commander
 * proposes a rung of the escalation ladder; member representatives
 * approve or veto for their governments; the decide module's rule
 * settles it as soon as it can, or at the deadline. The rule and voters
 * are copied into the proposal when it is made (docs/monitor.md,
 * "Decisions"). */
#include "monitor/sql.h"
#include "monitor/store_priv.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guarantor/decide.h"

static const char *const state_names[] = {"pending", "approved", "rejected"};

static bool parse_state(const char *s, enum gt_decide_state *out)
{
	int i;
	if (!gt__name_find(state_names, 3, s, &i))
		return false;
	*out = (enum gt_decide_state)i;
	return true;
}

#define PROPOSAL_COLS                                                                        \
	"id, breach, rung, proposed_by, proposed, deadline, rule, quorum, lead, voters, state,"  \
	" coalesce(decided, 0)"

/* "GB=10,FR=5.5": each voter and its weight. */
static void read_voters(const char *text, struct gt_proposal *p)
{
	p->nvoters = 0;
	while (text && *text && p->nvoters < GT_VOTERS_MAX) {
		struct gt_ballot *b = &p->ballots[p->nvoters];
		memset(b, 0, sizeof(*b));
		if (sscanf(text, "%2[A-Z]=%lf", b->member, &b->weight) != 2)
			break;
		p->nvoters++;
		text = strchr(text, ',');
		text = text ? text + 1 : NULL;
	}
}

static enum gt_status load_votes(struct gt_store *st, struct gt_proposal *p, struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT member, approve, at FROM votes WHERE proposal = ?", &q))
		return gt__store_fail(st, err, "cannot read the votes");
	gt__q_bind_int64(q, 1, p->id);
	int rc;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		const char *m = gt__q_text(q, 0);
		for (size_t i = 0; i < p->nvoters; i++)
			if (m && strcmp(p->ballots[i].member, m) == 0) {
				p->ballots[i].cast = true;
				p->ballots[i].approve = (int)gt__q_int64(q, 1) != 0;
				p->ballots[i].at = gt__q_int64(q, 2);
			}
	}
	gt__q_finalize(q);
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot read the votes");
}

static void proposal_from_row(struct gt__q *q, struct gt_proposal *p)
{
	memset(p, 0, sizeof(*p));
	p->id = gt__q_int64(q, 0);
	p->breach = gt__q_int64(q, 1);
	snprintf(p->rung, sizeof(p->rung), "%s", gt__q_text(q, 2));
	snprintf(p->by, sizeof(p->by), "%s", gt__q_text(q, 3));
	p->proposed = gt__q_int64(q, 4);
	p->deadline = gt__q_int64(q, 5);
	gt_decide_rule_parse(gt__q_text(q, 6), &p->rule);
	p->quorum = gt__q_double(q, 7);
	p->lead = (size_t)gt__q_int64(q, 8);
	read_voters(gt__q_text(q, 9), p);
	parse_state(gt__q_text(q, 10), &p->state);
	p->decided = gt__q_int64(q, 11);
}

static enum gt_status load(struct gt_store *st, int64_t id, struct gt_proposal *p,
                           struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " PROPOSAL_COLS " FROM proposals WHERE id = ?", &q))
		return gt__store_fail(st, err, "cannot read the proposals");
	gt__q_bind_int64(q, 1, id);
	int rc = gt__q_step(q);
	if (rc == GT__ROW)
		proposal_from_row(q, p);
	gt__q_finalize(q);
	if (rc == GT__DONE)
		return gt_err_set(err, GT_E_NOTFOUND, NULL, 0, 0, NULL, "no proposal %" PRId64, id);
	if (rc != GT__ROW)
		return gt__store_fail(st, err, "cannot read the proposals");
	return load_votes(st, p, err);
}

/* The rule's verdict on p at time now (epoch seconds). */
static enum gt_status judge(const struct gt_proposal *p, int64_t now, struct gt_decision *d,
                            struct gt_err *err)
{
	struct gt_decide_rules rules = {p->rule, p->lead, p->quorum,
	                                (double)(p->deadline - p->proposed) / 86400.0};
	struct gt_vote votes[GT_VOTERS_MAX];
	for (size_t i = 0; i < p->nvoters; i++) {
		const struct gt_ballot *b = &p->ballots[i];
		votes[i] = (struct gt_vote){b->cast, b->approve,
		                            b->cast ? (double)(b->at - p->proposed) / 86400.0 : 0,
		                            b->weight};
	}
	double t = now > p->proposed ? (double)(now - p->proposed) / 86400.0 : 0;
	if (gt_decide(&rules, votes, p->nvoters, t, d) != GT_OK)
		return gt_err_set(err, GT_E_INTEGRITY, NULL, 0, 0, NULL,
		                  "proposal %" PRId64 " has a decision rule that cannot be applied",
		                  p->id);
	return GT_OK;
}

/* The outcome d, on p in memory. */
static void decide(struct gt_proposal *p, const struct gt_decision *d)
{
	p->state = d->state;
	p->decided = p->proposed + (int64_t)(d->day * 86400.0 + 0.5);
}

/* A pending proposal whose deadline has passed by now, settled in memory
 * as the clock will settle it in the store (gt_store_settle). */
static enum gt_status due(struct gt_proposal *p, int64_t now, struct gt_err *err)
{
	if (p->state != GT_DECIDE_PENDING || p->deadline >= now)
		return GT_OK;
	struct gt_decision d;
	enum gt_status s = judge(p, p->deadline, &d, err);
	if (s == GT_OK && d.state != GT_DECIDE_PENDING)
		decide(p, &d);
	return s;
}

/* Records a settled decision, its audit entry, and an approved response's
 * answer to the breach. */
static enum gt_status record(struct gt_store *st, struct gt_proposal *p,
                             const struct gt_decision *d, const char *actor,
                             struct gt_err *err)
{
	if (d->state == GT_DECIDE_PENDING)
		return GT_OK;
	decide(p, d);
	struct gt__q *q;
	if (!gt__q_prepare(st, "UPDATE proposals SET state = ?, decided = ? WHERE id = ?", &q))
		return gt__store_fail(st, err, "cannot record the decision");
	gt__q_bind_text(q, 1, state_names[p->state]);
	gt__q_bind_int64(q, 2, p->decided);
	gt__q_bind_int64(q, 3, p->id);
	int rc = gt__q_step(q);
	gt__q_finalize(q);
	if (rc != GT__DONE)
		return gt__store_fail(st, err, "cannot record the decision");
	gt__store_touch(st, GT__T_PROPOSALS, p->id);
	/* the breach answered before the entry, which binds it too */
	enum gt_status s = GT_OK;
	if (p->state == GT_DECIDE_APPROVED &&
	    (s = gt__breach_set_status(st, p->breach, GT_BREACH_ANSWERED, err)) != GT_OK)
		return s;
	char object[32], detail[160];
	snprintf(object, sizeof(object), "proposal:%" PRId64, p->id);
	snprintf(detail, sizeof(detail), "%s after %.2f days (rule %s, breach %" PRId64 ")",
	         state_names[p->state], d->day, gt_decide_rule_name(p->rule), p->breach);
	return gt__store_audit(st, actor, "proposal.decide", object, detail, err);
}

enum gt_status gt_store_propose(struct gt_store *st, const struct gt_scenario *sc,
                                const struct gt_user *by, int64_t breach, const char *rung,
                                const char *note, int64_t now, struct gt_proposal *out,
                                struct gt_err *err)
{
	const struct gt_monitoring *m = &sc->monitoring;
	if (!m->present)
		return gt_err_set(err, GT_E_SCHEMA, sc->file, 0, 0, "monitoring",
		                  "the scenario has no monitoring section");
	if (strlen(note) > 1000)
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, "note", "a note is at most 1000 bytes");
	bool known = false;
	for (size_t i = 0; i < m->nladder && !known; i++)
		known = strcmp(m->ladder[i].name, rung) == 0;
	if (!known) {
		char list[400] = "";
		size_t used = 0;
		for (size_t i = 0; i < m->nladder && used < sizeof(list); i++) {
			int w = snprintf(list + used, sizeof(list) - used, "%s%s", i ? ", " : "",
			                 m->ladder[i].name);
			used += w > 0 ? (size_t)w : 0;
		}
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "rung",
		                  "'%s' is not on the escalation ladder; expected one of: %s", rung,
		                  list);
	}
	enum gt_status s = gt__store_begin(st, err);
	if (s != GT_OK)
		return s;
	struct gt_breach b;
	size_t settled;
	/* a proposal past its deadline is settled first: it blocks nothing */
	if ((s = gt__store_settle_locked(st, now, &settled, err)) != GT_OK ||
	    (s = gt_store_breach(st, breach, &b, NULL, NULL, err)) != GT_OK)
		goto out;
	if (b.status != GT_BREACH_OPEN || gt__breach_pending(st, breach)) {
		s = gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL,
		               b.status != GT_BREACH_OPEN ? "breach %" PRId64 " is %s"
		                                          : "breach %" PRId64 " already has a proposal "
		                                            "being decided%s",
		               breach, b.status != GT_BREACH_OPEN ? gt_breach_status_name(b.status) : "");
		goto out;
	}
	char voters[GT_VOTERS_MAX * 32] = "";
	size_t used = 0;
	for (size_t i = 0; i < m->nvoters; i++) {
		double w = 1;
		for (size_t k = 0; k < sc->nmembers; k++)
			if (strcmp(sc->members[k].code, m->voters[i]) == 0)
				w = sc->members[k].weight;
		int n = snprintf(voters + used, sizeof(voters) - used, "%s%s=%.17g", i ? "," : "",
		                 m->voters[i], w);
		used += n > 0 ? (size_t)n : 0;
	}
	int64_t deadline = now + (int64_t)(m->deadline_hours * 3600);
	struct gt__q *q;
	if (!gt__q_prepare(st, "INSERT INTO proposals (breach, rung, proposed_by, proposed, deadline,"
	                       " rule, quorum, lead, voters, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
	                       " ?, 'pending') RETURNING id", &q)) {
		s = gt__store_fail(st, err, "cannot record the proposal");
		goto out;
	}
	gt__q_bind_int64(q, 1, breach);
	gt__q_bind_text(q, 2, rung);
	gt__q_bind_text(q, 3, by->name);
	gt__q_bind_int64(q, 4, now);
	gt__q_bind_int64(q, 5, deadline);
	gt__q_bind_text(q, 6, gt_decide_rule_name(m->rule));
	gt__q_bind_double(q, 7, m->quorum);
	gt__q_bind_int64(q, 8, (int64_t)m->lead);
	gt__q_bind_text(q, 9, voters);
	int rc = gt__q_step(q);
	int64_t id = rc == GT__ROW ? gt__q_int64(q, 0) : 0;
	if (rc == GT__ROW)
		rc = gt__q_step(q);
	gt__q_finalize(q);
	if (rc != GT__DONE) {
		s = gt__store_fail(st, err, "cannot record the proposal");
		goto out;
	}
	gt__store_touch(st, GT__T_PROPOSALS, id);
	char object[32], detail[1200];
	snprintf(object, sizeof(object), "proposal:%" PRId64, id);
	snprintf(detail, sizeof(detail), "breach=%" PRId64 " rung=%s rule=%s voters=%zu%s%s",
	         breach, rung, gt_decide_rule_name(m->rule), m->nvoters, *note ? " note=" : "",
	         note);
	if ((s = gt__store_audit(st, by->name, "proposal.propose", object, detail, err)) != GT_OK ||
	    (s = load(st, id, out, err)) != GT_OK)
		goto out;
	return gt__store_commit(st, err);
out:
	gt__store_rollback(st);
	return s;
}

enum gt_status gt_store_vote(struct gt_store *st, const struct gt_user *by, int64_t proposal,
                             bool approve, const char *note, int64_t now,
                             struct gt_proposal *out, struct gt_err *err)
{
	if (strlen(note) > 1000)
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, "note", "a note is at most 1000 bytes");
	enum gt_status s = gt__store_begin(st, err);
	if (s != GT_OK)
		return s;
	struct gt_decision d;
	if ((s = load(st, proposal, out, err)) != GT_OK)
		goto out;
	/* a deadline that has passed settles the proposal before any vote */
	if (out->state == GT_DECIDE_PENDING && now > out->deadline) {
		if ((s = judge(out, out->deadline, &d, err)) != GT_OK ||
		    (s = record(st, out, &d, "clock", err)) != GT_OK)
			goto out;
		if ((s = gt__store_commit(st, err)) != GT_OK)
			goto out;
		return gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL,
		                  "proposal %" PRId64 " was %s at its deadline", proposal,
		                  state_names[out->state]);
	}
	if (out->state != GT_DECIDE_PENDING) {
		s = gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL, "proposal %" PRId64 " is %s",
		               proposal, state_names[out->state]);
		goto out;
	}
	size_t me = out->nvoters;
	for (size_t i = 0; i < out->nvoters; i++)
		if (by->role == GT_ROLE_MEMBER && strcmp(out->ballots[i].member, by->member) == 0)
			me = i;
	if (me == out->nvoters) {
		s = gt_err_set(err, GT_E_AUTH, NULL, 0, 0, NULL,
		               "%s does not vote on proposal %" PRId64,
		               by->member[0] ? by->member : by->name, proposal);
		goto out;
	}
	if (out->ballots[me].cast) {
		s = gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL,
		               "%s has already voted on proposal %" PRId64 "; votes are final",
		               by->member, proposal);
		goto out;
	}
	struct gt__q *q;
	if (!gt__q_prepare(st, "INSERT INTO votes (proposal, member, approve, at, by_user)"
	                       " VALUES (?, ?, ?, ?, ?)", &q)) {
		s = gt__store_fail(st, err, "cannot record the vote");
		goto out;
	}
	gt__q_bind_int64(q, 1, proposal);
	gt__q_bind_text(q, 2, by->member);
	gt__q_bind_int64(q, 3, approve);
	gt__q_bind_int64(q, 4, now);
	gt__q_bind_text(q, 5, by->name);
	int rc = gt__q_step(q);
	gt__q_finalize(q);
	if (rc != GT__DONE) {
		s = gt__store_fail(st, err, "cannot record the vote");
		goto out;
	}
	gt__store_touch(st, GT__T_PROPOSALS, proposal); /* a vote is part of its proposal */
	out->ballots[me].cast = true;
	out->ballots[me].approve = approve;
	out->ballots[me].at = now;
	char object[32], detail[1100];
	snprintf(object, sizeof(object), "proposal:%" PRId64, proposal);
	snprintf(detail, sizeof(detail), "%s %s%s%s", by->member, approve ? "approves" : "vetoes",
	         *note ? " note=" : "", note);
	if ((s = gt__store_audit(st, by->name, approve ? "vote.approve" : "vote.veto", object,
	                         detail, err)) != GT_OK ||
	    (s = judge(out, now, &d, err)) != GT_OK || (s = record(st, out, &d, by->name, err)) != GT_OK)
		goto out;
	return gt__store_commit(st, err);
out:
	gt__store_rollback(st);
	return s;
}

enum gt_status gt__store_settle_locked(struct gt_store *st, int64_t now, size_t *settled,
                                       struct gt_err *err)
{
	*settled = 0;
	for (;;) {
		struct gt__q *q;
		if (!gt__q_prepare(st, "SELECT id FROM proposals WHERE state = 'pending' AND deadline < ?"
		                       " ORDER BY id LIMIT 256", &q))
			return gt__store_fail(st, err, "cannot read the proposals");
		gt__q_bind_int64(q, 1, now);
		int64_t ids[256];
		size_t n = 0;
		int rc;
		while (n < 256 && (rc = gt__q_step(q)) == GT__ROW)
			ids[n++] = gt__q_int64(q, 0);
		gt__q_finalize(q);
		if (n < 256 && rc != GT__DONE)
			return gt__store_fail(st, err, "cannot read the proposals");
		for (size_t i = 0; i < n; i++) {
			struct gt_proposal p;
			struct gt_decision d;
			enum gt_status s;
			if ((s = load(st, ids[i], &p, err)) != GT_OK ||
			    (s = judge(&p, p.deadline, &d, err)) != GT_OK ||
			    (s = record(st, &p, &d, "clock", err)) != GT_OK)
				return s;
		}
		*settled += n;
		if (n < 256)
			return GT_OK;
	}
}

enum gt_status gt_store_settle(struct gt_store *st, int64_t now, size_t *settled,
                               struct gt_err *err)
{
	size_t n;
	if (settled)
		*settled = 0;
	enum gt_status s = gt__store_begin(st, err);
	if (s != GT_OK)
		return s;
	if ((s = gt__store_settle_locked(st, now, &n, err)) != GT_OK) {
		gt__store_rollback(st);
		return s;
	}
	if ((s = gt__store_commit(st, err)) == GT_OK && settled)
		*settled = n;
	return s;
}

enum gt_status gt_store_proposal(struct gt_store *st, int64_t id, int64_t now,
                                 struct gt_proposal *out, struct gt_err *err)
{
	enum gt_status s = load(st, id, out, err);
	return s == GT_OK ? due(out, now, err) : s;
}

enum gt_status gt_store_proposals(struct gt_store *st, int64_t breach, int64_t now,
                                  struct gt_proposal **out, size_t *n, struct gt_err *err)
{
	*out = NULL;
	*n = 0;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " PROPOSAL_COLS " FROM proposals WHERE breach = ? ORDER BY id", &q))
		return gt__store_fail(st, err, "cannot read the proposals");
	gt__q_bind_int64(q, 1, breach);
	size_t cap = 0;
	int rc;
	enum gt_status s = GT_OK;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 4;
			struct gt_proposal *grown = realloc(*out, cap * sizeof(*grown));
			if (!grown) {
				s = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
				break;
			}
			*out = grown;
		}
		proposal_from_row(q, &(*out)[(*n)++]);
	}
	gt__q_finalize(q);
	if (s == GT_OK && rc != GT__DONE && rc != GT__ROW)
		s = gt__store_fail(st, err, "cannot read the proposals");
	for (size_t i = 0; i < *n && s == GT_OK; i++)
		if ((s = load_votes(st, &(*out)[i], err)) == GT_OK)
			s = due(&(*out)[i], now, err);
	if (s != GT_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return s;
}
