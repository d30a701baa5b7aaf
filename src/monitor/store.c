/* store.c: the monitoring store whatever its database: opening the one the
 * address names (a file for SQLite, a postgresql:// URL), to write or to
 * read only, and the versioned migrations, with the rebinding of a store's
 * rows to its audit chain when it moves to schema 5 or later (audit.c has
 * the chain). */
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

/* The schema from which rows are bound to the chain; the one that
 * registers observers. */
enum { SCHEMA_ROWS_BOUND = 5, SCHEMA_OBSERVERS = 6 };

/* Schema 5 binds rows to the audit chain, and schema 6 changes what some
 * rows hold: a store that had data, moving from schema `from`, binds every
 * row as it stands to one entry (made with the opener's key, if any), so
 * that from here on each row is held to a digest of its present form.
 * What was changed behind guarantor's back before is bound with it:
 * docs/operations.md says to verify a store before upgrading. */
static enum gt_status rebind(struct gt_store *st, int from, struct gt_err *err)
{
	const struct gt__sql_ops *ops = st->ops;
	enum gt_status s;
	int64_t n, entries;
	char head[65], detail[160], object[16];
	/* servers of an older guarantor may still be writing: wait for them */
	if (ops->lock_writers && (s = ops->lock_writers(st, err)) != GT_OK)
		return s;
	if ((s = gt_store_audit_hash(st, 0, &entries, head, err)) != GT_OK ||
	    (s = gt__rows_touch_all(st, &n, err)) != GT_OK)
		return s;
	if (n == 0 && entries == 0)
		return GT_OK; /* a new store: nothing to bind */
	snprintf(object, sizeof(object), "schema %d", GT_STORE_SCHEMA);
	snprintf(detail, sizeof(detail),
	         "every row as it stood when the store moved to schema %d: %lld rows, after %lld "
	         "entries of schema %d",
	         GT_STORE_SCHEMA, (long long)n, (long long)entries, from);
	return gt__store_audit(st, "guarantor", "audit.rebind", object, detail, err);
}

/* Sets account's observers to list ("" leaves a monitor reporting as
 * itself, below). */
static bool set_observers(struct gt__q *set, int64_t account, const char *list)
{
	if (!*list)
		return true;
	gt__q_reset(set);
	gt__q_bind_text(set, 1, list);
	gt__q_bind_int64(set, 2, account);
	return gt__q_step(set) == GT__DONE;
}

/* Schema 6 registers observers: each account may report as the observers
 * its reports already named, the GT_OBSERVERS_MAX it named most, those
 * whose names are valid (older reports took any text); a monitor that has
 * none reports as itself. The others' old reports stay as they are. */
static enum gt_status register_observers(struct gt_store *st, struct gt_err *err)
{
	struct gt__q *q, *set;
	if (!gt__q_prepare(st, "SELECT submitted_by, observer FROM reports"
	                       " GROUP BY submitted_by, observer"
	                       " ORDER BY submitted_by, count(*) DESC, observer", &q))
		return gt__store_fail(st, err, "cannot register the observers");
	if (!gt__q_prepare(st, "UPDATE users SET observers = ? WHERE id = ?", &set)) {
		gt__q_finalize(q);
		return gt__store_fail(st, err, "cannot register the observers");
	}
	char list[GT_OBSERVERS_SIZE] = "";
	int64_t account = 0;
	int n = 0, rc;
	bool ok = true;
	while (ok && (rc = gt__q_step(q)) == GT__ROW) {
		int64_t by = gt__q_int64(q, 0);
		const char *name = gt__q_text(q, 1);
		if (by != account) {
			ok = set_observers(set, account, list);
			account = by;
			list[0] = '\0';
			n = 0;
		}
		if (n < GT_OBSERVERS_MAX && name && gt_observer_name_valid(name)) {
			size_t used = strlen(list);
			snprintf(list + used, sizeof(list) - used, "%s%s", n ? "\n" : "", name);
			n++;
		}
	}
	ok = ok && rc == GT__DONE && set_observers(set, account, list);
	gt__q_finalize(q);
	gt__q_finalize(set);
	if (!ok)
		return gt__store_fail(st, err, "cannot register the observers");
	if (!gt__q_prepare(st, "UPDATE users SET observers = name"
	                       " WHERE role = 'monitor' AND observers = ''", &q))
		return gt__store_fail(st, err, "cannot register the observers");
	rc = gt__q_step(q);
	gt__q_finalize(q);
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot register the observers");
}

/* Brings the schema up to GT_STORE_SCHEMA in one transaction, so that a
 * store is either as it was or wholly migrated and its rows bound to the
 * chain as they now are. The version is read again inside it, so that two
 * servers starting on one new database do not both migrate it. */
