package io.dcos.jobs.planner;

import java.time.Instant;
import java.util.Optional;

/**
 * What to do when a schedule came due: start a run for {@code launchFor} or skip with a reason; in
 * both cases arm the schedule again for {@code nextDue} (empty when exhausted).
 */
public record FireDecision(
    Optional<Instant> launchFor, String skipReason, Optional<Instant> nextDue) {
  public static FireDecision launch(Instant due, Optional<Instant> next) {
    return new FireDecision(Optional.of(due), "", next);
  }

  public static FireDecision skip(String reason, Optional<Instant> next) {
    return new FireDecision(Optional.empty(), reason, next);
  }

  public boolean launches() {
    return launchFor.isPresent();
  }
}
