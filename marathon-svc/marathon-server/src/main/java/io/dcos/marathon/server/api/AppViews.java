package io.dcos.marathon.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.server.api.json.AppJson;
import io.dcos.marathon.server.api.json.AppJsonConverter;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import io.dcos.marathon.server.store.TaskFailureRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Renders apps with the status fields the API adds: counts, deployments, tasks, readiness, the last
 * task failure and task statistics.
 */
@Component
public class AppViews {
  /** What to add to each app. */
  public record Embed(
      boolean tasks, boolean readiness, boolean lastTaskFailure, boolean taskStats) {
    /** The embeds named {@code prefix.tasks}, {@code prefix.readiness}... in {@code embed}. */
    public static Embed of(Set<String> embed, String prefix) {
      return new Embed(
          embed.contains(prefix + ".tasks"),
          embed.contains(prefix + ".readiness"),
          embed.contains(prefix + ".lastTaskFailure"),
          embed.contains(prefix + ".taskStats"));
    }

    /** {@code GET /v2/apps/{id}}: always tasks, readiness and the last failure. */
    public static Embed forShow(Set<String> embed) {
      return new Embed(
          true, true, true, embed.contains("app.taskStats") || embed.contains("apps.taskStats"));
    }

    /** A newly created app: its (empty) task list only. */
    public static final Embed CREATED = new Embed(true, false, false, false);
  }

  /** The status fields of one app, in the order the API writes them after its definition. */
  record AppStatus(
      int staged,
      int running,
      int healthy,
      int unhealthy,
      List<ErrorBodies.DeploymentRef> deployments,
      List<ServiceScheduler.ReadinessResult> readiness,
      LastTaskFailureJson lastTaskFailure,
      TaskStatsJson taskStats) {}

  private static final int MAX_CACHED = 100_000;

  private final ObjectMapper mapper;
  private final TaskFailureRepository failures;
  private final Clock clock;
  private final Map<PathId, Cached> cache = new ConcurrentHashMap<>();

  public AppViews(ObjectMapper mapper, TaskFailureRepository failures, Clock clock) {
    this.mapper = mapper;
    this.failures = failures;
    this.clock = clock;
  }

  /** The plain JSON of an app (versions, queue, groups without status). */
  public ObjectNode plain(AppDefinition app) {
    return mapper.valueToTree(AppJsonConverter.toJson(app));
  }

  /** The JSON of {@code app} with counts and deployments, and the embedded parts. */
  public AppStatusJson withStatus(
      AppDefinition app,
      List<Instance> instances,
      List<ServiceScheduler.DeploymentStatus> deployments,
      Embed embed) {
    AppStatus status = status(app, instances, deployments, embed);
    List<TaskJson> tasks = null;
    if (embed.tasks()) {
      List<Integer> servicePorts = TaskJson.servicePorts(app);
      tasks = new ArrayList<>(instances.size());
      for (Instance i : instances) {
        if (!i.condition().terminal()) {
          tasks.add(TaskJson.of(i, app.id().toString(), servicePorts));
        }
      }
    }
    return new AppStatusJson(
        json(app),
        status.staged(),
        status.running(),
        status.healthy(),
        status.unhealthy(),
        status.deployments(),
        tasks,
        status.readiness(),
        status.lastTaskFailure(),
        status.taskStats());
  }

  /** The status fields of {@code app}; the embedded ones are null unless asked for. */
  AppStatus status(
      AppDefinition app,
      List<Instance> instances,
      List<ServiceScheduler.DeploymentStatus> deployments,
      Embed embed) {
    Counts counts = counts(instances);
    Deployments deps = deployments(app, deployments);
    return new AppStatus(
        counts.staged(),
        counts.running(),
        counts.healthy(),
        counts.unhealthy(),
        deps.refs(),
        embed.readiness() ? deps.readiness() : null,
        embed.lastTaskFailure() ? lastTaskFailure(app) : null,
        embed.taskStats() ? taskStats(app, instances) : null);
  }

  /** An app's {@code tasksStaged}, {@code tasksRunning}, {@code tasksHealthy}... */
  record Counts(int staged, int running, int healthy, int unhealthy) {}

  static Counts counts(List<Instance> instances) {
    int staged = 0;
    int running = 0;
    int healthy = 0;
    int unhealthy = 0;
    for (Instance i : instances) {
      Condition c = i.condition();
      if (TaskStatistics.staged(c)) {
        staged++;
      } else if (c == Condition.RUNNING) {
        running++;
        if (Boolean.TRUE.equals(i.healthy())) {
          healthy++;
        } else if (Boolean.FALSE.equals(i.healthy())) {
          unhealthy++;
        }
      }
    }
    return new Counts(staged, running, healthy, unhealthy);
  }

  /** The deployments that touch an app and the readiness results of their current actions. */
  record Deployments(
      List<ErrorBodies.DeploymentRef> refs, List<ServiceScheduler.ReadinessResult> readiness) {}

  static Deployments deployments(
      AppDefinition app, List<ServiceScheduler.DeploymentStatus> deployments) {
    List<ErrorBodies.DeploymentRef> refs = new ArrayList<>();
    List<ServiceScheduler.ReadinessResult> readiness = new ArrayList<>();
    for (ServiceScheduler.DeploymentStatus d : deployments) {
      if (d.plan().affectedApps().contains(app.id())) {
        refs.add(new ErrorBodies.DeploymentRef(d.plan().id()));
        readiness.addAll(d.readinessCheckResults());
      }
    }
    return new Deployments(refs, readiness);
  }

  LastTaskFailureJson lastTaskFailure(AppDefinition app) {
    return failures.last(app.id().toString()).map(LastTaskFailureJson::of).orElse(null);
  }

  TaskStatsJson taskStats(AppDefinition app, List<Instance> instances) {
    return TaskStatistics.of(instances, app.versionInfo(), clock.instant());
  }

  /** The DTO of an app, converted once per stored definition. */
  AppJson json(AppDefinition app) {
    Cached cached = cache.get(app.id());
    if (cached != null && cached.app() == app) {
      return cached.json();
    }
    AppJson json = AppJsonConverter.toJson(app);
    if (cache.size() > MAX_CACHED) {
      cache.clear();
    }
    cache.put(app.id(), new Cached(app, json));
    return json;
  }

  private record Cached(AppDefinition app, AppJson json) {}

  /** Instances by app for many apps at once. */
  public static List<Instance> of(Map<PathId, List<Instance>> byApp, PathId id) {
    return byApp.getOrDefault(id, List.of());
  }
}
