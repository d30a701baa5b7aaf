/* test_monitor.c: the monitoring store: migrations, users and tokens,
 * authentication, the audit chain's tamper detection, reports, events,
 * breaches and decisions.
 *
 * One suite for both databases: a SQLite file by default; with
 * GT_TEST_PG set to a PostgreSQL server's URL (tests/pg/cluster.sh
 * starts a throwaway one), each test gets a schema of its own in that
 * database instead. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libpq-fe.h>
#include <sodium.h>
#include <sqlite3.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guarantor/geo.h"
#include "guarantor/monitor.h"
#include "testutil.h"

static const char *pg_url; /* GT_TEST_PG, or NULL for SQLite */
static char schema[64];    /* PostgreSQL: this test's schema */
static char path[512];     /* the store's address */

/* Runs sql on the store's database behind the store's back; the first
 * row's first column as an integer (-1 when there is none). */
static int64_t raw(const char *sql)
{
	int64_t v = -1;
	if (pg_url) {
		char url[512];
		snprintf(url, sizeof(url), "%s?options=-csearch_path%%3D%s,public", pg_url, schema);
		PGconn *c = PQconnectdb(url);
		assert_int_equal(PQstatus(c), CONNECTION_OK);
		PGresult *r = PQexec(c, sql);
		int es = PQresultStatus(r);
		if (es != PGRES_COMMAND_OK && es != PGRES_TUPLES_OK)
			fail_msg("%s: %s", sql, PQresultErrorMessage(r));
		if (es == PGRES_TUPLES_OK && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
			v = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		PQclear(r);
		PQfinish(c);
		return v;
	}
	sqlite3 *db;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &q, NULL), SQLITE_OK);
	int rc = sqlite3_step(q);
	assert_true(rc == SQLITE_ROW || rc == SQLITE_DONE);
	if (rc == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return v;
}

/* Runs statements (several, without parameters) on the store's database
 * behind the store's back. */
