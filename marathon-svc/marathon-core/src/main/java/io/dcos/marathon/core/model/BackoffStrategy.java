package io.dcos.marathon.core.model;

import java.time.Duration;

/**
 * Launch delay after failures: starts at {@code backoff}, multiplied by {@code factor} per failure,
 * capped at {@code maxLaunchDelay}.
 */
public record BackoffStrategy(Duration backoff, double factor, Duration maxLaunchDelay) {
  /** Marathon's defaults: 1 s, times 1.15, at most 300 s. */
  public static final BackoffStrategy DEFAULT =
      new BackoffStrategy(Duration.ofSeconds(1), 1.15, Duration.ofSeconds(300));

  /** The delay after {@code failures} consecutive failures (none after zero). */
  public Duration delayAfter(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    double millis = backoff.toMillis() * Math.pow(factor, failures - 1);
    return millis >= maxLaunchDelay.toMillis()
        ? maxLaunchDelay
        : Duration.ofMillis((long) Math.ceil(millis));
  }
}
