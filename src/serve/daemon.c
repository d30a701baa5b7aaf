/* daemon.c: the daemon of `guarantor serve`: the route table, with each
 * route's roles and body; the dispatch of a request, which checks the
 * token and role before any body is read and holds bodies within bounds;
 * the clock that settles past deadlines; starting libmicrohttpd's threads
 * and stopping them after the requests under way are answered. The
 * handlers are in the other files of src/serve. */
#include "serve/serve.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

enum { MIB = 1 << 20 };

/* What a route takes as its body. */
enum body { NONE, RAW, JSON };

static const char *const no_keys[] = {NULL};
static const char *const note_keys[] = {"note", NULL};
static const char *const rung_keys[] = {"rung", "note", NULL};
static const char *const merge_keys[] = {"events", "note", NULL};
static const char *const split_keys[] = {"reports", "note", NULL};

#define ROLE GT_SRV_ROLE
#define ANALYSTS ROLE(GT_ROLE_ANALYST)
#define READERS (ROLE(GT_ROLE_ANALYST) | ROLE(GT_ROLE_COMMANDER) | ROLE(GT_ROLE_MEMBER))
#define EVENT_READERS (GT_SRV_EVERYONE & ~ROLE(GT_ROLE_MONITOR))

static const char only_monitors[] = "only monitors submit reports";
static const char only_analysts[] = "only analysts correlate, verify, merge and split events";
static const char only_readers[] =
	"breaches and decisions are for analysts, commanders and member representatives";
static const char not_monitors[] = "monitors submit reports; they do not read events";

static enum MHD_Result get_health(struct gt_srv_call *k, struct MHD_Connection *c)
{
	(void)k;
	json_t *ok = json_object();
	json_object_set_new(ok, "status", json_string("ok"));
	json_object_set_new(ok, "schema", json_integer(GT_STORE_SCHEMA));
	return gt_srv_json(c, MHD_HTTP_OK, ok);
}

/* Every route; "{id}" stands for a whole number in the path. A route with
 * roles takes a token, checked (with the role) before its body is read; a
 * route without roles is open to anyone and uses no store. docs/api.yaml
 * describes the same (tests/cli/cases/api-doc.cmd checks it through
 * `guarantor serve --routes`). */
