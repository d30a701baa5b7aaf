/* events.c: events in the store: correlating the reports that are in no
 * event yet, reading events, and the analysts' verify, reject, reopen,
 * merge and split, each audited in the transaction that makes it
 * (docs/monitor.md, "Events"). */
#include "monitor/sql.h"
#include "monitor/store_priv.h"

#include "guarantor/geo.h"

#include <inttypes.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A report's columns as correlation reads them; the observer numbered by
 * DENSE_RANK, equal for one account's reports under one name within one
 * query, and the account that submitted it. */
#define SIGHTING_COLS                                                                        \
	"seq, observed_from, observed_to, lon, lat, precision_m, bearing_deg, distance_km,"      \
	" source, event, weapon, count, event_id,"                                                \
	" DENSE_RANK() OVER (ORDER BY submitted_by, observer), submitted_by"

struct sightings {
	struct gt_sighting *s;
	int64_t *seq;
	size_t n, cap;
};

static void sightings_fini(struct sightings *v)
{
	free(v->s);
	free(v->seq);
}

static bool sightings_grow(struct sightings *v)
{
	if (v->n < v->cap)
		return true;
	size_t cap = v->cap ? 2 * v->cap : 256;
	struct gt_sighting *s = realloc(v->s, cap * sizeof(*s));
	if (!s)
		return false;
	v->s = s;
	int64_t *q = realloc(v->seq, cap * sizeof(*q));
	if (!q)
		return false;
	v->seq = q;
	v->cap = cap;
	return true;
}

/* Appends the rows of q (SIGHTING_COLS) to v. */
static enum gt_status read_sightings(struct gt_store *st, struct gt__q *q, struct sightings *v,
                                     struct gt_err *err)
{
	int rc;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		if (!sightings_grow(v))
			return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
		struct gt_sighting *s = &v->s[v->n];
		memset(s, 0, sizeof(*s));
		v->seq[v->n] = gt__q_int64(q, 0);
		s->from = gt__q_int64(q, 1);
		s->to = gt__q_int64(q, 2);
		s->lon = gt__q_double(q, 3);
		s->lat = gt__q_double(q, 4);
		s->precision_km = gt__q_double(q, 5) / 1000;
		s->heard = !gt__q_null(q, 6);
		s->bearing_deg = gt__q_double(q, 6);
		s->distance_km = gt__q_double(q, 7);
		if (!gt_source_kind_parse(gt__q_text(q, 8), &s->source) ||
		    !gt_event_type_parse(gt__q_text(q, 9), &s->event) ||
		    !gt_weapon_parse(gt__q_text(q, 10), &s->weapon))
			return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
			                  "report %" PRId64 " has a source, event or weapon this "
			                  "guarantor does not know",
			                  v->seq[v->n]);
		s->count = (long)gt__q_int64(q, 11);
		s->event_id = gt__q_int64(q, 12);
		s->observer = (uint32_t)gt__q_int64(q, 13);
		s->account = gt__q_int64(q, 14);
		v->n++;
	}
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot read the reports");
}

/* The reports of one event. */
static enum gt_status event_sightings(struct gt_store *st, int64_t id, struct sightings *v,
                                      struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " SIGHTING_COLS " FROM reports WHERE event_id = ? ORDER BY seq", &q))
		return gt__store_fail(st, err, "cannot read the reports");
	gt__q_bind_int64(q, 1, id);
	enum gt_status s = read_sightings(st, q, v, err);
	gt__q_finalize(q);
	return s;
}

/* Writes e (its id set): a new event with status, or, when it exists, its
 * summary (its status and merged_into kept). */
