#!/bin/sh
# GET /v2/apps?embed=apps.tasks with 5,000 apps and 50,000 running tasks (defaults), on a real
# PostgreSQL and ZooKeeper. Usage: marathon-svc/bench/apps-list.sh [groups] [apps/group] [instances/app] [requests]
set -eu
cd "$(dirname "$0")/../.."
flock /tmp/mvn.lock mvn -o -B -q install -DskipTests -Dcompiler.werror=false -f marathon-svc/pom.xml -pl marathon-core >/dev/null
flock /tmp/mvn.lock mvn -o -B -q test-compile -Dcompiler.werror=false -f marathon-svc/pom.xml -pl marathon-server >/dev/null
mod=marathon-svc/marathon-server
flock /tmp/mvn.lock mvn -o -B -q dependency:build-classpath -f marathon-svc/pom.xml -pl marathon-server \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
# The measurement holds the build lock too, so no build competes with it.
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec flock /tmp/mvn.lock java -Xmx1g -XX:+UseParallelGC -cp "$mod/target/test-classes:$mod/target/classes:$(cat $mod/target/bench.classpath)" \
  io.dcos.marathon.server.bench.AppsListBenchmark "$@"
