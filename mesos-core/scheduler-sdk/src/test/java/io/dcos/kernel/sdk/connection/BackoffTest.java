package io.dcos.kernel.sdk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffTest {
  @Property
  void delaysStayWithinBoundsAndGrow(
      @ForAll @LongRange(min = 1, max = 1000) long minMs,
      @ForAll @IntRange(min = 1, max = 64) int factor,
      @ForAll long seed) {
    Duration min = Duration.ofMillis(minMs);
    Duration max = min.multipliedBy(factor);
    Backoff b = new Backoff(min, max, new SplittableRandom(seed));
    Duration previousNominalFloor = Duration.ZERO;
    for (int i = 0; i < 20; i++) {
      Duration d = b.next();
      assertThat(d).isBetween(min, max);
      assertThat(d).isGreaterThanOrEqualTo(previousNominalFloor);
      previousNominalFloor = min.multipliedBy(1L << Math.min(i, 30)).dividedBy(2);
      if (previousNominalFloor.compareTo(max.dividedBy(2)) > 0) {
        previousNominalFloor = max.dividedBy(2);
      }
    }
    b.reset();
    assertThat(b.next()).isLessThanOrEqualTo(min);
  }
}
