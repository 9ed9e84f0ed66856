#!/usr/bin/env bash
# Runs every test on a fresh Debian machine that has only the .NET SDK, Node/npm and apt:
# installs what the tests need (Chromium, PostgreSQL, Redis, CJK fonts) when missing, starts the servers on loopback,
# runs the suites, and ends with the line `tests: N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/dashboard-test.XXXXXX)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_data="$work/pg"
pg_port=${TEST_PG_PORT:-5440}
redis_port=${TEST_REDIS_PORT:-6390}

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

cleanup() {
  as_postgres "$pg_bin/pg_ctl -D $pg_data -m immediate stop" >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$pg_data"
[ "$(id -u)" = 0 ] && chown postgres "$work" "$pg_data"
as_postgres "$pg_bin/initdb -D $pg_data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
as_postgres "$pg_bin/pg_ctl -D $pg_data -l $pg_data/server.log -o '-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1' -w start" >/dev/null
redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no >/dev/null

export TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export TEST_REDIS="127.0.0.1:$redis_port"
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}

results="$root/TestResults"
rm -rf "$results"
status=0
dotnet test Dashboard.sln --nologo --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "tests: $passed passed, $failed failed"
if [ "$passed" -eq 0 ]; then status=1; fi
exit $status
