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
import io.dcos.marathon.core.deployment.DeploymentPlan;
import io.dcos.marathon.core.deployment.DeploymentPlanner;
import io.dcos.marathon.core.instances.Instance;
import io.dcos.marathon.core.instances.InstanceId;
import io.dcos.marathon.core.instances.InstanceStateMachine;
import io.dcos.marathon.core.instances.Transition;
import io.dcos.marathon.core.launch.QueueEntry;
import io.dcos.marathon.core.model.AppDefinition;
import io.dcos.marathon.core.model.PathId;
import io.dcos.marathon.core.model.RootGroup;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The framework on the kernel and the scheduler behind the REST API. All state ({@link
 * SchedulerState}) lives on one loop thread that exists only while this instance leads: kernel
 * events, API calls and timer ticks are queued to it. Offers go to the {@link OfferProcessor},
 * status updates to the {@link StatusUpdateProcessor}, and after every change the {@link
 * DeploymentExecutor} re-evaluates the running deployments and supervises the other apps.
 * Invariant: an instance is stored before its task is launched, and a status update is acknowledged
 * only after its instance change is stored.
 */
public final class MarathonScheduler implements ServiceScheduler, LeadershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(MarathonScheduler.class);

  private final SchedulingProperties props;
  private final FrameworkProperties framework;
  private final GroupRepository groups;
  private final InstanceRepository instanceStore;
  private final DeploymentRepository deploymentStore;
  private final FrameworkIdRepository frameworkIds;
  private final InstanceRecords instanceRecords;
  private final PlanRecords planRecords;
  private final SchedulerEvents events;
  private final KernelConnector connector;
  private final Clock clock;
  private final ReadinessChecks readinessChecks;

  private final SchedulerLoop loop = new SchedulerLoop();
  private volatile SchedulerClient client;

  // Loop-thread state and the parts that act on it.
  private final SchedulerState state;
  private final InstanceChanges changes;
  private final DeploymentExecutor executor;
  private final StatusUpdateProcessor statusUpdates;
  private final OfferProcessor offers;

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
    this.instanceRecords = instanceRecords;
    this.planRecords = planRecords;
    this.events = events;
    this.connector = connector;
    this.clock = clock;
    this.readinessChecks = new ReadinessChecks(props.readinessTimeout(), clock);
    this.state = new SchedulerState(groups);
    this.changes =
        new InstanceChanges(state, instanceStore, instanceRecords, events, tx, () -> client);
    this.executor =
        new DeploymentExecutor(
            state,
            groups,
            deploymentStore,
            planRecords,
            tx,
            events,
            changes,
            readinessChecks,
            () -> client);
    this.statusUpdates =
        new StatusUpdateProcessor(state, changes, executor, events, () -> client, clock);
    this.offers =
        new OfferProcessor(
            state,
            executor,
            instanceStore,
            instanceRecords,
            events,
            props,
            framework.role(),
            () -> client,
            clock);
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
    state.reset(clock);
    statusUpdates.reset();
    groups.reload();
    for (var row : instanceStore.all()) {
      Instance i = instanceRecords.fromRow(row);
      state.instances.put(i.id(), i);
    }
    for (var row : deploymentStore.all()) {
      Optional<RunningDeployment> d = planRecords.fromRow(row);
      if (d.isPresent()) {
        state.deployments.add(d.get());
      } else {
        LOG.warn("deployment {} refers to root group versions no longer kept; dropped", row.id());
        deploymentStore.delete(row.id());
      }
    }
    LOG.info(
        "leading with {} instances and {} deployments",
        state.instances.size(),
        state.deployments.size());
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
      submit(() -> MarathonScheduler.this.offers.process(offers));
    }

    @Override
    public void update(TaskStatus status) {
      statusUpdates.received(status, MarathonScheduler.this::submit);
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

  // ---- Kernel events and ticks (loop thread) ----

  private void onSubscribed(String frameworkId, MasterInfo master) {
    frameworkIds.set(frameworkId);
    events.registered(frameworkId, master.getHostname() + ":" + master.getPort());
    state.suppressed = false;
    reconcileNow();
    executor.evaluate();
  }

  private void reconcileNow() {
    SchedulerClient c = client;
    if (c == null) {
      return;
    }
    List<Call.Reconcile.Task> tasks = new ArrayList<>();
    for (Instance i : state.instances.values()) {
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
    state.lastReconciliation = clock.instant();
  }

  private void tick() {
    Instant now = clock.instant();
    for (Instance i : List.copyOf(state.instances.values())) {
      if (i.unreachableSince() == null) {
        continue;
      }
      Optional<AppDefinition> app = state.app(i.appId());
      if (app.isEmpty()) {
        continue;
      }
      Transition t = InstanceStateMachine.tick(i, app.get().unreachableStrategy(), now);
      if (t.changed()) {
        changes.store(i, t);
        changes.effects(t.effects());
      }
    }
    readinessChecks.poll(executor::readinessTargets, this::submit);
    if (client != null
        && client.isSubscribed()
        && now.isAfter(state.lastReconciliation.plus(props.reconciliationInterval()))) {
      reconcileNow();
    }
    executor.evaluate();
  }

  // ---- ServiceScheduler (API threads) ----

  @Override
  public DeployResult deploy(RootGroup original, RootGroup target, boolean force) {
    return call(() -> executor.deploy(original, target, force));
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
    return call(executor::statuses);
  }

  @Override
  public CancelResult cancel(String deploymentId, boolean force) {
    return call(() -> executor.cancel(deploymentId, force));
  }

  @Override
  public List<Instance> instances(PathId appId) {
    if (!loop.running()) {
      return instanceStore.all().stream()
          .filter(r -> r.appId().equals(appId.toString()))
          .map(instanceRecords::fromRow)
          .toList();
    }
    return call(() -> List.copyOf(state.instancesOf(appId)));
  }

  @Override
  public List<Instance> instances() {
    if (!loop.running()) {
      return instanceStore.all().stream().map(instanceRecords::fromRow).toList();
    }
    return call(() -> List.copyOf(state.instances.values()));
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
            iid.map(state.instances::get)
                .filter(i -> i.appId().equals(appId))
                .filter(i -> !chosen.contains(i))
                .ifPresent(chosen::add);
          }
          for (Instance i : chosen) {
            if (wipe) {
              instanceStore.delete(i.id().toString());
              state.instances.remove(i.id());
              changes.killTask(i);
            } else if (scale) {
              changes.decommission(i);
            } else {
              changes.killTask(i);
            }
          }
          Optional<DeploymentPlan> plan = Optional.empty();
          if (scale && !chosen.isEmpty()) {
            plan = executor.scaleDown(appId, chosen.size());
          }
          executor.evaluate();
          return new KillResult(List.copyOf(chosen), plan);
        });
  }

  @Override
  public List<QueueEntry> queue() {
    if (!loop.running()) {
      return List.of();
    }
    return call(() -> state.queue.entries());
  }

  @Override
  public boolean resetDelay(PathId appId) {
    return call(
        () -> {
          if (state.queue.count(appId) == 0) {
            return false;
          }
          state.delays.reset(appId);
          executor.evaluate();
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