enum gt_status gt__event_put(struct gt_store *st, const struct gt_event *e,
                                enum gt_event_status status, struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "INSERT INTO events (id, status, observed_from, observed_to, lon, lat, radius_km,"
		    " triangulated, event, weapon, count, reports, observers, sources, grade, sector,"
		    " side, line_km, offset_km, updated, accounts, held)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		    " ON CONFLICT(id) DO UPDATE SET observed_from = excluded.observed_from,"
		    " observed_to = excluded.observed_to, lon = excluded.lon, lat = excluded.lat,"
		    " radius_km = excluded.radius_km, triangulated = excluded.triangulated,"
		    " event = excluded.event, weapon = excluded.weapon, count = excluded.count,"
		    " reports = excluded.reports, observers = excluded.observers,"
		    " sources = excluded.sources, grade = excluded.grade, sector = excluded.sector,"
		    " side = excluded.side, line_km = excluded.line_km,"
		    " offset_km = excluded.offset_km, updated = excluded.updated,"
		    " accounts = excluded.accounts, held = excluded.held", &q))
		return gt__store_fail(st, err, "cannot write the event");
	char now[32], grade[2] = {e->grade, '\0'};
	gt__store_now(now);
	gt__q_bind_int64(q, 1, e->id);
	gt__q_bind_text(q, 2, gt_event_status_name(status));
	gt__q_bind_int64(q, 3, e->from);
	gt__q_bind_int64(q, 4, e->to);
	gt__q_bind_double(q, 5, e->lon);
	gt__q_bind_double(q, 6, e->lat);
	gt__q_bind_double(q, 7, e->radius_km);
	gt__q_bind_int64(q, 8, e->triangulated);
	gt__q_bind_text(q, 9, gt_event_type_name(e->event));
	gt__q_bind_text(q, 10, gt_weapon_name(e->weapon));
	gt__q_bind_int64(q, 11, e->count);
	gt__q_bind_int64(q, 12, e->reports);
	gt__q_bind_int64(q, 13, e->observers);
	gt__q_bind_int64(q, 14, e->sources);
	gt__q_bind_text(q, 15, grade);
	gt__q_bind_int64(q, 16, e->sector);
	gt__q_bind_int64(q, 17, e->side);
	gt__q_bind_double(q, 18, e->line_km);
	gt__q_bind_double(q, 19, e->offset_km);
	gt__q_bind_text(q, 20, now);
	gt__q_bind_int64(q, 21, e->accounts);
	gt__q_bind_int64(q, 22, e->held);
	int rc = gt__q_step(q);
	gt__q_finalize(q);
	gt__store_touch(st, GT__T_EVENTS, e->id);
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot write the event");
}

static enum gt_status summarise_all(const struct gt_scenario *sc,
                                    const struct gt_geo_line_locator *lc,
                                    const struct sightings *v, int64_t id, struct gt_event *e,
                                    struct gt_err *err)
{
	size_t *idx = malloc((v->n ? v->n : 1) * sizeof(*idx));
	if (!idx)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	for (size_t i = 0; i < v->n; i++)
		idx[i] = i;
	enum gt_status s = gt_event_summarise(sc, lc, v->s, idx, v->n, e);
	free(idx);
	e->id = id;
	if (s != GT_OK)
		return gt_err_set(err, s, NULL, 0, 0, NULL, "out of memory");
	return GT_OK;
}

/* Recomputes a stored event from its reports, as they are now. */
enum gt_status gt__event_refresh(struct gt_store *st, const struct gt_scenario *sc,
                                    const struct gt_geo_line_locator *lc, int64_t id,
                                    struct gt_err *err)
{
	struct sightings v = {0};
	struct gt_event e;
	enum gt_status s = event_sightings(st, id, &v, err);
	if (s == GT_OK && v.n == 0)
		s = gt_err_set(err, GT_E_INTERNAL, st->path, 0, 0, NULL,
		               "event %" PRId64 " has no reports left", id);
	if (s == GT_OK)
		s = summarise_all(sc, lc, &v, id, &e, err);
	if (s == GT_OK)
		s = gt__event_put(st, &e, GT_EVENT_UNVERIFIED, err);
	sightings_fini(&v);
	return s;
}

static enum gt_status set_report_event(struct gt_store *st, struct gt__q *q, int64_t seq,
                                       int64_t event, struct gt_err *err)
{
	gt__q_reset(q);
	gt__q_bind_int64(q, 1, event);
	gt__q_bind_int64(q, 2, seq);
	gt__store_touch(st, GT__T_REPORTS, seq);
	return gt__q_step(q) == GT__DONE ? GT_OK
	                                      : gt__store_fail(st, err, "cannot assign the report");
}