static const struct route {
	const char *method, *path;
	const char *params; /* the query parameters it takes, comma-separated */
	unsigned roles;     /* who may call it; 0: anyone, no token */
	const char *refusal; /* the 403's message */
	enum body body;
	const char *const *keys; /* a JSON body's keys */
	size_t max_body;         /* bytes */
	gt_srv_handler fn;
} routes[] = {
	{"GET", "/", "", 0, NULL, NONE, NULL, 0, gt_srv_page},
	{"GET", "/app.js", "", 0, NULL, NONE, NULL, 0, gt_srv_script},
	{"GET", "/app.css", "", 0, NULL, NONE, NULL, 0, gt_srv_style},
	{"GET", "/api/v1/health", "", 0, NULL, NONE, NULL, 0, get_health},
	{"GET", "/api/v1/me", "", GT_SRV_EVERYONE, "", NONE, NULL, 0, gt_srv_me},
	{"GET", "/api/v1/scenario", "", GT_SRV_EVERYONE, "", NONE, NULL, 0, gt_srv_scenario},
	{"GET", "/api/v1/reports", "from,to,after,limit", ANALYSTS | ROLE(GT_ROLE_COMMANDER),
	 "only analysts and commanders read the reports as submitted", NONE, NULL, 0,
	 gt_srv_get_reports},
	{"POST", "/api/v1/reports", "", ROLE(GT_ROLE_MONITOR), only_monitors, RAW, NULL, MIB,
	 gt_srv_post_report},
	{"POST", "/api/v1/reports/batch", "", ROLE(GT_ROLE_MONITOR), only_monitors, RAW, NULL,
	 16 * MIB, gt_srv_post_batch},
	{"POST", "/api/v1/events/correlate", "", ANALYSTS, only_analysts, JSON, no_keys, MIB,
	 gt_srv_correlate},
	{"GET", "/api/v1/events", "from,to,status,sector,event,grade,near,km,after,limit",
	 EVENT_READERS, not_monitors, NONE, NULL, 0, gt_srv_get_events},
	{"POST", "/api/v1/events/merge", "", ANALYSTS, only_analysts, JSON, merge_keys, MIB,
	 gt_srv_merge},
	{"GET", "/api/v1/events/{id}", "", EVENT_READERS, not_monitors, NONE, NULL, 0,
	 gt_srv_get_event},
	{"POST", "/api/v1/events/{id}/verify", "", ANALYSTS, only_analysts, JSON, note_keys, MIB,
	 gt_srv_verify},
	{"POST", "/api/v1/events/{id}/reject", "", ANALYSTS, only_analysts, JSON, note_keys, MIB,
	 gt_srv_reject},
	{"POST", "/api/v1/events/{id}/reopen", "", ANALYSTS, only_analysts, JSON, note_keys, MIB,
	 gt_srv_reopen},
	{"POST", "/api/v1/events/{id}/split", "", ANALYSTS, only_analysts, JSON, split_keys, MIB,
	 gt_srv_split},
	{"GET", "/api/v1/breaches", "status,after,limit", READERS, only_readers, NONE, NULL, 0,
	 gt_srv_get_breaches},
	{"GET", "/api/v1/breaches/{id}", "", READERS, only_readers, NONE, NULL, 0,
	 gt_srv_get_breach},
	{"POST", "/api/v1/breaches/{id}/dismiss", "", ROLE(GT_ROLE_COMMANDER),
	 "only commanders dismiss breaches", JSON, note_keys, MIB, gt_srv_dismiss},
	{"POST", "/api/v1/breaches/{id}/proposals", "", ROLE(GT_ROLE_COMMANDER),
	 "only commanders propose responses", JSON, rung_keys, MIB, gt_srv_propose},
	{"GET", "/api/v1/proposals/{id}", "", READERS, only_readers, NONE, NULL, 0,
	 gt_srv_get_proposal},
	{"POST", "/api/v1/proposals/{id}/approve", "", ROLE(GT_ROLE_MEMBER),
	 "only member representatives vote, each for its own government", JSON, note_keys, MIB,
	 gt_srv_approve},
	{"POST", "/api/v1/proposals/{id}/veto", "", ROLE(GT_ROLE_MEMBER),
	 "only member representatives vote, each for its own government", JSON, note_keys, MIB,
	 gt_srv_veto},
	{"GET", "/api/v1/daily", "day,format", GT_SRV_EVERYONE, "", NONE, NULL, 0, gt_srv_get_daily},
	{"GET", "/api/v1/counts", "from,to", GT_SRV_EVERYONE, "", NONE, NULL, 0, gt_srv_get_counts},
};
enum { NROUTES = sizeof(routes) / sizeof(routes[0]) };

/* A request under way: its route, its caller and its body so far. */
struct request {
	const struct route *route;
	struct gt_user user;
	int64_t id;
	char *body;
	size_t len;
	size_t held;  /* bytes of the daemon's body budget this request holds */
	bool too_big; /* over the route's limit: 413 */
	bool no_room; /* over the daemon's budget: 503 */
};

/* How url stands to pattern: not at all; as a path of the route; or, for
 * "{id}", at the place of a whole number but not one from 1 to 2^53
 * (digits alone, leading zeros allowed, as the description's integer
 * reads). A "{id}" takes a whole segment. OUT: *id. */
enum fit { NO_FIT, FITS, BAD_ID };

static enum fit match(const char *pattern, const char *url, int64_t *id)
{
	bool bad = false;
	while (*pattern) {
		if (strncmp(pattern, "{id}", 4) == 0) {
			size_t n = strcspn(url, "/");
			if (n == 0)
				return NO_FIT;
			int64_t v = 0;
			for (size_t i = 0; i < n && !bad; i++) {
				bad = url[i] < '0' || url[i] > '9' || v > ((1LL << 53) - (url[i] - '0')) / 10;
				v = bad ? v : 10 * v + (url[i] - '0');
			}
			bad = bad || v < 1;
			*id = v;
			url += n;
			pattern += 4;
			continue;
		}
		if (*pattern++ != *url++)
			return NO_FIT;
	}
	return *url != '\0' ? NO_FIT : bad ? BAD_ID : FITS;
}

