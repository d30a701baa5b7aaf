/* breaches.c: breaches in the store: opened when the events that began in
 * a stretch of time cross one of the agreement's thresholds, each with its
 * evidence and an audit entry; read; dismissed by a commander
 * (docs/monitor.md, "Breaches"). */
#include "monitor/sql.h"
#include "monitor/store_priv.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_names[GT_BREACH_STATUS_COUNT] = {"open", "answered",
                                                                 "dismissed"};

const char *gt_breach_status_name(enum gt_breach_status s)
{
	return (unsigned)s < GT_BREACH_STATUS_COUNT ? status_names[s] : "?";
}

bool gt_breach_status_parse(const char *s, enum gt_breach_status *out)
{
	int i;
	if (!gt__name_find(status_names, GT_BREACH_STATUS_COUNT, s, &i))
		return false;
	*out = (enum gt_breach_status)i;
	return true;
}

/* The events of one type that began in [lo, hi], by sector (when
 * per_sector), then start, then id; only those that count. */
static enum gt_status counting_events(struct gt_store *st, const struct gt_threshold *t,
                                      int64_t lo, int64_t hi, struct gt_event **out, size_t *n,
                                      struct gt_err *err)
{
	*out = NULL;
	*n = 0;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " GT__EVENT_COLS " FROM events WHERE event = ?"
	                       " AND observed_from BETWEEN ? AND ?"
	                       " AND status IN ('unverified', 'verified')"
	                       " ORDER BY CASE WHEN ? <> 0 THEN sector ELSE 0 END, observed_from, id", &q))
		return gt__store_fail(st, err, "cannot read the events");
	gt__q_bind_text(q, 1, gt_event_type_name(t->event));
	gt__q_bind_int64(q, 2, lo);
	gt__q_bind_int64(q, 3, hi);
	gt__q_bind_int64(q, 4, t->per_sector);
	size_t cap = 0;
	int rc;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		struct gt_event e;
		gt__event_from_row(q, &e);
		if (!gt_threshold_counts(t, &e))
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			struct gt_event *grown = realloc(*out, cap * sizeof(*grown));
			if (!grown) {
				gt__q_finalize(q);
				free(*out);
				*out = NULL;
				*n = 0;
				return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
			}
			*out = grown;
		}
		(*out)[(*n)++] = e;
	}
	gt__q_finalize(q);
	if (rc == GT__DONE)
		return GT_OK;
	free(*out);
	*out = NULL;
	*n = 0;
	return gt__store_fail(st, err, "cannot read the events");
}

/* The times of the breaches of (threshold, sector) opened in [lo, hi].
 * OUT: *at (caller frees), *n. */
static enum gt_status breaches_between(struct gt_store *st, const char *threshold, int sector,
                                       int64_t lo, int64_t hi, int64_t **at, size_t *n,
                                       struct gt_err *err)
{
	*at = NULL;
	*n = 0;
	struct gt__q *q;
	/* a dismissed breach whose evidence an analyst has since rejected was
	 * a false alarm: it no longer holds its window (issue 17, finding 2) */
	if (!gt__q_prepare(st, "SELECT at FROM breaches b WHERE threshold = ? AND sector = ?"
	                       " AND at BETWEEN ? AND ? AND (status <> 'dismissed' OR NOT EXISTS"
	                       " (SELECT 1 FROM breach_events be JOIN events e ON e.id = be.event"
	                       " WHERE be.breach = b.id AND e.status = 'rejected')) ORDER BY at",
	                   &q))
		return gt__store_fail(st, err, "cannot read the breaches");
	gt__q_bind_text(q, 1, threshold);
	gt__q_bind_int64(q, 2, sector);
	gt__q_bind_int64(q, 3, lo);
	gt__q_bind_int64(q, 4, hi);
	size_t cap = 0;
	int rc;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			int64_t *grown = realloc(*at, cap * sizeof(*grown));
			if (!grown) {
				gt__q_finalize(q);
				free(*at);
				*at = NULL;
				*n = 0;
				return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
			}
			*at = grown;
		}
		(*at)[(*n)++] = gt__q_int64(q, 0);
	}
	gt__q_finalize(q);
	if (rc != GT__DONE) {
		free(*at);
		*at = NULL;
		*n = 0;
		return gt__store_fail(st, err, "cannot read the breaches");
	}
	return GT_OK;
}

