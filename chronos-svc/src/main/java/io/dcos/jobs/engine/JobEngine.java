package io.dcos.jobs.engine;

import io.dcos.jobs.dag.DependencyGraph;
import io.dcos.jobs.engine.JobEngineExceptions.NotLeader;
import io.dcos.jobs.engine.JobEngineExceptions.RunNotFound;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.RunTrigger;
import io.dcos.jobs.model.ScheduleSpec;
import io.dcos.jobs.model.TaskRecord;
import io.dcos.jobs.planner.FireDecision;
import io.dcos.jobs.planner.RunOutcome;
import io.dcos.jobs.planner.RunPlanner;
import io.dcos.jobs.planner.TaskEndDecision;
import io.dcos.jobs.schedule.InvalidScheduleException;
import io.dcos.jobs.schedule.Schedules;
import io.dcos.jobs.store.JobRepository;
import io.dcos.jobs.store.RunRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the planner's decisions: claims due times and starts runs, places waiting runs on offers,
 * records task updates before they are acknowledged, retries, finishes runs and fires dependents.
 * Invariant: every state change happens on the engine's single thread and is committed to
 * PostgreSQL before its effect leaves the process (launch, acknowledgement), so a new leader
 * resumes from the database alone.
 */
public final class JobEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
  private static final Set<String> NEVER_RAN =
      Set.of("TASK_LOST", "TASK_DROPPED", "TASK_UNKNOWN", "TASK_GONE");

  private final JobRepository jobs;
  private final RunRepository runs;
  private final TransactionTemplate tx;
  private final RunPlanner planner;
  private final ScheduleTimer timer;
  private final ClaimAhead claimAhead;
  private final ExecutorService loop;
  private final ScheduledExecutorService delays;
  private final RunQueue queue = new RunQueue();
  private final FireLateness lateness;
  private final List<RunFailureListener> failureListeners = new CopyOnWriteArrayList<>();
  private volatile TaskLauncher launcher;
  private volatile boolean leading;

  public JobEngine(
      JobRepository jobs,
      RunRepository runs,
      TransactionTemplate tx,
      RunPlanner planner,
      ScheduleTimer timer,
      ClaimAhead claimAhead,
      FireLateness lateness) {
    this.jobs = jobs;
    this.lateness = lateness;
    this.runs = runs;
    this.tx = tx;
    this.planner = planner;
    this.timer = timer;
    this.claimAhead = claimAhead;
    this.loop = Executors.newSingleThreadExecutor(daemon("chronos-engine"));
    this.delays = Executors.newSingleThreadScheduledExecutor(daemon("chronos-retries"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Runs {@code work} on the engine thread and waits for its result. */
  <T> T call(Callable<T> work) {
    Future<T> f = loop.submit(work);
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void submit(Runnable work) {
    loop.execute(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            LOG.error("engine step failed", e);
          }
        });
  }

  public boolean leading() {
    return leading;
  }

  /** Adds a listener told of every run that finishes as failed. */
  public void onRunFailed(RunFailureListener listener) {
    failureListeners.add(listener);
  }

  private void failed(RunFailure failure) {
    for (RunFailureListener l : failureListeners) {
      try {
        l.runFailed(failure);
      } catch (RuntimeException e) {
        LOG.warn("run failure listener failed: {}", e.getMessage());
      }
    }
  }

  // ---- Leadership ----

  /**
   * This instance leads: runs that were claimed but have no live task wait for offers again, and
   * the live tasks of active runs are returned for reconciliation with the kernel.
   */
  public void becomeLeader(TaskLauncher taskLauncher) {
    call(
        () -> {
          this.launcher = taskLauncher;
          this.leading = true;
          queue.clear();
          List<JobRun> active = runs.active(null);
          Map<String, JobSpec> specs =
              jobs.findAll(active.stream().map(JobRun::jobId).distinct().toList());
          Instant now = planner.now();
          for (JobRun run : active) {
            Optional<TaskRecord> current = run.currentTask();
            if (current.isPresent() && !current.get().isFinal()) {
              continue; // live: reconciled after subscribing
            }
            JobSpec job = specs.get(run.jobId());
            if (job == null) {
              tx.executeWithoutResult(s -> runs.updateStatus(run.id(), RunStatus.FAILED, now));
            } else if (current.isEmpty()) {
              hold(new WaitingRun(run, job), run.dueAt(), false);
            } else {
              queue.ready(new WaitingRun(run, job));
            }
          }
          if (!queue.isEmpty()) {
            taskLauncher.wantOffers();
          }
          return null;
        });
  }

  /** The framework (re-)subscribed: reconcile every task the history believes is live. */
  public void subscribed() {
    submit(
        () -> {
          List<String[]> live = new ArrayList<>();
          for (JobRun run : runs.active(null)) {
            run.currentTask()
                .filter(t -> !t.isFinal())
                .ifPresent(t -> live.add(new String[] {t.id(), t.agentId()}));
          }
          if (launcher != null && !live.isEmpty()) {
            launcher.reconcile(live);
          }
          if (launcher != null && !queue.isEmpty()) {
            launcher.wantOffers();
          }
        });
  }

  /** Leadership is lost: stop acting on runs; the next leader resumes from the database. */
  public void stepDown() {
    call(
        () -> {
          leading = false;
          launcher = null;
          queue.clear();
          return null;
        });
  }

  // ---- Firing ----

  /**
   * A schedule armed for {@code armedDue} came due (called by the timer, possibly again after a
   * failover). Claims and starts the runs the planner chooses, then arms the next due time. Runs on
   * the timer's thread, several at once: the claim in PostgreSQL keeps each due time single.
   */
  public void scheduleDue(String jobId, String scheduleId, Instant armedDue) {
    Optional<JobSpec> found = jobs.find(jobId);
    Optional<ScheduleSpec> spec = found.flatMap(j -> j.schedule(scheduleId));
    if (spec.isEmpty()) {
      return;
    }
    JobSpec job = found.get();
    FireDecision d;
    try {
      d =
          planner.onDue(
              job,
              spec.get(),
              Schedules.parse(spec.get()),
              armedDue,
              jobs.counters(jobId),
              runs.active(jobId));
    } catch (InvalidScheduleException e) {
      LOG.error("stored schedule {}/{} is invalid: {}", jobId, scheduleId, e.getMessage());
      return;
    }
    for (Instant due : d.launchFor()) {
      startRun(job, due, RunTrigger.SCHEDULE, "");
    }
    if (!d.skipReason().isEmpty()) {
      LOG.info("job {} due at {}: {}", jobId, armedDue, d.skipReason());
    }
    if (d.nextDue().isPresent()) {
      Instant next = d.nextDue().get();
      Instant reference = armedDue.isAfter(planner.now()) ? armedDue : planner.now();
      timer.arm(jobId, scheduleId, next, claimAhead.fireAt(spec.get(), next, reference));
    } else {
      timer.disarm(jobId, scheduleId);
    }
  }

  /** Starts a run now (Metronome POST runs, Chronos PUT job); returns it. */
  public JobRun runNow(String jobId, String arguments) {
    return call(
        () -> {
          JobSpec job =
              jobs.find(jobId).orElseThrow(() -> new JobEngineExceptions.JobNotFound(jobId));
          Instant now = planner.now();
          return startRun(job, now, RunTrigger.MANUAL, arguments)
              .orElseThrow(() -> new JobEngineExceptions.Conflict("a run is already due now"));
        });
  }

  /** Chronos "mark successful": counts a success and fires dependents without running. */
  public void markSuccess(String jobId) {
    call(
        () -> {
          JobSpec job =
              jobs.find(jobId).orElseThrow(() -> new JobEngineExceptions.JobNotFound(jobId));
          RunOutcome o = planner.onRunFinished(job, jobs.counters(jobId), RunStatus.SUCCESS);
          tx.executeWithoutResult(s -> jobs.saveCounters(o.counters()));
          fireDependents(jobId);
          return null;
        });
  }

  private Optional<JobRun> startRun(JobSpec job, Instant due, RunTrigger trigger, String args) {
    Instant now = planner.now();
    JobRun run =
        new JobRun(
            RunIds.runId(now),
            job.id(),
            due,
            trigger,
            RunStatus.INITIAL,
            now,
            null,
            args,
            List.of());
    Boolean claimed =
        tx.execute(
            s -> {
              if (!runs.claim(run)) {
                return false;
              }
              jobs.saveCounters(jobs.counters(job.id()).withRunStarted(now));
              return true;
            });
    if (!Boolean.TRUE.equals(claimed)) {
      LOG.info("job {} due at {} was already claimed", job.id(), due);
      return Optional.empty();
    }
    hold(new WaitingRun(run, job), due, true);
    return Optional.of(run);
  }

  /**
   * Makes a claimed run wait for offers at its due time: a timer that fired ahead of time (Quartz
   * acquires triggers in batches) claims early, but nothing launches before the run is due. Runs
   * due at the same time share one wake-up, and offers are kept from the claim on, so at the due
   * time they are placed at once.
   */
  private void hold(WaitingRun run, Instant due, boolean askForOffers) {
    if (!due.isAfter(planner.now())) {
      queue.ready(run);
    } else if (queue.hold(run, due)) {
      wakeAt(due);
    }
    TaskLauncher l = launcher;
    if (askForOffers && l != null) {
      l.wantOffers();
    }
  }

  private void wakeAt(Instant due) {
    long delay = Math.max(1, Duration.between(planner.now(), due).toMillis());
    delays.schedule(() -> submit(this::promoteDue), delay, TimeUnit.MILLISECONDS);
  }

  /**
   * Makes the runs that are due ready. A wake-up that comes a little before the clock reaches the
   * due time arms itself again, so no run stays held.
   */
  private void promoteDue() {
    if (!leading) {
      return;
    }
    Instant now = planner.now();
    int moved = queue.promote(now);
    queue.firstDue().filter(d -> !d.isAfter(now.plusSeconds(1))).ifPresent(this::wakeAt);
    TaskLauncher l = launcher;
    if (moved > 0 && l != null) {
      l.wantOffers();
    }
  }

  // ---- Offers ----

  /**
   * Places the runs that are due on {@code offers} and gives each a task id; writes nothing. The
   * runs keep waiting until {@link #record} stores their tasks; the caller places one batch at a
   * time.
   */
  public List<Placement> place(List<OfferView> offers) {
    return call(
        () -> {
          List<Placement> placed = new ArrayList<>();
          if (!leading || !queue.hasReady()) {
            return placed;
          }
          OfferMatcher matcher = new OfferMatcher(offers);
          for (WaitingRun w : queue.readyRuns()) {
            JobRun r = w.run();
            Optional<OfferView> offer = matcher.place(w.job().run());
            if (offer.isPresent()) {
              String taskId = RunIds.taskId(r.jobId(), r.id(), r.dueAt(), r.attempts());
              placed.add(
                  new Placement(
                      taskId,
                      offer.get().offerId(),
                      offer.get().agentId(),
                      offer.get().hostname(),
                      r,
                      w.job().run()));
            }
          }
          return placed;
        });
  }

  /**
   * Records the tasks of {@code placed} in one transaction, before they are launched; a run stopped
   * or deleted meanwhile gets no task. Completes with the ids of the tasks recorded: only these may
   * be launched. The runs wait no more, unless the write fails (then they wait as before). Runs on
   * the engine's thread while the caller builds the launches.
   */
  public CompletableFuture<Set<String>> record(List<Placement> placed) {
    CompletableFuture<Set<String>> done = new CompletableFuture<>();
    loop.execute(
        () -> {
          try {
            Instant now = planner.now();
            List<TaskRecord> tasks = placed.stream().map(p -> p.staging(now)).toList();
            Set<String> recorded = tx.execute(s -> runs.insertTasksOfActiveRuns(tasks));
            placed.forEach(p -> queue.remove(p.run().id())); // recorded, or finished meanwhile
            done.complete(recorded == null ? Set.of() : recorded);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
    return done;
  }

  /** The LAUNCH of {@code sent} went out at {@code at}: counts the lateness of scheduled runs. */
  public void launched(List<Placement> sent, Instant at) {
    for (Placement p : sent) {
      if (p.run().trigger() == RunTrigger.SCHEDULE) {
        lateness.launched(p.run().dueAt(), at);
      }
    }
  }

  /**
   * The runs of {@code launched} show as STARTING, written after their launch: the recorded task is
   * what makes a run start, the status is only shown.
   */
  public void starting(List<Placement> launched) {
    if (!launched.isEmpty()) {
      List<String> runIds = launched.stream().map(p -> p.run().id()).toList();
      submit(() -> tx.executeWithoutResult(s -> runs.markStarting(runIds)));
    }
  }

  /** The time source of the engine, for callers that measure. */
  public Instant now() {
    return planner.now();
  }

  /** Whether runs wait for offers, now or at a due time ahead: offers are worth keeping. */
  public boolean wantsOffers() {
    return !queue.isEmpty();
  }

  /** Whether runs are waiting for resources. */
  public boolean hasWaitingRuns() {
    return queue.hasReady();
  }

  // ---- Task updates ----

  /**
   * Records a batch of task updates in one transaction; returns once all are durable, so the caller
   * may acknowledge each. Live states (staging, starting, running) are written with one statement;
   * final states go through the planner one by one, still inside the transaction. Retries,
   * dependents and kills of unknown tasks happen only after the commit.
   */
  public void onTaskUpdates(List<TaskUpdate> updates) {
    call(
        () -> {
          applyAll(updates);
          return null;
        });
  }

  private void applyAll(List<TaskUpdate> updates) {
    Map<String, TaskRecord> tasks =
        runs.tasks(updates.stream().map(TaskUpdate::taskId).distinct().toList());
    Map<String, JobRun> runsById =
        runs.findAll(tasks.values().stream().map(TaskRecord::runId).distinct().toList());
    Instant now = planner.now();
    TaskUpdateBatch batch = TaskUpdateBatch.sort(updates, tasks, runsById, now);
    List<Runnable> after = new ArrayList<>();
    batch.unknownLive().forEach(u -> after.add(() -> killUnknown(u)));
    if (!batch.writesNothing()) {
      tx.executeWithoutResult(
          s -> {
            runs.updateLiveTasks(batch.live(), batch.startedRuns());
            for (TaskUpdate u : batch.ends()) {
              applyEnd(u, now, after);
            }
          });
      Instant stored = planner.now();
      batch.startedDue().forEach(due -> lateness.running(due, stored));
    }
    after.forEach(Runnable::run);
  }

  private void killUnknown(TaskUpdate u) {
    TaskLauncher l = launcher;
    if (l != null) {
      LOG.info("killing unknown task {}", u.taskId());
      l.kill(u.taskId(), u.agentId());
    }
  }

  /** A final task state, inside the batch's transaction; effects go to {@code after}. */
  private void applyEnd(TaskUpdate u, Instant now, List<Runnable> after) {
    Optional<TaskRecord> found = runs.task(u.taskId());
    if (found.isEmpty() || found.get().isFinal()) {
      return; // the same final update twice in one batch
    }
    TaskRecord task = found.get();
    Optional<JobRun> maybeRun = runs.find(task.runId());
    if (maybeRun.isEmpty()) {
      return;
    }
    JobRun run = maybeRun.get();
    Optional<JobSpec> job = jobs.find(run.jobId());
    boolean neverRan = u.neverRan() && task.startedAt() == null && NEVER_RAN.contains(u.state());
    TaskEndDecision d;
    if (job.isEmpty()) {
      d = TaskEndDecision.finish(RunStatus.FAILED);
    } else if (neverRan && !runs.stopRequested(run.id())) {
      d = TaskEndDecision.relaunchAfter(Duration.ZERO);
    } else {
      d = planner.onTaskEnded(job.get(), run, u.succeeded(), runs.stopRequested(run.id()));
    }
    RunOutcome outcome =
        tx.execute(
            s -> {
              runs.updateTask(u.taskId(), u.state(), null, now, u.message());
              if (d.relaunch()) {
                return null;
              }
              runs.updateStatus(run.id(), d.finalStatus(), now);
              if (job.isEmpty()) {
                return null;
              }
              RunOutcome o =
                  planner.onRunFinished(job.get(), jobs.counters(run.jobId()), d.finalStatus());
              jobs.saveCounters(o.counters());
              return o;
            });
    if (d.relaunch()) {
      after.add(() -> retryLater(run.id(), d.retryDelay()));
    } else if (outcome != null) {
      if (d.finalStatus() == RunStatus.FAILED) {
        RunFailure f =
            new RunFailure(
                job.get(),
                run,
                outcome.counters(),
                outcome.disabledNow(),
                u.taskId(),
                u.state(),
                u.message());
        after.add(() -> failed(f));
      }
      if (outcome.disabledNow()) {
        LOG.warn(
            "job {} disabled after {} failures",
            run.jobId(),
            outcome.counters().errorsSinceLastSuccess());
      }
      if (outcome.fireDependents()) {
        after.add(() -> fireDependents(run.jobId()));
      }
    }
  }

  private void retryLater(String runId, Duration delay) {
    Runnable requeue = () -> submit(() -> requeue(runId));
    if (delay.isZero()) {
      requeue.run();
    } else {
      delays.schedule(requeue, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** A run whose task ended waits for an offer again, with the job as it is now. */
  private void requeue(String runId) {
    if (!leading) {
      return;
    }
    Optional<JobRun> run = runs.find(runId).filter(r -> !r.status().isFinal());
    if (run.isEmpty()) {
      return;
    }
    Optional<JobSpec> job = jobs.find(run.get().jobId());
    if (job.isEmpty()) {
      tx.executeWithoutResult(s -> runs.updateStatus(runId, RunStatus.FAILED, planner.now()));
      return;
    }
    queue.ready(new WaitingRun(run.get(), job.get()));
    TaskLauncher l = launcher;
    if (l != null) {
      l.wantOffers();
    }
  }

  /** Starts the children of {@code parentId} whose parents have all succeeded since their run. */
  private void fireDependents(String parentId) {
    List<JobSpec> children = jobs.childrenOf(parentId);
    if (children.isEmpty()) {
      return;
    }
    Set<String> involved = new LinkedHashSet<>();
    children.forEach(c -> involved.add(c.id()));
    children.forEach(c -> involved.addAll(c.parents()));
    DependencyGraph graph = DependencyGraph.of(children);
    for (String child : graph.readyChildren(parentId, jobs.counters(involved))) {
      Optional<JobSpec> spec = jobs.find(child);
      if (spec.isEmpty()) {
        continue;
      }
      Optional<String> blocked =
          planner.dependencyBlocked(jobs.counters(child), runs.active(child));
      if (blocked.isPresent()) {
        LOG.info("dependent job {} not started: {}", child, blocked.get());
        continue;
      }
      startRun(spec.get(), planner.now(), RunTrigger.DEPENDENCY, "");
    }
  }

  // ---- Stopping ----

  /** Stops one run: kills its live task, or finishes it as failed when none was launched. */
  public void stopRun(String jobId, String runId) {
    stopRun(jobId, runId, "stopped before a task was launched");
  }

  /**
   * {@link #stopRun(String, String)}, telling failure listeners {@code reason} when no task ran.
   */
  public void stopRun(String jobId, String runId, String reason) {
    call(
        () -> {
          JobRun run =
              runs.find(runId)
                  .filter(r -> r.jobId().equals(jobId))
                  .orElseThrow(() -> new RunNotFound(jobId, runId));
          stop(run, reason);
          return null;
        });
  }

  /** Stops every active run of a job (Chronos "kill all tasks"). */
  public int stopAll(String jobId) {
    return call(
        () -> {
          List<JobRun> active = runs.active(jobId);
          active.forEach(r -> stop(r, "stopped before a task was launched"));
          return active.size();
        });
  }

  private void stop(JobRun run, String reason) {
    if (run.status().isFinal()) {
      return;
    }
    if (!leading) {
      throw new NotLeader();
    }
    tx.executeWithoutResult(s -> runs.requestStop(run.id()));
    Optional<TaskRecord> live = run.currentTask().filter(t -> !t.isFinal());
    if (live.isPresent()) {
      launcher.kill(live.get().id(), live.get().agentId());
      return;
    }
    queue.remove(run.id());
    Optional<JobSpec> job = jobs.find(run.jobId());
    RunOutcome outcome =
        tx.execute(
            s -> {
              runs.updateStatus(run.id(), RunStatus.FAILED, planner.now());
              if (job.isEmpty()) {
                return null;
              }
              RunOutcome o =
                  planner.onRunFinished(job.get(), jobs.counters(job.get().id()), RunStatus.FAILED);
              jobs.saveCounters(o.counters());
              return o;
            });
    if (outcome != null) {
      failed(
          new RunFailure(
              job.get(), run, outcome.counters(), outcome.disabledNow(), "", "", reason));
    }
  }

  // ---- History ----

  /** Deletes finished runs older than {@code retention}. */
  public int pruneHistory(Duration retention) {
    return call(() -> tx.execute(s -> runs.deleteFinishedBefore(planner.now().minus(retention))));
  }

  @Override
  public void close() {
    loop.shutdownNow();
    delays.shutdownNow();
  }
}
