package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.marathon.core.deployment.ActionOrders;
import io.dcos.marathon.core.deployment.ActionProgress;
import io.dcos.marathon.core.deployment.DeploymentAction;
import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.deployment.DeploymentPlanner;
import io.dcos.marathon.core.instances.Goal;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceEffect;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.instances.InstanceStateMachine;
import io.dcos.marathon.core.instances.KillSelector;
import io.dcos.marathon.core.instances.TaskUpdate;
import io.dcos.marathon.core.instances.Transition;
import io.dcos.marathon.core.launch.LaunchDelays;
import io.dcos.marathon.core.launch.LaunchQueue;
import io.dcos.marathon.core.launch.QueueEntry;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
import io.dcos.marathon.core.placement.AgentPlace;
import io.dcos.marathon.server.config.FrameworkProperties;
import io.dcos.marathon.server.leadership.LeadershipListener;
import io.dcos.marathon.server.store.DeploymentRepository;
import io.dcos.marathon.server.store.FrameworkIdRepository;
import io.dcos.marathon.server.store.GroupRepository;
import io.dcos.marathon.server.store.InstanceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The framework on the kernel and the executor of deployments. All state lives on one loop thread
 * that exists only while this instance leads: kernel events, API calls and timer ticks are queued
 * to it. After every change the loop re-evaluates the running deployments (pure {@link
 * ActionProgress}) and supervises the other apps, then carries out the orders: queue launches, kill
 * instances. Invariant: an instance is stored before its task is launched, and a status update is
 * acknowledged only after its instance change is stored.
 */
