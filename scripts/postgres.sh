# Shell functions for a project-local PostgreSQL cluster (sourced by run.sh, test.sh and the benchmark).
# PostgreSQL refuses to run as root: as root the cluster runs as the 'postgres' system user.

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# Makes sure the server binaries exist: installs Debian's postgresql when root, otherwise explains what is missing.
pg_ensure_binaries() {
  if [ -n "$(pg_bin_dir)" ]; then return 0; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL server binaries not found: installing Debian's postgresql package" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    # Debian starts its own cluster on 5432 after install; the project uses its own cluster on another port.
  fi
  if [ -z "$(pg_bin_dir)" ]; then
    echo "PostgreSQL server binaries are missing (looked in /usr/lib/postgresql/*/bin)." >&2
    echo "Install them (Debian/Ubuntu: sudo apt-get install postgresql), or set ConnectionStrings__Postgres to an existing server." >&2
    return 1
  fi
}

# Runs a command as the cluster's owner.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A TCP port on 127.0.0.1 nobody listens on or uses, starting the search at $1.
pg_free_port() {
  local port=$1
  # Taken: something listens there, or (seen by ss when it is installed) any socket uses it as its local port, such as
  # an outgoing connection the kernel gave it (ports from 32768 up are handed out that way, so callers start below).
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
    || { command -v ss >/dev/null && [ -n "$(ss -Htan "sport = :$port" 2>/dev/null)" ]; }; do
    port=$((port + 1))
  done
  echo "$port"
}

# pg_start DIR PORT: creates the cluster under DIR/pgdata on first use, then starts it on 127.0.0.1:PORT.
pg_start() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin_dir)
  mkdir -p "$dir/pgdata" "$dir/pgsock"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir" "$dir/pgdata" "$dir/pgsock"
    chmod 700 "$dir/pgdata"
    if ! runuser -u postgres -- test -w "$dir/pgdata"; then
      echo "The postgres user cannot reach $dir (a parent folder is private). Set DATA_DIR to a folder it can reach." >&2
      return 1
    fi
  fi
  if [ ! -f "$dir/pgdata/PG_VERSION" ]; then
    pg_as_owner "$bin/initdb" -D "$dir/pgdata" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  touch "$dir/postgres.log" && { [ "$(id -u)" -ne 0 ] || chown postgres "$dir/postgres.log"; }
  pg_as_owner "$bin/pg_ctl" -D "$dir/pgdata" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -k $dir/pgsock -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${PG_FSYNC:-on} -c shared_buffers=256MB" start >/dev/null \
    || { tail -n 20 "$dir/postgres.log" >&2; return 1; }
}

pg_stop() {
  local dir=$1 bin
  bin=$(pg_bin_dir)
  [ -f "$dir/pgdata/postmaster.pid" ] && pg_as_owner "$bin/pg_ctl" -D "$dir/pgdata" -m fast -w stop >/dev/null 2>&1 || true
}

pg_connection_string() {
  echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=${2:-postgres};Maximum Pool Size=100;Timeout=15"
}
