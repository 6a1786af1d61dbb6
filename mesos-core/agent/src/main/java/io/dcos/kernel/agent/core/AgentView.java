package io.dcos.kernel.agent.core;

import io.dcos.kernel.agent.updates.StatusUpdateManager;
import io.dcos.kernel.protocol.MasterInfo;
import java.util.ArrayList;
import java.util.List;

/** Read-only view of the agent's state for its HTTP endpoints; valid inside {@link Agent#query}. */
public final class AgentView {
  /** One task as the state endpoint shows it. */
  public record TaskEntry(
      io.dcos.kernel.protocol.FrameworkInfo framework,
      io.dcos.kernel.protocol.Task task,
      String containerId,
      String sandbox,
      String executorId) {}

  private final Agent.Identity identity;
  private final String agentId;
  private final MasterInfo master;
  private final boolean registered;
  private final TaskLifecycle tasks;
  private final StatusUpdateManager updates;

  AgentView(
      Agent.Identity identity,
      String agentId,
      MasterInfo master,
      boolean registered,
      TaskLifecycle tasks,
      StatusUpdateManager updates) {
    this.identity = identity;
    this.agentId = agentId;
    this.master = master;
    this.registered = registered;
    this.tasks = tasks;
    this.updates = updates;
  }

  public Agent.Identity identity() {
    return identity;
  }

  public String agentId() {
    return agentId;
  }

  public MasterInfo master() {
    return master;
  }

  public boolean registered() {
    return registered;
  }

  public List<TaskEntry> liveTasks() {
    return entries(tasks.tasks.values());
  }

  public List<TaskEntry> completedTasks() {
    return entries(tasks.completed);
  }

  public int pendingUpdates() {
    return updates.pendingCount();
  }

  private static List<TaskEntry> entries(Iterable<AgentTask> source) {
    List<TaskEntry> out = new ArrayList<>();
    for (AgentTask t : source) {
      out.add(
          new TaskEntry(
              t.framework, Agent.toTask(t), t.containerId, t.sandbox.toString(), t.executorId()));
    }
    return out;
  }
}
