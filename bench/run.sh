#!/usr/bin/env bash
# Reproduces docs/performance.md: 1M-row CSV import with full validation into SQLite, side by side with the
# sqlite3 shell's .import of the same file into a table with a unique NIK index (and into a bare table), then the
# same rows as XLSX (reader alone, and the import). Every step prints wall time, CPU (user+sys) and peak RSS from
# /usr/bin/time -v, and the load average before it: the machine is shared, so wall time alone means little.
# Usage: bench/run.sh [ROWS] [XLSX_ROWS]   (defaults 1000000 and 1000000; XLSX_ROWS=0 skips XLSX).
# Needs sqlite3 and GNU time (apt-get install sqlite3 time). Set CSV=FILE to reuse an existing CSV.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
XROWS=${2:-1000000}
OUT=bench/out; mkdir -p "$OUT"
dotnet build bench/Lindung.Bench -c Release -v q -nologo >/dev/null
BENCH="dotnet bench/Lindung.Bench/bin/Release/net10.0/Lindung.Bench.dll"
CSV=${CSV:-$OUT/workers.csv}
[ -f "$CSV" ] || $BENCH gen "$CSV" "$ROWS"

timed() { # label command...
  echo "== $1 (load before: $(cut -d' ' -f1-3 /proc/loadavg))"; shift
  /usr/bin/time -v "$@" 2> "$OUT/time.txt"
  awk -F': ' '/User time/{u=$2} /System time/{s=$2} /Elapsed/{e=$2} /Maximum resident/{m=$2}
    END{printf "   wall %s  cpu %.2f s (user %s + sys %s)  peak RSS %d MB\n", e, u+s, u, s, m/1024}' "$OUT/time.txt"
}

echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
for kind in bare unique; do
  rm -f "$OUT/shell.db"
  idx=""; [ "$kind" = unique ] && idx="CREATE UNIQUE INDEX ix_nik ON w(NIK);"
  timed "sqlite3 .import ($kind table)" sqlite3 "$OUT/shell.db" \
    "CREATE TABLE w(NIK TEXT,Nama TEXT,TempatLahir TEXT,TanggalLahir TEXT,JK TEXT,Alamat TEXT,Desa TEXT,Kecamatan TEXT,NoHP TEXT,Upah TEXT,Penghasilan TEXT,Kategori TEXT,Jabatan TEXT); $idx" \
    ".mode csv" ".import --skip 1 $CSV w"
done
rm -f "$OUT/shell.db"
rm -rf "$OUT/lindung"
timed "Lindung import (CSV)" $BENCH import "$CSV" "$OUT/lindung"
rm -rf "$OUT/lindung"

if [ "$XROWS" != 0 ]; then
  XLSX=$OUT/workers-$XROWS.xlsx
  [ -f "$XLSX" ] || $BENCH genxlsx "$XLSX" "$XROWS"
  timed "XLSX streaming reader alone" $BENCH read "$XLSX"
  timed "Lindung import (XLSX)" $BENCH import "$XLSX" "$OUT/lindung"
  rm -rf "$OUT/lindung"
fi
