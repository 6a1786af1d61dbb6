package io.dcos.jobs.planner;

import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time limits of a run, as a pure function of the run, its job's run spec and the time: a run
 * none of whose tasks reached RUNNING within {@code maxLaunchDelay} of becoming due (Metronome),
 * and a run still going {@code maxRunTime} after its first task was launched (Chronos {@code
 * maxCompletionTime}), are over their deadline and must be stopped as failed.
 */
public final class RunDeadlines {
  private RunDeadlines() {}

  /** Why {@code run} is over a deadline at {@code now}, or empty while it is within them. */
  public static Optional<String> overdue(JobRun run, RunSpec spec, Instant now) {
    if (run.status().isFinal()) {
      return Optional.empty();
    }
    boolean reachedRunning = run.tasks().stream().anyMatch(t -> t.startedAt() != null);
    if (!reachedRunning && !spec.maxLaunchDelay().isZero()) {
      // A run claimed ahead of its due time waits for it; a manual run is due when created.
      Instant due = run.dueAt().isAfter(run.createdAt()) ? run.dueAt() : run.createdAt();
      if (now.isAfter(due.plus(spec.maxLaunchDelay()))) {
        return Optional.of(
            "not running within maxLaunchDelay of " + seconds(spec.maxLaunchDelay()) + " s");
      }
    }
    if (!spec.maxRunTime().isZero() && !run.tasks().isEmpty()) {
      TaskRecord first = run.tasks().get(0);
      if (now.isAfter(first.launchedAt().plus(spec.maxRunTime()))) {
        return Optional.of(
            "still running after maxCompletionTime of " + spec.maxRunTime().toMillis() + " ms");
      }
    }
    return Optional.empty();
  }

  private static String seconds(Duration d) {
    return Long.toString(d.toSeconds());
  }
}
