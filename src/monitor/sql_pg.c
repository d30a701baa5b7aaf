/* sql_pg.c: the monitoring store on PostgreSQL through libpq, for several
 * servers sharing one database.
 *
 * A statement keeps its SQL with sql.h's "?" numbered "$1", "$2", ... and
 * its parameters; its first step runs it (PQexecParams, the whole result
 * at once) and each step moves to the next row. Results come as text and
 * are read back as numbers; bytes go both ways in binary.
 *
 * A write transaction begins by taking the audit table's EXCLUSIVE lock,
 * which readers pass and every other writer waits for: the servers on one
 * database write one at a time, as SQLite's processes do, so the audit
 * chain stays one chain and a report correlated by one server is seen by
 * the next.
 *
 * A connection that breaks is made again at the next statement outside a
 * transaction; inside one, every statement fails until the caller rolls
 * back, so that nothing of a half-done change reaches a new connection.
 * A read, or the start of a transaction, that finds its connection broken
 * is tried once more on a new one. */
#include "monitor/sql.h"
#include "monitor/sql_impl.h"
#include "monitor/store_priv.h"

#include <inttypes.h>
#include <libpq-fe.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Type OIDs (PostgreSQL's catalog, pg_type.dat), for parameters whose
 * type the statement alone does not settle. */
enum {
	OID_BYTEA = 17,
	OID_INT8 = 20,
	OID_INT2 = 21,
	OID_INT4 = 23,
	OID_FLOAT4 = 700,
	OID_FLOAT8 = 701,
	OID_NUMERIC = 1700
};

/* Assumptions of the service, not PostgreSQL's defaults: a writer waits
 * at most this long for another server's transaction (then 503, try
 * again), and a transaction left idle by a stuck server is ended. */
#define SESSION_SETTINGS                                                                        \
	"SET lock_timeout = '10s'; SET idle_in_transaction_session_timeout = '60s';"               \
	" SET client_min_messages = warning;"

/* pg_advisory_xact_lock's key for migrations: "guar" in ASCII. */
#define MIGRATION_LOCK "1735745906"

struct pg_store {
	struct gt_store base;
	PGconn *conn;
	bool in_txn;
	char state[6];  /* the last failure's SQLSTATE, "" when none was given */
	char msg[400];  /* and its message */
	int64_t changes;
	char near[700]; /* with PostGIS: gt__store_near_sql's condition */
	bool read_only; /* every transaction read-only (set again on a new connection) */
};

struct pg_q {
	struct gt__q base;
	struct pg_store *p;
	char *sql; /* "$n" for "?" */
	int n;     /* parameters */
	char **values;
	int *lengths, *formats;
	Oid *types;
	bool run;
	int rc; /* GT__ERR or GT__CONSTRAINT once the run failed, else 0 */
	PGresult *res;
	int row, rows;
	unsigned char *blob; /* the current row's bytea column blob_col, decoded */
	size_t blob_len;
	int blob_col;
};

static const struct gt__sql_ops pg_ops;

static struct pg_store *pg_of(struct gt_store *st)
{
	return (struct pg_store *)(void *)st;
}

static struct pg_q *q_of(struct gt__q *q)
{
	return (struct pg_q *)(void *)q;
}

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static void note(struct pg_store *p, const PGresult *r, const char *fallback)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!m || !*m)
		m = fallback ? fallback : PQerrorMessage(p->conn);
	snprintf(p->state, sizeof(p->state), "%s", state ? state : "");
	/* libpq's messages end in a newline and may run over several lines,
	 * indented by tabs: one line, single spaces */
	size_t k = 0;
	for (const char *c = m && *m ? m : "no message"; *c && k + 1 < sizeof(p->msg); c++) {
		char ch = *c == '\n' || *c == '\t' ? ' ' : *c;
		if (ch != ' ' || (k > 0 && p->msg[k - 1] != ' '))
			p->msg[k++] = ch;
	}
	while (k > 0 && p->msg[k - 1] == ' ')
		k--;
	p->msg[k] = '\0';
}

