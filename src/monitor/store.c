/* store.c: the monitoring store whatever its database: opening the one the
 * address names (a file for SQLite, a postgresql:// URL), the versioned
 * migrations, and the hash-chained audit log. */
#include "monitor/sql.h"
#include "monitor/sql_impl.h"
#include "monitor/store_priv.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static bool is_postgres(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0;
}

/* An address meant for PostgreSQL but not as a URL guarantor reads: a
 * scheme in other letters, or libpq's key=value settings. Refused rather
 * than taken for a SQLite file's name (and shown, password and all). */
static bool is_other_postgres(const char *path)
{
	static const char *const keys[] = {"host=", "hostaddr=", "dbname=", "user=", "password=",
	                                   "port=", "service="};
	if (strncasecmp(path, "postgres", 8) == 0)
		return true;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *k = strstr(path, keys[i]);
		if (k && (k == path || k[-1] == ' '))
			return true;
	}
	return false;
}

void gt__store_now(char out[32])
{
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Brings the schema up to GT_STORE_SCHEMA, one migration per transaction.
 * The version is read again inside each, so that two servers starting on
 * one new database do not both migrate it. */
static enum gt_status migrate(struct gt_store *st, struct gt_err *err)
{
	const struct gt__sql_ops *ops = st->ops;
	if (ops->version(st) == GT_STORE_SCHEMA)
		return GT_OK; /* the usual case: nothing to lock */
	for (;;) {
		enum gt_status s = ops->begin_schema(st, err);
		if (s != GT_OK)
			return s;
		int v = ops->version(st);
		if (v < 0 || v > GT_STORE_SCHEMA) {
			ops->rollback(st);
			if (v < 0)
				return ops->fail(st, err, "cannot read the store's schema version");
			return gt_err_set(err, GT_E_SCHEMA, st->path, 0, 0, NULL,
			                  "the store has schema %d, newer than this guarantor knows (%d); "
			                  "use a newer guarantor",
			                  v, GT_STORE_SCHEMA);
		}
		if (v == GT_STORE_SCHEMA) {
			ops->rollback(st);
			return GT_OK;
		}
		if ((s = ops->exec(st, ops->migrations[v], err)) != GT_OK ||
		    (s = ops->set_version(st, v + 1, err)) != GT_OK) {
			ops->rollback(st);
			return s;
		}
		if ((s = ops->commit(st, err)) != GT_OK)
			return s;
	}
}

enum gt_status gt_store_open(const char *path, struct gt_store **out, struct gt_err *err)
{
	*out = NULL;
	if (sodium_init() < 0)
		return gt_err_set(err, GT_E_INTERNAL, NULL, 0, 0, NULL, "libsodium cannot start");
	if (!is_postgres(path) && is_other_postgres(path))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
		                  "--db: a PostgreSQL store is named by a URL that begins "
		                  "postgresql:// (in lower case), not by key=value settings");
	struct gt_store *st;
	enum gt_status s = is_postgres(path) ? gt__pg_open(path, &st, err)
	                                     : gt__sqlite_open(path, &st, err);
	if (s != GT_OK)
		return s;
	if ((s = migrate(st, err)) != GT_OK ||
	    (st->ops->spatial && (s = st->ops->spatial(st, err)) != GT_OK)) {
		gt_store_close(st);
		return s;
	}
	*out = st;
	return GT_OK;
}

void gt_store_close(struct gt_store *st)
{
	if (st)
		st->ops->close(st);
}

enum gt_status gt_store_limit(struct gt_store *st, int64_t max_bytes, struct gt_err *err)
{
	return st->ops->limit(st, max_bytes, err);
}

enum gt_status gt_store_writable(struct gt_store *st, struct gt_err *err)
{
	return st->ops->writable(st, err);
}

const char *gt_store_kind(const struct gt_store *st)
{
	return st->ops->name;
}

const char *gt_store_name(const struct gt_store *st)
{
	return st->path;
}

const char *gt_store_spatial(const struct gt_store *st)
{
	return st->postgis[0] ? st->postgis : "guarantor";
}

const char *gt__store_near_sql(struct gt_store *st)
{
	return st->ops->near_sql ? st->ops->near_sql(st) : NULL;
}

/* The entry's hash: BLAKE2b-256 over the previous hash and each field,
 * each field preceded by its length so that no two entries can collide by
 * moving a boundary. */
static void entry_hash(const unsigned char prev[32], int64_t seq, const char *at,
                       const char *actor, const char *action, const char *object,
                       const char *detail, unsigned char out[32])
{
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 32);
	crypto_generichash_update(&h, prev, 32);
	unsigned char s[8];
	for (int i = 0; i < 8; i++)
		s[i] = (unsigned char)((uint64_t)seq >> (8 * i));
	crypto_generichash_update(&h, s, sizeof(s));
	const char *fields[] = {at, actor, action, object, detail};
	for (size_t f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
		uint64_t len = strlen(fields[f]);
		unsigned char l[8];
		for (int i = 0; i < 8; i++)
			l[i] = (unsigned char)(len >> (8 * i));
		crypto_generichash_update(&h, l, sizeof(l));
		crypto_generichash_update(&h, (const unsigned char *)fields[f], len);
	}
	crypto_generichash_final(&h, out, 32);
}

