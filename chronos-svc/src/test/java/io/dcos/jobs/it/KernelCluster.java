package io.dcos.jobs.it;

import io.dcos.jobs.TestCluster;
import io.dcos.kernel.bench.KernelProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real kernel for chronos-svc: PostgreSQL and ZooKeeper ({@link TestCluster}), a master and an
 * agent as JVMs of their own, all on loopback addresses of this module's range.
 */
final class KernelCluster implements AutoCloseable {
  static final List<String> JVM =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
  static final String MASTER_IP = "127.5.1.1";
  static final String AGENT_IP = "127.5.2.1";

  final TestCluster base;
  final String agentIp;
  final Path work;
  final KernelProcess master;
  final KernelProcess agent;

  KernelCluster(String name) throws Exception {
    this(name, TestCluster.IP, MASTER_IP, AGENT_IP);
  }

  /** A kernel on other loopback addresses, so test classes on different addresses can overlap. */
  KernelCluster(String name, String baseIp, String masterIp, String agentIp) throws Exception {
    base = new TestCluster(baseIp);
    this.agentIp = agentIp;
    work = Files.createTempDirectory("chronos-it-");
    master =
        new KernelProcess(
                name + "-master",
                masterIp,
                System.getProperty("kernel.master.jar"),
                JVM,
                List.of(
                    "--zk=" + base.zkUrl("/mesos"),
                    "--ip=" + masterIp,
                    "--port=5050",
                    "--grpc_port=5060",
                    "--heartbeat_interval=500ms",
                    "--mesos.master.zk-session-timeout=2s",
                    "--mesos.master.default-refuse=1s"))
            .start();
    agent =
        new KernelProcess(
                name + "-agent",
                agentIp,
                System.getProperty("kernel.agent.jar"),
                JVM,
                List.of(
                    "--master=" + base.zkUrl("/mesos"),
                    "--ip=" + agentIp,
                    "--port=5051",
                    "--work_dir=" + work.resolve("agent"),
                    "--resources=cpus:8;mem:4096;disk:1024",
                    "--mesos.agent.registration-backoff=500ms"))
            .start();
  }

  @Override
  public void close() throws java.io.IOException {
    agent.close();
    master.close();
    // Tasks the agent started outlive it as orphans: end them.
    Process pgrep = new ProcessBuilder("pgrep", "-f", work.toString()).start();
    String pids = new String(pgrep.getInputStream().readAllBytes()).trim();
    for (String pid : pids.split("\\s+")) {
      if (!pid.isBlank()) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    base.close();
  }
}