static bool session(struct pg_store *p)
{
	PGresult *r = PQexec(p->conn, p->read_only ? SESSION_SETTINGS
	                                            " SET default_transaction_read_only = on;"
	                                          : SESSION_SETTINGS);
	bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		note(p, r, NULL);
	PQclear(r);
	return ok;
}

/* A connection to run on: the one there is, or a new one outside a
 * transaction. */
static bool ready(struct pg_store *p)
{
	if (PQstatus(p->conn) == CONNECTION_OK)
		return true;
	if (p->in_txn) {
		note(p, NULL, "the connection to the database was lost during the transaction");
		return false;
	}
	PQreset(p->conn);
	if (PQstatus(p->conn) != CONNECTION_OK) {
		note(p, NULL, NULL);
		return false;
	}
	return session(p);
}

/* Runs sql: one statement with n parameters when types is given, else
 * any number of statements without (schema, transactions). The result
 * when it succeeded, NULL (p->state and p->msg say why) otherwise. retry:
 * the statement may run again on a new connection if the one it was sent
 * on broke (a read, or the start of a transaction). */
static PGresult *run(struct pg_store *p, const char *sql, int n, const Oid *types,
                     const char *const *values, const int *lengths, const int *formats,
                     bool retry)
{
	for (int attempt = 0;; attempt++) {
		if (!ready(p))
			return NULL;
		PGresult *r = types ? PQexecParams(p->conn, sql, n, types, values, lengths, formats, 0)
		                    : PQexec(p->conn, sql);
		ExecStatusType es = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
		if (es == PGRES_COMMAND_OK || es == PGRES_TUPLES_OK) {
			p->changes = strtoll(PQcmdTuples(r), NULL, 10);
			return r;
		}
		note(p, r, es == PGRES_FATAL_ERROR ? NULL : PQresStatus(es));
		PQclear(r);
		bool lost = PQstatus(p->conn) != CONNECTION_OK;
		if (!lost || !retry || p->in_txn || attempt > 0)
			return NULL;
	}
}

/* --- statements -------------------------------------------------------- */

/* sql with each "?" outside quotes numbered "$1", "$2", ...; OUT: *n. */
static char *number_params(const char *sql, int *n)
{
	size_t size = strlen(sql) * 5 + 1; /* "?" becomes at most "$9999" */
	char *out = malloc(size), *o = out;
	if (!out)
		return NULL;
	char quote = 0;
	*n = 0;
	for (const char *c = sql; *c; c++) {
		if (quote) {
			quote = *c == quote ? 0 : quote;
			*o++ = *c;
		}
		else if (*c == '\'' || *c == '"') {
			quote = *c;
			*o++ = *c;
		}
		else if (*c == '?' && *n < 9999)
			o += snprintf(o, size - (size_t)(o - out), "$%d", ++*n);
		else
			*o++ = *c;
	}
	*o = '\0';
	return out;
}

static void drop_blob(struct pg_q *q)
{
	PQfreemem(q->blob);
	q->blob = NULL;
	q->blob_col = -1;
}

static void pg_finalize(struct gt__q *gq)
{
	struct pg_q *q = q_of(gq);
	for (int i = 0; q->values && i < q->n; i++)
		free(q->values[i]);
	free(q->values);
	free(q->lengths);
	free(q->formats);
	free(q->types);
	drop_blob(q);
	PQclear(q->res);
	free(q->sql);
	free(q);
}

static bool pg_prepare(struct gt_store *st, const char *sql, struct gt__q **out)
{
	*out = NULL;
	struct pg_q *q = calloc(1, sizeof(*q));
	if (!q)
		return false;
	q->base.ops = &pg_ops;
	q->p = pg_of(st);
	q->blob_col = -1;
	q->sql = number_params(sql, &q->n);
	size_t n = q->n > 0 ? (size_t)q->n : 1;
	q->values = calloc(n, sizeof(*q->values));
	q->lengths = calloc(n, sizeof(*q->lengths));
	q->formats = calloc(n, sizeof(*q->formats));
	q->types = calloc(n, sizeof(*q->types));
	if (!q->sql || !q->values || !q->lengths || !q->formats || !q->types) {
		pg_finalize(&q->base);
		note(pg_of(st), NULL, "out of memory");
		snprintf(pg_of(st)->state, sizeof(pg_of(st)->state), "53200");
		return false;
	}
	*out = &q->base;
	return true;
}

