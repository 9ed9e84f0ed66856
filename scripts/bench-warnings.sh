#!/usr/bin/env bash
# Warning-engine benchmark: Release build, fresh SQLite database with a year of history (1,000,000 alarms by default).
# Prints µs per ingested dispute alarm (p50, p99) for the engine and for a full scan of the window, and writes JSON.
#   scripts/bench-warnings.sh [--history N] [--samples N] [--full-scan-samples N] [--repeat-percent N] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Dashboard.Benchmarks -c Release -nologo -v quiet
dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll --mode warnings "$@"
