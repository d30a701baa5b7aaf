/* store.c: the SQLite adapter of the monitoring store: opening, pragmas,
 * versioned migrations, transactions, and the hash-chained audit log. With
 * sql_sqlite.c, the only file that calls SQLite; the others go through
 * sql.h, with prepared statements only. */
#include "monitor/sql.h"
#include "monitor/store_priv.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Migrations, applied in order; the schema's version is their count. */
static const char *const migrations[] = {
	/* 1: users, the audit chain */
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL,"
	"  member TEXT NOT NULL DEFAULT '',"
	"  token_hash TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  revoked TEXT);"
	"CREATE TABLE audit ("
	"  seq INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  object TEXT NOT NULL,"
	"  detail TEXT NOT NULL,"
	"  prev BLOB NOT NULL,"
	"  hash BLOB NOT NULL);",
	/* 2: reports, as received; `digest` is of their canonical form, for
	 * idempotent resubmission */
	"CREATE TABLE reports ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  digest BLOB NOT NULL,"
	"  observed_from INTEGER NOT NULL,"
	"  observed_to INTEGER NOT NULL,"
	"  reported INTEGER NOT NULL,"
	"  received TEXT NOT NULL,"
	"  submitted_by INTEGER NOT NULL REFERENCES users(id),"
	"  lon REAL NOT NULL, lat REAL NOT NULL, precision_m REAL NOT NULL,"
	"  observer TEXT NOT NULL,"
	"  source TEXT NOT NULL, event TEXT NOT NULL, weapon TEXT NOT NULL,"
	"  count INTEGER NOT NULL,"
	"  bearing_deg REAL, distance_km REAL,"
	"  text TEXT NOT NULL,"
	"  attachments TEXT NOT NULL);"
	"CREATE INDEX reports_time ON reports (observed_from);",
	/* 3: events, each report's event, and the state analysts give them */
	"CREATE TABLE events ("
	"  id INTEGER PRIMARY KEY,"
	"  status TEXT NOT NULL,"
	"  merged_into INTEGER REFERENCES events(id),"
	"  observed_from INTEGER NOT NULL, observed_to INTEGER NOT NULL,"
	"  lon REAL NOT NULL, lat REAL NOT NULL, radius_km REAL NOT NULL,"
	"  triangulated INTEGER NOT NULL,"
	"  event TEXT NOT NULL, weapon TEXT NOT NULL, count INTEGER NOT NULL,"
	"  reports INTEGER NOT NULL, observers INTEGER NOT NULL, sources INTEGER NOT NULL,"
	"  grade TEXT NOT NULL, sector INTEGER NOT NULL, side INTEGER NOT NULL,"
	"  line_km REAL NOT NULL, offset_km REAL NOT NULL,"
	"  updated TEXT NOT NULL);"
	"CREATE INDEX events_time ON events (observed_from);"
	"ALTER TABLE reports ADD COLUMN event_id INTEGER REFERENCES events(id);"
	"CREATE INDEX reports_event ON reports (event_id);",
	/* 4: breaches and their evidence; proposed responses, with the decision
	 * rule as it was when proposed, and the votes on them */
	"CREATE TABLE breaches ("
	"  id INTEGER PRIMARY KEY,"
	"  threshold TEXT NOT NULL,"
	"  sector INTEGER NOT NULL,"
	"  at INTEGER NOT NULL, window_from INTEGER NOT NULL, total INTEGER NOT NULL,"
	"  status TEXT NOT NULL,"
	"  opened TEXT NOT NULL);"
	"CREATE INDEX breaches_key ON breaches (threshold, sector, at);"
	"CREATE TABLE breach_events ("
	"  breach INTEGER NOT NULL REFERENCES breaches(id),"
	"  event INTEGER NOT NULL REFERENCES events(id),"
	"  PRIMARY KEY (breach, event));"
	"CREATE TABLE proposals ("
	"  id INTEGER PRIMARY KEY,"
	"  breach INTEGER NOT NULL REFERENCES breaches(id),"
	"  rung TEXT NOT NULL,"
	"  proposed_by TEXT NOT NULL,"
	"  proposed INTEGER NOT NULL, deadline INTEGER NOT NULL,"
	"  rule TEXT NOT NULL, quorum REAL NOT NULL, lead INTEGER NOT NULL,"
	"  voters TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  decided INTEGER);"
	"CREATE INDEX proposals_breach ON proposals (breach);"
	"CREATE TABLE votes ("
	"  proposal INTEGER NOT NULL REFERENCES proposals(id),"
	"  member TEXT NOT NULL,"
	"  approve INTEGER NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  by_user TEXT NOT NULL,"
	"  PRIMARY KEY (proposal, member));",
};
enum { NMIGRATIONS = sizeof(migrations) / sizeof(migrations[0]) };
_Static_assert(NMIGRATIONS == GT_STORE_SCHEMA, "one migration per schema version");