/* The route for method and url, or NULL with the 404, 405 or 400 (an id
 * that is not one) sent. A path without "{id}" is matched before one
 * with it: /events/merge is never event "merge". */
static const struct route *find(struct MHD_Connection *c, const char *method, const char *url,
                                int64_t *id, enum MHD_Result *refused)
{
	/* HEAD is GET without the body, which libmicrohttpd leaves out */
	const char *as = strcmp(method, "HEAD") == 0 ? "GET" : method;
	bool literal = false;
	for (size_t i = 0; i < NROUTES && !literal; i++)
		literal = !strstr(routes[i].path, "{id}") && strcmp(routes[i].path, url) == 0;
	char allowed[64] = "";
	bool path_known = false, bad_id = false;
	for (size_t i = 0; i < NROUTES; i++) {
		if (literal && strstr(routes[i].path, "{id}"))
			continue;
		enum fit f = match(routes[i].path, url, id);
		if (f == NO_FIT)
			continue;
		path_known = true;
		if (strcmp(as, routes[i].method) == 0) {
			if (f == FITS)
				return &routes[i];
			bad_id = true; /* the method's route, but no id in it */
		} else {
			snprintf(allowed + strlen(allowed), sizeof(allowed) - strlen(allowed), "%s%s%s",
			         allowed[0] ? ", " : "", routes[i].method,
			         strcmp(routes[i].method, "GET") == 0 ? ", HEAD" : "");
		}
	}
	if (bad_id) {
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, "id",
		                        "expected a whole number from 1 to 2^53 in the path");
	} else if (path_known) {
		char msg[96];
		snprintf(msg, sizeof(msg), "%s is not allowed here; expected %s", method, allowed);
		*refused = gt_srv_not_allowed(c, allowed, msg);
	} else {
		char msg[200], path[GT_SRV_SHOWN_MAX];
		snprintf(msg, sizeof(msg), "no route %s; the routes are in docs/api.yaml and "
		         "guarantor serve --routes", gt_srv_shown(url, path, sizeof(path)));
		*refused = gt_srv_error(c, MHD_HTTP_NOT_FOUND, NULL, msg);
	}
	return NULL;
}

static unsigned store_wait_ms(const struct gt_srv_daemon *d)
{
	return d->cfg->store_wait_ms ? d->cfg->store_wait_ms : 2000;
}

static enum MHD_Result no_store(struct MHD_Connection *c)
{
	return gt_srv_busy(c, 1, "every connection to the store is in use; try again");
}

/* True when the request says its body is JSON: application/json, any
 * case, with parameters (charset=utf-8) or none (RFC 9110, 8.3.1). */
static bool is_json(struct MHD_Connection *c)
{
	const char *t = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	static const char json[] = "application/json";
	if (!t || strncasecmp(t, json, sizeof(json) - 1) != 0)
		return false;
	t += sizeof(json) - 1;
	t += strspn(t, " \t");
	return *t == '\0' || *t == ';';
}

/* What is checked once the headers are in, before any body is read: the
 * framing, the route, the query's names, the declared length, the body's
 * type, the token and the role. true: go on to the body; otherwise the answer is sent. */
