#!/usr/bin/env bash
# Runs every Lindung test on a fresh Debian machine with the .NET SDK:
#   installs what the tests need (Debian's chromium and postgresql) when missing, starts a throwaway
#   PostgreSQL cluster on a free port, checks formatting and pending model changes, runs all tests on
#   SQLite and PostgreSQL and in real Chromium, then stops the cluster.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null
fi

PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
PGDIR=$(mktemp -d /tmp/lindung-pg.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
stop_pg() { pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap stop_pg EXIT
echo "== starting PostgreSQL ($("$PGBIN/postgres" --version)) on port $PORT"
pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres >/dev/null
pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off" -l "$PGDIR/log" -w start >/dev/null
export LINDUNG_TEST_PG="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"

echo "== restore (locked)"
dotnet restore Lindung.slnx --locked-mode
echo "== build"
dotnet build Lindung.slnx --no-restore -c Debug -warnaserror
echo "== dotnet format --verify-no-changes"
dotnet format Lindung.slnx --verify-no-changes --no-restore
echo "== tests (SQLite, PostgreSQL, HTTP, Chromium)"
mkdir -p TestResults
# Every log line the web app writes during the run is captured here; the log scan below reads it afterwards.
export LINDUNG_TEST_LOG_DIR="$PWD/TestResults/logs"
rm -rf "$LINDUNG_TEST_LOG_DIR"
if [ $# -eq 0 ]; then
  dotnet test Lindung.slnx --no-build -c Debug --logger "console;verbosity=normal" --results-directory TestResults --filter "Category!=LogScan"
  echo "== log scan: no NIK, token, password or TOTP key in any log line of the run"
  dotnet test tests/Lindung.Web.Tests --no-build -c Debug --filter "Category=LogScan" --results-directory TestResults
else
  dotnet test Lindung.slnx --no-build -c Debug --logger "console;verbosity=normal" --results-directory TestResults "$@"
fi
echo "== all tests passed"