static enum gt_status need_monitoring(const struct gt_scenario *sc, struct gt_err *err)
{
	if (sc->monitoring.present)
		return GT_OK;
	return gt_err_set(err, GT_E_SCHEMA, sc->file, 0, 0, "monitoring",
	                  "the scenario has no monitoring section (docs/monitor.md, \"The "
	                  "agreement\")");
}

enum gt_status gt__events_begin(struct gt_store *st, const struct gt_scenario *sc,
                            struct gt_geo_line_locator **lc, struct gt_err *err)
{
	enum gt_status s;
	*lc = NULL;
	if ((s = need_monitoring(sc, err)) != GT_OK)
		return s;
	struct gt_linestring paths[GT_LINES_MAX];
	size_t nlines = gt_theatre_paths(&sc->theatre, paths);
	if (gt_geo_line_locator_new(paths, nlines, lc) != GT_OK)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	if ((s = gt__store_begin(st, err)) != GT_OK) {
		gt_geo_line_locator_free(*lc);
		*lc = NULL;
	}
	return s;
}

/* Commits, or rolls back when s is not GT_OK; frees the locator. */
enum gt_status gt__events_finish(struct gt_store *st, struct gt_geo_line_locator *lc,
                             enum gt_status s, struct gt_err *err)
{
	gt_geo_line_locator_free(lc);
	if (s == GT_OK && (s = gt__store_commit(st, err)) == GT_OK)
		return GT_OK;
	gt__store_rollback(st);
	return s;
}

/* OUT: *v, the one value sql selects, or fallback when it is NULL. */
static enum gt_status scalar(struct gt_store *st, const char *sql, int64_t fallback, int64_t *v,
                             struct gt_err *err)
{
	struct gt__q *q;
	*v = fallback;
	if (!gt__q_prepare(st, sql, &q))
		return gt__store_fail(st, err, "cannot read the store");
	int rc = gt__q_step(q);
	if (rc == GT__ROW && !gt__q_null(q, 0))
		*v = gt__q_int64(q, 0);
	gt__q_finalize(q);
	return rc == GT__ROW ? GT_OK : gt__store_fail(st, err, "cannot read the store");
}

struct by_event {
	int64_t event, seq;
	size_t i;
};

