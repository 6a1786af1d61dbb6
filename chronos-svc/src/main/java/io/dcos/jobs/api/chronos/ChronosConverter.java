package io.dcos.jobs.api.chronos;

import io.dcos.jobs.api.Problems;
import io.dcos.jobs.model.ConcurrencyPolicy;
import io.dcos.jobs.model.Constraint;
import io.dcos.jobs.model.JobCounters;
import io.dcos.jobs.model.JobSpec;
import io.dcos.jobs.model.RestartPolicy;
import io.dcos.jobs.model.RunSpec;
import io.dcos.jobs.model.ScheduleSpec;
import io.dcos.jobs.schedule.InvalidScheduleException;
import io.dcos.jobs.schedule.IsoRepeatingSchedule;
import io.dcos.jobs.schedule.Schedules;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Converts between Chronos's job JSON and the job model. A Chronos job shows one schedule (the
 * job's first); its starting deadline is the job's {@code epsilon}; {@code disabled} and {@code R0}
 * disable it; {@code concurrent: false} is {@code FORBID}; {@code retries} is an ON_FAILURE restart
 * with that many relaunches; a cron schedule reads as {@code cron:<expression>} in {@code
 * scheduleTimeZone}. Writing back what was read keeps what this view cannot show (labels, further
 * schedules and their ids, launch delay, privileged containers, Metronome restart deadlines and
 * operator spellings): a field sent unchanged keeps the stored value behind it.
 */
public final class ChronosConverter {
  static final Pattern NAME = Pattern.compile("^[\\w.-]+$");
  static final String SCHEDULE_ID = "default";
  static final String CRON_PREFIX = "cron:";
  private final Duration retryDelay;
  private final Duration defaultEpsilon;

  public ChronosConverter(Duration retryDelay, Duration defaultEpsilon) {
    this.retryDelay = retryDelay;
    this.defaultEpsilon = defaultEpsilon;
  }

  /** A new job from {@code POST /iso8601} ({@code dependent} false) or {@code POST /dependency}. */
  public JobSpec toSpec(ChronosJson.Job j, boolean dependent) {
    return toSpec(j, dependent, Optional.empty());
  }

