/* store_priv.h: what the monitoring store's files share (private). */
#ifndef GT_MONITOR_STORE_PRIV_H
#define GT_MONITOR_STORE_PRIV_H

#include "guarantor/monitor.h"
#include "monitor/vocab.h"

#include <jansson.h>

struct gt__q; /* sql.h */

/* The tables whose rows the audit chain binds (rows.c), in the order of
 * their names, the order in which an entry's rows are hashed. */
enum gt__tbl {
	GT__T_BREACHES,  /* with their evidence (breach_events) */
	GT__T_EVENTS,
	GT__T_PROPOSALS, /* with their votes */
	GT__T_REPORTS,
	GT__T_USERS,
	GT__T_COUNT
};

/* A row written in the current transaction, not yet bound. */
struct gt__touch {
	int tbl; /* enum gt__tbl */
	int64_t id;
};

/* The length of a key's id as audit entries keep it. */
#define GT__KEY_ID_BYTES 16

/* What every database's store begins with (sql_impl.h). */
struct gt_store {
	const struct gt__sql_ops *ops;
	/* What messages name: the file, or the database's URL without its
	 * password. */
	char path[1024];
	/* "PostGIS VERSION" when the database answers spatial queries */
	char postgis[32];
	/* opened to read only: never migrated, never written */
	bool read_only;
	/* the audit key (monitor.h, gt_store_options), and its id */
	bool keyed;
	unsigned char key[32];
	unsigned char key_id[GT__KEY_ID_BYTES];
	/* rows written since the last audit entry (gt__store_touch); touch_failed
	 * when one could not be noted, which fails the entry */
	struct gt__touch *touched;
	size_t ntouched, touched_cap;
	bool touch_failed;
};

/* The database's message, prefixed by what failed: GT_E_INTEGRITY for
 * damaged data, GT_E_FULL for a full store or disk, GT_E_UNAVAILABLE when
 * the database cannot be reached, GT_E_IO otherwise. */
enum gt_status gt__store_fail(struct gt_store *st, struct gt_err *err, const char *what);
/* A write transaction: one writer at a time, across every process on the
 * store, so that the audit chain stays one chain (SQLite: BEGIN
 * IMMEDIATE; PostgreSQL: an exclusive lock on the audit table). commit
 * makes it durable before it returns; rollback undoes it and reports
 * nothing. */
enum gt_status gt__store_begin(struct gt_store *st, struct gt_err *err);
/* A read-only snapshot for reads that must agree with each other (SQLite:
 * a deferred transaction, in WAL a snapshot from its first read;
 * PostgreSQL: REPEATABLE READ, READ ONLY). end_read leaves it. */
enum gt_status gt__store_begin_read(struct gt_store *st, struct gt_err *err);
void gt__store_end_read(struct gt_store *st);
enum gt_status gt__store_commit(struct gt_store *st, struct gt_err *err);
void gt__store_rollback(struct gt_store *st);
/* The current UTC time, ISO 8601 to the second. */
void gt__store_now(char out[32]);
/* Appends an entry to the audit chain, inside the caller's transaction,
 * binding to it every row touched since the last entry (audit.c): each
 * row's digest goes into audit_rows and the entry's hash covers them.
 * GT_E_AUTH when the chain is keyed and the store was opened without its
 * key, or with another. */
enum gt_status gt__store_audit(struct gt_store *st, const char *actor, const char *action,
                               const char *object, const char *detail, struct gt_err *err);
/* Notes that row id of tbl was written in the current write transaction,
 * for the next gt__store_audit to bind. Every write to an audited table
 * touches the rows it changes before its entry is made; a commit with rows
 * left unbound is a defect. Out of memory fails the next entry. */
void gt__store_touch(struct gt_store *st, enum gt__tbl tbl, int64_t id);
/* Forgets what was touched (a transaction begun or rolled back). */
void gt__store_untouch(struct gt_store *st);
/* Checks the key the store was opened with against the chain's last
 * entry: GT_E_AUTH when the chain is keyed with another key, or keyed and
 * the store has none. */
enum gt_status gt__audit_key_check(struct gt_store *st, struct gt_err *err);
/* The raw id of a key (auditkey.c): a keyed hash of a constant. */
void gt__audit_key_id_raw(const unsigned char key[32], unsigned char id[GT__KEY_ID_BYTES]);

/* --- rows bound to the chain (rows.c) --- */

/* audit_rows' name of a table. */
const char *gt__rows_table(enum gt__tbl t);
/* Binds the rows touched to entry seq: reads each back, inserts its
 * digest into audit_rows, and leaves the digest of them all, in table and
 * id order, in rows_digest (what the entry's hash covers). Clears the
 * touched set. OUT: *n rows bound. */
