package io.dcos.kernel.bench;

import java.util.Arrays;
import java.util.Locale;

/** Durations measured in a benchmark, summarised as nearest-rank percentiles in milliseconds. */
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

  synchronized int size() {
    return size;
  }

  /** The nearest-rank percentile {@code p} (0-100) in milliseconds. */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  synchronized double meanMillis() {
    long sum = 0;
    for (int i = 0; i < size; i++) {
      sum += nanos[i];
    }
    return size == 0 ? Double.NaN : sum / 1e6 / size;
  }

  /** One line: count, mean, p50, p90, p99, max. */
  String summary() {
    return String.format(
        Locale.ROOT,
        "%-34s n=%d mean=%.1f ms p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms",
        name,
        size(),
        meanMillis(),
        percentileMillis(50),
        percentileMillis(90),
        percentileMillis(99),
        percentileMillis(100));
  }
}
