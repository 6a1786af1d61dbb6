package io.dcos.kernel.bench;

import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.Resource;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import io.dcos.kernel.simulator.AgentSpec;
import io.dcos.kernel.simulator.SimulatedAgent;
import io.dcos.kernel.simulator.SimulatedCluster;
import io.dcos.kernel.simulator.tasks.TaskScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Launch throughput of one real master: 10,000 simulated agents register, then one framework puts
 * as many small tasks on every offer as fit until N tasks are placed, acknowledging every update.
 * Reports agent registration time, tasks placed per second (ACCEPT sent) and tasks reaching
 * TASK_RUNNING per second. Settings are system properties ({@code bench.agents}, {@code
 * bench.tasks}, {@code bench.master.heap}, {@code bench.jstack}: {@code true} takes a thread dump
 * of the master about once a second during the burst, off by default because each dump stops the
 * master, and {@code bench.profile}: a directory where Flight Recorder profiles of the master and
 * of this JVM during the launch burst are written).
 */
public final class LaunchThroughputBenchmark {
  private static final Duration REGISTRATION_LIMIT = Duration.ofMinutes(3);
  private static final Duration LAUNCH_LIMIT = Duration.ofMinutes(10);

  private LaunchThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int agentCount = Integer.getInteger("bench.agents", 10_000);
    int taskCount = Integer.getInteger("bench.tasks", 100_000);
    String heap = System.getProperty("bench.master.heap", "2g");
    boolean jstack = Boolean.parseBoolean(System.getProperty("bench.jstack", "false"));
    System.out.printf(
        Locale.ROOT,
        "launch throughput: %d simulated agents (cpus 8, mem 16384), %d tasks of cpus 0.1 mem 32,"
            + " master heap %s%n",
        agentCount,
        taskCount,
        heap);
    try (BenchCluster cluster = new BenchCluster(0)) {
      KernelProcess master = cluster.startMaster(1, heap, List.of());
      cluster.awaitLeader(Duration.ofSeconds(90));
      Deadline.await(
          "the master is elected and recovered",
          Duration.ofSeconds(90),
          Duration.ofMillis(50),
          () -> metric(cluster, "master/elected") == 1.0);

      long registerStart = System.nanoTime();
      try (SimulatedCluster sim =
          SimulatedCluster.builder()
              .zooKeeper(cluster.curator, "/mesos")
              .agents(
                  agentCount,
                  AgentSpec.uniform("sim", "cpus:8;mem:16384;ports:[31000-32000]", "", 20))
              .taskScript(TaskScript.fromLabels())
              .start()) {
        Deadline.await(
            agentCount + " simulated agents registered",
            REGISTRATION_LIMIT,
            Duration.ofMillis(20),
            () -> sim.count(SimulatedAgent.State.REGISTERED) == agentCount);
        long registered = System.nanoTime() - registerStart;
        Deadline.await(
            "the master counts " + agentCount + " active agents",
            Duration.ofSeconds(60),
            Duration.ofMillis(50),
            () -> metric(cluster, "master/slaves_active") >= agentCount);
        long activeAtMaster = System.nanoTime() - registerStart;
        System.out.printf(
            Locale.ROOT,
            "agents registered: %d in %.2f s (all REGISTERED at the simulator); master reports"
                + " them active after %.2f s%n",
            agentCount,
            registered / 1e9,
            activeAtMaster / 1e9);

        LaunchingFramework framework = new LaunchingFramework(taskCount);
        try (SchedulerClient client =
            SchedulerClient.builder(framework.info(), framework)
                .zooKeeper(ZooKeeperUrl.parse(cluster.zkUrl))
                .start()) {
          framework.client = client;
          client.subscription().get(60, TimeUnit.SECONDS);
          Sampler sampler =
              jstack
                  ? new Sampler(
                      master, Path.of(System.getProperty("kernel.logs", "target/bench-logs")))
                  : null;
          BurstProfile profile = BurstProfile.start(master);
          long progressAt = System.nanoTime();
          long end = System.nanoTime() + LAUNCH_LIMIT.toNanos();
          while (framework.running.get() < taskCount) {
            if (!framework.otherStates.isEmpty()) {
              framework.report();
              throw new IllegalStateException(
                  "tasks ended before running: "
                      + framework.otherStates
                      + "; see the master log for why (for example agents marked unreachable)");
            }
            if (System.nanoTime() - end > 0) {
              throw new IllegalStateException(
                  "only " + framework.running.get() + " tasks running after " + LAUNCH_LIMIT);
            }
            if (System.nanoTime() - progressAt > TimeUnit.SECONDS.toNanos(5)) {
              progressAt = System.nanoTime();
              System.out.printf(
                  Locale.ROOT,
                  "  ... %.0f s: placed %d, starting %d, running %d, other %s%n",
                  framework.elapsedSeconds(),
                  framework.placed.get(),
                  framework.starting.get(),
                  framework.running.get(),
                  framework.otherStates);
            }
            if (sampler != null) {
              sampler.maybeSample();
            }
            TimeUnit.MILLISECONDS.sleep(5);
          }
          profile.stop();
          framework.report();
          client.teardown();
        }
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

  /** A framework that places as many tasks on every offer as fit, until it has placed enough. */
  static final class LaunchingFramework implements Scheduler {
    private static final double TASK_CPUS = 0.1;
    private static final double TASK_MEM = 32;
    private final int target;
    private final List<Resource> taskResources =
        ResourceConverter.toProto(ResourceText.parse("cpus:0.1;mem:32"));
    private final CommandInfo command = CommandInfo.newBuilder().setValue("sleep 3600").build();
    final AtomicInteger placed = new AtomicInteger();
    final AtomicInteger starting = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final Map<TaskState, Integer> otherStates = new ConcurrentHashMap<>();
    private final AtomicLong firstOffer = new AtomicLong();
    private final AtomicLong firstAccept = new AtomicLong();
    private final AtomicLong lastAccept = new AtomicLong();
    private final AtomicLong lastRunning = new AtomicLong();
    private final AtomicInteger accepts = new AtomicInteger();
    private final AtomicInteger offersSeen = new AtomicInteger();
    volatile SchedulerClient client;

    LaunchingFramework(int target) {
      this.target = target;
    }

    FrameworkInfo info() {
      return FrameworkInfo.newBuilder()
          .setName("launch-throughput")
          .setUser("root")
          .setFailoverTimeout(60)
          .addCapabilities(
              FrameworkInfo.Capability.newBuilder()
                  .setType(FrameworkInfo.Capability.Type.TASK_KILLING_STATE))
          .build();
    }

    @Override
    public void subscribed(FrameworkID frameworkId, MasterInfo master) {}

    @Override
    public void offers(List<Offer> offers) {
      long now = System.nanoTime();
      firstOffer.compareAndSet(0, now);
      List<io.dcos.kernel.protocol.OfferID> unused = new ArrayList<>();
      for (Offer offer : offers) {
        offersSeen.incrementAndGet();
        int remaining = target - placed.get();
        if (remaining <= 0) {
          unused.add(offer.getId());
          continue;
        }
        int fit = Math.min(remaining, fit(offer));
        if (fit == 0) {
          unused.add(offer.getId());
          continue;
        }
        List<TaskInfo> tasks = new ArrayList<>(fit);
        for (int i = 0; i < fit; i++) {
          String id = "t-" + placed.incrementAndGet();
          tasks.add(
              TaskInfo.newBuilder()
                  .setName(id)
                  .setTaskId(TaskID.newBuilder().setValue(id))
                  .setAgentId(offer.getAgentId())
                  .addAllResources(taskResources)
                  .setCommand(command)
                  .build());
        }
        client.launch(offer.getId(), tasks);
        accepts.incrementAndGet();
        long sent = System.nanoTime();
        firstAccept.compareAndSet(0, sent);
        lastAccept.set(sent);
      }
      if (!unused.isEmpty()) {
        client.decline(unused, 3600);
      }
    }

    private static int fit(Offer offer) {
      double cpus = 0;
      double mem = 0;
      for (Resource r : offer.getResourcesList()) {
        if (r.getName().equals("cpus")) {
          cpus += r.getScalar().getValue();
        } else if (r.getName().equals("mem")) {
          mem += r.getScalar().getValue();
        }
      }
      return (int) Math.min(Math.floor(cpus / TASK_CPUS + 1e-9), Math.floor(mem / TASK_MEM));
    }

    @Override
    public void update(TaskStatus status) {
      switch (status.getState()) {
        case TASK_STARTING -> starting.incrementAndGet();
        case TASK_RUNNING -> {
          if (running.incrementAndGet() == target) {
            lastRunning.set(System.nanoTime());
          }
        }
        default -> otherStates.merge(status.getState(), 1, Integer::sum);
      }
      client.acknowledge(status);
    }

    @Override
    public void error(String message) {
      System.out.println("master error: " + message);
    }

    double elapsedSeconds() {
      long first = firstOffer.get();
      return first == 0 ? 0 : (System.nanoTime() - first) / 1e9;
    }

    void report() {
      double placing = (lastAccept.get() - firstOffer.get()) / 1e9;
      if (lastRunning.get() == 0) {
        System.out.printf(
            Locale.ROOT,
            "running: %d of %d tasks reached TASK_RUNNING after %.1f s; no rate%n",
            running.get(),
            target,
            elapsedSeconds());
        System.out.println("other task states seen: " + otherStates);
        return;
      }
      double toRunning = (lastRunning.get() - firstAccept.get()) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "offers received: %d, ACCEPT calls: %d, tasks placed: %d%n",
          offersSeen.get(),
          accepts.get(),
          placed.get());
      System.out.printf(
          Locale.ROOT,
          "placed:  %d tasks in %.2f s (first offer -> last ACCEPT sent) = %.0f tasks/s%n",
          placed.get(),
          placing,
          placed.get() / placing);
      System.out.printf(
          Locale.ROOT,
          "running: %d tasks in %.2f s (first ACCEPT -> last TASK_RUNNING, every update"
              + " acknowledged) = %.0f tasks/s%n",
          running.get(),
          toRunning,
          running.get() / toRunning);
      System.out.printf(
          Locale.ROOT,
          "updates received: TASK_STARTING %d, TASK_RUNNING %d (more than one each per task means"
              + " updates were resent)%n",
          starting.get(),
          running.get());
      System.out.println("other task states seen: " + otherStates);
    }
  }

  /** Takes a thread dump of the master about once a second while tasks are being launched. */
  static final class Sampler {
    private final KernelProcess master;
    private final Path dir;
    private long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    private int taken;

    Sampler(KernelProcess master, Path dir) {
      this.master = master;
      this.dir = dir;
    }

    void maybeSample() throws Exception {
      if (taken >= 10 || System.nanoTime() < next) {
        return;
      }
      next = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      Files.createDirectories(dir);
      Path out = dir.resolve("master-jstack-" + (++taken) + ".txt");
      new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
              Long.toString(master.pid()))
          .redirectErrorStream(true)
          .redirectOutput(out.toFile())
          .start()
          .waitFor(20, TimeUnit.SECONDS);
    }
  }
}
