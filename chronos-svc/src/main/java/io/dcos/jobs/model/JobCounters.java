package io.dcos.jobs.model;

import java.time.Instant;

/**
 * Outcome counters of a job, kept apart from the history so they survive its retention. Invariant:
 * {@code errorsSinceLastSuccess} is reset by every success.
 *
 * @param disabled the job fires no scheduled run (set by hand or after too many failures)
 * @param lastDependencyMark when dependents last saw this job complete in a way that fires them
 *     (success, or failure with softError)
 * @param lastRunAt when the job last started a run, for "parents succeeded since my last run"
 */
public record JobCounters(
    String jobId,
    boolean disabled,
    long successCount,
    long failureCount,
    long errorsSinceLastSuccess,
    Instant lastSuccessAt,
    Instant lastFailureAt,
    Instant lastDependencyMark,
    Instant lastRunAt) {
  public static JobCounters empty(String jobId) {
    return new JobCounters(jobId, false, 0, 0, 0, null, null, null, null);
  }

  public JobCounters withDisabled(boolean value) {
    return new JobCounters(
        jobId,
        value,
        successCount,
        failureCount,
        errorsSinceLastSuccess,
        lastSuccessAt,
        lastFailureAt,
        lastDependencyMark,
        lastRunAt);
  }

  public JobCounters withRunStarted(Instant at) {
    return new JobCounters(
        jobId,
        disabled,
        successCount,
        failureCount,
        errorsSinceLastSuccess,
        lastSuccessAt,
        lastFailureAt,
        lastDependencyMark,
        at);
  }
}