  /**
   * A job from {@code POST /iso8601} or {@code POST /dependency}, replacing {@code existing} when
   * the job is already stored.
   */
  public JobSpec toSpec(ChronosJson.Job j, boolean dependent, Optional<JobSpec> existing) {
    Problems p = new Problems();
    if (j == null) {
      p.add("", "a job object is required");
      p.throwIfAny();
    }
    if (j.name() == null || !NAME.matcher(j.name()).matches()) {
      p.add("name", "name must match [\\w.-]+");
    }
    boolean hasContainer = j.container() != null && j.container().image() != null;
    if ((j.command() == null || j.command().isBlank()) && !hasContainer) {
      p.add("command", "command must not be empty");
    }
    List<ScheduleSpec> schedules = new ArrayList<>();
    List<String> parents = j.parents() == null ? List.of() : j.parents();
    Duration epsilon = defaultEpsilon;
    if (j.epsilon() != null) {
      try {
        epsilon = Duration.parse(j.epsilon());
      } catch (DateTimeParseException e) {
        p.add("epsilon", "epsilon '" + j.epsilon() + "' is not an ISO 8601 duration");
      }
    }
    if (dependent) {
      p.check(!parents.isEmpty(), "parents", "a dependent job needs parents");
    } else if (j.schedule() == null || j.schedule().isBlank()) {
      p.add("schedule", "schedule must not be empty");
    } else {
      schedule(j, epsilon, p).ifPresent(schedules::add);
      parents = List.of();
    }
    double cpus = j.cpus() == null ? 0.1 : j.cpus();
    double mem = j.mem() == null ? 128 : j.mem();
    double disk = j.disk() == null ? 0 : j.disk();
    p.check(cpus > 0, "cpus", "cpus must be positive");
    p.check(mem > 0, "mem", "mem must be positive");
    p.check(disk >= 0, "disk", "disk must not be negative");
    int retries = j.retries() == null ? 2 : j.retries();
    p.check(retries >= 0, "retries", "retries must not be negative");
    long maxCompletion = j.maxCompletionTime() == null ? 0 : j.maxCompletionTime();
    p.check(maxCompletion >= 0, "maxCompletionTime", "maxCompletionTime must not be negative");
    List<Constraint> constraints = new ArrayList<>();
    if (j.constraints() != null) {
      for (List<String> c : j.constraints()) {
        if (c == null || c.size() != 3 || !List.of("EQUALS", "LIKE", "UNLIKE").contains(c.get(1))) {
          p.add("constraints", "a constraint is [attribute, EQUALS|LIKE|UNLIKE, value]");
          continue;
        }
        constraints.add(new Constraint(c.get(0), c.get(1), c.get(2)));
      }
    }
    List<RunSpec.Volume> volumes = volumes(j.container(), p);
    p.throwIfAny();
    Map<String, String> env = new LinkedHashMap<>();
    if (j.environmentVariables() != null) {
      j.environmentVariables().forEach(v -> env.put(v.name(), v.value()));
    }
    List<RunSpec.Artifact> artifacts = new ArrayList<>();
    if (j.fetch() != null) {
      j.fetch()
          .forEach(
              f ->
                  artifacts.add(
                      new RunSpec.Artifact(
                          f.uri(),
                          !Boolean.FALSE.equals(f.extract()),
                          Boolean.TRUE.equals(f.executable()),
                          Boolean.TRUE.equals(f.cache()))));
    }
    if (j.uris() != null) {
      j.uris().forEach(u -> artifacts.add(new RunSpec.Artifact(u, true, false, false)));
    }
    RunSpec.DockerSpec docker = null;
    if (hasContainer) {
      Map<String, String> params = new LinkedHashMap<>();
      if (j.container().parameters() != null) {
        j.container().parameters().forEach(x -> params.put(x.key(), x.value()));
      }
      docker =
          new RunSpec.DockerSpec(
              j.container().image(),
              Boolean.TRUE.equals(j.container().forcePullImage()),
              false,
              params);
    }
    boolean shell = !Boolean.FALSE.equals(j.shell());
    String command = j.command() == null ? "" : j.command();
    List<String> args = j.arguments() == null ? List.of() : j.arguments();
    if (!shell && !args.isEmpty()) {
      List<String> all = new ArrayList<>();
      all.add(command);
      all.addAll(args);
      args = all;
      command = "";
    } else if (!args.isEmpty()) {
      command = command + " " + String.join(" ", args);
      args = List.of();
    }
    RunSpec run =
        new RunSpec(
            command,
            args,
            shell,
            cpus,
            mem,
            disk,
            j.runAsUser(),
            env,
            artifacts,
            docker,
            constraints,
            RestartPolicy.retries(retries, retryDelay),
            Duration.ofMillis(maxCompletion),
            volumes,
            RunSpec.DEFAULT_MAX_LAUNCH_DELAY);
    JobSpec job =
        new JobSpec(
            j.name(),
            j.description(),
            Map.of(),
            schedules,
            parents,
            run,
            Boolean.TRUE.equals(j.softError()),
            j.owner(),
            j.ownerName());
    return existing
        .map(
            e ->
                ChronosWriteBack.keepUnseen(
                    job, e, j, toJson(e, JobCounters.empty(e.id())), dependent))
        .orElse(job);
  }

  private Optional<ScheduleSpec> schedule(ChronosJson.Job j, Duration epsilon, Problems p) {
    String text = j.schedule().trim();
    boolean cron = text.startsWith(CRON_PREFIX);
    String expression = cron ? text.substring(CRON_PREFIX.length()).trim() : text;
    String tz = j.scheduleTimeZone() == null ? "" : j.scheduleTimeZone();
    if (cron && tz.isBlank()) {
      tz = "UTC";
    }
    boolean enabled = !Boolean.TRUE.equals(j.disabled());
    try {
      if (cron) {
        Schedules.parse(ScheduleSpec.Kind.CRON, expression, tz);
      } else {
        enabled = enabled && IsoRepeatingSchedule.parse(expression, tz).repetitions() != 0;
      }
    } catch (InvalidScheduleException e) {
      p.add("schedule", e.getMessage());
      return Optional.empty();
    }
    return Optional.of(
        new ScheduleSpec(
            SCHEDULE_ID,
            cron ? ScheduleSpec.Kind.CRON : ScheduleSpec.Kind.ISO8601,
            expression,
            tz,
            epsilon,
            Boolean.TRUE.equals(j.concurrent())
                ? ConcurrencyPolicy.ALLOW
                : ConcurrencyPolicy.FORBID,
            enabled));
  }

