package io.dcos.kernel.sdk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeartbeatWatchTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void beforeSubscriptionTheSubscribeTimeoutApplies() {
    HeartbeatWatch w = new HeartbeatWatch(5, Duration.ofSeconds(30), T0);
    assertThat(w.isDead(T0.plusSeconds(30))).isFalse();
    assertThat(w.isDead(T0.plusSeconds(31))).isTrue();
  }

  @Test
  void afterSubscriptionFiveSilentIntervalsKillTheStream() {
    HeartbeatWatch w = new HeartbeatWatch(5, Duration.ofSeconds(30), T0);
    w.subscribed(Duration.ofSeconds(15), T0);
    assertThat(w.isDead(T0.plusSeconds(75))).isFalse();
    assertThat(w.isDead(T0.plusSeconds(76))).isTrue();
    w.eventAt(T0.plusSeconds(70));
    assertThat(w.isDead(T0.plusSeconds(76))).isFalse();
    assertThat(w.describe(T0.plusSeconds(80))).contains("10000 ms").contains("5 heartbeats");
  }
}
