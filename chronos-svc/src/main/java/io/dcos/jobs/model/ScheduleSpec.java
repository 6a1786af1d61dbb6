package io.dcos.jobs.model;

import java.time.Duration;

/**
 * When a job runs: a Chronos ISO 8601 repeating interval or a 5-field cron expression, read in
 * {@code timezone}. Invariant: the expression parsed when the schedule was accepted.
 *
 * @param startingDeadline how late a due run may still start (Metronome startingDeadlineSeconds,
 *     Chronos epsilon); later ones are skipped
 * @param concurrencyPolicy what to do when the previous run is still active
 */
public record ScheduleSpec(
    String id,
    Kind kind,
    String expression,
    String timezone,
    Duration startingDeadline,
    ConcurrencyPolicy concurrencyPolicy,
    boolean enabled) {
  /** The notation of {@code expression}. */
  public enum Kind {
    CRON,
    ISO8601
  }

  public ScheduleSpec withEnabled(boolean value) {
    return new ScheduleSpec(
        id, kind, expression, timezone, startingDeadline, concurrencyPolicy, value);
  }
}
