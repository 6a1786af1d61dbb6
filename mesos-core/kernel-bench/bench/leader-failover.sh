#!/bin/sh
# Leader failover of three real masters: 10 rounds of kill -9 of the leader. Override with
# -Dbench.rounds=N -Dbench.zk.session=2s.
exec "$(dirname "$0")/run-benchmark.sh" io.dcos.kernel.bench.LeaderFailoverBenchmark -Xmx512m "$@"
