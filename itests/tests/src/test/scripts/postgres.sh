#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL server for the integration tests, on 127.0.0.1 only.
# Installs Debian's postgresql package when no server binaries are on the machine.
#
#   postgres.sh start <port> <dir>   initialise <dir> if needed, start, create role/db "domus"
#   postgres.sh stop  <dir>          stop the server started from <dir>
set -euo pipefail

cmd=${1:?usage: postgres.sh start PORT DIR | stop DIR}

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

ensure_installed() {
  if ! find_bin >/dev/null; then
    echo "postgres.sh: installing Debian's postgresql package" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
  fi
}

# PostgreSQL refuses to run as root: use the postgres account (the Debian package creates it).
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
  start)
    port=${2:?port}
    dir=${3:?dir}
    ensure_installed
    bin=$(find_bin)
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -h 127.0.0.1 -k $dir" start >/dev/null
    fi
    psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
    if [ "$(as_pg "${psql[@]}" -c "select 1 from pg_roles where rolname='domus'")" != 1 ]; then
      as_pg "${psql[@]}" -c "create role domus login password 'domus-itest'" >/dev/null
    fi
    as_pg "${psql[@]}" -c "drop database if exists domus" >/dev/null
    as_pg "${psql[@]}" -c "create database domus owner domus" >/dev/null
    echo "postgres.sh: PostgreSQL $(as_pg "${psql[@]}" -c 'show server_version') on 127.0.0.1:$port, database domus"
    ;;
  stop)
    dir=${2:?dir}
    bin=$(find_bin) || exit 0
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: postgres.sh start PORT DIR | stop DIR" >&2
    exit 2
    ;;
esac
