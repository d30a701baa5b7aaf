/* test_monitor.c: the monitoring store: migrations, users and tokens,
 * authentication, and the audit chain's tamper detection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guarantor/monitor.h"

static char path[64];

static int setup(void **state)
{
	(void)state;
	snprintf(path, sizeof(path), "/tmp/gt-test-monitor-%ld.db", (long)getpid());
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char p[80];
	remove(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	remove(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	remove(p);
	return 0;
}

static void raw(const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void users_and_tokens(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	char alice[GT_TOKEN_MAX], paris[GT_TOKEN_MAX];
	assert_int_equal(gt_store_user_add(st, "alice", GT_ROLE_MONITOR, NULL, alice, &err), GT_OK);
	assert_int_equal(gt_store_user_add(st, "paris", GT_ROLE_MEMBER, "FR", paris, &err), GT_OK);
	assert_true(strncmp(alice, "gt1.1.", 6) == 0 && strlen(alice) > 40);
	struct gt_user u;
	assert_int_equal(gt_store_authenticate(st, alice, &u, &err), GT_OK);
	assert_string_equal(u.name, "alice");
	assert_int_equal(u.role, GT_ROLE_MONITOR);
	assert_int_equal(gt_store_authenticate(st, paris, &u, &err), GT_OK);
	assert_string_equal(u.member, "FR");
	/* a wrong secret, another user's id, nonsense: all refused alike */
	char wrong[GT_TOKEN_MAX];
	snprintf(wrong, sizeof(wrong), "%s", alice);
	wrong[strlen(wrong) - 1] ^= 1;
	assert_int_equal(gt_store_authenticate(st, wrong, &u, &err), GT_E_AUTH);
	assert_string_equal(err.msg, "invalid token");
	char swapped[GT_TOKEN_MAX];
	snprintf(swapped, sizeof(swapped), "gt1.2.%s", alice + 6);
	assert_int_equal(gt_store_authenticate(st, swapped, &u, &err), GT_E_AUTH);
	assert_int_equal(gt_store_authenticate(st, "Bearer x", &u, &err), GT_E_AUTH);
	assert_int_equal(gt_store_authenticate(st, "", &u, &err), GT_E_AUTH);
	/* bad input */
	char t[GT_TOKEN_MAX];
	assert_int_equal(gt_store_user_add(st, "alice", GT_ROLE_ANALYST, NULL, t, &err), GT_E_SCHEMA);
	assert_string_equal(err.msg, "user 'alice' already exists");
	assert_int_equal(gt_store_user_add(st, "a b", GT_ROLE_ANALYST, NULL, t, &err), GT_E_SCHEMA);
	assert_int_equal(gt_store_user_add(st, "rome", GT_ROLE_MEMBER, "it", t, &err), GT_E_SCHEMA);
	assert_int_equal(gt_store_user_add(st, "x", GT_ROLE_ANALYST, "FR", t, &err), GT_E_SCHEMA);
	/* revoked: refused; revoking twice is an error */
	assert_int_equal(gt_store_user_revoke(st, "alice", &err), GT_OK);
	assert_int_equal(gt_store_authenticate(st, alice, &u, &err), GT_E_AUTH);
	assert_int_equal(gt_store_user_revoke(st, "alice", &err), GT_E_SCHEMA);
	struct gt_user *list;
	size_t n;
	assert_int_equal(gt_store_users(st, &list, &n, &err), GT_OK);
	assert_int_equal(n, 2);
	assert_true(list[0].revoked && !list[1].revoked);
	free(list);
	/* three changes, chained */
	int64_t entries;
	assert_int_equal(gt_store_audit_verify(st, &entries, &err), GT_OK);
	assert_int_equal(entries, 3);
	gt_store_close(st);
	/* the token survives closing and reopening */
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	assert_int_equal(gt_store_authenticate(st, paris, &u, &err), GT_OK);
	gt_store_close(st);
}

/* Editing, deleting or reordering an entry behind the store's back is
 * found, and the first bad entry named. */
