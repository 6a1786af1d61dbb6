package io.dcos.kernel.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.kernel.protocol.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthStateTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final HealthCheckPolicy POLICY = HealthCheckPolicy.MESOS_DEFAULTS;

  private static Instant at(int seconds) {
    return START.plusSeconds(seconds);
  }

  @Test
  void defaultsFollowMesos() {
    HealthCheckPolicy policy = HealthCheckPolicy.from(HealthCheck.getDefaultInstance());
    assertThat(policy).isEqualTo(POLICY);
    assertThat(policy.delay()).isEqualTo(Duration.ofSeconds(15));
    assertThat(policy.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.consecutiveFailures()).isEqualTo(3);
    assertThat(policy.gracePeriod()).isEqualTo(Duration.ofSeconds(10));

    HealthCheckPolicy custom =
        HealthCheckPolicy.from(
            HealthCheck.newBuilder().setIntervalSeconds(0.5).setConsecutiveFailures(1).build());
    assertThat(custom.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(custom.consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void failuresInsideGracePeriodAreIgnored() {
    HealthState state = new HealthState(POLICY, START);

    assertThat(state.onResult(false, at(3))).isEqualTo(new HealthDecision(false, false, false, 0));
    assertThat(state.onResult(false, at(9))).isEqualTo(new HealthDecision(false, false, false, 0));
  }

  @Test
  void firstSuccessReportsAndEndsGracePeriod() {
    HealthState state = new HealthState(POLICY, START);

    assertThat(state.onResult(true, at(2))).isEqualTo(new HealthDecision(true, true, false, 0));
    assertThat(state.onResult(true, at(4)).report()).isFalse();
    // Still inside the grace period, but after a success failures count.
    assertThat(state.onResult(false, at(5))).isEqualTo(new HealthDecision(true, false, false, 1));
  }

  @Test
  void reportsOnChangeAndKillsAfterConsecutiveFailures() {
    HealthState state = new HealthState(POLICY, START);

    assertThat(state.onResult(false, at(15))).isEqualTo(new HealthDecision(true, false, false, 1));
    assertThat(state.onResult(false, at(25))).isEqualTo(new HealthDecision(false, false, false, 2));
    assertThat(state.onResult(true, at(35))).isEqualTo(new HealthDecision(true, true, false, 0));
    assertThat(state.onResult(false, at(45))).isEqualTo(new HealthDecision(true, false, false, 1));
    assertThat(state.onResult(false, at(55))).isEqualTo(new HealthDecision(false, false, false, 2));
    assertThat(state.onResult(false, at(65))).isEqualTo(new HealthDecision(true, false, true, 3));
    assertThat(state.killSignalled()).isTrue();
    assertThat(state.onResult(false, at(75)).kill()).isFalse();
  }
}
