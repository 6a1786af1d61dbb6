package io.dcos.marathon.server.api;

import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import io.dcos.marathon.server.store.GroupRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The API's access to the scheduler. Without a scheduler in the context (an API-only instance)
 * changes are stored and answered with a plan that nothing executes, and no instances exist.
 */
@Component
public class Orchestration {
  private final ObjectProvider<ServiceScheduler> scheduler;
  private final GroupRepository groups;
  private volatile Grouped grouped;

  public Orchestration(ObjectProvider<ServiceScheduler> scheduler, GroupRepository groups) {
    this.scheduler = scheduler;
    this.groups = groups;
  }

  /** Starts the change, or fails with 409 naming the deployments that hold its apps. */
  public DeploymentPlan deploy(RootGroup original, RootGroup target, boolean force) {
    ServiceScheduler s = scheduler.getIfAvailable();
    if (s == null) {
      groups.save(target);
      return new DeploymentPlan(
          UUID.randomUUID().toString(), original, target, List.of(), target.version());
    }
    ServiceScheduler.DeployResult result = s.deploy(original, target, force);
    if (result instanceof ServiceScheduler.DeployResult.Conflict c) {
      throw ApiException.locked(c.deploymentIds());
    }
    return ((ServiceScheduler.DeployResult.Started) result).plan();
  }

  public Optional<ServiceScheduler> scheduler() {
    return Optional.ofNullable(scheduler.getIfAvailable());
  }

  public ServiceScheduler required() {
    ServiceScheduler s = scheduler.getIfAvailable();
    if (s == null) {
      throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "The scheduler is not available");
    }
    return s;
  }

  public List<Instance> instances(PathId appId) {
    return scheduler().map(s -> s.instances(appId)).orElse(List.of());
  }

  /**
   * Every instance by app. The grouping is kept while the scheduler reports the same instance
   * objects, so an unchanged cluster is not grouped again.
   */
  public Map<PathId, List<Instance>> instancesByApp() {
    List<Instance> all = scheduler().map(ServiceScheduler::instances).orElse(List.of());
    Grouped last = grouped;
    if (last != null && sameElements(last.all(), all)) {
      return last.byApp();
    }
    Map<PathId, List<Instance>> byApp = new HashMap<>();
    for (Instance i : all) {
      byApp.computeIfAbsent(i.appId(), k -> new ArrayList<>()).add(i);
    }
    byApp.replaceAll((k, v) -> List.copyOf(v));
    grouped = new Grouped(all, Map.copyOf(byApp));
    return grouped.byApp();
  }

  private record Grouped(List<Instance> all, Map<PathId, List<Instance>> byApp) {}

  private static boolean sameElements(List<Instance> a, List<Instance> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  public List<ServiceScheduler.DeploymentStatus> deployments() {
    return scheduler().map(ServiceScheduler::deployments).orElse(List.of());
  }
}
