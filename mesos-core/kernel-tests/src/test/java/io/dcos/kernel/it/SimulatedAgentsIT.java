package io.dcos.kernel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.protocol.Label;
import io.dcos.kernel.protocol.Labels;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.sdk.discovery.ZooKeeperUrl;
import io.dcos.kernel.simulator.AgentSpec;
import io.dcos.kernel.simulator.SimulatedAgent;
import io.dcos.kernel.simulator.SimulatedCluster;
import io.dcos.kernel.simulator.tasks.TaskScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Many simulated agents, speaking the real agent protocol, against a real master process. */
class SimulatedAgentsIT {
  private static final Duration SOON = Duration.ofSeconds(60);

  @Test
  void aThousandAgentsRunTasksAndAPausedOneComesBack() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      cluster.startMaster();
      cluster.awaitLeader();
      try (SimulatedCluster sims =
              SimulatedCluster.builder()
                  .zooKeeper(ZooKeeperUrl.parse(cluster.zkUrl))
                  .agents(
                      1000,
                      AgentSpec.uniform("sim", "cpus:4;mem:8192;ports:[31000-31100]", "zone:a", 10))
                  .taskScript(TaskScript.fromLabels())
                  .start();
          TestFramework framework = new TestFramework(cluster, "sim-it", true, 600)) {
        await().atMost(SOON).until(() -> sims.count(SimulatedAgent.State.REGISTERED) == 1000);
        cluster.awaitActiveAgents(1000);
        framework.awaitSubscribed();

        // Two tasks on each offered agent until 2,000 are launched.
        Set<String> launched = new HashSet<>();
        while (launched.size() < 2000) {
          Offer offer = framework.takeOffer();
          List<TaskInfo> tasks = new ArrayList<>();
          for (int i = 0; i < 2 && launched.size() < 2000; i++) {
            String id = "sim-" + launched.size();
            launched.add(id);
            tasks.add(
                TestFramework.commandTask(id, offer, "cpus:1;mem:128", "serve").toBuilder()
                    .setLabels(
                        Labels.newBuilder()
                            .addLabels(Label.newBuilder().setKey("sim.starting").setValue("false")))
                    .build());
          }
          framework.client.launch(offer.getId(), tasks);
        }
        await()
            .atMost(SOON)
            .until(
                () ->
                    framework.updates.stream()
                            .filter(s -> s.getState() == TaskState.TASK_RUNNING)
                            .map(s -> s.getTaskId().getValue())
                            .distinct()
                            .count()
                        == 2000);
        assertThat(cluster.metric("master/tasks_running")).isEqualTo(2000.0);

        SimulatedAgent busy =
            sims.agents().stream().filter(a -> !a.taskStates().isEmpty()).findFirst().orElseThrow();
        String taskOnIt = busy.taskStates().keySet().iterator().next();
        int before = framework.updates.size();
        busy.pause();
        framework.awaitState(taskOnIt, TaskState.TASK_UNREACHABLE, SOON);
        busy.resume();
        await()
            .atMost(SOON)
            .until(
                () ->
                    framework.updates.subList(before, framework.updates.size()).stream()
                        .anyMatch(
                            s ->
                                s.getTaskId().getValue().equals(taskOnIt)
                                    && s.getState() == TaskState.TASK_RUNNING));
        assertThat(framework.errors).isEmpty();
      }
    }
  }
}
