package io.dcos.marathon.server.bench;

import io.dcos.kernel.bench.KernelProcess;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import io.dcos.kernel.simulator.AgentSpec;
import io.dcos.kernel.simulator.SimulatedAgent;
import io.dcos.kernel.simulator.SimulatedCluster;
import io.dcos.kernel.simulator.tasks.TaskScript;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.awaitility.Awaitility;

/**
 * The real parts of the deployment benchmark on loopback addresses 127.4.150.x: ZooKeeper (Curator
 * TestingServer) and PostgreSQL (zonky) in this JVM and a process of their own, one master and
 * marathon-svc as processes from their exec jars, and simulated agents in this JVM that answer
 * every launch with TASK_STARTING and TASK_RUNNING. Invariant: {@link #close()}, which also runs on
 * JVM shutdown, kills every process it started.
 */
final class DeployCluster implements AutoCloseable {
  static final String ZK_IP = "127.4.150.1";
  static final String PG_IP = "127.4.150.2";
  static final String MASTER_IP = "127.4.150.10";
  static final String MARATHON_IP = "127.4.150.20";
  static final int MARATHON_PORT = 8080;

  private final TestingServer zk;
  private final EmbeddedPostgres pg;
  private final List<KernelProcess> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::killProcesses, "deploy-bench-cleanup");
  private SimulatedCluster agents;
  private boolean closed;

  /**
   * Starts ZooKeeper and PostgreSQL; {@code synchronousCommit} is PostgreSQL's setting of that name
   * (zonky's default is off; on makes every commit wait for its WAL flush).
   */
  DeployCluster(String synchronousCommit) throws Exception {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    zk =
        new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 500, -1, null, ZK_IP), true);
    pg =
        EmbeddedPostgres.builder()
            // The library checks readiness on localhost.
            .setServerConfig("listen_addresses", PG_IP + ",localhost")
            .setServerConfig("max_connections", "50")
            .setServerConfig("synchronous_commit", synchronousCommit)
            .start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE marathon");
    }
  }

  String mesosZk() {
    return "zk://" + ZK_IP + ":" + zk.getPort() + "/mesos";
  }

  /** Starts the master as operators run it ({@code dcos-up}'s heap). */
  void startMaster() {
    processes.add(
        new KernelProcess(
                "deploy-master",
                MASTER_IP,
                System.getProperty("kernel.master.jar"),
                List.of("-Xmx512m"),
                List.of(
                    "--zk=" + mesosZk(), "--ip=" + MASTER_IP, "--port=5050", "--grpc_port=5060"))
            .start());
  }

  /** Starts {@code count} simulated agents and waits until every one is registered. */
  void startAgents(int count, String resources) {
    agents =
        SimulatedCluster.builder()
            .zooKeeper(ZooKeeperUrl.parse(mesosZk()))
            .agents(count, AgentSpec.uniform("deploy", resources, "", 10))
            .taskScript(TaskScript.fromLabels())
            .threads(2)
            .start();
    Awaitility.await(count + " simulated agents registered")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> agents.count(SimulatedAgent.State.REGISTERED) == count);
  }

  /** Starts marathon-svc from its exec jar with {@code dcos-up}'s heap; returns its base URL. */
  String startMarathon(List<String> extraJvmOptions) throws Exception {
    Path jar = Path.of(System.getProperty("marathon.server.jar", ""));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("-Dmarathon.server.jar must name the exec jar: " + jar);
    }
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
    jvm.addAll(extraJvmOptions);
    processes.add(
        new KernelProcess(
                "deploy-marathon",
                MARATHON_IP,
                jar.toString(),
                jvm,
                List.of(
                    "--marathon.http.address=" + MARATHON_IP,
                    "--marathon.http.port=" + MARATHON_PORT,
                    "--marathon.store.jdbc-url=jdbc:postgresql://"
                        + PG_IP
                        + ":"
                        + pg.getPort()
                        + "/marathon",
                    "--marathon.store.user=postgres",
                    "--marathon.store.password=postgres",
                    "--marathon.zk.url=zk://" + ZK_IP + ":" + zk.getPort() + "/marathon",
                    "--marathon.framework.master=" + mesosZk(),
                    "--spring.main.banner-mode=off"))
            .start());
    return "http://" + MARATHON_IP + ":" + MARATHON_PORT;
  }

  /** The marathon-svc process, for thread dumps. */
  KernelProcess marathon() {
    return processes.stream()
        .filter(p -> p.name().equals("deploy-marathon"))
        .findFirst()
        .orElseThrow();
  }

  private synchronized void killProcesses() {
    processes.forEach(KernelProcess::killWithDescendants);
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    killProcesses();
    if (agents != null) {
      agents.close();
    }
    pg.close();
    zk.close();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook kills the processes again, which is harmless.
    }
  }
}
