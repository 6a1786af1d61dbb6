package io.dcos.kernel.bench;

import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Leader failover of three real masters: each round kills -9 the leader and measures the time until
 * (a) ZooKeeper names a new leader (seen by a watcher in this JVM) and (b) a framework built on the
 * scheduler SDK is subscribed again at the new leader. The killed master is restarted before the
 * next round, so three masters always contend. Settings: {@code bench.rounds}, {@code
 * bench.zk.session} (the masters' ZooKeeper session timeout).
 */
public final class LeaderFailoverBenchmark {
  private static final Duration ROUND_LIMIT = Duration.ofSeconds(30);
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  /** A moment something was observed, and what. */
  record Seen(long at, MasterInfo master) {}

  private LeaderFailoverBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 10);
    String session = System.getProperty("bench.zk.session", "2s");
    System.out.printf(
        Locale.ROOT,
        "leader failover: 3 masters, ZooKeeper tick 500 ms, master session timeout %s, %d"
            + " rounds of kill -9 of the leader%n",
        session,
        rounds);
    List<String> flags = List.of("--mesos.master.zk-session-timeout=" + session);
    try (BenchCluster cluster = new BenchCluster(2)) {
      for (int n = 1; n <= 3; n++) {
        cluster.startMaster(n, "512m", flags);
      }
      AtomicReference<Seen> zkLeader = new AtomicReference<>();
      cluster.detector.addListener(
          l -> l.ifPresent(m -> zkLeader.set(new Seen(System.nanoTime(), m))));
      Deadline.await(
          "three masters contend",
          START_LIMIT,
          Duration.ofMillis(50),
          () -> contenders(cluster) == 3);

      AtomicReference<Seen> subscribedAt = new AtomicReference<>();
      Scheduler framework =
          new Scheduler() {
            @Override
            public void subscribed(FrameworkID frameworkId, MasterInfo master) {
              subscribedAt.set(new Seen(System.nanoTime(), master));
            }

            @Override
            public void offers(List<Offer> offers) {}

            @Override
            public void update(TaskStatus status) {}
          };
      Samples toZooKeeper = new Samples("kill -9 -> new leader znode");
      Samples toSubscribed = new Samples("kill -9 -> framework SUBSCRIBED");
      try (SchedulerClient client =
          SchedulerClient.builder(
                  FrameworkInfo.newBuilder()
                      .setName("failover-probe")
                      .setUser("root")
                      .setFailoverTimeout(3600)
                      .build(),
                  framework)
              .zooKeeper(ZooKeeperUrl.parse(cluster.zkUrl))
              .start()) {
        client.subscription().get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        for (int round = 1; round <= rounds; round++) {
          MasterInfo old = cluster.awaitLeader(START_LIMIT);
          KernelProcess victim =
              Deadline.awaitValue(
                  "the leader is one of our masters",
                  START_LIMIT,
                  Duration.ofMillis(20),
                  cluster::leaderProcess);
          Deadline.await(
              "the framework is subscribed at the leader and three masters contend",
              START_LIMIT,
              Duration.ofMillis(20),
              () ->
                  sameMaster(subscribedAt.get(), old)
                      && client.isSubscribed()
                      && contenders(cluster) == 3);

          long killedAt = System.nanoTime();
          victim.kill9();
          Seen newLeader =
              Deadline.awaitValue(
                  "a new leader znode",
                  ROUND_LIMIT,
                  Duration.ofMillis(1),
                  () -> Optional.ofNullable(zkLeader.get()).filter(s -> !sameMaster(s, old)));
          Seen resubscribed =
              Deadline.awaitValue(
                  "the framework subscribed at the new leader",
                  ROUND_LIMIT,
                  Duration.ofMillis(1),
                  () -> Optional.ofNullable(subscribedAt.get()).filter(s -> !sameMaster(s, old)));
          toZooKeeper.add(newLeader.at() - killedAt);
          toSubscribed.add(resubscribed.at() - killedAt);
          System.out.printf(
              Locale.ROOT,
              "round %2d: killed %s; new leader %s in ZooKeeper after %.0f ms; framework"
                  + " subscribed there after %.0f ms%n",
              round,
              old.getAddress().getIp(),
              newLeader.master().getAddress().getIp(),
              (newLeader.at() - killedAt) / 1e6,
              (resubscribed.at() - killedAt) / 1e6);

          int n = cluster.masters.indexOf(victim) + 1;
          cluster.startMaster(n, "512m", flags);
        }
        System.out.println(toZooKeeper.summary());
        System.out.println(toSubscribed.summary());
        client.teardown();
      }
    }
  }

  private static boolean sameMaster(Seen seen, MasterInfo m) {
    return seen != null && seen.master().getId().equals(m.getId());
  }

  private static int contenders(BenchCluster cluster) {
    try {
      return cluster.contenders();
    } catch (Exception e) {
      return -1;
    }
  }
}
