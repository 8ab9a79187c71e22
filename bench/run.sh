#!/usr/bin/env bash
# Reproduces docs/performance.md: 1M-row CSV import with full validation into SQLite, side by side with the
# sqlite3 shell's .import of the same file into a table with a unique NIK index (and into a bare table).
# Usage: bench/run.sh [ROWS]   (default 1000000). Needs sqlite3 (apt-get install sqlite3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
OUT=bench/out; rm -rf "$OUT"; mkdir -p "$OUT"
dotnet build bench/Lindung.Bench -c Release -v q -nologo >/dev/null
BENCH="dotnet bench/Lindung.Bench/bin/Release/net10.0/Lindung.Bench.dll"
$BENCH gen "$OUT/workers.csv" "$ROWS"
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
for kind in bare unique; do
  rm -f "$OUT/shell.db"
  idx=""; [ "$kind" = unique ] && idx="CREATE UNIQUE INDEX ix_nik ON w(NIK);"
  start=$(date +%s.%N)
  sqlite3 "$OUT/shell.db" "CREATE TABLE w(NIK TEXT,Nama TEXT,TempatLahir TEXT,TanggalLahir TEXT,JK TEXT,Alamat TEXT,Desa TEXT,Kecamatan TEXT,NoHP TEXT,Upah TEXT,Penghasilan TEXT,Kategori TEXT,Jabatan TEXT); $idx" \
    ".mode csv" ".import --skip 1 $OUT/workers.csv w"
  end=$(date +%s.%N)
  echo "sqlite3 .import ($kind table): $(echo "$end - $start" | bc) s"
done
rm -rf "$OUT/lindung"
/usr/bin/env time -v $BENCH import "$OUT/workers.csv" "$OUT/lindung" 2> "$OUT/time.txt" || $BENCH import "$OUT/workers.csv" "$OUT/lindung"
grep -E "Maximum resident|Elapsed" "$OUT/time.txt" 2>/dev/null || true
