/* decisions.c: the breach and decision routes of `guarantor serve`:
 * breaches with their evidence, a commander's proposal or dismissal, and
 * member representatives' votes (docs/monitor.md, "Breaches",
 * "Decisions"). */
#include "serve/serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


static const struct gt_threshold *threshold(const struct gt_scenario *sc, const char *name)
{
	for (size_t i = 0; i < sc->monitoring.nthresholds; i++)
		if (strcmp(sc->monitoring.thresholds[i].name, name) == 0)
			return &sc->monitoring.thresholds[i];
	return NULL;
}

static json_t *named(const char *name, const char *text)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(name));
	json_object_set_new(o, "text", text ? json_string(text) : json_null());
	return o;
}

static const char *status_name(int k)
{
	return gt_breach_status_name((enum gt_breach_status)k);
}

static json_t *breach_json(const struct gt_scenario *sc, const struct gt_breach *b)
{
	json_t *o = json_object();
	const struct gt_threshold *t = threshold(sc, b->threshold);
	json_object_set_new(o, "id", json_integer(b->id));
	json_object_set_new(o, "threshold", named(b->threshold, t ? t->text : NULL));
	if (b->sector) {
		json_t *sec = json_object();
		const struct gt_sector *s = gt_scenario_sector(sc, b->sector);
		json_object_set_new(sec, "id", json_integer(b->sector));
		json_object_set_new(sec, "name", json_string(s ? s->name : ""));
		json_object_set_new(o, "sector", sec);
	} else {
		json_object_set_new(o, "sector", json_null());
	}
	json_object_set_new(o, "at", gt_srv_time(b->at));
	json_object_set_new(o, "window_from", gt_srv_time(b->from));
	json_object_set_new(o, "total", json_integer(b->total));
	json_object_set_new(o, "status", json_string(gt_breach_status_name(b->status)));
	return o;
}

static const char *rung_text(const struct gt_scenario *sc, const char *name)
{
	for (size_t i = 0; i < sc->monitoring.nladder; i++)
		if (strcmp(sc->monitoring.ladder[i].name, name) == 0)
			return sc->monitoring.ladder[i].text;
	return NULL;
}

static json_t *proposal_json(const struct gt_scenario *sc, const struct gt_proposal *p)
{
	static const char *const states[] = {"pending", "approved", "rejected"};
	json_t *o = json_object(), *votes = json_array();
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "breach", json_integer(p->breach));
	json_object_set_new(o, "rung", named(p->rung, rung_text(sc, p->rung)));
	json_object_set_new(o, "proposed_by", json_string(p->by));
	json_object_set_new(o, "proposed", gt_srv_time(p->proposed));
	json_object_set_new(o, "deadline", gt_srv_time(p->deadline));
	json_object_set_new(o, "rule", json_string(gt_decide_rule_name(p->rule)));
	if (p->rule == GT_DECIDE_QUALIFIED_MAJORITY)
		json_object_set_new(o, "quorum", json_real(p->quorum));
	if (p->rule == GT_DECIDE_LEAD_NATION && p->lead < p->nvoters)
		json_object_set_new(o, "lead", json_string(p->ballots[p->lead].member));
	json_object_set_new(o, "state", json_string(states[p->state]));
	json_object_set_new(o, "decided", p->decided ? gt_srv_time(p->decided) : json_null());
	for (size_t i = 0; i < p->nvoters; i++) {
		const struct gt_ballot *b = &p->ballots[i];
		json_t *v = json_object();
		json_object_set_new(v, "member", json_string(b->member));
		if (p->rule == GT_DECIDE_QUALIFIED_MAJORITY)
			json_object_set_new(v, "weight", json_real(b->weight));
		json_object_set_new(v, "vote", b->cast ? json_string(b->approve ? "approve" : "veto")
		                                       : json_null());
		json_object_set_new(v, "at", b->cast ? gt_srv_time(b->at) : json_null());
		json_array_append_new(votes, v);
	}
	json_object_set_new(o, "votes", votes);
	return o;
}

enum MHD_Result gt_srv_get_breaches(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	enum MHD_Result refused;
	int64_t after, limit;
	if (!gt_srv_query_page(c, "a breach's id", &after, &limit, &refused))
		return refused;
	unsigned statuses = 0;
	if (!gt_srv_query_set(c, "status", status_name, GT_BREACH_STATUS_COUNT, &statuses, &refused))
		return refused;
	struct gt_breach *b;
	size_t n;
	if (gt_store_breaches(k->store, statuses, after, (size_t)limit, &b, &n, &err) != GT_OK)
		return gt_srv_status_error(c, err.status, &err);
	json_t *root = json_object(), *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, breach_json(k->sc, &b[i]));
	json_object_set_new(root, "breaches", arr);
	gt_srv_next_after(root, n, limit, n ? b[n - 1].id : 0);
	free(b);
	return gt_srv_json(c, MHD_HTTP_OK, root);
}