static enum gt_status open_breach(struct gt_store *st, const struct gt_threshold *t,
                                  int sector, const struct gt_crossing *x,
                                  const struct gt_event *ev, const char *actor,
                                  struct gt_err *err)
{
	struct gt__q *q;
	char now[32];
	gt__store_now(now);
	if (!gt__q_prepare(st, "INSERT INTO breaches (threshold, sector, at, window_from, total,"
	                       " status, opened) VALUES (?, ?, ?, ?, ?, 'open', ?) RETURNING id", &q))
		return gt__store_fail(st, err, "cannot open the breach");
	gt__q_bind_text(q, 1, t->name);
	gt__q_bind_int64(q, 2, sector);
	gt__q_bind_int64(q, 3, x->at);
	gt__q_bind_int64(q, 4, x->from);
	gt__q_bind_int64(q, 5, x->total);
	gt__q_bind_text(q, 6, now);
	int rc = gt__q_step(q);
	int64_t id = rc == GT__ROW ? gt__q_int64(q, 0) : 0;
	if (rc == GT__ROW)
		rc = gt__q_step(q);
	gt__q_finalize(q);
	if (rc != GT__DONE)
		return gt__store_fail(st, err, "cannot open the breach");
	gt__store_touch(st, GT__T_BREACHES, id); /* with its evidence, below */
	if (!gt__q_prepare(st, "INSERT INTO breach_events (breach, event) VALUES (?, ?)", &q))
		return gt__store_fail(st, err, "cannot record the evidence");
	char detail[1024];
	size_t used = (size_t)snprintf(detail, sizeof(detail),
	                               "threshold=%s sector=%d total=%ld events=", t->name, sector,
	                               x->total);
	for (size_t i = x->first; i <= x->last; i++) {
		gt__q_reset(q);
		gt__q_bind_int64(q, 1, id);
		gt__q_bind_int64(q, 2, ev[i].id);
		if (gt__q_step(q) != GT__DONE) {
			gt__q_finalize(q);
			return gt__store_fail(st, err, "cannot record the evidence");
		}
		if (used < sizeof(detail)) {
			int w = snprintf(detail + used, sizeof(detail) - used, "%s%" PRId64,
			                 i > x->first ? "," : "", ev[i].id);
			used += w > 0 ? (size_t)w : 0;
		}
	}
	gt__q_finalize(q);
	char object[32];
	snprintf(object, sizeof(object), "breach:%" PRId64, id);
	return gt__store_audit(st, actor, "breach.open", object, detail, err);
}

enum gt_status gt__breaches_update(struct gt_store *st, const struct gt_scenario *sc,
                                   const char *actor, int64_t lo, int64_t hi,
                                   struct gt_err *err)
{
	const struct gt_monitoring *m = &sc->monitoring;
	enum gt_status s = GT_OK;
	for (size_t k = 0; k < m->nthresholds && s == GT_OK; k++) {
		const struct gt_threshold *t = &m->thresholds[k];
		int64_t span = (int64_t)(t->hours * 3600);
		struct gt_event *ev;
		size_t n;
		/* windows that end among the changed events start a span before */
		if ((s = counting_events(st, t, lo - span, hi + span, &ev, &n, err)) != GT_OK)
			break;
		struct gt_crossing *x = malloc((n ? n : 1) * sizeof(*x));
		if (!x) {
			free(ev);
			return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
		}
		for (size_t a = 0, b; a < n && s == GT_OK; a = b) {
			int sector = t->per_sector ? ev[a].sector : 0;
			for (b = a; b < n && (!t->per_sector || ev[b].sector == sector); b++)
				;
			/* breaches already open within a window of these events */
			int64_t *open;
			size_t nopen;
			if ((s = breaches_between(st, t->name, sector, ev[a].from - span,
			                          ev[b - 1].from + span, &open, &nopen, err)) != GT_OK)
				break;
			size_t nx = gt_threshold_crossings(t, ev + a, b - a, open, nopen, x);
			free(open);
			for (size_t i = 0; i < nx && s == GT_OK; i++)
				s = open_breach(st, t, sector, &x[i], ev + a, actor, err);
		}
		free(x);
		free(ev);
	}
	return s;
}

/* --- reading, and dismissal ------------------------------------------- */

#define BREACH_COLS "id, threshold, sector, at, window_from, total, status"

static void breach_from_row(struct gt__q *q, struct gt_breach *b)
{
	memset(b, 0, sizeof(*b));
	b->id = gt__q_int64(q, 0);
	snprintf(b->threshold, sizeof(b->threshold), "%s", gt__q_text(q, 1));
	b->sector = (int)gt__q_int64(q, 2);
	b->at = gt__q_int64(q, 3);
	b->from = gt__q_int64(q, 4);
	b->total = (long)gt__q_int64(q, 5);
	gt_breach_status_parse(gt__q_text(q, 6), &b->status);
}

