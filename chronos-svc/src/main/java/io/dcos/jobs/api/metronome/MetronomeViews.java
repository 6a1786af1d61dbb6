package io.dcos.jobs.api.metronome;

import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.RunStatus;
import io.dcos.jobs.model.ScheduleSpec;
import io.dcos.jobs.schedule.InvalidScheduleException;
import io.dcos.jobs.schedule.Schedules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Metronome's JSON views of the model's run specs, schedules, runs and history. Pure. */
public final class MetronomeViews {
  private MetronomeViews() {}

  /** The {@code run} part of a job's view. */
  public static MetronomeJson.Run run(RunSpec r) {
    return new MetronomeJson.Run(
        r.cmd().isEmpty() ? null : r.cmd(),
        r.args().isEmpty() ? null : r.args(),
        r.cpus(),
        r.mem(),
        r.disk(),
        0.0,
        r.user().isEmpty() ? null : r.user(),
        new LinkedHashMap<>(r.env()),
        r.artifacts().stream()
            .map(a -> new MetronomeJson.Artifact(a.uri(), a.extract(), a.executable(), a.cache()))
            .toList(),
        r.docker() == null
            ? null
            : new MetronomeJson.Docker(
                r.docker().image(),
                r.docker().forcePullImage(),
                r.docker().privileged(),
                r.docker().parameters().entrySet().stream()
                    .map(e -> new MetronomeJson.Parameter(e.getKey(), e.getValue()))
                    .toList()),
        new MetronomeJson.Placement(
            r.constraints().stream()
                .map(
                    c ->
                        new MetronomeJson.Constraint(
                            c.attribute(), metronomeOperator(c.operator()), c.value()))
                .toList()),
        (int) r.maxLaunchDelay().toSeconds(),
        null,
        r.restart().policy() == RestartPolicy.Policy.NEVER
            ? new MetronomeJson.Restart("NEVER", null)
            : new MetronomeJson.Restart(
                "ON_FAILURE",
                r.restart().activeDeadline().isZero()
                    ? null
                    : r.restart().activeDeadline().toSeconds()),
        r.volumes().stream()
            .map(v -> new MetronomeJson.Volume(v.containerPath(), v.hostPath(), v.mode().name()))
            .toList());
  }

  /** Chronos's {@code EQUALS} is Metronome's {@code IS}. */
  private static String metronomeOperator(String op) {
    return op.equals("EQUALS") ? "IS" : op;
  }

  public static MetronomeJson.Schedule schedule(ScheduleSpec s, Instant now) {
    String next = null;
    try {
      next =
          s.enabled()
              ? Schedules.parse(s).nextAfter(now).map(Instant::toString).orElse(null)
              : null;
    } catch (InvalidScheduleException e) {
      next = null;
    }
    boolean cron = s.kind() == ScheduleSpec.Kind.CRON;
    return new MetronomeJson.Schedule(
        s.id(),
        cron ? s.expression() : null,
        cron ? null : s.expression(),
        cron && s.timezone().isEmpty() ? "UTC" : (s.timezone().isEmpty() ? null : s.timezone()),
        s.startingDeadline().toSeconds(),
        s.concurrencyPolicy().name(),
        s.enabled(),
        next);
  }

  public static MetronomeJson.RunView run(JobRun r) {
    return run(r, null);
  }

  /** A run's view; {@code failureReason} is null unless the service stopped the run. */
  public static MetronomeJson.RunView run(JobRun r, String failureReason) {
    return new MetronomeJson.RunView(
        r.id(),
        r.jobId(),
        r.status().name(),
        r.createdAt().toString(),
        r.finishedAt() == null ? null : r.finishedAt().toString(),
        r.tasks().stream()
            .map(
                t ->
                    new MetronomeJson.TaskView(
                        t.id(),
                        t.startedAt() == null ? null : t.startedAt().toString(),
                        t.completedAt() == null ? null : t.completedAt().toString(),
                        t.state()))
            .toList(),
        failureReason);
  }

  /** History with the finished runs, or only the counters when {@code finished} is null. */
  public static MetronomeJson.History history(JobCounters c, List<JobRun> finished) {
    return history(c, finished, Map.of());
  }

  /** {@link #history(JobCounters, List)} with the reasons of runs the service stopped. */
  public static MetronomeJson.History history(
      JobCounters c, List<JobRun> finished, Map<String, String> reasons) {
    List<MetronomeJson.FinishedRun> ok = null;
    List<MetronomeJson.FinishedRun> failed = null;
    if (finished != null) {
      ok = new ArrayList<>();
      failed = new ArrayList<>();
      for (JobRun r : finished) {
        MetronomeJson.FinishedRun f =
            new MetronomeJson.FinishedRun(
                r.id(),
                r.createdAt().toString(),
                r.finishedAt().toString(),
                r.tasks().stream().map(io.dcos.jobs.model.TaskRecord::id).toList(),
                reasons.get(r.id()));
        (r.status() == RunStatus.SUCCESS ? ok : failed).add(f);
      }
    }
    return new MetronomeJson.History(
        c.successCount(),
        c.failureCount(),
        c.lastSuccessAt() == null ? null : c.lastSuccessAt().toString(),
        c.lastFailureAt() == null ? null : c.lastFailureAt().toString(),
        ok,
        failed);
  }
}
