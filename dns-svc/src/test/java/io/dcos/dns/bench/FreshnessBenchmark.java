package io.dcos.dns.bench;

import static org.awaitility.Awaitility.await;

import io.dcos.kernel.bench.KernelProcess;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.Value;
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import io.dcos.kernel.simulator.AgentSpec;
import io.dcos.kernel.simulator.SimulatedCluster;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * Record freshness on a real cluster: a ZooKeeper server, a master and dns-svc as JVMs of their own
 * (from their exec jars), simulated agents speaking the real agent protocol, and a framework. First
 * {@code background} long-running tasks are launched and left running, so every change rebuilds a
 * zone of realistic size; then tasks are launched in waves of {@code wave}, and for each one a
 * {@link NameProbe} measures TASK_RUNNING (as the framework hears it) to the first A answer, and,
 * after a kill, TASK_KILLED to the first NXDOMAIN. Arguments: background tasks, measured tasks,
 * wave size, simulated agents.
 */
public final class FreshnessBenchmark {
  private static final String ZK_IP = "127.1.54.1";
  private static final String MASTER_IP = "127.1.53.1";
  private static final String DNS_IP = "127.1.53.53";
  private static final int DNS_PORT = 61253;
  private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");
  private static final Duration STEP = Duration.ofSeconds(60);

  private FreshnessBenchmark() {}

  public static void main(String[] args) throws Exception {
    int background = Integer.parseInt(args[0]);
    int measured = Integer.parseInt(args[1]);
    int wave = Integer.parseInt(args[2]);
    int agentCount = Integer.parseInt(args[3]);
    System.out.printf(
        Locale.ROOT,
        "freshness: %d simulated agents, %d background tasks, %d measured in waves of %d%n",
        agentCount,
        background,
        measured,
        wave);
    try (TestingServer zk =
            new TestingServer(
                new InstanceSpec(null, -1, -1, -1, true, -1, 500, 2000, null, ZK_IP), true);
        KernelProcess master = startMaster(zk);
        KernelProcess dns = startDns(zk);
        SimulatedCluster agents =
            SimulatedCluster.builder()
                .zooKeeper(ZooKeeperUrl.parse(zkUrl(zk)))
                .agents(
                    agentCount,
                    i ->
                        AgentSpec.of(
                            "127.1.54." + (100 + i),
                            "cpus:64;mem:65536;disk:1000;ports:[31000-32000]",
                            ""))
                .start();
        NameProbe probe = new NameProbe(new InetSocketAddress(DNS_IP, DNS_PORT))) {
      Framework framework = new Framework();
      try (SchedulerClient client =
          SchedulerClient.builder(
                  FrameworkInfo.newBuilder().setName("freshness").setUser("root").build(),
                  framework)
              .zooKeeper(ZooKeeperUrl.parse(zkUrl(zk)))
              .start()) {
        framework.client = client;
        client.subscription().get(STEP.toSeconds(), TimeUnit.SECONDS);
        probe.awaitAnswer("leader.mesos.", STEP);
        System.out.printf(
            Locale.ROOT,
            "cluster up (master pid %d, dns-svc pid %d, %d agents); launching background tasks%n",
            master.pid(),
            dns.pid(),
            agents.agents().size());
        framework.launchAndAwait("bg", 0, background, 100);
        probe.awaitAnswer("bg-" + (background - 1) + ".freshness.mesos.", STEP);

        Samples appear = new Samples("TASK_RUNNING -> first A answer");
        Samples vanish = new Samples("TASK_KILLED -> first NXDOMAIN");
        for (int first = 0; first < measured; first += wave) {
          int n = Math.min(wave, measured - first);
          List<String> ids = new ArrayList<>();
          for (int i = first; i < first + n; i++) {
            ids.add("app-" + i);
            probe.expectAnswer("app-" + i + ".freshness.mesos.");
          }
          framework.launchAndAwait("app", first, n, n);
          for (String id : ids) {
            long answered = probe.awaitDone(id + ".freshness.mesos.", STEP);
            appear.add(answered - framework.running.get(id));
          }
          ids.forEach(id -> probe.expectNxdomain(id + ".freshness.mesos."));
          ids.forEach(framework::kill);
          for (String id : ids) {
            long gone = probe.awaitDone(id + ".freshness.mesos.", STEP);
            long killed = framework.awaitEnded(id, STEP);
            vanish.add(gone - killed);
          }
        }
        System.out.println(appear.summary());
        System.out.println(vanish.summary());
        System.out.printf(
            Locale.ROOT, "probe queries sent: %d, answers: %d%n", probe.sent(), probe.received());
        client.teardown();
      }
    }
  }