enum gt_status gt__store_audit(struct gt_store *st, const char *actor, const char *action,
                               const char *object, const char *detail, struct gt_err *err)
{
	unsigned char prev[32] = {0}, hash[32];
	int64_t seq = 1;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", &q))
		return gt__store_fail(st, err, "cannot read the audit log");
	int rc = gt__q_step(q);
	if (rc == GT__ROW) {
		seq = gt__q_int64(q, 0) + 1;
		if (gt__q_bytes(q, 1) == 32)
			memcpy(prev, gt__q_blob(q, 1), 32);
	}
	gt__q_finalize(q);
	if (rc != GT__ROW && rc != GT__DONE)
		return gt__store_fail(st, err, "cannot read the audit log");
	char at[32];
	gt__store_now(at);
	entry_hash(prev, seq, at, actor, action, object, detail, hash);
	if (!gt__q_prepare(st, "INSERT INTO audit (seq, at, actor, action, object, detail, prev, hash)"
	                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &q))
		return gt__store_fail(st, err, "cannot write the audit log");
	gt__q_bind_int64(q, 1, seq);
	gt__q_bind_text(q, 2, at);
	gt__q_bind_text(q, 3, actor);
	gt__q_bind_text(q, 4, action);
	gt__q_bind_text(q, 5, object);
	gt__q_bind_text(q, 6, detail);
	gt__q_bind_blob(q, 7, prev, 32);
	gt__q_bind_blob(q, 8, hash, 32);
	rc = gt__q_step(q);
	gt__q_finalize(q);
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot write the audit log");
}

/* The log is read in pages by sequence, so that checking a long one takes
 * little memory whatever the database. */
enum { AUDIT_PAGE = 10000 };

enum gt_status gt_store_audit_verify(struct gt_store *st, int64_t *entries, struct gt_err *err)
{
	*entries = 0;
	unsigned char prev[32] = {0};
	int64_t expect = 1, after = 0;
	for (;;) {
		struct gt__q *q;
		if (!gt__q_prepare(st, "SELECT seq, at, actor, action, object, detail, prev, hash FROM audit"
		                       " WHERE seq > ? ORDER BY seq LIMIT ?", &q))
			return gt__store_fail(st, err, "cannot read the audit log");
		gt__q_bind_int64(q, 1, after);
		gt__q_bind_int64(q, 2, AUDIT_PAGE);
		enum gt_status s = GT_OK;
		int rc;
		int64_t rows = 0;
		while ((rc = gt__q_step(q)) == GT__ROW) {
			int64_t seq = gt__q_int64(q, 0);
			const char *f[5];
			for (int i = 0; i < 5; i++) {
				const char *t = gt__q_text(q, 1 + i);
				f[i] = t ? t : "";
			}
			unsigned char want[32];
			entry_hash(prev, seq, f[0], f[1], f[2], f[3], f[4], want);
			bool prev_ok = gt__q_bytes(q, 6) == 32 && memcmp(gt__q_blob(q, 6), prev, 32) == 0;
			bool hash_ok = gt__q_bytes(q, 7) == 32 && memcmp(gt__q_blob(q, 7), want, 32) == 0;
			if (seq != expect || !prev_ok || !hash_ok) {
				s = gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
				               "audit entry %lld %s; the log was altered from there on",
				               (long long)(seq != expect ? expect : seq),
				               seq != expect ? "is missing"
				               : !prev_ok    ? "does not follow the entry before it"
				                             : "does not match its hash");
				break;
			}
			memcpy(prev, want, 32);
			expect++;
			after = seq;
			rows++;
			(*entries)++;
		}
		gt__q_finalize(q);
		if (s != GT_OK)
			return s;
		if (rc != GT__DONE)
			return gt__store_fail(st, err, "cannot read the audit log");
		if (rows < AUDIT_PAGE)
			return GT_OK;
	}
}

enum gt_status gt_store_audit_hash(struct gt_store *st, int64_t seq, int64_t *found,
                                   char hex[65], struct gt_err *err)
{
	struct gt__q *q;
	hex[0] = '\0';
	*found = 0;
	if (!gt__q_prepare(st, seq > 0 ? "SELECT seq, hash FROM audit WHERE seq = ?"
	                               : "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", &q))
		return gt__store_fail(st, err, "cannot read the audit log");
	if (seq > 0)
		gt__q_bind_int64(q, 1, seq);
	int rc = gt__q_step(q);
	if (rc == GT__ROW && gt__q_bytes(q, 1) == 32) {
		*found = gt__q_int64(q, 0);
		sodium_bin2hex(hex, 65, gt__q_blob(q, 1), 32);
	}
	gt__q_finalize(q);
	if (rc != GT__ROW && rc != GT__DONE)
		return gt__store_fail(st, err, "cannot read the audit log");
	if (seq > 0 && !*found)
		return gt_err_set(err, GT_E_NOTFOUND, st->path, 0, 0, NULL,
		                  "audit entry %lld is missing", (long long)seq);
	return GT_OK;
}
