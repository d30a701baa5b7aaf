#!/bin/bash
# cluster.sh: a throwaway PostgreSQL cluster for the tests and benchmarks,
# in a temporary folder, listening on a loopback port only.
#
#   cluster.sh start DIR PORT [OPTION...] initdb in DIR (emptied first), start;
#                                         durable: fsync on; postgis: a database
#                                         "gis" with the PostGIS extension
#   cluster.sh stop DIR                   stop it (immediately) and remove DIR
#   cluster.sh restart DIR                stop (fast) and start again
#
# Without "durable" the cluster does not fsync: it is thrown away, and the
# tests of a server's crash (kill -9) do not depend on the disk. As root
# (CI), PostgreSQL runs as the postgres user, which refuses to run as root.
set -euo pipefail
usage="usage: cluster.sh start|stop|restart DIR [PORT] [durable] [postgis]"
cmd=${1:?$usage}
dir=${2:?$usage}
dir=$(realpath -m "$dir")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "cluster.sh: PostgreSQL's server is not installed (scripts/setup-deps.sh installs it)" >&2
  exit 1
fi
cd /  # the postgres user may not enter the caller's folder
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case $cmd in
start)
  port=${3:?cluster.sh start: give a port}
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  sync=off postgis=no
  for opt in "${@:4}"; do
    case $opt in
    durable) sync=on ;;
    postgis) postgis=yes ;;
    *) echo "cluster.sh: unknown option '$opt' (durable, postgis)" >&2; exit 2 ;;
    esac
  done
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = $sync
max_connections = 50
CONF
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  if [ $postgis = yes ]; then
    url=postgresql://postgres@127.0.0.1:$port
    psql "$url/postgres" -qc "CREATE DATABASE gis"
    psql "$url/gis" -qc "CREATE EXTENSION postgis"
  fi
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
restart)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
  ;;
*)
  echo "cluster.sh: unknown command '$cmd' (start, stop, restart)" >&2
  exit 2
  ;;
esac
