/* serve.h: what the files of `guarantor serve` share (the .c files of src/serve): the
 * server's state, a request, and the helpers that answer in JSON, check
 * tokens and roles, and read bodies and query strings. Only these files
 * and cmd_serve.c include libmicrohttpd. */
#ifndef GT_SERVE_SERVE_H
#define GT_SERVE_SERVE_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "guarantor/monitor.h"
#include "guarantor/render.h"

/* What `guarantor serve` is asked to run: filled by the caller, read by
 * the daemon, which keeps its own state apart (daemon.c). */
struct gt_srv {
	const struct gt_scenario *sc; /* with a monitoring section */
	/* Connections to the store, one for each thread that may use it at
	 * once (stores.c). */
	struct gt_srv_stores *stores;
	unsigned threads; /* threads answering requests; 0: 1 */
	/* Rate limits: requests (and reports in a batch) a second per token,
	 * at most burst at once; sign-ins with a bad token per client address,
	 * at most signin_burst at once. 0 rate: no limit. */
	double rate, burst;
	double signin_rate, signin_burst;
	unsigned conn_total;   /* open connections in all; 0: 1024 */
	unsigned conn_per_ip;  /* open connections from one address; 0: no limit */
	unsigned idle_timeout; /* seconds a connection may send nothing; 0: 30 */
	size_t body_memory;    /* bytes of request bodies held at once; 0: 256 MiB */
	/* Assumptions: a connection of the pool comes free within 2 s when
	 * there are as many as threads; a decision recorded within 10 s of
	 * its deadline is on time for a process measured in hours (a read
	 * shows it at once). */
	unsigned store_wait_ms; /* wait for a store connection before 503; 0: 2000 */
	unsigned clock_s;       /* settle past deadlines every clock_s seconds; 0: 10 */
	FILE *trace; /* every answer as a JSON line (send.c), by write(2); NULL: none */
};

/* Token buckets (limit.c). take: true when a request of cost (0: only
 * look) may go at now (seconds, monotonic), the cost taken; otherwise OUT:
 * *wait_s until it may. charge takes cost whatever the bucket holds, so
 * that it may go into debt (a batch's reports after it was stored), or
 * with a negative cost gives it back, never over burst. Not
 * safe from several threads at once: the daemon locks around them. */
struct gt_srv_limits;
struct gt_srv_limits *gt_srv_limits_new(void);
void gt_srv_limits_free(struct gt_srv_limits *l);
bool gt_srv_limits_take(struct gt_srv_limits *l, uint64_t key, double rate, double burst,
                        double cost, double now, double *wait_s);
void gt_srv_limits_charge(struct gt_srv_limits *l, uint64_t key, double rate, double burst,
                          double cost, double now);
/* What the bucket of key holds at now (burst when full or new). */
double gt_srv_limits_level(struct gt_srv_limits *l, uint64_t key, double rate, double burst,
                           double now);

/* A pool of connections to one store (stores.c), safe from several
 * threads. open: first (opened by the caller, and the pool's from now on,
 * even on failure) and n - 1 more to path with o, each limited to
 * max_bytes (0: no limit). wrap: a pool of the one store st, which stays the caller's (a
 * store in memory cannot be opened twice). take: a connection, waiting up
 * to wait_ms for one; NULL when none came free. give: it back. */
struct gt_srv_stores;
GT_MUST_CHECK enum gt_status gt_srv_stores_open(struct gt_store *first, const char *path,
                                                const struct gt_store_options *o, size_t n,
                                                int64_t max_bytes, struct gt_srv_stores **out,
                                                struct gt_err *err);
struct gt_srv_stores *gt_srv_stores_wrap(struct gt_store *st);
struct gt_store *gt_srv_stores_take(struct gt_srv_stores *p, unsigned wait_ms);
void gt_srv_stores_give(struct gt_srv_stores *p, struct gt_store *st);
/* The first connection, for what is said of the store at start. */
struct gt_store *gt_srv_stores_any(struct gt_srv_stores *p);
void gt_srv_stores_free(struct gt_srv_stores *p);

/* A running daemon's state (daemon.c), shared by its threads. */
/* The most threads a daemon answers on: an assumption, far above the
 * cores of the machines the service is meant for (the default is 4). */
#define GT_SRV_THREADS_MAX 64

