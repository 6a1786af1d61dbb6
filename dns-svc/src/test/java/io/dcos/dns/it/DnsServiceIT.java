package io.dcos.dns.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.dns.DnsServiceApplication;
import io.dcos.dns.cluster.ClusterFollower;
import io.dcos.dns.server.DnsServer;
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
import io.dcos.kernel.sdk.Scheduler;
import io.dcos.kernel.sdk.SchedulerClient;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * dns-svc against a real cluster: a ZooKeeper server, a master and an agent as JVMs of their own,
 * and a framework launching a real process task. Names appear within a second of TASK_RUNNING and
 * vanish within a second of the task's end.
 */
class DnsServiceIT {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration FRESH = Duration.ofSeconds(1);
  private static final List<String> JVM =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
  private static final String MASTER_IP = "127.1.53.1";
  private static final String STANDBY_IP = "127.1.53.2";
  private static final String AGENT_IP = "127.1.53.101";
  private static final String DNS_IP = "127.1.53.53";
  private static final String ZK_IP = "127.1.54.1";

  TestingServer zk;
  String zkUrl;
  KernelProcess standby;
  KernelProcess master;
  KernelProcess agent;
  ConfigurableApplicationContext dns;
  SchedulerClient framework;
  Path work;
  SimpleResolver resolver;
  final BlockingQueue<Offer> offers = new LinkedBlockingQueue<>();
  final BlockingQueue<TaskStatus> updates = new LinkedBlockingQueue<>();

