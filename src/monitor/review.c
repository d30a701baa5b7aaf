/* review.c: what analysts do to events: verify, reject or reopen one;
 * merge several that are one; split one that is several. Each change is
 * one transaction with its audit entry (docs/monitor.md, "Events"). */
#include "monitor/sql.h"
#include "monitor/store_priv.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_MAX 1000

static enum gt_status check_note(const char *note, struct gt_err *err)
{
	if (strlen(note) <= NOTE_MAX)
		return GT_OK;
	return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, "note", "a note is at most %d bytes",
	                  NOTE_MAX);
}

static enum gt_status set_status(struct gt_store *st, int64_t id, enum gt_event_status to,
                                 int64_t merged_into, struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "UPDATE events SET status = ?, merged_into = ?, updated = ?"
	                       " WHERE id = ?", &q))
		return gt__store_fail(st, err, "cannot write the event");
	char now[32];
	gt__store_now(now);
	gt__q_bind_text(q, 1, gt_event_status_name(to));
	if (merged_into)
		gt__q_bind_int64(q, 2, merged_into);
	else
		gt__q_bind_null(q, 2);
	gt__q_bind_text(q, 3, now);
	gt__q_bind_int64(q, 4, id);
	int rc = gt__q_step(q);
	gt__q_finalize(q);
	gt__store_touch(st, GT__T_EVENTS, id);
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot write the event");
}

/* Runs q, an UPDATE of reports RETURNING their seq, and touches each.
 * Returns how many it moved, or -1 when it failed. */
static int64_t moved(struct gt_store *st, struct gt__q *q)
{
	int64_t n = 0;
	int rc;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		gt__store_touch(st, GT__T_REPORTS, gt__q_int64(q, 0));
		n++;
	}
	return rc == GT__DONE ? n : -1;
}

/* GT_E_CONFLICT unless the event is unverified, saying what it is. */
static enum gt_status need_unverified(const struct gt_event *e, struct gt_err *err)
{
	if (e->status == GT_EVENT_UNVERIFIED)
		return GT_OK;
	if (e->status == GT_EVENT_MERGED)
		return gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL,
		                  "event %" PRId64 " was merged into event %" PRId64, e->id,
		                  e->merged_into);
	return gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL,
	                  "event %" PRId64 " is %s; reopen it first", e->id,
	                  gt_event_status_name(e->status));
}

static void object_name(char out[32], int64_t id)
{
	snprintf(out, 32, "event:%" PRId64, id);
}

enum gt_status gt_store_event_review(struct gt_store *st, const struct gt_scenario *sc,
                                     const struct gt_user *by, int64_t id,
                                     enum gt_event_status to, const char *note,
                                     struct gt_err *err)
{
	enum gt_status s;
	if ((s = check_note(note, err)) != GT_OK)
		return s;
	if (to != GT_EVENT_VERIFIED && to != GT_EVENT_REJECTED && to != GT_EVENT_UNVERIFIED)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
		                  "an event is verified, rejected or reopened");
	if ((s = gt__store_begin(st, err)) != GT_OK)
		return s;
	struct gt_event e;
	if ((s = gt_store_event(st, id, &e, err)) != GT_OK)
		goto out;
	if (to == GT_EVENT_UNVERIFIED) {
		if (e.status != GT_EVENT_VERIFIED && e.status != GT_EVENT_REJECTED) {
			s = e.status == GT_EVENT_MERGED
			            ? need_unverified(&e, err)
			            : gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL,
			                         "event %" PRId64 " is already unverified", id);
			goto out;
		}
	} else if ((s = need_unverified(&e, err)) != GT_OK) {
		goto out;
	}
	static const char *const actions[GT_EVENT_STATUS_COUNT] = {
		"event.reopen", "event.verify", "event.reject", "?"};
	char object[32];
	object_name(object, id);
	if ((s = set_status(st, id, to, 0, err)) != GT_OK ||
	    (s = gt__store_audit(st, by->name, actions[to], object, note, err)) != GT_OK ||
	    (sc->monitoring.present &&
	     (s = gt__breaches_update(st, sc, by->name, e.from, e.from, err)) != GT_OK))
		goto out;
	return gt__store_commit(st, err);
out:
	gt__store_rollback(st);
	return s;
}