enum gt_status gt_store_breaches(struct gt_store *st, unsigned statuses, int64_t after,
                                 size_t limit, struct gt_breach **breaches, size_t *n,
                                 struct gt_err *err)
{
	*breaches = NULL;
	*n = 0;
	if (!statuses)
		statuses = ~0u;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " BREACH_COLS " FROM breaches WHERE id > ?"
	                       " AND status IN (?, ?, ?) ORDER BY id LIMIT ?", &q))
		return gt__store_fail(st, err, "cannot read the breaches");
	gt__q_bind_int64(q, 1, after);
	for (int i = 0; i < GT_BREACH_STATUS_COUNT; i++)
		gt__q_bind_text(q, 2 + i, statuses & (1u << i) ? status_names[i] : "");
	gt__q_bind_int64(q, 2 + GT_BREACH_STATUS_COUNT, (int64_t)limit);
	size_t cap = 0;
	int rc;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 32;
			struct gt_breach *grown = realloc(*breaches, cap * sizeof(*grown));
			if (!grown) {
				free(*breaches);
				*breaches = NULL;
				*n = 0;
				gt__q_finalize(q);
				return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
			}
			*breaches = grown;
		}
		breach_from_row(q, &(*breaches)[(*n)++]);
	}
	gt__q_finalize(q);
	if (rc != GT__DONE) {
		free(*breaches);
		*breaches = NULL;
		*n = 0;
		return gt__store_fail(st, err, "cannot read the breaches");
	}
	return GT_OK;
}

enum gt_status gt_store_breach(struct gt_store *st, int64_t id, struct gt_breach *out,
                               int64_t **events, size_t *nevents, struct gt_err *err)
{
	if (events) {
		*events = NULL;
		*nevents = 0;
	}
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " BREACH_COLS " FROM breaches WHERE id = ?", &q))
		return gt__store_fail(st, err, "cannot read the breaches");
	gt__q_bind_int64(q, 1, id);
	int rc = gt__q_step(q);
	if (rc == GT__ROW)
		breach_from_row(q, out);
	gt__q_finalize(q);
	if (rc == GT__DONE)
		return gt_err_set(err, GT_E_NOTFOUND, NULL, 0, 0, NULL, "no breach %" PRId64, id);
	if (rc != GT__ROW)
		return gt__store_fail(st, err, "cannot read the breaches");
	if (!events)
		return GT_OK;
	if (!gt__q_prepare(st, "SELECT event FROM breach_events WHERE breach = ? ORDER BY event", &q))
		return gt__store_fail(st, err, "cannot read the evidence");
	gt__q_bind_int64(q, 1, id);
	size_t cap = 0;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		if (*nevents == cap) {
			cap = cap ? 2 * cap : 16;
			int64_t *grown = realloc(*events, cap * sizeof(*grown));
			if (!grown) {
				gt__q_finalize(q);
				free(*events);
				*events = NULL;
				*nevents = 0;
				return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
			}
			*events = grown;
		}
		(*events)[(*nevents)++] = gt__q_int64(q, 0);
	}
	gt__q_finalize(q);
	if (rc != GT__DONE) {
		free(*events);
		*events = NULL;
		*nevents = 0;
		return gt__store_fail(st, err, "cannot read the evidence");
	}
	return GT_OK;
}

enum gt_status gt__breach_set_status(struct gt_store *st, int64_t id,
                                     enum gt_breach_status to, struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "UPDATE breaches SET status = ? WHERE id = ?", &q))
		return gt__store_fail(st, err, "cannot write the breach");
	gt__q_bind_text(q, 1, status_names[to]);
	gt__q_bind_int64(q, 2, id);
	int rc = gt__q_step(q);
	gt__q_finalize(q);
	gt__store_touch(st, GT__T_BREACHES, id);
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot write the breach");
}

bool gt__breach_pending(struct gt_store *st, int64_t id)
{
	struct gt__q *q;
	bool pending = true;
	if (!gt__q_prepare(st, "SELECT count(*) FROM proposals WHERE breach = ? AND state = 'pending'", &q))
		return pending;
	gt__q_bind_int64(q, 1, id);
	if (gt__q_step(q) == GT__ROW)
		pending = (int)gt__q_int64(q, 0) > 0;
	gt__q_finalize(q);
	return pending;
}

enum gt_status gt_store_breach_dismiss(struct gt_store *st, const struct gt_user *by, int64_t id,
                                       const char *note, int64_t now, struct gt_err *err)
{
	if (strlen(note) > 1000)
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, "note", "a note is at most 1000 bytes");
	enum gt_status s = gt__store_begin(st, err);
	if (s != GT_OK)
		return s;
	struct gt_breach b;
	char object[32];
	size_t settled;
	snprintf(object, sizeof(object), "breach:%" PRId64, id);
	if ((s = gt__store_settle_locked(st, now, &settled, err)) != GT_OK ||
	    (s = gt_store_breach(st, id, &b, NULL, NULL, err)) != GT_OK)
		goto out;
	if (b.status != GT_BREACH_OPEN) {
		s = gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL, "breach %" PRId64 " is %s", id,
		               status_names[b.status]);
		goto out;
	}
	if (gt__breach_pending(st, id)) {
		s = gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, NULL,
		               "breach %" PRId64 " has a proposal being decided", id);
		goto out;
	}
	if ((s = gt__breach_set_status(st, id, GT_BREACH_DISMISSED, err)) != GT_OK ||
	    (s = gt__store_audit(st, by->name, "breach.dismiss", object, note, err)) != GT_OK)
		goto out;
	return gt__store_commit(st, err);
out:
	gt__store_rollback(st);
	return s;
}
