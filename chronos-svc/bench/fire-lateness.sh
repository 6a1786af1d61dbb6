#!/usr/bin/env bash
# Fire lateness of chronos-svc: JOBS jobs registered, DUE of them due in the same second, launched
# on AGENTS simulated agents of a real master (PostgreSQL and ZooKeeper embedded, all on 127.5.x).
# Prints due -> run claimed, due -> launch call and due -> TASK_RUNNING as p50/p99/max.
# WARMUP more jobs (counted in JOBS) fire 15 s earlier and are not reported (0: the service is cold).
# Usage: chronos-svc/bench/fire-lateness.sh [jobs] [due] [agents] [warmup]
# Needs the modules built (mvn install -pl chronos-svc -am -DskipTests).
set -euo pipefail
JOBS=${1:-10000}
DUE=${2:-1000}
AGENTS=${3:-50}
WARMUP=${4:-0}
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mktemp -d /tmp/chronos-bench.XXXXXX)
cd "$HERE"
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="$HERE/target/classes:$HERE/target/test-classes:$(cat "$OUT/cp.txt")"
MASTER_JAR="$HERE/../mesos-core/master/target/master-0.1.0-SNAPSHOT-exec.jar"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -XX:+UseParallelGC -Dkernel.logs="$OUT" -cp "$CP" \
  io.dcos.jobs.bench.FireLatencyBenchmark "$JOBS" "$DUE" "$AGENTS" "$MASTER_JAR" "$WARMUP" 2>"$OUT/bench.err" \
  | grep -E "^(registered|fires|due ->)"
echo "logs: $OUT"
