/* daemon.c: the daemon of `guarantor serve`: the route table, the
 * dispatch of a request to its route, and starting libmicrohttpd. The
 * routes are in the other files of src/serve. One polling thread serves every connection, so
 * the store is used from one thread at a time. */
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_BODY = 1 << 20, MAX_BATCH_BODY = 16 << 20 };

static enum MHD_Result get_health(struct gt_srv *s, struct MHD_Connection *c,
                                  const struct gt_srv_request *rq)
{
	(void)s, (void)rq;
	json_t *ok = json_object();
	json_object_set_new(ok, "status", json_string("ok"));
	json_object_set_new(ok, "schema", json_integer(GT_STORE_SCHEMA));
	return gt_srv_json(c, MHD_HTTP_OK, ok);
}

/* Every route; "{id}" stands for a whole number in the path. docs/api.yaml
 * describes the same (tests/cli/cases/api-doc.cmd checks it through
 * `guarantor serve --routes`). */
static const struct {
	const char *method, *path;
	const char *params; /* the query parameters it takes, comma-separated */
	gt_srv_handler fn;
} routes[] = {
	{"GET", "/", "", gt_srv_page},
	{"GET", "/app.js", "", gt_srv_script},
	{"GET", "/app.css", "", gt_srv_style},
	{"GET", "/api/v1/health", "", get_health},
	{"GET", "/api/v1/me", "", gt_srv_me},
	{"GET", "/api/v1/scenario", "", gt_srv_scenario},
	{"GET", "/api/v1/reports", "from,to,after,limit", gt_srv_get_reports},
	{"POST", "/api/v1/reports", "", gt_srv_post_report},
	{"POST", "/api/v1/reports/batch", "", gt_srv_post_batch},
	{"POST", "/api/v1/events/correlate", "", gt_srv_correlate},
	{"GET", "/api/v1/events", "from,to,status,sector,event,grade,near,km,after,limit",
	 gt_srv_get_events},
	{"POST", "/api/v1/events/merge", "", gt_srv_merge},
	{"GET", "/api/v1/events/{id}", "", gt_srv_get_event},
	{"POST", "/api/v1/events/{id}/verify", "", gt_srv_verify},
	{"POST", "/api/v1/events/{id}/reject", "", gt_srv_reject},
	{"POST", "/api/v1/events/{id}/reopen", "", gt_srv_reopen},
	{"POST", "/api/v1/events/{id}/split", "", gt_srv_split},
	{"GET", "/api/v1/breaches", "status,after,limit", gt_srv_get_breaches},
	{"GET", "/api/v1/breaches/{id}", "", gt_srv_get_breach},
	{"POST", "/api/v1/breaches/{id}/dismiss", "", gt_srv_dismiss},
	{"POST", "/api/v1/breaches/{id}/proposals", "", gt_srv_propose},
	{"GET", "/api/v1/proposals/{id}", "", gt_srv_get_proposal},
	{"POST", "/api/v1/proposals/{id}/approve", "", gt_srv_approve},
	{"POST", "/api/v1/proposals/{id}/veto", "", gt_srv_veto},
	{"GET", "/api/v1/daily", "day,format", gt_srv_get_daily},
	{"GET", "/api/v1/counts", "from,to", gt_srv_get_counts},
};

/* True when url matches pattern, "{id}" matching a whole number from 1
 * to 2^53 (OUT: *id). */
static bool match(const char *pattern, const char *url, int64_t *id)
{
	while (*pattern) {
		if (strncmp(pattern, "{id}", 4) == 0) {
			char *end;
			if (*url < '1' || *url > '9')
				return false;
			long long v = strtoll(url, &end, 10);
			if (v < 1 || v > (1LL << 53))
				return false;
			*id = v;
			url = end;
			pattern += 4;
			continue;
		}
		if (*pattern++ != *url++)
			return false;
	}
	return *url == '\0';
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *data,
                              size_t *size, void **con_cls)
{
	(void)version;
	struct gt_srv *s = cls;
	struct gt_srv_request *rq = *con_cls;
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
		return gt_srv_error(c, MHD_HTTP_CONTENT_TOO_LARGE, NULL,
		                    rq->limit == MAX_BODY ? "the body is over 1 MiB"
		                                          : "the body is over 16 MiB");
	bool path_known = false;
	char allowed[64] = "";
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		if (!match(routes[i].path, url, &rq->id))
			continue;
		path_known = true;
		/* HEAD is GET without the body, which libmicrohttpd leaves out */
		if (strcmp(method, routes[i].method) == 0 ||
		    (strcmp(method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0)) {
			enum MHD_Result refused;
			if (!gt_srv_query_names(c, routes[i].params, &refused))
				return refused;
			return routes[i].fn(s, c, rq);
		}
		snprintf(allowed + strlen(allowed), sizeof(allowed) - strlen(allowed), "%s%s",
		         allowed[0] ? " or " : "", routes[i].method);
	}
	if (path_known) {
		char msg[96];
		snprintf(msg, sizeof(msg), "expected %s", allowed);
		return gt_srv_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, NULL, msg);
	}
	return gt_srv_error(c, MHD_HTTP_NOT_FOUND, NULL, "no such route; see guarantor serve --help");
}

static void done(void *cls, struct MHD_Connection *c, void **con_cls,
                 enum MHD_RequestTerminationCode code)
{
	(void)cls, (void)c, (void)code;
	struct gt_srv_request *rq = *con_cls;
	if (rq) {
		free(rq->body);
		free(rq);
	}
	*con_cls = NULL;
}

void gt_srv_print_routes(FILE *out)
{
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
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

struct MHD_Daemon *gt_srv_start(struct gt_srv *s, const struct sockaddr_in *sa)
{
	/* a client that sends nothing for idle_timeout s is cut off, however
	 * slowly it had been sending; 256 connections in all */
	return MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
	                        handle, s, MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)sa,
	                        MHD_OPTION_NOTIFY_COMPLETED, done, NULL,
	                        MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	                        MHD_OPTION_CONNECTION_TIMEOUT,
	                        s->idle_timeout ? s->idle_timeout : (unsigned)30,
	                        MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
	                        MHD_OPTION_PER_IP_CONNECTION_LIMIT, s->conn_per_ip, MHD_OPTION_END);
}
