package io.dcos.marathon.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.server.api.json.AppJsonConverter;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Renders apps with the status fields the API adds: counts, deployments, tasks, readiness. */
@Component
public class AppViews {
  /** What to add to each app. */
  public record Embed(boolean tasks, boolean readiness, boolean lastTaskFailure) {
    public static Embed of(Set<String> embed, String prefix) {
      return new Embed(
          embed.contains(prefix + ".tasks"),
          embed.contains(prefix + ".readiness"),
          embed.contains(prefix + ".lastTaskFailure"));
    }

    public static final Embed ALL = new Embed(true, true, true);
  }

  private final ObjectMapper mapper;

  public AppViews(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The plain JSON of an app (versions, queue, groups without status). */
  public ObjectNode plain(AppDefinition app) {
    return mapper.valueToTree(AppJsonConverter.toJson(app));
  }

  /** The JSON of {@code app} with counts and deployments, and the embedded parts. */
  public ObjectNode withStatus(
      AppDefinition app,
      List<Instance> instances,
      List<ServiceScheduler.DeploymentStatus> deployments,
      Embed embed) {
    ObjectNode node = plain(app);
    int staged = 0;
    int running = 0;
    int healthy = 0;
    int unhealthy = 0;
    for (Instance i : instances) {
      Condition c = i.condition();
      if (c == Condition.PROVISIONED || c == Condition.STAGING || c == Condition.STARTING) {
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
    node.put("tasksStaged", staged);
    node.put("tasksRunning", running);
    node.put("tasksHealthy", healthy);
    node.put("tasksUnhealthy", unhealthy);
    ArrayNode deps = node.putArray("deployments");
    List<ServiceScheduler.ReadinessResult> readiness = new ArrayList<>();
    for (ServiceScheduler.DeploymentStatus d : deployments) {
      if (d.plan().affectedApps().contains(app.id())) {
        deps.addObject().put("id", d.plan().id());
        readiness.addAll(d.readinessCheckResults());
      }
    }
    if (embed.tasks()) {
      ArrayNode tasks = node.putArray("tasks");
      instances.stream()
          .filter(i -> !i.condition().terminal())
          .forEach(i -> tasks.add(mapper.valueToTree(TaskJson.of(i, app))));
    }
    if (embed.readiness()) {
      node.set("readinessCheckResults", mapper.valueToTree(readiness));
    }
    return node;
  }

  /** Instances by app for many apps at once. */
  public static List<Instance> of(Map<PathId, List<Instance>> byApp, PathId id) {
    return byApp.getOrDefault(id, List.of());
  }
}
