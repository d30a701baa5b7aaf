/* cmd_serve.c: `guarantor serve`, the monitoring service's JSON-over-HTTP
 * API (libmicrohttpd; docs/monitor.md, "Service"). The only file that calls
 * libmicrohttpd. One polling thread serves every connection, so the store
 * is used from one thread at a time. */
#include "cli.h"

#include <arpa/inet.h>
#include <getopt.h>
#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "guarantor/monitor.h"

static const char help[] =
	"Usage: guarantor serve [--db PATH] [--listen ADDRESS:PORT]\n\n"
	"Serves the monitoring API on HTTP until interrupted (Ctrl-C or SIGTERM):\n"
	"  GET  /api/v1/health    no token needed: {\"status\": \"ok\", \"schema\": N}\n"
	"  POST /api/v1/reports   role monitor: one report (docs/monitor.md, \"Reports\");\n"
	"                         201 stored, 200 already stored with the same content,\n"
	"                         409 the id names a different report\n"
	"  GET  /api/v1/reports?from=TIME&to=TIME&after=SEQ&limit=N\n"
	"                         roles analyst, commander: reports observed in [from,\n"
	"                         to), in the order stored, up to limit (1-1000, default\n"
	"                         100);\n"
	"                         next_after is the next page's after\n"
	"  POST /api/v1/reports/batch  role monitor: a JSON array of up to 10,000 reports\n"
	"                         (16 MiB) from a device that was offline; 200 with each\n"
	"                         item's own status, stored or refused on its own\n"
	"Requests carry \"Authorization: Bearer <token>\" (guarantor users add). Errors are\n"
	"JSON {\"error\": {\"status\": N, \"field\": PATH, \"message\": TEXT}}: 400 bad input,\n"
	"401 no or bad token, 403 a role that may not, 404, 405, 413 a body over 1 MiB.\n\n"
	"Options:\n"
	"  -d, --db PATH             the store (default: guarantor.db)\n"
	"  -l, --listen ADDR:PORT    where to listen (default 127.0.0.1:8080); port 0\n"
	"                            takes a free one, printed on standard error\n"
	"      --routes              print the routes (method and path) and exit\n"
	"  -h, --help                show this help\n";

enum { MAX_BODY = 1 << 20, MAX_BATCH_BODY = 16 << 20 };

struct request {
	char *body;
	size_t len, limit;
	bool too_big;
};

struct server {
	struct gt_store *store;
	struct gt_auth_cache *tokens;
};

static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status, json_t *body)
{
	char *text = body ? json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))
	                  : NULL;
	json_decref(body);
	if (!text)
		return MHD_NO; /* out of memory: drop the connection rather than lie */
	size_t n = strlen(text);
	struct MHD_Response *r =
		MHD_create_response_from_buffer(n, text, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(text);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", "application/json");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	enum MHD_Result ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *field,
                                  const char *message)
{
	json_t *e = json_object(), *root = json_object();
	json_object_set_new(e, "status", json_integer(status));
	json_object_set_new(e, "field", field && *field ? json_string(field) : json_null());
	json_object_set_new(e, "message", json_string(message));
	json_object_set_new(root, "error", e);
	return send_json(c, status, root);
}

static unsigned http_status(enum gt_status st)
{
	switch (st) {
	case GT_E_SYNTAX:
	case GT_E_SCHEMA:
	case GT_E_RANGE:
	case GT_E_USAGE: return MHD_HTTP_BAD_REQUEST;
	case GT_E_AUTH: return MHD_HTTP_UNAUTHORIZED;
	case GT_E_CONFLICT: return MHD_HTTP_CONFLICT;
	case GT_E_NOTFOUND: return MHD_HTTP_NOT_FOUND;
	default: return MHD_HTTP_INTERNAL_SERVER_ERROR;
	}
}

/* The caller, from "Authorization: Bearer <token>". */
static enum gt_status who(struct server *s, struct MHD_Connection *c, struct gt_user *u,
                          struct gt_err *err)
{
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
	if (!h || strncmp(h, "Bearer ", 7) != 0)
		return gt_err_set(err, GT_E_AUTH, NULL, 0, 0, NULL,
		                  "missing token; send Authorization: Bearer <token>");
	return gt_store_authenticate_cached(s->store, s->tokens, h + 7, u, err);
}

/* A refused request's error, with the line and column when the body
 * did not parse. */
