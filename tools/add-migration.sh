#!/usr/bin/env bash
# Adds a migration NAME to both providers' migrations projects (SQLite and PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: tools/add-migration.sh NAME" >&2; exit 2; }
dotnet run --project tools/Lindung.MigrationTool -- add "$1"
