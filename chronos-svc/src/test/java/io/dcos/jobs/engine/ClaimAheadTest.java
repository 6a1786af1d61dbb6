package io.dcos.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcos.jobs.Jobs;
import io.dcos.jobs.model.ConcurrencyPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimAheadTest {
  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  final ClaimAhead ahead = new ClaimAhead(Duration.ofSeconds(10));

  @Test
  void firesUpToTheLeadEarlyButNotBeforeHalfThePeriod() {
    var allow = Jobs.cron("* * * * *", ConcurrencyPolicy.ALLOW);
    assertThat(ahead.fireAt(allow, T.plusSeconds(3600), T)).isEqualTo(T.plusSeconds(3590));
    assertThat(ahead.fireAt(allow, T.plusSeconds(1), T)).isEqualTo(T.plusMillis(500));
    assertThat(ahead.fireAt(allow, T, T)).isEqualTo(T);
  }

  @Test
  void forbidFiresOnTime() {
    var forbid = Jobs.cron("* * * * *", ConcurrencyPolicy.FORBID);
    assertThat(ahead.fireAt(forbid, T.plusSeconds(3600), T)).isEqualTo(T.plusSeconds(3600));
  }
}