static void pg_reset(struct gt__q *gq)
{
	struct pg_q *q = q_of(gq);
	drop_blob(q);
	PQclear(q->res);
	q->res = NULL;
	q->run = false;
	q->rc = 0;
	q->row = q->rows = 0;
}

/* Parameter i (from 1) becomes v (owned; NULL for SQL's NULL). A
 * parameter that cannot be kept for lack of memory makes the statement
 * fail when it runs. */
static void set_param(struct pg_q *q, int i, char *v, int len, int format, Oid type, bool nomem)
{
	if (i < 1 || i > q->n) {
		free(v);
		return;
	}
	free(q->values[i - 1]);
	q->values[i - 1] = v;
	q->lengths[i - 1] = len;
	q->formats[i - 1] = format;
	q->types[i - 1] = type;
	if (nomem)
		q->rc = GT__ERR;
}

static void pg_bind_int64(struct gt__q *gq, int i, int64_t v)
{
	char *s = malloc(24);
	if (s)
		snprintf(s, 24, "%" PRId64, v);
	set_param(q_of(gq), i, s, 0, 0, OID_INT8, !s);
}

static void pg_bind_double(struct gt__q *gq, int i, double v)
{
	char *s = malloc(32);
	if (s) {
		if (isnan(v))
			snprintf(s, 32, "NaN");
		else if (isinf(v))
			snprintf(s, 32, "%sInfinity", v < 0 ? "-" : "");
		else
			snprintf(s, 32, "%.17g", v);
	}
	set_param(q_of(gq), i, s, 0, 0, OID_FLOAT8, !s);
}

static void pg_bind_text(struct gt__q *gq, int i, const char *s)
{
	char *c = s ? strdup(s) : NULL;
	/* text's type is left to the statement, which knows its column */
	set_param(q_of(gq), i, c, 0, 0, 0, s && !c);
}

static void pg_bind_blob(struct gt__q *gq, int i, const void *p, int n)
{
	char *c = malloc(n > 0 ? (size_t)n : 1);
	if (c && n > 0)
		memcpy(c, p, (size_t)n);
	set_param(q_of(gq), i, c, n, 1, OID_BYTEA, !c);
}

static void pg_bind_null(struct gt__q *gq, int i)
{
	set_param(q_of(gq), i, NULL, 0, 0, 0, false);
}

static int pg_step(struct gt__q *gq)
{
	struct pg_q *q = q_of(gq);
	if (q->rc == GT__ERR && !q->run) { /* a parameter could not be kept */
		note(q->p, NULL, "out of memory");
		snprintf(q->p->state, sizeof(q->p->state), "53200");
	}
	if (q->rc)
		return q->rc;
	if (!q->run) {
		q->run = true;
		bool read = strncmp(q->sql, "SELECT", 6) == 0;
		q->res = run(q->p, q->sql, q->n, q->types,
		             (const char *const *)q->values, q->lengths, q->formats, read);
		if (!q->res) {
			q->rc = strncmp(q->p->state, "23", 2) == 0 ? GT__CONSTRAINT : GT__ERR;
			return q->rc;
		}
		q->rows = PQntuples(q->res);
		q->row = -1;
	}
	drop_blob(q);
	if (q->row + 1 < q->rows) {
		q->row++;
		return GT__ROW;
	}
	q->row = q->rows;
	return GT__DONE;
}

