package io.dcos.kernel.it;

import static org.awaitility.Awaitility.await;

import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A framework for tests, built on the scheduler SDK like any real one: it keeps what the master
 * sends, acknowledges updates explicitly, and launches tasks on the offers it holds.
 */
final class TestFramework implements Scheduler, AutoCloseable {
  final List<TaskStatus> updates = new CopyOnWriteArrayList<>();
  final BlockingDeque<Offer> offers = new LinkedBlockingDeque<>();
  final AtomicInteger subscriptions = new AtomicInteger();
  final List<String> errors = new CopyOnWriteArrayList<>();

  /** FAILURE events: executor id and exit status. */
  final List<String> failures = new CopyOnWriteArrayList<>();

  final SchedulerClient client;

  TestFramework(TestCluster cluster, String name, boolean partitionAware, double failoverSeconds) {
    this(cluster, info(name, partitionAware, failoverSeconds, null));
  }

  TestFramework(TestCluster cluster, FrameworkInfo info) {
    client =
        SchedulerClient.builder(info, this).zooKeeper(ZooKeeperUrl.parse(cluster.zkUrl)).start();
  }

  static FrameworkInfo info(
      String name, boolean partitionAware, double failoverSeconds, FrameworkID id) {
    FrameworkInfo.Builder b =
        FrameworkInfo.newBuilder()
            .setName(name)
            .setUser("root")
            .setFailoverTimeout(failoverSeconds)
            .addCapabilities(
                FrameworkInfo.Capability.newBuilder()
                    .setType(FrameworkInfo.Capability.Type.TASK_KILLING_STATE));
    if (partitionAware) {
      b.addCapabilities(
          FrameworkInfo.Capability.newBuilder()
              .setType(FrameworkInfo.Capability.Type.PARTITION_AWARE));
    }
    if (id != null) {
      b.setId(id);
    }
    return b.build();
  }

  FrameworkID awaitSubscribed() throws Exception {
    return client.subscription().get(TestCluster.STARTUP.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void subscribed(FrameworkID frameworkId, MasterInfo master) {
    subscriptions.incrementAndGet();
    offers.clear();
  }

  @Override
  public void offers(List<Offer> list) {
    offers.addAll(list);
  }

  @Override
  public void rescinded(OfferID offerId) {
    offers.removeIf(o -> o.getId().equals(offerId));
  }

  @Override
  public void update(TaskStatus status) {
    updates.add(status);
    if (!status.getUuid().isEmpty()) {
      client.acknowledge(status);
    }
  }

  @Override
  public void failure(
      AgentID agentId,
      io.dcos.kernel.protocol.ExecutorID executorId,
      java.util.OptionalInt status) {
    failures.add(executorId.getValue() + ":" + (status.isPresent() ? status.getAsInt() : "?"));
  }

  @Override
  public void error(String message) {
    errors.add(message);
  }

  @Override
  public void disconnected(String reason) {
    offers.clear();
  }

  /** Takes an offer, waiting for one. */
  Offer takeOffer() throws InterruptedException {
    Offer offer = offers.poll(TestCluster.STARTUP.toSeconds(), TimeUnit.SECONDS);
    if (offer == null) {
      throw new AssertionError("no offer within " + TestCluster.STARTUP);
    }
    return offer;
  }

  static TaskInfo commandTask(String id, Offer offer, String resources, String shellCommand) {
    return TaskInfo.newBuilder()
        .setName(id)
        .setTaskId(TaskID.newBuilder().setValue(id))
        .setAgentId(offer.getAgentId())
        .addAllResources(ResourceConverter.toProto(ResourceText.parse(resources)))
        .setCommand(CommandInfo.newBuilder().setValue(shellCommand))
        .build();
  }

  /** Launches a shell command on the next offer and returns the agent it went to. */
  AgentID launch(String id, String resources, String shellCommand) throws InterruptedException {
    Offer offer = takeOffer();
    client.launch(offer.getId(), commandTask(id, offer, resources, shellCommand));
    return offer.getAgentId();
  }

  TaskStatus awaitUpdate(Duration within, Predicate<TaskStatus> p) {
    return await()
        .atMost(within)
        .until(() -> updates.stream().filter(p).reduce((a, b) -> b).orElse(null), s -> s != null);
  }

  TaskStatus awaitState(String taskId, TaskState state, Duration within) {
    return awaitUpdate(
        within, s -> s.getTaskId().getValue().equals(taskId) && s.getState() == state);
  }

  /** Asks the master for the task's state and waits for the answer to say {@code state}. */
  TaskStatus reconcileUntil(String taskId, TaskState state, Duration within) {
    int before = updates.size();
    return await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(300))
        .ignoreExceptions()
        .until(
            () -> {
              client.reconcileAll();
              return updates.subList(before, updates.size()).stream()
                  .filter(s -> s.getTaskId().getValue().equals(taskId) && s.getState() == state)
                  .findFirst()
                  .orElse(null);
            },
            s -> s != null);
  }

  @Override
  public void close() {
    client.close();
  }
}
