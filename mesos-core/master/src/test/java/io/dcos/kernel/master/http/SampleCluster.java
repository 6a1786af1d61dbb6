package io.dcos.kernel.master.http;

import io.dcos.kernel.master.core.ClusterFixture;
import io.dcos.kernel.master.state.AgentLink;
import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkLink;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.OfferRecord;
import io.dcos.kernel.master.state.TaskKey;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.model.AttributeText;
import io.dcos.kernel.model.ResourceConverter;
import io.dcos.kernel.model.ResourceText;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.Address;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.AgentInfo;
import io.dcos.kernel.protocol.ContainerStatus;
import io.dcos.kernel.protocol.DiscoveryInfo;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.Label;
import io.dcos.kernel.protocol.Labels;
import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.NetworkInfo;
import io.dcos.kernel.protocol.Port;
import io.dcos.kernel.protocol.Ports;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskID;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.MasterMessage;
import io.dcos.kernel.protocol.scheduler.Event;
import java.time.Instant;

/** Hand-built records of a small cluster, for the converter tests. */
final class SampleCluster {
  static final Instant ELECTED = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant NOW = ELECTED.plusSeconds(60);
  static final MasterInfo MASTER =
      MasterInfo.newBuilder()
          .setId("m1")
          .setPid("master@127.0.0.1:5050")
          .setHostname("127.0.0.1")
          .setPort(5050)
          .setVersion("1.11.0")
          .setAddress(
              Address.newBuilder().setHostname("127.0.0.1").setIp("127.0.0.1").setPort(5050))
          .build();

  static final AgentLink AGENT_LINK =
      new AgentLink() {
        @Override
        public void send(MasterMessage message) {}

        @Override
        public void close(String reason) {}
      };

  static final FrameworkLink FRAMEWORK_LINK =
      new FrameworkLink() {
        @Override
        public void send(Event event) {}

        @Override
        public void fail(String message) {}
      };

  private SampleCluster() {}

  static AgentRecord agent(String id, String resources, boolean connected) {
    AgentInfo info =
        AgentInfo.newBuilder()
            .setId(AgentID.newBuilder().setValue(id))
            .setHostname("10.0.0." + id.length())
            .setPort(5051)
            .addAllAttributes(AttributeText.parse("rack:r1;level:10"))
            .build();
    AgentRecord a = new AgentRecord(id, info, ResourceText.parse(resources), ELECTED);
    a.version = "1.11.0";
    a.link = connected ? AGENT_LINK : null;
    return a;
  }

  static FrameworkRecord framework(String id, String name, String role, boolean connected) {
    FrameworkInfo info =
        FrameworkInfo.newBuilder()
            .setId(FrameworkID.newBuilder().setValue(id))
            .setName(name)
            .setUser("root")
            .setRole(role)
            .setFailoverTimeout(604800)
            .setCheckpoint(true)
            .setPrincipal("svc")
            .addCapabilities(
                FrameworkInfo.Capability.newBuilder()
                    .setType(FrameworkInfo.Capability.Type.PARTITION_AWARE))
            .build();
    FrameworkRecord f = new FrameworkRecord(id, info, ELECTED);
    f.subscribed = true;
    f.link = connected ? FRAMEWORK_LINK : null;
    return f;
  }

  /** A task with one status per given state, one second apart from {@code startSeconds}. */
  static TaskRecord task(
      FrameworkRecord f,
      String agentId,
      String taskId,
      String resources,
      double startSeconds,
      TaskState... states) {
    Resources r = ResourceText.parse(resources);
    Task.Builder t =
        Task.newBuilder()
            .setName(taskId + "-name")
            .setTaskId(TaskID.newBuilder().setValue(taskId))
            .setFrameworkId(FrameworkID.newBuilder().setValue(f.id))
            .setAgentId(AgentID.newBuilder().setValue(agentId))
            .setState(states[states.length - 1])
            .addAllResources(ResourceConverter.toProto(r))
            .setLabels(Labels.newBuilder().addLabels(Label.newBuilder().setKey("k").setValue("v")))
            .setDiscovery(
                DiscoveryInfo.newBuilder()
                    .setName(taskId)
                    .setPorts(
                        Ports.newBuilder()
                            .addPorts(
                                Port.newBuilder()
                                    .setNumber(31000)
                                    .setName("http")
                                    .setProtocol("tcp"))));
    for (int i = 0; i < states.length; i++) {
      t.addStatuses(
          TaskStatus.newBuilder()
              .setTaskId(TaskID.newBuilder().setValue(taskId))
              .setState(states[i])
              .setTimestamp(startSeconds + i)
              .setContainerStatus(
                  ContainerStatus.newBuilder()
                      .addNetworkInfos(
                          NetworkInfo.newBuilder()
                              .addIpAddresses(
                                  NetworkInfo.IPAddress.newBuilder().setIpAddress("10.0.0.9")))));
    }
    TaskRecord record = new TaskRecord(new TaskKey(f.id, taskId), agentId, r, t.build());
    f.tasks.put(taskId, record);
    return record;
  }

  static OfferRecord offer(String id, FrameworkRecord f, String agentId, String resources) {
    return new OfferRecord(
        id, f.id, agentId, f.roles().iterator().next(), ResourceText.parse(resources), null);
  }

  /**
   * One connected agent a1 with a reservation for role db, one unreachable agent a2, framework f1
   * (role db, connected) with a running task on a1, a finished task and an offer on a1, and a
   * removed framework f0.
   */
  static ClusterFixture standard() {
    AgentRecord a1 = agent("a1", "cpus:4;mem:1024;disk:2000;ports:[31000-32000];cpus(db):2", true);
    AgentRecord a2 = agent("a2", "cpus:8;mem:4096", false);
    a2.reachable = false;
    FrameworkRecord f1 = framework("f1", "marathon", "db", true);
    TaskRecord running =
        task(f1, "a1", "t1", "cpus:1;mem:128", 100, TaskState.TASK_STAGING, TaskState.TASK_RUNNING);
    a1.tasks.put(running.key, running);
    TaskRecord done = task(f1, "a1", "t0", "cpus:1;mem:64", 50, TaskState.TASK_FINISHED);
    f1.complete(done, 10);
    return new ClusterFixture(MASTER, ELECTED, NOW)
        .agent(a1)
        .agent(a2)
        .framework(f1)
        .ended(TaskState.TASK_FINISHED)
        .offer(offer("o1", f1, "a1", "cpus:2;mem:512"))
        .completedFramework(
            FrameworkInfo.newBuilder()
                .setId(FrameworkID.newBuilder().setValue("f0"))
                .setName("old")
                .setUser("nobody")
                .build())
        .weight("db", 2.5);
  }
}
