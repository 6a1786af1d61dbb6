package io.dcos.jobs.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * A parsed schedule: the instants at which a job is due. Pure and immutable. Invariant: successive
 * calls of {@link #nextAfter} with the previous answer enumerate the due times in increasing order.
 */
public interface Schedule {
  /** The first due time strictly after {@code t}, or empty when the schedule is exhausted. */
  Optional<Instant> nextAfter(Instant t);
}
