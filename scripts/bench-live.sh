#!/usr/bin/env bash
# Live-path benchmark: Release build, fresh SQLite database, the app and a bare SignalR hub under the same load.
#   scripts/bench-live.sh                      # ingest mode: 20k positions/s, 1k alarms/s, 200 hub clients, 60 s after 60 s warm-up
#   scripts/bench-live.sh --mode browser       # Chromium on /wall with 5,000 units at 1 Hz
# Any flag is passed to the benchmark (--clients, --positions-per-sec, --alarms-per-sec, --seconds, --units, --out …).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ " $* " == *" browser "* ]] && [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

dotnet build src/Dashboard.Web -c Release -nologo -v quiet
dotnet build tests/Dashboard.Benchmarks -c Release -nologo -v quiet
dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll "$@"