static void raw_exec(const char *sql)
{
	if (pg_url) {
		char url[512];
		snprintf(url, sizeof(url), "%s?options=-csearch_path%%3D%s,public", pg_url, schema);
		PGconn *c = PQconnectdb(url);
		assert_int_equal(PQstatus(c), CONNECTION_OK);
		PQclear(PQexec(c, "SET client_min_messages = warning"));
		PGresult *r = PQexec(c, sql);
		if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
			fail_msg("%s: %s", sql, PQresultErrorMessage(r));
		PQclear(r);
		PQfinish(c);
		return;
	}
	sqlite3 *db;
	char *msg = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

/* Runs sql on the server's maintenance connection (PostgreSQL). */
static void pg_admin(const char *sql)
{
	PGconn *c = PQconnectdb(pg_url);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	PQclear(PQexec(c, "SET client_min_messages = warning"));
	PGresult *r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		fail_msg("%s: %s", sql, PQresultErrorMessage(r));
	PQclear(r);
	PQfinish(c);
}

/* The teams' accounts in the test's store (setup forgets them). */
static struct {
	char name[64];
	struct gt_user u;
} accounts[16];
static size_t naccounts;

static int setup(void **state)
{
	(void)state;
	static int n;
	naccounts = 0;
	if (pg_url) {
		char sql[128];
		snprintf(schema, sizeof(schema), "t%ld_%d", (long)getpid(), ++n);
		snprintf(sql, sizeof(sql), "CREATE SCHEMA %s", schema);
		pg_admin(sql);
		snprintf(path, sizeof(path), "%s?options=-csearch_path%%3D%s,public", pg_url, schema);
	}
	else
		snprintf(path, sizeof(path), "/tmp/gt-test-monitor-%ld.db", (long)getpid());
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	if (pg_url) {
		char sql[128];
		snprintf(sql, sizeof(sql), "DROP SCHEMA %s CASCADE", schema);
		pg_admin(sql);
		return 0;
	}
	char p[600];
	remove(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	remove(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	remove(p);
	return 0;
}

/* Starts the test's store afresh. */
static void renew(void)
{
	teardown(NULL);
	setup(NULL);
}

/* A new user of role in st, signed in. A monitor reports as the teams of
 * the tests' reports. */
static struct gt_user add_user(struct gt_store *st, const char *name, enum gt_role role)
{
	static const char *const teams[] = {"team 1", "team 2", "team 3", "team 4"};
	struct gt_err err;
	char t[GT_TOKEN_MAX];
	struct gt_user u;
	assert_int_equal(gt_store_user_add(st, name, role, NULL, t, &err), GT_OK);
	if (role == GT_ROLE_MONITOR)
		assert_int_equal(gt_store_user_observe(st, name, teams, 4, &err), GT_OK);
	assert_int_equal(gt_store_authenticate(st, t, &u, &err), GT_OK);
	return u;
}

/* Stores r as the account of its observer, so that each team corroborates
 * the others: "team 1" reports through account "team-1", added with that
 * one observer when first seen. */
static enum gt_status submit(struct gt_store *st, const struct gt_report *r, bool *created,
                             struct gt_err *err)
{
	char name[64];
	snprintf(name, sizeof(name), "%s", r->observer);
	for (char *p = name; *p; p++)
		*p = *p == ' ' ? '-' : *p;
	size_t i = 0;
	while (i < naccounts && strcmp(accounts[i].name, name) != 0)
		i++;
	if (i == naccounts) {
		assert_true(naccounts < 16);
		char t[GT_TOKEN_MAX];
		const char *observer = r->observer;
		assert_int_equal(gt_store_user_add(st, name, GT_ROLE_MONITOR, NULL, t, err), GT_OK);
		assert_int_equal(gt_store_user_observe(st, name, &observer, 1, err), GT_OK);
		assert_int_equal(gt_store_authenticate(st, t, &accounts[i].u, err), GT_OK);
		snprintf(accounts[i].name, sizeof(accounts[i].name), "%s", name);
		naccounts++;
	}
	return gt_store_report_submit(st, &accounts[i].u, r, created, err);
}

/* gt_store_audit_verify, with how many entries it read. */
static enum gt_status verify_chain(struct gt_store *st, int64_t *entries, struct gt_err *err)
{
	struct gt_audit_summary sum;
	enum gt_status s = gt_store_audit_verify(st, &sum, err);
	*entries = sum.entries;
	return s;
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
	assert_int_equal(verify_chain(st, &entries, &err), GT_OK);
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
	assert_int_equal(verify_chain(st, &entries, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "audit entry 3 does not match its hash"));
	assert_non_null(strstr(err.msg, "the entries after it still follow it"));
	assert_int_equal(entries, 4);
	gt_store_close(st);
	renew();
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	for (int i = 0; i < 3; i++) {
		char name[16];
		snprintf(name, sizeof(name), "user%d", i);
		assert_int_equal(gt_store_user_add(st, name, GT_ROLE_OBSERVER, NULL, t, &err), GT_OK);
	}
	gt_store_close(st);
	raw("DELETE FROM audit WHERE seq = 2");
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	assert_int_equal(verify_chain(st, &entries, &err), GT_E_INTEGRITY);
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
	raw(pg_url ? "UPDATE guarantor_schema SET version = 99" : "PRAGMA user_version = 99");
	assert_int_equal(gt_store_open(path, &st, &err), GT_E_SCHEMA);
	char want[80];
	snprintf(want, sizeof(want), "schema 99, newer than this guarantor knows (%d)",
	         GT_STORE_SCHEMA);
	assert_non_null(strstr(err.msg, want));
	if (pg_url)
		return;
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
	/* not seen yet: the cheap check says so, without argon2id */
	assert_int_equal(gt_store_authenticate_known(st, c, t, &u, &err), GT_E_NOTFOUND);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(gt_store_authenticate_cached(st, c, t, &u, &err), GT_OK);
		assert_string_equal(u.name, "kt3");
	}
	assert_int_equal(gt_store_authenticate_known(st, c, t, &u, &err), GT_OK);
	assert_string_equal(u.name, "kt3");
	assert_string_equal(u.observers, "kt3"); /* a monitor reports as itself at first */
	char wrong[GT_TOKEN_MAX];
	snprintf(wrong, sizeof(wrong), "%s", t);
	wrong[strlen(wrong) - 1] ^= 1;
	assert_int_equal(gt_store_authenticate_cached(st, c, wrong, &u, &err), GT_E_AUTH);
	assert_int_equal(gt_store_authenticate_cached(st, c, wrong, &u, &err), GT_E_AUTH);
	assert_int_equal(gt_store_authenticate_known(st, c, wrong, &u, &err), GT_E_NOTFOUND);
	assert_int_equal(gt_store_open(path, &other, &err), GT_OK);
	assert_int_equal(gt_store_user_revoke(other, "kt3", &err), GT_OK);
	gt_store_close(other);
	assert_int_equal(gt_store_authenticate_known(st, c, t, &u, &err), GT_E_AUTH);
	assert_int_equal(gt_store_authenticate_cached(st, c, t, &u, &err), GT_E_AUTH);
	assert_string_equal(err.msg, "invalid token");
	gt_auth_cache_free(c);
	gt_store_close(st);
}

/* 2026-11-27T12:00:00Z */
#define NOW 1795780800
static const struct gt_report_window WINDOW = {0, NOW};

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
	assert_int_equal(gt_report_parse(json, strlen(json), &WINDOW, &r, &err), want);
	char got[512];
	snprintf(got, sizeof(got), "%s: %s", err.path, err.msg);
	assert_string_equal(got, msg);
}

static void report_parsing(void **state)
{
	(void)state;
	struct gt_report r;
	struct gt_err err;
	assert_int_equal(gt_report_parse(good, strlen(good), &WINDOW, &r, &err), GT_OK);
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
	/* a :60 second would be stored as the next minute (issue 16, finding 9) */
	expect_bad("2026-11-27T10:00:00Z", "2026-11-27T10:00:60Z", GT_E_SCHEMA,
	           "observed.from: '2026-11-27T10:00:60Z'; expected a UTC time like "
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
	assert_int_equal(gt_report_parse("{\"id\": 1,", 8, &WINDOW, &r, &err), GT_E_SYNTAX);
	assert_int_equal(gt_report_parse("[1]", 3, &WINDOW, &r, &err), GT_E_SCHEMA);
	assert_int_equal(gt_report_parse("{\"id\": \"a\", \"id\": \"b\"}", 22, &WINDOW, &r, &err),
	                 GT_E_SYNTAX);
}

/* The same report twice is stored once and acknowledged twice; a different
 * report under the same id is refused; each stored report is audited. */
static void idempotent_submission(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	struct gt_user u = add_user(st, "kt3", GT_ROLE_MONITOR);
	struct gt_report r;
	assert_int_equal(gt_report_parse(good, strlen(good), &WINDOW, &r, &err), GT_OK);
	bool created;
	assert_int_equal(gt_store_report_submit(st, &u, &r, &created, &err), GT_OK);
	assert_true(created);
	assert_int_equal(gt_store_report_submit(st, &u, &r, &created, &err), GT_OK);
	assert_false(created);
	r.count = 5;
	assert_int_equal(gt_store_report_submit(st, &u, &r, &created, &err), GT_E_CONFLICT);
	assert_string_equal(err.msg, "'kt3-0001' is already the id of a different report of yours");
	/* issue 16, finding 1, as the attacker sent it: under the first digest,
	 * fields joined with '|', these two different reports had one digest
	 * and the second was acknowledged (200, created false) and never stored */
	static const char coll_a[] =
		"{\"id\": \"idem-coll\", \"observed\": {\"from\": \"2026-11-27T10:00:00Z\", "
		"\"to\": \"2026-11-27T10:05:00Z\"}, \"reported\": \"2026-11-27T10:20:00Z\", "
		"\"position\": {\"lon\": 37.6, \"lat\": 48.1, \"precision_m\": 500}, "
		"\"observer\": \"team|0\", \"source\": \"uav\", \"event\": \"explosion\", "
		"\"weapon\": \"artillery\", \"count\": 1, \"heard\": {\"bearing_deg\": 7, "
		"\"distance_km\": 4}, \"text\": \"xy\"}";
	static const char coll_b[] =
		"{\"id\": \"idem-coll\", \"observed\": {\"from\": \"2026-11-27T10:00:00Z\", "
		"\"to\": \"2026-11-27T10:05:00Z\"}, \"reported\": \"2026-11-27T10:20:00Z\", "
		"\"position\": {\"lon\": 37.6, \"lat\": 48.1, \"precision_m\": 500}, "
		"\"observer\": \"team\", \"source\": \"patrol\", \"event\": \"drone\", "
		"\"count\": 3, \"heard\": {\"bearing_deg\": 1, "
		"\"distance_km\": 7}, \"text\": \"2|xy\"}";
	struct gt_report a, b;
	const char *observers[] = {"team 3", "team|0", "team"};
	assert_int_equal(gt_store_user_observe(st, "kt3", observers, 3, &err), GT_OK);
	assert_int_equal(gt_report_parse(coll_a, strlen(coll_a), &WINDOW, &a, &err), GT_OK);
	if (gt_report_parse(coll_b, strlen(coll_b), &WINDOW, &b, &err) != GT_OK)
		fail_msg("%s: %s", err.path, err.msg);
	assert_int_equal(gt_store_report_submit(st, &u, &a, &created, &err), GT_OK);
	assert_true(created);
	assert_int_equal(gt_store_report_submit(st, &u, &b, &created, &err), GT_E_CONFLICT);
	/* -0 is 0: the same report */
	a.lon = a.lon == 0 ? -0.0 : a.lon;
	assert_int_equal(gt_store_report_submit(st, &u, &a, &created, &err), GT_OK);
	assert_false(created);
	int64_t entries;
	assert_int_equal(verify_chain(st, &entries, &err), GT_OK);
	assert_int_equal(entries, 5); /* the user, its observers twice, the two reports */
	gt_store_close(st);
	assert_int_equal(raw("SELECT count(*) FROM reports"), 2);
	assert_int_equal(raw("SELECT max(count) FROM reports"), 4);
}

/* A report at (lon, lat) by observer, seen, of type event/weapon. */
static struct gt_report report_at(const char *id, double lon, double lat, int64_t t,
                                  const char *observer, enum gt_event_type ev,
                                  enum gt_weapon w)
{
	struct gt_report r;
	memset(&r, 0, sizeof(r));
	snprintf(r.id, sizeof(r.id), "%s", id);
	r.observed_from = t;
	r.observed_to = t + 300;
	r.reported = t + 600;
	r.lon = lon;
	r.lat = lat;
	r.precision_m = 200;
	snprintf(r.observer, sizeof(r.observer), "%s", observer);
	r.source = GT_SOURCE_PATROL;
	r.event = ev;
	r.weapon = w;
	r.count = 3;
	return r;
}

static int64_t event_of(const char *report_id)
{
	char sql[128];
	snprintf(sql, sizeof(sql), "SELECT event_id FROM reports WHERE id = '%s'", report_id);
	return raw(sql);
}

/* Reports into events in the store; analysts verify, reject, reopen,
 * merge and split; every change audited. */
static void events_in_store(void **state)
{
	(void)state;
	struct gt_scenario *sc;
	struct gt_store *st;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&sc, &err), GT_OK);
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	struct gt_user an = add_user(st, "ana", GT_ROLE_ANALYST);
	/* one shelling seen by two teams; another 5 km east; a mine */
	struct gt_report r[4] = {
		report_at("a1", 37.70, 48.00, NOW - 7200, "team 1", GT_EVENT_EXPLOSION,
		          GT_WEAPON_ARTILLERY),
		report_at("a2", 37.701, 48.001, NOW - 7100, "team 2", GT_EVENT_EXPLOSION,
		          GT_WEAPON_UNDETERMINED),
		report_at("b1", 37.77, 48.00, NOW - 7200, "team 3", GT_EVENT_EXPLOSION,
		          GT_WEAPON_ARTILLERY),
		report_at("m1", 37.70, 48.00, NOW - 7200, "team 1", GT_EVENT_MINE, GT_WEAPON_NONE),
	};
	bool created;
	for (int i = 0; i < 4; i++)
		assert_int_equal(submit(st, &r[i], &created, &err), GT_OK);
	struct gt_correlation c;
	assert_int_equal(gt_store_correlate(st, sc, &an, &c, &err), GT_OK);
	assert_int_equal(c.reports, 4);
	assert_int_equal(c.new_events, 3);
	assert_int_equal(c.joined_events, 0);
	int64_t ea = event_of("a1"), eb = event_of("b1"), em = event_of("m1");
	assert_int_equal(event_of("a2"), ea);
	assert_true(ea > 0 && eb > 0 && em > 0 && ea != eb && eb != em);
	struct gt_event e;
	assert_int_equal(gt_store_event(st, ea, &e, &err), GT_OK);
	assert_int_equal(e.reports, 2);
	assert_int_equal(e.observers, 2);
	assert_int_equal(e.grade, 'B');
	assert_int_equal(e.status, GT_EVENT_UNVERIFIED);
	assert_int_equal(e.side, -1); /* east of Donetsk's line: the right */
	/* nothing new: a second run changes nothing */
	assert_int_equal(gt_store_correlate(st, sc, &an, &c, &err), GT_OK);
	assert_int_equal(c.reports, 0);
	/* a late report of the first shelling joins its event */
	struct gt_report late = report_at("a3", 37.7005, 48.0, NOW - 7000, "team 4",
	                                  GT_EVENT_EXPLOSION, GT_WEAPON_ARTILLERY);
	assert_int_equal(submit(st, &late, &created, &err), GT_OK);
	assert_int_equal(gt_store_correlate(st, sc, &an, &c, &err), GT_OK);
	assert_int_equal(c.joined_events, 1);
	assert_int_equal(event_of("a3"), ea);
	assert_int_equal(gt_store_event(st, ea, &e, &err), GT_OK);
	assert_int_equal(e.reports, 3);
	assert_int_equal(e.grade, 'A');
	/* verify closes it to new reports and to merges */
	assert_int_equal(gt_store_event_review(st, sc, &an, ea, GT_EVENT_VERIFIED, "two teams", &err),
	                 GT_OK);
	assert_int_equal(gt_store_event_review(st, sc, &an, ea, GT_EVENT_REJECTED, "", &err),
	                 GT_E_CONFLICT);
	int64_t into;
	assert_int_equal(gt_store_event_merge(st, sc, &an, (int64_t[]){ea, eb}, 2, "", &into, &err),
	                 GT_E_CONFLICT);
	assert_int_equal(gt_store_event_review(st, sc, &an, 999, GT_EVENT_VERIFIED, "", &err),
	                 GT_E_NOTFOUND);
	/* reopen, merge the two shellings; a mine does not merge with them */
	assert_int_equal(gt_store_event_review(st, sc, &an, ea, GT_EVENT_UNVERIFIED, "", &err), GT_OK);
	assert_int_equal(gt_store_event_merge(st, sc, &an, (int64_t[]){eb, em}, 2, "", &into, &err),
	                 GT_E_CONFLICT);
	assert_int_equal(gt_store_event_merge(st, sc, &an, (int64_t[]){eb, ea}, 2, "one", &into,
	                                      &err),
	                 GT_OK);
	assert_int_equal(into, ea < eb ? ea : eb);
	int64_t gone = ea < eb ? eb : ea;
	assert_int_equal(gt_store_event(st, gone, &e, &err), GT_OK);
	assert_int_equal(e.status, GT_EVENT_MERGED);
	assert_int_equal(e.merged_into, into);
	assert_int_equal(gt_store_event(st, into, &e, &err), GT_OK);
	assert_int_equal(e.reports, 4);
	/* split b1 off again */
	int64_t split;
	assert_int_equal(gt_store_event_split(st, sc, &an, into, (const char *[]){"zz"}, 1, "",
	                                      &split, &err),
	                 GT_E_NOTFOUND);
	assert_int_equal(gt_store_event_split(st, sc, &an, into, (const char *[]){"b1"}, 1,
	                                      "5 km apart", &split, &err),
	                 GT_OK);
	assert_int_equal(event_of("b1"), split);
	assert_int_equal(gt_store_event(st, into, &e, &err), GT_OK);
	assert_int_equal(e.reports, 3);
	assert_int_equal(gt_store_event(st, split, &e, &err), GT_OK);
	assert_int_equal(e.reports, 1);
	assert_int_equal(e.grade, 'C');
	/* listing: the merged event is left out unless asked for */
	struct gt_event *list;
	size_t n;
	struct gt_event_filter f = {.from = 0, .to = INT64_MAX, .event = -1};
	assert_int_equal(gt_store_events(st, &f, 0, 100, &list, &n, &err), GT_OK);
	assert_int_equal(n, 3);
	free(list);
	f.statuses = 1u << GT_EVENT_MERGED;
	assert_int_equal(gt_store_events(st, &f, 0, 100, &list, &n, &err), GT_OK);
	assert_int_equal(n, 1);
	free(list);
	f.statuses = 0;
	f.event = GT_EVENT_MINE;
	assert_int_equal(gt_store_events(st, &f, 0, 100, &list, &n, &err), GT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, em);
	free(list);
	/* the analyst, four teams' accounts (each added, then given its
	 * observer), 5 reports, 2 correlations (the one that found nothing
	 * changed nothing), verify, reopen, merge, split */
	int64_t entries;
	assert_int_equal(verify_chain(st, &entries, &err), GT_OK);
	assert_int_equal(entries, 1 + 4 * 2 + 5 + 2 + 4);
	gt_store_close(st);
	gt_scenario_free(sc);
}

