package io.dcos.kernel.simulator;

import io.dcos.kernel.model.TaskStates;
import io.dcos.kernel.protocol.ExecutorID;
import io.dcos.kernel.protocol.TaskInfo;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;
import io.dcos.kernel.simulator.tasks.TaskBehaviour;
import io.dcos.kernel.simulator.updates.UpdateQueue;
import java.util.concurrent.ScheduledFuture;

/**
 * One task on a simulated agent, touched only on its agent's serial executor. A <em>ghost</em> is a
 * task the agent never ran but reports TASK_LOST for (killed or reconciled while unknown); it is
 * not listed when the agent registers.
 */
final class SimulatedTask {
  final String frameworkId;
  final TaskInfo info;
  final ExecutorID executorId;
  final TaskBehaviour behaviour;
  final UpdateQueue updates;
  final boolean ghost;
  TaskState state = TaskState.TASK_STAGING;
  TaskStatus latest;
  boolean killed;

  /** Bumped when the task's plan changes, so that timers of the old plan do nothing. */
  int generation;

  ScheduledFuture<?> stepTimer;
  ScheduledFuture<?> retryTimer;

  SimulatedTask(
      String frameworkId,
      TaskInfo info,
      ExecutorID executorId,
      TaskBehaviour behaviour,
      UpdateQueue updates,
      boolean ghost) {
    this.frameworkId = frameworkId;
    this.info = info;
    this.executorId = executorId;
    this.behaviour = behaviour;
    this.updates = updates;
    this.ghost = ghost;
  }

  boolean isTerminal() {
    return TaskStates.isTerminal(state);
  }

  void cancelTimers() {
    generation++;
    if (stepTimer != null) {
      stepTimer.cancel(false);
      stepTimer = null;
    }
    cancelRetry();
  }

  void cancelRetry() {
    if (retryTimer != null) {
      retryTimer.cancel(false);
      retryTimer = null;
    }
  }
}