  private static String zkUrl(TestingServer zk) {
    return "zk://" + ZK_IP + ":" + zk.getPort() + "/mesos";
  }

  private static KernelProcess startMaster(TestingServer zk) {
    return new KernelProcess(
            "freshness-master",
            MASTER_IP,
            System.getProperty("kernel.master.jar"),
            JVM,
            List.of(
                "--zk=" + zkUrl(zk),
                "--ip=" + MASTER_IP,
                "--port=5050",
                "--grpc_port=5060",
                "--heartbeat_interval=1s"))
        .start();
  }

  private static KernelProcess startDns(TestingServer zk) {
    return new KernelProcess(
            "freshness-dns",
            DNS_IP,
            System.getProperty("dns.jar"),
            JVM,
            List.of(
                "--dns.zk=" + zkUrl(zk),
                "--dns.listen-ip=" + DNS_IP,
                "--dns.port=" + DNS_PORT,
                "--dns.http-port=0",
                "--dns.threads=2"))
        .start();
  }

  /**
   * Launches tasks on offers as they come, at most {@code perOffer} per offer, and records when
   * each one's TASK_RUNNING and terminal update arrive.
   */
  static final class Framework implements Scheduler {
    final BlockingQueue<Offer> offers = new LinkedBlockingQueue<>();
    final Map<String, Long> running = new ConcurrentHashMap<>();
    final Map<String, Long> ended = new ConcurrentHashMap<>();
    final Map<String, Offer> placedOn = new ConcurrentHashMap<>();
    volatile SchedulerClient client;

    @Override
    public void subscribed(FrameworkID id, MasterInfo master) {}

    @Override
    public void offers(List<Offer> list) {
      offers.addAll(list);
    }

    @Override
    public void update(TaskStatus status) {
      long now = System.nanoTime();
      String id = status.getTaskId().getValue();
      if (status.getState() == TaskState.TASK_RUNNING) {
        running.putIfAbsent(id, now);
      } else if (status.getState() == TaskState.TASK_KILLED) {
        ended.putIfAbsent(id, now);
      } else if (status.getState() != TaskState.TASK_STARTING
          && status.getState() != TaskState.TASK_STAGING
          && status.getState() != TaskState.TASK_KILLING) {
        System.out.println(
            "unexpected update: " + status.getState() + " " + id + " " + status.getMessage());
      }
      if (!status.getUuid().isEmpty()) {
        client.acknowledge(status);
      }
    }

    void launchAndAwait(String prefix, int first, int count, int perOffer) throws Exception {
      int next = first;
      while (next < first + count) {
        Offer offer = offers.poll(STEP.toSeconds(), TimeUnit.SECONDS);
        if (offer == null) {
          throw new IllegalStateException("no offer within " + STEP);
        }
        int fit = (int) Math.min(perOffer, Math.floor(scalar(offer, "cpus") / 0.01));
        List<TaskInfo> tasks = new ArrayList<>();
        for (int i = 0; i < fit && next < first + count; i++, next++) {
          String id = prefix + "-" + next;
          placedOn.put(id, offer);
          tasks.add(
              TaskInfo.newBuilder()
                  .setName(id)
                  .setTaskId(TaskID.newBuilder().setValue(id))
                  .setAgentId(offer.getAgentId())
                  .addAllResources(ResourceConverter.toProto(ResourceText.parse("cpus:0.01;mem:1")))
                  .setCommand(CommandInfo.newBuilder().setValue("sleep 3600"))
                  .build());
        }
        client.launch(offer.getId(), tasks);
      }
      await(prefix + " tasks running")
          .atMost(STEP)
          .pollInterval(Duration.ofMillis(1))
          .until(
              () ->
                  java.util.stream.IntStream.range(first, first + count)
                      .allMatch(i -> running.containsKey(prefix + "-" + i)));
    }

    void kill(String id) {
      client.kill(TaskID.newBuilder().setValue(id).build(), placedOn.get(id).getAgentId());
    }

    long awaitEnded(String id, Duration within) throws InterruptedException {
      await(id + " killed")
          .atMost(within)
          .pollInterval(Duration.ofMillis(1))
          .until(() -> ended.containsKey(id));
      return ended.get(id);
    }

    private static double scalar(Offer offer, String name) {
      return offer.getResourcesList().stream()
          .filter(r -> r.getName().equals(name) && r.getType() == Value.Type.SCALAR)
          .mapToDouble(r -> r.getScalar().getValue())
          .sum();
    }
  }
}