static enum MHD_Result send_status_error(struct MHD_Connection *c, enum gt_status st,
                                         const struct gt_err *err)
{
	char msg[700];
	if (st == GT_E_SYNTAX && err->line > 0)
		snprintf(msg, sizeof(msg), "line %d, column %d: %s", err->line, err->column, err->msg);
	else
		snprintf(msg, sizeof(msg), "%s", err->msg);
	return send_error(c, http_status(st), err->path, msg);
}

/* True when the caller may submit reports (a monitor); otherwise the
 * 401 or 403 has been sent and *refused holds its result. */
static bool submitter(struct server *s, struct MHD_Connection *c, struct gt_user *u,
                      enum MHD_Result *refused)
{
	struct gt_err err;
	if (who(s, c, u, &err) != GT_OK) {
		*refused = send_error(c, MHD_HTTP_UNAUTHORIZED, NULL, err.msg);
		return false;
	}
	if (u->role != GT_ROLE_MONITOR) {
		*refused = send_error(c, MHD_HTTP_FORBIDDEN, NULL, "only monitors submit reports");
		return false;
	}
	return true;
}

static enum MHD_Result post_report(struct server *s, struct MHD_Connection *c,
                                   const struct request *rq)
{
	struct gt_user u;
	struct gt_err err;
	enum MHD_Result refused;
	if (!submitter(s, c, &u, &refused))
		return refused;
	struct gt_report *r = malloc(sizeof(*r));
	if (!r)
		return send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, NULL, "out of memory");
	enum gt_status st = gt_report_parse(rq->body ? rq->body : "", rq->len, (int64_t)time(NULL),
	                                    r, &err);
	bool created = false;
	if (st == GT_OK)
		st = gt_store_report_submit(s->store, &u, r, &created, &err);
	enum MHD_Result out;
	if (st != GT_OK) {
		out = send_status_error(c, st, &err);
	} else {
		json_t *ok = json_object();
		json_object_set_new(ok, "id", json_string(r->id));
		json_object_set_new(ok, "created", json_boolean(created));
		out = send_json(c, created ? MHD_HTTP_CREATED : MHD_HTTP_OK, ok);
	}
	free(r);
	return out;
}

static json_t *time_json(int64_t t)
{
	char buf[32];
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return json_string(buf);
}

/* A report in the form it was submitted, with its sequence number. */
static json_t *report_json(const struct gt_report *r, int64_t seq)
{
	json_t *o = json_object(), *obs = json_object(), *pos = json_object();
	json_object_set_new(o, "seq", json_integer(seq));
	json_object_set_new(o, "id", json_string(r->id));
	json_object_set_new(obs, "from", time_json(r->observed_from));
	json_object_set_new(obs, "to", time_json(r->observed_to));
	json_object_set_new(o, "observed", obs);
	json_object_set_new(o, "reported", time_json(r->reported));
	json_object_set_new(pos, "lon", json_real(r->lon));
	json_object_set_new(pos, "lat", json_real(r->lat));
	json_object_set_new(pos, "precision_m", json_real(r->precision_m));
	json_object_set_new(o, "position", pos);
	json_object_set_new(o, "observer", json_string(r->observer));
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

/* GET /api/v1/reports?from=TIME&to=TIME&after=SEQ&limit=N, for analysts and
 * commanders: reports observed in [from, to), a page at a time. */
static enum MHD_Result get_reports(struct server *s, struct MHD_Connection *c)
{
	struct gt_user u;
	struct gt_err err;
	if (who(s, c, &u, &err) != GT_OK)
		return send_error(c, MHD_HTTP_UNAUTHORIZED, NULL, err.msg);
	if (u.role != GT_ROLE_ANALYST && u.role != GT_ROLE_COMMANDER)
		return send_error(c, MHD_HTTP_FORBIDDEN, NULL,
		                  "only analysts and commanders read the reports as submitted");
	int64_t from = 0, to = INT64_MAX, after = 0, limit = 100;
	const char *v;
	if ((v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "from")) &&
	    !gt_time_parse_utc(v, &from))
		return send_error(c, MHD_HTTP_BAD_REQUEST, "from",
		                  "expected a UTC time like 2026-11-27T10:00:00Z");
	if ((v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "to")) &&
	    !gt_time_parse_utc(v, &to))
		return send_error(c, MHD_HTTP_BAD_REQUEST, "to",
		                  "expected a UTC time like 2026-11-27T10:00:00Z");
	const char *names[2] = {"after", "limit"};
	int64_t *dst[2] = {&after, &limit}, hi[2] = {INT64_MAX, 1000}, lo[2] = {0, 1};
	for (int i = 0; i < 2; i++) {
		if (!(v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, names[i])))
			continue;
		char *end;
		long long x = strtoll(v, &end, 10);
		if (*end || end == v || x < lo[i] || x > hi[i])
			return send_error(c, MHD_HTTP_BAD_REQUEST, names[i],
			                  i ? "expected a whole number from 1 to 1000"
			                    : "expected a report's sequence number, 0 or more");
		*dst[i] = x;
	}
	struct gt_report *r;
	int64_t *seqs;
	size_t n;
	if (gt_store_reports(s->store, from, to, after, (size_t)limit, &r, &seqs, &n, &err) != GT_OK)
		return send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, NULL, err.msg);
	json_t *root = json_object(), *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, report_json(&r[i], seqs[i]));
	json_object_set_new(root, "reports", arr);
	json_object_set_new(root, "next_after",
	                    n == (size_t)limit && n > 0 ? json_integer(seqs[n - 1]) : json_null());
	free(r);
	free(seqs);
	return send_json(c, MHD_HTTP_OK, root);
}