static const char *value(struct pg_q *q, int col)
{
	if (!q->res || q->row < 0 || q->row >= q->rows || col < 0 || col >= PQnfields(q->res) ||
	    PQgetisnull(q->res, q->row, col))
		return NULL;
	return PQgetvalue(q->res, q->row, col);
}

static int64_t pg_col_int64(struct gt__q *gq, int col)
{
	const char *v = value(q_of(gq), col);
	if (!v)
		return 0;
	if (v[0] == 't' || v[0] == 'f') /* a boolean */
		return v[0] == 't';
	return strtoll(v, NULL, 10);
}

static double pg_col_double(struct gt__q *gq, int col)
{
	const char *v = value(q_of(gq), col);
	return v ? strtod(v, NULL) : 0.0;
}

static const char *pg_col_text(struct gt__q *gq, int col)
{
	return value(q_of(gq), col);
}

static bool is_bytea(struct pg_q *q, int col)
{
	return q->res && col >= 0 && col < PQnfields(q->res) && PQftype(q->res, col) == OID_BYTEA;
}

static const void *pg_col_blob(struct gt__q *gq, int col)
{
	struct pg_q *q = q_of(gq);
	const char *v = value(q, col);
	if (!v || !is_bytea(q, col))
		return v;
	if (q->blob_col != col) {
		drop_blob(q);
		q->blob = PQunescapeBytea((const unsigned char *)v, &q->blob_len);
		if (q->blob)
			q->blob_col = col;
	}
	return q->blob;
}

static int pg_col_bytes(struct gt__q *gq, int col)
{
	struct pg_q *q = q_of(gq);
	const char *v = value(q, col);
	if (!v)
		return 0;
	if (!is_bytea(q, col))
		return (int)strlen(v);
	return pg_col_blob(gq, col) ? (int)q->blob_len : 0;
}

static bool pg_col_null(struct gt__q *gq, int col)
{
	return value(q_of(gq), col) == NULL;
}

/* PostgreSQL keeps each column's declared type: the kind follows it. */
static char pg_col_kind(struct gt__q *gq, int col)
{
	struct pg_q *q = q_of(gq);
	if (!value(q, col))
		return 0;
	switch (PQftype(q->res, col)) {
	case OID_BYTEA: return 'b';
	case OID_INT2:
	case OID_INT4:
	case OID_INT8: return 'i';
	case OID_FLOAT4:
	case OID_FLOAT8:
	case OID_NUMERIC: return 'r';
	default: return 't';
	}
}

static int64_t pg_changes(struct gt_store *st)
{
	return pg_of(st)->changes;
}

/* --- the store --------------------------------------------------------- */

static enum gt_status pg_fail(struct gt_store *st, struct gt_err *err, const char *what)
{
	struct pg_store *p = pg_of(st);
	const char *s = p->state;
	bool lost = PQstatus(p->conn) != CONNECTION_OK || strncmp(s, "08", 2) == 0 ||
	            strncmp(s, "57P", 3) == 0 || strcmp(s, "55P03") == 0 ||
	            strncmp(s, "40", 2) == 0 || strcmp(s, "25P03") == 0;
	if (lost)
		return gt_err_set(err, GT_E_UNAVAILABLE, st->path, 0, 0, NULL,
		                  "%s: the database is unavailable (%s); try again", what, p->msg);
	if (strncmp(s, "53", 2) == 0)
		return gt_err_set(err, GT_E_FULL, st->path, 0, 0, NULL,
		                  "%s: the database's disk or memory is full (%s); nothing was written",
		                  what, p->msg);
	if (strcmp(s, "XX001") == 0 || strcmp(s, "XX002") == 0)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "%s: the database is damaged (%s); restore it from a backup "
		                  "(docs/operations.md)",
		                  what, p->msg);
	return gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL, "%s: %s", what, p->msg);
}

static enum gt_status pg_exec(struct gt_store *st, const char *sql, struct gt_err *err)
{
	PGresult *r = run(pg_of(st), sql, 0, NULL, NULL, NULL, NULL, false);
	if (!r)
		return pg_fail(st, err, "the database refused a statement");
	PQclear(r);
	return GT_OK;
}

