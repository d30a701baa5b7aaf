/* reports.c: reports from monitors, sensors and partners: read from JSON
 * with every field checked, and stored idempotently by the client's id. */
#define _DEFAULT_SOURCE /* timegm */
#include "monitor/canon.h"
#include "monitor/sql.h"
#include "monitor/store_priv.h"

#include <ctype.h>
#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* "2026-11-27T10:00:00Z", exactly; OUT: seconds since the epoch. */
static bool parse_time(const char *s, int64_t *out)
{
	struct tm tm = {0};
	int n = 0;
	if (strlen(s) != 20 || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon,
	                              &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 ||
	    n != 20)
		return false;
	if (tm.tm_year < 1990 || tm.tm_year > 2200 || tm.tm_mon < 1 || tm.tm_mon > 12 ||
	    tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59)
		return false; /* a leap second's :60 would be stored as the next minute: refused */
	int year = tm.tm_year, mon = tm.tm_mon, day = tm.tm_mday;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	struct tm back;
	gmtime_r(&t, &back);
	if (back.tm_year + 1900 != year || back.tm_mon + 1 != mon || back.tm_mday != day)
		return false; /* 31 February and the like */
	*out = (int64_t)t;
	return true;
}

bool gt_time_parse_utc(const char *s, int64_t *out)
{
	return parse_time(s, out);
}

char *gt_time_format_utc(int64_t t, char out[GT_TIME_UTC_SIZE])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(out, GT_TIME_UTC_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(out, GT_TIME_UTC_SIZE, "%lld", (long long)t);
	return out;
}

static enum gt_status bad(struct gt_err *err, enum gt_status st, const char *path,
                          const char *fmt, const char *what)
{
	return gt_err_set(err, st, NULL, 0, 0, path, fmt, what);
}

static const char *type_of(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "text";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "true or false";
	case JSON_NULL: return "null";
	}
	return "?";
}

/* Refuses members of obj not in keys. */
static enum gt_status known(const json_t *obj, const char *path, const char *const *keys,
                            const char *list, struct gt_err *err)
{
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)obj, k, v) {
		bool ok = false;
		for (size_t i = 0; keys[i]; i++)
			ok = ok || strcmp(keys[i], k) == 0;
		if (!ok) {
			char p[128];
			snprintf(p, sizeof(p), "%s%s%s", path, *path ? "." : "", k);
			return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, p,
			                  "unknown field; expected one of: %s", list);
		}
	}
	return GT_OK;
}

static enum gt_status text_field(const json_t *obj, const char *key, const char *path,
                                 bool required, size_t max, char *out, struct gt_err *err)
{
	const json_t *v = json_object_get(obj, key);
	if (!v) {
		if (required)
			return bad(err, GT_E_SCHEMA, path, "missing; expected %s", "text");
		out[0] = '\0';
		return GT_OK;
	}
	if (!json_is_string(v))
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, path, "expected text, got %s",
		                  type_of(v));
	size_t n = json_string_length(v);
	if (n >= max)
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, path,
		                  "%zu bytes; expected at most %zu", n, max - 1);
	if (memchr(json_string_value(v), '\0', n))
		return bad(err, GT_E_SCHEMA, path, "%s", "contains a NUL character");
	memcpy(out, json_string_value(v), n + 1);
	return GT_OK;
}

static enum gt_status number_field(const json_t *obj, const char *key, const char *path,
                                   bool required, double lo, double hi, double *out,
                                   bool *present, struct gt_err *err)
{
	const json_t *v = json_object_get(obj, key);
	if (present)
		*present = v != NULL;
	if (!v) {
		if (required)
			return bad(err, GT_E_SCHEMA, path, "missing; expected %s", "a number");
		return GT_OK;
	}
	if (!json_is_number(v))
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, path, "expected a number, got %s",
		                  type_of(v));
	double x = json_number_value(v);
	if (!(x >= lo && x <= hi))
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, path,
		                  "%g is out of range; expected %g to %g", x, lo, hi);
	*out = x;
	return GT_OK;
}

