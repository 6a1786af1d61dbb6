#!/usr/bin/env bash
# Record freshness on a real cluster: a master and dns-svc from their exec jars, simulated agents
# and a framework in the benchmark JVM. Measures TASK_RUNNING -> first A answer and TASK_KILLED ->
# first NXDOMAIN for every measured task, with background tasks running.
# Usage: dns-svc/bench/freshness.sh [background tasks] [measured tasks] [wave] [agents]
# Holds /tmp/mvn.lock for the build and the measured run; needs the kernel installed in ~/.m2 and
# its exec jars built (mvn install -DskipTests -pl mesos-core/master,mesos-core/agent-simulator -am).
set -euo pipefail
if [ "${DNS_BENCH_LOCKED:-}" != 1 ]; then
  echo "waiting for /tmp/mvn.lock ..." >&2
  exec env DNS_BENCH_LOCKED=1 flock /tmp/mvn.lock "$0" "$@"
fi
BACKGROUND=${1:-2000}
MEASURED=${2:-500}
WAVE=${3:-10}
AGENTS=${4:-50}
HERE=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$HERE"
mvn -q -B -o package -DskipTests
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
LOGS="$HERE/target/bench-logs"
rm -rf "$LOGS" && mkdir -p "$LOGS"
echo "logs: $LOGS" >&2
echo "date=$(date -u +%FT%TZ) cpus=$(nproc) $(lscpu | grep 'Model name' | sed 's/  */ /g') load=$(cut -d' ' -f1-3 /proc/loadavg)"
setsid java -Xmx768m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  -Dkernel.master.jar="$ROOT/mesos-core/master/target/master-0.1.0-SNAPSHOT-exec.jar" \
  -Ddns.jar="$HERE/target/dns-svc-0.1.0-SNAPSHOT-exec.jar" \
  -Dkernel.logs="$LOGS" \
  io.dcos.dns.bench.FreshnessBenchmark "$BACKGROUND" "$MEASURED" "$WAVE" "$AGENTS" &
pid=$!
cleanup() { kill -9 -- "-$pid" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
wait $pid
