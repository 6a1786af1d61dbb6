#!/usr/bin/env bash
# Admin router overhead with auth on: wrk against one upstream directly and through the router's
# /service/<name>/ route (RS256 token checked in Lua), alternating in the same run. Prints a
# Markdown table: added p50/p99 latency at one connection, throughput ratio at 16 connections.
# Holds /tmp/mvn.lock for the build and the measurement so that the machine is quiet.
#   admin-router/bench/router-bench.sh [seconds-per-measurement (10)] [rounds (3)] [both|jvm|static]
# ROUTER_BENCH_CONF adds cluster configuration lines for the router, separated by ';'
# (for example ROUTER_BENCH_CONF='ROUTER_WORKERS=1;ROUTER_ACCESS_LOG=off').
set -euo pipefail
if [ "${ROUTER_BENCH_LOCKED:-}" != 1 ]; then
  echo "waiting for /tmp/mvn.lock ..." >&2
  exec env ROUTER_BENCH_LOCKED=1 flock /tmp/mvn.lock "$0" "$@"
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../../installer/bin/prerequisites.sh
. "$root/installer/bin/prerequisites.sh"
ensure_router_packages
command -v wrk >/dev/null || apt_install wrk
cd "$root"
mvn -q -B -o -pl admin-router/identity install -DskipTests
mvn -q -B -o -pl admin-router/router test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.dcos.router.it.RouterBenchmark -Dexec.args="${1:-10} ${2:-3} ${3:-both}"
