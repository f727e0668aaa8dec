#!/usr/bin/env bash
# Airline.Pipeline build entry point.
#
#   ./build.sh test     install what is missing, start PostgreSQL 15, s3rver and dynalite on 127.0.0.1,
#                       run every test in the solution, stop the servers (always), print a summary line
#   ./build.sh build    dotnet build -c Release (zero warnings: warnings are errors)
#   ./build.sh pack     one .nupkg per package into artifacts/
#   ./build.sh sample   run the airline ingestion sample (any further arguments go to the sample)
#   ./build.sh bench    run the benchmarks (further arguments go to BenchmarkDotNet, e.g. --filter '*Flights*')
#   ./build.sh servers  start the servers, print their environment variables, and wait (Ctrl-C stops them):
#                       for running `dotnet test` on one project from another shell
#
# Run it as it is on a fresh Debian machine with the .NET SDK and Node: it installs the `postgresql`
# Debian package if its binaries are absent and the npm test tools from tests/tools/package-lock.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOOLS="$ROOT/tests/tools"
SOLUTION="$ROOT/Airline.Pipeline.sln"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[build] %s\n' "$*" >&2; }
die() { printf '[build] error: %s\n' "$*" >&2; exit 2; }

# ---------------------------------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------------------------------
apt_updated=0
apt_install() {
  [ "$(id -u)" = 0 ] || die "missing Debian packages ($*); run: sudo apt-get update && sudo apt-get install -y $*"
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/15/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_prerequisites() {
  command -v dotnet >/dev/null || die "the .NET SDK 10 is required (dotnet not on PATH)"
  command -v node >/dev/null || die "Node.js 20 or later is required (node not on PATH)"
  command -v npm >/dev/null || die "npm is required (npm not on PATH)"
  if ! pg_bindir >/dev/null; then
    apt_install postgresql-15 || apt_install postgresql
    pg_bindir >/dev/null || die "PostgreSQL 15 binaries not found in /usr/lib/postgresql/15/bin after installing"
  fi
  # npm ci only when the lock file changed since the last install (a stamp holds its checksum).
  local stamp="$TOOLS/node_modules/.airline-lock-sha"
  local want; want="$(sha256sum "$TOOLS/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "npm ci (tests/tools)"
    (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" > "$stamp"
  fi
}

# ---------------------------------------------------------------------------------------------------
# Servers on 127.0.0.1, on free ports, always stopped
# ---------------------------------------------------------------------------------------------------
RUN_DIR=""
PG_DATA=""
PIDS=()

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

wait_for_port() { # port name seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "$2 did not listen on 127.0.0.1:$1 within $3 s (log: $RUN_DIR/$2.log)"
}

as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$PG_USER" -- "$@"
  else
    "$@"
  fi
}

stop_servers() {
  local rc=$?
  set +e
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_pg_user "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  [ -n "$RUN_DIR" ] && rm -rf "$RUN_DIR"
  return $rc
}

start_servers() {
  RUN_DIR="$(mktemp -d /tmp/airline-pipeline-test.XXXXXX)"
  chmod 755 "$RUN_DIR"
  trap stop_servers EXIT
  trap 'exit 130' INT TERM

  # PostgreSQL 15: a throwaway cluster. initdb refuses to run as root, so root runs it as `postgres`.
  local bindir; bindir="$(pg_bindir)"
  PG_USER="$(id -un)"
  if [ "$(id -u)" = 0 ]; then
    PG_USER=postgres
    id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  fi
  mkdir -p "$RUN_DIR/pg"
  [ "$(id -u)" = 0 ] && chown "$PG_USER" "$RUN_DIR/pg"
  PG_DATA="$RUN_DIR/pg/data"
  local pg_port; pg_port="$(free_port)"
  as_pg_user "$bindir/initdb" -D "$PG_DATA" -U airline --auth=trust -E UTF8 --no-locale >"$RUN_DIR/postgres-initdb.log" 2>&1 \
    || { cat "$RUN_DIR/postgres-initdb.log" >&2; die "initdb failed"; }
  as_pg_user "$bindir/pg_ctl" -D "$PG_DATA" -w -t 60 -l "$RUN_DIR/pg/postgres.log" \
    -o "-p $pg_port -k $RUN_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$RUN_DIR/pg/postgres.log" >&2; die "PostgreSQL did not start"; }
  export AIRLINE_PG_CONNECTION="Host=127.0.0.1;Port=$pg_port;Username=airline;Database=postgres;Pooling=true;Timeout=30"

  # s3rver: --openssl-legacy-provider because its ListObjectsV2 continuation tokens use an OpenSSL 1 cipher.
  local s3_port; s3_port="$(free_port)"
  mkdir -p "$RUN_DIR/s3"
  NODE_OPTIONS=--openssl-legacy-provider node "$TOOLS/node_modules/s3rver/bin/s3rver.js" \
    -d "$RUN_DIR/s3" -a 127.0.0.1 -p "$s3_port" --silent >"$RUN_DIR/s3rver.log" 2>&1 &
  PIDS+=($!)
  export AIRLINE_S3_ENDPOINT="http://127.0.0.1:$s3_port"

  # dynalite: in-memory DynamoDB; tables become ACTIVE at once instead of after 500 ms of CREATING.
  local ddb_port; ddb_port="$(free_port)"
  node "$TOOLS/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$ddb_port" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 >"$RUN_DIR/dynalite.log" 2>&1 &
  PIDS+=($!)
  export AIRLINE_DYNAMODB_ENDPOINT="http://127.0.0.1:$ddb_port"

  export AIRLINE_TEST_TOOLS="$TOOLS"
  export AIRLINE_NODE="$(command -v node)"

  wait_for_port "$pg_port" postgres 60
  wait_for_port "$s3_port" s3rver 30
  wait_for_port "$ddb_port" dynalite 30
  log "PostgreSQL 15 on 127.0.0.1:$pg_port, s3rver on :$s3_port, dynalite on :$ddb_port"
}

