#!/bin/sh
# Times allocation passes over 10,000 agents and 1,000 frameworks (see AllocatorBenchmark).
# Holds the Maven lock for the whole run so no other build competes for the CPUs meanwhile.
set -eu
cd "$(dirname "$0")/../../.."
exec flock /tmp/mvn.lock sh -c '
  mvn -q -B -o install -pl mesos-core/master -am -Dmaven.test.skip=true &&
  mvn -q -B -o -pl mesos-core/master test-compile exec:exec \
    -Dexec.classpathScope=test -Dexec.executable=java \
    -Dexec.args="-Xms2g -Xmx2g -cp %classpath io.dcos.kernel.master.allocation.AllocatorBenchmark"
'