static int by_event_seq(const void *pa, const void *pb)
{
	const struct by_event *a = pa, *b = pb;
	if (a->event != b->event)
		return a->event < b->event ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The new reports grouped by their events: new events written from the
 * sightings in memory (all theirs are new), existing ones refreshed from
 * the store once the reports point at them. */
static enum gt_status write_assignments(struct gt_store *st, const struct gt_scenario *sc,
                                        const struct gt_geo_line_locator *lc,
                                        struct sightings *v, const bool *fresh,
                                        int64_t first_new, struct gt_correlation *out,
                                        unsigned char digest[32], struct gt_err *err)
{
	size_t nf = 0;
	for (size_t i = 0; i < v->n; i++)
		nf += fresh[i];
	struct by_event *g = malloc((nf ? nf : 1) * sizeof(*g));
	size_t *idx = malloc((nf ? nf : 1) * sizeof(*idx));
	if (!g || !idx) {
		free(g);
		free(idx);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	for (size_t i = 0, k = 0; i < v->n; i++)
		if (fresh[i])
			g[k++] = (struct by_event){v->s[i].event_id, v->seq[i], i};
	qsort(g, nf, sizeof(*g), by_event_seq);
	enum gt_status s = GT_OK;
	for (size_t a = 0, b; a < nf && s == GT_OK; a = b) {
		for (b = a; b < nf && g[b].event == g[a].event; b++)
			idx[b - a] = g[b].i;
		if (g[a].event < first_new) {
			out->joined_events++;
			continue;
		}
		struct gt_event e;
		if (gt_event_summarise(sc, lc, v->s, idx, b - a, &e) != GT_OK) {
			s = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
			break;
		}
		e.id = g[a].event;
		s = gt__event_put(st, &e, GT_EVENT_UNVERIFIED, err);
		out->new_events++;
	}
	struct gt__q *q = NULL;
	if (s == GT_OK &&
	    !gt__q_prepare(st, "UPDATE reports SET event_id = ? WHERE seq = ?", &q))
		s = gt__store_fail(st, err, "cannot assign the reports");
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 32);
	for (size_t i = 0; i < v->n && s == GT_OK; i++) {
		if (!fresh[i])
			continue;
		s = set_report_event(st, q, v->seq[i], v->s[i].event_id, err);
		int64_t pair[2] = {v->seq[i], v->s[i].event_id};
		crypto_generichash_update(&h, (const unsigned char *)pair, sizeof(pair));
		out->reports++;
	}
	crypto_generichash_final(&h, digest, 32);
	gt__q_finalize(q);
	for (size_t a = 0, b; a < nf && s == GT_OK; a = b) {
		for (b = a; b < nf && g[b].event == g[a].event; b++)
			;
		if (g[a].event < first_new)
			s = gt__event_refresh(st, sc, lc, g[a].event, err);
	}
	free(g);
	free(idx);
	return s;
}

enum gt_status gt_store_correlate(struct gt_store *st, const struct gt_scenario *sc,
                                  const struct gt_user *by, struct gt_correlation *out,
                                  struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	struct gt_geo_line_locator *lc;
	enum gt_status s = gt__events_begin(st, sc, &lc, err);
	if (s != GT_OK)
		return s;
	const struct gt_monitoring *m = &sc->monitoring;
	struct sightings v = {0};
	bool *fresh = NULL;
	int64_t lo, hi, first_new;
	if ((s = scalar(st, "SELECT min(observed_from) FROM reports WHERE event_id IS NULL", -1, &lo,
	                err)) != GT_OK ||
	    lo < 0) /* nothing to correlate */
		return gt__events_finish(st, lc, s, err);
	if ((s = scalar(st, "SELECT max(observed_to) FROM reports WHERE event_id IS NULL", lo, &hi,
	                err)) != GT_OK)
		goto out;
	/* reports already in unverified events that could match: those that
	 * began within a span and a window of the new ones */
	int64_t reach = (int64_t)(m->max_span_hours * 3600 + m->window_min * 60);
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " SIGHTING_COLS " FROM reports WHERE event_id IS NULL OR"
	                       " (observed_from BETWEEN ? AND ? AND event_id IN"
	                       " (SELECT id FROM events WHERE status = 'unverified')) ORDER BY seq", &q)) {
		s = gt__store_fail(st, err, "cannot read the reports");
		goto out;
	}
	gt__q_bind_int64(q, 1, lo - reach);
	gt__q_bind_int64(q, 2, hi + reach);
	s = read_sightings(st, q, &v, err);
	gt__q_finalize(q);
	if (s != GT_OK)
		goto out;
	if (!(fresh = malloc((v.n ? v.n : 1) * sizeof(bool)))) {
		s = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < v.n; i++)
		fresh[i] = v.s[i].event_id == 0;
	if ((s = scalar(st, "SELECT max(id) FROM events", 0, &first_new, err)) != GT_OK)
		goto out;
	int64_t next = ++first_new;
	if ((s = gt_correlate(m, v.s, v.n, &next, err)) != GT_OK)
		goto out;
	unsigned char digest[32];
	if ((s = write_assignments(st, sc, lc, &v, fresh, first_new, out, digest, err)) != GT_OK)
		goto out;
	char hex[65], detail[200];
	sodium_bin2hex(hex, sizeof(hex), digest, 32);
	snprintf(detail, sizeof(detail), "reports=%zu new_events=%zu joined_events=%zu blake2b=%s",
	         out->reports, out->new_events, out->joined_events, hex);
	if ((s = gt__store_audit(st, by->name, "events.correlate", "reports", detail, err)) !=
	    GT_OK)
		goto out;
	s = gt__breaches_update(st, sc, by->name, lo - reach, hi, err);
out:
	free(fresh);
	sightings_fini(&v);
	if (s != GT_OK)
		memset(out, 0, sizeof(*out));
	return gt__events_finish(st, lc, s, err);
}

/* --- reading events --------------------------------------------------- */

