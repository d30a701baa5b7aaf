/* serve.h: what the files of `guarantor serve` share (the .c files of src/serve): the
 * server's state, a request, and the helpers that answer in JSON, check
 * tokens and roles, and read bodies and query strings. Only these files
 * and cmd_serve.c include libmicrohttpd. */
#ifndef GT_SERVE_SERVE_H
#define GT_SERVE_SERVE_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "guarantor/monitor.h"
#include "guarantor/render.h"

struct gt_srv {
	struct gt_store *store;
	struct gt_auth_cache *tokens;
	const struct gt_scenario *sc; /* with a monitoring section */
	/* Rate limits (NULL: none): requests a second per token, at most
	 * burst at once; failed sign-ins per client address. */
	struct gt_srv_limits *limits;
	double rate, burst;               /* 0 rate: no limit */
	double signin_rate, signin_burst; /* 0 rate: no limit */
	unsigned conn_per_ip;  /* open connections from one address; 0: no limit */
	unsigned idle_timeout; /* seconds a connection may send nothing; 0: 30 */
};

/* Checks of tokens not seen before (argon2id, 70 ms each of the daemon's
 * one thread) the whole service makes: 5 a second, 20 at once, a third of
 * the thread at most (an assumption of the service: a restart's sign-ins
 * take a few seconds, a flood of wrong tokens cannot stall it). Its key is
 * apart from every user's and every sign-in's. */
#define GT_SRV_CHECKS_KEY UINT64_MAX
#define GT_SRV_CHECKS_RATE 5.0
#define GT_SRV_CHECKS_BURST 20.0

/* Token buckets (limit.c). take: true when a request of cost
 * (0: only look) may go at now (seconds, monotonic), the cost taken;
 * otherwise OUT: *wait_s until it may. */
struct gt_srv_limits;
struct gt_srv_limits *gt_srv_limits_new(void);
void gt_srv_limits_free(struct gt_srv_limits *l);
bool gt_srv_limits_take(struct gt_srv_limits *l, uint64_t key, double rate, double burst,
                        double cost, double now, double *wait_s);

struct gt_srv_request {
	char *body;
	size_t len, limit;
	bool too_big;
	int64_t id; /* the {id} in the route's path, when it has one */
};

typedef enum MHD_Result (*gt_srv_handler)(struct gt_srv *s, struct MHD_Connection *c,
                                          const struct gt_srv_request *rq);

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

/* Roles as bits for gt_srv_allow. */
#define GT_SRV_ROLE(r) (1u << (r))
#define GT_SRV_EVERYONE                                                                     \
	(GT_SRV_ROLE(GT_ROLE_MONITOR) | GT_SRV_ROLE(GT_ROLE_ANALYST) |                             \
	 GT_SRV_ROLE(GT_ROLE_COMMANDER) | GT_SRV_ROLE(GT_ROLE_MEMBER) | GT_SRV_ROLE(GT_ROLE_OBSERVER))
/* True when the caller's token is good and its role is one of roles;
 * otherwise the 401 or the 403 (saying refusal) is sent and *refused holds
 * the result to return. OUT: *u. */
bool gt_srv_allow(struct gt_srv *s, struct MHD_Connection *c, unsigned roles,
                  const char *refusal, struct gt_user *u, enum MHD_Result *refused);

/* "2026-11-27T10:00:00Z". */
json_t *gt_srv_time(int64_t t);

/* The request's body as a JSON object with no key outside allowed (NULL
 * terminated); an empty body is an empty object. OUT: *root (caller
 * decrefs). Otherwise the 400 is sent and *refused holds the result. */