static enum gt_status enum_field(const json_t *obj, const char *key, const char *path,
                                 const char *const *names, int count, int *out,
                                 struct gt_err *err)
{
	char text[64];
	enum gt_status st = text_field(obj, key, path, true, sizeof(text), text, err);
	if (st != GT_OK)
		return st;
	for (int i = 0; i < count; i++) {
		if (strcmp(names[i], text) == 0) {
			*out = i;
			return GT_OK;
		}
	}
	char list[256] = "";
	for (int i = 0; i < count; i++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "",
		         names[i]);
	return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, path, "'%s'; expected one of: %s", text,
	                  list);
}

static enum gt_status time_field(const json_t *obj, const char *key, const char *path,
                                 int64_t *out, struct gt_err *err)
{
	char text[64];
	enum gt_status st = text_field(obj, key, path, true, sizeof(text), text, err);
	if (st != GT_OK)
		return st;
	if (!parse_time(text, out))
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, path,
		                  "'%s'; expected a UTC time like 2026-11-27T10:00:00Z", text);
	return GT_OK;
}

static bool valid_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || strchr("._:-", *s)))
			return false;
	return true;
}

enum gt_status gt_report_parse(const char *json, size_t len, const struct gt_report_window *w,
                               struct gt_report *out, struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	json_error_t je;
	json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return gt_err_set(err, GT_E_SYNTAX, NULL, je.line, je.column, NULL, "%s", je.text);
	enum gt_status st = gt__report_from_json(root, w, out, err);
	json_decref(root);
	return st;
}