/* A transaction that begins with lock_sql; a failed start leaves none. */
static enum gt_status begin_with(struct gt_store *st, const char *lock_sql, struct gt_err *err)
{
	struct pg_store *p = pg_of(st);
	char sql[200];
	snprintf(sql, sizeof(sql), "BEGIN; %s", lock_sql);
	PGresult *r = run(p, sql, 0, NULL, NULL, NULL, NULL, true);
	if (!r) {
		enum gt_status s = pg_fail(st, err, "cannot begin a change");
		if (PQstatus(p->conn) == CONNECTION_OK)
			PQclear(PQexec(p->conn, "ROLLBACK"));
		return s;
	}
	PQclear(r);
	p->in_txn = true;
	return GT_OK;
}

static enum gt_status pg_begin(struct gt_store *st, struct gt_err *err)
{
	return begin_with(st, "LOCK TABLE audit IN EXCLUSIVE MODE", err);
}

static enum gt_status pg_begin_read(struct gt_store *st, struct gt_err *err)
{
	return begin_with(st, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", err);
}

static enum gt_status pg_begin_schema(struct gt_store *st, struct gt_err *err)
{
	return begin_with(st, "SELECT pg_advisory_xact_lock(" MIGRATION_LOCK ")", err);
}

static enum gt_status pg_lock_writers(struct gt_store *st, struct gt_err *err)
{
	return pg_exec(st, "LOCK TABLE audit IN EXCLUSIVE MODE", err);
}

static enum gt_status pg_commit(struct gt_store *st, struct gt_err *err)
{
	struct pg_store *p = pg_of(st);
	PGresult *r = run(p, "COMMIT", 0, NULL, NULL, NULL, NULL, false);
	p->in_txn = false;
	if (!r)
		return pg_fail(st, err, "cannot commit the change (it may or may not be stored)");
	/* a transaction a statement failed in ends in ROLLBACK, not an error */
	bool committed = strcmp(PQcmdStatus(r), "COMMIT") == 0;
	PQclear(r);
	if (!committed)
		return gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL,
		                  "the change was rolled back by the database; nothing was written");
	return GT_OK;
}

static void pg_rollback(struct gt_store *st)
{
	struct pg_store *p = pg_of(st);
	if (PQstatus(p->conn) == CONNECTION_OK)
		PQclear(PQexec(p->conn, "ROLLBACK"));
	p->in_txn = false;
}

static int pg_version(struct gt_store *st)
{
	struct pg_store *p = pg_of(st);
	/* the catalog read by a query, in this statement's snapshot: a
	 * migration another server committed while this transaction waited
	 * for the lock is seen (to_regclass would answer from a cache that
	 * nothing since BEGIN has refreshed) */
	PGresult *r = run(p,
	                  "SELECT count(*) > 0 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
	                  " ON n.oid = c.relnamespace WHERE c.relname = 'guarantor_schema'"
	                  " AND n.nspname = current_schema()",
	                  0, NULL, NULL, NULL, NULL, true);
	if (!r)
		return -1;
	bool known = PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
	if (!known)
		return 0;
	r = run(p, "SELECT version FROM guarantor_schema", 0, NULL, NULL, NULL, NULL, true);
	if (!r)
		return -1;
	int v = PQntuples(r) == 1 ? (int)strtol(PQgetvalue(r, 0, 0), NULL, 10) : -1;
	PQclear(r);
	return v;
}

static enum gt_status pg_set_version(struct gt_store *st, int version, struct gt_err *err)
{
	char sql[200];
	snprintf(sql, sizeof(sql),
	         "CREATE TABLE IF NOT EXISTS guarantor_schema (version INTEGER NOT NULL);"
	         " DELETE FROM guarantor_schema; INSERT INTO guarantor_schema VALUES (%d)",
	         version);
	return pg_exec(st, sql, err);
}

