#!/usr/bin/env bash
# Times `people import` of a 10,000-row file (BENCH_PEOPLE rows) into a fresh SQLite database.
# Builds Release, creates the database with a header-only import, adds one unit with sqlite3,
# generates the file, runs the import and prints the seconds it took. Removes its temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rows=${BENCH_PEOPLE:-10000}
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: sudo apt-get install sqlite3"; exit 1; }

work=$(mktemp -d /tmp/training-people-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== Building Release"
dotnet build src/Web -c Release --nologo -v q -clp:ErrorsOnly
people() { (cd "$root/src/Web" && ASPNETCORE_ENVIRONMENT=Production Storage__DataFolder="$work/data" \
  Logging__LogLevel__Default=Warning dotnet bin/Release/net10.0/Web.dll people import "$@"); }

echo "== Creating the database"
echo "email,given_name,family_name,unit_path" >"$work/empty.csv"
people "$work/empty.csv" >/dev/null
sqlite3 "$work/data/training.db" \
  "INSERT INTO Units (Name, Path, Lineage, CreatedAt) VALUES ('Bench Police', 'Bench Police', '/x/', '2026-01-01 00:00:00');
   UPDATE Units SET Lineage = '/' || Id || '/' WHERE Name = 'Bench Police';"

echo "== Generating $rows rows"
awk -v n="$rows" 'BEGIN { print "email,given_name,family_name,unit_path,job_title,language";
  for (i = 1; i <= n; i++) printf "person%d@bench.example.org,Given%d,Family%d,Bench Police,Officer,%s\n", i, i, i, (i % 2 ? "en" : "fr") }' >"$work/people.csv"

echo "== Importing"
start=$(date +%s.%N)
people "$work/people.csv"
end=$(date +%s.%N)
echo "Imported $rows rows in $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }') s (process start and migrations check included)"
echo "== Importing the same file again (changes nothing)"
people "$work/people.csv" | tail -1