enum gt_status gt__store_fail(struct gt_store *st, struct gt_err *err, const char *what)
{
	int code = st->db ? sqlite3_errcode(st->db) : SQLITE_OK;
	if (code == SQLITE_CORRUPT)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "%s: the store is damaged (%s); restore it from a backup "
		                  "(docs/operations.md)",
		                  what, sqlite3_errmsg(st->db));
	/* a full store or disk is the operator's to fix, and says so */
	if (code == SQLITE_FULL)
		return gt_err_set(err, GT_E_FULL, st->path, 0, 0, NULL,
		                  "%s: the store is full (its size limit, or the disk); nothing was "
		                  "written",
		                  what);
	return gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL, "%s: %s", what,
	                  st->db ? sqlite3_errmsg(st->db) : "no database");
}

enum gt_status gt_store_limit(struct gt_store *st, int64_t max_bytes, struct gt_err *err)
{
	struct gt__q *q;
	int64_t page = 4096;
	if (gt__q_prepare(st, "PRAGMA page_size", &q)) {
		if (gt__q_step(q) == GT__ROW)
			page = gt__q_int64(q, 0);
		gt__q_finalize(q);
	}
	char sql[64];
	snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %lld", (long long)(max_bytes / page));
	if (!gt__q_prepare(st, sql, &q))
		return gt__store_fail(st, err, "cannot limit the store's size");
	int rc = gt__q_step(q);
	int64_t got = rc == GT__ROW ? gt__q_int64(q, 0) : 0;
	gt__q_finalize(q);
	if (got * page > max_bytes + page)
		return gt_err_set(err, GT_E_FULL, st->path, 0, 0, NULL,
		                  "the store already holds %lld MiB, more than the limit",
		                  (long long)(got * page >> 20));
	return GT_OK;
}

void gt__store_now(char out[32])
{
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

enum gt_status gt__store_exec(struct gt_store *st, const char *sql, struct gt_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return GT_OK;
	enum gt_status s = gt_err_set(err, GT_E_IO, st->path, 0, 0, NULL, "%s", msg ? msg : "?");
	sqlite3_free(msg);
	return s;
}

/* SQLite's quick check of the file's structure: a damaged page is found
 * here, at start, rather than by whichever request first reads it. */
static enum gt_status quick_check(struct gt_store *st, struct gt_err *err)
{
	struct gt__q *q;
	if (!gt__q_prepare(st, "PRAGMA quick_check(1)", &q))
		return gt__store_fail(st, err, "cannot check the store");
	int rc = gt__q_step(q);
	const char *t = rc == GT__ROW ? gt__q_text(q, 0) : NULL;
	enum gt_status s = GT_OK;
	if (rc == GT__ROW && t && strcmp((const char *)t, "ok") != 0) {
		/* one line: SQLite's report, without its banner */
		char what[200];
		const char *from = strstr((const char *)t, "***\n");
		snprintf(what, sizeof(what), "%s", from ? from + 4 : (const char *)t);
		for (char *c = what; *c; c++)
			*c = *c == '\n' ? ' ' : *c;
		s = gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                "the store is damaged (%s); restore it from a backup "
		                "(docs/operations.md)",
		                what);
	}
	else if (rc != GT__ROW)
		s = gt__store_fail(st, err, "cannot check the store");
	gt__q_finalize(q);
	return s;
}

enum gt_status gt__store_begin(struct gt_store *st, struct gt_err *err)
{
	return gt__store_exec(st, "BEGIN IMMEDIATE;", err);
}

enum gt_status gt__store_commit(struct gt_store *st, struct gt_err *err)
{
	return gt__store_exec(st, "COMMIT;", err);
}

void gt__store_rollback(struct gt_store *st)
{
	gt__store_exec(st, "ROLLBACK;", NULL);
}

