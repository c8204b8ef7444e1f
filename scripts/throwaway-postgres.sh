#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start` creates one in a temporary folder on a local
# port and prints `export PAY_BY_BANK_TEST_DATABASE_URL=…` for eval; `stop DIR` stops and removes it.
# Debian's `postgresql` package provides the binaries (see CONTRIBUTING.md). PostgreSQL refuses to run
# as root, so as root the cluster belongs to the package's `postgres` user.
set -euo pipefail

bin_dir() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] || { echo "throwaway-postgres: no initdb; apt-get install postgresql" >&2; exit 1; }
  dirname "$initdb"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(bin_dir)
    port=${PGPORT_FOR_TESTS:-54329}
    dir=$(mktemp -d /tmp/pay-by-bank-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
    echo "export PAY_BY_BANK_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export PAY_BY_BANK_TEST_PG_DIR=$dir"
    ;;
  stop)
    dir=${2:?usage: throwaway-postgres.sh stop DIR}
    bin=$(bin_dir)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: throwaway-postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
