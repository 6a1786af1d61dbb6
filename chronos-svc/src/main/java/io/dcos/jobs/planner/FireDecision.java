package io.dcos.jobs.planner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What to do when a schedule came due: start a run for each time in {@code launchFor} (several
 * after downtime, oldest first), note why the others were skipped, and arm the schedule again for
 * {@code nextDue} (empty when exhausted).
 */
public record FireDecision(List<Instant> launchFor, String skipReason, Optional<Instant> nextDue) {
  public FireDecision {
    launchFor = List.copyOf(launchFor);
  }

  public static FireDecision skip(String reason, Optional<Instant> next) {
    return new FireDecision(List.of(), reason, next);
  }

  public boolean launches() {
    return !launchFor.isEmpty();
  }
}
