/* cmd_serve.c: `guarantor serve`, the monitoring service's JSON-over-HTTP
 * API (libmicrohttpd; docs/monitor.md, "Service"): options, the route
 * table, and the daemon. The routes are in serve_*.c. One polling thread
 * serves every connection, so the store is used from one thread at a
 * time. */
#include "cli.h"
#include "serve.h"

#include <arpa/inet.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "guarantor/monitor.h"

static const char help[] =
	"Usage: guarantor serve [--db STORE] [--listen ADDRESS:PORT] [--scenario FILE]\n"
	"                       [--max-db-mb N]\n\n"
	"Serves the monitoring API on HTTP until interrupted (Ctrl-C or SIGTERM). The\n"
	"scenario's monitoring section gives the sectors and sides of the line, the\n"
	"correlation rules, the thresholds and the decision rule (docs/monitor.md).\n\n"
	"  GET  /                              the dashboard (sign in with a token)\n"
	"  GET  /api/v1/health                 anyone: {\"status\": \"ok\", \"schema\": N}\n"
	"  GET  /api/v1/me, /api/v1/scenario   every role: who you are; the sectors, rules\n"
	"                                      and geometry the dashboard draws\n"
	"  POST /api/v1/reports                monitor: one report; 201 stored, 200 already\n"
	"                                      stored, 409 the id names another report\n"
	"  POST /api/v1/reports/batch          monitor: up to 10,000 reports (16 MiB),\n"
	"                                      each stored or refused on its own\n"
	"  GET  /api/v1/reports                analyst, commander: reports as submitted\n"
	"                                      (?from=TIME&to=TIME&after=SEQ&limit=N)\n"
	"  POST /api/v1/events/correlate       analyst: reports not yet in an event into\n"
	"                                      events\n"
	"  GET  /api/v1/events                 analyst, commander, member; observers see\n"
	"                                      verified events only (?from&to&status&sector\n"
	"                                      &event&grade&near=LON,LAT&km=R&after&limit)\n"
	"  GET  /api/v1/events/ID              one event; analysts and commanders also get\n"
	"                                      its reports\n"
	"  POST /api/v1/events/ID/verify       analyst; also .../reject and .../reopen,\n"
	"                                      with an optional {\"note\": TEXT}\n"
	"  POST /api/v1/events/merge           analyst: {\"events\": [ID, ...]}\n"
	"  POST /api/v1/events/ID/split        analyst: {\"reports\": [REPORT_ID, ...]}\n"
	"  GET  /api/v1/breaches               analyst, commander, member (?status&after\n"
	"                                      &limit); .../ID with evidence and proposals\n"
	"  POST /api/v1/breaches/ID/proposals  commander: {\"rung\": NAME} from the ladder\n"
	"  POST /api/v1/breaches/ID/dismiss    commander: no response needed\n"
	"  GET  /api/v1/proposals/ID           the votes so far and the outcome\n"
	"  POST /api/v1/proposals/ID/approve   member, for its own government; also\n"
	"                                      .../veto\n"
	"  GET  /api/v1/daily                  every role: the daily report (?day=YYYY-MM-DD\n"
	"                                      &format=json|csv|geojson|html)\n"
	"  GET  /api/v1/counts                 every role: each day's counts by sector and\n"
	"                                      type (?from=DAY&to=DAY, at most 92 days)\n\n"
	"Requests carry \"Authorization: Bearer <token>\" (guarantor users add). Errors are\n"
	"JSON {\"error\": {\"status\": N, \"field\": PATH, \"message\": TEXT}}: 400 bad input,\n"
	"401 no or bad token, 403 a role that may not, 404, 405, 409 a state that does\n"
	"not allow it, 413 a body over 1 MiB, 503 the store's database cannot be\n"
	"reached (try again), 507 the store is full. The full API:\n"
	"docs/api.yaml; running it: docs/operations.md.\n\n"
	"Options:\n"
	"  -d, --db STORE            the store: a SQLite file (default: guarantor.db),\n"
	"                            or postgresql://USER@HOST:PORT/DATABASE, which\n"
	"                            several servers may share\n"
	"  -l, --listen ADDR:PORT    where to listen (default 127.0.0.1:8080); port 0\n"
	"                            takes a free one, printed on standard error\n"
	"  -s, --scenario FILE       the scenario (default: the built-in one)\n"
	"      --max-db-mb N         refuse writes (507) once a SQLite store reaches\n"
	"                            N MiB, as a full disk would; reads go on\n"
	"      --routes              print the routes (method and path) and exit\n"
	"  -h, --help                show this help\n";

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
	                                         {"scenario", required_argument, NULL, 's'},
	                                         {"routes", no_argument, NULL, 'R'},
	                                         {"max-db-mb", required_argument, NULL, 'M'},
	                                         {NULL, 0, NULL, 0}};
	const char *db = "guarantor.db", *listen_at = "127.0.0.1:8080", *scenario = NULL;
	long max_mb = 0;
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:l:s:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'l': listen_at = optarg; break;
		case 's': scenario = optarg; break;
		case 'M': {
			bool ok;
			max_mb = gt_cli_long("serve", "--max-db-mb", optarg, 1, 1 << 20, &ok);
			if (!ok)
				return GT_EXIT_USAGE;
			break;
		}
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
	struct gt_srv s = {0};
	struct gt_err err;
	struct gt_scenario *sc;
	int rc = gt_cli_load_scenario(scenario, &sc);
	if (rc != GT_EXIT_OK)
		return rc;
	if (!sc->monitoring.present) {
		fprintf(stderr,
		        "guarantor: %s has no monitoring section; the service needs its sectors, "
		        "rules and thresholds (docs/monitor.md, \"The agreement\")\n",
		        sc->file);
		gt_scenario_free(sc);
		return GT_EXIT_USAGE;
	}
	s.sc = sc;
	if (gt_store_open(db, &s.store, &err) != GT_OK ||
	    (max_mb && gt_store_limit(s.store, (int64_t)max_mb << 20, &err) != GT_OK)) {
		gt_store_close(s.store);
		gt_scenario_free(sc);
		return gt_cli_fail(&err);
	}
	if (gt_auth_cache_new(&s.tokens) != GT_OK) {
		fprintf(stderr, "guarantor: out of memory\n");
		gt_store_close(s.store);
		gt_scenario_free(sc);
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
		gt_scenario_free(sc);
		return GT_EXIT_FAILURE;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	char addr[INET_ADDRSTRLEN];
	inet_ntop(AF_INET, &sa.sin_addr, addr, sizeof(addr));
	/* the store by its public name: a PostgreSQL URL's password stays out
	 * of logs */
	fprintf(stderr, "guarantor: serving the %s store %s (spatial queries: %s) on http://%s:%u/api/v1/\n",
	        gt_store_kind(s.store), gt_store_name(s.store), gt_store_spatial(s.store), addr,
	        info ? (unsigned)info->port : (unsigned)ntohs(sa.sin_port));
	int sig = 0;
	sigwait(&stop, &sig);
	MHD_stop_daemon(d);
	gt_auth_cache_free(s.tokens);
	gt_store_close(s.store);
	gt_scenario_free(sc);
	fprintf(stderr, "guarantor: stopped (%s)\n", sig == SIGINT ? "interrupt" : "terminate");
	return GT_EXIT_OK;
}

const struct gt_cmd gt_cmd_serve = {
	.name = "serve",
	.summary = "the monitoring service's HTTP API",
	.help = help,
	.run = run,
};
