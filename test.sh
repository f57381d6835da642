#!/usr/bin/env bash
# Builds and runs the whole test suite against a throwaway PostgreSQL, then prints "N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")"
. scripts/postgres.sh

work=$(mktemp -d /tmp/orleans-monitor-test.XXXXXX)
chmod 755 "$work"
cleanup() { pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  pg_ensure_binaries
  port=$(pg_free_port 26432)
  PG_FSYNC=off pg_start "$work/pg" "$port"
  export ConnectionStrings__Postgres
  ConnectionStrings__Postgres=$(pg_connection_string "$port")
fi

export DOTNET_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/OrleansMonitor.Tests.csproj -c Release -v quiet -nologo
status=0
dotnet test tests/OrleansMonitor.Tests.csproj -c Release --no-build -nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$work/results" "$@" || status=$?

trx=$(ls "$work"/results/*.trx 2>/dev/null | head -n 1 || true)
if [ -n "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  failed=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  total=$(echo "$counters" | sed -n 's/.*total="\([0-9]*\)".*/\1/p')
  executed=$(echo "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  notrun=$(( ${total:-0} - ${executed:-0} ))
  [ "${passed:-0}" -gt 0 ] || status=1
  perl scripts/trx-failures.pl "$trx"
  echo "${passed:-0} passed, $(( ${failed:-0} + notrun )) failed"
else
  echo "0 passed, 1 failed"
  status=1
fi
exit "$status"