  private static List<RunSpec.Volume> volumes(ChronosJson.Container c, Problems p) {
    List<RunSpec.Volume> out = new ArrayList<>();
    if (c == null || c.volumes() == null) {
      return out;
    }
    if (c.image() == null && !c.volumes().isEmpty()) {
      p.add("container.volumes", "container.volumes need a Docker container with an image");
    }
    for (int i = 0; i < c.volumes().size(); i++) {
      ChronosJson.Volume v = c.volumes().get(i);
      String at = "container.volumes[" + i + "]";
      if (v == null) {
        p.add(at, at + " must be an object");
        continue;
      }
      boolean ok = true;
      if (v.containerPath() == null || v.containerPath().isBlank()) {
        p.add(at + ".containerPath", at + ".containerPath must not be empty");
        ok = false;
      }
      if (v.hostPath() == null || v.hostPath().isBlank()) {
        p.add(at + ".hostPath", at + ".hostPath must not be empty");
        ok = false;
      }
      String mode = v.mode() == null ? "RW" : v.mode();
      if (!mode.equals("RW") && !mode.equals("RO")) {
        p.add(at + ".mode", at + ".mode must be RO or RW");
        ok = false;
      }
      if (ok) {
        out.add(
            new RunSpec.Volume(v.containerPath(), v.hostPath(), RunSpec.Volume.Mode.valueOf(mode)));
      }
    }
    return out;
  }

  /** The Chronos view of any job, including those created through Metronome. */
  public ChronosJson.Job toJson(JobSpec job, JobCounters c) {
    RunSpec r = job.run();
    ScheduleSpec s = job.schedules().isEmpty() ? null : job.schedules().get(0);
    String schedule = null;
    if (s != null) {
      schedule =
          s.kind() == ScheduleSpec.Kind.ISO8601 ? s.expression() : CRON_PREFIX + s.expression();
    }
    boolean disabled = c.disabled() || (s != null && !s.enabled());
    String command = r.cmd().isEmpty() && !r.args().isEmpty() ? r.args().get(0) : r.cmd();
    List<String> arguments =
        r.cmd().isEmpty() && r.args().size() > 1 ? r.args().subList(1, r.args().size()) : List.of();
    return new ChronosJson.Job(
        job.id(),
        command,
        r.cmd().isEmpty() && !r.args().isEmpty() ? false : r.shell(),
        arguments,
        schedule,
        s == null ? null : s.timezone(),
        job.parents().isEmpty() ? null : job.parents(),
        s == null ? null : s.startingDeadline().toString(),
        r.restart().policy() == RestartPolicy.Policy.NEVER
            ? 0
            : Math.max(0, r.restart().maxRetries()),
        job.owner(),
        job.ownerName(),
        job.description(),
        r.cpus(),
        r.mem(),
        r.disk(),
        r.docker() == null
            ? null
            : new ChronosJson.Container(
                "DOCKER",
                r.docker().image(),
                r.docker().forcePullImage(),
                r.volumes().stream()
                    .map(
                        v ->
                            new ChronosJson.Volume(
                                v.containerPath(), v.hostPath(), v.mode().name()))
                    .toList(),
                r.docker().parameters().entrySet().stream()
                    .map(e -> new ChronosJson.Parameter(e.getKey(), e.getValue()))
                    .toList()),
        disabled,
        s != null && s.concurrencyPolicy() == ConcurrencyPolicy.ALLOW,
        job.softError(),
        r.env().entrySet().stream()
            .map(e -> new ChronosJson.EnvironmentVariable(e.getKey(), e.getValue()))
            .toList(),
        r.artifacts().stream()
            .map(a -> new ChronosJson.Fetch(a.uri(), a.extract(), a.executable(), a.cache()))
            .toList(),
        null,
        r.constraints().stream()
            .map(x -> List.of(x.attribute(), chronosOperator(x.operator()), x.value()))
            .toList(),
        r.user().isEmpty() ? null : r.user(),
        r.maxRunTime().toMillis(),
        c.successCount(),
        c.failureCount(),
        c.lastSuccessAt() == null ? "" : c.lastSuccessAt().toString(),
        c.lastFailureAt() == null ? "" : c.lastFailureAt().toString(),
        c.errorsSinceLastSuccess());
  }

  /** Metronome's {@code IS} and {@code EQ} are Chronos's {@code EQUALS}. */
  private static String chronosOperator(String op) {
    return op.equals("IS") || op.equals("EQ") ? "EQUALS" : op;
  }
}
