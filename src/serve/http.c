/* http.c: the helpers every route of `guarantor serve` uses:
 * answering in JSON, tokens and roles, bodies and query strings. */
#include "serve/serve.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* A real number of the dump at text (17 significant digits, which
 * jansson writes) in the fewest digits that read back as the same double:
 * a position sent as 37.123456789012345 reads back so, 48.1 as 48.1, and
 * a client resending what it read sends the same numbers (issue 16,
 * finding 9). OUT: the text at out (size at least 32); returns the
 * number's length in text. */
static size_t shortest(const char *text, char out[32])
{
	size_t n = strspn(text, "-+0123456789.eE");
	char num[40];
	snprintf(num, sizeof(num), "%.*s", (int)(n < sizeof(num) ? n : sizeof(num) - 1), text);
	bool real = strpbrk(num, ".eE") != NULL, exponent = strpbrk(num, "eE") != NULL;
	double v = strtod(num, NULL);
	snprintf(out, 32, "%s", num);
	for (int p = 1; real && p <= 17; p++) {
		char try[32];
		snprintf(try, sizeof(try), "%.*g", p, v);
		/* 100000.0 stays so, not 1e+05: an exponent only where jansson
		 * wrote one */
		if (strtod(try, NULL) == v && (exponent || !strpbrk(try, "eE"))) {
			/* keep a real a real: 2.0 is "2.0", not "2" */
			snprintf(out, 32, "%s%s", try, strpbrk(try, ".eEn") ? "" : ".0");
			break;
		}
	}
	return n;
}

/* JSON text with every real number in its shortest exact form. */
static char *dump(const json_t *body)
{
	char *text = json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
	char *out = text ? malloc(strlen(text) + 1) : NULL;
	if (!out) {
		free(text);
		return NULL;
	}
	size_t k = 0;
	bool in_string = false;
	for (const char *p = text; *p;) {
		if (in_string) {
			if (*p == '\\' && p[1]) /* an escape: two characters as they are */
				out[k++] = *p++;
			else if (*p == '"')
				in_string = false;
			out[k++] = *p++;
		} else if (*p == '"') {
			in_string = true;
			out[k++] = *p++;
		} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
			char num[32];
			size_t n = shortest(p, num), len = strlen(num);
			if (len > n) { /* never so; but the buffer is sized by the dump */
				memcpy(num, p, n);
				len = n;
			}
			memcpy(out + k, num, len);
			k += len;
			p += n;
		} else {
			out[k++] = *p++;
		}
	}
	out[k] = '\0';
	free(text);
	return out;
}

/* body (consumed) with status, Retry-After when retry_s > 0 and Allow
 * when allow is not NULL. */
static enum MHD_Result respond_with(struct MHD_Connection *c, unsigned status, json_t *body,
                                    long retry_s, const char *allow)
{
	char *text = body ? dump(body) : NULL;
	json_decref(body);
	if (!text)
		return MHD_NO; /* out of memory: drop the connection rather than lie */
	size_t n = strlen(text);
	struct MHD_Response *r = MHD_create_response_from_buffer(n, text, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(text);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", "application/json");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	if (retry_s > 0) {
		char v[24];
		snprintf(v, sizeof(v), "%ld", retry_s);
		MHD_add_response_header(r, "Retry-After", v);
	}
	if (allow)
		MHD_add_response_header(r, "Allow", allow);
	return gt_srv_send(c, status, r, text, n);
}

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, json_t *body,
                               long retry_s)
{
	return respond_with(c, status, body, retry_s, NULL);
}

enum MHD_Result gt_srv_json(struct MHD_Connection *c, unsigned status, json_t *body)
{
	return respond(c, status, body, 0);
}

static json_t *error_body(unsigned status, const char *field, const char *message)
{
	json_t *e = json_object(), *root = json_object();
	json_object_set_new(e, "status", json_integer(status));
	json_object_set_new(e, "field", field && *field ? json_string(field) : json_null());
	json_object_set_new(e, "message", json_string(message));
	json_object_set_new(root, "error", e);
	return root;
}

enum MHD_Result gt_srv_too_many(struct MHD_Connection *c, double wait_s, const char *message)
{
	long s = (long)wait_s + ((double)(long)wait_s < wait_s);
	char msg[200];
	snprintf(msg, sizeof(msg), "%s; try again in %ld s", message, s < 1 ? 1 : s);
	return respond(c, MHD_HTTP_TOO_MANY_REQUESTS,
	               error_body(MHD_HTTP_TOO_MANY_REQUESTS, NULL, msg), s < 1 ? 1 : s);
}

