#!/usr/bin/env bash
# Prints the URL of a PostgreSQL server the tests may create databases on: the machine's own on 127.0.0.1:5432
# when one answers, else a throwaway one started from the installed binaries (installed from Debian when missing).
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "postgres://postgres@127.0.0.1:5432/postgres"
  exit 0
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
export PGDATA=/tmp/leuchtturm-ci-pg/data PGSOCK=/tmp/leuchtturm-ci-pg/sock
rm -rf /tmp/leuchtturm-ci-pg && mkdir -p "$PGDATA" "$PGSOCK"
if [ "$(id -u)" = 0 ]; then
  chown -R postgres:postgres /tmp/leuchtturm-ci-pg && chmod 700 "$PGDATA"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
as_pg "$bin/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2
as_pg "$bin/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o "-p 5433 -k $PGSOCK -c listen_addresses=127.0.0.1" start >&2
echo "postgres://postgres@127.0.0.1:5433/postgres"