enum gt_status gt__report_from_json(const json_t *root, const struct gt_report_window *w,
                                    struct gt_report *out, struct gt_err *err)
{
	int64_t now = w->now;
	memset(out, 0, sizeof(*out));
	static const char *const keys[] = {"id",     "observed", "reported",    "position",
	                                   "observer", "source", "event",       "weapon",
	                                   "count",  "heard",    "text",        "attachments",
	                                   NULL};
	static const char *const obs_keys[] = {"from", "to", NULL};
	static const char *const pos_keys[] = {"lon", "lat", "precision_m", NULL};
	static const char *const heard_keys[] = {"bearing_deg", "distance_km", NULL};
	enum gt_status st = GT_OK;
	const json_t *obs, *pos, *heard, *att;
	int src, ev, wp = GT_WEAPON_NONE;
	double count = 1;
	if (!json_is_object(root)) {
		st = gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, NULL, "expected a JSON object, got %s",
		                type_of(root));
		goto out;
	}
	if ((st = known(root, "", keys,
	                "id, observed, reported, position, observer, source, event, weapon, count, "
	                "heard, text, attachments",
	                err)) != GT_OK ||
	    (st = text_field(root, "id", "id", true, sizeof(out->id), out->id, err)) != GT_OK)
		goto out;
	if (!valid_id(out->id)) {
		st = bad(err, GT_E_SCHEMA, "id", "%s",
		         "expected 1 to 64 letters, digits, '.', '_', ':' or '-'");
		goto out;
	}
	obs = json_object_get(root, "observed");
	if (!json_is_object(obs)) {
		st = bad(err, GT_E_SCHEMA, "observed", "%s",
		         "expected an object {\"from\": TIME, \"to\": TIME}");
		goto out;
	}
	if ((st = known(obs, "observed", obs_keys, "from, to", err)) != GT_OK ||
	    (st = time_field(obs, "from", "observed.from", &out->observed_from, err)) != GT_OK ||
	    (st = time_field(obs, "to", "observed.to", &out->observed_to, err)) != GT_OK ||
	    (st = time_field(root, "reported", "reported", &out->reported, err)) != GT_OK)
		goto out;
	if (out->observed_to < out->observed_from) {
		st = bad(err, GT_E_RANGE, "observed.to", "%s", "is before observed.from");
		goto out;
	}
	if (out->reported < out->observed_from) {
		st = bad(err, GT_E_RANGE, "reported", "%s", "is before the observation began");
		goto out;
	}
	if (out->observed_from < w->since) {
		char day[GT_TIME_UTC_SIZE];
		gt_time_format_utc(w->since, day);
		st = gt_err_set(err, GT_E_RANGE, NULL, 0, 0, "observed.from",
		                "is before the mission began (%.10s, the scenario's monitoring.start)",
		                day);
		goto out;
	}
	if (out->observed_to > now + 300 || out->reported > now + 300) {
		st = bad(err, GT_E_RANGE, out->reported > now + 300 ? "reported" : "observed.to", "%s",
		         "is in the future (more than 5 minutes ahead of the server's clock)");
		goto out;
	}
	pos = json_object_get(root, "position");
	if (!json_is_object(pos)) {
		st = bad(err, GT_E_SCHEMA, "position", "%s",
		         "expected an object {\"lon\", \"lat\", \"precision_m\"}");
		goto out;
	}
	if ((st = known(pos, "position", pos_keys, "lon, lat, precision_m", err)) != GT_OK ||
	    (st = number_field(pos, "lon", "position.lon", true, -180, 180, &out->lon, NULL, err)) !=
	            GT_OK ||
	    (st = number_field(pos, "lat", "position.lat", true, -90, 90, &out->lat, NULL, err)) !=
	            GT_OK ||
	    (st = number_field(pos, "precision_m", "position.precision_m", true, 0, 100000,
	                       &out->precision_m, NULL, err)) != GT_OK ||
	    (st = text_field(root, "observer", "observer", true, sizeof(out->observer), out->observer,
	                     err)) != GT_OK ||
	    (st = enum_field(root, "source", "source", gt__source_names, GT_SOURCE_COUNT, &src, err)) !=
	            GT_OK ||
	    (st = enum_field(root, "event", "event", gt__event_names, GT_EVENT_COUNT, &ev, err)) != GT_OK)
		goto out;
	out->source = (enum gt_source_kind)src;
	out->event = (enum gt_event_type)ev;
	if (json_object_get(root, "weapon")) {
		if ((st = enum_field(root, "weapon", "weapon", gt__weapon_names, GT_WEAPON_COUNT, &wp,
		                     err)) != GT_OK)
			goto out;
		if (out->event != GT_EVENT_EXPLOSION && wp != GT_WEAPON_NONE) {
			st = bad(err, GT_E_SCHEMA, "weapon", "%s", "only explosions have a weapon class");
			goto out;
		}
	}
	out->weapon = (enum gt_weapon)wp;
	if ((st = number_field(root, "count", "count", false, 1, 100000, &count, NULL, err)) !=
	    GT_OK)
		goto out;
	if (count != floor(count)) {
		st = bad(err, GT_E_SCHEMA, "count", "%s", "expected a whole number");
		goto out;
	}
	out->count = (long)count;
	heard = json_object_get(root, "heard");
	if (heard) {
		if (!json_is_object(heard)) {
			st = bad(err, GT_E_SCHEMA, "heard", "%s",
			         "expected an object {\"bearing_deg\", \"distance_km\"}");
			goto out;
		}
		out->heard = true;
		if ((st = known(heard, "heard", heard_keys, "bearing_deg, distance_km", err)) !=
		            GT_OK ||
		    (st = number_field(heard, "bearing_deg", "heard.bearing_deg", true, 0, 360,
		                       &out->bearing_deg, NULL, err)) != GT_OK ||
		    (st = number_field(heard, "distance_km", "heard.distance_km", true, 0, 100,
		                       &out->distance_km, NULL, err)) != GT_OK)
			goto out;
	}
	if ((st = text_field(root, "text", "text", false, sizeof(out->text), out->text, err)) !=
	    GT_OK)
		goto out;
	att = json_object_get(root, "attachments");
	if (att) {
		if (!json_is_array(att) || json_array_size(att) > GT_REPORT_ATTACHMENTS_MAX) {
			st = gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "attachments",
			                "expected an array of at most %d \"sha256:<64 hex>\" hashes",
			                GT_REPORT_ATTACHMENTS_MAX);
			goto out;
		}
		for (size_t i = 0; i < json_array_size(att); i++) {
			const json_t *a = json_array_get(att, i);
			const char *h = json_string_value(a);
			char p[32];
			snprintf(p, sizeof(p), "attachments[%zu]", i);
			bool ok = h && strlen(h) == 71 && strncmp(h, "sha256:", 7) == 0;
			for (size_t k = 7; ok && k < 71; k++)
				ok = isxdigit((unsigned char)h[k]) && !isupper((unsigned char)h[k]);
			if (!ok) {
				st = bad(err, GT_E_SCHEMA, p, "%s",
				         "expected \"sha256:\" and 64 lower-case hex digits");
				goto out;
			}
			memcpy(out->attachments[out->nattachments++], h, 72);
		}
	}