enum MHD_Result gt_srv_not_allowed(struct MHD_Connection *c, const char *allow,
                                   const char *message)
{
	return respond_with(c, MHD_HTTP_METHOD_NOT_ALLOWED,
	                    error_body(MHD_HTTP_METHOD_NOT_ALLOWED, NULL, message), 0, allow);
}

enum MHD_Result gt_srv_busy(struct MHD_Connection *c, unsigned retry_s, const char *message)
{
	return respond(c, MHD_HTTP_SERVICE_UNAVAILABLE,
	               error_body(MHD_HTTP_SERVICE_UNAVAILABLE, NULL, message), (long)retry_s);
}

enum MHD_Result gt_srv_error(struct MHD_Connection *c, unsigned status, const char *field,
                             const char *message)
{
	return gt_srv_json(c, status, error_body(status, field, message));
}

unsigned gt_srv_http_status(enum gt_status st)
{
	switch (st) {
	case GT_E_SYNTAX:
	case GT_E_SCHEMA:
	case GT_E_RANGE:
	case GT_E_USAGE: return MHD_HTTP_BAD_REQUEST;
	case GT_E_AUTH: return MHD_HTTP_UNAUTHORIZED;
	case GT_E_CONFLICT: return MHD_HTTP_CONFLICT;
	case GT_E_NOTFOUND: return MHD_HTTP_NOT_FOUND;
	case GT_E_FULL: return MHD_HTTP_INSUFFICIENT_STORAGE;
	case GT_E_UNAVAILABLE: return MHD_HTTP_SERVICE_UNAVAILABLE;
	default: return MHD_HTTP_INTERNAL_SERVER_ERROR;
	}
}

