package io.dcos.jobs.engine;

import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RunSpec;

/**
 * A task of a run placed on an offer, already recorded as launched in the history; the framework
 * adapter turns it into a LAUNCH. {@code dueAt} and {@code decidedAt} let callers measure lateness.
 */
public record Placement(
    String taskId, String offerId, String agentId, String jobId, JobRun run, RunSpec spec) {}
