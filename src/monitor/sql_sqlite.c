/* sql_sqlite.c: the monitoring store on SQLite: a file in WAL mode with
 * full synchronisation, checked when opened; a statement is an
 * sqlite3_stmt. With schema.c's dialect, the only file that calls SQLite. */
#include "monitor/sql.h"
#include "monitor/sql_impl.h"
#include "monitor/store_priv.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lite_store {
	struct gt_store base;
	sqlite3 *db;
};

struct lite_q {
	struct gt__q base;
	sqlite3_stmt *s;
};

static const struct gt__sql_ops lite_ops;

static sqlite3 *db_of(struct gt_store *st)
{
	return ((struct lite_store *)(void *)st)->db;
}

static sqlite3_stmt *raw(struct gt__q *q)
{
	return ((struct lite_q *)(void *)q)->s;
}

static bool lite_prepare(struct gt_store *st, const char *sql, struct gt__q **out)
{
	*out = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db_of(st), sql, -1, &s, NULL) != SQLITE_OK)
		return false;
	struct lite_q *q = malloc(sizeof(*q));
	if (!q) {
		sqlite3_finalize(s);
		return false;
	}
	q->base.ops = &lite_ops;
	q->s = s;
	*out = &q->base;
	return true;
}

static void lite_finalize(struct gt__q *q)
{
	sqlite3_finalize(raw(q));
	free(q);
}

static void lite_reset(struct gt__q *q)
{
	sqlite3_reset(raw(q));
}

static void lite_bind_int64(struct gt__q *q, int i, int64_t v)
{
	sqlite3_bind_int64(raw(q), i, v);
}

static void lite_bind_double(struct gt__q *q, int i, double v)
{
	sqlite3_bind_double(raw(q), i, v);
}

static void lite_bind_text(struct gt__q *q, int i, const char *s)
{
	sqlite3_bind_text(raw(q), i, s, -1, SQLITE_TRANSIENT);
}

static void lite_bind_blob(struct gt__q *q, int i, const void *p, int n)
{
	sqlite3_bind_blob(raw(q), i, p, n, SQLITE_TRANSIENT);
}

static void lite_bind_null(struct gt__q *q, int i)
{
	sqlite3_bind_null(raw(q), i);
}

static int lite_step(struct gt__q *q)
{
	int rc = sqlite3_step(raw(q));
	if (rc == SQLITE_ROW)
		return GT__ROW;
	if (rc == SQLITE_DONE)
		return GT__DONE;
	return rc == SQLITE_CONSTRAINT ? GT__CONSTRAINT : GT__ERR;
}

static int64_t lite_int64(struct gt__q *q, int col)
{
	return sqlite3_column_int64(raw(q), col);
}

static double lite_double(struct gt__q *q, int col)
{
	return sqlite3_column_double(raw(q), col);
}

static const char *lite_text(struct gt__q *q, int col)
{
	return (const char *)sqlite3_column_text(raw(q), col);
}

static const void *lite_blob(struct gt__q *q, int col)
{
	return sqlite3_column_blob(raw(q), col);
}

static int lite_bytes(struct gt__q *q, int col)
{
	return sqlite3_column_bytes(raw(q), col);
}

static bool lite_null(struct gt__q *q, int col)
{
	return sqlite3_column_type(raw(q), col) == SQLITE_NULL;
}

static char lite_kind(struct gt__q *q, int col)
{
	switch (sqlite3_column_type(raw(q), col)) {
	case SQLITE_INTEGER: return 'i';
	case SQLITE_FLOAT: return 'r';
	case SQLITE_TEXT: return 't';
	case SQLITE_BLOB: return 'b';
	default: return 0;
	}
}

static int64_t lite_changes(struct gt_store *st)
{
	return sqlite3_changes(db_of(st));
}

static enum gt_status lite_fail(struct gt_store *st, struct gt_err *err, const char *what);

