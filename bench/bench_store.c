/* bench_store.c: the monitoring store's durable ingest: reports a second
 * through gt_store_report_submit (validated, one transaction and one fsync
 * each, audited), against raw SQLite inserts of the same rows with the
 * same durability (WAL, synchronous=FULL, one transaction each). Prints
 * figures; asserts nothing. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "table.h"
#include "guarantor/monitor.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void unlink_db(const char *path)
{
	char p[512];
	remove(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	remove(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	remove(p);
}

int main(void)
{
	enum { N = 2000 };
	char path[256];
	snprintf(path, sizeof(path), "/tmp/gt-bench-store-%ld.db", (long)getpid());
	unlink_db(path);
	struct gt_store *st;
	struct gt_err err;
	char token[GT_TOKEN_MAX];
	struct gt_user u;
	if (gt_store_open(path, &st, &err) != GT_OK ||
	    gt_store_user_add(st, "bench", GT_ROLE_MONITOR, NULL, token, &err) != GT_OK ||
	    gt_store_user_observe(st, "bench", (const char *const[]){"team"}, 1, &err) != GT_OK ||
	    gt_store_authenticate(st, token, &u, &err) != GT_OK) {
		fprintf(stderr, "bench_store: %s\n", err.msg);
		return 1;
	}
	char json[1024];
	struct gt_report r;
	const struct gt_report_window window = {0, 1795780800};
	double t0 = now();
	for (int i = 0; i < N; i++) {
		snprintf(json, sizeof(json),
		         "{\"id\": \"b%06d\", \"observed\": {\"from\": \"2026-01-10T10:00:00Z\", \"to\": "
		         "\"2026-01-10T10:05:00Z\"}, \"reported\": \"2026-01-10T10:20:00Z\", \"position\": "
		         "{\"lon\": %.4f, \"lat\": 48.1, \"precision_m\": 50}, \"observer\": \"team\", "
		         "\"source\": \"acoustic\", \"event\": \"explosion\", \"weapon\": \"mortar\", "
		         "\"count\": 2}",
		         i, 37 + i * 1e-4);
		bool created;
		if (gt_report_parse(json, strlen(json), &window, &r, &err) != GT_OK ||
		    gt_store_report_submit(st, &u, &r, &created, &err) != GT_OK) {
			fprintf(stderr, "bench_store: %s\n", err.msg);
			return 1;
		}
	}
	double ours = N / (now() - t0);
	gt_store_close(st);
	unlink_db(path);

	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE r (id TEXT "
	                 "UNIQUE, lon REAL, lat REAL, body TEXT)",
	             NULL, NULL, NULL);
	sqlite3_stmt *q;
	sqlite3_prepare_v2(db, "INSERT INTO r VALUES (?, ?, 48.1, ?)", -1, &q, NULL);
	t0 = now();
	for (int i = 0; i < N; i++) {
		char id[16];
		snprintf(id, sizeof(id), "b%06d", i);
		sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_double(q, 2, 37 + i * 1e-4);
		sqlite3_bind_text(q, 3, json, -1, SQLITE_STATIC);
		sqlite3_step(q);
		sqlite3_reset(q);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	}
	double raw = N / (now() - t0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	unlink_db(path);
	printf("%-60s %12s\n", "benchmark (durable: WAL, synchronous=FULL, a commit each)",
	       "reports/s");
	printf("%-60s %12.0f\n", "gt_store_report_submit (parse, check, store, audit)", ours);
	printf("%-60s %12.0f\n", "  baseline: raw SQLite insert of one row", raw);
	printf("%-60s %11.2fx\n", "  ratio (ours / raw)", ours / raw);
	bench_row("durable ingest: gt_store_report_submit", ours, "reports/s",
	          "raw SQLite insert, same durability", raw);
	return 0;
}
