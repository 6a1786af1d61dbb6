#!/bin/sh
# Deploys one app with 1,000 instances through POST /v2/apps to 100 simulated agents on a real
# master, with marathon-svc as a process on a real PostgreSQL and ZooKeeper, and times until all
# run. Holds /tmp/mvn.lock for the build and the measured runs so no build competes for the CPUs.
# Usage: marathon-svc/bench/deploy-1000.sh [JVM options such as -Dbench.runs=5 -Dbench.instances=1000
#   -Dbench.agents=100 -Dbench.warmup=1 -Dbench.synchronous_commit=on -Dbench.jstack=<dir>]
set -eu
if [ "${DEPLOY_BENCH_LOCKED:-}" != 1 ]; then
  echo "waiting for /tmp/mvn.lock ..." >&2
  exec env DEPLOY_BENCH_LOCKED=1 flock /tmp/mvn.lock "$0" "$@"
fi
cd "$(dirname "$0")/../.."
root=$(pwd)
mod=marathon-svc/marathon-server
mvn -o -B -q install -DskipTests -Dcompiler.werror=false -f marathon-svc/pom.xml -pl marathon-core >/dev/null
mvn -o -B -q package -DskipTests -Dspotless.check.skip=true -Dspotless.apply.skip=true \
  -Dcompiler.werror=false -f marathon-svc/pom.xml -pl marathon-server >/dev/null
mvn -o -B -q dependency:build-classpath -f marathon-svc/pom.xml -pl marathon-server \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
for jar in mesos-core/master/target/master-0.1.0-SNAPSHOT-exec.jar; do
  [ -f "$jar" ] || { echo "missing $jar: build the kernel first (mvn -f mesos-core/pom.xml install -DskipTests)" >&2; exit 1; }
done
logs="$root/$mod/target/bench-logs"
mkdir -p "$logs"
echo "logs of the master and marathon-svc: $logs" >&2
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
# setsid: the benchmark JVM leads a process group of its own, which the master and marathon-svc join.
setsid java -Xmx1g -XX:+UseParallelGC "$@" \
  -Dkernel.master.jar="$root/mesos-core/master/target/master-0.1.0-SNAPSHOT-exec.jar" \
  -Dmarathon.server.jar="$root/$mod/target/marathon-server-0.1.0-SNAPSHOT-exec.jar" \
  -Dkernel.logs="$logs" \
  -cp "$mod/target/test-classes:$mod/target/classes:$(cat $mod/target/bench.classpath)" \
  io.dcos.marathon.server.bench.DeployBenchmark &
pid=$!
cleanup() {
  if kill -TERM "$pid" 2>/dev/null; then
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
  fi
  kill -9 -- "-$pid" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
set +e
wait $pid
rc=$?
set -e
exit $rc
