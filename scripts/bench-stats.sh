#!/usr/bin/env bash
# Statistics benchmark: Release build, fresh SQLite database with 10,000,000 alarms over 400 days and a year of cases.
# Prints each screen figure read from the buckets against the same figure by GROUP BY over raw rows (times, ratio, equal?),
# and the time to build and render one month's report; writes JSON.
#   scripts/bench-stats.sh [--history N] [--samples N] [--full-scan-samples N] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Dashboard.Benchmarks -c Release -nologo -v quiet
dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll --mode stats "$@"