struct gt_srv_daemon {
	const struct gt_srv *cfg;
	struct MHD_Daemon *mhd;
	struct gt_auth_cache *tokens; /* tokens checked before: safe from any thread */
	struct gt_srv_limits *limits; /* under limits_lock */
	pthread_mutex_t limits_lock;
	/* An argon2id check of a token not seen before (70 ms of a core and
	 * 64 MiB) is made one at a time, so that a flood of them leaves the
	 * other threads and cores to the requests of those signed in. */
	pthread_mutex_t check_lock;
	atomic_uint checking; /* threads checking or waiting to */
	atomic_uint suspect;  /* of them, for addresses that sent bad tokens lately */
	/* the addresses (their limiter keys) with a check under way, one
	 * check each; 0 a free slot; under limits_lock */
	uint64_t checking_from[GT_SRV_THREADS_MAX];
	/* One writer at a time in this process: SQLite's busy handler makes a
	 * waiting writer sleep and retry rather than queue, which would cost
	 * the tail (docs/performance.md); writers queue here instead. */
	pthread_mutex_t write_lock;
	atomic_size_t buffered; /* bytes of request bodies held */
	atomic_uint active;     /* requests under way */
	pthread_mutex_t trace_lock; /* one line of the trace at a time */
	/* the clock that settles proposals past their deadline */
	pthread_t clock;
	bool clock_running, stopping;
	pthread_mutex_t clock_lock;
	pthread_cond_t clock_wake;
};

/* One request, as the route's handler sees it: the dispatch has checked
 * the query's names, the caller's token and role, and the body against
 * the route before the handler runs (daemon.c). */
struct gt_srv_call {
	const struct gt_scenario *sc;
	struct gt_store *store; /* a connection of the pool, this call's alone */
	struct gt_user user;    /* the caller, on routes with roles */
	json_t *body;           /* a JSON body's object, its keys the route's */
	const char *raw;        /* a raw body (the report routes parse their own) */
	size_t len;
	int64_t id;  /* the {id} in the route's path, when it has one */
	int64_t now; /* when the request came, UTC seconds */
	struct gt_srv_daemon *daemon;
};

typedef enum MHD_Result (*gt_srv_handler)(struct gt_srv_call *k, struct MHD_Connection *c);

/* Charges the caller's rate limit for n more reports than the request's
 * one (a batch's), after they were stored. */
void gt_srv_charge(struct gt_srv_call *k, size_t n);

/* Queues r (consumed) with status, adding WWW-Authenticate to a 401, and
 * writes the exchange to the trace (body, len: what r holds, for it).
 * send_for: the request the calling thread answers from now on. */
enum MHD_Result gt_srv_send(struct MHD_Connection *c, unsigned status, struct MHD_Response *r,
                            const char *body, size_t len);
void gt_srv_send_for(struct gt_srv_daemon *d, const char *method, const char *url);
/* in as printable ASCII for a message or the trace: bytes outside it, and
 * '%', as %XX; cut with "..." to fit size. Returns out. */
const char *gt_srv_shown(const char *in, char *out, size_t size);
#define GT_SRV_SHOWN_MAX 100 /* room for a path in a message */

/* Sends body (consumed) with status; MHD_NO when out of memory. */
enum MHD_Result gt_srv_json(struct MHD_Connection *c, unsigned status, json_t *body);
/* {"error": {"status", "field", "message"}}; field may be NULL. */
enum MHD_Result gt_srv_error(struct MHD_Connection *c, unsigned status, const char *field,
                             const char *message);
/* The error a refused call gives, its HTTP status from its gt_status, with
 * the line and column when a body did not parse. */
enum MHD_Result gt_srv_status_error(struct MHD_Connection *c, enum gt_status st,
                                    const struct gt_err *err);
unsigned gt_srv_http_status(enum gt_status st);

/* Roles as bits, for the route table. */
#define GT_SRV_ROLE(r) (1u << (r))
#define GT_SRV_EVERYONE                                                                     \
	(GT_SRV_ROLE(GT_ROLE_MONITOR) | GT_SRV_ROLE(GT_ROLE_ANALYST) |                             \
	 GT_SRV_ROLE(GT_ROLE_COMMANDER) | GT_SRV_ROLE(GT_ROLE_MEMBER) | GT_SRV_ROLE(GT_ROLE_OBSERVER))

/* The caller's token (http.c): true when it names a user who may sign in,
 * OUT: *u; otherwise the 401, 429 or 503 is sent and *refused holds the
 * result to return. A token not checked before costs an argon2id check,
 * one at a time in the whole daemon; a client address that has sent too
 * many bad tokens is refused before it is spent. */
