package io.dcos.jobs.planner;

import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.ScheduleSpec;
import io.dcos.jobs.schedule.Schedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what happens to runs, as a pure function of records and the injected clock: whether a due
 * schedule starts a run (late runs after downtime, concurrency), whether a failed task is retried,
 * and how a finished run changes its job. It returns decisions; the engine applies them.
 */
public final class RunPlanner {
  private final Clock clock;
  private final int disableAfterFailures;

  /**
   * @param disableAfterFailures a job is disabled after this many failed runs in a row; 0 never
   */
  public RunPlanner(Clock clock, int disableAfterFailures) {
    this.clock = clock;
    this.disableAfterFailures = disableAfterFailures;
  }

  public Instant now() {
    return clock.instant();
  }

  /** At most this many missed due times are caught up at once. */
  static final int MAX_CATCH_UP = 1000;

  /**
   * A schedule armed for {@code armedDue} came due, possibly late (after downtime or a change of
   * leader). Every due time from {@code armedDue} up to now that is still within the starting
   * deadline starts a run, oldest first, so no scheduled run is lost; older ones are skipped.
   * Nothing starts while the job or schedule is disabled, and with {@code FORBID} only one run may
   * be active. The next due time is the first one after now.
   */
  public FireDecision onDue(
      JobSpec job,
      ScheduleSpec spec,
      Schedule schedule,
      Instant armedDue,
      JobCounters counters,
      List<JobRun> activeRuns) {
    Instant now = clock.instant();
    // The timer may fire a little ahead of time (batched acquisition): the armed time still counts.
    Instant upTo = armedDue.isAfter(now) ? armedDue : now;
    Instant horizon = now.minus(spec.startingDeadline());
    boolean missedSome = armedDue.isBefore(horizon);
    // Due times before the horizon are too late; enumerate only those still within the deadline.
    Optional<Instant> cursor =
        missedSome ? schedule.nextAfter(horizon.minusNanos(1)) : Optional.of(armedDue);
    List<Instant> launch = new ArrayList<>();
    while (cursor.isPresent() && !cursor.get().isAfter(upTo) && launch.size() < MAX_CATCH_UP) {
      launch.add(cursor.get());
      cursor = schedule.nextAfter(cursor.get());
    }
    Optional<Instant> next =
        launch.isEmpty() ? cursor : schedule.nextAfter(launch.get(launch.size() - 1));
    while (next.isPresent() && !next.get().isAfter(upTo)) {
      next = schedule.nextAfter(next.get());
    }
    if (!spec.enabled() || counters.disabled()) {
      return FireDecision.skip("disabled", next);
    }
    String reason =
        missedSome ? "due times before " + horizon + " missed the starting deadline" : "";
    if (spec.concurrencyPolicy() == ConcurrencyPolicy.FORBID && !launch.isEmpty()) {
      if (!activeRuns.isEmpty()) {
        return FireDecision.skip("a previous run is still active", next);
      }
      launch = List.of(launch.get(launch.size() - 1));
    }
    return new FireDecision(launch, reason, next);
  }

  /** Whether a dependent job whose parents all completed starts a run now. */
  public Optional<String> dependencyBlocked(JobCounters counters, List<JobRun> activeRuns) {
    if (counters.disabled()) {
      return Optional.of("disabled");
    }
    if (!activeRuns.isEmpty()) {
      return Optional.of("a previous run is still active");
    }
    return Optional.empty();
  }

  /**
   * The current task of {@code run} ended. Success finishes the run; a failure is retried while the
   * restart policy allows (attempts left, run younger than the active deadline), never after the
   * run was stopped by a user.
   */
  public TaskEndDecision onTaskEnded(
      JobSpec job, JobRun run, boolean succeeded, boolean stopRequested) {
    if (succeeded) {
      return TaskEndDecision.finish(RunStatus.SUCCESS);
    }
    RestartPolicy policy = job.run().restart();
    if (stopRequested || policy.policy() == RestartPolicy.Policy.NEVER) {
      return TaskEndDecision.finish(RunStatus.FAILED);
    }
    int retriesUsed = Math.max(0, run.attempts() - 1);
    if (policy.maxRetries() >= 0 && retriesUsed >= policy.maxRetries()) {
      return TaskEndDecision.finish(RunStatus.FAILED);
    }
    if (!policy.activeDeadline().isZero()) {
      Instant relaunchAt = clock.instant().plus(policy.retryDelay());
      if (Duration.between(run.createdAt(), relaunchAt).compareTo(policy.activeDeadline()) > 0) {
        return TaskEndDecision.finish(RunStatus.FAILED);
      }
    }
    return TaskEndDecision.relaunchAfter(policy.retryDelay());
  }

  /** The counters of a job after one of its runs finished with {@code status}. */
  public RunOutcome onRunFinished(JobSpec job, JobCounters c, RunStatus status) {
    Instant now = clock.instant();
    if (status == RunStatus.SUCCESS) {
      JobCounters next =
          new JobCounters(
              c.jobId(),
              c.disabled(),
              c.successCount() + 1,
              c.failureCount(),
              0,
              now,
              c.lastFailureAt(),
              now,
              c.lastRunAt());
      return new RunOutcome(next, false, true);
    }
    long errors = c.errorsSinceLastSuccess() + 1;
    boolean disable = !c.disabled() && disableAfterFailures > 0 && errors >= disableAfterFailures;
    JobCounters next =
        new JobCounters(
            c.jobId(),
            c.disabled() || disable,
            c.successCount(),
            c.failureCount() + 1,
            errors,
            c.lastSuccessAt(),
            now,
            job.softError() ? now : c.lastDependencyMark(),
            c.lastRunAt());
    return new RunOutcome(next, disable, job.softError());
  }
}
