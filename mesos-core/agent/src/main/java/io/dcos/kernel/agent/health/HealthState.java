package io.dcos.kernel.agent.health;

import java.time.Instant;

/**
 * The health of one task as check results come in. Pure: results and their times are handed in.
 * Rules (Mesos's): failures inside the grace period, counted from the task's start, are ignored
 * until the first success, which ends the grace period at once; a status update is due on the first
 * counted result and whenever the healthy flag changes; after {@code consecutive_failures} counted
 * failures in a row the task must be killed (signalled once).
 */
public final class HealthState {
  private final HealthCheckPolicy policy;
  private final Instant graceEnds;
  private boolean succeededOnce;
  private Boolean lastReported;
  private int consecutiveFailures;
  private boolean killSignalled;

  public HealthState(HealthCheckPolicy policy, Instant taskStarted) {
    this.policy = policy;
    this.graceEnds = taskStarted.plus(policy.gracePeriod());
  }

  public HealthDecision onResult(boolean healthy, Instant at) {
    if (healthy) {
      succeededOnce = true;
      consecutiveFailures = 0;
      boolean report = !Boolean.TRUE.equals(lastReported);
      lastReported = true;
      return new HealthDecision(report, true, false, 0);
    }
    if (!succeededOnce && at.isBefore(graceEnds)) {
      return new HealthDecision(false, false, false, 0);
    }
    consecutiveFailures++;
    boolean kill = !killSignalled && consecutiveFailures >= policy.consecutiveFailures();
    killSignalled |= kill;
    boolean report = !Boolean.FALSE.equals(lastReported) || kill;
    lastReported = false;
    return new HealthDecision(report, false, kill, consecutiveFailures);
  }

  /** Whether the kill was signalled; no further checks are needed then. */
  public boolean killSignalled() {
    return killSignalled;
  }
}
