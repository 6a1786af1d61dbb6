package io.dcos.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FireLatenessTest {
  static final Instant DUE = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void summarizesTheMostRecentFiresWithNearestRankPercentiles() {
    FireLateness lateness = new FireLateness(100);
    for (int i = 1; i <= 100; i++) {
      lateness.launched(DUE, DUE.plusMillis(i));
    }
    Map<String, Long> s = FireLateness.summary(lateness.launchedMillis());
    assertThat(s).containsEntry("count", 100L).containsEntry("p50", 50L);
    assertThat(s).containsEntry("p99", 99L).containsEntry("max", 100L);
  }

  @Test
  void keepsOnlyTheCapacityNewestSamples() {
    FireLateness lateness = new FireLateness(3);
    for (long ms : new long[] {500, 400, 3, 2, 1}) {
      lateness.running(DUE, DUE.plusMillis(ms));
    }
    assertThat(lateness.runningMillis()).containsExactly(1, 2, 3);
    assertThat(lateness.launchedMillis()).isEmpty();
    assertThat(FireLateness.summary(lateness.launchedMillis())).containsOnlyKeys("count");
  }
}
