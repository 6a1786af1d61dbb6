package io.dcos.jobs.framework;

import io.dcos.jobs.engine.JobEngine;
import io.dcos.jobs.engine.TaskLauncher;
import io.dcos.jobs.engine.TaskUpdate;
import io.dcos.jobs.model.TaskRecord;
import io.dcos.jobs.store.FrameworkIdRepository;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.sdk.NotSubscribedException;
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.kernel.sdk.calls.Calls;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chronos-svc as a framework on the kernel, while this instance leads: subscribes with the stored
 * framework id (failover keeps the tasks), hands offers to the {@link OfferDesk} that places
 * waiting runs on them, stores status updates through the engine in batches and acknowledges each
 * once it is durable, and reconciles after each subscription.
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

  private static final int STATUS_BATCH = 200;

  private final Settings settings;
  private final JobEngine engine;
  private final FrameworkIdRepository ids;
  private volatile SchedulerClient client;
  private volatile OfferDesk desk;
  private volatile StatusWriter statusWriter;

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
    desk = new OfferDesk(engine, () -> client, settings.declineRefuse());
    statusWriter =
        new StatusWriter(this::store, this::acknowledge, STATUS_BATCH, "chronos-status-writer");
    engine.becomeLeader(this);
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
    OfferDesk d = desk;
    if (d != null) {
      d.subscribed();
    }
    engine.subscribed();
  }

  @Override
  public void offers(List<Offer> offers) {
    OfferDesk d = desk;
    if (d != null) {
      d.offers(offers);
    }
  }

  @Override
  public void rescinded(OfferID offerId) {
    OfferDesk d = desk;
    if (d != null) {
      d.rescinded(offerId);
    }
  }

  @Override
  public void update(TaskStatus status) {
    StatusWriter w = statusWriter;
    if (w != null) {
      w.add(status);
    }
  }

  /** Makes a batch of updates durable through the engine; throws when it is not stored. */
  private void store(List<TaskStatus> batch) {
    List<TaskUpdate> updates = new ArrayList<>(batch.size());
    batch.forEach(s -> updates.add(toUpdate(s)));
    engine.onTaskUpdates(updates);
  }

  private static TaskUpdate toUpdate(TaskStatus status) {
    TaskState s = status.getState();
    boolean terminal = TaskRecord.isFinal(s.name());
    boolean neverRan = status.getSource() == TaskStatus.Source.SOURCE_MASTER;
    return new TaskUpdate(
        status.getTaskId().getValue(),
        status.getAgentId().getValue(),
        s.name(),
        s == TaskState.TASK_RUNNING,
        terminal,
        s == TaskState.TASK_FINISHED,
        neverRan,
        status.getMessage());
  }

  private void acknowledge(TaskStatus status) {
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
    OfferDesk d = desk;
    if (d != null) {
      d.disconnected();
    }
  }

  @Override
  public void error(String message) {
    LOG.warn("kernel error: {}", message);
  }

  // ---- TaskLauncher ----

  @Override
  public void wantOffers() {
    OfferDesk d = desk;
    if (d != null) {
      d.wantOffers();
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
    SchedulerClient c = client;
    client = null;
    if (c != null) {
      c.close();
    }
    StatusWriter w = statusWriter;
    statusWriter = null;
    if (w != null) {
      w.close();
    }
    OfferDesk d = desk;
    desk = null;
    if (d != null) {
      d.close();
    }
  }
}