bool gt_srv_body(struct MHD_Connection *c, const struct gt_srv_request *rq,
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

/* Handlers (reports.c, events.c, decisions.c, daily.c, web.c). */
enum MHD_Result gt_srv_post_report(struct gt_srv *s, struct MHD_Connection *c,
                                   const struct gt_srv_request *rq);
enum MHD_Result gt_srv_post_batch(struct gt_srv *s, struct MHD_Connection *c,
                                  const struct gt_srv_request *rq);
enum MHD_Result gt_srv_get_reports(struct gt_srv *s, struct MHD_Connection *c,
                                   const struct gt_srv_request *rq);
json_t *gt_srv_report_json(const struct gt_report *r, int64_t seq);

json_t *gt_srv_event_json(const struct gt_scenario *sc, const struct gt_event *e);
enum MHD_Result gt_srv_correlate(struct gt_srv *s, struct MHD_Connection *c,
                                 const struct gt_srv_request *rq);
enum MHD_Result gt_srv_get_events(struct gt_srv *s, struct MHD_Connection *c,
                                  const struct gt_srv_request *rq);
enum MHD_Result gt_srv_get_event(struct gt_srv *s, struct MHD_Connection *c,
                                 const struct gt_srv_request *rq);
enum MHD_Result gt_srv_verify(struct gt_srv *s, struct MHD_Connection *c,
                              const struct gt_srv_request *rq);
enum MHD_Result gt_srv_reject(struct gt_srv *s, struct MHD_Connection *c,
                              const struct gt_srv_request *rq);
enum MHD_Result gt_srv_reopen(struct gt_srv *s, struct MHD_Connection *c,
                              const struct gt_srv_request *rq);
enum MHD_Result gt_srv_merge(struct gt_srv *s, struct MHD_Connection *c,
                             const struct gt_srv_request *rq);
enum MHD_Result gt_srv_split(struct gt_srv *s, struct MHD_Connection *c,
                             const struct gt_srv_request *rq);

enum MHD_Result gt_srv_get_breaches(struct gt_srv *s, struct MHD_Connection *c,
                                    const struct gt_srv_request *rq);
enum MHD_Result gt_srv_get_breach(struct gt_srv *s, struct MHD_Connection *c,
                                  const struct gt_srv_request *rq);
enum MHD_Result gt_srv_dismiss(struct gt_srv *s, struct MHD_Connection *c,
                               const struct gt_srv_request *rq);
enum MHD_Result gt_srv_propose(struct gt_srv *s, struct MHD_Connection *c,
                               const struct gt_srv_request *rq);
enum MHD_Result gt_srv_get_proposal(struct gt_srv *s, struct MHD_Connection *c,
                                    const struct gt_srv_request *rq);
enum MHD_Result gt_srv_approve(struct gt_srv *s, struct MHD_Connection *c,
                               const struct gt_srv_request *rq);
enum MHD_Result gt_srv_veto(struct gt_srv *s, struct MHD_Connection *c,
                            const struct gt_srv_request *rq);
enum MHD_Result gt_srv_get_daily(struct gt_srv *s, struct MHD_Connection *c,
                                 const struct gt_srv_request *rq);
enum MHD_Result gt_srv_get_counts(struct gt_srv *s, struct MHD_Connection *c,
                                  const struct gt_srv_request *rq);
enum MHD_Result gt_srv_page(struct gt_srv *s, struct MHD_Connection *c,
                            const struct gt_srv_request *rq);
enum MHD_Result gt_srv_script(struct gt_srv *s, struct MHD_Connection *c,
                              const struct gt_srv_request *rq);
enum MHD_Result gt_srv_style(struct gt_srv *s, struct MHD_Connection *c,
                             const struct gt_srv_request *rq);
enum MHD_Result gt_srv_me(struct gt_srv *s, struct MHD_Connection *c,
                          const struct gt_srv_request *rq);
enum MHD_Result gt_srv_scenario(struct gt_srv *s, struct MHD_Connection *c,
                                const struct gt_srv_request *rq);

/* The daemon (daemon.c): every route, answered by one polling
 * thread, on sa; NULL when it cannot listen. Stop with MHD_stop_daemon. */
struct sockaddr_in;
struct MHD_Daemon *gt_srv_start(struct gt_srv *s, const struct sockaddr_in *sa);
/* "METHOD PATH" of every route, a line each. */
void gt_srv_print_routes(FILE *out);

#endif
