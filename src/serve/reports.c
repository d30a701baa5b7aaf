/* reports.c: the report routes of `guarantor serve`: one report, a
 * batch from a device that was offline, and reading them back. */
#include "serve/serve.h"

#include <stdlib.h>

/* When the reports of a call may have been observed: from the mission's
 * start to the call. */
static struct gt_report_window window_of(const struct gt_srv_call *k)
{
	return (struct gt_report_window){k->sc->monitoring.start, k->now};
}

enum MHD_Result gt_srv_post_report(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	struct gt_report *r = malloc(sizeof(*r));
	if (!r)
		return gt_srv_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, NULL, "out of memory");
	struct gt_report_window w = window_of(k);
	enum gt_status st = gt_report_parse(k->raw, k->len, &w, r, &err);
	bool created = false;
	if (st == GT_OK)
		st = gt_store_report_submit(k->store, &k->user, r, &created, &err);
	enum MHD_Result out;
	if (st != GT_OK) {
		out = gt_srv_status_error(c, st, &err);
	} else {
		json_t *ok = json_object();
		json_object_set_new(ok, "id", json_string(r->id));
		json_object_set_new(ok, "created", json_boolean(created));
		if (r->count > k->sc->monitoring.review_count_above)
			json_object_set_new(ok, "held", json_true());
		out = gt_srv_json(c, created ? MHD_HTTP_CREATED : MHD_HTTP_OK, ok);
	}
	free(r);
	return out;
}

json_t *gt_srv_report_json(const struct gt_report *r, int64_t seq)
{
	json_t *o = json_object(), *obs = json_object(), *pos = json_object();
	json_object_set_new(o, "seq", json_integer(seq));
	json_object_set_new(o, "id", json_string(r->id));
	json_object_set_new(obs, "from", gt_srv_time(r->observed_from));
	json_object_set_new(obs, "to", gt_srv_time(r->observed_to));
	json_object_set_new(o, "observed", obs);
	json_object_set_new(o, "reported", gt_srv_time(r->reported));
	json_object_set_new(pos, "lon", json_real(r->lon));
	json_object_set_new(pos, "lat", json_real(r->lat));
	json_object_set_new(pos, "precision_m", json_real(r->precision_m));
	json_object_set_new(o, "position", pos);
	json_object_set_new(o, "observer", json_string(r->observer));
	if (r->account[0])
		json_object_set_new(o, "account", json_string(r->account));
	json_object_set_new(o, "source", json_string(gt_source_kind_name(r->source)));
	json_object_set_new(o, "event", json_string(gt_event_type_name(r->event)));
	if (r->weapon != GT_WEAPON_NONE)
		json_object_set_new(o, "weapon", json_string(gt_weapon_name(r->weapon)));
	json_object_set_new(o, "count", json_integer(r->count));
	if (r->heard) {
		json_t *h = json_object();
		json_object_set_new(h, "bearing_deg", json_real(r->bearing_deg));
		json_object_set_new(h, "distance_km", json_real(r->distance_km));
		json_object_set_new(o, "heard", h);
	}
	if (r->text[0])
		json_object_set_new(o, "text", json_string(r->text));
	if (r->nattachments) {
		json_t *a = json_array();
		for (size_t i = 0; i < r->nattachments; i++)
			json_array_append_new(a, json_string(r->attachments[i]));
		json_object_set_new(o, "attachments", a);
	}
	return o;
}

/* GET /api/v1/reports?from=TIME&to=TIME&after=SEQ&limit=N: reports
 * observed in [from, to), a page at a time. */
enum MHD_Result gt_srv_get_reports(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	enum MHD_Result refused;
	int64_t from = 0, to = INT64_MAX, after, limit;
	if (!gt_srv_query_time(c, "from", &from, &refused) ||
	    !gt_srv_query_time(c, "to", &to, &refused) ||
	    !gt_srv_query_page(c, "a report's sequence number", &after, &limit, &refused))
		return refused;
	struct gt_report *r;
	int64_t *seqs;
	size_t n;
	if (gt_store_reports(k->store, from, to, after, (size_t)limit, &r, &seqs, &n, &err) != GT_OK)
		return gt_srv_status_error(c, err.status, &err);
	json_t *root = json_object(), *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, gt_srv_report_json(&r[i], seqs[i]));
	json_object_set_new(root, "reports", arr);
	gt_srv_next_after(root, n, limit, n ? seqs[n - 1] : 0);
	free(r);
	free(seqs);
	return gt_srv_json(c, MHD_HTTP_OK, root);
}

/* A batch: 200 with one result per item, in order; each item stored or
 * refused on its own. Each report counts against the caller's rate, the
 * request itself as the first. */
enum MHD_Result gt_srv_post_batch(struct gt_srv_call *k, struct MHD_Connection *c)
{
	struct gt_err err;
	struct gt_batch_item *items;
	size_t n;
	struct gt_report_window w = window_of(k);
	enum gt_status st = gt_store_report_batch(k->store, &k->user, k->raw, k->len, &w, &items,
	                                          &n, &err);
	if (st != GT_OK)
		return gt_srv_status_error(c, st, &err);
	gt_srv_charge(k, n > 0 ? n - 1 : 0);
	json_t *root = json_object(), *arr = json_array();
	size_t stored = 0;
	for (size_t i = 0; i < n; i++) {
		const struct gt_batch_item *it = &items[i];
		json_t *o = json_object();
		unsigned code = it->status == GT_OK ? (it->created ? MHD_HTTP_CREATED : MHD_HTTP_OK)
		                                    : gt_srv_http_status(it->status);
		stored += it->status == GT_OK;
		json_object_set_new(o, "index", json_integer((json_int_t)i));
		json_object_set_new(o, "id", it->id[0] ? json_string(it->id) : json_null());
		json_object_set_new(o, "status", json_integer(code));
		if (it->status == GT_OK) {
			json_object_set_new(o, "created", json_boolean(it->created));
		} else {
			json_object_set_new(o, "field", it->field[0] ? json_string(it->field) : json_null());
			json_object_set_new(o, "message", json_string(it->message));
		}
		json_array_append_new(arr, o);
	}
	free(items);
	json_object_set_new(root, "stored", json_integer((json_int_t)stored));
	json_object_set_new(root, "refused", json_integer((json_int_t)(n - stored)));
	json_object_set_new(root, "items", arr);
	return gt_srv_json(c, MHD_HTTP_OK, root);
}