static enum gt_status lite_exec(struct gt_store *st, const char *sql, struct gt_err *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db_of(st), sql, NULL, NULL, &msg);
	if (rc == SQLITE_OK)
		return GT_OK;
	/* a busy, full or damaged store says so (lite_fail); others as SQLite
	 * put it */
	enum gt_status s = rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_FULL ||
	                           rc == SQLITE_CORRUPT || rc == SQLITE_READONLY ||
	                           sqlite3_system_errno(db_of(st)) == ENOSPC
	                       ? lite_fail(st, err, "cannot change the store")
	                       : gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL, "%s", msg ? msg : "?");
	sqlite3_free(msg);
	return s;
}

/* One writer at a time, the lock taken at the start. */
static enum gt_status lite_begin(struct gt_store *st, struct gt_err *err)
{
	return lite_exec(st, "BEGIN IMMEDIATE;", err);
}

/* In WAL mode a deferred transaction reads one snapshot from its first
 * read to its end, and blocks no writer. */
static enum gt_status lite_begin_read(struct gt_store *st, struct gt_err *err)
{
	return lite_exec(st, "BEGIN DEFERRED;", err);
}

static enum gt_status lite_commit(struct gt_store *st, struct gt_err *err)
{
	return lite_exec(st, "COMMIT;", err);
}

static void lite_rollback(struct gt_store *st)
{
	lite_exec(st, "ROLLBACK;", NULL);
}

static int lite_version(struct gt_store *st)
{
	sqlite3_stmt *s;
	int v = -1;
	if (sqlite3_prepare_v2(db_of(st), "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

static enum gt_status lite_set_version(struct gt_store *st, int version, struct gt_err *err)
{
	char pragma[64];
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d;", version);
	return lite_exec(st, pragma, err);
}

/* How long a statement waits for another writer before it fails. */
enum { BUSY_MS = 5000 };

static enum gt_status lite_fail(struct gt_store *st, struct gt_err *err, const char *what)
{
	sqlite3 *db = db_of(st);
	int code = db ? sqlite3_errcode(db) : SQLITE_OK;
	if (code == SQLITE_CORRUPT)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "%s: the store is damaged (%s); restore it from a backup "
		                  "(docs/operations.md)",
		                  what, sqlite3_errmsg(db));
	/* another writer (a cron correlate, another server) held the store past
	 * the busy timeout: the caller may try again */
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return gt_err_set(err, GT_E_UNAVAILABLE, st->path, 0, 0, NULL,
		                  "%s: the store is busy (another process has held it for %d s); "
		                  "try again",
		                  what, BUSY_MS / 1000);
	if ((code & 0xff) == SQLITE_READONLY)
		return gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL,
		                  "%s: the store is read-only (its file or folder cannot be written by "
		                  "this user, or the disk is mounted read-only)",
		                  what);
	/* a full store or disk is the operator's to fix, and says so; a full
	 * disk may come as an I/O error on the journal */
	if (code == SQLITE_FULL || (db && sqlite3_system_errno(db) == ENOSPC))
		return gt_err_set(err, GT_E_FULL, st->path, 0, 0, NULL,
		                  "%s: the store is full (its size limit, or the disk); nothing was "
		                  "written",
		                  what);
	return gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL, "%s: %s", what,
	                  db ? sqlite3_errmsg(db) : "no database");
}

