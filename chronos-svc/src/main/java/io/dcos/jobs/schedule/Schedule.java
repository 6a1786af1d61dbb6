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

  /** The latest due time in {@code (after, upTo]}, if any. */
  default Optional<Instant> latestIn(Instant after, Instant upTo) {
    Optional<Instant> latest = Optional.empty();
    Optional<Instant> next = nextAfter(after);
    int guard = 0;
    while (next.isPresent() && !next.get().isAfter(upTo)) {
      latest = next;
      // A fixed-rate schedule can jump straight to the last step before upTo.
      Instant skipTo = skipTowards(next.get(), upTo);
      next = nextAfter(skipTo);
      if (++guard > 1_000_000) {
        break;
      }
    }
    return latest;
  }

  /**
   * A due time at or after {@code from} and not after {@code upTo} to continue the enumeration
   * from; schedules with a fixed period override it to avoid stepping through long gaps.
   */
  default Instant skipTowards(Instant from, Instant upTo) {
    return from;
  }
}
