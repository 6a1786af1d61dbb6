package io.dcos.kernel.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.OfferID;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.Event;
import io.dcos.kernel.sdk.connection.ConnectionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchedulerClientTest {
  private static final String PATH = "/mesos";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private TestingServer zkServer;
  private CuratorFramework zk;
  private final RecordingScheduler scheduler = new RecordingScheduler();

  @BeforeEach
  void zooKeeper() throws Exception {
    zkServer = new TestingServer(true);
    zk = CuratorFrameworkFactory.newClient(zkServer.getConnectString(), new RetryOneTime(100));
    zk.start();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    zk.close();
    zkServer.close();
  }

  private FakeSchedulerMaster master(String id) throws Exception {
    FakeSchedulerMaster m = new FakeSchedulerMaster(zk, PATH, id, 0.1).start();
    closeables.add(m);
    return m;
  }

  private SchedulerClient client() {
    SchedulerClient c =
        SchedulerClient.builder(
                FrameworkInfo.newBuilder().setName("test-fw").setUser("root").build(), scheduler)
            .curator(zk, PATH)
            .settings(
                ConnectionSettings.defaults()
                    .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                    .withLivenessCheckPeriod(Duration.ofMillis(20)))
            .start();
    closeables.add(c);
    return c;
  }

  private static Event offers(String... ids) {
    Event.Offers.Builder b = Event.Offers.newBuilder();
    for (String id : ids) {
      b.addOffers(
          Offer.newBuilder()
              .setId(OfferID.newBuilder().setValue(id))
              .setAgentId(AgentID.newBuilder().setValue("agent-1"))
              .setHostname("host-1"));
    }
    return Event.newBuilder().setType(Event.Type.OFFERS).setOffers(b).build();
  }

  private static TaskStatus status(String task, TaskState state, boolean withUuid) {
    TaskStatus.Builder s =
        TaskStatus.newBuilder()
            .setTaskId(TaskID.newBuilder().setValue(task))
            .setAgentId(AgentID.newBuilder().setValue("agent-1"))
            .setState(state);
    if (withUuid) {
      s.setUuid(ByteString.copyFromUtf8("0123456789abcdef"));
    }
    return s.build();
  }

  @Test
  void subscribesReceivesOffersAndLaunchesWithTheFrameworkId() throws Exception {
    FakeSchedulerMaster master = master("master-a");
    SchedulerClient client = client();

    FrameworkID id = client.subscription().get(10, TimeUnit.SECONDS);
    assertThat(client.frameworkId()).contains(id);
    assertThat(client.isSubscribed()).isTrue();
    Call subscribe = master.calls(Call.Type.SUBSCRIBE).get(0);
    assertThat(subscribe.hasFrameworkId()).isFalse();
    assertThat(subscribe.getSubscribe().getFrameworkInfo().getName()).isEqualTo("test-fw");

    master.send(offers("o-1", "o-2"));
    await().atMost(WAIT).until(() -> scheduler.offers.size() == 2);

    client.launch(
        OfferID.newBuilder().setValue("o-1").build(),
        TaskInfo.newBuilder().setName("t").setTaskId(TaskID.newBuilder().setValue("t-1")).build());
    client.decline(List.of(OfferID.newBuilder().setValue("o-2").build()), 30);

    await().atMost(WAIT).until(() -> master.calls(Call.Type.DECLINE).size() == 1);
    Call accept = master.calls(Call.Type.ACCEPT).get(0);
    assertThat(accept.getFrameworkId()).isEqualTo(id);
    assertThat(accept.getAccept().getOfferIds(0).getValue()).isEqualTo("o-1");
    assertThat(accept.getAccept().getOperations(0).getType())
        .isEqualTo(Offer.Operation.Type.LAUNCH);
    assertThat(accept.getAccept().getOperations(0).getLaunch().getTaskInfos(0).getName())
        .isEqualTo("t");
    Call decline = master.calls(Call.Type.DECLINE).get(0);
    assertThat(decline.getDecline().getFilters().getRefuseSeconds()).isEqualTo(30.0);
    assertThat(scheduler.threads).hasSize(1).allMatch(t -> t.startsWith("scheduler-sdk-callbacks"));
  }

  @Test
  void updatesAreAcknowledgedOnlyWhenTheFrameworkSaysSo() throws Exception {
    FakeSchedulerMaster master = master("master-a");
    SchedulerClient client = client();
    client.subscription().get(10, TimeUnit.SECONDS);
    // The framework marks the update as seen with a REVIVE instead of acknowledging it.
    scheduler.onUpdate = s -> client.revive();

    TaskStatus running = status("t-1", TaskState.TASK_RUNNING, true);
    master.send(
        Event.newBuilder()
            .setType(Event.Type.UPDATE)
            .setUpdate(Event.Update.newBuilder().setStatus(running))
            .build());
    await().atMost(WAIT).until(() -> master.calls(Call.Type.REVIVE).size() == 1);
    assertThat(master.calls(Call.Type.ACKNOWLEDGE)).isEmpty();

    assertThat(client.acknowledge(scheduler.updates.get(0))).isTrue();
    await().atMost(WAIT).until(() -> master.calls(Call.Type.ACKNOWLEDGE).size() == 1);
    Call.Acknowledge ack = master.calls(Call.Type.ACKNOWLEDGE).get(0).getAcknowledge();
    assertThat(ack.getUuid()).isEqualTo(running.getUuid());
    assertThat(ack.getTaskId().getValue()).isEqualTo("t-1");
    assertThat(ack.getAgentId().getValue()).isEqualTo("agent-1");

    // Updates from the master itself carry no uuid and need no acknowledgement.
    assertThat(client.acknowledge(status("t-1", TaskState.TASK_LOST, false))).isFalse();
  }

  @Test
  void resubscribesWithTheSameFrameworkIdAfterHeartbeatsStop() throws Exception {
    FakeSchedulerMaster master = master("master-a");
    SchedulerClient client = client();
    FrameworkID id = client.subscription().get(10, TimeUnit.SECONDS);

    master.heartbeats(false);
    await().atMost(WAIT).until(() -> scheduler.count("disconnected") == 1);
    master.heartbeats(true);
    await().atMost(WAIT).until(() -> scheduler.subscriptions.size() == 2);

    Call again = master.calls(Call.Type.SUBSCRIBE).get(1);
    assertThat(again.getFrameworkId()).isEqualTo(id);
    assertThat(again.getSubscribe().getFrameworkInfo().getId()).isEqualTo(id);
    assertThat(scheduler.subscriptions).containsOnly(id);
    assertThat(client.isSubscribed()).isTrue();
  }

  @Test
  void resubscribesAfterTheStreamFails() throws Exception {
    FakeSchedulerMaster master = master("master-a");
    SchedulerClient client = client();
    FrameworkID id = client.subscription().get(10, TimeUnit.SECONDS);

    master.failStream();

    await().atMost(WAIT).until(() -> scheduler.subscriptions.size() == 2);
    assertThat(scheduler.log)
        .containsSubsequence("subscribed " + id.getValue() + " at master-a", "disconnected")
        .last()
        .isEqualTo("subscribed " + id.getValue() + " at master-a");
  }

  @Test
  void followsTheLeaderToTheNextMasterAndResubscribesThere() throws Exception {
    FakeSchedulerMaster first = master("master-a");
    SchedulerClient client = client();
    FrameworkID id = client.subscription().get(10, TimeUnit.SECONDS);
    FakeSchedulerMaster second = master("master-b");

    first.close();

    await().atMost(WAIT).until(() -> second.calls(Call.Type.SUBSCRIBE).size() == 1);
    assertThat(second.calls(Call.Type.SUBSCRIBE).get(0).getFrameworkId()).isEqualTo(id);
    await().atMost(WAIT).until(() -> scheduler.masters.size() == 2);
    assertThat(scheduler.masters.get(1).getId()).isEqualTo("master-b");
    assertThat(client.master().map(m -> m.getId())).contains("master-b");

    client.reconcileAll();
    await().atMost(WAIT).until(() -> second.calls(Call.Type.RECONCILE).size() == 1);
    assertThat(second.calls(Call.Type.RECONCILE).get(0).getFrameworkId()).isEqualTo(id);
  }

  @Test
  void callsWhileNotSubscribedThrowAndAreNotSent() throws Exception {
    SchedulerClient client = client();

    assertThat(client.isSubscribed()).isFalse();
    assertThatThrownBy(
            () ->
                client.kill(
                    TaskID.newBuilder().setValue("t-1").build(),
                    AgentID.newBuilder().setValue("agent-1").build()))
        .isInstanceOf(NotSubscribedException.class)
        .hasMessageContaining("KILL not sent");

    FakeSchedulerMaster master = master("master-a");
    client.subscription().get(10, TimeUnit.SECONDS);
    client.kill(
        TaskID.newBuilder().setValue("t-1").build(),
        AgentID.newBuilder().setValue("agent-1").build(),
        Duration.ofSeconds(3));
    await().atMost(WAIT).until(() -> master.calls(Call.Type.KILL).size() == 1);
    assertThat(
            master
                .calls(Call.Type.KILL)
                .get(0)
                .getKill()
                .getKillPolicy()
                .getGracePeriod()
                .getNanoseconds())
        .isEqualTo(3_000_000_000L);

    client.close();
    assertThatThrownBy(client::reconcileAll).isInstanceOf(NotSubscribedException.class);
  }

  @Test
  void aRefusedSubscriptionIsReportedAndRetried() throws Exception {
    FakeSchedulerMaster master = master("master-a");
    master.refuseNextSubscription();
    SchedulerClient client = client();

    client.subscription().get(10, TimeUnit.SECONDS);
    assertThat(scheduler.errors).containsExactly("subscription refused");
    assertThat(master.calls(Call.Type.SUBSCRIBE)).hasSize(2);
    assertThat(scheduler.count("disconnected")).isZero();
  }

  @Test
  void teardownStopsResubscribing() throws Exception {
    FakeSchedulerMaster master = master("master-a");
    SchedulerClient client = client();
    client.subscription().get(10, TimeUnit.SECONDS);

    client.teardown();
    await().atMost(WAIT).until(() -> master.calls(Call.Type.TEARDOWN).size() == 1);
    master.failStream();
    await().atMost(WAIT).until(() -> scheduler.count("disconnected") == 1);
    // A REVIVE cannot reach a master any more, and no new SUBSCRIBE went out.
    assertThatThrownBy(client::revive).isInstanceOf(NotSubscribedException.class);
    assertThat(master.calls(Call.Type.SUBSCRIBE)).hasSize(1);
  }

  @Test
  void updateFrameworkChangesTheInfoOfLaterSubscriptions() throws Exception {
    FakeSchedulerMaster master = master("master-a");
    SchedulerClient client = client();
    FrameworkID id = client.subscription().get(10, TimeUnit.SECONDS);

    client.updateFramework(
        FrameworkInfo.newBuilder().setName("test-fw").addRoles("web").build(), List.of("web"));
    await().atMost(WAIT).until(() -> master.calls(Call.Type.UPDATE_FRAMEWORK).size() == 1);
    assertThat(
            master
                .calls(Call.Type.UPDATE_FRAMEWORK)
                .get(0)
                .getUpdateFramework()
                .getFrameworkInfo()
                .getId())
        .isEqualTo(id);

    master.failStream();
    await().atMost(WAIT).until(() -> master.calls(Call.Type.SUBSCRIBE).size() == 2);
    Call.Subscribe again = master.calls(Call.Type.SUBSCRIBE).get(1).getSubscribe();
    assertThat(again.getFrameworkInfo().getRolesList()).containsExactly("web");
    assertThat(again.getSuppressedRolesList()).containsExactly("web");
  }
}
