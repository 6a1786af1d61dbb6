package io.dcos.kernel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.bench.KernelProcess;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Agents that crash or go silent lose no task. */
class AgentRecoveryIT {
  private static final Duration SOON = Duration.ofSeconds(30);

  @Test
  void aRestartedAgentReattachesToItsRunningTasks() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      // Long enough for the agent to restart without being declared unreachable.
      cluster.agentPingTimeout = Duration.ofSeconds(30);
      KernelProcess agent = cluster.startMasterAndAgent();
      try (TestFramework framework = new TestFramework(cluster, "it", false, 600)) {
        framework.awaitSubscribed();
        framework.launch("survivor", "cpus:0.1;mem:32", "exec sleep 600");
        TaskStatus running = framework.awaitState("survivor", TaskState.TASK_RUNNING, SOON);
        String sandbox =
            AgentState.sandboxOf(AgentState.read(cluster, 1), "survivor").orElseThrow();

        agent.kill9();
        cluster.restartAgent(1, TestCluster.AGENT_RESOURCES, "");

        await()
            .atMost(TestCluster.STARTUP)
            .ignoreExceptions()
            .until(() -> AgentState.read(cluster, 1).path("registered").asBoolean());
        assertThat(AgentState.sandboxOf(AgentState.read(cluster, 1), "survivor")).contains(sandbox);
        framework.reconcileUntil("survivor", TaskState.TASK_RUNNING, SOON);

        // Only a re-attached agent can still stop the task and see it end.
        framework.client.kill(running.getTaskId(), running.getAgentId());
        framework.awaitState("survivor", TaskState.TASK_KILLED, SOON);
      }
    }
  }

  @Test
  void aPausedAgentsTasksAreUnreachableThenRunningAgain() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      KernelProcess agent = cluster.startMasterAndAgent();
      try (TestFramework framework = new TestFramework(cluster, "it", true, 600)) {
        framework.awaitSubscribed();
        framework.launch("partitioned", "cpus:0.1;mem:32", "exec sleep 600");
        framework.awaitState("partitioned", TaskState.TASK_RUNNING, SOON);
        int before = framework.updates.size();

        agent.pause();
        try {
          framework.awaitState("partitioned", TaskState.TASK_UNREACHABLE, SOON);
        } finally {
          agent.resume();
        }
        TaskStatus back =
            framework.awaitUpdate(
                SOON,
                s ->
                    s.getState() == TaskState.TASK_RUNNING
                        && framework.updates.indexOf(s) > before
                        && s.getReason() == TaskStatus.Reason.REASON_AGENT_REREGISTERED);
        assertThat(back.getTaskId().getValue()).isEqualTo("partitioned");
        framework.reconcileUntil("partitioned", TaskState.TASK_RUNNING, SOON);
      }
    }
  }
}
