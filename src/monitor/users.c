/* users.c: users, roles and bearer tokens. A token is "gt1.<id>.<secret>"
 * with 32 random bytes of secret; the store keeps only an argon2id hash of
 * it (libsodium's crypto_pwhash_str, interactive limits). */
#include "monitor/sql.h"
#include "monitor/store_priv.h"

#include <ctype.h>
#include <inttypes.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const role_names[GT_ROLE_COUNT] = {"monitor", "analyst", "commander",
                                                      "member", "observer"};

const char *gt_role_name(enum gt_role r)
{
	return (unsigned)r < GT_ROLE_COUNT ? role_names[r] : "?";
}

bool gt_role_parse(const char *s, enum gt_role *out)
{
	for (int i = 0; i < GT_ROLE_COUNT; i++) {
		if (strcmp(s, role_names[i]) == 0) {
			*out = (enum gt_role)i;
			return true;
		}
	}
	return false;
}

static bool valid_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 63)
		return false;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '.' || *s == '-' || *s == '_'))
			return false;
	return true;
}

static bool valid_code(const char *s)
{
	return s && strlen(s) == 2 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]);
}

enum gt_status gt_store_user_add(struct gt_store *st, const char *name, enum gt_role role,
                                 const char *member, char token[GT_TOKEN_MAX],
                                 struct gt_err *err)
{
	token[0] = '\0';
	if (!valid_name(name))
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "name",
		                  "'%s' is not a valid user name; expected 1 to 63 letters, digits, "
		                  "'.', '-' or '_'",
		                  name);
	if ((unsigned)role >= GT_ROLE_COUNT)
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "role", "unknown role");
	if (role == GT_ROLE_MEMBER && !valid_code(member))
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "member",
		                  "a member representative needs the ISO code of the government it "
		                  "speaks for (two capital letters), got '%s'",
		                  member ? member : "");
	if (role != GT_ROLE_MEMBER && member && *member)
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "member",
		                  "only member representatives speak for a government");
	enum gt_status s = gt__store_begin(st, err);
	if (s != GT_OK)
		return s;
	/* the row first, for its id; the token's hash goes in once made */
	struct gt__q *q;
	char now[32];
	gt__store_now(now);
	if (!gt__q_prepare(st, "INSERT INTO users (name, role, member, token_hash, created, observers)"
	                       " VALUES (?, ?, ?, '', ?, ?) RETURNING id", &q)) {
		s = gt__store_fail(st, err, "cannot add the user");
		goto out_rollback;
	}
	gt__q_bind_text(q, 1, name);
	gt__q_bind_text(q, 2, gt_role_name(role));
	gt__q_bind_text(q, 3, role == GT_ROLE_MEMBER ? member : "");
	gt__q_bind_text(q, 4, now);
	/* a monitor reports as itself until told otherwise */
	gt__q_bind_text(q, 5, role == GT_ROLE_MONITOR ? name : "");
	int rc = gt__q_step(q);
	int64_t id = rc == GT__ROW ? gt__q_int64(q, 0) : 0;
	if (rc == GT__ROW)
		rc = gt__q_step(q);
	gt__q_finalize(q);
	if (rc == GT__CONSTRAINT) {
		s = gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "name", "user '%s' already exists", name);
		goto out_rollback;
	}
	if (rc != GT__DONE) {
		s = gt__store_fail(st, err, "cannot add the user");
		goto out_rollback;
	}
	unsigned char secret[32];
	char b64[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
	randombytes_buf(secret, sizeof(secret));
	sodium_bin2base64(b64, sizeof(b64), secret, sizeof(secret),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(secret, sizeof(secret));
	char tok[GT_TOKEN_MAX], hash[crypto_pwhash_STRBYTES];
	snprintf(tok, sizeof(tok), "gt1.%" PRId64 ".%s", id, b64);
	if (crypto_pwhash_str(hash, tok, strlen(tok), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		sodium_memzero(tok, sizeof(tok));
		s = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory hashing the token");
		goto out_rollback;
	}
	if (!gt__q_prepare(st, "UPDATE users SET token_hash = ? WHERE id = ?", &q)) {
		s = gt__store_fail(st, err, "cannot add the user");
		goto out_rollback;
	}
	gt__q_bind_text(q, 1, hash);
	gt__q_bind_int64(q, 2, id);
	rc = gt__q_step(q);
	gt__q_finalize(q);
	gt__store_touch(st, GT__T_USERS, id);
	char detail[128];
	snprintf(detail, sizeof(detail), "role=%s member=%s", gt_role_name(role),
	         role == GT_ROLE_MEMBER ? member : "");
	if (rc != GT__DONE || (s = gt__store_audit(st, "cli", "user.add", name, detail, err)) !=
	                                 GT_OK) {
		if (rc != GT__DONE)
			s = gt__store_fail(st, err, "cannot add the user");
		goto out_rollback;
	}
	if ((s = gt__store_commit(st, err)) != GT_OK)
		goto out_rollback;
	snprintf(token, GT_TOKEN_MAX, "%s", tok);
	sodium_memzero(tok, sizeof(tok));
	return GT_OK;
out_rollback:
	gt__store_rollback(st);
	return s;
}

/* One change to the named user's row, in its own transaction, audited:
 * sql an UPDATE with two parameters, value and the name, that returns the
 * row's id when it applies. missing: the message when it applies to none. */
static enum gt_status change_user(struct gt_store *st, const char *sql, const char *value,
                                  const char *name, const char *action, const char *detail,
                                  const char *missing, struct gt_err *err)
{
	enum gt_status s = gt__store_begin(st, err);
	if (s != GT_OK)
		return s;
	struct gt__q *q;
	if (!gt__q_prepare(st, sql, &q)) {
		s = gt__store_fail(st, err, "cannot change the user");
		goto out_rollback;
	}
	gt__q_bind_text(q, 1, value);
	gt__q_bind_text(q, 2, name);
	int rc = gt__q_step(q);
	bool found = rc == GT__ROW;
	if (found) {
		gt__store_touch(st, GT__T_USERS, gt__q_int64(q, 0));
		rc = gt__q_step(q);
	}
	gt__q_finalize(q);
	if (rc != GT__DONE) {
		s = gt__store_fail(st, err, "cannot change the user");
		goto out_rollback;
	}
	if (!found) {
		s = gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "name", missing, name);
		goto out_rollback;
	}
	if ((s = gt__store_audit(st, "cli", action, name, detail, err)) != GT_OK ||
	    (s = gt__store_commit(st, err)) != GT_OK)
		goto out_rollback;
	return GT_OK;
out_rollback:
	gt__store_rollback(st);
	return s;
}

enum gt_status gt_store_user_revoke(struct gt_store *st, const char *name, struct gt_err *err)
{
	char now[32];
	gt__store_now(now);
	return change_user(st,
	                   "UPDATE users SET revoked = ? WHERE name = ? AND revoked IS NULL"
	                   " RETURNING id",
	                   now, name, "user.revoke", "", "no user '%s' with a live token", err);
}

/* A user's columns, as read_user reads them. */
#define USER_COLS "id, name, role, member, created, revoked, observers"

static void read_user(struct gt__q *q, struct gt_user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = gt__q_int64(q, 0);
	snprintf(u->name, sizeof(u->name), "%s", gt__q_text(q, 1));
	gt_role_parse(gt__q_text(q, 2), &u->role);
	snprintf(u->member, sizeof(u->member), "%s", gt__q_text(q, 3));
	snprintf(u->created, sizeof(u->created), "%s", gt__q_text(q, 4));
	u->revoked = !gt__q_null(q, 5);
	snprintf(u->observers, sizeof(u->observers), "%s", gt__q_text(q, 6));
}

/* --- observers ------------------------------------------------------------ */

bool gt_observer_name_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n >= GT_OBSERVER_MAX || s[0] == ' ' || s[n - 1] == ' ')
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

