package io.dcos.jobs.api.metronome;

import io.dcos.jobs.api.Problems;
import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.Constraint;
import io.dcos.jobs.model.JobRun;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.ScheduleSpec;
import io.dcos.jobs.schedule.InvalidScheduleException;
import io.dcos.jobs.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts between Metronome's JSON and the job model, checking every field on the way in and
 * naming the path of each problem (Metronome's 422 details).
 */
public final class MetronomeConverter {
  static final Pattern ID =
      Pattern.compile("^([a-z0-9]([a-z0-9-]*[a-z0-9]+)*)([.][a-z0-9]([a-z0-9-]*[a-z0-9]+)*)*$");
  private static final Set<String> OPERATORS = Set.of("IS", "EQ", "LIKE", "UNLIKE");
  private final Duration retryDelay;

  public MetronomeConverter(Duration retryDelay) {
    this.retryDelay = retryDelay;
  }

  /** The job spec of a Metronome job document; {@code pathId}, when given, must match its id. */
  public JobSpec toSpec(MetronomeJson.Job json, String pathId) {
    return toSpec(json, pathId, Optional.empty());
  }

  /**
   * The job spec of a Metronome job document replacing {@code existing} when given: what this API
   * cannot show (Chronos owner, softError, maxCompletionTime, retry count, shell) is kept, and each
   * lossy field sent back as it was shown keeps its stored value.
   */
  public JobSpec toSpec(MetronomeJson.Job json, String pathId, Optional<JobSpec> existing) {
    Problems p = new Problems();
    if (json == null) {
      p.add("/", "error.expected.jsobject");
      p.throwIfAny();
    }
    String id = json.id() == null ? pathId : json.id();
    if (id == null || id.isBlank()) {
      p.add("/id", "error.path.missing");
    } else if (!ID.matcher(id).matches()) {
      p.add("/id", "must fully match regular expression '" + ID.pattern() + "'");
    } else if (pathId != null && !pathId.equals(id)) {
      p.add("/id", "does not match the id in the path '" + pathId + "'");
    }
    MetronomeJson.Run run = json.run();
    RunSpec spec = null;
    if (run == null) {
      p.add("/run", "error.path.missing");
    } else {
      spec = runSpec(run, p);
    }
    List<ScheduleSpec> schedules = new ArrayList<>();
    if (json.schedules() != null) {
      for (int i = 0; i < json.schedules().size(); i++) {
        schedules.add(schedule(json.schedules().get(i), "/schedules/" + i, p));
      }
    }
    List<String> parents = new ArrayList<>();
    if (json.dependencies() != null) {
      for (int i = 0; i < json.dependencies().size(); i++) {
        MetronomeJson.Dependency d = json.dependencies().get(i);
        if (d == null || d.id() == null || d.id().isBlank()) {
          p.add("/dependencies/" + i + "/id", "error.path.missing");
        } else {
          parents.add(d.id());
        }
      }
    }
    p.check(
        schedules.isEmpty() || parents.isEmpty(),
        "/dependencies",
        "a job with dependencies cannot have schedules");
    p.throwIfAny();
    JobSpec job =
        new JobSpec(
            id,
            json.description(),
            json.labels() == null ? Map.of() : json.labels(),
            schedules,
            parents,
            spec,
            false,
            "",
            "");
    return existing.map(e -> MetronomeWriteBack.keepUnseen(job, e, json.run())).orElse(job);
  }

  private RunSpec runSpec(MetronomeJson.Run run, Problems p) {
    boolean hasDocker = run.docker() != null && run.docker().image() != null;
    boolean hasCmd = run.cmd() != null && !run.cmd().isBlank();
    boolean hasArgs = run.args() != null && !run.args().isEmpty();
    p.check(hasCmd || hasArgs || hasDocker, "/run", "one of cmd, args or docker is required");
    double cpus = run.cpus() == null ? 1.0 : run.cpus();
    double mem = run.mem() == null ? 128 : run.mem();
    double disk = run.disk() == null ? 0 : run.disk();
    p.check(cpus >= 0.01, "/run/cpus", "is less than 0.01");
    p.check(mem >= 32, "/run/mem", "is less than 32");
    p.check(disk >= 0, "/run/disk", "is less than 0");
    Map<String, String> env = new LinkedHashMap<>();
    if (run.env() != null) {
      run.env()
          .forEach(
              (k, v) -> {
                if (v instanceof String s) {
                  env.put(k, s);
                } else {
                  p.add("/run/env/" + k, "only text values are supported");
                }
              });
    }
    List<RunSpec.Artifact> artifacts = new ArrayList<>();
    if (run.artifacts() != null) {
      for (int i = 0; i < run.artifacts().size(); i++) {
        MetronomeJson.Artifact a = run.artifacts().get(i);
        if (a == null || a.uri() == null || a.uri().isBlank()) {
          p.add("/run/artifacts/" + i + "/uri", "error.path.missing");
          continue;
        }
        artifacts.add(
            new RunSpec.Artifact(
                a.uri(),
                !Boolean.FALSE.equals(a.extract()),
                Boolean.TRUE.equals(a.executable()),
                Boolean.TRUE.equals(a.cache())));
      }
    }
    List<Constraint> constraints = new ArrayList<>();
    if (run.placement() != null && run.placement().constraints() != null) {
      List<MetronomeJson.Constraint> cs = run.placement().constraints();
      for (int i = 0; i < cs.size(); i++) {
        MetronomeJson.Constraint c = cs.get(i);
        String path = "/run/placement/constraints/" + i;
        if (c == null || c.attribute() == null) {
          p.add(path + "/attribute", "error.path.missing");
          continue;
        }
        if (c.operator() == null || !OPERATORS.contains(c.operator())) {
          p.add(path + "/operator", "must be one of IS, EQ, LIKE, UNLIKE");
          continue;
        }
        if (c.value() == null) {
          p.add(path + "/value", "error.path.missing");
          continue;
        }
        if (c.operator().endsWith("LIKE")) {
          try {
            Pattern.compile(c.value());
          } catch (java.util.regex.PatternSyntaxException e) {
            p.add(path + "/value", "is not a valid regular expression");
            continue;
          }
        }
        constraints.add(new Constraint(c.attribute(), c.operator(), c.value()));
      }
    }
    RestartPolicy restart = RestartPolicy.NEVER;
    if (run.restart() != null) {
      String policy = run.restart().policy() == null ? "NEVER" : run.restart().policy();
      Long deadline = run.restart().activeDeadlineSeconds();
      if (deadline != null && deadline < 0) {
        p.add("/run/restart/activeDeadlineSeconds", "is less than 0");
      }
      switch (policy) {
        case "NEVER" -> restart = RestartPolicy.NEVER;
        case "ON_FAILURE" ->
            restart =
                RestartPolicy.onFailure(
                    Duration.ofSeconds(deadline == null ? 0 : Math.max(0, deadline)), retryDelay);
        default -> p.add("/run/restart/policy", "must be one of NEVER, ON_FAILURE");
      }
    }
    RunSpec.DockerSpec docker = null;
    if (run.docker() != null) {
      if (run.docker().image() == null || run.docker().image().isBlank()) {
        p.add("/run/docker/image", "error.path.missing");
      } else {
        Map<String, String> params = new LinkedHashMap<>();
        if (run.docker().parameters() != null) {
          run.docker().parameters().forEach(x -> params.put(x.key(), x.value()));
        }
        docker =
            new RunSpec.DockerSpec(
                run.docker().image(),
                Boolean.TRUE.equals(run.docker().forcePullImage()),
                Boolean.TRUE.equals(run.docker().privileged()),
                params);
      }
    }
    long launchDelay =
        run.maxLaunchDelay() == null
            ? RunSpec.DEFAULT_MAX_LAUNCH_DELAY.toSeconds()
            : run.maxLaunchDelay();
    p.check(launchDelay >= 1, "/run/maxLaunchDelay", "is less than 1");
    List<RunSpec.Volume> volumes = volumes(run, hasDocker, p);
    return new RunSpec(
        hasCmd ? run.cmd() : "",
        hasArgs && !hasCmd ? run.args() : List.of(),
        true,
        cpus,
        mem,
        disk,
        run.user(),
        env,
        artifacts,
        docker,
        constraints,
        restart,
        Duration.ZERO,
        volumes,
        Duration.ofSeconds(launchDelay));
  }

  private static List<RunSpec.Volume> volumes(
      MetronomeJson.Run run, boolean hasDocker, Problems p) {
    List<RunSpec.Volume> out = new ArrayList<>();
    if (run.volumes() == null || run.volumes().isEmpty()) {
      return out;
    }
    if (!hasDocker) {
      p.add("/run/volumes", "host volumes are mounted into Docker containers only: set run.docker");
    }
    for (int i = 0; i < run.volumes().size(); i++) {
      MetronomeJson.Volume v = run.volumes().get(i);
      String path = "/run/volumes/" + i;
      if (v == null) {
        p.add(path, "error.expected.jsobject");
        continue;
      }
      boolean ok = true;
      if (v.containerPath() == null || v.containerPath().isBlank()) {
        p.add(path + "/containerPath", "error.path.missing");
        ok = false;
      }
      if (v.hostPath() == null || v.hostPath().isBlank()) {
        p.add(path + "/hostPath", "error.path.missing");
        ok = false;
      }
      if (v.mode() == null) {
        p.add(path + "/mode", "error.path.missing");
        ok = false;
      } else if (!v.mode().equals("RO") && !v.mode().equals("RW")) {
        p.add(path + "/mode", "must be one of RO, RW");
        ok = false;
      }
      if (ok) {
        out.add(
            new RunSpec.Volume(
                v.containerPath(), v.hostPath(), RunSpec.Volume.Mode.valueOf(v.mode())));
      }
    }
    return out;
  }

  /** A schedule document; problems are reported under {@code path}. */
  public ScheduleSpec schedule(MetronomeJson.Schedule s, String path, Problems p) {
    if (s == null) {
      p.add(path, "error.expected.jsobject");
      return null;
    }
    String id = s.id() == null ? "default" : s.id();
    p.check(
        ID.matcher(id).matches(),
        path + "/id",
        "must fully match regular expression '" + ID.pattern() + "'");
    boolean iso = s.cron() == null && s.iso8601() != null;
    ScheduleSpec.Kind kind = iso ? ScheduleSpec.Kind.ISO8601 : ScheduleSpec.Kind.CRON;
    String expression = iso ? s.iso8601() : s.cron();
    // An ISO 8601 interval without a time zone keeps the offset written in it.
    String tz = s.timezone() == null ? (iso ? "" : "UTC") : s.timezone();
    if (expression == null) {
      p.add(path + "/cron", "error.path.missing");
    } else {
      try {
        Schedules.parse(kind, expression, tz);
      } catch (InvalidScheduleException e) {
        p.add(
            e.getMessage().contains("time zone")
                ? path + "/timezone"
                : path + (iso ? "/iso8601" : "/cron"),
            e.getMessage());
      }
    }
    long deadline = s.startingDeadlineSeconds() == null ? 900 : s.startingDeadlineSeconds();
    p.check(deadline >= 1, path + "/startingDeadlineSeconds", "is less than 1");
    String policy = s.concurrencyPolicy() == null ? "ALLOW" : s.concurrencyPolicy();
    ConcurrencyPolicy cp = ConcurrencyPolicy.ALLOW;
    try {
      cp = ConcurrencyPolicy.valueOf(policy);
    } catch (IllegalArgumentException e) {
      p.add(path + "/concurrencyPolicy", "must be one of ALLOW, FORBID");
    }
    return new ScheduleSpec(
        id,
        kind,
        expression == null ? "" : expression,
        tz,
        Duration.ofSeconds(deadline),
        cp,
        !Boolean.FALSE.equals(s.enabled()));
  }

  // ---- Out ----

  /** The Metronome view of a job; embedded parts are passed when asked for. */
  public MetronomeJson.Job toJson(
      JobSpec job,
      Optional<List<JobRun>> activeRuns,
      Optional<MetronomeJson.History> history,
      Optional<MetronomeJson.History> summary,
      boolean withSchedules,
      Instant now) {
    return new MetronomeJson.Job(
        job.id(),
        job.description(),
        job.labels(),
        MetronomeViews.run(job.run()),
        job.parents().isEmpty()
            ? null
            : job.parents().stream().map(MetronomeJson.Dependency::new).toList(),
        withSchedules
            ? job.schedules().stream().map(s -> MetronomeViews.schedule(s, now)).toList()
            : null,
        activeRuns.map(list -> list.stream().map(MetronomeViews::run).toList()).orElse(null),
        history.orElse(null),
        summary.orElse(null));
  }
}
