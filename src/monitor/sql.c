/* sql.c: sql.h's calls, passed to the database a statement or store
 * belongs to (sql_impl.h). */
#include "monitor/sql.h"
#include "monitor/sql_impl.h"
#include "monitor/store_priv.h"
#include "util/assert.h"

bool gt__q_prepare(struct gt_store *st, const char *sql, struct gt__q **out)
{
	return st->ops->prepare(st, sql, out);
}

void gt__q_finalize(struct gt__q *q)
{
	if (q)
		q->ops->finalize(q);
}

void gt__q_reset(struct gt__q *q)
{
	q->ops->reset(q);
}

void gt__q_bind_int64(struct gt__q *q, int i, int64_t v)
{
	q->ops->bind_int64(q, i, v);
}

void gt__q_bind_double(struct gt__q *q, int i, double v)
{
	q->ops->bind_double(q, i, v);
}

void gt__q_bind_text(struct gt__q *q, int i, const char *s)
{
	q->ops->bind_text(q, i, s);
}

void gt__q_bind_blob(struct gt__q *q, int i, const void *p, int n)
{
	q->ops->bind_blob(q, i, p, n);
}

void gt__q_bind_null(struct gt__q *q, int i)
{
	q->ops->bind_null(q, i);
}

int gt__q_step(struct gt__q *q)
{
	return q->ops->step(q);
}

int64_t gt__q_int64(struct gt__q *q, int col)
{
	return q->ops->col_int64(q, col);
}

double gt__q_double(struct gt__q *q, int col)
{
	return q->ops->col_double(q, col);
}

const char *gt__q_text(struct gt__q *q, int col)
{
	return q->ops->col_text(q, col);
}

const void *gt__q_blob(struct gt__q *q, int col)
{
	return q->ops->col_blob(q, col);
}

int gt__q_bytes(struct gt__q *q, int col)
{
	return q->ops->col_bytes(q, col);
}

bool gt__q_null(struct gt__q *q, int col)
{
	return q->ops->col_null(q, col);
}

char gt__q_kind(struct gt__q *q, int col)
{
	return q->ops->col_kind(q, col);
}

int64_t gt__store_changes(struct gt_store *st)
{
	return st->ops->changes(st);
}

enum gt_status gt__store_begin(struct gt_store *st, struct gt_err *err)
{
	gt__store_untouch(st);
	if (st->read_only)
		return gt_err_set(err, GT_E_USAGE, st->path, 0, 0, NULL,
		                  "the store was opened to read only");
	return st->ops->begin(st, err);
}

enum gt_status gt__store_begin_read(struct gt_store *st, struct gt_err *err)
{
	return st->ops->begin_read(st, err);
}

void gt__store_end_read(struct gt_store *st)
{
	st->ops->rollback(st);
}

enum gt_status gt__store_commit(struct gt_store *st, struct gt_err *err)
{
	/* every row a change writes is bound to its audit entry: a row left
	 * unbound is a write path that forgot its entry */
	if (st->touch_failed) {
		gt__store_rollback(st);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	GT_ASSERT(st->ntouched == 0);
	return st->ops->commit(st, err);
}

void gt__store_rollback(struct gt_store *st)
{
	gt__store_untouch(st);
	st->ops->rollback(st);
}

enum gt_status gt__store_fail(struct gt_store *st, struct gt_err *err, const char *what)
{
	return st->ops->fail(st, err, what);
}