bool gt_srv_authenticate(struct gt_srv_daemon *d, struct gt_store *st, struct MHD_Connection *c,
                         struct gt_user *u, enum MHD_Result *refused);
/* 429 with Retry-After, whole seconds rounded up. */
enum MHD_Result gt_srv_too_many(struct MHD_Connection *c, double wait_s, const char *message);
/* 405 with Allow: allow (e.g. "GET, HEAD"). */
enum MHD_Result gt_srv_not_allowed(struct MHD_Connection *c, const char *allow,
                                   const char *message);
/* 503 with Retry-After retry_s. */
enum MHD_Result gt_srv_busy(struct MHD_Connection *c, unsigned retry_s, const char *message);

/* CLOCK_REALTIME ms from now, for pthread's timed waits. */
struct timespec gt_srv_deadline(unsigned ms);

/* "2026-11-27T10:00:00Z". */
json_t *gt_srv_time(int64_t t);

/* A body as a JSON object with no key outside allowed (NULL terminated);
 * an empty body is an empty object. OUT: *root (caller decrefs).
 * Otherwise the 400 is sent and *refused holds the result. */
bool gt_srv_body(struct MHD_Connection *c, const char *body, size_t len,
                 const char *const *allowed, json_t **root, enum MHD_Result *refused);
/* The body's optional "note" (text up to 1,000 bytes) or "". Otherwise the
 * 400 is sent. */
bool gt_srv_note(struct MHD_Connection *c, json_t *root, const char **note,
                 enum MHD_Result *refused);

/* Query parameters. Each returns true when the parameter is absent (out
 * unchanged) or good; otherwise the 400 naming it is sent. */
bool gt_srv_query_time(struct MHD_Connection *c, const char *name, int64_t *out,
                       enum MHD_Result *refused);
bool gt_srv_query_int(struct MHD_Connection *c, const char *name, int64_t lo, int64_t hi,
                      const char *expected, int64_t *out, enum MHD_Result *refused);

/* A page of a list: ?after=ID (0 or more; `what` names the id in the
 * error, "an event's id") and ?limit=N (1-1000, default 100). */
bool gt_srv_query_page(struct MHD_Connection *c, const char *what, int64_t *after,
                       int64_t *limit, enum MHD_Result *refused);
/* Sets root's "next_after": the last id of a full page, else null. */
void gt_srv_next_after(json_t *root, size_t n, int64_t limit, int64_t last);

/* A comma-separated set of names in parameter `name`, each one of
 * name_of(0..count-1): OUT: the bit (1 << k) of each added to *mask. */
bool gt_srv_query_set(struct MHD_Connection *c, const char *name, const char *(*name_of)(int),
                      int count, unsigned *mask, enum MHD_Result *refused);

/* True when the query string names only parameters in allowed (comma-
 * separated; "" for none), each once; otherwise the 400 is sent. */
bool gt_srv_query_names(struct MHD_Connection *c, const char *allowed, enum MHD_Result *refused);

/* The routes' handlers (reports.c, events.c, decisions.c, daily.c, web.c). */
enum MHD_Result gt_srv_post_report(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_post_batch(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_get_reports(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_correlate(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_get_events(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_get_event(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_verify(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_reject(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_reopen(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_merge(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_split(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_get_breaches(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_get_breach(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_dismiss(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_propose(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_get_proposal(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_approve(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_veto(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_get_daily(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_get_counts(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_page(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_script(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_style(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_me(struct gt_srv_call *k, struct MHD_Connection *c);
enum MHD_Result gt_srv_scenario(struct gt_srv_call *k, struct MHD_Connection *c);
json_t *gt_srv_report_json(const struct gt_report *r, int64_t seq);
json_t *gt_srv_event_json(const struct gt_scenario *sc, const struct gt_event *e);

/* The daemon (daemon.c): every route on sa, answered by s->threads
 * threads; NULL when it cannot listen (a message on standard error). s
 * must outlive it. */
struct sockaddr_in;
struct gt_srv_daemon *gt_srv_start(const struct gt_srv *s, const struct sockaddr_in *sa);
/* The port it listens on. */
unsigned gt_srv_port(const struct gt_srv_daemon *d);
/* Stops taking connections, lets the requests under way finish and their
 * answers go out (up to drain_s seconds), then stops and frees. */
void gt_srv_stop(struct gt_srv_daemon *d, unsigned drain_s);
/* "METHOD PATH" of every route, a line each. */
void gt_srv_print_routes(FILE *out);

#endif
