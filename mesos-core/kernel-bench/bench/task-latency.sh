#!/bin/sh
# Submit-to-TASK_RUNNING latency of process tasks on one real agent (20 warm-up + 300 measured,
# at most 20 alive). Override with -Dbench.tasks=N -Dbench.alive=N -Dbench.command='...'.
exec "$(dirname "$0")/run-benchmark.sh" io.dcos.kernel.bench.TaskLatencyBenchmark -Xmx512m "$@"
