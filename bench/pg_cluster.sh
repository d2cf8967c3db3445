#!/bin/sh
# A throwaway PostgreSQL cluster for the benchmarks (issue 15), in a folder, on a unix socket
# there only. As root the server runs as the postgres user (PostgreSQL refuses root).
# Usage: bench/pg_cluster.sh start DIR   (prints the superuser's URL of database "bench")
#        bench/pg_cluster.sh stop DIR    (stops it and removes DIR)
set -e
cmd=$1; dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_user() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
start)
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_user "$bin/initdb" -D "$dir/data" -U fwadmin -A trust -E UTF8 --no-locale --no-sync > "$dir/initdb.log"
  as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-k $dir -p 5432 -c listen_addresses= -c shared_buffers=1GB -c work_mem=64MB" start > /dev/null
  as_user "$bin/createdb" -h "$dir" -p 5432 -U fwadmin bench
  echo "postgresql://fwadmin@/bench?host=$dir&port=5432" ;;
stop)
  as_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null 2>&1 || true
  rm -rf "$dir" ;;
esac
