#!/bin/bash
# cluster.sh: a throwaway PostgreSQL cluster for the tests and benchmarks,
# in a temporary folder, listening on a loopback port only.
#
#   cluster.sh start DIR PORT [OPTION...] initdb in DIR (emptied first), start;
#                                         durable: fsync on; postgis: a database
#                                         "gis" with the PostGIS extension
#   cluster.sh stop DIR                   stop it (immediately) and remove DIR
#   cluster.sh restart DIR                stop (fast) and start again
#   cluster.sh down DIR                   stop at once, as a crash would (-m
#                                         immediate: no checkpoint; recovery
#                                         from the WAL at the next start)
#   cluster.sh up DIR                     start again after down
#   cluster.sh url DIR [DATABASE]         print the URL of a database on it
#                                         (default postgres)
#   cluster.sh with DIR DATABASE CMD...   run CMD with GT_TEST_PG set to that URL
#
# PORT "auto" takes the first free port from one below the kernel's range of
# ephemeral ports, where no client's connection can be holding it; a fixed
# port is tried once. Either way the port is kept in DIR/port.
#
# Without "durable" the cluster does not fsync: it is thrown away, and the
# tests of a server's crash (kill -9) do not depend on the disk. As root
# (CI), PostgreSQL runs as the postgres user, which refuses to run as root.
set -euo pipefail
usage="usage: cluster.sh start|stop|restart|down|up|url|with DIR [PORT|auto] [durable] [postgis]"
cmd=${1:?$usage}
dir=${2:?$usage}
dir=$(realpath -m "$dir")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "cluster.sh: PostgreSQL's server is not installed (scripts/setup-deps.sh installs it)" >&2
  exit 1
fi
caller=$PWD
cd /  # the postgres user may not enter the caller's folder
url_of() { # database: its URL on the cluster in $dir
  [ -s "$dir/port" ] || { echo "cluster.sh: no cluster started in $dir" >&2; exit 1; }
  echo "postgresql://postgres@127.0.0.1:$(cat "$dir/port")/$1"
}
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_cluster() { # stop the cluster in $dir, if one runs there, and remove $dir
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
case $cmd in
start)
  port=${3:?cluster.sh start: give a port, or auto}
  if [ "$port" = auto ]; then
    # 20 ports outside the kernel's ephemeral range (32768-60999 by
    # default): from 20000 below it, else above it, else from 1025 below
    # it; spread by process, so that clusters started at once seldom try
    # the same port
    read -r low high < /proc/sys/net/ipv4/ip_local_port_range || { low=32768 high=60999; }
    if [ "$low" -gt 20100 ]; then first=$((20000 + $$ % (low - 20100)))
    elif [ "$high" -lt 65400 ]; then first=$((high + 1 + $$ % (65535 - high - 100)))
    elif [ "$low" -gt 1100 ]; then first=$((1025 + $$ % (low - 1100)))
    else
      echo "cluster.sh: the ephemeral range $low-$high leaves no room; give a port" >&2; exit 2
    fi
    tries=$(seq $first $((first + 19)))
  elif [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ]; then
    tries=$port
  else
    echo "cluster.sh: port '$port' is not a number from 1 to 65535, or auto" >&2; exit 2
  fi
  sync=off postgis=no
  for opt in "${@:4}"; do
    case $opt in
    durable) sync=on ;;
    postgis) postgis=yes ;;
    *) echo "cluster.sh: unknown option '$opt' (durable, postgis)" >&2; exit 2 ;;
    esac
  done
  stop_cluster # one left running by a run that was killed
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = $sync
max_connections = 50
CONF
  cp "$dir/data/postgresql.conf" "$dir/postgresql.conf.base"
  started=no tried=""
  for try in $tries; do
    tried=${tried:+$tried,}$try
    { cat "$dir/postgresql.conf.base"; echo "port = $try"; } >"$dir/data/postgresql.conf"
    rm -f "$dir/server.log"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
      started=yes port=$try
      break
    fi
    grep -qs "Address already in use" "$dir/server.log" || break
  done
  if [ $started = no ]; then
    cat "$dir/server.log" >&2
    echo "cluster.sh: PostgreSQL did not start (tried port $tried)" >&2
    exit 1
  fi
  echo "$port" >"$dir/port"
  if [ $postgis = yes ]; then
    url=postgresql://postgres@127.0.0.1:$port
    psql "$url/postgres" -qc "CREATE DATABASE gis"
    psql "$url/gis" -qc "CREATE EXTENSION postgis"
  fi
  ;;
stop)
  stop_cluster
  ;;
restart)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
  ;;
down)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  ;;
up)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
  ;;
url)
  url_of "${3:-postgres}"
  ;;
with)
  db=${3:?$usage}
  url=$(url_of "$db")
  shift 3
  cd "$caller"
  GT_TEST_PG=$url exec "$@"
  ;;
*)
  echo "cluster.sh: unknown command '$cmd' (start, stop, restart, down, up, url, with)" >&2
  exit 2
  ;;
esac
