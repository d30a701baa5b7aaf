/* cmd_serve.c: `guarantor serve`, the monitoring service's JSON-over-HTTP
 * API (libmicrohttpd; docs/monitor.md, "Service"): its options, opening
 * the store, and running the daemon (src/serve/daemon.c) until SIGINT or
 * SIGTERM. */
#include "cli.h"
#include "serve/serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "guarantor/monitor.h"

static const char help[] =
	"Usage: guarantor serve [--db STORE] [--audit-key FILE] [--listen ADDRESS:PORT]\n"
	"                       [--scenario FILE] [--max-db-mb N] [--threads N] [--rate N]\n"
	"                       [--burst N] [--max-conn N] [--max-conn-per-ip N]\n"
	"                       [--failed-signins N] [--idle-timeout S] [--body-memory-mb N]\n\n"
	"Serves the monitoring API on HTTP until interrupted (Ctrl-C or SIGTERM), by the\n"
	"scenario's monitoring section: sectors, rules, thresholds (docs/monitor.md).\n\n"
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
	"  POST /api/v1/events/ID/split        analyst: {\"reports\": [REPORT_ID, ...]}, a\n"
	"                                      report by its id or by its seq as \"#17\"\n"
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
	"Requests carry \"Authorization: Bearer <token>\" (guarantor users add), checked with\n"
	"the role before any body is read. Errors are JSON {\"error\": {\"status\", \"field\",\n"
	"\"message\"}}; among them 429 over a rate, 503 the store busy or unreachable or the\n"
	"service full (both with Retry-After), 507 the store full. On SIGTERM the requests\n"
	"under way are answered before it stops. The API: docs/api.yaml; running it:\n"
	"docs/operations.md; its limits: docs/security.md.\n\n";

static const char help_options[] =
	"Options:\n"
	"  -d, --db STORE            the store: a SQLite file (default: guarantor.db),\n"
	"                            or postgresql://USER@HOST:PORT/DATABASE, which\n"
	"                            several servers may share\n"
	"  -K, --audit-key FILE      the key of the store's audit chain (default: the\n"
	"                            file $GT_AUDIT_KEY names; guarantor audit keygen)\n"
	"      --no-audit-key        write an unkeyed chain, which proves nothing (a\n"
	"                            throwaway store)\n"
	"  -l, --listen ADDR:PORT    where to listen (default 127.0.0.1:8080); port 0\n"
	"                            takes a free one, printed on standard error\n"
	"  -s, --scenario FILE       the scenario (default: the built-in one)\n"
	"      --max-db-mb N         refuse writes (507) once a SQLite store reaches\n"
	"                            N MiB, as a full disk would; reads go on\n"
	"      --threads N           threads answering requests, each with its own\n"
	"                            connection to the store (default 4)\n"
	"      --rate N              requests a second one token may make (default 50;\n"
	"                            0: no limit); over it, 429 with Retry-After\n"
	"      --burst N             requests a token may make at once (default 200)\n"
	"      --max-conn N          open connections in all (default 1024); more are\n"
	"                            closed at once\n"
	"      --max-conn-per-ip N   open connections from one address (default 64;\n"
	"                            0: no limit)\n"
	"      --idle-timeout S      close a connection that sends nothing for S seconds\n"
	"                            (default 30), however slowly it sent before\n"
	"      --failed-signins N    bad tokens allowed from one address a minute\n"
	"                            (default 30, at most 10 at once; 0: no limit);\n"
	"                            over it, new tokens from there get 429 with\n"
	"                            Retry-After, without the cost of checking them\n"
	"      --body-memory-mb N    request bodies held at once, in all (default 256);\n"
	"                            over it, 503 with Retry-After\n"
	"      --skip-verify         start without checking the audit chain and every\n"
	"                            row against it (by default a store that does not\n"
	"                            verify is refused, before anything is added)\n"
	"      --trace FILE          append every answer to FILE, one JSON line each:\n"
	"                            method, url, status, headers and body (default:\n"
	"                            the file $GT_SERVE_TRACE names; none). Bodies are\n"
	"                            written as sent: keep the file as the store\n"
	"      --routes              print the routes (method and path) and exit\n"
	"  -h, --help                show this help\n";

/* Seconds the requests under way have to be answered after SIGTERM. An
 * assumption: a batch of 10,000 reports, one fsync each, takes about 3 s
 * at the 3,515 reports a second of docs/performance.md, and several times
 * that on a busy disk; an init system's stop time-out is commonly 90 s. */
enum { DRAIN_S = 30 };

/* Checks the store's audit chain and every row against it before the
 * service appends to it: entries added to a store that was edited behind
 * guarantor's back, or damaged, would bury where it went wrong. A store
 * never used passes. */
