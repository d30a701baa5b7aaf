/* events.c: the event routes of `guarantor serve`: correlating
 * reports into events, reading events, and the analysts' verify, reject,
 * reopen, merge and split (docs/monitor.md, "Events"). */
#include "serve/serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

json_t *gt_srv_event_json(const struct gt_scenario *sc, const struct gt_event *e)
{
	json_t *o = json_object(), *obs = json_object(), *pos = json_object(),
	       *sec = json_object();
	json_object_set_new(o, "id", json_integer(e->id));
	json_object_set_new(o, "status", json_string(gt_event_status_name(e->status)));
	if (e->status == GT_EVENT_MERGED)
		json_object_set_new(o, "merged_into", json_integer(e->merged_into));
	json_object_set_new(obs, "from", gt_srv_time(e->from));
	json_object_set_new(obs, "to", gt_srv_time(e->to));
	json_object_set_new(o, "observed", obs);
	json_object_set_new(pos, "lon", json_real(e->lon));
	json_object_set_new(pos, "lat", json_real(e->lat));
	json_object_set_new(pos, "radius_km", json_real(e->radius_km));
	json_object_set_new(pos, "triangulated", json_boolean(e->triangulated));
	json_object_set_new(o, "position", pos);
	json_object_set_new(o, "event", json_string(gt_event_type_name(e->event)));
	if (e->weapon != GT_WEAPON_NONE)
		json_object_set_new(o, "weapon", json_string(gt_weapon_name(e->weapon)));
	json_object_set_new(o, "count", json_integer(e->count));
	json_object_set_new(o, "reports", json_integer(e->reports));
	json_object_set_new(o, "observers", json_integer(e->observers));
	json_object_set_new(o, "sources", json_integer(e->sources));
	json_object_set_new(o, "accounts", json_integer(e->accounts));
	if (e->held)
		json_object_set_new(o, "held", json_integer(e->held));
	char grade[2] = {e->grade, '\0'};
	json_object_set_new(o, "grade", json_string(grade));
	const struct gt_sector *s = gt_scenario_sector(sc, e->sector);
	json_object_set_new(sec, "id", json_integer(e->sector));
	json_object_set_new(sec, "name", json_string(s ? s->name : ""));
	json_object_set_new(o, "sector", sec);
	json_object_set_new(o, "side",
	                    json_string(e->side > 0 ? sc->monitoring.left : sc->monitoring.right));
	json_object_set_new(o, "line_km", json_real(e->line_km));
	json_object_set_new(o, "distance_km", json_real(e->offset_km));
	return o;
}

enum MHD_Result gt_srv_correlate(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	struct gt_correlation r;
	enum gt_status st = gt_store_correlate(k->store, k->sc, &k->user, &r, &err);
	if (st != GT_OK)
		return gt_srv_status_error(c, st, &err);
	json_t *o = json_object();
	json_object_set_new(o, "reports", json_integer((json_int_t)r.reports));
	json_object_set_new(o, "new_events", json_integer((json_int_t)r.new_events));
	json_object_set_new(o, "joined_events", json_integer((json_int_t)r.joined_events));
	return gt_srv_json(c, MHD_HTTP_OK, o);
}

static const char *status_name(int k)
{
	return gt_event_status_name((enum gt_event_status)k);
}

/* Reads status=a,b and the other filters of GET /api/v1/events. */
/* A decimal number in [lo, hi] ("-12.5": an optional minus, digits, and
 * an optional point and digits; no exponent, no hex, no space) that runs
 * from text to its end or to stop. OUT: *out, *end (where it stopped). */
static bool number_in(const char *text, char stop, double lo, double hi, double *out,
                      const char **end)
{
	const char *c = text + (*text == '-');
	size_t digits = strspn(c, "0123456789");
	c += digits;
	if (*c == '.') {
		size_t frac = strspn(c + 1, "0123456789");
		if (frac == 0)
			return false;
		c += 1 + frac;
	}
	*end = c;
	if (digits == 0 || (*c != '\0' && *c != stop))
		return false;
	*out = strtod(text, NULL);
	return *out >= lo && *out <= hi;
}