static bool admit(struct gt_srv_daemon *d, struct MHD_Connection *c, const char *method,
                  const char *url, struct request *rq, enum MHD_Result *refused)
{
	const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding");
	const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
	if (te && cl) { /* a request that two readers might frame apart (RFC 9112, 6.3) */
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, NULL,
		                        "both Content-Length and Transfer-Encoding; send one");
		return false;
	}
	if (!(rq->route = find(c, method, url, &rq->id, refused)) ||
	    !gt_srv_query_names(c, rq->route->params, refused))
		return false;
	const struct route *r = rq->route;
	char *end;
	unsigned long long declared = cl ? strtoull(cl, &end, 10) : 0;
	if ((cl || te) && r->body == NONE && (te || declared > 0)) {
		*refused = gt_srv_error(c, MHD_HTTP_CONTENT_TOO_LARGE, NULL, "this route takes no body");
		return false;
	}
	if (cl && declared > r->max_body) {
		char msg[64];
		snprintf(msg, sizeof(msg), "the body is over %zu MiB", r->max_body / MIB);
		*refused = gt_srv_error(c, MHD_HTTP_CONTENT_TOO_LARGE, NULL, msg);
		return false;
	}
	/* at the headers, like the length: a body of the wrong kind is never
	 * read, whoever sends it */
	if (r->body != NONE && (te || declared > 0) && !is_json(c)) {
		*refused = gt_srv_error(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, NULL,
		                        "the body must be JSON, sent with Content-Type: "
		                        "application/json");
		return false;
	}
	if (!r->roles)
		return true;
	struct gt_store *st = gt_srv_stores_take(d->cfg->stores, store_wait_ms(d));
	if (!st) {
		*refused = no_store(c);
		return false;
	}
	bool ok = gt_srv_authenticate(d, st, c, &rq->user, refused);
	gt_srv_stores_give(d->cfg->stores, st);
	if (ok && !(r->roles & GT_SRV_ROLE(rq->user.role))) {
		*refused = gt_srv_error(c, MHD_HTTP_FORBIDDEN, NULL, r->refusal);
		ok = false;
	}
	return ok;
}

/* Takes a piece of the body, within the route's limit and the daemon's. */
static bool take_piece(struct gt_srv_daemon *d, struct request *rq, const char *data,
                       size_t size)
{
	if (rq->too_big || rq->no_room)
		return true; /* the rest is read and let go: the answer says why */
	if (rq->len + size > rq->route->max_body) {
		rq->too_big = true;
		return true;
	}
	size_t budget = d->cfg->body_memory ? d->cfg->body_memory : 256 * (size_t)MIB;
	size_t need = rq->len + size + 1;
	if (need > rq->held) {
		size_t more = need - rq->held;
		more = more < 64 * 1024 ? 64 * 1024 : more; /* grown in steps */
		if (atomic_fetch_add(&d->buffered, more) + more > budget) {
			atomic_fetch_sub(&d->buffered, more);
			rq->no_room = true;
			return true;
		}
		char *grown = realloc(rq->body, rq->held + more);
		if (!grown) {
			atomic_fetch_sub(&d->buffered, more);
			return false;
		}
		rq->body = grown;
		rq->held += more;
	}
	memcpy(rq->body + rq->len, data, size);
	rq->len += size;
	rq->body[rq->len] = '\0';
	return true;
}

/* How long a write waits for this process's other writers before 503:
 * longer than one write waits for another process's lock (5 s), so that
 * a queue behind a held store answers 503 about when its head does. */
enum { WRITE_WAIT_MS = 8000 };

static bool lock_within(pthread_mutex_t *m, unsigned ms)
{
	struct timespec until = gt_srv_deadline(ms);
	return pthread_mutex_timedlock(m, &until) == 0;
}