bool gt_observers_include(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && memcmp(p, name, n) == 0)
			return true;
		p += len + (end != NULL);
	}
	return false;
}

char *gt_observers_join(const char *list, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (const char *p = list; *p && used + 1 < size;) {
		size_t len = strcspn(p, "\n");
		int w = snprintf(out + used, size - used, "%s%.*s", p == list ? "" : ", ", (int)len, p);
		used = w > 0 && (size_t)w < size - used ? used + (size_t)w : size - 1;
		p += len + (p[len] == '\n');
	}
	return out;
}

enum gt_status gt_store_user_observe(struct gt_store *st, const char *name,
                                     const char *const *observers, size_t n, struct gt_err *err)
{
	char list[GT_OBSERVERS_SIZE] = "";
	if (n == 0 || n > GT_OBSERVERS_MAX)
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "observers",
		                  "expected 1 to %d observers, got %zu", GT_OBSERVERS_MAX, n);
	for (size_t i = 0; i < n; i++) {
		if (!gt_observer_name_valid(observers[i]))
			return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "observers",
			                  "'%s' is not a valid observer name; expected 1 to %d bytes "
			                  "without control characters or spaces at either end",
			                  observers[i], GT_OBSERVER_MAX - 1);
		if (gt_observers_include(list, observers[i]))
			return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "observers",
			                  "'%s' is named twice", observers[i]);
		size_t used = strlen(list);
		snprintf(list + used, sizeof(list) - used, "%s%s", i ? "\n" : "", observers[i]);
	}
	char detail[GT_OBSERVERS_SIZE + 16];
	snprintf(detail, sizeof(detail), "observers=%s", list);
	for (char *p = detail; *p; p++)
		*p = *p == '\n' ? '|' : *p;
	return change_user(st,
	                   "UPDATE users SET observers = ? WHERE name = ? AND role = 'monitor'"
	                   " AND revoked IS NULL RETURNING id",
	                   list, name, "user.observers", detail,
	                   "no monitor '%s' with a live token: only a monitor reports as observers",
	                   err);
}

