/* sql_impl.h: what a database behind sql.h provides, private to
 * src/monitor. Each database is a table of operations (sql_sqlite.c,
 * sql_pg.c); a store and each of its statements begin with a pointer to
 * theirs, and sql.c and store.c call through it. */
#ifndef GT_MONITOR_SQL_IMPL_H
#define GT_MONITOR_SQL_IMPL_H

#include "guarantor/err.h"

#include <stdbool.h>
#include <stdint.h>

struct gt_store;
struct gt_err;

struct gt__q {
	const struct gt__sql_ops *ops;
};

struct gt__sql_ops {
	const char *name; /* "SQLite", "PostgreSQL" */
	/* The schema's migrations in this database's dialect (schema.c). */
	const char *const *migrations;

	/* statements: as sql.h */
	bool (*prepare)(struct gt_store *st, const char *sql, struct gt__q **out);
	void (*finalize)(struct gt__q *q);
	void (*reset)(struct gt__q *q);
	void (*bind_int64)(struct gt__q *q, int i, int64_t v);
	void (*bind_double)(struct gt__q *q, int i, double v);
	void (*bind_text)(struct gt__q *q, int i, const char *s);
	void (*bind_blob)(struct gt__q *q, int i, const void *p, int n);
	void (*bind_null)(struct gt__q *q, int i);
	int (*step)(struct gt__q *q);
	int64_t (*col_int64)(struct gt__q *q, int col);
	double (*col_double)(struct gt__q *q, int col);
	const char *(*col_text)(struct gt__q *q, int col);
	const void *(*col_blob)(struct gt__q *q, int col);
	int (*col_bytes)(struct gt__q *q, int col);
	bool (*col_null)(struct gt__q *q, int col);
	char (*col_kind)(struct gt__q *q, int col);
	int64_t (*changes)(struct gt_store *st);

	/* the store: as store_priv.h */
	enum gt_status (*exec)(struct gt_store *st, const char *sql, struct gt_err *err);
	enum gt_status (*begin)(struct gt_store *st, struct gt_err *err);
	/* A read-only snapshot, left with rollback. */
	enum gt_status (*begin_read)(struct gt_store *st, struct gt_err *err);
	/* A transaction that changes the schema: one migrator at a time. */
	enum gt_status (*begin_schema)(struct gt_store *st, struct gt_err *err);
	/* Optional: inside a begin_schema transaction, waits for and then
	 * keeps out every writer (begin's lock), for a migration that writes
	 * the audit chain; NULL when begin_schema already does. */
	enum gt_status (*lock_writers)(struct gt_store *st, struct gt_err *err);
	enum gt_status (*commit)(struct gt_store *st, struct gt_err *err);
	void (*rollback)(struct gt_store *st);
	/* The schema's version (0 for an empty database), -1 when unreadable;
	 * set_version inside begin_schema's transaction. */
	int (*version)(struct gt_store *st);
	enum gt_status (*set_version)(struct gt_store *st, int version, struct gt_err *err);
	enum gt_status (*fail)(struct gt_store *st, struct gt_err *err, const char *what);
	enum gt_status (*limit)(struct gt_store *st, int64_t max_bytes, struct gt_err *err);
	/* GT_OK when changes may be written; GT_E_IO naming why not. */
	enum gt_status (*writable)(struct gt_store *st, struct gt_err *err);
	/* Optional: after migration, finds the database's spatial extension
	 * and readies its index; near_sql then gives sql.h's
	 * gt__store_near_sql, or NULL without one. */
	enum gt_status (*spatial)(struct gt_store *st, struct gt_err *err);
	const char *(*near_sql)(struct gt_store *st);
	void (*close)(struct gt_store *st);
};

/* Each database's opening: connected and checked, not yet migrated.
 * read_only: nothing is created and nothing can be written (SQLite: the
 * file opened read-only, never created; PostgreSQL: every transaction
 * read-only). */
enum gt_status gt__sqlite_open(const char *path, bool read_only, struct gt_store **out,
                               struct gt_err *err);
enum gt_status gt__pg_open(const char *url, bool read_only, struct gt_store **out,
                           struct gt_err *err);

/* The migrations in each dialect (schema.c). */
extern const char *const gt__schema_sqlite[];
extern const char *const gt__schema_pg[];

#endif
