#!/usr/bin/env bash
# Runs OrleansMonitor on this machine: PostgreSQL (yours via ConnectionStrings__Postgres, or a project-local cluster
# under DATA_DIR, default ./.data), one silo and the API host. Ctrl-C or SIGTERM stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/postgres.sh

API_URL=${API_URL:-http://127.0.0.1:8080}
DATA_DIR=$(mkdir -p "${DATA_DIR:-./.data}" && cd "${DATA_DIR:-./.data}" && pwd)
PG_PORT=${PG_PORT:-55432}
started_pg=""
pids=()

stop_all() {
  trap - INT TERM EXIT
  echo "stopping..." >&2
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$started_pg" ] && pg_stop "$DATA_DIR/pg"
  echo "stopped" >&2
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  pg_ensure_binaries
  mkdir -p "$DATA_DIR/pg"
  chmod 755 "$DATA_DIR"
  if [ -f "$DATA_DIR/pg/pgdata/postmaster.pid" ]; then pg_stop "$DATA_DIR/pg"; fi
  pg_start "$DATA_DIR/pg" "$PG_PORT"
  started_pg=1
  ConnectionStrings__Postgres=$(pg_connection_string "$PG_PORT")
  echo "PostgreSQL: project-local cluster in $DATA_DIR/pg on 127.0.0.1:$PG_PORT" >&2
fi
export ConnectionStrings__Postgres DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Every probe holds a socket: give the processes all the descriptors the kernel allows (the silo raises its own too).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "building..." >&2
dotnet build silo/OrleansMonitor.Silo.csproj -c Release -v quiet -nologo >&2
dotnet build api-host/OrleansMonitor.ApiHost.csproj -c Release -v quiet -nologo >&2

# The silo applies the schema migrations before it joins the cluster.
# Each runs from its output folder, which is its content root (appsettings.json).
(cd silo/bin/Release/net10.0 && exec dotnet OrleansMonitor.Silo.dll) &
pids+=($!)
(cd api-host/bin/Release/net10.0 && ASPNETCORE_URLS="$API_URL" exec dotnet OrleansMonitor.ApiHost.dll) &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "$API_URL/api/health" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a process exited during start-up" >&2; exit 1; }; done
  sleep 1
done
echo "OrleansMonitor is running: $API_URL  (Ctrl-C to stop)"
wait -n "${pids[@]}" || true
