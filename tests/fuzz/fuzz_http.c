/* fuzz_http.c: the service as a client meets it: an input is the raw bytes
 * of an HTTP request (request line, headers, query string, body), sent
 * over loopback to `guarantor serve`'s own daemon running in this process
 * on a store in memory, and the answer read to its end.
 *
 * So that requests get past authentication, "@MONITOR@", "@ANALYST@",
 * "@COMMANDER@", "@MEMBER@" (France's) and "@OBSERVER@" in an input are
 * replaced by those users' tokens before it is sent. The store and the
 * daemon last the whole run: later requests meet what earlier ones made.
 * GT_FUZZ_SHOW=1 prints each answer's status line, to check the seeds
 * (a status line split between two reads is missed).
 *
 * Built to run for hours (issue 16): libFuzzer's -timeout timer raises
 * SIGALRM every timeout/2 + 1 s without SA_RESTART, so connect, send, poll
 * and recv are each resumed when a signal interrupts them (a connect cut
 * short this way once ended a run as "cannot connect", and a poll cut
 * short let the next input start before the answer was read). Each
 * connection comes from an address of its own in 127.128.0.0/16, so that
 * the TIME_WAIT of past connections, which the daemon's side keeps for
 * 60 s after it closes, never meets a new one: 65,534 addresses, each
 * used once every 65,534 inputs. */
#include "fuzz.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "guarantor/monitor.h"
#include "guarantor/scenario.h"
#include "serve/serve.h"

static struct gt_srv srv;
static struct gt_srv_daemon *daemon_;
static struct sockaddr_in at;

static const struct {
	const char *mark, *name, *member;
	enum gt_role role;
} users[] = {
	{"@MONITOR@", "kt3", NULL, GT_ROLE_MONITOR},
	{"@ANALYST@", "desk", NULL, GT_ROLE_ANALYST},
	{"@COMMANDER@", "cmd", NULL, GT_ROLE_COMMANDER},
	{"@MEMBER@", "paris", "FR", GT_ROLE_MEMBER},
	{"@OBSERVER@", "press", NULL, GT_ROLE_OBSERVER},
};
enum { NUSERS = sizeof(users) / sizeof(users[0]) };
static char tokens[NUSERS][GT_TOKEN_MAX];

static bool show; /* GT_FUZZ_SHOW */
static size_t mark_len[NUSERS], token_len[NUSERS];

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_http: %s (%s)\n", what, strerror(errno));
	exit(1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	struct gt_err err;
	struct gt_scenario *sc;
	if (gt_scenario_load_builtin(&sc, &err) != GT_OK)
		fail(err.msg);
	srv.sc = sc;
	struct gt_store *store;
	if (gt_store_open(":memory:", &store, &err) != GT_OK)
		fail(err.msg);
	/* the seeds' observers (make-http-seeds.py) */
	static const char *const observers[] = {"team 1", "team 2", "team 3", "x"};
	for (size_t i = 0; i < NUSERS; i++)
		if (gt_store_user_add(store, users[i].name, users[i].role, users[i].member, tokens[i],
		                      &err) != GT_OK ||
		    (users[i].role == GT_ROLE_MONITOR &&
		     gt_store_user_observe(store, users[i].name, observers, 4, &err) != GT_OK))
			fail(err.msg);
	if (!(srv.stores = gt_srv_stores_wrap(store)))
		fail("out of memory");
	memset(&at, 0, sizeof(at));
	at.sin_family = AF_INET;
	at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	daemon_ = gt_srv_start(&srv, &at);
	if (!daemon_ || gt_srv_port(daemon_) == 0)
		fail("cannot start the daemon on loopback");
	at.sin_port = htons((uint16_t)gt_srv_port(daemon_));
	for (size_t i = 0; i < NUSERS; i++) {
		mark_len[i] = strlen(users[i].mark);
		token_len[i] = strlen(tokens[i]);
	}
	show = getenv("GT_FUZZ_SHOW") != NULL;
	return 0;
}

/* data with each user's mark replaced by their token. OUT: *len. */
static char *with_tokens(const uint8_t *data, size_t size, size_t *len)
{
	char *out = malloc(size * (GT_TOKEN_MAX / 7 + 1) + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < size;) {
		size_t u = NUSERS;
		if (data[i] == '@')
			for (u = 0; u < NUSERS && !(size - i >= mark_len[u] &&
			                            memcmp(data + i, users[u].mark, mark_len[u]) == 0);)
				u++;
		if (u < NUSERS) {
			memcpy(out + k, tokens[u], token_len[u]);
			k += token_len[u];
			i += mark_len[u];
		}
		else
			out[k++] = (char)data[i++];
	}
	*len = k;
	return out;
}

/* Seconds on the monotonic clock. */
static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Waits until the deadline for events on fd, through signals; 0: none came. */
static int wait_for(int fd, short events, double deadline)
{
	struct pollfd p = {fd, events, 0};
	for (;;) {
		double left = deadline - now_s();
		int r = left > 0 ? poll(&p, 1, (int)(left * 1000) + 1) : 0;
		if (r >= 0)
			return r;
		if (errno != EINTR)
			fail("poll");
	}
}

/* A connection to the daemon from the next address of 127.128.0.0/16
 * (from 127.0.0.1 where the system has no such addresses, as on macOS). */
static int connect_daemon(void)
{
	static uint32_t next;
	static bool one_address;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		fail("cannot make a socket");
	struct sockaddr_in from;
	memset(&from, 0, sizeof(from));
	from.sin_family = AF_INET;
	from.sin_addr.s_addr = htonl(0x7f800000u | (next++ % 0xfffeu + 1)); /* .0.1 to .255.254 */
#ifdef IP_BIND_ADDRESS_NO_PORT /* Linux: the port is then chosen at connect, for the 4-tuple */
	int one = 1;
	setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof(one));
#endif
	if (!one_address && bind(fd, (const struct sockaddr *)&from, sizeof(from)) != 0) {
		if (errno != EADDRNOTAVAIL)
			fail("cannot bind to a loopback address");
		one_address = true;
		close(fd);
		return connect_daemon();
	}
	if (connect(fd, (const struct sockaddr *)&at, sizeof(at)) == 0)
		return fd;
	if (errno != EINTR)
		fail("cannot connect to the daemon");
	/* interrupted, the connect goes on: wait for its outcome */
	int err = 0;
	socklen_t len = sizeof(err);
	if (wait_for(fd, POLLOUT, now_s() + 10) == 0 ||
	    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || (errno = err) != 0)
		fail("cannot connect to the daemon");
	return fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len;
	char *req = with_tokens(data, size, &len);
	if (!req)
		return 0;
	int fd = connect_daemon();
	for (size_t sent = 0; sent < len;) {
		ssize_t w = send(fd, req + sent, len - sent, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break; /* the daemon closed early: its answer is still read */
		sent += (size_t)w;
	}
	shutdown(fd, SHUT_WR);
	/* the answer, to its end; a daemon that stops answering is a hang */
	char buf[65536];
	for (double deadline = now_s() + 10;;) {
		if (wait_for(fd, POLLIN, deadline) == 0) {
			errno = ETIMEDOUT;
			fail("no answer within 10 s");
		}
		ssize_t got = recv(fd, buf, sizeof(buf) - 1, 0);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		deadline = now_s() + 10;
		if (show) { /* each answer's status line */
			buf[got] = '\0';
			for (const char *l = strstr(buf, "HTTP/1."); l; l = strstr(l + 1, "HTTP/1."))
				printf("%.*s\n", (int)strcspn(l, "\r\n"), l);
		}
	}
	close(fd);
	free(req);
	return 0;
}
