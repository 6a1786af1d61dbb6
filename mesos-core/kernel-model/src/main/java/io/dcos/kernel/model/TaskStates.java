package io.dcos.kernel.model;

import io.dcos.kernel.protocol.TaskState;
import java.util.EnumSet;
import java.util.Set;

/** Facts about task states shared by the master, agents and frameworks. */
public final class TaskStates {
  private static final Set<TaskState> TERMINAL =
      EnumSet.of(
          TaskState.TASK_FINISHED,
          TaskState.TASK_FAILED,
          TaskState.TASK_KILLED,
          TaskState.TASK_ERROR,
          TaskState.TASK_LOST,
          TaskState.TASK_DROPPED,
          TaskState.TASK_GONE,
          TaskState.TASK_GONE_BY_OPERATOR);

  private TaskStates() {}

  /** A terminal task holds no resources and never changes state again. */
  public static boolean isTerminal(TaskState state) {
    return TERMINAL.contains(state);
  }

  /**
   * The state a framework sees: frameworks that are not PARTITION_AWARE get TASK_LOST for the
   * partition states, as Mesos does.
   */
  public static TaskState forFramework(TaskState state, boolean partitionAware) {
    if (partitionAware) {
      return state;
    }
    return switch (state) {
      case TASK_UNREACHABLE, TASK_DROPPED, TASK_GONE, TASK_GONE_BY_OPERATOR, TASK_UNKNOWN ->
          TaskState.TASK_LOST;
      default -> state;
    };
  }
}
