package io.dcos.kernel.master.core;

import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.dcos.kernel.master.allocation.HierarchicalDrfAllocator;
import io.dcos.kernel.master.config.MasterProperties;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.protocol.AgentInfo;
import io.dcos.kernel.protocol.CommandInfo;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Offer;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.Heartbeat;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.agent.Register;
import io.dcos.kernel.protocol.agent.StatusUpdate;
import io.dcos.kernel.protocol.scheduler.Call;
import io.dcos.kernel.protocol.scheduler.Event;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Drives a real {@link Master} core through hand-written stream ends: agents and frameworks are
 * scripted, time is a {@link MutableClock}, the registry is in memory and survives "failovers".
 */
final class MasterScenario implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  final MutableClock clock = new MutableClock();
  final InMemoryRegistrar registrar = new InMemoryRegistrar();
  final MasterProperties properties =
      new MasterProperties(
          "zk://127.0.0.1:2181/mesos",
          "127.0.0.1",
          5050,
          5060,
          "",
          "test",
          "",
          "",
          Duration.ofSeconds(2),
          Duration.ofMillis(100),
          Duration.ofSeconds(15),
          Duration.ofMinutes(2),
          Duration.ZERO,
          100,
          10);
  Master master;

  MasterScenario() {
    master = newMaster();
  }

  Master newMaster() {
    Master m =
        new Master(
            properties,
            clock,
            registrar,
            MasterInfo.newBuilder().setId(UUID.randomUUID().toString()).build(),
            HierarchicalDrfAllocator::new);
    m.elected();
    await().atMost(WAIT).until(m::isLeader);
    return m;
  }

  /** Kills the leader (its streams just stop) and elects a fresh master on the same registry. */
  void failover() {
    master.shutdown();
    master = newMaster();
  }

  FakeLinks.Agent registerAgent(String resources, String agentId, List<Task> tasks) {
    FakeLinks.Agent link = new FakeLinks.Agent();
    AgentInfo.Builder info =
        AgentInfo.newBuilder()
            .setHostname("agent-" + UUID.randomUUID())
            .setPort(5051)
            .addAllResources(ResourceConverter.toProto(ResourceText.parse(resources)));
    if (agentId != null) {
      info.setId(io.dcos.kernel.protocol.AgentID.newBuilder().setValue(agentId));
    }
    master.agentConnected(
        link,
        Register.newBuilder()
            .setAgentInfo(info)
            .setReregister(agentId != null)
            .addAllTasks(tasks)
            .build());
    await().atMost(WAIT).until(() -> link.count(MasterMessage::hasRegistered) > 0);
    return link;
  }

  static String agentId(FakeLinks.Agent agent) {
    return agent.last(MasterMessage::hasRegistered).getRegistered().getAgentId().getValue();
  }

  FakeLinks.Framework subscribe(String name, String id, boolean partitionAware, double failover) {
    return subscribe(name, id, partitionAware, failover, "");
  }

  /** Subscribes a new framework in {@code role}. */
  FakeLinks.Framework subscribeInRole(String name, String role) {
    return subscribe(name, null, false, 60, role);
  }

  FakeLinks.Framework subscribe(
      String name, String id, boolean partitionAware, double failover, String role) {
    FakeLinks.Framework link = new FakeLinks.Framework();
    FrameworkInfo.Builder info =
        FrameworkInfo.newBuilder()
            .setName(name)
            .setUser("root")
            .setFailoverTimeout(failover)
            .setRole(role);
    if (partitionAware) {
      info.addCapabilities(
          FrameworkInfo.Capability.newBuilder()
              .setType(FrameworkInfo.Capability.Type.PARTITION_AWARE));
    }
    if (id != null) {
      info.setId(FrameworkID.newBuilder().setValue(id));
    }
    master.schedulerCall(
        link,
        Call.newBuilder()
            .setType(Call.Type.SUBSCRIBE)
            .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(info))
            .build());
    await().atMost(WAIT).until(() -> link.count(Event.Type.SUBSCRIBED) > 0 || link.failed != null);
    return link;
  }

  static String frameworkId(FakeLinks.Framework f) {
    return f.last(Event.Type.SUBSCRIBED).getSubscribed().getFrameworkId().getValue();
  }

  Offer awaitOffer(FakeLinks.Framework f, long afterOffers) {
    await().atMost(WAIT).until(() -> f.count(Event.Type.OFFERS) > afterOffers);
    return f.last(Event.Type.OFFERS).getOffers().getOffers(0);
  }

  void call(FakeLinks.Framework f, Call.Builder call) {
    master.schedulerCall(
        f, call.setFrameworkId(FrameworkID.newBuilder().setValue(frameworkId(f))).build());
  }

  static TaskInfo task(String id, Offer offer, String resources) {
    return TaskInfo.newBuilder()
        .setName(id)
        .setTaskId(TaskID.newBuilder().setValue(id))
        .setAgentId(offer.getAgentId())
        .addAllResources(ResourceConverter.toProto(ResourceText.parse(resources)))
        .setCommand(CommandInfo.newBuilder().setValue("sleep 1000"))
        .build();
  }

  /** Launches one task on the offer and waits until the agent is told to run it. */
  void launchAndAwaitRunTask(
      FakeLinks.Framework f, FakeLinks.Agent agent, Offer offer, String taskId, String resources) {
    long before = agent.count(MasterMessage::hasRunTask);
    launch(f, offer, task(taskId, offer, resources));
    await().atMost(WAIT).until(() -> agent.count(MasterMessage::hasRunTask) == before + 1);
  }

  /** The cpus an offer holds, over all roles. */
  static double cpusOf(Offer offer) {
    return offer.getResourcesList().stream()
        .filter(r -> r.getName().equals("cpus"))
        .mapToDouble(r -> r.getScalar().getValue())
        .sum();
  }

  /** A RUNNING task as an agent reports it when it re-registers. */
  static Task runningTask(String frameworkId, String taskId, Offer offer, String resources) {
    return Task.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue(taskId))
        .setFrameworkId(FrameworkID.newBuilder().setValue(frameworkId))
        .setState(TaskState.TASK_RUNNING)
        .addAllResources(task(taskId, offer, resources).getResourcesList())
        .build();
  }

  void launch(FakeLinks.Framework f, Offer offer, TaskInfo... tasks) {
    call(
        f,
        Call.newBuilder()
            .setType(Call.Type.ACCEPT)
            .setAccept(
                Call.Accept.newBuilder()
                    .addOfferIds(offer.getId())
                    .addOperations(
                        Offer.Operation.newBuilder()
                            .setType(Offer.Operation.Type.LAUNCH)
                            .setLaunch(
                                Offer.Operation.Launch.newBuilder()
                                    .addAllTaskInfos(List.of(tasks))))));
  }

  /** The agent reports a status, with a uuid to be acknowledged. */
  TaskStatus report(FakeLinks.Agent agent, String frameworkId, String taskId, TaskState state) {
    UUID u = UUID.randomUUID();
    TaskStatus status =
        TaskStatus.newBuilder()
            .setTaskId(TaskID.newBuilder().setValue(taskId))
            .setState(state)
            .setSource(TaskStatus.Source.SOURCE_EXECUTOR)
            .setAgentId(io.dcos.kernel.protocol.AgentID.newBuilder().setValue(agentId(agent)))
            .setUuid(
                ByteString.copyFrom(
                    ByteBuffer.allocate(16)
                        .putLong(u.getMostSignificantBits())
                        .putLong(u.getLeastSignificantBits())
                        .array()))
            .build();
    master.agentMessage(
        agent,
        AgentMessage.newBuilder()
            .setStatusUpdate(
                StatusUpdate.newBuilder()
                    .setFrameworkId(FrameworkID.newBuilder().setValue(frameworkId))
                    .setStatus(status)
                    .setLatestState(state))
            .build());
    return status;
  }

  /** Waits until the master has seen the framework's stream go (before time is moved on). */
  void awaitDisconnected(String frameworkId) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                master.query(
                    v ->
                        v.frameworks().stream()
                            .anyMatch(f -> f.id.equals(frameworkId) && !f.connected()),
                    false));
  }

  void heartbeat(FakeLinks.Agent agent) {
    master.agentMessage(
        agent, AgentMessage.newBuilder().setHeartbeat(Heartbeat.getDefaultInstance()).build());
  }

  @Override
  public void close() {
    master.shutdown();
  }
}