static enum gt_status pg_limit(struct gt_store *st, int64_t max_bytes, struct gt_err *err)
{
	(void)max_bytes;
	return gt_err_set(err, GT_E_UNSUPPORTED, st->path, 0, 0, NULL,
	                  "a size limit applies to a SQLite store; a PostgreSQL store's space is "
	                  "its cluster's disk (docs/operations.md)");
}

static enum gt_status pg_writable(struct gt_store *st, struct gt_err *err)
{
	PGresult *r = run(pg_of(st), "SHOW transaction_read_only", 0, NULL, NULL, NULL, NULL, true);
	if (!r)
		return pg_fail(st, err, "cannot ask whether the database may be written");
	bool ro = PQntuples(r) == 1 && strcmp(PQgetvalue(r, 0, 0), "on") == 0;
	PQclear(r);
	return ro ? gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL,
	                       "the database is read-only (a standby, or transactions read-only by "
	                       "default); reports could not be stored")
	          : GT_OK;
}

/* An event's position, or ("?", "?"), as PostGIS's geography: sch is the
 * extension's schema, quoted, so that it is found whatever the
 * search_path. */
static void geography(char *out, size_t size, const char *sch, const char *lon, const char *lat)
{
	snprintf(out, size, "CAST(%s.st_setsrid(%s.st_makepoint(%s, %s), 4326) AS %s.geography)", sch,
	         sch, lon, lat, sch);
}

/* PostGIS, when the database has it: the events get a GiST index on their
 * position as geography, and near queries use it. */
static enum gt_status pg_spatial(struct gt_store *st, struct gt_err *err)
{
	struct pg_store *p = pg_of(st);
	PGresult *r = run(p,
	                  "SELECT e.extversion, n.nspname FROM pg_extension e JOIN pg_namespace n"
	                  " ON n.oid = e.extnamespace WHERE e.extname = 'postgis'",
	                  0, NULL, NULL, NULL, NULL, true);
	if (!r)
		return pg_fail(st, err, "cannot look for PostGIS");
	if (PQntuples(r) != 1) {
		PQclear(r);
		return GT_OK;
	}
	char version[24];
	snprintf(version, sizeof(version), "%s", PQgetvalue(r, 0, 0));
	char *sch = PQescapeIdentifier(p->conn, PQgetvalue(r, 0, 1), strlen(PQgetvalue(r, 0, 1)));
	PQclear(r);
	if (!sch)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	char event[300], point[300], index[400];
	geography(event, sizeof(event), sch, "lon", "lat");
	geography(point, sizeof(point), sch, "?", "?");
	snprintf(p->near, sizeof(p->near), "%s.st_dwithin(%s, %s, ?)", sch, event, point);
	snprintf(index, sizeof(index), "CREATE INDEX IF NOT EXISTS events_geography ON events USING gist ((%s))",
	         event);
	PQfreemem(sch);
	snprintf(st->postgis, sizeof(st->postgis), "PostGIS %s", version);
	/* the index, made by the first server that finds it missing; on an
	 * ordinary open, nothing is locked. Without it (a role that may not
	 * make it), PostGIS still answers, more slowly. */
	r = run(p,
	        "SELECT count(*) FROM pg_catalog.pg_indexes WHERE schemaname = current_schema()"
	        " AND indexname = 'events_geography'",
	        0, NULL, NULL, NULL, NULL, true);
	if (!r)
		return pg_fail(st, err, "cannot look for the events' spatial index");
	bool have = PQntuples(r) == 1 && strcmp(PQgetvalue(r, 0, 0), "0") != 0;
	PQclear(r);
	if (have || p->read_only)
		return GT_OK;
	struct gt_err ignored;
	enum gt_status s = pg_begin_schema(st, &ignored);
	if (s == GT_OK && (s = pg_exec(st, index, &ignored)) != GT_OK)
		pg_rollback(st);
	if (s == GT_OK)
		pg_commit(st, &ignored);
	return GT_OK;
}

static const char *pg_near_sql(struct gt_store *st)
{
	return pg_of(st)->near[0] ? pg_of(st)->near : NULL;
}