static enum gt_status lite_limit(struct gt_store *st, int64_t max_bytes, struct gt_err *err)
{
	sqlite3_stmt *s;
	int64_t page = 4096, got = 0;
	if (sqlite3_prepare_v2(db_of(st), "PRAGMA page_size", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			page = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	char sql[64];
	snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %lld", (long long)(max_bytes / page));
	if (sqlite3_prepare_v2(db_of(st), sql, -1, &s, NULL) != SQLITE_OK)
		return lite_fail(st, err, "cannot limit the store's size");
	if (sqlite3_step(s) == SQLITE_ROW)
		got = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (got * page > max_bytes + page)
		return gt_err_set(err, GT_E_FULL, st->path, 0, 0, NULL,
		                  "the store already holds %lld MiB, more than the limit",
		                  (long long)(got * page >> 20));
	return GT_OK;
}

static enum gt_status lite_writable(struct gt_store *st, struct gt_err *err)
{
	if (sqlite3_db_readonly(db_of(st), "main") != 1)
		return GT_OK;
	return gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL,
	                  "the store is read-only (its file or folder cannot be written by this "
	                  "user, or the disk is mounted read-only); reports could not be stored");
}

static void lite_close(struct gt_store *st)
{
	sqlite3_close(db_of(st));
	free(st);
}

/* SQLite's quick check of the file's structure: a damaged page is found
 * here, at start, rather than by whichever request first reads it. */
static enum gt_status quick_check(struct gt_store *st, struct gt_err *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db_of(st), "PRAGMA quick_check(1)", -1, &s, NULL) != SQLITE_OK)
		return lite_fail(st, err, "cannot check the store");
	int rc = sqlite3_step(s);
	const char *t = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
	enum gt_status status = GT_OK;
	if (rc == SQLITE_ROW && t && strcmp(t, "ok") != 0) {
		/* one line: SQLite's report, without its banner */
		char what[200];
		const char *from = strstr(t, "***\n");
		snprintf(what, sizeof(what), "%s", from ? from + 4 : t);
		for (char *c = what; *c; c++)
			*c = *c == '\n' ? ' ' : *c;
		status = gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                    "the store is damaged (%s); restore it from a backup "
		                    "(docs/operations.md)",
		                    what);
	}
	else if (rc != SQLITE_ROW)
		status = lite_fail(st, err, "cannot check the store");
	sqlite3_finalize(s);
	return status;
}

enum gt_status gt__sqlite_open(const char *path, bool read_only, struct gt_store **out,
                               struct gt_err *err)
{
	*out = NULL;
	struct lite_store *ls = calloc(1, sizeof(*ls));
	if (!ls)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	struct gt_store *st = &ls->base;
	st->ops = &lite_ops;
	snprintf(st->path, sizeof(st->path), "%s", path);
	enum gt_status s;
	int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &ls->db, flags, NULL) != SQLITE_OK) {
		s = lite_fail(st, err, "cannot open the store");
		goto out_fail;
	}
	sqlite3_busy_timeout(ls->db, BUSY_MS);
	/* WAL with full synchronisation: a commit is on disk when it returns.
	 * Read-only, the file is left as it is (setting the journal mode
	 * would write its header), and query_only refuses any write. */
	if ((s = lite_exec(st, read_only ? "PRAGMA query_only=ON;"
	                                 : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
	                                   "PRAGMA foreign_keys=ON;",
	                   err)) != GT_OK ||
	    (s = quick_check(st, err)) != GT_OK)
		goto out_fail;
	if (lite_version(st) < 0) {
		s = lite_fail(st, err, "not a guarantor store");
		goto out_fail;
	}
	*out = st;
	return GT_OK;
out_fail:
	lite_close(st);
	return s;
}

static const struct gt__sql_ops lite_ops = {
	.name = "SQLite",
	.migrations = gt__schema_sqlite,
	.prepare = lite_prepare,
	.finalize = lite_finalize,
	.reset = lite_reset,
	.bind_int64 = lite_bind_int64,
	.bind_double = lite_bind_double,
	.bind_text = lite_bind_text,
	.bind_blob = lite_bind_blob,
	.bind_null = lite_bind_null,
	.step = lite_step,
	.col_int64 = lite_int64,
	.col_double = lite_double,
	.col_text = lite_text,
	.col_blob = lite_blob,
	.col_bytes = lite_bytes,
	.col_null = lite_null,
	.col_kind = lite_kind,
	.changes = lite_changes,
	.exec = lite_exec,
	.begin = lite_begin,
	.begin_read = lite_begin_read,
	.begin_schema = lite_begin,
	.commit = lite_commit,
	.rollback = lite_rollback,
	.version = lite_version,
	.set_version = lite_set_version,
	.fail = lite_fail,
	.limit = lite_limit,
	.writable = lite_writable,
	.close = lite_close,
};