/* ?near=LON,LAT&km=R: both or neither. */
static bool read_near(struct MHD_Connection *c, struct gt_event_filter *f,
                      enum MHD_Result *refused)
{
	const char *near = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "near");
	const char *km = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "km");
	if (!near && !km)
		return true;
	if (!near || !km) {
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, near ? "km" : "near",
		                        "near=LON,LAT and km=RADIUS go together");
		return false;
	}
	const char *end;
	if (!number_in(near, ',', -180, 180, &f->near_lon, &end) || *end != ',' ||
	    !number_in(end + 1, '\0', -90, 90, &f->near_lat, &end)) {
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, "near",
		                        "expected LON,LAT in decimal degrees, longitude from -180 to "
		                        "180 and latitude from -90 to 90");
		return false;
	}
	if (!number_in(km, '\0', 0, 2000, &f->near_km, &end) || f->near_km <= 0) {
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, "km",
		                        "expected a radius in kilometres, more than 0 and at most 2000");
		return false;
	}
	return true;
}

static bool read_filter(const struct gt_scenario *sc, struct MHD_Connection *c,
                        struct gt_event_filter *f, enum MHD_Result *refused)
{
	f->from = 0;
	f->to = INT64_MAX;
	f->event = -1;
	int64_t sector = 0;
	if (!gt_srv_query_time(c, "from", &f->from, refused) ||
	    !gt_srv_query_time(c, "to", &f->to, refused) ||
	    !gt_srv_query_int(c, "sector", 1, (int64_t)sc->nsectors,
	                      "expected a sector's id, from 1 to the scenario's number of sectors",
	                      &sector, refused))
		return false;
	f->sector = (int)sector;
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "event");
	enum gt_event_type t;
	if (v && !gt_event_type_parse(v, &t)) {
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, "event",
		                        "expected explosion, small_arms, drone, "
		                        "heavy_weapons_movement, mine, airspace or other");
		return false;
	}
	if (v)
		f->event = (int)t;
	v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "grade");
	if (v && (strlen(v) != 1 || v[0] < 'A' || v[0] > 'C')) {
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, "grade", "expected A, B or C");
		return false;
	}
	f->grade = v ? v[0] : 0;
	return read_near(c, f, refused) &&
	       gt_srv_query_set(c, "status", status_name, GT_EVENT_STATUS_COUNT, &f->statuses,
	                        refused);
}

/* Observers read what has been published: verified events. */
enum MHD_Result gt_srv_get_events(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	enum MHD_Result refused;
	struct gt_event_filter f = {0};
	int64_t after, limit;
	if (!read_filter(k->sc, c, &f, &refused) ||
	    !gt_srv_query_page(c, "an event's id", &after, &limit, &refused))
		return refused;
	if (k->user.role == GT_ROLE_OBSERVER) {
		if (f.statuses & ~(1u << GT_EVENT_VERIFIED))
			return gt_srv_error(c, MHD_HTTP_FORBIDDEN, "status",
			                    "observers read verified events only");
		f.statuses = 1u << GT_EVENT_VERIFIED;
	}
	struct gt_event *ev;
	size_t n;
	if (gt_store_events(k->store, &f, after, (size_t)limit, &ev, &n, &err) != GT_OK)
		return gt_srv_status_error(c, err.status, &err);
	json_t *root = json_object(), *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, gt_srv_event_json(k->sc, &ev[i]));
	json_object_set_new(root, "events", arr);
	gt_srv_next_after(root, n, limit, n ? ev[n - 1].id : 0);
	free(ev);
	return gt_srv_json(c, MHD_HTTP_OK, root);
}

enum MHD_Result gt_srv_get_event(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	struct gt_event e;
	enum gt_status st = gt_store_event(k->store, k->id, &e, &err);
	/* to an observer, an event not published does not exist */
	if (st == GT_OK && k->user.role == GT_ROLE_OBSERVER && e.status != GT_EVENT_VERIFIED)
		st = gt_err_set(&err, GT_E_NOTFOUND, NULL, 0, 0, NULL, "no event %lld",
		                (long long)k->id);
	if (st != GT_OK)
		return gt_srv_status_error(c, st, &err);
	json_t *o = gt_srv_event_json(k->sc, &e);
	/* the reports as submitted name observers: for the mission only */
	if (k->user.role == GT_ROLE_ANALYST || k->user.role == GT_ROLE_COMMANDER) {
		struct gt_report *r;
		int64_t *seqs;
		size_t n;
		if (gt_store_event_reports(k->store, e.id, &r, &seqs, &n, &err) != GT_OK) {
			json_decref(o);
			return gt_srv_status_error(c, err.status, &err);
		}
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, gt_srv_report_json(&r[i], seqs[i]));
		json_object_set_new(o, "submitted", arr);
		free(r);
		free(seqs);
	}
	return gt_srv_json(c, MHD_HTTP_OK, o);
}