enum gt_status gt_store_users(struct gt_store *st, struct gt_user **users, size_t *n,
                              struct gt_err *err)
{
	*users = NULL;
	*n = 0;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " USER_COLS " FROM users ORDER BY id", &q))
		return gt__store_fail(st, err, "cannot list the users");
	int rc;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		struct gt_user *grown = realloc(*users, (*n + 1) * sizeof(*grown));
		if (!grown) {
			gt__q_finalize(q);
			free(*users);
			*users = NULL;
			*n = 0;
			return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
		}
		*users = grown;
		read_user(q, &grown[(*n)++]);
	}
	gt__q_finalize(q);
	if (rc != GT__DONE) {
		free(*users);
		*users = NULL;
		*n = 0;
		return gt__store_fail(st, err, "cannot list the users");
	}
	return GT_OK;
}

/* "gt1.<id>.<secret>": the id finds the row, the hash checks the rest.
 * False for anything else. OUT: *id. */
static bool token_id(const char *token, int64_t *id)
{
	int used = 0;
	size_t len = token ? strlen(token) : 0;
	*id = 0;
	return len > 0 && len < GT_TOKEN_MAX && sscanf(token, "gt1.%" SCNd64 ".%n", id, &used) == 1 &&
	       used > 0 && *id > 0;
}

enum gt_status gt_store_authenticate(struct gt_store *st, const char *token, struct gt_user *out,
                                     struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	int64_t id;
	if (!token_id(token, &id))
		return gt_err_set(err, GT_E_AUTH, NULL, 0, 0, NULL, "invalid token");
	size_t len = strlen(token);
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " USER_COLS ", token_hash FROM users WHERE id = ?", &q))
		return gt__store_fail(st, err, "cannot read the users");
	gt__q_bind_int64(q, 1, id);
	enum gt_status s = gt_err_set(err, GT_E_AUTH, NULL, 0, 0, NULL, "invalid token");
	int rc = gt__q_step(q);
	if (rc != GT__ROW && rc != GT__DONE)
		s = gt__store_fail(st, err, "cannot read the users");
	if (rc == GT__ROW) {
		const char *hash = gt__q_text(q, 7);
		read_user(q, out);
		if (!out->revoked && hash && crypto_pwhash_str_verify(hash, token, len) == 0)
			s = GT_OK;
	}
	gt__q_finalize(q);
	if (s != GT_OK)
		memset(out, 0, sizeof(*out));
	else
		gt_err_clear(err);
	return s;
}

enum { CACHE_SLOTS = 256 };

struct gt_auth_cache {
	pthread_mutex_t lock; /* over the slots; never held while argon2id runs */
	unsigned char key[crypto_generichash_KEYBYTES];
	struct {
		bool used;
		unsigned char hash[32];
		int64_t id;
	} slot[CACHE_SLOTS];
	size_t next; /* the slot the next new token takes, round robin */
};

enum gt_status gt_auth_cache_new(struct gt_auth_cache **out)
{
	*out = NULL;
	if (sodium_init() < 0)
		return GT_E_INTERNAL;
	struct gt_auth_cache *c = calloc(1, sizeof(*c));
	if (!c)
		return GT_E_NOMEM;
	crypto_generichash_keygen(c->key);
	pthread_mutex_init(&c->lock, NULL);
	*out = c;
	return GT_OK;
}