enum gt_status gt_store_event_merge(struct gt_store *st, const struct gt_scenario *sc,
                                    const struct gt_user *by, const int64_t *ids, size_t n,
                                    const char *note, int64_t *into, struct gt_err *err)
{
	enum gt_status s;
	*into = 0;
	if ((s = check_note(note, err)) != GT_OK)
		return s;
	if (n < 2)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "events",
		                  "a merge needs two events or more");
	int64_t low = ids[0];
	for (size_t i = 0; i < n; i++) {
		low = ids[i] < low ? ids[i] : low;
		for (size_t j = 0; j < i; j++)
			if (ids[i] == ids[j])
				return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "events",
				                  "event %" PRId64 " is named twice", ids[i]);
	}
	struct gt_geo_line_locator *lc;
	if ((s = gt__events_begin(st, sc, &lc, err)) != GT_OK)
		return s;
	enum gt_event_type type = GT_EVENT_COUNT;
	for (size_t i = 0; i < n && s == GT_OK; i++) {
		struct gt_event e;
		if ((s = gt_store_event(st, ids[i], &e, err)) != GT_OK ||
		    (s = need_unverified(&e, err)) != GT_OK)
			break;
		if (type != GT_EVENT_COUNT && e.event != type)
			s = gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL,
			               "event %" PRId64 " is %s, not %s; events of different types are "
			               "not merged",
			               ids[i], gt_event_type_name(e.event), gt_event_type_name(type));
		type = e.event;
	}
	struct gt__q *q = NULL;
	if (s == GT_OK && !gt__q_prepare(st, "UPDATE reports SET event_id = ? WHERE event_id = ?"
	                                     " RETURNING seq", &q))
		s = gt__store_fail(st, err, "cannot move the reports");
	char detail[1200] = "", object[32];
	size_t used = 0;
	for (size_t i = 0; i < n && s == GT_OK; i++) {
		if (ids[i] == low)
			continue;
		gt__q_reset(q);
		gt__q_bind_int64(q, 1, low);
		gt__q_bind_int64(q, 2, ids[i]);
		if (moved(st, q) < 0)
			s = gt__store_fail(st, err, "cannot move the reports");
		else
			s = set_status(st, ids[i], GT_EVENT_MERGED, low, err);
		int w = snprintf(detail + used, sizeof(detail) - used, "%s%" PRId64,
		                 used ? "," : "merged=", ids[i]);
		used = w > 0 && (size_t)w < sizeof(detail) - used ? used + (size_t)w
		                                                  : sizeof(detail) - 1;
	}
	gt__q_finalize(q);
	if (s == GT_OK && *note)
		snprintf(detail + used, sizeof(detail) - used, " note=%s", note);
	object_name(object, low);
	struct gt_event merged;
	if (s == GT_OK && (s = gt__event_refresh(st, sc, lc, low, err)) == GT_OK &&
	    (s = gt__store_audit(st, by->name, "event.merge", object, detail, err)) == GT_OK &&
	    (s = gt_store_event(st, low, &merged, err)) == GT_OK &&
	    (s = gt__breaches_update(st, sc, by->name, merged.from, merged.to, err)) == GT_OK)
		*into = low;
	return gt__events_finish(st, lc, s, err);
}

