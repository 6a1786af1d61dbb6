package io.dcos.kernel.agent.core;

import com.google.protobuf.ByteString;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.ContainerID;
import io.dcos.kernel.protocol.ContainerStatus;
import io.dcos.kernel.protocol.ExecutorID;
import io.dcos.kernel.protocol.NetworkInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.UUID;

/** Builds the agent's task status updates: each carries a fresh uuid to be acknowledged. */
final class StatusFactory {
  private final Clock clock;
  private final String host;

  StatusFactory(Clock clock, String host) {
    this.clock = clock;
    this.host = host;
  }

  TaskStatus.Builder status(
      AgentTask task, String agentId, TaskState state, TaskStatus.Source source) {
    UUID uuid = UUID.randomUUID();
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    TaskStatus.Builder b =
        TaskStatus.newBuilder()
            .setTaskId(task.task.getTaskId())
            .setState(state)
            .setSource(source)
            .setAgentId(AgentID.newBuilder().setValue(agentId))
            .setExecutorId(ExecutorID.newBuilder().setValue(task.executorId()))
            .setTimestamp(clock.millis() / 1000.0)
            .setUuid(ByteString.copyFrom(bytes.array()))
            .setContainerStatus(
                ContainerStatus.newBuilder()
                    .setContainerId(ContainerID.newBuilder().setValue(task.containerId))
                    .addNetworkInfos(
                        NetworkInfo.newBuilder()
                            .addIpAddresses(
                                NetworkInfo.IPAddress.newBuilder().setIpAddress(host))));
    if (task.healthy != null) {
      b.setHealthy(task.healthy);
    }
    return b;
  }
}