void gt__event_from_row(struct gt__q *q, struct gt_event *e)
{
	memset(e, 0, sizeof(*e));
	e->id = gt__q_int64(q, 0);
	gt_event_status_parse(gt__q_text(q, 1), &e->status);
	e->merged_into = gt__q_int64(q, 2);
	e->from = gt__q_int64(q, 3);
	e->to = gt__q_int64(q, 4);
	e->lon = gt__q_double(q, 5);
	e->lat = gt__q_double(q, 6);
	e->radius_km = gt__q_double(q, 7);
	e->triangulated = (int)gt__q_int64(q, 8) != 0;
	gt_event_type_parse(gt__q_text(q, 9), &e->event);
	gt_weapon_parse(gt__q_text(q, 10), &e->weapon);
	e->count = (long)gt__q_int64(q, 11);
	e->reports = (int)gt__q_int64(q, 12);
	e->observers = (int)gt__q_int64(q, 13);
	e->sources = (int)gt__q_int64(q, 14);
	const char *g = gt__q_text(q, 15);
	e->grade = g ? (char)g[0] : 'C';
	e->sector = (int)gt__q_int64(q, 16);
	e->side = (int)gt__q_int64(q, 17);
	e->line_km = gt__q_double(q, 18);
	e->offset_km = gt__q_double(q, 19);
	e->accounts = (int)gt__q_int64(q, 20);
	e->held = (int)gt__q_int64(q, 21);
}

enum gt_status gt_store_event(struct gt_store *st, int64_t id, struct gt_event *out,
                              struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " GT__EVENT_COLS " FROM events WHERE id = ?", &q))
		return gt__store_fail(st, err, "cannot read the events");
	gt__q_bind_int64(q, 1, id);
	int rc = gt__q_step(q);
	if (rc == GT__ROW)
		gt__event_from_row(q, out);
	gt__q_finalize(q);
	if (rc == GT__ROW)
		return GT_OK;
	if (rc == GT__DONE)
		return gt_err_set(err, GT_E_NOTFOUND, NULL, 0, 0, NULL, "no event %" PRId64, id);
	return gt__store_fail(st, err, "cannot read the events");
}

enum gt_status gt_store_event_reports(struct gt_store *st, int64_t id, struct gt_report **reports,
                                      int64_t **seqs, size_t *n, struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " GT__REPORT_COLS " FROM reports WHERE event_id = ? ORDER BY seq", &q))
		return gt__store_fail(st, err, "cannot read the reports");
	gt__q_bind_int64(q, 1, id);
	enum gt_status s = gt__store_read_reports(st, q, SIZE_MAX, reports, seqs, n, err);
	gt__q_finalize(q);
	return s;
}

/* A box in degrees around a geodesic circle, wide enough to hold it: the
 * database narrows to the box, the service measures the rest. A circle
 * that reaches a pole or the antimeridian takes every longitude. */
struct box {
	double lat_lo, lat_hi, lon_lo, lon_hi;
};

static struct box box_around(double lon, double lat, double km)
{
	/* a degree of latitude is at least 110.5 km; of longitude, at least
	 * 111.3 km times the cosine of the latitude farthest from the equator;
	 * 1% spare */
	double dlat = km / 110.5 * 1.01;
	struct box b = {lat - dlat, lat + dlat, -180.0, 180.0};
	double far = fmax(fabs(b.lat_lo), fabs(b.lat_hi));
	if (far < 89.0) {
		double dlon = km / (111.3 * cos(far * 3.14159265358979323846 / 180.0)) * 1.01;
		if (lon - dlon > -180.0 && lon + dlon < 180.0) {
			b.lon_lo = lon - dlon;
			b.lon_hi = lon + dlon;
		}
	}
	return b;
}

/* One page of events by id after `after`, at most limit, appended to
 * out[*k...]; near queries without PostGIS drop what lies beyond the
 * circle. OUT: *rows, the rows the database gave, *last, the last id. */
