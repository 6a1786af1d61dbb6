package io.dcos.jobs.history;

import java.time.Duration;
import java.util.List;

/**
 * Percentiles of finished run durations in milliseconds (nearest rank), as Chronos's {@code
 * /job/stat} reports them. Invariant: all zero when there are no durations.
 */
public record DurationHistogram(
    long count, double mean, double median, double p75, double p95, double p98, double p99) {
  public static DurationHistogram of(List<Duration> durations) {
    if (durations.isEmpty()) {
      return new DurationHistogram(0, 0, 0, 0, 0, 0, 0);
    }
    long[] ms = durations.stream().mapToLong(Duration::toMillis).sorted().toArray();
    double mean = java.util.Arrays.stream(ms).average().orElse(0);
    return new DurationHistogram(
        ms.length, mean, rank(ms, 50), rank(ms, 75), rank(ms, 95), rank(ms, 98), rank(ms, 99));
  }

  private static double rank(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
