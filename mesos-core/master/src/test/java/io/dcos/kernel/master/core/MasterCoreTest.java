package io.dcos.kernel.master.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.operator.OperatorEvent;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The master core's rules, driven through scripted agents and frameworks. */
class MasterCoreTest {

  @Test
  void theTasksOfOneLaunchTravelToTheAgentInOneRunTasksInTheirOrder() {
    try (MasterScenario s = new MasterScenario()) {
      FakeLinks.Agent agent = s.registerAgent("cpus:4;mem:1024", null, List.of());
      FakeLinks.Framework f = s.subscribe("batch", null, false, 60);
      Offer offer = s.awaitOffer(f, 0);

      s.launch(
          f,
          offer,
          MasterScenario.task("a", offer, "cpus:1;mem:64"),
          MasterScenario.task("b", offer, "cpus:1;mem:64"),
          MasterScenario.task("c", offer, "cpus:1;mem:64"));

      await().atMost(MasterScenario.WAIT).until(() -> agent.count(MasterMessage::hasRunTasks) == 1);
      MasterMessage run = agent.last(MasterMessage::hasRunTasks);
      assertThat(run.getRunTasks().getTasksList())
          .extracting(t -> t.getTaskId().getValue())
          .containsExactly("a", "b", "c");
      assertThat(run.getRunTasks().getFramework().getId().getValue())
          .isEqualTo(MasterScenario.frameworkId(f));
      assertThat(agent.count(MasterMessage::hasRunTask)).isZero();
    }
  }

  @Test
  void operatorSubscribersGetTheSnapshotThenHeartbeatsAtTheAnnouncedInterval() {
    try (MasterScenario s = new MasterScenario()) {
      List<OperatorEvent> events = new CopyOnWriteArrayList<>();
      s.master.subscribeOperator(
          new Observers.Subscriber() {
            @Override
            public boolean send(OperatorEvent event) {
              return events.add(event);
            }

            @Override
            public void close(String reason) {}
          });

      await()
          .atMost(MasterScenario.WAIT)
          .until(
              () ->
                  events.stream().filter(e -> e.getType() == OperatorEvent.Type.HEARTBEAT).count()
                      >= 2);
      assertThat(events.get(0).getType()).isEqualTo(OperatorEvent.Type.SUBSCRIBED);
      assertThat(events.get(0).getSubscribed().getHeartbeatIntervalSeconds())
          .isEqualTo(s.properties.heartbeatInterval().toMillis() / 1000.0);
    }
  }

  @Test
  void offersLaunchesAndDeliversUpdatesUntilAcknowledged() {
    try (MasterScenario s = new MasterScenario()) {
      FakeLinks.Agent agent =
          s.registerAgent("cpus:4;mem:1024;ports:[31000-31010]", null, List.of());
      FakeLinks.Framework f = s.subscribe("web", null, false, 60);
      Offer offer = s.awaitOffer(f, 0);
      assertThat(offer.getResourcesList())
          .extracting(r -> r.getName())
          .contains("cpus", "mem", "ports");

      s.launch(f, offer, MasterScenario.task("t1", offer, "cpus:1;mem:128"));
      await().atMost(MasterScenario.WAIT).until(() -> agent.count(MasterMessage::hasRunTask) == 1);
      assertThat(
              agent.last(MasterMessage::hasRunTask).getRunTask().getTask().getTaskId().getValue())
          .isEqualTo("t1");

      String fid = MasterScenario.frameworkId(f);
      TaskStatus running = s.report(agent, fid, "t1", TaskState.TASK_RUNNING);
      await()
          .atMost(MasterScenario.WAIT)
          .until(
              () ->
                  f.hasUpdate(
                      u ->
                          u.getState() == TaskState.TASK_RUNNING
                              && u.getUuid().equals(running.getUuid())));

      s.call(
          f,
          Call.newBuilder()
              .setType(Call.Type.ACKNOWLEDGE)
              .setAcknowledge(
                  Call.Acknowledge.newBuilder()
                      .setAgentId(running.getAgentId())
                      .setTaskId(running.getTaskId())
                      .setUuid(running.getUuid())));
      await()
          .atMost(MasterScenario.WAIT)
          .until(
              () ->
                  agent.count(
                          m ->
                              m.hasAcknowledgement()
                                  && m.getAcknowledgement().getUuid().equals(running.getUuid()))
                      == 1);

      // The unused part of the offer comes back in a later offer; the task's resources do not.
      Offer next = s.awaitOffer(f, 1);
      double cpus = MasterScenario.cpusOf(next);
      assertThat(cpus).isEqualTo(3.0);
    }
  }

  @Test
  void invalidTasksGetTaskErrorAndTheirResourcesAreOfferedAgain() {
    try (MasterScenario s = new MasterScenario()) {
      s.registerAgent("cpus:2;mem:512", null, List.of());
      FakeLinks.Framework f = s.subscribe("web", null, false, 60);
      Offer offer = s.awaitOffer(f, 0);
      s.launch(f, offer, MasterScenario.task("too-big", offer, "cpus:8;mem:128"));
      await()
          .atMost(MasterScenario.WAIT)
          .until(
              () ->
                  f.hasUpdate(
                      u ->
                          u.getState() == TaskState.TASK_ERROR
                              && u.getReason() == TaskStatus.Reason.REASON_TASK_INVALID
                              && u.getMessage().contains("not in the offered")));
      Offer again = s.awaitOffer(f, 1);
      assertThat(MasterScenario.cpusOf(again)).isEqualTo(2.0);

      s.launch(f, offer, MasterScenario.task("stale", offer, "cpus:1;mem:64"));
      await()
          .atMost(MasterScenario.WAIT)
          .until(
              () ->
                  f.hasUpdate(
                      u ->
                          u.getTaskId().getValue().equals("stale")
                              && u.getState() == TaskState.TASK_LOST
                              && u.getReason() == TaskStatus.Reason.REASON_INVALID_OFFERS));
    }
  }