static struct gt_user user(struct gt_store *st, const char *name, enum gt_role role,
                           const char *member)
{
	struct gt_err err;
	char t[GT_TOKEN_MAX];
	struct gt_user u;
	assert_int_equal(gt_store_user_add(st, name, role, member, t, &err), GT_OK);
	assert_int_equal(gt_store_authenticate(st, t, &u, &err), GT_OK);
	return u;
}

/* Submits r, correlates, and returns how many breaches of statuses (a
 * mask; 0: all) the store then holds, the last of them in *last when
 * last is not NULL. */
static size_t report_and_count(struct gt_store *st, const struct gt_scenario *sc,
                               const struct gt_user *an, const struct gt_report *r,
                               unsigned statuses, struct gt_breach *last)
{
	struct gt_err err;
	bool created;
	struct gt_correlation c;
	struct gt_breach *b;
	size_t n;
	assert_int_equal(submit(st, r, &created, &err), GT_OK);
	assert_int_equal(gt_store_correlate(st, sc, an, &c, &err), GT_OK);
	assert_int_equal(gt_store_breaches(st, statuses, 0, 100, &b, &n, &err), GT_OK);
	if (last && n > 0)
		*last = b[n - 1];
	free(b);
	return n;
}

/* Issue 17, finding 2: a false alarm rejected and its breach dismissed do
 * not hide a real violation in the same window; a dismissed breach whose
 * evidence stands still holds it (one breach per window). */
