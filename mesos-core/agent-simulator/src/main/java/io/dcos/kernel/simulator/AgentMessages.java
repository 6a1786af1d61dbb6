package io.dcos.kernel.simulator;

import com.google.protobuf.ByteString;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.AgentInfo;
import io.dcos.kernel.protocol.FrameworkID;
import io.dcos.kernel.protocol.FrameworkInfo;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.agent.AgentMessage;
import io.dcos.kernel.protocol.agent.Heartbeat;
import io.dcos.kernel.protocol.agent.Register;
import io.dcos.kernel.protocol.agent.StatusUpdate;
import java.util.Collection;
import java.util.Map;

/** Builds the messages a simulated agent sends, from its state. Pure apart from its inputs. */
final class AgentMessages {
  static final AgentMessage HEARTBEAT =
      AgentMessage.newBuilder().setHeartbeat(Heartbeat.getDefaultInstance()).build();

  private AgentMessages() {}

  static AgentMessage register(
      AgentInfo info,
      AgentID id,
      Collection<SimulatedTask> tasks,
      Map<String, FrameworkInfo> frameworks,
      String version) {
    AgentInfo.Builder agent = info.toBuilder();
    if (id != null) {
      agent.setId(id);
    }
    Register.Builder r =
        Register.newBuilder()
            .setAgentInfo(agent)
            .setReregister(id != null)
            .setVersion(version)
            .setHttpPort(0);
    java.util.Set<String> withTasks = new java.util.HashSet<>();
    for (SimulatedTask t : tasks) {
      if (t.ghost) {
        continue;
      }
      r.addTasks(task(t, id));
      withTasks.add(t.frameworkId);
    }
    for (String fid : withTasks) {
      FrameworkInfo fw = frameworks.get(fid);
      if (fw != null) {
        r.addFrameworks(fw);
      }
    }
    return AgentMessage.newBuilder().setRegister(r).build();
  }

  static Task task(SimulatedTask t, AgentID agentId) {
    Task.Builder b =
        Task.newBuilder()
            .setName(t.info.getName())
            .setTaskId(t.info.getTaskId())
            .setFrameworkId(FrameworkID.newBuilder().setValue(t.frameworkId))
            .setState(t.state)
            .addAllResources(t.info.getResourcesList())
            .setLabels(t.info.getLabels())
            .setDiscovery(t.info.getDiscovery())
            .setContainer(t.info.getContainer())
            .setHealthCheck(t.info.getHealthCheck())
            .setKillPolicy(t.info.getKillPolicy());
    if (agentId != null) {
      b.setAgentId(agentId);
    }
    if (t.executorId != null) {
      b.setExecutorId(t.executorId);
    }
    if (t.latest != null) {
      b.addStatuses(t.latest);
    }
    TaskStatus head = t.updates.head();
    if (head != null) {
      b.setStatusUpdateState(head.getState()).setStatusUpdateUuid(head.getUuid());
    } else {
      b.setStatusUpdateState(t.state);
    }
    return b.build();
  }

  static AgentMessage statusUpdate(String frameworkId, TaskStatus status, TaskState latest) {
    return AgentMessage.newBuilder()
        .setStatusUpdate(
            StatusUpdate.newBuilder()
                .setFrameworkId(FrameworkID.newBuilder().setValue(frameworkId))
                .setStatus(status)
                .setLatestState(latest))
        .build();
  }

  static ByteString randomUuid(java.util.random.RandomGenerator random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // Version 4, like Mesos's UUIDs.
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    return ByteString.copyFrom(bytes);
  }
}
