# Issue 16, finding 2, on PostgreSQL: a store holding a row of every kind
# (populate-store.sh) verifies; rows and the log edited with psql, each on a
# fresh copy of the database, are found and named; verify only reads: on a
# database with no store it fails and creates nothing.
export PGOPTIONS=--client-min-messages=warning
psql "$GT_TEST_PG" -qc "DROP DATABASE IF EXISTS pg_audit" -c "CREATE DATABASE pg_audit"
SERVER=${GT_TEST_PG%/*}
. $IN/populate-store.sh "$SERVER/pg_audit"
cat populate.codes
run() { "$@" 2>&1 | sed "s|$SERVER|\$SERVER|g"; echo "exit ${PIPESTATUS[0]}"; }
run $GT audit verify --db "$SERVER/pg_audit"
attack() { # what, SQL: on a copy of the store
	echo "# $1"
	psql "$GT_TEST_PG" -qc "DROP DATABASE IF EXISTS pg_audit_t" -c "CREATE DATABASE pg_audit_t TEMPLATE pg_audit"
	psql "$SERVER/pg_audit_t" -qc "$2"
	run $GT audit verify --db "$SERVER/pg_audit_t"
}
attack "a report's count" "UPDATE reports SET count = 300 WHERE id = 'a1'"
attack "a report deleted" "DELETE FROM reports WHERE id = 'b2'"
attack "a vote forged" "INSERT INTO votes VALUES (1, 'DE', 1, 1768042800, 'berlin')"
attack "a breach's status" "UPDATE breaches SET status = 'dismissed' WHERE id = 1"
attack "a monitor made analyst" "UPDATE users SET role = 'analyst' WHERE name = 'kt3'"
attack "a revoked user back" "UPDATE users SET revoked = NULL WHERE name = 'old'"
attack "an entry's detail" "UPDATE audit SET detail = 'role=commander member=' WHERE seq = 1"
attack "the audit log emptied" "DELETE FROM audit"
echo '# verify on a database that holds no store: refused, nothing created'
psql "$GT_TEST_PG" -qc "DROP DATABASE IF EXISTS pg_audit_t" -c "CREATE DATABASE pg_audit_t"
run $GT audit verify --db "$SERVER/pg_audit_t"
psql "$SERVER/pg_audit_t" -qAtc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
psql "$GT_TEST_PG" -qc "DROP DATABASE pg_audit_t" -c "DROP DATABASE pg_audit"