public final class MarathonScheduler implements ServiceScheduler, LeadershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(MarathonScheduler.class);

  private final SchedulingProperties props;
  private final FrameworkProperties framework;
  private final GroupRepository groups;
  private final InstanceRepository instanceStore;
  private final DeploymentRepository deploymentStore;
  private final FrameworkIdRepository frameworkIds;
  private final TransactionTemplate tx;
  private final InstanceRecords instanceRecords;
  private final PlanRecords planRecords;
  private final SchedulerEvents events;
  private final KernelConnector connector;
  private final Clock clock;
  private final ReadinessChecks readinessChecks;

  private final SchedulerLoop loop = new SchedulerLoop();
  private volatile SchedulerClient client;

  // Loop-thread state.
  private final Map<InstanceId, Instance> instances = new LinkedHashMap<>();
  private final List<RunningDeployment> deployments = new ArrayList<>();
  private LaunchDelays delays;
  private LaunchQueue queue;
  private boolean suppressed;
  private Instant lastReconciliation = Instant.EPOCH;

  public MarathonScheduler(
      SchedulingProperties props,
      FrameworkProperties framework,
      GroupRepository groups,
      InstanceRepository instanceStore,
      DeploymentRepository deploymentStore,
      FrameworkIdRepository frameworkIds,
      TransactionTemplate tx,
      InstanceRecords instanceRecords,
      PlanRecords planRecords,
      SchedulerEvents events,
      KernelConnector connector,
      Clock clock) {
    this.props = props;
    this.framework = framework;
    this.groups = groups;
    this.instanceStore = instanceStore;
    this.deploymentStore = deploymentStore;
    this.frameworkIds = frameworkIds;
    this.tx = tx;
    this.instanceRecords = instanceRecords;
    this.planRecords = planRecords;
    this.events = events;
    this.connector = connector;
    this.clock = clock;
    this.readinessChecks = new ReadinessChecks(props.readinessTimeout(), clock);
  }

  // ---- Leadership ----

  @Override
  public synchronized void onElected() {
    loop.start(this::recover, this::tick, props.tick());
  }

  @Override
  public synchronized void onDefeated() {
    loop.stop();
    SchedulerClient c = client;
    client = null;
    if (c != null) {
      c.close();
    }
  }

  /** Stops the loop and the kernel connection (the framework stays registered). */
  public void close() {
    onDefeated();
  }

  private void recover() {
    instances.clear();
    deployments.clear();
    delays = new LaunchDelays(clock);
    queue = new LaunchQueue(delays);
    suppressed = false;
    groups.reload();
    for (var row : instanceStore.all()) {
      Instance i = instanceRecords.fromRow(row);
      instances.put(i.id(), i);
    }
    for (var row : deploymentStore.all()) {
      Optional<RunningDeployment> d = planRecords.fromRow(row);
      if (d.isPresent()) {
        deployments.add(d.get());
      } else {
        LOG.warn("deployment {} refers to root group versions no longer kept; dropped", row.id());
        deploymentStore.delete(row.id());
      }
    }
    LOG.info("leading with {} instances and {} deployments", instances.size(), deployments.size());
    FrameworkInfo.Builder info =
        FrameworkInfo.newBuilder()
            .setName(framework.name())
            .setUser(framework.user())
            .setFailoverTimeout(framework.failoverTimeout().toSeconds())
            .setCheckpoint(true)
            .addRoles(framework.role())
            .addCapabilities(capability(FrameworkInfo.Capability.Type.PARTITION_AWARE))
            .addCapabilities(capability(FrameworkInfo.Capability.Type.TASK_KILLING_STATE))
            .addCapabilities(capability(FrameworkInfo.Capability.Type.GPU_RESOURCES))
            .addCapabilities(capability(FrameworkInfo.Capability.Type.MULTI_ROLE));
    frameworkIds.get().ifPresent(id -> info.setId(FrameworkID.newBuilder().setValue(id)));
    client = connector.connect(info.build(), new KernelEvents());
  }

  private static FrameworkInfo.Capability capability(FrameworkInfo.Capability.Type type) {
    return FrameworkInfo.Capability.newBuilder().setType(type).build();
  }

  /** Forwards the kernel's events to the loop. */
  private final class KernelEvents implements Scheduler {
    @Override
    public void subscribed(FrameworkID frameworkId, MasterInfo master) {
      submit(() -> onSubscribed(frameworkId.getValue(), master));
    }

    @Override
    public void offers(List<Offer> offers) {
      submit(() -> onOffers(offers));
    }

    @Override
    public void update(TaskStatus status) {
      submit(() -> onStatus(status));
    }

    @Override
    public void error(String message) {
      LOG.warn("kernel error: {}", message);
    }

    @Override
    public void disconnected(String reason) {
      LOG.info("disconnected from the kernel: {}", reason);
    }
  }

  private void submit(Runnable r) {
    loop.submit(r);
  }

  private <T> T call(Callable<T> c) {
    return loop.call(c, props.callTimeout());
  }

  // ---- Kernel events (loop thread) ----

  private void onSubscribed(String frameworkId, MasterInfo master) {
    frameworkIds.set(frameworkId);
    events.registered(frameworkId, master.getHostname() + ":" + master.getPort());
    suppressed = false;
    reconcileNow();
    evaluate();
  }

  private void reconcileNow() {
    SchedulerClient c = client;
    if (c == null) {
      return;
    }
    List<Call.Reconcile.Task> tasks = new ArrayList<>();
    for (Instance i : instances.values()) {
      tasks.add(
          Call.Reconcile.Task.newBuilder()
              .setTaskId(TaskID.newBuilder().setValue(i.taskId()))
              .setAgentId(AgentID.newBuilder().setValue(i.agent().agentId()))
              .build());
    }
    if (!tasks.isEmpty()) {
      c.reconcile(tasks);
    }
    c.reconcileAll();
    lastReconciliation = clock.instant();
  }

  private void onStatus(TaskStatus status) {
    Optional<TaskUpdate> update = StatusUpdates.of(status, clock.instant());
    Optional<InstanceId.TaskRef> ref = InstanceId.parseTaskId(status.getTaskId().getValue());
    Instance instance = ref.map(r -> instances.get(r.instanceId())).orElse(null);
    if (update.isEmpty() || instance == null) {
      if (update.isPresent() && !update.get().condition().terminal()) {
        // A task nobody knows (orphan): it must not keep running.
        LOG.info("killing unknown task {}", status.getTaskId().getValue());
        client.kill(status.getTaskId(), status.getAgentId());
      }
      client.acknowledge(status);
      return;
    }
    Transition t = InstanceStateMachine.update(instance, update.get());
    if (t.changed()) {
      store(instance, t);
    }
    client.acknowledge(status);
    Instance after = t.next().orElse(instance.withCondition(update.get().condition()));
    events.status(after, status.getState().name(), status.getMessage());
    effects(t.effects());
    evaluate();
  }

  private void store(Instance before, Transition t) {
    if (t.expunged()) {
      instanceStore.delete(before.id().toString());
      instances.remove(before.id());
    } else {
      Instance next = t.next().orElseThrow();
      instanceStore.save(instanceRecords.toRow(next));
      instances.put(next.id(), next);
    }
  }

  private void effects(List<InstanceEffect> effects) {
    for (InstanceEffect e : effects) {
      if (e instanceof InstanceEffect.BackoffFailure f) {
        app(f.appId()).ifPresent(a -> delays.failed(a.id(), a.backoffStrategy()));
      } else if (e instanceof InstanceEffect.BackoffReset r) {
        delays.reset(r.appId());
      } else if (e instanceof InstanceEffect.HealthChanged h) {
        events.health(h.instance(), h.healthy());
      } else if (e instanceof InstanceEffect.UnhealthyKilled u) {
        events.unhealthyKilled(u.instance());
      } else if (e instanceof InstanceEffect.KillTask k) {
        killTask(k.instance());
      }
    }
  }

  private void killTask(Instance i) {
    SchedulerClient c = client;
    if (c == null) {
      return;
    }
    TaskID id = TaskID.newBuilder().setValue(i.taskId()).build();
    AgentID agent = AgentID.newBuilder().setValue(i.agent().agentId()).build();
    Optional<AppDefinition> app = app(i.appId());
    if (app.isPresent() && app.get().taskKillGracePeriod() != null) {
      c.kill(id, agent, app.get().taskKillGracePeriod());
    } else {
      c.kill(id, agent);
    }
  }

  private void onOffers(List<Offer> offers) {
    evaluate();
    Map<AppDefinition, Integer> wanted = queue.launchable();
    if (wanted.isEmpty()) {
      decline(offers, props.declineWhileIdle().toSeconds());
      return;
    }
    Map<PathId, List<AgentPlace>> placed = new HashMap<>();
    for (Instance i : instances.values()) {
      if (i.condition().active()) {
        placed.computeIfAbsent(i.appId(), k -> new ArrayList<>()).add(i.agent());
      }
    }
    OfferPlacement.Result placement =
        OfferPlacement.place(
            offers, wanted, placed, framework.role(), clock.instant(), UUID::randomUUID);
    for (OfferPlacement.Launch launch : placement.launches()) {
      List<Instance> launched = launch.instances();
      launched.forEach(i -> queue.launched(i.appId()));
      instanceStore.saveAll(launched.stream().map(instanceRecords::toRow).toList());
      launched.forEach(i -> instances.put(i.id(), i));
      client.launch(launch.offer().getId(), launch.tasks());
      launched.forEach(i -> events.status(i, "TASK_STAGING", ""));
    }
    if (!placement.unused().isEmpty()) {
      client.decline(placement.unused(), props.declineWhileWaiting().toSeconds());
    }
  }

  private void decline(List<Offer> offers, double seconds) {
    client.decline(offers.stream().map(Offer::getId).toList(), seconds);
  }

  // ---- Evaluation (loop thread) ----

  private void tick() {
    Instant now = clock.instant();
    for (Instance i : List.copyOf(instances.values())) {
      if (i.unreachableSince() == null) {
        continue;
      }
      Optional<AppDefinition> app = app(i.appId());
      if (app.isEmpty()) {
        continue;
      }
      Transition t = InstanceStateMachine.tick(i, app.get().unreachableStrategy(), now);
      if (t.changed()) {
        store(i, t);
        effects(t.effects());
      }
    }
    readinessChecks.poll(this::readinessTargets, this::submit);
    if (client != null
        && client.isSubscribed()
        && now.isAfter(lastReconciliation.plus(props.reconciliationInterval()))) {
      reconcileNow();
    }
    evaluate();
  }

  /** The current app definition: the one a running deployment works towards, else the root's. */
  private Optional<AppDefinition> app(PathId id) {
    for (RunningDeployment d : deployments) {
      for (DeploymentAction a : d.currentActions()) {
        if (a.appId().equals(id)) {
          return Optional.of(a.app());
        }
      }
    }
    return groups.root().app(id);
  }

  private List<Instance> instancesOf(PathId appId) {
    return instances.values().stream().filter(i -> i.appId().equals(appId)).toList();
  }

  private boolean ready(Instance i) {
    Optional<AppDefinition> app = app(i.appId());
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
  private List<ReadinessChecks.Target> readinessTargets() {
    List<ReadinessChecks.Target> out = new ArrayList<>();
    for (RunningDeployment d : deployments) {
      for (DeploymentAction a : d.currentActions()) {
        if (a.app().readinessChecks().isEmpty()) {
          continue;
        }
        Instant version = ActionProgress.version(a.app());
        for (Instance i : instancesOf(a.appId())) {
          if (i.appVersion().equals(version) && i.runningAndHealthy()) {
            out.add(new ReadinessChecks.Target(a.app(), i));
          }
        }
      }
    }
    return out;
  }

  private void evaluate() {
    Set<PathId> locked = new HashSet<>();
    Map<PathId, ActionOrders> orders = new LinkedHashMap<>();
    for (int n = 0; n < deployments.size(); n++) {
      RunningDeployment d = deployments.get(n);
      locked.addAll(d.plan().affectedApps());
      boolean advanced = true;
      while (advanced && !d.finished()) {
        advanced = false;
        Map<PathId, ActionOrders> step = new LinkedHashMap<>();
        for (DeploymentAction a : d.currentActions()) {
          step.put(a.appId(), ActionProgress.evaluate(a, instancesOf(a.appId()), this::ready));
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
        deployments.remove(n);
        n--;
      } else {
        deployments.set(n, d);
      }
    }
    RootGroup root = groups.root();
    for (AppDefinition app : root.apps()) {
      if (locked.contains(app.id())) {
        continue;
      }
      List<Instance> serving =
          instancesOf(app.id()).stream()
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
    for (Instance i : List.copyOf(instances.values())) {
      if (!locked.contains(i.appId())
          && root.app(i.appId()).isEmpty()
          && i.goal() == Goal.RUNNING) {
        decommission(i);
      }
    }
    for (QueueEntry e : queue.entries()) {
      if (!orders.containsKey(e.app().id())) {
        queue.set(e.app(), 0);
      }
    }
    orders.forEach(
        (id, o) -> {
          queue.set(o.launch(), o.queued());
          o.kill().forEach(this::decommission);
        });
    reviveOrSuppress();
  }

  private void decommission(Instance i) {
    Transition t = InstanceStateMachine.decommission(i);
    store(i, t);
    effects(t.effects());
  }

  private void reviveOrSuppress() {
    SchedulerClient c = client;
    if (c == null || !c.isSubscribed()) {
      return;
    }
    boolean want = !queue.idle();
    if (want && suppressed) {
      c.revive();
      suppressed = false;
    } else if (!want && !suppressed) {
      c.suppress();
      suppressed = true;
    }
  }

  // ---- ServiceScheduler (API threads) ----

  @Override
  public DeployResult deploy(RootGroup original, RootGroup target, boolean force) {
    return call(() -> deployOnLoop(original, target, force));
  }

  private DeployResult deployOnLoop(RootGroup original, RootGroup target, boolean force) {
    DeploymentPlan plan = DeploymentPlanner.plan(UUID.randomUUID().toString(), original, target);
    List<RunningDeployment> conflicts =
        deployments.stream().filter(d -> d.plan().conflictsWith(plan)).toList();
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
      deployments.remove(d);
      events.failed(d, "canceled by a forced deployment");
    }
    if (!plan.isEmpty()) {
      deployments.add(running);
      events.deploymentInfo(running);
    }
    evaluate();
    return new DeployResult.Started(plan);
  }

  @Override
  public DeploymentPlan dryRun(RootGroup original, RootGroup target) {
    return DeploymentPlanner.plan(UUID.randomUUID().toString(), original, target);
  }

  @Override
  public List<DeploymentStatus> deployments() {
    if (!loop.running()) {
      return List.of();
    }
    return call(
        () ->
            deployments.stream()
                .map(
                    d ->
                        new DeploymentStatus(
                            d.plan(),
                            Math.min(d.step() + 1, d.plan().steps().size()),
                            readinessChecks.results(
                                d.currentActions().stream().map(DeploymentAction::appId).toList())))
                .toList());
  }

  @Override
  public CancelResult cancel(String deploymentId, boolean force) {
    return call(
        () -> {
          Optional<RunningDeployment> found =
              deployments.stream().filter(d -> d.plan().id().equals(deploymentId)).findFirst();
          if (found.isEmpty()) {
            return new CancelResult.NotFound();
          }
          RunningDeployment d = found.get();
          deployments.remove(d);
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
            back =
                before.isPresent()
                    ? back.putApp(before.get(), version)
                    : back.removeApp(id, version);
          }
          DeployResult r = deployOnLoop(current, back, true);
          return new CancelResult.RolledBack(((DeployResult.Started) r).plan());
        });
  }

  @Override
  public List<Instance> instances(PathId appId) {
    if (!loop.running()) {
      return instanceStore.all().stream()
          .filter(r -> r.appId().equals(appId.toString()))
          .map(instanceRecords::fromRow)
          .toList();
    }
    return call(() -> List.copyOf(instancesOf(appId)));
  }

  @Override
  public List<Instance> instances() {
    if (!loop.running()) {
      return instanceStore.all().stream().map(instanceRecords::fromRow).toList();
    }
    return call(() -> List.copyOf(instances.values()));
  }

  @Override
  public KillResult kill(PathId appId, Collection<String> ids, boolean scale, boolean wipe) {
    return call(
        () -> {
          List<Instance> chosen = new ArrayList<>();
          for (String id : ids) {
            Optional<InstanceId> iid =
                InstanceId.parseTaskId(id)
                    .map(InstanceId.TaskRef::instanceId)
                    .or(() -> InstanceId.parse(id));
            iid.map(instances::get)
                .filter(i -> i.appId().equals(appId))
                .filter(i -> !chosen.contains(i))
                .ifPresent(chosen::add);
          }
          for (Instance i : chosen) {
            if (wipe) {
              instanceStore.delete(i.id().toString());
              instances.remove(i.id());
              killTask(i);
            } else if (scale) {
              decommission(i);
            } else {
              killTask(i);
            }
          }
          Optional<DeploymentPlan> plan = Optional.empty();
          if (scale && !chosen.isEmpty()) {
            RootGroup current = groups.root();
            Optional<AppDefinition> app = current.app(appId);
            if (app.isPresent()) {
              Instant version = groups.nextVersion();
              AppDefinition scaled =
                  app.get().toBuilder()
                      .instances(Math.max(0, app.get().instances() - chosen.size()))
                      .versionInfo(
                          app.get().versionInfo() == null
                              ? null
                              : app.get().versionInfo().scaledAt(version))
                      .build();
              DeployResult r = deployOnLoop(current, current.putApp(scaled, version), true);
              plan = Optional.of(((DeployResult.Started) r).plan());
            }
          }
          evaluate();
          return new KillResult(List.copyOf(chosen), plan);
        });
  }

  @Override
  public List<QueueEntry> queue() {
    if (!loop.running()) {
      return List.of();
    }
    return call(() -> queue.entries());
  }

  @Override
  public boolean resetDelay(PathId appId) {
    return call(
        () -> {
          if (queue.count(appId) == 0) {
            return false;
          }
          delays.reset(appId);
          evaluate();
          return true;
        });
  }

  @Override
  public void reconcile() {
    call(
        () -> {
          reconcileNow();
          return null;
        });
  }

  @Override
  public Optional<String> frameworkId() {
    SchedulerClient c = client;
    if (c != null && c.frameworkId().isPresent()) {
      return c.frameworkId().map(FrameworkID::getValue);
    }
    return frameworkIds.get();
  }
}