out:
	if (st != GT_OK)
		memset(out, 0, sizeof(*out));
	return st;
}

/* BLAKE2b-256 of the report's canonical encoding (canon.h; version 2):
 * equal reports, equal digests, and different reports different ones
 * (version 1 joined fields with '|' and let "team|0" run into the next
 * field). It is kept with the report and goes into the audit entry of its
 * submission. */
static void digest(const struct gt_report *r, unsigned char out[32])
{
	struct gt__canon c;
	gt__canon_init(&c, NULL, 0, "guarantor report v2");
	gt__canon_text(&c, r->id);
	gt__canon_u64(&c, (uint64_t)r->observed_from);
	gt__canon_u64(&c, (uint64_t)r->observed_to);
	gt__canon_u64(&c, (uint64_t)r->reported);
	gt__canon_real(&c, r->lon);
	gt__canon_real(&c, r->lat);
	gt__canon_real(&c, r->precision_m);
	gt__canon_text(&c, r->observer);
	gt__canon_u64(&c, (uint64_t)r->source);
	gt__canon_u64(&c, (uint64_t)r->event);
	gt__canon_u64(&c, (uint64_t)r->weapon);
	gt__canon_u64(&c, (uint64_t)r->count);
	gt__canon_u64(&c, r->heard);
	gt__canon_real(&c, r->heard ? r->bearing_deg : 0);
	gt__canon_real(&c, r->heard ? r->distance_km : 0);
	gt__canon_text(&c, r->text);
	gt__canon_u64(&c, r->nattachments);
	for (size_t i = 0; i < r->nattachments; i++)
		gt__canon_text(&c, r->attachments[i]);
	gt__canon_final(&c, out);
}

/* Whether two reports say the same, field by field. */
static bool same_report(const struct gt_report *a, const struct gt_report *b)
{
	if (strcmp(a->id, b->id) != 0 || a->observed_from != b->observed_from ||
	    a->observed_to != b->observed_to || a->reported != b->reported || a->lon != b->lon ||
	    a->lat != b->lat || a->precision_m != b->precision_m ||
	    strcmp(a->observer, b->observer) != 0 || a->source != b->source ||
	    a->event != b->event || a->weapon != b->weapon || a->count != b->count ||
	    a->heard != b->heard || strcmp(a->text, b->text) != 0 ||
	    a->nattachments != b->nattachments)
		return false;
	if (a->heard && (a->bearing_deg != b->bearing_deg || a->distance_km != b->distance_km))
		return false;
	for (size_t i = 0; i < a->nattachments; i++)
		if (strcmp(a->attachments[i], b->attachments[i]) != 0)
			return false;
	return true;
}

/* The report account `by` stored with r's id, compared with r: *found,
 * *same. */
static enum gt_status stored_same(struct gt_store *st, int64_t by, const struct gt_report *r,
                                  bool *found, bool *same, struct gt_err *err)
{
	*found = *same = false;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " GT__REPORT_COLS " FROM reports WHERE submitted_by = ?"
	                       " AND id = ?", &q))
		return gt__store_fail(st, err, "cannot read the reports");
	gt__q_bind_int64(q, 1, by);
	gt__q_bind_text(q, 2, r->id);
	struct gt_report *rows;
	int64_t *seqs;
	size_t n;
	enum gt_status s = gt__store_read_reports(st, q, 1, &rows, &seqs, &n, err);
	gt__q_finalize(q);
	if (s != GT_OK)
		return s;
	*found = n > 0;
	*same = n > 0 && same_report(&rows[0], r);
	free(rows);
	free(seqs);
	return GT_OK;
}

