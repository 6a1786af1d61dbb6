package io.dcos.jobs.engine;

import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.planner.RunDeadlines;
import io.dcos.jobs.store.JobRepository;
import io.dcos.jobs.store.RunReasonRepository;
import io.dcos.jobs.store.RunRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops, on the leader, the active runs that are over their time limits ({@link RunDeadlines}): a
 * live task is killed and the run fails, a run that never launched fails at once; the reason is
 * stored beside the run for its history. A run already stopped is asked again only after {@code
 * retryStopAfter}, in case a kill was lost.
 */
public final class RunDeadlineWatch {
  private static final Logger LOG = LoggerFactory.getLogger(RunDeadlineWatch.class);
  private final JobEngine engine;
  private final RunRepository runs;
  private final JobRepository jobs;
  private final RunReasonRepository reasons;
  private final Clock clock;
  private final Duration retryStopAfter;
  private final Map<String, Instant> stopped = new HashMap<>();

  public RunDeadlineWatch(
      JobEngine engine,
      RunRepository runs,
      JobRepository jobs,
      RunReasonRepository reasons,
      Clock clock,
      Duration retryStopAfter) {
    this.engine = engine;
    this.runs = runs;
    this.jobs = jobs;
    this.reasons = reasons;
    this.clock = clock;
    this.retryStopAfter = retryStopAfter;
  }

  /** Checks every active run once; returns how many were stopped. Call from one thread. */
  public synchronized int check() {
    if (!engine.leading()) {
      stopped.clear();
      return 0;
    }
    List<JobRun> active = runs.active(null);
    Set<String> ids = active.stream().map(JobRun::id).collect(Collectors.toSet());
    stopped.keySet().retainAll(ids);
    Map<String, JobSpec> specs =
        jobs.findAll(active.stream().map(JobRun::jobId).distinct().toList());
    Instant now = clock.instant();
    int count = 0;
    for (JobRun run : active) {
      JobSpec job = specs.get(run.jobId());
      if (job == null) {
        continue;
      }
      Optional<String> reason = RunDeadlines.overdue(run, job.run(), now);
      Instant last = stopped.get(run.id());
      if (reason.isEmpty() || (last != null && now.isBefore(last.plus(retryStopAfter)))) {
        continue;
      }
      LOG.info("stopping run {} of job {}: {}", run.id(), run.jobId(), reason.get());
      try {
        reasons.recordIfActive(run.id(), reason.get());
        engine.stopRun(run.jobId(), run.id(), reason.get());
        stopped.put(run.id(), now);
        count++;
      } catch (JobEngineExceptions.RunNotFound | JobEngineExceptions.NotLeader e) {
        LOG.debug("run {} not stopped: {}", run.id(), e.getMessage());
      }
    }
    return count;
  }
}