/* A batch: 200 with one result per item, in order; each item stored or
 * refused on its own. */
static enum MHD_Result post_batch(struct server *s, struct MHD_Connection *c,
                                  const struct request *rq)
{
	struct gt_user u;
	struct gt_err err;
	enum MHD_Result refused;
	if (!submitter(s, c, &u, &refused))
		return refused;
	struct gt_batch_item *items;
	size_t n;
	enum gt_status st = gt_store_report_batch(s->store, &u, rq->body ? rq->body : "", rq->len,
	                                          (int64_t)time(NULL), &items, &n, &err);
	if (st != GT_OK) {
		return send_status_error(c, st, &err);
	}
	json_t *root = json_object(), *arr = json_array();
	size_t stored = 0;
	for (size_t i = 0; i < n; i++) {
		const struct gt_batch_item *it = &items[i];
		json_t *o = json_object();
		unsigned code = it->status == GT_OK ? (it->created ? MHD_HTTP_CREATED : MHD_HTTP_OK)
		                                    : http_status(it->status);
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
	return send_json(c, MHD_HTTP_OK, root);
}

static enum MHD_Result get_health(struct server *s, struct MHD_Connection *c,
                                  const struct request *rq)
{
	(void)s, (void)rq;
	json_t *ok = json_object();
	json_object_set_new(ok, "status", json_string("ok"));
	json_object_set_new(ok, "schema", json_integer(GT_STORE_SCHEMA));
	return send_json(c, MHD_HTTP_OK, ok);
}

static enum MHD_Result get_reports_route(struct server *s, struct MHD_Connection *c,
                                         const struct request *rq)
{
	(void)rq;
	return get_reports(s, c);
}

/* Every route; docs/api.yaml describes the same (tests/cli/cases/api-doc.cmd
 * checks it through `guarantor serve --routes`). */
static const struct {
	const char *method, *path;
	enum MHD_Result (*fn)(struct server *s, struct MHD_Connection *c, const struct request *rq);
} routes[] = {
	{"GET", "/api/v1/health", get_health},
	{"GET", "/api/v1/reports", get_reports_route},
	{"POST", "/api/v1/reports", post_report},
	{"POST", "/api/v1/reports/batch", post_batch},
};

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *data,
                              size_t *size, void **con_cls)
{
	(void)version;
	struct server *s = cls;
	struct request *rq = *con_cls;
	if (!rq) { /* the headers: set up the body's buffer */
		rq = calloc(1, sizeof(*rq));
		if (!rq)
			return MHD_NO;
		rq->limit = strcmp(url, "/api/v1/reports/batch") == 0 ? MAX_BATCH_BODY : MAX_BODY;
		*con_cls = rq;
		return MHD_YES;
	}
	if (*size > 0) { /* a piece of the body */
		if (!rq->too_big && rq->len + *size <= rq->limit) {
			char *grown = realloc(rq->body, rq->len + *size + 1);
			if (!grown)
				return MHD_NO;
			rq->body = grown;
			memcpy(rq->body + rq->len, data, *size);
			rq->len += *size;
			rq->body[rq->len] = '\0';
		} else {
			rq->too_big = true;
		}
		*size = 0;
		return MHD_YES;
	}
	if (rq->too_big)
		return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, NULL,
		                  rq->limit == MAX_BODY ? "the body is over 1 MiB"
		                                        : "the body is over 16 MiB");
	bool path_known = false;
	char allowed[64] = "";
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		if (strcmp(url, routes[i].path) != 0)
			continue;
		path_known = true;
		if (strcmp(method, routes[i].method) == 0)
			return routes[i].fn(s, c, rq);
		snprintf(allowed + strlen(allowed), sizeof(allowed) - strlen(allowed), "%s%s",
		         allowed[0] ? " or " : "", routes[i].method);
	}
	if (path_known) {
		char msg[96];
		snprintf(msg, sizeof(msg), "expected %s", allowed);
		return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, NULL, msg);
	}
	return send_error(c, MHD_HTTP_NOT_FOUND, NULL, "no such route; see guarantor serve --help");
}

