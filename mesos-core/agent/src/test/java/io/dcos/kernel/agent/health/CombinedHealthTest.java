package io.dcos.kernel.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CombinedHealthTest {
  @Test
  void healthyOnlyOnceEveryCheckHasPassed() {
    CombinedHealth health = new CombinedHealth(2);

    assertThat(health.onReport(0, true, false).report()).isFalse();
    HealthDecision both = health.onReport(1, true, false);

    assertThat(both.report()).isTrue();
    assertThat(both.healthy()).isTrue();
  }

  @Test
  void oneFailingCheckMakesTheTaskUnhealthyUntilItPassesAgain() {
    CombinedHealth health = new CombinedHealth(2);
    health.onReport(0, true, false);
    health.onReport(1, true, false);

    HealthDecision failed = health.onReport(1, false, false);
    assertThat(failed.report()).isTrue();
    assertThat(failed.healthy()).isFalse();

    assertThat(health.onReport(0, true, false).report())
        .as("the other check passing again changes nothing")
        .isFalse();
    HealthDecision recovered = health.onReport(1, true, false);
    assertThat(recovered.report()).isTrue();
    assertThat(recovered.healthy()).isTrue();
  }

  @Test
  void anUnhealthyReportIsDueEvenBeforeTheOtherChecksAnswer() {
    CombinedHealth health = new CombinedHealth(3);

    HealthDecision failed = health.onReport(2, false, false);

    assertThat(failed.report()).isTrue();
    assertThat(failed.healthy()).isFalse();
  }

  @Test
  void anyCheckAskingForAKillKillsTheTaskOnce() {
    CombinedHealth health = new CombinedHealth(2);
    health.onReport(0, true, false);

    HealthDecision kill = health.onReport(1, false, true);
    assertThat(kill.kill()).isTrue();
    assertThat(kill.healthy()).isFalse();

    assertThat(health.onReport(0, false, true).kill()).as("signalled once").isFalse();
  }
}
