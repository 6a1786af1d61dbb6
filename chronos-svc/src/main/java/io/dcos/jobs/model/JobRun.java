package io.dcos.jobs.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of a job, from the claim of its due time to its final status, with every task attempt.
 * Invariant: at most one run exists per job and due time (the store enforces it), so a due time is
 * run exactly once.
 *
 * @param dueAt the scheduled time this run answers (creation time for manual runs)
 * @param attempts tasks launched so far, the last one being current
 */
public record JobRun(
    String id,
    String jobId,
    Instant dueAt,
    RunTrigger trigger,
    RunStatus status,
    Instant createdAt,
    Instant finishedAt,
    String arguments,
    List<TaskRecord> tasks) {
  public JobRun {
    tasks = List.copyOf(tasks);
    arguments = arguments == null ? "" : arguments;
  }

  /** The task of the latest attempt, if one was launched. */
  public Optional<TaskRecord> currentTask() {
    return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(tasks.size() - 1));
  }

  public int attempts() {
    return tasks.size();
  }

  public JobRun withStatus(RunStatus next, Instant finished) {
    return new JobRun(id, jobId, dueAt, trigger, next, createdAt, finished, arguments, tasks);
  }
}