# ---------------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------------
summarize() { # parse each test project's result line into one closing line
  awk '
    /^(Passed|Failed)!/ {
      for (i = 1; i <= NF; i++) {
        gsub(",", "", $(i+1))
        if ($i == "Failed:") f += $(i+1)
        if ($i == "Passed:") p += $(i+1)
        if ($i == "Skipped:") s += $(i+1)
      }
      projects++
    }
    END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s; if (projects == 0) exit 3 }
  ' "$1"
}

cmd_test() {
  ensure_prerequisites
  start_servers
  local out="$RUN_DIR/dotnet-test.log"
  local ci_flag=()
  [ "${CI:-}" = "true" ] && ci_flag=(-p:ContinuousIntegrationBuild=true)
  log "dotnet build"
  dotnet build "$SOLUTION" -c Release -nologo -v quiet "${ci_flag[@]}"
  log "dotnet test"
  set +e
  dotnet test "$SOLUTION" -c Release --no-build -nologo --blame-hang-timeout 10m "$@" 2>&1 | tee "$out"
  local rc=${PIPESTATUS[0]}
  set -e
  local summary_rc=0
  summarize "$out" || summary_rc=$?
  if [ "$summary_rc" != 0 ]; then
    log "no test project reported a result"
    return 1
  fi
  return "$rc"
}

cmd_servers() {
  ensure_prerequisites
  start_servers
  printf 'export AIRLINE_PG_CONNECTION=%q\nexport AIRLINE_S3_ENDPOINT=%q\nexport AIRLINE_DYNAMODB_ENDPOINT=%q\nexport AIRLINE_TEST_TOOLS=%q\nexport AIRLINE_NODE=%q\n' \
    "$AIRLINE_PG_CONNECTION" "$AIRLINE_S3_ENDPOINT" "$AIRLINE_DYNAMODB_ENDPOINT" "$AIRLINE_TEST_TOOLS" "$AIRLINE_NODE"
  log "servers running; Ctrl-C (or kill $$) stops them"
  while true; do sleep 3600; done
}

main() {
  local cmd="${1:-test}"
  [ $# -gt 0 ] && shift
  case "$cmd" in
    test) cmd_test "$@" ;;
    build) dotnet build "$SOLUTION" -c Release -nologo "$@" ;;
    pack) dotnet pack "$SOLUTION" -c Release -nologo -o "$ROOT/artifacts" "$@" ;;
    sample) dotnet run -c Release --project "$ROOT/samples/Airline.Pipeline.Samples.AirlineIngestion" -- "$@" ;;
    bench) dotnet run -c Release --project "$ROOT/benchmarks/Airline.Pipeline.Benchmarks" -- "$@" ;;
    servers) cmd_servers ;;
    -h|--help|help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$cmd'; use one of: test build pack sample bench servers" ;;
  esac
}

main "$@"
