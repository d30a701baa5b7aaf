/* store_priv.h: what the monitoring store's files share (private). */
#ifndef GT_MONITOR_STORE_PRIV_H
#define GT_MONITOR_STORE_PRIV_H

#include "guarantor/monitor.h"

#include <jansson.h>
#include <sqlite3.h>

struct gt_store {
	sqlite3 *db;
	char path[1024];
};

/* GT_E_IO with SQLite's message, prefixed by what failed. */
enum gt_status gt__store_fail(struct gt_store *st, struct gt_err *err, const char *what);
/* Runs SQL without parameters (schema, pragmas, transactions). */
enum gt_status gt__store_exec(struct gt_store *st, const char *sql, struct gt_err *err);
/* The current UTC time, ISO 8601 to the second. */
void gt__store_now(char out[32]);
/* Appends an entry to the audit chain, inside the caller's transaction. */
enum gt_status gt__store_audit(struct gt_store *st, const char *actor, const char *action,
                               const char *object, const char *detail, struct gt_err *err);

/* gt_report_parse on JSON already read (a batch's items). */
enum gt_status gt__report_from_json(const json_t *root, int64_t now, struct gt_report *out,
                                    struct gt_err *err);

/* A report's columns, in the order gt__store_read_reports reads them. */
#define GT__REPORT_COLS                                                                      \
	"seq, id, observed_from, observed_to, reported, lon, lat, precision_m, observer, source," \
	" event, weapon, count, bearing_deg, distance_km, text, attachments"
/* Reads up to limit rows of q (GT__REPORT_COLS). OUT: *reports and their
 * *seqs (caller frees both), *n. */
enum gt_status gt__store_read_reports(struct gt_store *st, sqlite3_stmt *q, size_t limit,
                                      struct gt_report **reports, int64_t **seqs, size_t *n,
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

/* The vocabulary's names, indexed by value (vocab.c). */
extern const char *const gt__source_names[GT_SOURCE_COUNT];
extern const char *const gt__event_names[GT_EVENT_COUNT];
extern const char *const gt__weapon_names[GT_WEAPON_COUNT];

#endif