  @BeforeEach
  void startCluster() throws Exception {
    zk =
        new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1, null, ZK_IP), true);
    zkUrl = "zk://" + ZK_IP + ":" + zk.getPort() + "/mesos";
    work = Files.createTempDirectory("dns-it-");
    master = startMaster("dns-master-1", MASTER_IP);
    agent =
        new KernelProcess(
                "dns-agent",
                AGENT_IP,
                System.getProperty("kernel.agent.jar"),
                JVM,
                List.of(
                    "--master=" + zkUrl,
                    "--ip=" + AGENT_IP,
                    "--port=5051",
                    "--work_dir=" + work.resolve("agent"),
                    "--resources=cpus:2;mem:512;ports:[31000-31010]",
                    "--mesos.agent.registration-backoff=500ms"))
            .start();
    dns =
        SpringApplication.run(
            DnsServiceApplication.class,
            "--dns.zk=" + zkUrl,
            "--dns.listen-ip=" + DNS_IP,
            "--dns.port=0",
            "--dns.http-port=0",
            "--dns.zk-session-timeout=2s",
            "--dns.ttl=5s");
    int port = dns.getBean(DnsServer.class).port();
    resolver = new SimpleResolver(new InetSocketAddress(DNS_IP, port));
    resolver.setTimeout(Duration.ofSeconds(2));
    framework =
        SchedulerClient.builder(
                FrameworkInfo.newBuilder()
                    .setName("marathon")
                    .setUser("root")
                    // Outlives the ZooKeeper outage test's re-election and the SDK's backoff.
                    .setFailoverTimeout(60)
                    .build(),
                new Scheduler() {
                  @Override
                  public void subscribed(FrameworkID id, MasterInfo m) {}

                  @Override
                  public void offers(List<Offer> list) {
                    offers.addAll(list);
                  }

                  @Override
                  public void update(TaskStatus status) {
                    updates.add(status);
                    if (!status.getUuid().isEmpty()) {
                      framework.acknowledge(status);
                    }
                  }
                })
            .zooKeeper(ZooKeeperUrl.parse(zkUrl))
            .start();
  }

  @AfterEach
  void stopCluster() throws Exception {
    if (framework != null) {
      framework.close();
    }
    if (dns != null) {
      dns.close();
    }
    if (agent != null) {
      agent.close();
    }
    if (master != null) {
      master.close();
    }
    if (standby != null) {
      standby.close();
    }
    Process pgrep = new ProcessBuilder("pgrep", "-f", work.toString()).start();
    String pids = new String(pgrep.getInputStream().readAllBytes()).trim();
    pgrep.waitFor();
    for (String pid : pids.split("\\s+")) {
      if (!pid.isBlank()) {
        new ProcessBuilder("kill", "-9", pid).start().waitFor();
      }
    }
    zk.close();
  }

  KernelProcess startMaster(String name, String ip) {
    return new KernelProcess(
            name,
            ip,
            System.getProperty("kernel.master.jar"),
            JVM,
            List.of(
                "--zk=" + zkUrl,
                "--ip=" + ip,
                "--port=5050",
                "--grpc_port=5060",
                "--heartbeat_interval=500ms",
                "--mesos.master.zk-session-timeout=2s",
                "--mesos.master.default-refuse=1s"))
        .start();
  }

  Message ask(String name, int type) throws Exception {
    return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, 1)));
  }

  List<String> answers(String name, int type) throws Exception {
    return ask(name, type).getSection(Section.ANSWER).stream()
        .filter(r -> r.getType() == type)
        .map(Record::rdataToString)
        .toList();
  }

  TaskStatus awaitState(TaskState state) throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      TaskStatus s = updates.poll(1, TimeUnit.SECONDS);
      if (s != null && s.getState() == state) {
        return s;
      }
      assertThat(s == null ? TaskState.TASK_RUNNING : s.getState())
          .as("task update %s", s)
          .isIn(
              TaskState.TASK_STAGING,
              TaskState.TASK_STARTING,
              TaskState.TASK_RUNNING,
              TaskState.TASK_KILLING,
              state);
    }
    throw new AssertionError("no " + state + " within " + STARTUP);
  }

  @Test
  void taskNamesFollowTheTaskLifecycle() throws Exception {
    await()
        .atMost(STARTUP)
        .ignoreExceptions()
        .until(() -> answers("leader.mesos.", Type.A), a -> a.equals(List.of(MASTER_IP)));
    assertThat(answers("_leader._tcp.mesos.", Type.SRV)).containsExactly("0 1 5050 leader.mesos.");
    await()
        .atMost(STARTUP)
        .ignoreExceptions()
        .until(() -> answers("slave.mesos.", Type.A), a -> a.equals(List.of(AGENT_IP)));

    Offer offer = launchWeb();
    awaitState(TaskState.TASK_RUNNING);
    await()
        .atMost(FRESH)
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptions()
        .until(() -> answers("web.marathon.mesos.", Type.A), a -> a.equals(List.of(AGENT_IP)));
    assertThat(answers("_web._tcp.marathon.mesos.", Type.SRV))
        .containsExactly("0 1 31005 web.marathon.slave.mesos.");
    assertThat(answers("web.marathon.slave.mesos.", Type.A)).containsExactly(AGENT_IP);
    assertThat(dig(dns.getBean(DnsServer.class).port(), "web.marathon.mesos")).contains(AGENT_IP);
    assertThat(http("/v1/services/_web._tcp.marathon.mesos."))
        .contains("\"port\":\"31005\"")
        .contains(AGENT_IP);

    framework.kill(TaskID.newBuilder().setValue("web-1").build(), offer.getAgentId());
    awaitState(TaskState.TASK_KILLED);
    await()
        .atMost(FRESH)
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptions()
        .until(() -> ask("web.marathon.mesos.", Type.A).getRcode() == Rcode.NXDOMAIN);
    assertThat(ask("_web._tcp.marathon.mesos.", Type.SRV).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(answers("leader.mesos.", Type.A)).containsExactly(MASTER_IP);

    assertThat(http("/actuator/health")).contains("\"status\":\"UP\"");
    String metrics = http("/actuator/prometheus");
    assertThat(metric(metrics, "dns_queries_total{rcode=\"NXDOMAIN\",transport=\"udp\"}"))
        .isGreaterThanOrEqualTo(2);
    assertThat(metric(metrics, "dns_queries_total{rcode=\"NOERROR\",transport=\"udp\"}"))
        .isGreaterThanOrEqualTo(5);
    assertThat(metric(metrics, "dns_follower_resyncs_total")).isEqualTo(1);
  }

  /** A sample's value in Prometheus text. */
  private static double metric(String text, String sample) {
    return text.lines()
        .filter(l -> l.startsWith(sample + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(sample.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + sample + " in\n" + text));
  }

  /** Launches the task {@code web} with host port 31005 on the next offer. */
  Offer launchWeb() throws InterruptedException {
    Offer offer = offers.poll(STARTUP.toSeconds(), TimeUnit.SECONDS);
    assertThat(offer).as("an offer").isNotNull();
    framework.launch(
        offer.getId(),
        TaskInfo.newBuilder()
            .setName("web")
            .setTaskId(TaskID.newBuilder().setValue("web-1"))
            .setAgentId(offer.getAgentId())
            .addAllResources(
                ResourceConverter.toProto(
                    ResourceText.parse("cpus:0.1;mem:32;ports:[31005-31005]")))
            .setCommand(CommandInfo.newBuilder().setValue("sleep 120"))
            .build());

    return offer;
  }

  @Test
  void aNewLeaderIsFollowedWithAFullResync() throws Exception {
    standby = startMaster("dns-master-2", STANDBY_IP);
    await()
        .atMost(STARTUP)
        .ignoreExceptions()
        .until(
            () -> answers("master.mesos.", Type.A),
            a -> a.size() == 2 && a.containsAll(List.of(MASTER_IP, STANDBY_IP)));
    assertThat(answers("master1.mesos.", Type.A)).containsExactly(MASTER_IP);
    assertThat(answers("leader.mesos.", Type.A)).containsExactly(MASTER_IP);
    launchWeb();
    awaitState(TaskState.TASK_RUNNING);
    await()
        .atMost(FRESH)
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptions()
        .until(() -> answers("web.marathon.mesos.", Type.A), a -> a.equals(List.of(AGENT_IP)));

    master.kill9();
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> answers("leader.mesos.", Type.A), a -> a.equals(List.of(STANDBY_IP)));
    assertThat(answers("master.mesos.", Type.A)).containsExactly(STANDBY_IP);
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> answers("_web._tcp.marathon.mesos.", Type.SRV),
            a -> a.equals(List.of("0 1 31005 web.marathon.slave.mesos.")));
  }

  @Test
  void namesOutliveAZooKeeperOutageAndAreResyncedAfterIt() throws Exception {
    ClusterFollower follower = dns.getBean(ClusterFollower.class);
    Offer offer = launchWeb();
    awaitState(TaskState.TASK_RUNNING);
    await()
        .atMost(FRESH)
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptions()
        .until(() -> answers("web.marathon.mesos.", Type.A), a -> a.equals(List.of(AGENT_IP)));
    long resyncs = follower.resyncs();
    long lost = follower.sessionsLost();

    zk.stop();
    // The DNS service's session (2 s) expires; the last known names stay served throughout.
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> answers("web.marathon.mesos.", Type.A), a -> a.equals(List.of(AGENT_IP)));
    await().atMost(Duration.ofSeconds(10)).until(() -> follower.sessionsLost() > lost);

    zk.restart();
    await().atMost(STARTUP).until(() -> follower.resyncs() > resyncs);
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> answers("leader.mesos.", Type.A), a -> a.equals(List.of(MASTER_IP)));
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> answers("_web._tcp.marathon.mesos.", Type.SRV),
            a -> a.equals(List.of("0 1 31005 web.marathon.slave.mesos.")));

    // The new stream is live: the end of the task is seen within a second. The framework itself
    // re-subscribes once the master is elected again after the outage; its kill waits for that.
    await().atMost(STARTUP).until(framework::isSubscribed);
    framework.kill(TaskID.newBuilder().setValue("web-1").build(), offer.getAgentId());
    awaitState(TaskState.TASK_KILLED);
    await()
        .atMost(FRESH)
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptions()
        .until(() -> ask("web.marathon.mesos.", Type.A).getRcode() == Rcode.NXDOMAIN);
  }

  private String http(String path) throws Exception {
    int port = ((ServletWebServerApplicationContext) dns).getWebServer().getPort();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://" + DNS_IP + ":" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** dig's short answer (dig comes with the installer's prerequisites). */
  private static String dig(int port, String name) throws Exception {
    Process p =
        new ProcessBuilder(
                "dig", "@" + DNS_IP, "-p", Integer.toString(port), "+short", "+time=2", name)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
