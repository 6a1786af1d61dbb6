package io.dcos.jobs.engine;

import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.TaskRecord;
import java.time.Instant;

/**
 * A task of a run placed on an offer: the engine records it in the history, then the framework
 * adapter turns it into a LAUNCH.
 */
public record Placement(
    String taskId, String offerId, String agentId, String hostname, JobRun run, RunSpec spec) {
  public String jobId() {
    return run.jobId();
  }

  /** The task as the history records it before the launch. */
  public TaskRecord staging(Instant launchedAt) {
    return new TaskRecord(
        taskId,
        run.id(),
        run.attempts(),
        agentId,
        hostname,
        "TASK_STAGING",
        launchedAt,
        null,
        null,
        "");
  }
}
