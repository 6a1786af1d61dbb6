package io.dcos.jobs.engine;

import io.dcos.jobs.engine.JobEngineExceptions.RunNotFound;
import io.dcos.jobs.history.DurationHistogram;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.TaskRecord;
import io.dcos.jobs.store.JobRepository;
import io.dcos.jobs.store.RunRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Read side of runs and history for the APIs: active runs, finished runs, counters, statistics. */
public final class JobHistory {
  private final JobRepository jobs;
  private final RunRepository runs;
  private final int historyLimit;

  public JobHistory(JobRepository jobs, RunRepository runs, int historyLimit) {
    this.jobs = jobs;
    this.runs = runs;
    this.historyLimit = historyLimit;
  }

  public List<JobRun> active(String jobId) {
    return runs.active(jobId);
  }

  public List<JobRun> allActive() {
    return runs.active(null);
  }

  public List<JobRun> finished(String jobId) {
    return runs.finished(jobId, historyLimit);
  }

  public JobCounters counters(String jobId) {
    return jobs.counters(jobId);
  }

  public Map<String, JobCounters> allCounters() {
    return jobs.allCounters();
  }

  public JobRun run(String jobId, String runId) {
    return runs.find(runId)
        .filter(r -> r.jobId().equals(jobId))
        .orElseThrow(() -> new RunNotFound(jobId, runId));
  }

  /** Every task of the job's kept runs, oldest first. */
  public List<TaskRecord> tasks(String jobId) {
    List<TaskRecord> out = new ArrayList<>();
    runs.all(jobId).forEach(r -> out.addAll(r.tasks()));
    return out;
  }

  /** Percentiles of the durations of the job's completed tasks. */
  public DurationHistogram durations(String jobId) {
    List<Duration> d = new ArrayList<>();
    for (TaskRecord t : tasks(jobId)) {
      if (t.completedAt() != null && t.startedAt() != null) {
        d.add(Duration.between(t.startedAt(), t.completedAt()));
      }
    }
    return DurationHistogram.of(d);
  }
}
