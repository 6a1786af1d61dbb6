package io.dcos.jobs.engine;

import java.time.Instant;

/**
 * The durable, cluster-wide timer that calls {@link JobEngine#scheduleDue} when a schedule comes
 * due (Quartz's clustered job store in production). Invariant: at most one pending timer per job
 * schedule; arming again replaces it.
 */
public interface ScheduleTimer {
  /** Calls back at {@code fireAt} (not after {@code due}) for the run due at {@code due}. */
  void arm(String jobId, String scheduleId, Instant due, Instant fireAt);

  void disarm(String jobId, String scheduleId);

  /** Whether a timer is pending for the schedule. */
  boolean armed(String jobId, String scheduleId);
}
