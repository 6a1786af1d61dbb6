package io.dcos.jobs.model;

import java.time.Duration;

/**
 * When a failed task of a run is launched again. Chronos's {@code retries} is {@code ON_FAILURE}
 * with {@code maxRetries}; Metronome's {@code ON_FAILURE} keeps retrying while the run is younger
 * than {@code activeDeadline}. Invariant: {@code NEVER} has no retries.
 *
 * @param maxRetries relaunches after the first attempt; negative means unlimited
 * @param activeDeadline no relaunch once the run is older; zero means no deadline
 * @param retryDelay pause between a failure and its relaunch
 */
public record RestartPolicy(
    Policy policy, int maxRetries, Duration activeDeadline, Duration retryDelay) {
  /** Whether failed tasks are relaunched. */
  public enum Policy {
    NEVER,
    ON_FAILURE
  }

  public static final RestartPolicy NEVER =
      new RestartPolicy(Policy.NEVER, 0, Duration.ZERO, Duration.ZERO);

  /** Chronos: up to {@code retries} relaunches. */
  public static RestartPolicy retries(int retries, Duration delay) {
    return retries <= 0
        ? NEVER
        : new RestartPolicy(Policy.ON_FAILURE, retries, Duration.ZERO, delay);
  }

  /** Metronome: relaunch while the run is younger than {@code deadline} (zero: without end). */
  public static RestartPolicy onFailure(Duration deadline, Duration delay) {
    return new RestartPolicy(Policy.ON_FAILURE, -1, deadline, delay);
  }
}
