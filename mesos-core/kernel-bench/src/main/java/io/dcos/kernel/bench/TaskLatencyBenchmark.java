package io.dcos.kernel.bench;

import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.Filters;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Submit-to-running latency of process tasks on one real agent: tasks are launched one after
 * another, each on the first offer after a REVIVE, and the time from the ACCEPT being sent to the
 * TASK_RUNNING update reaching the framework is recorded, as is the time from REVIVE to the offer.
 * At most {@code bench.alive} tasks live at once (the oldest is killed first) so that the machine
 * is not saturated. Settings: {@code bench.tasks}, {@code bench.warmup}, {@code bench.alive}.
 */
public final class TaskLatencyBenchmark {
  private static final Duration STEP_LIMIT = Duration.ofSeconds(30);

  private TaskLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tasks = Integer.getInteger("bench.tasks", 300);
    int warmup = Integer.getInteger("bench.warmup", 20);
    int alive = Integer.getInteger("bench.alive", 20);
    String shell = System.getProperty("bench.command", "exec sleep 600");
    System.out.printf(
        Locale.ROOT,
        "task latency: 1 master, 1 real agent, %d warm-up + %d measured tasks '%s', at most %d"
            + " alive%n",
        warmup,
        tasks,
        shell,
        alive);
    try (BenchCluster cluster = new BenchCluster(1)) {
      cluster.startMaster(1, "512m", List.of("--heartbeat_interval=1s"));
      cluster.awaitLeader(Duration.ofSeconds(90));
      cluster.startAgent("cpus:4;mem:4096;disk:10000", List.of());
      Deadline.await(
          "the agent is active",
          Duration.ofSeconds(90),
          Duration.ofMillis(50),
          () -> metric(cluster, "master/slaves_active") >= 1);

      Samples offerLatency = new Samples("REVIVE -> offer");
      Samples submitLatency = new Samples("ACCEPT sent -> TASK_RUNNING");
      LatencyFramework framework = new LatencyFramework(shell);
      try (SchedulerClient client =
          SchedulerClient.builder(framework.info(), framework)
              .zooKeeper(ZooKeeperUrl.parse(cluster.zkUrl))
              .start()) {
        framework.client = client;
        client.subscription().get(60, TimeUnit.SECONDS);
        Deque<String> live = new ArrayDeque<>();
        for (int i = 1; i <= warmup + tasks; i++) {
          while (live.size() >= alive) {
            framework.kill(live.removeFirst());
          }
          String id = "latency-" + i;
          framework.request(id);
          LatencyFramework.Launch done =
              Deadline.awaitValue(
                  id + " TASK_RUNNING",
                  STEP_LIMIT,
                  Duration.ofMillis(1),
                  () -> framework.finished(id));
          if (done.failure() != null) {
            throw new IllegalStateException(id + " ended " + done.failure());
          }
          live.addLast(id);
          if (i > warmup) {
            if (done.offerNanos() >= 0) {
              offerLatency.add(done.offerNanos());
            }
            submitLatency.add(done.runningNanos());
          }
        }
        live.forEach(framework::kill);
        Deadline.await(
            "every task killed",
            Duration.ofSeconds(30),
            Duration.ofMillis(20),
            () -> framework.terminal() >= warmup + tasks);
        System.out.println(submitLatency.summary());
        System.out.println(offerLatency.summary());
        client.teardown();
      }
    }
  }

  private static double metric(BenchCluster cluster, String name) {
    try {
      return cluster.metric(name);
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * Launches the requested task on the first offer that arrives after the REVIVE of its request and
   * declines every other offer for an hour, so offers come only when asked for.
   */
  static final class LatencyFramework implements Scheduler {
    /** Timings of one launch; {@code failure} is set when the task ended before running. */
    record Launch(long offerNanos, long runningNanos, String failure) {}

    private final CommandInfo command;
    private final Map<String, AgentID> agents = new HashMap<>();
    private final Map<String, Launch> finished = new HashMap<>();
    private String wanted;
    private long revivedAt;
    private long offerLatency = -1;
    private long acceptedAt;
    private int terminal;
    volatile SchedulerClient client;

    LatencyFramework(String shell) {
      this.command = CommandInfo.newBuilder().setValue(shell).build();
    }

    FrameworkInfo info() {
      return FrameworkInfo.newBuilder()
          .setName("task-latency")
          .setUser(System.getProperty("user.name"))
          .setFailoverTimeout(60)
          .addCapabilities(
              FrameworkInfo.Capability.newBuilder()
                  .setType(FrameworkInfo.Capability.Type.TASK_KILLING_STATE))
          .build();
    }

    synchronized void request(String taskId) {
      wanted = taskId;
      offerLatency = -1;
      revivedAt = System.nanoTime();
      client.revive();
    }

    synchronized java.util.Optional<Launch> finished(String taskId) {
      return java.util.Optional.ofNullable(finished.get(taskId));
    }

    synchronized int terminal() {
      return terminal;
    }

    synchronized void kill(String taskId) {
      client.kill(TaskID.newBuilder().setValue(taskId).build(), agents.get(taskId));
    }

    @Override
    public void subscribed(FrameworkID frameworkId, MasterInfo master) {}

    @Override
    public synchronized void offers(List<Offer> offers) {
      long now = System.nanoTime();
      for (Offer offer : offers) {
        if (wanted == null) {
          client.decline(List.of(offer.getId()), 3600);
          continue;
        }
        String id = wanted;
        wanted = null;
        offerLatency = now - revivedAt;
        TaskInfo task =
            TaskInfo.newBuilder()
                .setName(id)
                .setTaskId(TaskID.newBuilder().setValue(id))
                .setAgentId(offer.getAgentId())
                .addAllResources(ResourceConverter.toProto(ResourceText.parse("cpus:0.1;mem:32")))
                .setCommand(command)
                .build();
        agents.put(id, offer.getAgentId());
        acceptedAt = System.nanoTime();
        client.accept(
            List.<OfferID>of(offer.getId()),
            List.of(
                Offer.Operation.newBuilder()
                    .setType(Offer.Operation.Type.LAUNCH)
                    .setLaunch(Offer.Operation.Launch.newBuilder().addTaskInfos(task))
                    .build()),
            Filters.newBuilder().setRefuseSeconds(3600).build());
      }
    }

    @Override
    public synchronized void update(TaskStatus status) {
      long now = System.nanoTime();
      String id = status.getTaskId().getValue();
      TaskState state = status.getState();
      if (state == TaskState.TASK_RUNNING && !finished.containsKey(id)) {
        finished.put(id, new Launch(offerLatency, now - acceptedAt, null));
      } else if (isTerminal(state)) {
        terminal++;
        finished.putIfAbsent(id, new Launch(-1, -1, state + ": " + status.getMessage()));
      }
      client.acknowledge(status);
    }

    private static boolean isTerminal(TaskState s) {
      return switch (s) {
        case TASK_FINISHED,
            TASK_FAILED,
            TASK_KILLED,
            TASK_LOST,
            TASK_ERROR,
            TASK_DROPPED,
            TASK_GONE,
            TASK_GONE_BY_OPERATOR,
            TASK_UNREACHABLE,
            TASK_UNKNOWN ->
            true;
        default -> false;
      };
    }

    @Override
    public void error(String message) {
      System.out.println("master error: " + message);
    }
  }
}