static void false_alarm_then_real(void **state)
{
	(void)state;
	struct gt_scenario *sc;
	struct gt_store *st;
	struct gt_err err;
	size_t len;
	const char *yaml = gt_scenario_builtin_yaml(&len);
	assert_int_equal(gt_scenario_load_text(yaml, len, "builtin.yaml", ".", &sc, &err), GT_OK);
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	struct gt_user an = user(st, "ana", GT_ROLE_ANALYST, NULL);
	struct gt_user gen = user(st, "gen", GT_ROLE_COMMANDER, NULL);
	struct gt_breach b;
	/* heavy weapons near the line (25 km, any movement): a breach */
	struct gt_report alarm = report_at("h1", 37.60, 48.60, NOW - 3600, "uav 7",
	                                   GT_EVENT_HEAVY_WEAPONS, GT_WEAPON_NONE);
	assert_int_equal(report_and_count(st, sc, &an, &alarm, 0, &b), 1);
	int64_t first = b.id;
	int64_t *ev;
	size_t nev;
	assert_int_equal(gt_store_breach(st, first, &b, &ev, &nev, &err), GT_OK);
	assert_int_equal(nev, 1);
	int64_t alarm_event = ev[0];
	free(ev);
	/* the analyst finds it was nothing; the commander dismisses it */
	assert_int_equal(gt_store_event_review(st, sc, &an, alarm_event, GT_EVENT_REJECTED,
	                                       "a tractor", &err),
	                 GT_OK);
	assert_int_equal(gt_store_breach_dismiss(st, &gen, first, "false alarm", NOW, &err), GT_OK);
	/* a real movement half an hour later, 60 km away: a breach of its own */
	struct gt_report real = report_at("h2", 36.10, 47.60, NOW - 1800, "uav 8",
	                                  GT_EVENT_HEAVY_WEAPONS, GT_WEAPON_NONE);
	real.count = 7;
	assert_int_equal(report_and_count(st, sc, &an, &real, 1u << GT_BREACH_OPEN, &b), 1);
	assert_true(b.id != first);
	assert_int_equal(b.total, 7);
	/* dismissed with its evidence standing, it holds the window: a third
	 * movement within it opens nothing more */
	assert_int_equal(gt_store_breach_dismiss(st, &gen, b.id, "notified", NOW, &err), GT_OK);
	struct gt_report third = report_at("h3", 35.90, 47.55, NOW - 900, "uav 9",
	                                   GT_EVENT_HEAVY_WEAPONS, GT_WEAPON_NONE);
	assert_int_equal(report_and_count(st, sc, &an, &third, 0, NULL), 2);
	gt_store_close(st);
	gt_scenario_free(sc);
}

/* Thresholds crossed open breaches with their evidence; a commander
 * proposes a response; member representatives vote; the rule settles it,
 * at once or at the deadline. The built-in scenario, with two voters. */