static enum gt_status verify_before(struct gt_store *st, struct gt_err *err)
{
	struct gt_audit_summary sum;
	enum gt_status s = gt_store_audit_verify(st, &sum, err);
	if (s == GT_OK || (s == GT_E_INTEGRITY && sum.empty)) {
		gt_err_clear(err);
		return GT_OK;
	}
	if (s == GT_E_INTEGRITY) {
		size_t n = strlen(err->msg);
		snprintf(err->msg + n, sizeof(err->msg) - n,
		         "; serve adds nothing to a store that does not verify (--skip-verify starts "
		         "it anyway, to take reports while you find out)");
	}
	return s;
}

/* Raises the open files' limit to what conns connections, the store's
 * files and a margin need, as far as the hard limit allows; false, with a
 * message, when it cannot. */
static bool room_for(long conns)
{
	struct rlimit rl;
	rlim_t need = (rlim_t)conns + 64;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= need)
		return true;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < need) {
		fprintf(stderr,
		        "guarantor: serve: --max-conn %ld needs %lu open files, and this process may "
		        "open at most %lu (ulimit -Hn); lower --max-conn\n",
		        conns, (unsigned long)need, (unsigned long)rl.rlim_max);
		return false;
	}
	rl.rlim_cur = need;
	if (setrlimit(RLIMIT_NOFILE, &rl) != 0) {
		perror("guarantor: serve: cannot raise the open files' limit");
		return false;
	}
	return true;
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
	                                         {"rate", required_argument, NULL, 'r'},
	                                         {"burst", required_argument, NULL, 'b'},
	                                         {"max-conn-per-ip", required_argument, NULL, 'C'},
	                                         {"failed-signins", required_argument, NULL, 'F'},
	                                         {"idle-timeout", required_argument, NULL, 'T'},
	                                         {"threads", required_argument, NULL, 'j'},
	                                         {"max-conn", required_argument, NULL, 'n'},
	                                         {"body-memory-mb", required_argument, NULL, 'B'},
	                                         {"skip-verify", no_argument, NULL, 'V'},
	                                         {"trace", required_argument, NULL, 'X'},
	                                         GT_CLI_KEY_OPTIONS,
	                                         {NULL, 0, NULL, 0}};
	struct gt_cli_key k = {0};
	const char *db = "guarantor.db", *listen_at = "127.0.0.1:8080", *scenario = NULL;
	const char *trace = getenv("GT_SERVE_TRACE");
	/* defaults, assumptions of the service (docs/security.md): a dashboard
	 * polls a few routes every 10 s and a device posts its reports one by
	 * one or as one batch, so 50 a second is far above honest use and caps
	 * one token at about 1/70 of what one server takes; 30 failed sign-ins
	 * a minute is room for a person who mistypes and far too few to try
	 * tokens, and keeps argon2id's 70 ms a try from becoming a load; 4
	 * threads on a machine of 2 cores leave one to signed-in traffic while
	 * a new token is checked and one to a reader while a writer waits;
	 * 1,024 connections is a mission's devices and dashboards several times
	 * over; 256 MiB of bodies is 16 batches of the largest size at once */
	long max_mb = 0, rate = 50, burst = 200, per_ip = 64, signins = 30, idle = 30, threads = 4,
	     conns = 1024, body_mb = 256;
	bool ok = true, verify = true;
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":d:l:s:K:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'K': k.file = optarg; break;
		case 'N': k.none = true; break;
		case 'l': listen_at = optarg; break;
		case 's': scenario = optarg; break;
		case 'M': max_mb = gt_cli_long("serve", "--max-db-mb", optarg, 1, 1 << 20, &ok); break;
		case 'r': rate = gt_cli_long("serve", "--rate", optarg, 0, 1000000, &ok); break;
		case 'b': burst = gt_cli_long("serve", "--burst", optarg, 1, 1000000, &ok); break;
		case 'C': per_ip = gt_cli_long("serve", "--max-conn-per-ip", optarg, 0, 65536, &ok); break;
		case 'n': conns = gt_cli_long("serve", "--max-conn", optarg, 1, 65536, &ok); break;
		case 'j': threads = gt_cli_long("serve", "--threads", optarg, 1, GT_SRV_THREADS_MAX, &ok); break;
		case 'B': body_mb = gt_cli_long("serve", "--body-memory-mb", optarg, 16, 1 << 20, &ok); break;
		case 'F': signins = gt_cli_long("serve", "--failed-signins", optarg, 0, 100000, &ok); break;
		case 'T': idle = gt_cli_long("serve", "--idle-timeout", optarg, 1, 3600, &ok); break;
		case 'V': verify = false; break;
		case 'X': trace = optarg; break;
		case 'R':
			gt_srv_print_routes(stdout);
			return fflush(stdout) == 0 ? GT_EXIT_OK : GT_EXIT_FAILURE;
		case ':': return gt_cli_usage("serve", "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage("serve", "unknown option '%s'", argv[optind - 1]);
		}
		if (!ok)
			return GT_EXIT_USAGE;
	}
	if (optind < argc)
		return gt_cli_usage("serve", "unexpected argument '%s'", argv[optind]);
	struct sockaddr_in sa;
	if (!parse_listen(listen_at, &sa))
		return gt_cli_usage("serve", "--listen '%s': expected an IPv4 address and a port, "
		                             "like 127.0.0.1:8080", listen_at);
	struct gt_srv s = {0};
	struct gt_err err;
	struct gt_audit_key key;
	bool have;
	int rc = gt_cli_audit_key("serve", &k, true, &key, &have);
	if (rc != GT_EXIT_OK)
		return rc;
	struct gt_scenario *sc;
	if ((rc = gt_cli_load_scenario(scenario, &sc)) != GT_EXIT_OK) {
		gt_audit_key_wipe(&key);
		return rc;
	}
	if (!sc->monitoring.present) {
		fprintf(stderr,
		        "guarantor: %s has no monitoring section; the service needs its sectors, "
		        "rules and thresholds (docs/monitor.md, \"The agreement\")\n",
		        sc->file);
		gt_scenario_free(sc);
		gt_audit_key_wipe(&key);
		return GT_EXIT_USAGE;
	}
	s.sc = sc;
	/* the first connection opens (and migrates) the store and says what
	 * it must; the pool opens one more for each other thread. A store that
	 * cannot be written would take nothing, so it is refused. */
	struct gt_store *first;
	rc = gt_cli_open_store(db, "--db", GT_CLI_CREATE, have ? &key : NULL, &first);
	if (rc != GT_EXIT_OK) {
		gt_audit_key_wipe(&key);
		gt_scenario_free(sc);
		return rc;
	}
	struct gt_store_options o = {.audit_key = have ? &key : NULL};
	enum gt_status st = gt_store_writable(first, &err);
	if (st == GT_OK && verify)
		st = verify_before(first, &err);
	if (st != GT_OK)
		gt_store_close(first);
	else
		st = gt_srv_stores_open(first, db, &o, (size_t)threads, (int64_t)max_mb << 20, &s.stores,
		                        &err);
	gt_audit_key_wipe(&key);
	if (st != GT_OK) {
		gt_scenario_free(sc);
		return gt_cli_fail(&err);
	}
	s.threads = (unsigned)threads;
	s.rate = (double)rate;
	s.burst = (double)burst;
	s.conn_total = (unsigned)conns;
	s.conn_per_ip = (unsigned)per_ip;
	s.idle_timeout = (unsigned)idle;
	s.body_memory = (size_t)body_mb << 20;
	s.signin_rate = (double)signins / 60.0;
	s.signin_burst = signins < 10 ? (double)signins : 10.0;
	if (!room_for(conns)) {
		gt_srv_stores_free(s.stores);
		gt_scenario_free(sc);
		return GT_EXIT_FAILURE;
	}
	/* the trace holds what the store does: the owner's alone */
	int trace_fd =
		trace && *trace ? open(trace, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600) : -1;
	if (trace_fd >= 0 && !(s.trace = fdopen(trace_fd, "a")))
		close(trace_fd);
	if (trace && *trace && !s.trace) {
		fprintf(stderr, "guarantor: serve: --trace %s: %s\n", trace, strerror(errno));
		gt_srv_stores_free(s.stores);
		gt_scenario_free(sc);
		return GT_EXIT_FAILURE;
	}
	/* SIGINT and SIGTERM are taken by sigwait below, not by a handler */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	struct gt_srv_daemon *d = gt_srv_start(&s, &sa);
	if (!d) {
		fprintf(stderr, "guarantor: cannot listen on %s\n", listen_at);
		if (s.trace)
			fclose(s.trace);
		gt_srv_stores_free(s.stores);
		gt_scenario_free(sc);
		return GT_EXIT_FAILURE;
	}
	char addr[INET_ADDRSTRLEN];
	inet_ntop(AF_INET, &sa.sin_addr, addr, sizeof(addr));
	/* the store by its public name: a PostgreSQL URL's password stays out
	 * of logs */
	struct gt_store *store = gt_srv_stores_any(s.stores);
	fprintf(stderr, "guarantor: serving the %s store %s (spatial queries: %s) on http://%s:%u/api/v1/\n",
	        gt_store_kind(store), gt_store_name(store), gt_store_spatial(store), addr,
	        gt_srv_port(d));
	int sig = 0;
	sigwait(&stop, &sig);
	fprintf(stderr, "guarantor: stopping: answering the requests under way\n");
	gt_srv_stop(d, DRAIN_S);
	gt_srv_stores_free(s.stores);
	gt_scenario_free(sc);
	if (s.trace && fclose(s.trace) != 0)
		fprintf(stderr, "guarantor: serve: --trace %s: %s\n", trace, strerror(errno));
	fprintf(stderr, "guarantor: stopped (%s)\n", sig == SIGINT ? "interrupt" : "terminate");
	return GT_EXIT_OK;
}

const struct gt_cmd gt_cmd_serve = {
	.name = "serve",
	.summary = "the monitoring service's HTTP API",
	.help = help,
	.help_more = help_options,
	.run = run,
};