  @Test
  void silentAgentsBecomeUnreachableAndComeBackWhenHeardFrom() {
    try (MasterScenario s = new MasterScenario()) {
      FakeLinks.Agent agent = s.registerAgent("cpus:2;mem:512", null, List.of());
      FakeLinks.Framework f = s.subscribe("db", null, true, 60);
      Offer offer = s.awaitOffer(f, 0);
      s.launchAndAwaitRunTask(f, agent, offer, "t1", "cpus:1;mem:64");
      String fid = MasterScenario.frameworkId(f);
      s.report(agent, fid, "t1", TaskState.TASK_RUNNING);

      s.clock.advance(Duration.ofSeconds(16));
      await()
          .atMost(MasterScenario.WAIT)
          .until(() -> f.hasUpdate(u -> u.getState() == TaskState.TASK_UNREACHABLE));

      s.heartbeat(agent);
      await()
          .atMost(MasterScenario.WAIT)
          .until(() -> agent.count(MasterMessage::hasReregisterRequest) == 1);
      Task running = MasterScenario.runningTask(fid, "t1", offer, "cpus:1;mem:64");
      s.registerAgent("cpus:2;mem:512", MasterScenario.agentId(agent), List.of(running));
      await()
          .atMost(MasterScenario.WAIT)
          .until(
              () ->
                  f.hasUpdate(
                      u ->
                          u.getState() == TaskState.TASK_RUNNING
                              && u.getReason() == TaskStatus.Reason.REASON_AGENT_REREGISTERED));
    }
  }

  @Test
  void aFrameworkThatStaysAwayPastItsFailoverTimeoutIsRemovedAndItsTasksShutDown() {
    try (MasterScenario s = new MasterScenario()) {
      FakeLinks.Agent agent = s.registerAgent("cpus:2;mem:512", null, List.of());
      FakeLinks.Framework f = s.subscribe("batch", null, false, 30);
      Offer offer = s.awaitOffer(f, 0);
      s.launchAndAwaitRunTask(f, agent, offer, "t1", "cpus:1;mem:64");
      String fid = MasterScenario.frameworkId(f);

      s.master.schedulerDisconnected(f);
      s.awaitDisconnected(fid);
      s.clock.advance(Duration.ofSeconds(10));
      FakeLinks.Framework back = s.subscribe("batch", fid, false, 30);
      assertThat(MasterScenario.frameworkId(back)).isEqualTo(fid);
      s.call(
          back,
          Call.newBuilder()
              .setType(Call.Type.RECONCILE)
              .setReconcile(Call.Reconcile.getDefaultInstance()));
      await()
          .atMost(MasterScenario.WAIT)
          .until(
              () ->
                  back.hasUpdate(
                      u ->
                          u.getTaskId().getValue().equals("t1")
                              && u.getReason() == TaskStatus.Reason.REASON_RECONCILIATION));
      assertThat(agent.count(MasterMessage::hasShutdownFramework)).isZero();

      s.master.schedulerDisconnected(back);
      s.awaitDisconnected(fid);
      s.clock.advance(Duration.ofSeconds(31));
      await()
          .atMost(MasterScenario.WAIT)
          .until(() -> agent.count(MasterMessage::hasShutdownFramework) == 1);
      await().atMost(MasterScenario.WAIT).until(() -> !s.registrar.hasFramework(fid));
      FakeLinks.Framework late = s.subscribe("batch", fid, false, 30);
      assertThat(late.failed).contains("has been removed");
    }
  }

  @Test
  void aNewLeaderRebuildsTasksFromAgentsAndFrameworksResubscribe() {
    try (MasterScenario s = new MasterScenario()) {
      FakeLinks.Agent agent = s.registerAgent("cpus:2;mem:512", null, List.of());
      FakeLinks.Framework f = s.subscribe("svc", null, false, 3600);
      Offer offer = s.awaitOffer(f, 0);
      s.launchAndAwaitRunTask(f, agent, offer, "t1", "cpus:1;mem:64");
      String fid = MasterScenario.frameworkId(f);
      String aid = MasterScenario.agentId(agent);

      s.failover();

      Task running = MasterScenario.runningTask(fid, "t1", offer, "cpus:1;mem:64");
      FakeLinks.Agent again = s.registerAgent("cpus:2;mem:512", aid, List.of(running));
      assertThat(MasterScenario.agentId(again)).isEqualTo(aid);
      FakeLinks.Framework back = s.subscribe("svc", fid, false, 3600);
      s.call(
          back,
          Call.newBuilder()
              .setType(Call.Type.RECONCILE)
              .setReconcile(Call.Reconcile.getDefaultInstance()));
      await()
          .atMost(MasterScenario.WAIT)
          .until(
              () ->
                  back.hasUpdate(
                      u ->
                          u.getTaskId().getValue().equals("t1")
                              && u.getState() == TaskState.TASK_RUNNING));
      // The task still holds its resources: the next offer has only what is left.
      Offer next = s.awaitOffer(back, 0);
      assertThat(MasterScenario.cpusOf(next)).isEqualTo(1.0);
      assertThat(back.count(Event.Type.ERROR)).isZero();
    }
  }
}