static void audit_tampering(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	char t[GT_TOKEN_MAX];
	int64_t entries;
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	for (int i = 0; i < 4; i++) {
		char name[16];
		snprintf(name, sizeof(name), "user%d", i);
		assert_int_equal(gt_store_user_add(st, name, GT_ROLE_OBSERVER, NULL, t, &err), GT_OK);
	}
	gt_store_close(st);
	raw("UPDATE audit SET detail = 'role=commander member=' WHERE seq = 3");
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &entries, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "audit entry 3 does not match its hash"));
	assert_int_equal(entries, 2);
	gt_store_close(st);
	teardown(NULL);
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	for (int i = 0; i < 3; i++) {
		char name[16];
		snprintf(name, sizeof(name), "user%d", i);
		assert_int_equal(gt_store_user_add(st, name, GT_ROLE_OBSERVER, NULL, t, &err), GT_OK);
	}
	gt_store_close(st);
	raw("DELETE FROM audit WHERE seq = 2");
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &entries, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "audit entry 2 is missing"));
	gt_store_close(st);
}

static void newer_schema_refused(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	gt_store_close(st);
	raw("PRAGMA user_version = 99");
	assert_int_equal(gt_store_open(path, &st, &err), GT_E_SCHEMA);
	assert_non_null(strstr(err.msg, "schema 99, newer than this guarantor knows (2)"));
	/* not a database at all */
	teardown(NULL);
	FILE *f = fopen(path, "w");
	fputs("this is not a database, just text that is long enough to be read as a header\n", f);
	fclose(f);
	assert_int_not_equal(gt_store_open(path, &st, &err), GT_OK);
}

/* A cached token is still refused once revoked, even by another process
 * (another store handle); a wrong token is never cached. */
static void token_cache(void **state)
{
	(void)state;
	struct gt_store *st, *other;
	struct gt_auth_cache *c;
	struct gt_err err;
	char t[GT_TOKEN_MAX];
	struct gt_user u;
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	assert_int_equal(gt_auth_cache_new(&c), GT_OK);
	assert_int_equal(gt_store_user_add(st, "kt3", GT_ROLE_MONITOR, NULL, t, &err), GT_OK);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(gt_store_authenticate_cached(st, c, t, &u, &err), GT_OK);
		assert_string_equal(u.name, "kt3");
	}
	char wrong[GT_TOKEN_MAX];
	snprintf(wrong, sizeof(wrong), "%s", t);
	wrong[strlen(wrong) - 1] ^= 1;
	assert_int_equal(gt_store_authenticate_cached(st, c, wrong, &u, &err), GT_E_AUTH);
	assert_int_equal(gt_store_authenticate_cached(st, c, wrong, &u, &err), GT_E_AUTH);
	assert_int_equal(gt_store_open(path, &other, &err), GT_OK);
	assert_int_equal(gt_store_user_revoke(other, "kt3", &err), GT_OK);
	gt_store_close(other);
	assert_int_equal(gt_store_authenticate_cached(st, c, t, &u, &err), GT_E_AUTH);
	assert_string_equal(err.msg, "invalid token");
	gt_auth_cache_free(c);
	gt_store_close(st);
}

/* 2026-11-27T12:00:00Z */
#define NOW 1795780800

static const char good[] =
	"{\"id\": \"kt3-0001\", \"observed\": {\"from\": \"2026-11-27T10:00:00Z\", "
	"\"to\": \"2026-11-27T10:05:00Z\"}, \"reported\": \"2026-11-27T10:20:00Z\", "
	"\"position\": {\"lon\": 37.6, \"lat\": 48.1, \"precision_m\": 500}, "
	"\"observer\": \"team 3\", \"source\": \"patrol\", \"event\": \"explosion\", "
	"\"weapon\": \"artillery\", \"count\": 4, \"heard\": {\"bearing_deg\": 120, "
	"\"distance_km\": 5}, \"text\": \"four impacts\"}";

/* One change to the good report, and the error it must give. */
static void expect_bad(const char *from, const char *to, enum gt_status want, const char *msg)
{
	char json[2048];
	const char *at = strstr(good, from);
	assert_non_null(at);
	snprintf(json, sizeof(json), "%.*s%s%s", (int)(at - good), good, to, at + strlen(from));
	struct gt_report r;
	struct gt_err err;
	assert_int_equal(gt_report_parse(json, strlen(json), NOW, &r, &err), want);
	char got[512];
	snprintf(got, sizeof(got), "%s: %s", err.path, err.msg);
	assert_string_equal(got, msg);
}

