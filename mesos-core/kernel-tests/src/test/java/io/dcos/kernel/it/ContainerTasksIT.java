package io.dcos.kernel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dcos.kernel.protocol.ContainerInfo;
import io.dcos.kernel.protocol.HealthCheck;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Docker tasks and agent-side health checks on a real cluster. */
class ContainerTasksIT {
  private static final Duration SOON = Duration.ofSeconds(45);

  @Test
  void dockerTasksRunWithHostNetworkingAndTheSandboxMounted() throws Exception {
    assumeThat(LocalImages.dockerAvailable()).as("a Docker engine").isTrue();
    String image = LocalImages.busybox();
    try (TestCluster cluster = new TestCluster()) {
      cluster.startMasterAndAgent();
      try (TestFramework framework = new TestFramework(cluster, "it", false, 60)) {
        framework.awaitSubscribed();
        Offer offer = framework.takeOffer();
        TaskInfo task =
            TestFramework.commandTask(
                    "box",
                    offer,
                    "cpus:0.1;mem:64;ports:[31020-31020]",
                    "echo in-docker sandbox=$MESOS_SANDBOX port=$PORT0; exec sleep 600")
                .toBuilder()
                .setContainer(
                    ContainerInfo.newBuilder()
                        .setType(ContainerInfo.Type.DOCKER)
                        .setDocker(
                            ContainerInfo.DockerInfo.newBuilder()
                                .setImage(image)
                                .setNetwork(ContainerInfo.DockerInfo.Network.HOST)))
                .build();
        framework.client.launch(offer.getId(), task);
        TaskStatus running = framework.awaitState("box", TaskState.TASK_RUNNING, SOON);

        String sandbox = AgentState.sandboxOf(AgentState.read(cluster, 1), "box").orElseThrow();
        String stdout = AgentState.awaitStdout(cluster, 1, sandbox, "in-docker", SOON);
        assertThat(stdout).contains("sandbox=/mnt/mesos/sandbox").contains("port=31020");

        framework.client.kill(running.getTaskId(), running.getAgentId(), Duration.ofSeconds(1));
        framework.awaitState("box", TaskState.TASK_KILLED, SOON);
      } finally {
        // Docker containers are not under the test's work root; remove any this test left.
        new ProcessBuilder(
                "sh",
                "-c",
                "docker ps -aq --filter label=MESOS_TASK_ID=box | xargs -r docker rm -f")
            .start()
            .waitFor();
      }
    }
  }

  @Test
  void healthChecksRunOnTheAgentAndFailingTasksAreKilled() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      cluster.startMasterAndAgent();
      try (TestFramework framework = new TestFramework(cluster, "it", false, 60)) {
        framework.awaitSubscribed();

        Offer offer = framework.takeOffer();
        TaskInfo healthy =
            TestFramework.commandTask(
                    "served",
                    offer,
                    "cpus:0.1;mem:32;ports:[31030-31030]",
                    "mkdir -p www && echo ok > www/index.html && exec busybox httpd -f -p $HOST:$PORT0 -h www")
                .toBuilder()
                .setHealthCheck(
                    quick(
                        HealthCheck.newBuilder()
                            .setType(HealthCheck.Type.HTTP)
                            .setHttp(
                                HealthCheck.HTTPCheckInfo.newBuilder()
                                    .setPort(31030)
                                    .setPath("/"))))
                .build();
        TaskInfo failing =
            TestFramework.commandTask("unserved", offer, "cpus:0.1;mem:32", "exec sleep 600")
                .toBuilder()
                .setHealthCheck(
                    quick(
                        HealthCheck.newBuilder()
                            .setType(HealthCheck.Type.TCP)
                            .setTcp(HealthCheck.TCPCheckInfo.newBuilder().setPort(31099))))
                .build();
        TaskInfo halfServed =
            TestFramework.commandTask(
                    "half-served",
                    offer,
                    "cpus:0.1;mem:32;ports:[31031-31031]",
                    "mkdir -p www && echo ok > www/index.html && exec busybox httpd -f -p $HOST:$PORT0 -h www")
                .toBuilder()
                .setHealthCheck(
                    quick(
                        HealthCheck.newBuilder()
                            .setType(HealthCheck.Type.HTTP)
                            .setHttp(
                                HealthCheck.HTTPCheckInfo.newBuilder()
                                    .setPort(31031)
                                    .setPath("/"))))
                .addAdditionalHealthChecks(
                    quick(
                        HealthCheck.newBuilder()
                            .setType(HealthCheck.Type.TCP)
                            .setTcp(HealthCheck.TCPCheckInfo.newBuilder().setPort(31098))))
                .build();
        framework.client.launch(offer.getId(), healthy, failing, halfServed);

        framework.awaitUpdate(
            SOON,
            s ->
                s.getTaskId().getValue().equals("served")
                    && s.getState() == TaskState.TASK_RUNNING
                    && s.hasHealthy()
                    && s.getHealthy());
        framework.awaitUpdate(
            SOON,
            s ->
                s.getTaskId().getValue().equals("unserved")
                    && s.getState() == TaskState.TASK_RUNNING
                    && s.hasHealthy()
                    && !s.getHealthy());
        TaskStatus killed = framework.awaitState("unserved", TaskState.TASK_KILLED, SOON);
        assertThat(killed.getMessage()).contains("health check");
        TaskStatus halfKilled = framework.awaitState("half-served", TaskState.TASK_KILLED, SOON);
        assertThat(halfKilled.getMessage())
            .as("a passing first check does not save a task whose second check fails")
            .contains("health check 2 failed");
        assertThat(framework.updates)
            .noneMatch(
                s ->
                    s.getTaskId().getValue().equals("served")
                        && s.getState() == TaskState.TASK_KILLED);
      }
    }
  }

  private static HealthCheck quick(HealthCheck.Builder check) {
    return check
        .setDelaySeconds(0)
        .setIntervalSeconds(0.5)
        .setTimeoutSeconds(1)
        .setGracePeriodSeconds(0)
        .setConsecutiveFailures(2)
        .build();
  }
}
