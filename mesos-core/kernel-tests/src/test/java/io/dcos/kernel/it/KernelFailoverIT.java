package io.dcos.kernel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.TaskState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Masters and frameworks fail over without losing tasks. */
class KernelFailoverIT {
  private static final Duration SOON = Duration.ofSeconds(30);

  @Test
  void killingTheLeadingMasterKeepsEveryTaskAndTheFrameworkResubscribes() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      cluster.startMaster();
      cluster.startMaster();
      cluster.startMasterAndAgent();
      try (TestFramework framework = new TestFramework(cluster, "it", false, 3600)) {
        FrameworkID id = framework.awaitSubscribed();
        framework.launch("steady", "cpus:0.1;mem:32", "exec sleep 600");
        framework.awaitState("steady", TaskState.TASK_RUNNING, SOON);
        MasterInfo first = cluster.awaitLeader();

        cluster.leaderProcess().kill9();

        await().atMost(SOON).until(() -> framework.subscriptions.get() >= 2);
        assertThat(framework.client.frameworkId()).contains(id);
        assertThat(cluster.awaitLeader().getId()).isNotEqualTo(first.getId());
        framework.reconcileUntil("steady", TaskState.TASK_RUNNING, SOON);

        // The new leader offers and launches as the old one did.
        framework.launch("after", "cpus:0.1;mem:32", "exec sleep 600");
        framework.awaitState("after", TaskState.TASK_RUNNING, SOON);
        assertThat(framework.errors).isEmpty();
      }
    }
  }

  @Test
  void aFrameworkKeepsItsTasksUntilItsFailoverTimeout() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      cluster.startMasterAndAgent();
      FrameworkID id;
      try (TestFramework framework = new TestFramework(cluster, "it", false, 8)) {
        id = framework.awaitSubscribed();
        framework.launch("kept", "cpus:0.1;mem:32", "exec sleep 600");
        framework.awaitState("kept", TaskState.TASK_RUNNING, SOON);
      }
      // Disconnected, but within the failover timeout: it comes back to its task.
      try (TestFramework again =
          new TestFramework(cluster, TestFramework.info("it", false, 3, id))) {
        assertThat(again.awaitSubscribed()).isEqualTo(id);
        again.reconcileUntil("kept", TaskState.TASK_RUNNING, SOON);
      }
      // Gone past the (now 3 s) failover timeout: the master shuts its tasks down.
      await()
          .atMost(SOON)
          .ignoreExceptions()
          .until(() -> !AgentState.hasLiveTask(AgentState.read(cluster, 1), "kept"));
    }
  }
}
