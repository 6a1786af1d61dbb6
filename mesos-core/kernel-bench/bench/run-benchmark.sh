#!/bin/sh
# Builds the kernel (master and agent exec jars, SDK, simulator, this module) and runs one
# benchmark main class, holding the Maven lock for the build AND the measured run so that no other
# build competes for the CPUs. The benchmark JVM runs in a process group of its own; whatever is
# left of that group when it ends (normally nothing: the benchmark kills -9 its masters, agents
# and tasks itself) is killed -9 here, also on failure or interruption.
# Usage: run-benchmark.sh <main class> <benchmark JVM options...>
set -eu
if [ "${KERNEL_BENCH_LOCKED:-}" != 1 ]; then
  echo "waiting for /tmp/mvn.lock ..." >&2
  exec env KERNEL_BENCH_LOCKED=1 flock /tmp/mvn.lock "$0" "$@"
fi
main=$1
shift
cd "$(dirname "$0")/../../.."
root=$(pwd)
module=mesos-core/kernel-bench
# Built from the kernel's own reactor, so that work in progress elsewhere in the tree cannot stop it.
mvn -q -B -o -f mesos-core/pom.xml install -DskipTests -pl kernel-bench -am \
  || mvn -q -B -f mesos-core/pom.xml install -DskipTests -pl kernel-bench -am
mvn -q -B -o -f $module/pom.xml dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/bench.classpath
cp="$module/target/classes:$(cat $module/target/bench.classpath)"
logs="$root/$module/target/bench-logs"
rm -rf "$logs" && mkdir -p "$logs"
echo "benchmark logs (master, agent, thread dumps): $logs" >&2

# setsid: the benchmark JVM leads a process group of its own, which masters and agents join.
setsid java "$@" \
  -Dkernel.master.jar="$root/mesos-core/master/target/master-0.1.0-SNAPSHOT-exec.jar" \
  -Dkernel.agent.jar="$root/mesos-core/agent/target/agent-0.1.0-SNAPSHOT-exec.jar" \
  -Dkernel.logs="$logs" \
  -cp "$cp" "$main" &
pid=$!
cleanup() {
  # SIGTERM first so the benchmark's shutdown hook kills its tasks too; then -9 the whole group.
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
