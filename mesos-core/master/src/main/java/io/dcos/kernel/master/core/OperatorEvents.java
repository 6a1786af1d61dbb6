package io.dcos.kernel.master.core;

import io.dcos.kernel.master.state.AgentRecord;
import io.dcos.kernel.master.state.FrameworkRecord;
import io.dcos.kernel.master.state.TaskRecord;
import io.dcos.kernel.protocol.AgentID;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.operator.AgentState;
import io.dcos.kernel.protocol.operator.ClusterState;
import io.dcos.kernel.protocol.operator.FrameworkState;
import io.dcos.kernel.protocol.operator.OperatorEvent;

/** Builds the operator stream's events from the master's records. */
final class OperatorEvents {
  private OperatorEvents() {}

  static AgentState agentState(AgentRecord a) {
    return AgentState.newBuilder()
        .setAgentInfo(a.info)
        .setActive(a.reachable && a.link != null)
        .setPid(a.pid())
        .setRegisteredTime(a.registeredTime.toEpochMilli() / 1000.0)
        .build();
  }

  static FrameworkState frameworkState(FrameworkRecord f) {
    return FrameworkState.newBuilder()
        .setFrameworkInfo(f.info)
        .setActive(f.connected())
        .setConnected(f.connected())
        .build();
  }

  static OperatorEvent subscribed(Cluster cluster, MasterContext context) {
    ClusterState.Builder state = ClusterState.newBuilder().setMasterInfo(cluster.masterInfo);
    cluster.agents.values().stream()
        .filter(a -> a.reachable)
        .forEach(a -> state.addAgents(agentState(a)));
    for (FrameworkRecord f : cluster.frameworks.values()) {
      state.addFrameworks(frameworkState(f));
      f.tasks.values().forEach(t -> state.addTasks(t.task));
    }
    return OperatorEvent.newBuilder()
        .setType(OperatorEvent.Type.SUBSCRIBED)
        .setSubscribed(
            OperatorEvent.Subscribed.newBuilder()
                .setState(state)
                .setHeartbeatIntervalSeconds(
                    context.properties().heartbeatInterval().toMillis() / 1000.0))
        .build();
  }

  static OperatorEvent heartbeat() {
    return OperatorEvent.newBuilder().setType(OperatorEvent.Type.HEARTBEAT).build();
  }

  static OperatorEvent taskAdded(TaskRecord t) {
    return OperatorEvent.newBuilder()
        .setType(OperatorEvent.Type.TASK_ADDED)
        .setTaskAdded(OperatorEvent.TaskAdded.newBuilder().setTask(t.task))
        .build();
  }

  static OperatorEvent taskUpdated(TaskRecord t, TaskStatus status) {
    TaskStatus shown =
        status != null
            ? status
            : TaskStatus.newBuilder()
                .setTaskId(t.task.getTaskId())
                .setState(t.state())
                .setAgentId(t.task.getAgentId())
                .build();
    return OperatorEvent.newBuilder()
        .setType(OperatorEvent.Type.TASK_UPDATED)
        .setTaskUpdated(
            OperatorEvent.TaskUpdated.newBuilder()
                .setFrameworkId(t.task.getFrameworkId())
                .setStatus(shown)
                .setState(t.state()))
        .build();
  }

  static OperatorEvent taskRemoved(TaskRecord t) {
    return OperatorEvent.newBuilder()
        .setType(OperatorEvent.Type.TASK_REMOVED)
        .setTaskRemoved(OperatorEvent.TaskRemoved.newBuilder().setTask(t.task))
        .build();
  }

  static OperatorEvent agentAdded(AgentRecord a) {
    return OperatorEvent.newBuilder()
        .setType(OperatorEvent.Type.AGENT_ADDED)
        .setAgentAdded(OperatorEvent.AgentAdded.newBuilder().setAgent(agentState(a)))
        .build();
  }

  static OperatorEvent agentRemoved(String agentId) {
    return OperatorEvent.newBuilder()
        .setType(OperatorEvent.Type.AGENT_REMOVED)
        .setAgentRemoved(
            OperatorEvent.AgentRemoved.newBuilder()
                .setAgentId(AgentID.newBuilder().setValue(agentId)))
        .build();
  }

  static OperatorEvent frameworkAdded(FrameworkRecord f) {
    return OperatorEvent.newBuilder()
        .setType(OperatorEvent.Type.FRAMEWORK_ADDED)
        .setFrameworkAdded(
            OperatorEvent.FrameworkAdded.newBuilder().setFramework(frameworkState(f)))
        .build();
  }

  static OperatorEvent frameworkUpdated(FrameworkRecord f) {
    return OperatorEvent.newBuilder()
        .setType(OperatorEvent.Type.FRAMEWORK_UPDATED)
        .setFrameworkUpdated(
            OperatorEvent.FrameworkUpdated.newBuilder().setFramework(frameworkState(f)))
        .build();
  }

  static OperatorEvent frameworkRemoved(FrameworkRecord f) {
    return OperatorEvent.newBuilder()
        .setType(OperatorEvent.Type.FRAMEWORK_REMOVED)
        .setFrameworkRemoved(OperatorEvent.FrameworkRemoved.newBuilder().setFrameworkInfo(f.info))
        .build();
  }
}
