package io.dcos.marathon.server.scheduling;

import io.dcos.kernel.bench.KernelProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * A real cluster for end-to-end tests of the scheduler, on this package's loopback addresses
 * (127.4.100.x): a ZooKeeper server, a PostgreSQL server, masters and agents as JVMs of their own.
 */
final class KernelCluster {
  static final String ZK_IP = "127.4.100.1";
  static final String PG_IP = "127.4.100.2";
  private static final List<String> JVM =
      List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  final TestingServer zk;
  final EmbeddedPostgres pg;
  final Path work;
  final List<KernelProcess> masters = new ArrayList<>();
  final List<KernelProcess> agents = new ArrayList<>();
  private int databases;

  KernelCluster() throws Exception {
    zk =
        new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1, null, ZK_IP), true);
    pg =
        EmbeddedPostgres.builder()
            // The library checks readiness on localhost.
            .setServerConfig("listen_addresses", PG_IP + ",localhost")
            .setServerConfig("max_connections", "60")
            .start();
    work = Files.createTempDirectory("marathon-e2e-");
  }

  /** The masters' ZooKeeper URL. */
  String mesosZk() {
    return "zk://" + ZK_IP + ":" + zk.getPort() + "/mesos";
  }

  /** A ZooKeeper URL for marathon-svc's leader election. */
  String marathonZk() {
    return "zk://" + ZK_IP + ":" + zk.getPort() + "/marathon";
  }

  /** A fresh database; its JDBC URL (user and password postgres). */
  String newDatabase() throws Exception {
    String name = "marathon_e2e_" + (++databases);
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return "jdbc:postgresql://" + PG_IP + ":" + pg.getPort() + "/" + name;
  }

  KernelProcess startMaster(String ip) {
    KernelProcess m =
        new KernelProcess(
                "e2e-master-" + ip,
                ip,
                System.getProperty("kernel.master.jar"),
                JVM,
                List.of(
                    "--zk=" + mesosZk(),
                    "--ip=" + ip,
                    "--port=5050",
                    "--grpc_port=5060",
                    "--heartbeat_interval=500ms",
                    "--mesos.master.zk-session-timeout=2s",
                    "--mesos.master.default-refuse=1s"))
            .start();
    masters.add(m);
    return m;
  }

  KernelProcess startAgent(String ip, String resources) {
    KernelProcess a =
        new KernelProcess(
                "e2e-agent-" + ip,
                ip,
                System.getProperty("kernel.agent.jar"),
                JVM,
                List.of(
                    "--master=" + mesosZk(),
                    "--ip=" + ip,
                    "--port=5051",
                    "--work_dir=" + work.resolve("agent-" + ip),
                    "--resources=" + resources,
                    "--mesos.agent.registration-backoff=500ms"))
            .start();
    agents.add(a);
    return a;
  }

  void close() throws Exception {
    agents.forEach(KernelProcess::killWithDescendants);
    masters.forEach(KernelProcess::close);
    // Tasks started from the work directory that outlived their agent.
    Process pgrep = new ProcessBuilder("pgrep", "-f", work.toString()).start();
    String pids = new String(pgrep.getInputStream().readAllBytes()).trim();
    pgrep.waitFor();
    for (String pid : pids.split("\\s+")) {
      if (!pid.isBlank()) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    pg.close();
    zk.close();
  }
}
