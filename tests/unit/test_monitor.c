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
	assert_non_null(strstr(err.msg, "schema 99, newer than this guarantor knows (1)"));
	/* not a database at all */
	teardown(NULL);
	FILE *f = fopen(path, "w");
	fputs("this is not a database, just text that is long enough to be read as a header\n", f);
	fclose(f);
	assert_int_not_equal(gt_store_open(path, &st, &err), GT_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(users_and_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_tampering, setup, teardown),
		cmocka_unit_test_setup_teardown(newer_schema_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