static void pg_close(struct gt_store *st)
{
	PQfinish(pg_of(st)->conn);
	free(st);
}

/* The address as messages may show it, "postgresql://user@host:port/db":
 * the user information up to its last "@" loses its password, and the
 * query (which may hold password=) is left out. False when the user
 * information holds a character that must be percent-encoded ("@", "/",
 * "?", "#"): libpq would read part of the password as the host or the
 * database, and name it in its messages. */
static bool public_name(const char *url, char *out, size_t size)
{
	const char *rest = strstr(url, "://") + 3;
	size_t end = strcspn(rest, "?#");
	const char *at = NULL;
	for (const char *c = rest; c < rest + end; c++)
		if (*c == '@')
			at = c;
	if (!at) {
		snprintf(out, size, "postgresql://%.*s", (int)end, rest);
		return true;
	}
	for (const char *c = rest; c < at; c++)
		if (*c == '@' || *c == '/')
			return false;
	size_t user = strcspn(rest, ":@");
	snprintf(out, size, "postgresql://%.*s@%.*s", (int)user, rest, (int)(rest + end - at - 1),
	         at + 1);
	return true;
}

enum gt_status gt__pg_open(const char *url, bool read_only, struct gt_store **out,
                           struct gt_err *err)
{
	*out = NULL;
	char name[1024];
	if (!public_name(url, name, sizeof(name)))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
		                  "--db: the user name or password holds a character that must be "
		                  "percent-encoded in a URL (@ is %%40, / is %%2F)");
	char *why = NULL;
	PQconninfoOption *opts = PQconninfoParse(url, &why);
	if (!opts) {
		/* libpq's reason, without what it quotes from the address (which
		 * may be the password) */
		size_t len = 0;
		if (why) {
			const char *quote = strstr(why, ": \"");
			len = quote ? (size_t)(quote - why) : strcspn(why, "\"\n");
		}
		enum gt_status s =
			why ? gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
			                 "--db: not a PostgreSQL address libpq can read (%.*s); "
			                 "percent-encode the user name and password (%% is %%25)",
			                 (int)len, why)
			    : gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
		PQfreemem(why);
		return s;
	}
	PQconninfoFree(opts);
	struct pg_store *p = calloc(1, sizeof(*p));
	if (!p)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	p->base.ops = &pg_ops;
	snprintf(p->base.path, sizeof(p->base.path), "%s", name);
	enum gt_status s;
	p->conn = PQconnectdb(url);
	if (!p->conn) {
		s = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
		goto out_fail;
	}
	PQsetNoticeProcessor(p->conn, quiet, NULL);
	if (PQstatus(p->conn) != CONNECTION_OK) {
		note(p, NULL, NULL);
		s = gt_err_set(err, GT_E_UNAVAILABLE, p->base.path, 0, 0, NULL,
		               "cannot reach the database: %s", p->msg);
		goto out_fail;
	}
	p->read_only = read_only;
	if (!session(p)) {
		s = pg_fail(&p->base, err, "cannot set up the session");
		goto out_fail;
	}
	*out = &p->base;
	return GT_OK;
out_fail:
	pg_close(&p->base);
	return s;
}

static const struct gt__sql_ops pg_ops = {
	.name = "PostgreSQL",
	.migrations = gt__schema_pg,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_int64 = pg_col_int64,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.col_bytes = pg_col_bytes,
	.col_null = pg_col_null,
	.col_kind = pg_col_kind,
	.changes = pg_changes,
	.exec = pg_exec,
	.begin = pg_begin,
	.begin_read = pg_begin_read,
	.begin_schema = pg_begin_schema,
	.lock_writers = pg_lock_writers,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.version = pg_version,
	.set_version = pg_set_version,
	.fail = pg_fail,
	.limit = pg_limit,
	.writable = pg_writable,
	.spatial = pg_spatial,
	.near_sql = pg_near_sql,
	.close = pg_close,
};