void gt_auth_cache_free(struct gt_auth_cache *c)
{
	if (!c)
		return;
	pthread_mutex_destroy(&c->lock);
	sodium_memzero(c, sizeof(*c));
	free(c);
}

/* The user with this id, unless revoked. */
static enum gt_status live_user(struct gt_store *st, int64_t id, struct gt_user *out,
                                struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT " USER_COLS " FROM users WHERE id = ?", &q))
		return gt__store_fail(st, err, "cannot read the users");
	gt__q_bind_int64(q, 1, id);
	enum gt_status s = gt_err_set(err, GT_E_AUTH, NULL, 0, 0, NULL, "invalid token");
	int rc = gt__q_step(q);
	if (rc != GT__ROW && rc != GT__DONE)
		s = gt__store_fail(st, err, "cannot read the users");
	if (rc == GT__ROW) {
		read_user(q, out);
		if (!out->revoked) {
			s = GT_OK;
			gt_err_clear(err);
		}
	}
	gt__q_finalize(q);
	return s;
}

/* The user id remembered for token, or 0. OUT: h, its keyed hash. Every
 * slot is compared, in constant time. */
static int64_t cache_find(struct gt_auth_cache *c, const char *token, size_t len,
                          unsigned char h[32])
{
	crypto_generichash(h, 32, (const unsigned char *)token, len, c->key, sizeof(c->key));
	int64_t id = 0;
	pthread_mutex_lock(&c->lock);
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		if (c->slot[i].used && sodium_memcmp(c->slot[i].hash, h, 32) == 0)
			id = c->slot[i].id;
	pthread_mutex_unlock(&c->lock);
	return id;
}

/* Forgets the token with hash h (its user revoked), or remembers it for id. */
static void cache_set(struct gt_auth_cache *c, const unsigned char h[32], int64_t id)
{
	pthread_mutex_lock(&c->lock);
	if (id == 0) {
		for (size_t i = 0; i < CACHE_SLOTS; i++)
			if (c->slot[i].used && sodium_memcmp(c->slot[i].hash, h, 32) == 0)
				c->slot[i].used = false;
	} else {
		size_t k = c->next++ % CACHE_SLOTS;
		c->slot[k].used = true;
		memcpy(c->slot[k].hash, h, 32);
		c->slot[k].id = id;
	}
	pthread_mutex_unlock(&c->lock);
}

bool gt_auth_cache_knows(struct gt_auth_cache *c, const char *token)
{
	unsigned char h[32];
	size_t len = token ? strlen(token) : 0;
	return len > 0 && len < GT_TOKEN_MAX && cache_find(c, token, len, h) != 0;
}

enum gt_status gt_store_token_claim(struct gt_store *st, const char *token, int64_t *id,
                                    struct gt_err *err)
{
	struct gt_user u;
	if (!token_id(token, id))
		return gt_err_set(err, GT_E_AUTH, NULL, 0, 0, NULL, "invalid token");
	return live_user(st, *id, &u, err);
}

enum gt_status gt_store_authenticate_known(struct gt_store *st, struct gt_auth_cache *c,
                                           const char *token, struct gt_user *out,
                                           struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	size_t len = token ? strlen(token) : 0;
	unsigned char h[32];
	int64_t id = len > 0 && len < GT_TOKEN_MAX ? cache_find(c, token, len, h) : 0;
	if (id == 0)
		return gt_err_set(err, GT_E_NOTFOUND, NULL, 0, 0, NULL, "a token not seen before");
	enum gt_status s = live_user(st, id, out, err);
	if (s == GT_E_AUTH)
		cache_set(c, h, 0); /* revoked since */
	return s;
}

enum gt_status gt_store_authenticate_cached(struct gt_store *st, struct gt_auth_cache *c,
                                            const char *token, struct gt_user *out,
                                            struct gt_err *err)
{
	size_t len = token ? strlen(token) : 0;
	if (len == 0 || len >= GT_TOKEN_MAX)
		return gt_store_authenticate(st, token, out, err);
	unsigned char h[32];
	int64_t id = cache_find(c, token, len, h);
	if (id != 0) {
		enum gt_status s = live_user(st, id, out, err);
		if (s == GT_E_AUTH)
			cache_set(c, h, 0); /* revoked since */
		return s;
	}
	enum gt_status s = gt_store_authenticate(st, token, out, err);
	if (s == GT_OK)
		cache_set(c, h, out->id);
	return s;
}
