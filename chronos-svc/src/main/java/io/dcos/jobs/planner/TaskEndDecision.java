package io.dcos.jobs.planner;

import io.dcos.jobs.model.RunStatus;
import java.time.Duration;

/**
 * What follows the end of a run's task: launch another attempt after {@code retryDelay}, or finish
 * the run with {@code finalStatus}.
 */
public record TaskEndDecision(boolean relaunch, Duration retryDelay, RunStatus finalStatus) {
  public static TaskEndDecision relaunchAfter(Duration delay) {
    return new TaskEndDecision(true, delay, RunStatus.ACTIVE);
  }

  public static TaskEndDecision finish(RunStatus status) {
    return new TaskEndDecision(false, Duration.ZERO, status);
  }
}