static void breaches_and_decisions(void **state)
{
	(void)state;
	struct gt_scenario *sc;
	struct gt_store *st;
	struct gt_err err;
	size_t len;
	const char *yaml = gt_scenario_builtin_yaml(&len);
	char *two = tu_replace(yaml, "voters: [GB, FR, NL, BE, DK, EE, LV, LT, CA, AU]",
	                       "voters: [GB, FR]");
	assert_int_equal(gt_scenario_load_text(two, strlen(two), "two.yaml", ".", &sc, &err), GT_OK);
	free(two);
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	struct gt_user an = user(st, "ana", GT_ROLE_ANALYST, NULL);
	struct gt_user gen = user(st, "gen", GT_ROLE_COMMANDER, NULL);
	struct gt_user gb = user(st, "london", GT_ROLE_MEMBER, "GB");
	struct gt_user fr = user(st, "paris", GT_ROLE_MEMBER, "FR");
	struct gt_user de = user(st, "berlin", GT_ROLE_MEMBER, "DE");
	/* two shellings, each seen by two teams: 30 then 25 artillery
	 * explosions (50 is the limit in a sector within 24 h); a lone report
	 * of a third the next hour; heavy weapons 10 km from the line */
	struct gt_report r[7] = {
		report_at("s1", 37.70, 48.00, NOW - 9000, "team 1", GT_EVENT_EXPLOSION,
		          GT_WEAPON_ARTILLERY),
		report_at("s2", 37.70, 48.00, NOW - 9000, "team 2", GT_EVENT_EXPLOSION,
		          GT_WEAPON_ARTILLERY),
		report_at("s3", 37.80, 48.05, NOW - 7200, "team 1", GT_EVENT_EXPLOSION,
		          GT_WEAPON_MLRS),
		report_at("s4", 37.80, 48.05, NOW - 7200, "team 2", GT_EVENT_EXPLOSION,
		          GT_WEAPON_MLRS),
		report_at("s5", 37.90, 48.05, NOW - 3600, "team 1", GT_EVENT_EXPLOSION,
		          GT_WEAPON_ARTILLERY),
		report_at("h1", 37.60, 48.60, NOW - 3600, "uav 7", GT_EVENT_HEAVY_WEAPONS,
		          GT_WEAPON_NONE),
		report_at("h2", 36.00, 50.50, NOW - 3600, "uav 8", GT_EVENT_HEAVY_WEAPONS,
		          GT_WEAPON_NONE),
	};
	r[0].count = r[1].count = 30;
	r[2].count = r[3].count = 25;
	r[4].count = 40;
	bool created;
	for (int i = 0; i < 7; i++)
		assert_int_equal(submit(st, &r[i], &created, &err), GT_OK);
	struct gt_correlation c;
	assert_int_equal(gt_store_correlate(st, sc, &an, &c, &err), GT_OK);
	assert_int_equal(c.new_events, 5);
	struct gt_breach *b;
	size_t n;
	assert_int_equal(gt_store_breaches(st, 0, 0, 100, &b, &n, &err), GT_OK);
	assert_int_equal(n, 2);
	/* heavy shelling: the second event brings the count to 55; the third,
	 * a single report (grade C), does not count */
	struct gt_breach shelling = strcmp(b[0].threshold, "heavy-shelling") == 0 ? b[0] : b[1];
	struct gt_breach zone = strcmp(b[0].threshold, "heavy-shelling") == 0 ? b[1] : b[0];
	free(b);
	assert_string_equal(shelling.threshold, "heavy-shelling");
	assert_int_equal(shelling.total, 55);
	assert_int_equal(shelling.at, NOW - 7200);
	assert_int_equal(shelling.status, GT_BREACH_OPEN);
	assert_true(shelling.sector > 0);
	int64_t *ev;
	size_t nev;
	assert_int_equal(gt_store_breach(st, shelling.id, &shelling, &ev, &nev, &err), GT_OK);
	assert_int_equal(nev, 2);
	free(ev);
	/* heavy weapons: the one near the line, not the one 200 km away */
	assert_string_equal(zone.threshold, "heavy-weapons-in-zone");
	assert_int_equal(zone.sector, 0);
	assert_int_equal(zone.total, 3);
	/* another report of the third shelling makes it grade B: 95 in the
	 * window, but the breach is already open for that window */
	struct gt_report more = report_at("s6", 37.90, 48.05, NOW - 3500, "team 3",
	                                  GT_EVENT_EXPLOSION, GT_WEAPON_ARTILLERY);
	assert_int_equal(report_and_count(st, sc, &an, &more, 0, NULL), 2);
	/* a response: GB approves, FR vetoes; unanimity rejects at once */
	struct gt_proposal p;
	assert_int_equal(gt_store_propose(st, sc, &gen, shelling.id, "retaliation", "", NOW, &p,
	                                  &err),
	                 GT_E_SCHEMA);
	assert_string_equal(err.path, "rung");
	assert_int_equal(gt_store_propose(st, sc, &gen, shelling.id, "protest", "", NOW, &p, &err),
	                 GT_OK);
	assert_int_equal(p.nvoters, 2);
	assert_int_equal(p.deadline, NOW + 168 * 3600);
	assert_int_equal(gt_store_propose(st, sc, &gen, shelling.id, "attribution", "", NOW, &p,
	                                  &err),
	                 GT_E_CONFLICT);
	assert_int_equal(gt_store_breach_dismiss(st, &gen, shelling.id, "", NOW, &err), GT_E_CONFLICT);
	int64_t first = p.id;
	assert_int_equal(gt_store_vote(st, &de, first, true, "", NOW + 60, &p, &err), GT_E_AUTH);
	assert_int_equal(gt_store_vote(st, &gb, first, true, "", NOW + 3600, &p, &err), GT_OK);
	assert_int_equal(p.state, GT_DECIDE_PENDING);
	assert_int_equal(gt_store_vote(st, &gb, first, false, "", NOW + 3700, &p, &err),
	                 GT_E_CONFLICT);
	assert_int_equal(gt_store_vote(st, &fr, first, false, "not yet", NOW + 7200, &p, &err),
	                 GT_OK);
	assert_int_equal(p.state, GT_DECIDE_REJECTED);
	assert_int_equal(p.decided, NOW + 7200);
	/* a second proposal, approved by both: the breach is answered */
	assert_int_equal(gt_store_propose(st, sc, &gen, shelling.id, "attribution", "", NOW + 8000,
	                                  &p, &err),
	                 GT_OK);
	assert_int_equal(gt_store_vote(st, &fr, p.id, true, "", NOW + 9000, &p, &err), GT_OK);
	assert_int_equal(gt_store_vote(st, &gb, p.id, true, "", NOW + 9600, &p, &err), GT_OK);
	assert_int_equal(p.state, GT_DECIDE_APPROVED);
	assert_int_equal(gt_store_breach(st, shelling.id, &shelling, NULL, NULL, &err), GT_OK);
	assert_int_equal(shelling.status, GT_BREACH_ANSWERED);
	/* silence: one vote, then the deadline passes; unanimity rejects */
	assert_int_equal(gt_store_propose(st, sc, &gen, zone.id, "reinforce", "", NOW, &p, &err),
	                 GT_OK);
	int64_t third = p.id;
	assert_int_equal(gt_store_vote(st, &gb, third, true, "", NOW + 60, &p, &err), GT_OK);
	size_t settled;
	assert_int_equal(gt_store_settle(st, NOW + 168 * 3600, &settled, &err), GT_OK);
	assert_int_equal(settled, 0); /* not yet past */
	/* a read past the deadline gives the outcome without writing it */
	struct gt_proposal *all;
	assert_int_equal(gt_store_proposals(st, zone.id, NOW + 170 * 3600, &all, &n, &err), GT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(all[0].state, GT_DECIDE_REJECTED);
	free(all);
	assert_int_equal(gt_store_proposals(st, zone.id, NOW + 60, &all, &n, &err), GT_OK);
	assert_int_equal(all[0].state, GT_DECIDE_PENDING); /* nothing was written */
	free(all);
	assert_int_equal(gt_store_vote(st, &fr, third, true, "", NOW + 169 * 3600, &p, &err),
	                 GT_E_CONFLICT);
	assert_int_equal(gt_store_proposal(st, third, NOW + 170 * 3600, &p, &err), GT_OK);
	assert_int_equal(p.state, GT_DECIDE_REJECTED);
	assert_int_equal(p.decided, NOW + 168 * 3600);
	assert_int_equal(gt_store_proposals(st, shelling.id, NOW + 170 * 3600, &all, &n, &err),
	                 GT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(all[0].id, first);
	assert_true(all[0].ballots[1].cast && !all[0].ballots[1].approve);
	free(all);
	/* dismissal of the open zone breach */
	assert_int_equal(gt_store_breach_dismiss(st, &gen, zone.id, "exercise, notified",
	                                         NOW + 171 * 3600, &err),
	                 GT_OK);
	assert_int_equal(gt_store_breach_dismiss(st, &gen, zone.id, "", NOW + 171 * 3600, &err),
	                 GT_E_CONFLICT);
	/* a proposal past its deadline, not yet settled, blocks nothing: the
	 * dismissal settles it first */
	struct gt_report late = report_at("h3", 37.60, 48.60, NOW + 3 * 86400, "uav 7",
	                                  GT_EVENT_HEAVY_WEAPONS, GT_WEAPON_NONE);
	assert_int_equal(submit(st, &late, &created, &err), GT_OK);
	assert_int_equal(gt_store_correlate(st, sc, &an, &c, &err), GT_OK);
	assert_int_equal(gt_store_breaches(st, 1u << GT_BREACH_OPEN, 0, 100, &b, &n, &err), GT_OK);
	assert_int_equal(n, 1);
	int64_t fourth_breach = b[0].id;
	free(b);
	assert_int_equal(gt_store_propose(st, sc, &gen, fourth_breach, "protest", "",
	                                  NOW + 3 * 86400, &p, &err),
	                 GT_OK);
	assert_int_equal(gt_store_breach_dismiss(st, &gen, fourth_breach, "", NOW + 4 * 86400, &err),
	                 GT_E_CONFLICT); /* pending, within its deadline */
	assert_int_equal(gt_store_breach_dismiss(st, &gen, fourth_breach, "",
	                                         NOW + 3 * 86400 + 169 * 3600, &err),
	                 GT_OK);
	assert_int_equal(gt_store_proposal(st, p.id, NOW + 20 * 86400, &p, &err), GT_OK);
	assert_int_equal(p.state, GT_DECIDE_REJECTED);
	int64_t entries;
	assert_int_equal(verify_chain(st, &entries, &err), GT_OK);
	gt_store_close(st);
	gt_scenario_free(sc);
}

/* Report ids are each account's own (issue 16, finding 9): two accounts
 * may give one id; a split by that id, when it names reports of both,
 * is refused as ambiguous, and the reports are named by their seq. */
static void ids_per_account(void **state)
{
	(void)state;
	struct gt_scenario *sc;
	struct gt_store *st;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&sc, &err), GT_OK);
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	struct gt_user an = add_user(st, "ana", GT_ROLE_ANALYST);
	struct gt_report r[3] = {
		report_at("dup", 37.70, 48.00, NOW - 7200, "team 1", GT_EVENT_EXPLOSION,
		          GT_WEAPON_ARTILLERY),
		report_at("dup", 37.701, 48.00, NOW - 7100, "team 2", GT_EVENT_EXPLOSION,
		          GT_WEAPON_ARTILLERY),
		report_at("x", 37.70, 48.001, NOW - 7150, "team 3", GT_EVENT_EXPLOSION,
		          GT_WEAPON_ARTILLERY),
	};
	bool created;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(submit(st, &r[i], &created, &err), GT_OK);
		assert_true(created); /* "dup" twice, by two accounts: both stored */
	}
	r[1].count = 9; /* team 2's own id again, other content */
	assert_int_equal(submit(st, &r[1], &created, &err), GT_E_CONFLICT);
	struct gt_correlation c;
	assert_int_equal(gt_store_correlate(st, sc, &an, &c, &err), GT_OK);
	assert_int_equal(c.new_events, 1);
	int64_t fresh;
	assert_int_equal(gt_store_event_split(st, sc, &an, 1, (const char *[]){"dup"}, 1, "",
	                                      &fresh, &err),
	                 GT_E_USAGE);
	assert_non_null(strstr(err.msg, "'dup' is the id of 2 reports of event 1"));
	int64_t seq = raw("SELECT max(seq) FROM reports WHERE id = 'dup'");
	char by_seq[32];
	snprintf(by_seq, sizeof(by_seq), "#%lld", (long long)seq);
	assert_int_equal(gt_store_event_split(st, sc, &an, 1, (const char *[]){by_seq}, 1, "",
	                                      &fresh, &err),
	                 GT_OK);
	assert_int_equal(raw("SELECT count(*) FROM reports WHERE event_id = 2"), 1);
	int64_t entries;
	assert_int_equal(verify_chain(st, &entries, &err), GT_OK);
	gt_store_close(st);
	gt_scenario_free(sc);
}

