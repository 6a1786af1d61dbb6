package io.dcos.marathon.server.bench;

import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.instances.Condition;
import io.dcos.marathon.core.instances.Goal;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.launch.QueueEntry;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.core.placement.AgentPlace;
import io.dcos.marathon.server.scheduling.ServiceScheduler;
import io.dcos.marathon.server.store.GroupRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A hand-written scheduler for API benchmarks: every app has all its instances running and healthy
 * on one of 500 agents; deployments are stored and finish at once. It measures the API's own cost,
 * not the kernel's.
 */
final class StaticInstances implements ServiceScheduler {
  private final GroupRepository groups;
  private volatile Instant builtFor;
  private volatile Map<PathId, List<Instance>> byApp = Map.of();

  StaticInstances(GroupRepository groups) {
    this.groups = groups;
  }

  private synchronized Map<PathId, List<Instance>> current() {
    RootGroup root = groups.root();
    if (root.version() != null && !root.version().equals(builtFor)) {
      List<Instance> all = new ArrayList<>();
      int n = 0;
      for (AppDefinition app : root.apps()) {
        for (int i = 0; i < app.instances(); i++, n++) {
          int agent = n % 500;
          AgentPlace place =
              new AgentPlace(
                  "agent-" + agent,
                  "10.0." + agent / 250 + "." + agent % 250,
                  Map.of(),
                  Optional.empty(),
                  Optional.empty());
          Instant staged = app.version();
          all.add(
              new Instance(
                  new InstanceId(app.id(), new UUID(n, i).toString()),
                  app.version(),
                  1,
                  place,
                  List.of(31000 + i),
                  Condition.RUNNING,
                  Goal.RUNNING,
                  Boolean.TRUE,
                  staged,
                  staged.plusSeconds(1),
                  null));
        }
      }
      byApp = all.stream().collect(Collectors.groupingBy(Instance::appId));
      builtFor = root.version();
    }
    return byApp;
  }

  @Override
  public DeployResult deploy(RootGroup original, RootGroup target, boolean force) {
    groups.save(target);
    return new DeployResult.Started(
        new DeploymentPlan(
            UUID.randomUUID().toString(), original, target, List.of(), target.version()));
  }

  @Override
  public DeploymentPlan dryRun(RootGroup original, RootGroup target) {
    return new DeploymentPlan("dry-run", original, target, List.of(), target.version());
  }

  @Override
  public List<DeploymentStatus> deployments() {
    return List.of();
  }

  @Override
  public CancelResult cancel(String deploymentId, boolean force) {
    return new CancelResult.NotFound();
  }

  @Override
  public List<Instance> instances(PathId appId) {
    return current().getOrDefault(appId, List.of());
  }

  @Override
  public List<Instance> instances() {
    return current().values().stream().flatMap(List::stream).toList();
  }

  @Override
  public KillResult kill(PathId appId, Collection<String> ids, boolean scale, boolean wipe) {
    return new KillResult(List.of(), Optional.empty());
  }

  @Override
  public List<QueueEntry> queue() {
    return List.of();
  }

  @Override
  public boolean resetDelay(PathId appId) {
    return false;
  }

  @Override
  public void reconcile() {}

  @Override
  public Optional<String> frameworkId() {
    return Optional.of("bench");
  }
}
