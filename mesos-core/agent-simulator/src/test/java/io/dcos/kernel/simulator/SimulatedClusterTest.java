package io.dcos.kernel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.Register;
import io.dcos.kernel.protocol.agent.RunTask;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

class SimulatedClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void agentsFollowTheLeaderToTheNextMasterAndReregisterWithTheirTasks() throws Exception {
    try (TestingServer zkServer = new TestingServer(true);
        CuratorFramework zk =
            CuratorFrameworkFactory.newClient(zkServer.getConnectString(), new RetryOneTime(100))) {
      zk.start();
      FakeAgentMaster first = new FakeAgentMaster("master-a", 0.1).start().advertise(zk, "/mesos");
      FakeAgentMaster second = new FakeAgentMaster("master-b", 0.1).start().advertise(zk, "/mesos");
      first.autoAck(true);
      try (SimulatedCluster cluster =
          SimulatedCluster.builder()
              .zooKeeper(zk, "/mesos")
              .agents(20, AgentSpec.uniform("zk", "cpus:1;mem:256", "", 0))
              .settings(SimulatorSettings.defaults().withLeaderChangeSpread(Duration.ofMillis(200)))
              .start()) {
        await().atMost(WAIT).until(() -> first.registeredCount() == 20);
        String host = cluster.agent(7).hostname();
        FrameworkInfo fw =
            FrameworkInfo.newBuilder().setId(FrameworkID.newBuilder().setValue("fw-1")).build();
        first.send(
            host,
            MasterMessage.newBuilder()
                .setRunTask(
                    RunTask.newBuilder()
                        .setFramework(fw)
                        .setTask(
                            TaskInfo.newBuilder().setTaskId(TaskID.newBuilder().setValue("t-1"))))
                .build());
        await().atMost(WAIT).until(() -> first.agent(host).updates().size() == 2);

        first.close();

        await().atMost(WAIT).until(() -> second.registeredCount() == 20);
        Register again = second.agent(host).registers().get(0);
        assertThat(again.getReregister()).isTrue();
        assertThat(again.getAgentInfo().getId()).isEqualTo(first.agent(host).id);
        assertThat(again.getTasks(0).getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(cluster.count(SimulatedAgent.State.REGISTERED)).isEqualTo(20);
        assertThat(second.transports()).isEqualTo(1);
      } finally {
        second.close();
      }
    }
  }

  @Test
  void thousandsOfAgentsShareOneConnection() throws Exception {
    try (FakeAgentMaster master = new FakeAgentMaster("master-a", 1).start();
        SimulatedCluster cluster =
            SimulatedCluster.builder()
                .master("127.0.0.1", master.port())
                .agents(
                    3000, AgentSpec.uniform("big", "cpus:8;mem:16384;ports:[31000-32000]", "", 20))
                .threads(2)
                .start()) {
      await().atMost(WAIT).until(() -> master.registeredCount() == 3000);
      await().atMost(WAIT).until(() -> cluster.count(SimulatedAgent.State.REGISTERED) == 3000);
      assertThat(master.transports()).isEqualTo(1);
      assertThat(cluster.agents().stream().map(SimulatedAgent::hostname).distinct()).hasSize(3000);
    }
  }
}
