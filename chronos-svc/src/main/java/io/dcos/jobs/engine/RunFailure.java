package io.dcos.jobs.engine;

import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;

/**
 * A run that finished as failed, told after the failure was stored: the job, the run, the job's
 * counters after it, whether the job was disabled by it, and the task that ended it (empty when no
 * task was launched).
 *
 * @param disabledNow the failure disabled the job (too many failures in a row)
 * @param message the task's last message, or why the run failed without a task
 */
public record RunFailure(
    JobSpec job,
    JobRun run,
    JobCounters counters,
    boolean disabledNow,
    String taskId,
    String taskState,
    String message) {}
