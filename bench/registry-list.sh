#!/usr/bin/env bash
# Reproduces "Registry list page at 1M workers (issue 3)" in docs/performance.md, on SQLite:
#   1. a copy of a 1M-worker registry data directory (the one bench/bpjs.sh builds: $REGISTRY, default
#      bench/out-bpjs/registry; made with `Lindung.Bench gen` + `import` + `verify` when missing),
#   2. the web app (Production) on the copy, a Keuangan user signed in (a role that may list the registry without a
#      second factor),
#   3. for each common filter: one request to check the page, then wrk with ONE connection (a person at a desk:
#      latency, not throughput) for $WRK_DURATION, printing the latency distribution.
# Usage: bench/registry-list.sh   Env: REGISTRY, OUT (bench/out-list), PORT (5098), WRK_DURATION (10s).
set -euo pipefail
cd "$(dirname "$0")/.."
REGISTRY=${REGISTRY:-bench/out-bpjs/registry}
OUT=${OUT:-bench/out-list}
PORT=${PORT:-5098}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
state() { echo "# machine: nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)"; }

dotnet build bench/Lindung.Bench -c Release -v q -nologo >/dev/null
dotnet build src/Lindung.Web -c Release -v q -nologo >/dev/null
dotnet build src/Lindung.Cli -c Release -v q -nologo >/dev/null
BENCH="dotnet bench/Lindung.Bench/bin/Release/net10.0/Lindung.Bench.dll"
CLI="dotnet src/Lindung.Cli/bin/Release/net10.0/lindung.dll"

if [ ! -f "$REGISTRY/lindung.db" ]; then
  $BENCH gen "$OUT/workers.csv" 1000000
  $BENCH import "$OUT/workers.csv" "$REGISTRY"
  $BENCH verify "$REGISTRY"
fi

rm -rf "$OUT/run"
mkdir -p "$OUT/run"
cp "$REGISTRY/lindung.db" "$REGISTRY/nik.key" "$OUT/run/"
# The statuses of a registry after months of work (the bench registry is all one status): 70% verified, 1% rejected, the
# rest pending; 30% registered at BPJS, 20% sent. A filter few rows match is the case that once took 11 s.
sqlite3 "$OUT/run/lindung.db" "UPDATE Engagements SET
  Verification = CASE WHEN rowid % 100 = 7 THEN 'Rejected' WHEN rowid % 10 < 7 THEN 'Verified' ELSE 'Pending' END,
  Registration = CASE WHEN rowid % 10 < 3 THEN 'Registered' WHEN rowid % 10 < 5 THEN 'SentToBpjs' ELSE 'NotRegistered' END;
  ANALYZE;"
echo "registry: $(sqlite3 "$OUT/run/lindung.db" 'select count(*) from People') people, $(sqlite3 "$OUT/run/lindung.db" 'select count(*) from Engagements') engagements"

umask 077
printf 'Bench-%s-Sandi9\n' "$RANDOM$RANDOM" > "$OUT/keuangan.pw"
Lindung__DataDirectory="$OUT/run" $CLI user add --username keuangan.bench --role Keuangan --name "Keuangan Bench" \
  --password-file "$OUT/keuangan.pw" >/dev/null
source bench/web-session.sh
start_web "$OUT/run" "$PORT" "$OUT/web.log"
sign_in "$PORT" keuangan.bench "$OUT/keuangan.pw"
# A fresh server back-fills the last 12 months' coverage snapshots (SnapshotWorker, ≈ 2.5 s each at 1M workers): measured
# during it, the first filters' p90 reached 1 s (stop 19). Wait until no snapshot has been added for 8 s (at most 3 min).
last=-1; still=0
for _ in $(seq 1 180); do
  n=$(sqlite3 "$OUT/run/lindung.db" "select count(*) from CoverageSnapshots" 2>/dev/null || echo "$last")
  if [ "$n" = "$last" ]; then still=$((still + 1)); else still=0; last=$n; fi
  [ "$still" -ge 8 ] && break
  sleep 1
done
echo "coverage snapshots present: $last"

# Ids are stored as 16 big-endian bytes (GuidBlob): the URL wants their text form.
OPD=$(sqlite3 "$OUT/run/lindung.db" "select lower(substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21)) from (select hex(Id) h from Agencies where Code='DLH')")
DISTRICT=$(sqlite3 "$OUT/run/lindung.db" "select DistrictCode from People where DistrictCode is not null group by DistrictCode order by count(*) desc limit 1")
declare -a URLS=(
  "/Pekerja"
  "/Pekerja?F.Hal=200"
  "/Pekerja?F.Q=siti"
  "/Pekerja?F.Opd=$OPD"
  "/Pekerja?F.Kecamatan=$DISTRICT"
  "/Pekerja?F.Verifikasi=Verified"
  "/Pekerja?F.Verifikasi=Rejected"
  "/Pekerja?F.Verifikasi=Rejected&F.Urut=lahir"
  "/Pekerja?F.Registrasi=Registered"
  "/Pekerja?F.Kecamatan=$DISTRICT&F.Verifikasi=Rejected"
  "/Pekerja?F.Urut=terbaru"
  "/Pekerja?F.Opd=$OPD&F.Verifikasi=Verified&F.Urut=lahir"
)
state
for url in "${URLS[@]}"; do
  STATUS=$(curl -s -o "$OUT/page.html" -w '%{http_code} %{time_total}s' -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$url")
  grep -q 'data-testid="registry-total"' "$OUT/page.html" || { echo "list not served for $url ($STATUS)" >&2; exit 1; }
  echo "== $url  first: $STATUS  $(grep -o 'data-testid="registry-total">[^<]*' "$OUT/page.html" | sed 's/.*>//')"
  wrk -t1 -c1 -d"${WRK_DURATION:-10s}" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$url" \
    | grep -E "Latency  |50%|75%|90%|99%|Requests/sec"
done
state
