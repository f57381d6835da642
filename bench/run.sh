#!/usr/bin/env bash
# Runs the engine benchmark against a throwaway PostgreSQL and a local HTTP target. Not a test: it prints figures.
#   bench/run.sh --monitors 50000 --interval 20 --seconds 60 --restart-monitors 10000   (engine, then lists)
#   bench/run.sh --phase lists --list-devices 5000                                        (Dashmon list reads only)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh
work=$(mktemp -d /tmp/orleans-monitor-bench.XXXXXX)
chmod 755 "$work"
trap 'pg_stop "$work/pg"; rm -rf "$work"' EXIT
pg_ensure_binaries
port=$(pg_free_port 27432)
pg_start "$work/pg" "$port"
export ConnectionStrings__Postgres
ConnectionStrings__Postgres=$(pg_connection_string "$port")
dotnet build bench/OrleansMonitor.Bench.csproj -c Release -v quiet -nologo >&2
dotnet build api-host/OrleansMonitor.ApiHost.csproj -c Release -v quiet -nologo >&2
dotnet bench/bin/Release/net10.0/OrleansMonitor.Bench.dll --api-host-dll "$PWD/api-host/bin/Release/net10.0/OrleansMonitor.ApiHost.dll" "$@"
