package io.dcos.jobs.engine;

import io.dcos.jobs.dag.DependencyException;
import io.dcos.jobs.dag.DependencyGraph;
import io.dcos.jobs.engine.JobEngineExceptions.Conflict;
import io.dcos.jobs.engine.JobEngineExceptions.Invalid;
import io.dcos.jobs.engine.JobEngineExceptions.JobNotFound;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.ScheduleSpec;
import io.dcos.jobs.schedule.InvalidScheduleException;
import io.dcos.jobs.schedule.Schedule;
import io.dcos.jobs.schedule.Schedules;
import io.dcos.jobs.store.JobRepository;
import io.dcos.jobs.store.RunRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set of jobs: validates a job against the others (schedules parse, parents exist, no cycle)
 * and stores it together with its schedule timers in one transaction, so a job is never stored
 * without its timers or the other way round.
 */
public final class JobCatalog {
  private final JobRepository jobs;
  private final RunRepository runs;
  private final ScheduleTimer timer;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final JobEngine engine;
  private final ClaimAhead claimAhead;

  public JobCatalog(
      JobRepository jobs,
      RunRepository runs,
      ScheduleTimer timer,
      TransactionTemplate tx,
      Clock clock,
      JobEngine engine,
      ClaimAhead claimAhead) {
    this.jobs = jobs;
    this.runs = runs;
    this.timer = timer;
    this.tx = tx;
    this.clock = clock;
    this.engine = engine;
    this.claimAhead = claimAhead;
  }

  public Optional<JobSpec> find(String id) {
    return jobs.find(id);
  }

  public JobSpec get(String id) {
    return jobs.find(id).orElseThrow(() -> new JobNotFound(id));
  }

  public List<JobSpec> all() {
    return jobs.all();
  }

  /** Stores a new job; refuses an existing id. */
  public void create(JobSpec job) {
    tx.executeWithoutResult(
        s -> {
          if (jobs.exists(job.id())) {
            throw new Conflict("Job with this id already exists");
          }
          store(job, Optional.empty());
        });
  }

  /** Stores {@code job}, replacing the job of the same id when there is one. */
  public void put(JobSpec job) {
    tx.executeWithoutResult(s -> store(job, jobs.find(job.id())));
  }

  /** Replaces an existing job; 404 when it does not exist. */
  public void replace(JobSpec job) {
    tx.executeWithoutResult(
        s ->
            store(
                job,
                Optional.of(jobs.find(job.id()).orElseThrow(() -> new JobNotFound(job.id())))));
  }

  private void store(JobSpec job, Optional<JobSpec> previous) {
    validate(job);
    Instant now = clock.instant();
    jobs.save(job, now);
    Set<String> kept = new HashSet<>();
    for (ScheduleSpec s : job.schedules()) {
      kept.add(s.id());
      Optional<ScheduleSpec> before = previous.flatMap(p -> p.schedule(s.id()));
      if (before.isPresent() && before.get().equals(s) && timer.armed(job.id(), s.id())) {
        continue; // unchanged: keep the armed due time
      }
      Optional<Instant> next = parse(s, "/schedules").nextAfter(now);
      if (s.enabled() && next.isPresent()) {
        timer.arm(job.id(), s.id(), next.get(), claimAhead.fireAt(s, next.get(), now));
      } else {
        timer.disarm(job.id(), s.id());
      }
    }
    previous.ifPresent(
        p ->
            p.schedules().stream()
                .filter(s -> !kept.contains(s.id()))
                .forEach(s -> timer.disarm(p.id(), s.id())));
  }

  /** Checks schedules and dependencies; throws {@link Invalid} with the offending path. */
  public void validate(JobSpec job) {
    for (int i = 0; i < job.schedules().size(); i++) {
      parse(job.schedules().get(i), "/schedules/" + i);
    }
    if (!job.schedules().isEmpty() && !job.parents().isEmpty()) {
      throw new Invalid("/dependencies", "a job has schedules or parents, not both");
    }
    if (job.parents().isEmpty()) {
      return; // without parents a job cannot close a cycle: skip loading the whole graph
    }
    List<JobSpec> others = new ArrayList<>();
    for (JobSpec j : jobs.all()) {
      if (!j.id().equals(job.id())) {
        others.add(j);
      }
    }
    try {
      DependencyGraph.of(others).with(job);
    } catch (DependencyException e) {
      throw new Invalid("/dependencies", e.getMessage());
    }
  }

  private static Schedule parse(ScheduleSpec s, String path) {
    try {
      return Schedules.parse(s);
    } catch (InvalidScheduleException e) {
      throw new Invalid(
          path + (s.kind() == ScheduleSpec.Kind.CRON ? "/cron" : "/schedule"), e.getMessage());
    }
  }

  /**
   * Deletes a job, its timers and history. Active runs are stopped when {@code stopRuns}, else the
   * delete is refused; a job other jobs depend on is refused.
   */
  public void delete(String id, boolean stopRuns) {
    JobSpec job = get(id);
    try {
      DependencyGraph.of(jobs.all()).without(id);
    } catch (DependencyException e) {
      throw new Conflict(e.getMessage());
    }
    if (!runs.active(id).isEmpty()) {
      if (!stopRuns) {
        throw new Conflict(
            "Job '" + id + "' has active runs; stop them or use stopCurrentJobRuns=true");
      }
      engine.stopAll(id);
    }
    tx.executeWithoutResult(
        s -> {
          job.schedules().forEach(sc -> timer.disarm(id, sc.id()));
          jobs.delete(id);
          runs.deleteRunsOf(id);
        });
  }

  /** Enables or disables a job (all its scheduled firing) without touching its schedules. */
  public void setDisabled(String id, boolean disabled) {
    get(id);
    tx.executeWithoutResult(s -> jobs.saveCounters(jobs.counters(id).withDisabled(disabled)));
  }
}