/* A report that arrives late, of a time before a breach already open,
 * must not stop a later breach from opening: the same reports give the
 * same breaches whatever order they arrive in. */
static void late_report_keeps_breaches(void **state)
{
	(void)state;
	struct gt_scenario *sc;
	struct gt_store *st;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&sc, &err), GT_OK);
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	struct gt_user an = user(st, "ana", GT_ROLE_ANALYST, NULL);
	const int64_t T = NOW - 3 * 86400, H = 3600;
	const int64_t when[4] = {T, T + 4 * H, T - 20 * H, T + 25 * H};
	const char *ids[4] = {"h1", "h2", "late", "h4"};
	bool created;
	struct gt_correlation c;
	for (int i = 0; i < 4; i++) {
		/* heavy weapons 10 km from the line, far apart in time and space */
		struct gt_report r = report_at(ids[i], 37.60 + 0.1 * i, 48.60, when[i], "uav 7",
		                               GT_EVENT_HEAVY_WEAPONS, GT_WEAPON_NONE);
		assert_int_equal(submit(st, &r, &created, &err), GT_OK);
		if (i != 0)
			assert_int_equal(gt_store_correlate(st, sc, &an, &c, &err), GT_OK);
	}
	struct gt_breach *b;
	size_t n;
	assert_int_equal(gt_store_breaches(st, 0, 0, 100, &b, &n, &err), GT_OK);
	/* T (with T+4 h in its window; the late T-20 h one inside it too) and
	 * T+25 h, 25 hours on */
	assert_int_equal(n, 2);
	assert_int_equal(b[0].at, T);
	assert_int_equal(b[1].at, T + 25 * H);
	free(b);
	gt_store_close(st);
	gt_scenario_free(sc);
}

/* Events near a point: the same events whichever database answers, by
 * PostGIS's index or by the service's box and geodesic distance; every
 * page of a paged query holds only events within the circle. */
static void events_near(void **state)
{
	(void)state;
	struct gt_scenario *sc;
	struct gt_store *st;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&sc, &err), GT_OK);
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	const char *want = getenv("GT_TEST_POSTGIS") ? "PostGIS " : "guarantor";
	assert_int_equal(strncmp(gt_store_spatial(st), want, strlen(want)), 0);
	struct gt_user an = add_user(st, "ana", GT_ROLE_ANALYST);
	/* 60 single-report events on a spiral around (37.8, 48.0), out to
	 * about 60 km; each a day apart, so that none merge */
	enum { N = 60 };
	struct gt_point at[N];
	bool created;
	for (int i = 0; i < N; i++) {
		double a = i * 2.4, r = 0.01 + 0.013 * i;
		at[i] = (struct gt_point){37.8 + r * cos(a) / 0.67, 48.0 + r * sin(a)};
		char id[16];
		snprintf(id, sizeof(id), "n%d", i);
		struct gt_report rep = report_at(id, at[i].lon, at[i].lat, NOW - 86400 * (N - i),
		                                 "team 1", GT_EVENT_EXPLOSION, GT_WEAPON_ARTILLERY);
		assert_int_equal(submit(st, &rep, &created, &err), GT_OK);
	}
	struct gt_correlation c;
	assert_int_equal(gt_store_correlate(st, sc, &an, &c, &err), GT_OK);
	assert_int_equal(c.new_events, N);
	const double radii[] = {0.5, 5.0, 20.0, 45.0, 500.0};
	for (size_t r = 0; r < sizeof(radii) / sizeof(radii[0]); r++) {
		struct gt_event_filter f = {.from = 0, .to = INT64_MAX, .event = -1,
		                            .near_lon = 37.8, .near_lat = 48.0, .near_km = radii[r]};
		/* the expected set, by the events' stored positions */
		struct gt_event *all;
		size_t nall, expect = 0;
		struct gt_event_filter any = {.from = 0, .to = INT64_MAX, .event = -1};
		assert_int_equal(gt_store_events(st, &any, 0, 1000, &all, &nall, &err), GT_OK);
		assert_int_equal(nall, N);
		bool inside[N];
		for (size_t i = 0; i < nall; i++) {
			double d = gt_geo_distance_km((struct gt_point){all[i].lon, all[i].lat},
			                              (struct gt_point){37.8, 48.0});
			inside[i] = d <= radii[r];
			expect += inside[i];
			/* no event so close to the circle that the databases may differ */
			assert_true(fabs(d - radii[r]) > 0.01);
		}
		/* in pages of 3 */
		size_t got = 0;
		int64_t after = 0;
		for (;;) {
			struct gt_event *ev;
			size_t n;
			assert_int_equal(gt_store_events(st, &f, after, 3, &ev, &n, &err), GT_OK);
			for (size_t k = 0; k < n; k++) {
				size_t i = 0;
				while (i < nall && all[i].id != ev[k].id)
					i++;
				assert_true(i < nall && inside[i]);
				assert_true(ev[k].id > after);
				after = ev[k].id;
			}
			got += n;
			free(ev);
			if (n < 3)
				break;
		}
		assert_int_equal(got, expect);
		free(all);
	}
	gt_store_close(st);
	gt_scenario_free(sc);
}

/* Two audit keys for the tests. */
static const struct gt_audit_key key_a = {{0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18}};
static const struct gt_audit_key key_b = {{0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28}};

/* Opens the test's store with key (NULL: none), to read only or not. */
static enum gt_status open_keyed(const struct gt_audit_key *key, bool read_only,
                                 struct gt_store **st, struct gt_err *err)
{
	struct gt_store_options o = {.audit_key = key, .read_only = read_only};
	return gt_store_open_with(path, &o, st, err);
}

/* A keyed chain: verified with its key; refused to a writer without it or
 * with another; a reader with another key or none is told so. */
static void audit_keyed(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	char t[GT_TOKEN_MAX];
	assert_int_equal(open_keyed(&key_a, false, &st, &err), GT_OK);
	assert_int_equal(gt_store_user_add(st, "kt3", GT_ROLE_MONITOR, NULL, t, &err), GT_OK);
	assert_int_equal(gt_store_user_add(st, "paris", GT_ROLE_MEMBER, "FR", t, &err), GT_OK);
	struct gt_audit_summary sum;
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_OK);
	assert_int_equal(sum.entries, 2);
	assert_int_equal(sum.rows, 2);
	assert_int_equal(sum.keyed_from, 1);
	char id[GT_AUDIT_KEY_ID_SIZE];
	gt_audit_key_id(&key_a, id);
	assert_string_equal(sum.key_id, id);
	gt_store_close(st);
	/* writers: no key, or another, are refused */
	assert_int_equal(gt_store_open(path, &st, &err), GT_E_AUTH);
	assert_non_null(strstr(err.msg, "the store's audit chain is keyed"));
	assert_int_equal(open_keyed(&key_b, false, &st, &err), GT_E_AUTH);
	assert_non_null(strstr(err.msg, "is not the one the store's chain is keyed with"));
	/* readers: another key fails the check; no key cannot make one */
	assert_int_equal(open_keyed(&key_b, true, &st, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "audit entry 1 was written with another key"));
	gt_store_close(st);
	assert_int_equal(open_keyed(NULL, true, &st, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_AUTH);
	assert_non_null(strstr(err.msg, "keyed from entry 1"));
	gt_store_close(st);
	/* an entry rehashed without the key (its key id kept) is found */
	raw("UPDATE audit SET hash = prev WHERE seq = 2");
	assert_int_equal(open_keyed(&key_a, true, &st, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "audit entry 2 does not match its hash"));
	gt_store_close(st);
}