/* The route's handler, with a store and the body as the route takes it. */
static enum MHD_Result run(struct gt_srv_daemon *d, struct MHD_Connection *c, struct request *rq)
{
	const struct route *r = rq->route;
	struct gt_srv_call k = {.sc = d->cfg->sc,
	                        .user = rq->user,
	                        .raw = rq->body ? rq->body : "",
	                        .len = rq->len,
	                        .id = rq->id,
	                        .now = (int64_t)time(NULL),
	                        .daemon = d};
	enum MHD_Result out;
	if (r->body == JSON && !gt_srv_body(c, k.raw, k.len, r->keys, &k.body, &out))
		return out;
	/* every POST writes; it waits its turn among this process's writers */
	bool writes = strcmp(r->method, "POST") == 0;
	if (writes && !lock_within(&d->write_lock, WRITE_WAIT_MS)) {
		json_decref(k.body);
		return gt_srv_busy(c, 2, "the store is busy with other changes; try again");
	}
	if (r->roles && !(k.store = gt_srv_stores_take(d->cfg->stores, store_wait_ms(d)))) {
		out = no_store(c);
	} else {
		out = r->fn(&k, c);
		if (k.store)
			gt_srv_stores_give(d->cfg->stores, k.store);
	}
	if (writes)
		pthread_mutex_unlock(&d->write_lock);
	json_decref(k.body);
	return out;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *data,
                              size_t *size, void **con_cls)
{
	(void)version;
	struct gt_srv_daemon *d = cls;
	struct request *rq = *con_cls;
	gt_srv_send_for(d, method, url);
	if (!rq) { /* the headers: is the request admitted? */
		if (!(rq = calloc(1, sizeof(*rq))))
			return MHD_NO;
		*con_cls = rq;
		atomic_fetch_add(&d->active, 1);
		enum MHD_Result refused;
		if (!admit(d, c, method, url, rq, &refused)) {
			rq->route = NULL; /* answered: what follows is let go */
			return refused;
		}
		return MHD_YES;
	}
	if (!rq->route) { /* answered at the headers; the body is not kept */
		*size = 0;
		return MHD_YES;
	}
	if (*size > 0) { /* a piece of the body */
		bool ok = take_piece(d, rq, data, *size);
		*size = 0;
		return ok ? MHD_YES : MHD_NO;
	}
	if (rq->too_big) {
		char msg[64];
		snprintf(msg, sizeof(msg), "the body is over %zu MiB", rq->route->max_body / MIB);
		return gt_srv_error(c, MHD_HTTP_CONTENT_TOO_LARGE, NULL, msg);
	}
	if (rq->no_room)
		return gt_srv_busy(c, 5, "the service holds too many bodies at once; try again");
	return run(d, c, rq);
}

static void done(void *cls, struct MHD_Connection *c, void **con_cls,
                 enum MHD_RequestTerminationCode code)
{
	(void)c, (void)code;
	struct gt_srv_daemon *d = cls;
	struct request *rq = *con_cls;
	if (rq) {
		atomic_fetch_sub(&d->buffered, rq->held);
		free(rq->body);
		free(rq);
		atomic_fetch_sub(&d->active, 1);
	}
	*con_cls = NULL;
}

void gt_srv_print_routes(FILE *out)
{
	for (size_t i = 0; i < NROUTES; i++)
		fprintf(out, "%s %s\n", routes[i].method, routes[i].path);
}

static int hex_digit(char ch)
{
	return ch >= '0' && ch <= '9'   ? ch - '0'
	       : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
	       : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
	                                : -1;
}

/* Decodes %XX escapes in place, as libmicrohttpd would, but never into a
 * NUL byte: "%00" stays as written, so that "/app.js%00.html" is a path
 * of its own (not found), never /app.js cut short (issue 16, finding 9). */
static size_t unescape(void *cls, struct MHD_Connection *c, char *uri)
{
	(void)cls, (void)c;
	char *out = uri;
	for (const char *in = uri; *in;) {
		int hi = in[0] == '%' ? hex_digit(in[1]) : -1;
		int lo = hi >= 0 ? hex_digit(in[2]) : -1;
		if (lo >= 0 && (hi | lo) != 0) {
			*out++ = (char)(hi * 16 + lo);
			in += 3;
		} else {
			*out++ = *in++;
		}
	}
	*out = '\0';
	return (size_t)(out - uri);
}

/* The clock: settles the proposals whose deadline has passed, so that
 * reads never write (a GET computes a due outcome without recording it). */
