#!/bin/sh
# Times allocation passes over 10,000 agents and 1,000 frameworks (see AllocatorBenchmark).
# Builds the master's main code, then compiles and runs only the benchmark class, so work in
# progress elsewhere in the test tree cannot stop it. Holds the Maven lock for the whole run so
# no other build competes for the CPUs meanwhile.
set -eu
cd "$(dirname "$0")/.."
exec flock /tmp/mvn.lock sh -c '
  set -eu
  mvn -q -B -o -f ../../pom.xml install -pl mesos-core/master -am -Dmaven.test.skip=true
  mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/allocator-bench.classpath
  cp="target/classes:$(cat target/allocator-bench.classpath)"
  rm -rf target/allocator-bench && mkdir -p target/allocator-bench
  javac --release 17 -Xlint:all -Werror -d target/allocator-bench -cp "$cp" \
    src/test/java/io/dcos/kernel/master/allocation/AllocatorBenchmark.java
  java -Xms2g -Xmx2g -cp "target/allocator-bench:$cp" \
    io.dcos.kernel.master.allocation.AllocatorBenchmark
'
