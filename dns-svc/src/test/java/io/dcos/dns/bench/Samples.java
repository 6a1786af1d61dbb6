package io.dcos.dns.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measured durations (nanoseconds, may be negative when the second event came first), summarised as
 * nearest-rank percentiles in milliseconds.
 */
final class Samples {
  private final String name;
  private long[] nanos = new long[64];
  private int size;

  Samples(String name) {
    this.name = name;
  }

  synchronized void add(long durationNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = durationNanos;
  }

  synchronized double percentileMillis(double p) {
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  synchronized String summary() {
    if (size == 0) {
      return name + ": no samples";
    }
    return String.format(
        Locale.ROOT,
        "%-32s n=%d min=%.1f ms p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms",
        name,
        size,
        percentileMillis(0),
        percentileMillis(50),
        percentileMillis(90),
        percentileMillis(99),
        percentileMillis(100));
  }
}