static void *clock_run(void *arg)
{
	struct gt_srv_daemon *d = arg;
	unsigned every = d->cfg->clock_s ? d->cfg->clock_s : 10;
	bool said = false;
	pthread_mutex_lock(&d->clock_lock);
	while (!d->stopping) {
		pthread_mutex_unlock(&d->clock_lock);
		struct gt_store *st = gt_srv_stores_take(d->cfg->stores, store_wait_ms(d));
		if (st) {
			struct gt_err err;
			size_t n;
			enum gt_status s = gt_store_settle(st, (int64_t)time(NULL), &n, &err);
			gt_srv_stores_give(d->cfg->stores, st);
			if (s != GT_OK && !said)
				fprintf(stderr, "guarantor: cannot settle past deadlines: %s\n", err.msg);
			said = s != GT_OK;
		}
		struct timespec until = gt_srv_deadline(every * 1000);
		pthread_mutex_lock(&d->clock_lock);
		while (!d->stopping &&
		       pthread_cond_timedwait(&d->clock_wake, &d->clock_lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&d->clock_lock);
	return NULL;
}

static void daemon_free(struct gt_srv_daemon *d)
{
	if (d->clock_running) {
		pthread_mutex_lock(&d->clock_lock);
		d->stopping = true;
		pthread_cond_signal(&d->clock_wake);
		pthread_mutex_unlock(&d->clock_lock);
		pthread_join(d->clock, NULL);
	}
	pthread_cond_destroy(&d->clock_wake);
	pthread_mutex_destroy(&d->clock_lock);
	pthread_mutex_destroy(&d->check_lock);
	pthread_mutex_destroy(&d->write_lock);
	pthread_mutex_destroy(&d->limits_lock);
	pthread_mutex_destroy(&d->trace_lock);
	gt_srv_limits_free(d->limits);
	gt_auth_cache_free(d->tokens);
	free(d);
}

struct gt_srv_daemon *gt_srv_start(const struct gt_srv *s, const struct sockaddr_in *sa)
{
	struct gt_srv_daemon *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->cfg = s;
	pthread_mutex_init(&d->limits_lock, NULL);
	pthread_mutex_init(&d->trace_lock, NULL);
	pthread_mutex_init(&d->check_lock, NULL);
	pthread_mutex_init(&d->write_lock, NULL);
	pthread_mutex_init(&d->clock_lock, NULL);
	pthread_cond_init(&d->clock_wake, NULL);
	atomic_init(&d->buffered, 0);
	atomic_init(&d->active, 0);
	atomic_init(&d->checking, 0);
	atomic_init(&d->suspect, 0);
	if (gt_auth_cache_new(&d->tokens) != GT_OK || !(d->limits = gt_srv_limits_new())) {
		daemon_free(d);
		return NULL;
	}
	unsigned threads = s->threads ? s->threads : 1;
	/* poll, not epoll: libmicrohttpd 0.9.75's epoll loses a request whose
	 * client has closed its side after sending it (tests/fuzz/fuzz_http.c
	 * does); poll has no limit on descriptors either. A client that sends
	 * nothing for idle_timeout s is cut off, however slowly it had been
	 * sending. */
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC |
	                 MHD_USE_ERROR_LOG;
	struct MHD_OptionItem options[] = {
		{MHD_OPTION_SOCK_ADDR, 0, (void *)(uintptr_t)sa},
		{MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)done, d},
		{MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)unescape, NULL},
		{MHD_OPTION_CONNECTION_TIMEOUT, s->idle_timeout ? s->idle_timeout : 30, NULL},
		{MHD_OPTION_CONNECTION_LIMIT, s->conn_total ? s->conn_total : 1024, NULL},
		{MHD_OPTION_PER_IP_CONNECTION_LIMIT, s->conn_per_ip, NULL},
		/* last, so that one thread leaves it out */
		{threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, threads, NULL},
		{MHD_OPTION_END, 0, NULL},
	};
	d->mhd = MHD_start_daemon(flags, 0, NULL, NULL, handle, d, MHD_OPTION_ARRAY, options,
	                          MHD_OPTION_END);
	if (!d->mhd) {
		daemon_free(d);
		return NULL;
	}
	d->clock_running = pthread_create(&d->clock, NULL, clock_run, d) == 0;
	return d;
}

unsigned gt_srv_port(const struct gt_srv_daemon *d)
{
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d->mhd, MHD_DAEMON_INFO_BIND_PORT);
	return info ? info->port : 0;
}

void gt_srv_stop(struct gt_srv_daemon *d, unsigned drain_s)
{
	/* no new connections; the requests under way are answered */
	MHD_socket listener = MHD_quiesce_daemon(d->mhd);
	for (unsigned ms = 0; atomic_load(&d->active) > 0 && ms < drain_s * 1000u; ms += 10)
		nanosleep(&(struct timespec){0, 10 * 1000000L}, NULL);
	MHD_stop_daemon(d->mhd);
	if (listener != MHD_INVALID_SOCKET)
		close(listener);
	daemon_free(d);
}
