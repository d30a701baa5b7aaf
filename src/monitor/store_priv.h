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

/* The vocabulary's names, indexed by value (vocab.c). */
extern const char *const gt__source_names[GT_SOURCE_COUNT];
extern const char *const gt__event_names[GT_EVENT_COUNT];
extern const char *const gt__weapon_names[GT_WEAPON_COUNT];

#endif
