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
 * (a status line split between two reads is missed). */
#include "fuzz.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
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

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_http: %s\n", what);
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
	for (size_t i = 0; i < NUSERS; i++)
		if (gt_store_user_add(store, users[i].name, users[i].role, users[i].member, tokens[i],
		                      &err) != GT_OK)
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
		size_t u = 0;
		while (u < NUSERS && !(size - i >= strlen(users[u].mark) &&
		                       memcmp(data + i, users[u].mark, strlen(users[u].mark)) == 0))
			u++;
		if (u < NUSERS) {
			memcpy(out + k, tokens[u], strlen(tokens[u]));
			k += strlen(tokens[u]);
			i += strlen(users[u].mark);
		}
		else
			out[k++] = (char)data[i++];
	}
	*len = k;
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len;
	char *req = with_tokens(data, size, &len);
	if (!req)
		return 0;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (const struct sockaddr *)&at, sizeof(at)) != 0)
		fail("cannot connect to the daemon");
	for (size_t sent = 0; sent < len;) {
		ssize_t w = send(fd, req + sent, len - sent, MSG_NOSIGNAL);
		if (w <= 0)
			break; /* the daemon closed early: its answer is still read */
		sent += (size_t)w;
	}
	shutdown(fd, SHUT_WR);
	/* the answer, to its end; a daemon that stops answering is a hang */
	char buf[65536];
	struct pollfd p = {fd, POLLIN, 0};
	for (;;) {
		int r = poll(&p, 1, 10000);
		if (r == 0)
			fail("no answer within 10 s");
		ssize_t got = r < 0 ? -1 : recv(fd, buf, sizeof(buf) - 1, 0);
		if (got <= 0)
			break;
		if (getenv("GT_FUZZ_SHOW")) { /* each answer's status line */
			buf[got] = '\0';
			for (const char *l = strstr(buf, "HTTP/1."); l; l = strstr(l + 1, "HTTP/1."))
				printf("%.*s\n", (int)strcspn(l, "\r\n"), l);
		}
	}
	close(fd);
	free(req);
	return 0;
}