static int schema_version(struct gt_store *st)
{
	struct gt__q *q;
	int v = -1;
	if (!gt__q_prepare(st, "PRAGMA user_version", &q))
		return -1;
	if (gt__q_step(q) == GT__ROW)
		v = (int)gt__q_int64(q, 0);
	gt__q_finalize(q);
	return v;
}

enum gt_status gt_store_open(const char *path, struct gt_store **out, struct gt_err *err)
{
	*out = NULL;
	if (sodium_init() < 0)
		return gt_err_set(err, GT_E_INTERNAL, NULL, 0, 0, NULL, "libsodium cannot start");
	struct gt_store *st = calloc(1, sizeof(*st));
	if (!st)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	snprintf(st->path, sizeof(st->path), "%s", path);
	enum gt_status s;
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		s = gt__store_fail(st, err, "cannot open the store");
		goto out_fail;
	}
	sqlite3_busy_timeout(st->db, 5000);
	/* WAL with full synchronisation: a commit is on disk when it returns */
	if ((s = gt__store_exec(st, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
	                            "PRAGMA foreign_keys=ON;",
	                        err)) != GT_OK)
		goto out_fail;
	if ((s = quick_check(st, err)) != GT_OK)
		goto out_fail;
	int v = schema_version(st);
	if (v < 0) {
		s = gt__store_fail(st, err, "not a guarantor store");
		goto out_fail;
	}
	if (v > GT_STORE_SCHEMA) {
		s = gt_err_set(err, GT_E_SCHEMA, path, 0, 0, NULL,
		               "the store has schema %d, newer than this guarantor knows (%d); use a "
		               "newer guarantor",
		               v, GT_STORE_SCHEMA);
		goto out_fail;
	}
	for (int m = v; m < GT_STORE_SCHEMA; m++) {
		char pragma[64];
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d;", m + 1);
		if ((s = gt__store_begin(st, err)) != GT_OK)
			goto out_fail;
		if ((s = gt__store_exec(st, migrations[m], err)) != GT_OK ||
		    (s = gt__store_exec(st, pragma, err)) != GT_OK) {
			gt__store_rollback(st);
			goto out_fail;
		}
		if ((s = gt__store_commit(st, err)) != GT_OK)
			goto out_fail;
	}
	*out = st;
	return GT_OK;
out_fail:
	gt_store_close(st);
	return s;
}

void gt_store_close(struct gt_store *st)
{
	if (!st)
		return;
	sqlite3_close(st->db);
	free(st);
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
	if (gt__q_step(q) == GT__ROW) {
		seq = gt__q_int64(q, 0) + 1;
		if (gt__q_bytes(q, 1) == 32)
			memcpy(prev, gt__q_blob(q, 1), 32);
	}
	gt__q_finalize(q);
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
	int rc = gt__q_step(q);
	gt__q_finalize(q);
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot write the audit log");
}

enum gt_status gt_store_audit_verify(struct gt_store *st, int64_t *entries, struct gt_err *err)
{
	*entries = 0;
	struct gt__q *q;
	if (!gt__q_prepare(st, "SELECT seq, at, actor, action, object, detail, prev, hash FROM audit "
	                       "ORDER BY seq", &q))
		return gt__store_fail(st, err, "cannot read the audit log");
	unsigned char prev[32] = {0};
	int64_t expect = 1;
	enum gt_status s = GT_OK;
	int rc;
	while ((rc = gt__q_step(q)) == GT__ROW) {
		int64_t seq = gt__q_int64(q, 0);
		const char *f[5];
		for (int i = 0; i < 5; i++) {
			const char *t = gt__q_text(q, 1 + i);
			f[i] = t ? t : "";
		}
		unsigned char want[32];
		entry_hash(prev, seq, f[0], f[1], f[2], f[3], f[4], want);
		bool prev_ok = gt__q_bytes(q, 6) == 32 &&
		               memcmp(gt__q_blob(q, 6), prev, 32) == 0;
		bool hash_ok = gt__q_bytes(q, 7) == 32 &&
		               memcmp(gt__q_blob(q, 7), want, 32) == 0;
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
		(*entries)++;
	}
	gt__q_finalize(q);
	if (s == GT_OK && rc != GT__DONE)
		return gt__store_fail(st, err, "cannot read the audit log");
	return s;
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
