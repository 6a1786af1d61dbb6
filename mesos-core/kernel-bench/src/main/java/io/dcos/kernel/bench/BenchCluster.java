package io.dcos.kernel.bench;

import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.sdk.discovery.MasterDetector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * The real processes of one benchmark: a ZooKeeper server in this JVM (500 ms tick, as the
 * installer's embedded ZooKeeper, so 2 s sessions are allowed), masters and agents as JVMs of their
 * own on loopback addresses {@code 127.3.<subnet>.<n>}. Invariant: {@link #close()}, which also
 * runs on JVM shutdown, kills -9 every process it started and every task below them.
 */
final class BenchCluster implements AutoCloseable {
  static final String MASTER_JAR = "kernel.master.jar";
  static final String AGENT_JAR = "kernel.agent.jar";

  /**
   * Extra JVM options for masters and agents, space-separated, for example a Flight Recorder
   * profile: {@code -Dbench.master.jvm=-XX:StartFlightRecording=duration=60s,filename=m.jfr}.
   */
  static final String MASTER_JVM_OPTIONS = "bench.master.jvm";

  static final String AGENT_JVM_OPTIONS = "bench.agent.jvm";

  final TestingServer zk;
  final String zkUrl;
  final CuratorFramework curator;
  final MasterDetector detector;
  final List<KernelProcess> masters = new ArrayList<>();
  final List<KernelProcess> agents = new ArrayList<>();
  final Path workRoot;
  private final int subnet;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread shutdownHook = new Thread(this::killAll, "bench-cleanup");
  private boolean closed;

  BenchCluster(int subnet) throws Exception {
    this.subnet = subnet;
    for (String jar : List.of(MASTER_JAR, AGENT_JAR)) {
      String path = System.getProperty(jar);
      if (path == null || !Files.isRegularFile(Path.of(path))) {
        throw new IllegalStateException("-D" + jar + " must name the built exec jar: " + path);
      }
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    workRoot = Files.createTempDirectory("kernel-bench-");
    zk =
        new TestingServer(
            new InstanceSpec(null, -1, -1, -1, true, -1, 500, 2000, null, "127.0.0.1"), true);
    zkUrl = "zk://127.0.0.1:" + zk.getPort() + "/mesos";
    curator =
        CuratorFrameworkFactory.newClient(
            zk.getConnectString(), 10_000, 2_000, new ExponentialBackoffRetry(100, 5));
    curator.start();
    detector = new MasterDetector(curator, "/mesos").start();
  }

  private static List<String> jvmOptions(List<String> base, String property) {
    List<String> options = new ArrayList<>(base);
    String extra = System.getProperty(property, "").trim();
    if (!extra.isEmpty()) {
      options.addAll(List.of(extra.split("\\s+")));
    }
    return options;
  }

  String masterIp(int n) {
    return "127.3." + subnet + "." + n;
  }

  String agentIp(int n) {
    return "127.3." + subnet + "." + (100 + n);
  }

  /** Starts master {@code n} (1-based) on {@link #masterIp}, HTTP 5050, gRPC 5060. */
  KernelProcess startMaster(int n, String heap, List<String> extraFlags) {
    String ip = masterIp(n);
    List<String> flags = new ArrayList<>();
    flags.addAll(List.of("--zk=" + zkUrl, "--ip=" + ip, "--port=5050", "--grpc_port=5060"));
    flags.addAll(extraFlags);
    KernelProcess p =
        new KernelProcess(
                "bench-" + subnet + "-master-" + n,
                ip,
                System.getProperty(MASTER_JAR),
                jvmOptions(List.of("-Xms" + heap, "-Xmx" + heap), MASTER_JVM_OPTIONS),
                flags)
            .start();
    synchronized (this) {
      if (n <= masters.size()) {
        masters.set(n - 1, p);
      } else {
        masters.add(p);
      }
    }
    return p;
  }

  /** Starts a real agent with its own work directory under {@link #workRoot}. */
  KernelProcess startAgent(String resources, List<String> extraFlags) throws IOException {
    int n = agents.size() + 1;
    String ip = agentIp(n);
    Path workDir = Files.createDirectories(workRoot.resolve("agent-" + n));
    List<String> flags = new ArrayList<>();
    flags.addAll(
        List.of(
            "--master=" + zkUrl,
            "--ip=" + ip,
            "--port=5051",
            "--work_dir=" + workDir,
            "--resources=" + resources));
    flags.addAll(extraFlags);
    KernelProcess p =
        new KernelProcess(
                "bench-" + subnet + "-agent-" + n,
                ip,
                System.getProperty(AGENT_JAR),
                jvmOptions(List.of("-Xmx512m"), AGENT_JVM_OPTIONS),
                flags)
            .start();
    synchronized (this) {
      agents.add(p);
    }
    return p;
  }

  MasterInfo awaitLeader(Duration within) throws TimeoutException {
    return Deadline.awaitValue("a leading master", within, Duration.ofMillis(20), detector::leader);
  }

  /** The master process that leads right now, if it is one of ours. */
  Optional<KernelProcess> leaderProcess() {
    Optional<MasterInfo> leader = detector.leader();
    return leader.flatMap(
        l ->
            masters.stream()
                .filter(m -> m.alive() && m.ip().equals(l.getAddress().getIp()))
                .findFirst());
  }

  /** Number of masters contending: their {@code json.info_} znodes. */
  int contenders() throws Exception {
    return (int)
        curator.getChildren().forPath("/mesos").stream()
            .filter(n -> n.startsWith("json.info_"))
            .count();
  }

  /** A numeric metric of the leading master's {@code /metrics/snapshot}. */
  double metric(String name) throws IOException, InterruptedException, TimeoutException {
    MasterInfo leader = awaitLeader(Duration.ofSeconds(10));
    String url =
        "http://" + leader.getAddress().getIp() + ":" + leader.getPort() + "/metrics/snapshot";
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String key = "\"" + name + "\":";
    int i = body.indexOf(key);
    if (i < 0) {
      throw new IllegalStateException("metric " + name + " missing");
    }
    int end = i + key.length();
    while (end < body.length() && "0123456789.-Ee".indexOf(body.charAt(end)) >= 0) {
      end++;
    }
    return Double.parseDouble(body.substring(i + key.length(), end));
  }

  private synchronized void killAll() {
    agents.forEach(KernelProcess::killWithDescendants);
    masters.forEach(KernelProcess::killWithDescendants);
    killTasksUnder(workRoot);
  }

  /**
   * Tasks of real agents may have left their agent's process tree (they outlive agents by design);
   * their command lines name their run directory under this benchmark's own work root.
   */
  private static void killTasksUnder(Path root) {
    ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info().commandLine().map(c -> c.contains(root.toString())).orElse(false)
                    && p.pid() != ProcessHandle.current().pid())
        .forEach(
            p -> {
              p.descendants().forEach(ProcessHandle::destroyForcibly);
              p.destroyForcibly();
            });
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    killAll();
    detector.close();
    curator.close();
    zk.close();
    try (Stream<Path> files = Files.walk(workRoot)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left behind in the temp directory; nothing runs from it any more.
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs killAll again, which is harmless.
    }
  }
}