/* Whether account `by` reports as observer: by the list read when it
 * signed in for this request, else by its row as it stands (a list
 * changed since). */
static enum gt_status check_observer(struct gt_store *st, const struct gt_user *by,
                                     const char *observer, struct gt_err *err)
{
	if (gt_observers_include(by->observers, observer))
		return GT_OK;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT observers FROM users WHERE id = ?", &q))
		return gt__store_fail(st, err, "cannot read the users");
	gt__q_bind_int64(q, 1, by->id);
	int rc = gt__q_step(q);
	char list[GT_OBSERVERS_SIZE] = "";
	if (rc == GT__ROW)
		snprintf(list, sizeof(list), "%s", gt__q_text(q, 0));
	gt__q_finalize(q);
	if (rc != GT__ROW && rc != GT__DONE)
		return gt__store_fail(st, err, "cannot read the users");
	if (gt_observers_include(list, observer))
		return GT_OK;
	char shown[GT_OBSERVERS_SHOWN];
	gt_observers_join(list, shown, sizeof(shown));
	return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "observer",
	                  "'%s' is not an observer account '%s' reports as%s%s%s", observer, by->name,
	                  *list ? " (it reports as: " : "; it has none (guarantor users observers)",
	                  shown, *list ? ")" : "");
}

enum gt_status gt_store_report_submit(struct gt_store *st, const struct gt_user *by,
                                      const struct gt_report *r, bool *created,
                                      struct gt_err *err)
{
	*created = false;
	unsigned char d[32];
	digest(r, d);
	enum gt_status s = gt__store_begin(st, err);
	if (s != GT_OK)
		return s;
	/* the same id again: acknowledged again when the stored report says
	 * the same, field by field (not by digest: reports stored under the
	 * first digest could collide), refused otherwise */
	bool found, same;
	if ((s = stored_same(st, by->id, r, &found, &same, err)) != GT_OK)
		goto out_rollback;
	if (found) {
		gt__store_rollback(st);
		if (same)
			return GT_OK; /* already stored: acknowledged again */
		return gt_err_set(err, GT_E_CONFLICT, NULL, 0, 0, "id",
		                  "'%s' is already the id of a different report of yours", r->id);
	}
	if ((s = check_observer(st, by, r->observer, err)) != GT_OK)
		goto out_rollback;
	struct gt__q *q;
	int rc;
	char now[32], att[GT_REPORT_ATTACHMENTS_MAX * 73 + 1] = "";
	gt__store_now(now);
	for (size_t i = 0; i < r->nattachments; i++)
		snprintf(att + strlen(att), sizeof(att) - strlen(att), "%s%s", i ? " " : "",
		         r->attachments[i]);
	if (!gt__q_prepare(st, "INSERT INTO reports (id, digest, observed_from, observed_to, reported,"
	                       " received, submitted_by, lon, lat, precision_m, observer, source,"
	                       " event, weapon, count, bearing_deg, distance_km, text, attachments)"
	                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING seq", &q)) {
		s = gt__store_fail(st, err, "cannot store the report");
		goto out_rollback;
	}
	gt__q_bind_text(q, 1, r->id);
	gt__q_bind_blob(q, 2, d, 32);
	gt__q_bind_int64(q, 3, r->observed_from);
	gt__q_bind_int64(q, 4, r->observed_to);
	gt__q_bind_int64(q, 5, r->reported);
	gt__q_bind_text(q, 6, now);
	gt__q_bind_int64(q, 7, by->id);
	gt__q_bind_double(q, 8, r->lon);
	gt__q_bind_double(q, 9, r->lat);
	gt__q_bind_double(q, 10, r->precision_m);
	gt__q_bind_text(q, 11, r->observer);
	gt__q_bind_text(q, 12, gt_source_kind_name(r->source));
	gt__q_bind_text(q, 13, gt_event_type_name(r->event));
	gt__q_bind_text(q, 14, gt_weapon_name(r->weapon));
	gt__q_bind_int64(q, 15, r->count);
	if (r->heard) {
		gt__q_bind_double(q, 16, r->bearing_deg);
		gt__q_bind_double(q, 17, r->distance_km);
	} else {
		gt__q_bind_null(q, 16);
		gt__q_bind_null(q, 17);
	}
	gt__q_bind_text(q, 18, r->text);
	gt__q_bind_text(q, 19, att);
	rc = gt__q_step(q);
	if (rc == GT__ROW) {
		gt__store_touch(st, GT__T_REPORTS, gt__q_int64(q, 0));
		rc = gt__q_step(q);
	}
	gt__q_finalize(q);
	if (rc != GT__DONE) {
		s = gt__store_fail(st, err, "cannot store the report");
		goto out_rollback;
	}
	char hex[65], detail[128];
	sodium_bin2hex(hex, sizeof(hex), d, 32);
	snprintf(detail, sizeof(detail), "blake2b=%s", hex);
	if ((s = gt__store_audit(st, by->name, "report.submit", r->id, detail, err)) != GT_OK ||
	    (s = gt__store_commit(st, err)) != GT_OK)
		goto out_rollback;
	*created = true;
	return GT_OK;
out_rollback:
	gt__store_rollback(st);
	return s;
}

enum gt_status gt_store_report_batch(struct gt_store *st, const struct gt_user *by,
                                     const char *json, size_t len,
                                     const struct gt_report_window *w,
                                     struct gt_batch_item **items, size_t *n,
                                     struct gt_err *err)
{
	*items = NULL;
	*n = 0;
	json_error_t je;
	json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return gt_err_set(err, GT_E_SYNTAX, NULL, je.line, je.column, NULL, "%s", je.text);
	size_t count = json_is_array(root) ? json_array_size(root) : 0;
	if (!json_is_array(root) || count == 0 || count > GT_BATCH_MAX) {
		json_decref(root);
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, NULL,
		                  "expected a JSON array of 1 to %d reports", GT_BATCH_MAX);
	}
	struct gt_batch_item *out = calloc(count, sizeof(*out));
	struct gt_report *r = malloc(sizeof(*r));
	if (!out || !r) {
		free(out);
		free(r);
		json_decref(root);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	for (size_t i = 0; i < count; i++) {
		const json_t *id = json_object_get(json_array_get(root, i), "id");
		if (json_is_string(id))
			snprintf(out[i].id, sizeof(out[i].id), "%s", json_string_value(id));
	}
	for (size_t i = 0; i < count; i++) {
		struct gt_batch_item *it = &out[i];
		struct gt_err e;
		gt_err_clear(&e);
		it->status = gt__report_from_json(json_array_get(root, i), w, r, &e);
		if (it->status == GT_OK)
			it->status = gt_store_report_submit(st, by, r, &it->created, &e);
		if (it->status != GT_OK) {
			snprintf(it->field, sizeof(it->field), "%s", e.path);
			snprintf(it->message, sizeof(it->message), "%s", e.msg);
			gt_err_utf8_fit(it->message);
			if (it->status == GT_E_IO || it->status == GT_E_NOMEM ||
			    it->status == GT_E_UNAVAILABLE || it->status == GT_E_FULL ||
			    it->status == GT_E_INTEGRITY) {
				/* the store itself failed, and would fail the same way for
				 * the rest (each after its own wait, on a lock): stop, and
				 * say so for them */
				for (size_t k = i + 1; k < count; k++) {
					out[k].status = it->status;
					snprintf(out[k].message, sizeof(out[k].message),
					         "not attempted: the store failed on item %zu", i);
				}
				break;
			}
		}
	}
	free(r);
	json_decref(root);
	*items = out;
	*n = count;
	return GT_OK;
}

/* A stored name's value, or 0 for one this guarantor does not know. */
static int parse_name(const char *const *names, int count, const char *s)
{
	int i;
	return gt__name_find(names, count, s, &i) ? i : 0;
}

enum gt_status gt__store_read_reports(struct gt_store *st, struct gt__q *q, size_t limit,
                                      struct gt_report **reports, int64_t **seqs, size_t *n,
                                      struct gt_err *err)
{
	*reports = NULL;
	*seqs = NULL;
	*n = 0;
	struct gt_report *out = NULL;
	int64_t *sq = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while (k < limit && (rc = gt__q_step(q)) == GT__ROW) {
		if (k == cap) {
			cap = cap ? 2 * cap : 16;
			struct gt_report *o = realloc(out, cap * sizeof(*o));
			int64_t *s2 = o ? realloc(sq, cap * sizeof(*s2)) : NULL;
			if (o)
				out = o;
			if (s2)
				sq = s2;
			if (!o || !s2) {
				free(out);
				free(sq);
				return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
			}
		}
		struct gt_report *r = &out[k];
		memset(r, 0, sizeof(*r));
		sq[k] = gt__q_int64(q, 0);
		snprintf(r->id, sizeof(r->id), "%s", gt__q_text(q, 1));
		r->observed_from = gt__q_int64(q, 2);
		r->observed_to = gt__q_int64(q, 3);
		r->reported = gt__q_int64(q, 4);
		r->lon = gt__q_double(q, 5);
		r->lat = gt__q_double(q, 6);
		r->precision_m = gt__q_double(q, 7);
		snprintf(r->observer, sizeof(r->observer), "%s", gt__q_text(q, 8));
		r->source = (enum gt_source_kind)parse_name(gt__source_names, GT_SOURCE_COUNT,
		                                            gt__q_text(q, 9));
		r->event = (enum gt_event_type)parse_name(gt__event_names, GT_EVENT_COUNT,
		                                          gt__q_text(q, 10));
		r->weapon = (enum gt_weapon)parse_name(gt__weapon_names, GT_WEAPON_COUNT,
		                                       gt__q_text(q, 11));
		r->count = (long)gt__q_int64(q, 12);
		r->heard = !gt__q_null(q, 13);
		r->bearing_deg = gt__q_double(q, 13);
		r->distance_km = gt__q_double(q, 14);
		snprintf(r->text, sizeof(r->text), "%s", gt__q_text(q, 15));
		const char *att = gt__q_text(q, 16);
		while (att && *att && r->nattachments < GT_REPORT_ATTACHMENTS_MAX) {
			memcpy(r->attachments[r->nattachments++], att, 71);
			r->attachments[r->nattachments - 1][71] = '\0';
			att += strlen(att) > 71 ? 72 : strlen(att);
		}
		const char *account = gt__q_text(q, 17);
		snprintf(r->account, sizeof(r->account), "%s", account ? account : "");
		k++;
	}
	if (k < limit && rc != GT__DONE) {
		free(out);
		free(sq);
		return gt__store_fail(st, err, "cannot read the reports");
	}
	*reports = out;
	*seqs = sq;
	*n = k;
	return GT_OK;
}

enum gt_status gt_store_reports(struct gt_store *st, int64_t from, int64_t to, int64_t after,
                                size_t limit, struct gt_report **reports, int64_t **seqs,
                                size_t *n, struct gt_err *err)
{
	*reports = NULL;
	*seqs = NULL;
	*n = 0;
	if (limit == 0)
		return GT_OK;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " GT__REPORT_COLS " FROM reports WHERE observed_from >= ?"
	                       " AND observed_from < ? AND seq > ? ORDER BY seq LIMIT ?", &q))
		return gt__store_fail(st, err, "cannot read the reports");
	gt__q_bind_int64(q, 1, from);
	gt__q_bind_int64(q, 2, to);
	gt__q_bind_int64(q, 3, after);
	gt__q_bind_int64(q, 4, (int64_t)limit);
	enum gt_status s = gt__store_read_reports(st, q, limit, reports, seqs, n, err);
	gt__q_finalize(q);
	return s;
}
