package io.dcos.kernel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.protocol.ExecutorID;
import io.dcos.kernel.protocol.ExecutorInfo;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.Label;
import io.dcos.kernel.protocol.Labels;
import io.dcos.kernel.protocol.TaskGroupInfo;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.KillTask;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.ReconcileTasks;
import io.dcos.kernel.protocol.agent.Register;
import io.dcos.kernel.protocol.agent.ReregisterRequest;
import io.dcos.kernel.protocol.agent.RunTask;
import io.dcos.kernel.protocol.agent.RunTaskGroup;
import io.dcos.kernel.protocol.agent.RunTasks;
import io.dcos.kernel.protocol.agent.ShutdownFramework;
import io.dcos.kernel.protocol.agent.StatusUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedAgentTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final FrameworkInfo FRAMEWORK =
      FrameworkInfo.newBuilder()
          .setId(FrameworkID.newBuilder().setValue("fw-1"))
          .setName("marathon")
          .build();
  private static final FrameworkInfo KILLING_FRAMEWORK =
      FRAMEWORK.toBuilder()
          .addCapabilities(
              FrameworkInfo.Capability.newBuilder()
                  .setType(FrameworkInfo.Capability.Type.TASK_KILLING_STATE))
          .build();

  private FakeAgentMaster master;
  private SimulatedCluster cluster;

  @BeforeEach
  void startMaster() throws Exception {
    master = new FakeAgentMaster("master-a", 0.05).start();
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
    master.close();
  }

  private SimulatedCluster cluster(int agents) {
    cluster =
        SimulatedCluster.builder()
            .master("127.0.0.1", master.port())
            .agents(
                agents,
                AgentSpec.uniform("test", "cpus:2;mem:1024;ports:[31000-31010]", "zone:a", 2))
            .settings(
                SimulatorSettings.defaults()
                    .withUpdateRetry(Duration.ofMillis(100), Duration.ofMillis(400))
                    .withReconnect(Duration.ofMillis(20), Duration.ofMillis(100)))
            .threads(2)
            .start();
    await().atMost(WAIT).until(() -> master.registeredCount() == agents);
    return cluster;
  }

  private static TaskInfo task(String id, String... labels) {
    Labels.Builder l = Labels.newBuilder();
    for (int i = 0; i < labels.length; i += 2) {
      l.addLabels(Label.newBuilder().setKey(labels[i]).setValue(labels[i + 1]));
    }
    return TaskInfo.newBuilder()
        .setName(id)
        .setTaskId(TaskID.newBuilder().setValue(id))
        .setLabels(l)
        .build();
  }

  private static MasterMessage run(FrameworkInfo fw, TaskInfo task) {
    return MasterMessage.newBuilder()
        .setRunTask(RunTask.newBuilder().setFramework(fw).setTask(task))
        .build();
  }

  private static MasterMessage kill(String taskId) {
    return MasterMessage.newBuilder()
        .setKillTask(
            KillTask.newBuilder()
                .setFrameworkId(FRAMEWORK.getId())
                .setTaskId(TaskID.newBuilder().setValue(taskId)))
        .build();
  }

  private List<TaskState> states(String host) {
    return master.agent(host).updates().stream().map(u -> u.getStatus().getState()).toList();
  }

  @Test
  void registersWithItsResourcesAndAttributesThenHeartbeats() {
    cluster(2);
    SimulatedAgent a = cluster.agent(0);
    FakeAgentMaster.AgentRecord record = master.agent(a.hostname());

    Register register = record.registers().get(0);
    assertThat(register.getReregister()).isFalse();
    assertThat(register.getAgentInfo().hasId()).isFalse();
    assertThat(register.getAgentInfo().getHostname()).isEqualTo("test-00000.sim");
    assertThat(register.getAgentInfo().getResourcesList())
        .anyMatch(r -> r.getName().equals("cpus") && r.getScalar().getValue() == 2.0);
    assertThat(register.getAgentInfo().getAttributesList())
        .extracting(at -> at.getName())
        .containsExactlyInAnyOrder("zone", "rack");
    assertThat(cluster.agent(1).hostname()).isEqualTo("test-00001.sim");

    await().atMost(WAIT).until(() -> record.heartbeats() >= 3);
    assertThat(a.state()).isEqualTo(SimulatedAgent.State.REGISTERED);
    assertThat(a.agentId()).contains(record.id);
  }

  @Test
  void reportsUpdatesInOrderOneAtATimeAndResendsEachUntilAcknowledged() {
    cluster(1);
    String host = cluster.agent(0).hostname();
    FakeAgentMaster.AgentRecord record = master.agent(host);

    master.send(host, run(FRAMEWORK, task("t-1", "sim.run_ms", "30")));

    // Only the oldest update is in flight, and it is resent until acknowledged.
    await().atMost(WAIT).until(() -> record.updates().size() >= 3);
    List<StatusUpdate> sent = record.updates();
    assertThat(sent)
        .extracting(u -> u.getStatus().getState())
        .containsOnly(TaskState.TASK_STARTING);
    assertThat(sent)
        .extracting(u -> u.getStatus().getUuid())
        .containsOnly(sent.get(0).getStatus().getUuid());
    assertThat(sent.get(0).getStatus().getUuid().size()).isEqualTo(16);
    assertThat(sent.get(0).getStatus().getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    assertThat(sent.get(0).getStatus().getAgentId()).isEqualTo(record.id);
    assertThat(sent.get(0).getFrameworkId()).isEqualTo(FRAMEWORK.getId());
    // The task went on meanwhile: resends carry where it is now.
    await()
        .atMost(WAIT)
        .until(
            () ->
                record.updates().get(record.updates().size() - 1).getLatestState()
                    == TaskState.TASK_FINISHED);

    for (TaskState expected :
        List.of(TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED)) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  record.updates().get(record.updates().size() - 1).getStatus().getState()
                      == expected);
      master.acknowledge(host, record.updates().get(record.updates().size() - 1));
    }
    await().atMost(WAIT).until(() -> cluster.agent(0).taskStates().isEmpty());
    assertThat(cluster.agent(0).pendingUpdates()).isZero();
    assertThat(states(host))
        .containsSubsequence(
            TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);
  }

  @Test
  void runTasksLaunchesEveryTaskItCarries() {
    cluster(1);
    master.autoAck(true);
    String host = cluster.agent(0).hostname();

    master.send(
        host,
        MasterMessage.newBuilder()
            .setRunTasks(
                RunTasks.newBuilder()
                    .setFramework(FRAMEWORK)
                    .addTasks(task("one"))
                    .addTasks(task("two"))
                    .addTasks(task("three")))
            .build());

    await()
        .atMost(WAIT)
        .until(
            () ->
                cluster.agent(0).taskStates().values().stream()
                        .filter(st -> st == TaskState.TASK_RUNNING)
                        .count()
                    == 3);
    assertThat(cluster.agent(0).taskStates().keySet()).containsExactly("one", "two", "three");
    assertThat(master.agent(host).updates())
        .extracting(u -> u.getStatus().getTaskId().getValue() + " " + u.getStatus().getState())
        .containsExactlyInAnyOrder(
            "one TASK_STARTING",
            "one TASK_RUNNING",
            "two TASK_STARTING",
            "two TASK_RUNNING",
            "three TASK_STARTING",
            "three TASK_RUNNING");
  }

  @Test
  void failingTaskEndsFailedAndVanishingTaskSaysNothing() {
    cluster(1);
    master.autoAck(true);
    String host = cluster.agent(0).hostname();

    master.send(
        host,
        run(
            FRAMEWORK,
            task("fails", "sim.run_ms", "10", "sim.exit", "fail", "sim.starting", "false")));
    master.send(host, run(FRAMEWORK, task("hangs", "sim.vanish", "true")));
    master.send(host, run(FRAMEWORK, task("bad", "sim.run_ms", "soon")));

    await().atMost(WAIT).until(() -> states(host).size() == 3);
    assertThat(master.agent(host).updates())
        .extracting(u -> u.getStatus().getTaskId().getValue() + " " + u.getStatus().getState())
        .containsExactlyInAnyOrder("fails TASK_RUNNING", "fails TASK_FAILED", "bad TASK_ERROR");
    assertThat(cluster.agent(0).taskStates()).containsEntry("hangs", TaskState.TASK_STAGING);
  }

  @Test
  void killReportsKillingOnlyToFrameworksThatKnowIt() {
    cluster(1);
    master.autoAck(true);
    String host = cluster.agent(0).hostname();
    master.send(host, run(KILLING_FRAMEWORK, task("knows")));
    await().atMost(WAIT).until(() -> states(host).contains(TaskState.TASK_RUNNING));

    master.send(host, kill("knows"));
    await().atMost(WAIT).until(() -> states(host).contains(TaskState.TASK_KILLED));
    assertThat(states(host))
        .containsExactly(
            TaskState.TASK_STARTING,
            TaskState.TASK_RUNNING,
            TaskState.TASK_KILLING,
            TaskState.TASK_KILLED);

    FrameworkInfo other =
        FrameworkInfo.newBuilder().setId(FrameworkID.newBuilder().setValue("fw-2")).build();
    master.send(host, run(other, task("plain", "sim.starting", "false")));
    await().atMost(WAIT).until(() -> states(host).size() == 5);
    master.send(
        host,
        MasterMessage.newBuilder()
            .setKillTask(
                KillTask.newBuilder()
                    .setFrameworkId(other.getId())
                    .setTaskId(TaskID.newBuilder().setValue("plain")))
            .build());
    await().atMost(WAIT).until(() -> states(host).size() == 6);
    assertThat(states(host).get(5)).isEqualTo(TaskState.TASK_KILLED);
  }

  @Test
  void killAndReconciliationOfUnknownTasksReportLost() {
    cluster(1);
    master.autoAck(true);
    String host = cluster.agent(0).hostname();
    master.send(host, run(FRAMEWORK, task("known")));
    await().atMost(WAIT).until(() -> states(host).contains(TaskState.TASK_RUNNING));

    master.send(host, kill("ghost"));
    master.send(
        host,
        MasterMessage.newBuilder()
            .setReconcileTasks(
                ReconcileTasks.newBuilder()
                    .setFrameworkId(FRAMEWORK.getId())
                    .addTaskIds(TaskID.newBuilder().setValue("known"))
                    .addTaskIds(TaskID.newBuilder().setValue("other")))
            .build());

    await().atMost(WAIT).until(() -> states(host).size() == 4);
    List<TaskStatus> lost =
        master.agent(host).updates().stream().map(StatusUpdate::getStatus).skip(2).toList();
    assertThat(lost).extracting(s -> s.getTaskId().getValue()).containsExactly("ghost", "other");
    assertThat(lost)
        .allMatch(
            s ->
                s.getState() == TaskState.TASK_LOST
                    && s.getSource() == TaskStatus.Source.SOURCE_AGENT);
    assertThat(lost.get(0).getReason()).isEqualTo(TaskStatus.Reason.REASON_TASK_UNKNOWN);
    assertThat(lost.get(1).getReason()).isEqualTo(TaskStatus.Reason.REASON_RECONCILIATION);
  }

  @Test
  void reregisterRequestSendsEveryTaskAgain() {
    cluster(1);
    master.autoAck(true);
    SimulatedAgent agent = cluster.agent(0);
    String host = agent.hostname();
    master.send(host, run(FRAMEWORK, task("t-1")));
    await().atMost(WAIT).until(() -> states(host).contains(TaskState.TASK_RUNNING));

    master.send(
        host,
        MasterMessage.newBuilder()
            .setReregisterRequest(ReregisterRequest.getDefaultInstance())
            .build());

    await().atMost(WAIT).until(() -> master.agent(host).registers().size() == 2);
    Register again = master.agent(host).registers().get(1);
    assertThat(again.getReregister()).isTrue();
    assertThat(again.getAgentInfo().getId()).isEqualTo(master.agent(host).id);
    assertThat(again.getTasksList())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getTaskId().getValue()).isEqualTo("t-1");
              assertThat(t.getState()).isEqualTo(TaskState.TASK_RUNNING);
              assertThat(t.getFrameworkId()).isEqualTo(FRAMEWORK.getId());
            });
    assertThat(again.getFrameworksList()).containsExactly(FRAMEWORK);
    await().atMost(WAIT).until(() -> agent.registrations() == 2);
  }

  @Test
  void pausedAgentStopsHeartbeatsUntilResumed() {
    cluster(2);
    SimulatedAgent paused = cluster.agent(0);
    FakeAgentMaster.AgentRecord pausedRecord = master.agent(paused.hostname());
    FakeAgentMaster.AgentRecord other = master.agent(cluster.agent(1).hostname());

    paused.pause();
    await().atMost(WAIT).until(paused::isPaused);
    long before = pausedRecord.heartbeats();
    long otherBefore = other.heartbeats();
    await().atMost(WAIT).until(() -> other.heartbeats() >= otherBefore + 5);
    assertThat(pausedRecord.heartbeats()).isLessThanOrEqualTo(before + 1);

    paused.resume();
    await().atMost(WAIT).until(() -> pausedRecord.heartbeats() >= before + 3);
  }

  @Test
  void crashedAgentRestartsWithItsTasksAndResendsPendingUpdates() {
    cluster(1);
    SimulatedAgent agent = cluster.agent(0);
    String host = agent.hostname();
    FakeAgentMaster.AgentRecord record = master.agent(host);
    master.send(host, run(FRAMEWORK, task("t-1")));
    await().atMost(WAIT).until(() -> !record.updates().isEmpty());
    StatusUpdate starting = record.updates().get(0);

    agent.crash();
    await().atMost(WAIT).until(() -> agent.state() == SimulatedAgent.State.CRASHED);
    int updatesBefore = record.updates().size();
    agent.restart();

    await().atMost(WAIT).until(() -> record.registers().size() == 2);
    Register again = record.registers().get(1);
    assertThat(again.getReregister()).isTrue();
    assertThat(again.getTasks(0).getState()).isEqualTo(TaskState.TASK_RUNNING);
    assertThat(again.getTasks(0).getStatusUpdateState()).isEqualTo(TaskState.TASK_STARTING);
    assertThat(again.getTasks(0).getStatusUpdateUuid()).isEqualTo(starting.getStatus().getUuid());
    await().atMost(WAIT).until(() -> record.updates().size() > updatesBefore);
    assertThat(record.updates().get(updatesBefore).getStatus()).isEqualTo(starting.getStatus());
  }

  @Test
  void disconnectedAgentStaysAwayUntilReconnected() {
    cluster(1);
    SimulatedAgent agent = cluster.agent(0);
    agent.disconnect();
    await().atMost(WAIT).until(() -> agent.state() == SimulatedAgent.State.DISCONNECTED);
    agent.reconnect();
    await().atMost(WAIT).until(() -> master.agent(agent.hostname()).registers().size() == 2);
    assertThat(master.agent(agent.hostname()).registers().get(1).getReregister()).isTrue();
  }

  @Test
  void shutdownFrameworkKillsItsTasksOnce() {
    cluster(1);
    master.autoAck(true);
    String host = cluster.agent(0).hostname();
    master.send(host, run(FRAMEWORK, task("a", "sim.starting", "false")));
    master.send(host, run(FRAMEWORK, task("b", "sim.starting", "false")));
    await().atMost(WAIT).until(() -> states(host).size() == 2);

    master.send(
        host,
        MasterMessage.newBuilder()
            .setShutdownFramework(ShutdownFramework.newBuilder().setFrameworkId(FRAMEWORK.getId()))
            .build());

    await().atMost(WAIT).until(() -> states(host).size() == 4);
    assertThat(states(host).subList(2, 4)).containsOnly(TaskState.TASK_KILLED);
    assertThat(cluster.agent(0).taskStates()).isEmpty();
  }

  @Test
  void taskGroupsRunEveryTaskUnderTheirExecutor() {
    cluster(1);
    master.autoAck(true);
    String host = cluster.agent(0).hostname();
    ExecutorID executor = ExecutorID.newBuilder().setValue("pod-1").build();
    master.send(
        host,
        MasterMessage.newBuilder()
            .setRunTaskGroup(
                RunTaskGroup.newBuilder()
                    .setFramework(FRAMEWORK)
                    .setExecutor(ExecutorInfo.newBuilder().setExecutorId(executor))
                    .setTaskGroup(
                        TaskGroupInfo.newBuilder()
                            .addTasks(task("c1", "sim.starting", "false"))
                            .addTasks(task("c2", "sim.starting", "false"))))
            .build());

    await().atMost(WAIT).until(() -> states(host).size() == 2);
    assertThat(master.agent(host).updates())
        .allMatch(u -> u.getStatus().getExecutorId().equals(executor));
    assertThat(cluster.agent(0).taskStates())
        .isEqualTo(Map.of("c1", TaskState.TASK_RUNNING, "c2", TaskState.TASK_RUNNING));
  }

  @Test
  void refusedAgentStops() {
    master.refuse("test-00001.sim");
    cluster =
        SimulatedCluster.builder()
            .master("127.0.0.1", master.port())
            .agents(2, AgentSpec.uniform("test", "cpus:1;mem:128", "", 0))
            .start();
    await().atMost(WAIT).until(() -> cluster.agent(1).state() == SimulatedAgent.State.REFUSED);
    assertThat(cluster.agent(1).refusal()).contains("agent test-00001.sim was removed");
    await().atMost(WAIT).until(() -> cluster.agent(0).state() == SimulatedAgent.State.REGISTERED);
  }
}