static void done(void *cls, struct MHD_Connection *c, void **con_cls,
                 enum MHD_RequestTerminationCode code)
{
	(void)cls, (void)c, (void)code;
	struct request *rq = *con_cls;
	if (rq) {
		free(rq->body);
		free(rq);
	}
	*con_cls = NULL;
}

static bool parse_listen(const char *text, struct sockaddr_in *sa)
{
	char host[64];
	const char *colon = strrchr(text, ':');
	if (!colon || (size_t)(colon - text) >= sizeof(host))
		return false;
	memcpy(host, text, (size_t)(colon - text));
	host[colon - text] = '\0';
	char *end;
	long port = strtol(colon + 1, &end, 10);
	if (*end || end == colon + 1 || port < 0 || port > 65535)
		return false;
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	return inet_pton(AF_INET, host, &sa->sin_addr) == 1;
}

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
	                                         {"listen", required_argument, NULL, 'l'},
	                                         {"routes", no_argument, NULL, 'R'},
	                                         {NULL, 0, NULL, 0}};
	const char *db = "guarantor.db", *listen_at = "127.0.0.1:8080";
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:l:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'l': listen_at = optarg; break;
		case 'R':
			for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
				printf("%s %s\n", routes[i].method, routes[i].path);
			return fflush(stdout) == 0 ? GT_EXIT_OK : GT_EXIT_FAILURE;
		case ':': return gt_cli_usage("serve", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("serve", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gt_cli_usage("serve", "unexpected argument '%s'", argv[optind]);
	struct sockaddr_in sa;
	if (!parse_listen(listen_at, &sa))
		return gt_cli_usage("serve", "--listen '%s': expected an IPv4 address and a port, "
		                             "like 127.0.0.1:8080", listen_at);
	struct server s = {0};
	struct gt_err err;
	if (gt_store_open(db, &s.store, &err) != GT_OK)
		return gt_cli_fail(&err);
	if (gt_auth_cache_new(&s.tokens) != GT_OK) {
		fprintf(stderr, "guarantor: out of memory\n");
		gt_store_close(s.store);
		return GT_EXIT_FAILURE;
	}
	/* SIGINT and SIGTERM are taken by sigwait below, not by a handler */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL, handle, &s,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_NOTIFY_COMPLETED, done, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "guarantor: cannot listen on %s\n", listen_at);
		gt_auth_cache_free(s.tokens);
		gt_store_close(s.store);
		return GT_EXIT_FAILURE;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	char addr[INET_ADDRSTRLEN];
	inet_ntop(AF_INET, &sa.sin_addr, addr, sizeof(addr));
	fprintf(stderr, "guarantor: serving %s on http://%s:%u/api/v1/\n", db, addr,
	        info ? (unsigned)info->port : (unsigned)ntohs(sa.sin_port));
	int sig = 0;
	sigwait(&stop, &sig);
	MHD_stop_daemon(d);
	gt_auth_cache_free(s.tokens);
	gt_store_close(s.store);
	fprintf(stderr, "guarantor: stopped (%s)\n", sig == SIGINT ? "interrupt" : "terminate");
	return GT_EXIT_OK;
}

const struct gt_cmd gt_cmd_serve = {
	.name = "serve",
	.summary = "the monitoring service's HTTP API",
	.help = help,
	.run = run,
};
