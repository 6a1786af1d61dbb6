#!/bin/sh
# Launch throughput: one real master (-Xmx2g), 10,000 simulated agents, one framework placing
# 100,000 tasks as fast as offers come. Override with -Dbench.agents=N -Dbench.tasks=N.
exec "$(dirname "$0")/run-benchmark.sh" io.dcos.kernel.bench.LaunchThroughputBenchmark \
  -Xms3g -Xmx3g "$@"
