package io.dcos.jobs.engine;

import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * When a schedule's timer fires for a due time: up to {@code lead} early, so that the run is
 * claimed in PostgreSQL before it is due and launched right at its due time, but never earlier than
 * halfway from {@code reference} (the previous due time, or now). {@code FORBID} schedules fire on
 * time, because whether they may run depends on the runs active at the due time.
 */
public record ClaimAhead(Duration lead) {
  public Instant fireAt(ScheduleSpec spec, Instant due, Instant reference) {
    if (spec.concurrencyPolicy() == ConcurrencyPolicy.FORBID || !due.isAfter(reference)) {
      return due;
    }
    Duration half = Duration.between(reference, due).dividedBy(2);
    return due.minus(half.compareTo(lead) < 0 ? half : lead);
  }
}