static enum gt_status migrate(struct gt_store *st, struct gt_err *err)
{
	const struct gt__sql_ops *ops = st->ops;
	if (ops->version(st) == GT_STORE_SCHEMA)
		return GT_OK; /* the usual case: nothing to lock */
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
	const int from = v;
	/* rows bound by an older guarantor are held to their chain before the
	 * move binds them anew: a store that does not verify stays as it is */
	struct gt_audit_summary sum;
	if (from >= SCHEMA_ROWS_BOUND && (s = gt__audit_verify_as(st, from, false, &sum, err)) != GT_OK &&
	    !(s == GT_E_INTEGRITY && sum.empty)) {
		ops->rollback(st);
		if (s == GT_E_INTEGRITY) {
			size_t n = strlen(err->msg);
			snprintf(err->msg + n, sizeof(err->msg) - n,
			         "; the store (schema %d) is not moved to schema %d until it verifies",
			         from, GT_STORE_SCHEMA);
			gt_err_utf8_fit(err->msg);
		}
		return s;
	}
	s = GT_OK;
	gt__store_untouch(st);
	for (; v < GT_STORE_SCHEMA && s == GT_OK; v++)
		if ((s = ops->exec(st, ops->migrations[v], err)) == GT_OK && v + 1 == SCHEMA_OBSERVERS)
			s = register_observers(st, err);
	if (s != GT_OK || (s = rebind(st, from, err)) != GT_OK ||
	    (s = ops->set_version(st, GT_STORE_SCHEMA, err)) != GT_OK) {
		ops->rollback(st);
		gt__store_untouch(st);
		return s;
	}
	return ops->commit(st, err);
}

/* A store opened to read only must be a store of this schema: it cannot
 * be migrated, and reading another could misread it. */
static enum gt_status check_read_only(struct gt_store *st, struct gt_err *err)
{
	int v = st->ops->version(st);
	if (v < 0)
		return st->ops->fail(st, err, "cannot read the store's schema version");
	if (v == 0)
		return gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL,
		                  "not a guarantor store (it is empty, or holds no guarantor schema)");
	if (v > GT_STORE_SCHEMA)
		return gt_err_set(err, GT_E_SCHEMA, st->path, 0, 0, NULL,
		                  "the store has schema %d, newer than this guarantor knows (%d); "
		                  "use a newer guarantor",
		                  v, GT_STORE_SCHEMA);
	if (v < GT_STORE_SCHEMA)
		return gt_err_set(err, GT_E_SCHEMA, st->path, 0, 0, NULL,
		                  "the store has schema %d, older than this guarantor's (%d); a "
		                  "command that writes (guarantor serve, users add, correlate), run "
		                  "with the audit key, brings it up to date",
		                  v, GT_STORE_SCHEMA);
	return GT_OK;
}

enum gt_status gt_store_open_with(const char *path, const struct gt_store_options *o,
                                  struct gt_store **out, struct gt_err *err)
{
	static const struct gt_store_options none = {0};
	*out = NULL;
	o = o ? o : &none;
	if (sodium_init() < 0)
		return gt_err_set(err, GT_E_INTERNAL, NULL, 0, 0, NULL, "libsodium cannot start");
	if (!is_postgres(path) && is_other_postgres(path))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
		                  "--db: a PostgreSQL store is named by a URL that begins "
		                  "postgresql:// (in lower case), not by key=value settings");
	struct gt_store *st;
	enum gt_status s = is_postgres(path) ? gt__pg_open(path, o->read_only, &st, err)
	                                     : gt__sqlite_open(path, o->read_only, &st, err);
	if (s != GT_OK)
		return s;
	st->read_only = o->read_only;
	if (o->audit_key) {
		st->keyed = true;
		memcpy(st->key, o->audit_key->bytes, sizeof(st->key));
		gt__audit_key_id_raw(st->key, st->key_id);
	}
	if (o->read_only)
		s = check_read_only(st, err);
	else if ((s = migrate(st, err)) == GT_OK)
		s = gt__audit_key_check(st, err);
	if (s == GT_OK && st->ops->spatial)
		s = st->ops->spatial(st, err);
	if (s != GT_OK) {
		gt_store_close(st);
		return s;
	}
	*out = st;
	return GT_OK;
}

enum gt_status gt_store_open(const char *path, struct gt_store **out, struct gt_err *err)
{
	return gt_store_open_with(path, NULL, out, err);
}

void gt_store_close(struct gt_store *st)
{
	if (!st)
		return;
	sodium_memzero(st->key, sizeof(st->key));
	free(st->touched);
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
