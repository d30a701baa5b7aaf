/* sql_sqlite.c: sql.h on SQLite: a statement is an sqlite3_stmt. */
#include "monitor/sql.h"
#include "monitor/store_priv.h"

struct gt__q; /* never defined: a cast of sqlite3_stmt */

static sqlite3_stmt *raw(struct gt__q *q)
{
	return (sqlite3_stmt *)(void *)q;
}

bool gt__q_prepare(struct gt_store *st, const char *sql, struct gt__q **out)
{
	sqlite3_stmt *s = NULL;
	bool ok = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK;
	*out = (struct gt__q *)(void *)s;
	return ok;
}

void gt__q_finalize(struct gt__q *q)
{
	sqlite3_finalize(raw(q));
}

void gt__q_reset(struct gt__q *q)
{
	sqlite3_reset(raw(q));
}

void gt__q_bind_int64(struct gt__q *q, int i, int64_t v)
{
	sqlite3_bind_int64(raw(q), i, v);
}

void gt__q_bind_double(struct gt__q *q, int i, double v)
{
	sqlite3_bind_double(raw(q), i, v);
}

void gt__q_bind_text(struct gt__q *q, int i, const char *s)
{
	sqlite3_bind_text(raw(q), i, s, -1, SQLITE_TRANSIENT);
}

void gt__q_bind_blob(struct gt__q *q, int i, const void *p, int n)
{
	sqlite3_bind_blob(raw(q), i, p, n, SQLITE_TRANSIENT);
}

void gt__q_bind_null(struct gt__q *q, int i)
{
	sqlite3_bind_null(raw(q), i);
}

int gt__q_step(struct gt__q *q)
{
	int rc = sqlite3_step(raw(q));
	if (rc == SQLITE_ROW)
		return GT__ROW;
	if (rc == SQLITE_DONE)
		return GT__DONE;
	return rc == SQLITE_CONSTRAINT ? GT__CONSTRAINT : GT__ERR;
}

int64_t gt__q_int64(struct gt__q *q, int col)
{
	return sqlite3_column_int64(raw(q), col);
}

double gt__q_double(struct gt__q *q, int col)
{
	return sqlite3_column_double(raw(q), col);
}

const char *gt__q_text(struct gt__q *q, int col)
{
	return (const char *)sqlite3_column_text(raw(q), col);
}

const void *gt__q_blob(struct gt__q *q, int col)
{
	return sqlite3_column_blob(raw(q), col);
}

int gt__q_bytes(struct gt__q *q, int col)
{
	return sqlite3_column_bytes(raw(q), col);
}

bool gt__q_null(struct gt__q *q, int col)
{
	return sqlite3_column_type(raw(q), col) == SQLITE_NULL;
}

int64_t gt__store_changes(struct gt_store *st)
{
	return sqlite3_changes(st->db);
}
