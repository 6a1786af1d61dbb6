package io.dcos.jobs.engine;

import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;

/**
 * A claimed run that has no live task, held in memory with the job spec it was claimed under, so
 * that placing it on an offer needs no database read. Metronome likewise runs a job as it was when
 * the run was created.
 */
public record WaitingRun(JobRun run, JobSpec job) {
  public String id() {
    return run.id();
  }
}
