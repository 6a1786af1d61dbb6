package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.marathon.core.deployment.ActionOrders;
import io.dcos.marathon.core.deployment.ActionProgress;
import io.dcos.marathon.core.deployment.DeploymentAction;
import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.deployment.DeploymentPlanner;
import io.dcos.marathon.core.instances.Goal;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.instances.KillSelector;
import io.dcos.marathon.core.launch.QueueEntry;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.server.scheduling.ServiceScheduler.CancelResult;
import io.dcos.marathon.server.scheduling.ServiceScheduler.DeployResult;
import io.dcos.marathon.server.store.DeploymentRepository;
import io.dcos.marathon.server.store.GroupRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out deployments and supervises the apps outside them. {@link #evaluate} re-evaluates
 * every running deployment (pure {@link ActionProgress}), advances finished steps, and turns the
 * orders into launch-queue counts and decommissioned instances; apps no deployment holds are kept
 * at their instance count. Invariant: a plan is stored with its target root group in one
 * transaction before it starts, and each advanced step is stored before its next step acts. Loop
 * thread only.
 */
final class DeploymentExecutor {
  private final SchedulerState state;
  private final GroupRepository groups;
  private final DeploymentRepository deploymentStore;
  private final PlanRecords planRecords;
  private final TransactionTemplate tx;
  private final SchedulerEvents events;
  private final InstanceChanges changes;
  private final ReadinessChecks readinessChecks;
  private final Supplier<SchedulerClient> client;

  DeploymentExecutor(
      SchedulerState state,
      GroupRepository groups,
      DeploymentRepository deploymentStore,
      PlanRecords planRecords,
      TransactionTemplate tx,
      SchedulerEvents events,
      InstanceChanges changes,
      ReadinessChecks readinessChecks,
      Supplier<SchedulerClient> client) {
    this.state = state;
    this.groups = groups;
    this.deploymentStore = deploymentStore;
    this.planRecords = planRecords;
    this.tx = tx;
    this.events = events;
    this.changes = changes;
    this.readinessChecks = readinessChecks;
    this.client = client;
  }

  private boolean ready(Instance i) {
    Optional<AppDefinition> app = state.app(i.appId());
    if (!i.runningAndHealthy()) {
      return false;
    }
    if (app.isPresent()
        && !app.get().healthChecks().isEmpty()
        && !Boolean.TRUE.equals(i.healthy())) {
      return false;
    }
    if (app.isPresent() && !app.get().readinessChecks().isEmpty()) {
      return readinessChecks.ready(i.id());
    }
    return true;
  }

  /** Instances whose readiness marathon-svc checks: new ones of apps in a current action. */
  List<ReadinessChecks.Target> readinessTargets() {
    List<ReadinessChecks.Target> out = new ArrayList<>();
    for (RunningDeployment d : state.deployments) {
      for (DeploymentAction a : d.currentActions()) {
        if (a.app().readinessChecks().isEmpty()) {
          continue;
        }
        Instant version = ActionProgress.version(a.app());
        for (Instance i : state.instancesOf(a.appId())) {
          if (i.appVersion().equals(version) && i.runningAndHealthy()) {
            out.add(new ReadinessChecks.Target(a.app(), i));
          }
        }
      }
    }
    return out;
  }

  void evaluate() {
    Set<PathId> locked = new HashSet<>();
    Map<PathId, ActionOrders> orders = new LinkedHashMap<>();
    for (int n = 0; n < state.deployments.size(); n++) {
      RunningDeployment d = state.deployments.get(n);
      locked.addAll(d.plan().affectedApps());
      boolean advanced = true;
      while (advanced && !d.finished()) {
        advanced = false;
        Map<PathId, ActionOrders> step = new LinkedHashMap<>();
        for (DeploymentAction a : d.currentActions()) {
          step.put(
              a.appId(), ActionProgress.evaluate(a, state.instancesOf(a.appId()), this::ready));
        }
        if (step.values().stream().allMatch(ActionOrders::done)) {
          RunningDeployment next = d.next();
          events.stepSuccess(d);
          for (DeploymentAction a : d.currentActions()) {
            if (a instanceof DeploymentAction.StopApplication) {
              events.appTerminated(a.appId().toString());
            }
          }
          d = next;
          advanced = true;
          if (!d.finished()) {
            deploymentStore.save(planRecords.toRow(d));
            events.deploymentInfo(d);
          }
        } else {
          orders.putAll(step);
        }
      }
      if (d.finished()) {
        deploymentStore.delete(d.plan().id());
        events.success(d);
        state.deployments.remove(n);
        n--;
      } else {
        state.deployments.set(n, d);
      }
    }
    RootGroup root = groups.root();
    for (AppDefinition app : root.apps()) {
      if (locked.contains(app.id())) {
        continue;
      }
      List<Instance> serving =
          state.instancesOf(app.id()).stream()
              .filter(i -> i.condition().active() && i.goal() == Goal.RUNNING)
              .toList();
      int missing = app.instances() - serving.size();
      orders.put(
          app.id(),
          new ActionOrders(
              app,
              Math.max(0, missing),
              KillSelector.select(serving, -missing, app.killSelection()),
              false));
    }
    // Instances of apps that exist nowhere any more (left by a force-cancelled deployment).
    Map<InstanceId, Instance> decommissioned = new LinkedHashMap<>();
    for (Instance i : state.instances.values()) {
      if (!locked.contains(i.appId())
          && root.app(i.appId()).isEmpty()
          && i.goal() == Goal.RUNNING) {
        decommissioned.put(i.id(), i);
      }
    }
    for (QueueEntry e : state.queue.entries()) {
      if (!orders.containsKey(e.app().id())) {
        state.queue.set(e.app(), 0);
      }
    }
    orders.forEach(
        (id, o) -> {
          state.queue.set(o.launch(), o.queued());
          o.kill().forEach(i -> decommissioned.put(i.id(), i));
        });
    // Stored in one transaction: stopping or scaling down an app is not one commit per instance.
    changes.decommissionAll(decommissioned.values());
    reviveOrSuppress();
  }

  private void reviveOrSuppress() {
    SchedulerClient c = client.get();
    if (c == null || !c.isSubscribed()) {
      return;
    }
    boolean want = !state.queue.idle();
    if (want && state.suppressed) {
      c.revive();
      state.suppressed = false;
    } else if (!want && !state.suppressed) {
      c.suppress();
      state.suppressed = true;
    }
  }

  /** Plans the change from {@code original} to {@code target}, stores and starts it. */
  DeployResult deploy(RootGroup original, RootGroup target, boolean force) {
    DeploymentPlan plan = DeploymentPlanner.plan(UUID.randomUUID().toString(), original, target);
    List<RunningDeployment> conflicts =
        state.deployments.stream().filter(d -> d.plan().conflictsWith(plan)).toList();
    if (!conflicts.isEmpty() && !force) {
      return new DeployResult.Conflict(conflicts.stream().map(d -> d.plan().id()).toList());
    }
    RunningDeployment running = new RunningDeployment(plan, 0);
    tx.executeWithoutResult(
        s -> {
          conflicts.forEach(d -> deploymentStore.delete(d.plan().id()));
          groups.save(target);
          if (!plan.isEmpty()) {
            deploymentStore.save(planRecords.toRow(running));
          }
        });
    for (RunningDeployment d : conflicts) {
      state.deployments.remove(d);
      events.failed(d, "canceled by a forced deployment");
    }
    if (!plan.isEmpty()) {
      state.deployments.add(running);
      events.deploymentInfo(running);
    }
    evaluate();
    return new DeployResult.Started(plan);
  }

  /** Stops a deployment: cancelled with {@code force}, otherwise rolled back by a new one. */
  CancelResult cancel(String deploymentId, boolean force) {
    Optional<RunningDeployment> found =
        state.deployments.stream().filter(d -> d.plan().id().equals(deploymentId)).findFirst();
    if (found.isEmpty()) {
      return new CancelResult.NotFound();
    }
    RunningDeployment d = found.get();
    state.deployments.remove(d);
    deploymentStore.delete(deploymentId);
    events.failed(d, force ? "canceled" : "rolled back");
    if (force) {
      evaluate();
      return new CancelResult.Cancelled();
    }
    RootGroup current = groups.root();
    Instant version = groups.nextVersion();
    RootGroup back = current;
    for (PathId id : d.plan().affectedApps()) {
      Optional<AppDefinition> before = d.plan().original().app(id);
      back = before.isPresent() ? back.putApp(before.get(), version) : back.removeApp(id, version);
    }
    DeployResult r = deploy(current, back, true);
    return new CancelResult.RolledBack(((DeployResult.Started) r).plan());
  }

  /** The running deployments with their 1-based current step and readiness results. */
  List<ServiceScheduler.DeploymentStatus> statuses() {
    return state.deployments.stream()
        .map(
            d ->
                new ServiceScheduler.DeploymentStatus(
                    d.plan(),
                    Math.min(d.step() + 1, d.plan().steps().size()),
                    readinessChecks.results(
                        d.currentActions().stream().map(DeploymentAction::appId).toList())))
        .toList();
  }

  /** Deploys {@code appId} with {@code killed} fewer instances (a kill with {@code scale}). */
  Optional<DeploymentPlan> scaleDown(PathId appId, int killed) {
    RootGroup current = groups.root();
    Optional<AppDefinition> app = current.app(appId);
    if (app.isEmpty()) {
      return Optional.empty();
    }
    Instant version = groups.nextVersion();
    AppDefinition scaled =
        app.get().toBuilder()
            .instances(Math.max(0, app.get().instances() - killed))
            .versionInfo(
                app.get().versionInfo() == null ? null : app.get().versionInfo().scaledAt(version))
            .build();
    DeployResult r = deploy(current, current.putApp(scaled, version), true);
    return Optional.of(((DeployResult.Started) r).plan());
  }
}
