package io.dcos.kernel.sdk.connection;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when a stream is dead: no event at all for {@code missedHeartbeats} heartbeat intervals
 * once subscribed, or no answer within the subscribe timeout before. Pure: the caller passes the
 * time.
 */
public final class HeartbeatWatch {
  private final int missedHeartbeats;
  private final Duration subscribeTimeout;
  private Instant lastEvent;
  private Duration heartbeatInterval;

  public HeartbeatWatch(int missedHeartbeats, Duration subscribeTimeout, Instant now) {
    if (missedHeartbeats < 1) {
      throw new IllegalArgumentException("missedHeartbeats must be at least 1");
    }
    this.missedHeartbeats = missedHeartbeats;
    this.subscribeTimeout = subscribeTimeout;
    this.lastEvent = now;
  }

  /** Any event proves the stream alive. */
  public void eventAt(Instant now) {
    lastEvent = now;
  }

  /** The master announced its heartbeat interval in SUBSCRIBED. */
  public void subscribed(Duration interval, Instant now) {
    heartbeatInterval = interval;
    lastEvent = now;
  }

  /** True when the stream should be given up at {@code now}. */
  public boolean isDead(Instant now) {
    Duration limit =
        heartbeatInterval == null || heartbeatInterval.isZero()
            ? subscribeTimeout
            : heartbeatInterval.multipliedBy(missedHeartbeats);
    return Duration.between(lastEvent, now).compareTo(limit) > 0;
  }

  /** The silence, in the words of a log line. */
  public String describe(Instant now) {
    return "no event from the master for "
        + Duration.between(lastEvent, now).toMillis()
        + " ms"
        + (heartbeatInterval == null
            ? " while subscribing"
            : " (" + missedHeartbeats + " heartbeats of " + heartbeatInterval.toMillis() + " ms)");
  }
}
