package io.dcos.jobs.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {
  @Test
  void nearestRankPercentiles() {
    List<Duration> d = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      d.add(Duration.ofMillis(i * 10L));
    }
    DurationHistogram h = DurationHistogram.of(d);
    assertThat(h.count()).isEqualTo(100);
    assertThat(h.median()).isEqualTo(500);
    assertThat(h.p75()).isEqualTo(750);
    assertThat(h.p99()).isEqualTo(990);
    assertThat(h.mean()).isEqualTo(505);
    assertThat(DurationHistogram.of(List.of()).count()).isZero();
  }
}
