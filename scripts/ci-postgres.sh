#!/usr/bin/env bash
# Starts a private PostgreSQL 15 cluster for the tests and prints the line to export its URL:
#   eval "$(bash scripts/ci-postgres.sh)"    →  YUSUAN_TEST_PG_URL=postgres://app@127.0.0.1:PORT/postgres
# Installs Debian's postgresql when initdb is missing. As root the server runs as the postgres user
# (PostgreSQL refuses to run as root). The cluster lives under /tmp, listens on 127.0.0.1 only, trusts
# local connections (it holds throw-away test data only) and is stopped with: scripts/ci-postgres.sh stop DIR
set -euo pipefail

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

if [ "${1:-}" = "stop" ]; then
  BIN=$(find_bin)
  su postgres -c "$BIN/pg_ctl -D '$2' -m immediate stop" >/dev/null 2>&1 || true
  exit 0
fi

if ! BIN=$(find_bin); then
  echo "installing postgresql…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
  BIN=$(find_bin)
fi

# A free port: ask the kernel for one.
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
D=$(mktemp -d /tmp/yusuan-pg-XXXXXX)
SOCK="$D/sock"
mkdir -p "$SOCK"
if [ "$(id -u)" = "0" ]; then
  chown -R postgres:postgres "$D"
  run() { su postgres -c "$1"; }
else
  run() { bash -c "$1"; }
fi
run "$BIN/initdb -D '$D/data' -A trust -U app -E UTF8 --locale=C.UTF-8" >"$D/initdb.log" 2>&1 || { cat "$D/initdb.log" >&2; exit 1; }
# fsync stays on: the crash test relies on committed data surviving a SIGKILL of our server (not of postgres).
run "$BIN/pg_ctl -D '$D/data' -o \"-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK -c max_connections=200\" -l '$D/log' -w start" >&2
echo "export YUSUAN_TEST_PG_URL=postgres://app@127.0.0.1:$PORT/postgres"
echo "export YUSUAN_TEST_PG_DIR=$D/data"
