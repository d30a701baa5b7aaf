/* daily.c: the published side of `guarantor serve`: the daily report
 * in any of its formats, and daily counts over a run of days for charts
 * (docs/monitor.md, "Daily report"). Every role may read them. */
#include "serve/serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static enum MHD_Result send_text(struct MHD_Connection *c, const char *type, char *text,
                                 size_t len)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(text);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	/* the report is a document to save, not a page of the service */
	MHD_add_response_header(r, "Content-Security-Policy",
	                        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
	                        "frame-ancestors 'none'");
	return gt_srv_send(c, MHD_HTTP_OK, r, text, len);
}

/* The day asked for, or the last one that has ended. */
static bool read_day(const struct gt_srv_call *k, struct MHD_Connection *c, const char *name,
                     char day[11], enum MHD_Result *refused)
{
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
	int64_t from, to;
	if (!v) {
		gt_daily_day_of(k->sc, k->now - 86400, day);
		return true;
	}
	if (!gt_daily_period(k->sc, v, &from, &to)) {
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, name, "expected a day like 2026-01-10");
		return false;
	}
	snprintf(day, 11, "%s", v);
	return true;
}

enum MHD_Result gt_srv_get_daily(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	enum MHD_Result refused;
	char day[11];
	if (!read_day(k, c, "day", day, &refused))
		return refused;
	const char *format = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "format");
	static const char *const names[] = {"json", "csv", "geojson", "html"};
	static const char *const types[] = {"application/json", "text/csv; charset=utf-8",
	                                    "application/geo+json", "text/html; charset=utf-8"};
	int f = 0;
	while (format && f < 4 && strcmp(names[f], format) != 0)
		f++;
	if (f == 4)
		return gt_srv_error(c, MHD_HTTP_BAD_REQUEST, "format",
		                    "expected json, csv, geojson or html");
	struct gt_daily d;
	if (gt_store_daily(k->store, k->sc, day, &d, &err) != GT_OK)
		return gt_srv_status_error(c, err.status, &err);
	char *text = NULL;
	size_t len = 0;
	enum gt_status st;
	if (f == 0 || f == 2) {
		st = f == 0 ? gt_render_daily_json(k->sc, &d, &text)
		            : gt_render_daily_geojson(k->sc, &d, &text);
		len = st == GT_OK ? strlen(text) : 0;
	} else {
		FILE *mem = open_memstream(&text, &len);
		st = mem ? (f == 1 ? gt_render_daily_csv(mem, k->sc, &d)
		                   : gt_render_daily_html(mem, k->sc, &d))
		         : GT_E_NOMEM;
		if (mem && fclose(mem) != 0 && st == GT_OK)
			st = GT_E_NOMEM;
	}
	gt_daily_fini(&d);
	if (st != GT_OK) {
		free(text);
		return gt_srv_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, NULL,
		                    "cannot write the daily report");
	}
	return send_text(c, types[f], text, len);
}

static json_t *tally(const struct gt_tally *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "events", json_integer(t->events));
	json_object_set_new(o, "violations", json_integer(t->violations));
	json_object_set_new(o, "verified_events", json_integer(t->verified_events));
	json_object_set_new(o, "verified_violations", json_integer(t->verified_violations));
	return o;
}

/* GET /api/v1/counts?from=DAY&to=DAY: each reporting day's counts by
 * sector and type, at most 92 days. */
enum MHD_Result gt_srv_get_counts(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	enum MHD_Result refused;
	char first[11], last[11];
	if (!read_day(k, c, "to", last, &refused))
		return refused;
	int64_t f0 = 0, t0 = 0, f1 = 0, t1 = 0;
	bool from_given = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "from") != NULL;
	if (from_given && !read_day(k, c, "from", first, &refused))
		return refused;
	if (!from_given && gt_daily_period(k->sc, last, &f1, &t1))
		gt_daily_day_of(k->sc, f1 - 6 * 86400, first); /* a week */
	if (!gt_daily_period(k->sc, last, &f1, &t1) || !gt_daily_period(k->sc, first, &f0, &t0))
		return gt_srv_error(c, MHD_HTTP_BAD_REQUEST, from_given ? "from" : "to",
		                    "expected days from 1990 on, like 2026-01-10");
	if (t0 > t1 || (t1 - t0) / 86400 >= 92)
		return gt_srv_error(c, MHD_HTTP_BAD_REQUEST, "from",
		                    "expected a day not after `to` and at most 92 days before it");
	json_t *root = json_object(), *days = json_array();
	for (int64_t end = t0; end <= t1; end += 86400) {
		char day[11];
		struct gt_daily d;
		gt_daily_day_of(k->sc, end - 1, day);
		if (gt_store_daily(k->store, k->sc, day, &d, &err) != GT_OK) {
			json_decref(root);
			json_decref(days);
			return gt_srv_status_error(c, err.status, &err);
		}
		json_t *o = json_object(), *types = json_object(), *sectors = json_array();
		json_object_set_new(o, "day", json_string(day));
		json_object_set_new(o, "total", tally(&d.total));
		for (int t = 0; t < GT_EVENT_COUNT; t++)
			json_object_set_new(types, gt_event_type_name((enum gt_event_type)t),
			                    tally(&d.by_type[t]));
		json_object_set_new(o, "by_type", types);
		for (size_t i = 0; i < d.nsectors; i++) {
			json_t *sec = json_object(), *bt = json_object();
			json_object_set_new(sec, "id", json_integer(k->sc->sectors[i].id));
			for (int t = 0; t < GT_EVENT_COUNT; t++)
				if (d.cells[i * GT_EVENT_COUNT + (size_t)t].events)
					json_object_set_new(bt, gt_event_type_name((enum gt_event_type)t),
					                    tally(&d.cells[i * GT_EVENT_COUNT + (size_t)t]));
			json_object_set_new(sec, "by_type", bt);
			json_array_append_new(sectors, sec);
		}
		json_object_set_new(o, "sectors", sectors);
		json_array_append_new(days, o);
		gt_daily_fini(&d);
	}
	json_object_set_new(root, "days", days);
	return gt_srv_json(c, MHD_HTTP_OK, root);
}