enum MHD_Result gt_srv_status_error(struct MHD_Connection *c, enum gt_status st,
                                    const struct gt_err *err)
{
	char msg[700];
	if (st == GT_E_SYNTAX && err->line > 0)
		snprintf(msg, sizeof(msg), "line %d, column %d: %s", err->line, err->column, err->msg);
	else
		snprintf(msg, sizeof(msg), "%s", err->msg);
	gt_err_utf8_fit(msg);
	if (st == GT_E_UNAVAILABLE) /* a store busy or unreachable: soon again */
		return respond(c, MHD_HTTP_SERVICE_UNAVAILABLE,
		               error_body(MHD_HTTP_SERVICE_UNAVAILABLE, err->path, msg), 2);
	return gt_srv_error(c, gt_srv_http_status(st), err->path, msg);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The limiter's key for the bad tokens from the client's address: bit 63
 * set, apart from every user id (a token's own bucket). */
static uint64_t address_key(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	uint64_t addr = 0;
	if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
		addr = ntohl(((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr.s_addr);
	return 1ULL << 63 | addr;
}

static bool take(struct gt_srv_daemon *d, uint64_t key, double rate, double burst, double cost,
                 double *wait)
{
	pthread_mutex_lock(&d->limits_lock);
	bool ok = gt_srv_limits_take(d->limits, key, rate, burst, cost, now_s(), wait);
	pthread_mutex_unlock(&d->limits_lock);
	return ok;
}

static void charge(struct gt_srv_daemon *d, uint64_t key, double rate, double burst,
                   double cost)
{
	pthread_mutex_lock(&d->limits_lock);
	gt_srv_limits_charge(d->limits, key, rate, burst, cost, now_s());
	pthread_mutex_unlock(&d->limits_lock);
}

void gt_srv_charge(struct gt_srv_call *k, size_t n)
{
	const struct gt_srv *cfg = k->daemon->cfg;
	if (cfg->rate > 0 && n > 0)
		charge(k->daemon, (uint64_t)k->user.id, cfg->rate, cfg->burst, (double)n);
}

/* How long a token not seen before waits for the one argon2id check at a
 * time before 503. An assumption: long enough for the sign-ins of a
 * restart (argon2id's 70 ms is about 14 a second), short of a client's
 * patience. */
enum { CHECK_WAIT_S = 5 };

/* Marks a check under way from the address (its limiter key); false
 * when one is under way from there already. At most one slot a thread. */
static bool claim_address(struct gt_srv_daemon *d, uint64_t key)
{
	pthread_mutex_lock(&d->limits_lock);
	size_t free_slot = GT_SRV_THREADS_MAX;
	bool busy = false;
	for (size_t i = 0; i < GT_SRV_THREADS_MAX && !busy; i++) {
		busy = d->checking_from[i] == key;
		if (d->checking_from[i] == 0 && free_slot == GT_SRV_THREADS_MAX)
			free_slot = i;
	}
	bool mine = !busy && free_slot < GT_SRV_THREADS_MAX;
	if (mine)
		d->checking_from[free_slot] = key;
	pthread_mutex_unlock(&d->limits_lock);
	return mine;
}

static void release_address(struct gt_srv_daemon *d, uint64_t key)
{
	pthread_mutex_lock(&d->limits_lock);
	for (size_t i = 0; i < GT_SRV_THREADS_MAX; i++)
		if (d->checking_from[i] == key)
			d->checking_from[i] = 0;
	pthread_mutex_unlock(&d->limits_lock);
}

static double level(struct gt_srv_daemon *d, uint64_t key, double rate, double burst)
{
	pthread_mutex_lock(&d->limits_lock);
	double v = gt_srv_limits_level(d->limits, key, rate, burst, now_s());
	pthread_mutex_unlock(&d->limits_lock);
	return v;
}

/* A token not seen before, checked with argon2id, one check at a time:
 * - an address that has sent too many bad tokens lately (--failed-signins)
 *   is refused (429) without a check;
 * - one check at a time from one address (its other new tokens wait their
 *   turn, and the same token checked meanwhile is then known);
 * - fewer threads than the daemon has wait for a check, so that one is
 *   always left to the requests of those signed in;
 * - of them, one at most for addresses that sent any bad token lately, so
 *   that a flood from any number of them leaves the other waiting threads
 *   to first sign-ins from elsewhere.
 * OUT: *sent true when the refusal (429, 503) is sent already, in
 * *refused. */
static enum gt_status check_new(struct gt_srv_daemon *d, struct gt_store *st,
                                struct MHD_Connection *c, const char *token, struct gt_user *u,
                                bool *sent, enum MHD_Result *refused, struct gt_err *err)
{
	const struct gt_srv *cfg = d->cfg;
	uint64_t key = address_key(c);
	/* a token naming no user who may sign in is refused without argon2id */
	int64_t id;
	enum gt_status s = gt_store_token_claim(st, token, &id, err);
	if (s != GT_OK)
		return s;
	bool limited = cfg->signin_rate > 0, suspect = false;
	if (limited) {
		double left = level(d, key, cfg->signin_rate, cfg->signin_burst);
		if (left < 1.0) {
			*refused = gt_srv_too_many(c, (1.0 - left) / cfg->signin_rate,
			                           "too many bad tokens from this address");
			*sent = true;
			return GT_E_AUTH;
		}
		suspect = left < cfg->signin_burst - 0.5;
	}
	/* a lane: the suspects' one, then one of those of all; those refused
	 * there never count among the threads waiting */
	unsigned lanes = cfg->threads > 1 ? cfg->threads - 1 : 1;
	bool in_suspect = suspect && atomic_fetch_add(&d->suspect, 1) < 1;
	bool in_lane = (!suspect || in_suspect) && atomic_fetch_add(&d->checking, 1) < lanes;
	bool done = false;
	if (in_lane) {
		/* the address's turn: its other requests may be checking this very
		 * token, which is then known and costs nothing */
		double deadline = now_s() + CHECK_WAIT_S;
		bool mine = false, known = false;
		while (!(mine = claim_address(d, key)) &&
		       !(known = gt_auth_cache_knows(d->tokens, token)) && now_s() < deadline)
			nanosleep(&(struct timespec){0, 5 * 1000000L}, NULL);
		struct timespec until = gt_srv_deadline(CHECK_WAIT_S * 1000);
		if (known && (s = gt_store_authenticate_known(st, d->tokens, token, u, err)) !=
		                     GT_E_NOTFOUND) {
			done = true; /* (a token the cache lost meanwhile waits no more: 503) */
		} else if (mine && pthread_mutex_timedlock(&d->check_lock, &until) == 0) {
			s = gt_store_authenticate_cached(st, d->tokens, token, u, err);
			pthread_mutex_unlock(&d->check_lock);
			done = true;
		}
		if (mine)
			release_address(d, key);
	}
	if (!suspect || in_suspect)
		atomic_fetch_sub(&d->checking, 1);
	if (suspect)
		atomic_fetch_sub(&d->suspect, 1);
	if (!done) {
		*refused = gt_srv_busy(c, 1, "the service is busy checking new tokens; try again");
		*sent = true;
		return GT_E_UNAVAILABLE;
	}
	if (s == GT_E_AUTH && limited)
		charge(d, key, cfg->signin_rate, cfg->signin_burst, 1);
	return s;
}

bool gt_srv_authenticate(struct gt_srv_daemon *d, struct gt_store *st, struct MHD_Connection *c,
                         struct gt_user *u, enum MHD_Result *refused)
{
	struct gt_err err;
	const struct gt_srv *cfg = d->cfg;
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
	/* the scheme's name is case-insensitive (RFC 9110, 11.1) */
	if (!h || strncasecmp(h, "Bearer ", 7) != 0) {
		*refused = gt_srv_error(c, MHD_HTTP_UNAUTHORIZED, NULL,
		                        "missing token; send Authorization: Bearer <token>");
		return false;
	}
	const char *token = h + 7;
	bool sent = false;
	/* a token seen before costs one keyed hash; a new one, argon2id under
	 * check_new's limits (one that left the cache meanwhile included) */
	enum gt_status s = gt_store_authenticate_known(st, d->tokens, token, u, &err);
	if (s == GT_E_NOTFOUND)
		s = check_new(d, st, c, token, u, &sent, refused, &err);
	if (sent)
		return false;
	if (s != GT_OK) {
		/* a token refused, or a store that could not say (503, 500) */
		*refused = s == GT_E_AUTH ? gt_srv_error(c, MHD_HTTP_UNAUTHORIZED, NULL, err.msg)
		                          : gt_srv_status_error(c, s, &err);
		return false;
	}
	double wait;
	if (cfg->rate > 0 && !take(d, (uint64_t)u->id, cfg->rate, cfg->burst, 1, &wait)) {
		char msg[120];
		snprintf(msg, sizeof(msg), "over this token's limit of %g requests a second", cfg->rate);
		*refused = gt_srv_too_many(c, wait, msg);
		return false;
	}
	return true;
}

struct timespec gt_srv_deadline(unsigned ms)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

json_t *gt_srv_time(int64_t t)
{
	char buf[GT_TIME_UTC_SIZE];
	return json_string(gt_time_format_utc(t, buf));
}

bool gt_srv_body(struct MHD_Connection *c, const char *body, size_t len,
                 const char *const *allowed, json_t **root, enum MHD_Result *refused)
{
	*root = NULL;
	if (len == 0) {
		*root = json_object();
		if (!*root)
			*refused = MHD_NO;
		return *root != NULL;
	}
	json_error_t je;
	json_t *r = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	char msg[300];
	if (!r) {
		snprintf(msg, sizeof(msg), "line %d, column %d: %s", je.line, je.column, je.text);
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, NULL, msg);
		return false;
	}
	if (!json_is_object(r)) {
		json_decref(r);
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, NULL, "expected a JSON object");
		return false;
	}
	const char *key;
	json_t *v;
	json_object_foreach(r, key, v) {
		bool known = false;
		for (size_t i = 0; allowed[i] && !known; i++)
			known = strcmp(allowed[i], key) == 0;
		if (!known && !allowed[0]) {
			*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, key,
			                        "unknown field; this route takes an empty body or {}");
			json_decref(r);
			return false;
		}
		if (!known) {
			size_t used = (size_t)snprintf(msg, sizeof(msg), "unknown field; expected ");
			for (size_t i = 0; allowed[i] && used < sizeof(msg); i++)
				used += (size_t)snprintf(msg + used, sizeof(msg) - used, "%s%s",
				                         i ? ", " : "", allowed[i]);
			*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, key, msg);
			json_decref(r);
			return false;
		}
	}
	*root = r;
	return true;
}

