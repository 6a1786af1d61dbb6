package io.dcos.jobs.planner;

import io.dcos.jobs.model.JobCounters;

/**
 * The effect of a finished run on its job: the new counters, whether the job has just been disabled
 * for failing too often, and whether its dependents may fire.
 */
public record RunOutcome(JobCounters counters, boolean disabledNow, boolean fireDependents) {}
