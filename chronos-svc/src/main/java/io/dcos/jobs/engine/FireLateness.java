package io.dcos.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How late scheduled runs reach the kernel: for the most recent fires, the time from the due time
 * to the launch call, and to the moment the task's TASK_RUNNING was stored. A bounded window of
 * samples (the oldest are overwritten), thread-safe.
 */
public final class FireLateness {
  private final Window launched;
  private final Window running;

  public FireLateness(int capacity) {
    this.launched = new Window(capacity);
    this.running = new Window(capacity);
  }

  /** A scheduled run due at {@code due} had its LAUNCH sent at {@code at}. */
  public void launched(Instant due, Instant at) {
    launched.add(Duration.between(due, at).toMillis());
  }

  /** A scheduled run due at {@code due} had its TASK_RUNNING stored at {@code at}. */
  public void running(Instant due, Instant at) {
    running.add(Duration.between(due, at).toMillis());
  }

  /** Milliseconds from due time to launch call, ascending. */
  public long[] launchedMillis() {
    return launched.sorted();
  }

  /** Milliseconds from due time to TASK_RUNNING stored, ascending. */
  public long[] runningMillis() {
    return running.sorted();
  }

  /** Count, p50, p99 and max of ascending {@code millis} (empty when there are none). */
  public static Map<String, Long> summary(long[] millis) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("count", (long) millis.length);
    if (millis.length > 0) {
      m.put("p50", percentile(millis, 50));
      m.put("p99", percentile(millis, 99));
      m.put("max", millis[millis.length - 1]);
    }
    return m;
  }

  /** Nearest-rank percentile of ascending values. */
  static long percentile(long[] ascending, int p) {
    int rank = (int) Math.ceil(p / 100.0 * ascending.length);
    return ascending[Math.max(0, rank - 1)];
  }

  private static final class Window {
    private final long[] samples;
    private int next;
    private int size;

    Window(int capacity) {
      samples = new long[capacity];
    }

    synchronized void add(long millis) {
      samples[next] = millis;
      next = (next + 1) % samples.length;
      size = Math.min(size + 1, samples.length);
    }

    synchronized long[] sorted() {
      long[] out = Arrays.copyOf(samples, size);
      Arrays.sort(out);
      return out;
    }
  }
}