enum gt_status gt__rows_bind(struct gt_store *st, int64_t seq, unsigned char rows_digest[32],
                             int64_t *n, struct gt_err *err);
/* The digest of an entry's bindings, as gt__rows_bind makes it and
 * verification remakes it from audit_rows: each binding in table and id
 * order, its digest len bytes (0 for a row that no longer exists). */
struct gt__canon;
void gt__rows_hash_init(struct gt__canon *c);
void gt__rows_hash_add(struct gt__canon *c, const char *tbl, int64_t id, const void *digest,
                       int len);
/* Touches every row of every audited table (a migration's rebind). OUT:
 * *n rows. */
enum gt_status gt__rows_touch_all(struct gt_store *st, int64_t *n, struct gt_err *err);
/* Checks every row of every audited table against the digest the last
 * entry that bound it recorded, inside the caller's read snapshot, after
 * the chain itself was verified up to entry last. OUT: *rows checked. */
enum gt_status gt__rows_verify(struct gt_store *st, int64_t last, int schema, int64_t *rows,
                               struct gt_err *err);
/* gt_store_audit_verify inside the caller's transaction, of a store whose
 * rows have the form of that schema (5 or later): a migration's check
 * before it moves the store on. key_used: a chain none of whose entries
 * the store's key made fails (false: an unkeyed chain a keyed writer is
 * about to extend passes). */
enum gt_status gt__audit_verify_as(struct gt_store *st, int schema, bool key_used,
                                   struct gt_audit_summary *out, struct gt_err *err);

/* gt_report_parse on JSON already read (a batch's items). */
enum gt_status gt__report_from_json(const json_t *root, const struct gt_report_window *w,
                                    struct gt_report *out, struct gt_err *err);

/* A report's columns, in the order gt__store_read_reports reads them. */
#define GT__REPORT_COLS                                                                      \
	"seq, id, observed_from, observed_to, reported, lon, lat, precision_m, observer, source," \
	" event, weapon, count, bearing_deg, distance_km, text, attachments,"                    \
	" (SELECT name FROM users WHERE users.id = reports.submitted_by)"
/* Reads up to limit rows of q (GT__REPORT_COLS). OUT: *reports and their
 * *seqs (caller frees both), *n. */
enum gt_status gt__store_read_reports(struct gt_store *st, struct gt__q *q, size_t limit,
                                      struct gt_report **reports, int64_t **seqs, size_t *n,
                                      struct gt_err *err);

/* An event's columns, in the order gt__event_from_row reads them. */
#define GT__EVENT_COLS                                                                       \
	"id, status, merged_into, observed_from, observed_to, lon, lat, radius_km, triangulated," \
	" event, weapon, count, reports, observers, sources, grade, sector, side, line_km,"      \
	" offset_km, accounts, held"
void gt__event_from_row(struct gt__q *q, struct gt_event *e);

/* Opens the breaches that the events that began in [lo, hi] now make
 * (breaches.c), inside the caller's transaction, audited with actor. */
enum gt_status gt__breaches_update(struct gt_store *st, const struct gt_scenario *sc,
                                   const char *actor, int64_t lo, int64_t hi,
                                   struct gt_err *err);

/* A breach's status, inside the caller's transaction. */
enum gt_status gt__breach_set_status(struct gt_store *st, int64_t id,
                                     enum gt_breach_status to, struct gt_err *err);
/* True when a breach has a pending proposal (or the store cannot say). */
bool gt__breach_pending(struct gt_store *st, int64_t id);

/* Settles the pending proposals whose deadline has passed by now, inside
 * the caller's transaction (decisions.c). OUT: *settled. */
enum gt_status gt__store_settle_locked(struct gt_store *st, int64_t now, size_t *settled,
                                       struct gt_err *err);

/* Events (events.c). Begins a write transaction for a change to events,
 * with a locator for sc's line. OUT: *lc (freed by gt__events_finish). */
enum gt_status gt__events_begin(struct gt_store *st, const struct gt_scenario *sc,
                                struct gt_geo_line_locator **lc, struct gt_err *err);
/* Commits when s is GT_OK, else rolls back; frees lc. Returns the outcome. */
enum gt_status gt__events_finish(struct gt_store *st, struct gt_geo_line_locator *lc,
                                 enum gt_status s, struct gt_err *err);
/* Writes e: a new event with status, or an existing one's summary. */
enum gt_status gt__event_put(struct gt_store *st, const struct gt_event *e,
                             enum gt_event_status status, struct gt_err *err);
/* Recomputes a stored event's summary from its reports. */
enum gt_status gt__event_refresh(struct gt_store *st, const struct gt_scenario *sc,
                                 const struct gt_geo_line_locator *lc, int64_t id,
                                 struct gt_err *err);


#endif
