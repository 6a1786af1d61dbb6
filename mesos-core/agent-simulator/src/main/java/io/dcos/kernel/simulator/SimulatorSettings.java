package io.dcos.kernel.simulator;

import java.time.Duration;

/**
 * Timing of simulated agents.
 *
 * @param updateRetryFirst wait before an unacknowledged status update is sent again (Mesos: 10 s)
 * @param updateRetryMax longest wait between resends of one update (Mesos: 10 min)
 * @param reconnectMin first delay before reconnecting after a lost stream
 * @param reconnectMax longest delay between reconnection attempts
 * @param leaderChangeSpread agents reconnect to a new leader at random within this window, so that
 *     thousands of them do not register in the same millisecond
 * @param defaultHeartbeatInterval heartbeat interval when the master does not name one
 * @param version the agent version reported in Register
 */
public record SimulatorSettings(
    Duration updateRetryFirst,
    Duration updateRetryMax,
    Duration reconnectMin,
    Duration reconnectMax,
    Duration leaderChangeSpread,
    Duration defaultHeartbeatInterval,
    String version) {
  public SimulatorSettings {
    if (updateRetryFirst.isZero()
        || updateRetryFirst.isNegative()
        || updateRetryMax.compareTo(updateRetryFirst) < 0) {
      throw new IllegalArgumentException("need 0 < updateRetryFirst <= updateRetryMax");
    }
    if (reconnectMin.isZero()
        || reconnectMin.isNegative()
        || reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("need 0 < reconnectMin <= reconnectMax");
    }
    if (leaderChangeSpread.isNegative() || defaultHeartbeatInterval.isZero()) {
      throw new IllegalArgumentException("leaderChangeSpread >= 0 and heartbeat interval > 0");
    }
  }

  /** Mesos's timings: updates resent after 10 s doubling to 10 min, heartbeats every 15 s. */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(
        Duration.ofSeconds(10),
        Duration.ofMinutes(10),
        Duration.ofMillis(500),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        Duration.ofSeconds(15),
        "1.11.0-sim");
  }

  public SimulatorSettings withUpdateRetry(Duration first, Duration max) {
    return new SimulatorSettings(
        first,
        max,
        reconnectMin,
        reconnectMax,
        leaderChangeSpread,
        defaultHeartbeatInterval,
        version);
  }

  public SimulatorSettings withReconnect(Duration min, Duration max) {
    return new SimulatorSettings(
        updateRetryFirst,
        updateRetryMax,
        min,
        max,
        leaderChangeSpread,
        defaultHeartbeatInterval,
        version);
  }

  public SimulatorSettings withLeaderChangeSpread(Duration spread) {
    return new SimulatorSettings(
        updateRetryFirst,
        updateRetryMax,
        reconnectMin,
        reconnectMax,
        spread,
        defaultHeartbeatInterval,
        version);
  }
}
