package io.dcos.jobs.framework;

import io.dcos.jobs.engine.JobEngine;
import io.dcos.jobs.engine.OfferView;
import io.dcos.jobs.engine.Placement;
import io.dcos.jobs.engine.TaskLauncher;
import io.dcos.jobs.engine.TaskUpdate;
import io.dcos.jobs.store.FrameworkIdRepository;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.Attribute;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.sdk.NotSubscribedException;
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.kernel.sdk.calls.Calls;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chronos-svc as a framework on the kernel, while this instance leads: subscribes with the stored
 * framework id (failover keeps the tasks), turns offers into launches of waiting runs, stores every
 * status update through the engine before acknowledging it, and reconciles after each subscription.
 *
 * <p>Offers are suppressed while no run waits and revived when one does. Invariant: the decision to
 * suppress and the call are made under {@link #interest}, after the run was queued or found absent,
 * so a revive for a new run is never overtaken by a suppress decided before it. Should the master
 * still send nothing (a call lost around a leader change), a check every refuse interval revives
 * while runs wait and no offer came in two such intervals.
 */
public final class JobsFramework implements Scheduler, TaskLauncher, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobsFramework.class);

  /** Framework identity and timing. */
  public record Settings(
      String masterZk,
      String name,
      String user,
      String role,
      Duration failoverTimeout,
      Duration declineRefuse) {}

  private final Settings settings;
  private final JobEngine engine;
  private final FrameworkIdRepository ids;
  private final Object interest = new Object();
  private volatile SchedulerClient client;
  private volatile ScheduledExecutorService offerCheck;
  private volatile boolean suppressed;
  private volatile long offersReceivedNanos = System.nanoTime();

  public JobsFramework(Settings settings, JobEngine engine, FrameworkIdRepository ids) {
    this.settings = settings;
    this.engine = engine;
    this.ids = ids;
  }

  /** Subscribes to the kernel; called when this instance becomes leader. */
  public synchronized void start() {
    if (client != null) {
      return;
    }
    FrameworkInfo.Builder info =
        FrameworkInfo.newBuilder()
            .setName(settings.name())
            .setUser(settings.user())
            .setRole(settings.role())
            .setCheckpoint(true)
            .setFailoverTimeout(settings.failoverTimeout().toSeconds());
    ids.find(settings.name()).ifPresent(id -> info.setId(FrameworkID.newBuilder().setValue(id)));
    engine.becomeLeader(this);
    long every = Math.max(1000, settings.declineRefuse().toMillis());
    offerCheck =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chronos-offer-check");
              t.setDaemon(true);
              return t;
            });
    offerCheck.scheduleWithFixedDelay(
        () -> reviveWhenStarved(TimeUnit.MILLISECONDS.toNanos(2 * every)),
        every,
        every,
        TimeUnit.MILLISECONDS);
    client =
        SchedulerClient.builder(info.build(), this)
            .zooKeeper(ZooKeeperUrl.parse(settings.masterZk()))
            .start();
  }

  /** Whether the framework is subscribed right now. */
  public boolean subscribed() {
    SchedulerClient c = client;
    return c != null && c.isSubscribed();
  }

  @Override
  public void subscribed(FrameworkID frameworkId, MasterInfo master) {
    LOG.info("subscribed as {} to {}", frameworkId.getValue(), master.getHostname());
    ids.save(settings.name(), frameworkId.getValue());
    synchronized (interest) {
      suppressed = false;
    }
    engine.subscribed();
  }

  @Override
  public void offers(List<Offer> offers) {
    offersReceivedNanos = System.nanoTime();
    Map<String, Offer> byId = new LinkedHashMap<>();
    List<OfferView> views = new ArrayList<>();
    for (Offer o : offers) {
      byId.put(o.getId().getValue(), o);
      views.add(view(o));
    }
    List<Placement> placements = engine.onOffers(views);
    Map<String, List<TaskInfo>> launches = new LinkedHashMap<>();
    for (Placement p : placements) {
      launches.computeIfAbsent(p.offerId(), k -> new ArrayList<>()).add(TaskInfos.of(p, null));
    }
    SchedulerClient c = client;
    if (c == null) {
      return;
    }
    try {
      launches.forEach(
          (offerId, tasks) -> c.launch(OfferID.newBuilder().setValue(offerId).build(), tasks));
      List<OfferID> unused = new ArrayList<>();
      byId.forEach(
          (id, o) -> {
            if (!launches.containsKey(id)) {
              unused.add(o.getId());
            }
          });
      if (!unused.isEmpty()) {
        c.decline(unused, settings.declineRefuse().toMillis() / 1000.0);
      }
      synchronized (interest) {
        if (!engine.hasWaitingRuns() && !suppressed) {
          suppressed = true;
          c.suppress();
        }
      }
    } catch (NotSubscribedException e) {
      LOG.info("launch not sent, not subscribed: {}", e.getMessage());
    }
  }

  private static OfferView view(Offer o) {
    Resources r = ResourceConverter.fromProto(o.getResourcesList());
    Map<String, String> attributes = new HashMap<>();
    for (Attribute a : o.getAttributesList()) {
      attributes.put(a.getName(), attributeText(a));
    }
    return new OfferView(
        o.getId().getValue(),
        o.getAgentId().getValue(),
        o.getHostname(),
        r.scalar("cpus"),
        r.scalar("mem"),
        r.scalar("disk"),
        attributes);
  }

  private static String attributeText(Attribute a) {
    if (a.hasText()) {
      return a.getText().getValue();
    }
    if (a.hasScalar()) {
      double v = a.getScalar().getValue();
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
    return a.toString();
  }

  @Override
  public void update(TaskStatus status) {
    TaskState s = status.getState();
    boolean terminal =
        switch (s) {
          case TASK_FINISHED,
              TASK_FAILED,
              TASK_KILLED,
              TASK_ERROR,
              TASK_LOST,
              TASK_DROPPED,
              TASK_GONE,
              TASK_GONE_BY_OPERATOR,
              TASK_UNKNOWN ->
              true;
          default -> false;
        };
    boolean neverRan = status.getSource() == TaskStatus.Source.SOURCE_MASTER;
    try {
      engine.onTaskUpdate(
          new TaskUpdate(
              status.getTaskId().getValue(),
              status.getAgentId().getValue(),
              s.name(),
              s == TaskState.TASK_RUNNING,
              terminal,
              s == TaskState.TASK_FINISHED,
              neverRan,
              status.getMessage()));
    } catch (RuntimeException e) {
      // Not stored: do not acknowledge; the agent sends the update again.
      LOG.error("task update {} not stored", status.getTaskId().getValue(), e);
      return;
    }
    SchedulerClient c = client;
    if (c != null && !status.getUuid().isEmpty()) {
      try {
        c.acknowledge(status);
      } catch (NotSubscribedException e) {
        LOG.info("acknowledgement not sent: {}", e.getMessage());
      }
    }
  }

  @Override
  public void disconnected(String reason) {
    LOG.info("disconnected from the kernel: {}", reason);
  }

  @Override
  public void error(String message) {
    LOG.warn("kernel error: {}", message);
  }

  // ---- TaskLauncher ----

  @Override
  public void wantOffers() {
    SchedulerClient c = client;
    if (c == null) {
      return;
    }
    synchronized (interest) {
      try {
        suppressed = false;
        c.revive();
      } catch (NotSubscribedException e) {
        // Subscribing again revives by itself.
      }
    }
  }

  /** Revives when runs wait and no offer came for {@code intervalNanos}. */
  private void reviveWhenStarved(long intervalNanos) {
    try {
      if (engine.hasWaitingRuns() && System.nanoTime() - offersReceivedNanos > intervalNanos) {
        LOG.info("runs wait and no offer came for {} ms: reviving", intervalNanos / 1_000_000);
        wantOffers();
      }
    } catch (RuntimeException e) {
      LOG.warn("offer check failed: {}", e.getMessage());
    }
  }

  @Override
  public void kill(String taskId, String agentId) {
    SchedulerClient c = client;
    if (c == null) {
      return;
    }
    try {
      c.kill(
          TaskID.newBuilder().setValue(taskId).build(),
          AgentID.newBuilder().setValue(Optional.ofNullable(agentId).orElse("")).build());
    } catch (NotSubscribedException e) {
      LOG.info("kill of {} not sent: {}", taskId, e.getMessage());
    }
  }

  @Override
  public void reconcile(List<String[]> tasks) {
    SchedulerClient c = client;
    if (c == null) {
      return;
    }
    try {
      c.reconcile(
          tasks.stream()
              .map(
                  t ->
                      Calls.reconcileTask(
                          TaskID.newBuilder().setValue(t[0]).build(),
                          AgentID.newBuilder().setValue(t[1]).build()))
              .toList());
    } catch (NotSubscribedException e) {
      LOG.info("reconciliation not sent: {}", e.getMessage());
    }
  }

  /** Ends the subscription (not the framework: its tasks keep running for the failover timeout). */
  @Override
  public synchronized void close() {
    ScheduledExecutorService check = offerCheck;
    offerCheck = null;
    if (check != null) {
      check.shutdownNow();
    }
    SchedulerClient c = client;
    client = null;
    if (c != null) {
      c.close();
    }
  }
}
