package io.dcos.kernel.it;

import static org.awaitility.Awaitility.await;

import io.dcos.kernel.bench.KernelProcess;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * A real cluster for one test: a real ZooKeeper server, masters and agents as separate JVMs on
 * their own loopback addresses ({@code 127.1.<cluster>.<n>}), all with timings short enough for
 * tests. Closing it kills everything.
 */
final class TestCluster implements AutoCloseable {
  static final Duration STARTUP = Duration.ofSeconds(90);
  private static final List<String> JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
  private static final AtomicInteger CLUSTERS = new AtomicInteger();

  final int subnet = 10 + CLUSTERS.incrementAndGet();
  final TestingServer zk;
  final String zkUrl;
  final List<KernelProcess> masters = new ArrayList<>();
  final List<KernelProcess> agents = new ArrayList<>();
  final List<Path> agentWorkDirs = new ArrayList<>();
  private final CuratorFramework curator;
  final MasterDetector detector;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Path workRoot;

  /** Silence after which masters mark an agent unreachable; set before starting masters. */
  Duration agentPingTimeout = Duration.ofSeconds(3);

  TestCluster() throws Exception {
    zk =
        new TestingServer(
            new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1, null, "127.0.0.1"), true);
    zkUrl = "zk://127.0.0.1:" + zk.getPort() + "/mesos";
    curator =
        CuratorFrameworkFactory.newClient(
            zk.getConnectString(), 5000, 2000, new ExponentialBackoffRetry(100, 5));
    curator.start();
    detector = new MasterDetector(curator, "/mesos").start();
    workRoot = Files.createTempDirectory("kernel-it-");
  }

  String masterIp(int n) {
    return "127.1." + subnet + "." + n;
  }

  String agentIp(int n) {
    return "127.1." + subnet + "." + (100 + n);
  }

  KernelProcess startMaster() {
    int n = masters.size() + 1;
    String ip = masterIp(n);
    KernelProcess p =
        new KernelProcess(
                "c" + subnet + "-master-" + n,
                ip,
                System.getProperty("kernel.master.jar"),
                JVM_OPTIONS,
                List.of(
                    "--zk=" + zkUrl,
                    "--ip=" + ip,
                    "--port=5050",
                    "--grpc_port=5060",
                    "--heartbeat_interval=500ms",
                    "--agent_ping_timeout=" + agentPingTimeout.toMillis() + "ms",
                    "--mesos.master.zk-session-timeout=2s",
                    "--mesos.master.default-refuse=1s"))
            .start();
    masters.add(p);
    return p;
  }

  /** What the tests' agents offer unless a test needs something else. */
  static final String AGENT_RESOURCES = "cpus:2;mem:1024;ports:[31000-31100]";

  /** Starts a master and one agent and waits until the agent is active; returns the agent. */
  KernelProcess startMasterAndAgent() {
    startMaster();
    KernelProcess agent = startAgent(AGENT_RESOURCES, "");
    awaitActiveAgents(1);
    return agent;
  }

  KernelProcess startAgent(String resources, String attributes) {
    int n = agents.size() + 1;
    Path workDir = workRoot.resolve("agent-" + n);
    agentWorkDirs.add(workDir);
    KernelProcess p = agentProcess(n, workDir, resources, attributes).start();
    agents.add(p);
    return p;
  }

  /** Starts the n-th agent again (1-based) with the same work dir, after it was killed. */
  KernelProcess restartAgent(int n, String resources, String attributes) {
    KernelProcess p = agentProcess(n, agentWorkDirs.get(n - 1), resources, attributes).start();
    agents.set(n - 1, p);
    return p;
  }

  private KernelProcess agentProcess(int n, Path workDir, String resources, String attributes) {
    String ip = agentIp(n);
    return new KernelProcess(
        "c" + subnet + "-agent-" + n,
        ip,
        System.getProperty("kernel.agent.jar"),
        JVM_OPTIONS,
        List.of(
            "--master=" + zkUrl,
            "--ip=" + ip,
            "--port=5051",
            "--work_dir=" + workDir,
            "--resources=" + resources,
            "--attributes=" + attributes,
            "--mesos.agent.status-update-retry=1s",
            "--mesos.agent.status-update-max-retry=2s",
            "--mesos.agent.registration-backoff=500ms",
            "--mesos.agent.zk-session-timeout=4s"));
  }

  MasterInfo awaitLeader() {
    return await().atMost(STARTUP).until(detector::leader, Optional::isPresent).orElseThrow();
  }

  /** The master process that currently leads. */
  KernelProcess leaderProcess() {
    MasterInfo leader = awaitLeader();
    return masters.stream()
        .filter(m -> m.ip().equals(leader.getAddress().getIp()) && m.alive())
        .findFirst()
        .orElseThrow(() -> new AssertionError("the leader " + leader + " is not one of ours"));
  }

  /** Waits until the leading master reports {@code count} active agents. */
  void awaitActiveAgents(int count) {
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> metric("master/slaves_active") >= count);
  }

  double metric(String name) {
    String body = get(leaderUrl("/metrics/snapshot")).body();
    String key = "\"" + name + "\":";
    int i = body.indexOf(key);
    if (i < 0) {
      throw new AssertionError("metric " + name + " missing from " + body);
    }
    int end = i + key.length();
    while (end < body.length() && "0123456789.-Ee".indexOf(body.charAt(end)) >= 0) {
      end++;
    }
    return Double.parseDouble(body.substring(i + key.length(), end));
  }

  String leaderUrl(String path) {
    MasterInfo leader = awaitLeader();
    return "http://" + leader.getAddress().getIp() + ":" + leader.getPort() + path;
  }

  String agentUrl(int n, String path) {
    return "http://" + agentIp(n) + ":5051" + path;
  }

  /**
   * Tasks outlive their agents by design; after a test they are found by their wrapper, which names
   * its run directory under the test's work root, and killed with their process group.
   */
  static void killTasksUnder(Path root) throws IOException {
    try {
      Process pgrep = new ProcessBuilder("pgrep", "-f", root.toString()).start();
      String out = new String(pgrep.getInputStream().readAllBytes()).trim();
      pgrep.waitFor();
      for (String pid : out.split("\\s+")) {
        if (!pid.isBlank()) {
          new ProcessBuilder("kill", "-9", "--", "-" + pid).start().waitFor();
          new ProcessBuilder("kill", "-9", pid).start().waitFor();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  HttpResponse<String> get(String url) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    agents.forEach(KernelProcess::close);
    masters.forEach(KernelProcess::close);
    killTasksUnder(workRoot);
    detector.close();
    curator.close();
    zk.close();
  }
}
