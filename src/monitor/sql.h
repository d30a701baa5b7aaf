/* sql.h: the monitoring store's one door to its database, private to
 * src/monitor: statements prepared with "?" parameters (numbered from 1),
 * stepped a row at a time, columns numbered from 0. sql_sqlite.c
 * implements it on SQLite; the files that keep the store's data (users,
 * reports, events, breaches, decisions, the daily report) use only this,
 * so that another database can stand behind the same code. */
#ifndef GT_MONITOR_SQL_H
#define GT_MONITOR_SQL_H

#include <stdbool.h>
#include <stdint.h>

struct gt_store;
struct gt__q;

/* What gt__q_step says. */
enum { GT__DONE = 0, GT__ROW = 1, GT__ERR = -1, GT__CONSTRAINT = -2 };

/* False when the statement cannot be prepared (gt__store_fail says why). */
bool gt__q_prepare(struct gt_store *st, const char *sql, struct gt__q **out);
void gt__q_finalize(struct gt__q *q);
/* Ready to run again, its parameters kept until bound anew. */
void gt__q_reset(struct gt__q *q);

void gt__q_bind_int64(struct gt__q *q, int i, int64_t v);
void gt__q_bind_double(struct gt__q *q, int i, double v);
void gt__q_bind_text(struct gt__q *q, int i, const char *s); /* copied */
void gt__q_bind_blob(struct gt__q *q, int i, const void *p, int n); /* copied */
void gt__q_bind_null(struct gt__q *q, int i);

int gt__q_step(struct gt__q *q);

int64_t gt__q_int64(struct gt__q *q, int col);
double gt__q_double(struct gt__q *q, int col);
const char *gt__q_text(struct gt__q *q, int col); /* NULL for NULL; valid until the next step */
const void *gt__q_blob(struct gt__q *q, int col);
int gt__q_bytes(struct gt__q *q, int col);
bool gt__q_null(struct gt__q *q, int col);
/* What the database holds in a column of the current row: 'i' an integer,
 * 'r' a real, 't' text, 'b' bytes, 0 NULL. (SQLite keeps whatever a cell
 * was given, so a cell damaged or edited by hand may hold another kind
 * than its column's.) */
char gt__q_kind(struct gt__q *q, int col);

/* A condition on an event's lon and lat that is true within ?3 metres of
 * the point (?1 lon, ?2 lat), geodesic on WGS84, answered by the
 * database's spatial index (PostGIS); NULL when the database has none. */
const char *gt__store_near_sql(struct gt_store *st);

/* The rows the last change touched. (An insert that needs its new id
 * asks for it with RETURNING, which SQLite and PostgreSQL share.) */
int64_t gt__store_changes(struct gt_store *st);

#endif