bool gt_srv_note(struct MHD_Connection *c, json_t *root, const char **note,
                 enum MHD_Result *refused)
{
	json_t *n = json_object_get(root, "note");
	*note = "";
	if (!n)
		return true;
	if (!json_is_string(n) || json_string_length(n) > 1000 ||
	    strlen(json_string_value(n)) != json_string_length(n)) {
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, "note",
		                        "expected text of up to 1,000 bytes");
		return false;
	}
	*note = json_string_value(n);
	return true;
}

bool gt_srv_query_time(struct MHD_Connection *c, const char *name, int64_t *out,
                       enum MHD_Result *refused)
{
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
	if (!v || gt_time_parse_utc(v, out))
		return true;
	*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, name,
	                        "expected a UTC time like 2026-11-27T10:00:00Z");
	return false;
}

bool gt_srv_query_int(struct MHD_Connection *c, const char *name, int64_t lo, int64_t hi,
                      const char *expected, int64_t *out, enum MHD_Result *refused)
{
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
	if (!v)
		return true;
	/* digits only: no sign, no spaces, nothing after, nothing too long */
	int64_t x = 0;
	bool ok = *v != '\0';
	for (const char *p = v; ok && *p; p++) {
		ok = *p >= '0' && *p <= '9' && x <= (INT64_MAX - (*p - '0')) / 10;
		x = ok ? 10 * x + (*p - '0') : x;
	}
	if (!ok || x < lo || x > hi) {
		*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, name, expected);
		return false;
	}
	*out = x;
	return true;
}