enum gt_status gt_store_event_split(struct gt_store *st, const struct gt_scenario *sc,
                                    const struct gt_user *by, int64_t id,
                                    const char *const *report_ids, size_t n, const char *note,
                                    int64_t *new_id, struct gt_err *err)
{
	enum gt_status s;
	*new_id = 0;
	if ((s = check_note(note, err)) != GT_OK)
		return s;
	if (n == 0)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "reports",
		                  "name the reports to split off");
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(report_ids[i], report_ids[j]) == 0)
				return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "reports",
				                  "report '%s' is named twice", report_ids[i]);
	struct gt_geo_line_locator *lc;
	if ((s = gt__events_begin(st, sc, &lc, err)) != GT_OK)
		return s;
	struct gt_event e;
	if ((s = gt_store_event(st, id, &e, err)) != GT_OK || (s = need_unverified(&e, err)) != GT_OK)
		return gt__events_finish(st, lc, s, err);
	if ((size_t)e.reports <= n)
		return gt__events_finish(
			st, lc,
			gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "reports",
			           "event %" PRId64 " has %d reports; at least one must stay", id,
			           e.reports),
			err);
	/* the new event first, so the reports can point at it: a copy of the
	 * old one's summary, refreshed once they have moved */
	int64_t fresh = 1;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT coalesce(max(id), 0) + 1 FROM events", &q))
		return gt__events_finish(st, lc, gt__store_fail(st, err, "cannot read the events"),
		                         err);
	int rc = gt__q_step(q);
	if (rc == GT__ROW)
		fresh = gt__q_int64(q, 0);
	gt__q_finalize(q);
	if (rc != GT__ROW)
		return gt__events_finish(st, lc, gt__store_fail(st, err, "cannot read the events"),
		                         err);
	struct gt_event copy = e;
	copy.id = fresh;
	if ((s = gt__event_put(st, &copy, GT_EVENT_UNVERIFIED, err)) != GT_OK)
		return gt__events_finish(st, lc, s, err);
	/* a report by its client's id, or by its sequence number as "#17":
	 * client ids are each account's own, so one id may name reports of
	 * two accounts */
	struct gt__q *by_seq;
	if (!gt__q_prepare(st, "UPDATE reports SET event_id = ? WHERE id = ? AND event_id = ?"
	                       " RETURNING seq", &q))
		return gt__events_finish(st, lc, gt__store_fail(st, err, "cannot move the reports"),
		                         err);
	if (!gt__q_prepare(st, "UPDATE reports SET event_id = ? WHERE seq = ? AND event_id = ?"
	                       " RETURNING seq", &by_seq)) {
		gt__q_finalize(q);
		return gt__events_finish(st, lc, gt__store_fail(st, err, "cannot move the reports"),
		                         err);
	}
	char detail[1200];
	size_t used = (size_t)snprintf(detail, sizeof(detail), "into=event:%" PRId64 " reports=",
	                               fresh);
	for (size_t i = 0; i < n && s == GT_OK; i++) {
		int64_t seq = 0;
		int used_seq = 0;
		bool is_seq = report_ids[i][0] == '#' && isdigit((unsigned char)report_ids[i][1]) &&
		              sscanf(report_ids[i], "#%" SCNd64 "%n", &seq, &used_seq) == 1 &&
		              report_ids[i][used_seq] == '\0';
		struct gt__q *move = is_seq ? by_seq : q;
		gt__q_reset(move);
		gt__q_bind_int64(move, 1, fresh);
		if (is_seq)
			gt__q_bind_int64(move, 2, seq);
		else
			gt__q_bind_text(move, 2, report_ids[i]);
		gt__q_bind_int64(move, 3, id);
		int64_t k = moved(st, move);
		if (k < 0)
			s = gt__store_fail(st, err, "cannot move the reports");
		else if (k == 0)
			s = gt_err_set(err, GT_E_NOTFOUND, NULL, 0, 0, "reports",
			               "report '%s' is not in event %" PRId64, report_ids[i], id);
		else if (k > 1)
			s = gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "reports",
			               "'%s' is the id of %" PRId64 " reports of event %" PRId64
			               ", from different accounts; name each by its seq, as \"#SEQ\" "
			               "(the event lists its reports with their seq)",
			               report_ids[i], k, id);
		int w = snprintf(detail + used, sizeof(detail) - used, "%s%s", i ? "," : "",
		                 report_ids[i]);
		used = w > 0 && (size_t)w < sizeof(detail) - used ? used + (size_t)w
		                                                  : sizeof(detail) - 1;
	}
	gt__q_finalize(q);
	gt__q_finalize(by_seq);
	if (s == GT_OK && *note)
		snprintf(detail + used, sizeof(detail) - used, " note=%s", note);
	char object[32];
	object_name(object, id);
	if (s == GT_OK && (s = gt__event_refresh(st, sc, lc, id, err)) == GT_OK &&
	    (s = gt__event_refresh(st, sc, lc, fresh, err)) == GT_OK &&
	    (s = gt__store_audit(st, by->name, "event.split", object, detail, err)) == GT_OK &&
	    (s = gt__breaches_update(st, sc, by->name, e.from, e.to, err)) == GT_OK)
		*new_id = fresh;
	return gt__events_finish(st, lc, s, err);
}
