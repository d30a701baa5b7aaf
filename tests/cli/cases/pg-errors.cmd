# A PostgreSQL store's errors: addresses libpq cannot read or that are
# not URLs (the password never shown, however it is spelled), a server that does not answer, a size limit (SQLite's
# alone), a schema newer than this guarantor, an audit entry changed
# behind the store's back. Each is a clear message and a non-zero exit.
export PGOPTIONS=--client-min-messages=warning
psql "$GT_TEST_PG" -qc "DROP DATABASE IF EXISTS pg_errors" -c "CREATE DATABASE pg_errors"
DB=${GT_TEST_PG%/*}/pg_errors
run() { "$@" 2>&1 | sed "s|${GT_TEST_PG%/*}|\$SERVER|g"; echo "exit ${PIPESTATUS[0]}"; }
run $GT users list --db "postgresql://ops:s3cret@[::1"
run $GT users list --db "postgresql://ops:50%off@127.0.0.1:1/mission"
run $GT users list --db "postgresql://ops@127.0.0.1:1/mission?password=Top%ZZsecret"
run $GT users list --db "postgresql://ops:p@ss@127.0.0.1:1/mission"
run $GT users list --db "postgresql://ops:pa/ss@127.0.0.1:1/mission"
run $GT users list --db "host=127.0.0.1 password=S3cret dbname=mission"
run $GT users list --db "PostgreSQL://ops:S3cret@127.0.0.1:1/mission"
run $GT users list --db "postgresql://ops:s3cret@127.0.0.1:1/mission?password=again"
$GT users add kt3 --role monitor --db "$DB" > /dev/null 2>&1
run $GT serve --db "$DB" --max-db-mb 10 --listen 127.0.0.1:0
# live risk from a PostgreSQL store, named with a password: not shown
run $GT simulate --option uk-france-30k --runs 50 --observed "${DB/postgres@/postgres:n0tshown@}" \
	--since 2026-01-01T00:00:00Z --as-of 2026-02-01T00:00:00Z
psql "$DB" -qc "UPDATE audit SET detail = 'role=analyst member=' WHERE seq = 1"
run $GT audit verify --db "$DB"
psql "$DB" -qc "UPDATE guarantor_schema SET version = 99"
run $GT users list --db "$DB"