/* A chain begun without a key becomes keyed with the first keyed entry,
 * which seals the ones before; it is unkeyed (and said to be) until then. */
static void audit_unkeyed_then_keyed(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	char t[GT_TOKEN_MAX];
	struct gt_audit_summary sum;
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	assert_int_equal(gt_store_user_add(st, "kt3", GT_ROLE_MONITOR, NULL, t, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_OK);
	assert_int_equal(sum.keyed_from, 0);
	assert_string_equal(sum.key_id, "");
	gt_store_close(st);
	assert_int_equal(open_keyed(&key_a, false, &st, &err), GT_OK);
	assert_int_equal(gt_store_user_add(st, "desk", GT_ROLE_ANALYST, NULL, t, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_OK);
	assert_int_equal(sum.keyed_from, 2);
	gt_store_close(st);
	/* the unkeyed entry before it cannot be changed: entry 2 seals it */
	raw("UPDATE audit SET detail = 'role=analyst member=' WHERE seq = 1");
	assert_int_equal(open_keyed(&key_a, true, &st, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "audit entry 1 does not match its hash"));
	gt_store_close(st);
}

/* A row changed, added or deleted behind the store's back is found and
 * named by table and key; the digest is of the row's content, so a row
 * put back as it was verifies again. */
static void audit_rows(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	struct gt_audit_summary sum;
	assert_int_equal(open_keyed(&key_a, false, &st, &err), GT_OK);
	struct gt_user u = add_user(st, "kt3", GT_ROLE_MONITOR);
	struct gt_report r = report_at("r-1", 37.6, 48.1, NOW - 3600, "team 3", GT_EVENT_EXPLOSION,
	                               GT_WEAPON_ARTILLERY);
	bool created;
	assert_int_equal(gt_store_report_submit(st, &u, &r, &created, &err), GT_OK);
	gt_store_close(st);
	assert_int_equal(open_keyed(&key_a, true, &st, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_OK);
	assert_int_equal(sum.rows, 2);
	raw("UPDATE users SET role = 'analyst' WHERE name = 'kt3'");
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "users row id=1 (name 'kt3') does not match what audit "
	                                "entry 2 recorded"));
	raw("UPDATE users SET role = 'monitor' WHERE name = 'kt3'");
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_OK);
	raw("UPDATE reports SET count = 40");
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "reports row seq=1 (id 'r-1') does not match what audit "
	                                "entry 3 recorded"));
	raw("UPDATE reports SET count = 3"); /* as it was */
	raw("INSERT INTO users (name, role, member, token_hash, created)"
	    " VALUES ('mallory', 'commander', '', 'x', '2026-01-01T00:00:00Z')");
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "users row id=2 (name 'mallory') is in no audit entry"));
	raw("DELETE FROM reports");
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "reports row seq=1, written by audit entry 3, is gone"));
	assert_non_null(strstr(err.msg, "and 1 more row differs"));
	gt_store_close(st);
}

/* Opened to read only, a store is never created or written. */
static void read_only_store(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	char t[GT_TOKEN_MAX];
	if (!pg_url) {
		assert_int_not_equal(open_keyed(NULL, true, &st, &err), GT_OK);
		assert_int_not_equal(access(path, F_OK), 0);
	} else {
		assert_int_equal(open_keyed(NULL, true, &st, &err), GT_E_IO);
		assert_non_null(strstr(err.msg, "not a guarantor store"));
		assert_int_equal(raw("SELECT count(*) FROM pg_tables WHERE tablename = 'audit'"), 0);
	}
	assert_int_equal(open_keyed(&key_a, false, &st, &err), GT_OK);
	assert_int_equal(gt_store_user_add(st, "kt3", GT_ROLE_MONITOR, NULL, t, &err), GT_OK);
	gt_store_close(st);
	assert_int_equal(open_keyed(&key_a, true, &st, &err), GT_OK);
	assert_int_equal(gt_store_user_add(st, "desk", GT_ROLE_ANALYST, NULL, t, &err), GT_E_USAGE);
	assert_non_null(strstr(err.msg, "opened to read only"));
	assert_int_equal(gt_store_user_revoke(st, "kt3", &err), GT_E_USAGE);
	struct gt_audit_summary sum;
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_OK);
	assert_int_equal(sum.entries, 1);
	gt_store_close(st);
	assert_int_equal(raw("SELECT count(*) FROM users"), 1);
}

/* The key file: made once with mode 0600, read back; never overwritten;
 * refused when open to others or of the wrong size. */
static void audit_key_files(void **state)
{
	(void)state;
	char file[600];
	snprintf(file, sizeof(file), "/tmp/gt-test-monitor-%ld.key", (long)getpid());
	remove(file);
	struct gt_audit_key k, back;
	struct gt_err err;
	assert_int_equal(gt_audit_key_create(file, &k, &err), GT_OK);
	assert_int_equal(gt_audit_key_load(file, &back, &err), GT_OK);
	assert_memory_equal(k.bytes, back.bytes, sizeof(k.bytes));
	char id[GT_AUDIT_KEY_ID_SIZE], id2[GT_AUDIT_KEY_ID_SIZE];
	gt_audit_key_id(&k, id);
	gt_audit_key_id(&back, id2);
	assert_int_equal(strlen(id), 16);
	assert_string_equal(id, id2);
	gt_audit_key_id(&key_a, id2);
	assert_string_not_equal(id, id2);
	assert_int_equal(gt_audit_key_create(file, &back, &err), GT_E_CONFLICT);
	assert_int_equal(chmod(file, 0644), 0);
	assert_int_equal(gt_audit_key_load(file, &back, &err), GT_E_IO);
	assert_non_null(strstr(err.msg, "open to others (mode 0644)"));
	remove(file);
	FILE *f = fopen(file, "w");
	fputs("0123456789\n", f);
	fclose(f);
	assert_int_equal(chmod(file, 0600), 0);
	assert_int_equal(gt_audit_key_load(file, &back, &err), GT_E_SCHEMA);
	assert_non_null(strstr(err.msg, "11 bytes"));
	remove(file);
	assert_int_equal(gt_audit_key_load(file, &back, &err), GT_E_IO);
	gt_audit_key_wipe(&k);
	gt_audit_key_wipe(&back);
}

/* Many rows at once: a correlation binds more rows than one statement
 * takes, and verification reads more than a page of them; a row far into
 * the second page is still named. */
