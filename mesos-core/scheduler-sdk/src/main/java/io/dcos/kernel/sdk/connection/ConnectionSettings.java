package io.dcos.kernel.sdk.connection;

import java.time.Clock;
import java.time.Duration;

/**
 * Timing of a framework's connection to the kernel.
 *
 * @param minBackoff first delay before reconnecting after a lost stream
 * @param maxBackoff largest delay between reconnection attempts
 * @param missedHeartbeats heartbeat intervals without any event after which the stream is dead
 * @param subscribeTimeout how long to wait for SUBSCRIBED before trying again
 * @param livenessCheckPeriod how often the connection looks for a silent stream
 * @param clock source of time for the liveness checks
 */
public record ConnectionSettings(
    Duration minBackoff,
    Duration maxBackoff,
    int missedHeartbeats,
    Duration subscribeTimeout,
    Duration livenessCheckPeriod,
    Clock clock) {
  public ConnectionSettings {
    if (missedHeartbeats < 1) {
      throw new IllegalArgumentException("missedHeartbeats must be at least 1");
    }
    if (livenessCheckPeriod.isZero() || livenessCheckPeriod.isNegative()) {
      throw new IllegalArgumentException("livenessCheckPeriod must be positive");
    }
  }

  /** Mesos-like defaults: 5 missed heartbeats, backoff from 200 ms to 10 s. */
  public static ConnectionSettings defaults() {
    return new ConnectionSettings(
        Duration.ofMillis(200),
        Duration.ofSeconds(10),
        5,
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Clock.systemUTC());
  }

  public ConnectionSettings withBackoff(Duration min, Duration max) {
    return new ConnectionSettings(
        min, max, missedHeartbeats, subscribeTimeout, livenessCheckPeriod, clock);
  }

  public ConnectionSettings withMissedHeartbeats(int missed) {
    return new ConnectionSettings(
        minBackoff, maxBackoff, missed, subscribeTimeout, livenessCheckPeriod, clock);
  }

  public ConnectionSettings withSubscribeTimeout(Duration timeout) {
    return new ConnectionSettings(
        minBackoff, maxBackoff, missedHeartbeats, timeout, livenessCheckPeriod, clock);
  }

  public ConnectionSettings withLivenessCheckPeriod(Duration period) {
    return new ConnectionSettings(
        minBackoff, maxBackoff, missedHeartbeats, subscribeTimeout, period, clock);
  }

  public ConnectionSettings withClock(Clock newClock) {
    return new ConnectionSettings(
        minBackoff, maxBackoff, missedHeartbeats, subscribeTimeout, livenessCheckPeriod, newClock);
  }
}
