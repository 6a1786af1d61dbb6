package io.dcos.kernel.sdk;

import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.ExecutorID;
import io.dcos.kernel.protocol.ExecutorInfo;
import io.dcos.kernel.protocol.Filters;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskGroupInfo;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.Event;
import io.dcos.kernel.sdk.calls.Calls;
import io.dcos.kernel.sdk.connection.ConnectionSettings;
import io.dcos.kernel.sdk.connection.SchedulerConnection;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import io.dcos.kernel.sdk.events.EventDispatcher;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A framework's handle on the kernel: finds the leading master through ZooKeeper, subscribes, keeps
 * the subscription alive across lost streams, missed heartbeats and master failover (always
 * re-subscribing with the framework id the master gave first), hands events to a {@link Scheduler}
 * on one callback thread, and sends the framework's calls.
 *
 * <p>Calls are fire-and-forget on the subscribed stream: the master answers invalid ones with an
 * {@link Scheduler#error} event. A call made while not subscribed is not sent and throws {@link
 * NotSubscribedException}; it never disappears silently. Acknowledgements are never sent
 * automatically. {@link #close()} ends the connection but not the framework: its tasks keep running
 * for {@code failover_timeout}; {@link #teardown()} ends the framework.
 *
 * <pre>{@code
 * try (SchedulerClient client =
 *     SchedulerClient.builder(frameworkInfo, scheduler)
 *         .zooKeeper(ZooKeeperUrl.parse("zk://127.0.0.1:2181/mesos"))
 *         .start()) {
 *   FrameworkID id = client.subscription().get(30, TimeUnit.SECONDS);
 *   ...
 * }
 * }</pre>
 */
public final class SchedulerClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerClient.class);

  private final Scheduler scheduler;
  private final SchedulerConnection connection;
  private final MasterDetector detector;
  private final CuratorFramework ownedCurator;
  private final ScheduledExecutorService loop;
  private final ExecutorService callbacks;
  private final CompletableFuture<FrameworkID> firstSubscription = new CompletableFuture<>();
  private volatile FrameworkInfo frameworkInfo;
  private volatile boolean closed;

  private SchedulerClient(Builder b) {
    this.scheduler = b.scheduler;
    this.frameworkInfo = b.frameworkInfo;
    String name = b.frameworkInfo.getName().isEmpty() ? "framework" : b.frameworkInfo.getName();
    if (b.curator != null) {
      this.ownedCurator = null;
      this.detector = new MasterDetector(b.curator, b.path);
    } else {
      this.ownedCurator =
          CuratorFrameworkFactory.newClient(
              b.zooKeeper.connectString(), new ExponentialBackoffRetry(200, 10, 5_000));
      this.ownedCurator.start();
      this.detector = new MasterDetector(ownedCurator, b.zooKeeper.path());
    }
    this.loop = Executors.newSingleThreadScheduledExecutor(daemon("scheduler-sdk-loop-" + name));
    this.callbacks = Executors.newSingleThreadExecutor(daemon("scheduler-sdk-callbacks-" + name));
    this.connection =
        new SchedulerConnection(
            detector,
            b.frameworkInfo,
            b.settings,
            loop,
            new SchedulerConnection.Listener() {
              @Override
              public void event(Event event) {
                callback(() -> deliver(event));
              }

              @Override
              public void disconnected(String reason) {
                callback(() -> scheduler.disconnected(reason));
              }
            });
  }

  /** Starts building a client for {@code frameworkInfo} whose events go to {@code scheduler}. */
  public static Builder builder(FrameworkInfo frameworkInfo, Scheduler scheduler) {
    return new Builder(frameworkInfo, scheduler);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private SchedulerClient startInternal() {
    detector.start();
    connection.start();
    return this;
  }

  private void callback(Runnable r) {
    if (closed) {
      return;
    }
    try {
      callbacks.execute(
          () -> {
            if (closed) {
              return;
            }
            try {
              r.run();
            } catch (RuntimeException e) {
              LOG.error("scheduler callback failed", e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed meanwhile.
    }
  }

  private void deliver(Event event) {
    EventDispatcher.dispatch(event, scheduler);
    if (event.getType() == Event.Type.SUBSCRIBED) {
      firstSubscription.complete(event.getSubscribed().getFrameworkId());
    }
  }

  // ---- State ----

  /** The framework id, once the master gave one (or the one this client was built with). */
  public Optional<FrameworkID> frameworkId() {
    return connection.frameworkId();
  }

  /**
   * Completes with the framework id after the first SUBSCRIBED has been handed to {@link
   * Scheduler#subscribed}.
   */
  public CompletableFuture<FrameworkID> subscription() {
    return firstSubscription.copy();
  }

  /** True while a subscribed stream is open, so that calls can be sent. */
  public boolean isSubscribed() {
    return connection.isSubscribed();
  }

  /** The master this framework is subscribed to right now. */
  public Optional<MasterInfo> master() {
    return connection.master();
  }

  // ---- Calls; each throws NotSubscribedException when not subscribed. ----

  /** ACCEPT: applies {@code operations} to the resources of {@code offerIds}. */
  public void accept(
      Collection<OfferID> offerIds, Collection<Offer.Operation> operations, Filters filters) {
    send(Calls.accept(offerIds, operations, filters));
  }

  /** Launches {@code tasks} on one offer; the offer's unused resources go back to the pool. */
  public void launch(OfferID offerId, TaskInfo... tasks) {
    send(Calls.launch(offerId, Arrays.asList(tasks)));
  }

  public void launch(OfferID offerId, Collection<TaskInfo> tasks) {
    send(Calls.launch(offerId, tasks));
  }

  /** Launches a task group (pod) run by {@code executor} on one offer. */
  public void launchGroup(OfferID offerId, ExecutorInfo executor, TaskGroupInfo group) {
    send(Calls.launchGroup(offerId, executor, group));
  }

  /** DECLINE: these resources are not offered to this framework for {@code refuseSeconds}. */
  public void decline(Collection<OfferID> offerIds, double refuseSeconds) {
    send(Calls.decline(offerIds, refuseSeconds));
  }

  /** REVIVE: clears filters and resumes offers for {@code roles} (none = all). */
  public void revive(String... roles) {
    send(Calls.revive(List.of(roles)));
  }

  /** SUPPRESS: stops offers for {@code roles} (none = all). */
  public void suppress(String... roles) {
    send(Calls.suppress(List.of(roles)));
  }

  /** KILL with the task's own kill policy. */
  public void kill(TaskID taskId, AgentID agentId) {
    send(Calls.kill(taskId, agentId, Optional.empty()));
  }

  /** KILL with {@code gracePeriod} between the polite signal and the forced one. */
  public void kill(TaskID taskId, AgentID agentId, Duration gracePeriod) {
    send(Calls.kill(taskId, agentId, Optional.of(gracePeriod)));
  }

  /**
   * ACKNOWLEDGE a status update once the framework has handled it, so the agent sends the task's
   * next update. Returns false, sending nothing, when the status carries no uuid (it came from the
   * master and needs no acknowledgement).
   */
  public boolean acknowledge(TaskStatus status) {
    if (status.getUuid().isEmpty()) {
      return false;
    }
    send(Calls.acknowledge(status));
    return true;
  }

  /** Explicit reconciliation of the listed tasks; an empty list reconciles all tasks. */
  public void reconcile(Collection<Call.Reconcile.Task> tasks) {
    send(Calls.reconcile(tasks));
  }

  /** Implicit reconciliation: the master sends the latest state of every task it knows. */
  public void reconcileAll() {
    send(Calls.reconcile(List.of()));
  }

  /** Sends {@code data} to an executor. */
  public void message(AgentID agentId, ExecutorID executorId, byte[] data) {
    send(Calls.message(agentId, executorId, data));
  }

  /** Shuts down an executor and its tasks. */
  public void shutdown(ExecutorID executorId, AgentID agentId) {
    send(Calls.shutdown(executorId, agentId));
  }

  /**
   * TEARDOWN: the master kills every task of this framework and forgets it. The client stops
   * re-subscribing; close it afterwards.
   */
  public void teardown() {
    send(Calls.teardown());
    connection.stopResubscribing();
  }

  /**
   * UPDATE_FRAMEWORK: changes the framework's info (roles, capabilities, failover timeout...). The
   * new info is also used for every later re-subscription. The id cannot change.
   */
  public void updateFramework(FrameworkInfo info, Collection<String> suppressedRoles) {
    FrameworkInfo.Builder next = info.toBuilder();
    frameworkId().ifPresent(next::setId);
    FrameworkInfo updated = next.build();
    send(Calls.updateFramework(updated, suppressedRoles));
    this.frameworkInfo = updated;
    connection.updateFrameworkInfo(updated, List.copyOf(suppressedRoles));
  }

  /** The framework info used for (re-)subscriptions. */
  public FrameworkInfo frameworkInfo() {
    return frameworkInfo;
  }

  private void send(Call call) {
    if (closed) {
      throw new NotSubscribedException("client is closed; " + call.getType() + " not sent");
    }
    connection.send(call);
  }

  /**
   * Ends the stream and stops every thread of this client. No callback runs afterwards. The
   * framework stays registered with the master until its failover timeout.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    connection.close();
    closed = true;
    detector.close();
    loop.shutdownNow();
    callbacks.shutdownNow();
    if (ownedCurator != null) {
      ownedCurator.close();
    }
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Configures a {@link SchedulerClient}; choose exactly one of the ZooKeeper sources. */
  public static final class Builder {
    private final FrameworkInfo frameworkInfo;
    private final Scheduler scheduler;
    private ZooKeeperUrl zooKeeper;
    private CuratorFramework curator;
    private String path;
    private ConnectionSettings settings = ConnectionSettings.defaults();

    private Builder(FrameworkInfo frameworkInfo, Scheduler scheduler) {
      this.frameworkInfo = Objects.requireNonNull(frameworkInfo, "frameworkInfo");
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Finds masters at {@code url}; the client owns its own ZooKeeper session. */
    public Builder zooKeeper(ZooKeeperUrl url) {
      this.zooKeeper = url;
      return this;
    }

    /** Finds masters under {@code mastersPath} with a started client the caller owns. */
    public Builder curator(CuratorFramework started, String mastersPath) {
      this.curator = started;
      this.path = mastersPath;
      return this;
    }

    /** Timing of reconnections and liveness checks; defaults suit production. */
    public Builder settings(ConnectionSettings connectionSettings) {
      this.settings = connectionSettings;
      return this;
    }

    /** Builds the client and starts subscribing; see {@link #subscription()}. */
    public SchedulerClient start() {
      if ((zooKeeper == null) == (curator == null)) {
        throw new IllegalStateException(
            "give exactly one of zooKeeper(url) or curator(client, path)");
      }
      return new SchedulerClient(this).startInternal();
    }
  }
}