static void audit_many_rows(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	struct gt_scenario *sc;
	assert_int_equal(gt_scenario_load_builtin(&sc, &err), GT_OK);
	assert_int_equal(open_keyed(&key_a, false, &st, &err), GT_OK);
	struct gt_user an = add_user(st, "desk", GT_ROLE_ANALYST);
	enum { N = 1100 };
	bool created;
	for (int i = 0; i < N; i++) {
		char id[16];
		snprintf(id, sizeof(id), "m%d", i);
		/* far apart in time: each its own event */
		struct gt_report r = report_at(id, 37.6, 48.1, NOW - 86400 * 20 + 3600 * i, "team 1",
		                               GT_EVENT_SMALL_ARMS, GT_WEAPON_NONE);
		assert_int_equal(submit(st, &r, &created, &err), GT_OK);
	}
	struct gt_correlation c;
	assert_int_equal(gt_store_correlate(st, sc, &an, &c, &err), GT_OK);
	assert_int_equal(c.reports, N);
	struct gt_audit_summary sum;
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_OK);
	assert_int_equal(sum.rows, 2 + N + (int64_t)c.new_events);
	raw("UPDATE reports SET text = 'edited' WHERE id = 'm1050'");
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "reports row seq=1051 (id 'm1050') does not match"));
	gt_store_close(st);
	gt_scenario_free(sc);
}

/* The migrations in each dialect (src/monitor/schema.c), to make a store
 * of an older schema. */
extern const char *const gt__schema_sqlite[];
extern const char *const gt__schema_pg[];

/* A store of schema 4, as guarantor made them before the chain bound rows
 * and was keyed: a user and its entry, hashed the old way. The first
 * writer with a key moves it to schema 5 and binds the user to one keyed
 * audit.rebind entry, which seals the old entry; from then on both are
 * held to the chain. */
static void migrate_from_v4(void **state)
{
	(void)state;
	const char *const *m = pg_url ? gt__schema_pg : gt__schema_sqlite;
	for (int v = 0; v < 4; v++)
		raw_exec(m[v]);
	raw_exec(pg_url ? "CREATE TABLE guarantor_schema (version INTEGER NOT NULL);"
	                  " INSERT INTO guarantor_schema VALUES (4)"
	                : "PRAGMA user_version = 4");
	raw_exec("INSERT INTO users (name, role, member, token_hash, created)"
	         " VALUES ('kt3', 'monitor', '', 'x', '2026-01-01T00:00:00Z')");
	/* schema 4's hash: BLAKE2b-256 of the previous hash, the number and
	 * each field with its length before it, little-endian */
	const char *f[5] = {"2026-01-01T00:00:00Z", "cli", "user.add", "kt3", "role=monitor member="};
	unsigned char prev[32] = {0}, h[32], le[8];
	crypto_generichash_state st8;
	crypto_generichash_init(&st8, NULL, 0, 32);
	crypto_generichash_update(&st8, prev, 32);
	for (int i = 0; i < 8; i++)
		le[i] = (unsigned char)(i == 0);
	crypto_generichash_update(&st8, le, 8);
	for (int k = 0; k < 5; k++) {
		uint64_t n = strlen(f[k]);
		for (int i = 0; i < 8; i++)
			le[i] = (unsigned char)(n >> (8 * i));
		crypto_generichash_update(&st8, le, 8);
		crypto_generichash_update(&st8, (const unsigned char *)f[k], n);
	}
	crypto_generichash_final(&st8, h, 32);
	char hex[65], zeros[65], sql[512];
	sodium_bin2hex(hex, sizeof(hex), h, 32);
	sodium_bin2hex(zeros, sizeof(zeros), prev, 32);
	snprintf(sql, sizeof(sql),
	         pg_url ? "INSERT INTO audit VALUES (1, '%s', '%s', '%s', '%s', '%s', '\\x%s', '\\x%s')"
	                : "INSERT INTO audit VALUES (1, '%s', '%s', '%s', '%s', '%s', X'%s', X'%s')",
	         f[0], f[1], f[2], f[3], f[4], zeros, hex);
	raw_exec(sql);
	struct gt_store *st;
	struct gt_err err;
	struct gt_audit_summary sum;
	/* to read only, it is refused and left as it is */
	assert_int_equal(open_keyed(&key_a, true, &st, &err), GT_E_SCHEMA);
	assert_non_null(strstr(err.msg, "the store has schema 4, older"));
	if (open_keyed(&key_a, false, &st, &err) != GT_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_OK);
	assert_int_equal(sum.entries, 2);
	assert_int_equal(sum.keyed_from, 2);
	assert_int_equal(sum.rows, 1);
	gt_store_close(st);
	assert_int_equal(raw("SELECT count(*) FROM audit WHERE seq = 2 AND action = 'audit.rebind'"
	                     " AND form = 2"), 1);
	raw("UPDATE users SET role = 'analyst'");
	assert_int_equal(open_keyed(&key_a, true, &st, &err), GT_OK);
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "users row id=1 (name 'kt3') does not match what audit "
	                                "entry 2 recorded"));
	raw("UPDATE users SET role = 'monitor'");
	raw("UPDATE audit SET detail = 'role=commander member=' WHERE seq = 1");
	assert_int_equal(gt_store_audit_verify(st, &sum, &err), GT_E_INTEGRITY);
	assert_non_null(strstr(err.msg, "audit entry 1 does not match its hash"));
	gt_store_close(st);
}

/* Text that is SQL, or markup, is stored and read back as it was sent:
 * statements are prepared, values bound, never spliced (docs/security.md). */
static void hostile_text(void **state)
{
	(void)state;
	struct gt_store *st;
	struct gt_err err;
	assert_int_equal(gt_store_open(path, &st, &err), GT_OK);
	struct gt_user u = add_user(st, "kt3", GT_ROLE_MONITOR);
	const char *observer = "team '3'; --";
	assert_int_equal(gt_store_user_observe(st, "kt3", &observer, 1, &err), GT_OK);
	struct gt_report r = report_at("x-1", 37.6, 48.1, NOW - 3600, observer, GT_EVENT_EXPLOSION,
	                               GT_WEAPON_ARTILLERY);
	const char *text = "'); DROP TABLE reports; -- \" $1 ? <script>alert(1)</script>";
	snprintf(r.text, sizeof(r.text), "%s", text);
	bool created;
	assert_int_equal(gt_store_report_submit(st, &u, &r, &created, &err), GT_OK);
	struct gt_report *back;
	int64_t *seqs;
	size_t n;
	assert_int_equal(gt_store_reports(st, 0, INT64_MAX, 0, 10, &back, &seqs, &n, &err), GT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(back[0].text, text);
	assert_string_equal(back[0].observer, "team '3'; --");
	free(back);
	free(seqs);
	gt_store_close(st);
	assert_int_equal(raw("SELECT count(*) FROM reports"), 1);
}

int main(void)
{
	pg_url = getenv("GT_TEST_PG");
	if (pg_url && !*pg_url)
		pg_url = NULL;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(users_and_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_tampering, setup, teardown),
		cmocka_unit_test_setup_teardown(newer_schema_refused, setup, teardown),
		cmocka_unit_test(report_parsing),
		cmocka_unit_test_setup_teardown(token_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(idempotent_submission, setup, teardown),
		cmocka_unit_test_setup_teardown(events_in_store, setup, teardown),
		cmocka_unit_test_setup_teardown(breaches_and_decisions, setup, teardown),
		cmocka_unit_test_setup_teardown(false_alarm_then_real, setup, teardown),
		cmocka_unit_test_setup_teardown(ids_per_account, setup, teardown),
		cmocka_unit_test_setup_teardown(late_report_keeps_breaches, setup, teardown),
		cmocka_unit_test_setup_teardown(events_near, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile_text, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_keyed, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_unkeyed_then_keyed, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(read_only_store, setup, teardown),
		cmocka_unit_test(audit_key_files),
		cmocka_unit_test_setup_teardown(audit_many_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(migrate_from_v4, setup, teardown),
	};
	return pg_url ? cmocka_run_group_tests_name("test_monitor on PostgreSQL", tests, NULL, NULL)
	              : cmocka_run_group_tests(tests, NULL, NULL);
}
