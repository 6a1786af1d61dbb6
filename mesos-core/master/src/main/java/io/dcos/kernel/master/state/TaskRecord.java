package io.dcos.kernel.master.state;

import io.dcos.kernel.model.Resources;
import io.dcos.kernel.model.TaskStates;
import io.dcos.kernel.protocol.Task;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;

/**
 * A task known to the leading master: the wire {@link Task} (kept as the operator API shows it) and
 * its resources. Invariant: {@code task.state} is the latest state the agent (or the master for
 * unreachable agents) reported.
 */
public final class TaskRecord {
  public final TaskKey key;
  public final String agentId;
  public final Resources resources;
  public Task task;

  public TaskRecord(TaskKey key, String agentId, Resources resources, Task task) {
    this.key = key;
    this.agentId = agentId;
    this.resources = resources;
    this.task = task;
  }

  public TaskState state() {
    return task.getState();
  }

  public boolean terminal() {
    return TaskStates.isTerminal(task.getState());
  }

  /** Records a status; keeps the last few statuses as Mesos's state endpoint shows them. */
  public void record(TaskStatus status, TaskState latestState) {
    Task.Builder b = task.toBuilder().setState(latestState);
    if (b.getStatusesCount() >= 10) {
      b.removeStatuses(0);
    }
    b.addStatuses(status);
    b.setStatusUpdateState(status.getState());
    b.setStatusUpdateUuid(status.getUuid());
    task = b.build();
  }
}