/* The event after a change, or the error. */
static enum MHD_Result answer_event(struct gt_srv_call *k, struct MHD_Connection *c,
                                    unsigned status, int64_t id)
{
	struct gt_err err;
	struct gt_event e;
	if (gt_store_event(k->store, id, &e, &err) != GT_OK)
		return gt_srv_status_error(c, err.status, &err);
	return gt_srv_json(c, status, gt_srv_event_json(k->sc, &e));
}

static enum MHD_Result review(struct gt_srv_call *k, struct MHD_Connection *c,
                              enum gt_event_status to)
{
	struct gt_err err;
	enum MHD_Result refused;
	const char *note;
	if (!gt_srv_note(c, k->body, &note, &refused))
		return refused;
	enum gt_status st = gt_store_event_review(k->store, k->sc, &k->user, k->id, to, note, &err);
	return st == GT_OK ? answer_event(k, c, MHD_HTTP_OK, k->id) : gt_srv_status_error(c, st, &err);
}

enum MHD_Result gt_srv_verify(struct gt_srv_call *k, struct MHD_Connection *c)
{
	return review(k, c, GT_EVENT_VERIFIED);
}

enum MHD_Result gt_srv_reject(struct gt_srv_call *k, struct MHD_Connection *c)
{
	return review(k, c, GT_EVENT_REJECTED);
}

enum MHD_Result gt_srv_reopen(struct gt_srv_call *k, struct MHD_Connection *c)
{
	return review(k, c, GT_EVENT_UNVERIFIED);
}

static bool is_event_id(const json_t *x)
{
	return json_is_integer(x) && json_integer_value(x) >= 1;
}

static bool is_text(const json_t *x)
{
	return json_is_string(x);
}

/* An analyst's request {key: [lo to hi items], "note": TEXT}: the note,
 * the list's length and each item (ok) checked. OUT: *list (borrowed from
 * the body), *note. Otherwise the refusal is sent and *refused holds it. */
static bool list_request(struct gt_srv_call *k, struct MHD_Connection *c, const char *key,
                         size_t lo, size_t hi, const char *list_what, bool (*ok)(const json_t *),
                         const char *item_what, json_t **list, const char **note,
                         enum MHD_Result *refused)
{
	*list = json_object_get(k->body, key);
	size_t n = json_is_array(*list) ? json_array_size(*list) : 0;
	if (!gt_srv_note(c, k->body, note, refused))
		return false;
	if (!json_is_array(*list) || n < lo || n > hi) {
		char msg[96];
		snprintf(msg, sizeof(msg), "expected a list of %zu to %zu %s", lo, hi, list_what);
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, key, msg);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		if (!ok(json_array_get(*list, i))) {
			char field[48];
			snprintf(field, sizeof(field), "%s[%zu]", key, i);
			*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, field, item_what);
			return false;
		}
	return true;
}

enum MHD_Result gt_srv_merge(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	enum MHD_Result refused;
	json_t *list;
	const char *note;
	if (!list_request(k, c, "events", 2, 100, "event ids", is_event_id, "expected an event id",
	                  &list, &note, &refused))
		return refused;
	size_t n = json_array_size(list);
	int64_t *v = malloc(n * sizeof(*v));
	enum MHD_Result out = MHD_NO;
	if (v) {
		for (size_t i = 0; i < n; i++)
			v[i] = json_integer_value(json_array_get(list, i));
		int64_t into;
		enum gt_status st =
			gt_store_event_merge(k->store, k->sc, &k->user, v, n, note, &into, &err);
		out = st == GT_OK ? answer_event(k, c, MHD_HTTP_OK, into)
		                  : gt_srv_status_error(c, st, &err);
	}
	free(v);
	return out;
}

enum MHD_Result gt_srv_split(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	enum MHD_Result refused;
	json_t *list;
	const char *note;
	if (!list_request(k, c, "reports", 1, 1000, "report ids", is_text, "expected a report's id",
	                  &list, &note, &refused))
		return refused;
	size_t n = json_array_size(list);
	const char **v = malloc(n * sizeof(*v));
	enum MHD_Result out = MHD_NO;
	if (v) {
		for (size_t i = 0; i < n; i++)
			v[i] = json_string_value(json_array_get(list, i));
		int64_t fresh;
		enum gt_status st =
			gt_store_event_split(k->store, k->sc, &k->user, k->id, v, n, note, &fresh, &err);
		out = st == GT_OK ? answer_event(k, c, MHD_HTTP_CREATED, fresh)
		                  : gt_srv_status_error(c, st, &err);
	}
	free(v);
	return out;
}