/* The breach with its evidence and proposals, as they stand at the call's
 * time: a proposal past its deadline with its outcome, and the breach
 * answered by one approved, though the clock has not recorded it yet. */
static enum MHD_Result answer_breach(struct gt_srv_call *k, struct MHD_Connection *c,
                                     unsigned status, int64_t id)
{
	struct gt_err err;
	struct gt_breach b;
	int64_t *ids;
	size_t nids, np;
	struct gt_proposal *p;
	enum gt_status st = gt_store_breach(k->store, id, &b, &ids, &nids, &err);
	if (st != GT_OK)
		return gt_srv_status_error(c, st, &err);
	json_t *o = breach_json(k->sc, &b), *evidence = json_array(), *props = json_array();
	for (size_t i = 0; i < nids && st == GT_OK; i++) {
		struct gt_event e;
		if ((st = gt_store_event(k->store, ids[i], &e, &err)) == GT_OK)
			json_array_append_new(evidence, gt_srv_event_json(k->sc, &e));
	}
	free(ids);
	if (st == GT_OK && (st = gt_store_proposals(k->store, id, k->now, &p, &np, &err)) == GT_OK) {
		for (size_t i = 0; i < np; i++) {
			json_array_append_new(props, proposal_json(k->sc, &p[i]));
			if (p[i].state == GT_DECIDE_APPROVED)
				json_object_set_new(o, "status",
				                    json_string(gt_breach_status_name(GT_BREACH_ANSWERED)));
		}
		free(p);
	}
	json_object_set_new(o, "evidence", evidence);
	json_object_set_new(o, "proposals", props);
	if (st != GT_OK) {
		json_decref(o);
		return gt_srv_status_error(c, err.status, &err);
	}
	return gt_srv_json(c, status, o);
}

enum MHD_Result gt_srv_get_breach(struct gt_srv_call *k, struct MHD_Connection *c)
{
	return answer_breach(k, c, MHD_HTTP_OK, k->id);
}

enum MHD_Result gt_srv_dismiss(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	enum MHD_Result refused;
	const char *note;
	if (!gt_srv_note(c, k->body, &note, &refused))
		return refused;
	enum gt_status st = gt_store_breach_dismiss(k->store, &k->user, k->id, note, k->now, &err);
	return st == GT_OK ? answer_breach(k, c, MHD_HTTP_OK, k->id)
	                   : gt_srv_status_error(c, st, &err);
}

enum MHD_Result gt_srv_propose(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	enum MHD_Result refused;
	const char *note;
	json_t *rung = json_object_get(k->body, "rung");
	if (!gt_srv_note(c, k->body, &note, &refused))
		return refused;
	if (!json_is_string(rung))
		return gt_srv_error(c, MHD_HTTP_BAD_REQUEST, "rung",
		                    "expected the name of a rung of the escalation ladder");
	struct gt_proposal p;
	enum gt_status st = gt_store_propose(k->store, k->sc, &k->user, k->id,
	                                     json_string_value(rung), note, k->now, &p, &err);
	return st == GT_OK ? gt_srv_json(c, MHD_HTTP_CREATED, proposal_json(k->sc, &p))
	                   : gt_srv_status_error(c, st, &err);
}

enum MHD_Result gt_srv_get_proposal(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	struct gt_proposal p;
	enum gt_status st = gt_store_proposal(k->store, k->id, k->now, &p, &err);
	return st == GT_OK ? gt_srv_json(c, MHD_HTTP_OK, proposal_json(k->sc, &p))
	                   : gt_srv_status_error(c, st, &err);
}

static enum MHD_Result vote(struct gt_srv_call *k, struct MHD_Connection *c, bool approve)
{
	struct gt_err err;
	enum MHD_Result refused;
	const char *note;
	if (!gt_srv_note(c, k->body, &note, &refused))
		return refused;
	struct gt_proposal p;
	enum gt_status st = gt_store_vote(k->store, &k->user, k->id, approve, note, k->now, &p, &err);
	/* a member that does not vote on this proposal is authenticated but
	 * not allowed: 403, not 401 */
	if (st == GT_E_AUTH)
		return gt_srv_error(c, MHD_HTTP_FORBIDDEN, NULL, err.msg);
	return st == GT_OK ? gt_srv_json(c, MHD_HTTP_OK, proposal_json(k->sc, &p))
	                   : gt_srv_status_error(c, st, &err);
}

enum MHD_Result gt_srv_approve(struct gt_srv_call *k, struct MHD_Connection *c)
{
	return vote(k, c, true);
}

enum MHD_Result gt_srv_veto(struct gt_srv_call *k, struct MHD_Connection *c)
{
	return vote(k, c, false);
}
