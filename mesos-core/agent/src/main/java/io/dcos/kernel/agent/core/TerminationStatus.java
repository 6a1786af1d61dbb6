package io.dcos.kernel.agent.core;

import io.dcos.kernel.agent.containers.Termination;
import io.dcos.kernel.protocol.TaskState;
import io.dcos.kernel.protocol.TaskStatus;

/** Maps how a container ended onto the task's terminal state, reason and message. Pure. */
record TerminationStatus(TaskState state, TaskStatus.Reason reason, String message) {

  static TerminationStatus of(Termination t, boolean killRequested, String killReason) {
    if (killRequested) {
      return new TerminationStatus(
          TaskState.TASK_KILLED,
          null,
          killReason != null ? killReason : "Command terminated by a kill request");
    }
    return switch (t.reason()) {
      case EXITED ->
          t.succeeded()
              ? new TerminationStatus(TaskState.TASK_FINISHED, null, "Command exited with status 0")
              : new TerminationStatus(
                  TaskState.TASK_FAILED,
                  TaskStatus.Reason.REASON_COMMAND_EXECUTOR_FAILED,
                  "Command exited with status " + t.exitStatus() + detail(t));
      case KILLED ->
          new TerminationStatus(
              TaskState.TASK_FAILED,
              TaskStatus.Reason.REASON_COMMAND_EXECUTOR_FAILED,
              "Command terminated by a signal" + detail(t));
      case MEMORY_LIMIT ->
          new TerminationStatus(
              TaskState.TASK_FAILED,
              TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY,
              "Memory limit exceeded" + detail(t));
      case LAUNCH_FAILED ->
          new TerminationStatus(
              TaskState.TASK_FAILED,
              TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED,
              "Failed to launch the container" + detail(t));
      case LOST ->
          new TerminationStatus(
              TaskState.TASK_FAILED,
              TaskStatus.Reason.REASON_EXECUTOR_TERMINATED,
              "The task ended while the agent was down; its exit status is unknown");
    };
  }

  private static String detail(Termination t) {
    return t.message() == null || t.message().isBlank() ? "" : ": " + t.message();
  }
}