static enum gt_status events_page(struct gt_store *st, const struct gt_event_filter *f,
                                  const char *postgis, int64_t after, size_t limit,
                                  struct gt_event *out, size_t *k, size_t *rows, int64_t *last,
                                  struct gt_err *err)
{
	char sql[2048];
	bool near = f->near_km > 0;
	snprintf(sql, sizeof(sql),
	         "SELECT " GT__EVENT_COLS " FROM events WHERE observed_from >= ?"
	         " AND observed_from < ? AND id > ? AND (? = 0 OR sector = ?)"
	         " AND (? < 0 OR event = ?) AND grade <= ?"
	         " AND status IN (?, ?, ?, ?)%s%s ORDER BY id LIMIT ?",
	         !near ? "" : postgis ? " AND " : " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
	         near && postgis ? postgis : "");
	struct gt__q *q;
	if (!gt__q_prepare(st, sql, &q))
		return gt__store_fail(st, err, "cannot read the events");
	unsigned statuses = f->statuses ? f->statuses : ~(1u << GT_EVENT_MERGED);
	char grade[2] = {f->grade ? f->grade : 'C', '\0'};
	int i = 1;
	gt__q_bind_int64(q, i++, f->from);
	gt__q_bind_int64(q, i++, f->to);
	gt__q_bind_int64(q, i++, after);
	gt__q_bind_int64(q, i++, f->sector);
	gt__q_bind_int64(q, i++, f->sector);
	gt__q_bind_int64(q, i++, f->event);
	gt__q_bind_text(q, i++, f->event >= 0 ? gt_event_type_name((enum gt_event_type)f->event) : "");
	gt__q_bind_text(q, i++, grade);
	for (int st_i = 0; st_i < GT_EVENT_STATUS_COUNT; st_i++)
		gt__q_bind_text(q, i++, statuses & (1u << st_i)
		                            ? gt_event_status_name((enum gt_event_status)st_i)
		                            : "");
	if (near && postgis) {
		gt__q_bind_double(q, i++, f->near_lon);
		gt__q_bind_double(q, i++, f->near_lat);
		gt__q_bind_double(q, i++, f->near_km * 1000.0);
	}
	else if (near) {
		struct box b = box_around(f->near_lon, f->near_lat, f->near_km);
		gt__q_bind_double(q, i++, b.lat_lo);
		gt__q_bind_double(q, i++, b.lat_hi);
		gt__q_bind_double(q, i++, b.lon_lo);
		gt__q_bind_double(q, i++, b.lon_hi);
	}
	gt__q_bind_int64(q, i, (int64_t)limit);
	int rc;
	*rows = 0;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		struct gt_event *e = &out[*k];
		gt__event_from_row(q, e);
		(*rows)++;
		*last = e->id;
		struct gt_point at = {e->lon, e->lat}, centre = {f->near_lon, f->near_lat};
		if (!near || postgis || gt_geo_distance_km(at, centre) <= f->near_km)
			(*k)++;
	}
	gt__q_finalize(q);
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot read the events");
}

enum gt_status gt_store_events(struct gt_store *st, const struct gt_event_filter *f,
                               int64_t after, size_t limit, struct gt_event **events, size_t *n,
                               struct gt_err *err)
{
	*events = NULL;
	*n = 0;
	if (limit == 0)
		return GT_OK;
	const char *postgis = f->near_km > 0 ? gt__store_near_sql(st) : NULL;
	/* a page holds at most limit events, and more may be asked for as the
	 * service drops those beyond a circle: the array grows by pages */
	size_t page = limit < 4096 ? limit : 4096, cap = 0, k = 0;
	struct gt_event *out = NULL;
	for (;;) {
		size_t ask = limit - k < page ? limit - k : page;
		if (cap - k < ask) {
			struct gt_event *grown = realloc(out, (k + ask) * sizeof(*grown));
			if (!grown) {
				free(out);
				return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
			}
			out = grown;
			cap = k + ask;
		}
		size_t rows = 0;
		enum gt_status s = events_page(st, f, postgis, after, ask, out, &k, &rows, &after, err);
		if (s != GT_OK) {
			free(out);
			return s;
		}
		if (k == limit || rows < ask) /* enough, or no more */
			break;
	}
	*events = out;
	*n = k;
	return GT_OK;
}