static void report_parsing(void **state)
{
	(void)state;
	struct gt_report r;
	struct gt_err err;
	assert_int_equal(gt_report_parse(good, strlen(good), NOW, &r, &err), GT_OK);
	assert_string_equal(r.id, "kt3-0001");
	assert_int_equal(r.observed_to - r.observed_from, 300);
	assert_int_equal(r.reported, NOW - 6000);
	assert_true(r.weapon == GT_WEAPON_ARTILLERY && r.count == 4 && r.heard);
	assert_true(r.bearing_deg == 120 && r.distance_km == 5);
	expect_bad("\"count\": 4", "\"count\": 4, \"colour\": 1", GT_E_SCHEMA,
	           "colour: unknown field; expected one of: id, observed, reported, position, "
	           "observer, source, event, weapon, count, heard, text, attachments");
	expect_bad("\"lat\": 48.1", "\"lat\": 95", GT_E_RANGE,
	           "position.lat: 95 is out of range; expected -90 to 90");
	expect_bad("\"lon\": 37.6", "\"lon\": \"east\"", GT_E_SCHEMA,
	           "position.lon: expected a number, got text");
	expect_bad("2026-11-27T10:05:00Z", "2026-11-27T09:05:00Z", GT_E_RANGE,
	           "observed.to: is before observed.from");
	expect_bad("2026-11-27T10:20:00Z", "2026-11-28T10:20:00Z", GT_E_RANGE,
	           "reported: is in the future (more than 5 minutes ahead of the server's clock)");
	expect_bad("2026-11-27T10:00:00Z", "2026-02-31T10:00:00Z", GT_E_SCHEMA,
	           "observed.from: '2026-02-31T10:00:00Z'; expected a UTC time like "
	           "2026-11-27T10:00:00Z");
	expect_bad("\"patrol\"", "\"rumour\"", GT_E_SCHEMA,
	           "source: 'rumour'; expected one of: patrol, fixed_camera, uav, acoustic, partner, "
	           "open_source");
	expect_bad("\"explosion\"", "\"small_arms\"", GT_E_SCHEMA,
	           "weapon: only explosions have a weapon class");
	expect_bad("\"count\": 4", "\"count\": 2.5", GT_E_SCHEMA, "count: expected a whole number");
	expect_bad("\"kt3-0001\"", "\"kt3 0001\"", GT_E_SCHEMA,
	           "id: expected 1 to 64 letters, digits, '.', '_', ':' or '-'");
	expect_bad("\"text\": \"four impacts\"",
	           "\"attachments\": [\"md5:abc\"]", GT_E_SCHEMA,
	           "attachments[0]: expected \"sha256:\" and 64 lower-case hex digits");
	assert_int_equal(gt_report_parse("{\"id\": 1,", 8, NOW, &r, &err), GT_E_SYNTAX);
	assert_int_equal(gt_report_parse("[1]", 3, NOW, &r, &err), GT_E_SCHEMA);
	assert_int_equal(gt_report_parse("{\"id\": \"a\", \"id\": \"b\"}", 22, NOW, &r, &err),
	                 GT_E_SYNTAX);
}

/* The same report twice is stored once and acknowledged twice; a different
 * report under the same id is refused; each stored report is audited. */
static void idempotent_submission(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	char t[GT_TOKEN_MAX];
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	assert_int_equal(gt_store_user_add(st, "kt3", GT_ROLE_MONITOR, NULL, t, &err), GT_OK);
	struct gt_user u;
	assert_int_equal(gt_store_authenticate(st, t, &u, &err), GT_OK);
	struct gt_report r;
	assert_int_equal(gt_report_parse(good, strlen(good), NOW, &r, &err), GT_OK);
	bool created;
	assert_int_equal(gt_store_report_submit(st, &u, &r, &created, &err), GT_OK);
	assert_true(created);
	assert_int_equal(gt_store_report_submit(st, &u, &r, &created, &err), GT_OK);
	assert_false(created);
	r.count = 5;
	assert_int_equal(gt_store_report_submit(st, &u, &r, &created, &err), GT_E_CONFLICT);
	assert_string_equal(err.msg, "'kt3-0001' is already the id of a different report");
	int64_t entries;
	assert_int_equal(gt_store_audit_verify(st, &entries, &err), GT_OK);
	assert_int_equal(entries, 2); /* the user, the one report */
	gt_store_close(st);
	sqlite3 *db;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*), max(count) FROM reports", -1, &q,
	                                    NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	assert_int_equal(sqlite3_column_int(q, 1), 4);
	sqlite3_finalize(q);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(users_and_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_tampering, setup, teardown),
		cmocka_unit_test_setup_teardown(newer_schema_refused, setup, teardown),
		cmocka_unit_test(report_parsing),
		cmocka_unit_test_setup_teardown(token_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(idempotent_submission, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
