package io.dcos.kernel.sdk.connection;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delays between reconnection attempts: doubling from {@code min} up to {@code max}, each delay
 * jittered to between half and all of its nominal value so that many clients do not reconnect in
 * step. Invariant: {@code min <= next() <= max}. Not thread-safe; pure apart from the injected
 * random generator.
 */
public final class Backoff {
  private final Duration min;
  private final Duration max;
  private final RandomGenerator random;
  private Duration nominal;

  public Backoff(Duration min, Duration max, RandomGenerator random) {
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + ", " + max);
    }
    this.min = min;
    this.max = max;
    this.random = random;
    this.nominal = min;
  }

  /** The delay before the next attempt; later calls grow until {@link #reset()}. */
  public Duration next() {
    Duration current = nominal;
    Duration doubled = nominal.multipliedBy(2);
    nominal = doubled.compareTo(max) > 0 ? max : doubled;
    long nanos = current.toNanos();
    long jittered = nanos / 2 + (long) (random.nextDouble() * (nanos - nanos / 2));
    return Duration.ofNanos(Math.max(min.toNanos(), jittered));
  }

  /** Starts again from {@code min}, after a successful connection. */
  public void reset() {
    nominal = min;
  }
}
