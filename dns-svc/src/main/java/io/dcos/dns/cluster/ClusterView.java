package io.dcos.dns.cluster;

import io.dcos.kernel.protocol.MasterInfo;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.protocol.operator.AgentState;
import io.dcos.kernel.protocol.operator.ClusterState;
import io.dcos.kernel.protocol.operator.FrameworkState;
import io.dcos.kernel.protocol.operator.OperatorEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as the operator stream describes it: agents, frameworks and tasks, replaced whole by
 * SUBSCRIBED and changed by every later event. Invariant: owned by one thread.
 */
final class ClusterView {
  private final Map<String, AgentState> agents = new LinkedHashMap<>();
  private final Map<String, FrameworkState> frameworks = new LinkedHashMap<>();
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private List<MasterInfo> masters = List.of();
  private Optional<MasterInfo> leader = Optional.empty();

  void masters(List<MasterInfo> all, Optional<MasterInfo> leading) {
    masters = List.copyOf(all);
    leader = leading;
  }

  /** Applies one event; returns whether the view changed. */
  boolean apply(OperatorEvent e) {
    switch (e.getType()) {
      case SUBSCRIBED -> reset(e.getSubscribed().getState());
      case TASK_ADDED -> putTask(e.getTaskAdded().getTask());
      case TASK_UPDATED -> {
        TaskStatus status = e.getTaskUpdated().getStatus();
        String key =
            key(e.getTaskUpdated().getFrameworkId().getValue(), status.getTaskId().getValue());
        Task t = tasks.get(key);
        if (t == null) {
          return false;
        }
        tasks.put(
            key, t.toBuilder().setState(e.getTaskUpdated().getState()).addStatuses(status).build());
      }
      case TASK_REMOVED -> {
        Task t = e.getTaskRemoved().getTask();
        tasks.remove(key(t.getFrameworkId().getValue(), t.getTaskId().getValue()));
      }
      case AGENT_ADDED -> {
        AgentState a = e.getAgentAdded().getAgent();
        agents.put(a.getAgentInfo().getId().getValue(), a);
      }
      case AGENT_REMOVED -> agents.remove(e.getAgentRemoved().getAgentId().getValue());
      case FRAMEWORK_ADDED -> putFramework(e.getFrameworkAdded().getFramework());
      case FRAMEWORK_UPDATED -> putFramework(e.getFrameworkUpdated().getFramework());
      case FRAMEWORK_REMOVED -> {
        String id = e.getFrameworkRemoved().getFrameworkInfo().getId().getValue();
        frameworks.remove(id);
        tasks.values().removeIf(t -> t.getFrameworkId().getValue().equals(id));
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void reset(ClusterState state) {
    agents.clear();
    frameworks.clear();
    tasks.clear();
    state.getAgentsList().forEach(a -> agents.put(a.getAgentInfo().getId().getValue(), a));
    state.getFrameworksList().forEach(this::putFramework);
    state.getTasksList().forEach(this::putTask);
  }

  private void putFramework(FrameworkState f) {
    frameworks.put(f.getFrameworkInfo().getId().getValue(), f);
  }

  private void putTask(Task t) {
    tasks.put(key(t.getFrameworkId().getValue(), t.getTaskId().getValue()), t);
  }

  private static String key(String frameworkId, String taskId) {
    return frameworkId + "/" + taskId;
  }

  List<MasterInfo> masters() {
    return masters;
  }

  Optional<MasterInfo> leader() {
    return leader;
  }

  List<AgentState> agents() {
    return new ArrayList<>(agents.values());
  }

  List<FrameworkState> frameworks() {
    return new ArrayList<>(frameworks.values());
  }

  List<Task> tasks() {
    return new ArrayList<>(tasks.values());
  }
}
