package io.dcos.jobs.engine;

import java.time.Instant;

/**
 * The durable, cluster-wide timer that calls {@link JobEngine#scheduleDue} when a schedule comes
 * due (Quartz's clustered job store in production). Invariant: at most one pending timer per job
 * schedule; arming again replaces it.
 */
public interface ScheduleTimer {
  void arm(String jobId, String scheduleId, Instant due);

  void disarm(String jobId, String scheduleId);

  /** Whether a timer is pending for the schedule. */
  boolean armed(String jobId, String scheduleId);
}