bool gt_srv_query_page(struct MHD_Connection *c, const char *what, int64_t *after,
                       int64_t *limit, enum MHD_Result *refused)
{
	char expected[96];
	snprintf(expected, sizeof(expected), "expected %s, 0 or more", what);
	*after = 0;
	*limit = 100;
	return gt_srv_query_int(c, "after", 0, INT64_MAX, expected, after, refused) &&
	       gt_srv_query_int(c, "limit", 1, 1000, "expected a whole number from 1 to 1000", limit,
	                        refused);
}

void gt_srv_next_after(json_t *root, size_t n, int64_t limit, int64_t last)
{
	json_object_set_new(root, "next_after",
	                    n == (size_t)limit && n > 0 ? json_integer(last) : json_null());
}

bool gt_srv_query_set(struct MHD_Connection *c, const char *name, const char *(*name_of)(int),
                      int count, unsigned *mask, enum MHD_Result *refused)
{
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
	while (v && *v) {
		size_t len = strcspn(v, ",");
		int k = 0;
		while (k < count && !(strlen(name_of(k)) == len && strncmp(name_of(k), v, len) == 0))
			k++;
		if (k == count) {
			char msg[200] = "expected ";
			for (int i = 0; i < count; i++)
				snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), "%s%s",
				         i == 0 ? "" : i + 1 < count ? ", " : " or ", name_of(i));
			snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), ", separated by commas");
			*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, name, msg);
			return false;
		}
		*mask |= 1u << k;
		v += len + (v[len] == ',');
	}
	return true;
}

struct query_check {
	const char *allowed; /* comma-separated names */
	const char *bad;     /* the first name not allowed, or repeated */
	bool repeated;
	char seen[16][24];
	size_t nseen;
};

static bool listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p += len + (p[len] == ',');
	}
	return false;
}

static enum MHD_Result check_one(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
	(void)kind, (void)value;
	struct query_check *q = cls;
	if (!listed(q->allowed, key)) {
		q->bad = key;
		return MHD_NO;
	}
	for (size_t i = 0; i < q->nseen; i++)
		if (strcmp(q->seen[i], key) == 0) {
			q->bad = key;
			q->repeated = true;
			return MHD_NO;
		}
	if (q->nseen < 16)
		snprintf(q->seen[q->nseen++], sizeof(q->seen[0]), "%s", key);
	return MHD_YES;
}

bool gt_srv_query_names(struct MHD_Connection *c, const char *allowed, enum MHD_Result *refused)
{
	struct query_check q = {.allowed = allowed};
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, check_one, &q);
	if (!q.bad)
		return true;
	char msg[200];
	if (q.repeated)
		snprintf(msg, sizeof(msg), "given twice; give each parameter once");
	else if (*allowed)
		snprintf(msg, sizeof(msg), "unknown parameter; expected %s", allowed);
	else
		snprintf(msg, sizeof(msg), "unknown parameter; this route takes none");
	*refused = gt_srv_error(c, MHD_HTTP_BAD_REQUEST, q.bad, msg);
	return false;
}
