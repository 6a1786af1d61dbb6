package io.dcos.kernel.agent.health;

import io.dcos.kernel.protocol.HealthCheck;
import java.time.Duration;

/**
 * When and how often a task's health is checked and how failures count, with Mesos's defaults for
 * fields the framework left out: delay 15 s, interval 10 s, timeout 20 s, 3 consecutive failures,
 * grace period 10 s. Invariant: durations are not negative and at least one failure is needed to
 * kill.
 */
public record HealthCheckPolicy(
    Duration delay,
    Duration interval,
    Duration timeout,
    int consecutiveFailures,
    Duration gracePeriod) {

  public static final HealthCheckPolicy MESOS_DEFAULTS =
      new HealthCheckPolicy(
          Duration.ofSeconds(15),
          Duration.ofSeconds(10),
          Duration.ofSeconds(20),
          3,
          Duration.ofSeconds(10));

  public HealthCheckPolicy {
    if (delay.isNegative()
        || interval.isNegative()
        || timeout.isNegative()
        || gracePeriod.isNegative()) {
      throw new IllegalArgumentException("health check durations must not be negative");
    }
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException("consecutive_failures must be at least 1");
    }
  }

  public static HealthCheckPolicy from(HealthCheck check) {
    HealthCheckPolicy d = MESOS_DEFAULTS;
    return new HealthCheckPolicy(
        check.hasDelaySeconds() ? seconds(check.getDelaySeconds()) : d.delay(),
        check.hasIntervalSeconds() ? seconds(check.getIntervalSeconds()) : d.interval(),
        check.hasTimeoutSeconds() ? seconds(check.getTimeoutSeconds()) : d.timeout(),
        check.hasConsecutiveFailures() ? check.getConsecutiveFailures() : d.consecutiveFailures(),
        check.hasGracePeriodSeconds() ? seconds(check.getGracePeriodSeconds()) : d.gracePeriod());
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(Math.max(0, seconds) * 1e9));
  }
}
