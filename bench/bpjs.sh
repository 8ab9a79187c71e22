#!/usr/bin/env bash
# Reproduces the "BPJS reconciliation, snapshots and dashboard (issue 5)" section of docs/performance.md, on SQLite:
#   1. a 1M-worker registry (generated + imported once, all engagements verified; reused from $OUT/registry),
#   2. a 1M-row BPJS status list made from it (90% exact NIK, 7% one mistyped digit, 3% unknown to the registry),
#   3. the BPJS import with its stage times (exact, fuzzy, write, apply) and peak RSS (/usr/bin/time -v),
#   4. the coverage snapshots of the 12 months before TODAY (the month just ended has the BPJS list),
#   5. the web app (Production) on that data directory, a Pimpinan signed in, wrk on /Dasbor.
# Usage: bench/bpjs.sh [WORKERS] [BPJS_ROWS]   (defaults 1000000 1000000). Env: OUT (bench/out-bpjs), PORT (5099),
# PERIOD (the month just ended, YYYY-MM), TODAY (yyyy-MM-dd, default today), WRK_DURATION (30s).
# Needs: sqlite3 not required; /usr/bin/time, curl, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKERS=${1:-1000000}
ROWS=${2:-1000000}
OUT=${OUT:-bench/out-bpjs}
PORT=${PORT:-5099}
TODAY=${TODAY:-$(date -u +%F)}
PERIOD=${PERIOD:-$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
state() { echo "# machine: nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)"; }

dotnet build bench/Lindung.Bench -c Release -v q -nologo >/dev/null
dotnet build src/Lindung.Web -c Release -v q -nologo >/dev/null
dotnet build src/Lindung.Cli -c Release -v q -nologo >/dev/null
BENCH="dotnet bench/Lindung.Bench/bin/Release/net10.0/Lindung.Bench.dll"
CLI="dotnet src/Lindung.Cli/bin/Release/net10.0/lindung.dll"

if [ ! -f "$OUT/registry/lindung.db" ]; then
  state
  $BENCH gen "$OUT/workers.csv" "$WORKERS"
  rm -rf "$OUT/registry.tmp"
  $BENCH import "$OUT/workers.csv" "$OUT/registry.tmp"
  $BENCH verify "$OUT/registry.tmp"
  mv "$OUT/registry.tmp" "$OUT/registry"
fi

rm -rf "$OUT/run"
cp -r "$OUT/registry" "$OUT/run"
[ -f "$OUT/bpjs.csv" ] || $BENCH bpjs-gen "$OUT/registry" "$OUT/bpjs.csv" "$ROWS"

state
/usr/bin/time -v $BENCH bpjs-import "$OUT/run" "$OUT/bpjs.csv" "$PERIOD" 2> "$OUT/bpjs-time.txt"
grep -E "Maximum resident|Elapsed|User time|System time" "$OUT/bpjs-time.txt"
state

$BENCH snapshot "$OUT/run" "$TODAY"
state

# The web app as installed (Production, no demo seeding) on that data directory, one Pimpinan user.
umask 077
printf 'Bench-%s-Sandi9\n' "$RANDOM$RANDOM" > "$OUT/pimpinan.pw"
Lindung__DataDirectory="$OUT/run" $CLI user add --username pimpinan.bench --role Pimpinan --name "Pimpinan Bench" \
  --password-file "$OUT/pimpinan.pw" >/dev/null
source bench/web-session.sh
start_web "$OUT/run" "$PORT" "$OUT/web.log"
sign_in "$PORT" pimpinan.bench "$OUT/pimpinan.pw"
STATUS=$(curl -s -o "$OUT/dasbor.html" -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/Dasbor")
grep -q 'data-testid="coverage-percent"' "$OUT/dasbor.html" || { echo "dashboard not served (HTTP $STATUS): see $OUT/dasbor.html" >&2; exit 1; }
echo "dashboard: HTTP $STATUS, $(wc -c < "$OUT/dasbor.html") bytes, coverage $(grep -o 'data-testid="coverage-percent">[^<]*' "$OUT/dasbor.html" | sed 's/.*>//')"
wrk -t2 -c50 -d5s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/Dasbor" >/dev/null   # warm-up
state
wrk -t2 -c50 -d"${WRK_DURATION:-30s}" --latency -s bench/percentiles.lua -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/Dasbor"
state
