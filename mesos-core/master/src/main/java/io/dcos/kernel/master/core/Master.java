package io.dcos.kernel.master.core;

import io.dcos.kernel.master.allocation.Allocator;
import io.dcos.kernel.master.config.MasterProperties;
import io.dcos.kernel.master.election.MasterContender;
import io.dcos.kernel.master.registry.Registrar;
import io.dcos.kernel.master.state.AgentLink;
import io.dcos.kernel.master.state.FrameworkLink;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.Register;
import io.dcos.kernel.protocol.scheduler.Call;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master: one event loop thread owns all cluster state, as libprocess actors do in Mesos.
 * Adapters (gRPC streams, HTTP) post work to the loop and never touch state themselves. While not
 * the leader the master holds no cluster state and refuses calls. Invariant: every state change
 * happens on the loop thread within a single term of leadership.
 */
public final class Master implements MasterContender.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(Master.class);

  private final MasterContext context;
  private final MasterInfo self;
  private final Supplier<Allocator> allocators;
  private final ScheduledExecutorService loop;
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();
  private volatile Cluster cluster;
  private volatile boolean recovered;
  private ScheduledFuture<?> pendingAllocation;
  private ScheduledFuture<?> filterWakeup;

  private AgentFlow agents;
  private FrameworkFlow frameworks;
  private SchedulerCalls calls;
  private OfferFlow offers;
  private RoleSettings roleSettings;

  public Master(
      MasterProperties properties,
      Clock clock,
      Registrar registrar,
      MasterInfo self,
      Supplier<Allocator> allocators) {
    this.self = self;
    this.allocators = allocators;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "master-loop");
              t.setDaemon(true);
              return t;
            });
    this.context = new MasterContext(properties, clock, registrar, new Observers(), loop);
  }

  public MasterInfo info() {
    return self;
  }

  /** True once this master leads and has recovered its registry. */
  public boolean isLeader() {
    return cluster != null && recovered;
  }

  public Observers observers() {
    return context.observers();
  }

  @Override
  public void elected() {
    loop.execute(this::becomeLeader);
  }

  @Override
  public void demoted() {
    loop.execute(this::stepDown);
  }

  private void becomeLeader() {
    if (cluster != null) {
      return;
    }
    Cluster c = new Cluster(self, context.now(), allocators.get());
    offers = new OfferFlow(context, c, this::requestAllocation);
    frameworks = new FrameworkFlow(context, c, offers, this::requestAllocation);
    agents = new AgentFlow(context, c, offers, frameworks, this::requestAllocation);
    calls = new SchedulerCalls(context, c, offers, frameworks, agents, this::requestAllocation);
    roleSettings = new RoleSettings(context, c, this::requestAllocation);
    cluster = c;
    try {
      new Recovery(context, c, frameworks).recover(context.registrar().recover());
    } catch (Exception e) {
      LOG.error("cannot recover the registry; giving up leadership of this term", e);
      cluster = null;
      System.exit(1);
      return;
    }
    recovered = true;
    Duration heartbeat = context.properties().heartbeatInterval();
    timers.add(
        loop.scheduleAtFixedRate(
            this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS));
    long check = Math.max(50, context.properties().agentPingTimeout().toMillis() / 10);
    timers.add(loop.scheduleAtFixedRate(this::checkTimeouts, check, check, TimeUnit.MILLISECONDS));
    LOG.info(
        "leading the cluster: {} agents and {} frameworks to recover",
        c.recoveringAgents.size(),
        c.frameworks.size());
    requestAllocation();
  }

  private void stepDown() {
    Cluster c = cluster;
    if (c == null) {
      return;
    }
    cluster = null;
    recovered = false;
    timers.forEach(t -> t.cancel(false));
    timers.clear();
    c.agentByLink.keySet().forEach(l -> l.close("this master is no longer the leader"));
    c.frameworkByLink.keySet().forEach(l -> l.fail("this master is no longer the leader"));
    context.observers().closeAll("this master is no longer the leader");
    LOG.warn(
        "stepped down; {} agent and {} framework streams closed",
        c.agents.size(),
        c.frameworks.size());
  }

  private void checkTimeouts() {
    if (cluster != null) {
      agents.checkHeartbeats();
      frameworks.checkFailoverTimeouts();
    }
  }

  /** Runs an allocation pass soon; requests made before it runs are served by the same pass. */
  void requestAllocation() {
    if (pendingAllocation == null || pendingAllocation.isDone()) {
      pendingAllocation = loop.schedule(this::allocate, 0, TimeUnit.MILLISECONDS);
    }
  }

  private void allocate() {
    if (cluster == null) {
      return;
    }
    offers.allocate();
    cluster.allocator.nextFilterExpiry().ifPresent(this::wakeAt);
  }

  private void wakeAt(java.time.Instant when) {
    long delay = Math.max(1, Duration.between(context.now(), when).toMillis());
    if (filterWakeup != null && !filterWakeup.isDone()) {
      if (filterWakeup.getDelay(TimeUnit.MILLISECONDS) <= delay) {
        return;
      }
      filterWakeup.cancel(false);
    }
    filterWakeup = loop.schedule(this::requestAllocation, delay, TimeUnit.MILLISECONDS);
  }

  // ---- entry points for the adapters; each hops onto the loop ----

  public void agentConnected(AgentLink link, Register register) {
    loop.execute(
        () -> {
          if (cluster == null) {
            link.close("this master is not the leader");
          } else {
            agents.register(link, register);
          }
        });
  }

  public void agentMessage(AgentLink link, AgentMessage message) {
    agentMessages(link, List.of(message));
  }

  /** Messages that arrived together on an agent's stream, handled in order in one loop turn. */
  public void agentMessages(AgentLink link, List<AgentMessage> messages) {
    Cluster c = cluster;
    if (c != null) {
      c.lastHeard.put(link, context.now());
    }
    loop.execute(
        () -> {
          for (AgentMessage message : messages) {
            if (cluster == null) {
              return;
            }
            agents.message(link, message);
          }
        });
  }

  public void agentDisconnected(AgentLink link) {
    loop.execute(
        () -> {
          if (cluster != null) {
            agents.disconnected(link);
          }
        });
  }

  public void schedulerCall(FrameworkLink link, Call call) {
    schedulerCalls(link, List.of(call));
  }

  /** Calls that arrived together on a scheduler stream, handled in order in one loop turn. */
  public void schedulerCalls(FrameworkLink link, List<Call> batch) {
    loop.execute(
        () -> {
          for (Call call : batch) {
            if (cluster == null) {
              link.fail("this master is not the leader");
              return;
            } else if (call.getType() == Call.Type.SUBSCRIBE) {
              frameworks.subscribe(link, call);
            } else {
              calls.handle(link, call);
            }
          }
        });
  }

  public void schedulerDisconnected(FrameworkLink link) {
    loop.execute(
        () -> {
          if (cluster != null) {
            frameworks.disconnected(link);
          }
        });
  }

  /** Frameworks and operator subscribers hear that this master is alive. */
  private void heartbeat() {
    frameworks.heartbeat();
    context.observers().publish(OperatorEvents::heartbeat);
  }

  /** Subscribes an operator stream: the snapshot first, then every event, in order. */
  public void subscribeOperator(Observers.Subscriber subscriber) {
    loop.execute(
        () -> {
          if (cluster == null) {
            subscriber.close("this master is not the leader");
            return;
          }
          if (subscriber.send(OperatorEvents.subscribed(cluster, context))) {
            context.observers().add(subscriber);
          }
        });
  }

  /** Sets role weights (all or none); completes once durable and in force, or refused. */
  public CompletableFuture<RoleSettingOutcome> updateWeights(List<RoleWeight> weights) {
    return changeRoles(r -> r.updateWeights(List.copyOf(weights)));
  }

  /** Sets or replaces a role's quota; completes once durable and in force, or refused. */
  public CompletableFuture<RoleSettingOutcome> setQuota(QuotaRequest request) {
    return changeRoles(r -> r.setQuota(request));
  }

  /** Removes a role's quota; completes once durable and in force, or refused. */
  public CompletableFuture<RoleSettingOutcome> removeQuota(String role) {
    return changeRoles(r -> r.removeQuota(role));
  }

  private CompletableFuture<RoleSettingOutcome> changeRoles(
      Function<RoleSettings, CompletableFuture<RoleSettingOutcome>> change) {
    CompletableFuture<RoleSettingOutcome> result = new CompletableFuture<>();
    try {
      loop.execute(
          () -> {
            if (cluster == null) {
              result.complete(RoleSettingOutcome.notLeader());
              return;
            }
            change
                .apply(roleSettings)
                .whenComplete(
                    (outcome, error) ->
                        result.complete(
                            error != null ? RoleSettingOutcome.notDurable(error) : outcome));
          });
    } catch (RejectedExecutionException stopped) {
      result.complete(RoleSettingOutcome.notLeader());
    }
    return result;
  }

  /** Reads the cluster on the loop thread; empty result when not leading. */
  public <T> T query(Function<ClusterView, T> reader, T whenNotLeading) {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.execute(
        () -> {
          Cluster c = cluster;
          result.complete(c == null ? whenNotLeading : reader.apply(new ClusterView(c, context)));
        });
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the cluster state", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the cluster state: " + e, e);
    }
  }

  public void shutdown() {
    loop.execute(this::stepDown);
    loop.shutdown();
  }
}
